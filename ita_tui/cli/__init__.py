"""The `ita-tui` command: the app by default, and commands for scripts and cron.

Nothing here imports textual or rich at module level: the commands must start fast and work on a
machine where only the core is wanted (tests/test_import_boundaries.py holds them to it)."""

from ita_tui.cli import (
    follow_up,
    links,
    meetings,
    new_year,
    oit_lists,
    people,
    plan,
    records,
    scores,
    serve,
)
from ita_tui.cli.entry import main
from ita_tui.cli.group import Context, cli

for _command in (
    plan.demo,
    plan.init,
    plan.import_command,
    plan.export,
    follow_up.measures,
    follow_up.overdue,
    follow_up.log,
    follow_up.budget,
    scores.score,
    scores.whatif,
    new_year.new_year,
    oit_lists.oit,
    links.links,
    meetings.report,
    meetings.meeting,
    meetings.decision,
    records.verify,
    records.backup,
    records.restore,
    records.locate,
    people.people,
    people.handover,
    serve.serve,
):
    cli.add_command(_command)

__all__ = ["Context", "cli", "main"]
