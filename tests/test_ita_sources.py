"""The ITA data says exactly what its sources say: each item's name, grouping and evidence period
is tagged with how it is known (read in a source, at its address and commit, or inferred, with
the reason), a tag naming no source is refused, the tags show wherever the numbers do, and an
agency's own list (an old export without tags among them) is marked as its own."""

import json
import re
import tomllib
from datetime import date

import pytest
import tomli_w

from ita_tui.core import oit, scoring
from ita_tui.db import open_database, writes
from tests.refusals import expect_refusal

# The RTRDA versions read. The file of 2569 headings has versions that map O3 to another
# ministry's heading (69c16b3f, and 8f9819fe, the newest stored, which also drops O1).
RTRDA_2569 = "140aaf86ada1a1a510987525c544e8ebabe8254f"
RTRDA_2568 = "69c16b3fd0bc4e20942eb35eb83d2e81a2a32f21"
RTRDA_GUIDES = "191b103d1c583e11668e7ad1734a712caed07c8e"
CORRUPT = ("8f9819feb07ef6b65a59a9dc311f4c4fb7034b9b",)
REPOSITORY = "https://github.com/rtrdasmartrailway/web-app-rtrda/blob/"


def item(year: int, code: str) -> oit.Item:
    return oit.catalogue_for(year).item(code.lower())


def tag(year: int, code: str, fact: str) -> str | None:
    known = item(year, code).known(fact)
    return None if known is None else known.tag


# --- One test per fact a source backs (or an inference the issue settled) ----------------------


@pytest.mark.parametrize(("code", "period", "known"), [
    # Read: RTRDA's 2568 section dates these reports FY2567.
    ("O13", "previous", "read:rtrda-2568"),
    ("O15", "previous", "read:rtrda-2568"),
    ("O19", "previous", "read:rtrda-2568"),
    # Inferred: RTRDA's copy for 2569 dates them, shifted back a year.
    ("O24", "previous", "inferred:shifted-2568"),
    ("O26", "previous", "inferred:shifted-2568"),
    ("O14", "current", "inferred:shifted-2568"),
    ("O23", "current", "inferred:shifted-2568"),
    ("O25", "current", "inferred:shifted-2568"),
])  # fmt: skip
def test_2568_evidence_periods_as_rtrda_dates_them(code, period, known):
    assert item(2568, code).period == period
    assert tag(2568, code, "period") == known


def test_2568_items_rtrda_gives_no_year_have_no_period():
    dated = {"O13", "O14", "O15", "O19", "O23", "O24", "O25", "O26"}
    for entry in oit.catalogue_for(2568).items:
        assert (entry.period is not None) is (entry.shown_code in dated), entry.shown_code


STATED_2569 = {
    "O11": "current", "O12": "previous", "O13": "current", "O14": "previous",
    "O18": "previous", "O19": "current", "O21": "current", "O22": "previous",
    "O23": "current", "O24": "previous", "O26": "previous",
}  # fmt: skip
UNSTATED_2569 = {
    "O1", "O2", "O3", "O4", "O5", "O8", "O9", "O10", "O15", "O16", "O17", "O20", "O25",
}  # fmt: skip


@pytest.mark.parametrize(("code", "period"), sorted(STATED_2569.items()))
def test_2569_periods_rtrda_states_are_read_at_the_commit_read(code, period):
    assert item(2569, code).period == period
    known = item(2569, code).period_known
    assert known is not None and known.tag == "read:rtrda-2569"
    assert known.source is not None and known.source.commit == RTRDA_2569


def test_the_13_2569_periods_no_heading_states_are_marked_inferred():
    assert len(UNSTATED_2569) == 13
    for code in UNSTATED_2569:
        assert item(2569, code).period == "current"
        assert tag(2569, code, "period") == "inferred:no-year-2569", code
    # O6 and O7 were not read at all: no period is claimed for them.
    assert item(2569, "O6").period is None and item(2569, "O7").period is None


def test_2568_o5_name_is_read_like_2569_o5():
    for year in (2568, 2569):
        entry = item(year, "O5")
        assert entry.name == "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน"
        assert not entry.provisional_name
        assert entry.name_known.tag == "read:rtrda-2569-guides"
        assert entry.name_known.source is not None
        assert entry.name_known.source.commit == RTRDA_GUIDES


def test_2569_o15_is_named_as_rtrda_writes_it_without_and():
    entry = item(2569, "O15")
    assert entry.name == "ประมวลจริยธรรมการขับเคลื่อนจริยธรรม"
    assert entry.name_known.tag == "read:rtrda-2569"


@pytest.mark.parametrize(("code", "name"), [
    ("O1", "โครงสร้าง หน้าที่และอำนาจ"),
    # The corrupt versions map O3 to a Ministry of Public Health heading.
    ("O3", "ข้อมูลการติดต่อและช่องทางการสอบถาม"),
    ("O10", "ระบบการให้บริการผ่านช่องทางออนไลน์ (E-SERVICE)"),
    ("O19", "ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน"),
    ("O21", "การประเมินความเสี่ยงการทุจริตในหน่วยงานภาครัฐ"),
    ("O25", "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร"),
])  # fmt: skip
def test_2569_names_are_those_of_the_version_read(code, name):
    assert item(2569, code).name == name
    assert tag(2569, code, "name") == "read:rtrda-2569"


def test_each_rtrda_source_pins_the_commit_it_was_read_at_never_a_corrupt_one():
    sources = {s.id: s for c in oit.bundled_catalogues() for s in c.sources}
    for key, commit in (
        ("rtrda-2569", RTRDA_2569),
        ("rtrda-2568", RTRDA_2568),
        ("rtrda-2569-guides", RTRDA_GUIDES),
    ):
        assert sources[key].commit == commit
        assert sources[key].address.startswith(REPOSITORY + commit + "/src/lib/wp/")
    assert not [s.id for s in sources.values() if s.commit in CORRUPT]


@pytest.mark.parametrize(("year", "code", "fact", "known"), [
    (2568, "O2", "name", "read:tambontrakan-2568"),
    (2568, "O6", "name", "inferred:o6-2568"),
    (2568, "O7", "name", "inferred:o7-2568"),
    (2568, "O25", "name", "inferred:generic-2568"),
    (2569, "O2", "name", "inferred:not-renamed-2569"),
    (2566, "o19", "sub_indicator", "read:dusitaram-2566"),
    (2566, "o11", "sub_indicator", "inferred:groups-2566"),
    (2566, "o31", "period", "read:skm-2566-o31"),
    (2566, "o40", "period", "read:skm-2566-o39"),
    (2566, "o7", "name", "inferred:o7-newsletter-2566"),
    (2565, "o42", "name", "read:nacc-manual-2563-2565"),
    (2565, "o42", "sub_indicator", "read:nacc-manual-2563-2565"),
])  # fmt: skip
def test_each_fact_names_its_source(year, code, fact, known):
    assert tag(year, code, fact) == known


@pytest.mark.parametrize(("year", "status"), [
    (2565, "confirmed"), (2566, "inferred"), (2567, "inferred"), (2568, "confirmed"),
    (2569, "provisional"), (2570, "provisional"),
])  # fmt: skip
def test_the_ten_indicators_are_read_for_2568_only_after_2565(year, status):
    assert scoring.methodology(year).status("indicators") == status


# --- No claim without a source ----------------------------------------------------------------


def test_no_bundled_fact_claims_a_reading_or_a_period_without_a_source_entry():
    for catalogue in oit.bundled_catalogues():
        provisional_subs = catalogue.provisional_subs
        for entry in catalogue.items:
            where = (catalogue.first_year, entry.shown_code)
            for fact in oit.FACTS:
                known = entry.known(fact)
                if fact == "period":
                    assert (known is None) is (entry.period is None), where
                    if known is None:
                        continue
                assert known is not None and known.source is not None, where
                if known.how == "read":
                    assert known.source.title and known.source.address, where
                else:
                    assert known.how == "inferred" and known.source.reason_th, where
            # A name counts as confirmed only when read; a group not marked provisional only
            # when every one of its items' grouping is read.
            assert entry.provisional_name is (entry.name_known.how != "read"), where
            if entry.sub_indicator not in provisional_subs:
                assert entry.group_known.how == "read", where


def bundled_document() -> dict:
    from importlib import resources

    text = resources.files("ita_tui").joinpath("data", "oit_catalogues.toml").read_text("utf-8")
    return tomllib.loads(text)


@pytest.mark.parametrize(("change", "message"), [
    (lambda row: row["items"][0].update(period="current"), "how its period is known"),
    (lambda row: row.pop("known"), "how its name is known"),
    (lambda row: row["items"][0].update(known={"name": "read:nowhere"}), "no source 'nowhere'"),
    (lambda row: row["items"][0].update(known={"name": "confirmed"}), "not read:<source>"),
])  # fmt: skip
def test_the_bundled_file_refuses_a_fact_without_a_source(change, message):
    document = bundled_document()
    change(document["catalogues"][0])
    with expect_refusal("oit.bad_catalogue") as refused:
        oit._parse_catalogues(document, "oit_catalogues.toml", strict=True)
    assert message in str(refused.value.params["detail"])


# --- Where the numbers are shown --------------------------------------------------------------


@pytest.fixture
def db_2569(sample_db):
    db = open_database(sample_db)
    writes.save_assessment(db, 1, 2569, [95] * 8 + [100, 90])
    db.close()
    return sample_db


def test_whatif_says_how_each_item_is_known_in_thai_and_english(run, db_2569):
    args = ("--db", str(db_2569), "whatif", "--year", "2569", "--failed", "O2,O25")
    thai = run(*args).out
    assert "ที่มา: ชื่อ: อ่านจาก RTRDA website, ITA 2569 headings" in thai
    assert "@140aaf86" in thai
    assert "ปีของหลักฐาน: อนุมาน (หัวข้อไม่ระบุปี" in thai
    assert "ชื่อ: อนุมาน (สทร. ไม่ได้เปลี่ยนชื่อข้อนี้ในปี 2569" in thai
    english = run("--lang", "en", *args).out
    assert "how known: name: read in RTRDA website, ITA 2569 headings" in english
    assert "grouping: inferred (2568's groups by meaning" in english


def test_whatif_json_gives_each_facts_source_with_address_and_commit(run, db_2569):
    out = run("--db", str(db_2569), "whatif", "--year", "2569", "--failed", "O24,O25", "--json")
    items = {i["code"]: i for i in json.loads(out.out)["items"]}
    assert items["O24"]["known"]["period"] == {
        "how": "read",
        "source": "rtrda-2569",
        "title": "RTRDA website, ITA 2569 headings (ita-headings-override.ts)",
        "address": REPOSITORY + RTRDA_2569 + "/src/lib/wp/ita-headings-override.ts",
        "commit": RTRDA_2569,
    }
    assert items["O25"]["known"]["period"]["how"] == "inferred"
    assert items["O25"]["known"]["period"]["reason"].startswith("the heading gives no year")


def test_score_says_how_each_rule_of_the_year_is_known(run):
    thai = run("score", "--year", "2567", *["90"] * 10).out
    assert "ที่มาของกฎปี ๒๕๖๗: จำนวนตัวชี้วัด: อนุมาน · น้ำหนักคะแนน: ยังไม่ยืนยัน" in thai
    english = run("--lang", "en", "score", "--year", "2568", *["90"] * 10).out
    assert (
        "rules are known: the number of indicators: confirmed · the weights: provisional" in english
    )
    payload = json.loads(run("score", "--year", "2566", *["90"] * 10, "--json").out)
    assert payload["rules"]["indicators"]["status"] == "inferred"


def test_the_o25_and_o26_documents_say_how_their_item_is_known(run, sample_db):
    from ita_tui.core.model import Measure
    from ita_tui.desk import Desk

    # The 2569 documents report the plans of fiscal years 2569 (O25) and 2568 (O26).
    db = open_database(sample_db)
    desk = Desk(db, as_of=date(2026, 3, 1))
    for fiscal_year in (2568, 2569):
        desk.save_measure(Measure(None, fiscal_year, f"มาตรการปี {fiscal_year}", ("กองคลัง",)))
    db.close()
    for kind, expected in (
        ("o25", "ชื่อ: อ่านจาก RTRDA website, ITA 2569 headings"),
        ("o26", "ปีของหลักฐาน: อ่านจาก RTRDA website, ITA 2569 headings"),
    ):
        result = run("--db", str(sample_db), "report", "--kind", kind, "--year", "2569", "-o", "-")
        assert result.code == 0, result.err
        head = result.out.split("\n## ")[0]
        assert expected in head and "@140aaf86" in head
        assert "การจัดกลุ่ม" not in head  # the grouping is no matter in the document
    english = run(
        "--db", str(sample_db), "--lang", "en", "report", "--kind", "o25", "--year", "2569",
        "-o", "-",
    ).out  # fmt: skip
    assert "evidence year: inferred (the heading gives no year" in english


async def test_section_7_says_how_each_failed_item_is_known(tmp_path):
    from textual.widgets import Static

    from ita_tui.core.model import Finding
    from tests.app_helpers import sample_app

    app = sample_app(tmp_path)
    writes.save_assessment(app.desk.db, 1, 2569, [95] * 8 + [100, 75])
    writes.save_finding(
        app.desk.db,
        1,
        Finding(None, 2569, "weakness", "ยังไม่เผยแพร่", "OIT", 9, "9.1", oit_item="O2"),
    )
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        result = str(app.screen.query_one("#whatif-result", Static).render())
        prompt = str(app.screen.query_one("#whatif-items").get_option_at_index(0).prompt)
    flat = re.sub(r"\s+", " ", result)
    assert "O2 ที่มา: ชื่อ: อนุมาน (สทร. ไม่ได้เปลี่ยนชื่อข้อนี้ในปี 2569" in flat
    assert "(ชื่อยังไม่ยืนยัน)" in prompt


# --- The agency's own lists -------------------------------------------------------------------


def export_2569(run, db, tmp_path) -> dict:
    path = tmp_path / "oit2569.toml"
    assert run("--db", str(db), "oit", "export", "--year", "2569", str(path)).code == 0
    return tomllib.loads(path.read_text("utf-8"))


def import_list(run, db, tmp_path, document: dict):
    path = tmp_path / "own.toml"
    path.write_text(tomli_w.dumps(document), "utf-8")
    result = run("--db", str(db), "oit", "import", str(path))
    assert result.code == 0, result.err


def whatif_items(run, db, codes: str) -> dict:
    out = run("--db", str(db), "whatif", "--year", "2569", "--failed", codes, "--json").out
    return {i["code"]: i for i in json.loads(out)["items"]}


def test_an_old_export_without_tags_imports_as_the_agencys_own(run, db_2569, tmp_path):
    document = export_2569(run, db_2569, tmp_path)
    (row,) = document["catalogues"]
    row.pop("sources")
    for entry in row["items"]:
        entry.pop("known")
    row["items"][1]["provisional_name"] = True  # O2, as lists were exported before tags
    import_list(run, db_2569, tmp_path, document)
    items = whatif_items(run, db_2569, "O2,O24")
    assert items["O24"]["known"] == {
        "name": {"how": "agency"},
        "sub_indicator": {"how": "agency"},
        "period": {"how": "agency"},
    }
    assert items["O2"]["provisional_name"] is True
    text = run("--db", str(db_2569), "whatif", "--year", "2569", "--failed", "O24").out
    assert "ที่มา: ชื่อ, การจัดกลุ่ม, ปีของหลักฐาน: รายการของหน่วยงานเอง" in text


def test_a_corrected_value_no_longer_claims_the_bundled_source(run, db_2569, tmp_path):
    document = export_2569(run, db_2569, tmp_path)
    (row,) = document["catalogues"]
    o3 = next(i for i in row["items"] if i["code"] == "O3")
    o3["name"] = "ข้อมูลการติดต่อ"  # corrected by hand, tag left as exported
    o24 = next(i for i in row["items"] if i["code"] == "O24")
    o24["sub_indicator"] = "10.1"
    import_list(run, db_2569, tmp_path, document)
    items = whatif_items(run, db_2569, "O3,O24,O25")
    assert items["O3"]["known"]["name"] == {"how": "agency"}
    assert items["O3"]["known"]["period"]["how"] == "inferred"  # unchanged, still as bundled
    assert items["O24"]["known"]["sub_indicator"] == {"how": "agency"}
    assert items["O24"]["known"]["name"]["source"] == "rtrda-2569"
    assert items["O25"]["known"]["name"]["commit"] == RTRDA_2569


def test_an_agency_may_cite_its_own_source_such_as_the_nacc_manual(run, db_2569, tmp_path):
    document = export_2569(run, db_2569, tmp_path)
    (row,) = document["catalogues"]
    row["sources"]["nacc-2569"] = {
        "title": "คู่มือการประเมิน ITA ปีงบประมาณ พ.ศ. 2569",
        "address": "https://itas.nacc.go.th/",
    }
    o2 = next(i for i in row["items"] if i["code"] == "O2")
    o2["known"]["name"] = "read:nacc-2569"
    import_list(run, db_2569, tmp_path, document)
    items = whatif_items(run, db_2569, "O2")
    assert items["O2"]["provisional_name"] is False
    assert items["O2"]["known"]["name"]["title"] == "คู่มือการประเมิน ITA ปีงบประมาณ พ.ศ. 2569"


def test_sources_a_list_brings_are_shown_as_text(run, db_2569, tmp_path):
    """Each accepted one-line string of the hostile corpus as a source's title and as a reason:
    printed as it is stored, never markup, never a byte the terminal would act on."""
    from tests.hostile import ONE_LINE

    document = export_2569(run, db_2569, tmp_path)
    (row,) = document["catalogues"]
    cases = ONE_LINE[: len(row["items"])]
    for index, (entry, case) in enumerate(zip(row["items"], cases, strict=False)):
        row["sources"][f"read-{index}"] = {"title": case.text, "address": "https://x.go.th"}
        row["sources"][f"why-{index}"] = {"reason_th": case.text, "reason_en": case.text}
        entry["known"]["name"] = f"read:read-{index}"
        entry["known"]["sub_indicator"] = f"inferred:why-{index}"
    import_list(run, db_2569, tmp_path, document)
    codes = ",".join(entry["code"] for entry in row["items"][: len(cases)])
    out = run("--db", str(db_2569), "whatif", "--year", "2569", "--failed", codes).out
    assert "\x1b" not in out and "\x9b" not in out
    for case in cases:
        assert f"อ่านจาก {case.expected}" in out, case.name
        assert f"อนุมาน ({case.expected})" in out, case.name


def test_a_2569_list_made_into_2570s_claims_no_reading_for_2570(run, db_2569, tmp_path):
    db = open_database(db_2569)
    writes.save_assessment(db, 1, 2570, [95] * 8 + [100, 90])
    db.close()
    document = export_2569(run, db_2569, tmp_path)
    (row,) = document["catalogues"]
    row["first_year"] = row["last_year"] = 2570
    row["sources"]["nacc-2570"] = {"title": "คู่มือ ITA 2570", "address": "https://itas.nacc.go.th/"}
    row["items"][0]["known"]["name"] = "read:nacc-2570"
    import_list(run, db_2569, tmp_path, document)
    out = run("--db", str(db_2569), "whatif", "--year", "2570", "--failed", "O1,O25", "--json")
    items = {i["code"]: i for i in json.loads(out.out)["items"]}
    assert items["O1"]["known"]["name"]["title"] == "คู่มือ ITA 2570"
    assert items["O25"]["known"] == {fact: {"how": "agency"} for fact in oit.FACTS}
    # The 2569 list itself is the bundled one still, its sources as read.
    assert whatif_items(run, db_2569, "O25")["O25"]["known"]["name"]["commit"] == RTRDA_2569
