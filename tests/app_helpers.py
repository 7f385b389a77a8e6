"""Building the app on the sample plan for Pilot tests."""

from datetime import date

from ita_tui.app import ItaApp
from ita_tui.db import open_database
from ita_tui.documents import snapshot

DEMO_AS_OF = date(2023, 4, 3)


def sample_app(tmp_path, **options) -> ItaApp:
    db = open_database(tmp_path / "app.db", create=True)
    snapshot.import_plan(db, snapshot.sample_plan(), "test")
    options.setdefault("as_of", DEMO_AS_OF)
    options.setdefault("persist_settings", False)
    options.setdefault("who", "สมศรี")
    return ItaApp(db, **options)


def rows(app, sql, params=()):
    return app.desk.db.execute(sql, params).fetchall()


_KEY_NAMES = {" ": "space", ".": "full_stop", "/": "slash", "-": "minus", ":": "colon"}


async def type_text(pilot, text: str) -> None:
    """ASCII is typed key by key; Thai arrives as terminals deliver IME text, in one piece
    (Pilot cannot press a combining vowel or tone mark on its own)."""
    await pilot.pause()
    if text.isascii():
        await pilot.press(*[_KEY_NAMES.get(character, character) for character in text])
    else:
        from textual import events

        pilot.app.focused.post_message(events.Paste(text))
    await pilot.pause()


async def clear_and_type(pilot, text: str) -> None:
    await pilot.press("ctrl+a", "ctrl+k")
    await type_text(pilot, text)


async def clear_and_paste(pilot, text: str) -> None:
    """The focused field's text replaced in one piece, as a paste: for tests about what a value
    does rather than how it is typed (Pilot takes about a tenth of a second a key)."""
    from textual import events

    await pilot.press("ctrl+a", "ctrl+k")
    pilot.app.focused.post_message(events.Paste(text))
    await pilot.pause()


def screen_rows(app) -> list[list]:
    """The segments of every line on the screen, drawn once."""
    from textual.strip import Strip

    return [
        list(line) if isinstance(line, Strip) else [s for strip in line for s in strip]
        for line in app.screen._compositor.render_full_update().strips
    ]


def _screen_strips(app):
    yield from screen_rows(app)


def screen_lines(app) -> list[str]:
    """The text of every line on the screen as the terminal would get it, top screen first."""
    return ["".join(segment.text for segment in line) for line in _screen_strips(app)]


def screen_segments(app):
    for line in _screen_strips(app):
        yield from line


async def click_every(pilot, text: str) -> int:
    """Click where `text` (its first characters) shows on the screen, as a curious user would;
    returns how many places were clicked."""
    from rich.cells import cell_len

    clicked = 0
    probe = text[:6]
    for y, line in enumerate(screen_lines(pilot.app)):
        start = line.find(probe)
        while start != -1:
            await pilot.click(offset=(cell_len(line[:start]) + 1, y))
            await pilot.pause()
            clicked += 1
            if pilot.app.return_code is not None or not pilot.app.is_running:
                return clicked
            start = line.find(probe, start + 1)
    return clicked


async def click_all(pilot, words: list[str], limit: int = 30) -> int:
    """Click once on each line where any of the words shows (their first characters), up to
    `limit` places: a curious user's tour of a screen."""
    from rich.cells import cell_len

    places = []
    for y, line in enumerate(screen_lines(pilot.app)):
        for word in words:
            start = line.find(word[:6])
            if start != -1:
                places.append((cell_len(line[:start]) + 1, y))
                break
    for place in places[:limit]:
        await pilot.click(offset=place)
        if not pilot.app.is_running:
            break
    await pilot.pause()
    return len(places[:limit])


async def settled(pilot, done, seconds: float = 90.0) -> None:
    """Pause until `done()` holds, for as long as a loaded machine may need; a test then
    asserts what it expects, so a wait that ran out fails there, not here."""
    import time

    deadline = time.monotonic() + seconds
    await pilot.pause()
    while not done() and time.monotonic() < deadline:
        await pilot.pause(0.05)
