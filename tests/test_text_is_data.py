"""Text is data: whatever an officer types, a plan file holds or a login names is shown as the
letters it is, never run as an action, never parsed as markup, never sent to the terminal as a
control sequence, and never turned into a path the user did not choose."""

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from ita_tui.db import writes
from tests.app_helpers import click_every, sample_app, screen_lines
from tests.test_app_flows import open_measure

SIZE = (120, 35)


def fingerprint(folder):
    """Every file in a folder by its content; SQLite's shared-memory index changes on any read."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        if not path.name.endswith("-shm")
        else "index"
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def set_title(app, measure_id: int, title: str) -> None:
    """Text already in the database (written by an older version, or by hand)."""
    app.desk.db.execute("UPDATE measures SET title = ? WHERE id = ?", (title, measure_id))
    app.desk.db.conn.commit()


async def test_a_note_with_action_markup_overwrites_nothing_when_clicked(tmp_path):
    app = sample_app(tmp_path)
    note = f"[@click=app.screenshot('app.db','{tmp_path}')]see attached evidence[/]"
    writes.log_progress(app.desk.db, 2, date(2023, 4, 1), 40, "สมศรี", date(2023, 4, 3), note=note)
    app.desk.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = fingerprint(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_measure(pilot, 2)
        assert any("[@click=app.screenshot('app.db'," in line for line in screen_lines(app))
        assert await click_every(pilot, note) >= 1
        assert app.is_running
    app.desk.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert fingerprint(tmp_path) == before
    assert sqlite3.connect(tmp_path / "app.db").execute("SELECT count(*) FROM measures").fetchone()


async def test_a_title_with_quit_markup_does_not_quit_the_measures_section(tmp_path):
    app = sample_app(tmp_path)
    set_title(app, 3, "[@click=app.quit]x[/]")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert any("[@click=app.quit]x[/]" in line for line in screen_lines(app))
        assert await click_every(pilot, "[@click=app.quit]") >= 1
        assert app.is_running and app.return_code is None


async def test_a_bare_closing_tag_crashes_no_screen(tmp_path):
    app = sample_app(tmp_path)
    set_title(app, 2, "[/] และ [md](x)")
    writes.log_progress(app.desk.db, 2, date(2023, 4, 1), 40, "สมศรี", date(2023, 4, 3), note="[/]")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert any("[/] และ [md](x)" in line for line in screen_lines(app))
        await open_measure(pilot, 2)
        lines = screen_lines(app)
        assert any("[/] และ [md](x)" in line for line in lines)
        assert app.is_running


async def test_escape_sequences_in_stored_text_never_reach_the_terminal(tmp_path):
    app = sample_app(tmp_path)
    set_title(app, 2, "ก่อน\x1b[2Jหลัง \x1b]52;c;T0ZGSUNFUi1XUk9URS1USElT\x07")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        lines = screen_lines(app)
        assert not any("\x1b" in line or "\x07" in line for line in lines)
        assert any("ก่อน␛[2Jหลัง" in line for line in lines)


# What a terminal would act on: ESC, the C1 CSI, a bidi override, as UTF-8 bytes.
RAW_CONTROLS = (b"\x1b", "\x9b".encode(), "\u202e".encode(), b"\x07")
LEGACY = "ก่อน\x1b[2Jหลัง \x1b]52;c;T0ZGSUNFUi1XUk9URS1USElT\x07 x\x9b31m \u202egnp.exe"


def legacy_database(tmp_path, run):
    """A database holding control characters that an older version let in."""
    path = tmp_path / "legacy.db"
    assert run("--db", str(path), "init", "--sample").code == 0
    assert run("--db", str(path), "meeting", "add", "--date", "2023-04-05").code == 0
    assert run("--db", str(path), "decision", "add", "--text", "ติดตาม", "--measure", "2").code == 0
    assert run("--db", str(path), "people", "add", "somsri", "--name", "สมศรี").code == 0
    connection = sqlite3.connect(path)
    with connection:
        for table, column in [
            ("measures", "title"),
            ("units", "name"),
            ("meetings", "attendees"),
            ("decisions", "text"),
            ("people", "name"),
        ]:
            connection.execute(
                f"UPDATE {table} SET {column} = ? || coalesce({column}, '')", (LEGACY,)
            )
        connection.execute(
            "INSERT INTO access_events (at, login, event, detail) VALUES (?, ?, 'login_failed', ?)",
            ("2023-04-05T01:00:00+00:00", LEGACY, LEGACY),
        )
    connection.close()
    return path


COMMANDS = [
    ["measures"],
    ["measures", "--json"],
    ["overdue", "--as-of", "2023-04-03"],
    ["overdue", "--as-of", "2023-04-03", "--json"],
    ["export", "-", "--as-of", "2023-04-03"],
    ["report", "-o", "-", "--as-of", "2023-04-30", "--format", "md"],
    ["report", "-o", "-", "--as-of", "2023-04-30", "--format", "html"],
    ["meeting", "list"],
    ["decision", "list"],
    ["people", "list"],
    ["people", "list", "--json"],
    ["people", "events"],
    ["log", "2", "--percent", "10", "--note", "ก่อน\x1b[2Jหลัง"],
    ["--agency", "\x1b]52;c;QUdFTkNZ\x07", "measures"],
]


def output_through(path, arguments, terminal: bool) -> bytes:
    """Run ita-tui as a user's shell would: on a pseudo-terminal, or into a pipe."""
    import os
    import pty
    import subprocess
    import sys

    command = [sys.executable, "-m", "ita_tui", "--db", str(path), *arguments]
    if terminal:
        # Work that takes longer than a third of a second draws a progress bar on a terminal,
        # in escape sequences of its own (on a busy machine, `export` did): what is looked for
        # here is stored text's, so the bar is left out.
        command[3:3] = ["--quiet"]
    else:
        done = subprocess.run(command, capture_output=True, timeout=60)
        return done.stdout + done.stderr
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks)


@pytest.mark.slow
def test_no_control_sequence_from_stored_text_reaches_a_terminal_or_a_pipe(tmp_path, run):
    import pytest

    path = legacy_database(tmp_path, run)
    seen_visible = 0
    for arguments in COMMANDS:
        for terminal in (True, False):
            output = output_through(path, arguments, terminal)
            for raw in RAW_CONTROLS:
                if raw in output:
                    pytest.fail(f"{arguments} on {'a pty' if terminal else 'a pipe'}: {raw!r}")
            text = output.decode("utf-8")
            seen_visible += "␛" in text or "\\u001b" in text
    assert seen_visible == 2 * len(COMMANDS)


async def export_named(pilot, name: str) -> str:
    """Export from the app under a typed name; what the form says below the name field."""
    from textual.widgets import Static

    from tests.app_helpers import clear_and_paste

    await pilot.press("x")
    await pilot.pause()
    await clear_and_paste(pilot, name)  # which names are refused is tested here, not typing
    await pilot.press("ctrl+s")
    await pilot.pause()
    errors = pilot.app.screen.query("#export-file-error, #form-error").results(Static)
    return " ".join(str(line.render()) for line in errors)


@pytest.mark.slow
async def test_the_app_writes_exports_only_into_its_output_folder(tmp_path):
    from ita_tui.files.settings import Settings

    # The output folder set to where the database is: the database still cannot be named.
    app = sample_app(tmp_path, settings=Settings(output_dir=tmp_path))
    app.desk.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "link.toml").symlink_to(tmp_path / "app.db")
    before = fingerprint(tmp_path)
    refused = {
        "../escaped.toml": "ใส่ชื่อไฟล์อย่างเดียว",
        str(tmp_path / "elsewhere" / "x.toml"): "ใส่ชื่อไฟล์อย่างเดียว",
        "settings.toml": "เขียนทับไม่ได้",
        "link.toml": "เขียนทับไม่ได้",
        ".bashrc": "ใส่ชื่อไฟล์อย่างเดียว",
        "../../etc/passwd ~/.ssh/id_rsa C:\\Windows\\system32": "ใส่ชื่อไฟล์อย่างเดียว",
    }
    async with app.run_test(size=SIZE) as pilot:
        for name, message in refused.items():
            said = await export_named(pilot, name)
            assert message in said, (name, said)
            await pilot.press("escape")
            await pilot.pause()
        assert "เขียนทับไม่ได้" not in await export_named(pilot, "สถานะ")
        # A name is a name: the database's own becomes a new file beside it.
        assert "เขียนทับไม่ได้" not in await export_named(pilot, "app.db")
    app.desk.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    after = fingerprint(tmp_path)
    assert after.pop("สถานะ.toml") and after.pop("app.db.toml")
    assert after == before
    assert not any((tmp_path / "elsewhere").iterdir())
    assert not (tmp_path.parent / "escaped.toml").exists()


async def test_replacing_a_published_pack_keeps_its_permissions(tmp_path):
    import os
    import stat

    folder = tmp_path / "documents" / "ita-tui"
    folder.mkdir(parents=True)
    published = folder / "สถานะ.toml"
    published.write_text("old", "utf-8")
    published.chmod(0o644)
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await export_named(pilot, "สถานะ.toml")
        await export_named(pilot, "ใหม่")
    assert 'format = "ita-tui-snapshot"' in published.read_text("utf-8")
    assert stat.S_IMODE(os.stat(published).st_mode) == 0o644
    assert stat.S_IMODE(os.stat(folder / "ใหม่.toml").st_mode) == 0o600


async def test_in_a_browser_the_export_is_a_download_and_nothing_is_written(tmp_path):
    app = sample_app(tmp_path, served=True)
    delivered = []
    app.deliver_text = lambda stream, **options: delivered.append((stream.read(), options))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        from textual.widgets import Static

        hints = " ".join(str(s.render()) for s in app.screen.query(".hint").results(Static))
        assert "ดาวน์โหลด" in hints
        await export_named(pilot, "สถานะ")
    assert not (tmp_path / "documents").exists()
    [(text, options)] = delivered
    assert options["save_filename"] == "สถานะ.toml"
    assert 'format = "ita-tui-snapshot"' in text


def test_the_command_line_writes_anywhere_but_over_the_database(tmp_path, sample_db, run):
    from tests.conftest import dump

    before = dump(sample_db)
    for arguments in (
        ["export", str(sample_db)],
        ["export", str(sample_db) + "-wal"],
        ["report", "-o", str(sample_db), "--format", "md"],
        ["backup", str(sample_db)],
        ["export", str(tmp_path / "settings.toml")],
    ):
        result = run("--db", str(sample_db), *arguments)
        assert result.code == 2, arguments
        assert "เขียนทับไม่ได้" in result.err
    assert dump(sample_db) == before
    assert run("--db", str(sample_db), "export", str(tmp_path / "ok.toml")).code == 0


@pytest.mark.browser
def test_in_chromium_the_export_arrives_as_a_download(sample_db, tmp_path):
    import subprocess
    import sys

    import pytest

    from tests.test_serve_browser import (
        CHROMIUM,
        CHROMIUM_ARGS,
        Screen,
        _free_port,
        _wait_for_port,
    )

    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "ita_tui", "--db", str(sample_db), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for_port(port, server)
        screen = Screen()
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
            page.on("websocket", lambda ws: ws.on("framereceived", screen.on_frame))
            page.goto(f"http://127.0.0.1:{port}/")
            screen.wait_for(page, "คะแนนรวม")
            page.locator(".xterm-helper-textarea").focus()
            since = screen.mark()
            page.keyboard.press("x")
            screen.wait_for(page, "ดาวน์โหลด", since)
            page.keyboard.press("Control+a")
            page.keyboard.press("Control+k")
            page.keyboard.type("status-for-the-meeting", delay=20)
            with page.expect_download(timeout=30_000) as arriving:
                page.keyboard.press("Control+s")
            download = arriving.value
            assert download.suggested_filename == "status-for-the-meeting.toml"
            text = Path(download.path()).read_text("utf-8")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert 'format = "ita-tui-snapshot"' in text and "เทศบาลตำบลมวกเหล็ก" in text
    assert not (tmp_path / "documents").exists()
    assert sorted(p.name for p in sample_db.parent.iterdir() if "toml" in p.name) == []


def hostile_pack(tmp_path, fmt: str) -> str:
    """The meeting pack of a plan whose titles, decisions and notes are the hostile corpus."""
    from ita_tui.core.model import Measure
    from ita_tui.db import open_database, queries
    from ita_tui.db.review import review
    from ita_tui.documents import report, snapshot
    from tests.hostile import ACCEPTED, ONE_LINE

    db = open_database(tmp_path / "pack.db", create=True)
    snapshot.import_plan(db, snapshot.sample_plan(), "test")
    agency = queries.agency(db, None).id
    unit = queries.units(db, agency)[0].name
    for case in ONE_LINE:
        measure = Measure(
            None, 2566, case.text, (unit,), start=date(2023, 1, 1), end=date(2023, 3, 1)
        )
        writes.save_measure(db, agency, measure, by="test")
    meeting = writes.add_meeting(db, agency, date(2023, 3, 1), "test")
    for case in ACCEPTED:
        writes.add_decision(db, agency, meeting, case.text, by="test")
        writes.log_progress(db, 2, date(2023, 3, 15), 30, "test", date(2023, 4, 3), note=case.text)
    return report.render(review(db, agency, date(2023, 4, 3)), fmt)


def test_the_markdown_pack_of_the_hostile_corpus_is_a_valid_document(tmp_path):
    from markdown_it import MarkdownIt

    from tests.hostile import ACCEPTED, ONE_LINE

    tokens = MarkdownIt("commonmark").enable("table").parse(hostile_pack(tmp_path, "md"))
    tables: list[list[int]] = []
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append(0)
        elif token.type in ("td_open", "th_open"):
            tables[-1][-1] += 1
    for table in tables:
        assert len(set(table)) == 1, f"rows of different widths: {table}"
    decisions = tables[-1]  # the decisions come after every unit's tables
    assert decisions == [5] * (1 + len(ACCEPTED))
    overdue = [t for t in tables[:-1] if t[0] == 5]
    assert sum(len(t) - 1 for t in overdue) >= len(ONE_LINE)
    inline = [child for token in tokens for child in token.children or []]
    kinds = {child.type for child in inline}
    assert not kinds & {"link_open", "image", "em_open", "strong_open", "code_inline"}
    raw_html = [child.content for child in inline if child.type == "html_inline"]
    assert set(raw_html) <= {"<br>"}
    assert not any(token.type == "html_block" for token in tokens)
    shown = "".join(child.content for child in inline if child.type == "text")
    assert "<script>alert(1)</script>" in shown and "[md](x)" in shown


def test_the_html_pack_of_the_hostile_corpus_holds_no_markup_of_ours(tmp_path):
    from html.parser import HTMLParser

    document = hostile_pack(tmp_path, "html")
    tags = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append((tag, dict(attrs)))

    Tags().feed(document)
    assert not [t for t, _ in tags if t in ("script", "img", "a")]
    assert not [a for _, a in tags if any(k.startswith("on") for k in a)]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document


def test_screens_take_their_text_widgets_from_the_plain_module_and_parse_no_markup():
    """Structural: a screen that imports Textual's own text widgets, asks for markup, or draws a
    widget's text without `plain` could show stored text as markup again."""
    import ast

    import ita_tui

    parsing = {
        "Static",
        "Label",
        "DataTable",
        "OptionList",
        "Select",
        "SelectionList",
        "Button",
        "Checkbox",
        "RadioButton",
        "Input",
        "TextArea",
        "Markdown",
        "MarkdownViewer",
        "RichLog",
        "Log",
        "Pretty",
        "Tree",
        "ListItem",
    }
    package = Path(ita_tui.__file__).parent
    modules = [*package.glob("screens/*.py"), *package.glob("widgets/*.py"), package / "app.py"]
    problems = []
    for module in modules:
        if module.name == "plain.py":
            continue
        tree = ast.parse(module.read_text("utf-8"))
        for node in ast.walk(tree):
            where = f"{module.relative_to(package)}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "textual.widgets"
            ):
                taken = {alias.name for alias in node.names} & parsing
                if taken:
                    problems.append(f"{where} imports {sorted(taken)} from textual")
            if isinstance(node, ast.Attribute) and node.attr in ("from_markup", "render_str"):
                problems.append(f"{where} parses markup ({node.attr})")
            if (
                isinstance(node, ast.keyword)
                and node.arg == "markup"
                and not (isinstance(node.value, ast.Constant) and node.value.value is False)
            ):
                problems.append(f"{where} asks for markup")
            if isinstance(node, ast.FunctionDef) and node.name == "render":
                returns = [n.value for n in ast.walk(node) if isinstance(n, ast.Return)]
                for value in returns:
                    called = (
                        value.func.id
                        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
                        else None
                    )
                    if called != "plain":
                        problems.append(f"{where} render() returns without plain()")
    assert problems == []
    assert len(modules) > 20


async def test_a_toast_or_a_title_holding_markup_shows_it_as_written(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.notify("[/] [@click=app.quit]ออก[/] \x1b[2J")
        app.screen.notify("[bold]ตัวหนา[/bold]")  # Textual's widgets ask for markup
        app.title = "[@click=app.quit]ชื่อ[/] \x1b]0;title\x07"
        await pilot.pause()
        toasts = [(n.message, n.markup) for n in app._notifications]
        assert toasts == [
            ("[/] [@click=app.quit]ออก[/] ␛[2J", False),
            ("[bold]ตัวหนา[/bold]", False),
        ]
        lines = screen_lines(app)
        assert any("[@click=app.quit]ชื่อ[/] ␛]0;title␇" in line for line in lines)
        await click_every(pilot, "[@click=app.quit]")
        assert app.is_running


@pytest.mark.parametrize(
    "code", [*range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
def test_data_escapes_every_character_a_terminal_acts_on(code):
    from ita_tui.core.text import escaped_in_data

    raw = chr(code)
    written = escaped_in_data(f'{{"title": "ก{raw}ข"}}')
    assert raw not in written
    assert written == f'{{"title": "ก\\u{code:04x}ข"}}'


def test_data_without_such_characters_is_written_as_it_is():
    from ita_tui.core.text import escaped_in_data

    text = '{"title": "มาตรการ \\u0000 ที่ ๑", "end": "2023-04-03"}'
    assert escaped_in_data(text) is text
