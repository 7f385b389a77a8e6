"""Following the plan up: `measures`, `overdue`, and `log` to record progress."""

from datetime import date

import click

from ita_tui.cli.csv_output import csv_option, say_csv
from ita_tui.cli.group import Context
from ita_tui.cli.language import command, option
from ita_tui.cli.options import as_of_option, by_option, date_option, json_option, unit_option
from ita_tui.cli.output import say, say_json, say_json_items
from ita_tui.core import follow_up
from ita_tui.core.errors import UserError
from ita_tui.core.i18n import status_label
from ita_tui.core.model import MEASURE_STATUSES, MeasureState
from ita_tui.core.text import normalise
from ita_tui.core.thai_calendar import today
from ita_tui.core.user_input import parse_baht, parse_percent, parse_whole_number


def _status(text: str | None) -> str | None:
    if text is None:
        return None
    wanted = normalise(text).casefold()
    for code in MEASURE_STATUSES:
        if wanted in (code, code.replace("_", "-"), code.replace("_", " ")) or wanted in (
            status_label(code, "th").casefold(),
            status_label(code, "en").casefold(),
        ):
            return code
    raise UserError("cli.bad_status", value=text, choices=", ".join(MEASURE_STATUSES))


# What `measures --json` says of each measure, by the model's names.
MEASURE_JSON = (
    "id",
    "fiscal_year",
    "title",
    "topic",
    "units",
    "status",
    "percent",
    "period",
    "start",
    "end",
    "overdue",
    "days_overdue",
    "outside_fiscal_year",
)


def _measure_json(measure: MeasureState) -> dict:
    values = {name: getattr(measure, name) for name in MEASURE_JSON}
    values["units"] = list(measure.units)
    return values


@command(help="help.measures")
@unit_option(help="help.measures.unit")
@option("--status", metavar="STATUS", help="help.measures.status")
@as_of_option()
@json_option()
@csv_option()
@click.pass_obj
def measures(
    context: Context,
    division: str | None,
    status: str | None,
    as_of: date,
    as_json: bool,
    as_csv: bool,
) -> None:
    if as_json and as_csv:
        raise UserError("cli.csv_or_json")
    wanted_status = _status(status)
    desk = context.desk(as_of)
    unit = desk.find_unit(division) if division else None
    rows = desk.measures(unit_id=unit.id if unit else None, status=wanted_status)
    if as_json:
        say_json([_measure_json(r) for r in rows])
        return
    if as_csv:
        say_csv(MEASURE_JSON, ([_measure_json(r)[name] for name in MEASURE_JSON] for r in rows))
        return
    if not rows:
        say(context.t("measures.none"))
        return
    for row in rows:
        state = status_label(row.status, context.lang)
        if row.status != "dropped":
            state += f" {context.number(row.percent)}%"
        period = f"{context.day(row.start)} – {context.day(row.end)}" if row.end else "-"
        say(f"#{context.number(row.id)}  [{state}]  {period}  {', '.join(row.units)}")
        say(f"     {row.full_title}")
        if row.overdue:
            say("     " + context.t("overdue.days", count=context.number(row.days_overdue)))
        if row.outside_fiscal_year:
            say("     " + context.t("measure.outside_fiscal_year"))


@command(help="help.overdue")
@as_of_option()
@unit_option(help="help.overdue.unit")
@json_option()
@csv_option()
@click.pass_obj
def overdue(
    context: Context, as_of: date, division: str | None, as_json: bool, as_csv: bool
) -> None:
    if as_json and as_csv:
        raise UserError("cli.csv_or_json")
    desk = context.desk(as_of)
    unit = desk.find_unit(division) if division else None
    unit_id = unit.id if unit else None
    if as_json:
        say_json_items(desk.overdue_json_items(unit_id))
        return
    rows = follow_up.longest_overdue_first(desk.measures(unit_id=unit_id, follow="overdue"))
    if as_csv:
        say_csv(MEASURE_JSON, ([_measure_json(r)[name] for name in MEASURE_JSON] for r in rows))
        return
    say(context.t("overdue.heading", date=context.day(as_of), count=context.number(len(rows))))
    for unit_row in desk.units():
        mine = [r for r in rows if unit_row.name in r.units]
        if not mine:
            continue
        say(f"\n{unit_row.name}")
        for row in mine:
            due = context.t("overdue.due", date=context.day(row.end))
            days = context.t("overdue.days", count=context.number(row.days_overdue))
            say(f"  #{context.number(row.id)}  {due}  {days}  {row.full_title}")
            if row.outside_fiscal_year:
                say("      " + context.t("measure.outside_fiscal_year"))


@command(help="help.log")
@click.argument("measure_id", metavar="MEASURE_ID")
@option("--percent", required=True, metavar="N", help="help.log.percent")
@option("--note", metavar="TEXT", help="help.log.note")
@date_option("--date", "entry_date", help="help.log.date", default=today)
@option("--evidence", metavar="URL", help="help.log.evidence")
@by_option(help="help.log.by")
@option("--corrects", metavar="ENTRY_ID", help="help.log.corrects")
@option("--problems", metavar="TEXT", help="help.log.problems")
@option("--suggestions", metavar="TEXT", help="help.log.suggestions")
@option("--spent", metavar="BAHT", help="help.log.spent")
@click.pass_obj
def log(
    context: Context,
    measure_id: str,
    percent: str,
    note: str | None,
    entry_date: date,
    evidence: str | None,
    by: str | None,
    corrects: str | None,
    problems: str | None,
    suggestions: str | None,
    spent: str | None,
) -> None:
    number = parse_whole_number(measure_id, "cli.bad_measure_id")
    value = parse_percent(percent)
    day = entry_date
    corrected = None if corrects is None else parse_whole_number(corrects, "progress.bad_entry_id")
    budget_used = None if spent is None else parse_baht(spent)
    desk = context.desk(acting=True, by=by)
    desk.log_progress(
        number,
        day,
        value,
        note,
        evidence,
        corrects=corrected,
        problems=problems,
        suggestions=suggestions,
        budget_used=budget_used,
    )
    say(
        context.t(
            "log.done",
            id=context.number(number),
            percent=context.number(value),
            date=context.day(day),
        )
    )


@command(help="help.budget")
@click.argument("measure_id", metavar="MEASURE_ID")
@option("--planned", metavar="BAHT", help="help.budget.planned")
@option("--spent", metavar="BAHT", help="help.budget.spent")
@by_option(help="help.log.by")
@click.pass_obj
def budget(
    context: Context, measure_id: str, planned: str | None, spent: str | None, by: str | None
) -> None:
    number = parse_whole_number(measure_id, "cli.bad_measure_id")
    planned_amount = None if planned is None else parse_baht(planned)
    spent_amount = None if spent is None else parse_baht(spent)
    desk = context.desk(acting=True, by=by)
    if planned_amount is not None or spent_amount is not None:
        desk.set_budget(number, planned_amount, spent_amount)
    measure = desk.measure(number)
    say(
        context.t(
            "budget.shown",
            id=context.number(number),
            planned=context.words.baht(measure.budget),
            spent=context.words.baht(measure.budget_used),
        )
    )
