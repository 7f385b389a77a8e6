"""The one place that reaches into Textual's private attributes.

Textual 8 has no public way to change the description of a binding on a live node: bindings are
declared on the class (`BINDINGS`), and the footer and the help panel read each node's copy of
them. Switching language while the app runs means replacing that copy, so this module does it,
and nothing else in ita-tui touches Textual's underscored names. tests/test_textual_internals.py
checks, through Textual's public surface, that what is installed here is what the footer, the
help panel, the keys and the keymap use; it fails on the Textual release that stops honouring
it, which is when this module needs changing."""

from collections.abc import Callable, Iterable

from textual._wait import wait_for_idle
from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.visual import Visual
from textual.widget import AwaitMount
from textual.widgets.data_table import RowKey
from textual.widgets.option_list import Option


def class_bindings(node_class: type[DOMNode]) -> list[Binding]:
    """The bindings a node's class declares in `BINDINGS` and inherits from its bases."""
    merged = node_class._merged_bindings
    if merged is None:
        return []
    return [binding for group in merged.key_to_bindings.values() for binding in group]


def replace_bindings(node: DOMNode, bindings: list[Binding]) -> None:
    """Make `bindings` the node's own bindings in place of what its class gave it; the caller
    then calls the node's (public) `refresh_bindings` to have the footer redrawn."""
    node._bindings = BindingsMap(bindings)


def prepare_mode(
    app: App, mode: str, make: Callable[[], Screen]
) -> tuple[Screen, AwaitMount] | None:
    """Start the screen of `mode` without showing it: `make` builds it, and it is composed,
    styled and mounted as `switch_mode` would do on the mode's first visit; `switch_mode` later
    finds it there and only shows it. None if the mode has its screen already."""
    if mode in app._screen_stacks:
        return None
    screen = make()
    app._screen_stacks[mode] = [screen]
    app._load_screen_css(screen)
    return app._get_screen(screen)


def settle(app: App, screen: Screen) -> None:
    """A prepared screen, mounted: bring its styles up to date as `refresh_css` does for the
    screens under the one in view, so that its first showing does not restyle the whole app,
    and lay it out at the app's size."""
    app.stylesheet.update(screen)
    screen._css_update_count = app._css_update_count
    screen._refresh_layout(app.size)


class RedrawnOptions:
    """For an OptionList (or SelectionList) whose options are drawn differently from how
    Textual draws them (Thai broken between words): `option_visual` is given the visual
    Textual made for an option and returns the one to draw. Textual makes it in the private
    `_get_visual` and keeps it on the option; this is the one place that overrides it."""

    def option_visual(self, visual: Visual) -> Visual:
        return visual

    def _get_visual(self, option: Option) -> Visual:
        visual = super()._get_visual(option)  # type: ignore[misc]
        drawn = self.option_visual(visual)
        if drawn is not visual:
            option._visual = drawn
        return drawn


class LinesDrawnAfterMeasuring:
    """For a DataTable: Textual measures the columns of rows just added when it is next idle,
    but may draw them before that, at the width of the headers alone, and keeps the lines it
    drew; on a busy machine a table filled again showed every name cut to two letters ("[…",
    "ก…") for good. Once the columns are measured, what was drawn before is drawn again."""

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        super()._update_dimensions(new_rows)  # type: ignore[misc]
        self._clear_caches()  # type: ignore[attr-defined]
        self.refresh()  # type: ignore[attr-defined]


def messages_waiting(node: MessagePump) -> bool:
    """Whether messages wait in the node's queue: a key's effect is done when none of the
    nodes in view has any (ita_tui.screens.type_ahead)."""
    return not node._message_queue.empty()


# Textual's own test pilot waits for the app to settle with this: until the process has stopped
# working, which is when every message a key set off has been handled. The app does the same
# after Enter on a list (see ItaApp._hold_keys_after_enter).
__all__ = [
    "class_bindings",
    "messages_waiting",
    "prepare_mode",
    "replace_bindings",
    "settle",
    "wait_for_idle",
]
