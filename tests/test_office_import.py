"""`ita-tui import FILE.docx|FILE.xlsx`: the seed's plan, as the agency keeps it in Word and
Excel, comes in as the sample plan; a file it cannot read, or a plan it cannot place, ends in a
message and the database as it was."""

import json
import re
import subprocess
import sys
import tomllib

import pytest

from tests.conftest import dump
from tests.hostile import ACCEPTED, REFUSED
from tests.office_documents import (
    MEASURES,
    SCORES_2564,
    SCORES_2565,
    excel_plan,
    plan_rows,
    word_plan,
)

PLAN_FIELDS = ("title", "method", "units", "period", "follow_up", "status", "drop_reason")


def _exported(run, db) -> dict:
    result = run("--db", str(db), "export", "-", "--as-of", "2023-04-03")
    assert result.code == 0, result.err
    return tomllib.loads(result.out)


def _overdue(run, db) -> list:
    result = run("--db", str(db), "overdue", "--as-of", "2023-04-03", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


@pytest.fixture(params=["docx", "xlsx"])
def office_plan(request, tmp_path):
    path = tmp_path / f"แผน.{request.param}"
    return word_plan(path) if request.param == "docx" else excel_plan(path)


def test_the_seeds_plan_comes_in_as_the_sample_plan(run, tmp_path, sample_db, office_plan):
    db = tmp_path / "office.db"
    result = run("--db", str(db), "import", str(office_plan))
    assert result.code == 0, result.err
    assert "๑๑ มาตรการ" in result.out
    assert "หน่วยงาน “เทศบาลตำบลมวกเหล็ก” · แผนปีงบประมาณ ๒๕๖๖" in result.out
    # Measure 11's period lies in the fiscal year before the plan's, as the report wrote it.
    assert "ปีงบประมาณ ๒๕๖๕" in result.err and "นอกปีงบประมาณ ๒๕๖๖" in result.err

    imported = _exported(run, db)
    sample = _exported(run, sample_db)
    assert imported["agency"] == {"name": "เทศบาลตำบลมวกเหล็ก"}
    assert len(imported["measures"]) == 11
    for got, want in zip(imported["measures"], sample["measures"], strict=True):
        for key in (*PLAN_FIELDS, "start", "end", "fiscal_year", "overdue", "flags"):
            assert got.get(key) == want.get(key), (want["id"], key)
    # The numbered items of a method are the measure's required contents (the sample's
    # measure 10 says which of its two lists each item comes from; the report does not).
    for got, want in zip(imported["measures"], sample["measures"], strict=True):
        assert [c["text"] for c in got["contents"]] == [
            c["text"].removeprefix("การวิเคราะห์: ").removeprefix("แนวทาง: ")
            for c in want["contents"]
        ], want["id"]
    assert [m["status"] for m in imported["measures"]].count("dropped") == 2
    assert imported["measures"][10]["flags"] == ["period_outside_fiscal_year"]
    assert {u["name"] for u in imported["units"]} >= {u["name"] for u in sample["units"]} - {
        "สำนักปลัดเทศบาล"
    }

    overdue = _overdue(run, db)
    assert [(m["id"], m["title"]) for m in overdue] == [
        (m["id"], m["title"]) for m in _overdue(run, sample_db)
    ]
    assert len(overdue) == 2


def test_the_word_files_scores_findings_and_units_come_in_too(run, tmp_path, sample_db):
    db = tmp_path / "office.db"
    result = run("--db", str(db), "import", str(word_plan(tmp_path / "plan.docx")))
    assert result.code == 0, result.err
    assert "ผลการประเมินปี ๒๕๖๔, ๒๕๖๕ · ข้อค้นพบ ๖ ข้อ · หน่วยงานผู้รับผิดชอบ ๖ หน่วย" in result.out
    imported = _exported(run, db)
    sample = _exported(run, sample_db)

    assert [(a["year"], a["scores"]) for a in imported["assessments"]] == [
        (2564, SCORES_2564),
        (2565, [float(s) for s in SCORES_2565]),
    ]
    latest = imported["assessments"][1]
    assert (latest["published_overall"], latest["published_result"]) == (80.61, "B")
    # The units as the sample names them: the wrapped names joined, each section under the
    # office the cover page spells out in full (the plan writes it สำนักปลัดฯ).
    assert imported["units"] == sample["units"]
    # The findings of the analysis table: what to develop for IIT as a whole and for each EIT
    # indicator (its topic the indicator it opens with), the weaknesses under 9.2.
    keys = ("kind", "instrument", "indicator", "sub_indicator", "topic", "text")
    assert [tuple(f.get(k) for k in keys) for f in imported["findings"]] == [
        tuple(f.get(k) for k in keys) for f in sample["findings"][:6]
    ]


def test_the_columns_taken_are_said(run, tmp_path, office_plan):
    result = run("--db", str(tmp_path / "x.db"), "import", str(office_plan))
    assert result.code == 0, result.err
    said = result.out
    if office_plan.suffix == ".docx":
        # Five tables read alike, said once.
        assert said.count("ใช้คอลัมน์") == 1
        assert "ตารางที่ ๔, ๕, ๖, ๗, ๘" in said
        assert "๓ “ผู้รับผิดชอบ” เป็นผู้รับผิดชอบ" in said
    else:
        assert "A “ที่” เป็นลำดับ" in said
        assert "D “หน่วยงานที่รับผิดชอบ” เป็นผู้รับผิดชอบ" in said
        assert "E “ระยะเวลา” เป็นระยะเวลา" in said


def test_a_draft_is_a_snapshot_file_and_the_database_is_untouched(run, tmp_path, office_plan):
    db = tmp_path / "office.db"
    draft = tmp_path / "ร่าง.toml"
    result = run("--db", str(db), "import", str(office_plan), "--draft", str(draft))
    assert result.code == 0, result.err
    assert not db.exists()
    written = tomllib.loads(draft.read_text("utf-8"))
    assert (written["format"], written["version"]) == ("ita-tui-snapshot", 1)
    assert [m["title"] for m in written["measures"]] == [MEASURES[n]["title"] for n in range(1, 12)]

    # Checked and edited by a person, the draft imports like any snapshot.
    assert run("--db", str(db), "import", str(draft)).code == 0
    assert len(_overdue(run, db)) == 2


def test_a_sheets_own_dates_and_an_agency_named_in_several_words(run, tmp_path):
    import datetime

    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["องค์การบริหารส่วนตำบลบ้านใหม่ อำเภอเมือง"])
    sheet.append(["แผนปฏิบัติการ ปีงบประมาณ 2566"])
    sheet.append(["มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ"])
    sheet.append(["รายงานรอบ ๖ เดือน", "กองคลัง", datetime.datetime(2023, 3, 31)])
    path = tmp_path / "plan.xlsx"
    workbook.save(path)
    db = tmp_path / "office.db"
    assert run("--db", str(db), "import", str(path)).code == 0
    imported = _exported(run, db)
    assert imported["agency"]["name"] == "องค์การบริหารส่วนตำบลบ้านใหม่ อำเภอเมือง"
    (measure,) = imported["measures"]
    assert (str(measure["start"]), str(measure["end"])) == ("2023-03-31", "2023-03-31")


def test_word_excel_and_toml_files_import_together(run, tmp_path):
    from importlib import resources

    sample = tmp_path / "sample.toml"
    sample.write_text(
        resources.files("ita_tui").joinpath("data", "sample_plan.toml").read_text("utf-8"),
        "utf-8",
    )
    word = word_plan(tmp_path / "plan.docx")
    excel = excel_plan(tmp_path / "plan.xlsx")
    db = tmp_path / "all.db"
    result = run(
        "--db", str(db), "import", str(sample), str(word), str(excel), "--agency", "อบต.ทดสอบ"
    )
    assert result.code == 0, result.err
    assert result.out.count("๑๑ มาตรการ") == 3
    agencies = run("--db", str(db), "--agency", "อบต.ทดสอบ", "measures", "--json")
    assert len(json.loads(agencies.out)) == 11


def test_a_draft_is_of_one_office_file(run, tmp_path):
    word = word_plan(tmp_path / "plan.docx")
    draft = tmp_path / "draft.toml"
    for files in ([str(word), str(word)], [str(tmp_path / "plan.toml")]):
        result = run("--db", str(tmp_path / "x.db"), "import", *files, "--draft", str(draft))
        assert result.code == 2 and "--draft ใช้กับไฟล์ Word หรือ Excel ไฟล์เดียว" in result.err
    assert not draft.exists()


def test_agency_and_fiscal_year_given_override_the_headings(run, tmp_path):
    path = word_plan(tmp_path / "plan.docx")
    db = tmp_path / "office.db"
    result = run(
        "--db", str(db), "import", str(path), "--agency", "อบต.ทดสอบ", "--fiscal-year", "๒๕๖๗"
    )
    assert result.code == 0, result.err
    imported = _exported(run, db)
    assert imported["agency"]["name"] == "อบต.ทดสอบ"
    assert {m["fiscal_year"] for m in imported["measures"]} == {2567}


def test_without_headings_the_agency_and_year_are_asked_for(run, tmp_path):
    path = word_plan(tmp_path / "plan.docx", headings=False)
    db = tmp_path / "office.db"
    result = run("--db", str(db), "import", str(path))
    assert result.code == 2
    # The year its periods give, said; the agency, which nothing gives, asked for.
    assert "ใช้ปี ๒๕๖๖ ที่ระยะเวลาของมาตรการส่วนใหญ่อยู่" in result.out
    assert "--agency" in result.err
    result = run("--db", str(db), "import", str(path), "--fiscal-year", "2566")
    assert result.code == 2
    assert "--agency" in result.err
    assert not db.exists()
    result = run(
        "--db", str(db), "import", str(path), "--fiscal-year", "2566", "--agency", "เทศบาล ก"
    )
    assert result.code == 0, result.err


def test_an_unknown_column_layout_names_the_headers_found_and_expected(run, tmp_path, sample_db):
    pages = plan_rows()
    path = tmp_path / "plan.docx"
    import docx

    document = docx.Document()
    document.add_paragraph("เทศบาลตำบลมวกเหล็ก ปีงบประมาณ ๒๕๖๖")
    table = document.add_table(rows=3, cols=3)
    for column, text in enumerate(("เรื่อง", "รายละเอียด", "กำหนดส่ง")):
        table.cell(0, column).text = text
    table.cell(1, 0).text = pages[0][0]["title"][0]
    document.save(path)
    before = dump(sample_db)

    result = run("--db", str(sample_db), "import", str(path))
    assert result.code == 2
    assert "เรื่อง | รายละเอียด | กำหนดส่ง" in result.err
    assert "มาตรการ" in result.err and "ผู้รับผิดชอบ" in result.err and "ระยะเวลา" in result.err
    assert "Traceback" not in result.err
    assert dump(sample_db) == before

    english = run("--lang", "en", "--db", str(sample_db), "import", str(path))
    assert english.code == 2 and "Headers found: เรื่อง | รายละเอียด | กำหนดส่ง" in english.err


def test_every_cell_not_placed_is_listed(run, tmp_path):
    import docx

    path = tmp_path / "plan.docx"
    document = docx.Document()
    document.add_paragraph("เทศบาลตำบลมวกเหล็ก")
    document.add_paragraph("แผนปีงบประมาณ พ.ศ. ๒๕๖๖")
    # The end of an analysis table that ran over a page, without its header: a sentence that
    # names a year is not a column of scores for that year.
    spill = document.add_table(rows=1, cols=3)
    spill.cell(0, 1).text = "เนื่องจากไม่มีการวิเคราะห์ผลการประเมิน ITA ปี ๒๕๖๔ จึงไม่ได้คะแนน"
    table = document.add_table(rows=4, cols=4)
    for column, text in enumerate(("มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา", "หมายเหตุ")):
        table.cell(0, column).text = text
    # A row before any measure has nothing to continue.
    table.cell(1, 1).text = "กองคลัง"
    for column, text in enumerate(("จัดทำรายงาน", "กองคลัง", "ปีงบประมาณ ๒๕๖๖", "ขอเลื่อน")):
        table.cell(2, column).text = text
    document.save(path)

    result = run("--db", str(tmp_path / "x.db"), "import", str(path))
    assert result.code == 0, result.err
    assert "ไม่ได้นำเข้า · ตารางที่ ๑ แถว ๑ คอลัมน์ ๒: เนื่องจากไม่มีการวิเคราะห์" in result.err
    # A column no role is known for: its header, and each of its cells.
    assert "ไม่ได้นำเข้า · ตารางที่ ๒ แถว ๑ คอลัมน์ ๔: หมายเหตุ" in result.err
    assert "ไม่ได้นำเข้า · ตารางที่ ๒ แถว ๒ คอลัมน์ ๒: กองคลัง" in result.err
    assert "ไม่ได้นำเข้า · ตารางที่ ๒ แถว ๓ คอลัมน์ ๔: ขอเลื่อน" in result.err
    assert "ช่องที่ไม่ได้นำเข้า ๔ ช่อง" in result.err


def test_scores_that_make_no_assessment_are_listed(run, tmp_path):
    """Two indicators of a year are not its assessment, and a score that contradicts the same
    indicator's score elsewhere is not chosen between: their cells are listed."""
    pages = plan_rows()
    path = word_plan(tmp_path / "plan.docx", pages)
    import docx

    document = docx.Document(path)
    scores = document.add_table(rows=3, cols=2)
    scores.cell(0, 1).text = "พ.ศ. ๒๕๖๓"
    scores.cell(1, 0).text = "๙. การเปิดเผยข้อมูล"
    scores.cell(1, 1).text = "๖๐.๒๕"
    scores.cell(2, 0).text = "๑๐. การป้องกันการทุจริต"
    scores.cell(2, 1).text = "๔๐"
    again = document.add_table(rows=1, cols=2)
    again.cell(0, 0).text = "๙. การเปิดเผยข้อมูล"
    again.cell(0, 1).text = "ได้รับคะแนน ๗๐ คะแนน"
    document.save(path)

    db = tmp_path / "office.db"
    result = run("--db", str(db), "import", str(path))
    assert result.code == 0, result.err
    assert "ตารางที่ ๙ แถว ๒ คอลัมน์ ๒: ๖๐.๒๕" in result.err
    assert "ตารางที่ ๙ แถว ๓ คอลัมน์ ๒: ๔๐" in result.err
    assert "ตารางที่ ๑๐ แถว ๑ คอลัมน์ ๒: ได้รับคะแนน ๗๐ คะแนน" in result.err
    assert [a["year"] for a in _exported(run, db)["assessments"]] == [2564, 2565]


def test_only_a_list_counted_from_one_becomes_required_contents(run, tmp_path):
    row = plan_rows()[1][0]
    pages = [
        [
            dict(row, title=["ก"], method=["ทำตามข้อ 3) ของระเบียบ และข้อ ๑) ของประกาศ"]),
            dict(row, title=["ข"], method=["อย่างน้อยประกอบด้วย ๑) ผลงาน ๒) งบประมาณ", "๓) ปัญหา"]),
            dict(row, title=["ค"], method=["๑) สรุปผล ๓) ข้อเสนอแนะ"]),
        ]
    ]
    db = tmp_path / "office.db"
    assert run("--db", str(db), "import", str(word_plan(tmp_path / "p.docx", pages))).code == 0
    contents = {
        m["title"]: [c["text"] for c in m["contents"]] for m in _exported(run, db)["measures"]
    }
    assert contents == {
        "ก": [],
        "ข": ["ผลงาน", "งบประมาณ", "ปัญหา"],
        "ค": [],
    }


def test_a_table_without_a_header_after_the_plan_goes_on_with_it(run, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("เทศบาลตำบลทดสอบ")
    document.add_paragraph("แผนปฏิบัติการ ปีงบประมาณ 2566")
    first = document.add_table(rows=2, cols=3)
    second = document.add_table(rows=2, cols=3)
    for table, rows in (
        (first, [("มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา"), ("ก", "กองคลัง", "ต.ค. 65 - ธ.ค. 65")]),
        (second, [("ข", "กองช่าง", "ม.ค. 66 - มี.ค. 66"), ("", "งาน ICT", "")]),
    ):
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                table.cell(row, column).text = text
    path = tmp_path / "plan.docx"
    document.save(path)
    db = tmp_path / "office.db"
    result = run("--db", str(db), "import", str(path))
    assert result.code == 0, result.err
    measures = _exported(run, db)["measures"]
    assert [(m["title"], m["units"], str(m["end"])) for m in measures] == [
        ("ก", ["กองคลัง"], "2022-12-31"),
        # A space beside a Latin letter is a space; between Thai letters, a wrapped line.
        ("ข", ["กองช่าง", "งาน ICT"], "2023-03-31"),
    ]


def test_a_problem_is_named_by_its_table_row_and_column(run, tmp_path, sample_db):
    pages = plan_rows()
    pages[1][1]["period"] = ["เมื่อมีงบประมาณ"]
    path = word_plan(tmp_path / "plan.docx", pages)
    before = dump(sample_db)
    result = run("--db", str(sample_db), "import", str(path))
    assert result.code == 2
    # The period's own cell, not the measure's title.
    assert re.search(r"ตารางที่ ๕ แถว ๓ คอลัมน์ ๔ \(measures\[5\]\.period\)", result.err)
    assert "เมื่อมีงบประมาณ" in result.err
    # A stopped import says how to get the draft instead.
    assert f"ita-tui import {path} --draft" in result.err
    assert dump(sample_db) == before


def _not_word(path):
    path.write_text("นี่ไม่ใช่ไฟล์ Word", "utf-8")


def _encrypted(path):
    # What Office writes for a password-protected file: an OLE compound file holding the
    # encrypted package, not a zip.
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"EncryptedPackage")


def _zip_not_word(path):
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "ไม่ใช่เอกสาร")


def _empty_table(path):
    word_plan(path, [[]])


def _table_without_rows(path):
    import docx

    document = docx.Document()
    document.add_paragraph("เทศบาลตำบลมวกเหล็ก ปีงบประมาณ ๒๕๖๖")
    document.add_table(rows=0, cols=5)
    document.save(path)


def _empty_sheet(path):
    import openpyxl

    openpyxl.Workbook().save(path)


def _sheet_with_only_a_header(path):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["เทศบาลตำบลมวกเหล็ก ปีงบประมาณ ๒๕๖๖"])
    workbook.active.append(["มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา"])
    workbook.save(path)


BAD_FILES = {
    "not a Word file.docx": (_not_word, "ไม่ใช่ไฟล์ Word (.docx) หรือ Excel (.xlsx)"),
    "not an Excel file.xlsx": (_not_word, "ไม่ใช่ไฟล์ Word (.docx) หรือ Excel (.xlsx)"),
    "a zip of something else.docx": (_zip_not_word, "ไม่ใช่ไฟล์ Word (.docx)"),
    "password-protected.docx": (_encrypted, "ถูกตั้งรหัสผ่าน"),
    "password-protected.xlsx": (_encrypted, "ถูกตั้งรหัสผ่าน"),
    "an old Excel file.xls": (_encrypted, "อ่านไฟล์ .xls ไม่ได้"),
    "a plan table with only its header.docx": (_empty_table, "ไม่มีมาตรการ"),
    "a table without rows.docx": (_table_without_rows, "หัวตารางที่พบ: -"),
    "an empty sheet.xlsx": (_empty_sheet, "หัวตารางที่พบ: -"),
    "a sheet with only a header.xlsx": (_sheet_with_only_a_header, "ไม่มีมาตรการ"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_ends_in_a_message_and_the_database_unchanged(run, tmp_path, sample_db, name):
    make, said = BAD_FILES[name]
    path = tmp_path / name
    make(path)
    before = dump(sample_db)
    result = run("--db", str(sample_db), "import", str(path))
    assert result.code == 2, result.err
    assert said in result.err
    assert "Traceback" not in result.err
    assert dump(sample_db) == before
    draft = tmp_path / "draft.toml"
    drafted = run("--db", str(sample_db), "import", str(path), "--draft", str(draft))
    if name in _READ_BUT_NO_PLAN:
        # A file that opens always gives a draft, which says at its top what it lacks.
        assert drafted.code == 0, drafted.err
        assert draft.read_text("utf-8").startswith("# TODO: ")
    else:
        assert drafted.code == 2
        assert not draft.exists()


_READ_BUT_NO_PLAN = {
    "a plan table with only its header.docx",
    "a table without rows.docx",
    "an empty sheet.xlsx",
    "a sheet with only a header.xlsx",
}


def test_a_file_that_unpacks_to_too_much_is_not_read(run, tmp_path, sample_db, monkeypatch):
    from ita_tui.documents import office_files

    monkeypatch.setattr(office_files, "MAX_UNPACKED_TEXT", 1024 * 1024)
    path = word_plan(tmp_path / "plan.docx")
    assert (
        run(
            "--db", str(tmp_path / "x.db"), "import", str(path), "--draft", str(tmp_path / "d.toml")
        ).code
        == 0
    )
    import zipfile

    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("customXml/padding.xml", "<a/>" + " " * 2 * 1024 * 1024)
    before = dump(sample_db)
    result = run("--db", str(sample_db), "import", str(path))
    assert result.code == 2 and "เกิน 1 MB" in result.err
    assert dump(sample_db) == before


@pytest.mark.slow
def test_a_ten_thousand_row_sheet_gives_a_result(run, tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["เทศบาลตำบลทดสอบ"])
    sheet.append(["แผนปฏิบัติการ ปีงบประมาณ ๒๕๖๖"])
    sheet.append(["มาตรการ", "วิธีการ", "ผู้รับผิดชอบ", "ระยะเวลา"])
    for n in range(1, 10_001):
        sheet.append([f"มาตรการที่ {n}", "จัดทำรายงาน", f"กองที่ {n % 20}", "ต.ค. ๖๕ – มี.ค. ๖๖"])
    path = tmp_path / "big.xlsx"
    workbook.save(path)
    db = tmp_path / "big.db"
    result = run("--db", str(db), "import", str(path))
    assert result.code == 0, result.err
    assert "๑๐๐๐๐ มาตรการ" in result.out
    # The wrapped unit names (กองที่ 7) are one unit each.
    assert len(_exported(run, db)["units"]) == 20


def _plan_with_titles(path, titles):
    pages = [[dict(plan_rows()[1][0], title=[title]) for title in titles]]
    return word_plan(path, pages)


# What XML 1.0, and so a Word file, can hold at all: no C0 control but tab and line breaks.
_XML_CANNOT_HOLD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def test_hostile_cells_are_kept_as_plain_text(run, tmp_path):
    cases = [c for c in ACCEPTED if c.one_line and not _XML_CANNOT_HOLD.search(c.text)]
    assert len(cases) > 10
    db = tmp_path / "office.db"
    result = run(
        "--db",
        str(db),
        "import",
        str(_plan_with_titles(tmp_path / "p.docx", [c.text for c in cases])),
    )
    assert result.code == 0, result.err
    titles = [m["title"] for m in _exported(run, db)["measures"]]
    assert titles == [case.expected.strip() for case in cases]


def test_hostile_cells_are_refused_as_a_toml_import_refuses_them(run, tmp_path, sample_db):
    cases = [c for c in REFUSED if not _XML_CANNOT_HOLD.search(c.text)]
    assert len(cases) >= 3
    path = _plan_with_titles(tmp_path / "p.docx", [c.text for c in cases])
    before = dump(sample_db)
    result = run("--db", str(sample_db), "import", str(path))
    assert result.code == 2
    for row in range(2, 2 + len(cases)):
        assert (
            f"ตารางที่ ๔ แถว {row}".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) in result.err
        )
    # Shown, never acted on.
    assert "\x1b" not in result.err and "\u202e" not in result.err
    assert dump(sample_db) == before


PROBE = """
import json, sys
from ita_tui.cli import main
try:
    main({args!r})
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'openpyxl'))))
"""


def test_the_readers_load_only_for_an_import_of_their_files(sample_db, tmp_path):
    def loaded(*args: str) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", PROBE.format(args=["--db", str(sample_db), *args])],
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(done.stdout.strip().splitlines()[-1])

    assert loaded("overdue", "--as-of", "2023-04-03") == []
    assert loaded("export", "-") == []
    path = word_plan(tmp_path / "plan.docx")
    assert "docx" in loaded("import", str(path), "--draft", str(tmp_path / "d.toml"))
