"""The plan and its files: `demo`, `init`, `import` and `export`."""

import sys
from datetime import date
from pathlib import Path

import click

from ita_tui.cli.group import Context
from ita_tui.cli.language import command, option
from ita_tui.cli.options import as_of_option, by_option
from ita_tui.cli.output import say, say_data
from ita_tui.core.errors import EXIT_FAILURE, EXIT_USAGE, UserError
from ita_tui.core.text import normalise
from ita_tui.core.user_input import parse_be_year
from ita_tui.files.output_folder import refuse_protected

DEMO_AS_OF = date(2023, 4, 3)


@command(help="help.demo")
@click.pass_obj
def demo(context: Context) -> None:
    import tempfile

    from ita_tui.app import run_app
    from ita_tui.desk import sample_store

    with tempfile.TemporaryDirectory(prefix="ita-tui-demo-") as folder:
        db = sample_store(Path(folder) / "demo.db", context.who(None))
        # A demo is for looking around: switching language or digits there leaves the
        # user's own settings as they were.
        run_app(db, context, as_of=DEMO_AS_OF, sample=True, persist_settings=False)
        db.close()


@command(help="help.init")
@option("--sample", is_flag=True, help="help.init.sample")
@option(
    "--group",
    metavar="NAME",
    help="help.init.group",
)
@click.pass_obj
def init(context: Context, sample: bool, group: str | None) -> None:
    from ita_tui.desk import sample_plan

    desk = context.desk(create=True, adopt_empty=True, whole_database=True)
    if group is not None:
        from ita_tui.files.modes import share_with_group

        for folder in share_with_group(context.database, group):
            say(context.t("share.open_folder", group=group, folder=folder), err=True)
    if sample:
        plan = sample_plan()
        if plan.agency in desk.agency_names():
            raise UserError("init.agency_exists", name=plan.agency, path=str(context.database))
        context.act(desk)
        _report_import(context, desk.import_plan(plan))
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


@command("import", help="help.import")
@click.argument("files", metavar="FILE.toml|.docx|.xlsx…", nargs=-1, required=True)
@by_option(help="help.import.by")
@option("--draft", metavar="OUT.toml", help="help.import.draft")
@option("--agency", "agency_name", metavar="NAME", help="help.import.agency")
@option("--fiscal-year", metavar="YEAR", help="help.import.fiscal_year")
@option("--unit", "unit_name", metavar="NAME", help="help.import.unit")
@click.pass_obj
def import_command(
    context: Context,
    files: tuple[str, ...],
    by: str | None,
    draft: str | None,
    agency_name: str | None,
    fiscal_year: str | None,
    unit_name: str | None,
) -> None:
    from ita_tui.desk import Desk, read_plan_file
    from ita_tui.documents.office_files import is_office_file

    # What the user says overrides what a Word or Excel file's headings say.
    agency = normalise(agency_name) if agency_name else context.agency
    year = parse_be_year(fiscal_year) if fiscal_year is not None else None
    unit = normalise(unit_name) if unit_name else None
    if draft is not None and (len(files) != 1 or not is_office_file(files[0])):
        raise UserError("import.draft_one_office_file")

    # One desk, on one connection, for every file imported.
    opened: list[Desk] = []

    def desk() -> Desk:
        if not opened:
            opened.append(context.desk(create=True, whole_database=True))
        return opened[0]

    def import_one(file: str) -> None:
        if is_office_file(file):
            from ita_tui.cli.office_import import plan_from_office_file

            plan = plan_from_office_file(context, file, draft, agency, year, unit)
            if plan is None:  # written as a draft
                return
        else:
            plan = read_plan_file(file)
        importing = desk()
        context.act(importing, by)
        _report_import(context, importing.import_plan(plan))

    if len(files) == 1:
        import_one(files[0])
        return
    desk()
    codes = []
    for file in files:
        try:
            import_one(file)
        except UserError as error:
            codes.append(error.exit_code)
            say(error.message(context.lang), err=True)
    failed = len(codes)
    if failed:
        say(
            context.t(
                "import.some_failed",
                count=context.number(failed),
                total=context.number(len(files)),
            ),
            err=True,
        )
        # A file the system would not let in weighs more than a file that was wrong.
        sys.exit(EXIT_FAILURE if EXIT_FAILURE in codes else EXIT_USAGE)


@command(help="help.export")
@click.argument("destination", metavar="FILE.toml|-")
@as_of_option()
@click.pass_obj
def export(context: Context, destination: str, as_of: date) -> None:
    from ita_tui.files.atomic import write_atomically

    if destination != "-":
        refuse_protected(Path(destination), context.database)
    text = context.desk(as_of).snapshot(as_of)
    if destination != "-":
        write_atomically(Path(destination), text)
    if destination == "-":
        say_data(text, nl=False)
    else:
        say(context.t("export.done", path=destination), err=True)
