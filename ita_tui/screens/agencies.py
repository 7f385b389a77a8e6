"""หน่วยงาน: every agency in the database, by overall score and rating, with overdue and stale
counts; sortable and searchable. Choosing one makes it the agency the other sections show."""

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal

from ita_tui.core import scoring
from ita_tui.screens.localized import ItaScreen, Key
from ita_tui.screens.messages import ChooseAgency
from ita_tui.widgets.keys_footer import Footer
from ita_tui.widgets.plain import DataTable, Static
from ita_tui.widgets.plain_fields import Input, Select
from ita_tui.widgets.title_bar import TitleBar

FIRST_PAGE = 60
PAGE_SIZE = 200
SORTS = ("overall", "overdue", "stale", "name")


class AgenciesScreen(ItaScreen):
    SCOPED_CSS = False  # see ItaScreen
    DEFAULT_CSS = """
    #agency-filters {
        height: 3;
    }

    #agency-filters Input {
        width: 2fr;
    }

    #agency-filters Select {
        width: 1fr;
    }

    #agency-table {
        height: 1fr;
    }

    #agency-count {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    """

    section = "agencies"
    AUTO_FOCUS = "#agency-table"
    KEYS = [Key("slash", "focus_search", "search")]
    _total = 0
    # The search and sort the table shows, so that an event that changes neither reloads nothing.
    _shown: tuple = ()

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="agency-filters"):
            yield Input(id="agency-search")
            yield Select([("-", "overall")], id="agency-sort", allow_blank=False)
        yield DataTable(id="agency-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="agency-count")
        yield Footer(compact=True, show_command_palette=False)

    def render_view(self) -> None:
        self.query_one("#agency-search", Input).placeholder = self.t("agencies.search")
        sort = self.query_one("#agency-sort", Select)
        current = sort.value
        options = [(self.t(f"agencies.sort.{s}"), s) for s in SORTS]
        sort.set_options(options)
        # Select redraws its label only when its value changes (see the analysis screen); the
        # round trip is no change of sort, so it loads nothing.
        with sort.prevent(Select.Changed):
            sort.value = "name" if current != "name" else "overall"
            sort.value = current
        table = self.query_one("#agency-table", DataTable)
        table.clear(columns=True)
        for heading in (
            "agencies.col.name",
            "agencies.col.year",
            "agencies.col.overall",
            "agencies.col.result",
            "agencies.col.measures",
            "agencies.col.overdue",
            "agencies.col.stale",
        ):
            table.add_column(self.t(heading))
        self._load(FIRST_PAGE)

    def _page(self, limit: int, offset: int = 0) -> list[dict]:
        sort = self.query_one("#agency-sort", Select).selection
        assert sort is not None  # the select has no blank
        rows, self._total = self.desk.agency_summaries(
            self.query_one("#agency-search", Input).value or None,
            sort,
            limit,
            offset,
        )
        return rows

    def _cells(self, row: dict) -> list:
        app = self.app
        chosen = self.desk.agency is not None and self.desk.agency.id == row["id"]
        name = Text(("▶ " if chosen else "") + row["name"], style="bold" if chosen else "")
        overall = app.num(f"{row['overall']:.2f}") if row["overall"] is not None else "-"
        failing = (
            row["overall"] is not None
            and row["overall"] < scoring.methodology(row["year"]).pass_mark
        )
        return [
            name,
            app.num(row["year"]) if row["year"] else "-",
            Text(overall, style="red" if failing else "green", justify="right"),
            row["result"] or "-",
            Text(app.num(row["measures"]), justify="right"),
            Text(
                ("⚠ " if row["overdue"] else "") + app.num(row["overdue"]),
                justify="right",
                style="bold red" if row["overdue"] else "",
            ),
            Text(app.num(row["stale"]), justify="right"),
        ]

    def _wanted(self) -> tuple:
        return (
            self.query_one("#agency-search", Input).value,
            self.query_one("#agency-sort", Select).value,
        )

    def _load(self, limit: int) -> None:
        self._shown = self._wanted()
        table = self.query_one("#agency-table", DataTable)
        table.clear()
        for row in self._page(limit):
            table.add_row(*self._cells(row), key=str(row["id"]))
        self._show_count()

    def _show_count(self) -> None:
        table = self.query_one("#agency-table", DataTable)
        self.query_one("#agency-count", Static).update(
            self.t(
                "agencies.count",
                shown=self.app.num(table.row_count),
                count=self.app.num(self._total),
            )
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = event.data_table
        if table.row_count < self._total and event.cursor_row >= table.row_count - 10:
            for row in self._page(PAGE_SIZE, offset=table.row_count):
                table.add_row(*self._cells(row), key=str(row["id"]))
            self._show_count()

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._wanted() != self._shown:
            self._load(FIRST_PAGE)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#agency-table", DataTable).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if self.is_mounted and self._wanted() != self._shown:
            self._load(FIRST_PAGE)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.post_message(ChooseAgency(int(event.row_key.value)))

    def action_focus_search(self) -> None:
        self.query_one("#agency-search", Input).focus()
