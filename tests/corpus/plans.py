"""Plans in the shapes Thai agencies publish, built as Word and Excel files, each with what a
careful officer extracts from it: every measure's title, units, first and last day.

None of these is a copy of one agency's file: the stored public pages hold excerpts, not whole
plans. Each is written in the shape that issue #20 describes for a kind of agency, with period and
unit cells from tests/corpus/cells.py (where those were copied, the source is said there). Names of
agencies are of agencies whose pages were seen; the measures' wording is written here."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

PLACEHOLDER = "ยังไม่ระบุหน่วยงาน"


@dataclass(frozen=True)
class Expected:
    title: str
    units: tuple[str, ...]
    start: date | None
    end: date | None


@dataclass(frozen=True)
class CorpusPlan:
    name: str
    shape: str  # what kind of agency's document, and which shape
    build: object  # (path) -> path
    suffix: str
    expected: tuple[Expected, ...]


def _fill(cell, text: str) -> None:
    lines = text.split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _word(path: Path, headings: list[str], header: list[str], rows: list[list[str]]) -> Path:
    import docx

    document = docx.Document()
    for line in headings:
        document.add_paragraph(line)
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    for column, text in enumerate(header):
        _fill(table.cell(0, column), text)
    for number, row in enumerate(rows, start=1):
        for column, text in enumerate(row):
            _fill(table.cell(number, column), text)
    document.save(path)
    return path


def _excel(path: Path, headings: list[str], header: list[str], rows: list[list[str]]) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "แผน"
    for line in headings:
        sheet.append([line])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


# -- a เทศบาลตำบล's measures to promote integrity (o43 / O26 shape) ------------------------------

_TESSABAN = [
    ("จัดทำประกาศเจตนารมณ์การป้องกันการรับสินบน", "สำนักปลัด / กองคลัง", "ตลอดปีงบประมาณ ๒๕๖๘"),
    ("เผยแพร่ข้อมูลการจัดซื้อจัดจ้างรายเดือน", "งานบุคลากร/งานบริหารทั่วไป", "ไตรมาส ๑ - ไตรมาส ๔"),
    ("อบรมประมวลจริยธรรมแก่พนักงาน", "กอง แผนงานและวิชาการ", "ต.ค. – ธ.ค."),
    ("สำรวจความพึงพอใจผู้รับบริการ", "กองช่าง\nกองคลัง", "ม.ค. - มิ.ย. 2568"),
]


def tessaban(path: Path) -> Path:
    return _word(
        path,
        [
            "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
            "เทศบาลตำบลจุน",
            "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
        ],
        ["ที่", "มาตรการ", "ขั้นตอน/วิธีการปฏิบัติ", "ผู้รับผิดชอบ", "ระยะเวลา", "ผู้กำกับติดตาม"],
        [
            [str(n), title, "ดำเนินการตามแผน", units, period, "ปลัดเทศบาล"]
            for n, (title, units, period) in enumerate(_TESSABAN, start=1)
        ],
    )


# -- a กรม's internal measures, in Excel, with a budget column --------------------------------------

_KROM = [
    (
        "ทบทวนคู่มือการปฏิบัติงาน",
        "กอง แผนงานและวิชาการ",
        "ปีงบประมาณ 2567 (1 ต.ค. 2566 - 30 ก.ย. 2567)",
        "50,000",
    ),
    (
        "เปิดช่องทางแจ้งเบาะแสการทุจริต",
        "กลุ่มติดตามและประเมินผล / กองการเจ้าหน้าที่",
        "ตั้งแต่ 1 ตุลาคม 2566 ถึง 31 มีนาคม 2567",
        "ไม่ใช้งบประมาณ",
    ),
    ("รายงานผลการใช้จ่ายงบประมาณ", "ฝ่ายคลัง", "ไตรมาส 2/2567", "-"),
    ("ประเมินความเสี่ยงการทุจริต", "กองการเจ้าหน้าที่และกองคลัง", "ก.ค.-ก.ย. 2567", "120,000 บาท"),
]


def krom(path: Path) -> Path:
    return _excel(
        path,
        ["กรมวิทยาศาสตร์การแพทย์", "มาตรการภายในเพื่อส่งเสริมความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2567"],
        ["ลำดับ", "มาตรการ", "วิธีการดำเนินการ", "หน่วยงานรับผิดชอบ", "ระยะเวลาดำเนินการ", "งบประมาณ"],
        [
            [str(n), title, "ตามแผน", units, period, budget]
            for n, (title, units, period, budget) in enumerate(_KROM, start=1)
        ],
    )


# -- a provincial health office's risk plan (form บส.3): numbered headers, the measure in (๘) -----

_RISK = [
    (
        "จัดซื้อวัสดุการแพทย์",
        "กำหนดคุณลักษณะเฉพาะโดยคณะกรรมการ",
        "กลุ่มงานบริหารทั่วไป/กลุ่มงานทรัพยากรบุคคล",
        "ไตรมาสที่ ๒",
    ),
    (
        "เบิกจ่ายค่าตอบแทน",
        "ตรวจสอบเอกสารก่อนเบิกจ่ายทุกครั้ง",
        "กลุ่มงานนิติการ\nกลุ่มงานบริหารทั่วไป",
        "ไตรมาส ๑ - ๔",
    ),
    ("ใช้รถราชการ", "บันทึกการใช้รถทุกครั้ง", "งานยานพาหนะ", "เม.ย. - มิ.ย."),
]


def risk_form(path: Path) -> Path:
    return _word(
        path,
        ["สำนักงานสาธารณสุขจังหวัดเลย", "แผนบริหารความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"],
        [
            "(๑) ที่",
            "(๔) โครงการ/กิจกรรม/ภารกิจ",
            "(๘) วิธีการจัดการความเสี่ยง (มาตรการ)",
            "(๙) ผู้รับผิดชอบ",
            "(๑๐) ระยะเวลา",
        ],
        [
            [f"({n})", project, measure, units, period]
            for n, (project, measure, units, period) in enumerate(_RISK, start=1)
        ],
    )


# -- a vocational college's plan: a two-row header, quarters ticked ✓ ----------------------------

_COLLEGE = [
    ("ประกาศนโยบายไม่รับของขวัญ", "งานบุคลากร/งานบริหารทั่วไป", ["✓", "✓", "✓", "✓"]),
    ("อบรมการจัดซื้อจัดจ้าง", "ฝ่ายบริหารทรัพยากร, งานพัสดุ", ["", "✓", "", ""]),
    ("รายงานผลการดำเนินงาน", "งานวางแผนและงบประมาณ", ["", "", "✓", "✓"]),
    ("เผยแพร่แผนจัดซื้อจัดจ้าง", "งานการเงิน", ["/", "", "", ""]),
]


def college(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("วิทยาลัยเทคนิคเลย")
    document.add_paragraph("แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")
    table = document.add_table(rows=2 + len(_COLLEGE), cols=6)
    for column, text in enumerate(("มาตรการ/กิจกรรม", "ผู้รับผิดชอบ")):
        table.cell(0, column).merge(table.cell(1, column)).text = text
    table.cell(0, 2).merge(table.cell(0, 5)).text = "ระยะเวลาดำเนินการ"
    for quarter in range(4):
        table.cell(1, 2 + quarter).text = f"ไตรมาส {'๑๒๓๔'[quarter]}"
    for number, (title, units, ticks) in enumerate(_COLLEGE, start=2):
        table.cell(number, 0).text = title
        _fill(table.cell(number, 1), units)
        for quarter, tick in enumerate(ticks):
            table.cell(number, 2 + quarter).text = tick
    document.save(path)
    return path


# -- an อบต.'s plan in Excel: the year on the agency's line, months ticked -------------------------

_MONTHS = [
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
]
_SAO = [
    ("ติดประกาศช่องทางร้องเรียน", "สำนักปลัดและกองคลัง", [0, 1, 2]),
    ("ประชุมประชาคมหมู่บ้าน", "กองช่าง", [3, 4, 5]),
    ("ตรวจสอบการเบิกจ่าย", "กองคลัง", [6]),
]


def sao(path: Path) -> Path:
    rows = []
    for n, (title, units, ticked) in enumerate(_SAO, start=1):
        rows.append([str(n), title, units] + ["x" if m in ticked else "" for m in range(12)])
    return _excel(
        path,
        ["องค์การบริหารส่วนตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", "แผนปฏิบัติการส่งเสริมคุณธรรม"],
        ["ที่", "มาตรการ", "ผู้รับผิดชอบ", *_MONTHS],
        rows,
    )


# -- a hospital's plan without a responsible column -------------------------------------------------

_HOSPITAL = [
    ("เผยแพร่ข้อมูลข่าวสารทางเว็บไซต์", "ไตรมาสที่ 2"),
    ("จัดทำรายงานผลการจัดซื้อจัดจ้าง", "ต.ค.67 - ก.ย.68"),
]


def hospital(path: Path) -> Path:
    return _excel(
        path,
        ["โรงพยาบาลตรอน", "แผนปฏิบัติการส่งเสริมคุณธรรม ประจำปีงบประมาณ 2568"],
        ["ลำดับ", "มาตรการ", "วิธีการ", "ระยะเวลา"],
        [[str(n), title, "ตามแผน", period] for n, (title, period) in enumerate(_HOSPITAL, 1)],
    )


# -- a school's plan written as numbered paragraphs, no table --------------------------------------

_SCHOOL = ["จัดทำประกาศเจตนารมณ์สุจริต", "เผยแพร่รายงานการใช้จ่ายเงิน", "แต่งตั้งคณะกรรมการตรวจรับ"]


def school(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("โรงเรียนบ้านหนองบัว")
    document.add_paragraph("มาตรการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")
    for n, title in enumerate(_SCHOOL, start=1):
        document.add_paragraph(f"{'๑๒๓'[n - 1]}. {title}")
    document.save(path)
    return path


# -- a เทศบาลตำบล's four-year plan: year columns with budgets (http://bpn.go.th/data_3976) ------
# The header and the first two projects' names are copied from the page (verbatim, the second
# cut where the page's excerpt ends); the budgets are written here.

_BPN_TASK = (
    "๑.๑ การสร้างจิตสำนึกและความตระหนักแก่บุคลากรทั้งข้าราชการการเมืองฝ่ายบริหารข้าราชการการเมือง"
    "ฝ่ายสภาท้องถิ่น และฝ่ายประจำขององค์กรปกครองส่วนท้องถิ่น"
)
_BPN = [
    ("๑) โครงการความรู้คู่คุณธรรม", ["20,000", "20,000", "20,000", "20,000"]),
    ("๒) โครงการส่งเสริมคุณธรรมและจริยธรรมใน", ["-", "30,000", "30,000", "-"]),
]


def multi_year(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("เทศบาลตำบลบ้านเป้า")
    document.add_paragraph("แผนปฏิบัติการป้องกันการทุจริต 4 ปี (พ.ศ. 2561 – 2564)")
    header = [
        "ภารกิจตามมิติ",
        "โครงการ/กิจกรรม/มาตรการ",
        "ปี ๒๕๖๑",
        "ปี ๒๕๖๒",
        "ปี ๒๕๖๓",
        "ปี ๒๕๖๔",
        "หมายเหตุ",
    ]
    table = document.add_table(rows=2 + len(_BPN), cols=len(header))
    for column, text in enumerate(header):
        table.cell(0, column).text = text
    for column in range(2, 6):
        _fill(table.cell(1, column), "งบประมาณ\n(บาท)")
    table.cell(2, 0).merge(table.cell(3, 0)).text = _BPN_TASK
    for number, (project, budgets) in enumerate(_BPN, start=2):
        table.cell(number, 1).text = project
        for column, budget in enumerate(budgets, start=2):
            table.cell(number, column).text = budget
    document.save(path)
    return path


# -- a โรงเรียน's measures as one paragraph listing them (… ได้แก่ 1. … 2. …) ----------------------

_INLINE = ["ประกาศเจตนารมณ์ไม่รับของขวัญ", "เผยแพร่ข้อมูลการจัดซื้อจัดจ้าง", "จัดทำรายงานผลการดำเนินงาน"]


def inline_list(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("โรงเรียนอนุบาลจอมบึง")
    document.add_paragraph("มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปี 2568")
    document.add_paragraph(
        "โรงเรียนกำหนดมาตรการ ได้แก่ " + " ".join(f"{n}. {t}" for n, t in enumerate(_INLINE, 1))
    )
    document.save(path)
    return path


_FY68 = (date(2024, 10, 1), date(2025, 9, 30))
_FY67 = (date(2023, 10, 1), date(2024, 9, 30))

PLANS = (
    CorpusPlan(
        "tessaban",
        "เทศบาลตำบล, o43 measures, Word",
        tessaban,
        ".docx",
        (
            Expected(_TESSABAN[0][0], ("สำนักปลัด", "กองคลัง"), *_FY68),
            Expected(_TESSABAN[1][0], ("งานบุคลากร", "งานบริหารทั่วไป"), *_FY68),
            Expected(
                _TESSABAN[2][0], ("กองแผนงานและวิชาการ",), date(2024, 10, 1), date(2024, 12, 31)
            ),
            Expected(_TESSABAN[3][0], ("กองช่าง", "กองคลัง"), date(2025, 1, 1), date(2025, 6, 30)),
        ),
    ),
    CorpusPlan(
        "krom",
        "กรม, internal measures with a budget, Excel",
        krom,
        ".xlsx",
        (
            Expected(_KROM[0][0], ("กองแผนงานและวิชาการ",), *_FY67),
            Expected(
                _KROM[1][0],
                ("กลุ่มติดตามและประเมินผล", "กองการเจ้าหน้าที่"),
                date(2023, 10, 1),
                date(2024, 3, 31),
            ),
            Expected(_KROM[2][0], ("ฝ่ายคลัง",), date(2024, 1, 1), date(2024, 3, 31)),
            Expected(_KROM[3][0], ("กองการเจ้าหน้าที่", "กองคลัง"), date(2024, 7, 1), date(2024, 9, 30)),
        ),
    ),
    CorpusPlan(
        "risk",
        "สำนักงานสาธารณสุขจังหวัด, risk plan form บส.3, Word",
        risk_form,
        ".docx",
        (
            Expected(
                _RISK[0][1],
                ("กลุ่มงานบริหารทั่วไป", "กลุ่มงานทรัพยากรบุคคล"),
                date(2025, 1, 1),
                date(2025, 3, 31),
            ),
            Expected(_RISK[1][1], ("กลุ่มงานนิติการ", "กลุ่มงานบริหารทั่วไป"), *_FY68),
            Expected(_RISK[2][1], ("งานยานพาหนะ",), date(2025, 4, 1), date(2025, 6, 30)),
        ),
    ),
    CorpusPlan(
        "college",
        "วิทยาลัย, two-row header, quarters ticked, Word",
        college,
        ".docx",
        (
            Expected(_COLLEGE[0][0], ("งานบุคลากร", "งานบริหารทั่วไป"), *_FY68),
            Expected(
                _COLLEGE[1][0], ("ฝ่ายบริหารทรัพยากร", "งานพัสดุ"), date(2025, 1, 1), date(2025, 3, 31)
            ),
            Expected(
                _COLLEGE[2][0], ("งานวางแผนและงบประมาณ",), date(2025, 4, 1), date(2025, 9, 30)
            ),
            Expected(_COLLEGE[3][0], ("งานการเงิน",), date(2024, 10, 1), date(2024, 12, 31)),
        ),
    ),
    CorpusPlan(
        "sao",
        "อบต., year on the agency's line, months ticked, Excel",
        sao,
        ".xlsx",
        (
            Expected(_SAO[0][0], ("สำนักปลัด", "กองคลัง"), date(2024, 10, 1), date(2024, 12, 31)),
            Expected(_SAO[1][0], ("กองช่าง",), date(2025, 1, 1), date(2025, 3, 31)),
            Expected(_SAO[2][0], ("กองคลัง",), date(2025, 4, 1), date(2025, 4, 30)),
        ),
    ),
    CorpusPlan(
        "hospital",
        "โรงพยาบาล, no responsible column, Excel",
        hospital,
        ".xlsx",
        (
            Expected(_HOSPITAL[0][0], (PLACEHOLDER,), date(2025, 1, 1), date(2025, 3, 31)),
            Expected(_HOSPITAL[1][0], (PLACEHOLDER,), *_FY68),
        ),
    ),
    CorpusPlan(
        "school",
        "โรงเรียน, numbered paragraphs without a table, Word",
        school,
        ".docx",
        tuple(Expected(title, (PLACEHOLDER,), None, None) for title in _SCHOOL),
    ),
    CorpusPlan(
        "multi_year",
        "เทศบาลตำบล, four-year plan with year columns of budgets, Word",
        multi_year,
        ".docx",
        (
            Expected("โครงการความรู้คู่คุณธรรม", (PLACEHOLDER,), date(2017, 10, 1), date(2021, 9, 30)),
            Expected(
                "โครงการส่งเสริมคุณธรรมและจริยธรรมใน",
                (PLACEHOLDER,),
                date(2018, 10, 1),
                date(2020, 9, 30),
            ),
        ),
    ),
    CorpusPlan(
        "inline",
        "โรงเรียน, measures listed in one paragraph, Word",
        inline_list,
        ".docx",
        tuple(Expected(title, (PLACEHOLDER,), None, None) for title in _INLINE),
    ),
)
