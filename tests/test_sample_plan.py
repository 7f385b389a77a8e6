"""The seed report's plan, as the tool carries it."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from ita_tui.core import scoring
from ita_tui.core.model import Measure
from ita_tui.db import open_database, queries
from ita_tui.documents import snapshot

AS_OF = date(2023, 4, 3)


@pytest.fixture
def db():
    database = open_database(":memory:")
    snapshot.import_plan(database, snapshot.sample_plan(), "test")
    return database


@pytest.fixture
def agency_id(db):
    return queries.agency(db).id


def test_the_agency_and_its_two_assessments(db, agency_id):
    assert queries.agency(db).name == "เทศบาลตำบลมวกเหล็ก"
    years = {a.year: a for a in queries.assessments(db, agency_id)}
    assert set(years) == {2564, 2565}
    assert years[2565].scores == (
        100,
        99.63,
        99.91,
        99.66,
        99.65,
        95.28,
        96.13,
        95.53,
        72.43,
        37.5,
    )
    assert years[2565].published_overall == 80.61
    assert years[2565].published_result == "B"
    assert scoring.compute(2565, years[2565].scores).overall == Decimal("80.61")
    assert scoring.compute(2564, years[2564].scores).overall == Decimal("78.80")
    assert years[2564].published_overall is None
    stored = db.execute("SELECT year, computed_overall FROM assessments ORDER BY year")
    assert stored.fetchall() == [(2564, 78.80), (2565, 80.61)]


def test_eleven_measures_of_fiscal_year_2566(db, agency_id):
    rows = queries.measures(db, agency_id, AS_OF)
    assert len(rows) == 11
    assert {r.fiscal_year for r in rows} == {2566}
    assert [r.id for r in rows] == list(range(1, 12))


def test_five_responsible_units_two_of_them_sections_of_the_clerks_office(db, agency_id):
    rows = queries.measures(db, agency_id, AS_OF)
    responsible = {name for r in rows for name in r.units}
    assert responsible == {
        "กองยุทธศาสตร์และงบประมาณ",
        "กองคลัง",
        "งานการเจ้าหน้าที่",
        "กองสวัสดิการสังคม",
        "งานนิติการ",
    }
    parents = {u.name: u.parent for u in queries.units(db, agency_id)}
    assert parents["งานการเจ้าหน้าที่"] == "สำนักปลัดเทศบาล"
    assert parents["งานนิติการ"] == "สำนักปลัดเทศบาล"
    assert [n for n in responsible if parents[n] == "สำนักปลัดเทศบาล"] != []
    assert sum(1 for n in responsible if parents[n] == "สำนักปลัดเทศบาล") == 2


def test_one_measure_has_two_units_lead_first(db, agency_id):
    rows = queries.measures(db, agency_id, AS_OF)
    shared = [r for r in rows if len(r.units) > 1]
    assert len(shared) == 1
    assert shared[0].units == ("กองยุทธศาสตร์และงบประมาณ", "กองสวัสดิการสังคม")


def test_two_measures_dropped_because_the_item_is_gone_in_2566(db, agency_id):
    dropped = queries.measures(db, agency_id, AS_OF, status="dropped")
    assert [r.title for r in dropped] == [
        "แผนการใช้จ่ายงบประมาณประจำปี",
        "แผนการใช้จ่ายงบประมาณประจำปี (รอบ ๖ เดือน)",
    ]
    assert all(r.drop_reason == "ในปี ๒๕๖๖ ไม่มีหัวข้อนี้แล้ว" for r in dropped)
    assert all(r.units == ("กองคลัง",) for r in dropped)


def test_the_measure_dated_2565_is_kept_as_written_and_flagged(db, agency_id):
    rows = queries.measures(db, agency_id, AS_OF)
    flagged = [r for r in rows if r.outside_fiscal_year]
    assert len(flagged) == 1
    assert flagged[0].period == "ปีงบประมาณ ๒๕๖๕"
    assert (flagged[0].start, flagged[0].end) == (date(2021, 10, 1), date(2022, 9, 30))


def test_periods_read_from_the_report(db, agency_id):
    rows = {r.id: r for r in queries.measures(db, agency_id, AS_OF)}
    assert (rows[1].start, rows[1].end) == (date(2022, 10, 1), date(2023, 9, 30))
    assert (rows[2].start, rows[2].end) == (date(2022, 10, 1), date(2023, 3, 31))
    assert rows[3].end is None and rows[3].period == "-"


EXPECTED_CONTENTS = {
    1: ["ผลการดำเนินโครงการหรือกิจกรรม", "ผลการใช้จ่ายงบประมาณ", "ระยะเวลาในการดำเนินการ", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
    2: ["ความก้าวหน้าการดำเนินการแต่ละโครงการหรือกิจกรรม", "รายละเอียดงบประมาณที่ใช้ดำเนินงานแต่ละโครงการหรือกิจกรรม"],
    3: [],
    4: [],
    5: 2,
    6: ["ผลการดำเนินการตามนโยบายหรือแผนการและพัฒนาทรัพยากรบุคคล",
        "สรุปข้อมูลสถิติด้านทรัพยากรบุคคล เช่น อัตรากำลัง การแต่งตั้ง/โยกย้าย การฝึกอบรม ฯลฯ",
        "ปัญหาหรืออุปสรรค", "ข้อเสนอแนะ"],
    7: ["ประเด็นหรือเรื่องในการมีส่วนร่วม", "สรุปข้อมูลของผู้มีส่วนร่วม", "ผลจากการมีส่วนร่วม",
        "การนำผลจากการมีส่วนร่วมไปปรับปรุงพัฒนาการดำเนินงาน"],
    8: [],
    9: 3,
    10: 7,
    11: [],
}  # fmt: skip


@pytest.mark.parametrize("measure_id", sorted(EXPECTED_CONTENTS))
def test_each_required_contents_list(db, measure_id):
    items = [c.text for c in queries.contents(db, measure_id)]
    expected = EXPECTED_CONTENTS[measure_id]
    if isinstance(expected, int):
        assert len(items) == expected
    else:
        assert items == expected
    assert all(c.done_on is None for c in queries.contents(db, measure_id))


def test_findings_per_sub_indicator_with_the_failed_oit_items(db, agency_id):
    findings = queries.findings(db, agency_id)
    weaknesses = [f for f in findings if f.kind == "weakness"]
    by_sub: dict[str, list[str]] = {}
    for finding in weaknesses:
        by_sub.setdefault(finding.sub_indicator, []).append(finding.oit_item)
    assert by_sub == {
        "9.2": ["o11", "o12"],
        "9.3": ["o18", "o19", "o20"],
        "9.4": ["o26", "o28"],
        "9.5": ["o33"],
        "10.1": ["o35", "o38"],
        "10.2": ["o42", "o43"],
    }
    develop = [f for f in findings if f.kind == "develop"]
    assert [f.indicator for f in develop] == [None, 6, 7, 8]
    assert develop[0].instrument == "IIT"


def test_the_two_opening_recommendations(db, agency_id):
    recommendations = queries.recommendations(db, agency_id)
    assert len(recommendations) == 2
    assert recommendations[0].text.startswith("เผยแพร่ทางเว็บไซต์")
    assert recommendations[1].text.startswith("จัดประชุม")


def test_no_stray_pdf_line_break_spaces_in_titles_and_units(db, agency_id):
    rows = queries.measures(db, agency_id, AS_OF)
    assert rows[0].title == "การพัฒนาการดำเนินการจัดทำแผนการดำเนินงานประจำปี"
    for row in rows:
        for unit in row.units:
            assert " " not in unit


def test_search_matches_thai_and_arabic_digits_and_unit_names(db, agency_id):
    def found(text):
        return [r.id for r in queries.measures(db, agency_id, AS_OF, search=text)]

    assert found("รอบ ๖ เดือน") == found("รอบ 6 เดือน") == [2, 4, 5]
    assert found("no gift") == [8]
    assert found("สวัสดิการ") == [7]
    assert found("นิติการ จริยธรรม") == [9]
    assert queries.count_measures(db, agency_id, AS_OF, search="ทุจริต") == 4


def test_search_with_words_shorter_than_the_index_serves(db, agency_id):
    def found(text):
        return [r.id for r in queries.measures(db, agency_id, AS_OF, search=text)]

    # A short word beside a longer one narrows what the longer one found.
    assert found("รอบ ๖") == found("๖ รอบ") == found("รอบ 6") == [2, 4, 5]
    assert found("รอบ ๙") == []
    # Alone, it is looked for everywhere, units included.
    alone = found("๖")
    assert set(alone) >= {2, 4, 5} and alone == found("6")
    assert found("งบ") == [
        r.id for r in queries.measures(db, agency_id, AS_OF) if "งบ" in _searchable_text(r)
    ]
    assert queries.count_measures(db, agency_id, AS_OF, search="รอบ ๖") == 3
    assert 8 in found("no") and found("no") == found("NO")


def _searchable_text(row) -> str:
    return " ".join([row.title, row.topic or "", row.method or "", *row.units])


def test_search_follows_edits(db, agency_id):
    from ita_tui.db import writes

    measure = Measure(None, 2566, "จัดทำคู่มือ E-Service", ("กองคลัง",))
    new_id = writes.save_measure(db, agency_id, measure, by="test")
    assert [r.id for r in queries.measures(db, agency_id, AS_OF, search="e-service")] == [new_id]
    writes.save_measure(db, agency_id, replace(measure, title="จัดทำคู่มือบริการ"), new_id, by="test")
    assert queries.measures(db, agency_id, AS_OF, search="e-service") == []
    writes.delete_measure(db, new_id, by="test")
    assert queries.count_measures(db, agency_id, AS_OF, search="คู่มือบริการ") == 0
