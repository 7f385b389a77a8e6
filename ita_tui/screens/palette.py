"""The command palette (ctrl+p): the app's commands in the user's language, and none of
Textual's own (Keys, Maximize, Screenshot, Theme), which speak English only; quitting and the
keys are there in the user's words, as the app's own help (?) shows them."""

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from ita_tui.screens.localized import Key

if TYPE_CHECKING:
    from ita_tui.app import ItaApp


def palette_commands(app: "ItaApp", mode_keys: list[Key]) -> Iterator[SystemCommand]:
    t = app.t
    yield SystemCommand(t("binding.help"), t("binding.help.tip"), app.action_toggle_help)
    yield SystemCommand(t("binding.quit"), t("binding.quit.tip"), app.action_quit)
    if app.actor is None:
        return
    if app.actor.person_id is not None:
        yield SystemCommand(t("password.title"), t("password.title"), app.action_change_password)
    go = t("palette.go")
    for key in mode_keys:
        mode = key.action.split("'")[1]
        yield SystemCommand(
            f"{go}: {t(f'mode.{mode}')}",
            t(f"binding.{key.id}.tip"),
            lambda mode=mode: app.switch_mode(mode),
        )
    yield SystemCommand(
        f"{t('palette.plan')}: {t('palette.new_year')}",
        t("binding.new-year.tip"),
        app.action_new_year,
    )
    yield SystemCommand(
        f"{t('palette.export')}: {t('palette.snapshot')}",
        t("binding.export.tip"),
        app.action_export,
    )
    settings_label = t("palette.settings")
    for name, tip, action in (
        (t("palette.as_of"), t("binding.as-of.tip"), app.action_change_as_of),
        (t("palette.language"), t("binding.language.tip"), app.action_toggle_language),
        (t("palette.digits"), t("palette.digits.tip"), app.action_toggle_digits),
    ):
        yield SystemCommand(f"{settings_label}: {name}", tip, action)
