"""What an officer of any agency meets on a first import of their own plan: a draft always,
with every missing thing marked at once; a unit for plans that name none; problems at their own
cell; what the file hides left out and said."""

import tomllib

from tests.hostile import ONE_LINE


def _word(path, headings, rows):
    import docx

    document = docx.Document()
    for line in headings:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for number, row in enumerate(rows):
        for column, text in enumerate(row):
            table.cell(number, column).text = text
    document.save(path)
    return path


HEADER = ["มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา"]


def test_a_draft_marks_every_missing_thing_at_once_and_a_direct_import_says_how_to_get_it(
    run, tmp_path
):
    path = _word(
        tmp_path / "plan.docx",
        [],
        [HEADER, ["ก", "กองคลัง", "ต.ค. – ธ.ค."], ["ข", "กองช่าง", "เมื่อมีงบประมาณ"]],
    )
    db = tmp_path / "x.db"
    result = run("--db", str(db), "import", str(path))
    assert result.code == 2
    # Both at once, and the way on.
    assert "--fiscal-year" in result.err and "--agency" in result.err
    assert f"ita-tui import {path} --draft" in result.err
    assert not db.exists()

    draft = tmp_path / "draft.toml"
    result = run("--db", str(db), "import", str(path), "--draft", str(draft))
    assert result.code == 0, result.err
    text = draft.read_text("utf-8")
    todo = [line for line in text.splitlines() if line.startswith("# TODO: ")]
    assert any("[agency]" in line for line in todo) and any("fiscal_year" in line for line in todo)
    assert tomllib.loads(text)["measures"][0]["title"] == "ก"

    # With the year given, the unreadable period is a TODO at its own cell; the other is read.
    result = run(
        "--db", str(db), "import", str(path), "--draft", str(draft), "--fiscal-year", "2568",
        "--agency", "เทศบาลตำบลทดสอบ",
    )  # fmt: skip
    text = draft.read_text("utf-8")
    assert "# TODO: ตารางที่ ๑ แถว ๓ คอลัมน์ ๓ (measures[1].period)" in text
    assert "เมื่อมีงบประมาณ" in result.err
    # One bad period does not stop the plan: the draft imports as written, the measure keeps
    # its words, marked, and has no dates; the other measure has its own.
    assert run("--db", str(db), "import", str(draft)).code == 0
    measures = tomllib.loads(run("--db", str(db), "export", "-").out)["measures"]
    assert [(m["period"], str(m.get("start")), str(m.get("end"))) for m in measures] == [
        ("ต.ค. – ธ.ค.", "2024-10-01", "2024-12-31"),
        ("TODO: เมื่อมีงบประมาณ", "None", "None"),
    ]


def test_a_plan_without_a_responsible_column_gets_a_placeholder_or_the_unit_given(run, tmp_path):
    path = _word(
        tmp_path / "plan.docx",
        ["โรงพยาบาลตรอน", "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"],
        [["ลำดับ", "มาตรการ", "ระยะเวลา"], ["1", "ก", "ไตรมาสที่ ๒"], ["2", "ข", ""]],
    )
    draft = tmp_path / "draft.toml"
    result = run("--db", str(tmp_path / "x.db"), "import", str(path), "--draft", str(draft))
    assert result.code == 0, result.err
    assert "ยังไม่ระบุหน่วยงาน" in result.out
    # A measure without a period is said, never silently dateless.
    assert "ไม่มีระยะเวลา" in result.err and ": ข" in result.err
    db = tmp_path / "plan.db"
    assert run("--db", str(db), "import", str(draft)).code == 0
    measures = tomllib.loads(run("--db", str(db), "export", "-").out)["measures"]
    assert [m["units"] for m in measures] == [["ยังไม่ระบุหน่วยงาน"]] * 2

    # The unit given is a name as typed, hostile or not: stored as it is, never split.
    for number, case in enumerate(ONE_LINE[:6]):
        db2 = tmp_path / f"given{number}.db"
        result = run("--db", str(db2), "import", str(path), "--unit", case.text)
        assert result.code == 0, result.err
        measures = tomllib.loads(run("--db", str(db2), "export", "-").out)["measures"]
        assert len({u for m in measures for u in m["units"]}) == 1


def test_the_measure_column_beats_a_project_column_and_a_supervisor_is_no_follow_up(run, tmp_path):
    path = _word(
        tmp_path / "plan.docx",
        ["สำนักงานสาธารณสุขจังหวัดเลย ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"],
        [
            ["(๔) โครงการ/กิจกรรม", "(๘) วิธีการจัดการความเสี่ยง (มาตรการ)", "(๙) ผู้รับผิดชอบ",
             "(๑๐) ระยะเวลา", "ผู้กำกับติดตาม", "งบประมาณ"],
            ["จัดซื้อ", "ตรวจสอบเอกสาร", "กลุ่มงานบริหารทั่วไป", "ไตรมาส 2/2568", "นายแพทย์ สสจ.",
             "๕๐,๐๐๐"],
        ],
    )  # fmt: skip
    db = tmp_path / "x.db"
    result = run("--db", str(db), "import", str(path))
    assert result.code == 0, result.err
    assert "“(๘) วิธีการจัดการความเสี่ยง (มาตรการ)” เป็นมาตรการ" in result.out
    assert "“งบประมาณ” เป็นงบประมาณ" in result.out
    assert "นายแพทย์ สสจ." in result.err  # listed, not taken as the follow-up
    measure = tomllib.loads(run("--db", str(db), "export", "-").out)["measures"][0]
    assert measure["title"] == "ตรวจสอบเอกสาร" and measure.get("follow_up", "") == ""


def test_hidden_sheets_and_rows_are_left_out_and_said_and_excel_escapes_decoded(run, tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "แผน"
    for row in (
        ["องค์การบริหารส่วนตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"],
        HEADER,
        ["ตรวจสอบ_x000D_การเบิกจ่าย", "กองคลัง", "ต.ค. – ธ.ค."],
        ["แถวที่ซ่อน", "กองช่าง", "ต.ค. – ธ.ค."],
    ):
        sheet.append(row)
    sheet.row_dimensions[4].hidden = True
    secret = workbook.create_sheet("ร่างเก่า")
    secret.append(HEADER)
    secret.append(["มาตรการเก่า", "กองคลัง", "-"])
    secret.sheet_state = "hidden"
    path = tmp_path / "plan.xlsx"
    workbook.save(path)
    db = tmp_path / "x.db"
    result = run("--db", str(db), "import", str(path))
    assert result.code == 0, result.err
    assert "ชีต “ร่างเก่า” ถูกซ่อนไว้" in result.err
    assert "ชีต “แผน” แถว ๔ ถูกซ่อนไว้" in result.err
    exported = tomllib.loads(run("--db", str(db), "export", "-").out)
    assert [m["title"] for m in exported["measures"]] == ["ตรวจสอบ การเบิกจ่าย"]
    assert exported["agency"]["name"] == "องค์การบริหารส่วนตำบลหนองบัว"


def test_a_continuation_table_with_an_extra_empty_edge_column_goes_on_with_the_plan(run, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("เทศบาลตำบลทดสอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")
    first = document.add_table(rows=2, cols=3)
    for column, text in enumerate(HEADER):
        first.cell(0, column).text = text
    for column, text in enumerate(["ก", "กองคลัง", "ต.ค. – ธ.ค."]):
        first.cell(1, column).text = text
    # A PDF converter's page: one more column, empty, at the left edge.
    second = document.add_table(rows=1, cols=4)
    for column, text in enumerate(["", "ข", "กองช่าง", "ม.ค. - มี.ค. 2568"]):
        second.cell(0, column).text = text
    path = tmp_path / "plan.docx"
    document.save(path)
    db = tmp_path / "x.db"
    result = run("--db", str(db), "import", str(path))
    assert result.code == 0, result.err
    measures = tomllib.loads(run("--db", str(db), "export", "-").out)["measures"]
    assert [(m["title"], m["units"], str(m["end"])) for m in measures] == [
        ("ก", ["กองคลัง"], "2024-12-31"),
        ("ข", ["กองช่าง"], "2025-03-31"),
    ]


_TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
    '<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>'
    "<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing>"
    "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
    "<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>"
    "</mc:Fallback></mc:AlternateContent></w:r>"
)


def test_text_boxes_are_read_once_and_hidden_word_text_is_left_out_and_said(run, tmp_path):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    anchor = document.add_paragraph()
    anchor._p.append(parse_xml(_TEXT_BOX.format(text="เทศบาลตำบลหนองบัว")))
    document.add_paragraph("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")
    table = document.add_table(rows=2, cols=3)
    for column, text in enumerate(HEADER):
        table.cell(0, column).text = text
    title = table.cell(1, 0).paragraphs[0]
    title.add_run("ติดประกาศ")
    title.add_run(" ร่างเดิมที่ซ่อนไว้").font.hidden = True
    table.cell(1, 1).text = "กองคลัง"
    table.cell(1, 2).text = "ต.ค. – ธ.ค."
    path = tmp_path / "plan.docx"
    document.save(path)
    db = tmp_path / "x.db"
    result = run("--db", str(db), "import", str(path))
    assert result.code == 0, result.err
    assert "ข้อความที่ตั้งเป็นซ่อนไว้ในไฟล์ ๑ ช่วง" in result.err
    exported = tomllib.loads(run("--db", str(db), "export", "-").out)
    assert exported["agency"]["name"] == "เทศบาลตำบลหนองบัว"
    assert [m["title"] for m in exported["measures"]] == ["ติดประกาศ"]


def test_without_a_database_the_way_to_start_from_the_agencys_own_document_is_said(run, tmp_path):
    db = tmp_path / "none.db"
    for lang, words in (("th", "แผนของหน่วยงานเอง"), ("en", "your agency's own plan")):
        result = run("--lang", lang, "--db", str(db), "overdue")
        assert result.code == 2
        assert words in result.err
        assert f"ita-tui --db {db} import" in result.err and "--draft" in result.err
    assert not db.exists()


def test_an_analysis_without_a_plan_gives_its_scores_result_and_issues_and_says_no_plan(
    run, tmp_path
):
    import docx

    from tests.office_documents import INDICATOR_NAMES

    document = docx.Document()
    document.add_paragraph("องค์การบริหารส่วนจังหวัดเลย")
    document.add_paragraph("การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๗")
    document.add_paragraph("ผลการประเมิน ITA ได้คะแนน ๙๖.๘๗ คะแนน อยู่ในระดับ AA")
    table = document.add_table(rows=11, cols=3)
    for column, text in enumerate(("ตัวชี้วัด", "คะแนน", "ประเด็นที่ต้องแก้ไข/ปรับปรุง")):
        table.cell(0, column).text = text
    scores = [99.1, 98.2, 97.3, 96.4, 95.5, 94.6, 93.7, 92.8, 91.9, 90.0]
    for number, name in enumerate(INDICATOR_NAMES):
        table.cell(number + 1, 0).text = f"{number + 1}. {name}"
        table.cell(number + 1, 1).text = str(scores[number])
    table.cell(9, 2).text = "- ควรเผยแพร่ข้อมูลการจัดซื้อจัดจ้างให้ครบถ้วน"
    table.cell(10, 2).text = "- ควรเผยแพร่มาตรการป้องกันการรับสินบน"
    path = tmp_path / "o42.docx"
    document.save(path)

    draft = tmp_path / "draft.toml"
    result = run("--db", str(tmp_path / "x.db"), "import", str(path), "--draft", str(draft))
    assert result.code == 0, result.err
    assert "ไฟล์นี้ไม่มีแผน" in result.out
    db = tmp_path / "plan.db"
    assert run("--db", str(db), "import", str(draft)).code == 0
    exported = tomllib.loads(run("--db", str(db), "export", "-").out)
    (assessment,) = exported["assessments"]
    assert (assessment["year"], assessment["scores"]) == (2567, scores)
    assert (assessment["published_overall"], assessment["published_result"]) == (96.87, "AA")
    assert sorted((f["indicator"], f["text"]) for f in exported["findings"]) == [
        (9, "ควรเผยแพร่ข้อมูลการจัดซื้อจัดจ้างให้ครบถ้วน"),
        (10, "ควรเผยแพร่มาตรการป้องกันการรับสินบน"),
    ]


def test_a_part_heading_row_is_the_topic_and_a_measure_over_rows_spans_their_periods(run, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("เทศบาลตำบลทดสอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")
    table = document.add_table(rows=5, cols=3)
    for column, text in enumerate(HEADER):
        table.cell(0, column).text = text
    table.cell(1, 0).merge(table.cell(1, 2)).text = "มิติที่ ๑ การสร้างสังคมที่ไม่ทนต่อการทุจริต"
    for row, texts in ((2, ["ก", "กองคลัง", "ต.ค. 67"]), (3, ["", "", "ม.ค. 68"])):
        for column, text in enumerate(texts):
            table.cell(row, column).text = text
    for column, text in enumerate(["ด้านที่ 2 การบริหารงาน", "", ""]):
        table.cell(4, column).text = text
    path = tmp_path / "plan.docx"
    document.save(path)
    draft = tmp_path / "draft.toml"
    result = run("--db", str(tmp_path / "x.db"), "import", str(path), "--draft", str(draft))
    assert result.code == 0, result.err
    db = tmp_path / "plan.db"
    assert run("--db", str(db), "import", str(draft)).code == 0
    measures = tomllib.loads(run("--db", str(db), "export", "-").out)["measures"]
    assert [(m["title"], m["topic"], str(m["start"]), str(m["end"])) for m in measures] == [
        ("ก", "มิติที่ ๑ การสร้างสังคมที่ไม่ทนต่อการทุจริต", "2024-10-01", "2025-01-31")
    ]


def test_hostile_period_and_unit_cells_make_a_draft_that_reads_and_imports_as_written(
    run, tmp_path
):
    import re

    cases = [c for c in ONE_LINE if not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", c.text)]
    assert len(cases) > 10
    rows = [HEADER] + [[f"ม{n}", "กองคลัง", case.text] for n, case in enumerate(cases)]
    rows += [[f"ห{n}", case.text, "-"] for n, case in enumerate(cases)]
    path = _word(tmp_path / "plan.docx", ["เทศบาลตำบลทดสอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"], rows)
    draft = tmp_path / "draft.toml"
    result = run("--db", str(tmp_path / "x.db"), "import", str(path), "--draft", str(draft))
    assert result.code == 0, result.err
    assert "\x1b" not in result.out + result.err and "\u202e" not in result.out + result.err
    text = draft.read_text("utf-8")
    # Every TODO line is one comment line: the file still reads as TOML.
    assert len(tomllib.loads(text)["measures"]) == 2 * len(cases)
    db = tmp_path / "plan.db"
    imported = run("--db", str(db), "import", str(draft))
    assert imported.code == 0, imported.err
    exported = tomllib.loads(run("--db", str(db), "export", "-").out)["measures"]
    periods = {m["title"]: m.get("period", "") for m in exported}
    for n, case in enumerate(cases):
        # Kept as written, marked when it is no period: shown as text, never acted on.
        assert periods[f"ม{n}"].endswith(case.expected.strip()), (case.name, periods[f"ม{n}"])


def test_the_agency_named_inside_a_heading_or_in_the_page_header_and_the_year_from_periods(
    run, tmp_path
):
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "เทศบาลตำบลจุน"
    document.add_paragraph("มาตรการส่งเสริมคุณธรรมและความโปร่งใส")
    table = document.add_table(rows=3, cols=3)
    for row, texts in enumerate(
        [HEADER, ["ก", "กองคลัง", "ต.ค. 2567 - ธ.ค. 2567"], ["ข", "กองช่าง", "ม.ค. – มี.ค."]]
    ):
        for column, text in enumerate(texts):
            table.cell(row, column).text = text
    path = tmp_path / "plan.docx"
    document.save(path)
    db = tmp_path / "x.db"
    result = run("--db", str(db), "import", str(path))
    assert result.code == 0, result.err
    assert "ใช้ปี ๒๕๖๘ ที่ระยะเวลาของมาตรการส่วนใหญ่อยู่" in result.out
    exported = tomllib.loads(run("--db", str(db), "export", "-").out)
    assert exported["agency"]["name"] == "เทศบาลตำบลจุน"
    assert [str(m["end"]) for m in exported["measures"]] == ["2024-12-31", "2025-03-31"]

    inside = _word(
        tmp_path / "inside.docx",
        ["แผนปฏิบัติการของเทศบาลตำบลบ้านเป้า อำเภอเมือง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"],
        [HEADER, ["ก", "กองคลัง", "ไตรมาส ๑"]],
    )
    db2 = tmp_path / "inside.db"
    result = run("--db", str(db2), "import", str(inside))
    assert result.code == 0, result.err
    assert tomllib.loads(run("--db", str(db2), "export", "-").out)["agency"]["name"] == (
        "เทศบาลตำบลบ้านเป้า"
    )


AGENCY_HEADINGS = [
    ("เทศบาลนครขอนแก่น", "เทศบาลนครขอนแก่น"),
    ("เทศบาลเมืองเลย ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", "เทศบาลเมืองเลย"),
    ("องค์การบริหารส่วนตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", "องค์การบริหารส่วนตำบลหนองบัว"),
    ("องค์การบริหารส่วนจังหวัดเลย", "องค์การบริหารส่วนจังหวัดเลย"),
    ("อบต.นาบัว", "อบต.นาบัว"),
    ("กรมวิทยาศาสตร์การแพทย์", "กรมวิทยาศาสตร์การแพทย์"),
    ("สำนักงานสาธารณสุขจังหวัดเลย", "สำนักงานสาธารณสุขจังหวัดเลย"),
    ("วิทยาลัยเทคนิคเลย ปีงบประมาณ ๒๕๖๘", "วิทยาลัยเทคนิคเลย"),
    ("โรงเรียนบ้านหนองบัว", "โรงเรียนบ้านหนองบัว"),
    ("โรงพยาบาลตรอน", "โรงพยาบาลตรอน"),
    ("(๑) ชื่อหน่วยงาน โรงพยาบาลเลย", "โรงพยาบาลเลย"),
]


def test_every_kind_of_agency_heading_names_the_agency(run, tmp_path):
    for number, (heading, agency) in enumerate(AGENCY_HEADINGS):
        path = _word(
            tmp_path / f"{number}.docx",
            [heading, "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"],
            [HEADER, ["ก", "กองคลัง", "ไตรมาส ๑"]],
        )
        db = tmp_path / f"{number}.db"
        result = run("--db", str(db), "import", str(path))
        assert result.code == 0, (heading, result.err)
        assert tomllib.loads(run("--db", str(db), "export", "-").out)["agency"]["name"] == agency


def test_a_period_header_that_names_its_year_is_still_the_header(run, tmp_path):
    path = _word(
        tmp_path / "plan.docx",
        ["เทศบาลตำบลทดสอบ"],
        [
            ["มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ (ปีงบประมาณ ๒๕๖๘)"],
            ["ก", "กองคลัง", "ต.ค. – ธ.ค."],
        ],
    )
    db = tmp_path / "x.db"
    result = run("--db", str(db), "import", str(path), "--fiscal-year", "2568")
    assert result.code == 0, result.err
    (measure,) = tomllib.loads(run("--db", str(db), "export", "-").out)["measures"]
    assert (measure["title"], str(measure["end"])) == ("ก", "2024-12-31")


def test_a_measure_row_with_header_words_in_it_is_a_measure(run, tmp_path):
    path = _word(
        tmp_path / "plan.docx",
        ["เทศบาลตำบลทดสอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"],
        [
            HEADER,
            ["มาตรการเผยแพร่ข้อมูล", "ทุกหน่วยงาน", "ไตรมาส ๑"],
            ["มาตรการตรวจสอบภายใน", "หน่วยงานตรวจสอบภายใน", "ตลอดปีงบประมาณ"],
        ],
    )
    db = tmp_path / "x.db"
    result = run("--db", str(db), "import", str(path))
    assert result.code == 0, result.err
    measures = tomllib.loads(run("--db", str(db), "export", "-").out)["measures"]
    assert [(m["units"], str(m["end"])) for m in measures] == [
        (["ทุกหน่วยงาน"], "2024-12-31"),
        (["หน่วยงานตรวจสอบภายใน"], "2025-09-30"),
    ]
