"""Quitting while the app is still making its sections ready ahead closes it cleanly: the
screen being made when `q` comes is never shown, and nothing of it may fail."""

import pytest

from ita_tui.screens import prepared_ahead
from tests.app_helpers import sample_app

MADE_AHEAD = [mode for mode in prepared_ahead.PREPARE_SECTIONS if mode != "overview"]


@pytest.mark.parametrize("mode", MADE_AHEAD)
async def test_quitting_while_a_section_is_being_made_ahead_closes_cleanly(
    tmp_path, monkeypatch, mode
):
    made_ahead = prepared_ahead.prepare_mode
    quit_during: list[str] = []

    def prepare_and_quit(app, preparing, make):
        made = made_ahead(app, preparing, make)
        if preparing == mode:
            # `q` taken the moment the section's screen is being made, before it has mounted
            # what it shows.
            quit_during.append(preparing)
            app.exit()
        return made

    monkeypatch.setattr(prepared_ahead, "prepare_mode", prepare_and_quit)
    app = sample_app(tmp_path, prepare_ahead=True)
    async with app.run_test(size=(80, 24)) as pilot:
        # As long as a loaded machine may take to come to the section (the worker is cancelled
        # as the app closes, so it is not waited on).
        for _ in range(1800):
            if quit_during:
                break
            await pilot.pause(0.05)
    assert quit_during == [mode]
    assert app.return_code == 0
