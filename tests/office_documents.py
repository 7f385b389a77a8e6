"""The seed's plan (เทศบาลตำบลมวกเหล็ก, fiscal year 2566) as an agency keeps it: a Word document
with the scores, the analysis and the plan over five tables that repeat their header, and an
Excel sheet of the plan. Both are built here with python-docx and openpyxl, as the agency's
office would have written them: a measure continued on a row with an empty title, merged
cells, cells of several paragraphs, unit names wrapped with stray spaces."""

import re
import tomllib
from importlib import resources
from pathlib import Path

SAMPLE = tomllib.loads(
    resources.files("ita_tui").joinpath("data", "sample_plan.toml").read_text("utf-8")
)
MEASURES = {m["id"]: m for m in SAMPLE["measures"]}

HEADER = ("มาตรการ/แนวทาง", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "การติดตามผล")
EXCEL_HEADER = ("ที่", "มาตรการ", "วิธีการ", "หน่วยงานที่รับผิดชอบ", "ระยะเวลา", "การติดตาม")

# The responsible cell as the report's lines wrapped it.
UNITS_AS_WRITTEN = {
    1: ["กองยุทธศาสตร์ และงบประมาณ"],
    2: ["กองยุทธศาสตร์และ งบประมาณ"],
    3: ["กองคลัง"],
    4: ["กองคลัง"],
    5: ["งานการเจ้าหน้าที่ สำนักปลัดฯ"],
    6: ["งานการเจ้าหน้าที่ สำนักปลัดฯ"],
    7: ["กองยุทธศาสตร์ และงบประมาณ,", "กองสวัสดิการ สังคม"],
    8: ["งานนิติการ สำนักปลัดฯ"],
    9: ["งานนิติการ  สำนักปลัดฯ"],
    10: ["งานนิติการ สำนักปลัดฯ"],
    11: ["งานนิติการ สำนักปลัดฯ"],
}

# Measure 10 breaks at a page end, as in the report: its method goes on in the next table.
_BREAK = " ๓) กำหนดแนวทางการกำกับติดตาม"
CONTINUED = 10


# Where the seed's methods start a paragraph other than at a numbered item.
_PARAGRAPH_STARTS = (
    "อาจทำให้รูปแบบ",
    "การเปิดโอกาสให้เกิดการมีส่วนร่วม ข้อนี้",
    "มีการกำหนดแนวทาง",
    "การดำเนินการต้องสอดคล้อง",
)


def method_paragraphs(text: str) -> list[str]:
    """A method as the seed's cell of paragraphs: one for each numbered item, and one for
    each sentence that follows a list."""
    return re.split(r" (?=[๑-๙]\) |" + "|".join(_PARAGRAPH_STARTS) + ")", text)


def plan_rows() -> list[list[dict]]:
    """The plan, a page (a table) at a time: each row a dict of the five columns' paragraphs."""

    def row(number: int, method: str | None = None) -> dict:
        measure = MEASURES[number]
        return {
            "title": [measure["title"]],
            "method": method_paragraphs(method or measure["method"]),
            "units": UNITS_AS_WRITTEN[number],
            "period": [measure["period"]],
            "follow_up": [measure["follow_up"]],
        }

    head, tail = MEASURES[CONTINUED]["method"].split(_BREAK)
    continuation = {
        "title": [],
        "method": method_paragraphs(_BREAK.strip() + tail),
        "units": [],
        "period": [],
        "follow_up": [],
    }
    return [
        [row(1), row(2), row(3), row(4)],
        [row(5), row(6)],
        [row(7), row(8)],
        [row(9), row(10, head)],
        [continuation, row(11)],
    ]


# Which cells of a page are merged down over the next row: (page, first row, column).
MERGED = {(0, 2, "units"), (3, 0, "units"), (3, 0, "period")}
COLUMNS = ("title", "method", "units", "period", "follow_up")

SCORES_2564 = [92.62, 80.29, 87.95, 81.93, 83.48, 96.61, 96.72, 94.59, 84.64, 37.50]
SCORES_2565 = [100, 99.63, 99.91, 99.66, 99.65, 95.28, 96.13, 95.53, 72.43, 37.50]
INDICATOR_NAMES = [
    "การปฏิบัติหน้าที่",
    "การใช้งบประมาณ",
    "การใช้อำนาจ",
    "การใช้ทรัพย์สินของราชการ",
    "การแก้ไขปัญหาการทุจริต",
    "คุณภาพการดำเนินงาน",
    "ประสิทธิภาพการสื่อสาร",
    "การปรับปรุงการทำงาน",
    "การเปิดเผยข้อมูล",
    "การป้องกันการทุจริต",
]


# The analysis table's rows about IIT and EIT, as the seed has them (its second row says IIT
# of the EIT indicators).
ANALYSIS = [
    [
        [
            "แบบวัดความรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)",
            "๑. การปฏิบัติหน้าที่ ๑๐๐ คะแนน ๒. การใช้งบประมาณ ๙๙.๖๓ คะแนน ๓. การใช้อำนาจ ๙๙.๙๑ คะแนน"
            " ๔. การใช้ทรัพย์สินของราชการ ๙๙.๖๖ คะแนน ๕. การแก้ไขปัญหาการทุจริต ๙๙.๖๕ คะแนน",
        ],
        [
            "ผลคะแนน IIT ผ่านเกณฑ์ (๘๕ คะแนนขึ้นไป) ไม่มีประเด็นข้อบกพร่อง ไม่ต้องแก้ไข"
            " เทศบาลตำบลมวกเหล็ก จะต้องรักษามาตรฐานไว้"
        ],
        [next(f["text"] for f in SAMPLE["findings"] if f["id"] == 1)],
    ],
    [
        [
            "แบบวัดความรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)",
            "๖. คุณภาพการดำเนินงาน ๙๕.๒๘ คะแนน ๗. ประสิทธิภาพการสื่อสาร ๙๖.๑๓ คะแนน"
            " ๘. การปรับปรุงการทำงาน ๙๕.๕๓ คะแนน",
        ],
        ["ผลคะแนน OIT ผ่านเกณฑ์ (๘๕ คะแนนขึ้นไป) ไม่มีประเด็นข้อบกพร่อง ไม่ต้องแก้ไข"],
        ["เทศบาลตำบลมวกเหล็ก จะต้องดำเนินการ"]
        + [
            f"- {f['topic']} {f['text']}"
            for f in SAMPLE["findings"]
            if f["kind"] == "develop" and f.get("indicator")
        ],
    ],
]


def thai(text: object) -> str:
    return str(text).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def _fill(cell, paragraphs: list[str]) -> None:
    cell.text = paragraphs[0] if paragraphs else ""
    for paragraph in paragraphs[1:]:
        cell.add_paragraph(paragraph)


def word_plan(path: Path, pages: list[list[dict]] | None = None, *, headings: bool = True):
    """The agency's analysis report as a Word file; `pages` replaces the plan's tables."""
    import docx

    document = docx.Document()
    if headings:
        for line in (
            "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส",
            "ในการดำเนินงานของหน่วยงานภาครัฐ ประจำปี พ.ศ. ๒๕๖๕",
            "เทศบาลตำบลมวกเหล็ก",
            "งานนิติการ",
            "สำนักปลัดเทศบาล",
            "เทศบาลตำบลมวกเหล็ก",
            "ตามที่ สำนักงาน ป.ป.ช. ได้ประกาศผลคะแนนการประเมินคุณธรรมและความโปร่งใส"
            " ประจำปีงบประมาณ พ.ศ. ๒๕๖๕ โดยเทศบาลตำบลมวกเหล็ก ได้รับผลการประเมิน ITA"
            " ๘๐.๖๑ คะแนน ระดับผลการประเมินอยู่ในระดับ B",
            "เทศบาลตำบลมวกเหล็ก ได้รับผลการประเมิน ITA ในแต่ละตัวชี้วัด ดังนี้",
        ):
            document.add_paragraph(line)
        scores = document.add_table(rows=10, cols=2)
        for n, (name, score) in enumerate(zip(INDICATOR_NAMES, SCORES_2565, strict=True)):
            scores.cell(n, 0).text = f"{thai(n + 1)}. {name}"
            scores.cell(n, 1).text = f"ได้รับคะแนน {thai(score)} คะแนน"
        document.add_paragraph("เปรียบเทียบผลการประเมินตามตัวชี้วัด")
        compared = document.add_table(rows=12, cols=3)
        compared.cell(0, 0).text = "ตัวชี้วัด"
        compared.cell(0, 1).merge(compared.cell(0, 2)).text = "ระดับคะแนน"
        compared.cell(1, 1).text = "พ.ศ. ๒๕๖๔"
        compared.cell(1, 2).text = "พ.ศ. ๒๕๖๕"
        for n, name in enumerate(INDICATOR_NAMES):
            compared.cell(n + 2, 0).text = f"{thai(n + 1)}. {name}"
            compared.cell(n + 2, 1).text = thai(f"{SCORES_2564[n]:.2f}")
            compared.cell(n + 2, 2).text = thai(SCORES_2565[n])
        document.add_paragraph("การวิเคราะห์ผลการประเมินแต่ละตัวชี้วัด")
        analysis = document.add_table(rows=4, cols=3)
        for column, text in enumerate(
            (
                "ตัวชี้วัดของการประเมิน ITA",
                "ประเด็นข้อบกพร่อง/ จุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน",
                "ประเด็นที่จะต้องพัฒนาให้ดีขึ้น",
            )
        ):
            analysis.cell(0, column).text = text
        for row, cells in enumerate(ANALYSIS, start=1):
            for column, paragraphs in enumerate(cells):
                _fill(analysis.cell(row, column), paragraphs)
        _fill(
            analysis.cell(3, 0),
            ["แบบตรวจการเปิดเผยข้อมูลสาธารณะ OIT", "๙. การเปิดเผยข้อมูล ๗๒.๔๓ คะแนน"],
        )
        _fill(
            analysis.cell(3, 1),
            [
                "๙.๒ การบริหารงาน",
                "แผนการดำเนินงาน",
                "- ไม่มีรายงานการกำกับติดตามการดำเนินงานประจำปี ๒๕๖๕ รอบ ๖ เดือน",
                "- ไม่มีรายงานผลการดำเนินงานประจำปี ๒๕๖๔",
            ],
        )
        document.add_paragraph(
            "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติเพื่อขับเคลื่อนการส่งเสริมคุณธรรม"
            "และความโปร่งใส ในปีงบประมาณ พ.ศ. ๒๕๖๖"
        )
    # The merged cells are the seed's plan's; a plan given is left unmerged.
    merged = MERGED if pages is None else set()
    for page_number, page in enumerate(pages if pages is not None else plan_rows()):
        table = document.add_table(rows=1 + len(page), cols=len(HEADER))
        for column, text in enumerate(HEADER):
            table.cell(0, column).text = text
        for row_number, row in enumerate(page, start=1):
            for column, role in enumerate(COLUMNS):
                cell = table.cell(row_number, column)
                if (page_number, row_number - 1, role) in merged:
                    cell = cell.merge(table.cell(row_number + 1, column))
                elif (page_number, row_number - 2, role) in merged:
                    continue
                _fill(cell, row[role])
        document.add_paragraph("")
    document.save(path)
    return path


def excel_plan(path: Path) -> Path:
    """The plan alone, retyped into one sheet: title rows, a numbered column, the header
    repeated where the printout breaks a page, lines broken with Alt+Enter."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "แผน 2566"
    sheet.append(["แผนส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๖"])
    sheet.append(["เทศบาลตำบลมวกเหล็ก"])
    number = 0
    for page_number, page in enumerate(plan_rows()):
        sheet.append(list(EXCEL_HEADER))
        for row_number, row in enumerate(page):
            cells = ["\n".join(row[role]) or None for role in COLUMNS]
            if row["title"]:
                number += 1
            sheet.append([number if row["title"] else None, *cells])
            if (page_number, row_number - 1, "units") in MERGED or (
                page_number,
                row_number - 1,
                "period",
            ) in MERGED:
                for role in ("units", "period"):
                    if (page_number, row_number - 1, role) in MERGED:
                        column = 2 + COLUMNS.index(role)
                        last = sheet.max_row
                        sheet.cell(last, column).value = None
                        sheet.merge_cells(
                            start_row=last - 1, start_column=column, end_row=last, end_column=column
                        )
    workbook.save(path)
    return path
