"""Tab labels that change with the language, their underline kept under the active label."""

from collections.abc import Mapping

from textual.screen import Screen
from textual.widgets import TabbedContent, Tabs

from ita_tui.widgets.textual_internals import underline_active_tab


def relabel(tabbed: TabbedContent, labels: Mapping[str, str]) -> None:
    """Give the panes of `tabbed` (by id) these labels. Where one changed, the underline is
    placed again once the screen has laid the new labels out: Textual may place it before."""
    changed = False
    for pane_id, label in labels.items():
        tab = tabbed.get_tab(pane_id)
        if tab.label.plain != label:
            tab.label = label
            changed = True
    tabs = tabbed.query_one(Tabs)
    if not changed or not tabs.is_running:
        return
    laid_out = tabs.screen.screen_layout_refresh_signal

    def place_underline(_screen: Screen) -> None:
        laid_out.unsubscribe(tabs)
        underline_active_tab(tabs)

    laid_out.subscribe(tabs, place_underline)
