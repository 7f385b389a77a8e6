"""One measure in full: what it asks, who does it, by when, what its report must contain, and
what has been done so far."""

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets.option_list import Option

from ita_tui.core.errors import UserError
from ita_tui.core.follow_up import DUE_SOON_DAYS
from ita_tui.core.model import ChecklistItem, MeasureDetail, ProgressEntry
from ita_tui.screens.localized import ItaScreen, Key
from ita_tui.widgets.keys_footer import Footer
from ita_tui.widgets.plain import DataTable, Static
from ita_tui.widgets.plain_fields import OptionList
from ita_tui.widgets.title_bar import TitleBar


class MeasureScreen(ItaScreen):
    SCOPED_CSS = False  # see ItaScreen
    DEFAULT_CSS = """
    #measure-detail #measure-body {
        padding: 1 1 0 1;
    }

    #contents {
        height: auto;
        max-height: 16;
        margin: 1 0 0 0;
        border: round $accent;
    }

    #progress-log {
        height: auto;
        max-height: 14;
        margin: 1 0;
        border: round $accent;
    }
    """

    KEYS = [
        Key("escape", "app.pop_screen", "back"),
        Key("p", "log_progress", "log-progress"),
        Key("s", "change_status", "change-status"),
        Key("space", "toggle_content", "tick"),
        Key("v", "attach_evidence", "evidence"),
        Key("e", "edit_measure", "edit-measure"),
        Key("delete", "delete_measure", "delete-measure", show=False),
    ]

    def __init__(self, measure_id: int) -> None:
        super().__init__()
        self.measure_id = measure_id
        self.measure: MeasureDetail | None = None
        self._deleted = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="measure-detail"):
            yield Static(id="measure-title", classes="headline")
            yield Static(id="measure-facts", classes="panel")
            yield Static(id="measure-body")
            yield OptionList(id="contents")
            yield DataTable(id="progress-log", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        # The checklist has the focus, the page shown from its top: Down goes from item to
        # item and Space ticks the one in sight of the cursor.
        self.query_one("#contents", OptionList).focus(scroll_visible=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Space ticks the item the checklist's cursor is on, and only while the checklist has
        # the focus: elsewhere on the page it would tick an item out of sight.
        if action == "toggle_content":
            return self.focused is self.query_one("#contents", OptionList)
        return True

    def render_view(self) -> None:
        app = self.app
        if self._deleted:
            return

        try:
            self.measure = measure = self.desk.measure(self.measure_id)
        except UserError as error:
            # Deleted, here or by another officer: say so and step back to where we came from.
            self.notify(error.message(app.lang), severity="warning")
            self.app.call_later(self._leave)
            return
        title = f"#{app.num(measure.id)} {measure.title}"
        if measure.topic:
            title += f"\n{measure.topic}"
        self.query_one("#measure-title", Static).update(title)
        self.query_one("#measure-facts", Static).update(self._facts(measure))
        self.query_one("#measure-body", Static).update(self._body(measure))
        self._render_contents(measure)
        self._render_progress(measure)

    def _facts(self, measure: MeasureDetail) -> Text:
        app = self.app
        text = Text()
        state = self.t(f"status.{measure.status}")
        text.append(f"{self.t('measure.status')}: ", style="bold")
        text.append(state)
        if measure.status != "dropped":
            text.append(f"  {app.num(measure.percent)}%")
        if measure.drop_reason:
            text.append(f"  ({measure.drop_reason})")
        if measure.overdue:
            text.append(
                "  ⚠ " + self.t("overdue.days", count=app.num(measure.days_overdue)),
                style="bold red",
            )
        elif measure.due_soon:
            text.append(
                "  " + self.t("measures.due_soon", count=app.num(DUE_SOON_DAYS)),
                style="bold yellow",
            )
        text.append(f"\n{self.t('measure.units')}: ", style="bold")
        units = measure.units
        if units:
            text.append(units[0] + " " + self.t("measure.lead"))
            for unit in units[1:]:
                text.append(f", {unit}")
        text.append(f"\n{self.t('measure.period')}: ", style="bold")
        text.append(measure.period or "-")
        if measure.end:
            text.append(f"  ({app.day(measure.start)} – {app.day(measure.end)})")
        if measure.budget is not None or measure.budget_used is not None:
            words = self.desk.words
            text.append(f"\n{self.t('measure.budget')}: ", style="bold")
            text.append(
                self.t(
                    "measure.budget_line",
                    planned=words.baht(measure.budget),
                    spent=words.baht(measure.budget_used),
                )
            )
        if measure.carried_from is not None:
            text.append(
                "\n" + self.t("measure.carried_from", id=app.num(measure.carried_from)),
                style="bold",
            )
        if measure.outside_fiscal_year:
            text.append(
                "\n" + self.t("measure.outside_fiscal_year") + f" ({app.num(measure.fiscal_year)})",
                style="bold yellow",
            )
        return text

    def _body(self, measure: MeasureDetail) -> Text:
        app = self.app
        text = Text()
        text.append(self.t("measure.method") + "\n", style="bold underline")
        text.append((measure.method or "-") + "\n\n")
        text.append(self.t("measure.follow_up") + "\n", style="bold underline")
        text.append((measure.follow_up or "-") + "\n")
        if measure.answers:
            text.append("\n" + self.t("measure.findings") + "\n", style="bold underline")
            for finding in measure.answers:
                where = app.num(" ".join(p for p in (finding.sub_indicator, finding.oit_item) if p))
                text.append(f"• {where} {finding.text}\n" if where else f"• {finding.text}\n")
        return text

    def _render_contents(self, measure: MeasureDetail) -> None:
        app = self.app
        listing = self.query_one("#contents", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        contents = measure.contents
        done = sum(1 for c in contents if c.done_on)
        listing.border_title = self.t(
            "measure.contents", done=app.num(done), total=app.num(len(contents))
        )
        if not contents:
            listing.add_option(
                Option(Text(self.t("measure.no_contents"), style="italic"), disabled=True)
            )
            return
        for number, content in enumerate(contents, start=1):
            label = Text(
                "☑ " if content.done_on else "☐ ",
                style="bold green" if content.done_on else "bold",
            )
            label.append(f"{app.num(number)}) {content.text}")
            if content.done_on:
                label.append(f"  ✓ {app.day(content.done_on)}", style="green")
                if content.by:
                    label.append(f" · {content.by}", style="dim")
            if content.evidence:
                label.append(f"\n    ↗ {content.evidence}", style="cyan")
            listing.add_option(Option(label, id=f"content-{content.id}"))
        # Space ticks the item under the cursor: there is always one.
        listing.highlighted = (
            highlighted if highlighted is not None and highlighted < len(contents) else 0
        )

    def _render_progress(self, measure: MeasureDetail) -> None:
        app = self.app
        table = self.query_one("#progress-log", DataTable)
        table.clear(columns=True)
        table.border_title = self.t("measure.progress_log")
        table.add_column(self.t("progress.date"), key="date")
        table.add_column("%", key="percent")
        table.add_column(self.t("progress.note"), key="note")
        table.add_column(self.t("progress.evidence"), key="evidence")
        table.add_column(self.t("progress.by"), key="by")
        if not measure.progress:
            table.add_row(self.t("measure.no_progress"), "", "", "", "")
        for entry in measure.progress:
            table.add_row(
                app.day(entry.date),
                Text(app.num(entry.percent), justify="right"),
                self._entry_words(entry),
                entry.evidence or "",
                entry.by,
                key=str(entry.id),
            )

    def _entry_words(self, entry: ProgressEntry) -> str:
        """The note, then the problems met and what is suggested, on the entry's one line."""
        parts = [entry.note or ""]
        if entry.problems:
            parts.append(f"{self.t('progress.problems')}: {entry.problems}")
        if entry.suggestions:
            parts.append(f"{self.t('progress.suggestions')}: {entry.suggestions}")
        return " · ".join(part for part in parts if part)

    def _highlighted_content(self) -> ChecklistItem | None:
        listing = self.query_one("#contents", OptionList)
        if self.measure is None or listing.highlighted is None:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        if not option.id:
            return None
        content_id = int(option.id.removeprefix("content-"))
        return next((c for c in self.measure.contents if c.id == content_id), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "contents":
            self.action_toggle_content()

    def action_toggle_content(self) -> None:
        content = self._highlighted_content()
        if content is None or content.id is None or not self.allowed("tick", self.measure_id):
            return
        self.desk.tick(content.id, done=content.done_on is None)
        self.changed()

    def action_attach_evidence(self) -> None:
        from ita_tui.screens.evidence_form import EvidenceForm

        content = self._highlighted_content()
        if content is None:
            self.notify(self.t("measure.pick_content"))
            return
        if not self.allowed("evidence", self.measure_id):
            return
        self.app.push_screen(EvidenceForm(content), self._after_form)

    def action_log_progress(self) -> None:
        from ita_tui.screens.progress_form import ProgressForm

        if self.measure is None:
            return
        if self.measure.status == "dropped":
            self.notify(
                self.t("progress.measure_dropped", id=self.app.num(self.measure_id)),
                severity="warning",
            )
            return
        if not self.allowed("log_progress", self.measure_id):
            return
        form = ProgressForm(self.measure_id, self.measure.percent, self.measure.budget_used)
        self.app.push_screen(form, self._after_form)

    def action_change_status(self) -> None:
        from ita_tui.screens.status_form import StatusForm

        if self.measure is not None and self.allowed("status", self.measure_id):
            self.app.push_screen(StatusForm(self.measure), self._after_form)

    def action_edit_measure(self) -> None:
        from ita_tui.screens.measure_form import MeasureForm

        if self.allowed("edit_measure", self.measure_id):
            self.app.push_screen(MeasureForm(self.measure_id), self._after_form)

    def action_delete_measure(self) -> None:
        from ita_tui.screens.confirm import ConfirmScreen

        if self.measure is None or not self.allowed("delete_measure", self.measure_id):
            return
        question = self.t(
            "measure.confirm_delete", id=self.app.num(self.measure_id), title=self.measure.title
        )

        def delete(answer: bool | None) -> None:
            if answer:
                self.desk.delete_measure(self.measure_id)
                self.app.notify(self.t("measure.deleted", id=self.app.num(self.measure_id)))
                self._deleted = True
                self.app.call_later(self._leave)

        self.app.push_screen(ConfirmScreen(question), delete)

    def _leave(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()
        self.changed()

    def _after_form(self, result: object) -> None:

        if result is not None:
            self.changed()
