"""The Textual app: its sections (modes), global keys, the as-of date and the language.

It stays thin: each screen lives in ita_tui/screens/, and all data comes through the desk (ita_tui/desk.py)."""

import asyncio
import dataclasses
import gc
import importlib
import io
import os
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, ScreenStackError, SystemCommand, UnknownModeError
from textual.binding import Binding
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import AwaitMount

from ita_tui.core import access, progress
from ita_tui.core.errors import UserError
from ita_tui.core.keyboard_layout import english_key, with_thai_twins
from ita_tui.core.language_choice import choose_language
from ita_tui.core.model import Agency
from ita_tui.core.text import visible
from ita_tui.core.thai_calendar import today
from ita_tui.core.words import Words
from ita_tui.desk import Desk
from ita_tui.files import settings as settings_file
from ita_tui.files.atomic import write_atomically
from ita_tui.files.output_folder import default_output_folder, file_name, in_output_folder
from ita_tui.files.settings import Settings
from ita_tui.screens.localized import ItaScreen, Key, install_bindings, opens_on_enter
from ita_tui.screens.messages import ChooseAgency, DataChanged, OpenMeasure, ShowIndicator
from ita_tui.widgets.textual_internals import prepare_mode, settle, wait_for_idle

if TYPE_CHECKING:
    from ita_tui.db.connection import Database

# The sections' keys are in the help panel (?) and the palette (ctrl+p); the footer keeps its
# width for the keys of the screen in view, so that an 80-column terminal shows them all.
MODE_KEYS = [
    Key("1", "switch_mode('overview')", "go-overview", show=False),
    Key("2", "switch_mode('indicators')", "go-indicators", show=False),
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

# Each section's screen, imported when the section is first opened, so that the first frame
# does not wait for all seven.
SECTIONS = {
    "overview": ("overview", "OverviewScreen"),
    "indicators": ("indicators", "IndicatorsScreen"),
    "measures": ("measures", "MeasuresScreen"),
    "follow_up": ("follow_up", "FollowUpScreen"),
    "plan": ("plan", "PlanScreen"),
    "meetings": ("meetings", "MeetingsScreen"),
    "analysis": ("analysis", "AnalysisScreen"),
    "people": ("people", "PeopleScreen"),
    "agencies": ("agencies", "AgenciesScreen"),
}


# What the forms and the measure page are made of, loaded ahead with the sections.
FORM_MODULES = [
    "measure",
    "form",
    "progress_form",
    "status_form",
    "evidence_form",
    "measure_form",
    "confirm",
    "as_of_form",
    "export_form",
    "meeting_forms",
    "person_forms",
    "plan_forms",
    "password_form",
]

# The sections made ready after the first frame, the likeliest first: the measures and the
# follow-up are where an officer works every day.
PREPARE_SECTIONS = [
    "measures",
    "follow_up",
    "overview",
    "indicators",
    "plan",
    "meetings",
    "analysis",
    "people",
    "agencies",
]
# Seconds between two pieces of the preparation, in which keys are served; and how long the
# preparation waits after a key, so as not to slow what the key opens nor the keys typed after
# it: people type in runs, with pauses of a fraction of a second to think.
PREPARE_PAUSE = 0.02
PREPARE_AFTER_KEY = 1.0


def _mode_screen(module: str, name: str) -> Callable[[], Screen]:
    def make() -> Screen:
        return getattr(importlib.import_module(f"ita_tui.screens.{module}"), name)()

    return make


class ItaApp(App[None]):
    # Absolute, so that the stylesheet is found from subclasses defined elsewhere too.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "ita-tui"
    MODES = {mode: _mode_screen(module, name) for mode, (module, name) in SECTIONS.items()}
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
        # A shared database opens on the login screen; the plan's sections come after it.
        # The desk comes first: whether the database asks for a login decides the first screen.
        settings = settings or Settings()
        lang = lang or choose_language(None, os.environ, settings.language)
        digits = digits or settings.digits
        as_of = as_of or today()
        desk = Desk(
            db,
            as_of=as_of,
            words=Words(lang, digits),
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
        super().__init__()
        if self.login_required:
            from ita_tui.screens.login import LoginScreen

            self.add_mode("login", LoginScreen)
        self.settings = settings
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
        self._held_keys: list[events.Key | events.Paste] | None = None
        self._held_for_enter = False
        self._hold_deadline: Timer | None = None
        # Make the sections and the forms ready after the first frame (see _prepare_ahead): the
        # app as people run it does; tests drive one screen at a time without it, unless they
        # are about it.
        self.prepare_ahead = prepare_ahead
        self._preparing: str | None = None
        self._last_key = 0.0
        self._collector_paused = False
        self._froze_objects = False
        # How many screens have got ready: a key typed before the last one did was meant for it.
        self._screens_ready = 0
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
        self.desk.words = Words(self.lang, self.digits)
        self._save_settings(language=self.lang)
        self.data_changed()

    def watch_digits(self) -> None:
        self.desk.words = Words(self.lang, self.digits)
        self._save_settings(digits=self.digits)
        self.data_changed()

    def get_key_display(self, binding: Binding) -> str:
        """A shortcut shows once, by its key cap, not again by its Kedmanee twin."""
        english = english_key(binding.key)
        if english is not None:
            binding = dataclasses.replace(binding, key=english)
        return super().get_key_display(binding)

    # Type-ahead: keys typed while a form or a section opens belong to it, in order.

    # Longest a screen that never got ready may keep the keyboard.
    HOLD_KEYS_SECONDS = 3.0

    def hold_keys(self) -> bool:
        """A screen is opening: keep the keys typed meanwhile until it is ready for them,
        instead of letting them fall on the screen underneath or on nothing. False for a
        screen made ahead, which nobody is waiting for: it holds nothing."""
        if self._preparing is not None:
            return False
        self._held_for_enter = False
        if self._held_keys is None:
            self._held_keys = []
            self._hold_deadline = self.set_timer(self.HOLD_KEYS_SECONDS, self.release_keys)
        return True

    def _hold_keys_after_enter(self) -> None:
        """Enter on a list may open the chosen row, but the screen it opens is made only
        after the row's selection has gone from the list to its screen and on to the app: the
        keys typed behind Enter wait until a screen opens, or until the app has settled
        without opening one."""
        if self._held_keys is not None:
            return
        self.hold_keys()
        self._held_for_enter = True

        async def release_if_nothing_opened() -> None:
            await wait_for_idle(min_sleep=0.05, max_sleep=self.HOLD_KEYS_SECONDS)
            if self._held_for_enter:
                await self.release_keys()

        self.run_worker(
            release_if_nothing_opened(), name="keys-after-enter", group="keys", exclusive=True
        )

    async def release_keys(self) -> None:
        """The screen is ready: the keys typed and the text pasted meanwhile reach it as if
        typed now, in order, ahead of any typed after."""
        if self._hold_deadline is not None:
            # Else it would cut short the next hold, for a screen slower to get ready.
            self._hold_deadline.stop()
            self._hold_deadline = None
        self._screens_ready += 1
        self._held_for_enter = False
        held, self._held_keys = list(self._held_keys or ()), None
        while held:
            await self.on_event(self._typed_again(held.pop(0)))
            if self._held_keys is not None:
                # That key opened another screen: the rest wait for it in turn.
                self._held_keys[:0] = held
                return

    @staticmethod
    def _typed_again(event: events.Key | events.Paste) -> events.Key | events.Paste:
        if isinstance(event, events.Paste):
            return events.Paste(event.text)
        return events.Key(event.key, event.character)

    def _has_a_screen(self) -> bool:
        try:
            _ = self.screen
        except (ScreenStackError, UnknownModeError):
            return False
        return True

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste):
            if not self._has_a_screen():
                # Typed as the app closes, its screens already gone: for nothing.
                return
            if not event.is_forwarded:
                # It comes back up here if what it went to does not use it.
                event._typed_with_screens_ready = self._screens_ready  # type: ignore[union-attr]
                self._last_key = time.monotonic()
                self._pause_collector()
            typed_for = getattr(event, "_typed_with_screens_ready", self._screens_ready)
            if self._held_keys is not None:
                # Typed or pasted ahead, maybe already gone to the screen underneath and come
                # back up unused: it is held all the same.
                self._held_keys.append(event)
                return
            if event.is_forwarded and typed_for < self._screens_ready:
                # Typed before the screen now in front got ready, and unused where it went:
                # it is for this screen.
                await self.on_event(self._typed_again(event))
                return
            if (
                isinstance(event, events.Key)
                and event.key == "enter"
                and event.is_forwarded
                and opens_on_enter(self.focused)
            ):
                # Back up from the list unused there: here its binding chooses the row.
                await super().on_event(event)
                self._hold_keys_after_enter()
                return
        await super().on_event(event)

    # Python's cycle collector stops everything while it goes through the objects: about 90 ms
    # for the 110,000 of the app with its sections made, on this 2-core machine under load.
    # After a key it waits until the key's frame is drawn, as Textual has it wait while
    # scrolling (PAUSE_GC_ON_SCROLL); and what was made ahead, which lives as long as the app,
    # is frozen out of its rounds (what of it a redraw drops in a cycle then waits for the end
    # of the app to be freed: at most once what was made, a few megabytes).
    COLLECTOR_PAUSE_SECONDS = 0.5

    def _pause_collector(self) -> None:
        if gc.isenabled():
            gc.disable()
            self._collector_paused = True
            self.set_timer(self.COLLECTOR_PAUSE_SECONDS, self._resume_collector)

    def _resume_collector(self) -> None:
        if self._collector_paused:
            self._collector_paused = False
            gc.enable()

    def _freeze_what_was_made(self) -> None:
        gc.collect()
        gc.freeze()
        self._froze_objects = True

    def on_unmount(self) -> None:
        """The app is closing: the collector goes through every object again and runs as it did
        before the app, which matters where the app runs inside another program (a test run)."""
        self._resume_collector()
        if self._froze_objects:
            self._froze_objects = False
            gc.unfreeze()

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

    def format_title(self, title: str, sub_title: str) -> Content:
        return super().format_title(
            visible(title, one_line=True), visible(sub_title, one_line=True)
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
        self.call_after_refresh(self._start_preparing)

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

    # Making ready ahead: the first frame comes first, then each section's screen is built,
    # filled and laid out unseen, one at a time in turns with the keys typed meanwhile, and the
    # forms' modules imported, so that a first visit costs what a later one does.

    def on_ready(self) -> None:
        if self.actor is not None:
            self._start_preparing()

    def _start_preparing(self) -> None:
        if self.prepare_ahead:
            self.run_worker(
                self._prepare_ahead(), name="prepare-ahead", group="prepare-ahead", exclusive=True
            )

    async def _prepare_ahead(self) -> None:
        for mode in PREPARE_SECTIONS:
            if not await self._quiet_moment():
                return
            self._preparing = mode
            try:
                prepared = prepare_mode(self, mode, _mode_screen(*SECTIONS[mode]))
            finally:
                self._preparing = None
            if prepared is None:
                continue
            screen, mounted = prepared
            await mounted
            if not self.is_running:
                return
            settle(self, screen)
        for module in FORM_MODULES:
            if not await self._quiet_moment():
                return
            importlib.import_module(f"ita_tui.screens.{module}")
        if await self._quiet_moment():
            self._freeze_what_was_made()

    async def _quiet_moment(self) -> bool:
        """Between two pieces of preparation: keys come first, and the screens they open (on a
        busy machine a form may take longer to open than the pause after a key). False if the
        app is closing meanwhile."""
        await asyncio.sleep(PREPARE_PAUSE)
        while self.is_running and (
            self._held_keys is not None or self._last_key + PREPARE_AFTER_KEY > time.monotonic()
        ):
            await asyncio.sleep(PREPARE_PAUSE)
        return self.is_running

    def switch_mode(self, mode: str) -> AwaitMount:
        """A section still being made ahead keeps the keys typed after it until it is ready."""
        try:
            stack = self.get_screen_stack(mode)
        except KeyError:  # not opened yet
            stack = []
        if stack and isinstance(stack[0], ItaScreen) and not stack[0].ready:
            stack[0].holds_keys = self.hold_keys()
        return super().switch_mode(mode)

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
        yield from super().get_system_commands(screen)
        if self.actor is None:
            return
        if self.actor.person_id is not None:
            yield SystemCommand(
                self.t("password.title"), self.t("password.title"), self.action_change_password
            )
        go = self.t("palette.go")
        for key in MODE_KEYS:
            mode = key.action.split("'")[1]
            yield SystemCommand(
                f"{go}: {self.t(f'mode.{mode}')}",
                self.t(f"binding.{key.id}.tip"),
                lambda mode=mode: self.switch_mode(mode),
            )
        yield SystemCommand(
            f"{self.t('palette.plan')}: {self.t('palette.new_year')}",
            self.t("binding.new-year.tip"),
            self.action_new_year,
        )
        yield SystemCommand(
            f"{self.t('palette.export')}: {self.t('palette.snapshot')}",
            self.t("binding.export.tip"),
            self.action_export,
        )
        settings_label = self.t("palette.settings")
        yield SystemCommand(
            f"{settings_label}: {self.t('palette.as_of')}",
            self.t("binding.as-of.tip"),
            self.action_change_as_of,
        )
        yield SystemCommand(
            f"{settings_label}: {self.t('palette.language')}",
            self.t("binding.language.tip"),
            self.action_toggle_language,
        )
        yield SystemCommand(
            f"{settings_label}: {self.t('palette.digits')}",
            self.t("palette.digits.tip"),
            self.action_toggle_digits,
        )


def run_app(
    db: "Database",
    context,
    *,
    as_of: date | None = None,
    sample: bool = False,
    persist_settings: bool = True,
    served: bool = False,
) -> None:
    # The app owns the terminal: no progress bar may draw over it (ita_tui/cli/progress.py).
    with progress.listening(None):
        _run_app(db, context, as_of, sample, persist_settings, served)


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
