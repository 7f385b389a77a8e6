"""The `ita-tui` command: the app by default, and commands for scripts and cron.

Nothing here imports textual or rich at module level: the commands must start fast and work on a
machine where only the core is wanted (tests/test_import_boundaries.py holds them to it)."""

from ita_tui.cli.entry import main
from ita_tui.cli.group import Context, cli

__all__ = ["Context", "cli", "main"]
