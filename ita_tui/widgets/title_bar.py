"""The line at the top of every screen: the app's icon, which opens the command palette, and its
title (the agency, the as-of date, who is working), centred.

It stands where Textual's Header stood, laid out the same (the icon in the first 8 cells, the
title centred between them and the 10 cells the header keeps for a clock), as one widget where
that is four (the header, its icon, its title and the clock's space), and it draws the app's title
as it is when it draws: the header showed Textual's "ita-tui" in the app's first frame and
caught up with the agency's name a frame later. Fewer widgets also made that first frame
quicker."""

from textual import events
from textual.content import Content
from textual.widget import Widget

from ita_tui.core import thai_lines
from ita_tui.core.text import visible

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

    def render(self) -> Content:
        icon = getattr(self.app, "header_icon", None) or DEFAULT_ICON
        room = max(self.size.width - ICON_CELLS - CLOCK_CELLS, 0)
        title = visible(self.app.title, one_line=True)
        sub_title = visible(self.app.sub_title, one_line=True)
        if sub_title:
            whole = f"{title} — {sub_title}"
            kept = thai_lines.cut_at(whole, room)
            shown = Content.assemble(
                (whole[: min(kept, len(title))], ""),
                (whole[len(title) : kept], "dim"),
            )
        else:
            kept = thai_lines.cut_at(title, room)
            shown = Content(title[:kept])
        if kept < len(whole if sub_title else title):
            shown = shown.append(thai_lines.ELLIPSIS)
        width = shown.cell_length
        left = (room - width) // 2
        return Content.assemble(
            Content(f" {icon}").pad_right(ICON_CELLS - 1 - thai_lines.cell_width(icon)),
            shown.pad(left, room - width - left) if width <= room else shown,
            " " * CLOCK_CELLS,
        )

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_CELLS:
            event.stop()
            await self.run_action("app.command_palette")
