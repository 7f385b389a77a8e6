"""The yearly cycle in the app: enter the new ITA result, see the draft of next fiscal year's
plan (findings, carried measures, proposed measures), and accept it or not. Rejecting writes
nothing; accepting writes the whole draft in one transaction."""

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll

from ita_tui.core import scoring
from ita_tui.core.errors import UserError
from ita_tui.core.user_input import parse_be_year
from ita_tui.screens.form import Collector, FieldErrors, FormScreen
from ita_tui.screens.localized import AtTheDesk, Key, install_bindings
from ita_tui.screens.modal import Modal
from ita_tui.widgets.plain import Static
from ita_tui.widgets.plain_fields import Button, Input

if TYPE_CHECKING:
    from ita_tui.app import ItaApp
    from ita_tui.desk import NewYearDraft


class NewYearForm(FormScreen["NewYearDraft | None"]):
    """The new result: the year, its indicator scores and the OIT items that failed."""

    title_key = "new_year_form.title"
    save_key = "new_year_form.draft"

    def fields(self):
        app = self.app
        assessments = self.desk.assessments()
        year = max((a.year for a in assessments), default=2565) + 1
        yield from self.field(
            "plan.year",
            Input(app.num(year), id="new-year-year"),
            hint_key="new_year_form.year_hint",
        )
        for indicator in scoring.indicators(year):
            label = (
                f"{app.num(indicator.number)}. {indicator.name(app.lang)} ({indicator.instrument})"
            )
            yield from self.field(
                "", Input("", id=f"new-year-score-{indicator.number}"), label=label
            )
        yield from self.field(
            "new_year_form.failed",
            Input("", id="new-year-failed", placeholder="o11, o42"),
            hint_key="new_year_form.failed_hint",
        )
        yield from self.field(
            "assessment_form.published",
            Input("", id="new-year-published"),
        )
        yield from self.field(
            "assessment_form.published_result",
            Input("", id="new-year-result"),
        )

    def _value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def save(self) -> "NewYearDraft":
        collector = Collector()
        year = collector.read("new-year-year", parse_be_year, self._value("new-year-year"))
        scores = [
            collector.read(
                f"new-year-score-{indicator.number}",
                scoring.parse_score,
                self._value(f"new-year-score-{indicator.number}"),
            )
            for indicator in scoring.indicators()
        ]
        published_text = self._value("new-year-published").strip()
        published = (
            collector.read("new-year-published", scoring.parse_score, published_text)
            if published_text
            else None
        )
        collector.check()
        try:
            return self.desk.draft_new_year(
                year,
                scores,
                self._value("new-year-failed"),
                float(published) if isinstance(published, Decimal) else None,
                self._value("new-year-result").strip() or None,
            )
        except UserError as error:
            field = {"oit.unknown_item": "new-year-failed", "oit.no_catalogue": "new-year-failed"}
            if error.key in field:
                raise FieldErrors({field[error.key]: error}) from None
            if error.key in ("new_year.year_exists", "score.no_methodology"):
                raise FieldErrors({"new-year-year": error}) from None
            raise


DRAFT_KEYS = [
    Key("ctrl+s", "accept", "accept-draft", priority=True),
    Key("escape", "reject", "reject-draft", priority=True),
]


class NewYearDraftScreen(AtTheDesk, Modal[bool]):
    """The draft as it would be written; the answer is whether it was."""

    AUTO_FOCUS = "#reject"

    if TYPE_CHECKING:  # Textual types `app` as `App[Any]`; this screen runs in ItaApp
        app = getters.app(ItaApp)

    def __init__(self, pending: "NewYearDraft") -> None:
        super().__init__()
        self.pending = pending
        install_bindings(self, DRAFT_KEYS, self.app.lang)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form", id="new-year-draft"):
            draft = self.pending.draft
            yield Static(
                self.t(
                    "new_year_form.draft_title",
                    plan_year=self.app.num(draft.plan_year),
                    year=self.app.num(draft.year),
                ),
                classes="form-title",
            )
            with Horizontal(classes="form-buttons"):
                yield Button(
                    self.t("new_year_form.accept"), id="accept", variant="primary", compact=True
                )
                yield Button(self.t("new_year_form.reject"), id="reject", compact=True)
            yield Static(self._summary(), id="new-year-summary")
            yield Static("", id="form-error", classes="error")

    def _summary(self) -> Text:
        app = self.app
        draft = self.pending.draft
        n = app.num
        score = draft.score
        verdict = self.t(
            "score.passed" if score.passed else "score.not_passed", mark=n(draft.pass_mark)
        )
        text = Text()
        text.append(
            f"{self.t('plan.overall')}: {n(score.overall)} {score.result(app.lang)} {verdict}\n"
        )
        text.append(
            "\n" + self.t("new_year.findings", count=n(len(draft.findings))) + "\n",
            style="bold underline",
        )
        for finding in draft.findings:
            text.append(f"• {finding.text}\n")
        text.append(
            "\n"
            + self.t("new_year.carried", count=n(len(draft.carried)), year=n(draft.plan_year - 1))
            + "\n",
            style="bold underline",
        )
        for measure in draft.carried:
            last = measure.progress[-1].percent if measure.progress else 0
            text.append("↪ ")
            text.append(measure.full_title, style="bold")
            text.append(
                f"\n  {', '.join(measure.units)} · {self.t(f'status.{measure.status}')}"
                f" {n(last)}%\n"
            )
        if draft.provisional_links:
            codes = ", ".join(draft.provisional_links)
            text.append(self.t("new_year.provisional_links", codes=codes) + "\n", style="italic")
        text.append(
            "\n" + self.t("new_year.proposed", count=n(len(draft.proposed))) + "\n",
            style="bold underline",
        )
        for measure in draft.proposed:
            text.append("+ ")
            text.append(measure.full_title, style="bold")
            text.append(f"\n  {', '.join(measure.units)}\n")
            for item in measure.contents:
                text.append(f"  □ {item.text}\n")
        return text

    def action_accept(self) -> None:
        try:
            self.desk.accept_new_year(self.pending)
        except UserError as error:
            self.query_one("#form-error", Static).update(error.message(self.app.lang))
            return
        self.app.notify(
            self.t("new_year.accepted", year=self.app.num(self.pending.draft.plan_year))
        )
        self.dismiss(True)

    def action_reject(self) -> None:
        self.app.notify(self.t("new_year_form.rejected"))
        self.dismiss(False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "accept":
            self.action_accept()
        elif event.button.id == "reject":
            self.action_reject()


def start_new_year(app: "ItaApp", after: Callable[[bool], None]) -> None:
    """The form, then the draft; `after(True)` once a draft was written."""

    def drafted(pending: "NewYearDraft | None") -> None:
        if pending is not None:
            app.push_screen(NewYearDraftScreen(pending), lambda accepted: after(bool(accepted)))

    app.push_screen(NewYearForm(), drafted)
