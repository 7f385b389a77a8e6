"""ลิงก์ที่เผยแพร่: every address the database holds, opened as an assessor would (the same check
as `ita-tui links`), those that score nothing first. The check runs in a thread: the network may
be slow, the screen is not."""

from typing import TYPE_CHECKING

from textual import getters, work
from textual.app import ComposeResult
from textual.containers import Vertical

from ita_tui.screens.localized import AtTheDesk, Key, install_bindings
from ita_tui.screens.modal import Modal
from ita_tui.widgets.plain import DataTable, Static

if TYPE_CHECKING:
    from ita_tui.app import ItaApp
    from ita_tui.core.model import LinkToCheck
    from ita_tui.documents.published_links import LinkCheck

LINKS_KEYS = [
    Key("escape", "close", "close-links", priority=True),
    Key("r", "check", "check-links-again"),
]


class LinksScreen(AtTheDesk, Modal[None]):
    if TYPE_CHECKING:  # Textual types `app` as `App[Any]`; this screen runs in ItaApp
        app = getters.app(ItaApp)

    def __init__(self) -> None:
        super().__init__()
        install_bindings(self, LINKS_KEYS, self.app.lang)

    def compose(self) -> ComposeResult:
        with Vertical(id="links", classes="form"):
            yield Static(self.t("links.title"), classes="form-title")
            yield Static(self.t("links.checking"), id="links-summary")
            yield DataTable(id="links-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("links.column.verdict", "links.column.place", "links.column.url"):
            table.add_column(self.t(key))
        table.focus()
        self.action_check()

    def action_check(self) -> None:
        self.query_one("#links-summary", Static).update(self.t("links.checking"))
        # Read here, on the app's thread, which alone may use the database.
        self._check(self.desk.links_to_check())

    def action_close(self) -> None:
        self.dismiss(None)

    @work(thread=True, exclusive=True)
    def _check(self, links: "list[LinkToCheck]") -> None:
        checks = self.desk.check_links(links=links)
        self.app.call_from_thread(self._show, checks)

    def _show(self, checks: "list[LinkCheck]") -> None:
        table = self.query_one(DataTable)
        table.clear()
        failing = 0
        for check in sorted(checks, key=lambda c: not c.failing):
            failing += check.failing
            verdict = self.t(f"links.verdict.{check.verdict}")
            if check.status:
                verdict += f" ({self.app.num(check.status)})"
            table.add_row(verdict, check.link.place, check.link.url)
        summary = (
            self.t("links.summary", total=self.app.num(len(checks)), failing=self.app.num(failing))
            if checks
            else self.t("links.none_in_app")
        )
        self.query_one("#links-summary", Static).update(summary)
