"""The fields a user types in or picks from (an input, a select, buttons, check and radio boxes)
and option lists, showing what they hold as the letters it is, as `ita_tui.widgets.plain` makes
text widgets (and says why). Apart from those, so that the first screen, which shows none of
them, does not wait for their classes to be made."""

from collections.abc import Iterable
from typing import Any

from rich.highlighter import Highlighter
from rich.text import Text
from textual import events
from textual import widgets as textual_widgets
from textual.binding import Binding
from textual.visual import Visual
from textual.widgets.option_list import Option

from ita_tui.core.text import visible
from ita_tui.widgets.plain import between_thai_words, plain
from ita_tui.widgets.textual_internals import RedrawnOptions


def _plain_option(option: object) -> Option | Text | None:
    """An OptionList entry: an Option, a separator (None), or a prompt."""
    if option is None:
        return None
    if isinstance(option, Option):
        return Option(plain(option.prompt), option.id, option.disabled)
    return plain(option)


class OptionList(RedrawnOptions, textual_widgets.OptionList):
    def __init__(self, *content: object, **options: Any) -> None:
        options["markup"] = False
        super().__init__(*(_plain_option(o) for o in content), **options)

    def add_options(self, new_options: Iterable[object]):
        return super().add_options([_plain_option(o) for o in new_options])

    def option_visual(self, visual: Visual) -> Visual:
        return between_thai_words(visual)  # type: ignore[return-value]


class Select(textual_widgets.Select):
    def __init__(self, options: Iterable[tuple[object, Any]] = (), **settings: Any) -> None:
        super().__init__([(plain(p, one_line=True), v) for p, v in options], **settings)

    def set_options(self, options: Iterable[tuple[object, Any]]) -> None:
        super().set_options([(plain(p, one_line=True), v) for p, v in options])


class Button(textual_widgets.Button):
    def __init__(self, label: object = None, *args: Any, **options: Any) -> None:
        super().__init__(None if label is None else plain(label, one_line=True), *args, **options)


class Checkbox(textual_widgets.Checkbox):
    def __init__(self, label: object = "", *args: Any, **options: Any) -> None:
        super().__init__(plain(label, one_line=True), *args, **options)


class RadioButton(textual_widgets.RadioButton):
    def __init__(self, label: object = "", *args: Any, **options: Any) -> None:
        super().__init__(plain(label, one_line=True), *args, **options)


class _ShowControls(Highlighter):
    """What is typed or pasted into a field is drawn with its control characters as signs;
    the value keeps them, so that saving it is refused with a message that names them."""

    def highlight(self, text: Text) -> None:
        text.plain = visible(text.plain, one_line=True)


# An input's editing keys (backspace, ctrl+k, arrows…) and what they do. Textual runs them as
# bindings once the key has come back up through the screen, after the letters typed behind
# them: "a b backspace d" typed fast gave "ab". The input does them itself, in typing order.
_EDITING_KEYS = {
    key: binding.action
    for binding in textual_widgets.Input.BINDINGS
    if isinstance(binding, Binding) and binding.action != "submit"
    for key in binding.key.split(",")
}


class Input(textual_widgets.Input):
    def __init__(self, value: str | None = None, *args: Any, **options: Any) -> None:
        options.setdefault("highlighter", _ShowControls())
        shown = None if value is None else visible(value, one_line=True)
        super().__init__(shown, *args, **options)

    async def on_key(self, event: events.Key) -> None:
        action = _EDITING_KEYS.get(event.key)
        if action is not None:
            event.stop()
            event.prevent_default()
            await self.run_action(action)
