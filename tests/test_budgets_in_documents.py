"""Budgets, problems and suggestions in the documents an agency publishes on its plan: the
six-month and annual reports give each measure's budget planned and spent with the totals, and
the O26 document (o43 in 2566) its budget table and the problems and suggestions logged on the
measures' progress, each as plain text."""

from dataclasses import fields, replace
from datetime import date
from decimal import Decimal

from markdown_it import MarkdownIt

from ita_tui.core.model import Measure
from ita_tui.db import open_database
from ita_tui.desk import Desk


def edited(measure, **changes) -> Measure:
    """A measure as a form hands it to the desk: its plan's fields, some changed."""
    kept = {f.name: getattr(measure, f.name) for f in fields(Measure)}
    return replace(Measure(**kept), **changes)


def budgeted(sample_db, problems="ฝนตกหนัก เลื่อนการประชุม", suggestions="จัดประชุมออนไลน์"):
    db = open_database(sample_db)
    desk = Desk(db, as_of=date(2023, 3, 20))
    desk.save_measure(
        edited(desk.measure(7), budget=Decimal(50000), budget_used=Decimal("12500.5"))
    )
    desk.save_measure(edited(desk.measure(8), budget=Decimal(0)))
    desk.log_progress(
        7, date(2023, 3, 15), 40, "ประชาคมหมู่ ๑ แล้ว", problems=problems, suggestions=suggestions
    )
    db.close()


def report(run, db, *args):
    result = run("--db", str(db), "report", *args, "-o", "-")
    assert result.code == 0, result.err
    return result.out


def test_the_six_month_and_annual_reports_give_each_budget_and_the_totals(sample_db, run):
    budgeted(sample_db)
    for kind in ("six-month", "annual"):
        text = report(run, sample_db, "--kind", kind, "--year", "2566", "--as-of", "2023-03-31")
        header = next(line for line in text.splitlines() if line.startswith("| ที่ |"))
        assert "| ความก้าวหน้า | งบประมาณ | ผลการดำเนินการ |" in header
        row_7 = next(line for line in text.splitlines() if line.startswith("| ๗ |"))
        assert "ตั้งไว้ ๕๐,๐๐๐ บาท<br>ใช้ไป ๑๒,๕๐๐.๕๐ บาท" in row_7
        row_8 = next(line for line in text.splitlines() if line.startswith("| ๘ |"))
        assert "| ไม่ใช้งบประมาณ |" in row_8
        row_1 = next(line for line in text.splitlines() if line.startswith("| ๑ |"))
        assert "| - |" in row_1  # the plan says nothing of its budget
        assert "งบประมาณรวม ตั้งไว้ ๕๐,๐๐๐ บาท ใช้ไป ๑๒,๕๐๐.๕๐ บาท (จาก ๒ มาตรการที่ระบุงบประมาณ)" in text


def test_without_any_budget_the_report_says_so_and_has_no_column_of_dashes(sample_db, run):
    text = report(run, sample_db, "--kind", "six-month", "--year", "2566")
    assert "งบประมาณ: ไม่มีมาตรการใดระบุงบประมาณ" in text
    header = next(line for line in text.splitlines() if line.startswith("| ที่ |"))
    assert "งบประมาณ" not in header


def test_o26_gives_the_budget_table_and_the_problems_and_suggestions(sample_db, run):
    budgeted(sample_db)
    text = report(run, sample_db, "--kind", "o26", "--year", "2566")
    budget = text.split("## งบประมาณที่ใช้")[1].split("\n## ")[0]
    assert "| มาตรการ/แนวทาง | งบประมาณที่ตั้งไว้ (บาท) | งบประมาณที่ใช้ (บาท) |" in budget
    assert (
        "| ๗. การประชุมจัดทำแผน การทำประชาคม — การเปิดโอกาสให้เกิดการมีส่วนร่วม | ๕๐,๐๐๐ | ๑๒,๕๐๐.๕๐ |"
        in budget
    )
    assert (
        "| ๘. แผนปฏิบัติการป้องกันการทุจริต — การสร้างวัฒนธรรม No Gift Policy | ไม่ใช้งบประมาณ | - |" in budget
    )
    assert "| รวม | ๕๐,๐๐๐ | ๑๒,๕๐๐.๕๐ |" in budget
    problems = text.split("## ปัญหา/อุปสรรค")[1].split("\n## ")[0]
    assert (
        "- ๗. การประชุมจัดทำแผน การทำประชาคม — การเปิดโอกาสให้เกิดการมีส่วนร่วม (๑๕ มี.ค. ๒๕๖๖): ฝนตกหนัก เลื่อนการประชุม"
        in problems
    )
    suggestions = text.split("## ข้อเสนอแนะ")[1].split("\n## ")[0]
    assert "(๑๕ มี.ค. ๒๕๖๖): จัดประชุมออนไลน์" in suggestions


def test_a_corrected_entry_s_problems_are_left_out(sample_db, run):
    budgeted(sample_db)
    db = open_database(sample_db)
    desk = Desk(db, as_of=date(2023, 3, 20))
    wrong = desk.measure(7).progress[0].id
    desk.log_progress(7, date(2023, 3, 15), 40, "แก้ไข", corrects=wrong, problems="ไม่มีปัญหา")
    db.close()
    problems = (
        report(run, sample_db, "--kind", "o26", "--year", "2566")
        .split("## ปัญหา/อุปสรรค")[1]
        .split("\n## ")[0]
    )
    assert "ไม่มีปัญหา" in problems and "ฝนตกหนัก" not in problems


def test_problems_and_suggestions_stay_text(sample_db, run, tmp_path):
    budgeted(sample_db, problems="<b>ตัวหนา</b> | *ดอกจัน*", suggestions="[ลิงก์](http://x.example)")
    markdown = report(run, sample_db, "--kind", "o26", "--year", "2566")
    rendered = MarkdownIt().render(markdown)
    assert "<b>ตัวหนา</b>" not in rendered and "&lt;b&gt;ตัวหนา&lt;/b&gt;" in rendered
    assert '<a href="http://x.example"' not in rendered
    out = tmp_path / "o26.html"
    result = run(
        "--db", str(sample_db), "report", "--kind", "o26", "--year", "2566", "-o", str(out)
    )
    assert result.code == 0, result.err
    page = out.read_text("utf-8")
    assert "&lt;b&gt;ตัวหนา&lt;/b&gt;" in page and "<b>ตัวหนา" not in page


def test_the_hostile_corpus_as_problems_stays_text_in_every_format(sample_db):
    import io
    from html.parser import HTMLParser

    import docx

    from ita_tui.core.document import Bullets
    from ita_tui.core.text import visible
    from ita_tui.documents.render import as_bytes, as_text
    from tests.hostile import ACCEPTED

    db = open_database(sample_db)
    desk = Desk(db, as_of=date(2023, 3, 20))
    for case in ACCEPTED:
        desk.log_progress(7, date(2023, 3, 15), 40, "บันทึก", problems=case.text)
    stored = [e.problems for e in desk.measure(7).progress if e.problems]
    assert len(stored) == len(ACCEPTED)
    document = desk.document("o26", date(2023, 3, 20), None, 2566)
    db.close()
    [problems] = [
        block
        for part in document.parts
        for index, block in enumerate(part.blocks)
        if isinstance(block, Bullets) and "ปัญหา/อุปสรรค" in part.blocks[index - 1].text
    ]
    for text in stored:
        assert any(line.endswith(f"): {text}") for line in problems.items), text
    page = as_text(document, "html")

    class Text(HTMLParser):
        said = ""

        def handle_data(self, data: str) -> None:
            self.said += data

    reader = Text(convert_charrefs=True)
    reader.feed(page)
    word_text = "\n".join(
        p.text for p in docx.Document(io.BytesIO(as_bytes(document, "docx"))).paragraphs
    )
    for text in stored:
        shown = visible(text)
        assert shown in reader.said, text
        assert shown.replace("\r\n", "\n").replace("\r", "\n") in word_text, text
    assert "<script>" not in page
