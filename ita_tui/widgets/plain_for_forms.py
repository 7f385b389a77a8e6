"""The plain widgets only forms hold, a selection list and a text area, as `ita_tui.widgets.plain`
makes the others. Apart, so that the first screen does not wait for Textual's modules for them,
its text editor above all (about a tenth of what it waited for to be imported)."""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual import events, getters
from textual import widgets as textual_widgets
from textual.visual import Visual
from textual.widgets.selection_list import Selection, SelectionError

from ita_tui.core.text import visible
from ita_tui.widgets.plain import between_thai_words, plain
from ita_tui.widgets.textual_internals import RedrawnOptions

if TYPE_CHECKING:
    from ita_tui.app import ItaApp


def _plain_selection(selection: object) -> Selection[Any]:
    """A SelectionList entry: a Selection, or a tuple (prompt, value[, initially selected])."""
    if isinstance(selection, Selection):
        return Selection(
            plain(selection.prompt),
            selection.value,
            selection.initial_state,
            selection.id,
            selection.disabled,
        )
    if isinstance(selection, tuple) and len(selection) in (2, 3):
        prompt, *rest = selection
        return Selection(plain(prompt), *rest)
    raise SelectionError("Only Selection or a prompt/value tuple is supported in SelectionList")


class SelectionList(RedrawnOptions, textual_widgets.SelectionList):
    def __init__(self, *selections: object, **options: Any) -> None:
        super().__init__(*(_plain_selection(s) for s in selections), **options)

    def add_options(self, items: Iterable[object]):
        return super().add_options([_plain_selection(i) for i in items])

    def option_visual(self, visual: Visual) -> Visual:
        return between_thai_words(visual)  # type: ignore[return-value]


class TextArea(textual_widgets.TextArea):
    """Several lines: stored text shows its control characters as signs, and a paste holding
    any is refused with a message instead of being drawn raw."""

    if TYPE_CHECKING:  # Textual types `app` as `App[Any]`; this runs in ItaApp
        app = getters.app(ItaApp)

    def __init__(self, text: str = "", *args: Any, **options: Any) -> None:
        super().__init__(visible(text), *args, **options)

    async def on_paste(self, event: events.Paste) -> None:
        # A line ends in CR LF in a Windows clipboard, and in CR alone in a paste that comes
        # through a browser's terminal: line breaks all the same, which TextArea takes as such.
        lines = event.text.replace("\r\n", "\n").replace("\r", "\n")
        if visible(lines) != lines:
            event.prevent_default()
            event.stop()
            self.notify(self.app.t("text.paste_refused"), severity="warning")
