"""Plans and cells in the shapes Thai agencies publish (tests/corpus): what a careful officer
reads from each is what the import gives, after one draft imported as written."""

import re
import tomllib
import unicodedata

import pytest

from tests.corpus.cells import PERIODS, UNITS
from tests.corpus.judge import imported_measures, right
from tests.corpus.plans import PLANS
from tests.refusals import expect_refusal


@pytest.mark.parametrize("plan", PLANS, ids=[plan.name for plan in PLANS])
def test_each_corpus_plan_comes_in_right_from_its_draft(run, tmp_path, plan):
    measures = imported_measures(run, tmp_path, plan)
    verdicts = right(plan, measures)
    assert all(verdicts), [
        (expected.title, verdict) for expected, verdict in zip(plan.expected, verdicts, strict=True)
    ] + [measures]


def _one_column_plan(path, header: str, cells: list[str], excel: bool):
    """A plan whose measures are numbered and differ only in the column `header`."""
    rows = [
        [
            f"มาตรการ {n}",
            cell if header == "ผู้รับผิดชอบ" else "กองคลัง",
            cell if header != "ผู้รับผิดชอบ" else "-",
        ]
        for n, cell in enumerate(cells, start=1)
    ]
    head = ["มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา"]
    if excel:
        import openpyxl

        workbook = openpyxl.Workbook()
        workbook.active.append(["เทศบาลตำบลทดสอบ"])
        for row in [head, *rows]:
            workbook.active.append(row)
        workbook.save(path)
        return path
    import docx

    document = docx.Document()
    document.add_paragraph("เทศบาลตำบลทดสอบ")
    table = document.add_table(rows=1 + len(rows), cols=3)
    for number, row in enumerate([head, *rows]):
        for column, text in enumerate(row):
            lines = text.split("\n")
            cell = table.cell(number, column)
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    document.save(path)
    return path


def _imported(run, tmp_path, source, *options) -> list[dict]:
    draft = tmp_path / "draft.toml"
    result = run(
        "--db", str(tmp_path / "x.db"), "import", str(source), "--draft", str(draft), *options
    )
    assert result.code == 0, result.err
    db = tmp_path / "plan.db"
    result = run("--db", str(db), "import", str(draft))
    assert result.code == 0, result.err
    return tomllib.loads(run("--db", str(db), "export", "-").out)["measures"]


@pytest.mark.parametrize("excel", [False, True], ids=["docx", "xlsx"])
def test_every_corpus_unit_cell_gives_its_units(run, tmp_path, excel):
    source = _one_column_plan(
        tmp_path / ("u.xlsx" if excel else "u.docx"), "ผู้รับผิดชอบ", [c for c, *_ in UNITS], excel
    )
    measures = _imported(run, tmp_path, source, "--fiscal-year", "2568")
    got = {m["title"]: sorted(re.sub(r"\s", "", u) for u in m["units"]) for m in measures}
    wrong = [
        (cell, expected, got.get(f"มาตรการ {n}"))
        for n, (cell, expected, *_) in enumerate(UNITS, start=1)
        if got.get(f"มาตรการ {n}") != sorted(re.sub(r"\s", "", u) for u in expected)
    ]
    assert not wrong
    for units in got.values():
        for unit in units:
            # No name begins or ends with punctuation (an abbreviation's dot aside).
            assert not unicodedata.category(unit[0]).startswith("P"), unit
            assert unit[-1] == "." or not unicodedata.category(unit[-1]).startswith("P"), unit


@pytest.mark.parametrize("excel", [False, True], ids=["docx", "xlsx"])
def test_and_between_two_units_splits_them_in_word_and_excel(run, tmp_path, excel):
    source = _one_column_plan(
        tmp_path / ("a.xlsx" if excel else "a.docx"),
        "ผู้รับผิดชอบ",
        ["สำนักปลัดและกองคลัง", "กองแผนงานและวิชาการ"],
        excel,
    )
    measures = _imported(run, tmp_path, source, "--fiscal-year", "2568")
    assert [m["units"] for m in measures] == [["สำนักปลัด", "กองคลัง"], ["กองแผนงานและวิชาการ"]]


def test_corpus_period_cells_in_a_plan_of_their_year(run, tmp_path):
    """Each readable cell of fiscal year 2568 through the import; the cells of other years are
    read by parse_period itself below."""
    cells = [(c, s, e) for c, year, s, e, *_ in PERIODS if year == 2568 and s is not None]
    assert len(cells) >= 30
    source = _one_column_plan(tmp_path / "p.docx", "ระยะเวลา", [c for c, _, _ in cells], False)
    measures = _imported(run, tmp_path, source, "--fiscal-year", "2568")
    got = {m["title"]: (str(m.get("start")), str(m.get("end"))) for m in measures}
    wrong = [
        (cell, got.get(f"มาตรการ {n}"))
        for n, (cell, start, end) in enumerate(cells, start=1)
        if got.get(f"มาตรการ {n}") != (str(start), str(end))
    ]
    assert not wrong


@pytest.mark.parametrize(("text", "year", "start", "end"), [p[:4] for p in PERIODS])
def test_every_corpus_period_cell_is_read_or_refused(text, year, start, end):
    from ita_tui.core.plan_periods import parse_period

    if start is None:
        with expect_refusal("period.invalid"):
            parse_period(text, year)
        return
    period = parse_period(text, year)
    assert (period.start, period.end) == (start, end)


def test_the_budget_column_gives_each_measure_its_budget(run, tmp_path):
    from tests.corpus.plans import PLANS

    (krom,) = [plan for plan in PLANS if plan.name == "krom"]
    measures = imported_measures(run, tmp_path, krom)
    # 50,000 · ไม่ใช้งบประมาณ (0) · - (not stated) · 120,000 บาท
    assert [m.get("budget") for m in measures] == [50000, 0, None, 120000]
