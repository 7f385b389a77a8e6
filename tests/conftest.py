import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from ita_tui.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path, monkeypatch):
    """No test reads or writes the real user's database or settings."""
    monkeypatch.setenv("ITA_TUI_SETTINGS", str(tmp_path / "settings.toml"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "documents"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("ITA_TUI_CACHE", raising=False)
    monkeypatch.delenv("ITA_TUI_DB", raising=False)
    monkeypatch.delenv("ITA_TUI_LANG", raising=False)
    # The tool speaks the locale's language when nothing else chooses: tests run in a neutral
    # one (Thai), whatever the machine's.
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def run(capsys):
    """Run the `ita-tui` command in this process, as a user would type it."""

    def invoke(*args: str) -> Result:
        code = 0
        try:
            main(list(args))
        except SystemExit as done:
            code = done.code or 0
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def sample_db(tmp_path, run) -> Path:
    path = tmp_path / "plan.db"
    result = run("--db", str(path), "init", "--sample")
    assert result.code == 0, result.err
    return path


def dump(path: Path) -> list[str]:
    """The database's whole content, to prove a failed action changed nothing."""
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture(autouse=True)
def cheap_password_hashing(request):
    """Passwords hashed at a test cost (see ita_tui.core.passwords.cost_for_tests), except in tests
    marked `real_password_cost`."""
    from ita_tui.core import passwords

    if request.node.get_closest_marker("real_password_cost"):
        yield
        return
    with passwords.cost_for_tests(passwords.Cost(n=2**10, r=8, p=1)):
        yield


@pytest.fixture(autouse=True)
def every_sentence_asked_for_exists():
    """A test whose code asks for a message no catalogue holds fails: the keys built at run time
    (f"status.{status}", f"event.{kind}", …) are checked by running them, with no list by hand."""
    from ita_tui.core import i18n

    i18n.missing_keys.clear()
    yield
    assert not i18n.missing_keys, f"keys missing from the catalogues: {sorted(i18n.missing_keys)}"


@pytest.fixture
def freeze_today(monkeypatch):
    """Call with a date: from then on it is "today" in Thailand for the code under test, at 10
    in the morning Bangkok time, whichever way the code reads the clock (thai_calendar.today,
    now_utc)."""
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    from ita_tui.core import thai_calendar

    def freeze(day):
        moment = datetime.combine(day, time(10), ZoneInfo("Asia/Bangkok"))

        class Frozen(datetime):
            @classmethod
            def now(cls, tz=None):
                return moment.astimezone(tz) if tz else moment.replace(tzinfo=None)

        monkeypatch.setattr(thai_calendar, "datetime", Frozen)

    return freeze
