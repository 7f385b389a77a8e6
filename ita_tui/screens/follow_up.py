"""ติดตาม: the screen a supervisor projects at the monthly meeting. The fiscal year as a
timeline, overdue measures first by unit with days overdue, then due soon, stale, the rest."""

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header

from ita_tui.db import queries
from ita_tui.follow_up import DUE_SOON_DAYS
from ita_tui.screens.localized import ItaScreen
from ita_tui.thai_calendar import fiscal_year
from ita_tui.widgets.plain import Static
from ita_tui.widgets.timeline import Timeline


class FollowUpScreen(ItaScreen):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="follow-heading", classes="headline")
        with VerticalScroll(id="follow-up"):
            yield Timeline(id="timeline")
        yield Footer(compact=True)

    def render_view(self) -> None:
        app = self.app
        if app.agency is None:
            return
        rows = app.measure_rows()
        units = [u["name"] for u in queries.units(app.db, app.agency["id"])]
        open_rows = [r for r in rows if r["status"] not in ("dropped",)]
        overdue = [r for r in open_rows if r["overdue"]]
        due_soon = [r for r in open_rows if r["due_soon"] and not r["overdue"]]
        stale = [r for r in open_rows if r["stale"] and not r["overdue"] and not r["due_soon"]]
        listed = {r["id"] for r in overdue + due_soon + stale}
        done = [r for r in open_rows if r["status"] == "done"]
        on_track = [r for r in open_rows if r["id"] not in listed and r["status"] != "done"]
        dropped = len(rows) - len(open_rows)
        year = fiscal_year(app.as_of)
        self.query_one("#follow-heading", Static).update(
            self.t(
                "follow.heading",
                year=app.num(year),
                date=app.day(app.as_of),
                overdue=app.num(len(overdue)),
                due_soon=app.num(len(due_soon)),
                stale=app.num(sum(1 for r in open_rows if r["stale"])),
                dropped=app.num(dropped),
            )
        )
        lines: list = []
        if overdue:
            lines.append("⚠ " + self.t("follow.overdue"))
            for unit in units:
                mine = sorted(
                    (r for r in overdue if r["units"] and r["units"][0] == unit),
                    key=lambda r: -r["days_overdue"],
                )
                if mine:
                    lines.append(f"  {unit}")
                    lines.extend(self._line(r, indent=4) for r in mine)
        for key, group, mark in (
            ("follow.due_soon", due_soon, "◔"),
            ("follow.stale", stale, "…"),
            ("follow.on_track", on_track, "·"),
            ("follow.done", done, "✓"),
        ):
            if group:
                days = DUE_SOON_DAYS if key == "follow.due_soon" else app.settings.stale_days
                lines.append(f"{mark} {self.t(key, count=app.num(days))}")
                lines.extend(self._line(r, indent=2) for r in group)
        if not lines:
            lines.append(self.t("follow.nothing"))
        self.query_one("#timeline", Timeline).show(lines, year, app.as_of)

    def _line(self, row: dict, indent: int) -> dict:
        app = self.app
        title = f"{row['title']} — {row['topic']}" if row["topic"] else row["title"]
        label = " " * indent + f"#{app.num(row['id'])} {title}"
        note = ""
        if row["overdue"]:
            note = self.t("follow.days_over", days=app.num(row["days_overdue"]))
        elif row["status"] != "done":
            note = f"{app.num(row['percent'])}%"
        if row["outside_fiscal_year"]:
            note += " ⚑"
        return {
            "label": label,
            "start": row["start"],
            "end": row["end"],
            "note": note,
            "overdue": row["overdue"],
            "done": row["status"] == "done",
        }
