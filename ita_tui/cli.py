"""The `ita-tui` command: the app by default, and commands for scripts and cron.

Nothing here imports textual or rich at module level: the commands must start fast and work
on a machine where only the core is wanted."""

import getpass
import os
import sqlite3
import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import click

from ita_tui import follow_up
from ita_tui.errors import UserError
from ita_tui.i18n import status_label, translate
from ita_tui.locations import database_path, settings_path
from ita_tui.model import MeasureState
from ita_tui.output import ask_hidden, say, say_data, say_json, say_json_items
from ita_tui.output_folder import refuse_protected
from ita_tui.people_commands import handover, people
from ita_tui.settings import DIGIT_SYSTEMS, LANGUAGES, Settings
from ita_tui.settings import load as load_settings
from ita_tui.text import normalise
from ita_tui.thai_calendar import format_thai_date, parse_date, today, with_digits
from ita_tui.user_input import parse_be_year, parse_percent, parse_whole_number

LANGUAGE_ENV = "ITA_TUI_LANG"
STATUS_CHOICES = ("not_started", "in_progress", "done", "dropped")


@dataclass
class Context:
    database: Path
    database_is_default: bool
    lang: str
    digits: str
    settings: Settings
    agency: str | None
    by: str | None = None
    password_file: str | None = None
    _actor: object = None
    _password: str | None = None

    def t(self, key: str, **params: object) -> str:
        return translate(key, self.lang, **params)

    def day(self, value: date | None) -> str:
        return format_thai_date(value, self.digits) if value else "-"

    def number(self, value: object) -> str:
        return with_digits(str(value), self.digits)

    def open(self, create: bool = False, adopt_empty: bool = False):
        from ita_tui.db import open_database

        if self.database_is_default:
            from ita_tui.file_modes import private_folder

            private_folder(self.database.parent)
            create = adopt_empty = True
        return open_database(self.database, create=create, adopt_empty=adopt_empty)

    def actor(self, db, explicit: str | None = None):
        """Whom this command acts as: the person named, checked by password when the database
        requires login, else taken at their word."""
        from ita_tui.db import guard

        if self._actor is not None:
            return self._actor
        name = explicit or self.by
        if guard.login_required(db):
            if not name or not normalise(name):
                raise UserError("login.required")
            from ita_tui.db.people import authenticate

            self._password = self.password(name, file=self.password_file)
            self._actor = authenticate(db, name, self._password)
        else:
            self._actor = guard.acting(db, self.who(name))
        return self._actor

    def password(self, login: str, key: str = "login.prompt", file: str | None = None) -> str:
        """A password from the first line of a file, else typed at the terminal, unseen."""
        if file:
            try:
                return Path(file).read_text(encoding="utf-8").splitlines()[0]
            except (OSError, UnicodeDecodeError, IndexError):
                raise UserError("login.password_file", path=file) from None
        if not sys.stdin.isatty():
            raise UserError("login.no_password_given")
        return ask_hidden(self.t(key, login=login))

    def who(self, explicit: str | None) -> str:
        if explicit and normalise(explicit):
            return normalise(explicit)
        if self.settings.name:
            return self.settings.name
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "unknown"


def _day(text: str | None, default: date | None = None) -> date | None:
    """A date option: the default when it was not given; given empty, it is no date."""
    return default if text is None else parse_date(text)


def _as_of(text: str | None) -> date:
    return _day(text, today())


def _status(text: str | None) -> str | None:
    if text is None:
        return None
    wanted = normalise(text).casefold()
    for code in STATUS_CHOICES:
        if wanted in (code, code.replace("_", "-"), code.replace("_", " ")) or wanted in (
            status_label(code, "th").casefold(),
            status_label(code, "en").casefold(),
        ):
            return code
    raise UserError("cli.bad_status", value=text, choices=", ".join(STATUS_CHOICES))


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    metavar="PATH",
    help="Database file (else $ITA_TUI_DB, else the user data directory).",
)
@click.option(
    "--lang", type=click.Choice(LANGUAGES), help="Language of messages: th (default) or en."
)
@click.option(
    "--digits",
    type=click.Choice(DIGIT_SYSTEMS),
    help="Digits in dates and numbers: thai or arabic.",
)
@click.option(
    "--agency", metavar="NAME", help="The agency to work on, when the database holds several."
)
@click.option(
    "--by", "acting_as", metavar="LOGIN", help="Who is acting (a login, when login is required)."
)
@click.option(
    "--password-file",
    metavar="FILE",
    help="Read the password from the first line of FILE (for cron) instead of asking.",
)
# Set by `ita-tui serve` for each browser session: many people share the server's settings
# file, so a session's language or digits stay its own.
@click.option("--served", is_flag=True, hidden=True)
@click.version_option(package_name="ita-tui")
@click.pass_context
def cli(
    ctx: click.Context,
    db_path: str | None,
    lang: str | None,
    digits: str | None,
    agency: str | None,
    acting_as: str | None,
    password_file: str | None,
    served: bool,
) -> None:
    """ita-tui: follow up the action plan of an ITA result (Thai: ติดตามแผนจากผลการประเมิน ITA)."""
    settings, problems = load_settings()
    chosen_lang = lang or os.environ.get(LANGUAGE_ENV) or settings.language
    for problem in problems:
        detail = problem.message(chosen_lang) if isinstance(problem, UserError) else problem
        say(translate("settings.problem", chosen_lang, detail=detail), err=True)
    path, is_default = database_path(db_path)
    ctx.obj = Context(
        database=path,
        database_is_default=is_default,
        lang=chosen_lang,
        digits=digits or settings.digits,
        settings=settings,
        agency=normalise(agency) if agency else None,
        by=acting_as,
        password_file=password_file,
    )
    if ctx.invoked_subcommand is None:
        from ita_tui.app import run_app

        run_app(ctx.obj.open(), ctx.obj, persist_settings=not served, served=served)


DEMO_AS_OF = date(2023, 4, 3)


@cli.command()
@click.pass_obj
def demo(context: Context) -> None:
    """Open the app on a fresh temporary copy of the sample plan, as of 2023-04-03."""
    import tempfile

    from ita_tui import snapshot
    from ita_tui.app import run_app
    from ita_tui.db import open_database

    with tempfile.TemporaryDirectory(prefix="ita-tui-demo-") as folder:
        db = open_database(Path(folder) / "demo.db", create=True)
        snapshot.import_plan(db, snapshot.sample_plan(), context.who(None))
        run_app(db, context, as_of=DEMO_AS_OF, sample=True)
        db.close()


@cli.command()
@click.option("--sample", is_flag=True, help="Load the sample plan (เทศบาลตำบลมวกเหล็ก, FY 2566).")
@click.option(
    "--group",
    metavar="NAME",
    help="Share the database with this group on a server (files 0660), not only with you.",
)
@click.pass_obj
def init(context: Context, sample: bool, group: str | None) -> None:
    """Create the database, optionally with the sample plan; or share one with a group."""
    from ita_tui import snapshot
    from ita_tui.db import queries

    db = context.open(create=True, adopt_empty=True)
    if group is not None:
        from ita_tui.file_modes import share_with_group

        for folder in share_with_group(context.database, group):
            say(context.t("share.open_folder", group=group, folder=folder), err=True)
    if sample:
        plan = snapshot.sample_plan()
        if any(a.name == plan.agency for a in queries.agencies(db)):
            raise UserError("init.agency_exists", name=plan.agency, path=str(context.database))
        report = snapshot.import_plan(db, plan, context.actor(db))
        _report_import(context, report)
    say(context.t("init.done", path=str(context.database)))


def _report_import(context: Context, report) -> None:
    say(context.t("import.done", agency=report.agency, count=context.number(report.measures)))
    for measure in report.outside_fiscal_year:
        say(
            context.t(
                "import.outside_fiscal_year",
                title=measure.title,
                period=measure.period,
                year=context.number(measure.fiscal_year),
            ),
            err=True,
        )


@cli.command("import")
@click.argument("files", metavar="FILE.toml…", nargs=-1, required=True)
@click.option("--by", metavar="NAME", help="Who is importing (else settings, else your login).")
@click.pass_obj
def import_command(context: Context, files: tuple[str, ...], by: str | None) -> None:
    """Load plans or snapshots, each all or nothing, as its agency's data (writing only what
    differs) unless the database holds a newer snapshot of it. Several files build an aggregate
    database."""
    from ita_tui import snapshot

    if len(files) == 1:
        plan = snapshot.validate(snapshot.read(files[0]), files[0])
        db = context.open(create=True)
        _report_import(context, snapshot.import_plan(db, plan, context.actor(db, by)))
        return
    db = context.open(create=True)
    failed = 0
    for file in files:
        try:
            plan = snapshot.validate(snapshot.read(file), file)
            _report_import(context, snapshot.import_plan(db, plan, context.actor(db, by)))
        except UserError as error:
            failed += 1
            say(error.message(context.lang), err=True)
    if failed:
        say(
            context.t(
                "import.some_failed",
                failed=context.number(failed),
                total=context.number(len(files)),
            ),
            err=True,
        )
        sys.exit(2)


@cli.command()
@click.argument("destination", metavar="FILE.toml|-")
@click.option(
    "--as-of", "as_of", metavar="DATE", help="Judge overdue as of this date (default: today)."
)
@click.pass_obj
def export(context: Context, destination: str, as_of: str | None) -> None:
    """Write the status snapshot to a TOML file, or to standard output with `-`."""
    from ita_tui import snapshot

    day = _as_of(as_of)
    if destination != "-":
        refuse_protected(Path(destination), context.database)
    text = snapshot.export(context.open(), destination, day, context.agency)
    if destination == "-":
        say_data(text, nl=False)
    else:
        say(context.t("export.done", path=destination), err=True)


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


@cli.command()
@click.option(
    "--division",
    "--unit",
    "division",
    metavar="NAME",
    help="Only measures of this unit (กอง/สำนัก/งาน).",
)
@click.option(
    "--status", metavar="STATUS", help="not_started, in_progress, done or dropped (Thai names too)."
)
@click.option(
    "--as-of", "as_of", metavar="DATE", help="Judge overdue as of this date (default: today)."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def measures(
    context: Context, division: str | None, status: str | None, as_of: str | None, as_json: bool
) -> None:
    """List the plan's measures."""
    from ita_tui.db import queries

    wanted_status = _status(status)
    day = _as_of(as_of)
    db = context.open()
    agency = queries.agency(db, context.agency)
    unit = queries.find_unit(db, agency.id, division) if division else None
    rows = queries.measures(db, agency.id, day, unit.id if unit else None, wanted_status)
    if as_json:
        say_json([_measure_json(r) for r in rows])
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
            say("     " + context.t("overdue.days", days=context.number(row.days_overdue)))
        if row.outside_fiscal_year:
            say("     " + context.t("measure.outside_fiscal_year"))


@cli.command()
@click.option(
    "--as-of", "as_of", metavar="DATE", help="Judge overdue as of this date (default: today)."
)
@click.option(
    "--division", "--unit", "division", metavar="NAME", help="Only measures of this unit."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def overdue(context: Context, as_of: str | None, division: str | None, as_json: bool) -> None:
    """Measures past their end date that are neither done nor dropped, by unit."""
    from ita_tui.db import queries

    day = _as_of(as_of)
    db = context.open()
    agency = queries.agency(db, context.agency)
    unit = queries.find_unit(db, agency.id, division) if division else None
    unit_id = unit.id if unit else None
    if as_json:
        say_json_items(queries.overdue_json_items(db, agency.id, day, unit_id))
        return
    rows = follow_up.longest_overdue_first(
        queries.measures(db, agency.id, day, unit_id, follow="overdue")
    )
    say(context.t("overdue.heading", date=context.day(day), count=context.number(len(rows))))
    for unit_row in queries.units(db, agency.id):
        mine = [r for r in rows if unit_row.name in r.units]
        if not mine:
            continue
        say(f"\n{unit_row.name}")
        for row in mine:
            due = context.t("overdue.due", date=context.day(row.end))
            days = context.t("overdue.days", days=context.number(row.days_overdue))
            say(f"  #{context.number(row.id)}  {due}  {days}  {row.full_title}")
            if row.outside_fiscal_year:
                say("      " + context.t("measure.outside_fiscal_year"))


@cli.command()
@click.argument("measure_id", metavar="MEASURE_ID")
@click.option("--percent", required=True, metavar="N", help="How far the measure has come, 0-100.")
@click.option("--note", metavar="TEXT", help="What was done.")
@click.option("--date", "entry_date", metavar="DATE", help="When (default: today).")
@click.option("--evidence", metavar="URL", help="Where the evidence is (a link or a file).")
@click.option("--by", metavar="NAME", help="Who did it (else settings, else your login).")
@click.option(
    "--corrects", metavar="ENTRY_ID", help="The earlier entry this one corrects (it stays, marked)."
)
@click.pass_obj
def log(
    context: Context,
    measure_id: str,
    percent: str,
    note: str | None,
    entry_date: str | None,
    evidence: str | None,
    by: str | None,
    corrects: str | None,
) -> None:
    """Record progress on a measure."""
    from ita_tui.db import writes

    number = parse_whole_number(measure_id, "cli.bad_measure_id")
    value = parse_percent(percent)
    day = _day(entry_date, today())
    corrected = None if corrects is None else parse_whole_number(corrects, "progress.bad_entry_id")
    db = context.open()
    writes.log_progress(
        db, number, day, value, context.actor(db, by), today(), note, evidence, corrects=corrected
    )
    say(
        context.t(
            "log.done",
            id=context.number(number),
            percent=context.number(value),
            date=context.day(day),
        )
    )


@cli.command()
@click.option("--year", required=True, metavar="YEAR", help="Assessment year, B.E. (e.g. 2565).")
@click.argument("scores", nargs=-1, metavar="S1 … S10")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def score(context: Context, year: str, scores: tuple[str, ...], as_json: bool) -> None:
    """Overall score, instrument means and grade or rating from the ten indicator scores."""
    from ita_tui import scoring

    be_year = parse_be_year(year)
    values = [scoring.parse_score(s) for s in scores]
    result = scoring.compute(be_year, values)
    if as_json:
        payload: dict = {
            "year": be_year,
            "overall": float(result.overall),
            "iit": float(result.instruments["IIT"]),
            "eit": float(result.instruments["EIT"]),
            "oit": float(result.instruments["OIT"]),
        }
        if result.result_kind == "grade":
            payload["grade"] = result.result_th
        else:
            payload["rating"] = result.result_th
            payload["rating_en"] = result.result_en
        payload["passed"] = result.passed
        say_json(payload)
        return
    mark = context.number(scoring.methodology(be_year).pass_mark)
    verdict = context.t("score.passed" if result.passed else "score.not_passed", mark=mark)
    kind = context.t(f"score.{result.result_kind}")
    say(
        context.t(
            "score.summary",
            year=context.number(be_year),
            overall=context.number(result.overall),
            kind=kind,
            result=result.result(context.lang),
            verdict=verdict,
        )
    )
    means = "  ".join(
        f"{code} {context.number(value)}" for code, value in result.instruments.items()
    )
    say(means)


@cli.command()
@click.option("--year", required=True, metavar="YEAR", help="Assessment year, B.E. (e.g. 2565).")
@click.option(
    "--failed",
    metavar="CODES",
    help="OIT items that failed, e.g. o11,o12 (default: those the findings name).",
)
@click.option(
    "--pass", "passing", metavar="CODES", help="Failed items to count as passed, e.g. o42."
)
@click.option(
    "--target", default="85", show_default=True, metavar="SCORE", help="Overall score to reach."
)
@click.option(
    "--catalogue", metavar="FILE.toml", help="The year's OIT item list, when it is not bundled."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def whatif(
    context: Context,
    year: str,
    failed: str | None,
    passing: str | None,
    target: str,
    catalogue: str | None,
    as_json: bool,
) -> None:
    """Indicators 9 and 10, the overall and the grade or rating if chosen OIT items passed."""
    from ita_tui import oit, scoring
    from ita_tui.db import queries

    be_year = parse_be_year(year)
    goal = scoring.parse_score(target)
    items = oit.catalogue_for(be_year, catalogue)
    db = context.open()
    agency = queries.agency(db, context.agency)
    assessment = next((a for a in queries.assessments(db, agency.id) if a.year == be_year), None)
    if assessment is None:
        raise UserError("whatif.no_assessment", year=be_year)
    if failed is None:
        named = {
            f.oit_item
            for f in queries.findings(db, agency.id)
            if f.oit_item and f.assessment_year == be_year
        }
        for code in named:
            items.item(code)
        failed_codes = [item.code for item in items.items if item.code in named]
    else:
        failed_codes = oit.parse_codes(failed, items)
    result = oit.what_if(
        be_year,
        assessment.scores,
        items,
        failed_codes,
        oit.parse_codes(passing, items),
        targets=tuple(dict.fromkeys((goal, Decimal(85), Decimal(95)))),
    )
    if as_json:
        payload: dict = {
            "year": be_year,
            "failed": list(result.failed),
            "passing": list(result.passing),
            "indicators": {str(n): float(v) for n, v in result.indicators.items()},
            "overall": float(result.score.overall),
        }
        payload["grade" if result.score.result_kind == "grade" else "rating"] = (
            result.score.result_th
        )
        payload["passed"] = result.score.passed
        payload["target"] = float(goal)
        payload["fewest_to_target"] = result.fewest[goal]
        payload["item_worth"] = {
            code: float(scoring.round_half_up(result.worth[code]))
            for code in result.failed
            if code not in result.passing
        }
        say_json(payload)
        return
    n = context.number
    say(context.t("whatif.indicators", nine=n(result.indicators[9]), ten=n(result.indicators[10])))
    mark = n(scoring.methodology(be_year).pass_mark)
    verdict = context.t("score.passed" if result.score.passed else "score.not_passed", mark=mark)
    say(
        context.t(
            "score.summary",
            year=n(be_year),
            overall=n(result.score.overall),
            kind=context.t(f"score.{result.score.result_kind}"),
            result=result.score.result(context.lang),
            verdict=verdict,
        )
    )
    for goal_score, codes in result.fewest.items():
        if codes is None:
            say(context.t("whatif.unreachable", target=n(goal_score)))
        elif not codes:
            say(context.t("whatif.reached", target=n(goal_score)))
        else:
            listed = ", ".join(f"{c} (+{n(scoring.round_half_up(result.worth[c]))})" for c in codes)
            say(context.t("whatif.fewest", target=n(goal_score), count=n(len(codes)), items=listed))


@cli.command()
@click.option(
    "--as-of",
    "as_of",
    metavar="DATE",
    help="Review as of this date (default: the last day of last month).",
)
@click.option(
    "--since",
    metavar="DATE",
    help="Changes since this date (default: the last meeting, else a month before).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html"]),
    help="md or html (default: from the file name).",
)
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE",
    help="Where to write the pack; - for standard output.",
)
@click.pass_obj
def report(
    context: Context, as_of: str | None, since: str | None, fmt: str | None, output: str
) -> None:
    """Write the monthly meeting pack (Markdown, or one self-contained HTML file)."""
    from ita_tui import report as pack
    from ita_tui.db import queries
    from ita_tui.files import write_atomically
    from ita_tui.review import last_day_of_previous_month, review

    day = _day(as_of) or last_day_of_previous_month(today())
    start = _day(since)
    chosen = fmt or ("html" if output.lower().endswith((".html", ".htm")) else "md")
    from ita_tui.db import guard

    db = context.open()
    guard.require(db, context.actor(db), "report")
    agency = queries.agency(db, context.agency)
    text = pack.render(
        review(
            db,
            agency.id,
            day,
            start,
            behind_gap=context.settings.behind_gap,
            stale_days=context.settings.stale_days,
        ),
        chosen,
        context.lang,
        context.digits,
    )
    if output == "-":
        say(text, nl=False)
    else:
        refuse_protected(Path(output), context.database)
        write_atomically(Path(output), text)
        say(context.t("report.done", path=output), err=True)


@cli.group()
def meeting() -> None:
    """Monthly meetings: record one, list them."""


@meeting.command("add")
@click.option("--date", "held_on", required=True, metavar="DATE", help="When the meeting was held.")
@click.option("--attendees", metavar="TEXT", help="Who attended.")
@click.option("--notes", metavar="TEXT", help="What was said.")
@click.option("--by", metavar="NAME", help="Who records it.")
@click.pass_obj
def meeting_add(
    context: Context, held_on: str, attendees: str | None, notes: str | None, by: str | None
) -> None:
    from ita_tui.db import queries, writes

    day = parse_date(held_on)
    db = context.open()
    agency = queries.agency(db, context.agency)
    number = writes.add_meeting(db, agency.id, day, context.actor(db, by), attendees, notes)
    say(context.t("meeting.added", id=context.number(number), date=context.day(day)))


@meeting.command("list")
@click.pass_obj
def meeting_list(context: Context) -> None:
    from ita_tui.db import queries

    db = context.open()
    agency = queries.agency(db, context.agency)
    for row in queries.meetings(db, agency.id):
        say(f"#{context.number(row.id)}  {context.day(row.held_on)}  {row.attendees or ''}")


@cli.group()
def decision() -> None:
    """Decisions taken at meetings: add, close, list."""


@decision.command("add")
@click.option("--text", required=True, metavar="TEXT", help="What was decided.")
@click.option("--meeting", "meeting_id", metavar="ID", help="The meeting (default: the latest).")
@click.option("--measure", "measure_id", metavar="ID", help="The measure it is about.")
@click.option("--unit", metavar="NAME", help="The unit that carries it out.")
@click.option("--due", metavar="DATE", help="By when.")
@click.pass_obj
def decision_add(
    context: Context,
    text: str,
    meeting_id: str | None,
    measure_id: str | None,
    unit: str | None,
    due: str | None,
) -> None:
    from ita_tui.db import queries, writes

    due_on = _day(due)
    measure = None if measure_id is None else parse_whole_number(measure_id, "cli.bad_measure_id")
    db = context.open()
    agency = queries.agency(db, context.agency)
    if meeting_id is None:
        held = queries.meetings(db, agency.id)
        if not held:
            raise UserError("meeting.none")
        chosen_meeting = held[-1].id
    else:
        chosen_meeting = parse_whole_number(meeting_id, "meeting.bad_id")
    unit_id = queries.find_unit(db, agency.id, unit).id if unit else None
    number = writes.add_decision(
        db, agency.id, chosen_meeting, text, measure, unit_id, due_on, by=context.actor(db)
    )
    say(context.t("decision.added", id=context.number(number)))


@decision.command("close")
@click.argument("decision_id", metavar="ID")
@click.option("--date", "closed_on", metavar="DATE", help="When it was done (default: today).")
@click.option("--note", metavar="TEXT", help="How it was closed.")
@click.pass_obj
def decision_close(
    context: Context, decision_id: str, closed_on: str | None, note: str | None
) -> None:
    from ita_tui.db import writes

    number = parse_whole_number(decision_id, "decision.bad_id")
    day = _day(closed_on, today())
    db = context.open()
    writes.close_decision(db, number, day, note, by=context.actor(db))
    say(context.t("decision.closed", id=context.number(number), date=context.day(day)))


@decision.command("list")
@click.option("--open", "only_open", is_flag=True, help="Only decisions not closed yet.")
@click.pass_obj
def decision_list(context: Context, only_open: bool) -> None:
    from ita_tui.db import queries

    db = context.open()
    agency = queries.agency(db, context.agency)
    for row in queries.decisions(db, agency.id):
        if only_open and row.closed_on:
            continue
        state = (
            context.t("decision.closed_on", date=context.day(row.closed_on))
            if row.closed_on
            else context.t("decision.open")
        )
        about = f" #{context.number(row.measure_id)}" if row.measure_id else ""
        say(f"#{context.number(row.id)}  {context.day(row.held_on)}{about}  [{state}]  {row.text}")


def _published_heads(files: tuple[str, ...]) -> list[tuple[str, int | None, str]]:
    """Each snapshot's journal head: the file, the entry number (when it says) and the hash."""
    from ita_tui import snapshot

    heads = []
    for file in files:
        document = snapshot.read(file)
        head, entry = document.get("journal_head"), document.get("journal_entry")
        if not isinstance(head, str) or not (entry is None or (type(entry) is int and entry >= 0)):
            raise UserError("verify.against_no_head", path=file)
        heads.append((file, entry, head))
    return heads


@cli.command()
@click.option(
    "--against",
    "snapshots",
    metavar="SNAPSHOT.toml…",
    multiple=True,
    help="Also check that each snapshot's journal head is still in the chain; several files"
    " may follow one --against.",
)
@click.argument("more_snapshots", nargs=-1, metavar="")
@click.pass_obj
def verify(context: Context, snapshots: tuple[str, ...], more_snapshots: tuple[str, ...]) -> None:
    """Check the journal's hash chain and the current rows against it, and with --against that
    published snapshots' chain heads are still in it; exit 1 if anything is wrong."""
    from ita_tui.db import journal
    from ita_tui.file_modes import exposed_files

    if more_snapshots and not snapshots:
        raise click.UsageError("verify --against SNAPSHOT.toml…")
    heads = _published_heads(snapshots + more_snapshots)
    db = context.open()
    problems = journal.verify(db)
    entries = db.execute("SELECT count(*) FROM journal").fetchone()[0]
    missing = []
    for file, entry, head in heads:
        number = context.number(entry if entry is not None else "?")
        if journal.holds(db, entry, head):
            say(context.t("verify.against_ok", path=file, id=number))
        else:
            missing.append(context.t("verify.against_missing", path=file, id=number))
    exposed = exposed_files(context.database)
    for path, mode in exposed:
        say(context.t("verify.readable_by_others", path=str(path), mode=f"{mode:o}"), err=True)
    if not problems and not missing:
        say(context.t("verify.ok", count=context.number(entries), head=journal.head(db)))
        if exposed:
            sys.exit(1)
        return
    say(context.t("verify.failed", count=context.number(len(problems) + len(missing))), err=True)
    for line in missing:
        say(f"  {line}", err=True)
    for problem in problems[:20]:
        where = context.t("verify.entry", id=context.number(problem.entry)) if problem.entry else ""
        say(f"  {where}{context.t(problem.key, detail=problem.detail)}", err=True)
    sys.exit(1)


@cli.command()
@click.argument("target", metavar="FILE")
@click.pass_obj
def backup(context: Context, target: str) -> None:
    """Copy the database to FILE, safely while others are writing."""
    from ita_tui.db.backup import copy_to

    refuse_protected(Path(target), context.database)
    db = context.open()
    copy_to(db.conn, Path(target))
    say(context.t("backup.done", path=target))


@cli.command()
@click.argument("source", metavar="FILE")
@click.pass_obj
def restore(context: Context, source: str) -> None:
    """Replace the database with a backup, after checking it and saving a copy of the current one."""
    from ita_tui.db.backup import restore as restore_from

    # A database too damaged to open is restored by whoever may write the file; one that opens
    # asks for an administrator.
    try:
        current = context.open()
    except UserError:
        current = None
    if current is not None:
        from ita_tui.db import guard

        guard.require(current, context.actor(current), "restore")
        current.close()
    saved = restore_from(context.database, Path(source))
    say(context.t("restore.done", path=source, saved=str(saved)))


@cli.command()
@click.pass_obj
def locate(context: Context) -> None:
    """Print where the database and the settings live."""
    say(context.t("locate.database", path=str(context.database)))
    say(context.t("locate.settings", path=str(settings_path())))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port."
)
@click.option(
    "--public-url",
    metavar="URL",
    help="The address browsers use (required with a --host beyond this machine), e.g."
    " http://192.168.1.10:8000, or https://ita.example.go.th behind a proxy.",
)
@click.pass_obj
def serve(context: Context, host: str, port: int, public_url: str | None) -> None:
    """Serve the app to browsers, each browser session its own app on this database, at most
    `max_sessions` (settings file, default 30) at once."""
    from ita_tui import serve as server

    url = server.public_url(host, port, public_url)
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        raise UserError("serve.missing") from None
    from ita_tui.db import guard
    from ita_tui.file_modes import exposed_files

    db = context.open()
    if not server.is_loopback(host) and not guard.login_required(db):
        say(context.t("serve.open_network", host=host), err=True)
    if guard.login_required(db):
        for path, mode in exposed_files(context.database):
            say(context.t("serve.readable_by_others", path=str(path), mode=f"{mode:o}"), err=True)
    db.close()
    # An address is typed as it is shown: its port stays in Arabic digits.
    say(context.t("serve.starting", url=url, host=host, port=port), err=True)
    command = server.app_command(context.database, context.lang, context.digits, context.agency)
    server.run(command, host, port, url, context.settings.max_sessions)


cli.add_command(people)
cli.add_command(handover)


def _language_from(argv: list[str]) -> str:
    """The language for a message that comes before the options are parsed, or from a
    failure to parse them."""
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv) and argv[index + 1] in LANGUAGES:
            return argv[index + 1]
        if word.startswith("--lang=") and word.split("=", 1)[1] in LANGUAGES:
            return word.split("=", 1)[1]
    from_env = os.environ.get(LANGUAGE_ENV)
    if from_env in LANGUAGES:
        return from_env
    settings, _ = load_settings()
    return settings.language


def _database_from(argv: list[str]) -> str:
    """The database a command was given, for a message about an error met outside any check."""
    for index, word in enumerate(argv):
        if word == "--db" and index + 1 < len(argv):
            return argv[index + 1]
        if word.startswith("--db="):
            return word.split("=", 1)[1]
    return str(database_path(None)[0])


def main(argv: list[str] | None = None) -> None:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        cli.main(args=arguments, prog_name="ita-tui", standalone_mode=False)
    except UserError as error:
        say(error.message(_language_from(arguments)), err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        lang = _language_from(arguments)
        say(translate("cli.usage", lang, detail=error.format_message()), err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except sqlite3.Error as error:
        # Met while reading, outside the checks and transactions that say it closer.
        from ita_tui.db.connection import user_error_for

        refused = user_error_for(error, _database_from(arguments))
        say(refused.message(_language_from(arguments)), err=True)
        sys.exit(2)
    except OSError as error:
        # A file the system refused where no closer check was made (a name too long, say).
        from ita_tui.user_files import os_error

        refused = os_error(error, error.filename or "-")
        say(refused.message(_language_from(arguments)), err=True)
        sys.exit(2)
    sys.exit(0)
