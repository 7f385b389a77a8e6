"""The `ita-tui` command: the app by default, and commands for scripts and cron.

Nothing here imports textual or rich at module level: the commands must start fast and work on a
machine where only the core is wanted (tests/test_import_boundaries.py holds them to it). Nor does
the package import its commands as it is imported: `ita-tui` first has the terminal keep the keys
typed while it starts (`keys_at_launch`), and the commands' imports come after."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ita_tui.cli.entry import main
    from ita_tui.cli.group import Context, cli

__all__ = ["Context", "cli", "main"]


def __getattr__(name: str) -> Any:
    if name == "main":
        from ita_tui.cli.entry import main

        return main
    if name in ("Context", "cli"):
        from ita_tui.cli import group

        return getattr(group, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
