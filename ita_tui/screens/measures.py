"""มาตรการ: the plan's measures in a table that filters by unit, status and follow-up state, and
searches as you type."""

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal

from ita_tui.core.follow_up import DUE_SOON_DAYS, FOLLOW_UPS
from ita_tui.core.model import CARRIED, MEASURE_STATUSES, MeasureState
from ita_tui.screens.localized import ItaScreen, Key
from ita_tui.screens.messages import OpenMeasure
from ita_tui.widgets.keys_footer import Footer
from ita_tui.widgets.plain import DataTable, Static
from ita_tui.widgets.plain_fields import Input, Select
from ita_tui.widgets.title_bar import TitleBar

# A first page a little taller than the screen shows at once, then pages as the cursor nears
# the end: the table opens at once on a plan of any size.
FIRST_PAGE = 60
PAGE_SIZE = 200


def status_mark(measure: MeasureState) -> str:
    """A mark that says in a glyph what colour would say: ⚠ overdue, ◔ due soon, ✓ done, ✗ dropped."""
    if measure.overdue:
        return "⚠"
    if measure.status == "done":
        return "✓"
    if measure.status == "dropped":
        return "✗"
    if measure.status == CARRIED:
        return "↪"
    if measure.due_soon:
        return "◔"
    return " "


def units_cell(units: tuple[str, ...], number) -> str:
    """The lead unit, and how many support it: the table stays one line per measure."""
    if not units:
        return "-"
    return units[0] + (f" +{number(len(units) - 1)}" if len(units) > 1 else "")


class MeasuresScreen(ItaScreen):
    SCOPED_CSS = False  # see ItaScreen
    DEFAULT_CSS = """
    #measure-filters {
        height: 1;
        margin: 0 0 1 0;
    }

    #measure-filters Input {
        width: 2fr;
    }

    #measure-filters Select {
        width: 1fr;
    }

    #measure-table {
        height: 1fr;
    }

    #measure-detail-line {
        height: auto;
        max-height: 3;
        padding: 0 1;
    }

    #measure-count {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    """

    section = "measures"
    AUTO_FOCUS = "#measure-table"
    KEYS = [
        Key("slash", "focus_search", "search"),
        Key("a", "add_measure", "add-measure"),
    ]

    _total: int | None = 0
    _shown: dict[str, MeasureState] = {}
    # Which refresh a count in the background belongs to: a later keystroke makes it stale.
    _count_generation = 0

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="measure-filters"):
            yield Input(id="search", compact=True)
            yield Select([], id="unit-filter", compact=True)
            yield Select([], id="status-filter", compact=True)
            yield Select([], id="follow-filter", compact=True)
        yield DataTable(id="measure-table", cursor_type="row", zebra_stripes=True)
        # The measure under the cursor in full: its title, units and period, which a narrow
        # table can only show cut.
        yield Static(id="measure-detail-line")
        yield Static(id="measure-count")
        yield Footer(compact=True, show_command_palette=False)

    def render_view(self) -> None:
        self.query_one("#search", Input).placeholder = self.t("measures.search")
        self._set_options(
            "#unit-filter", [(u.name, u.id) for u in self.desk.units()], "measures.all_units"
        )
        self._set_options(
            "#status-filter",
            [(self.t(f"status.{s}"), s) for s in MEASURE_STATUSES],
            "measures.all_statuses",
        )
        self._set_options(
            "#follow-filter",
            [(self._follow_label(f), f) for f in FOLLOW_UPS],
            "measures.all_follow_ups",
        )
        self._lay_out_columns()
        self.refresh_rows()

    # Wide enough for the period beside the rest; narrower, it shows under the table.
    WIDE = 110

    def _lay_out_columns(self) -> None:
        """The table's columns for the language and the terminal's width: the title takes
        what the others leave."""
        table = self.query_one("#measure-table", DataTable)
        width = self.app.size.width
        layout = (self.app.lang, width)
        if table.columns and getattr(self, "_columns_for", None) == layout:
            return
        wide = width >= self.WIDE
        others = {"units": 27 if wide else 14, "period": 18 if wide else 0}
        # Each column is padded by one cell each side; mark, id, status, percent, days.
        fixed = 3 + 5 + 14 + 5 + 12 + sum(w + 2 for w in others.values() if w)
        table.clear(columns=True)
        table.add_column(" ", key="mark")
        table.add_column("#", key="id")
        title_width = max(16, width - fixed - 4)
        table.add_column(self.t("measures.title"), key="title", width=title_width)
        table.add_column(self.t("measures.units"), key="units", width=others["units"])
        if wide:
            table.add_column(self.t("measures.period"), key="period")
        table.add_column(self.t("measures.status"), key="status")
        table.add_column("%", key="percent")
        table.add_column(self.t("measures.overdue_days"), key="overdue")
        self._columns_for = layout
        self._wide = wide

    def on_resize(self) -> None:
        # Not attached: made ahead, and the app closed before it was shown.
        if self.is_mounted and self.is_attached and self.desk.agency is not None:
            before = getattr(self, "_columns_for", None)
            self._lay_out_columns()
            if before != self._columns_for:
                self.query_one("#measure-table", DataTable).clear()
                self.refresh_rows()

    def _follow_label(self, follow: str) -> str:
        days = {"due_soon": DUE_SOON_DAYS, "stale": self.app.settings.stale_days}.get(follow, 0)
        return self.t(f"measures.{follow}", count=self.app.num(days))

    def _set_options(
        self, selector: str, options: list[tuple[str, object]], blank_key: str
    ) -> None:
        select = self.query_one(selector, Select)
        current = select.value
        select.set_options(options)
        select.prompt = self.t(blank_key)
        if current in {value for _, value in options}:
            select.value = current

    def _cells(self, row: MeasureState) -> list:
        app = self.app
        period = self.desk.words.period(row.start, row.end)
        if row.outside_fiscal_year:
            period += " ⚑"
        overdue = (
            Text(self.t("measures.days", count=app.num(row.days_overdue)), style="bold red")
            if row.overdue
            else Text("")
        )
        percent = "-" if row.status == "dropped" else app.num(row.percent)
        cells = [
            Text(status_mark(row), style="bold red" if row.overdue else ""),
            app.num(row.id),
            row.full_title,
            units_cell(row.units, app.num),
            period,
            self.t(f"status.{row.status}"),
            Text(percent, justify="right"),
            overdue,
        ]
        if not getattr(self, "_wide", True):
            del cells[4]
        return cells

    def _filters(self) -> dict:
        return {
            "unit_id": self.query_one("#unit-filter", Select).selection,
            "status": self.query_one("#status-filter", Select).selection,
            "follow": self.query_one("#follow-filter", Select).selection,
            "search": self.query_one("#search", Input).value or None,
        }

    def matching_rows(
        self, limit: int, offset: int = 0, filters: dict | None = None
    ) -> list[MeasureState]:
        """A page of the measures that match; the database filters and searches, so a plan of
        any size shows at once."""
        filters = self._filters() if filters is None else filters
        return self.desk.measures(**filters, limit=limit, offset=offset)

    def refresh_rows(self) -> None:
        """Update the table in place: rows that stay keep their place and the cursor stays on
        the measure it was on. As many rows as were loaded stay loaded."""
        table = self.query_one("#measure-table", DataTable)
        if self.desk.agency is None:
            table.clear()
            return
        loaded = max(FIRST_PAGE, table.row_count)
        filters = self._filters()
        rows = self.matching_rows(loaded, filters=filters)
        self._count_generation += 1
        slow_count = self.desk.slow_count(filters["search"])
        if slow_count is not None:
            # Counting such a search reads every measure's text: the rows show now, the count
            # when it is done.
            self._total = None
            self._count_in_background(slow_count, filters, self._count_generation)
        else:
            self._total = self.desk.count_measures(**filters)
        self._shown = {str(r.id): r for r in rows}
        wanted = [str(r.id) for r in rows]
        current = [key.value for key in table.rows]
        cursor_key = None
        if table.row_count and table.cursor_row < table.row_count:
            cursor_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if wanted == current:
            for row in rows:
                for column, value in zip(table.columns, self._cells(row), strict=True):
                    # A cell grows its column when its text does: 40% is never shown as 4.
                    table.update_cell(str(row.id), column, value, update_width=True)
        else:
            table.clear()
            for row in rows:
                table.add_row(*self._cells(row), key=str(row.id))
        if cursor_key in wanted:
            table.move_cursor(row=wanted.index(cursor_key))
        self._show_count()

    @work(thread=True, exclusive=True, group="measure-count", exit_on_error=False)
    def _count_in_background(self, count, filters: dict, generation: int) -> None:
        total = count(**filters)
        if total is not None:
            self.app.call_from_thread(self._counted, generation, total)

    def _counted(self, generation: int, total: int) -> None:
        if generation == self._count_generation:
            self._total = total
            self._show_count()

    def _show_detail(self, key: str | None) -> None:
        line = self.query_one("#measure-detail-line", Static)
        shown = self._shown.get(key or "")
        if shown is None:
            line.update("")
            return
        app = self.app
        text = Text(f"#{app.num(shown.id)} ", style="bold")
        text.append(shown.full_title)
        text.append(f" · {', '.join(shown.units)}", style="dim")
        text.append(f" · {self.desk.words.period(shown.start, shown.end)}", style="dim")
        line.update(text)

    def _show_count(self) -> None:
        table = self.query_one("#measure-table", DataTable)
        shown = self.app.num(table.row_count)
        self.query_one("#measure-count", Static).update(
            self.t("measures.count_pending", shown=shown)
            if self._total is None
            else self.t("measures.count", shown=shown, count=self.app.num(self._total))
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The measure under the cursor, in full; near the end of what is loaded, the next
        page."""
        table = event.data_table
        self._show_detail(event.row_key.value)
        more = self._total is None or table.row_count < self._total
        if more and event.cursor_row >= table.row_count - 10:
            for row in self.matching_rows(PAGE_SIZE, offset=table.row_count):
                self._shown[str(row.id)] = row
                table.add_row(*self._cells(row), key=str(row.id))
            self._show_count()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#measure-table", DataTable).focus()

    def on_key(self, event) -> None:
        if event.key == "escape" and isinstance(self.focused, Input):
            self.query_one("#measure-table", DataTable).focus()
            event.stop()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.refresh_rows()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.refresh_rows()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.post_message(OpenMeasure(int(event.row_key.value)))

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_add_measure(self) -> None:
        from ita_tui.screens.measure_form import MeasureForm

        if self.desk.agency is None:
            self.app.notify(self.t("agency.none_in_app"), severity="warning")
        elif self.allowed("add_measure"):
            self.app.push_screen(MeasureForm(None), self._after_add)

    def _after_add(self, measure_id: int | None) -> None:
        if measure_id is not None:
            self.changed()
