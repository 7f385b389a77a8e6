"""The line at the top of every screen: the app's icon, which opens the command palette, and its
title (the agency, the as-of date, who is working), centred.

It stands where Textual's Header stood, laid out the same (the icon in the first 8 cells, the
title centred between them and the 10 cells the header keeps for a clock), as one widget where
that is four (the header, its icon, its title and the clock's space), and it draws the app's title
as it is when it draws: the header showed Textual's "ita-tui" in the app's first frame and
caught up with the agency's name a frame later. Fewer widgets also made that first frame
quicker."""

from rich.text import Text
from textual import events
from textual.widget import Widget

from ita_tui.core import thai_lines
from ita_tui.core.text import visible
from ita_tui.widgets.plain import plain

ICON_CELLS = 8
CLOCK_CELLS = 10
# Textual's own icon; the app may give another (`ItaApp.header_icon`, in the browser).
DEFAULT_ICON = "⭘"


class TitleBar(Widget):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._title_changed, init=False)
        self.watch(self.app, "sub_title", self._title_changed, init=False)

    def _title_changed(self) -> None:
        self.refresh()

    def render(self) -> Text:
        icon = getattr(self.app, "header_icon", None) or DEFAULT_ICON
        room = max(self.size.width - ICON_CELLS - CLOCK_CELLS, 0)
        title = visible(self.app.title, one_line=True)
        sub_title = visible(self.app.sub_title, one_line=True)
        whole = f"{title} — {sub_title}" if sub_title else title
        kept = thai_lines.cut_at(whole, room)
        shown = whole[:kept] + (thai_lines.ELLIPSIS if kept < len(whole) else "")
        left = max((room - thai_lines.cell_width(shown)) // 2, 0)
        lead = f" {icon}".ljust(ICON_CELLS - thai_lines.cell_width(icon) + 1) + " " * left
        line = Text(lead + shown)
        # The sub-title dimmed after the title, as Textual's header draws it.
        line.stylize("dim", len(lead) + len(title), len(lead) + len(shown))
        return plain(line)

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_CELLS:
            event.stop()
            await self.run_action("app.command_palette")
