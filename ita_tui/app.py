"""The Textual app: its sections (modes), global keys, the as-of date and the language.

It stays thin: each screen lives in ita_tui/screens/, and all data comes through the desk (ita_tui/desk.py)."""

import dataclasses
import io
import os
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen

from ita_tui.core import access, collector, progress
from ita_tui.core.errors import UserError
from ita_tui.core.keyboard_layout import english_key, with_thai_twins
from ita_tui.core.language_choice import choose_language
from ita_tui.core.model import Agency
from ita_tui.core.text import visible
from ita_tui.core.thai_calendar import today
from ita_tui.core.words import Words
from ita_tui.desk import Desk
from ita_tui.files import parsed_tables, word_breaks
from ita_tui.files import settings as settings_file
from ita_tui.files.atomic import write_atomically
from ita_tui.files.output_folder import default_output_folder, file_name, in_output_folder
from ita_tui.files.settings import Settings
from ita_tui.screens.localized import Key, install_bindings
from ita_tui.screens.messages import ChooseAgency, DataChanged, OpenMeasure, ShowIndicator
from ita_tui.screens.palette import palette_commands
from ita_tui.screens.prepared_ahead import MODES, PreparedAhead
from ita_tui.screens.prompt_escape import PromptEscape
from ita_tui.screens.styled_when_mounted import StyledWhenMounted
from ita_tui.widgets import thai_cells
from ita_tui.widgets.textual_internals import WholeFirstFrame

if TYPE_CHECKING:
    from ita_tui.db.connection import Database

# The sections' keys are in the help panel (?) and the palette (ctrl+p); the footer keeps its
# width for the keys of the screen in view, so that an 80-column terminal shows them all.
MODE_KEYS = [
    Key("1", "switch_mode('overview')", "go-overview", show=False),
    # In the Thai layout the key 2 gives `/`: on a section with a search field `/` searches,
    # elsewhere it is section 2, as its key cap says.
    Key("2,slash", "switch_mode('indicators')", "go-indicators", show=False),
    Key("3", "switch_mode('measures')", "go-measures", show=False),
    Key("4", "switch_mode('follow_up')", "go-follow-up", show=False),
    Key("5", "switch_mode('plan')", "go-plan", show=False),
    Key("6", "switch_mode('meetings')", "go-meetings", show=False),
    Key("7", "switch_mode('analysis')", "go-analysis", show=False),
    Key("8", "switch_mode('people')", "go-people", show=False),
    Key("0", "switch_mode('agencies')", "go-agencies", show=False),
]
APP_KEYS = [
    *MODE_KEYS,
    Key("d", "change_as_of", "as-of"),
    # Export and language are in the help panel and the palette; the footer keeps its room.
    Key("x", "export", "export", show=False),
    Key("l", "toggle_language", "language", show=False),
    Key("question_mark", "toggle_help", "help"),
    Key("q", "quit", "quit"),
    # Textual adds its palette key only to bindings it made itself; ours are made anew.
    Key("ctrl+p", "command_palette", "palette", show=False, priority=True),
]


REFRESH_SECONDS = 3

# The header's icon in the browser, where the page's own fonts draw the terminal: Thai's fongman,
# which its Thai font has. Textual's ⭘ is in neither of them, and showed as a missing glyph.
SERVED_HEADER_ICON = "๏"


class ItaApp(PromptEscape, StyledWhenMounted, PreparedAhead, WholeFirstFrame):
    # Absolute, so that the stylesheet is found from subclasses defined elsewhere too.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "ita-tui"
    MODES = MODES
    DEFAULT_MODE = "overview"
    # Classes app.tcss lays out small terminals by (80x24 is a first-class size).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]

    # What every section shows depends on these; a change redraws the section in view.
    as_of: var[date] = var(date(2000, 1, 1), init=False)
    lang: var[str] = var("th", init=False)
    digits: var[str] = var("thai", init=False)
    # The agency every section shows (a national database holds many); None: the only one.
    agency_id: var[int | None] = var(None, init=False)

    def __init__(
        self,
        db: "Database",
        *,
        as_of: date | None = None,
        settings: Settings | None = None,
        lang: str | None = None,
        digits: str | None = None,
        who: str = "unknown",
        sample: bool = False,
        persist_settings: bool = True,
        agency_name: str | None = None,
        served: bool = False,
        prepare_ahead: bool = False,
    ) -> None:
        # What the terminal is sent again of a line keeps each Thai letter whole.
        thai_cells.install()
        # A shared database opens on the login screen; the plan's sections come after it.
        # The desk comes first: whether the database asks for a login decides the first screen.
        settings = settings or Settings()
        lang = lang or choose_language(None, os.environ, settings.language)
        digits = digits or settings.digits
        as_of = as_of or today()
        desk = Desk(
            db,
            as_of=as_of,
            words=Words(lang, digits, settings.era),
            agency_name=agency_name,
            stale_days=settings.stale_days,
            behind_gap=settings.behind_gap,
        )
        self.login_required = desk.login_required()
        if not self.login_required:
            desk.actor = desk.acting_as(who)
        if self.login_required:
            # Textual reads this class variable in App.__init__; this one app starts at login.
            self.DEFAULT_MODE = "login"  # type: ignore[misc]
        super().__init__(prepare_ahead)
        if self.login_required:
            from ita_tui.screens.login import LoginScreen

            self.add_mode("login", LoginScreen)
        self.settings = settings
        # The first screen shows its footer's keys in the app's first frame (widgets/keys_footer.py).
        self.first_frame_shown = False
        self.set_reactive(ItaApp.lang, lang)
        self.set_reactive(ItaApp.digits, digits)
        self.set_reactive(ItaApp.as_of, as_of)
        self.desk = desk
        self.sample = sample
        # In a browser (`ita-tui serve`) a file the user asks for is delivered to their own
        # computer; nothing is written on the server.
        self.served = served
        self.header_icon = SERVED_HEADER_ICON if served else None
        self.persist_settings = persist_settings
        self.data_version = 0
        self.selected_indicator: int | None = None
        install_bindings(self, APP_KEYS, self.lang)
        if self.settings.keymap:
            self.set_keymap(
                {id_: with_thai_twins(keys) for id_, keys in self.settings.keymap.items()}
            )

    @property
    def actor(self) -> access.Actor | None:
        return self.desk.actor

    @property
    def agency(self) -> Agency | None:
        return self.desk.agency

    def watch_as_of(self, day: date) -> None:
        self.desk.as_of = day
        self.data_changed()

    def watch_lang(self) -> None:
        self.desk.words = Words(self.lang, self.digits, self.settings.era)
        self._save_settings(language=self.lang)
        self.data_changed()

    def watch_digits(self) -> None:
        self.desk.words = Words(self.lang, self.digits, self.settings.era)
        self._save_settings(digits=self.digits)
        self.data_changed()

    def get_key_display(self, binding: Binding) -> str:
        """A shortcut shows once, by its key cap, not again by its Kedmanee twin."""
        english = english_key(binding.key)
        if english is not None:
            binding = dataclasses.replace(binding, key=english)
        return super().get_key_display(binding)

    # What the screens ask of the app, by message.

    def on_data_changed(self, message: DataChanged) -> None:
        self.data_changed()

    def on_open_measure(self, message: OpenMeasure) -> None:
        from ita_tui.screens.measure import MeasureScreen

        self.push_screen(MeasureScreen(message.measure_id))

    def on_show_indicator(self, message: ShowIndicator) -> None:
        self.selected_indicator = message.number
        self.data_version += 1
        self.switch_mode("indicators")

    def on_choose_agency(self, message: ChooseAgency) -> None:
        self.agency_id = message.agency_id

    def watch_agency_id(self, agency_id: int | None) -> None:
        """Make one agency the one every section shows."""
        if agency_id is None or self.desk.choose_agency(agency_id) is None:
            return
        self.selected_indicator = None
        self.data_changed()
        self.switch_mode("overview")

    # Text from the database reaches the terminal only as plain, visible text.

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A toast's words often carry a title or a name from the database: never markup,
        whatever the caller asked (Textual's widgets ask for markup by default)."""
        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False
        )

    # Formatting in the user's language and digits.

    def t(self, key: str, **params: object) -> str:
        return self.desk.words.t(key, **params)

    def day(self, value: date | None, short_year: bool = False) -> str:
        return self.desk.words.day(value, short_year)

    def num(self, value: object) -> str:
        return self.desk.words.num(value)

    # Keeping every screen in step.

    def logged_in(self, actor: access.Actor) -> None:
        self.desk.actor = actor
        self._update_titles()
        self.notify(
            self.t("login.welcome", name=actor.name, role=self.t(f"role.{actor.role}")),
            timeout=3,
        )
        self.switch_mode("overview")
        self._open_sections()
        self.refresh_bindings()
        self.call_after_refresh(self.start_preparing)

    def _refresh_actor(self) -> None:
        """An administrator may have changed the person's role or units, or stopped their
        account, while the app was open: the next action follows what holds now."""
        if self.actor is None or self.actor.person_id is None or self.actor.login is None:
            return
        actor = self.desk.actor_as_now()
        if actor is None:
            self.exit(message=self.t("login.account_stopped"))
            return
        self.desk.actor = actor

    def _open_sections(self) -> None:
        if self.agency is None and self.desk.agency_count() > 1:
            # A national or provincial database: start from the list of agencies.
            self.switch_mode("agencies")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Before login only the language, the help and quitting work: no section, no palette.
        if self.actor is None:
            return action in ("quit", "toggle_language", "toggle_help", "toggle_digits")
        return True

    def on_mount(self) -> None:
        self._update_titles()
        if self.actor is not None:
            self._open_sections()
        self._seen_data_version = self._data_version()
        self.set_interval(REFRESH_SECONDS, self.pick_up_other_writers, name="pick-up-other-writers")

    def on_ready(self) -> None:
        # The first frame is drawn: make the sections ready behind it.
        self.first_frame_shown = True
        collector.started()
        if self.actor is not None:
            self.start_preparing()

    def _data_version(self) -> int:
        return self.desk.data_version()

    def pick_up_other_writers(self) -> None:
        """Another officer (or `ita-tui log` from cron) committed: show it. The screen in view
        keeps its cursor, and an open form is left alone until it closes."""
        version = self._data_version()
        if version != self._seen_data_version:
            self._seen_data_version = version
            self.data_changed()

    def on_app_focus(self) -> None:
        self.pick_up_other_writers()

    def _update_titles(self) -> None:
        self.title = self.agency.name if self.agency else "ita-tui"
        subtitle = self.t("app.as_of", date=self.day(self.as_of))
        if self.sample:
            subtitle += " · " + self.t("app.sample")
        if self.login_required and self.actor is not None:
            subtitle += f" · {self.actor.name} ({self.t(f'role.{self.actor.role}')})"
        self.sub_title = subtitle

    def data_changed(self) -> None:
        """Something the screens show has changed: redraw the one in view, and the others when
        they next come into view."""
        self.data_version += 1
        self.desk.reload()
        self._refresh_actor()
        self._update_titles()
        install_bindings(self, APP_KEYS, self.lang)
        self.refresh_bindings()
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_view", None)
            if refresh is not None and screen.is_current:
                refresh()

    # Actions.

    def action_change_as_of(self) -> None:
        from ita_tui.screens.as_of_form import AsOfForm

        self.push_screen(AsOfForm())

    def action_export(self) -> None:
        from ita_tui.screens.export_form import ExportForm

        self.push_screen(ExportForm())

    def action_toggle_language(self) -> None:
        self.lang = "en" if self.lang == "th" else "th"

    def action_toggle_digits(self) -> None:
        self.digits = "arabic" if self.digits == "thai" else "thai"

    def action_toggle_help(self) -> None:
        from ita_tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(HelpScreen(self.screen))

    def _save_settings(self, *, language: str | None = None, digits: str | None = None) -> None:
        """Keep what the user switched; only that, so a language the locale chose stays the
        locale's until the user picks one."""
        if not self.persist_settings:
            return
        from dataclasses import replace

        self.settings = replace(
            self.settings,
            language=language or self.settings.language,
            digits=digits or self.settings.digits,
        )
        try:
            settings_file.save(self.settings)
        except UserError as error:
            self.notify(error.message(self.lang), severity="warning")

    # Files the user asks for.

    @property
    def output_folder(self) -> Path:
        return self.settings.output_dir or default_output_folder()

    def where_files_go(self) -> str:
        if self.served:
            return self.t("file.to_browser")
        return self.t("file.output_folder", path=str(self.output_folder))

    def save_user_file(
        self, name: str, text: str, extensions: tuple[str, ...], done_key: str
    ) -> str:
        """Write a file the user named: into the output folder (never over the database, its
        backups or the settings), or as a download in the browser. Returns where it went."""
        if self.served:
            chosen = file_name(name, extensions)
            self.deliver_text(io.StringIO(text), save_filename=chosen)
            self.notify(self.t("file.delivered", name=chosen), timeout=8)
            return chosen
        target = in_output_folder(
            self.output_folder, name, extensions, self.desk.database_location()
        )
        write_atomically(target, text)
        self.notify(self.t(done_key, path=str(target)), timeout=8)
        return str(target)

    def action_change_password(self) -> None:
        from ita_tui.screens.password_form import PasswordForm

        if self.actor is None or self.actor.person_id is None:
            self.notify(self.t("password.not_logged_in"), severity="warning")
            return
        self.push_screen(PasswordForm())

    def action_new_year(self) -> None:
        from ita_tui.screens.new_year import start_new_year

        if self.desk.agency is None:
            self.notify(self.t("agency.none"), severity="warning")
            return
        try:
            self.desk.may("new_year")
        except UserError as error:
            self.notify(error.message(self.lang), severity="error")
            return

        def after(accepted: bool) -> None:
            if accepted:
                self.post_message(DataChanged())

        start_new_year(self, after)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        return palette_commands(self, MODE_KEYS)


def _keys_from_a_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except ValueError:  # closed
        return False


def run_app(
    db: "Database",
    context,
    *,
    as_of: date | None = None,
    sample: bool = False,
    persist_settings: bool = True,
    served: bool = False,
) -> None:
    # Keys come from a terminal: with none (input from a file or a pipe), Textual's reading would
    # go round at full speed, no key could ever reach the app, and nothing would close it. A
    # browser session (`serve`) has keys of its own.
    if not served and "TEXTUAL_DRIVER" not in os.environ and not _keys_from_a_terminal():
        raise UserError("app.needs_terminal")
    word_breaks.load()
    parsed_tables.load()
    # The app owns the terminal: no progress bar may draw over it (ita_tui/cli/progress.py).
    try:
        with progress.listening(None):
            _run_app(db, context, as_of, sample, persist_settings, served)
    finally:
        word_breaks.save()
        parsed_tables.save()


def _run_app(
    db: "Database",
    context,
    as_of: date | None,
    sample: bool,
    persist_settings: bool,
    served: bool,
) -> None:
    ItaApp(
        db,
        as_of=as_of,
        settings=context.settings,
        lang=context.lang,
        digits=context.digits,
        who=context.who(None),
        sample=sample,
        agency_name=context.agency,
        persist_settings=persist_settings,
        served=served,
        prepare_ahead=True,
    ).run()
