"""ติดตาม: the screen a supervisor projects at the monthly meeting. The fiscal year as a
timeline, overdue measures first by unit with days overdue, then due soon, stale, the rest."""

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from ita_tui.core import follow_up
from ita_tui.core.model import MeasureState
from ita_tui.core.thai_calendar import fiscal_year
from ita_tui.screens.localized import ItaScreen
from ita_tui.screens.messages import OpenMeasure
from ita_tui.widgets.keys_footer import Footer
from ita_tui.widgets.plain import Static
from ita_tui.widgets.timeline import Timeline
from ita_tui.widgets.title_bar import TitleBar


class FollowUpScreen(ItaScreen):
    SCOPED_CSS = False  # see ItaScreen
    DEFAULT_CSS = """
    #follow-up {
        height: 1fr;
        padding: 0 1;
    }

    #follow-detail-line {
        height: auto;
        max-height: 3;
        padding: 0 1;
        background: $boost;
    }
    """

    section = "follow_up"
    AUTO_FOCUS = "#timeline"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="follow-heading", classes="headline")
        with VerticalScroll(id="follow-up"):
            yield Timeline(id="timeline")
        # The measure under the cursor in full: the timeline cuts titles to its label column.
        yield Static(id="follow-detail-line")
        yield Footer(compact=True, show_command_palette=False)

    def on_timeline_highlighted(self, event: Timeline.Highlighted) -> None:
        line = event.line
        text = Text(f"#{self.app.num(line['measure_id'])} ", style="bold")
        text.append(line.get("title", ""))
        if line.get("note"):
            text.append(f" · {line['note']}", style="dim")
        self.query_one("#follow-detail-line", Static).update(text)

    def on_timeline_opened(self, event: Timeline.Opened) -> None:
        self.app.post_message(OpenMeasure(event.measure_id))

    def render_view(self) -> None:
        app = self.app
        if self.desk.agency is None:
            return
        measures = self.desk.measures()
        groups = follow_up.grouped(measures)
        year = fiscal_year(app.as_of)
        self.query_one("#follow-heading", Static).update(
            self.t(
                "follow.heading",
                year=app.num(year),
                date=app.day(app.as_of),
                overdue=app.num(len(groups.overdue)),
                due_soon=app.num(len(groups.due_soon)),
                stale=app.num(groups.stale_in_all),
                dropped=app.num(groups.dropped),
            )
        )
        lines: list = []
        if groups.overdue:
            lines.append("⚠ " + self.t("follow.overdue"))
            for unit in self.desk.units():
                mine = follow_up.longest_overdue_first(
                    m for m in groups.overdue if m.units and m.units[0] == unit.name
                )
                if mine:
                    lines.append(f"  {unit.name}")
                    lines.extend(self._line(m, indent=4) for m in mine)
        for key, group, mark in (
            ("follow.due_soon", groups.due_soon, "◔"),
            ("follow.stale", groups.stale, "…"),
            ("follow.on_track", groups.on_track, "·"),
            ("follow.done", groups.done, "✓"),
        ):
            if group:
                days = follow_up.DUE_SOON_DAYS if key == "follow.due_soon" else self.desk.stale_days
                lines.append(f"{mark} {self.t(key, count=app.num(days))}")
                lines.extend(self._line(m, indent=2) for m in group)
        if not lines:
            lines.append(self.t("follow.nothing"))
        self.query_one("#timeline", Timeline).show(lines, year, app.as_of, self.desk.words.months())

    def _line(self, measure: MeasureState, indent: int) -> dict:
        app = self.app
        label = " " * indent + f"#{app.num(measure.id)} {measure.full_title}"
        note = ""
        if measure.overdue:
            note = self.t("follow.days_over", days=app.num(measure.days_overdue))
        elif measure.status != "done":
            note = f"{app.num(measure.percent)}%"
        if measure.outside_fiscal_year:
            note += " ⚑"
        return {
            "measure_id": measure.id,
            "title": measure.full_title,
            "label": label,
            "start": measure.start,
            "end": measure.end,
            "note": note,
            "overdue": measure.overdue,
            "done": measure.status == "done",
        }
