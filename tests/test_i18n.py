"""The message catalogues: every sentence in Thai and in English, compiled, used, and said in the
right plural; click's own messages and --help in the user's language.

The keys the code uses are found in the code: literal keys at the calls that take one, and keys
built at run time are checked as they are built (tests/conftest.py fails a test whose code asks
for a key no catalogue holds)."""

import ast
import json
import os
import re
import string
import subprocess
import sys
import tomllib
from pathlib import Path

import click
import pytest
from babel.messages.extract import extract_from_file
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from ita_tui.core import i18n
from ita_tui.core.i18n import translate

ROOT = Path(__file__).parent.parent
SOURCE = ROOT / "ita_tui"
LANGUAGES = ("th", "en")
KEY = re.compile(r"[a-z_]+(?:\.[a-z0-9_\-]+)+")
# The calls and keywords that take a catalogue key, as the code writes them.
LITERAL_KEY = re.compile(
    r"""(?:\bt|translate|UserError|_?fail|field|SnapshotInvalid|parse_whole_number)\("""
    r"""[^"'()]*?["']([a-z_]+\.[a-z_.\-]+)["']"""
    r"""|\b(?:title_key|error_key|help|epilog)\s*=\s*["']([a-z_]+\.[a-z_.\-]+)["']"""
    r"""|\.fail\([^,()]+(?:\([^()]*\))?[^,()]*,\s*["']([a-z_]+\.[a-z_.\-]+)["']"""
)
BINDING_ID = re.compile(r"""Key\(\s*"[^"]+",\s*"[^"]*",\s*"([a-z\-]+)\"""")


def po_path(lang: str) -> Path:
    return SOURCE / "locale" / lang / "LC_MESSAGES" / "ita_tui.po"


def catalogue(lang: str):
    with po_path(lang).open("rb") as file:
        return read_po(file)


def messages(lang: str) -> dict[str, tuple[str, ...]]:
    """Each message id (the key, or click's English) with its forms."""
    found = {}
    for message in catalogue(lang):
        if not message.id:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        found[msgid] = tuple(forms)
    return found


def keys(lang: str) -> dict[str, tuple[str, ...]]:
    return {msgid: forms for msgid, forms in messages(lang).items() if KEY.fullmatch(msgid)}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def source_files() -> list[Path]:
    return sorted(SOURCE.rglob("*.py"))


def test_both_languages_hold_the_same_keys_each_with_the_same_placeholders():
    thai, english = keys("th"), keys("en")
    assert len(thai) > 500
    assert sorted(set(thai) ^ set(english)) == []
    for key in thai:
        forms = thai[key] + english[key]
        assert all(form.strip() for form in forms), key
        assert len({frozenset(placeholders(form)) for form in forms}) == 1, key


def as_pairs(messages) -> dict:
    def whole(value):
        return tuple(value) if isinstance(value, list | tuple) else value

    return {whole(m.id): whole(m.string) for m in messages if m.id}


@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_key_is_written_twice_in_a_catalogue(lang):
    """Two entries of one key compile to one of them, silently: a sentence meant for one place
    would show in the other."""
    keys = re.findall(r'^msgid "(.+)"$', po_path(lang).read_text("utf-8"), re.MULTILINE)
    assert sorted({k for k in keys if keys.count(k) > 1}) == []


def test_the_compiled_catalogues_are_those_of_the_po_files():
    """The .mo files ship in the package; after editing a .po, compile them (see docs/developer.md)."""
    for lang in LANGUAGES:
        with (po_path(lang).with_suffix(".mo")).open("rb") as file:
            compiled = read_mo(file)
        written = catalogue(lang)
        assert as_pairs(compiled) == as_pairs(written), (
            f"{lang}: run pybabel compile -d ita_tui/locale -D ita_tui"
        )
        assert compiled.plural_forms == written.plural_forms


def keys_used_in_source() -> set[str]:
    used: set[str] = set()
    for path in source_files():
        text = path.read_text("utf-8")
        for match in LITERAL_KEY.finditer(text):
            used.add(next(group for group in match.groups() if group))
        for binding in BINDING_ID.findall(text):
            used.update({f"binding.{binding}", f"binding.{binding}.tip"})
    return used


def test_every_key_the_code_names_is_in_the_catalogues():
    used = keys_used_in_source()
    assert len(used) > 400
    assert sorted(used - set(keys("en"))) == []


def strings_in_source() -> tuple[set[str], set[str]]:
    """Every string constant of the package, and the fixed starts of strings it builds
    (f"status.{status}", "access.needs_" + role)."""
    constants: set[str] = set()
    starts: set[str] = set()
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant) and KEY.match(first.value + "x"):
                    starts.add(first.value)
            elif (
                isinstance(node, ast.BinOp)
                and isinstance(node.left, ast.Constant)
                and isinstance(node.left.value, str)
                and KEY.match(node.left.value + "x")
            ):
                starts.add(node.left.value)
    return constants, starts


def test_no_key_is_left_unused():
    constants, starts = strings_in_source()
    bindings = {key for key in keys_used_in_source() if key.startswith("binding.")}
    unused = []
    for key in keys("en"):
        if key.startswith("binding."):
            used = key in bindings
        else:
            used = key in constants or any(key.startswith(start) for start in starts)
        if not used:
            unused.append(key)
    assert unused == []


def click_messages() -> dict[str, tuple[str, ...]]:
    """What click itself can say, read from the installed click."""
    found = {}
    folder = Path(click.__file__).parent
    for path in sorted(folder.glob("*.py")):
        for _, message, _, _ in extract_from_file(
            "python", path, keywords={"_": None, "ngettext": (1, 2)}
        ):
            found[message[0] if isinstance(message, tuple) else message] = message
    return found


def test_every_message_of_click_has_its_thai_and_none_is_stale():
    said_by_click = click_messages()
    thai = {msgid for msgid in messages("th") if not KEY.fullmatch(msgid)}
    assert sorted(set(said_by_click) - thai) == []
    assert sorted(thai - set(said_by_click)) == []


def test_english_counts_with_real_plurals():
    english = messages("en")
    assert [key for key, forms in english.items() if any("(s)" in f for f in forms)] == []
    assert translate("verify.failed", "en", count=1) == "1 problem found:"
    assert translate("verify.failed", "en", count=3) == "3 problems found:"
    assert translate("overdue.days", "en", count="๑") == "๑ day overdue"  # Thai digits count
    assert translate("overdue.days", "en", count="๒๑") == "๒๑ days overdue"
    assert translate("verify.failed", "th", count=1) == "พบความผิดปกติ 1 จุด:"


def test_a_handover_counts_measures_and_decisions_each_in_its_plural():
    result = {"units": ["กองคลัง"], "from": "a", "to": "b"}
    said = i18n.handover_message({**result, "open_measures": 1, "open_decisions": 2}, "en", str)
    assert said == "Handed กองคลัง from a to b: 1 open measure, 2 open decisions"


def test_no_message_sends_users_to_an_extra_that_does_not_exist():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    extras = set(project["project"].get("optional-dependencies", {}))
    named = set()
    for lang in LANGUAGES:
        for forms in messages(lang).values():
            for form in forms:
                named.update(re.findall(r"ita-tui\[([a-z-]+)\]", form))
    assert sorted(named - extras) == []


def test_an_unknown_language_falls_back_to_english_and_an_unknown_key_shows_itself():
    assert translate("status.done", "fr") == "done"
    assert translate("no.such.key", "th") == "no.such.key"
    assert i18n.missing_keys == {"no.such.key"}
    i18n.missing_keys.clear()


CATALOGUES_READ = """
import sys
from ita_tui.core import i18n
from ita_tui.cli import main
try:
    main({args!r})
except SystemExit:
    pass
print(i18n.catalogue.cache_info().misses, file=sys.stderr)
"""


# Click asks for its --help option's text as it reads any command line: even a command that says
# nothing opens its language's catalogue (in place; Python's gettext used to read it whole), once.
@pytest.mark.parametrize(
    ("args", "read"),
    [(["overdue", "--as-of", "2023-04-03", "--json"], 1), (["--lang", "en", "overdue"], 1)],
)
def test_a_catalogue_is_read_only_once_whatever_is_said(sample_db, args, read):
    done = subprocess.run(
        [sys.executable, "-c", CATALOGUES_READ.format(args=["--db", str(sample_db), *args])],
        capture_output=True,
        text=True,
        check=True,
    )
    assert int(done.stderr.strip().splitlines()[-1]) == read


def test_click_speaks_thai_under_lang_th_and_english_under_lang_en(run, sample_db):
    db = ("--db", str(sample_db))
    thai = run(*db, "--lang", "th", "measures", "--jsonn")
    assert thai.code == 2 and "ไม่มีตัวเลือก '--jsonn' (หมายถึง '--json' หรือไม่)" in thai.err
    english = run(*db, "--lang", "en", "measures", "--jsonn")
    assert "No such option '--jsonn'. Did you mean '--json'?" in english.err
    missing = run(*db, "--lang", "th", "import")
    assert missing.code == 2 and "ขาดอาร์กิวเมนต์ 'FILE.toml|.docx|.xlsx…'" in missing.err
    choice = run(*db, "--lang", "th", "people", "add", "x", "--name", "X", "--role", "boss")
    assert "ค่าของ '--role' ไม่ถูกต้อง: 'boss' ไม่ใช่ค่าที่เลือกได้" in choice.err
    unknown = run(*db, "--lang", "th", "nosuch")
    assert "ไม่มีคำสั่ง 'nosuch'" in unknown.err


def test_help_is_in_the_language_chosen_by_flag_environment_or_settings(run, tmp_path, monkeypatch):
    thai = run("--lang", "th", "overdue", "--help")
    assert thai.code == 0
    for said in ("วิธีใช้: ita-tui overdue", "ตัวเลือก:", "แสดงวิธีใช้นี้แล้วออก", "วันที่อ้างอิง"):
        assert said in thai.out
    english = run("--lang", "en", "overdue", "--help")
    for said in ("Usage: ita-tui overdue", "Options:", "Show this message and exit.", "as of"):
        assert said in english.out
    assert run("--lang", "th", "--help").out != run("--lang", "en", "--help").out
    monkeypatch.setenv("ITA_TUI_LANG", "en")
    assert "Options:" in run("overdue", "--help").out
    assert "No such option" in run("overdue", "--bogus").err
    monkeypatch.delenv("ITA_TUI_LANG")
    (tmp_path / "settings.toml").write_text('language = "en"\n', "utf-8")
    assert "Show this message and exit." in run("--help").out
    (tmp_path / "settings.toml").write_text('language = "th"\n', "utf-8")
    assert "แสดงวิธีใช้นี้แล้วออก" in run("--help").out


def test_running_a_command_leaves_the_process_language_as_it_was(run):
    before = os.environ.get("LANGUAGE")
    run("--lang", "th", "--help")
    assert os.environ.get("LANGUAGE") == before


def test_every_help_text_of_every_command_is_a_sentence_in_both_languages(run):
    from ita_tui.cli import cli

    def walk(group, path):
        context = click.Context(group)
        for name in group.list_commands(context):
            command = group.get_command(context, name)
            yield (*path, name)
            if isinstance(command, click.Group):
                yield from walk(command, (*path, name))

    for path in [(), *walk(cli, ())]:
        for lang in LANGUAGES:
            result = run("--lang", lang, *path, "--help")
            assert result.code == 0, path
            assert not re.search(r"\bhelp\.[a-z_.]+", result.out), (path, lang, result.out)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_catalogue_as_read_in_place_says_what_pythons_reader_says(lang):
    """ita-tui looks a message up in the compiled catalogue when it is asked for
    (`i18n.catalogue`); Python's gettext reads the whole file: both give every message alike,
    and each plural form for the counts that choose them."""
    import gettext

    path = i18n.LOCALE_DIR / lang / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    with path.open("rb") as compiled:
        whole = gettext.GNUTranslations(compiled)
    in_place = i18n.catalogue(lang)
    with path.open("rb") as compiled:
        messages = [message.id for message in read_mo(compiled) if message.id]
    assert len(messages) > 500
    for message_id in messages:
        if isinstance(message_id, (tuple, list)):
            for count in (0, 1, 2, 11):
                assert in_place.ngettext(*message_id, count) == whole.ngettext(*message_id, count)
        else:
            assert in_place.gettext(message_id) == whole.gettext(message_id), message_id
    for absent in ("", "zzz.not.a.key", "a.b", "status.don", "status.done.x"):
        assert in_place.gettext(absent) == whole.gettext(absent)
    assert in_place.ngettext("zzz.one", "zzz.many", 1) == "zzz.one"
    assert in_place.ngettext("zzz.one", "zzz.many", 3) == "zzz.many"


CLICK_SPEAKS = """
import gettext, json, sys
read_whole = []
reader = gettext.GNUTranslations._parse
def counted(self, fp):
    read_whole.append(fp.name)
    return reader(self, fp)
gettext.GNUTranslations._parse = counted
from ita_tui.cli import main
try:
    main(["--lang", sys.argv[1], "overdue", "--no-such-option"])
except SystemExit:
    pass
print(json.dumps(read_whole))
"""


@pytest.mark.parametrize(("lang", "said"), [("th", "ไม่มีตัวเลือก"), ("en", "No such option")])
def test_click_speaks_from_the_catalogue_the_tool_has_open(lang, said):
    """Click asks Python's gettext for its messages as every command line is read; gettext is
    given the catalogue the tool already has open (cli/language.py), rather than reading the
    whole file again with its own reader: the usage error is in the user's language, and no
    catalogue is read whole."""
    done = subprocess.run(
        [sys.executable, "-c", CLICK_SPEAKS, lang], capture_output=True, text=True, check=True
    )
    assert said in done.stderr, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == []
