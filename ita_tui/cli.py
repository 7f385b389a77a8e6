"""The `ita-tui` command: the app by default, and commands for scripts and cron.

Nothing here imports textual or rich at module level: the commands must start fast and work
on a machine where only the core is wanted."""

import getpass
import json
import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click

from ita_tui import scoring
from ita_tui.errors import UserError
from ita_tui.i18n import status_label, translate
from ita_tui.locations import database_path, settings_path
from ita_tui.settings import DIGIT_SYSTEMS, LANGUAGES, Settings
from ita_tui.settings import load as load_settings
from ita_tui.text import normalise
from ita_tui.thai_calendar import format_thai_date, parse_date, today, with_digits
from ita_tui.user_input import parse_percent, parse_whole_number

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

    def t(self, key: str, **params: object) -> str:
        return translate(key, self.lang, **params)

    def day(self, value: date | None) -> str:
        return format_thai_date(value, self.digits) if value else "-"

    def number(self, value: object) -> str:
        return with_digits(str(value), self.digits)

    def open(self, create: bool = False):
        from ita_tui.db import open_database

        if self.database_is_default:
            self.database.parent.mkdir(parents=True, exist_ok=True)
            create = True
        return open_database(self.database, create=create)

    def who(self, explicit: str | None) -> str:
        if explicit and normalise(explicit):
            return normalise(explicit)
        if self.settings.name:
            return self.settings.name
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "unknown"


def _as_of(text: str | None) -> date:
    return parse_date(text) if text else today()


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


def _print_json(value: object) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


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
@click.version_option(package_name="ita-tui")
@click.pass_context
def cli(
    ctx: click.Context,
    db_path: str | None,
    lang: str | None,
    digits: str | None,
    agency: str | None,
) -> None:
    """ita-tui: follow up the action plan of an ITA result (Thai: ติดตามแผนจากผลการประเมิน ITA)."""
    settings, problems = load_settings()
    chosen_lang = lang or os.environ.get(LANGUAGE_ENV) or settings.language
    for problem in problems:
        click.echo(translate("settings.problem", chosen_lang, detail=problem), err=True)
    path, is_default = database_path(db_path)
    ctx.obj = Context(
        database=path,
        database_is_default=is_default,
        lang=chosen_lang,
        digits=digits or settings.digits,
        settings=settings,
        agency=normalise(agency) if agency else None,
    )
    if ctx.invoked_subcommand is None:
        from ita_tui.app import run_app

        run_app(ctx.obj.open(), ctx.obj)


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
@click.pass_obj
def init(context: Context, sample: bool) -> None:
    """Create the database, optionally with the sample plan."""
    from ita_tui import snapshot
    from ita_tui.db import queries

    db = context.open(create=True)
    if sample:
        plan = snapshot.sample_plan()
        if any(a["name"] == plan.agency for a in queries.agencies(db)):
            raise UserError("init.agency_exists", name=plan.agency, path=str(context.database))
        report = snapshot.import_plan(db, plan, context.who(None))
        _report_import(context, report)
    click.echo(context.t("init.done", path=str(context.database)))


def _report_import(context: Context, report) -> None:
    click.echo(
        context.t("import.done", agency=report.agency, count=context.number(report.measures))
    )
    for measure in report.outside_fiscal_year:
        click.echo(
            context.t(
                "import.outside_fiscal_year",
                title=measure["title"],
                period=measure["period_text"],
                year=context.number(measure["fiscal_year"]),
            ),
            err=True,
        )


@cli.command("import")
@click.argument("file", metavar="FILE.toml")
@click.option("--by", metavar="NAME", help="Who is importing (else settings, else your login).")
@click.pass_obj
def import_command(context: Context, file: str, by: str | None) -> None:
    """Load a plan or a snapshot, all or nothing; it replaces that agency's data."""
    from ita_tui import snapshot

    plan = snapshot.validate(snapshot.read(file))
    db = context.open(create=True)
    _report_import(context, snapshot.import_plan(db, plan, context.who(by)))


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
    text = snapshot.export(context.open(), destination, day, context.agency)
    if destination == "-":
        click.echo(text, nl=False)
    else:
        click.echo(context.t("export.done", path=destination), err=True)


def _measure_json(row: dict) -> dict:
    return {
        "id": row["id"],
        "fiscal_year": row["fiscal_year"],
        "title": row["title"],
        "topic": row["topic"],
        "units": row["units"],
        "status": row["status"],
        "percent": row["percent"],
        "period": row["period_text"],
        "start": row["start"].isoformat() if row["start"] else None,
        "end": row["end"].isoformat() if row["end"] else None,
        "overdue": row["overdue"],
        "days_overdue": row["days_overdue"],
        "outside_fiscal_year": row["outside_fiscal_year"],
    }


def _title(row: dict) -> str:
    return f"{row['title']} — {row['topic']}" if row["topic"] else row["title"]


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
    unit = queries.find_unit(db, agency["id"], division) if division else None
    rows = queries.measures(db, agency["id"], day, unit["id"] if unit else None, wanted_status)
    if as_json:
        _print_json([_measure_json(r) for r in rows])
        return
    if not rows:
        click.echo(context.t("measures.none"))
        return
    for row in rows:
        state = status_label(row["status"], context.lang)
        if row["status"] != "dropped":
            state += f" {context.number(row['percent'])}%"
        period = f"{context.day(row['start'])} – {context.day(row['end'])}" if row["end"] else "-"
        click.echo(f"#{context.number(row['id'])}  [{state}]  {period}  {', '.join(row['units'])}")
        click.echo(f"     {_title(row)}")
        if row["overdue"]:
            click.echo(
                "     " + context.t("overdue.days", days=context.number(row["days_overdue"]))
            )
        if row["outside_fiscal_year"]:
            click.echo("     " + context.t("measure.outside_fiscal_year"))


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
    unit = queries.find_unit(db, agency["id"], division) if division else None
    rows = queries.measures(db, agency["id"], day, unit["id"] if unit else None, overdue_only=True)
    unit_order = {u["name"]: i for i, u in enumerate(queries.units(db, agency["id"]))}
    rows.sort(
        key=lambda r: (unit_order.get(r["units"][0], 0) if r["units"] else 0, -r["days_overdue"])
    )
    if as_json:
        _print_json([_measure_json(r) for r in rows])
        return
    click.echo(context.t("overdue.heading", date=context.day(day), count=context.number(len(rows))))
    for unit_name in unit_order:
        mine = [r for r in rows if unit_name in r["units"]]
        if not mine:
            continue
        click.echo(f"\n{unit_name}")
        for row in mine:
            due = context.t("overdue.due", date=context.day(row["end"]))
            days = context.t("overdue.days", days=context.number(row["days_overdue"]))
            click.echo(f"  #{context.number(row['id'])}  {due}  {days}  {_title(row)}")
            if row["outside_fiscal_year"]:
                click.echo("      " + context.t("measure.outside_fiscal_year"))


@cli.command()
@click.argument("measure_id", metavar="MEASURE_ID")
@click.option("--percent", required=True, metavar="N", help="How far the measure has come, 0-100.")
@click.option("--note", metavar="TEXT", help="What was done.")
@click.option("--date", "entry_date", metavar="DATE", help="When (default: today).")
@click.option("--evidence", metavar="URL", help="Where the evidence is (a link or a file).")
@click.option("--by", metavar="NAME", help="Who did it (else settings, else your login).")
@click.pass_obj
def log(
    context: Context,
    measure_id: str,
    percent: str,
    note: str | None,
    entry_date: str | None,
    evidence: str | None,
    by: str | None,
) -> None:
    """Record progress on a measure."""
    from ita_tui.db import writes

    number = parse_whole_number(measure_id, "cli.bad_measure_id")
    value = parse_percent(percent)
    day = parse_date(entry_date) if entry_date else today()
    db = context.open()
    writes.log_progress(db, number, day, value, context.who(by), today(), note, evidence)
    click.echo(
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
    be_year = parse_whole_number(year, "cli.bad_year")
    if be_year < 2400:
        raise UserError("cli.year_not_be", value=year)
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
        _print_json(payload)
        return
    mark = context.number(scoring.methodology(be_year).pass_mark)
    verdict = context.t("score.passed" if result.passed else "score.not_passed", mark=mark)
    kind = context.t(f"score.{result.result_kind}")
    click.echo(
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
    click.echo(means)


@cli.command()
@click.pass_obj
def locate(context: Context) -> None:
    """Print where the database and the settings live."""
    click.echo(context.t("locate.database", path=str(context.database)))
    click.echo(context.t("locate.settings", path=str(settings_path())))


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


def main(argv: list[str] | None = None) -> None:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        cli.main(args=arguments, prog_name="ita-tui", standalone_mode=False)
    except UserError as error:
        click.echo(error.message(_language_from(arguments)), err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        lang = _language_from(arguments)
        click.echo(translate("cli.usage", lang, detail=error.format_message()), err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    sys.exit(0)
