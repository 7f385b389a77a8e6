"""Building the app on the sample plan for Pilot tests."""

from datetime import date

from ita_tui import snapshot
from ita_tui.app import ItaApp
from ita_tui.db import open_database

DEMO_AS_OF = date(2023, 4, 3)


def sample_app(tmp_path, **options) -> ItaApp:
    db = open_database(tmp_path / "app.db", create=True)
    snapshot.import_plan(db, snapshot.sample_plan(), "test")
    options.setdefault("as_of", DEMO_AS_OF)
    options.setdefault("persist_settings", False)
    options.setdefault("who", "สมศรี")
    return ItaApp(db, **options)


def rows(app, sql, params=()):
    return app.db.execute(sql, params).fetchall()


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
