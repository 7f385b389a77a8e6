"""Styling a widget once, when it is mounted, rather than at each class it is given before.

Textual restyles a node whenever its classes change, mounted or not, and a widget changes its
classes as it is made: an input styles itself when given its value (valid or not), again when
made compact, a select when given its choice, a button for its variant. Each of those rounds
goes through the whole stylesheet for the node, and is lost: Textual styles every widget anew
as it is mounted, with the classes it has then. They were about a sixth of the processor time
the edit form took to open."""

from textual import events
from textual.app import App
from textual.dom import DOMNode

from ita_tui.widgets.textual_internals import with_size_classes


class StyledWhenMounted(App[None]):
    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        if node is not self and not node.is_attached:
            # Not in the app yet: styled as it is mounted.
            return
        super().update_styles(node, animate)


class ShownAsStyled:
    """For a screen: Textual styles its widgets as they are mounted, then all of them again as
    the screen is first shown (`ScreenResume`), a moment later for a form, or for a section made
    ahead, whose styles were brought up to date then (`settle`); what changed in between was
    restyled as it changed, and the app's own style changes (a theme) are caught up by Textual
    on a section's showing all the same. That second round was a sixth of the processor time
    the edit form took to open. Shown again later, the screen is restyled as Textual does.

    Made, the screen is given the size classes Textual would restyle it for once it had drawn
    it (`textual_internals.with_size_classes`); a section is also marked styled as the app is
    (`prepared_ahead.mode_screen`)."""

    _shown_before = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        with_size_classes(self)  # type: ignore[arg-type]

    def set_focus(self, widget, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        # The focus a screen names in AUTO_FOCUS comes as it is composed, before anything is laid
        # out: scrolled to then, the overview was shown scrolled past its first lines.
        if not self.is_mounted:  # type: ignore[attr-defined]
            scroll_visible = False
        super().set_focus(widget, scroll_visible, from_app_focus)  # type: ignore[misc]

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False
