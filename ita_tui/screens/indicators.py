"""ตัวชี้วัด: pick an indicator, read what lost it points and what to develop, and reach the
measures that answer each finding."""

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets.option_list import Option

from ita_tui.core import scoring
from ita_tui.screens.localized import ItaScreen
from ita_tui.screens.messages import OpenMeasure
from ita_tui.widgets.keys_footer import Footer
from ita_tui.widgets.plain import Static
from ita_tui.widgets.plain_fields import OptionList
from ita_tui.widgets.title_bar import TitleBar


class IndicatorsScreen(ItaScreen):
    SCOPED_CSS = False  # see ItaScreen
    DEFAULT_CSS = """
    #indicator-list {
        width: 42;
        height: 1fr;
        border: round $primary;
    }

    .-narrow #indicator-list {
        width: 34;
    }

    #indicator-detail {
        width: 1fr;
    }

    #finding-list {
        height: auto;
        border: round $primary 50%;
    }

    #finding-list > .option-list--option-disabled {
        color: $text;
    }
    """

    section = "indicators"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="indicators"):
            yield OptionList(id="indicator-list")
            with VerticalScroll(id="indicator-detail"):
                yield Static(id="indicator-heading", classes="headline")
                yield OptionList(id="finding-list")
        yield Footer(compact=True, show_command_palette=False)

    def render_view(self) -> None:
        app = self.app
        listing = self.query_one("#indicator-list", OptionList)
        listing.clear_options()
        listing.border_title = self.t("indicators.title")
        if self.desk.agency is None:
            return
        assessments = self.desk.assessments()
        latest = assessments[-1].scores if assessments else None
        count = len(scoring.indicators())
        scores = latest if latest is not None else [None] * count
        lowest = min(range(count), key=lambda i: latest[i]) + 1 if latest is not None else None
        year = assessments[-1].year if assessments else None
        mark = scoring.methodology(year).pass_mark if year else 0
        for indicator, score in zip(scoring.indicators(year), scores, strict=True):
            label = Text(f"{app.num(indicator.number):>2}. {indicator.name(app.lang)}")
            if score is not None:
                label.append(
                    f"  {app.num(f'{score:.2f}')}", style="green" if score >= mark else "bold red"
                )
                if score < mark:
                    label.append(" ✗", style="bold red")
            if indicator.number == lowest:
                label.append(" " + self.t("overview.lowest"), style="bold")
            listing.add_option(Option(label, id=f"indicator-{indicator.number}"))
        chosen = app.selected_indicator or lowest or 1
        listing.highlighted = chosen - 1
        self.show_findings(chosen, scores[chosen - 1])
        listing.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id != "indicator-list" or event.option.id is None:
            return
        number = int(event.option.id.removeprefix("indicator-"))
        if number != self.app.selected_indicator:
            self.app.selected_indicator = number
            assessments = self.desk.assessments()
            self.show_findings(number, assessments[-1].scores[number - 1] if assessments else None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "indicator-list":
            self.query_one("#finding-list", OptionList).focus()
        elif event.option.id and event.option.id.startswith("measure-"):
            self.app.post_message(OpenMeasure(int(event.option.id.split("-")[1])))

    def show_findings(self, number: int, score: float | None) -> None:
        app = self.app
        indicator = scoring.indicators()[number - 1]
        heading = f"{app.num(number)}. {indicator.name(app.lang)} · {indicator.instrument}"
        if score is not None:
            heading += " · " + self.t("indicators.score", score=app.num(f"{score:.2f}"))
        self.query_one("#indicator-heading", Static).update(heading)
        findings = [
            f
            for f in self.desk.findings()
            if f.indicator == number
            or (f.indicator is None and f.instrument == indicator.instrument)
        ]
        linked = sorted({m for f in findings for m in f.measures})
        titles = {m.id: m for m in self.desk.measures(ids=linked)}
        options: list[Option] = []
        for kind in ("weakness", "develop"):
            mine = [f for f in findings if f.kind == kind]
            if not mine:
                continue
            options.append(
                Option(Text(self.t(f"indicators.{kind}"), style="bold underline"), disabled=True)
            )
            for finding in mine:
                where = " ".join(
                    p for p in (app.num(finding.sub_indicator or ""), finding.topic) if p
                )
                item = f" ({finding.oit_item})" if finding.oit_item else ""
                label = Text(f"• {where}{item}\n  {finding.text}" if where else f"• {finding.text}")
                options.append(Option(label, disabled=True))
                if not finding.measures:
                    options.append(
                        Option(
                            Text("    " + self.t("indicators.no_measure"), style="italic"),
                            disabled=True,
                        )
                    )
                for measure_id in finding.measures:
                    measure = titles.get(measure_id)
                    if measure is None:
                        continue
                    title = measure.full_title
                    state = self.t(f"status.{measure.status}")
                    options.append(
                        Option(
                            Text(f"    → #{app.num(measure_id)} {title} [{state}]", style="bold"),
                            id=f"measure-{measure_id}-{finding.id}",
                        )
                    )
        if not options:
            options.append(
                Option(Text(self.t("indicators.no_findings"), style="italic"), disabled=True)
            )
        finding_list = self.query_one("#finding-list", OptionList)
        finding_list.clear_options()
        finding_list.add_options(options)
        finding_list.border_title = self.t("indicators.findings")
