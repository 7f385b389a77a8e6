"""The monthly meeting: `report` (the pack), `meeting` and `decision`."""

from datetime import date
from pathlib import Path

import click

from ita_tui.cli.group import Context
from ita_tui.cli.language import command, group, option
from ita_tui.cli.options import as_of_option, by_option, date_option
from ita_tui.cli.output import say
from ita_tui.core.errors import UserError
from ita_tui.core.thai_calendar import today
from ita_tui.core.user_input import parse_be_year, parse_whole_number
from ita_tui.files.output_folder import refuse_protected


@command(help="help.report")
@option(
    "--kind",
    type=click.Choice(["pack", "six-month", "annual", "analysis", "o25", "o26"]),
    default="pack",
    show_default=True,
    help="help.report.kind",
)
@as_of_option(help="help.report.as_of", default=None)
@date_option("--since", help="help.report.since")
@option("--year", "fiscal_year", metavar="YEAR", help="help.report.year")
@option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "docx", "pdf"]),
    help="help.report.format",
)
@option("--template", metavar="FILE.docx", help="help.report.template")
@option(
    "-o",
    "--output",
    required=True,
    metavar="FILE",
    help="help.report.output",
)
@click.pass_obj
def report(
    context: Context,
    kind: str,
    as_of: date | None,
    since: date | None,
    fiscal_year: str | None,
    fmt: str | None,
    template: str | None,
    output: str,
) -> None:
    from ita_tui.documents.render import TEXT_FORMATS, as_bytes, as_text
    from ita_tui.files.atomic import write_atomically

    chosen = fmt or _format_of(output)
    if output == "-" and chosen not in TEXT_FORMATS:
        raise UserError("report.not_to_terminal", format=chosen)
    year = None if fiscal_year is None else parse_be_year(fiscal_year)
    desk = context.desk(as_of or today(), acting=True)
    desk.may("report")
    if kind in ("o25", "o26"):
        year = year or desk.evidence_year(kind)
    day = as_of or _default_as_of(kind, year or desk.plan_year())
    document = desk.document(kind, day, since, year)
    if kind in ("o25", "o26"):
        _say_what_is_inferred(context, kind, year)
    if output == "-":
        say(as_text(document, chosen), nl=False)
        return
    target = Path(output)
    refuse_protected(target, context.database)
    if chosen in TEXT_FORMATS:
        write_atomically(target, as_text(document, chosen))
    else:
        write_atomically(target, as_bytes(document, chosen, _word_template(template)))
    say(context.t("report.done", path=output), err=True)


def _say_what_is_inferred(context: Context, kind: str, year: int | None) -> None:
    """The rules of the year's document that no source read states, for the writer to check."""
    from ita_tui.documents.evidence import asks

    if year is None:
        return
    inferred = asks(kind, year).inferred
    if inferred:
        parts = ", ".join(context.t(key) for key in inferred)
        say(context.t("oit_evidence.inferred", year=context.number(year), parts=parts), err=True)


def _format_of(output: str) -> str:
    """The format a file name asks for; Markdown when it names none."""
    suffix = Path(output).suffix.lower()
    return {".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}.get(suffix, "md")


def _default_as_of(kind: str, plan_year: int | None) -> date:
    """The monthly pack looks at last month; a round's report at the round's end, or today
    while the round is under way; the analysis is written today."""
    from ita_tui.core.thai_calendar import last_day_of_previous_month

    if kind == "pack":
        return last_day_of_previous_month(today())
    if kind in ("six-month", "annual") and plan_year is not None:
        from ita_tui.documents.follow_up_report import round_bounds

        return min(round_bounds(kind, plan_year)[1], today())
    return today()


def _word_template(given: str | None) -> Path | None:
    """The template named, else the agency's own beside the settings, else the bundled one."""
    from ita_tui.files.locations import word_template_path

    if given is not None:
        return Path(given).expanduser()
    own = word_template_path()
    return own if own.is_file() else None


@group(help="help.meeting")
def meeting() -> None:
    pass  # its commands do the work


@meeting.command("add", help="help.meeting.add")
@date_option("--date", "held_on", required=True, help="help.meeting.date")
@option("--attendees", metavar="TEXT", help="help.meeting.attendees")
@option("--notes", metavar="TEXT", help="help.meeting.notes")
@by_option(help="help.meeting.by")
@click.pass_obj
def meeting_add(
    context: Context, held_on: date, attendees: str | None, notes: str | None, by: str | None
) -> None:
    number = context.desk(acting=True, by=by).add_meeting(held_on, attendees, notes)
    say(context.t("meeting.added", id=context.number(number), date=context.day(held_on)))


@meeting.command("list", help="help.meeting.list")
@click.pass_obj
def meeting_list(context: Context) -> None:
    for row in context.desk().meetings():
        say(f"#{context.number(row.id)}  {context.day(row.held_on)}  {row.attendees or ''}")


@group(help="help.decision")
def decision() -> None:
    pass  # its commands do the work


@decision.command("add", help="help.decision.add")
@option("--text", required=True, metavar="TEXT", help="help.decision.text")
@option("--meeting", "meeting_id", metavar="ID", help="help.decision.meeting")
@option("--measure", "measure_id", metavar="ID", help="help.decision.measure")
@option("--unit", metavar="NAME", help="help.decision.unit")
@date_option("--due", help="help.decision.due")
@click.pass_obj
def decision_add(
    context: Context,
    text: str,
    meeting_id: str | None,
    measure_id: str | None,
    unit: str | None,
    due: date | None,
) -> None:
    measure = None if measure_id is None else parse_whole_number(measure_id, "cli.bad_measure_id")
    desk = context.desk(acting=True)
    if meeting_id is None:
        chosen_meeting = desk.latest_meeting().id
    else:
        chosen_meeting = parse_whole_number(meeting_id, "meeting.bad_id")
    unit_id = desk.find_unit(unit).id if unit else None
    number = desk.add_decision(chosen_meeting, text, measure, unit_id, due)
    say(context.t("decision.added", id=context.number(number)))


@decision.command("close", help="help.decision.close")
@click.argument("decision_id", metavar="ID")
@date_option("--date", "closed_on", help="help.decision.closed_on", default=today)
@option("--note", metavar="TEXT", help="help.decision.note")
@click.pass_obj
def decision_close(context: Context, decision_id: str, closed_on: date, note: str | None) -> None:
    number = parse_whole_number(decision_id, "decision.bad_id")
    context.desk(acting=True).close_decision(number, closed_on, note)
    say(context.t("decision.closed", id=context.number(number), date=context.day(closed_on)))


@decision.command("list", help="help.decision.list")
@option("--open", "only_open", is_flag=True, help="help.decision.open")
@click.pass_obj
def decision_list(context: Context, only_open: bool) -> None:
    for row in context.desk().decisions():
        if only_open and row.closed_on:
            continue
        state = (
            context.t("decision.closed_on", date=context.day(row.closed_on))
            if row.closed_on
            else context.t("decision.open")
        )
        about = f" #{context.number(row.measure_id)}" if row.measure_id else ""
        say(f"#{context.number(row.id)}  {context.day(row.held_on)}{about}  [{state}]  {row.text}")
