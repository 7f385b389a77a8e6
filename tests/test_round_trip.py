"""What goes into the store comes back out of it, whole: through the snapshot and an import into
another database, every field of every measure, its checklist and its progress (evidence,
problems, suggestions, corrections) and its budget.

The fixture plan `tests/plans/followed.toml` is a plan under way (done, dropped on a known day,
in progress with a correction, not started); Hypothesis then tries measures of every shape.
The one rendering of a plan the Word import reads back, the analysis report's plan table, holds
five of a measure's fields; those come back from it."""

import dataclasses
import itertools
import json
import tomllib
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_tui.core.errors import UserError
from ita_tui.core.model import (
    MEASURE_STATUSES,
    ChecklistItem,
    Finding,
    Measure,
    Plan,
    ProgressEntry,
    Unit,
    field_names,
)
from ita_tui.core.money import baht
from ita_tui.core.text import normalise
from ita_tui.db import open_database, queries
from ita_tui.documents import snapshot
from ita_tui.documents.snapshot_validation import validate

FOLLOWED = Path(__file__).with_name("plans") / "followed.toml"
AS_OF = date(2023, 4, 3)


def _as_written(plan: Plan) -> Plan:
    """A plan as its file says it: when the file was written describes the file, not the plan."""
    return dataclasses.replace(plan, generated_at=None)


def test_the_followed_plan_comes_back_whole_from_an_export(run, tmp_path):
    database, exported = tmp_path / "plan.db", tmp_path / "exported.toml"
    assert run("--db", str(database), "import", str(FOLLOWED)).code == 0
    assert run("--db", str(database), "export", str(exported), "--as-of", "2023-04-03").code == 0
    source = validate(tomllib.loads(FOLLOWED.read_text("utf-8")))
    back = validate(tomllib.loads(exported.read_text("utf-8")))
    assert _as_written(back) == _as_written(source)
    # The fixture holds what the comparison is about.
    progress = [entry for measure in source.measures for entry in measure.progress]
    assert all(entry.evidence for entry in progress[:3])
    assert any(entry.problems for entry in progress) and any(e.suggestions for e in progress)
    assert {m.status for m in source.measures} == set(MEASURE_STATUSES)
    assert {m.budget for m in source.measures} >= {None, Decimal(0), Decimal("15000.50")}


@pytest.mark.parametrize("key", ["evidence", "problems", "suggestions", "note", "corrects"])
def test_an_export_that_forgets_a_progress_field_fails_the_round_trip(monkeypatch, key):
    """The comparison above bites: an export that leaves out one of an entry's fields gives a
    plan that is not the one imported."""
    db = open_database(":memory:")
    source = validate(tomllib.loads(FOLLOWED.read_text("utf-8")))
    snapshot.import_plan(db, source, "test")
    forgetful = tuple(name for name in snapshot.PROGRESS_KEYS if name != key)
    monkeypatch.setattr(snapshot, "PROGRESS_KEYS", forgetful)
    back = validate(tomllib.loads(snapshot.dumps(snapshot.build(db, AS_OF))))
    assert _as_written(back) != _as_written(source)


# A plan around the measure tried: units to name, findings to answer, an earlier measure to carry.
UNITS = (
    Unit("สำนักปลัด", "สำนัก"),
    Unit("งานนิติการ", "งาน", "สำนักปลัด"),
    Unit("กองคลัง", "กอง"),
)
FINDINGS = tuple(
    Finding(n, 2565, "weakness", f"ข้อค้นพบ {n}", instrument="IIT", indicator=n) for n in (1, 2, 3)
)
EARLIER = Measure(
    id=1,
    fiscal_year=2565,
    title="มาตรการปีก่อน",
    units=("กองคลัง",),
    period="ปีงบประมาณ 2565",
    start=date(2021, 10, 1),
    end=date(2022, 9, 30),
)

_LETTERS = "กขคงจฉชซญดตถทนบปผพฟมยรลวศสหอฮะาิีึืุูเแโใไ่้๊๋็์ำ๑๒๓abcXYZ019 .,:;-/()\"'\\#=[]{}%&<>*_"


def _text(multiline: bool = False, letters: str = _LETTERS):
    alphabet = letters + ("\n" if multiline else "")

    def stored(text: str) -> str | None:
        try:
            return normalise(text, multiline=multiline)
        except UserError:
            return None

    return (
        st.text(alphabet, min_size=1, max_size=40)
        .map(stored)
        .filter(lambda text: bool(text) and stored(text) == text)
    )


def _maybe(strategy):
    return st.none() | strategy


_DAYS = st.dates(date(2000, 1, 1), date(2100, 12, 31))
_MOMENTS = st.builds(
    lambda day, seconds, zone: (
        datetime(day.year, day.month, day.day, tzinfo=zone) + timedelta(seconds=seconds)
    ),
    _DAYS,
    st.integers(0, 86_399),
    st.sampled_from([UTC, timezone(timedelta(hours=7))]),
)
_AMOUNTS = st.decimals(0, Decimal("999999999999.99"), places=2).map(baht)


@st.composite
def _progress(draw) -> tuple[ProgressEntry, ...]:
    count = draw(st.integers(0, 4))
    ids = draw(st.lists(st.integers(1, 2**40), min_size=count, max_size=count, unique=True))
    days = sorted(draw(st.lists(_DAYS, min_size=count, max_size=count)))
    entries: list[ProgressEntry] = []
    # Oldest first, as a file lists them and as the store reads them back.
    for day, entry_id in sorted(zip(days, ids, strict=True)):
        earlier = [e.id for e in entries]
        entries.append(
            ProgressEntry(
                date=day,
                percent=draw(st.integers(0, 100)),
                note=draw(_maybe(_text(multiline=True))),
                evidence=draw(_maybe(_text())),
                by=draw(_text()),
                recorded_at=draw(_MOMENTS),
                id=entry_id,
                corrects=draw(st.sampled_from([None, *earlier])) if earlier else None,
                problems=draw(_maybe(_text(multiline=True))),
                suggestions=draw(_maybe(_text(multiline=True))),
            )
        )
    return tuple(entries)


@st.composite
def measures(draw) -> Measure:
    status = draw(st.sampled_from(MEASURE_STATUSES))
    start = draw(_maybe(_DAYS))
    end = draw(_maybe(_DAYS.filter(lambda day: start is None or day >= start)))
    # With neither date, the period is read for them: it must then say none.
    period = draw(_text()) if start or end else draw(st.sampled_from(["-", ""]))
    units = draw(st.lists(st.sampled_from([u.name for u in UNITS]), min_size=1, unique=True))
    answers = draw(st.lists(st.sampled_from([f.id for f in FINDINGS]), unique=True))
    fiscal_year = draw(st.integers(2500, 2700))
    # A measure carries on one of an earlier year's plan, as `new-year` makes it. (One carrying
    # a later year's measure is accepted by an import, but its export lists it first, and the
    # import of that refuses it: a gap of the validation, left to its own change.)
    carried_from = draw(st.sampled_from([None, EARLIER.id]))
    measure = Measure(
        id=draw(st.integers(2, 2**31)),
        fiscal_year=fiscal_year,
        title=draw(_text()),
        units=tuple(units),
        topic=draw(_maybe(_text())),
        method=draw(st.just("") | _text(multiline=True)),
        follow_up=draw(st.just("") | _text(multiline=True)),
        period=period,
        start=start,
        end=end,
        status=status,
        drop_reason=draw(_text(multiline=True)) if status == "dropped" else None,
        findings=tuple(sorted(answers)),
        contents=tuple(
            draw(
                st.lists(
                    st.builds(
                        ChecklistItem,
                        text=_text(),
                        done_on=_maybe(_DAYS),
                        evidence=_maybe(_text()),
                        by=_maybe(_text()),
                    ),
                    max_size=3,
                )
            )
        ),
        progress=draw(_progress()),
        carried_from=carried_from if fiscal_year > EARLIER.fiscal_year else None,
        budget=draw(_maybe(_AMOUNTS)),
        budget_used=draw(_maybe(_AMOUNTS)),
    )
    return measure


def test_the_measures_tried_set_every_field_of_a_measure():
    """A field added to the model must be added to the strategy above, or this fails."""
    set_here = {
        "id", "fiscal_year", "title", "units", "topic", "method", "follow_up", "period",
        "start", "end", "status", "drop_reason", "findings", "contents", "progress",
        "carried_from", "budget", "budget_used",
    }  # fmt: skip
    assert set(field_names(Measure)) == set_here
    assert set(field_names(ProgressEntry)) == {
        "date", "percent", "note", "evidence", "by", "recorded_at", "id", "corrects",
        "problems", "suggestions",
    }  # fmt: skip
    assert set(field_names(ChecklistItem)) == {"text", "done_on", "evidence", "by", "id"}


def as_json(measure: Measure) -> str:
    """A measure's own fields as JSON: its plan fields, its checklist without the ids the store
    gives (a file knows an item by its text), its progress oldest first."""
    fields = {name: getattr(measure, name) for name in field_names(Measure)}
    fields["contents"] = tuple(dataclasses.replace(c, id=None) for c in measure.contents)
    fields["progress"] = tuple(sorted(measure.progress, key=lambda e: (e.date, e.id or 0)))
    return json.dumps(dataclasses.asdict(Measure(**fields)), default=str, ensure_ascii=False)


def _stored(plan: Plan, measure_id: int):
    db = open_database(":memory:")
    snapshot.import_plan(db, plan, "test")
    return db, queries.measure(db, measure_id, AS_OF)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(measures())
def test_any_measure_survives_store_snapshot_import_store_unchanged(measure):
    plan = Plan(
        agency="เทศบาลตำบลทดลอง",
        units=UNITS,
        findings=FINDINGS,
        measures=(EARLIER, measure),
    )
    assert measure.id is not None
    first_db, first = _stored(plan, measure.id)
    assert as_json(first) == as_json(measure)
    text = snapshot.dumps(snapshot.build(first_db, AS_OF))
    _, second = _stored(validate(tomllib.loads(text)), measure.id)
    assert as_json(second) == as_json(measure)


# The one document that renders a plan, and whose tables the Word import reads back: the analysis
# report, with its plan table of five columns (measure, method, units, period, follow-up). The
# rest of a measure (dates, status, checklist, progress, budget) is not in it.
_WORD_LETTERS = "กขคงจฉชซญดตถทนบปผพฟมยรลวศสหอฮาิีึืุูเแโใไ่้๊๋็ำ๑๒๓๔ 0123456789"
_PERIODS = ["ต.ค. ๖๕ – มี.ค. ๖๖", "ปีงบประมาณ ๒๕๖๖", "เม.ย. ๖๖ – ก.ย. ๖๖", "ม.ค. ๖๖ – มิ.ย. ๖๖"]


def _no_section_before_an_office(units: list[str]) -> bool:
    """The Word import reads `งานนิติการ สำนักปลัด` as a section and its office, one unit: the
    rendered cell, one unit a line, puts its lines in one paragraph, which the import joins
    (test_a_section_then_its_office_read_back_from_word below)."""
    return not any(
        first.startswith("งาน") and second.startswith(("สำนัก", "กอง"))
        for first, second in itertools.pairwise(units)
    )


@st.composite
def _written_measures(draw) -> tuple[Measure, ...]:
    count = draw(st.integers(1, 3))
    return tuple(
        Measure(
            id=n,
            fiscal_year=2566,
            title=draw(_text(letters=_WORD_LETTERS)),
            units=tuple(
                draw(
                    st.lists(
                        st.sampled_from([u.name for u in UNITS]), min_size=1, unique=True
                    ).filter(_no_section_before_an_office)
                )
            ),
            method=draw(_text(letters=_WORD_LETTERS)),
            follow_up=draw(_text(letters=_WORD_LETTERS)),
            period=draw(st.sampled_from(_PERIODS)),
        )
        for n in range(1, count + 1)
    )


def _five_columns(measure: dict | Measure) -> tuple:
    def get(name):
        return measure[name] if isinstance(measure, dict) else getattr(measure, name)

    return tuple(get(name) for name in ("title", "method", "units", "period", "follow_up"))


def _read_back_from_word(measures: tuple[Measure, ...]) -> list[tuple]:
    """The plan's five columns as the Word import reads them from the analysis report."""
    import tempfile

    from ita_tui.desk import Desk
    from ita_tui.documents import office_files
    from ita_tui.documents.plan_tables import plan_from_tables
    from ita_tui.documents.render.word import render_word

    db = open_database(":memory:")
    agency = "เทศบาลตำบลทดลอง"
    snapshot.import_plan(db, Plan(agency=agency, units=UNITS, measures=measures), "test")
    document = Desk(db, as_of=AS_OF).document("analysis", AS_OF)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "analysis.docx"
        path.write_bytes(render_word(document))
        found = plan_from_tables(office_files.read(path), agency=agency, fiscal_year=2566)
    return [_five_columns(m) for m in found.document["measures"]]


def _as_rendered(measures: tuple[Measure, ...]) -> list[tuple]:
    return [(*_five_columns(m)[:2], list(m.units), *_five_columns(m)[3:]) for m in measures]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_written_measures())
def test_a_plan_rendered_to_word_reads_back_as_the_same_plan(measures):
    assert _read_back_from_word(measures) == _as_rendered(measures)


def test_a_section_then_its_office_read_back_from_word():
    measure = Measure(
        id=1,
        fiscal_year=2566,
        title="มาตรการ",
        units=("งานนิติการ", "สำนักปลัด"),
        method="วิธีการ",
        follow_up="ติดตาม",
        period="ปีงบประมาณ ๒๕๖๖",
    )
    assert _read_back_from_word((measure,)) == _as_rendered((measure,))
