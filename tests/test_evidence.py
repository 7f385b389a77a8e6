"""`ita-tui report --kind o25|o26`: the evidence the 2569 OIT items ask for, from the plan."""

from datetime import date

from markdown_it import MarkdownIt

from ita_tui.core.model import Finding
from ita_tui.db import open_database
from ita_tui.desk import Desk


def report(run, db, *args):
    return run("--db", str(db), "report", *args, "-o", "-")


def test_o25_holds_the_analysis_of_last_year_and_this_year_measures(sample_db, run):
    result = report(run, sample_db, "--kind", "o25", "--year", "2566")
    assert result.code == 0, result.err
    text = result.out
    assert "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร (ITA ปี ๒๕๖๖)" in text
    assert "## ผลการประเมิน ITA ปี ๒๕๖๕" in text
    assert "| ๙. การเปิดเผยข้อมูล | OIT | ๗๒.๔๓ | ต่ำกว่าเกณฑ์ | ๘ |" in text
    weaknesses = text.split("## ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อน")[1].split("## ")[0]
    assert "๑๐.๒ o42" in weaknesses and "ไม่มีการวิเคราะห์ผลการประเมิน ITA ปี ๒๕๖๔" in weaknesses
    keep = text.split("## ตัวชี้วัดที่ผ่านเกณฑ์")[1].split("## ")[0]
    assert keep.count("\n- ") == 8
    measures = text.split("ปีงบประมาณ ๒๕๖๖\n\n|")[1]
    assert measures.count("\n| ") == 11  # eleven measures under the heading row
    assert "งานการเจ้าหน้าที่ (หลัก)" in measures
    assert "## การเผยแพร่และแจ้งเวียนให้ทุกส่วนงานรับทราบ" in text


def test_o26_reports_last_fiscal_year_measures_with_their_evidence(sample_db, run):
    db = open_database(sample_db)
    desk = Desk(db, as_of=date(2023, 9, 20))
    desk.log_progress(7, date(2023, 9, 1), 100, "ประชาคมหมู่ ๓ แล้ว", "https://example.go.th/p")
    content = db.execute("SELECT id FROM measure_contents WHERE measure_id = 7").fetchone()[0]
    desk.tick(content, True)
    desk.set_evidence(content, "https://example.go.th/o26.pdf")
    desk.set_status(7, "done", None, date(2023, 9, 20))
    db.close()
    result = report(run, sample_db, "--kind", "o26", "--year", "2567", "--as-of", "2023-10-05")
    assert result.code == 0, result.err
    text = result.out
    assert "ปีงบประมาณ ๒๕๖๖" in text.splitlines()[0]
    assert "- เสร็จแล้ว: ๑" in text and "- ยกเลิก: ๒" in text
    section = text.split("## ๗. การประชุมจัดทำแผน การทำประชาคม")[1].split("\n## ")[0]
    assert "สถานะ: เสร็จแล้ว ๑๐๐%" in section
    assert "| ๑ ก.ย. ๒๕๖๖ | ๑๐๐% | ประชาคมหมู่ ๓ แล้ว | https://example.go.th/p |" in section
    assert "| ประเด็นหรือเรื่องในการมีส่วนร่วม | ๒๐ ก.ย. ๒๕๖๖ | https://example.go.th/o26.pdf |" in section


def test_the_documents_are_written_as_html_and_in_english(sample_db, run, tmp_path):
    out = tmp_path / "o25.html"
    result = run(
        "--db",
        str(sample_db),
        "--lang",
        "en",
        "report",
        "--kind",
        "o25",
        "--year",
        "2566",
        "-o",
        str(out),
    )
    assert result.code == 0, result.err
    assert "Document written" in result.err
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Using the ITA result to develop the organisation".lower() in page.lower()
    assert page.count("<table") == 2


def test_stored_text_stays_text_in_both_formats(sample_db, run, tmp_path):
    db = open_database(sample_db)
    Desk(db, as_of=date(2023, 4, 3)).save_finding(
        Finding(None, 2565, "weakness", "<b>ตัวหนา</b> | *ดอกจัน*", indicator=9, oit_item="o12")
    )
    db.close()
    markdown = report(run, sample_db, "--kind", "o25", "--year", "2566").out
    tokens = MarkdownIt().parse(markdown)
    rendered = MarkdownIt().render(markdown)
    assert "<b>ตัวหนา</b>" not in rendered
    assert "&lt;b&gt;ตัวหนา&lt;/b&gt; | *ดอกจัน*" in rendered
    assert not any(t.type == "em_open" for t in tokens)
    out = tmp_path / "o25.html"
    assert (
        run(
            "--db", str(sample_db), "report", "--kind", "o25", "--year", "2566", "-o", str(out)
        ).code
        == 0
    )
    assert "&lt;b&gt;ตัวหนา&lt;/b&gt;" in out.read_text("utf-8")


def test_a_year_without_its_result_or_plan_says_so(sample_db, run):
    result = run(
        "--db",
        str(sample_db),
        "--lang",
        "en",
        "--digits",
        "arabic",
        "report",
        "--kind",
        "o25",
        "--year",
        "2570",
        "-o",
        "-",
    )
    assert result.code == 0, result.err
    assert "The 2569 result has not been entered" in result.out
    assert "There are no measures of fiscal year 2570" in result.out


def test_an_unknown_kind_is_refused(sample_db, run):
    result = run("--db", str(sample_db), "--lang", "en", "report", "--kind", "o99", "-o", "-")
    assert result.code == 2
    assert "o99" in result.err


def test_each_year_names_its_own_item_by_meaning(sample_db, run):
    for kind, year, item in [
        ("o25", "2566", "ข้อ o42 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
        ("o26", "2566", "ข้อ o43 การดำเนินการตามมาตรการส่งเสริมคุณธรรม"),
        ("o25", "2569", "ข้อ O25 การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร"),
        ("o26", "2569", "ข้อ O26 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม"),
    ]:
        result = report(run, sample_db, "--kind", kind, "--year", year)
        assert result.code == 0, result.err
        assert item in result.out.split("\n## ")[0]
    # No such item was identified in the 2568 list: the document says nothing of one.
    assert "หลักฐานสำหรับข้อ" not in report(run, sample_db, "--kind", "o25", "--year", "2568").out


def test_the_o25_document_is_written_in_word_from_the_same_model(sample_db, run, tmp_path):
    from docx import Document as WordDocument

    out = tmp_path / "o25.docx"
    result = run(
        "--db", str(sample_db), "report", "--kind", "o25", "--year", "2566", "-o", str(out)
    )
    assert result.code == 0, result.err
    text = "\n".join(p.text for p in WordDocument(str(out)).paragraphs)
    assert "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร" in text
    assert "เทศบาลตำบลมวกเหล็ก" in text


def test_evidence_is_built_in_the_one_document_model(sample_db):
    """No second document model: the evidence module declares only what it is built from, and
    hands the desk the report's own Document, a measure's checklist a heading below it."""
    import dataclasses
    import inspect

    from ita_tui.core import document as model
    from ita_tui.documents import evidence

    declared = {
        name
        for name, value in vars(evidence).items()
        if inspect.isclass(value) and value.__module__ == evidence.__name__
    }
    assert declared == {"Evidence"}
    assert all(dataclasses.is_dataclass(getattr(evidence, name)) for name in declared)
    db = open_database(sample_db)
    built = Desk(db, as_of=date(2023, 10, 5)).evidence("o26", 2567)
    db.close()
    assert type(built) is model.Document
    headings = [b for b in built.parts[0].blocks if isinstance(b, model.Heading)]
    assert {heading.level for heading in headings} == {2, 3}
