"""The language: --lang, then ITA_TUI_LANG or the settings file, then the locale (LANGUAGE,
LC_ALL, LC_MESSAGES, LANG); th is Thai, en English, anything else Thai. For the commands (their
--help, their messages) and for the app."""

import pytest

from tests.app_helpers import sample_app

THAI_HELP = "แสดงวิธีใช้นี้แล้วออก"
ENGLISH_HELP = "Show this message and exit."


def help_language(run) -> str:
    said = run("overdue", "--help").out
    assert (THAI_HELP in said) != (ENGLISH_HELP in said), said
    return "th" if THAI_HELP in said else "en"


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("LANG", "en_US.UTF-8", "en"),
        ("LANG", "en_GB", "en"),
        ("LANG", "th_TH.UTF-8", "th"),
        ("LANG", "C.UTF-8", "th"),
        ("LANG", "POSIX", "th"),
        ("LANG", "de_DE.UTF-8", "th"),
        ("LC_MESSAGES", "en_US.UTF-8", "en"),
        ("LC_ALL", "en_AU.UTF-8", "en"),
        ("LANGUAGE", "en_US:th", "en"),
        ("LANGUAGE", "th:en", "th"),
        ("LANGUAGE", "fr", "th"),
    ],
)
def test_the_locale_chooses_when_nothing_else_does(run, monkeypatch, variable, value, expected):
    monkeypatch.setenv(variable, value)
    assert help_language(run) == expected


def test_the_locale_variables_are_read_in_gettexts_order(run, monkeypatch):
    monkeypatch.setenv("LANG", "th_TH.UTF-8")
    monkeypatch.setenv("LC_MESSAGES", "en_US.UTF-8")
    assert help_language(run) == "en"
    monkeypatch.setenv("LC_ALL", "th_TH.UTF-8")
    assert help_language(run) == "th"
    monkeypatch.setenv("LANGUAGE", "en")
    assert help_language(run) == "en"
    # An empty variable is not a choice: the next one speaks.
    monkeypatch.setenv("LANGUAGE", "")
    assert help_language(run) == "th"


def test_the_flag_then_the_variable_or_settings_come_before_the_locale(run, monkeypatch, tmp_path):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert "วิธีใช้: ita-tui overdue" in run("--lang", "th", "overdue", "--help").out
    monkeypatch.setenv("ITA_TUI_LANG", "th")
    assert help_language(run) == "th"
    monkeypatch.delenv("ITA_TUI_LANG")
    (tmp_path / "settings.toml").write_text('language = "th"\n', "utf-8")
    assert help_language(run) == "th"
    # ITA_TUI_LANG comes before the settings file.
    monkeypatch.setenv("ITA_TUI_LANG", "en")
    assert help_language(run) == "en"
    # A value we do not speak is passed over, not obeyed.
    monkeypatch.setenv("ITA_TUI_LANG", "fr")
    assert help_language(run) == "th"


def test_messages_and_usage_errors_follow_the_locale_too(run, monkeypatch, sample_db):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    wrong = run("--db", str(sample_db), "measures", "--jsonn")
    assert wrong.code == 2 and "No such option" in wrong.err and "--json" in wrong.err
    overdue = run("--db", str(sample_db), "overdue", "--as-of", "2023-04-03")
    assert overdue.code == 0
    monkeypatch.setenv("LANG", "th_TH.UTF-8")
    assert overdue.out != run("--db", str(sample_db), "overdue", "--as-of", "2023-04-03").out


def test_the_app_opened_by_the_command_speaks_the_locales_language(run, monkeypatch, sample_db):
    import ita_tui.app

    seen = {}

    def fake_run_app(db, context, **options):
        seen["lang"] = context.lang

    monkeypatch.setattr(ita_tui.app, "run_app", fake_run_app)
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert run("--db", str(sample_db)).code == 0
    assert seen["lang"] == "en"
    monkeypatch.setenv("LC_ALL", "th_TH.UTF-8")
    assert run("--db", str(sample_db)).code == 0
    assert seen["lang"] == "th"


async def test_the_app_without_a_language_given_follows_the_locale(tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    app = sample_app(tmp_path)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.lang == "en"


async def test_switching_language_in_the_app_keeps_it_and_digits_alone(tmp_path, monkeypatch):
    from ita_tui.files.settings import load

    monkeypatch.setenv("LANG", "en_US.UTF-8")
    app = sample_app(tmp_path, persist_settings=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        app.digits = "arabic"
        await pilot.pause()
        # Digits chosen; the language is still the locale's, not written down.
        assert load()[0].language is None
        app.lang = "th"
        await pilot.pause()
    assert load()[0].language == "th"
    assert load()[0].digits == "arabic"
