"""Every sentence the tool says, in Thai and in English. A key missing a language is a bug, and a
test checks that there is none."""

CATALOGUE: dict[str, dict[str, str]] = {
    # Text as data
    "text.control_character": {
        "th": "ข้อความมีอักขระควบคุม {sign} ({code}) ซึ่งบันทึกไม่ได้ ลบออกแล้วลองอีกครั้ง: “{text}”",
        "en": "The text holds a control character {sign} ({code}), which cannot be stored; remove it and try again: “{text}”",
    },
    "text.line_break": {
        "th": "ช่องนี้รับข้อความบรรทัดเดียว แต่พบการขึ้นบรรทัดใหม่หรือแท็บ ({code}): “{text}”",
        "en": "This field takes one line, but holds a line break or tab ({code}): “{text}”",
    },
    "text.paste_refused": {
        "th": "ข้อความที่วางมีอักขระควบคุม (เช่น ESC) จึงไม่ได้วาง คัดลอกเฉพาะข้อความแล้ววางอีกครั้ง",
        "en": "The pasted text holds control characters (such as ESC), so it was not pasted; copy the text alone and paste again",
    },
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
        "th": "“{text}”: ปีไม่สมเหตุผล (ต้องอยู่ระหว่าง พ.ศ. 2400 ถึง 2700) พิมพ์ปี พ.ศ. 4 หลัก (เช่น 2566) หรือ 2 หลัก (เช่น 66)",
        "en": "“{text}”: the year is implausible (it must lie between B.E. 2400 and 2700); type a B.E. year of 4 digits (2566) or 2 (66)",
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
    "score.passed": {"th": "ผ่านเกณฑ์ ({mark} ขึ้นไป)", "en": "passed ({mark} or more)"},
    "score.not_passed": {"th": "ไม่ผ่านเกณฑ์ (ต่ำกว่า {mark})", "en": "not passed (below {mark})"},
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
    "db.constraint": {
        "th": "ไม่บันทึก: การเปลี่ยนแปลงนี้ขัดกับกฎของฐานข้อมูล {path} ({reason}) ฐานข้อมูลยังเป็นแบบเดิม",
        "en": "Not saved: the change breaks a rule of the database {path} ({reason}); the database is as it was",
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
    "db.empty_file": {
        "th": "{path} เป็นไฟล์ว่างเปล่า ไม่ใช่ฐานข้อมูล ถ้าต้องการสร้างฐานข้อมูลใหม่ที่นี่ ใช้: ita-tui --db {path} init (ไม่ได้แตะต้องไฟล์นี้)",
        "en": "{path} is an empty file, not a database; to make a new database there use: ita-tui --db {path} init (the file was not touched)",
    },
    "db.cannot_create": {
        "th": "สร้างฐานข้อมูล {path} ไม่ได้: {reason}",
        "en": "Cannot create the database {path}: {reason}",
    },
    "db.unknown_history": {
        "th": "{path}: บันทึกรุ่นของโครงสร้างในไฟล์ไม่ใช่แบบที่ ita-tui เขียน (ไม่ได้แตะต้องไฟล์นี้)",
        "en": "{path}: its record of schema versions is not one ita-tui writes (the file was not touched)",
    },
    "db.schema_differs": {
        "th": "{path} มีโครงสร้างไม่ตรงกับที่ ita-tui รุ่นนี้สร้าง จึงไม่เปิดใช้ (ไม่ได้แตะต้องไฟล์นี้):",
        "en": "{path} is not the schema this ita-tui makes, so it was not opened (the file was not touched):",
    },
    "db.upgrade_failed": {
        "th": "ปรับรุ่นฐานข้อมูล {path} ไม่สำเร็จ ({reason}) ฐานข้อมูลยังเป็นแบบเดิม ไม่มีการเปลี่ยนแปลง สำเนาก่อนปรับรุ่น: {backup}",
        "en": "Upgrading the database {path} failed ({reason}); it is as it was, nothing changed; the copy taken before: {backup}",
    },
    "schema.extra": {
        "th": "มี{kind}ที่ ita-tui ไม่ได้สร้าง: {names}",
        "en": "{kind} ita-tui does not make: {names}",
    },
    "schema.missing": {"th": "ขาด{kind}: {names}", "en": "missing {kind}: {names}"},
    "schema.changed": {
        "th": "{kind}ที่ต่างจากที่ ita-tui สร้าง: {names}",
        "en": "{kind} that differs from the one ita-tui makes: {names}",
    },
    "schema.other_kind": {
        "th": "{name} เป็น{kind} แทนที่จะเป็น{expected}",
        "en": "{name} is a {kind}, not a {expected}",
    },
    "schema.kind.table": {"th": "ตาราง", "en": "table"},
    "schema.kind.index": {"th": "ดัชนี", "en": "index"},
    "schema.kind.trigger": {"th": "ทริกเกอร์", "en": "trigger"},
    "schema.kind.view": {"th": "วิว", "en": "view"},
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
    "file.protected": {
        "th": "{path} เป็นฐานข้อมูล สำเนาสำรอง หรือไฟล์ตั้งค่าของ ita-tui จึงเขียนทับไม่ได้ เลือกชื่อไฟล์อื่น",
        "en": "{path} is ita-tui's database, one of its backups or its settings, so it is not written over; choose another name",
    },
    "file.name_empty": {"th": "ต้องระบุชื่อไฟล์", "en": "A file name is needed"},
    "file.name_not_path": {
        "th": "“{name}”: ใส่ชื่อไฟล์อย่างเดียว (ไม่มี / หรือ \\ และไม่ขึ้นต้นด้วยจุด) ไฟล์จะอยู่ในโฟลเดอร์ผลลัพธ์",
        "en": "“{name}”: give a file name only (no / or \\, not starting with a dot); it goes in the output folder",
    },
    "file.no_output_folder": {
        "th": "สร้างโฟลเดอร์ผลลัพธ์ {path} ไม่ได้ ตั้งค่า output_dir ในไฟล์ตั้งค่า",
        "en": "The output folder {path} cannot be created; set output_dir in the settings file",
    },
    "file.output_folder": {"th": "บันทึกในโฟลเดอร์ {path}", "en": "Saved in the folder {path}"},
    "file.to_browser": {
        "th": "ไฟล์จะดาวน์โหลดลงเครื่องของคุณผ่านเบราว์เซอร์",
        "en": "The file downloads to your own computer through the browser",
    },
    "file.delivered": {
        "th": "ส่ง {name} ให้เบราว์เซอร์ดาวน์โหลดแล้ว",
        "en": "{name} sent to your browser as a download",
    },
    "file.missing": {"th": "ไม่พบไฟล์ {path}", "en": "No such file: {path}"},
    "file.is_folder": {"th": "{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์", "en": "{path} is a folder, not a file"},
    "file.unreadable": {"th": "ไม่มีสิทธิ์อ่าน {path}", "en": "No permission to read {path}"},
    "file.not_utf8": {
        "th": "{path} ไม่ได้เข้ารหัสเป็น UTF-8",
        "en": "{path} is not encoded as UTF-8",
    },
    "file.not_regular": {
        "th": "{path} ไม่ใช่ไฟล์ปกติ (เป็นท่อ อุปกรณ์ หรือซ็อกเก็ต) จึงไม่อ่าน",
        "en": "{path} is not a regular file (a pipe, a device or a socket); it was not read",
    },
    "file.name_too_long": {
        "th": "ชื่อไฟล์ยาวเกินกว่าที่ระบบรับได้: {path}",
        "en": "The file name is longer than the system allows: {path}",
    },
    "file.failed": {
        "th": "ใช้ไฟล์ {path} ไม่ได้: {reason}",
        "en": "Cannot use the file {path}: {reason}",
    },
    "file.no_folder": {"th": "ไม่มีโฟลเดอร์ของ {path}", "en": "The folder of {path} does not exist"},
    "file.unwritable": {"th": "ไม่มีสิทธิ์เขียน {path}", "en": "No permission to write {path}"},
    "file.write_failed": {
        "th": "เขียน {path} ไม่สำเร็จ ({reason}) ไฟล์เดิมยังอยู่ครบ",
        "en": "Could not write {path} ({reason}); the old file is intact",
    },
    "snapshot.date_out_of_range": {
        "th": "{value} อยู่นอกช่วง พ.ศ. 2400 ถึง 2700",
        "en": "{value} is outside B.E. 2400 to 2700",
    },
    "snapshot.generated_in_future": {
        "th": "เวลาที่สร้างไฟล์ {value} ยังมาไม่ถึง (นาฬิกาของเครื่องที่สร้างอาจผิด)",
        "en": "the file was written at {value}, which is still to come (the writing machine's clock may be wrong)",
    },
    "toml.too_deep": {
        "th": "{path}: ค่าซ้อนกันลึกเกิน {depth} ชั้น (บรรทัด {line}) ซึ่งไฟล์ของ ita-tui ไม่เคยต้องใช้ จึงไม่อ่านไฟล์นี้",
        "en": "{path}: values nested more than {depth} deep (line {line}), which no ita-tui file needs; the file was not read",
    },
    "toml.syntax": {
        "th": "{path} ไม่ใช่ TOML ที่ถูกต้อง: {detail}",
        "en": "{path} is not valid TOML: {detail}",
    },
    # Snapshot validation
    "snapshot.invalid": {
        "th": "{path}: ไฟล์มีปัญหา {count} จุด จึงไม่ได้นำเข้าสิ่งใด:",
        "en": "{path}: the file has {count} problem(s), so nothing was imported:",
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
    "snapshot.unknown_entry": {
        "th": "ไม่มีบันทึกหมายเลข {value} ก่อนหน้าในมาตรการนี้",
        "en": "there is no earlier entry {value} in this measure",
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
    "cli.year_range": {
        "th": "ปี {value} อยู่นอกช่วง พ.ศ. 2400 ถึง 2700",
        "en": "The year {value} is outside B.E. 2400 to 2700",
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
    "import.older_snapshot": {
        "th": "ไม่นำเข้า: ฐานข้อมูลมีสถานะของ {agency} ที่ใหม่กว่า ({held}) ไฟล์นี้ ({incoming})",
        "en": "Not imported: the database holds a newer snapshot of {agency} ({held}) than this file ({incoming})",
    },
    "import.some_failed": {
        "th": "นำเข้าไม่สำเร็จ {failed} จาก {total} ไฟล์ (ไฟล์อื่นนำเข้าแล้ว)",
        "en": "{failed} of {total} files were not imported (the others were)",
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
    # The app: titles and sections
    "app.as_of": {"th": "ณ วันที่ {date}", "en": "as of {date}"},
    "app.sample": {"th": "ข้อมูลตัวอย่าง", "en": "sample data"},
    "mode.overview": {"th": "ภาพรวม", "en": "Overview"},
    "mode.indicators": {"th": "ตัวชี้วัด", "en": "Indicators"},
    "mode.measures": {"th": "มาตรการ", "en": "Measures"},
    "mode.follow_up": {"th": "ติดตาม", "en": "Follow-up"},
    "mode.plan": {"th": "แก้ไขแผน", "en": "Plan"},
    "palette.go": {"th": "ไปที่", "en": "go to"},
    "palette.export": {"th": "ส่งออก", "en": "export"},
    "palette.snapshot": {"th": "สถานะ (TOML)", "en": "snapshot (TOML)"},
    "palette.settings": {"th": "ตั้งค่า", "en": "settings"},
    "palette.as_of": {"th": "วันที่อ้างอิง", "en": "as-of date"},
    "palette.language": {"th": "ภาษา ไทย/อังกฤษ", "en": "language Thai/English"},
    "palette.digits": {"th": "เลขไทย/เลขอารบิก", "en": "Thai/Arabic digits"},
    "palette.digits.tip": {
        "th": "สลับการแสดงตัวเลขระหว่างเลขไทยและเลขอารบิก",
        "en": "Switch numbers between Thai and Arabic digits",
    },
    # Key bindings: description, then tooltip
    "binding.go-overview": {"th": "ภาพรวม", "en": "Overview"},
    "binding.go-overview.tip": {
        "th": "ผลการประเมินล่าสุดและสถานะของแผน",
        "en": "The latest result and how the plan stands",
    },
    "binding.go-indicators": {"th": "ตัวชี้วัด", "en": "Indicators"},
    "binding.go-indicators.tip": {
        "th": "ข้อค้นพบของแต่ละตัวชี้วัดและมาตรการที่ตอบ",
        "en": "Each indicator's findings and the measures that answer them",
    },
    "binding.go-measures": {"th": "มาตรการ", "en": "Measures"},
    "binding.go-measures.tip": {
        "th": "ตารางมาตรการ กรองและค้นหาได้",
        "en": "The measures, to filter and search",
    },
    "binding.go-follow-up": {"th": "ติดตาม", "en": "Follow-up"},
    "binding.go-follow-up.tip": {
        "th": "ไทม์ไลน์ปีงบประมาณ: เกินกำหนด ใกล้ครบกำหนด ไม่คืบหน้า",
        "en": "The fiscal-year timeline: overdue, due soon, stale",
    },
    "binding.go-plan": {"th": "แก้ไขแผน", "en": "Plan"},
    "binding.go-plan.tip": {
        "th": "กอง/งาน ข้อค้นพบ และคะแนนการประเมิน",
        "en": "Units, findings and assessment scores",
    },
    "binding.as-of": {"th": "วันที่อ้างอิง", "en": "As of"},
    "binding.as-of.tip": {
        "th": "เปลี่ยนวันที่ที่ใช้คำนวณการเกินกำหนด",
        "en": "Change the date overdue is judged by",
    },
    "binding.export": {"th": "ส่งออก", "en": "Export"},
    "binding.export.tip": {
        "th": "บันทึกสถานะของแผนเป็นไฟล์ TOML",
        "en": "Write the plan's status to a TOML file",
    },
    "binding.language": {"th": "English", "en": "ภาษาไทย"},
    "binding.language.tip": {"th": "เปลี่ยนเป็นภาษาอังกฤษ", "en": "Switch to Thai"},
    "binding.help": {"th": "ปุ่มลัด", "en": "Keys"},
    "binding.help.tip": {"th": "แสดงหรือซ่อนรายการปุ่มลัด", "en": "Show or hide the list of keys"},
    "binding.quit": {"th": "ออก", "en": "Quit"},
    "binding.quit.tip": {
        "th": "ออกจากโปรแกรม (ข้อมูลบันทึกไว้แล้ว)",
        "en": "Leave the app (everything is already saved)",
    },
    "binding.search": {"th": "ค้นหา", "en": "Search"},
    "binding.search.tip": {
        "th": "พิมพ์เพื่อค้นหามาตรการ ไทยหรืออังกฤษ",
        "en": "Type to search the measures",
    },
    "binding.add-measure": {"th": "เพิ่มมาตรการ", "en": "Add measure"},
    "binding.add-measure.tip": {"th": "เพิ่มมาตรการใหม่ในแผน", "en": "Add a new measure to the plan"},
    "binding.back": {"th": "กลับ", "en": "Back"},
    "binding.back.tip": {"th": "กลับไปหน้าก่อน", "en": "Back to the previous screen"},
    "binding.log-progress": {"th": "บันทึกความก้าวหน้า", "en": "Log progress"},
    "binding.log-progress.tip": {
        "th": "บันทึกความก้าวหน้าของมาตรการนี้",
        "en": "Record progress on this measure",
    },
    "binding.change-status": {"th": "สถานะ", "en": "Status"},
    "binding.change-status.tip": {
        "th": "เปลี่ยนสถานะ: ยังไม่เริ่ม กำลังดำเนินการ เสร็จแล้ว ยกเลิก",
        "en": "Change the status: not started, in progress, done, dropped",
    },
    "binding.tick": {"th": "ติ๊ก", "en": "Tick"},
    "binding.tick.tip": {"th": "ติ๊กหรือยกเลิกติ๊กเนื้อหาที่เลือก", "en": "Tick or untick the chosen item"},
    "binding.evidence": {"th": "หลักฐาน", "en": "Evidence"},
    "binding.evidence.tip": {
        "th": "แนบลิงก์หลักฐานของเนื้อหาที่เลือก",
        "en": "Attach an evidence link to the chosen item",
    },
    "binding.edit-measure": {"th": "แก้ไข", "en": "Edit"},
    "binding.edit-measure.tip": {"th": "แก้ไขรายละเอียดของมาตรการ", "en": "Edit the measure"},
    "binding.delete-measure": {"th": "ลบ", "en": "Delete"},
    "binding.delete-measure.tip": {
        "th": "ลบมาตรการนี้ (ถามยืนยันก่อน)",
        "en": "Delete this measure (asks first)",
    },
    "binding.add-row": {"th": "เพิ่ม", "en": "Add"},
    "binding.add-row.tip": {"th": "เพิ่มรายการในแท็บนี้", "en": "Add a row to this tab"},
    "binding.edit-row": {"th": "แก้ไข", "en": "Edit"},
    "binding.edit-row.tip": {"th": "แก้ไขรายการที่เลือก", "en": "Edit the chosen row"},
    "binding.delete-row": {"th": "ลบ", "en": "Delete"},
    "binding.delete-row.tip": {
        "th": "ลบรายการที่เลือก (ถามยืนยันก่อน)",
        "en": "Delete the chosen row (asks first)",
    },
    "binding.save": {"th": "บันทึก", "en": "Save"},
    "binding.save.tip": {"th": "บันทึกแบบฟอร์ม", "en": "Save the form"},
    "binding.cancel": {"th": "ยกเลิก", "en": "Cancel"},
    "binding.cancel.tip": {"th": "ปิดโดยไม่บันทึก", "en": "Close without saving"},
    "binding.yes": {"th": "ใช่", "en": "Yes"},
    "binding.yes.tip": {"th": "ยืนยัน", "en": "Confirm"},
    "binding.no": {"th": "ไม่", "en": "No"},
    "binding.no.tip": {"th": "ไม่ทำ", "en": "Do not"},
    # Overview
    "overview.sample_banner": {
        "th": "ข้อมูลตัวอย่าง: แผนของเทศบาลตำบลมวกเหล็ก ปีงบประมาณ ๒๕๖๖ ณ วันที่ {date} สิ่งที่ทำที่นี่ไม่กระทบฐานข้อมูลของคุณ",
        "en": "Sample data: เทศบาลตำบลมวกเหล็ก's plan for FY 2566, as of {date}; nothing here touches your own database",
    },
    "overview.no_plan": {
        "th": "ยังไม่มีแผน นำเข้าด้วย ita-tui import FILE.toml หรือทดลองด้วย ita-tui demo",
        "en": "No plan yet; import one with ita-tui import FILE.toml, or try ita-tui demo",
    },
    "overview.no_assessment": {
        "th": "ยังไม่มีผลการประเมิน เพิ่มได้ที่ แก้ไขแผน (5)",
        "en": "No assessment yet; add one under Plan (5)",
    },
    "overview.headline": {
        "th": "ITA ปี {year}: คะแนนรวม {overall} · {kind} {result} · {verdict}",
        "en": "ITA {year}: overall {overall} · {kind} {result} · {verdict}",
    },
    "overview.published": {"th": "(ที่ประกาศ {overall})", "en": "(published {overall})"},
    "overview.indicator": {"th": "ตัวชี้วัด", "en": "Indicator"},
    "overview.instrument": {"th": "แบบวัด", "en": "Instrument"},
    "overview.score": {"th": "คะแนน", "en": "Score"},
    "overview.against_pass": {"th": "เทียบเกณฑ์ {mark} (┃)", "en": "Against {mark} (┃)"},
    "overview.change": {"th": "เทียบปี {year}", "en": "Since {year}"},
    "overview.no_change": {"th": "เทียบปีก่อน", "en": "Since last year"},
    "overview.lowest": {"th": "▼ ต่ำสุด", "en": "▼ lowest"},
    "overview.measures": {
        "th": "มาตรการ {count}: {statuses}",
        "en": "Measures {count}: {statuses}",
    },
    "overview.attention": {
        "th": "ณ {date}: ⚠ เกินกำหนด {overdue} · ◔ ครบกำหนดใน {soon} วัน {due_soon} · … ไม่คืบหน้า {stale_days} วัน {stale}",
        "en": "As of {date}: ⚠ overdue {overdue} · ◔ due within {soon} days {due_soon} · … no progress for {stale_days} days {stale}",
    },
    "overview.recommendations": {
        "th": "ข้อเสนอแนะจากการวิเคราะห์",
        "en": "Recommendations of the analysis",
    },
    # Indicators
    "indicators.title": {"th": "ตัวชี้วัด (คะแนนล่าสุด)", "en": "Indicators (latest score)"},
    "indicators.findings": {
        "th": "ข้อค้นพบและมาตรการ (Enter เปิดมาตรการ)",
        "en": "Findings and measures (Enter opens a measure)",
    },
    "indicators.score": {"th": "{score} คะแนน", "en": "score {score}"},
    "indicators.weakness": {
        "th": "ข้อบกพร่อง/จุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน",
        "en": "Weaknesses to fix urgently",
    },
    "indicators.develop": {"th": "ประเด็นที่ต้องพัฒนาให้ดีขึ้น", "en": "Points to develop"},
    "indicators.no_measure": {"th": "(ยังไม่มีมาตรการตอบข้อนี้)", "en": "(no measure answers this yet)"},
    "indicators.no_findings": {"th": "ไม่มีข้อค้นพบของตัวชี้วัดนี้", "en": "No findings for this indicator"},
    # Measures
    "measures.search": {"th": "ค้นหา (ไทย/English) …", "en": "Search (Thai/English) …"},
    "measures.all_units": {"th": "ทุกกอง/งาน", "en": "All units"},
    "measures.all_statuses": {"th": "ทุกสถานะ", "en": "All statuses"},
    "measures.all_follow_ups": {"th": "ทั้งหมด", "en": "Everything"},
    "measures.overdue": {"th": "⚠ เกินกำหนด", "en": "⚠ Overdue"},
    "measures.due_soon": {"th": "◔ ครบกำหนดใน {days} วัน", "en": "◔ Due within {days} days"},
    "measures.stale": {"th": "… ไม่คืบหน้า {days} วัน", "en": "… No progress for {days} days"},
    "measures.title": {"th": "มาตรการ", "en": "Measure"},
    "measures.units": {"th": "ผู้รับผิดชอบ", "en": "Units"},
    "measures.period": {"th": "ระยะเวลา", "en": "Period"},
    "measures.status": {"th": "สถานะ", "en": "Status"},
    "measures.overdue_days": {"th": "เกินกำหนด", "en": "Overdue"},
    "measures.days": {"th": "{days} วัน", "en": "{days} days"},
    "measures.count_pending": {
        "th": "แสดง {shown} มาตรการ กำลังนับทั้งหมด… · Enter เปิด · / ค้นหา",
        "en": "{shown} measures shown, counting the rest… · Enter opens · / searches",
    },
    "measures.count": {
        "th": "แสดง {shown} จาก {total} มาตรการ · Enter เปิด · / ค้นหา",
        "en": "{shown} of {total} measures shown · Enter opens · / searches",
    },
    # One measure
    "measure.status": {"th": "สถานะ", "en": "Status"},
    "measure.units": {"th": "ผู้รับผิดชอบ", "en": "Responsible"},
    "measure.lead": {"th": "(หลัก)", "en": "(lead)"},
    "measure.period": {"th": "ระยะเวลาดำเนินการ", "en": "Period"},
    "measure.method": {"th": "วิธีการดำเนินการ", "en": "Method"},
    "measure.follow_up": {"th": "การติดตามผล", "en": "Follow-up"},
    "measure.findings": {"th": "ตอบข้อค้นพบ", "en": "Answers the findings"},
    "measure.contents": {
        "th": "เนื้อหาที่รายงานต้องมี ({done}/{total}) · Space ติ๊ก · v แนบหลักฐาน",
        "en": "Required contents ({done}/{total}) · Space ticks · v attaches evidence",
    },
    "measure.no_contents": {"th": "ไม่ได้กำหนดเนื้อหาที่ต้องมี", "en": "No required contents"},
    "measure.progress_log": {
        "th": "บันทึกความก้าวหน้า (ล่าสุดก่อน) · p บันทึก",
        "en": "Progress log (newest first) · p logs",
    },
    "measure.no_progress": {"th": "ยังไม่มีบันทึก", "en": "Nothing logged yet"},
    "measure.pick_content": {
        "th": "เลือกเนื้อหาในรายการก่อน",
        "en": "Choose an item in the list first",
    },
    "measure.confirm_delete": {
        "th": "ลบมาตรการ #{id} “{title}” พร้อมบันทึกความก้าวหน้าและรายการเนื้อหาทั้งหมด?",
        "en": "Delete measure #{id} “{title}” with all its progress and contents?",
    },
    "measure.deleted": {"th": "ลบมาตรการ #{id} แล้ว", "en": "Measure #{id} deleted"},
    # Forms
    "form.save": {"th": "บันทึก (Ctrl+S)", "en": "Save (Ctrl+S)"},
    "form.cancel": {"th": "ยกเลิก (Esc)", "en": "Cancel (Esc)"},
    "form.invalid": {"th": "แบบฟอร์มมีข้อผิดพลาด", "en": "The form has errors"},
    "form.required": {"th": "ต้องกรอก {field}", "en": "{field} is required"},
    "form.required_field": {"th": "ต้องกรอกช่องนี้", "en": "This field is required"},
    "form.date_hint": {
        "th": "เช่น 3 เม.ย. 2566, ๓ เม.ย. ๖๖, 3/4/2566 หรือ 2023-04-03",
        "en": "e.g. 3 เม.ย. 2566, ๓ เม.ย. ๖๖, 3/4/2566 or 2023-04-03",
    },
    "confirm.yes": {"th": "ใช่ (Y)", "en": "Yes (Y)"},
    "confirm.no": {"th": "ไม่ (N)", "en": "No (N)"},
    "as_of.title": {"th": "วันที่อ้างอิง", "en": "As-of date"},
    "as_of.date": {"th": "ดูสถานะ ณ วันที่", "en": "Judge the plan as of"},
    "as_of.changed": {"th": "ดูสถานะ ณ {date}", "en": "Now as of {date}"},
    "export.title": {"th": "ส่งออกสถานะเป็น TOML", "en": "Export the snapshot (TOML)"},
    "export.file": {"th": "ชื่อไฟล์", "en": "File name"},
    "export.as_of": {"th": "สถานะ ณ วันที่", "en": "As of"},
    "progress.title": {"th": "บันทึกความก้าวหน้า", "en": "Log progress"},
    "progress.date": {"th": "วันที่", "en": "Date"},
    "progress.percent": {"th": "ร้อยละที่ทำได้ (0–100)", "en": "Percent done (0–100)"},
    "progress.note": {"th": "สิ่งที่ทำ", "en": "Note"},
    "progress.evidence": {"th": "ลิงก์หลักฐาน", "en": "Evidence link"},
    "progress.by": {"th": "ผู้บันทึก", "en": "By"},
    "status_form.title": {"th": "เปลี่ยนสถานะ", "en": "Change status"},
    "status_form.status": {"th": "สถานะ", "en": "Status"},
    "status_form.reason": {"th": "เหตุผลที่ยกเลิก", "en": "Reason for dropping"},
    "status_form.reason_hint": {
        "th": "จำเป็นเมื่อยกเลิกมาตรการ",
        "en": "Needed when the measure is dropped",
    },
    "status_form.confirm_done": {
        "th": "ยังขาดเนื้อหาที่รายงานต้องมี {count} รายการ:\n{missing}\nยืนยันว่าเสร็จแล้ว?",
        "en": "{count} required item(s) are still unticked:\n{missing}\nMark it done anyway?",
    },
    "status.need_reason": {"th": "ต้องระบุเหตุผลที่ยกเลิก", "en": "A dropped measure needs a reason"},
    "status.unknown": {"th": "ไม่รู้จักสถานะ {value}", "en": "Unknown status {value}"},
    "content.unknown": {"th": "ไม่มีรายการเนื้อหาหมายเลข {id}", "en": "There is no contents item {id}"},
    "evidence.title": {"th": "แนบหลักฐาน", "en": "Attach evidence"},
    "evidence.item": {"th": "เนื้อหา", "en": "Item"},
    "evidence.link": {"th": "ลิงก์หรือที่อยู่ไฟล์", "en": "Link or file path"},
    "measure_form.add": {"th": "เพิ่มมาตรการ", "en": "Add a measure"},
    "measure_form.edit": {"th": "แก้ไขมาตรการ", "en": "Edit the measure"},
    "measure_form.title": {"th": "มาตรการ/แนวทาง", "en": "Title"},
    "measure_form.topic": {"th": "หัวข้อ (ถ้ามี)", "en": "Topic (optional)"},
    "measure_form.fiscal_year": {"th": "ปีงบประมาณ (พ.ศ.)", "en": "Fiscal year (B.E.)"},
    "measure_form.period": {"th": "ระยะเวลาดำเนินการ", "en": "Period"},
    "measure_form.period_hint": {
        "th": "เช่น ต.ค. ๖๕ – ก.ย. ๖๖, ปีงบประมาณ ๒๕๖๖ หรือ -",
        "en": "e.g. ต.ค. ๖๕ – ก.ย. ๖๖, ปีงบประมาณ ๒๕๖๖ or -",
    },
    "measure_form.lead": {"th": "ผู้รับผิดชอบหลัก", "en": "Lead unit"},
    "measure_form.support": {"th": "ผู้รับผิดชอบร่วม", "en": "Supporting units"},
    "measure_form.choose": {"th": "เลือกกอง/งาน", "en": "Choose a unit"},
    "measure_form.method": {"th": "วิธีการดำเนินการ", "en": "Method"},
    "measure_form.follow_up": {"th": "การติดตามผล", "en": "Follow-up"},
    "measure_form.contents": {"th": "เนื้อหาที่รายงานต้องมี", "en": "Required contents"},
    "measure_form.contents_hint": {
        "th": "บรรทัดละหนึ่งรายการ รายการที่ติ๊กแล้วและไม่ได้แก้ข้อความจะยังติ๊กอยู่",
        "en": "One item per line; ticked items whose text is unchanged stay ticked",
    },
    "measure_form.findings": {"th": "ตอบข้อค้นพบ", "en": "Answers the findings"},
    "measure_form.saved": {"th": "บันทึกมาตรการ #{id} แล้ว", "en": "Measure #{id} saved"},
    # Follow-up
    "follow.heading": {
        "th": "ปีงบประมาณ {year} · ณ {date} (┃) · ⚠ เกินกำหนด {overdue} · ◔ ใกล้ครบกำหนด {due_soon} · … ไม่คืบหน้า {stale} · ยกเลิก {dropped}",
        "en": "Fiscal year {year} · as of {date} (┃) · ⚠ overdue {overdue} · ◔ due soon {due_soon} · … stale {stale} · dropped {dropped}",
    },
    "follow.overdue": {"th": "เกินกำหนด (ตามกองหลัก)", "en": "Overdue (by lead unit)"},
    "follow.due_soon": {"th": "ครบกำหนดใน {days} วัน", "en": "Due within {days} days"},
    "follow.stale": {"th": "ไม่มีความคืบหน้า {days} วัน", "en": "No progress for {days} days"},
    "follow.on_track": {"th": "อื่น ๆ ตามแผน", "en": "Others on the plan"},
    "follow.done": {"th": "เสร็จแล้ว", "en": "Done"},
    "follow.days_over": {"th": "เกิน {days} วัน", "en": "{days} d over"},
    "follow.nothing": {"th": "ไม่มีมาตรการในแผน", "en": "The plan has no measures"},
    # Plan editing
    "plan.units": {"th": "กอง/งาน", "en": "Units"},
    "plan.findings": {"th": "ข้อค้นพบ", "en": "Findings"},
    "plan.assessments": {"th": "ผลการประเมิน", "en": "Assessments"},
    "plan.name": {"th": "ชื่อ", "en": "Name"},
    "plan.kind": {"th": "ประเภท", "en": "Kind"},
    "plan.parent": {"th": "สังกัด", "en": "Part of"},
    "plan.year": {"th": "ปี (พ.ศ.)", "en": "Year (B.E.)"},
    "plan.indicator": {"th": "ตัวชี้วัด", "en": "Indicator"},
    "plan.finding_kind": {"th": "ประเภท", "en": "Kind"},
    "plan.item": {"th": "ข้อ OIT", "en": "OIT item"},
    "plan.text": {"th": "ข้อความ", "en": "Text"},
    "plan.overall": {"th": "คะแนนรวม", "en": "Overall"},
    "plan.result": {"th": "ระดับ/ผล", "en": "Grade/rating"},
    "plan.published": {"th": "ที่ประกาศ", "en": "Published"},
    "plan.scores": {"th": "คะแนนตัวชี้วัด ๑–๑๐", "en": "Indicator scores 1–10"},
    "plan.confirm_delete": {"th": "ลบ{what}: {row}?", "en": "Delete from {what}: {row}?"},
    "plan.deleted": {"th": "ลบแล้ว: {row}", "en": "Deleted: {row}"},
    "unit_form.add": {"th": "เพิ่มกอง/งาน", "en": "Add a unit"},
    "unit_form.edit": {"th": "แก้ไขกอง/งาน", "en": "Edit the unit"},
    "unit.exists": {
        "th": "มีกอง/งานชื่อ “{name}” อยู่แล้ว",
        "en": "A unit named “{name}” exists already",
    },
    "unit.in_use": {
        "th": "ลบไม่ได้: ยังรับผิดชอบมาตรการ {count} รายการ",
        "en": "Cannot delete: still responsible for {count} measure(s)",
    },
    "unit.has_children": {
        "th": "ลบไม่ได้: มีหน่วยย่อย {count} หน่วย",
        "en": "Cannot delete: {count} unit(s) are part of it",
    },
    "finding_form.add": {"th": "เพิ่มข้อค้นพบ", "en": "Add a finding"},
    "finding_form.edit": {"th": "แก้ไขข้อค้นพบ", "en": "Edit the finding"},
    "finding_form.sub": {"th": "ตัวชี้วัดย่อย", "en": "Sub-indicator"},
    "finding_form.whole_instrument": {
        "th": "{instrument} ทั้งเครื่องมือ",
        "en": "{instrument} as a whole",
    },
    "finding_form.need_indicator": {
        "th": "เลือกตัวชี้วัด หรือเครื่องมือทั้งชุด (IIT, EIT, OIT)",
        "en": "Choose an indicator, or an instrument as a whole (IIT, EIT, OIT)",
    },
    "finding_form.topic": {"th": "หัวข้อ", "en": "Topic"},
    "assessment_form.add": {"th": "เพิ่มผลการประเมิน", "en": "Add an assessment"},
    "assessment_form.edit": {"th": "แก้ไขผลการประเมิน", "en": "Edit the assessment"},
    "assessment_form.published": {
        "th": "คะแนนรวมที่ประกาศ (ถ้ามี)",
        "en": "Published overall (optional)",
    },
    "assessment_form.published_result": {
        "th": "ระดับ/ผลที่ประกาศ (ถ้ามี)",
        "en": "Published grade or rating (optional)",
    },
    # What-if
    "oit.unknown_item": {
        "th": "ไม่มีข้อ OIT “{code}” ในรายการของปีนี้ (มี {first} ถึง {last})",
        "en": "“{code}” is not an OIT item of this year ({first} to {last})",
    },
    "oit.bad_catalogue": {
        "th": "{path}: รายการข้อ OIT ไม่ถูกต้อง ({detail})",
        "en": "{path}: the OIT item list is not valid ({detail})",
    },
    "oit.no_catalogue": {
        "th": "ยังไม่มีรายการข้อ OIT ของปี {year} ระบุไฟล์ด้วย --catalogue",
        "en": "No OIT item list for {year}; give one with --catalogue",
    },
    "oit.pass_not_failed": {
        "th": "{code} ไม่ได้อยู่ในข้อที่ไม่ผ่าน",
        "en": "{code} is not among the failed items",
    },
    "whatif.no_assessment": {
        "th": "ยังไม่มีผลการประเมินปี {year} ในฐานข้อมูล",
        "en": "The database holds no assessment for {year}",
    },
    "whatif.indicators": {
        "th": "ตัวชี้วัดที่ ๙: {nine}  ตัวชี้วัดที่ ๑๐: {ten}",
        "en": "Indicator 9: {nine}  indicator 10: {ten}",
    },
    "whatif.fewest": {
        "th": "ถึง {target} คะแนน ต้องผ่านอย่างน้อย {count} ข้อ: {items}",
        "en": "To reach {target}: at least {count} item(s): {items}",
    },
    "whatif.reached": {"th": "ถึง {target} คะแนนแล้ว", "en": "{target} is reached already"},
    "whatif.unreachable": {
        "th": "แม้ผ่านทุกข้อที่เหลือ ก็ยังไม่ถึง {target} คะแนน",
        "en": "Even with every remaining item passed, {target} is out of reach",
    },
    # Meetings
    "meeting.added": {
        "th": "บันทึกการประชุม #{id} วันที่ {date} แล้ว",
        "en": "Meeting #{id} of {date} recorded",
    },
    "meeting.unknown": {"th": "ไม่มีการประชุมหมายเลข {id}", "en": "There is no meeting {id}"},
    "meeting.none": {
        "th": "ยังไม่มีการประชุม บันทึกก่อนด้วย ita-tui meeting add --date DATE",
        "en": "No meeting yet; record one with ita-tui meeting add --date DATE",
    },
    "meeting.bad_id": {
        "th": "“{value}” ไม่ใช่หมายเลขการประชุม",
        "en": "“{value}” is not a meeting number",
    },
    "decision.added": {"th": "บันทึกมติ #{id} แล้ว", "en": "Decision #{id} recorded"},
    "decision.unknown": {"th": "ไม่มีมติหมายเลข {id}", "en": "There is no decision {id}"},
    "decision.bad_id": {
        "th": "“{value}” ไม่ใช่หมายเลขมติ",
        "en": "“{value}” is not a decision number",
    },
    "decision.closed": {"th": "ปิดมติ #{id} เมื่อ {date} แล้ว", "en": "Decision #{id} closed on {date}"},
    "decision.closed_already": {
        "th": "มติ #{id} ปิดไปแล้วเมื่อ {date}",
        "en": "Decision #{id} was closed already on {date}",
    },
    "decision.closed_on": {"th": "ปิด {date}", "en": "closed {date}"},
    "decision.open": {"th": "ยังเปิด", "en": "open"},
    # The meeting pack
    "report.done": {"th": "เขียนรายงานการประชุมไว้ที่ {path}", "en": "Meeting pack written to {path}"},
    "report.title": {
        "th": "รายงานติดตามแผนส่งเสริมคุณธรรมและความโปร่งใส {agency}",
        "en": "Integrity and transparency plan follow-up: {agency}",
    },
    "report.subtitle": {
        "th": "สถานะ ณ วันที่ {as_of} · ความเปลี่ยนแปลงตั้งแต่ {since}",
        "en": "Status as of {as_of} · changes since {since}",
    },
    "report.assessment": {"th": "ผลการประเมิน ITA", "en": "ITA result"},
    "report.chart_title": {
        "th": "คะแนนรายตัวชี้วัดเทียบเกณฑ์ ๘๕",
        "en": "Indicator scores against the pass mark",
    },
    "report.legend": {
        "th": "แท่งสีเทา: ปี {last} · แท่งสี: ปี {this} (เขียวผ่าน แดงไม่ผ่าน) · เส้นประ: เกณฑ์ {mark} คะแนน",
        "en": "Grey: {last} · coloured: {this} (green passed, red not) · dashed line: the pass mark {mark}",
    },
    "report.overdue": {"th": "เกินกำหนด", "en": "Overdue"},
    "report.due_next_month": {"th": "ครบกำหนดภายในเดือนหน้า", "en": "Due within the next month"},
    "report.behind": {"th": "ล่าช้ากว่าแผน", "en": "Behind schedule"},
    "report.stale": {
        "th": "ไม่มีความคืบหน้าตั้งแต่การประชุมครั้งก่อน",
        "en": "No progress since the last meeting",
    },
    "report.done_since": {"th": "เสร็จตั้งแต่การประชุมครั้งก่อน", "en": "Done since the last meeting"},
    "report.decisions": {"th": "มติที่ยังไม่ปิด", "en": "Open decisions"},
    "report.no_decisions": {"th": "ไม่มีมติค้าง", "en": "No open decisions"},
    "report.changes": {
        "th": "ความเปลี่ยนแปลงตั้งแต่การประชุมครั้งก่อน",
        "en": "What changed since the last meeting",
    },
    "report.no_changes": {"th": "ไม่มีการบันทึกใหม่", "en": "Nothing new was recorded"},
    "report.change.progress": {
        "th": "{date}: มาตรการ #{id} ร้อยละ {percent} ({by})",
        "en": "{date}: measure #{id} at {percent}% ({by})",
    },
    "report.change.ticked": {
        "th": "{date}: มาตรการ #{id} มีเนื้อหา “{item}” แล้ว",
        "en": "{date}: measure #{id} has “{item}”",
    },
    "report.change.status": {
        "th": "{date}: มาตรการ #{id} เปลี่ยนสถานะเป็น {status}",
        "en": "{date}: measure #{id} is now {status}",
    },
    "report.col.measure": {"th": "มาตรการ", "en": "Measure"},
    "report.col.due": {"th": "ครบกำหนด", "en": "Due"},
    "report.col.overdue": {"th": "เกินกำหนด", "en": "Overdue"},
    "report.col.expected": {"th": "ควรถึง", "en": "Expected"},
    "report.col.last_progress": {"th": "บันทึกล่าสุด", "en": "Last progress"},
    "report.col.done_on": {"th": "เสร็จเมื่อ", "en": "Done on"},
    "report.col.meeting": {"th": "ประชุม", "en": "Meeting"},
    "report.col.decision": {"th": "มติ", "en": "Decision"},
    "report.col.measure_id": {"th": "มาตรการ", "en": "Measure"},
    "report.col.unit": {"th": "ผู้รับผิดชอบ", "en": "Unit"},
    # The national view
    "mode.agencies": {"th": "หน่วยงาน", "en": "Agencies"},
    "binding.go-agencies": {"th": "หน่วยงาน", "en": "Agencies"},
    "binding.go-agencies.tip": {
        "th": "ทุกหน่วยงานในฐานข้อมูล เลือกหน่วยงานที่จะดู",
        "en": "Every agency in the database; choose the one to show",
    },
    "agencies.search": {"th": "ค้นหาหน่วยงาน …", "en": "Search agencies …"},
    "agencies.sort.overall": {
        "th": "เรียงตามคะแนนรวม (ต่ำก่อน)",
        "en": "By overall score (lowest first)",
    },
    "agencies.sort.overdue": {"th": "เรียงตามเกินกำหนด (มากก่อน)", "en": "By overdue (most first)"},
    "agencies.sort.stale": {"th": "เรียงตามไม่คืบหน้า (มากก่อน)", "en": "By stale (most first)"},
    "agencies.sort.name": {"th": "เรียงตามชื่อ", "en": "By name"},
    "agencies.col.name": {"th": "หน่วยงาน", "en": "Agency"},
    "agencies.col.year": {"th": "ปี", "en": "Year"},
    "agencies.col.overall": {"th": "คะแนนรวม", "en": "Overall"},
    "agencies.col.result": {"th": "ระดับ/ผล", "en": "Grade/rating"},
    "agencies.col.measures": {"th": "มาตรการ", "en": "Measures"},
    "agencies.col.overdue": {"th": "เกินกำหนด", "en": "Overdue"},
    "agencies.col.stale": {"th": "ไม่คืบหน้า", "en": "Stale"},
    "agencies.count": {
        "th": "แสดง {shown} จาก {total} หน่วยงาน · Enter เลือก · / ค้นหา",
        "en": "{shown} of {total} agencies · Enter chooses · / searches",
    },
    # Meetings and analysis in the app
    "mode.meetings": {"th": "ประชุม", "en": "Meetings"},
    "mode.analysis": {"th": "วิเคราะห์", "en": "Analysis"},
    "binding.go-meetings": {"th": "ประชุม", "en": "Meetings"},
    "binding.go-meetings.tip": {
        "th": "การประชุมประจำเดือน มติ และรายงานการประชุม",
        "en": "Monthly meetings, decisions and the meeting pack",
    },
    "binding.go-analysis": {"th": "วิเคราะห์", "en": "Analysis"},
    "binding.go-analysis.tip": {
        "th": "กราฟตัวชี้วัด ผลถ้าข้อ OIT ผ่าน และความก้าวหน้ารายเดือน",
        "en": "Indicator chart, OIT what-if and monthly progress",
    },
    "binding.add-meeting": {"th": "บันทึกการประชุม", "en": "Add meeting"},
    "binding.add-meeting.tip": {"th": "บันทึกการประชุมครั้งใหม่", "en": "Record a meeting"},
    "binding.add-decision": {"th": "เพิ่มมติ", "en": "Add decision"},
    "binding.add-decision.tip": {
        "th": "บันทึกมติของการประชุมที่เลือก",
        "en": "Record a decision of the chosen meeting",
    },
    "binding.close-decision": {"th": "ปิดมติ", "en": "Close decision"},
    "binding.close-decision.tip": {
        "th": "บันทึกว่ามติที่เลือกดำเนินการแล้ว",
        "en": "Mark the chosen decision as done",
    },
    "binding.write-pack": {"th": "เขียนรายงาน", "en": "Write pack"},
    "binding.write-pack.tip": {
        "th": "เขียนรายงานการประชุมเป็น HTML หรือ Markdown",
        "en": "Write the meeting pack as HTML or Markdown",
    },
    "meetings.title": {
        "th": "การประชุม (ล่าสุดก่อน) · a บันทึก",
        "en": "Meetings (newest first) · a adds",
    },
    "meetings.decisions": {
        "th": "มติ (ค้างก่อน) · n เพิ่ม · c ปิด · r เขียนรายงาน",
        "en": "Decisions (open first) · n adds · c closes · r writes the pack",
    },
    "meetings.col.date": {"th": "วันที่ประชุม", "en": "Date"},
    "meetings.col.attendees": {"th": "ผู้เข้าประชุม", "en": "Attendees"},
    "meetings.col.notes": {"th": "บันทึก", "en": "Notes"},
    "meetings.col.state": {"th": "สถานะ", "en": "State"},
    "meetings.late": {"th": "เลยกำหนด", "en": "late"},
    "meeting_form.title": {"th": "บันทึกการประชุม", "en": "Record a meeting"},
    "decision_form.title": {"th": "บันทึกมติ", "en": "Record a decision"},
    "close_form.title": {"th": "ปิดมติ", "en": "Close the decision"},
    "close_form.date": {"th": "ดำเนินการแล้วเมื่อ", "en": "Done on"},
    "close_form.note": {"th": "หมายเหตุ", "en": "Note"},
    "report_form.title": {"th": "เขียนรายงานการประชุม", "en": "Write the meeting pack"},
    "report_form.since": {"th": "ความเปลี่ยนแปลงตั้งแต่", "en": "Changes since"},
    "report_form.since_hint": {
        "th": "เว้นว่าง = ตั้งแต่การประชุมครั้งก่อน",
        "en": "Empty: since the last meeting",
    },
    "report_form.format": {"th": "รูปแบบ", "en": "Format"},
    "analysis.chart": {
        "th": "คะแนนตัวชี้วัด ปี {this} (█) เทียบปี {last} (░) และเกณฑ์ {mark} (┃)",
        "en": "Indicator scores {this} (█) against {last} (░) and the pass mark {mark} (┃)",
    },
    "analysis.whatif": {
        "th": "ถ้าข้อ OIT ที่ไม่ผ่านในปี {year} ผ่าน (Space ติ๊กเพื่อสมมุติ)",
        "en": "If failed OIT items of {year} passed (Space ticks one)",
    },
    "analysis.overall": {
        "th": "คะแนนรวม {overall} · {kind} {result} · {verdict}",
        "en": "Overall {overall} · {kind} {result} · {verdict}",
    },
    "analysis.progress": {
        "th": "ความก้าวหน้าเฉลี่ยสิ้นเดือน ปีงบประมาณ {year} ถึง {date}",
        "en": "Mean progress at each month end, fiscal year {year}, to {date}",
    },
    "analysis.whole_plan": {"th": "ทั้งแผน", "en": "The whole plan"},
    "analysis.unit": {"th": "กอง/งาน", "en": "Unit"},
    # Records
    "verify.ok": {
        "th": "บันทึกถูกต้องครบถ้วน: {count} รายการ, หัวสาย {head}",
        "en": "The records are intact: {count} entries, chain head {head}",
    },
    "verify.failed": {"th": "พบความผิดปกติ {count} จุด:", "en": "{count} problem(s) found:"},
    "verify.entry": {"th": "รายการที่ {id}: ", "en": "entry {id}: "},
    "verify.chain_broken": {
        "th": "รายการนี้ไม่ได้ต่อจากรายการก่อนหน้า: ถูกแทรก ย้ายที่ หรือแก้ไข{detail}",
        "en": "the entry does not follow the one before it: it was inserted, moved or altered{detail}",
    },
    "verify.entry_missing": {
        "th": "รายการหายไป: ถูกลบ (อาจพร้อมรายการถัดไปด้วย){detail}",
        "en": "the entry is missing: it was removed (perhaps with others after it){detail}",
    },
    "verify.against_ok": {
        "th": "{path}: หัวสายบันทึกของสแนปช็อตนี้ (รายการที่ {id}) อยู่ในสายบันทึก",
        "en": "{path}: the snapshot's journal head (entry {id}) is in the chain",
    },
    "verify.against_missing": {
        "th": "{path}: หัวสายบันทึกของสแนปช็อตนี้ (รายการที่ {id}) ไม่อยู่ในสายบันทึกของฐานข้อมูลนี้:"
        " รายการถูกลบ หรือสายบันทึกถูกสร้างใหม่ หลังส่งออกไฟล์นั้น",
        "en": "{path}: the snapshot's journal head (entry {id}) is not in this database's journal:"
        " entries were removed, or the journal rebuilt, after that file was exported",
    },
    "verify.against_no_head": {
        "th": "{path} ไม่มี journal_head: ไม่ใช่สแนปช็อตที่ ita-tui ส่งออก จึงใช้ตรวจสอบไม่ได้",
        "en": "{path} has no journal_head: it is not a snapshot ita-tui exported, so it cannot be checked against",
    },
    "verify.entry_altered": {
        "th": "รายการถูกแก้ไขหลังบันทึก{detail}",
        "en": "the entry was altered after it was written{detail}",
    },
    "verify.row_differs": {
        "th": "ข้อมูลปัจจุบันไม่ตรงกับบันทึก: {detail}",
        "en": "the current row differs from the journal: {detail}",
    },
    "verify.row_missing": {
        "th": "ข้อมูลหายไปโดยไม่มีบันทึก: {detail}",
        "en": "a row is gone without a journal entry: {detail}",
    },
    "progress.unknown_entry": {
        "th": "ไม่มีบันทึกความก้าวหน้าหมายเลข {id} ของมาตรการ {measure}",
        "en": "Measure {measure} has no progress entry {id}",
    },
    "progress.bad_entry_id": {
        "th": "“{value}” ไม่ใช่หมายเลขบันทึก",
        "en": "“{value}” is not an entry number",
    },
    "unit.in_decisions": {
        "th": "ลบไม่ได้: ยังมีมติที่มอบให้กอง/งานนี้",
        "en": "Cannot delete: decisions are assigned to this unit",
    },
    "verify.readable_by_others": {
        "th": "{path} อ่านได้โดยผู้ใช้ทุกคนในเครื่องนี้ (สิทธิ์ {mode}) ปิดด้วย: chmod o-rwx {path}",
        "en": "{path} can be read by every user of this machine (mode {mode}); close it with: chmod o-rwx {path}",
    },
    "serve.readable_by_others": {
        "th": "คำเตือน: {path} อ่านได้โดยผู้ใช้ทุกคนในเครื่องนี้ (สิทธิ์ {mode}) รวมถึงรหัสผ่านที่เข้ารหัสไว้ ปิดด้วย: chmod o-rwx {path}",
        "en": "Warning: {path} can be read by every user of this machine (mode {mode}), password hashes included; close it with: chmod o-rwx {path}",
    },
    "share.no_such_group": {
        "th": "ไม่มีกลุ่มผู้ใช้ “{group}” ในเครื่องนี้",
        "en": "There is no group “{group}” on this machine",
    },
    "share.not_allowed": {
        "th": "ให้กลุ่ม {group} ใช้ {path} ไม่ได้: ต้องเป็นเจ้าของไฟล์และเป็นสมาชิกของกลุ่มนี้",
        "en": "Cannot share {path} with {group}: you must own the files and be a member of the group",
    },
    "share.open_folder": {
        "th": "สมาชิกกลุ่ม {group} จะเขียนฐานข้อมูลได้เมื่อโฟลเดอร์ {folder} เปิดให้กลุ่มนี้: chgrp {group} {folder} && chmod 2770 {folder}",
        "en": "Members of {group} can write the database once its folder {folder} lets the group in: chgrp {group} {folder} && chmod 2770 {folder}",
    },
    "backup.onto_database": {
        "th": "{path} คือฐานข้อมูลเอง สำรองทับตัวเองไม่ได้ เลือกไฟล์อื่น",
        "en": "{path} is the database itself; a backup cannot replace it; choose another file",
    },
    "backup.done": {"th": "สำรองฐานข้อมูลไว้ที่ {path}", "en": "Database backed up to {path}"},
    "restore.done": {
        "th": "กู้คืนจาก {path} แล้ว ฐานข้อมูลเดิมสำรองไว้ที่ {saved}",
        "en": "Restored from {path}; the previous database was saved to {saved}",
    },
    "restore.empty": {
        "th": "{path} เป็นไฟล์ว่างเปล่า ไม่ใช่สำเนาฐานข้อมูล",
        "en": "{path} is an empty file, not a copy of a database",
    },
    "restore.refused": {
        "th": "ไม่กู้คืน: {reason}\nฐานข้อมูลปัจจุบัน {database} ไม่ถูกแตะต้อง ยังใช้งานได้ตามเดิม",
        "en": "Not restored: {reason}\nThe current database {database} was not touched and is still usable.",
    },
    "restore.refused_untouched": {
        "th": "ไม่กู้คืน: {reason}\nฐานข้อมูลปัจจุบัน {database} ไม่ถูกแตะต้อง",
        "en": "Not restored: {reason}\nThe current database {database} was not touched.",
    },
    "restore.damaged": {
        "th": "{path} เสียหาย ({detail}) จึงไม่กู้คืน",
        "en": "{path} is damaged ({detail}); not restored",
    },
    "log.corrected": {"th": "แก้ไขบันทึก #{entry}", "en": "corrects entry #{entry}"},
    # People, roles and login
    "access.not_your_unit": {
        "th": "{name} ไม่ได้รับผิดชอบมาตรการ #{id}: เจ้าหน้าที่บันทึกได้เฉพาะมาตรการของกอง/งานของตน (บันทึกความพยายามนี้ไว้แล้ว)",
        "en": "{name} is not responsible for measure #{id}: an officer records only the measures of their own units (this attempt was recorded)",
    },
    "access.needs_supervisor": {
        "th": "{name} ไม่มีสิทธิ์ทำสิ่งนี้: ต้องเป็นผู้บังคับบัญชา (บันทึกความพยายามนี้ไว้แล้ว)",
        "en": "{name} may not do this: it needs a supervisor (this attempt was recorded)",
    },
    "access.needs_administrator": {
        "th": "{name} ไม่มีสิทธิ์ทำสิ่งนี้: ต้องเป็นผู้ดูแลระบบ (บันทึกความพยายามนี้ไว้แล้ว)",
        "en": "{name} may not do this: it needs an administrator (this attempt was recorded)",
    },
    "login.required": {
        "th": "ฐานข้อมูลนี้ต้องเข้าสู่ระบบ: ระบุชื่อผู้ใช้ด้วย --by และรหัสผ่าน (พิมพ์เมื่อถาม หรือ --password-file)",
        "en": "This database requires login: give your login with --by, and your password (typed when asked, or --password-file)",
    },
    "login.failed": {
        "th": "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง (บันทึกไว้แล้ว)",
        "en": "Wrong login or password (recorded)",
    },
    "login.wait": {
        "th": "ใส่รหัสผ่านผิดหลายครั้ง รออีก {seconds} วินาทีแล้วลองใหม่",
        "en": "Too many wrong passwords; wait {seconds} seconds and try again",
    },
    "login.need_administrator": {
        "th": "ทำไม่ได้: เมื่อต้องเข้าสู่ระบบ ต้องมีผู้ดูแลระบบที่ใช้งานอยู่และตั้งรหัสผ่านแล้วอย่างน้อยหนึ่งคน ไม่เช่นนั้นจะไม่มีใครเข้าได้",
        "en": "Not done: with login required there must be at least one active administrator with a password, or no one could get in",
    },
    "login.no_password_given": {
        "th": "ต้องใช้รหัสผ่าน แต่ไม่มีที่ให้พิมพ์: ใช้ --password-file FILE",
        "en": "A password is needed and there is nowhere to type it: use --password-file FILE",
    },
    "login.password_file": {
        "th": "อ่านไฟล์รหัสผ่าน {path} ไม่ได้",
        "en": "Cannot read the password file {path}",
    },
    "login.account_stopped": {
        "th": "บัญชีของคุณถูกระงับระหว่างใช้งาน จึงปิดโปรแกรม",
        "en": "Your account was stopped while the app was open, so it closed",
    },
    "login.prompt": {"th": "รหัสผ่านของ {login}", "en": "Password for {login}"},
    "login.title": {"th": "เข้าสู่ระบบ", "en": "Log in"},
    "login.intro": {
        "th": "ฐานข้อมูลนี้ใช้ร่วมกัน กรุณาเข้าสู่ระบบ",
        "en": "This database is shared; please log in",
    },
    "login.login": {"th": "ชื่อผู้ใช้", "en": "Login"},
    "login.password": {"th": "รหัสผ่าน", "en": "Password"},
    "login.submit": {"th": "เข้าสู่ระบบ", "en": "Log in"},
    "login.welcome": {"th": "ยินดีต้อนรับ {name} ({role})", "en": "Welcome, {name} ({role})"},
    "login.now_required": {
        "th": "ตั้งค่าแล้ว: ฐานข้อมูลนี้ต้องเข้าสู่ระบบ",
        "en": "Done: this database now requires login",
    },
    "login.now_optional": {
        "th": "ตั้งค่าแล้ว: ฐานข้อมูลนี้ไม่ต้องเข้าสู่ระบบ (ผู้ใช้คนเดียว ทำได้ทุกอย่าง)",
        "en": "Done: this database no longer requires login (single user, may do everything)",
    },
    "password.too_short": {
        "th": "รหัสผ่านต้องยาวอย่างน้อย {length} ตัวอักษร",
        "en": "A password must be at least {length} characters long",
    },
    "password.spaces": {
        "th": "รหัสผ่านต้องไม่ขึ้นต้นหรือลงท้ายด้วยช่องว่าง",
        "en": "A password must not start or end with a space",
    },
    "password.wrong_current": {
        "th": "รหัสผ่านปัจจุบันไม่ถูกต้อง (บันทึกไว้แล้ว)",
        "en": "The current password is wrong (recorded)",
    },
    "password.mismatch": {
        "th": "รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน",
        "en": "The two new passwords differ",
    },
    "password.changed": {"th": "เปลี่ยนรหัสผ่านของ {login} แล้ว", "en": "Password of {login} changed"},
    "password.title": {"th": "เปลี่ยนรหัสผ่าน", "en": "Change password"},
    "password.current": {"th": "รหัสผ่านปัจจุบัน", "en": "Current password"},
    "password.new": {"th": "รหัสผ่านใหม่", "en": "New password"},
    "password.again": {"th": "รหัสผ่านใหม่อีกครั้ง", "en": "New password again"},
    "password.new_prompt": {"th": "รหัสผ่านใหม่ของ {login}", "en": "New password for {login}"},
    "password.not_logged_in": {
        "th": "เปลี่ยนรหัสผ่านได้เมื่อเข้าสู่ระบบแล้วเท่านั้น",
        "en": "Log in first to change your password",
    },
    "people.bad_login": {
        "th": "“{value}” ใช้เป็นชื่อผู้ใช้ไม่ได้ (ต้องไม่ว่างและไม่มีช่องว่าง)",
        "en": "“{value}” cannot be a login (it must be non-empty, without spaces)",
    },
    "people.bad_role": {
        "th": "ไม่มีบทบาท “{value}” (มี: {choices})",
        "en": "There is no role “{value}” (roles: {choices})",
    },
    "people.login_taken": {
        "th": "มีผู้ใช้ชื่อ {login} อยู่แล้ว",
        "en": "The login {login} is taken",
    },
    "people.need_name": {"th": "ต้องมีชื่อ-นามสกุล", "en": "A name is needed"},
    "people.unknown": {"th": "ไม่มีผู้ใช้ {login}", "en": "There is no person {login}"},
    "people.added": {
        "th": "เพิ่ม {name} ({login}) เป็น{role}แล้ว",
        "en": "Added {name} ({login}) as {role}",
    },
    "people.changed": {"th": "แก้ไขข้อมูลของ {login} แล้ว", "en": "{login} changed"},
    "people.none": {"th": "ยังไม่มีผู้ใช้", "en": "No people yet"},
    "people.inactive": {"th": "ระงับแล้ว", "en": "inactive"},
    "people.no_password": {"th": "ยังไม่ตั้งรหัสผ่าน", "en": "no password"},
    "role.officer": {"th": "เจ้าหน้าที่", "en": "officer"},
    "role.supervisor": {"th": "ผู้บังคับบัญชา", "en": "supervisor"},
    "role.administrator": {"th": "ผู้ดูแลระบบ", "en": "administrator"},
    "unit.has_people": {
        "th": "ลบไม่ได้: ยังมีผู้ใช้ที่รับผิดชอบกอง/งานนี้ (โอนงานให้ผู้อื่นก่อน)",
        "en": "Cannot delete: people are assigned to this unit (hand it over first)",
    },
    "handover.same_person": {
        "th": "ผู้ส่งมอบและผู้รับมอบเป็นคนเดียวกัน",
        "en": "The person handing over and the successor are the same",
    },
    "handover.inactive": {
        "th": "{login} ถูกระงับอยู่ จึงรับมอบงานไม่ได้",
        "en": "{login} is inactive and cannot take over",
    },
    "handover.not_their_unit": {
        "th": "{login} ไม่ได้รับผิดชอบกอง/งานที่ระบุทั้งหมด",
        "en": "{login} is not responsible for all the units named",
    },
    "handover.no_units": {
        "th": "{login} ไม่มีกอง/งานที่จะส่งมอบ",
        "en": "{login} has no units to hand over",
    },
    "handover.done": {
        "th": "ส่งมอบ {units} จาก {source} ให้ {target} แล้ว: มาตรการที่ยังไม่เสร็จ {measures} รายการ มติที่ยังไม่ปิด {decisions} รายการ",
        "en": "Handed {units} from {source} to {target}: {measures} open measures, {decisions} open decisions",
    },
    "serve.open_network": {
        "th": "คำเตือน: เปิดให้เข้าจากเครื่องอื่นที่ {host} แต่ฐานข้อมูลนี้ไม่ต้องเข้าสู่ระบบ ใครเข้าถึงเครือข่ายได้ก็แก้ไขแผนได้ทุกอย่าง เปิดการเข้าสู่ระบบด้วย `ita-tui people require-login`",
        "en": "Warning: serving to other machines on {host}, but this database does not require login; anyone on the network may change everything. Turn login on with `ita-tui people require-login`",
    },
    "serve.starting": {
        "th": "เปิดแอปในเบราว์เซอร์ที่ {url} รอรับที่ {host}:{port} (หยุดด้วย Ctrl+C)",
        "en": "Serving the app at {url}, listening on {host}:{port} (stop with Ctrl+C)",
    },
    "serve.need_public_url": {
        "th": "เปิดให้เครื่องอื่นเข้าที่ {host} ต้องระบุที่อยู่ที่เบราว์เซอร์ใช้ด้วย --public-url"
        " เช่น --public-url http://192.168.1.10:8000",
        "en": "Serving beyond this machine on {host} needs the address browsers use:"
        " give --public-url, e.g. --public-url http://192.168.1.10:8000",
    },
    "serve.bad_public_url": {
        "th": "--public-url ต้องเป็นที่อยู่ http:// หรือ https:// ที่ไม่มี ? หรือ # เช่น https://ita.example.go.th"
        " (ได้รับ: {value})",
        "en": "--public-url must be an http:// or https:// address without ? or #,"
        " e.g. https://ita.example.go.th (got: {value})",
    },
    "event.login": {"th": "เข้าสู่ระบบ", "en": "logged in"},
    "event.login_attempt": {"th": "ขอเข้าสู่ระบบ", "en": "login tried"},
    "event.password_confirmed": {"th": "ยืนยันรหัสผ่านเดิม", "en": "current password confirmed"},
    "event.login_failed": {"th": "เข้าสู่ระบบไม่สำเร็จ", "en": "failed login"},
    "event.denied": {"th": "ถูกปฏิเสธ", "en": "refused"},
    "event.person_added": {"th": "เพิ่มผู้ใช้", "en": "person added"},
    "event.person_changed": {"th": "แก้ไขผู้ใช้", "en": "person changed"},
    "event.password_changed": {"th": "เปลี่ยนรหัสผ่าน", "en": "password changed"},
    "event.password_refused": {"th": "รหัสผ่านปัจจุบันผิด", "en": "wrong current password"},
    "event.login_required": {"th": "เปิดการเข้าสู่ระบบ", "en": "login turned on"},
    "event.login_optional": {"th": "ปิดการเข้าสู่ระบบ", "en": "login turned off"},
    "event.handover": {"th": "ส่งมอบงาน", "en": "handover"},
    "mode.people": {"th": "ผู้ใช้", "en": "People"},
    "binding.go-people": {"th": "ผู้ใช้", "en": "People"},
    "binding.go-people.tip": {
        "th": "ผู้ใช้ บทบาท กอง/งานที่รับผิดชอบ และการส่งมอบงาน",
        "en": "People, their roles and units, and handovers",
    },
    "binding.add-person": {"th": "เพิ่มผู้ใช้", "en": "Add person"},
    "binding.add-person.tip": {
        "th": "เพิ่มผู้ใช้ (ผู้ดูแลระบบ)",
        "en": "Add a person (administrators)",
    },
    "binding.edit-person": {"th": "แก้ไขผู้ใช้", "en": "Edit person"},
    "binding.edit-person.tip": {
        "th": "แก้ไขชื่อ บทบาท กอง/งาน หรือรหัสผ่าน (ผู้ดูแลระบบ)",
        "en": "Change name, role, units or password (administrators)",
    },
    "binding.handover": {"th": "ส่งมอบงาน", "en": "Hand over"},
    "binding.handover.tip": {
        "th": "ส่งมอบกอง/งานและงานค้างของผู้ใช้ให้ผู้รับช่วง (ผู้บังคับบัญชา)",
        "en": "Hand this person's units and open items to a successor (supervisors)",
    },
    "people.title": {"th": "ผู้ใช้", "en": "People"},
    "people.login_on": {"th": "ต้องเข้าสู่ระบบ", "en": "login required"},
    "people.login_off": {
        "th": "ไม่ต้องเข้าสู่ระบบ (ผู้ใช้คนเดียว)",
        "en": "no login (single user)",
    },
    "people.col.login": {"th": "ชื่อผู้ใช้", "en": "Login"},
    "people.col.name": {"th": "ชื่อ-นามสกุล", "en": "Name"},
    "people.col.role": {"th": "บทบาท", "en": "Role"},
    "people.col.units": {"th": "กอง/งานที่รับผิดชอบ", "en": "Units"},
    "people.col.state": {"th": "สถานะ", "en": "State"},
    "people.col.at": {"th": "เวลา (UTC)", "en": "When (UTC)"},
    "people.col.event": {"th": "เหตุการณ์", "en": "Event"},
    "people.col.detail": {"th": "รายละเอียด", "en": "Detail"},
    "people.events_title": {
        "th": "บันทึกการเข้าใช้ (ล่าสุดก่อน)",
        "en": "Access record (latest first)",
    },
    "person_form.add": {"th": "เพิ่มผู้ใช้", "en": "Add a person"},
    "person_form.edit": {"th": "แก้ไขผู้ใช้", "en": "Change a person"},
    "person_form.active": {"th": "เข้าสู่ระบบได้", "en": "May log in"},
    "person_form.password": {"th": "รหัสผ่าน", "en": "Password"},
    "person_form.password_hint": {
        "th": "เว้นว่างไว้ถ้าไม่เปลี่ยน",
        "en": "Leave empty to keep the current one",
    },
    "person_form.first_password_hint": {
        "th": "อย่างน้อย 8 ตัวอักษร เว้นว่างได้แล้วตั้งภายหลัง",
        "en": "At least 8 characters; may be left empty and set later",
    },
    "handover_form.title": {"th": "ส่งมอบงาน", "en": "Hand over"},
    "handover_form.from": {"th": "ผู้ส่งมอบ", "en": "From"},
    "handover_form.to": {"th": "ผู้รับมอบ", "en": "To"},
    "handover_form.units": {"th": "กอง/งานที่ส่งมอบ", "en": "Units handed over"},
    "handover_form.need_successor": {"th": "เลือกผู้รับมอบ", "en": "Choose the successor"},
    "binding.next-field": {"th": "ช่องถัดไป", "en": "Next field"},
    "binding.next-field.tip": {
        "th": "ไปช่องถัดไป หรือบันทึกจากช่องสุดท้าย",
        "en": "Next field, or save from the last one",
    },
    "serve.cannot_listen": {
        "th": "เปิดบริการที่ {host}:{port} ไม่ได้ ({reason}) ลองพอร์ตอื่นด้วย --port หรือตรวจที่อยู่ใน --host",
        "en": "Cannot listen on {host}:{port} ({reason}); try another --port, or check --host",
    },
    "serve.missing": {
        "th": "ยังไม่ได้ติดตั้ง textual-serve: pip install 'ita-tui[serve]'",
        "en": "textual-serve is not installed: pip install 'ita-tui[serve]'",
    },
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


def handover_message(result: dict, lang: str, number) -> str:
    """What a handover did, as the CLI and the app both say it."""
    return translate(
        "handover.done",
        lang,
        units=", ".join(result["units"]),
        source=result["from"],
        target=result["to"],
        measures=number(result["open_measures"]),
        decisions=number(result["open_decisions"]),
    )
