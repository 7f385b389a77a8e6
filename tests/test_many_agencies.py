"""A province or the national office: many agencies in one database."""

import json

from textual.widgets import DataTable, Input, Static

from ita_tui.screens.agencies import AgenciesScreen
from ita_tui.screens.overview import OverviewScreen

SIZE = (120, 35)


def snapshot_of(run, db, as_of="2023-04-03"):
    return run("--db", str(db), "export", "-", "--as-of", as_of).out


def renamed(text: str, name: str) -> str:
    return text.replace('name = "เทศบาลตำบลมวกเหล็ก"', f'name = "{name}"', 1)


def test_importing_many_snapshots_builds_an_aggregate(run, sample_db, tmp_path):
    text = snapshot_of(run, sample_db)
    files = []
    for number, name in enumerate(["เทศบาลตำบลก", "เทศบาลตำบลข", "อบต.ค"]):
        path = tmp_path / f"{number}.toml"
        path.write_text(renamed(text, name), "utf-8")
        files.append(str(path))
    national = tmp_path / "national.db"
    result = run("--db", str(national), "import", *files)
    assert result.code == 0, result.err
    names = [
        a
        for a in json.loads(
            run("--db", str(national), "--agency", "อบต.ค", "measures", "--json").out
        )
    ]
    assert len(names) == 11
    overdue = json.loads(
        run(
            "--db",
            str(national),
            "--agency",
            "เทศบาลตำบลข",
            "overdue",
            "--as-of",
            "2023-04-03",
            "--json",
        ).out
    )
    assert [r["id"] for r in overdue] == sorted(r["id"] for r in overdue) and len(overdue) == 2
    chooser = run("--db", str(national), "measures")
    assert chooser.code == 2 and "--agency" in chooser.err


def test_an_older_snapshot_never_replaces_a_newer_one(run, sample_db, tmp_path):
    newer = tmp_path / "newer.toml"
    newer.write_text(snapshot_of(run, sample_db), "utf-8")
    older = tmp_path / "older.toml"
    older_text = snapshot_of(run, sample_db)
    stamp = next(line for line in older_text.splitlines() if line.startswith("generated_at"))
    older.write_text(older_text.replace(stamp, "generated_at = 2020-01-01T00:00:00+07:00"), "utf-8")
    target = tmp_path / "agg.db"
    assert run("--db", str(target), "import", str(newer)).code == 0
    refused = run("--db", str(target), "import", str(older))
    assert refused.code == 2 and "ใหม่กว่า" in refused.err
    both = run("--db", str(target), "import", str(newer), str(older))
    assert both.code == 2 and "1 จาก 2" in both.err.replace("๑", "1").replace("๒", "2")


async def test_the_app_starts_from_the_agencies_and_opens_the_chosen_one(run, sample_db, tmp_path):
    from datetime import date

    from ita_tui.app import ItaApp
    from ita_tui.db import open_database

    text = snapshot_of(run, sample_db)
    for number, name in enumerate(["เทศบาลตำบลก", "เทศบาลตำบลข"]):
        path = tmp_path / f"{number}.toml"
        path.write_text(renamed(text, name), "utf-8")
        assert run("--db", str(tmp_path / "two.db"), "import", str(path)).code == 0
    app = ItaApp(open_database(tmp_path / "two.db"), as_of=date(2023, 4, 3), persist_settings=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AgenciesScreen)
        table = app.screen.query_one("#agency-table", DataTable)
        assert table.row_count == 2
        app.screen.query_one("#agency-search", Input).value = "ข"
        await pilot.pause()
        assert table.row_count == 1
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        assert app.agency.name == "เทศบาลตำบลข"
        assert app.title == "เทศบาลตำบลข"
        assert "๘๐.๖๑" in str(app.screen.query_one("#score-line", Static).render())


def test_without_agency_a_national_database_names_a_few_and_counts_the_rest(
    run, sample_db, tmp_path
):
    text = snapshot_of(run, sample_db)
    files = []
    for number in range(12):
        path = tmp_path / f"{number}.toml"
        path.write_text(renamed(text, f"เทศบาลตำบลที่ {number:02d}"), "utf-8")
        files.append(str(path))
    national = tmp_path / "national.db"
    assert run("--db", str(national), "import", *files).code == 0
    result = run("--db", str(national), "--lang", "en", "overdue")
    assert result.code == 2
    assert "choose one with --agency" in result.err
    assert "เทศบาลตำบลที่ 00" in result.err and "เทศบาลตำบลที่ 09" in result.err
    assert "เทศบาลตำบลที่ 11" not in result.err and "(+2)" in result.err
    unknown = run("--db", str(national), "--lang", "en", "--agency", "อบต.ไม่มี", "overdue")
    assert "There is no agency “อบต.ไม่มี”" in unknown.err and "(+2)" in unknown.err
