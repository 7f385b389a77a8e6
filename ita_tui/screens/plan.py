"""แก้ไขแผน: the units, findings and assessment scores behind the plan, so an agency can enter
its own plan and next year's result without writing TOML. Measures are added and edited from
the measures screen."""

from textual.app import ComposeResult
from textual.widgets import TabbedContent, TabPane

from ita_tui.core import scoring
from ita_tui.core.errors import UserError
from ita_tui.screens.localized import ItaScreen, Key
from ita_tui.widgets.keys_footer import Footer
from ita_tui.widgets.plain import DataTable
from ita_tui.widgets.tab_labels import relabel
from ita_tui.widgets.title_bar import TitleBar

TABS = ("units", "findings", "assessments")


class PlanScreen(ItaScreen):
    SCOPED_CSS = False  # see ItaScreen
    DEFAULT_CSS = """
    #plan-tabs {
        /* What the header and the section bar leave, no more: the screen never scrolls. */
        height: 1fr;
    }

    #plan-tabs DataTable {
        height: 1fr;
    }
    """

    section = "plan"
    KEYS = [
        Key("a", "add", "add-row"),
        Key("e", "edit", "edit-row"),
        Key("delete", "delete", "delete-row"),
        Key("y", "new_year", "new-year"),
        # In the help (?) and said on an empty overview; the footer keeps to this section's own.
        Key("n", "start_plan", "start-plan", show=False),
        Key("i", "import_plan", "import-plan", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with TabbedContent(id="plan-tabs"):
            for tab in TABS:
                with TabPane(tab, id=f"tab-{tab}"):
                    yield DataTable(id=f"{tab}-table", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True, show_command_palette=False)

    def render_view(self) -> None:
        app = self.app
        relabel(
            self.query_one(TabbedContent), {f"tab-{tab}": self.t(f"plan.{tab}") for tab in TABS}
        )
        if self.desk.agency is None:
            return
        units = self._table("units", ["plan.name", "plan.kind", "plan.parent"])
        for unit in self.desk.units():
            units.add_row(unit.name, unit.kind or "", unit.parent or "", key=str(unit.id))
        findings = self._table(
            "findings",
            ["plan.year", "plan.indicator", "plan.finding_kind", "plan.item", "plan.text"],
        )
        for finding in self.desk.findings():
            where = finding.sub_indicator or (
                app.num(finding.indicator) if finding.indicator else finding.instrument
            )
            findings.add_row(
                app.num(finding.assessment_year),
                where,
                self.t(f"indicators.{finding.kind}"),
                finding.oit_item or "",
                finding.text[:80],
                key=str(finding.id),
            )
        assessments = self._table(
            "assessments",
            ["plan.year", "plan.overall", "plan.result", "plan.published", "plan.scores"],
        )
        for row in self.desk.assessments():
            result = scoring.compute(row.year, row.scores)
            published = " ".join(
                str(p) for p in (row.published_overall, row.published_result) if p is not None
            )
            assessments.add_row(
                app.num(row.year),
                app.num(result.overall),
                result.result(app.lang),
                app.num(published) if published else "-",
                " ".join(app.num(f"{s:g}") for s in row.scores),
                key=str(row.year),
            )

    def _table(self, tab: str, headings: list[str]) -> DataTable:
        table = self.query_one(f"#{tab}-table", DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        for heading in headings:
            table.add_column(self.t(heading))
        table.call_after_refresh(table.move_cursor, row=cursor)
        return table

    def _current(self) -> tuple[str, str | None]:
        tab = self.query_one(TabbedContent).active.removeprefix("tab-")
        table = self.query_one(f"#{tab}-table", DataTable)
        if not table.row_count:
            return tab, None
        return tab, table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _form_for(self, tab: str, key: str | None):
        from ita_tui.screens.plan_forms import AssessmentForm, FindingForm, UnitForm

        forms = {"units": UnitForm, "findings": FindingForm, "assessments": AssessmentForm}
        return forms[tab](key)

    def _after_form(self, result: object) -> None:
        if result is not None:
            self.changed()

    def action_add(self) -> None:
        if self.desk.agency is None:
            self.app.notify(self.t("agency.none_in_app"), severity="warning")
            return
        if self.allowed("edit_plan"):
            tab, _ = self._current()
            self.app.push_screen(self._form_for(tab, None), self._after_form)

    def action_start_plan(self) -> None:
        from ita_tui.screens.new_plan_forms import open_start_plan

        open_start_plan(self)

    def action_import_plan(self) -> None:
        from ita_tui.screens.new_plan_forms import open_import

        open_import(self)

    def action_edit(self) -> None:
        tab, key = self._current()
        if key is not None and self.allowed("edit_plan"):
            self.app.push_screen(self._form_for(tab, key), self._after_form)

    def action_new_year(self) -> None:
        from ita_tui.screens.new_year import start_new_year

        if self.desk.agency is not None and self.allowed("new_year"):
            start_new_year(self.app, lambda accepted: self.changed() if accepted else None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    def action_delete(self) -> None:
        from ita_tui.screens.confirm import ConfirmScreen

        tab, key = self._current()
        if key is None or not self.allowed("edit_plan"):
            return
        table = self.query_one(f"#{tab}-table", DataTable)
        described = " · ".join(str(cell) for cell in table.get_row(key)[:2])
        question = self.t("plan.confirm_delete", what=self.t(f"plan.{tab}"), row=described)

        def delete(answer: bool | None) -> None:
            if not answer:
                return
            deletes = {
                "units": self.desk.delete_unit,
                "findings": self.desk.delete_finding,
                "assessments": self.desk.delete_assessment,
            }
            try:
                deletes[tab](int(key))
            except UserError as error:
                self.app.notify(error.message(self.app.lang), severity="error")
                return
            self.app.notify(self.t("plan.deleted", row=described))
            self.changed()

        self.app.push_screen(ConfirmScreen(question), delete)
