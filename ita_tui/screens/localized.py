"""Bindings and screens that speak the user's language and can switch it while running.

Textual reads a binding's description and tooltip when it draws the footer and the help panel,
so switching language means installing freshly translated bindings on the node; the keymap from
the settings file still applies, because Textual lays it over these bindings by id."""

from typing import TYPE_CHECKING, cast

from textual import events, getters
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from ita_tui.core.errors import UserError
from ita_tui.core.i18n import translate
from ita_tui.core.keyboard_layout import with_thai_twins
from ita_tui.core.model import Record
from ita_tui.screens.messages import DataChanged
from ita_tui.screens.styled_when_mounted import ShownAsStyled
from ita_tui.widgets.textual_internals import class_bindings, replace_bindings
from ita_tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from ita_tui.app import ItaApp
    from ita_tui.desk import Desk
    from ita_tui.widgets.plain_fields import OptionList


# Each section (a mode of the app) and the key that opens it, in the order the section bar
# shows them.
SECTION_KEYS = {
    "overview": "1",
    "indicators": "2",
    "measures": "3",
    "follow_up": "4",
    "plan": "5",
    "meetings": "6",
    "analysis": "7",
    "people": "8",
    "agencies": "0",
}


class Key(Record):
    """One binding: its id names its description (`binding.ID`) and tooltip (`binding.ID.tip`)."""

    key: str
    action: str
    id: str
    show: bool = True
    priority: bool = False


def install_bindings(node: DOMNode, keys: list[Key], lang: str) -> None:
    bindings = class_bindings(type(node))
    for key in keys:
        bindings.append(
            Binding(
                with_thai_twins(key.key),
                key.action,
                translate(f"binding.{key.id}", lang),
                show=key.show,
                priority=key.priority,
                id=key.id,
                tooltip=translate(f"binding.{key.id}.tip", lang),
            )
        )
    replace_bindings(node, bindings)


class AtTheDesk:
    """What every screen and form works with: the desk for reads and actions, the words of the
    user's language, and a message up to the app when something was written."""

    app: "ItaApp"

    @property
    def desk(self) -> "Desk":
        return self.app.desk

    def t(self, key: str, **params: object) -> str:
        return self.app.desk.words.t(key, **params)

    def allowed(self, action: str, measure_id: int | None = None) -> bool:
        """Whether the person's role allows this; if not, say so (the refusal is recorded)."""
        try:
            self.desk.may(action, measure_id)
        except UserError as error:
            self.app.notify(error.message(self.app.lang), severity="error")
            return False
        return True

    def changed(self) -> None:
        self.app.post_message(DataChanged())


class ItaScreen(AtTheDesk, ShownAsStyled, Screen):
    """A screen that redraws itself when the data, the as-of date or the language changed while
    it was not showing.

    A section's own styles are its `DEFAULT_CSS`, parsed when it is first made (behind the first
    frame, with the sections made ahead), not in app.tcss; `SCOPED_CSS = False` beside them keeps
    them global, as they were there. Textual reads that flag from the class that holds the CSS
    itself, so each section says it."""

    if TYPE_CHECKING:  # Textual types `app` as `App[Any]`; these screens run in ItaApp
        app = getters.app(ItaApp)

    KEYS: list[Key] = []
    # A screen names the widget that has the focus as it opens in Textual's AUTO_FOCUS, never
    # by focus() once mounted: focused as it is made, it is drawn focused the first time, not
    # drawn again when the focus comes (a tenth of the time to the app's first frame).
    # The section (a key of SECTION_KEYS) the screen is; None for a screen within one.
    section: str | None = None

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._seen_version = -1
        install_bindings(self, self.KEYS, self.app.lang)
        # Opened by the user, it keeps the keys typed until it is ready; made ahead, it does not.
        self.holds_keys = self.app.hold_keys()
        self.ready = False

    def on_mount(self) -> None:
        if not self.is_attached:
            # Made ahead and the app closed before the screen was mounted: nothing to show.
            return
        if self.section is not None:
            from ita_tui.widgets.section_bar import SectionBar

            headers = self.query(TitleBar)
            bar = SectionBar(id="section-bar")
            if headers:
                self.mount(bar, after=headers.first())
            else:
                self.mount(bar, before=0)
        self.refresh_view()
        self.ready = True
        if self.holds_keys:
            self.app.call_later(self.app.release_keys)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual calls ShownAsStyled's as well (each class's own handler in turn).
        if self._seen_version != self.app.data_version:
            self.refresh_view()

    def refresh_view(self) -> None:
        """Redraw from the database, leaving every table's and list's cursor where it was."""
        from ita_tui.widgets.plain import DataTable

        self._seen_version = self.app.data_version
        install_bindings(self, self.KEYS, self.app.lang)
        self.refresh_bindings()
        cursors: dict[str | None, int] = {
            t.id: t.cursor_row for t in self.query(DataTable) if t.id and t.row_count
        }
        highlights: dict[str | None, int | None] = {
            o.id: o.highlighted for o in self._option_lists() if o.id
        }
        self._show_sections()
        self.render_view()
        for table in self.query(DataTable):
            row = cursors.get(table.id)
            if row is not None and 0 < row < table.row_count and table.cursor_row != row:
                table.move_cursor(row=row)
        for listing in self._option_lists():
            wanted = highlights.get(listing.id)
            if (
                wanted is not None
                and wanted < listing.option_count
                and listing.highlighted != wanted
            ):
                listing.highlighted = wanted

    def _option_lists(self) -> "list[OptionList]":
        # Found by their CSS type: a screen with none (the first, above all) does not wait for
        # the module of the fields and lists to be imported.
        return cast("list[OptionList]", list(self.query("OptionList")))

    def _show_sections(self) -> None:
        from ita_tui.widgets.section_bar import SectionBar

        for bar in self.query(SectionBar):
            bar.show(
                [
                    (key, self.t(f"mode.{mode}"), mode == self.section)
                    for mode, key in SECTION_KEYS.items()
                ]
            )

    def render_view(self) -> None:
        """Fill the screen from the database, in the current language."""
