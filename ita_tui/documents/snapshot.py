"""The TOML status snapshot (format version 1, docs/snapshot.md): build it from the database,
write it safely, read and check a file, and import it all or nothing."""

import contextlib
import gc
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from operator import attrgetter
from pathlib import Path
from typing import Any, get_args, get_origin

import tomli_w

from ita_tui.core import scoring
from ita_tui.core.access import Actor
from ita_tui.core.bundled import bundled_file
from ita_tui.core.follow_up import outside_fiscal_year
from ita_tui.core.model import (
    MEASURE_STATUSES,
    Assessment,
    ChecklistItem,
    Finding,
    Measure,
    MeasureState,
    Plan,
    ProgressEntry,
    PublishedAddress,
    Recommendation,
    Unit,
    field_names,
)
from ita_tui.core.money import as_number
from ita_tui.core.progress import counted
from ita_tui.core.text import escaped_in_data
from ita_tui.core.thai_calendar import THAI_TIME
from ita_tui.db import journal, queries, writes
from ita_tui.db.connection import Database
from ita_tui.documents import SAMPLE_PLAN
from ita_tui.documents.snapshot_validation import FORMAT_NAME, FORMAT_VERSION, validate
from ita_tui.files.atomic import write_atomically
from ita_tui.files.user_files import loads_toml, read_toml


def _drop_empty(row: dict) -> dict:
    """TOML has no null: an absent value is an absent key."""
    return {key: value for key, value in row.items() if value is not None}


def _keys(record: type, *store_only: str) -> tuple[str, ...]:
    return tuple(name for name in field_names(record) if name not in store_only)


# The keys of each record in a snapshot: its fields, but those the store alone sets (a
# checklist item is known by its text, a unit's parent by its name). The validation reads
# the same fields back (snapshot_validation), and tests/test_round_trip.py fails for a field
# one side forgets.
ASSESSMENT_KEYS = _keys(Assessment, "id")
RECOMMENDATION_KEYS = _keys(Recommendation, "id")
UNIT_KEYS = _keys(Unit, "id", "parent_id")
FINDING_KEYS = _keys(Finding, "measures")
MEASURE_KEYS = _keys(Measure)
CONTENT_KEYS = _keys(ChecklistItem, "id")
PROGRESS_KEYS = _keys(ProgressEntry)
PUBLISHED_ADDRESS_KEYS = _keys(PublishedAddress)
_NESTED = {"contents": CONTENT_KEYS, "progress": PROGRESS_KEYS}


Shape = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]
_SHAPES: dict[tuple[type, tuple[str, ...]], Shape] = {}


def _shape(record: type, keys: tuple[str, ...]) -> Shape:
    """The keys of a record's table by what is done with their values: kept as they are,
    written as amounts, written as arrays, or written as arrays of tables."""
    shape = _SHAPES.get((record, keys))
    if shape is not None:
        return shape
    kinds = {field.name: field.type for field in fields(record)}
    plain, amounts, arrays, nested = [], [], [], []
    for key in keys:
        kind = kinds[key]
        if key in _NESTED:
            nested.append(key)
        elif kind is Decimal or Decimal in get_args(kind):
            amounts.append(key)
        elif get_origin(kind) is tuple:
            arrays.append(key)
        else:
            plain.append(key)
    shape = _SHAPES[(record, keys)] = (tuple(plain), tuple(amounts), tuple(arrays), tuple(nested))
    if len(plain) > 1:  # one attrgetter name gives the value, not a tuple of it
        _getters[shape[0]] = attrgetter(*plain)
    return shape


# The plain values of a record are read in one call: a national plan has a million records.
_getters: dict[tuple[str, ...], attrgetter] = {}


# A national plan has hundreds of thousands of these: each is built in one go, its empty values
# left out as `_drop_empty` would.
def _table(record: Any, keys: tuple[str, ...]) -> dict:
    """A record as a TOML table: empty values left out (TOML has no null), but a measure's
    checklist and progress, always written; amounts of baht as numbers."""
    plain, amounts, arrays, nested = _shape(type(record), keys)
    getter = _getters.get(plain)
    values = getter(record) if getter else tuple(getattr(record, key) for key in plain)
    table = {key: value for key, value in zip(plain, values, strict=True) if value is not None}
    for key in amounts:
        amount = getattr(record, key)
        if amount is not None:
            table[key] = as_number(amount)
    for key in arrays:
        if items := getattr(record, key):
            table[key] = list(items)
    for key in nested:
        table[key] = _tables(getattr(record, key), _NESTED[key])
    return table


def _tables(records: Sequence[Any], keys: tuple[str, ...]) -> list[dict]:
    """Records of one kind as tables: those of plain values alone (a checklist, a progress log)
    read in one pass, the rest one by one."""
    if not records:
        return []
    plain, amounts, arrays, nested = _shape(type(records[0]), keys)
    getter = _getters.get(plain)
    if amounts or arrays or nested or getter is None:
        return [_table(record, keys) for record in records]
    return [
        {key: value for key, value in zip(plain, getter(record), strict=True) if value is not None}
        for record in records
    ]


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """A snapshot is a tree of a million small objects and no cycles: Python's cycle collector,
    woken again and again by so many new objects, would only slow the building of it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build(db: Database, as_of: date, agency_name: str | None = None) -> dict:
    with _without_cycle_collection():
        return _build(db, as_of, agency_name)


def _build(db: Database, as_of: date, agency_name: str | None) -> dict:
    agency = queries.agency(db, agency_name)
    generated_at = datetime.now(THAI_TIME).replace(microsecond=0)
    head_id, head_hash = journal.head_entry(db)
    document: dict = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "generated_at": generated_at,
        "journal_head": head_hash,
        "journal_entry": head_id,
        "as_of": as_of,
        "agency": {"name": agency.name},
        "assessments": [],
        "recommendations": [],
        "units": [],
        "findings": [],
        "measures": [],
        "summary": [],
    }
    for assessment in queries.assessments(db, agency.id):
        score = scoring.compute(assessment.year, assessment.scores)
        document["assessments"].append(
            {
                **_table(assessment, ASSESSMENT_KEYS),
                "computed_overall": float(score.overall),
                "computed_result": score.result_th,
                "passed": score.passed,
            }
        )
    own_lists = queries.oit_lists(db, agency.id)
    if own_lists:
        # Only an agency that corrected a list has the key: other snapshots stay as they were.
        document["oit_lists"] = own_lists
    addresses = queries.published_addresses(db, agency.id)
    if addresses:
        document["published_addresses"] = [_table(a, PUBLISHED_ADDRESS_KEYS) for a in addresses]
    for recommendation in queries.recommendations(db, agency.id):
        document["recommendations"].append(_table(recommendation, RECOMMENDATION_KEYS))
    units = queries.units(db, agency.id)
    document["units"] = [_table(unit, UNIT_KEYS) for unit in units]
    findings_by_measure: dict[int, list[int]] = {}
    for finding in queries.findings(db, agency.id):
        assert finding.id is not None  # every record read from the store has its id
        document["findings"].append(_table(finding, FINDING_KEYS))
        for measure_id in finding.measures:
            findings_by_measure.setdefault(measure_id, []).append(finding.id)

    measures = queries.measures(db, agency.id, as_of)
    contents = queries.contents_by_measure(db, agency.id)
    progress = queries.progress_by_measure(db, agency.id)
    # A list's measures come without what other tables hold: those are added from them.
    held_apart = ("findings", "contents", "progress")
    scalar_keys = tuple(key for key in MEASURE_KEYS if key not in held_apart)
    for row in counted(measures, "progress.export"):
        assert row.id is not None  # every record read from the store has its id
        measure = _table(row, scalar_keys)
        measure.update(
            _drop_empty(
                {
                    "findings": sorted(findings_by_measure.get(row.id, [])) or None,
                    "percent": row.percent,
                    "overdue": row.overdue,
                    "days_overdue": row.days_overdue,
                    "flags": ["period_outside_fiscal_year"] if row.outside_fiscal_year else None,
                }
            )
        )
        measure["contents"] = _tables(contents.get(row.id, ()), CONTENT_KEYS)
        measure["progress"] = _tables(progress.get(row.id, ()), PROGRESS_KEYS)
        document["measures"].append(measure)
    document["summary"] = unit_summary(units, measures)
    return document


def plan_document(plan: Plan, as_of: date, journal_head: tuple[int, str]) -> dict:
    """A plan as a snapshot document, for a person to read and edit before it is imported:
    what it holds, without the figures an export derives. The journal's head says what the
    database held when it was written, so that an import can tell it is still current."""
    head_id, head_hash = journal_head
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "generated_at": datetime.now(THAI_TIME).replace(microsecond=0),
        "journal_head": head_hash,
        "journal_entry": head_id,
        "as_of": as_of,
        "agency": {"name": plan.agency},
        "assessments": [_table(a, ASSESSMENT_KEYS) for a in plan.assessments],
        "recommendations": [_table(r, RECOMMENDATION_KEYS) for r in plan.recommendations],
        "units": [_table(u, UNIT_KEYS) for u in plan.units],
        "findings": [_table(f, FINDING_KEYS) for f in plan.findings],
        "measures": [_table(m, MEASURE_KEYS) for m in plan.measures],
        **({"oit_lists": list(plan.oit_lists)} if plan.oit_lists else {}),
        **(
            {"published_addresses": [_table(a, PUBLISHED_ADDRESS_KEYS) for a in addresses]}
            if (addresses := plan.published_addresses)
            else {}
        ),
    }


def unit_summary(units: list[Unit], measures: list[MeasureState]) -> list[dict]:
    """Per responsible unit: how many measures, by status, and how many overdue."""
    tally: dict[str, dict] = {}
    # One pass over the measures: a national plan has hundreds of thousands.
    for measure in measures:
        for name in dict.fromkeys(measure.units):
            row = tally.get(name)
            if row is None:
                row = tally[name] = {"measures": 0, **dict.fromkeys(MEASURE_STATUSES, 0)}
                row["overdue"] = 0
            row["measures"] += 1
            row[measure.status] += 1
            row["overdue"] += measure.overdue
    return [{"unit": unit.name, **tally[unit.name]} for unit in units if unit.name in tally]


def dumps(document: dict) -> str:
    return escaped_in_data(tomli_w.dumps(document, multiline_strings=False))


def export(db: Database, destination: str, as_of: date, agency_name: str | None = None) -> str:
    """Write the snapshot to a file (atomically) or return its text when destination is `-`."""
    text = dumps(build(db, as_of, agency_name))
    if destination != "-":
        write_atomically(Path(destination), text)
    return text


def read(path: str | Path) -> dict:
    return read_toml(path)


def loads(text: str, name: str) -> dict:
    return loads_toml(text, name)


@dataclass(frozen=True)
class ImportReport:
    agency: str
    measures: int
    outside_fiscal_year: list[Measure]


def import_plan(
    db: Database, plan: Plan, recorded_by: Actor | str, action: str = "import"
) -> ImportReport:
    writes.replace_agency(db, plan, recorded_by, action)
    flagged = [m for m in plan.measures if outside_fiscal_year(m.fiscal_year, m.start, m.end)]
    return ImportReport(plan.agency, len(plan.measures), flagged)


def import_file(db: Database, path: str | Path, recorded_by: str) -> ImportReport:
    """Check the whole file first; only a file without a single problem is written."""
    plan = validate(read(path), str(path))
    return import_plan(db, plan, recorded_by)


def sample_plan() -> Plan:
    text = bundled_file(SAMPLE_PLAN).read_text("utf-8")
    return validate(loads(text, SAMPLE_PLAN))
