"""`ita-tui import FILE.docx|FILE.xlsx`: the plan from the agency's own Word or Excel file, said
back column by column and cell by cell, then checked and imported as a TOML file would be, or
written as a draft snapshot for a person to check."""

import re
from pathlib import Path

from ita_tui.cli.group import Context
from ita_tui.cli.output import say
from ita_tui.documents.plan_tables import Layout, PlanFromTables, Where


def read_plan(
    context: Context, path: str, agency: str | None, fiscal_year: int | None
) -> PlanFromTables:
    """Read the file and say what was taken from where, and what was not."""
    from ita_tui.documents import office_files
    from ita_tui.documents.plan_tables import plan_from_tables

    found = plan_from_tables(office_files.read(path), agency=agency, fiscal_year=fiscal_year)
    # A plan a table a page repeats its header: tables read alike are said once.
    alike: list[list[Layout]] = []
    for layout in found.layouts:
        if alike and (alike[-1][0].sheet, alike[-1][0].columns) == (layout.sheet, layout.columns):
            alike[-1].append(layout)
        else:
            alike.append([layout])
    for layouts in alike:
        say(_layout_line(context, layouts))
    document = found.document
    measures = document["measures"]
    say(
        context.t(
            "import.found",
            agency=document["agency"]["name"],
            year=context.number(measures[0]["fiscal_year"]),
            assessments=", ".join(
                context.number(a["year"]) for a in document.get("assessments", [])
            )
            or "-",
            findings=context.number(len(document.get("findings", []))),
            units=context.number(len(document.get("units", []))),
        )
    )
    for cell in found.unplaced:
        say(
            context.t("import.unplaced", where=where(context, cell.where), text=cell.text), err=True
        )
    if found.unplaced:
        say(context.t("import.unplaced_total", cells=context.number(len(found.unplaced))), err=True)
    return found


def plan_from_office_file(
    context: Context,
    path: str,
    draft: str | None,
    agency: str | None,
    fiscal_year: int | None,
):
    """The plan in the file, checked as a TOML file is, for the caller to import; or None once
    it is written as a draft."""
    from ita_tui.desk import checked_plan
    from ita_tui.documents.snapshot_validation import SnapshotInvalid

    plan = read_plan(context, path, agency, fiscal_year)
    if draft is not None:
        write_draft(context, plan, draft)
        return None
    try:
        return checked_plan(plan.document, path)
    except SnapshotInvalid as invalid:
        raise located(context, invalid, plan) from None


def write_draft(context: Context, plan: PlanFromTables, destination: str) -> None:
    """The draft is written even when it would not import as it stands: it is for a person to
    mend. What they must mend is said, each problem at the cell it came from."""
    from ita_tui.desk import checked_plan, snapshot_text
    from ita_tui.documents.snapshot_validation import SnapshotInvalid
    from ita_tui.files.atomic import write_atomically
    from ita_tui.files.output_folder import refuse_protected

    refuse_protected(Path(destination), context.database)
    write_atomically(Path(destination), snapshot_text(plan.document))
    say(
        context.t(
            "import.draft_written",
            path=destination,
            measures=context.number(len(plan.document["measures"])),
        )
    )
    try:
        checked_plan(plan.document, destination)
    except SnapshotInvalid as invalid:
        say(located(context, invalid, plan).message(context.lang), err=True)


def located(context: Context, invalid, plan: PlanFromTables):
    """The same problems, each also named by the table, row and column it came from."""
    from ita_tui.documents.snapshot_validation import Problem, SnapshotInvalid

    problems = []
    for problem in invalid.problems:
        record = re.match(r"(measures|findings)\[\d+\]", problem.path)
        origin = plan.origins.get(record.group()) if record else None
        path = problem.path if origin is None else f"{where(context, origin)} ({problem.path})"
        problems.append(Problem(path, problem.key, problem.params))
    return SnapshotInvalid(problems, invalid.source)


def where(context: Context, at: Where) -> str:
    return context.t(
        "import.where.cell",
        table=_table(context, at.table, at.sheet),
        row=context.number(at.row),
        column=_column(context, at.column, at.sheet),
    )


def _table(context: Context, label: str, sheet: bool) -> str:
    if sheet:
        return context.t("import.where.sheet", table=label)
    return context.t("import.where.table", table=context.number(label))


def _column(context: Context, column: int, sheet: bool) -> str:
    """Excel names its columns by letters, Word's tables by number."""
    if not sheet:
        return context.number(column)
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _layout_line(context: Context, layouts: list[Layout]) -> str:
    first = layouts[0]
    columns = ", ".join(
        context.t(
            "import.layout_column",
            column=_column(context, column, first.sheet),
            header=header,
            role=context.t(f"import.role.{role}"),
        )
        for column, header, role in first.columns
    )
    if first.sheet:
        tables = ", ".join(_table(context, layout.table, True) for layout in layouts)
    else:
        tables = _table(context, ", ".join(layout.table for layout in layouts), False)
    return context.t("import.layout", table=tables, columns=columns)
