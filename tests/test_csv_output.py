"""`measures --csv` and `overdue --csv`: a file Excel opens with its Thai intact (UTF-8 with a
BOM) in which no stored text becomes a formula or reaches a terminal as a control sequence."""

import csv
import io
import json

import tomli_w

from tests.hostile import ONE_LINE

AS_OF = ("--as-of", "2023-04-03")
FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1:A2)", "\t=1", '=HYPERLINK("http://x","ok")', "＝1"]


def read_csv(out: str) -> list[dict[str, str]]:
    assert out.startswith("\ufeff"), out[:10]
    assert "\r\n" in out
    return list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"), newline="")))


def plan_with_titles(path, titles: list[str]) -> None:
    units = [{"name": "กองคลัง", "kind": "กอง"}, {"name": "=กองช่าง", "kind": "กอง"}]
    measures = [
        {
            "id": n,
            "fiscal_year": 2566,
            "title": title,
            "units": ["กองคลัง" if n % 2 else "=กองช่าง"],
            "period": "ต.ค. ๖๕ – ธ.ค. ๖๕",
        }
        for n, title in enumerate(titles, start=1)
    ]
    path.write_text(
        tomli_w.dumps(
            {
                "format": "ita-tui-snapshot",
                "version": 1,
                "agency": {"name": "เทศบาลตำบลทดสอบ"},
                "units": units,
                "measures": measures,
            }
        ),
        "utf-8",
    )


def test_measures_as_csv_is_the_measures_in_thai_for_excel(run, sample_db):
    done = run("--db", str(sample_db), "measures", *AS_OF, "--csv")
    assert done.code == 0, done.err
    rows = read_csv(done.out)
    listed = run("--db", str(sample_db), "measures", *AS_OF, "--json").out
    assert len(rows) == 11 and rows[0]["id"] == "1"
    assert rows[0]["title"] == "การพัฒนาการดำเนินการจัดทำแผนการดำเนินงานประจำปี"
    assert rows[0]["units"] == "กองยุทธศาสตร์และงบประมาณ"
    assert all(row["title"] in listed for row in rows)
    assert list(rows[0]) == [
        "id", "fiscal_year", "title", "topic", "units", "status", "percent", "period",
        "start", "end", "overdue", "days_overdue", "outside_fiscal_year",
    ]  # fmt: skip


def test_overdue_as_csv_lists_the_overdue_longest_first(run, sample_db):
    rows = read_csv(run("--db", str(sample_db), "overdue", *AS_OF, "--csv").out)
    assert rows and all(row["overdue"] == "yes" for row in rows)
    days = [int(row["days_overdue"]) for row in rows]
    assert days == sorted(days, reverse=True)
    assert all(row["end"][:4].isdigit() and row["end"][4] == "-" for row in rows)


def test_no_stored_text_becomes_a_formula_or_a_control_sequence(run, tmp_path):
    db, plan = tmp_path / "hostile.db", tmp_path / "plan.toml"
    titles = FORMULAS + [case.text for case in ONE_LINE]
    plan_with_titles(plan, titles)
    assert run("--db", str(db), "import", str(plan)).code == 0
    for command in ("measures", "overdue"):
        done = run("--db", str(db), command, *AS_OF, "--csv")
        assert done.code == 0, done.err
        assert "\x1b" not in done.out and "\x07" not in done.out
        rows = read_csv(done.out)
        assert len(rows) == len(titles)
        for row in rows:
            for value in row.values():
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r", "＝")), value
        by_title = {row["title"] for row in rows}
        stored = {m["title"] for m in json.loads(run("--db", str(db), "measures", "--json").out)}
        for formula in FORMULAS:
            kept = formula.strip()  # the import trims the tab
            assert kept in stored and "'" + kept in by_title
        assert {row["units"] for row in rows} == {"กองคลัง", "'=กองช่าง"}


def test_csv_and_json_together_are_refused_in_the_users_language(run, sample_db):
    thai = run("--db", str(sample_db), "measures", "--csv", "--json")
    assert thai.code == 2 and "ใช้ --csv และ --json พร้อมกันไม่ได้" in thai.err
    english = run("--lang", "en", "--db", str(sample_db), "overdue", "--csv", "--json")
    assert english.code == 2 and "--csv and --json cannot be given together" in english.err
    assert thai.out == english.out == ""
