"""The yearly cycle on the sample: the 2566 result in, the draft of the fiscal-year-2567 plan
out, written only when accepted."""

import json
import re
import sqlite3
from datetime import date

import pytest

from tests.conftest import dump

# The sample's 2565 scores, but for 2566 with indicators 8, 9 and 10 under the pass mark.
SCORES_2566 = ["100", "99.63", "99.91", "99.66", "99.65", "95.28", "96.13", "82.10", "80", "70"]


def rows(path, sql, params=()):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def new_year(run, db, *extra):
    return run(
        "--db",
        str(db),
        "--lang",
        "en",
        "--digits",
        "arabic",
        "new-year",
        "--year",
        "2566",
        *SCORES_2566,
        *extra,
    )


def test_the_draft_is_shown_and_nothing_is_written(sample_db, run):
    before = dump(sample_db)
    result = new_year(run, sample_db)
    assert result.code == 0, result.err
    assert "Draft plan for fiscal year 2567 from the ITA 2566 result" in result.out
    # A finding for each indicator under 85, and none for those above it.
    assert "ตัวชี้วัดที่ ๘ การปรับปรุงระบบการทำงาน ได้ ๘๒.๑๐ คะแนน ต่ำกว่าเกณฑ์ ๘๕ คะแนน" in result.out
    assert "ตัวชี้วัดที่ ๙" in result.out and "ตัวชี้วัดที่ ๑๐" in result.out
    assert "ตัวชี้วัดที่ ๗" not in result.out
    # The nine measures of 2566 still open are carried; the two dropped ones are not.
    assert "Unfinished measures carried over from the 2566 plan (9)" in result.out
    assert "แผนการใช้จ่ายงบประมาณประจำปี —" not in result.out
    assert "Nothing written" in result.err
    assert dump(sample_db) == before


def test_accepting_writes_findings_and_carried_measures_linked_to_the_old_ones(sample_db, run):
    assert (
        run("--db", str(sample_db), "log", "1", "--percent", "40", "--date", "2023-03-01").code == 0
    )
    assert (
        run("--db", str(sample_db), "log", "1", "--percent", "60", "--date", "2023-06-01").code == 0
    )
    result = new_year(run, sample_db, "--yes", "--published-overall", "87.07")
    assert result.code == 0, result.err
    assert "The plan for fiscal year 2567 is written" in result.err

    assert rows(sample_db, "SELECT year, published_overall FROM assessments WHERE year = 2566") == [
        (2566, 87.07)
    ]
    assert rows(
        sample_db,
        "SELECT indicator, kind FROM findings WHERE assessment_year = 2566 ORDER BY indicator",
    ) == [(8, "weakness"), (9, "weakness"), (10, "weakness")]
    carried = rows(
        sample_db,
        "SELECT carried_from_id, title, status, start_date, end_date FROM measures"
        " WHERE fiscal_year = 2567 ORDER BY position",
    )
    assert [c[0] for c in carried] == [1, 2, 5, 6, 7, 8, 9, 10, 11]
    assert {c[3:] for c in carried} == {("2023-10-01", "2024-09-30")}
    # The measure under way stays under way, its history with it; the old one keeps its own.
    first = next(c for c in carried if c[0] == 1)
    assert first[2] == "in_progress"
    (new_id,) = rows(sample_db, "SELECT id FROM measures WHERE carried_from_id = 1")[0]
    history = "SELECT entry_date, percent FROM progress WHERE measure_id = ? ORDER BY entry_date"
    assert rows(sample_db, history, (new_id,)) == [("2023-03-01", 40), ("2023-06-01", 60)]
    assert rows(sample_db, history, (1,)) == [("2023-03-01", 40), ("2023-06-01", 60)]
    # The checklist comes along, unticked items and all.
    contents = "SELECT text FROM measure_contents WHERE measure_id = ? ORDER BY position"
    assert rows(sample_db, contents, (new_id,)) == rows(sample_db, contents, (1,))
    # The 2566 plan is left as it was.
    assert rows(sample_db, "SELECT count(*) FROM measures WHERE fiscal_year = 2566") == [(11,)]
    assert run("--db", str(sample_db), "verify").code == 0


def test_the_carried_link_survives_export_and_import(sample_db, run, tmp_path):
    assert new_year(run, sample_db, "--yes").code == 0
    exported = tmp_path / "out.toml"
    assert run("--db", str(sample_db), "export", str(exported)).code == 0
    assert "carried_from = 1" in exported.read_text("utf-8")
    other = tmp_path / "other.db"
    assert run("--db", str(other), "import", str(exported)).code == 0, "import"
    links = "SELECT count(*) FROM measures WHERE carried_from_id IS NOT NULL"
    assert rows(other, links) == rows(sample_db, links) == [(9,)]


def test_a_draft_file_is_edited_and_then_accepted(sample_db, run, tmp_path):
    before = dump(sample_db)
    draft = tmp_path / "draft.toml"
    result = new_year(run, sample_db, "--draft", str(draft))
    assert result.code == 0, result.err
    assert f"--accept {draft}" in result.err
    # Only where the database stood is recorded, for the acceptance to check.
    assert [line for line in dump(sample_db) if "new_year_drafts" not in line] == [
        line for line in before if "new_year_drafts" not in line
    ]
    assert rows(sample_db, "SELECT plan_year FROM new_year_drafts") == [(2567,)]
    text = draft.read_text("utf-8")
    assert text.count("carried_from = ") == 9
    # The first occurrence is the 2566 measure itself; edit the carried copy (the second).
    first = text.index('title = "การพัฒนาการดำเนินการจัดทำแผนการดำเนินงานประจำปี"\n')
    second = text.index('title = "การพัฒนาการดำเนินการจัดทำแผนการดำเนินงานประจำปี"\n', first + 1)
    edited = text[:second] + text[second:].replace(
        'title = "การพัฒนาการดำเนินการจัดทำแผนการดำเนินงานประจำปี"',
        'title = "การพัฒนาแผนการดำเนินงานประจำปี ๒๕๖๗"',
        1,
    )
    draft.write_text(edited, "utf-8")
    result = run(
        "--db",
        str(sample_db),
        "--lang",
        "en",
        "--digits",
        "arabic",
        "new-year",
        "--accept",
        str(draft),
    )
    assert result.code == 0, result.err
    assert rows(
        sample_db, "SELECT title FROM measures WHERE carried_from_id = 1 AND fiscal_year = 2567"
    ) == [("การพัฒนาแผนการดำเนินงานประจำปี ๒๕๖๗",)]
    assert rows(sample_db, "SELECT title FROM measures WHERE id = 1") == [
        ("การพัฒนาการดำเนินการจัดทำแผนการดำเนินงานประจำปี",)
    ]


def test_a_draft_file_made_before_other_work_is_refused(sample_db, run, tmp_path):
    draft = tmp_path / "draft.toml"
    assert new_year(run, sample_db, "--draft", str(draft)).code == 0
    assert (
        run("--db", str(sample_db), "log", "2", "--percent", "30", "--date", "2023-03-01").code == 0
    )
    before = dump(sample_db)
    result = run(
        "--db",
        str(sample_db),
        "--lang",
        "en",
        "--digits",
        "arabic",
        "new-year",
        "--accept",
        str(draft),
    )
    assert result.code == 2
    assert "changed since this draft" in result.err
    assert "Traceback" not in result.err
    assert dump(sample_db) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2566", "90", "90"], "10 indicator scores are needed; got 2"),
        (["--year", "2565", *SCORES_2566], "The 2565 result is already recorded"),
        (["--year", "2566", *SCORES_2566[:9], "101"], "101"),
        (["--year", "2566", *SCORES_2566, "--published-overall", "abc"], "abc"),
        ([*SCORES_2566], "--year"),
        (["--year", "2566", *SCORES_2566, "--accept", "x.toml"], "--accept"),
    ],
)
def test_bad_input_says_what_is_wrong_and_writes_nothing(sample_db, run, args, message):
    before = dump(sample_db)
    result = run("--db", str(sample_db), "--lang", "en", "--digits", "arabic", "new-year", *args)
    assert result.code == 2, result.out
    assert message in result.err
    assert "Traceback" not in result.err
    assert dump(sample_db) == before


def test_the_thai_messages_come_first(sample_db, run):
    result = run("--db", str(sample_db), "new-year", "--year", "2565", *SCORES_2566)
    assert result.code == 2
    assert "มีผลการประเมินปี 2565 อยู่แล้ว" in result.err


def test_a_plan_already_drafted_for_the_year_is_not_drafted_twice(sample_db, run):
    assert new_year(run, sample_db, "--yes").code == 0
    before = dump(sample_db)
    result = run(
        "--db",
        str(sample_db),
        "--lang",
        "en",
        "--digits",
        "arabic",
        "new-year",
        "--year",
        "2566",
        *SCORES_2566,
    )
    assert result.code == 2
    assert "already recorded" in result.err
    assert dump(sample_db) == before


def test_json_lists_the_draft_for_scripts(sample_db, run):
    result = new_year(run, sample_db, "--json")
    assert result.code == 0, result.err
    draft = json.loads(result.out)
    assert draft["year"] == 2566 and draft["plan_year"] == 2567
    assert [f["indicator"] for f in draft["findings"]] == [8, 9, 10]
    assert [m["carried_from"] for m in draft["carried"]] == [1, 2, 5, 6, 7, 8, 9, 10, 11]


def test_deleting_a_measure_that_was_carried_keeps_the_carried_one(sample_db, run):
    assert new_year(run, sample_db, "--yes").code == 0
    from ita_tui.core.thai_calendar import today
    from ita_tui.db import open_database
    from ita_tui.desk import Desk

    db = open_database(sample_db)
    Desk(db, as_of=today()).delete_measure(1)
    db.close()
    assert rows(
        sample_db,
        "SELECT carried_from_id FROM measures WHERE title = ? AND fiscal_year = 2567",
        ("การพัฒนาการดำเนินการจัดทำแผนการดำเนินงานประจำปี",),
    ) == [(None,)]


def test_failed_items_get_findings_and_only_uncovered_ones_a_new_measure(sample_db, run):
    result = new_year(run, sample_db, "--failed", "o1, O13,o42", "--yes")
    assert result.code == 0, result.err
    found = rows(
        sample_db,
        "SELECT id, oit_item, sub_indicator, indicator FROM findings"
        " WHERE assessment_year = 2566 AND oit_item IS NOT NULL ORDER BY id",
    )
    assert [f[1:] for f in found] == [("o1", "9.1", 9), ("o13", "9.2", 9), ("o42", "10.2", 10)]
    by_item = {f[1]: f[0] for f in found}
    # 2566 o13 is 2565 o12 by meaning, which measure 1 answers; 2566 o42 is 2565 o42 (measure 10).
    answering = (
        "SELECT m.carried_from_id FROM measures m JOIN measure_findings mf"
        " ON mf.measure_id = m.id WHERE mf.finding_id = ?"
    )
    assert rows(sample_db, answering, (by_item["o13"],)) == [(1,)]
    assert rows(sample_db, answering, (by_item["o42"],)) == [(10,)]
    # Nothing answered o1: a new measure does, with the item as its checklist.
    proposed = rows(
        sample_db,
        "SELECT id, title FROM measures WHERE fiscal_year = 2567 AND carried_from_id IS NULL",
    )
    assert [p[1] for p in proposed] == ["โครงสร้าง"]
    assert rows(sample_db, answering, (by_item["o1"],)) == [(None,)]
    assert rows(
        sample_db, "SELECT text FROM measure_contents WHERE measure_id = ?", (proposed[0][0],)
    ) == [("o1 โครงสร้าง",)]


def test_a_failed_item_whose_measure_was_finished_gets_a_new_one_like_it(sample_db, run):
    from datetime import date

    from ita_tui.db import open_database
    from ita_tui.desk import Desk

    db = open_database(sample_db)
    Desk(db, as_of=date(2023, 9, 1)).set_status(6, "done", None, date(2023, 9, 1))
    db.close()
    result = new_year(run, sample_db, "--failed", "o26", "--yes")
    assert result.code == 0, result.err
    (measure_id, title, carried) = rows(
        sample_db,
        "SELECT id, title, carried_from_id FROM measures"
        " WHERE fiscal_year = 2567 AND title = 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี'",
    )[0]
    # Finished, so not carried; but 2565 o28, which it answered, is 2566 o26: the new measure
    # takes its unit and the contents its report had to hold.
    assert carried is None
    assert rows(
        sample_db,
        "SELECT u.name FROM measure_units mu JOIN units u ON u.id = mu.unit_id"
        " WHERE mu.measure_id = ?",
        (measure_id,),
    ) == [("งานการเจ้าหน้าที่",)]
    contents = "SELECT text FROM measure_contents WHERE measure_id = ? ORDER BY position"
    assert rows(sample_db, contents, (measure_id,)) == rows(sample_db, contents, (6,))
    assert len(rows(sample_db, contents, (measure_id,))) == 4


def test_an_unknown_item_code_is_named_and_nothing_is_written(sample_db, run):
    before = dump(sample_db)
    result = new_year(run, sample_db, "--failed", "o13,o99")
    assert result.code == 2
    assert "o99" in result.err
    assert "Traceback" not in result.err
    assert dump(sample_db) == before


def test_items_renamed_between_lists_follow_the_table_of_meanings(sample_db, run):
    # 2566 o12 joins 2565's six-month reports (o11, o19) under a new name: only the table of
    # correspondences says that measure 2, for 2565 o11, already answers it.
    result = new_year(run, sample_db, "--failed", "o12", "--yes")
    assert result.code == 0, result.err
    assert rows(
        sample_db,
        "SELECT count(*) FROM measures WHERE fiscal_year = 2567 AND carried_from_id IS NULL",
    ) == [(0,)]
    assert rows(
        sample_db,
        "SELECT m.carried_from_id FROM measures m JOIN measure_findings mf ON mf.measure_id = m.id"
        " JOIN findings f ON f.id = mf.finding_id WHERE f.oit_item = 'o12'"
        " AND f.assessment_year = 2566",
    ) == [(2,)]


def test_a_published_result_with_a_control_character_is_refused(sample_db, run):
    before = dump(sample_db)
    result = new_year(run, sample_db, "--published-result", "ผ่าน\x1b[31m", "--yes")
    assert result.code == 2
    assert "Traceback" not in result.err and "\x1b" not in result.err
    assert dump(sample_db) == before


def test_a_first_result_without_units_proposes_nothing_it_cannot_give_a_unit(tmp_path, run):
    plan = tmp_path / "first.toml"
    plan.write_text('format = "ita-tui-snapshot"\nversion = 1\n[agency]\nname = "อบต.ทดลอง"\n')
    db = tmp_path / "first.db"
    assert run("--db", str(db), "import", str(plan)).code == 0
    before = dump(db)
    result = new_year(run, db, "--failed", "o1")
    assert result.code == 2
    assert "no responsible units" in result.err
    assert dump(db) == before
    # Without failed items there is nothing to give a unit: the findings are drafted.
    result = new_year(run, db, "--yes")
    assert result.code == 0, result.err
    assert rows(db, "SELECT count(*) FROM findings WHERE assessment_year = 2566") == [(3,)]


def test_the_journal_says_the_plan_came_from_an_accepted_new_year(sample_db, run):
    assert new_year(run, sample_db, "--yes", "--by", "สมศรี").code == 0
    actions = rows(
        sample_db,
        "SELECT DISTINCT action, by FROM journal WHERE id > (SELECT max(id) FROM journal"
        " WHERE action = 'import')",
    )
    assert actions == [("new_year", "สมศรี")]
    assert run("--db", str(sample_db), "verify").code == 0


def test_an_item_covered_only_by_a_provisional_link_is_pointed_out(sample_db, run):
    # 2566 o13 is 2565 o12 by a link the table marks provisional; 2566 o26 is 2565 o28 by the
    # same name read in both lists.
    result = new_year(run, sample_db, "--failed", "o13,o26", "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["provisional_links"] == ["o13"]
    shown = new_year(run, sample_db, "--failed", "o13,o26").out
    assert "o13: taken as covered by a carried measure through a provisional link" in shown
    assert "o26:" not in shown


def test_stored_text_in_the_draft_is_shown_as_text(sample_db, run):
    """Each accepted string of the hostile corpus as a carried measure's title: printed as it
    is stored, never markup, never a byte the terminal would act on."""
    from tests.hostile import ONE_LINE

    for case in ONE_LINE:
        connection = sqlite3.connect(sample_db)
        connection.execute("UPDATE measures SET title = ? WHERE id = 1", (case.text,))
        connection.commit()
        connection.close()
        result = new_year(run, sample_db)
        assert result.code == 0, (case.name, result.err)
        assert "\x1b" not in result.out and "\x9b" not in result.out, case.name
        assert case.expected in result.out, case.name


def _accept(run, db, path):
    return run("--db", str(db), "--lang", "en", "new-year", "--accept", str(path))


def _head(db):
    return rows(db, "SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1")[0]


def test_a_draft_whose_journal_head_is_set_to_the_current_one_is_still_refused(
    sample_db, run, tmp_path
):
    """The file's own journal head counts for nothing: the progress logged after the draft
    is not undone by an editor who copies the new head into it."""
    draft = tmp_path / "draft.toml"
    assert new_year(run, sample_db, "--draft", str(draft)).code == 0
    logged = ["log", "2", "--percent", "30", "--date", "2023-03-01", "--note", "หลังร่าง"]
    assert run("--db", str(sample_db), *logged).code == 0
    entry, head = _head(sample_db)
    text = draft.read_text("utf-8")
    text = re.sub(r'journal_head = "[^"]*"', f'journal_head = "{head}"', text)
    text = re.sub(r"journal_entry = \d+", f"journal_entry = {entry}", text)
    draft.write_text(text, "utf-8")
    before = dump(sample_db)
    result = _accept(run, sample_db, draft)
    assert result.code == 2, result.out
    assert "changed since this draft" in result.err
    assert dump(sample_db) == before
    assert rows(sample_db, "SELECT count(*) FROM progress WHERE note = 'หลังร่าง'") == [(1,)]


def test_an_ordinary_export_is_not_accepted_as_a_draft(sample_db, run, tmp_path):
    exported = tmp_path / "export.toml"
    assert run("--db", str(sample_db), "export", str(exported)).code == 0
    before = dump(sample_db)
    result = _accept(run, sample_db, exported)
    assert result.code == 2, result.out
    assert "not a next-year draft" in result.err and "Traceback" not in result.err
    assert dump(sample_db) == before


def test_a_draft_token_made_up_or_from_another_database_is_refused(sample_db, run, tmp_path):
    draft = tmp_path / "draft.toml"
    assert new_year(run, sample_db, "--draft", str(draft)).code == 0
    other = tmp_path / "other.db"
    assert run("--db", str(other), "init", "--sample").code == 0
    before = dump(other)
    result = _accept(run, other, draft)
    assert result.code == 2 and "not a next-year draft" in result.err
    assert dump(other) == before
    text = draft.read_text("utf-8")
    forged = tmp_path / "forged.toml"
    forged.write_text(re.sub(r'new_year_draft = "[^"]*"', 'new_year_draft = "0"', text), "utf-8")
    before = dump(sample_db)
    result = _accept(run, sample_db, forged)
    assert result.code == 2 and "not a next-year draft" in result.err
    assert dump(sample_db) == before


def test_a_carried_measure_starts_the_new_year_without_the_old_years_budget(sample_db, run):
    from dataclasses import replace
    from decimal import Decimal

    from ita_tui.core.model import Measure, field_names
    from ita_tui.db import open_database
    from ita_tui.desk import Desk

    desk = Desk(open_database(sample_db), as_of=date(2023, 4, 3))
    old = desk.measure(1)
    plan_fields = Measure(**{name: getattr(old, name) for name in field_names(Measure)})
    desk.save_measure(replace(plan_fields, budget=Decimal(50000), budget_used=Decimal(20000)))
    desk.db.close()
    assert new_year(run, sample_db, "--yes").code == 0
    budgets = (
        "SELECT budget, budget_used FROM measures WHERE id = ? OR carried_from_id = ? ORDER BY id"
    )
    assert rows(sample_db, budgets, (1, 1)) == [("50000", "20000"), (None, None)]


def test_accepting_carries_the_old_measures_on_so_none_is_overdue_twice(sample_db, run):
    """The old plan's measures that the new one carries are carried on (ยกไปปีงบประมาณถัดไป):
    their history stays, they are no longer open, and the overdue list names each measure once,
    by its copy in the new plan when that is overdue, never by the old one."""
    assert (
        run("--db", str(sample_db), "log", "1", "--percent", "40", "--date", "2023-03-01").code == 0
    )
    assert new_year(run, sample_db, "--yes").code == 0
    old = rows(
        sample_db,
        "SELECT id, status FROM measures WHERE fiscal_year = 2566 ORDER BY id",
    )
    carried_on = [1, 2, 5, 6, 7, 8, 9, 10, 11]
    assert [i for i, status in old if status == "carried"] == carried_on
    assert {status for i, status in old if i not in carried_on} == {"dropped"}
    assert rows(sample_db, "SELECT percent FROM progress WHERE measure_id = 1") == [(40,)]
    for as_of in ("2024-01-15", "2024-12-01"):
        result = run("--db", str(sample_db), "overdue", "--json", "--as-of", as_of)
        assert result.code == 0, result.err
        overdue = json.loads(result.out)
        listed = [item["id"] for item in overdue]
        assert not set(listed) & set(carried_on), as_of
        assert len(listed) == len(set(listed)), as_of
        years = {
            rows(sample_db, "SELECT fiscal_year FROM measures WHERE id = ?", (i,))[0][0]
            for i in listed
        }
        assert years <= {2567}, as_of
    assert listed, "a year on, the carried copies are overdue themselves"
    listing = run("--db", str(sample_db), "measures", "--status", "carried")
    assert listing.code == 0 and "ยกไปปีงบประมาณถัดไป" in listing.out
