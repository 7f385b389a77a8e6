"""The footer that lists a screen's keys, with its keys in the screen's first frame."""

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter

from ita_tui.widgets.textual_internals import footer_keys_ready


class Footer(TextualFooter):
    """Textual's footer composes nothing at first, waits for the screen's keys to be announced
    after a refresh, then composes them: every screen's first frame came without its keys and a
    second frame followed (a twentieth of the time to the app's first frame). This one composes
    the keys with the screen, and again only when the keys it shows change (a focus move that
    changes nothing shown no longer rebuilds it)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        footer_keys_ready(self)
        self._composed_for: tuple | None = None

    def _keys_shown(self) -> tuple:
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    def compose(self):
        self._composed_for = self._keys_shown()
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen and self._keys_shown() == self._composed_for:
            return
        super().bindings_changed(screen)
