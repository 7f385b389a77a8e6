"""The way to the other sections, on every section: each section's key and name, the one in
view marked. Where the line is too narrow for every name (English at 80 columns), the others
show by their keys alone."""

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from ita_tui.widgets.plain import plain


class SectionBar(Widget):
    DEFAULT_CSS = "SectionBar { height: 1; width: 1fr; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # (key shown, name, whether it is the section in view)
        self.sections: list[tuple[str, str, bool]] = []

    def show(self, sections: list[tuple[str, str, bool]]) -> None:
        self.sections = sections
        self.refresh()

    def render(self) -> Text:
        whole = self._line(names_of_all=True)
        if cell_len(whole.plain) <= self.size.width:
            return plain(whole)
        return plain(self._line(names_of_all=False))

    def _line(self, names_of_all: bool) -> Text:
        line = Text(no_wrap=True, overflow="ellipsis")
        for key, name, current in self.sections:
            if line:
                line.append(" ")
            if current:
                line.append(f" {key} {name} ", style="reverse bold")
            elif names_of_all:
                line.append(key, style="bold")
                line.append(f" {name}", style="dim")
            else:
                line.append(key, style="bold dim")
        return line
