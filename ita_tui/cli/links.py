"""`links`: open every address the agency publishes, as an assessor would, and say which ones
score nothing (dead, unreachable, a placeholder, behind a login). Exits 1 when any does, so that
cron can mail the list."""

import sys

import click

from ita_tui.cli.group import Context
from ita_tui.cli.language import command, option
from ita_tui.cli.options import json_option
from ita_tui.cli.output import say, say_json
from ita_tui.core.errors import EXIT_FAILURE
from ita_tui.core.user_input import parse_be_year


@command(help="help.links")
@option("--year", metavar="YEAR", help="help.links.year")
@option(
    "--timeout",
    type=click.FloatRange(0.5, 120),
    default=10.0,
    show_default=True,
    metavar="SECONDS",
    help="help.links.timeout",
)
@json_option()
@click.pass_obj
def links(context: Context, year: str | None, timeout: float, as_json: bool) -> None:
    desk = context.desk()
    checks = desk.check_links(parse_be_year(year) if year else None, timeout=timeout)
    failing = [check for check in checks if check.failing]
    if as_json:
        say_json(
            [
                {
                    "place": check.link.place,
                    "url": check.link.url,
                    "year": check.link.year,
                    "verdict": check.verdict,
                    "status": check.status,
                    "final_url": check.final_url,
                    "detail": check.detail,
                }
                for check in checks
            ]
        )
    elif not checks:
        say(context.t("links.none"))
    else:
        for check in sorted(checks, key=lambda c: not c.failing):
            status = f" ({context.number(check.status)})" if check.status else ""
            detail = f" {check.detail}" if check.detail and not check.status else ""
            verdict = context.t(f"links.verdict.{check.verdict}")
            say(f"{verdict}{status}{detail} · {check.link.place}")
            say(f"    {check.link.url}")
        say(
            context.t(
                "links.summary",
                total=context.number(len(checks)),
                failing=context.number(len(failing)),
            )
        )
    if failing:
        sys.exit(EXIT_FAILURE)
