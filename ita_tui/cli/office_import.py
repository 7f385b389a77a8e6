"""`ita-tui import FILE.docx|FILE.xlsx`: the plan from the agency's own Word or Excel file, said
back column by column and cell by cell, then checked and imported as a TOML file would be, or
written as a draft snapshot for a person to check."""

import re
from pathlib import Path

from ita_tui.cli.group import Context
from ita_tui.cli.output import say
from ita_tui.core.errors import UserError
from ita_tui.core.i18n import translate
from ita_tui.documents.plan_tables import Layout, PlanFromTables, Where


class ImportStopped(UserError):
    """Everything that stops a Word or Excel file's direct import, said at once, and how to get
    the draft instead."""

    def __init__(self, reasons: list[UserError], path: str) -> None:
        super().__init__("office.stopped", path=path)
        self.reasons = reasons
        self.path = path

    def message(self, lang: str) -> str:
        lines = [reason.message(lang) for reason in self.reasons]
        lines.append(translate("import.draft_hint", lang, path=self.path))
        return "\n".join(lines)


def read_plan(
    context: Context,
    path: str,
    agency: str | None,
    fiscal_year: int | None,
    unit: str | None = None,
) -> PlanFromTables:
    """Read the file and say what was taken from where, and what was not."""
    from ita_tui.documents import office_files
    from ita_tui.documents.plan_tables import PLACEHOLDER_UNIT, plan_from_tables

    document_read = office_files.read(path)
    for sheet, row in document_read.hidden:
        table = _table(context, sheet, True)
        if row is None:
            say(context.t("import.hidden_sheet", table=table), err=True)
        else:
            say(context.t("import.hidden_row", table=table, row=context.number(row)), err=True)
    if document_read.hidden_text:
        say(
            context.t("import.hidden_text", count=context.number(document_read.hidden_text)),
            err=True,
        )
    found = plan_from_tables(document_read, agency=agency, fiscal_year=fiscal_year, unit=unit)
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
    measures = document.get("measures", [])
    if found.from_paragraphs:
        say(context.t("import.from_paragraphs", count=context.number(len(measures))))
    elif not measures:
        say(context.t("import.no_plan", found=found.headers_found))
    say(
        context.t(
            "import.found",
            agency=document["agency"]["name"] or "-",
            year=context.number(found.fiscal_year) if found.fiscal_year else "-",
            assessments=", ".join(
                context.number(a["year"]) for a in document.get("assessments", [])
            )
            or "-",
            findings=context.number(len(document.get("findings", []))),
            units=context.number(len(document.get("units", []))),
        )
    )
    if found.year_from_periods:
        say(context.t("import.year_from_periods", year=context.number(found.fiscal_year)))
    if found.placeholders:
        say(
            context.t(
                "import.placeholder_unit",
                count=context.number(len(found.placeholders)),
                unit=PLACEHOLDER_UNIT,
            )
        )
    for index in found.undated:
        say(
            context.t(
                "import.undated",
                where=where(context, found.origins[f"measures[{index}]"]),
                title=measures[index].get("title", ""),
            ),
            err=True,
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
    unit: str | None = None,
):
    """The plan in the file, checked as a TOML file is, for the caller to import; or None once
    it is written as a draft. Whatever stops the import is said at once, with how to get the
    draft."""
    from ita_tui.desk import checked_plan
    from ita_tui.documents.snapshot_validation import SnapshotInvalid

    plan = read_plan(context, path, agency, fiscal_year, unit)
    if draft is not None:
        write_draft(context, plan, draft)
        return None
    reasons: list[UserError] = []
    if "fiscal_year" in plan.missing:
        reasons.append(UserError("office.no_fiscal_year"))
    if "agency" in plan.missing:
        reasons.append(UserError("office.no_agency"))
    document = plan.document
    if plan.from_paragraphs:
        reasons.append(UserError("office.paragraphs_need_review"))
    elif not plan.layouts and not document.get("assessments") and not document.get("findings"):
        reasons.append(
            UserError(
                "office.no_plan_table", found=plan.headers_found, expected=plan.expected_headers
            )
        )
    elif plan.layouts and not document.get("measures"):
        reasons.append(UserError("office.no_measures"))
    if plan.unread_periods:
        reasons.append(located(context, _period_problems(plan, path), plan))
    if not reasons:
        try:
            return checked_plan(document, path)
        except SnapshotInvalid as invalid:
            reasons.append(located(context, invalid, plan))
    raise ImportStopped(reasons, path)


def _period_problems(plan: PlanFromTables, source: str):
    from ita_tui.documents.snapshot_validation import Problem, SnapshotInvalid

    return SnapshotInvalid(
        [
            Problem(f"measures[{index}].period", error.key, error.params)
            for index, error in plan.unread_periods
        ],
        source,
    )


def write_draft(context: Context, plan: PlanFromTables, destination: str) -> None:
    """The draft is written even when it would not import as it stands: it is for a person to
    mend. What they must mend is said, each problem at the cell it came from, and heads the file
    as TODO lines."""
    from ita_tui.desk import checked_plan, snapshot_text
    from ita_tui.documents.plan_tables import PLACEHOLDER_UNIT
    from ita_tui.documents.snapshot_validation import SnapshotInvalid
    from ita_tui.files.atomic import write_atomically
    from ita_tui.files.output_folder import refuse_protected

    refuse_protected(Path(destination), context.database)
    todo = [context.t(f"import.todo.{name}") for name in plan.missing]
    unread = located(context, _period_problems(plan, destination), plan)
    todo += [
        f"{problem.path}: {context.t(problem.key, **problem.params)}" for problem in unread.problems
    ]
    if unread.problems:
        say(unread.message(context.lang), err=True)
    problems = None
    try:
        checked_plan(plan.document, destination)
    except SnapshotInvalid as invalid:
        problems = located(context, invalid, plan)
        if not plan.missing:
            todo += [
                f"{problem.path}: {context.t(problem.key, **problem.params)}"
                for problem in problems.problems
            ]
    if plan.placeholders:
        todo.append(
            context.t(
                "import.placeholder_unit",
                count=context.number(len(plan.placeholders)),
                unit=PLACEHOLDER_UNIT,
            )
        )
    measures = plan.document.get("measures", [])
    for index in plan.undated:
        todo.append(
            context.t(
                "import.undated",
                where=where(context, plan.origins[f"measures[{index}]"]),
                title=measures[index].get("title", ""),
            )
        )
    if not measures:
        todo.append(context.t("import.no_plan", found=plan.headers_found))
    header = "".join(f"# TODO: {_comment(line)}\n" for line in todo)
    write_atomically(Path(destination), header + snapshot_text(plan.document))
    say(
        context.t(
            "import.draft_written",
            path=destination,
            measures=context.number(len(measures)),
        )
    )
    if todo:
        say(context.t("import.draft_todo", count=context.number(len(todo))), err=True)
    if problems is not None:
        say(problems.message(context.lang), err=True)


def _comment(text: str) -> str:
    """One line a TOML comment can hold: no line breaks nor control characters."""
    return _CONTROL.sub(" ", text)


_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\u2028\u2029\x85]")


def located(context: Context, invalid, plan: PlanFromTables):
    """The same problems, each also named by the table, row and column it came from."""
    from ita_tui.documents.snapshot_validation import Problem, SnapshotInvalid

    problems = []
    for problem in invalid.problems:
        # The cell of the field (measures[3].period), else the record's first cell.
        field = re.match(r"(?:measures|findings)\[\d+\]\.\w+", problem.path)
        record = re.match(r"(?:measures|findings)\[\d+\]", problem.path)
        origin = (plan.origins.get(field.group()) if field else None) or (
            plan.origins.get(record.group()) if record else None
        )
        path = problem.path if origin is None else f"{where(context, origin)} ({problem.path})"
        problems.append(Problem(path, problem.key, problem.params))
    return SnapshotInvalid(problems, invalid.source)


def where(context: Context, at: Where) -> str:
    if not at.table:
        return context.t("import.where.paragraph", paragraph=context.number(at.row))
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
