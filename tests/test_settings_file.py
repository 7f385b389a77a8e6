"""The settings file is the user's: written back with their comments, order and layout, only the
values that changed rewritten; a key that is no setting is named, with the nearest known one, in
the user's language; a file that cannot be read is never overwritten."""

import tomli_w

from ita_tui.files.settings import load
from tests.app_helpers import sample_app
from tests.hostile import ONE_LINE

USERS_FILE = """\
# ตั้งค่าของสมศรี (Somsri's settings)
language = "th"        # or "en"

# Thai digits on paper, Arabic on screen? Not yet.
digits = "thai"

[keymap]
# q is too near w
quit = "ctrl+q"
"""


async def test_switching_language_in_the_app_keeps_the_users_comments_and_order(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text(USERS_FILE, "utf-8")
    settings, problems = load()
    assert problems == []
    app = sample_app(tmp_path, settings=settings, persist_settings=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "en"
    assert path.read_text("utf-8") == USERS_FILE.replace('"th"        #', '"en"        #')


async def test_a_file_that_cannot_be_read_is_not_overwritten(tmp_path):
    path = tmp_path / "settings.toml"
    broken = USERS_FILE + "digits = [unfinished\n"
    path.write_text(broken, "utf-8")
    app = sample_app(tmp_path, settings=load()[0], persist_settings=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        shown = " ".join(str(n.message) for n in app._notifications)
        assert "cannot be read, so it is left as it is" in shown
    assert path.read_text("utf-8") == broken


async def test_a_default_the_file_does_not_mention_is_not_added(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('# just my name\nname = "สมศรี"\n', "utf-8")
    app = sample_app(tmp_path, settings=load()[0], persist_settings=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
    assert path.read_text("utf-8") == '# just my name\nname = "สมศรี"\nlanguage = "en"\n'


def test_a_misspelt_key_is_named_with_the_nearest_known_one(run, sample_db, tmp_path):
    (tmp_path / "settings.toml").write_text('langauge = "en"\nstale_day = 10\n', "utf-8")
    thai = run("--db", str(sample_db), "overdue", "--as-of", "2023-04-03")
    assert thai.code == 0
    assert "ไม่มีค่าตั้งชื่อ “langauge” จึงไม่ใช้ค่านี้ หมายถึง “language” หรือไม่" in thai.err
    assert "“stale_day”" in thai.err and "“stale_days”" in thai.err
    english = run("--lang", "en", "--db", str(sample_db), "overdue", "--as-of", "2023-04-03")
    assert "“langauge” is not a setting and is ignored. Did you mean “language”?" in english.err
    # The misspelt language was not obeyed: the output is still Thai.
    assert thai.out == run("--db", str(sample_db), "overdue", "--as-of", "2023-04-03").out


def test_a_key_like_no_setting_lists_the_settings(run, tmp_path):
    (tmp_path / "settings.toml").write_text("colour_scheme = 1\n", "utf-8")
    said = run("--lang", "en", "locate").err
    assert "“colour_scheme” is not a setting and is ignored. The settings are: language," in said


def test_hostile_keys_are_warned_about_as_plain_text(run, tmp_path):
    path = tmp_path / "settings.toml"
    for case in ONE_LINE:
        path.write_text(tomli_w.dumps({case.text: 1}), "utf-8")
        result = run("--lang", "en", "locate")
        assert result.code == 0, case.name
        assert "is not a setting" in result.err, case.name
        assert "\x1b" not in result.err and "\x07" not in result.err, case.name
    assert load()[0] == load(tmp_path / "none.toml")[0]
