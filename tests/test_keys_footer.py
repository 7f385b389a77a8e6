"""The footer of keys (ita_tui/widgets/keys_footer.py): on the app's first screen it shows the keys as
the screen is first drawn; on any screen it follows the keys when they change, and is not rebuilt
when they do not."""

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input

from ita_tui.widgets.keys_footer import Footer
from ita_tui.widgets.textual_internals import class_bindings, replace_bindings


class Marking(Screen):
    BINDINGS = [Binding("f2", "mark", "Old words", id="mark")]

    def __init__(self, keys_at_once: bool = True) -> None:
        super().__init__()
        self.keys_at_once = keys_at_once
        self.shown_when_mounted: list[str] = []

    def on_mount(self) -> None:
        # Before the screen's first refresh.
        self.shown_when_mounted = shown(self)

    def compose(self) -> ComposeResult:
        yield Input(id="first")
        yield Input(id="second")
        yield Footer(keys_at_once=self.keys_at_once)

    def action_mark(self) -> None:
        pass


class Marker(App):
    def __init__(self, keys_at_once: bool = True) -> None:
        super().__init__()
        self.keys_at_once = keys_at_once

    def on_mount(self) -> None:
        self.push_screen(Marking(self.keys_at_once))


def shown(screen: Screen) -> list[str]:
    return [str(key.description) for key in screen.query("FooterKey")]


async def test_the_keys_are_in_the_footer_as_the_screen_is_composed():
    app = Marker()
    async with app.run_test() as pilot:
        await pilot.pause()
        # Textual's own footer is still empty then.
        assert "Old words" in app.screen.shown_when_mounted
        assert "Old words" in shown(app.screen)


async def test_a_footer_left_to_textual_s_timing_shows_the_keys_once_they_are_announced():
    app = Marker(keys_at_once=False)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.shown_when_mounted == []
        assert "Old words" in shown(app.screen)


@pytest.mark.parametrize("keys_at_once", [True, False])
async def test_the_footer_follows_the_keys_when_they_change(keys_at_once):
    app = Marker(keys_at_once)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        kept = [b for b in class_bindings(type(screen)) if b.id != "mark"]
        replace_bindings(screen, [*kept, Binding("f2", "mark", "New words", id="mark")])
        screen.refresh_bindings()
        await pilot.pause()
        assert "New words" in shown(screen) and "Old words" not in shown(screen)


@pytest.mark.parametrize("keys_at_once", [True, False])
async def test_a_focus_move_that_changes_no_key_shown_keeps_the_footer_as_it_is(keys_at_once):
    app = Marker(keys_at_once)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#first", Input).focus()
        await pilot.pause()
        keys_before = list(screen.query("FooterKey"))
        screen.query_one("#second", Input).focus()
        await pilot.pause()
        assert list(screen.query("FooterKey")) == keys_before
        assert all(key.is_attached for key in keys_before)
