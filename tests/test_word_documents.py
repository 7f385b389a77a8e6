"""The documents an agency publishes, in Word (and PDF): opened again with python-docx, they hold
the Thai text with TH Sarabun New as the complex-script font at 16 pt, A4 pages, header rows
that repeat on every page, the digits the settings ask for, and the agency's own template.
Every renderer of the document model says the same cells, and none lets stored text act."""

import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import dump

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm  # noqa: E402

THAI_DIGIT = re.compile("[๐-๙]")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def word(path: Path):
    return docx.Document(str(path))


def all_text(document) -> str:
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def write(run, database: Path, target: Path, *arguments: str):
    result = run("--db", str(database), "report", *arguments, "-o", str(target))
    assert result.code == 0, result.err
    return word(target)


def test_the_monthly_pack_in_word(run, sample_db, tmp_path):
    document = write(run, sample_db, tmp_path / "pack.docx", "--as-of", "2023-04-03")
    text = all_text(document)
    assert "เทศบาลตำบลมวกเหล็ก" in document.paragraphs[0].text
    assert "๓ เม.ย. ๒๕๖๖" in text  # the as-of date, the Thai way
    assert "งานนิติการ" in text and "๑๘๕ วัน" in text
    normal = document.styles["Normal"].element.rPr
    assert normal.find(qn("w:rFonts")).get(qn("w:cs")) == "TH Sarabun New"
    assert normal.find(qn("w:szCs")).get(qn("w:val")) == "32"  # 16 pt, in half points
    for section in document.sections:
        assert abs(section.page_width - Mm(210)) < Mm(1)
        assert abs(section.page_height - Mm(297)) < Mm(1)
    assert len(document.tables) >= 5
    for table in document.tables:
        header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
        assert header is not None and header.get(qn("w:val")) == "true"
        for row in table.rows[1:]:
            properties = row._tr.trPr
            assert properties is None or properties.find(qn("w:tblHeader")) is None


def test_arabic_digits_when_the_settings_say_so(run, sample_db, tmp_path):
    (tmp_path / "settings.toml").write_text('digits = "arabic"\n', "utf-8")
    document = write(run, sample_db, tmp_path / "pack.docx", "--as-of", "2023-04-03")
    text = all_text(document)
    assert "185 วัน" in text and "3 เม.ย. 2566" in text
    # What the tool says is in Arabic digits; stored titles keep the digits they were typed in.
    assert not THAI_DIGIT.search("\n".join(p.text for p in document.paragraphs))
    for table in document.tables:
        headers = [c.text for c in table.rows[0].cells]
        for row in table.rows[1:]:
            for header, cell in zip(headers, row.cells, strict=True):
                if header not in ("มาตรการ", "มติ"):
                    assert not THAI_DIGIT.search(cell.text), (header, cell.text)


def test_the_analysis_document_has_the_seeds_shape(run, sample_db, tmp_path):
    document = write(run, sample_db, tmp_path / "analysis.docx", "--kind", "analysis")
    title = document.paragraphs[0].text
    assert "รายงานการวิเคราะห์ผลการประเมิน" in title and "๒๕๖๕" in title
    scores, ranking, analysis, plan = document.tables
    assert [c.text for c in scores.rows[0].cells] == ["ตัวชี้วัด", "พ.ศ. ๒๕๖๔", "พ.ศ. ๒๕๖๕"]
    assert [c.text for c in scores.rows[10].cells] == ["๑๐. การป้องกันการทุจริต", "๓๗.๕๐", "๓๗.๕๐"]
    assert "๘๐.๖๑" in all_text(document)
    assert [c.text for c in ranking.rows[1].cells] == ["๑", "การปฏิบัติหน้าที่", "๑๐๐.๐๐"]
    oit = [c.text for c in analysis.rows[3].cells]
    assert oit[0].startswith("แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)\n๙. การเปิดเผยข้อมูล ๗๒.๔๓ คะแนน")
    assert "๙.๒ แผนการดำเนินงาน\n- ไม่มีรายงานการกำกับติดตามการดำเนินงานประจำปี ๒๕๖๕ รอบ ๖ เดือน" in oit[1]
    assert "ด้านคุณภาพการดำเนินงาน" in analysis.rows[2].cells[2].text
    assert [c.text for c in plan.rows[0].cells] == [
        "มาตรการ/แนวทาง",
        "วิธีการดำเนินการ",
        "ผู้รับผิดชอบ",
        "ระยะเวลาดำเนินการ",
        "การติดตามผล",
    ]
    assert len(plan.rows) == 1 + 11
    assert plan.rows[7].cells[2].text == "กองยุทธศาสตร์และงบประมาณ\nกองสวัสดิการสังคม"


def test_the_six_month_report_shows_each_measure_as_it_stood_at_the_rounds_end(
    run, sample_db, tmp_path
):
    db = str(sample_db)
    assert (
        run(
            "--db",
            db,
            "log",
            "2",
            "--percent",
            "40",
            "--date",
            "2023-03-15",
            "--note",
            "ส่งร่างรายงานแล้ว",
        ).code
        == 0
    )
    assert (
        run(
            "--db",
            db,
            "log",
            "2",
            "--percent",
            "100",
            "--date",
            "2023-04-10",
            "--note",
            "เผยแพร่แล้ว",
        ).code
        == 0
    )
    document = write(run, sample_db, tmp_path / "six.docx", "--kind", "six-month")
    assert "รอบ ๖ เดือน ปีงบประมาณ พ.ศ. ๒๕๖๖" in document.paragraphs[0].text
    assert "ข้อมูล ณ วันที่ ๓๑ มี.ค. ๒๕๖๖" in document.paragraphs[1].text
    [table] = document.tables
    number, title, *_ = table.columns
    assert number.width * 3 < title.width  # the title gets the room, not the number
    second = [c.text for c in table.rows[2].cells]
    assert second[0] == "๒" and second[4] == "ร้อยละ ๔๐\nกำลังดำเนินการ"
    assert second[5] == "๑๕ มี.ค. ๒๕๖๖: ส่งร่างรายงานแล้ว"
    assert [c.text for c in table.rows[3].cells][5] == "ยกเลิก: ในปี ๒๕๖๖ ไม่มีหัวข้อนี้แล้ว"
    annual = write(
        run, sample_db, tmp_path / "annual.docx", "--kind", "annual", "--as-of", "2023-09-30"
    )
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖" in annual.paragraphs[0].text
    assert "เผยแพร่แล้ว" in annual.tables[0].rows[2].cells[5].text
    assert annual.tables[0].rows[2].cells[4].text.startswith("ร้อยละ ๑๐๐")


def make_template(path: Path, letterhead: str, header: str) -> Path:
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = header
    template.add_paragraph(letterhead)
    template.save(str(path))
    return path


def test_the_agencys_template_gives_its_letterhead(run, sample_db, tmp_path):
    template = make_template(
        tmp_path / "ours.docx", "บันทึกข้อความ เทศบาลตำบลมวกเหล็ก", "ส่วนราชการ งานนิติการ"
    )
    document = write(
        run, sample_db, tmp_path / "pack.docx", "--as-of", "2023-04-03", "--template", str(template)
    )
    assert document.paragraphs[0].text == "บันทึกข้อความ เทศบาลตำบลมวกเหล็ก"
    assert (
        "เอกสารประกอบการประชุม" in document.paragraphs[1].text
        or "เทศบาล" in document.paragraphs[1].text
    )
    assert document.sections[0].header.paragraphs[0].text == "ส่วนราชการ งานนิติการ"
    # python-docx's own template names no Thai font: Thai still gets TH Sarabun New 16 pt.
    normal = document.styles["Normal"].element.rPr
    assert normal.find(qn("w:rFonts")).get(qn("w:cs")) == "TH Sarabun New"
    assert abs(document.sections[0].page_width - Mm(210)) < Mm(1)


def test_a_template_beside_the_settings_is_used_without_naming_it(run, sample_db, tmp_path):
    make_template(tmp_path / "word_template.docx", "ตราครุฑ", "หัวกระดาษของหน่วยงาน")
    document = write(run, sample_db, tmp_path / "six.docx", "--kind", "six-month")
    assert document.paragraphs[0].text == "ตราครุฑ"
    assert document.sections[0].header.paragraphs[0].text == "หัวกระดาษของหน่วยงาน"


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--template", "{tmp}/missing.docx", "-o", "{tmp}/out.docx"], "ไม่พบแม่แบบ Word"),
        (["--template", "{tmp}/settings.toml", "-o", "{tmp}/out.docx"], "อ่านแม่แบบ Word"),
        (["--format", "docx", "-o", "-"], "แสดงไฟล์ docx ทางหน้าจอไม่ได้"),
        (["--kind", "six-month", "--year", "สองพัน", "-o", "{tmp}/out.docx"], "ไม่ใช่ปี"),
        (["--kind", "six-month", "--year", "12", "-o", "{tmp}/out.docx"], "ค.ศ."),
        (["--kind", "annual", "--year", "99999", "-o", "{tmp}/out.docx"], "นอกช่วง"),
    ],
)
def test_word_mistakes_end_in_a_message(run, sample_db, tmp_path, arguments, message):
    (tmp_path / "settings.toml").write_text('language = "th"\n', "utf-8")
    before = dump(sample_db)
    given = [a.replace("{tmp}", str(tmp_path)) for a in arguments]
    result = run("--db", str(sample_db), "report", *given)
    assert result.code == 2 and message in result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "out.docx").exists()
    assert dump(sample_db) == before


def test_without_chromium_a_pdf_is_refused_with_what_to_do(run, sample_db, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    result = run(
        "--db", str(sample_db), "report", "--kind", "analysis", "-o", str(tmp_path / "a.pdf")
    )
    assert result.code == 2 and "Chromium" in result.err and "docx" in result.err
    assert not (tmp_path / "a.pdf").exists()


@pytest.mark.browser
@pytest.mark.skipif(
    shutil.which("chromium") is None and shutil.which("chromium-browser") is None,
    reason="Chromium is not installed (Debian package chromium)",
)
def test_chromium_prints_the_pdf(run, sample_db, tmp_path):
    target = tmp_path / "analysis.pdf"
    result = run("--db", str(sample_db), "report", "--kind", "analysis", "-o", str(target))
    assert result.code == 0, result.err
    assert target.read_bytes().startswith(b"%PDF-") and target.stat().st_size > 20_000


# One model, three renderers: the same cells.


class Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def markdown_cells(text: str) -> list[list[list[str]]]:
    from markdown_it import MarkdownIt

    tables: list[list[list[str]]] = []
    cell: list[str] | None = None
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type in ("td_open", "th_open"):
            cell = []
        elif token.type == "inline" and cell is not None:
            for child in token.children or []:
                cell.append(
                    "\n"
                    if child.type == "html_inline" and child.content == "<br>"
                    else child.content
                )
        elif token.type in ("td_close", "th_close"):
            tables[-1][-1].append("".join(cell or []))
            cell = None
    return tables


def word_cells(data: bytes) -> list[list[list[str]]]:
    import io

    document = docx.Document(io.BytesIO(data))
    return [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]


def rendered_three_ways(document):
    from ita_tui.documents.render import as_bytes, as_text

    parser = Cells()
    parser.feed(as_text(document, "html"))
    return (
        markdown_cells(as_text(document, "md")),
        parser.tables,
        word_cells(as_bytes(document, "docx")),
    )


def sample_desk(tmp_path, digits="thai"):
    from ita_tui.core.words import Words
    from ita_tui.db import open_database
    from ita_tui.desk import Desk
    from ita_tui.documents import snapshot

    db = open_database(tmp_path / "three.db", create=True)
    snapshot.import_plan(db, snapshot.sample_plan(), "test")
    return Desk(db, date(2023, 4, 3), words=Words("th", digits))


@pytest.mark.parametrize("kind", ["pack", "six-month", "annual", "analysis"])
def test_every_renderer_says_the_same_cells(tmp_path, kind):
    document = sample_desk(tmp_path).document(kind, date(2023, 4, 3))
    expected = [[list(t.headers), *map(list, t.rows)] for t in document.tables()]
    assert expected, "the document has tables"
    markdown, html, word_tables = rendered_three_ways(document)
    assert markdown == expected
    assert html == expected
    # The score chart is a table in Word only.
    assert [t for t in word_tables if t[0][0] != "ตัวชี้วัด" or kind == "analysis"] == expected


def hostile_document():
    from ita_tui.core.document import Bullets, Document, Heading, Paragraph, Section, Table
    from tests.hostile import ACCEPTED

    texts = [case.expected for case in ACCEPTED]
    return texts, Document(
        title=texts[0],
        subtitle=texts[1],
        lang="th",
        parts=(
            Section(
                "hostile",
                (
                    *(Heading(t, 3) for t in texts),
                    *(Paragraph(t) for t in texts),
                    Bullets(tuple(texts)),
                    Table(("#", "ข้อความ"), tuple((str(i), t) for i, t in enumerate(texts))),
                ),
            ),
        ),
    )


def test_hostile_text_stays_text_in_every_renderer():
    from ita_tui.core.text import visible

    texts, document = hostile_document()
    markdown, html, word_tables = rendered_three_ways(document)
    shown = [visible(t) for t in texts]
    assert [row[1] for row in markdown[0][1:]] == shown
    assert [row[1] for row in html[0][1:]] == shown
    assert [row[1] for row in word_tables[0][1:]] == [
        # Word keeps a tab as a tab and a line break as a break; carriage returns become breaks.
        s.replace("\r\n", "\n").replace("\r", "\n")
        for s in shown
    ]


def test_hostile_text_makes_no_field_link_or_markup_in_word():
    import io
    import zipfile

    from ita_tui.documents.render import as_bytes

    texts, document = hostile_document()
    data = as_bytes(document, "docx")
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    for element in (
        "w:fldSimple",
        "w:instrText",
        "w:fldChar",
        "w:hyperlink",
        "w:altChunk",
        "w:object",
    ):
        assert f"<{element}" not in body
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "<script>alert(1)</script>" in "\n".join(paragraphs)


def test_characters_xml_cannot_hold_become_the_replacement_sign_in_word(run, sample_db, tmp_path):
    """U+FFFE and U+FFFF pass the text rules (they are not controls) but XML 1.0 cannot hold
    them: the Word file shows � in their place rather than failing."""
    title = "มาตรการ\ufffeทดสอบ\uffff"
    assert (
        run(
            "--db",
            str(sample_db),
            "log",
            "2",
            "--percent",
            "10",
            "--date",
            "2023-03-01",
            "--note",
            title,
        ).code
        == 0
    )
    document = write(run, sample_db, tmp_path / "six.docx", "--kind", "six-month")
    assert "มาตรการ\ufffdทดสอบ\ufffd" in document.tables[0].rows[2].cells[5].text


def test_a_word_file_is_never_written_over_the_database(run, sample_db, tmp_path):
    before = dump(sample_db)
    for target in (sample_db, Path(str(sample_db) + "-wal"), tmp_path / "settings.toml"):
        result = run("--db", str(sample_db), "report", "--format", "docx", "-o", str(target))
        assert result.code == 2 and "เขียนทับไม่ได้" in result.err
    assert dump(sample_db) == before
    assert not (tmp_path / "settings.toml").exists()


def test_an_agency_of_a_very_long_name_still_gets_its_word_file(run, tmp_path):
    """Word's document properties hold at most 255 characters; the title in the page has all."""
    from dataclasses import replace

    from ita_tui.db import open_database
    from ita_tui.documents import snapshot

    name = "เทศบาลตำบล" + "มวกเหล็ก" * 40
    database = tmp_path / "long.db"
    db = open_database(database, create=True)
    snapshot.import_plan(db, replace(snapshot.sample_plan(), agency=name), "test")
    db.close()
    document = write(run, database, tmp_path / "analysis.docx", "--kind", "analysis")
    assert name in document.paragraphs[0].text
    assert document.core_properties.title == document.paragraphs[0].text[:255]


def test_locate_says_where_the_agencys_word_template_goes(run, tmp_path):
    place = str(tmp_path / "word_template.docx")
    before = run("locate").out
    assert place in before and "แม่แบบที่มากับโปรแกรม" in before
    make_template(tmp_path / "word_template.docx", "ตราครุฑ", "หัวกระดาษ")
    after = run("locate").out
    assert place in after and "แม่แบบที่มากับโปรแกรม" not in after


def test_the_analysis_ranks_the_indicators_and_names_those_below_the_pass_mark(run, sample_db):
    md = run("--db", str(sample_db), "report", "--kind", "analysis", "-o", "-").out
    assert "| ๑ | การปฏิบัติหน้าที่ | ๑๐๐.๐๐ |" in md
    assert "| ๕ | การใช้งบประมาณ | ๙๙.๖๓ |" in md  # 99.63, below 99.65 and above 96.13
    assert "| ๑๐ | การป้องกันการทุจริต | ๓๗.๕๐ |" in md
    assert "ตัวชี้วัดที่ ๙, ๑๐ ต่ำกว่าเกณฑ์ ๘๕ คะแนน" in md
    assert "ตัวชี้วัดที่ ๑, ๒, ๓, ๔, ๕, ๖, ๗, ๘ ผ่านเกณฑ์" in md


def test_tables_have_bold_headers_rows_kept_whole_and_columns_wide_enough(run, sample_db, tmp_path):
    from ita_tui.core.thai_lines import pieces

    document = write(run, sample_db, tmp_path / "six.docx", "--kind", "six-month")
    [table] = document.tables
    for run_ in table.rows[0]._tr.iter(qn("w:r")):
        properties = run_.find(qn("w:rPr"))
        # Thai is bold only by w:bCs.
        assert properties.find(qn("w:b")) is not None
        assert properties.find(qn("w:bCs")) is not None
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    for row in table.rows[1:]:
        assert not [r for r in row._tr.iter(qn("w:b"))]
    # Each column holds its widest word: "ความก้าวหน้า" (10 letters) needs 35 mm at 16 pt,
    # beyond the equal share of a portrait page; the table turns the page to landscape.
    widths = [column.width for column in table.columns]
    assert sum(widths) > Mm(200)
    section = document.sections[0]
    assert section.page_width > section.page_height
    assert pieces("ความก้าวหน้า") == ("ความก้าวหน้า",)


def test_a_narrow_table_stays_on_a_portrait_page_and_the_page_turns_back(tmp_path):
    import io

    from ita_tui.core.document import Document, Paragraph, Section, Table
    from ita_tui.documents.render.word import render_word

    wide = Table(tuple(f"หัวข้อที่{n}" for n in range(8)), (tuple("ความก้าวหน้า" for _ in range(8)),))
    narrow = Table(("ที่", "วันที่"), (("๑", "๑ ต.ค. ๒๕๖๕"),))
    document = Document("ทดสอบ", "th", (Section("s", (narrow, Paragraph("ข้อความ"), wide, narrow)),))
    word_file = docx.Document(io.BytesIO(render_word(document)))
    orientations = [s.page_width > s.page_height for s in word_file.sections]
    assert orientations == [False, True, False]


def test_the_chart_is_a_chart_with_thai_labels_in_the_pack_and_the_analysis(
    run, sample_db, tmp_path
):
    import zipfile

    for kind, name in (("pack", "pack.docx"), ("analysis", "analysis.docx")):
        write(run, sample_db, tmp_path / name, "--kind", kind, "--as-of", "2023-04-03")
        with zipfile.ZipFile(tmp_path / name) as package:
            charts = [n for n in package.namelist() if n.startswith("word/charts/")]
            assert charts, kind
            chart = package.read(charts[0]).decode("utf-8")
            document = package.read("word/document.xml").decode("utf-8")
        assert "๙. การเปิดเผยข้อมูล" in chart and "72.43" in chart
        assert "drawingml/2006/chart" in document
        # Thai digits in the document: the chart draws no numbers of its own.
        assert '<c:showVal val="0"/>' in chart and '<c:tickLblPos val="none"/>' in chart


def test_item_codes_keep_their_published_digits(run, sample_db, tmp_path):
    """An OIT item is "o28" in every digit setting (a finding's item beside its sub-indicator)."""
    item_in_thai_digits = re.compile("[oO][๐-๙]")
    for kind in ("pack", "six-month", "annual", "analysis", "o25", "o26"):
        arguments = ("--kind", kind, "--year", "2566") if kind[0] == "o" else ("--kind", kind)
        document = write(run, sample_db, tmp_path / f"{kind}.docx", *arguments)
        text = all_text(document)
        assert not item_in_thai_digits.search(text), kind
    o25 = all_text(word(tmp_path / "o25.docx"))
    assert "๙.๒ o12" in o25
