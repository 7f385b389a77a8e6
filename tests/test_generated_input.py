"""Generated input, thousands of shapes no one would think to type: the command line ends in
exit 0 or 2 with a message, never a traceback; the snapshot validator returns a plan or one
UserError, and a plan it lets through imports."""

import copy
import os
import tomllib
from datetime import UTC, date, timedelta, timezone
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_tui.core.errors import UserError
from ita_tui.db import open_database
from ita_tui.documents import snapshot
from ita_tui.documents.snapshot_validation import validate

SETTINGS = settings(
    max_examples=int(os.environ.get("ITA_TUI_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

DIGITS = "0123456789๐๑๒๓๔๕๖๗๘๙"
ODD = "²①٣.,-_%e "

numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(alphabet=DIGITS + ODD, min_size=0, max_size=25),
    st.integers(min_value=1, max_value=5000).map(lambda n: "9" * n),
    st.text(max_size=8),
)
dates = st.one_of(
    st.dates().map(date.isoformat),
    st.builds(
        lambda d, m, y: f"{d}/{m}/{y}",
        st.integers(-1, 40),
        st.integers(-1, 14),
        st.integers(0, 99999),
    ),
    st.text(alphabet=DIGITS + "/-. มคเมยพกสตธ", max_size=20),
    st.text(max_size=12),
)
# Names without a slash: each stays in the test's own folder, however long (up to 300).
file_names = st.one_of(
    st.just("-"),
    st.text(
        alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
        min_size=1,
        max_size=300,
    ),
)
words = st.text(max_size=40)


def maybe(option, values):
    return st.one_of(st.just([]), values.map(lambda value: [option, value]))


def command(*parts):
    """A command as a list of strategies, each giving a list of words."""
    return st.tuples(*parts).map(lambda groups: [word for group in groups for word in group])


def fixed(*words_):
    return st.just(list(words_))


def one(values):
    return values.map(lambda value: [value])


COMMANDS = st.one_of(
    command(
        fixed("log"),
        one(numbers),
        fixed("--percent"),
        one(numbers),
        maybe("--date", dates),
        maybe("--note", words),
        maybe("--corrects", numbers),
    ),
    command(
        fixed("measures"),
        maybe("--status", words),
        maybe("--unit", words),
        maybe("--as-of", dates),
        st.sampled_from([[], ["--json"]]),
    ),
    command(
        fixed("overdue"),
        maybe("--as-of", dates),
        maybe("--division", words),
        st.sampled_from([[], ["--json"]]),
    ),
    command(fixed("score", "--year"), one(numbers), st.lists(numbers, max_size=12)),
    command(
        fixed("whatif", "--year"),
        one(numbers),
        maybe("--failed", words),
        maybe("--pass", words),
        maybe("--target", numbers),
    ),
    command(fixed("meeting", "add", "--date"), one(dates), maybe("--attendees", words)),
    command(
        fixed("decision", "add", "--text"),
        one(words),
        maybe("--due", dates),
        maybe("--measure", numbers),
        maybe("--meeting", numbers),
        maybe("--unit", words),
    ),
    command(fixed("decision", "close"), one(numbers), maybe("--date", dates)),
    command(fixed("export"), one(file_names), maybe("--as-of", dates)),
    command(
        fixed("report", "-o"), one(file_names), maybe("--as-of", dates), maybe("--since", dates)
    ),
    command(fixed("import"), one(file_names)),
    command(fixed("restore"), one(file_names)),
    command(fixed("backup"), one(file_names)),
    command(fixed("verify")),
    command(fixed("people", "add"), one(words), fixed("--name"), one(words)),
    command(fixed("people", "change"), one(words), maybe("--name", words)),
    command(fixed("handover"), one(words), one(words)),
    command(fixed("--lang", "en"), one(st.sampled_from(["log", "score", "people", "decision"]))),
)


@pytest.fixture
def workplace(run, tmp_path, monkeypatch):
    """The sample database in a folder of its own; the commands run from another."""
    home = tmp_path / "db"
    home.mkdir()
    database = home / "plan.db"
    assert run("--db", str(database), "init", "--sample").code == 0
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return database


@SETTINGS
@given(args=COMMANDS)
def test_the_command_line_never_ends_in_a_traceback(run, workplace, args):
    result = run("--db", str(workplace), *args)
    assert result.code in (0, 2), (args, result.err)
    assert "Traceback" not in result.err
    if result.code == 2:
        assert result.err.strip(), args


def _sample_document() -> dict:
    text = resources.files("ita_tui").joinpath("data", "sample_plan.toml").read_text("utf-8")
    return tomllib.loads(text)


SAMPLE = _sample_document()

toml_leaves = st.one_of(
    st.text(max_size=20),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(timezones=st.sampled_from([None, UTC, timezone(timedelta(hours=7))])),
    st.times(),
)
toml_values = st.recursive(
    toml_leaves,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


def _paths(value, prefix=()):
    """Every place in a document a value could be put."""
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*prefix, index))


SAMPLE_PATHS = [path for path in _paths(SAMPLE) if path]


def _replaced(document, path, value):
    changed = copy.deepcopy(document)
    target = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


@pytest.fixture(scope="module")
def scratch_db():
    db = open_database(":memory:")
    yield db
    db.close()


def _check(document, db):
    try:
        plan = validate(document, "generated.toml")
    except UserError as refused:
        assert refused.message("th") and refused.message("en")
        return
    try:
        snapshot.import_plan(db, plan, "hypothesis")
    except UserError as refused:
        assert refused.message("th")


@SETTINGS
@given(
    changes=st.lists(st.tuples(st.sampled_from(SAMPLE_PATHS), toml_values), min_size=1, max_size=3)
)
def test_a_sample_plan_changed_anywhere_is_refused_in_words_or_imported(scratch_db, changes):
    document = SAMPLE
    for path, value in changes:
        try:
            document = _replaced(document, path, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change took that place away
    _check(document, scratch_db)


@SETTINGS
@given(document=st.dictionaries(st.sampled_from(sorted(SAMPLE) + ["x"]), toml_values))
def test_any_document_is_refused_in_words_or_imported(scratch_db, document):
    document = {"format": "ita-tui-snapshot", "version": 1, **document}
    _check(document, scratch_db)
