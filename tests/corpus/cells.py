"""Period and responsible-unit cells as Thai agencies write them in their plans, each with what a
careful officer reads from it. `source` says where the wording was seen: an address of a public
page (the cell copied as it stands there, `verbatim=True`), "issue #20" (cells the issue's author
copied from about 40 agencies' pages and files and quoted in the issue), or "shape" (written here
in a shape those plans use, not copied: `verbatim=False`).

A period is (text, the plan's fiscal year, first day, last day); None for both days means the
cell must be refused as unreadable, never taken as "no dates"."""

from datetime import date

ISSUE = "issue #20"
SHAPE = "shape"
BPN = "http://bpn.go.th/data_3976"
BANLAO = "http://www.banlaolocal.go.th/site/index.php/2023-12-26-04-45-57"
LAPLAE = "https://laplaehospital.moph.go.th/Public/ITA?Year=2021"
VRU = "http://agri.vru.ac.th/th/?page=ITA"
DMSC = "https://slideplayer.in.th/amp/16092159"
TRON = "https://tronhospital.moph.go.th/index.php/2016-10-11-07-17-58/57-2016-11-30-06-56-39"
CHUN = "http://chun.go.th/?page_id=2502"

FY67 = (date(2023, 10, 1), date(2024, 9, 30))
FY68 = (date(2024, 10, 1), date(2025, 9, 30))

# (text, plan's fiscal year, start, end, source, verbatim)
PERIODS: list[tuple[str, int, date | None, date | None, str, bool]] = [
    ("ตลอดปีงบประมาณ ๒๕๖๘", 2568, *FY68, ISSUE, True),
    ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๙", 2569, date(2025, 10, 1), date(2026, 9, 30), ISSUE, True),
    ("ไตรมาส ๑ - ไตรมาส ๔", 2568, *FY68, ISSUE, True),
    ("ไตรมาสที่ ๒", 2568, date(2025, 1, 1), date(2025, 3, 31), ISSUE, True),
    ("ม.ค. - มิ.ย. 2567", 2567, date(2024, 1, 1), date(2024, 6, 30), ISSUE, True),
    ("ต.ค. – ธ.ค.", 2568, date(2024, 10, 1), date(2024, 12, 31), ISSUE, True),
    ("ตลอดปีงบประมาณ", 2568, *FY68, ISSUE, True),
    ("ไตรมาส ๑ - ๔", 2567, *FY67, ISSUE, True),
    ("ปีงบประมาณ 2568 (1 ต.ค. 2567 - 30 ก.ย. 2568)", 2568, *FY68, ISSUE, True),
    ("ประจำปีงบประมาณ พ.ศ. 2567", 2567, *FY67, VRU, True),
    ("ปี2562", 2562, date(2018, 10, 1), date(2019, 9, 30), LAPLAE, True),
    ("ปี2563", 2563, date(2019, 10, 1), date(2020, 9, 30), LAPLAE, True),
    ("ปี2564", 2564, date(2020, 10, 1), date(2021, 9, 30), LAPLAE, True),
    ("ปี2565", 2565, date(2021, 10, 1), date(2022, 9, 30), LAPLAE, True),
    ("ปี2566", 2566, date(2022, 10, 1), date(2023, 9, 30), LAPLAE, True),
    ("ปี2567", 2567, *FY67, LAPLAE, True),
    ("ก.ค.-ก.ย. 2567", 2567, date(2024, 7, 1), date(2024, 9, 30), ISSUE, True),
    ("พ.ศ. 2561 – 2564", 2561, date(2017, 10, 1), date(2021, 9, 30), BPN, True),
    ("ปี ๒๕๖๑", 2561, date(2017, 10, 1), date(2018, 9, 30), BPN, True),
    ("ปี ๒๕๖๔", 2561, date(2020, 10, 1), date(2021, 9, 30), BPN, True),
    ("25 – 30 มิ.ย. 53", 2553, date(2010, 6, 25), date(2010, 6, 30), ISSUE, True),
    ("ไตรมาส 2/2569", 2569, date(2026, 1, 1), date(2026, 3, 31), ISSUE, True),
    ("ไตรมาสที่2", 2568, date(2025, 1, 1), date(2025, 3, 31), ISSUE, True),
    ("ไตรมาสที่ 4", 2568, date(2025, 7, 1), date(2025, 9, 30), ISSUE, True),
    ("เดือน มีนาคม 2566", 2566, date(2023, 3, 1), date(2023, 3, 31), BANLAO, True),
    ("เดือน กันยายน 2566", 2566, date(2023, 9, 1), date(2023, 9, 30), BANLAO, True),
    ("ปีงบประมาณ พ.ศ. 2566", 2566, date(2022, 10, 1), date(2023, 9, 30), BANLAO, True),
    ("ประจำปีงบประมาณ พ.ศ. 2566", 2566, date(2022, 10, 1), date(2023, 9, 30), CHUN, True),
    ("ต.ค. ๖๕ – ก.ย. ๖๖", 2566, date(2022, 10, 1), date(2023, 9, 30), SHAPE, False),
    ("ปีงบประมาณ ๒๕๖๖", 2566, date(2022, 10, 1), date(2023, 9, 30), SHAPE, False),
    ("ตั้งแต่ 1 ตุลาคม 2566 ถึง 30 กันยายน 2567", 2567, *FY67, SHAPE, False),
    ("ต.ค. 2566 - ก.ย. 2567", 2567, *FY67, SHAPE, False),
    ("1 ต.ค. 2567 - 30 ก.ย. 2568", 2568, *FY68, SHAPE, False),
    ("ตุลาคม 2567 - กันยายน 2568", 2568, *FY68, SHAPE, False),
    ("ตุลาคม - ธันวาคม 2567", 2568, date(2024, 10, 1), date(2024, 12, 31), SHAPE, False),
    ("มกราคม - มีนาคม", 2568, date(2025, 1, 1), date(2025, 3, 31), SHAPE, False),
    ("ไตรมาส 3", 2568, date(2025, 4, 1), date(2025, 6, 30), SHAPE, False),
    ("ไตรมาสที่ 1-2", 2568, date(2024, 10, 1), date(2025, 3, 31), SHAPE, False),
    ("ธ.ค. 67", 2568, date(2024, 12, 1), date(2024, 12, 31), SHAPE, False),
    ("มิ.ย. 68", 2568, date(2025, 6, 1), date(2025, 6, 30), SHAPE, False),
    ("ต.ค.67 - ก.ย.68", 2568, *FY68, SHAPE, False),
    ("1-31 ม.ค. 2568", 2568, date(2025, 1, 1), date(2025, 1, 31), SHAPE, False),
    ("ตลอดปี", 2568, *FY68, SHAPE, False),
    ("ทุกไตรมาส", 2568, *FY68, SHAPE, False),
    ("เม.ย. - มิ.ย.", 2568, date(2025, 4, 1), date(2025, 6, 30), SHAPE, False),
    ("ปีงบประมาณ พ.ศ. 2568", 2568, *FY68, SHAPE, False),
    ("ต.ค. 66 - มี.ค. 67", 2567, date(2023, 10, 1), date(2024, 3, 31), SHAPE, False),
    ("พ.ค. – ก.ย. 2568", 2568, date(2025, 5, 1), date(2025, 9, 30), SHAPE, False),
    ("เดือนตุลาคม 2567", 2568, date(2024, 10, 1), date(2024, 10, 31), SHAPE, False),
    ("ระหว่างเดือน ม.ค. - มี.ค. 2568", 2568, date(2025, 1, 1), date(2025, 3, 31), SHAPE, False),
    ("ต.ค. - มี.ค. 2568", 2568, date(2024, 10, 1), date(2025, 3, 31), SHAPE, False),
    ("ต.ค.-ธ.ค.๖๗", 2568, date(2024, 10, 1), date(2024, 12, 31), SHAPE, False),
    ("๑ ต.ค. ๒๕๖๗ – ๓๐ ก.ย. ๒๕๖๘", 2568, *FY68, SHAPE, False),
    ("15 พ.ย. 2567", 2568, date(2024, 11, 15), date(2024, 11, 15), SHAPE, False),
    ("2024-10-01 - 2025-03-31", 2568, date(2024, 10, 1), date(2025, 3, 31), SHAPE, False),
    ("1/10/2567 - 31/12/2567", 2568, date(2024, 10, 1), date(2024, 12, 31), SHAPE, False),
    ("ไตรมาส 4/2568 - ไตรมาส 1/2569", 2569, date(2025, 7, 1), date(2025, 12, 31), SHAPE, False),
    ("Q1 - Q2", 2568, date(2024, 10, 1), date(2025, 3, 31), SHAPE, False),
    ("ต.ค. 2567 ถึง มี.ค. 2568", 2568, date(2024, 10, 1), date(2025, 3, 31), SHAPE, False),
    ("มี.ค. - ส.ค. 68", 2568, date(2025, 3, 1), date(2025, 8, 31), SHAPE, False),
    ("ตลอดปีงบประมาณ (ต.ค. 67 - ก.ย. 68)", 2568, *FY68, SHAPE, False),
    ("เมื่อมีงบประมาณ", 2568, None, None, SHAPE, False),
    ("ตามความเหมาะสม", 2568, None, None, SHAPE, False),
]

# (cell text, the units an officer reads in it, source, verbatim). Names are compared without
# spaces: a space inside a Thai name is where a converter broke a line.
UNITS: list[tuple[str, list[str], str, bool]] = [
    ("สำนักปลัด / กองคลัง", ["สำนักปลัด", "กองคลัง"], ISSUE, True),
    ("งานบุคลากร/งานบริหารทั่วไป", ["งานบุคลากร", "งานบริหารทั่วไป"], ISSUE, True),
    ("กอง แผนงานและวิชาการ", ["กองแผนงานและวิชาการ"], DMSC, True),
    ("กลุ่มติดตามและประเมินผล", ["กลุ่มติดตามและประเมินผล"], DMSC, True),
    ("กองแผนงานและวิชาการ", ["กองแผนงานและวิชาการ"], DMSC, True),
    (
        "งานประกันสุขภาพ ยุทธศาสตร์และสารสนเทศทางการแพทย์",
        ["งานประกันสุขภาพยุทธศาสตร์และสารสนเทศทางการแพทย์"],
        TRON,
        True,
    ),
    ("กลุ่มงานสารสนเทศ", ["กลุ่มงานสารสนเทศ"], TRON, True),
    ("สำนักปลัด", ["สำนักปลัด"], SHAPE, False),
    ("กองคลัง", ["กองคลัง"], SHAPE, False),
    ("สำนักปลัด\nกองคลัง\nกองช่าง", ["สำนักปลัด", "กองคลัง", "กองช่าง"], SHAPE, False),
    ("สำนักปลัด, กองคลัง, กองช่าง", ["สำนักปลัด", "กองคลัง", "กองช่าง"], SHAPE, False),
    ("สำนักปลัดและกองคลัง", ["สำนักปลัด", "กองคลัง"], SHAPE, False),
    ("สำนักปลัด และ กองคลัง", ["สำนักปลัด", "กองคลัง"], SHAPE, False),
    ("กองการศึกษา/กองสาธารณสุข", ["กองการศึกษา", "กองสาธารณสุข"], SHAPE, False),
    ("- สำนักปลัด\n- กองคลัง", ["สำนักปลัด", "กองคลัง"], SHAPE, False),
    ("1. สำนักปลัด 2. กองคลัง", ["สำนักปลัด", "กองคลัง"], SHAPE, False),
    ("งานการเงินและบัญชี", ["งานการเงินและบัญชี"], SHAPE, False),
    ("งานพัสดุ / งานการเงิน", ["งานพัสดุ", "งานการเงิน"], SHAPE, False),
    (
        "กลุ่มงานบริหารทั่วไป/กลุ่มงานทรัพยากรบุคคล",
        ["กลุ่มงานบริหารทั่วไป", "กลุ่มงานทรัพยากรบุคคล"],
        SHAPE,
        False,
    ),
    ("ฝ่ายบริหารทรัพยากร, งานบุคลากร", ["ฝ่ายบริหารทรัพยากร", "งานบุคลากร"], SHAPE, False),
    (
        "กลุ่มบริหารงบประมาณ / กลุ่มบริหารงานบุคคล",
        ["กลุ่มบริหารงบประมาณ", "กลุ่มบริหารงานบุคคล"],
        SHAPE,
        False,
    ),
    ("นักวิเคราะห์นโยบายและแผน / นิติกร", ["นักวิเคราะห์นโยบายและแผน", "นิติกร"], SHAPE, False),
    ("ปลัด อบต./รองปลัด อบต.", ["ปลัดอบต.", "รองปลัดอบต."], SHAPE, False),
    ("ผู้อำนวยการกองคลัง, หัวหน้าสำนักปลัด", ["ผู้อำนวยการกองคลัง", "หัวหน้าสำนักปลัด"], SHAPE, False),
    ("กองช่าง /", ["กองช่าง"], SHAPE, False),
    ("(สำนักปลัด)", ["สำนักปลัด"], SHAPE, False),
    ("กองคลัง.", ["กองคลัง"], SHAPE, False),
    ("• งานนิติการ", ["งานนิติการ"], SHAPE, False),
    ("ฝ่ายบริหารงานทั่วไป และงานพัสดุ", ["ฝ่ายบริหารงานทั่วไป", "งานพัสดุ"], SHAPE, False),
    ("กองสาธารณสุขและสิ่งแวดล้อม", ["กองสาธารณสุขและสิ่งแวดล้อม"], SHAPE, False),
    ("สำนักงานปลัด/กองคลัง/กองช่าง", ["สำนักงานปลัด", "กองคลัง", "กองช่าง"], SHAPE, False),
    ("งานแผนและงบประมาณ, งานพัสดุ", ["งานแผนและงบประมาณ", "งานพัสดุ"], SHAPE, False),
    ("ศูนย์ข้อมูลข่าวสาร", ["ศูนย์ข้อมูลข่าวสาร"], SHAPE, False),
    ("ส่วนการคลัง / ส่วนโยธา", ["ส่วนการคลัง", "ส่วนโยธา"], SHAPE, False),
    ("แผนกบุคลากร และแผนกพัสดุ", ["แผนกบุคลากร", "แผนกพัสดุ"], SHAPE, False),
    ("กลุ่มงานนิติการ\nกลุ่มงานบริหารทั่วไป", ["กลุ่มงานนิติการ", "กลุ่มงานบริหารทั่วไป"], SHAPE, False),
    ("งาน ICT / งานประชาสัมพันธ์", ["งาน ICT", "งานประชาสัมพันธ์"], SHAPE, False),
    ("กองยุทธศาสตร์และงบประมาณ", ["กองยุทธศาสตร์และงบประมาณ"], SHAPE, False),
    ("กองการเจ้าหน้าที่ ; กองคลัง", ["กองการเจ้าหน้าที่", "กองคลัง"], SHAPE, False),
    ("ฝ่ายวิชาการ/ฝ่ายกิจการนักเรียน", ["ฝ่ายวิชาการ", "ฝ่ายกิจการนักเรียน"], SHAPE, False),
    ("งานการเจ้าหน้าที่ สำนักปลัด", ["งานการเจ้าหน้าที่"], SHAPE, False),
    ("สำนักปลัด กองคลัง", ["สำนักปลัด", "กองคลัง"], SHAPE, False),
]
