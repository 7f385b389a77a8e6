"""A plan brought in from the app, for an office that has only a browser and no command line:
start one from the agency's name and fill it in with the plan's forms, or paste a plan or
snapshot file's text and import it as `ita-tui import` does (checked whole, all or nothing)."""

from typing import TYPE_CHECKING

from ita_tui.core.model import Agency
from ita_tui.screens.form import FormScreen
from ita_tui.screens.localized import AtTheDesk
from ita_tui.screens.messages import ChooseAgency
from ita_tui.widgets.plain_fields import Input
from ita_tui.widgets.plain_for_forms import TextArea

if TYPE_CHECKING:
    from ita_tui.documents.snapshot import ImportReport


class StartPlanForm(FormScreen[Agency | None]):
    title_key = "start_plan_form.title"

    def fields(self):
        yield from self.field(
            "start_plan_form.name", Input(id="agency-name"), "start_plan_form.hint"
        )

    def save(self) -> Agency:
        return self.desk.start_plan(self.query_one("#agency-name", Input).value)


class ImportPlanForm(FormScreen["ImportReport | None"]):
    title_key = "import_form.title"

    def fields(self):
        yield from self.field(
            "import_form.text", TextArea(id="plan-text", soft_wrap=False), "import_form.hint"
        )

    def save(self) -> "ImportReport":
        text = self.query_one("#plan-text", TextArea).text
        return self.desk.import_plan_text(text, self.t("import_form.source"))


def open_start_plan(screen: AtTheDesk) -> None:
    """The form that starts a plan, if the person may start one (what an import needs)."""
    if not screen.allowed("start_plan"):
        return

    def started(agency: Agency | None) -> None:
        if agency is not None:
            _now_showing(screen, agency.id)
            screen.app.notify(screen.t("start_plan.done", agency=agency.name), timeout=8)

    screen.app.push_screen(StartPlanForm(), started)


def open_import(screen: AtTheDesk) -> None:
    """The form that imports a pasted plan, if the person may import one."""
    if not screen.allowed("import"):
        return

    def imported(report: "ImportReport | None") -> None:
        if report is None:
            return
        desk = screen.desk
        assert desk.agency is not None  # the desk works on the agency it imported
        _now_showing(screen, desk.agency.id)
        words = desk.words
        lines = [screen.t("import.done", agency=report.agency, count=words.num(report.measures))]
        lines += [
            screen.t(
                "import.outside_fiscal_year",
                title=measure.title,
                period=measure.period,
                year=words.num(measure.fiscal_year),
            )
            for measure in report.outside_fiscal_year
        ]
        screen.app.notify("\n".join(lines), timeout=12)

    screen.app.push_screen(ImportPlanForm(), imported)


def _now_showing(screen: AtTheDesk, agency_id: int) -> None:
    """Every section shows the agency whose plan came in, as it now stands."""
    screen.changed()
    screen.app.post_message(ChooseAgency(agency_id))
