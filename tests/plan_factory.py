"""Plans of any size, for tests that need an import to take a while."""

import tomli_w


def big_plan_text(measures: int, agency: str = "เทศบาลตำบลทดสอบ") -> str:
    units = [{"name": f"กองที่ {n}", "kind": "กอง"} for n in range(1, 21)]
    document = {
        "format": "ita-tui-snapshot",
        "version": 1,
        "agency": {"name": agency},
        "units": units,
        "measures": [
            {
                "id": n,
                "fiscal_year": 2566,
                "title": f"มาตรการที่ {n} การเปิดเผยข้อมูลสาธารณะประจำปี",
                "method": "จัดทำรายงานและเผยแพร่ทางเว็บไซต์ " * 5,
                "units": [units[n % 20]["name"]],
                "period": "ต.ค. ๖๕ – มี.ค. ๖๖" if n % 2 else "ปีงบประมาณ ๒๕๖๖",
                "contents": [{"text": f"เนื้อหาข้อที่ {k}"} for k in range(1, 4)],
                "progress": [
                    {"date": f"2023-0{k}-15", "percent": 10 * k, "note": "ดำเนินการ"}
                    for k in range(1, 3)
                ],
            }
            for n in range(1, measures + 1)
        ],
    }
    return tomli_w.dumps(document)
