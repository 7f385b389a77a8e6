"""`ita-tui links`: every address the agency publishes is opened as an assessor would, on a
server of the test's own on the loopback address."""

import contextlib
import http.server
import json
import threading
import tomllib
from collections.abc import Iterator

import pytest

from ita_tui.core.model import LinkToCheck as Link
from ita_tui.core.text import visible
from ita_tui.documents.published_links import (
    DEAD,
    LOGIN,
    OK,
    OTHER_YEAR,
    PLACEHOLDER,
    UNREACHABLE,
    CheckLimits,
    check_links,
)
from tests.conftest import dump
from tests.hostile import ONE_LINE

PAGES = {
    "/o25-2566": (200, "text/html; charset=utf-8", "<h1>มาตรการส่งเสริมคุณธรรม ประจำปี พ.ศ. ๒๕๖๖</h1>"),
    "/o25-old": (200, "text/html; charset=utf-8", "<h1>แผนปี พ.ศ. 2564 และ 2565</h1>"),
    "/report.pdf": (200, "application/pdf", "%PDF-1.4 2560"),
    "/no-year": (200, "text/html", "<p>รายงาน</p>"),
}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        if self.path == "/moved":
            self._redirect("/o25-2566")
        elif self.path == "/loop":
            self._redirect("/loop")
        elif self.path == "/drive":
            self._redirect(f"http://127.0.0.1:{self.server.server_port}/ServiceLogin?continue=x")
        elif self.path.startswith("/ServiceLogin"):
            self._send(200, "text/html", "<form>Sign in</form>")
        elif self.path == "/slow":
            threading.Event().wait(3)
            self._send(200, "text/html", "late")
        elif self.path in PAGES:
            self._send(*PAGES[self.path])
        else:
            self._send(404, "text/html", "ไม่พบหน้า")

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.end_headers()

    def _send(self, status: int, kind: str, text: str) -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The checker may have given up waiting, as it should.
        with contextlib.suppress(BrokenPipeError):
            self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def _verdicts(links: list[Link], **limits) -> dict[str, str]:
    return {c.link.place: c.verdict for c in check_links(links, CheckLimits(**limits))}


def test_each_kind_of_link_gets_its_verdict(site):
    links = [
        Link("o25 this year", f"{site}/o25-2566", 2566),
        Link("moved", f"{site}/moved", 2566),
        Link("last year's page", f"{site}/o25-old", 2566),
        Link("a pdf", f"{site}/report.pdf", 2566),
        Link("no year on it", f"{site}/no-year", 2566),
        Link("gone", f"{site}/removed", 2566),
        Link("behind a login", f"{site}/drive", None),
        Link("placeholder", "รอใส่ลิงก์", 2566),
        Link("hash", "#", None),
        Link("empty", "  ", None),
        Link("not the web", "file:///etc/passwd", None),
        Link("redirect loop", f"{site}/loop", None),
        Link("nobody listens", "http://127.0.0.1:9/", None),
    ]
    assert _verdicts(links) == {
        "o25 this year": OK,
        "moved": OK,
        "last year's page": OTHER_YEAR,
        "a pdf": OK,
        "no year on it": OK,
        "gone": DEAD,
        "behind a login": LOGIN,
        "placeholder": PLACEHOLDER,
        "hash": PLACEHOLDER,
        "empty": PLACEHOLDER,
        "not the web": PLACEHOLDER,
        "redirect loop": DEAD,
        "nobody listens": UNREACHABLE,
    }


def test_a_slow_page_is_unreachable_once_its_time_is_up(site):
    [check] = check_links([Link("slow", f"{site}/slow")], CheckLimits(timeout=0.5))
    assert check.verdict == UNREACHABLE and check.detail == "timeout"


def test_a_dead_link_keeps_its_status_and_where_it_ended(site):
    [check] = check_links([Link("gone", f"{site}/removed")])
    assert (check.status, check.final_url, check.failing) == (404, f"{site}/removed", True)


def test_the_links_command_checks_every_address_the_database_holds(run, sample_db, site):
    db = ["--db", str(sample_db)]
    assert run(*db, "oit", "address", "2566", "O25", f"{site}/o25-2566").code == 0
    said = run(*db, "oit", "address", "๒๕๖๖", "o26", f"{site}/removed")
    assert said.code == 0 and "O26" in said.out
    progress = ["log", "2", "--percent", "40", "--date", "2023-03-01"]
    assert run(*db, *progress, "--evidence", "รอใส่ลิงก์").code == 0

    result = run(*db, "links", "--json")
    checks = {c["url"]: c for c in json.loads(result.out)}
    assert result.code == 1
    assert checks[f"{site}/o25-2566"]["verdict"] == OK
    assert (checks[f"{site}/removed"]["verdict"], checks[f"{site}/removed"]["status"]) == (
        DEAD,
        404,
    )
    assert checks["รอใส่ลิงก์"]["verdict"] == PLACEHOLDER

    shown = run(*db, "links")
    assert shown.code == 1 and "ใช้ไม่ได้ (๔๐๔) · ข้อ O26 ปี ๒๕๖๖" in shown.out
    assert "ตรวจ ๓ ลิงก์ ใช้ไม่ได้ ๒ ลิงก์" in shown.out


def test_links_exit_0_when_every_link_opens_and_the_year_narrows_them(run, sample_db, site):
    db = ["--db", str(sample_db)]
    assert run(*db, "oit", "address", "2566", "o25", f"{site}/o25-2566").code == 0
    assert run(*db, "oit", "address", "2565", "o25", f"{site}/removed").code == 0
    assert run(*db, "links", "--year", "2566").code == 0
    assert run(*db, "oit", "address", "2565", "o25", "").code == 0
    assert run(*db, "links").code == 0


def test_an_item_the_years_list_lacks_is_refused_and_nothing_is_recorded(run, sample_db):
    db = ["--db", str(sample_db)]
    result = run(*db, "oit", "address", "2566", "o99", "https://example.org/")
    assert result.code == 2 and "o99" in result.err.lower()
    assert run(*db, "links", "--json").out.strip() == "[]"


@pytest.mark.parametrize("case", ONE_LINE, ids=lambda c: c.name)
def test_hostile_addresses_are_shown_as_plain_text(run, sample_db, case):
    db = ["--db", str(sample_db)]
    assert run(*db, "oit", "address", "2566", "o25", case.text).code == 0
    shown = run(*db, "--lang", "en", "links", "--timeout", "0.5")
    assert "\x1b" not in shown.out and visible(case.expected.strip()) in shown.out


async def test_section_7_records_where_an_item_is_published_and_lists_the_links(tmp_path, site):
    from textual.widgets import SelectionList

    from ita_tui.core.model import Finding
    from ita_tui.db import writes
    from ita_tui.screens.analysis import AnalysisScreen
    from ita_tui.screens.links import LinksScreen
    from ita_tui.screens.published_address_form import PublishedAddressForm
    from ita_tui.widgets.plain import DataTable, Static
    from tests.app_helpers import clear_and_paste, rows, sample_app

    app = sample_app(tmp_path)
    writes.save_assessment(app.desk.db, 1, 2569, [95] * 8 + [100, 75])
    finding = Finding(None, 2569, "weakness", "ยังไม่เผยแพร่", "OIT", 10, "10.2", oit_item="O25")
    writes.save_finding(app.desk.db, 1, finding)
    writes.set_published_address(app.desk.db, 1, 2569, "o26", f"{site}/removed")
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        assert isinstance(app.screen, AnalysisScreen)
        app.screen.query_one("#whatif-items", SelectionList).focus()
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, PublishedAddressForm)
        await clear_and_paste(pilot, f"{site}/o25-old")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AnalysisScreen)
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, LinksScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        shown = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        summary = str(app.screen.query_one("#links-summary", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AnalysisScreen)
    assert rows(app, "SELECT year, item, url FROM published_addresses ORDER BY item") == [
        (2569, "o25", f"{site}/o25-old"),
        (2569, "o26", f"{site}/removed"),
    ]
    assert shown == [
        ["ใช้ไม่ได้ (๔๐๔)", "ข้อ O26 ปี ๒๕๖๙", f"{site}/removed"],
        ["เปิดได้ แต่ไม่พบปีที่ควรเป็น (๒๐๐)", "ข้อ O25 ปี ๒๕๖๙", f"{site}/o25-old"],
    ]
    assert "ตรวจ ๒ ลิงก์ ใช้ไม่ได้ ๑ ลิงก์" in summary


def test_published_addresses_travel_in_the_snapshot_and_come_back(run, sample_db, tmp_path):
    db = ["--db", str(sample_db)]
    assert run(*db, "oit", "address", "2566", "o25", "https://example.go.th/ita/o25").code == 0
    assert run(*db, "oit", "address", "2566", "o26", "รอใส่ลิงก์").code == 0
    exported = tmp_path / "plan.toml"
    assert run(*db, "export", str(exported), "--as-of", "2023-04-03").code == 0
    document = tomllib.loads(exported.read_text("utf-8"))
    assert document["published_addresses"] == [
        {"year": 2566, "item": "o25", "url": "https://example.go.th/ita/o25"},
        {"year": 2566, "item": "o26", "url": "รอใส่ลิงก์"},
    ]
    other = ["--db", str(tmp_path / "other.db")]
    assert run(*other, "import", str(exported)).code == 0
    urls = {c["url"] for c in json.loads(run(*other, "links", "--json", "--timeout", "0.5").out)}
    assert urls == {"https://example.go.th/ita/o25", "รอใส่ลิงก์"}


def test_a_snapshot_naming_an_item_twice_for_a_year_is_refused(run, tmp_path, sample_db):
    db = ["--db", str(sample_db)]
    exported = tmp_path / "plan.toml"
    assert run(*db, "export", str(exported), "--as-of", "2023-04-03").code == 0
    text = exported.read_text("utf-8") + (
        '\n[[published_addresses]]\nyear = 2566\nitem = "O25"\nurl = "https://a.example/"\n'
        '\n[[published_addresses]]\nyear = 2566\nitem = "o25"\nurl = "https://b.example/"\n'
    )
    exported.write_text(text, "utf-8")
    before = dump(sample_db)
    result = run(*db, "import", str(exported))
    assert result.code == 2 and "published_addresses[1].item" in result.err
    assert dump(sample_db) == before


async def test_section_7_writes_item_codes_as_the_nacc_publishes_them(tmp_path):
    """Thai digits for numbers, but an item's code stays O11, not O๑๑."""
    from textual.widgets import SelectionList

    from ita_tui.core.model import Finding
    from ita_tui.db import writes
    from tests.app_helpers import sample_app

    app = sample_app(tmp_path)
    writes.save_assessment(app.desk.db, 1, 2569, [95] * 8 + [100, 75])
    finding = Finding(None, 2569, "weakness", "ยังไม่เผยแพร่", "OIT", 10, "10.2", oit_item="O25")
    writes.save_finding(app.desk.db, 1, finding)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        label = str(
            app.screen.query_one("#whatif-items", SelectionList).get_option_at_index(0).prompt
        )
    assert label.startswith("O25 ๑๐.๒ ") and "+" in label
