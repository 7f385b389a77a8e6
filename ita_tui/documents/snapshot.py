"""The TOML status snapshot (format version 1, docs/snapshot.md): build it from the database,
write it safely, read and check a file, and import it all or nothing."""

import contextlib
import gc
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

import tomli_w

from ita_tui.core import scoring
from ita_tui.core.access import Actor
from ita_tui.core.follow_up import outside_fiscal_year
from ita_tui.core.model import MEASURE_STATUSES, Measure, MeasureState, Plan, Unit
from ita_tui.core.progress import counted
from ita_tui.core.text import escaped_in_data
from ita_tui.core.thai_calendar import TIMEZONE
from ita_tui.db import journal, queries, writes
from ita_tui.db.connection import Database
from ita_tui.documents.snapshot_validation import FORMAT_NAME, FORMAT_VERSION, validate
from ita_tui.files.atomic import write_atomically
from ita_tui.files.user_files import loads_toml, read_toml

SAMPLE_PLAN = "sample_plan.toml"


def _drop_empty(row: dict) -> dict:
    """TOML has no null: an absent value is an absent key."""
    return {key: value for key, value in row.items() if value is not None}


# A national plan has hundreds of thousands of these: each is built in one go, its empty values
# left out as `_drop_empty` would.
def _content(row: tuple) -> dict:
    _, text, done_on, evidence, done_by = row
    item: dict = {"text": text}
    if done_on is not None:
        item["done_on"] = date.fromisoformat(done_on)
    if evidence is not None:
        item["evidence"] = evidence
    if done_by is not None:
        item["by"] = done_by
    return item


def _progress(row: tuple) -> dict:
    _, entry_date, percent, note, evidence, by, recorded_at, entry_id, corrects = row
    item: dict = {"date": date.fromisoformat(entry_date), "percent": percent}
    if note is not None:
        item["note"] = note
    if evidence is not None:
        item["evidence"] = evidence
    item["by"] = by
    item["recorded_at"] = datetime.fromisoformat(recorded_at)
    item["id"] = entry_id
    if corrects is not None:
        item["corrects"] = corrects
    return item


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
    generated_at = datetime.now(ZoneInfo(TIMEZONE)).replace(microsecond=0)
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
            _drop_empty(
                {
                    "year": assessment.year,
                    "scores": list(assessment.scores),
                    "published_overall": assessment.published_overall,
                    "published_result": assessment.published_result,
                    "note": assessment.note,
                    "computed_overall": float(score.overall),
                    "computed_result": score.result_th,
                    "passed": score.passed,
                }
            )
        )
    own_lists = queries.oit_lists(db, agency.id)
    if own_lists:
        # Only an agency that corrected a list has the key: other snapshots stay as they were.
        document["oit_lists"] = own_lists
    for recommendation in queries.recommendations(db, agency.id):
        document["recommendations"].append(
            _drop_empty(
                {
                    "assessment_year": recommendation.assessment_year,
                    "text": recommendation.text,
                    "done_on": recommendation.done_on,
                }
            )
        )
    units = queries.units(db, agency.id)
    for unit in units:
        document["units"].append(
            _drop_empty({"name": unit.name, "kind": unit.kind, "parent": unit.parent})
        )
    findings_by_measure: dict[int, list[int]] = {}
    for finding in queries.findings(db, agency.id):
        assert finding.id is not None  # every record read from the store has its id
        document["findings"].append(
            _drop_empty(
                {
                    "id": finding.id,
                    "assessment_year": finding.assessment_year,
                    "instrument": finding.instrument,
                    "indicator": finding.indicator,
                    "sub_indicator": finding.sub_indicator,
                    "kind": finding.kind,
                    "topic": finding.topic,
                    "text": finding.text,
                    "oit_item": finding.oit_item,
                }
            )
        )
        for measure_id in finding.measures:
            findings_by_measure.setdefault(measure_id, []).append(finding.id)

    measures = queries.measures(db, agency.id, as_of)
    contents = queries.contents_by_measure(db, agency.id)
    progress = queries.progress_by_measure(db, agency.id)
    carried_from = queries.carried_from(db, agency.id)
    for row in counted(measures, "progress.export"):
        assert row.id is not None  # every record read from the store has its id
        measure = _drop_empty(
            {
                "id": row.id,
                "fiscal_year": row.fiscal_year,
                "title": row.title,
                "topic": row.topic,
                "method": row.method,
                "follow_up": row.follow_up,
                "units": list(row.units),
                "period": row.period,
                "start": row.start,
                "end": row.end,
                "status": row.status,
                "drop_reason": row.drop_reason,
                "findings": sorted(findings_by_measure.get(row.id, [])) or None,
                "percent": row.percent,
                "overdue": row.overdue,
                "days_overdue": row.days_overdue,
                "flags": ["period_outside_fiscal_year"] if row.outside_fiscal_year else None,
                "carried_from": carried_from.get(row.id),
            }
        )
        measure["contents"] = [_content(item) for item in contents.get(row.id, ())]
        measure["progress"] = [_progress(entry) for entry in progress.get(row.id, ())]
        document["measures"].append(measure)
    document["summary"] = unit_summary(units, measures)
    return document


def plan_document(plan: Plan, as_of: date, journal_head: tuple[int, str]) -> dict:
    """A plan as a snapshot document, for a person to read and edit before it is imported:
    what it holds, without the figures an export derives. The journal's head says what the
    database held when it was written, so that an import can tell it is still current."""
    head_id, head_hash = journal_head
    measures = []
    for measure in plan.measures:
        row = _drop_empty(
            {
                "id": measure.id,
                "fiscal_year": measure.fiscal_year,
                "title": measure.title,
                "topic": measure.topic,
                "method": measure.method,
                "follow_up": measure.follow_up,
                "units": list(measure.units),
                "period": measure.period,
                "start": measure.start,
                "end": measure.end,
                "status": measure.status,
                "drop_reason": measure.drop_reason,
                "findings": list(measure.findings) or None,
                "carried_from": measure.carried_from,
            }
        )
        row["contents"] = [
            _drop_empty({"text": c.text, "done_on": c.done_on, "evidence": c.evidence, "by": c.by})
            for c in measure.contents
        ]
        row["progress"] = [
            _drop_empty(
                {
                    "date": entry.date,
                    "percent": entry.percent,
                    "note": entry.note,
                    "evidence": entry.evidence,
                    "by": entry.by,
                    "recorded_at": entry.recorded_at,
                    "id": entry.id,
                    "corrects": entry.corrects,
                }
            )
            for entry in measure.progress
        ]
        measures.append(row)
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "generated_at": datetime.now(ZoneInfo(TIMEZONE)).replace(microsecond=0),
        "journal_head": head_hash,
        "journal_entry": head_id,
        "as_of": as_of,
        "agency": {"name": plan.agency},
        "assessments": [
            _drop_empty(
                {
                    "year": a.year,
                    "scores": list(a.scores),
                    "published_overall": a.published_overall,
                    "published_result": a.published_result,
                    "note": a.note,
                }
            )
            for a in plan.assessments
        ],
        "recommendations": [
            _drop_empty(
                {"assessment_year": r.assessment_year, "text": r.text, "done_on": r.done_on}
            )
            for r in plan.recommendations
        ],
        "units": [
            _drop_empty({"name": u.name, "kind": u.kind, "parent": u.parent}) for u in plan.units
        ],
        "findings": [
            _drop_empty(
                {
                    "id": f.id,
                    "assessment_year": f.assessment_year,
                    "instrument": f.instrument,
                    "indicator": f.indicator,
                    "sub_indicator": f.sub_indicator,
                    "kind": f.kind,
                    "topic": f.topic,
                    "text": f.text,
                    "oit_item": f.oit_item,
                }
            )
            for f in plan.findings
        ],
        "measures": measures,
        **({"oit_lists": list(plan.oit_lists)} if plan.oit_lists else {}),
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
    text = resources.files("ita_tui").joinpath("data", SAMPLE_PLAN).read_text("utf-8")
    return validate(loads(text, SAMPLE_PLAN))
