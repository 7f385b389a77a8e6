"""An agency corrects a year's OIT list without code: it exports the list as TOML, corrects it,
imports it; the list is then its own (whatif uses it, its snapshot carries it), until it forgets
it and the bundled list applies again."""

import json

import pytest

from ita_tui.db import open_database, writes
from tests.conftest import dump


@pytest.fixture
def db_2569(sample_db):
    db = open_database(sample_db)
    writes.save_assessment(db, 1, 2569, [95] * 8 + [100, 100])
    db.close()
    return sample_db


def cli(run, path, *args):
    result = run("--db", str(path), *args)
    assert result.code == 0, result.err
    return result


def worth_of_o25(run, path):
    payload = json.loads(
        cli(run, path, "whatif", "--year", "2569", "--failed", "O25", "--json").out
    )
    return payload["item_worth"]["O25"], payload["provisional"]["item_worth"]["O25"]


def corrected_2569(run, path, tmp_path):
    """The 2569 list as the agency reads it in the NACC manual: 10.2 holds O25 and O26 only,
    and every grouping is confirmed."""
    exported = tmp_path / "oit2569.toml"
    cli(run, path, "oit", "export", "--year", "2569", str(exported))
    text = exported.read_text("utf-8")
    text = text.replace("provisional_aggregation = true\n", "")
    text = text.replace(", provisional = true }", " }")
    for code in ("O23", "O24"):
        text = text.replace(
            f'code = "{code}"\nsub_indicator = "10.2"', f'code = "{code}"\nsub_indicator = "10.1"'
        )
    text = text.replace('name = "ข้อมูลผู้บริหาร"\nperiod = "current"\n\n[catalogues.items.known]\n'
                        'name = "inferred:not-renamed-2569"',
                        'name = "ข้อมูลผู้บริหารสูงสุด"\nperiod = "current"\n\n[catalogues.items.known]\n'
                        'name = "agency"')  # fmt: skip
    corrected = tmp_path / "corrected.toml"
    corrected.write_text(text, "utf-8")
    return corrected


def test_a_corrected_list_is_the_agencys_own_until_forgotten(run, db_2569, tmp_path):
    assert worth_of_o25(run, db_2569) == (2.5, True)
    out = cli(run, db_2569, "oit", "import", str(corrected_2569(run, db_2569, tmp_path))).out
    assert "๒๕๖๙" in out and "๒๖ ข้อ" in out
    assert worth_of_o25(run, db_2569) == (5.0, False)
    text = cli(run, db_2569, "whatif", "--year", "2569", "--failed", "O2").out
    assert "O2 ข้อมูลผู้บริหารสูงสุด" in text and "ยังไม่ยืนยัน)  +" not in text
    # Other years keep the bundled lists.
    payload = json.loads(cli(run, db_2569, "whatif", "--year", "2565", "--json").out)
    assert payload["indicators"] == {"9": 72.43, "10": 37.5}
    cli(run, db_2569, "verify")
    assert "๒๕๖๙" in cli(run, db_2569, "oit", "forget", "--year", "2569").out
    assert worth_of_o25(run, db_2569) == (2.5, True)


def test_the_agencys_list_travels_in_its_snapshot(run, db_2569, tmp_path):
    cli(run, db_2569, "oit", "import", str(corrected_2569(run, db_2569, tmp_path)))
    snapshot = tmp_path / "snapshot.toml"
    cli(run, db_2569, "export", str(snapshot))
    assert "[[oit_lists]]" in snapshot.read_text("utf-8")
    elsewhere = tmp_path / "elsewhere.db"
    cli(run, elsewhere, "import", str(snapshot))
    assert worth_of_o25(run, elsewhere) == (5.0, False)
    # Importing the same snapshot again changes nothing.
    before = dump(elsewhere)
    cli(run, elsewhere, "import", str(snapshot))
    assert dump(elsewhere) == before


def test_a_snapshot_without_own_lists_has_no_such_key(run, sample_db, tmp_path):
    snapshot = tmp_path / "snapshot.toml"
    cli(run, sample_db, "export", str(snapshot))
    assert "oit_lists" not in snapshot.read_text("utf-8")


@pytest.mark.parametrize(("change", "message"), [
    (("code = \"O2\"", "code = \"O1\""), "listed twice: o1"),
    (("sub_indicator = \"9.5\"", "sub_indicator = \"9.9\""), "not a sub-indicator"),
    (("period = \"previous\"", "period = \"last year\""), "current, previous"),
    (("sub_indicator = \"9.1\"", "sub_indicatr = \"9.1\""), "unknown key 'sub_indicatr'"),
    # A tag names an entry of the list's [sources], of the kind it claims.
    (("name = \"read:rtrda-2569\"", "name = \"read:rtrda-2570\""), "no source 'rtrda-2570'"),
    (("name = \"read:rtrda-2569\"", "name = \"confirmed\""), "not read:<source>"),
    (("name = \"read:rtrda-2569\"", "name = \"read:groups-2569\""), "no address"),
    (("period = \"inferred:no-year-2569\"", "period = \"inferred:rtrda-2569\""), "no reason"),
    (("commit = \"140aaf86", "commit = \"140aaf8"), "40 hexadecimal digits"),
    (("provisional = true", "provisional = \"no\""), "must be true or false"),
])  # fmt: skip
def test_a_wrong_list_is_refused_and_changes_nothing(run, db_2569, tmp_path, change, message):
    path = tmp_path / "wrong.toml"
    cli(run, db_2569, "oit", "export", "--year", "2569", str(path))
    path.write_text(path.read_text("utf-8").replace(*change, 1), "utf-8")
    before = dump(db_2569)
    result = run("--db", str(db_2569), "oit", "import", str(path))
    assert result.code == 2 and message in result.err and "Traceback" not in result.err
    assert dump(db_2569) == before


def test_a_snapshot_with_a_wrong_list_is_refused(run, db_2569, tmp_path):
    cli(run, db_2569, "oit", "import", str(corrected_2569(run, db_2569, tmp_path)))
    snapshot = tmp_path / "snapshot.toml"
    cli(run, db_2569, "export", str(snapshot))
    snapshot.write_text(
        snapshot.read_text("utf-8").replace('code = "O2"', 'code = "O1"', 1),
        "utf-8",
    )
    elsewhere = tmp_path / "elsewhere.db"
    result = run("--db", str(elsewhere), "import", str(snapshot))
    assert result.code == 2
    assert "oit_lists[0]: รายการข้อ OIT ไม่ถูกต้อง: an item code is listed twice" in result.err
    assert not elsewhere.exists()


async def test_section_7_confirms_and_corrects_an_item(tmp_path):
    from textual.widgets import Checkbox, Input, SelectionList

    from ita_tui.core.model import Finding
    from ita_tui.screens.analysis import AnalysisScreen
    from ita_tui.screens.oit_item_form import OitItemForm
    from tests.app_helpers import clear_and_paste, rows, sample_app

    app = sample_app(tmp_path)
    writes.save_assessment(app.desk.db, 1, 2569, [95] * 8 + [100, 75])
    writes.save_finding(
        app.desk.db,
        1,
        Finding(None, 2569, "weakness", "ยังไม่เผยแพร่", "OIT", 10, "10.2", oit_item="O25"),
    )
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        assert isinstance(app.screen, AnalysisScreen)
        items = app.screen.query_one("#whatif-items", SelectionList)
        assert "(ยังไม่ยืนยัน)" in str(items.get_option_at_index(0).prompt)
        items.focus()
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, OitItemForm)
        form.query_one("#oit-name", Input).focus()
        await clear_and_paste(pilot, "การนำผลการประเมิน ITA ไปพัฒนาหน่วยงาน")
        form.query_one("#oit-confirmed", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AnalysisScreen)
        label = str(
            app.screen.query_one("#whatif-items", SelectionList).get_option_at_index(0).prompt
        )
        assert "ไปพัฒนาหน่วยงาน" in label
    (document,) = rows(app, "SELECT document FROM oit_lists")
    stored = json.loads(document[0])
    assert stored["first_year"] == 2569
    o25 = next(i for i in stored["items"] if i["code"] == "O25")
    assert o25["name"] == "การนำผลการประเมิน ITA ไปพัฒนาหน่วยงาน"
    # What the agency confirmed is its own reading now; the evidence year keeps its source.
    assert o25["known"] == {
        "name": "agency",
        "sub_indicator": "agency",
        "period": "inferred:no-year-2569",
    }
    sub = next(s for s in stored["sub_indicators"] if s["code"] == "10.2")
    assert "provisional" not in sub
    assert rows(app, "SELECT count(*) FROM journal WHERE subject = 'oit_lists'") == [(1,)]


async def test_the_help_of_section_7_names_the_key(tmp_path):
    from tests.app_helpers import sample_app

    app = sample_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("7", "question_mark")
        await pilot.pause()
        assert "แก้ข้อ OIT" in str(app.screen.query_one("#help-keys").render())
