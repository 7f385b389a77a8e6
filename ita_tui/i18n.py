"""Every sentence the tool says, in Thai and in English. A key missing a language is a bug, and a
test checks that there is none."""

CATALOGUE: dict[str, dict[str, str]] = {
    # Dates and periods
    "date.invalid": {
        "th": "“{text}” ไม่ใช่วันที่ที่อ่านได้ ตัวอย่างที่ใช้ได้: 3 เม.ย. 2566, ๓ เม.ย. ๖๖, 3/4/2566, 2023-04-03",
        "en": "“{text}” is not a date I can read; for example: 3 เม.ย. 2566, ๓ เม.ย. ๖๖, 3/4/2566, 2023-04-03",
    },
    "date.unknown_month": {
        "th": "“{text}”: ไม่รู้จักเดือน “{month}” ใช้ชื่อเดือนไทย เช่น เม.ย. หรือ เมษายน",
        "en": "“{text}”: “{month}” is not a month; use a Thai month such as เม.ย. or เมษายน",
    },
    "date.no_such_day": {
        "th": "“{text}”: ไม่มีวันนี้ในปฏิทิน",
        "en": "“{text}”: there is no such day in the calendar",
    },
    "date.year_out_of_range": {
        "th": "“{text}”: ปีไม่สมเหตุผล พิมพ์ปี พ.ศ. 4 หลัก (เช่น 2566) หรือ 2 หลัก (เช่น 66)",
        "en": "“{text}”: the year is implausible; type a B.E. year of 4 digits (2566) or 2 (66)",
    },
    "period.invalid": {
        "th": "“{text}” ไม่ใช่ระยะเวลาที่อ่านได้ ตัวอย่าง: ต.ค. ๖๕ – ก.ย. ๖๖, ปีงบประมาณ ๒๕๖๖ หรือ -",
        "en": "“{text}” is not a period I can read; for example: ต.ค. ๖๕ – ก.ย. ๖๖, ปีงบประมาณ ๒๕๖๖ or -",
    },
    "period.reversed": {
        "th": "“{text}”: วันสิ้นสุดอยู่ก่อนวันเริ่ม",
        "en": "“{text}”: the period ends before it starts",
    },
    "calendar.bad_quarter": {
        "th": "ไตรมาส {quarter} ไม่มี (มี 1 ถึง 4)",
        "en": "There is no quarter {quarter} (1 to 4)",
    },
    # Scores
    "score.no_methodology": {
        "th": "ยังไม่มีเกณฑ์การประเมิน ITA ของปี {year}",
        "en": "No ITA methodology is known for year {year}",
    },
    "score.not_a_number": {
        "th": "“{text}” ไม่ใช่คะแนน พิมพ์ตัวเลข 0 ถึง 100 เช่น 99.63 หรือ ๙๙.๖๓",
        "en": "“{text}” is not a score; type a number from 0 to 100 such as 99.63 or ๙๙.๖๓",
    },
    "score.out_of_range": {
        "th": "คะแนน “{text}” ต้องอยู่ระหว่าง 0 ถึง 100",
        "en": "The score “{text}” must be between 0 and 100",
    },
    "score.need_ten": {
        "th": "ต้องมีคะแนนครบ 10 ตัวชี้วัด แต่ได้ {count}",
        "en": "Ten indicator scores are needed; got {count}",
    },
    "score.summary": {
        "th": "ITA ปี {year}: คะแนนรวม {overall}  {kind} {result}  {verdict}",
        "en": "ITA {year}: overall {overall}  {kind} {result}  {verdict}",
    },
    "score.grade": {"th": "ระดับ", "en": "grade"},
    "score.rating": {"th": "ผลการประเมิน", "en": "rating"},
    "score.passed": {"th": "ผ่านเกณฑ์ (85 ขึ้นไป)", "en": "passed (85 or more)"},
    "score.not_passed": {"th": "ไม่ผ่านเกณฑ์ (ต่ำกว่า 85)", "en": "not passed (below 85)"},
    # The database
    "db.not_sqlite": {
        "th": "{path} ไม่ใช่ไฟล์ฐานข้อมูล SQLite (ไม่ได้แตะต้องไฟล์นี้)",
        "en": "{path} is not an SQLite database (the file was not touched)",
    },
    "db.not_ours": {
        "th": "{path} เป็นฐานข้อมูลของโปรแกรมอื่น ไม่ใช่ของ ita-tui (ไม่ได้แตะต้องไฟล์นี้)",
        "en": "{path} is another program's database, not an ita-tui one (the file was not touched)",
    },
    "db.newer_schema": {
        "th": "{path} สร้างโดย ita-tui รุ่นที่ใหม่กว่า โปรดอัปเดตโปรแกรม (ไม่ได้แตะต้องไฟล์นี้)",
        "en": "{path} was written by a newer ita-tui; please upgrade (the file was not touched)",
    },
    "db.read_only": {
        "th": "เขียน {path} ไม่ได้: ไฟล์หรือโฟลเดอร์เป็นแบบอ่านอย่างเดียว ไม่มีการบันทึกใด ๆ",
        "en": "Cannot write {path}: the file or its folder is read-only; nothing was saved",
    },
    "db.disk_full": {
        "th": "เขียน {path} ไม่ได้: ดิสก์เต็มหรืออ่านเขียนผิดพลาด ไม่มีการบันทึกใด ๆ",
        "en": "Cannot write {path}: the disk is full or failing; nothing was saved",
    },
    "db.cannot_open": {
        "th": "เปิด {path} ไม่ได้",
        "en": "Cannot open {path}",
    },
    "db.busy": {
        "th": "{path} ถูกใช้งานโดยผู้อื่นนานเกินไป ลองอีกครั้ง ไม่มีการบันทึกใด ๆ",
        "en": "{path} was busy with another user for too long; try again; nothing was saved",
    },
    "db.failed": {
        "th": "ฐานข้อมูล {path} ผิดพลาด: {reason}",
        "en": "Database {path} failed: {reason}",
    },
    "db.no_folder": {
        "th": "ไม่มีโฟลเดอร์ของ {path}",
        "en": "The folder of {path} does not exist",
    },
    "db.is_folder": {
        "th": "{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล",
        "en": "{path} is a folder, not a database file",
    },
    "db.missing": {
        "th": "ไม่มีฐานข้อมูลที่ {path} สร้างด้วย: ita-tui --db {path} init --sample",
        "en": "There is no database at {path}; create one with: ita-tui --db {path} init --sample",
    },
    "agency.none": {
        "th": "ฐานข้อมูลยังไม่มีแผนของหน่วยงานใด ใช้ ita-tui init --sample หรือ ita-tui import FILE.toml",
        "en": "The database holds no agency's plan yet; use ita-tui init --sample or ita-tui import FILE.toml",
    },
    "agency.unknown": {
        "th": "ไม่มีหน่วยงาน “{name}” ในฐานข้อมูล (มี: {known})",
        "en": "There is no agency “{name}” in the database (there is: {known})",
    },
    "agency.choose": {
        "th": "ฐานข้อมูลมีหลายหน่วยงาน ระบุด้วย --agency (มี: {known})",
        "en": "The database holds several agencies; choose one with --agency ({known})",
    },
    "unit.unknown": {
        "th": "ไม่มีหน่วยงาน/กอง “{name}” (มี: {known})",
        "en": "There is no unit “{name}” (there is: {known})",
    },
    "unit.ambiguous": {
        "th": "“{name}” ตรงกับหลายกอง/งาน: {matches} โปรดระบุให้ชัด",
        "en": "“{name}” matches several units: {matches}; be more precise",
    },
    "measure.unknown": {
        "th": "ไม่มีมาตรการหมายเลข {id}",
        "en": "There is no measure number {id}",
    },
    "measure.outside_fiscal_year": {
        "th": "⚑ ระยะเวลาตามแผนอยู่นอกปีงบประมาณของแผน",
        "en": "⚑ its period lies outside the plan's fiscal year",
    },
    # Progress
    "progress.percent_range": {
        "th": "ร้อยละ {value} ใช้ไม่ได้ ต้องอยู่ระหว่าง 0 ถึง 100",
        "en": "{value} percent is not possible; it must be between 0 and 100",
    },
    "progress.percent_not_number": {
        "th": "“{value}” ไม่ใช่ร้อยละ พิมพ์จำนวนเต็ม 0 ถึง 100",
        "en": "“{value}” is not a percentage; type a whole number from 0 to 100",
    },
    "progress.future_date": {
        "th": "วันที่ {date} ยังมาไม่ถึง บันทึกความก้าวหน้าล่วงหน้าไม่ได้",
        "en": "{date} is in the future; progress cannot be logged ahead of time",
    },
    "progress.measure_dropped": {
        "th": "มาตรการ {id} ถูกยกเลิกแล้ว บันทึกความก้าวหน้าไม่ได้",
        "en": "Measure {id} is dropped; progress cannot be logged on it",
    },
    # Files
    "file.missing": {"th": "ไม่พบไฟล์ {path}", "en": "No such file: {path}"},
    "file.is_folder": {"th": "{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์", "en": "{path} is a folder, not a file"},
    "file.unreadable": {"th": "ไม่มีสิทธิ์อ่าน {path}", "en": "No permission to read {path}"},
    "file.not_utf8": {
        "th": "{path} ไม่ได้เข้ารหัสเป็น UTF-8",
        "en": "{path} is not encoded as UTF-8",
    },
    "file.no_folder": {"th": "ไม่มีโฟลเดอร์ของ {path}", "en": "The folder of {path} does not exist"},
    "file.unwritable": {"th": "ไม่มีสิทธิ์เขียน {path}", "en": "No permission to write {path}"},
    "file.write_failed": {
        "th": "เขียน {path} ไม่สำเร็จ ({reason}) ไฟล์เดิมยังอยู่ครบ",
        "en": "Could not write {path} ({reason}); the old file is intact",
    },
    "toml.syntax": {
        "th": "{path} ไม่ใช่ TOML ที่ถูกต้อง: {detail}",
        "en": "{path} is not valid TOML: {detail}",
    },
    # Snapshot validation
    "snapshot.invalid": {
        "th": "ไฟล์มีปัญหา {count} จุด จึงไม่ได้นำเข้าสิ่งใด:",
        "en": "The file has {count} problem(s), so nothing was imported:",
    },
    "snapshot.not_table": {"th": "ต้องเป็นตาราง (table)", "en": "must be a table"},
    "snapshot.not_array": {"th": "ต้องเป็นรายการ (array)", "en": "must be an array"},
    "snapshot.unknown_key": {"th": "ไม่รู้จักคีย์นี้", "en": "unknown key"},
    "snapshot.missing_key": {"th": "ขาดคีย์ที่จำเป็น", "en": "required key is missing"},
    "snapshot.not_text": {"th": "{value} ต้องเป็นข้อความ", "en": "{value} must be text"},
    "snapshot.empty_text": {"th": "ต้องไม่เว้นว่าง", "en": "must not be empty"},
    "snapshot.not_integer": {
        "th": "{value} ต้องเป็นจำนวนเต็ม",
        "en": "{value} must be a whole number",
    },
    "snapshot.not_number": {"th": "{value} ต้องเป็นตัวเลข", "en": "{value} must be a number"},
    "snapshot.out_of_range": {
        "th": "{value} ต้องอยู่ระหว่าง {low} ถึง {high}",
        "en": "{value} must be between {low} and {high}",
    },
    "snapshot.not_date": {"th": "“{value}” ไม่ใช่วันที่", "en": "“{value}” is not a date"},
    "snapshot.not_datetime": {
        "th": "“{value}” ไม่ใช่วันเวลา",
        "en": "“{value}” is not a date and time",
    },
    "snapshot.not_choice": {
        "th": "{value} ใช้ไม่ได้ เลือกจาก: {choices}",
        "en": "{value} is not allowed; choose from: {choices}",
    },
    "snapshot.wrong_format": {
        "th": '{value} ไม่ใช่ไฟล์ของ ita-tui (ต้องเป็น "ita-tui-snapshot")',
        "en": '{value} is not an ita-tui file (expected "ita-tui-snapshot")',
    },
    "snapshot.wrong_version": {
        "th": "รุ่นของไฟล์ {value} ไม่รองรับ (รองรับรุ่น 1)",
        "en": "file version {value} is not supported (version 1 is)",
    },
    "snapshot.duplicate": {
        "th": "{value} ซ้ำกับรายการก่อนหน้า",
        "en": "{value} repeats an earlier entry",
    },
    "snapshot.need_ten_scores": {
        "th": "ต้องมีคะแนน 10 ตัวชี้วัดพอดี",
        "en": "must hold exactly ten indicator scores",
    },
    "snapshot.unknown_unit": {
        "th": "ไม่มีกอง/งาน “{value}” ในรายการ units",
        "en": "“{value}” is not among the units",
    },
    "snapshot.own_parent": {
        "th": "“{value}” เป็นหน่วยแม่ของตัวเองไม่ได้",
        "en": "“{value}” cannot be its own parent",
    },
    "snapshot.instrument_mismatch": {
        "th": "{value} ไม่ตรงกับแบบวัดของตัวชี้วัด",
        "en": "{value} is not the instrument of the indicator",
    },
    "snapshot.need_indicator_or_instrument": {
        "th": "ต้องระบุ indicator หรือ instrument",
        "en": "needs an indicator or an instrument",
    },
    "snapshot.bad_sub_indicator": {
        "th": "“{value}” ไม่ใช่ตัวชี้วัดย่อยของตัวชี้วัดนี้ (เช่น 9.2)",
        "en": "“{value}” is not a sub-indicator of this indicator (such as 9.2)",
    },
    "snapshot.bad_oit_item": {
        "th": "“{value}” ไม่ใช่รหัสข้อ OIT (เช่น o11)",
        "en": "“{value}” is not an OIT item code (such as o11)",
    },
    "snapshot.need_unit": {
        "th": "ต้องมีผู้รับผิดชอบอย่างน้อยหนึ่งกอง/งาน",
        "en": "needs at least one responsible unit",
    },
    "snapshot.duplicate_unit": {
        "th": "มีกอง/งานซ้ำในรายการ",
        "en": "names a unit twice",
    },
    "snapshot.unknown_finding": {
        "th": "ไม่มีข้อค้นพบหมายเลข {value}",
        "en": "there is no finding {value}",
    },
    "snapshot.end_before_start": {
        "th": "วันสิ้นสุดอยู่ก่อนวันเริ่ม",
        "en": "ends before it starts",
    },
    "snapshot.need_drop_reason": {
        "th": "มาตรการที่ยกเลิกต้องมีเหตุผล (drop_reason)",
        "en": "a dropped measure needs a reason (drop_reason)",
    },
    # Statuses
    "status.not_started": {"th": "ยังไม่เริ่ม", "en": "not started"},
    "status.in_progress": {"th": "กำลังดำเนินการ", "en": "in progress"},
    "status.done": {"th": "เสร็จแล้ว", "en": "done"},
    "status.dropped": {"th": "ยกเลิก", "en": "dropped"},
    # Command line
    "cli.usage": {"th": "คำสั่งไม่ถูกต้อง: {detail}", "en": "Usage error: {detail}"},
    "cli.bad_status": {
        "th": "ไม่รู้จักสถานะ “{value}” (ใช้: {choices} หรือชื่อภาษาไทย)",
        "en": "Unknown status “{value}” (use: {choices})",
    },
    "cli.bad_measure_id": {
        "th": "“{value}” ไม่ใช่หมายเลขมาตรการ ดูหมายเลขได้จาก ita-tui measures",
        "en": "“{value}” is not a measure number; see ita-tui measures",
    },
    "cli.bad_year": {
        "th": "“{value}” ไม่ใช่ปี พิมพ์ปี พ.ศ. เช่น 2565",
        "en": "“{value}” is not a year; type a B.E. year such as 2565",
    },
    "cli.year_not_be": {
        "th": "ปี {value} ดูเป็น ค.ศ. การประเมิน ITA ใช้ปี พ.ศ. เช่น 2565",
        "en": "{value} looks like a C.E. year; ITA years are B.E., such as 2565",
    },
    "settings.problem": {
        "th": "คำเตือน: ค่าตั้งไม่ถูกต้อง ใช้ค่าเริ่มต้นแทน: {detail}",
        "en": "Warning: a setting is invalid, using the default: {detail}",
    },
    "init.done": {"th": "พร้อมใช้งาน: {path}", "en": "Ready: {path}"},
    "init.agency_exists": {
        "th": "{path} มีแผนของ {name} อยู่แล้ว จึงไม่เขียนทับ (หากต้องการแทนที่ ใช้ ita-tui import)",
        "en": "{path} already holds the plan of {name}; not overwritten (use ita-tui import to replace it)",
    },
    "import.done": {
        "th": "นำเข้าแผนของ {agency} แล้ว: {count} มาตรการ",
        "en": "Imported the plan of {agency}: {count} measures",
    },
    "import.outside_fiscal_year": {
        "th": "⚑ มาตรการ “{title}” มีระยะเวลา “{period}” อยู่นอกปีงบประมาณ {year} ของแผน นำเข้าตามต้นฉบับและทำเครื่องหมายไว้",
        "en": "⚑ measure “{title}” has the period “{period}”, outside the plan's fiscal year {year}; imported as written and flagged",
    },
    "export.done": {"th": "บันทึกสถานะไว้ที่ {path}", "en": "Snapshot written to {path}"},
    "measures.none": {"th": "ไม่มีมาตรการที่ตรงเงื่อนไข", "en": "No measures match"},
    "overdue.heading": {
        "th": "มาตรการที่เกินกำหนด ณ {date}: {count} รายการ",
        "en": "Measures overdue as of {date}: {count}",
    },
    "overdue.due": {"th": "ครบกำหนด {date}", "en": "due {date}"},
    "overdue.days": {"th": "เกินกำหนด {days} วัน", "en": "{days} days overdue"},
    "log.done": {
        "th": "บันทึกแล้ว: มาตรการ {id} ร้อยละ {percent} ณ {date}",
        "en": "Logged: measure {id} at {percent}% on {date}",
    },
    "locate.database": {"th": "ฐานข้อมูล: {path}", "en": "Database: {path}"},
    "locate.settings": {"th": "ค่าตั้ง: {path}", "en": "Settings: {path}"},
}


def translate(key: str, lang: str, **params: object) -> str:
    entry = CATALOGUE.get(key)
    if entry is None:
        # A key without an entry is a programming slip; show the key rather than hide the error.
        return key + (f" {params}" if params else "")
    text = entry.get(lang) or entry["en"]
    return text.format(**params)


def status_label(status: str, lang: str) -> str:
    return translate(f"status.{status}", lang)
