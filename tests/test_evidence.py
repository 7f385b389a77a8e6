"""`ita-tui report --kind o25|o26`: the evidence on the integrity measures that each
assessment year's OIT list asks for (o42/o43 up to 2566, O25/O26 in 2569), from the plan."""

import sqlite3
from datetime import date

from markdown_it import MarkdownIt

from ita_tui.core.model import Finding, Measure
from ita_tui.db import open_database
from ita_tui.desk import Desk
from tests.conftest import dump


def report(run, db, *args):
    return run("--db", str(db), "report", *args, "-o", "-")


def test_o25_holds_the_analysis_of_last_year_and_this_year_measures(sample_db, run):
    result = report(run, sample_db, "--kind", "o25", "--year", "2566")
    assert result.code == 0, result.err
    text = result.out
    # ITA 2566 asks for it as o42, under that item's name.
    assert text.startswith(
        "# เทศบาลตำบลมวกเหล็ก: มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (ITA ปี ๒๕๖๖)"
    )
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


def test_o26_of_2567_reports_last_fiscal_year_measures_with_their_evidence(sample_db, run):
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
    assert "measures to promote integrity and transparency within the agency" in page
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


def test_a_year_whose_plan_is_not_held_is_refused_with_the_years_that_are(sample_db, run):
    before = dump(sample_db)
    for kind, year, plan_year, held in [
        ("o25", "2570", "2570", "2566"),
        ("o26", "2569", "2568", "2566, 2567"),
    ]:
        result = run(
            "--db",
            str(sample_db),
            *("--lang", "en", "--digits", "arabic", "report", "--kind", kind),
            *("--year", year, "-o", "-"),
        )
        assert result.code == 2, result.err
        assert result.out == ""
        assert f"reports the measures of fiscal year {plan_year}" in result.err
        assert f"Assessment years with data: {held} (give one with --year)" in result.err
    assert dump(sample_db) == before


def test_without_a_year_the_documents_serve_the_assessment_of_the_plan_held(sample_db, run):
    """The sample's plan is of fiscal year 2566: both documents are ITA 2566's (o42, o43)."""
    o25 = report(run, sample_db, "--kind", "o25")
    assert o25.code == 0, o25.err
    assert "(ITA ปี ๒๕๖๖)" in o25.out.splitlines()[0]
    assert "แนวทาง/มาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ ๒๕๖๖" in o25.out
    o26 = report(run, sample_db, "--kind", "o26")
    assert o26.code == 0, o26.err
    assert o26.out.splitlines()[0].endswith(
        "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ปีงบประมาณ ๒๕๖๖"
    )


def test_o26_of_2566_reports_the_assessment_own_fiscal_year(sample_db, run):
    """2566 o43 asks for the progress of the measures "in the year 2566" (the seed's measure 11);
    the 2569 O26 reports the year before."""
    text = report(run, sample_db, "--kind", "o26", "--year", "2566").out
    assert "มาตรการของปีงบประมาณ ๒๕๖๖ ทั้งหมด ๑๑ มาตรการ" in text
    assert "## ๑๑. แผนปฏิบัติการป้องกันการทุจริต" in text


def sections_of(markdown: str) -> list[str]:
    return [line[3:] for line in markdown.splitlines() if line.startswith("## ")]


def test_every_section_a_year_requires_is_there_even_when_nothing_is_recorded(sample_db, run):
    with sqlite3.connect(sample_db) as connection:
        for table in ("recommendations", "measure_findings", "findings"):
            connection.execute(f"DELETE FROM {table}")
    o25 = report(run, sample_db, "--kind", "o25", "--year", "2566").out
    assert sections_of(o25) == [
        "ผลการประเมิน ITA ปี ๒๕๖๕",
        "ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่จะต้องแก้ไขโดยเร่งด่วน",
        "ประเด็นที่จะต้องพัฒนาให้ดีขึ้น",
        "แนวทาง/มาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ ๒๕๖๖",
        "การเผยแพร่และแจ้งเวียนให้ทุกส่วนงานรับทราบ",
        "ตัวชี้วัดที่ผ่านเกณฑ์ (๘๕ คะแนนขึ้นไป) ซึ่งต้องรักษาระดับหรือยกระดับให้ดียิ่งขึ้น",
    ]
    circulated = o25.split("## การเผยแพร่และแจ้งเวียน")[1].split("\n## ")[0]
    assert "ยังไม่ได้ดำเนินการ" in circulated
    weaknesses = o25.split("## ประเด็นที่เป็นข้อบกพร่อง")[1].split("\n## ")[0]
    assert "ยังไม่มีข้อมูล" in weaknesses
    o26 = report(run, sample_db, "--kind", "o26", "--year", "2566").out
    required = ["สรุปผลการดำเนินการ", "งบประมาณที่ใช้", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"]
    assert [s for s in sections_of(o26) if s in required] == required
    for heading in required[1:]:
        assert o26.split(f"## {heading}")[1].split("\n## ")[0].strip() == "ยังไม่มีข้อมูล"
    # Each measure says where its progress stands, even with none logged.
    assert o26.count("### ความก้าวหน้า\n\nยังไม่มีข้อมูล") == 11


def test_the_titles_are_the_items_of_the_year(sample_db, run):
    db = open_database(sample_db)
    desk = Desk(db, as_of=date(2026, 3, 1))
    for fiscal_year in (2568, 2569):
        desk.save_measure(Measure(None, fiscal_year, f"มาตรการปี {fiscal_year}", ("กองคลัง",)))
    db.close()
    o25 = report(run, sample_db, "--kind", "o25", "--year", "2569").out.splitlines()[0]
    assert o25.endswith("การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร (ITA ปี ๒๕๖๙)")
    o26 = report(run, sample_db, "--kind", "o26", "--year", "2569").out
    assert o26.splitlines()[0].endswith(
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ปีงบประมาณ ๒๕๖๘"
    )
    assert "## ๑. มาตรการปี 2568" in o26 and "มาตรการปี 2569" not in o26


def test_what_is_inferred_of_a_year_is_said_to_the_writer_not_in_the_document(sample_db, run):
    read = report(run, sample_db, "--kind", "o25", "--year", "2566")
    assert read.code == 0 and "อนุมาน" not in read.err and "อนุมาน" not in read.out
    inferred = report(run, sample_db, "--kind", "o26", "--year", "2567")
    assert inferred.code == 0, inferred.err
    assert "ข้อกำหนดของ ITA ปี ๒๕๖๗ ที่อนุมานเอง" in inferred.err
    assert "ปีงบประมาณที่รายงาน" in inferred.err and "อนุมาน" not in inferred.out


def test_an_unknown_kind_is_refused(sample_db, run):
    result = run("--db", str(sample_db), "--lang", "en", "report", "--kind", "o99", "-o", "-")
    assert result.code == 2
    assert "o99" in result.err


def test_each_year_names_its_own_item_by_meaning(sample_db, run):
    db = open_database(sample_db)
    desk = Desk(db, as_of=date(2026, 3, 1))
    for fiscal_year in (2568, 2569):
        desk.save_measure(Measure(None, fiscal_year, f"มาตรการปี {fiscal_year}", ("กองคลัง",)))
    db.close()
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
    assert "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (ITA ปี ๒๕๖๖)" in text
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
    # What a year's item asks (Asks) is a rule, not a document.
    assert declared == {"Evidence", "Asks"}
    assert all(dataclasses.is_dataclass(getattr(evidence, name)) for name in declared)
    db = open_database(sample_db)
    built = Desk(db, as_of=date(2023, 10, 5)).evidence("o26", 2567)
    db.close()
    assert type(built) is model.Document
    headings = [b for b in built.parts[0].blocks if isinstance(b, model.Heading)]
    assert {heading.level for heading in headings} == {2, 3}
