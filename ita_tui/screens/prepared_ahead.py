"""Making ready ahead: the first frame comes first, then each section's screen is built, filled
and laid out unseen, one at a time in turns with the keys typed meanwhile, and the forms'
modules imported, so that a first visit costs what a later one does."""

import asyncio
import gc
import importlib
import time
from collections.abc import Callable

from textual.screen import Screen
from textual.widget import AwaitMount, Widget

from ita_tui.screens.localized import ItaScreen
from ita_tui.screens.type_ahead import TypeAhead
from ita_tui.widgets.textual_internals import (
    bring_styles_up_to_date,
    load_default_css,
    prepare_mode,
    settle,
    styled_as_the_app_is,
)

# Each section's screen, imported when the section is first opened, so that the first frame
# does not wait for all of them.
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


def what_forms_are_made_of() -> list[Widget]:
    """One of each kind of widget the forms are made of, for its styles."""
    from textual.containers import Horizontal, VerticalScroll
    from textual.widgets import RadioSet

    from ita_tui.screens.modal import Modal
    from ita_tui.widgets.plain import Label
    from ita_tui.widgets.plain_fields import Button, Checkbox, Input, RadioButton, Select
    from ita_tui.widgets.plain_for_forms import SelectionList, TextArea

    return [
        Modal(),
        VerticalScroll(),
        Horizontal(),
        Label(),
        Button(),
        Input(),
        Select(),
        SelectionList(),
        TextArea(),
        RadioSet(),
        RadioButton(),
        Checkbox(),
    ]


def mode_screen(module: str, name: str) -> Callable[[], Screen]:
    def make() -> Screen:
        screen: Screen = getattr(importlib.import_module(f"ita_tui.screens.{module}"), name)()
        styled_as_the_app_is(screen)
        return screen

    return make


MODES: dict[str, str | Callable[[], Screen]] = {
    mode: mode_screen(module, name) for mode, (module, name) in SECTIONS.items()
}


class PreparedAhead(TypeAhead):
    def __init__(self, prepare_ahead: bool) -> None:
        super().__init__()
        # The app as people run it makes ahead; tests drive one screen at a time without it,
        # unless they are about it.
        self.prepare_ahead = prepare_ahead
        self._preparing: str | None = None
        self._froze_objects = False
        self._switching_to_ready = False

    def making_ahead(self) -> bool:
        return self._preparing is not None

    def start_preparing(self) -> None:
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
                prepared = prepare_mode(self, mode, mode_screen(*SECTIONS[mode]))
            finally:
                self._preparing = None
            if prepared is None:
                # Made already: the first screen, or one the user has opened.
                for made in self.get_screen_stack(mode)[:1]:
                    bring_styles_up_to_date(self, made)
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
        if not await self._quiet_moment():
            return
        load_default_css(self, what_forms_are_made_of())
        if await self._quiet_moment():
            self._freeze_what_was_made()

    async def _quiet_moment(self) -> bool:
        """Between two pieces of preparation: keys come first, and the screens they open (on a
        busy machine a form may take longer to open than the pause after a key). False if the
        app is closing meanwhile."""
        await asyncio.sleep(PREPARE_PAUSE)
        while self.is_running and (
            self.typed_ahead_waiting() or self._last_key + PREPARE_AFTER_KEY > time.monotonic()
        ):
            await asyncio.sleep(PREPARE_PAUSE)
        return self.is_running

    def switch_mode(self, mode: str) -> AwaitMount:
        """A section still being made ahead keeps the keys typed after it until it is ready; a
        section ready shows in the next frame."""
        try:
            stack = self.get_screen_stack(mode)
        except KeyError:  # not opened yet
            stack = []
        section = stack[0] if stack and isinstance(stack[0], ItaScreen) else None
        if section is not None and not section.ready:
            section.holds_keys = self.hold_keys()
        self._switching_to_ready = section is not None and section.ready
        try:
            return super().switch_mode(mode)
        finally:
            self._switching_to_ready = False

    def delay_update(self, delay: float = 0.05) -> None:
        # Textual holds every frame back for 50 ms as it switches sections, to hide a section
        # while it is being built. One made ahead is built, styled and laid out already: held
        # back, it only came 50 ms later, half the time a section key took.
        if not self._switching_to_ready:
            super().delay_update(delay)

    # What was made ahead lives as long as the app: it is frozen out of the cycle collector's
    # rounds (what of it a redraw drops in a cycle then waits for the end of the app to be
    # freed: at most once what was made, a few megabytes).

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
