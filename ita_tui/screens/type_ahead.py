"""Type-ahead: a key typed before the previous key's effect is done acts as it would have had
the user waited for it.

Textual hands a key to the widget in focus as it comes; a practised officer's burst (`/` then a
Thai word) would reach the table before `/` had moved the focus to the search field, and the
word's letters would act as the table's Kedmanee shortcuts. So a key that comes while the one
before it is still at work waits its turn: it goes out once every message the earlier key set
off, on the screens in view, has been handled (the focus moved, a screen opened, a form saved).
A screen being opened keeps the keys typed meanwhile as well (`hold_keys`), which also covers a
screen the user opens while the app is making it ahead.

Python's cycle collector waits after a key until its frame is drawn (see `_pause_collector`)."""

import asyncio
import gc
import time

from textual import events
from textual.app import App, ScreenStackError, UnknownModeError
from textual.timer import Timer

from ita_tui.widgets.textual_internals import messages_waiting

TypedKey = events.Key | events.Paste
# How often a hold looks whether the app still has work to do.
HOLD_CHECK_SECONDS = 0.1


class TypeAhead(App[None]):
    # Longest a screen that never got ready may keep the keyboard while the app has nothing to
    # do, and the processor time a key waits at most for the one before it to be done with (a
    # widget that never stops posting messages).
    HOLD_KEYS_SECONDS = 3.0
    # Python's cycle collector stops everything while it goes through the objects: about 90 ms
    # for the 110,000 of the app with its sections made, on a 2-core machine under load. After
    # a key it waits until the key's frame is drawn, as Textual has it wait while scrolling.
    COLLECTOR_PAUSE_SECONDS = 0.5

    def __init__(self) -> None:
        super().__init__()
        # Keys held for a screen that is opening, or None when no screen is.
        self._held_keys: list[TypedKey] | None = None
        self._hold_deadline: Timer | None = None
        self._hold_idle = 0.0
        # Keys typed while the key before them is at work, and whether one is.
        self._waiting_keys: list[TypedKey] = []
        self._key_at_work = False
        self._handing_out: asyncio.Task[None] | None = None
        self._last_key = 0.0
        self._collector_paused = False
        # How many screens have got ready: a key typed before the last one did was meant for it.
        self._screens_ready = 0

    def making_ahead(self) -> bool:
        """Whether the app is building a screen nobody asked for yet (see PreparedAhead)."""
        return False

    def typed_ahead_waiting(self) -> bool:
        """Whether keys typed ahead have yet to reach where they were meant for."""
        return bool(self._waiting_keys) or self._held_keys is not None or self._key_at_work

    def hold_keys(self) -> bool:
        """A screen is opening: keep the keys typed meanwhile until it is ready for them,
        instead of letting them fall on the screen underneath or on nothing. False for a
        screen made ahead, which nobody is waiting for: it holds nothing."""
        if self.making_ahead():
            return False
        if self._held_keys is None:
            self._held_keys = []
            self._hold_idle = 0.0
            self._hold_deadline = self.set_interval(HOLD_CHECK_SECONDS, self._hold_while_at_work)
        return True

    async def _hold_while_at_work(self) -> None:
        """A screen that never gets ready must not keep the keyboard: the held keys go out
        once the app has had nothing to do for HOLD_KEYS_SECONDS while holding them. Time spent
        at work (making the screen) does not count, so on a busy machine, where a screen takes
        longer to make, the keys are not handed to the screen underneath before it is ready."""
        if self._busy():
            return
        self._hold_idle += HOLD_CHECK_SECONDS
        if self._hold_idle >= self.HOLD_KEYS_SECONDS:
            await self.release_keys()

    async def release_keys(self) -> None:
        """The screen is ready: the keys typed and the text pasted meanwhile reach it as if
        typed now, in order, ahead of any typed after."""
        if self._hold_deadline is not None:
            # Else it would cut short the next hold, for a screen slower to get ready.
            self._hold_deadline.stop()
            self._hold_deadline = None
        self._screens_ready += 1
        held, self._held_keys = list(self._held_keys or ()), None
        if held:
            self._waiting_keys[:0] = [self._typed_again(event) for event in held]
            self._hand_out_waiting_keys()

    @staticmethod
    def _typed_again(event: TypedKey) -> TypedKey:
        again: TypedKey
        if isinstance(event, events.Paste):
            again = events.Paste(event.text)
        else:
            again = events.Key(event.key, event.character)
        again._typed_with_screens_ready = getattr(  # type: ignore[union-attr]
            event, "_typed_with_screens_ready", 0
        )
        return again

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
            if not event.is_forwarded and not getattr(event, "_its_turn", False):
                # Fresh from the keyboard.
                if not hasattr(event, "_typed_with_screens_ready"):
                    event._typed_with_screens_ready = self._screens_ready  # type: ignore[union-attr]
                self._last_key = time.monotonic()
                self._pause_collector()
                if self._key_at_work or self._waiting_keys:
                    self._waiting_keys.append(event)
                    return
                self._key_at_work = True
                self._hand_out_waiting_keys()
            typed_for = getattr(event, "_typed_with_screens_ready", self._screens_ready)
            if self._held_keys is not None:
                # Typed ahead of a screen that is opening, maybe already gone to the screen
                # underneath and come back up unused: it is held all the same.
                self._held_keys.append(event)
                return
            if (
                event.is_forwarded
                and typed_for < self._screens_ready
                and getattr(event, "_given_to", None) is not self.screen
            ):
                # Typed before the screen now in front got ready, and unused where it went:
                # it is for this screen. (A paste bubbles back up even once a field took it:
                # given to the screen now in front, it was used.)
                again = self._typed_again(event)
                again._its_turn = True  # type: ignore[union-attr]
                again._typed_with_screens_ready = self._screens_ready  # type: ignore[union-attr]
                await self.on_event(again)
                return
            if not event.is_forwarded:
                event._given_to = self.screen  # type: ignore[union-attr]
        await super().on_event(event)

    def _hand_out_waiting_keys(self) -> None:
        if self._handing_out is None:
            self._handing_out = asyncio.create_task(self._hand_out())

    async def _hand_out(self) -> None:
        """Each waiting key in turn, once what the key before it set off is done."""
        try:
            while self.is_running:
                await self._until_done()
                if not self._waiting_keys or not self.is_running:
                    break
                event = self._waiting_keys.pop(0)
                event._its_turn = True  # type: ignore[union-attr]
                self._key_at_work = True
                self.post_message(event)
        finally:
            self._key_at_work = False
            self._handing_out = None

    async def _until_done(self) -> None:
        """Until no screen in view, none of their widgets and not the app has a message
        waiting: every message the last key set off has been handled. The limit is in the
        app's own processor time: a widget that never stops posting messages spends it, a busy
        machine, which only makes the app wait for a core, does not."""
        deadline = time.process_time() + self.HOLD_KEYS_SECONDS
        await asyncio.sleep(0)
        while time.process_time() < deadline and (self._held_keys is not None or self._busy()):
            await asyncio.sleep(0.001)

    def _busy(self) -> bool:
        if messages_waiting(self):
            return True
        for screen in self.screen_stack:
            if any(messages_waiting(node) for node in screen.walk_children(with_self=True)):
                return True
        return False

    def _pause_collector(self) -> None:
        if gc.isenabled():
            gc.disable()
            self._collector_paused = True
            self.set_timer(self.COLLECTOR_PAUSE_SECONDS, self._resume_collector)

    def _resume_collector(self) -> None:
        if self._collector_paused:
            self._collector_paused = False
            gc.enable()
