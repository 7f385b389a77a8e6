"""The ITA years an agency works in now: the bundled OIT lists of 2566, 2568 and 2569, with what
is read and what is provisional, through `whatif`."""

import json

import pytest

from ita_tui.core import oit
from ita_tui.db import open_database, writes
from tests.conftest import dump


def with_assessment(path, year, scores):
    db = open_database(path)
    writes.save_assessment(db, 1, year, scores)
    db.close()


def whatif(run, path, *args, before=()):
    result = run("--db", str(path), *before, "whatif", *args)
    assert result.code == 0, result.err
    return result


@pytest.mark.parametrize(("year", "count", "first", "last"), [
    (2566, 43, "o1", "o43"), (2568, 26, "O1", "O26"), (2569, 26, "O1", "O26"),
])  # fmt: skip
def test_each_year_has_its_own_list_with_thai_names_and_a_source(year, count, first, last):
    catalogue = oit.catalogue_for(year)
    assert len(catalogue.items) == count
    assert (catalogue.items[0].shown_code, catalogue.items[-1].shown_code) == (first, last)
    assert all(item.name for item in catalogue.items)
    assert "NACC" in catalogue.source and catalogue.provisional_aggregation


def test_the_same_code_means_another_item_in_another_year():
    assert oit.catalogue_for(2565).item("o11").name.startswith("รายงานการกำกับติดตาม")
    assert oit.catalogue_for(2569).item("o11").name == "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน"


def test_2567_and_2570_have_no_list_yet():
    for year in (2567, 2570):
        with pytest.raises(Exception) as error:
            oit.catalogue_for(year)
        assert getattr(error.value, "key", None) == "oit.no_catalogue"


def test_2569_evidence_periods_as_read():
    catalogue = oit.catalogue_for(2569)
    previous = {i.shown_code for i in catalogue.items if i.period == "previous"}
    current = {i.shown_code for i in catalogue.items if i.period == "current"}
    assert previous == {"O12", "O14", "O18", "O22", "O24", "O26"}
    assert {"O11", "O13", "O19", "O21", "O23", "O25"} <= current
    assert {i.shown_code for i in catalogue.items if i.period is None} == {"O6", "O7"}


def test_whatif_2566_o42_is_worth_2_points_as_10_2_holds_five_items(run, sample_db):
    with_assessment(sample_db, 2566, [95] * 8 + [100, 100])
    payload = json.loads(
        whatif(run, sample_db, "--year", "2566", "--failed", "o42,o43", "--json").out
    )
    assert payload["item_worth"] == {"o42": 2.0, "o43": 2.0}
    assert payload["indicators"] == {"9": 100.0, "10": 80.0}
    assert payload["overall"] == 93.0  # 0.3·95 + 0.3·95 + 0.2·100 + 0.2·80
    assert payload["provisional"] == {
        "indicators": {"9": False, "10": True},
        "overall": True,
        "rating": True,
        "item_worth": {"o42": True, "o43": True},
    }


def test_whatif_2569_names_the_items_and_marks_provisional_numbers(run, sample_db):
    with_assessment(sample_db, 2569, [95] * 8 + [100, 100])
    out = whatif(run, sample_db, "--year", "2569", "--failed", "o25,O26", "--target", "95").out
    assert "O25 การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร  +๒.๕๐ (ยังไม่ยืนยัน)" in out
    assert "หลักฐานของปีงบประมาณ ๒๕๖๘" in out  # O26 reports on the previous fiscal year
    assert "ตัวชี้วัดที่ ๑๐: ๗๕.๐๐ (ยังไม่ยืนยัน)" in out
    assert "คะแนนรวม ๙๒.๐๐ (ยังไม่ยืนยัน)" in out
    assert "ต้องผ่านอย่างน้อย ๒ ข้อ: O25 (+๒.๕๐ (ยังไม่ยืนยัน)), O26" in out


def test_whatif_2568_in_english_and_json(run, sample_db):
    with_assessment(sample_db, 2568, [90] * 8 + [100, 100])
    english = ("--lang", "en", "--digits", "arabic")
    out = whatif(run, sample_db, "--year", "2568", "--failed", "O13", before=english).out
    assert "O13 รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี  +2.00 (provisional)" in out
    assert "evidence of fiscal year 2567" in out
    assert "Indicator 9: 90.00 (provisional)  indicator 10: 100.00" in out
    payload = json.loads(whatif(run, sample_db, "--year", "2568", "--failed", "o7", "--json").out)
    assert payload["failed"] == ["O7"]
    assert payload["items"][0]["provisional_name"] is True
    assert payload["provisional"]["overall"] is True


def test_the_2565_list_has_no_provisional_mark(run, sample_db):
    out = whatif(run, sample_db, "--year", "2565").out
    assert "ยังไม่ยืนยัน" not in out
    payload = json.loads(whatif(run, sample_db, "--year", "2565", "--json").out)
    assert payload["provisional"]["overall"] is False
    assert not any(payload["provisional"]["item_worth"].values())


def test_a_bad_evidence_period_in_an_agency_list_is_refused(run, sample_db, tmp_path):
    path = tmp_path / "list.toml"
    path.write_text(
        '[[catalogues]]\nfirst_year = 2566\nitems = [{ code = "o1", sub_indicator = "9.1", '
        'period = "next" }]\n',
        "utf-8",
    )
    before = dump(sample_db)
    result = run("--db", str(sample_db), "whatif", "--year", "2566", "--catalogue", str(path))
    assert result.code == 2 and "Traceback" not in result.err
    assert "current, previous" in result.err
    assert dump(sample_db) == before
