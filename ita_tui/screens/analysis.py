"""วิเคราะห์: the indicators this year against last year and the pass mark, what passing failed
OIT items would be worth (tick them and watch the score move), and progress over the year."""

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll

from ita_tui.core import oit, scoring
from ita_tui.core.errors import UserError
from ita_tui.core.model import Assessment
from ita_tui.core.progress_over_time import monthly_percent
from ita_tui.core.thai_calendar import fiscal_year
from ita_tui.screens.localized import ItaScreen, Key
from ita_tui.widgets.charts import IndicatorChart, MonthlyChart
from ita_tui.widgets.keys_footer import Footer
from ita_tui.widgets.plain import Static
from ita_tui.widgets.plain_fields import Select
from ita_tui.widgets.plain_for_forms import SelectionList
from ita_tui.widgets.title_bar import TitleBar

MEASURE_CHOICES = 300


class AnalysisScreen(ItaScreen):
    SCOPED_CSS = False  # see ItaScreen
    DEFAULT_CSS = """
    #whatif {
        height: auto;
        max-height: 16;
    }

    #whatif-items {
        width: 3fr;
        height: auto;
        max-height: 16;
    }


    #progress-scope {
        width: 80;
        margin: 1 0 0 0;
    }
    """

    section = "analysis"
    # Not in the footer, which keeps its 80-column line; the help screen lists it.
    KEYS = [
        Key("e", "edit_oit_item", "edit-oit-item", show=False),
        Key("u", "edit_published_address", "edit-published-address", show=False),
        Key("k", "check_links", "check-links", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="analysis"):
            yield Static(id="chart-heading", classes="headline")
            yield IndicatorChart(id="indicator-chart")
            yield Static(id="whatif-heading", classes="headline")
            with Horizontal(id="whatif"):
                yield SelectionList(id="whatif-items")
                yield Static(id="whatif-result", classes="panel")
            yield Static(id="progress-heading", classes="headline")
            yield Select([("-", "plan")], id="progress-scope", allow_blank=False)

            yield MonthlyChart(id="progress-chart")
        yield Footer(compact=True, show_command_palette=False)

    def render_view(self) -> None:
        if self.desk.agency is None:
            self.query_one("#chart-heading", Static).update(self.t("overview.no_plan"))
            return
        assessments = self.desk.assessments()
        self._render_chart(assessments)
        self._render_whatif_choices(assessments[-1] if assessments else None)
        self._render_scopes()
        self._render_progress()

    def _render_chart(self, assessments: list[Assessment]) -> None:
        app = self.app
        if not assessments:
            self.query_one("#chart-heading", Static).update(self.t("overview.no_assessment"))
            return
        latest = assessments[-1]
        previous = assessments[-2] if len(assessments) > 1 else None
        years = [a for a in (previous, latest) if a]
        if self.app.size.height < 32:
            # On a short terminal this year's bars alone, so that the what-if list below is in
            # sight; last year's stay in the heading's comparison and on a taller screen.
            years = [latest]
        self.query_one("#chart-heading", Static).update(
            self.t(
                "analysis.chart",
                this=app.num(latest.year),
                last=app.num(previous.year) if previous else "-",
                mark=app.num(scoring.methodology(latest.year).pass_mark),
            )
        )
        rows = []
        for indicator in scoring.indicators(latest.year):
            bars = [(app.num(a.year), a.scores[indicator.number - 1]) for a in years]
            rows.append((f"{app.num(indicator.number)}. {indicator.name(app.lang)}", bars))
        self.query_one(IndicatorChart).show(
            rows, app.num, scoring.methodology(latest.year).pass_mark
        )

    def _render_whatif_choices(self, latest: Assessment | None) -> None:
        app = self.app
        choices = self.query_one("#whatif-items", SelectionList)
        chosen = set(choices.selected)
        choices.clear_options()
        self._catalogue = None
        self._latest = latest
        self._failed: list[str] = []
        heading = self.query_one("#whatif-heading", Static)
        if latest is None:
            heading.update("")
            return
        try:
            self._catalogue = self.desk.oit_catalogue(latest.year)
        except UserError as error:
            heading.update(error.message(app.lang))
            self.query_one("#whatif-result", Static).update("")
            return
        heading.update(self.t("analysis.whatif", year=app.num(latest.year)))
        named = {
            f.oit_item
            for f in self.desk.findings()
            if f.oit_item and f.assessment_year == latest.year
        }
        self._failed = [item.code for item in self._catalogue.items if item.code in named]
        worth = oit.item_worth(self._catalogue, latest.year)
        for code in self._failed:
            item = self._catalogue.item(code)
            # The item's code as the NACC publishes it (O11), whatever the digits setting.
            rest = app.num(
                f"{item.sub_indicator} {item.name}  +{scoring.round_half_up(worth[code])}"
            )
            label = f"{item.shown_code} {rest}"
            if item.provisional_name:
                label += f" ({self.t('whatif.name_provisional')})"
            if self._catalogue.provisional_indicator(item.indicator):
                label += f" ({self.t('whatif.provisional')})"
            choices.add_option((label, code, code in chosen))
        if choices.option_count and choices.highlighted is None:
            choices.highlighted = 0
        self._render_whatif_result()

    def action_edit_oit_item(self) -> None:
        """Confirm or correct the highlighted failed item's name and grouping."""
        from ita_tui.screens.oit_item_form import OitItemForm

        choices = self.query_one("#whatif-items", SelectionList)
        if self._catalogue is None or choices.highlighted is None:
            return
        if self.allowed("oit_list"):
            code = str(choices.get_option_at_index(choices.highlighted).value)
            self.app.push_screen(OitItemForm(self._catalogue, code), self._after_item_form)

    def action_edit_published_address(self) -> None:
        """Record where the highlighted item is published for the latest assessment's year."""
        from ita_tui.screens.published_address_form import PublishedAddressForm

        choices = self.query_one("#whatif-items", SelectionList)
        if self._catalogue is None or self._latest is None or choices.highlighted is None:
            return
        if self.allowed("published_address"):
            code = str(choices.get_option_at_index(choices.highlighted).value)
            year = self._latest.year
            known = {a.item: a.url for a in self.desk.published_addresses(year)}
            shown = self._catalogue.item(code).shown_code
            form = PublishedAddressForm(year, code, shown, known.get(code, ""))
            self.app.push_screen(form, self._after_item_form)

    def action_check_links(self) -> None:
        from ita_tui.screens.links import LinksScreen

        if self.desk.agency is not None:
            self.app.push_screen(LinksScreen())

    def _after_item_form(self, result: object) -> None:
        if result is not None:
            self.changed()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        self._render_whatif_result()

    def _render_whatif_result(self) -> None:
        app = self.app
        if self._catalogue is None or self._latest is None:
            return
        passing = list(self.query_one("#whatif-items", SelectionList).selected)
        result = oit.what_if(
            self._latest.year, self._latest.scores, self._catalogue, self._failed, passing
        )
        text = Text()
        text.append(
            self.t(
                "whatif.indicators",
                nine=app.num(result.indicators[9]),
                ten=app.num(result.indicators[10]),
            )
            + "\n"
        )
        verdict = self.t(
            "score.passed" if result.score.passed else "score.not_passed",
            mark=app.num(scoring.methodology(self._latest.year).pass_mark),
        )
        text.append(
            self.t(
                "analysis.overall",
                overall=app.num(result.score.overall),
                kind=self.t(f"score.{result.score.result_kind}"),
                result=result.score.result(app.lang),
                verdict=verdict,
            )
            + "\n\n",
            style="bold green" if result.score.passed else "bold red",
        )
        for target, codes in result.fewest.items():
            if codes is None:
                text.append(self.t("whatif.unreachable", target=app.num(target)) + "\n")
            elif not codes:
                text.append(self.t("whatif.reached", target=app.num(target)) + "\n")
            else:
                text.append(
                    self.t(
                        "whatif.fewest",
                        target=app.num(target),
                        count=app.num(len(codes)),
                        items=", ".join(self._catalogue.item(c).shown_code for c in codes),
                    )
                    + "\n"
                )
        # How each failed item's name, grouping and evidence year is known, as whatif says it.
        for code in self._failed:
            item = self._catalogue.item(code)
            text.append(f"\n{item.shown_code}  {oit.how_known(item, app.lang)}", style="dim")
        self.query_one("#whatif-result", Static).update(text)

    def _render_scopes(self) -> None:
        app = self.app
        select = self.query_one("#progress-scope", Select)
        current = select.value
        options = [(self.t("analysis.whole_plan"), "plan")]
        options += [
            (f"{self.t('analysis.unit')}: {u.name}", f"unit-{u.id}") for u in self.desk.units()
        ]
        options += [
            (f"#{app.num(m.id)} {m.full_title}", f"measure-{m.id}")
            # The choice list stays usable on a large plan: its first measures.
            for m in self.desk.measures(limit=MEASURE_CHOICES)
        ]
        select.set_options(options)
        wanted = current if current in {v for _, v in options} else "plan"
        # Select redraws its label only when the value changes; set_options keeps the value, so
        # step off it and back to show the label in the current language.
        select.value = options[-1][1] if wanted != options[-1][1] else options[0][1]
        select.value = wanted

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "progress-scope":
            self._render_progress()

    def _render_progress(self) -> None:
        app = self.app
        scope = self.query_one("#progress-scope", Select).value
        if isinstance(scope, str) and scope.startswith("unit-"):
            rows = self.desk.measures(unit_id=int(scope.removeprefix("unit-")))
        elif isinstance(scope, str) and scope.startswith("measure-"):
            rows = self.desk.measures(ids=[int(scope.removeprefix("measure-"))])
        else:
            rows = self.desk.measures()
        rows = [r for r in rows if r.status != "dropped"]
        year = fiscal_year(app.as_of)
        months = monthly_percent(
            self.desk.progress_entries(),
            [r.id for r in rows if r.id is not None],
            year,
            app.as_of,
        )
        self.query_one("#progress-heading", Static).update(
            self.t("analysis.progress", year=app.num(year), date=app.day(app.as_of))
        )
        names = self.desk.words.months()
        labels = [(names[day.month - 1], value) for day, value in months]
        self.query_one(MonthlyChart).show(labels, app.num)
