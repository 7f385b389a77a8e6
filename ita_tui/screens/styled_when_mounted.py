"""Styling a widget once, when it is mounted, rather than at each class it is given before.

Textual restyles a node whenever its classes change, mounted or not, and a widget changes its
classes as it is made: an input styles itself when given its value (valid or not), again when
made compact, a select when given its choice, a button for its variant. Each of those rounds
goes through the whole stylesheet for the node, and is lost: Textual styles every widget anew
as it is mounted, with the classes it has then. They were about a sixth of the processor time
the edit form took to open."""

from textual.app import App
from textual.dom import DOMNode


class StyledWhenMounted(App[None]):
    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        if node is not self and not node.is_attached:
            # Not in the app yet: styled as it is mounted.
            return
        super().update_styles(node, animate)
