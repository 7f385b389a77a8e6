"""Widgets of `height: auto` that draw themselves for their width."""

from textual.geometry import Size
from textual.widget import Widget


class DrawnAtItsWidth(Widget):
    """A widget drawn for the width it is laid out at. Textual draws a widget of `height: auto`
    to measure its height while it lays the screen out; asking then for the widget's size
    (`self.size`) laid the whole screen out once more first, a fifth of the time section 7 took
    to show the first time."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._laid_out_width: int | None = None

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._laid_out_width = width
        return super().get_content_height(container, viewport, width)

    def drawing_width(self) -> int:
        return self.size.width if self._laid_out_width is None else self._laid_out_width
