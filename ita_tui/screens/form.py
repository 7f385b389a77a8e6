"""What every form shares: a modal with labelled fields, one line of inline error per field,
Save (ctrl+s or the button) and Cancel (escape), and nothing written unless Save succeeds."""

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Literal, TypeVar

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget

from ita_tui.core.errors import UserError
from ita_tui.screens.localized import AtTheDesk, Key, install_bindings
from ita_tui.screens.modal import Modal
from ita_tui.screens.styled_when_mounted import ShownAsStyled
from ita_tui.widgets.plain import Label, Static
from ita_tui.widgets.plain_fields import Button, Input, Select

if TYPE_CHECKING:
    from ita_tui.app import ItaApp

FORM_KEYS = [
    Key("ctrl+s", "save", "save", priority=True),
    Key("escape", "cancel", "cancel", priority=True),
    # Taken before the keys typed after it are handed out, so that what is typed ahead lands in
    # the next field; elsewhere than in a text field, Enter does what that widget does with it.
    Key("enter", "next_field", "next-field", show=False, priority=True),
    # Moving between fields is decided as the key comes, so that what is typed after it lands
    # in the next field, however fast.
    Key("tab", "app.focus_next", "focus-next", show=False, priority=True),
    Key("shift+tab", "app.focus_previous", "focus-previous", show=False, priority=True),
]


ResultType = TypeVar("ResultType")

# What a form's user types into or chooses from.
FIELDS = "Input, Select, RadioSet, TextArea, SelectionList"


class FormScreen(AtTheDesk, ShownAsStyled, Modal[ResultType]):
    """Subclasses give `title_key`, `fields()` and `save()`; `save` raises UserError for a field
    (via `FieldError`) or for the whole form, and the form stays open with what was typed."""

    if TYPE_CHECKING:  # Textual types `app` as `App[Any]`; forms run in ItaApp
        app = getters.app(ItaApp)

    title_key = ""
    save_key = "form.save"
    # The field an officer most likely wants first; else the first field.
    initial_focus: str | None = None
    # Textual would focus the first widget it can as the form is composed, the scrolling box
    # around the fields, before `on_mount` focuses a field: focusing the box and leaving it
    # restyled the whole form twice (a form is styled widget by widget, and the edit form's text
    # areas and lists have many parts).
    AUTO_FOCUS = ""

    def __init__(self) -> None:
        super().__init__()
        install_bindings(self, FORM_KEYS, self.app.lang)
        self.app.hold_keys()

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form"):
            yield Static(self.t(self.title_key), classes="form-title")
            # Docked: on a short terminal the fields scroll and Save stays in sight. Tab goes
            # from field to field in screen order, where docked buttons would cut in between the
            # fields in sight and those below; they answer to a click, and their keys (ctrl+s,
            # Esc) to the keyboard.
            with Horizontal(classes="form-buttons"):
                yield self._button(self.t(self.save_key), "save", "primary")
                yield self._button(self.t("form.cancel"), "cancel", "default")
            yield from self.fields()
            yield Static("", id="form-error", classes="error")

    def field(
        self,
        label_key: str,
        widget: Widget,
        hint_key: str | None = None,
        label: str | None = None,
        hint: str | None = None,
    ) -> Iterable[Widget]:
        """A label, the input, and the line where its error appears."""
        if isinstance(widget, Input | Select):
            # Borderless inputs keep a whole form on an 80×24 screen; set before it is styled.
            widget.compact = True
        yield Label(label if label is not None else self.t(label_key), classes="field-label")
        yield widget
        if hint is None and hint_key:
            hint = self.t(hint_key)
        if hint:
            yield Static(hint, classes="hint")
        yield Static("", id=f"{widget.id}-error", classes="error field-error")

    def fields(self) -> Iterable[Widget]:
        return []

    def on_mount(self) -> None:
        # Fields a form yields without `field()`: each is styled again once made compact.
        for widget in self.query("Input, Select"):
            if isinstance(widget, Input | Select):
                widget.compact = True
        if self.initial_focus:
            self.query_one(f"#{self.initial_focus}").focus()
        else:
            fields = [w for w in self.query(FIELDS) if not w.disabled]
            if fields:
                fields[0].focus()
        self.app.call_later(self.app.release_keys)

    def save(self) -> ResultType:
        raise NotImplementedError

    def show_errors(self, errors: dict[str, str]) -> None:
        for line in self.query(".field-error").results(Static):
            line.update("")
            line.display = False
        general = []
        for field_id, message in errors.items():
            matches = self.query(f"#{field_id}-error.field-error")

            if matches:
                line = matches.first(Static)
                line.update(message)
                line.display = True
            else:
                general.append(message)
        self.query_one("#form-error", Static).update("\n".join(general))

    def action_save(self) -> None:
        # Keys typed or text pasted before ctrl+s may still be on their way into the field:
        # save after them.
        if self.focused is not None:
            self.focused.call_later(self.save_now)
        else:
            self.save_now()

    def save_now(self) -> None:
        try:
            result = self.save()
        except FieldErrors as errors:
            self.show_errors({f: e.message(self.app.lang) for f, e in errors.by_field.items()})
            return
        except UserError as error:
            self.show_errors({"form": error.message(self.app.lang)})
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_field":
            return isinstance(self.focused, Input)
        # Escape in an open list closes the list, not the form with what was typed.
        return not (action == "cancel" and any(s.expanded for s in self.query(Select)))

    def action_next_field(self) -> None:
        next_field_or(self, self.action_save)

    @staticmethod
    def _button(label: str, button_id: str, variant: Literal["primary", "default"]) -> Button:
        button = Button(label, id=button_id, variant=variant, compact=True)
        button.can_focus = False
        return button

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()


def next_field_or(screen: Screen, submit: Callable[[], object]) -> None:
    """Enter in a text field: on to the next field at once (keys typed after Enter belong
    there), or from the last one submit, once the keys typed before Enter have reached it."""
    inputs = [w for w in screen.query(Input) if not w.disabled]
    if inputs and screen.focused is inputs[-1]:
        screen.focused.call_later(submit)
    else:
        screen.focus_next()


class FieldErrors(UserError):
    """Problems with named fields, all reported at once."""

    def __init__(self, by_field: dict[str, UserError]) -> None:
        super().__init__("form.invalid")
        self.by_field = by_field


class Collector:
    """Reads each field, keeping every problem, so one Save shows them all."""

    def __init__(self) -> None:
        self.errors: dict[str, UserError] = {}

    def read(self, field_id: str, parse, *args):
        try:
            return parse(*args)
        except UserError as error:
            self.errors[field_id] = error
            return None

    def check(self) -> None:
        if self.errors:
            raise FieldErrors(self.errors)
