"""The one place that reaches into Textual's private attributes.

Textual 8 has no public way to change the description of a binding on a live node: bindings are
declared on the class (`BINDINGS`), and the footer and the help panel read each node's copy of
them. Switching language while the app runs means replacing that copy, so this module does it,
and nothing else in ita-tui touches Textual's underscored names. tests/test_textual_internals.py
checks, through Textual's public surface, that what is installed here is what the footer, the
help panel, the keys and the keymap use; it fails on the Textual release that stops honouring
it, which is when this module needs changing.

The same goes for the terminal driver below, a copy of Textual's input loop that answers Esc
sooner (tests/test_escape_key.py)."""

import functools
import os
import selectors
import sys
from codecs import getincrementaldecoder
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions
from rich.padding import Padding
from rich.segment import Segment
from rich.text import Text
from textual import constants
from textual._loop import loop_last
from textual._time import get_time
from textual._wait import wait_for_idle
from textual._xterm_parser import XTermParser
from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.driver import Driver
from textual.message_pump import MessagePump
from textual.renderables.styled import Styled
from textual.screen import Screen
from textual.visual import Visual
from textual.widget import AwaitMount
from textual.widgets import Footer
from textual.widgets._footer import FooterKey
from textual.widgets.data_table import RowKey
from textual.widgets.option_list import Option

if TYPE_CHECKING:  # the plan section's tabs: not imported for the first screen
    from textual.widgets import Tabs

if sys.platform != "win32":  # Textual's Linux and macOS driver needs termios, which Windows lacks
    from textual.drivers.linux_driver import LinuxDriver


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


def styled_as_the_app_is(screen: Screen) -> None:
    """A mode's screen just made, before Textual registers it (which styles it from the
    stylesheet as it stands). Textual marks every new screen as never styled, and on a mode's
    first showing it parses every stylesheet anew and restyles the app, a tenth of the time to
    the first frame. So the screen is marked styled as the app is, when the stylesheet is the
    app's current one; and the app itself, not styled yet when its first screen is made, is
    styled now as that restyling did (its first screen's widgets were drawn empty without it).
    Only modes are checked so: a screen pushed over one is not."""
    app = screen.app
    if app.stylesheet._variables == app.get_css_variables():
        screen._css_update_count = app._css_update_count
        if not app.screen_stack:  # the app's first screen
            app.stylesheet.update(app)


def with_size_classes(screen: Screen) -> None:
    """A screen just made, given its size classes (`HORIZONTAL_BREAKPOINTS`,
    `VERTICAL_BREAKPOINTS`) for the app's size now. Textual gives them only after laying the
    screen out and drawing it the first time, then restyles it, lays it out and draws it
    again."""
    app = screen.app
    width, height = app.size
    horizontal = (
        app.HORIZONTAL_BREAKPOINTS
        if screen.HORIZONTAL_BREAKPOINTS is None
        else screen.HORIZONTAL_BREAKPOINTS
    ) or []
    vertical = (
        app.VERTICAL_BREAKPOINTS
        if screen.VERTICAL_BREAKPOINTS is None
        else screen.VERTICAL_BREAKPOINTS
    ) or []
    screen.add_class(*_size_class(width, horizontal), *_size_class(height, vertical))


def _size_class(dimension: int, breakpoints: list[tuple[int, str]]) -> list[str]:
    """The class Textual gives a screen for a width or height: the largest breakpoint's not above
    it (its own rule, in every release from 8.0)."""
    for breakpoint, class_name in sorted(breakpoints, reverse=True):
        if dimension >= breakpoint:
            return [class_name]
    return []


def footer_keys_ready(footer: Footer) -> None:
    """A footer that composes its keys at once: Textual's waits to be told the screen's keys,
    which comes after the screen's first frame."""
    footer.set_reactive(Footer._bindings_ready, True)


def made_compact(widget: object) -> None:
    """A footer's key just composed, given the class Textual gives a compact key once it is
    mounted (`FooterKey._watch_compact`), so that it is not styled a second time then."""
    if isinstance(widget, FooterKey):
        widget.add_class("-compact", update=False)


def footer_keys_are_ready(footer: Footer) -> bool:
    """Whether the footer composes its keys now (Textual's composes nothing until the screen's
    keys are announced)."""
    return bool(footer._bindings_ready)


class WholeFirstFrame(App[None]):
    """An app whose first frame is its whole first screen. Textual lays out and draws the first
    screen while it holds the terminal's output back for the start; that drawing is thrown away,
    and the frame sent after is only what changed since: the header's left corner and the
    footer came a frame later at 80×24, and at 140×40 the first frame was the footer alone."""

    async def _ready(self) -> None:
        await super()._ready()
        # Still holding the output back: the next drawing, the first sent, is of everything.
        compositor = self.screen._compositor
        compositor._dirty_regions.add(compositor.size.region)


def settle(app: App, screen: Screen) -> None:
    """A prepared screen, mounted: bring its styles up to date as `refresh_css` does for the
    screens under the one in view, so that its first showing does not restyle the whole app,
    and lay it out at the app's size."""
    app.stylesheet.update(screen)
    screen._css_update_count = app._css_update_count
    screen._refresh_layout(app.size)


def bring_styles_up_to_date(app: App, screen: Screen) -> None:
    """A screen made before the app's styles last changed (the first screen is made while
    Textual still sets the theme up) gets its styles up to date now, unseen: Textual would
    restyle the whole app, every stylesheet parsed anew, the next time it is shown (going back
    to section 1 the first time took half as long again as later)."""
    if screen._css_update_count != app._css_update_count:
        app.stylesheet.update(screen)
        screen._css_update_count = app._css_update_count


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


class CellsDrawnDirectly:
    """For a DataTable: a cell of one line of text is drawn straight from its text, not through
    the renderables Textual wraps it in (Rich's `Styled` around `Padding`, each laid out line by
    line again): the same segments, in a third of the time. The overview's 66 cells took a
    twentieth of the app's first frame that way. Any other cell (more than one line, another
    renderable) is drawn as Textual draws it; tests/test_textual_internals.py holds the two
    ways to the same result."""

    def _render_cell(self, *args: Any, **kwargs: Any) -> list[list[Segment]]:
        console = self.app.console  # type: ignore[attr-defined]
        console.render_lines = functools.partial(_cell_lines, console, console.render_lines)
        try:
            return super()._render_cell(*args, **kwargs)  # type: ignore[misc]
        finally:
            del console.render_lines  # the console's own method again


def _cell_lines(
    console: Console,
    render_lines: Callable[..., list[list[Segment]]],
    renderable: object,
    options: ConsoleOptions | None = None,
    *args: Any,
    **kwargs: Any,
) -> list[list[Segment]]:
    """What `console.render_lines` gives for DataTable's `Styled(Padding(text))` of one line."""
    padding = getattr(renderable, "renderable", None)
    text = getattr(padding, "renderable", None)
    if (
        args
        or kwargs
        or options is None
        or options.height != 1
        or type(renderable) is not Styled
        or type(padding) is not Padding
        or not isinstance(text, Text)
        or "\n" in text.plain
        or padding.top
        or padding.bottom
        or not padding.expand
    ):
        return render_lines(renderable, options, *args, **kwargs)
    width = options.max_width
    inner = width - padding.left - padding.right
    pad_style = console.get_style(padding.style)
    segments: Iterable[Segment] = console.render(text, options.update_width(inner))
    if pad_style:
        segments = Segment.apply_style(segments, pad_style)
    lines = list(
        Segment.split_and_crop_lines(
            segments, inner, include_new_lines=False, pad=True, style=pad_style
        )
    )
    if len(lines) != 1:
        return render_lines(renderable, options, *args, **kwargs)
    row = [
        Segment(" " * padding.left, pad_style),
        *lines[0],
        Segment(" " * padding.right, pad_style),
    ]
    styled = Segment.apply_style(
        row, console.get_style(renderable.pre_style), console.get_style(renderable.post_style)
    )
    return [Segment.adjust_line_length(list(styled), width)]


class LinesDrawnAfterMeasuring:
    """For a DataTable: Textual measures the columns of rows just added when it is next idle,
    but may draw them before that, at the width of the headers alone, and keeps the lines it
    drew; on a busy machine a table filled again showed every name cut to two letters ("[…",
    "ก…") for good. Once the columns are measured, what was drawn before is drawn again."""

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        super()._update_dimensions(new_rows)  # type: ignore[misc]
        self._clear_caches()  # type: ignore[attr-defined]
        self.refresh()  # type: ignore[attr-defined]


def underline_active_tab(tabs: "Tabs") -> None:
    """Move the underline of `tabs` under their active tab as it is laid out now. Textual moves
    it when a tab is relabelled "after the next refresh", but while it holds the redraw back as
    it switches sections (`delay_update`) it does so at once, before the new label is laid out:
    a section made ahead and shown after a change of language kept the old label's underline
    when the machine was busy (ita_tui.widgets.tab_labels)."""
    tabs._highlight_active()


def messages_waiting(node: MessagePump) -> bool:
    """Whether messages wait in the node's queue: a key's effect is done when none of the
    nodes in view has any (ita_tui.screens.type_ahead)."""
    return not node._message_queue.empty()


def load_default_css(app: App, nodes: Iterable[DOMNode]) -> None:
    """Give the app's stylesheet the default CSS of these nodes' classes, parsed, as Textual
    does when it mounts the first node of a class: a form was the first to hold a button, a
    label or a text area, and parsing their CSS was a fifth of the time it took to open."""
    for node in nodes:
        for read_from, css, tie_breaker, scope in node._get_default_css():
            app.stylesheet.add_source(
                css,
                read_from=read_from,
                is_default_css=True,
                tie_breaker=tie_breaker,
                scope=scope,
            )
    _ = app.stylesheet.rules


# Seconds to wait after an Esc byte for the rest of an escape sequence before it is the Esc key,
# where the user has not set ESCDELAY (in milliseconds, as for curses). A terminal writes the
# bytes of a key's sequence (an arrow: Esc [ A) together and the pseudo-terminal hands them over
# in one read, so the wait only matters where a link splits them: Neovim waits 50 ms
# (`ttimeoutlen`) and so does this app; Textual's 100 ms made Esc, which closes every form, the
# slowest key of the app. It is also how soon a key typed after Esc may come without the two
# being read as alt and that key: the shorter, the fewer such mix-ups.
ESCAPE_DELAY_SECONDS = 0.05


def escape_delay_from(environment: Mapping[str, str]) -> float:
    """The user's ESCDELAY if they set one (Textual has read it already), else ours."""
    if "ESCDELAY" in environment:
        return constants.ESCAPE_DELAY
    return ESCAPE_DELAY_SECONDS


if sys.platform != "win32":

    class PromptEscapeDriver(LinuxDriver):
        """Textual's terminal driver for Linux and macOS, but for how soon a lone Esc is reported.

        Textual's input thread waits for the terminal up to 0.1 s at a time and only then looks
        whether the wait after an Esc byte is over, so that a lone Esc came 100 ms after it was
        typed whatever ESCDELAY said. This is the same loop (Textual 8's `run_input_thread`) with
        one change: after an Esc byte it waits for the terminal only until the escape delay is
        over. tests/test_escape_key.py types Esc, Esc then a key, and arrow keys, through a
        pseudo-terminal."""

        def __init__(self, app: App, **options) -> None:
            super().__init__(app, **options)
            # Read by Textual's key parser each time it waits after an Esc.
            constants.ESCAPE_DELAY = escape_delay_from(os.environ)  # type: ignore[misc]

        def run_input_thread(self) -> None:
            selector = selectors.SelectSelector()
            selector.register(self.fileno, selectors.EVENT_READ)
            fileno = self.fileno
            parser = XTermParser(self._debug)
            decode = getincrementaldecoder("utf-8")().decode
            # When the parser, having read an Esc, will take it for the Esc key if nothing follows.
            escape_due: float | None = None

            def process_selector_events(
                selector_events: list[tuple[selectors.SelectorKey, int]], final: bool = False
            ) -> None:
                nonlocal escape_due
                for last, (_key, mask) in loop_last(selector_events):
                    if mask & selectors.EVENT_READ:
                        unicode_data = decode(os.read(fileno, 1024 * 4), final=final and last)
                        if not unicode_data:
                            break
                        for event in parser.feed(unicode_data):
                            self.process_message(event)
                        if "\x1b" in unicode_data:
                            escape_due = get_time() + constants.ESCAPE_DELAY
                for event in parser.tick():
                    self.process_message(event)

            try:
                while not self.exit_event.is_set():
                    wait = 0.1
                    if escape_due is not None:
                        wait = max(0.0, escape_due - get_time())
                        if wait == 0.0:
                            escape_due = None
                    process_selector_events(selector.select(wait))
                selector.unregister(self.fileno)
                process_selector_events(selector.select(0.1), final=True)
            finally:
                selector.close()


def prompt_escape(driver: type[Driver]) -> type[Driver]:
    """The driver Textual chose, with a prompt Esc where it is Textual's terminal driver."""
    if sys.platform != "win32" and driver is LinuxDriver:
        return PromptEscapeDriver
    return driver


# Textual's own test pilot waits for the app to settle with this: until the process has stopped
# working, which is when every message a key set off has been handled. The app does the same
# after Enter on a list (see ItaApp._hold_keys_after_enter).
__all__ = [
    "PromptEscapeDriver",
    "WholeFirstFrame",
    "bring_styles_up_to_date",
    "class_bindings",
    "load_default_css",
    "messages_waiting",
    "prepare_mode",
    "prompt_escape",
    "replace_bindings",
    "settle",
    "wait_for_idle",
]
