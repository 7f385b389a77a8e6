"""The demo's database (`ita-tui demo`) is built once and kept in the user's cache folder: a later
demo starts from a copy, the same plan to the last row, and a kept copy that is damaged or stale
is built again rather than shown."""

import sqlite3

import pytest

from ita_tui.desk import sample_store
from tests.conftest import dump


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ITA_TUI_CACHE", str(tmp_path / "kept"))
    return tmp_path / "kept"


def built(path, by="somchai"):
    db = sample_store(path, by)
    db.close()
    return dump(path)


def plan_rows(lines):
    """A database's content but the rows that carry the time they were written (the journal,
    the migrations applied)."""
    stamped = ('INSERT INTO "journal"', 'INSERT INTO "_sqlite_migrations"')
    return [line for line in lines if not line.startswith(stamped)]


def test_a_second_demo_starts_from_the_kept_sample(tmp_path, cache):
    first = built(tmp_path / "first.db")
    kept = list(cache.glob("sample-*.db"))
    assert len(kept) == 1
    assert dump(kept[0]) == first
    # What is copied is what is kept: mark the kept copy and find the mark in the next demo.
    connection = sqlite3.connect(kept[0])
    connection.execute("PRAGMA journal_mode = DELETE")  # the mark in the file itself
    connection.execute("PRAGMA user_version = 4242")
    connection.close()
    second_path = tmp_path / "second.db"
    second = built(second_path)
    assert second == first
    with sqlite3.connect(second_path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 4242


def test_a_damaged_kept_sample_is_built_again(tmp_path, cache):
    first = built(tmp_path / "first.db")
    (kept,) = cache.glob("sample-*.db")
    kept.write_bytes(b"SQLite format 3\x00" + b"\xff" * 300)
    second = built(tmp_path / "second.db")
    assert plan_rows(second) == plan_rows(first)
    assert any(line.startswith('INSERT INTO "measures"') for line in second)
    assert dump(kept) == second  # kept again, whole


def test_another_user_gets_a_sample_of_their_own(tmp_path, cache):
    built(tmp_path / "first.db", by="somchai")
    built(tmp_path / "second.db", by="kanda")
    # One kept at a time: the older is replaced rather than left to pile up.
    assert len(list(cache.glob("sample-*.db"))) == 1
    with sqlite3.connect(tmp_path / "second.db") as connection:
        who = {row[0] for row in connection.execute('SELECT DISTINCT "by" FROM journal')}
    assert who == {"kanda"}


def test_a_cache_folder_that_cannot_be_written_still_gives_a_demo(tmp_path, cache):
    cache.write_text("a file where the folder should be", encoding="utf-8")
    first = built(tmp_path / "first.db")
    assert plan_rows(built(tmp_path / "second.db")) == plan_rows(first)
    assert any(line.startswith('INSERT INTO "measures"') for line in first)
    assert cache.read_text(encoding="utf-8") == "a file where the folder should be"
