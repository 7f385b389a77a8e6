"""Change a measure's status. Dropping asks why; marking done while required contents are still
unticked asks for confirmation and names what is missing."""

from textual.widgets import RadioSet

from ita_tui.core.errors import UserError
from ita_tui.core.model import CARRIED, MEASURE_STATUSES, MeasureDetail
from ita_tui.screens.form import FormScreen
from ita_tui.widgets.plain_fields import Input, RadioButton


class StatusForm(FormScreen[str | None]):
    title_key = "status_form.title"

    def __init__(self, measure: MeasureDetail) -> None:
        self.measure = measure
        self.measure_id = measure.id or 0
        super().__init__()

    def fields(self):
        buttons = [
            RadioButton(self.t(f"status.{s}"), value=s == self.measure.status, id=f"status-{s}")
            for s in MEASURE_STATUSES
            # Carried on only by accepting a new year; a carried measure shows where it stands.
            if s != CARRIED or self.measure.status == CARRIED
        ]
        yield from self.field("status_form.status", RadioSet(*buttons, id="status-choice"))
        yield from self.field(
            "status_form.reason",
            Input(self.measure.drop_reason or "", id="status-reason"),
            "status_form.reason_hint",
        )

    def chosen(self) -> str:
        pressed = self.query_one("#status-choice", RadioSet).pressed_button
        return pressed.id.removeprefix("status-") if pressed and pressed.id else self.measure.status

    def save(self) -> str:
        status = self.chosen()
        reason = self.query_one("#status-reason", Input).value
        if status == "dropped" and not reason.strip():
            from ita_tui.screens.form import FieldErrors

            raise FieldErrors({"status-reason": UserError("status.need_reason")})
        self.desk.set_status(self.measure_id, status, reason, changed_on=self.app.as_of)

        return status

    def action_save(self) -> None:
        missing = [c.text for c in self.measure.contents if not c.done_on]
        if self.chosen() == "done" and missing and self.measure.status != "done":
            from ita_tui.screens.confirm import ConfirmScreen

            listing = "\n".join(f"  ☐ {text}" for text in missing)
            question = self.t(
                "status_form.confirm_done", count=self.app.num(len(missing)), missing=listing
            )

            def answered(yes: bool | None) -> None:
                if yes:
                    super(StatusForm, self).action_save()

            self.app.push_screen(ConfirmScreen(question), answered)
            return
        super().action_save()
