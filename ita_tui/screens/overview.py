"""ภาพรวม: the agency's latest ITA result, its ten indicators against the pass mark, and how the
plan stands."""

from decimal import Decimal

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from ita_tui.core import scoring
from ita_tui.core.follow_up import DUE_SOON_DAYS, FOLLOW_UPS
from ita_tui.core.model import CARRIED, MEASURE_STATUSES, Assessment
from ita_tui.screens.localized import ItaScreen, Key
from ita_tui.screens.messages import ShowIndicator
from ita_tui.widgets.keys_footer import Footer
from ita_tui.widgets.plain import DataTable, Static
from ita_tui.widgets.title_bar import TitleBar

BAR_CELLS = 20
BAR = "▆"


def score_bar(score: float, pass_mark: float) -> Text:
    """A bar of the score out of 100 with the pass mark drawn on it as ┃; a ✓ or ✗ says in
    words what the colour says."""
    filled = round(score / 100 * BAR_CELLS)
    mark = round(pass_mark / 100 * BAR_CELLS) - 1
    passed = score >= pass_mark
    # Three quarters of a cell high: the bars of rows one under the other stay apart where a
    # line is as tall as its cells (the browser), and read as bars, not as one block.
    cells = [BAR if i < filled else "░" for i in range(BAR_CELLS)]
    cells[mark] = "┃"
    text = Text("".join(cells), style="green" if passed else "red")
    text.stylize("bold yellow", mark, mark + 1)
    text.append(" ✓" if passed else " ✗", style="bold green" if passed else "bold red")
    return text


class OverviewScreen(ItaScreen):
    section = "overview"
    AUTO_FOCUS = "#indicator-table"
    # On a database with no plan yet, what to do next, with no command line needed.
    KEYS = [
        Key("n", "start_plan", "start-plan"),
        Key("i", "import_plan", "import-plan"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="overview"):
            yield Static(id="sample-banner", classes="banner")
            yield Static(id="score-line", classes="headline")
            yield DataTable(id="indicator-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="plan-counts", classes="panel")
            yield Static(id="recommendations", classes="panel")
        yield Footer(
            compact=True,
            show_command_palette=False,
            keys_at_once=not self.app.first_frame_shown,
        )

    def render_view(self) -> None:
        app = self.app
        banner = self.query_one("#sample-banner", Static)
        banner.display = app.sample
        banner.update(self.t("overview.sample_banner", date=app.day(app.as_of)))
        table = self.query_one("#indicator-table", DataTable)
        table.clear(columns=True)
        # With no plan yet, only what to do about it.
        for part in ("#indicator-table", "#plan-counts", "#recommendations"):
            self.query_one(part).display = self.desk.agency is not None
        if self.desk.agency is None:
            self.query_one("#score-line", Static).update(self.t("overview.no_plan"))
            return
        self._render_assessment(table, self.desk.assessments())
        self._render_counts()
        recommendations = self.desk.recommendations()
        lines = [self.t("overview.recommendations")]
        for number, row in enumerate(recommendations, start=1):
            done = f" ✓ {app.day(row.done_on)}" if row.done_on else ""
            lines.append(f"{app.num(number)}. {row.text}{done}")
        self.query_one("#recommendations", Static).update("\n".join(lines))
        self.query_one("#recommendations", Static).display = bool(recommendations)

    def _render_assessment(self, table: DataTable, assessments: list[Assessment]) -> None:
        app = self.app
        line = self.query_one("#score-line", Static)
        if not assessments:
            line.update(self.t("overview.no_assessment"))
            return
        latest = assessments[-1]
        previous = assessments[-2] if len(assessments) > 1 else None
        result = scoring.compute(latest.year, latest.scores)
        mark = app.num(scoring.methodology(latest.year).pass_mark)
        verdict = self.t("score.passed" if result.passed else "score.not_passed", mark=mark)
        published = ""
        if (
            latest.published_overall is not None
            and Decimal(str(latest.published_overall)) != result.overall
        ):
            published = " " + self.t(
                "overview.published", overall=app.num(latest.published_overall)
            )
        if latest.published_result and latest.published_result not in (
            result.result_th,
            result.result_en,
        ):
            # The rule after 2565 is not known for sure: what the NACC published stands beside
            # what the tool computes, never replaced by it.
            published += " " + self.t("overview.published_result", result=latest.published_result)
        computed = result.result(app.lang)
        if result.provisional_result:
            computed += f" ({self.t('whatif.provisional')})"
        line.update(
            self.t(
                "overview.headline",
                year=app.num(latest.year),
                overall=app.num(result.overall),
                kind=self.t(f"score.{result.result_kind}"),
                result=computed,
                verdict=verdict,
            )
            + published
        )
        change_heading = (
            self.t("overview.change", year=app.num(previous.year))
            if previous
            else self.t("overview.no_change")
        )
        table.add_column("#", key="number")
        table.add_column(self.t("overview.indicator"), key="indicator")
        table.add_column(self.t("overview.instrument"), key="instrument")
        table.add_column(self.t("overview.score"), key="score")
        table.add_column(self.t("overview.against_pass", mark=mark), key="bar")
        table.add_column(change_heading, key="change")
        lowest = min(range(len(latest.scores)), key=lambda i: latest.scores[i])
        changes = (
            scoring.changes(previous.scores, latest.scores)
            if previous
            else [None] * len(latest.scores)
        )
        for indicator, score, change in zip(
            scoring.indicators(latest.year), latest.scores, changes, strict=True
        ):
            name = indicator.name(app.lang)
            if indicator.number - 1 == lowest:
                name += " " + self.t("overview.lowest")
            if change is None:
                moved = Text("-")
            else:
                arrow = "▲" if change > 0 else "▼" if change < 0 else "="
                moved = Text(
                    f"{arrow} {app.num(f'{change:+.2f}')}",
                    style="green" if change > 0 else "red" if change < 0 else "",
                )
            table.add_row(
                app.num(indicator.number),
                name,
                indicator.instrument,
                Text(app.num(f"{score:.2f}"), justify="right"),
                score_bar(score, float(scoring.methodology(latest.year).pass_mark)),
                moved,
                key=str(indicator.number),
            )

    def _render_counts(self) -> None:
        """Counts from the database, not from loading every measure: instant at any size."""
        app = self.app
        by_status = {s: self.desk.count_measures(status=s) for s in MEASURE_STATUSES}
        if not by_status[CARRIED]:
            # Only once a new year has carried measures on.
            del by_status[CARRIED]
        statuses = " · ".join(f"{self.t(f'status.{s}')} {app.num(n)}" for s, n in by_status.items())
        overdue, due_soon, stale = (self.desk.count_measures(follow=f) for f in FOLLOW_UPS)
        text = "\n".join(
            [
                self.t(
                    "overview.measures", count=app.num(sum(by_status.values())), statuses=statuses
                ),
                self.t(
                    "overview.attention",
                    overdue=app.num(overdue),
                    due_soon=app.num(due_soon),
                    stale=app.num(stale),
                    soon=app.num(DUE_SOON_DAYS),
                    stale_days=app.num(app.settings.stale_days),
                    date=app.day(app.as_of),
                ),
            ]
        )
        self.query_one("#plan-counts", Static).update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("start_plan", "import_plan"):
            return self.desk.agency is None
        return True

    def action_start_plan(self) -> None:
        from ita_tui.screens.new_plan_forms import open_start_plan

        open_start_plan(self)

    def action_import_plan(self) -> None:
        from ita_tui.screens.new_plan_forms import open_import

        open_import(self)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.post_message(ShowIndicator(int(event.row_key.value)))
