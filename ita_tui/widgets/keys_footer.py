"""The footer that lists a screen's keys; at the app's start, with its keys in the first frame."""

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter

from ita_tui.widgets.textual_internals import (
    footer_keys_are_ready,
    footer_keys_ready,
    made_compact,
)


class Footer(TextualFooter):
    """Textual's footer composes nothing at first, waits for the screen's keys to be announced
    after a refresh, then composes them: a screen's first frame comes without its keys, and they
    follow a frame later. That keeps a key that opens a screen quick (a measure's page shows a
    fifth sooner), so it stays so, but for the app's first screen (`keys_at_once`): its first
    frame is the app's launch, which is not done until the keys show (the footer's two frames
    were a twentieth of it). Either way the keys are composed again only when the keys shown
    change: a focus move that changes nothing shown no longer rebuilds them."""

    def __init__(self, *args, keys_at_once: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if keys_at_once:
            footer_keys_ready(self)
        self._composed_for: tuple | None = None

    def _keys_shown(self) -> tuple:
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    def compose(self):
        # None while Textual's footer composes nothing yet: the keys, once announced, are new.
        self._composed_for = self._keys_shown() if footer_keys_are_ready(self) else None
        for widget in super().compose():
            if self.compact:
                made_compact(widget)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen and self._keys_shown() == self._composed_for:
            return
        super().bindings_changed(screen)
