"""Options that several commands share, declared once: the as-of date, --json, --by, the unit,
and how any date option is read."""

from collections.abc import Callable
from datetime import date

import click

from ita_tui.cli.language import option
from ita_tui.core.thai_calendar import parse_date, today

AS_OF_HELP = "help.as_of"


def date_option(
    *names: str,
    help: str,
    default: Callable[[], date] | None = None,
    required: bool = False,
):
    """`help` is a catalogue key, as for every option. A date typed as the README says (ISO, B.E., Thai months, Thai digits), given to the
    command as a `date`: `default()` when the option is absent (else None). Typed empty, it is an
    error like any unreadable date, never today."""

    def read(ctx: click.Context, param: click.Parameter, text: str | None) -> date | None:
        if text is None:
            return default() if default else None
        return parse_date(text)

    return option(*names, metavar="DATE", required=required, help=help, callback=read)


def as_of_option(help: str = AS_OF_HELP, default: Callable[[], date] | None = today):
    return date_option("--as-of", "as_of", help=help, default=default)


def json_option():
    return option("--json", "as_json", is_flag=True, help="help.json")


def by_option(help: str):
    """Who a write is recorded as, for this command only (the group's --by holds for all)."""
    return option("--by", metavar="NAME", help=help)


def unit_option(help: str):
    return option("--division", "--unit", "division", metavar="NAME", help=help)
