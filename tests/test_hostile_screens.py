"""Every section and every form with the hostile corpus in its data: the screen shows the
literal text, nothing in it acts when clicked, no control character reaches the terminal, no
file appears or changes, and no screen fails.

The data arrives as a user's would: a plan file imported, meetings, decisions and people added
through the database API, and text typed (pasted) into the forms."""

import re
import sqlite3
from datetime import date

import pytest
import tomli_w
from textual import events
from textual.widgets import Static

from ita_tui.app import ItaApp
from ita_tui.core.access import Actor
from ita_tui.db import open_database, queries, writes
from ita_tui.db.people import add_person, authenticate
from ita_tui.documents import snapshot
from ita_tui.files.settings import Settings
from ita_tui.screens.messages import OpenMeasure
from tests.app_helpers import click_all, screen_rows, settled
from tests.hostile import ACCEPTED, ONE_LINE, REFUSED
from tests.refusals import expect_refusal

SIZE = (140, 40)
AS_OF = date(2023, 4, 3)
ONE = [case.text for case in ONE_LINE]
EVERY = [case.text for case in ACCEPTED]
# Seen on screen exactly as typed: these are what markup would have eaten or acted on.
TELLTALES = ["[@click=app.quit]", "[/]", "[bold red]ด่วน[/bold red]", "[md](x)", "[$accent]สี[/]"]
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile_plan() -> dict:
    n = len(ONE)
    return {
        "format": "ita-tui-snapshot",
        "version": 1,
        "agency": {"name": ONE[0]},
        "assessments": [
            {
                "year": 2565,
                "scores": [100, 99.63, 99.91, 99.66, 99.65, 95.28, 96.13, 95.53, 72.43, 37.5],
                "note": EVERY[-1],
                "published_result": ONE[1],
            }
        ],
        "recommendations": [{"assessment_year": 2565, "text": text} for text in EVERY],
        "units": [{"name": name, "kind": name} for name in ONE],
        "findings": [
            {
                "id": number,
                "assessment_year": 2565,
                "indicator": 9 + number % 2,
                "kind": "weakness" if number % 3 else "develop",
                "topic": ONE[number % n],
                "text": text,
            }
            for number, text in enumerate(EVERY, start=1)
        ],
        "measures": [
            {
                "id": number,
                "fiscal_year": 2566,
                "title": title,
                "topic": ONE[(number + 3) % n],
                "method": EVERY[number % len(EVERY)],
                "follow_up": EVERY[-number],
                "units": [title, ONE[(number + 1) % n]],
                "period": "ต.ค. ๖๕ – มี.ค. ๖๖",
                "findings": [number],
                "contents": [
                    {"text": title, "done_on": date(2023, 3, 1), "evidence": title, "by": title},
                    {"text": ONE[(number + 5) % n]},
                ],
                "progress": [
                    {
                        "date": date(2023, 3, 15),
                        "percent": 20,
                        "note": EVERY[(number + 7) % len(EVERY)],
                        "evidence": title,
                        "by": title,
                    }
                ],
            }
            for number, title in enumerate(ONE, start=1)
        ],
    }


@pytest.fixture
def hostile_db(tmp_path):
    path = tmp_path / "data" / "hostile.db"
    path.parent.mkdir()
    source = tmp_path / "plan.toml"
    source.write_text(tomli_w.dumps(hostile_plan()), "utf-8")
    db = open_database(path, create=True)
    snapshot.import_plan(db, snapshot.validate(snapshot.read(source), str(source)), ONE[2])
    agency = queries.agency(db, None).id
    units = queries.units(db, agency)
    meeting = writes.add_meeting(db, agency, date(2023, 3, 20), ONE[3], EVERY[4], EVERY[5])
    for number, text in enumerate(EVERY, start=1):
        writes.add_decision(
            db,
            agency,
            meeting,
            text,
            number % len(ONE) + 1,
            units[number % len(units)].id,
            by="x",
        )
    administrator = Actor("ผู้ดูแล", "administrator")
    for number, name in enumerate(ONE):
        add_person(db, administrator, f"p{number}", name, "officer", [units[number].id])
    for login in ONE + ["[@click=app.screenshot('hostile.db','.')]see attached evidence[/]"]:
        with expect_refusal("login.failed"):
            authenticate(db, login, "wrong")
    db.close()
    return path


def files_beside(*folders) -> dict:
    """Every file in the folders but the database's own, which clicks may rightly change."""
    found = {}
    for folder in folders:
        if folder.exists():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and "hostile.db" not in path.name:
                    found[str(path)] = path.read_bytes()
    return found


def assert_plain_screen(app) -> str:
    """Nothing on screen is a control character or carries an action, and returns its text."""
    rows = screen_rows(app)  # drawn once for both checks: a full draw costs tens of ms
    for segment in (segment for row in rows for segment in row):
        assert not CONTROL.search(segment.text), repr(segment.text)
        meta = segment.style.meta if segment.style else {}
        if "@click" in meta:
            assert not any(word[:6] in segment.text for word in ONE), segment
    return "\n".join("".join(segment.text for segment in row) for row in rows)


def hostile_app(path, **options) -> ItaApp:
    options.setdefault("settings", Settings(output_dir=path.parent.parent / "out"))
    return ItaApp(open_database(path), as_of=AS_OF, persist_settings=False, who="ผู้ทดสอบ", **options)


SECTIONS = ["1", "2", "3", "4", "5", "6", "7", "8", "0"]


@pytest.mark.slow
@pytest.mark.parametrize("section", SECTIONS)
async def test_every_section_shows_the_corpus_as_text_and_clicks_run_nothing(
    hostile_db, tmp_path, section
):
    app = hostile_app(hostile_db)
    before = files_beside(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(section)
        await pilot.pause()
        shown = assert_plain_screen(app)
        assert any(word[:8] in shown for word in ONE), shown
        assert await click_all(pilot, ONE) >= 1
        assert app.is_running and app.return_code is None
        assert_plain_screen(app)
    assert files_beside(tmp_path) == before
    check = sqlite3.connect(hostile_db)
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert check.execute("SELECT count(*) FROM measures").fetchone() == (len(ONE),)
    check.close()


@pytest.mark.slow
async def test_the_measure_page_and_its_forms_show_the_corpus_literally(hostile_db, tmp_path):
    app = hostile_app(hostile_db)
    before = files_beside(tmp_path)
    seen = ""
    async with app.run_test(size=SIZE) as pilot:
        # The measures whose titles markup would eat or act on, and one of long Thai.
        for measure_id in (1, 4, 5, 6, 8, 12, 14, 17):
            app.post_message(OpenMeasure(measure_id))
            await pilot.pause()
            seen += assert_plain_screen(app)
            for key in ("e", "escape", "s", "escape", "p", "escape", "v", "escape", "escape"):
                await pilot.press(key)
                await pilot.pause()
                seen += assert_plain_screen(app)
            assert app.is_running
    for word in TELLTALES + ["<script>alert(1)</script>", "{0} {days} %s %(x)s {{}}"]:
        assert word in seen, word
    assert files_beside(tmp_path) == before


@pytest.mark.parametrize(
    ("section", "keys"),
    [
        ("5", ["e"]),
        ("5", ["tab", "e"]),
        ("5", ["a"]),
        ("6", ["n"]),
        ("6", ["c"]),
        ("6", ["a"]),
        ("6", ["r"]),
        ("8", ["e"]),
        ("8", ["a"]),
        ("8", ["h"]),
        ("1", ["x"]),
        ("1", ["d"]),
    ],
)
async def test_every_form_opens_on_the_corpus_without_harm(hostile_db, tmp_path, section, keys):
    app = hostile_app(hostile_db)
    before = files_beside(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(section)
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        assert app.screen.is_modal, keys
        assert_plain_screen(app)
        for key in ("tab", "down", "tab", "shift+tab", "escape"):
            await pilot.press(key)
            await pilot.pause()
            assert_plain_screen(app)
        assert app.is_running
    assert files_beside(tmp_path) == before


async def paste_note_and_save(pilot, text: str) -> None:
    # The percent stays as the form fills it in (the measure's current one): the note is tested.
    await pilot.press("p")
    await pilot.pause()
    await pilot.press("tab")
    pilot.app.focused.post_message(events.Paste(text))
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()


@pytest.mark.slow
async def test_progress_notes_typed_in_the_form_are_stored_and_shown_as_typed(tmp_path):
    from tests.app_helpers import sample_app

    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.post_message(OpenMeasure(2))
        await pilot.pause()
        for case in ACCEPTED:
            await paste_note_and_save(pilot, case.text)
            assert not app.screen.is_modal, case.name
            stored = app.desk.db.execute(
                "SELECT note FROM progress WHERE measure_id = 2 ORDER BY id DESC LIMIT 1"
            ).fetchone()
            # A one-line field keeps the first line of a paste, as a terminal's paste would.
            expected = case.expected if case.one_line else case.expected.splitlines()[0]
            assert stored == (expected,), case.name
            assert_plain_screen(app)
            # The newest entry heads the log, its note as typed (the page may scroll to it).
            newest = app.screen.query_one("#progress-log").get_row_at(0)
            assert str(newest[2]).startswith(expected.replace("\t", " ")[:12]), case.name
        assert app.is_running


@pytest.mark.slow
async def test_control_characters_typed_in_a_form_are_refused_with_a_message(tmp_path):
    from tests.app_helpers import sample_app

    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.post_message(OpenMeasure(2))
        await pilot.pause()
        for case in REFUSED:
            await paste_note_and_save(pilot, case.text)
            assert app.screen.is_modal, case.name
            error = " ".join(str(s.render()) for s in app.screen.query(".error").results(Static))
            assert "อักขระควบคุม" in error, (case.name, error)
            assert_plain_screen(app)
            await pilot.press("escape")
            await pilot.pause()
        stored = app.desk.db.execute(
            "SELECT count(*) FROM progress WHERE measure_id = 2"
        ).fetchone()
        assert stored == (0,)


async def test_a_paste_with_control_characters_into_a_text_area_is_refused(tmp_path):
    from ita_tui.widgets.plain_for_forms import TextArea
    from tests.app_helpers import sample_app

    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.post_message(OpenMeasure(2))
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        area = app.screen.query_one("#measure-method", TextArea)
        area.focus()
        await pilot.press("ctrl+a", "ctrl+k")
        await pilot.pause()
        area.post_message(events.Paste("ขั้นตอน\x1b[2Jใหม่"))
        await pilot.pause()
        assert "ใหม่" not in area.text
        refused = app.t("text.paste_refused")
        assert [n.message for n in app._notifications] == [refused]
        area.post_message(events.Paste("ขั้นตอนใหม่"))
        await pilot.pause()
        assert "ขั้นตอนใหม่" in area.text


def test_the_corpus_survives_export_and_import_unchanged(hostile_db, tmp_path):
    """TOML-breaking quotes, backslashes and brackets: the snapshot reads back as written."""
    import tomllib

    db = open_database(hostile_db)
    exported = snapshot.export(db, "-", AS_OF, None)
    document = tomllib.loads(exported)
    assert [m["title"] for m in document["measures"]] == [c.expected for c in ONE_LINE]
    assert [r["text"] for r in document["recommendations"]] == [c.expected for c in ACCEPTED]
    again = open_database(tmp_path / "again.db", create=True)
    snapshot.import_plan(again, snapshot.validate(document, "exported"), "test")
    journal = {"generated_at", "journal_head", "journal_entry"}
    reread = tomllib.loads(snapshot.export(again, "-", AS_OF, None))
    assert {k: v for k, v in reread.items() if k not in journal} == {
        k: v for k, v in document.items() if k not in journal
    }


def test_a_plan_file_with_control_characters_is_refused_naming_each_key(tmp_path):
    document = hostile_plan()
    document["measures"][0]["title"] = "ก\x00ข"
    document["measures"][1]["progress"][0]["note"] = "ก่อน\x1b[2Jหลัง"
    document["units"][2]["name"] = "หน่วย\u202eงาน"
    document["measures"][3]["title"] = "บรรทัด\nสอง"
    with expect_refusal("snapshot.invalid") as refused:
        snapshot.validate(document, "plan.toml")
    message = refused.value.message("th")
    assert "measures[0].title: ข้อความมีอักขระควบคุม ␀ (U+0000)" in message
    assert "measures[1].progress[0].note: ข้อความมีอักขระควบคุม ␛ (U+001B)" in message
    assert "units[2].name: ข้อความมีอักขระควบคุม" in message and "U+202E" in message
    assert "measures[3].title: ช่องนี้รับข้อความบรรทัดเดียว" in message


# What markup, a format string or a TOML file would most readily take for their own.
TYPED = [
    case
    for case in ONE_LINE
    if case.name
    in (
        "textual action markup: quit",
        "bare closing tag",
        "rich style and link markup",
        "TOML breakers",
        "format string fields",
        "HTML and script",
    )
]


async def _paste_into(pilot, field_id: str, text: str) -> None:
    field = pilot.app.screen.query_one(f"#{field_id}")
    field.focus()
    await pilot.pause()
    await pilot.press("ctrl+a", "ctrl+k")
    field.post_message(events.Paste(text))
    await pilot.pause()


async def _open(pilot, section: str | None, keys: list[str], tab: str | None = None) -> None:
    if section:
        await pilot.press(section)
        await pilot.pause()
    if tab:
        from textual.widgets import TabbedContent

        pilot.app.screen.query_one(TabbedContent).active = tab
        await pilot.pause()
        pilot.app.screen.query_one(f"#{tab.removeprefix('tab-')}-table").focus()
    for key in keys:
        await pilot.press(key)
    await settled(pilot, lambda: pilot.app.screen.is_modal)
    assert pilot.app.screen.is_modal, keys


FORMS = [
    # (section, keys, tab, field, how to read back what was stored)
    (None, ["e"], None, "measure-title-input", "SELECT title FROM measures WHERE id = 2"),
    ("5", ["e"], "tab-units", "unit-name", "SELECT name FROM units ORDER BY position LIMIT 1"),
    ("5", ["e"], "tab-findings", "finding-text", "SELECT text FROM findings ORDER BY id LIMIT 1"),
    ("6", ["a"], None, "meeting-notes", "SELECT notes FROM meetings ORDER BY id DESC LIMIT 1"),
    ("6", ["n"], None, "decision-text", "SELECT text FROM decisions ORDER BY id DESC LIMIT 1"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("section", "keys", "tab", "field", "stored"), FORMS)
async def test_text_typed_into_each_form_is_stored_and_shown_as_typed(
    tmp_path, section, keys, tab, field, stored
):
    from tests.app_helpers import sample_app

    app = sample_app(tmp_path)
    writes.add_meeting(app.desk.db, 1, AS_OF, "test")
    async with app.run_test(size=SIZE) as pilot:
        for case in TYPED:
            if section is None:
                app.post_message(OpenMeasure(2))
                await pilot.pause()
            await _open(pilot, section, keys, tab)
            await _paste_into(pilot, field, case.text)
            await pilot.press("ctrl+s")
            await settled(pilot, lambda: not app.screen.is_modal)
            assert not app.screen.is_modal, (case.name, assert_plain_screen(app))
            assert app.desk.db.execute(stored).fetchone() == (case.expected,), case.name
            if section != "6":  # the meeting's notes and decisions are not in its tables
                shown = case.expected[:10]
                # The section redraws after the save, as soon as the machine gets to it.
                await settled(pilot, lambda shown=shown: shown in assert_plain_screen(app))
                assert shown in assert_plain_screen(app), case.name
            if section is None:
                await pilot.press("escape")
                await pilot.pause()
        assert app.is_running
