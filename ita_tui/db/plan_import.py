"""Loading a checked plan as the whole of its agency's data, written as a difference: a row the
file leaves as it is gets no write and no journal entry, and keeps its id, the people linked to
its unit and the progress history of its measure; what the file changes, adds or leaves out is
updated, inserted or deleted, each change journaled. Everything happens in the caller's one
transaction, so an import is all or nothing.

A row of the file is matched to a row of the database by its id where it has one (the file's
id, which the database keeps as the row's own id, or as `source_id` when another agency had
taken that number), else by what it says (a measure's year and title, a checklist item's text),
else by its place in the list."""

import json
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from ita_tui.core import scoring
from ita_tui.core.errors import UserError
from ita_tui.core.model import Measure, Plan
from ita_tui.core.progress import counted
from ita_tui.db import journal
from ita_tui.db.connection import Database
from ita_tui.db.mappings import (
    ASSESSMENTS,
    CONTENTS,
    FINDINGS,
    MEASURES,
    PROGRESS,
    PUBLISHED_ADDRESSES,
    RECOMMENDATIONS,
    UNITS,
    indicator_columns,
)

Key = Callable[[dict], object]
# What the file brings for one row: the row as the store writes it, its id in the file, or both.
Incoming = TypeVar("Incoming")


def _pair(
    existing: list[dict],
    incoming: Sequence[Incoming],
    keys: Iterable[tuple[Key, Callable[[Incoming], object]]],
) -> list[dict | None]:
    """For each incoming item, the existing row it is, or None. Each (existing key, incoming
    key) pair is tried in turn on what is still unmatched; a key of None matches nothing. Each
    existing row is matched at most once, the first in order first."""
    matched: list[dict | None] = [None] * len(incoming)
    free = list(range(len(existing)))
    for existing_key, incoming_key in keys:
        waiting: dict[object, deque[int]] = defaultdict(deque)
        for index in free:
            key = existing_key(existing[index])
            if key is not None:
                waiting[key].append(index)
        taken = set()
        for position, item in enumerate(incoming):
            if matched[position] is not None:
                continue
            key = incoming_key(item)
            if key is not None and waiting.get(key):
                index = waiting[key].popleft()
                matched[position] = existing[index]
                taken.add(index)
        free = [index for index in free if index not in taken]
    return matched


def _unmatched(existing: list[dict], matched: list[dict | None]) -> list[dict]:
    kept = {id(row) for row in matched if row is not None}
    return [row for row in existing if id(row) not in kept]


def _write_matched(
    write: "_Writer",
    table: str,
    existing: list[dict],
    matched: list[dict | None],
    wanted: list[dict],
) -> None:
    """Rows of a table keyed by `id`: those no wanted row matched go, each wanted row is
    inserted or brought in line with the row it matched."""
    for row in _unmatched(existing, matched):
        write.delete(table, "id = ?", (row["id"],))
    for current, row in zip(matched, wanted, strict=True):
        if current is None:
            write.insert(table, row)
        else:
            write.sync(table, (current["id"],), current, row)


def _source(row: dict) -> int:
    """The id a row had in the file it came from."""
    return row["source_id"] if row["source_id"] is not None else row["id"]


class _Writer:
    """Journaled writes of one import, each stamped with who imported and when."""

    def __init__(self, db: Database, by: str, at: str, action: str = "import") -> None:
        self.db, self.by, self.at, self.action = db, by, at, action

    def insert(self, table: str, values: dict) -> int:
        return journal.insert(self.db, self.by, self.at, self.action, table, values)

    def sync(self, table: str, key: tuple, current: dict, wanted: dict) -> None:
        """Update the columns of a row that differ from what is wanted; nothing if none does."""
        changes = {column: value for column, value in wanted.items() if current[column] != value}
        if changes:
            journal.update(self.db, self.by, self.at, self.action, table, key, changes)

    def delete(self, table: str, where: str, params: tuple) -> None:
        journal.delete(self.db, self.by, self.at, self.action, table, where, params)

    def insert_keeping_id(self, table: str, values: dict, file_id: int | None) -> int:
        """Insert with the file's id when it is free, else a new id remembering the file's."""
        if file_id is None:
            return self.insert(table, values)
        taken = self.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (file_id,)).fetchone()
        if taken:
            return self.insert(table, {**values, "source_id": file_id})
        return self.insert(table, {"id": file_id, **values})


def _grouped(db: Database, sql: str, agency_id: int) -> dict[int, list[dict]]:
    groups: dict[int, list[dict]] = defaultdict(list)
    for row in db.rows(sql, (agency_id,)):
        groups[row["measure_id"]].append(row)
    return groups


def apply(db: Database, plan: Plan, by: str, at: str, action: str = "import") -> int:
    """Make the agency's rows what the plan says; the agency's id. Each change is journaled
    under `action` (an import, or the acceptance of a new year's draft)."""
    write = _Writer(db, by, at, action)
    written = plan.generated_at.isoformat() if plan.generated_at else None
    existing = db.row(
        "SELECT id, snapshot_generated_at FROM agencies WHERE name = ?", (plan.agency,)
    )
    if existing is None:
        agency_id = write.insert(
            "agencies", {"name": plan.agency, "snapshot_generated_at": written}
        )
    else:
        agency_id, held = existing["id"], existing["snapshot_generated_at"]
        if held and plan.generated_at and plan.generated_at < datetime.fromisoformat(held):
            raise UserError(
                "import.older_snapshot", agency=plan.agency, held=held, incoming=written
            )
        write.sync("agencies", (agency_id,), existing, {"snapshot_generated_at": written})

    _assessments(db, write, agency_id, plan)
    _oit_lists(db, write, agency_id, plan)
    _published_addresses(db, write, agency_id, plan)
    _recommendations(db, write, agency_id, plan)
    unit_ids, gone_units = _units(db, write, agency_id, plan)
    finding_ids, gone_findings = _findings(db, write, agency_id, plan)
    _measures(db, write, agency_id, plan, unit_ids, finding_ids, by)
    for finding in gone_findings:
        write.delete("measure_findings", "finding_id = ?", (finding["id"],))
        write.delete("findings", "id = ?", (finding["id"],))
    for row in gone_units:
        _forget_unit(db, write, row["id"])
    return agency_id


def _assessments(db: Database, write: _Writer, agency_id: int, plan: Plan) -> None:
    wanted = []
    for assessment in plan.assessments:
        score = scoring.compute(assessment.year, assessment.scores)
        row = {
            **ASSESSMENTS.row(assessment, leave_out=("id",)),
            "agency_id": agency_id,
            "computed_overall": float(score.overall),
            "computed_result": score.result_th,
        }
        for column, value in zip(indicator_columns(), assessment.scores, strict=False):
            row[column] = float(value)
        wanted.append(row)
    existing = db.rows("SELECT * FROM assessments WHERE agency_id = ?", (agency_id,))
    by_year = (lambda row: row["year"], lambda row: row["year"])
    matched = _pair(existing, wanted, [by_year])
    _write_matched(write, "assessments", existing, matched, wanted)


def oit_list_row(agency_id: int, document: dict) -> dict:
    return {
        "agency_id": agency_id,
        "first_year": document["first_year"],
        "last_year": document.get("last_year"),
        "document": json.dumps(document, ensure_ascii=False, sort_keys=True),
    }


def _oit_lists(db: Database, write: _Writer, agency_id: int, plan: Plan) -> None:
    wanted = [oit_list_row(agency_id, document) for document in plan.oit_lists]
    existing = db.rows("SELECT * FROM oit_lists WHERE agency_id = ?", (agency_id,))
    by_years = (lambda row: row["first_year"],) * 2
    matched = _pair(existing, wanted, [by_years])
    _write_matched(write, "oit_lists", existing, matched, wanted)


def _published_addresses(db: Database, write: _Writer, agency_id: int, plan: Plan) -> None:
    wanted = [
        {**PUBLISHED_ADDRESSES.row(address), "agency_id": agency_id}
        for address in plan.published_addresses
    ]
    existing = db.rows("SELECT * FROM published_addresses WHERE agency_id = ?", (agency_id,))
    by_item = (lambda row: (row["year"], row["item"]),) * 2
    matched = _pair(existing, wanted, [by_item])
    _write_matched(write, "published_addresses", existing, matched, wanted)


def _recommendations(db: Database, write: _Writer, agency_id: int, plan: Plan) -> None:
    wanted = [
        {
            **RECOMMENDATIONS.row(item, leave_out=("id",)),
            "agency_id": agency_id,
            "position": position,
        }
        for position, item in enumerate(plan.recommendations, start=1)
    ]
    existing = db.rows(
        "SELECT * FROM recommendations WHERE agency_id = ? ORDER BY position, id", (agency_id,)
    )
    by_text = (lambda row: (row["assessment_year"], row["text"]),) * 2
    by_place = (lambda row: row["position"],) * 2
    matched = _pair(existing, wanted, [by_text, by_place])
    _write_matched(write, "recommendations", existing, matched, wanted)


def _units(
    db: Database, write: _Writer, agency_id: int, plan: Plan
) -> tuple[dict[str, int], list[dict]]:
    """Units matched by name only: people are given units by them, and a unit renamed into
    another must not carry its people along. The units the plan no longer has, to delete once
    nothing points at them."""
    # The parent is set once every unit has its id, below.
    wanted: list[dict[str, Any]] = [
        {
            **UNITS.row(unit, leave_out=("id", "parent_id")),
            "agency_id": agency_id,
            "position": position,
        }
        for position, unit in enumerate(plan.units, start=1)
    ]
    existing = db.rows("SELECT * FROM units WHERE agency_id = ? ORDER BY position", (agency_id,))
    by_name = (lambda row: row["name"],) * 2
    matched = _pair(existing, wanted, [by_name])
    unit_ids: dict[str, int] = {}
    current_of: dict[int, dict] = {}
    for current, row in zip(matched, wanted, strict=True):
        if current is None:
            unit_ids[row["name"]] = write.insert("units", row)
        else:
            write.sync("units", (current["id"],), current, row)
            unit_ids[row["name"]] = current["id"]
            current_of[current["id"]] = current
    for unit in plan.units:
        unit_id = unit_ids[unit.name]
        parent = unit_ids[unit.parent] if unit.parent else None
        current = current_of.get(unit_id, {"parent_id": None})
        write.sync("units", (unit_id,), current, {"parent_id": parent})
    gone = _unmatched(existing, matched)
    # Sections of a unit that goes are let go first, so that no parent goes before its child.
    for row in gone:
        if row["parent_id"] is not None:
            write.sync("units", (row["id"],), row, {"parent_id": None})
    return unit_ids, gone


def _forget_unit(db: Database, write: _Writer, unit_id: int) -> None:
    write.delete("person_units", "unit_id = ?", (unit_id,))
    for decision in db.rows("SELECT * FROM decisions WHERE unit_id = ?", (unit_id,)):
        write.sync("decisions", (decision["id"],), decision, {"unit_id": None})
    write.delete("units", "id = ?", (unit_id,))


def _findings(
    db: Database, write: _Writer, agency_id: int, plan: Plan
) -> tuple[dict[int, int], list[dict]]:
    wanted = []
    for position, finding in enumerate(plan.findings, start=1):
        wanted.append(
            {
                **FINDINGS.row(finding, leave_out=("id",)),
                "agency_id": agency_id,
                "position": position,
            }
        )
    existing = db.rows("SELECT * FROM findings WHERE agency_id = ? ORDER BY position", (agency_id,))
    incoming = [(row, finding.id) for row, finding in zip(wanted, plan.findings, strict=True)]
    matched = _pair(existing, incoming, [(_source, lambda item: item[1])])
    finding_ids: dict[int, int] = {}
    for current, (row, file_id) in zip(matched, incoming, strict=True):
        assert file_id is not None  # a checked plan's findings have ids: measures name them
        if current is None:
            finding_ids[file_id] = write.insert_keeping_id("findings", row, file_id)
        else:
            write.sync("findings", (current["id"],), current, row)
            finding_ids[file_id] = current["id"]
    return finding_ids, _unmatched(existing, matched)


def _measures(
    db: Database,
    write: _Writer,
    agency_id: int,
    plan: Plan,
    unit_ids: dict[str, int],
    finding_ids: dict[int, int],
    by: str,
) -> None:
    # The measure it carries on is known by the file's id, the row's only once written.
    wanted = [
        {
            **MEASURES.row(measure, leave_out=("id", "carried_from")),
            "agency_id": agency_id,
            "position": position,
        }
        for position, measure in enumerate(plan.measures, start=1)
    ]
    existing = db.rows(
        "SELECT * FROM measures WHERE agency_id = ? ORDER BY position, id", (agency_id,)
    )
    # A measure without an id (a plan written by hand) is known by its year and title, or else
    # by its place in the plan.
    incoming = [(row, measure.id) for row, measure in zip(wanted, plan.measures, strict=True)]
    by_id = (_source, lambda item: item[1])
    by_title = (
        lambda row: (row["fiscal_year"], row["title"]),
        lambda item: (item[0]["fiscal_year"], item[0]["title"]) if item[1] is None else None,
    )
    by_place = (
        lambda row: row["position"],
        lambda item: item[0]["position"] if item[1] is None else None,
    )
    matched = _pair(existing, incoming, [by_id, by_title, by_place])
    for row in _unmatched(existing, matched):
        _delete_measure(db, write, row["id"])

    links = _grouped(
        db,
        "SELECT mu.* FROM measure_units mu JOIN measures m ON m.id = mu.measure_id"
        " WHERE m.agency_id = ?",
        agency_id,
    )
    finding_links = _grouped(
        db,
        "SELECT mf.* FROM measure_findings mf JOIN measures m ON m.id = mf.measure_id"
        " WHERE m.agency_id = ?",
        agency_id,
    )
    contents = _grouped(
        db,
        "SELECT c.* FROM measure_contents c JOIN measures m ON m.id = c.measure_id"
        " WHERE m.agency_id = ? ORDER BY c.position, c.id",
        agency_id,
    )
    progress = _grouped(
        db,
        "SELECT p.* FROM progress p JOIN measures m ON m.id = p.measure_id"
        " WHERE m.agency_id = ? ORDER BY p.id",
        agency_id,
    )
    # A carried measure names one before it in the plan, so its id is known by then.
    measure_ids: dict[int, int] = {}
    for current, row, measure in counted(
        list(zip(matched, wanted, plan.measures, strict=True)), "progress.import"
    ):
        row[MEASURES.column("carried_from")] = (
            measure_ids[measure.carried_from] if measure.carried_from is not None else None
        )
        if current is None:
            measure_id = write.insert_keeping_id("measures", row, measure.id)
        else:
            measure_id = current["id"]
            write.sync("measures", (measure_id,), current, row)
        if measure.id is not None:
            measure_ids[measure.id] = measure_id
        _measure_units(write, measure_id, measure, unit_ids, links.get(measure_id, []))
        _measure_findings(
            write, measure_id, measure, finding_ids, finding_links.get(measure_id, [])
        )
        _contents(write, measure_id, measure, contents.get(measure_id, []))
        _progress(write, measure_id, measure, progress.get(measure_id, []), by)


def _delete_measure(db: Database, write: _Writer, measure_id: int) -> None:
    for table in ("progress", "measure_contents", "measure_units", "measure_findings"):
        write.delete(table, "measure_id = ?", (measure_id,))
    # A decision about a measure the plan no longer has stays, no longer pointing at it.
    for decision in db.rows("SELECT * FROM decisions WHERE measure_id = ?", (measure_id,)):
        write.sync("decisions", (decision["id"],), decision, {"measure_id": None})
    for carried in db.rows("SELECT * FROM measures WHERE carried_from_id = ?", (measure_id,)):
        write.sync("measures", (carried["id"],), carried, {"carried_from_id": None})
    write.delete("measures", "id = ?", (measure_id,))


def _measure_units(
    write: _Writer,
    measure_id: int,
    measure: Measure,
    unit_ids: dict[str, int],
    existing: list[dict],
) -> None:
    wanted = [
        {
            "measure_id": measure_id,
            "unit_id": unit_ids[name],
            "role": "lead" if position == 0 else "support",
            "position": position,
        }
        for position, name in enumerate(measure.units)
    ]
    by_unit = (lambda row: row["unit_id"],) * 2
    matched = _pair(existing, wanted, [by_unit])
    for row in _unmatched(existing, matched):
        write.delete(
            "measure_units", "measure_id = ? AND unit_id = ?", (measure_id, row["unit_id"])
        )
    for current, row in zip(matched, wanted, strict=True):
        if current is None:
            write.insert("measure_units", row)
        else:
            write.sync("measure_units", (measure_id, row["unit_id"]), current, row)


def _measure_findings(
    write: _Writer,
    measure_id: int,
    measure: Measure,
    finding_ids: dict[int, int],
    existing: list[dict],
) -> None:
    wanted = {finding_ids[finding] for finding in measure.findings}
    held = {row["finding_id"] for row in existing}
    for finding in sorted(held - wanted):
        write.delete("measure_findings", "measure_id = ? AND finding_id = ?", (measure_id, finding))
    for finding in [finding_ids[f] for f in measure.findings]:
        if finding not in held:
            write.insert("measure_findings", {"measure_id": measure_id, "finding_id": finding})
            held.add(finding)


def _contents(write: _Writer, measure_id: int, measure: Measure, existing: list[dict]) -> None:
    wanted = [
        {**CONTENTS.row(item, leave_out=("id",)), "measure_id": measure_id, "position": position}
        for position, item in enumerate(measure.contents, start=1)
    ]
    by_text = (lambda row: row["text"],) * 2
    by_place = (lambda row: row["position"],) * 2
    matched = _pair(existing, wanted, [by_text, by_place])
    _write_matched(write, "measure_contents", existing, matched, wanted)


def _progress(
    write: _Writer, measure_id: int, measure: Measure, existing: list[dict], by: str
) -> None:
    """Entries are known by their id; one without (a plan written by hand) by its date,
    percent, note and evidence. Who recorded it and when are kept when the file does not say."""
    entries = measure.progress
    by_id = (_source, lambda entry: entry.id)
    said = ("date", "percent", "note", "evidence")
    by_content = (
        lambda row: tuple(row[PROGRESS.column(field)] for field in said),
        lambda entry: (
            tuple(PROGRESS.row(entry)[PROGRESS.column(field)] for field in said)
            if entry.id is None
            else None
        ),
    )
    matched = _pair(existing, entries, [by_id, by_content])
    for row in _unmatched(existing, matched):
        write.delete("progress", "id = ?", (row["id"],))
    # A correction names the entry it corrects by the file's id.
    entry_ids = {
        entry.id: current["id"]
        for current, entry in zip(matched, entries, strict=True)
        if current is not None and entry.id is not None
    }
    recorded_by, recorded_at = PROGRESS.column("by"), PROGRESS.column("recorded_at")
    for current, entry in zip(matched, entries, strict=True):
        row = {**PROGRESS.row(entry, leave_out=("id",)), "measure_id": measure_id}
        row[PROGRESS.column("corrects")] = (
            entry_ids.get(entry.corrects) if entry.corrects is not None else None
        )
        # Who recorded it and when are kept when the file does not say.
        for column in (recorded_by, recorded_at):
            if row[column] is None:
                del row[column]
        if current is not None:
            write.sync("progress", (current["id"],), current, row)
            continue
        row.setdefault(recorded_by, by)
        row.setdefault(recorded_at, write.at)
        new_id = write.insert_keeping_id("progress", row, entry.id)
        if entry.id is not None:
            entry_ids[entry.id] = new_id
