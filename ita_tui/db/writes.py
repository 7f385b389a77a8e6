"""Writes: each function is one user action, done in one transaction, and every change to a
measure, its units, its checklist or its progress is journaled in that same transaction."""

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from ita_tui.core import scoring
from ita_tui.core.access import Actor
from ita_tui.core.errors import UserError
from ita_tui.core.model import MEASURE_STATUSES, Finding, Measure, Plan, ProgressEntry
from ita_tui.core.money import baht
from ita_tui.core.text import normalise
from ita_tui.core.thai_calendar import now_utc
from ita_tui.db import guard, journal, plan_import
from ita_tui.db.connection import Database, transaction
from ita_tui.db.mappings import MEASURES, PROGRESS, indicator_columns


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _text(value: str | None, multiline: bool = False) -> str | None:
    """Text as typed, normalised; None for nothing but blanks."""
    return (normalise(value, multiline=multiline) or None) if value else None


def _amount(value: Decimal | None, key: str) -> Decimal | None:
    if value is None:
        return None
    try:
        return baht(value)
    except ValueError:
        raise UserError(key, value=str(value)) from None


@dataclass(frozen=True)
class _Stamp:
    by: str
    at: str
    action: str


_STAMP: ContextVar[_Stamp] = ContextVar("stamp")


@contextlib.contextmanager
def _action(
    db: Database, by: Actor | str, action: str, measure_id: int | None = None
) -> Iterator[None]:
    """One user action, if the actor's role allows it: one transaction, and who made it and
    when for the journal."""
    actor = guard.acting(db, by)
    guard.require(db, actor, action, measure_id)
    token = _STAMP.set(_Stamp(actor.name, now_utc(), action))
    try:
        with transaction(db):
            yield
    finally:
        _STAMP.reset(token)


def _insert(db: Database, table: str, row: dict) -> int:
    stamp = _STAMP.get()
    return journal.insert(db, stamp.by, stamp.at, stamp.action, table, row)


def _update(db: Database, table: str, key: tuple, changes: dict) -> None:
    stamp = _STAMP.get()
    journal.update(db, stamp.by, stamp.at, stamp.action, table, key, changes)


def _delete(db: Database, table: str, where: str, params: tuple) -> None:
    stamp = _STAMP.get()
    journal.delete(db, stamp.by, stamp.at, stamp.action, table, where, params)


def replace_agency(
    db: Database, plan: Plan, recorded_by: Actor | str, action: str = "import"
) -> int:
    """Load a checked plan as the whole of its agency's data, writing only what differs from
    what is there (see plan_import): ids, people's units and meetings stay."""
    with _action(db, recorded_by, action):
        stamp = _STAMP.get()
        return plan_import.apply(db, plan, stamp.by, stamp.at, action)


def add_agency(db: Database, name: str, by: Actor | str = "") -> int:
    """A new agency whose plan is still empty, to be filled in form by form. It needs what an
    import needs; an agency of that name stays as it is."""
    name = normalise(name)
    if not name:
        raise UserError("agency.need_name")
    with _action(db, by, "start_plan"):
        if db.execute("SELECT 1 FROM agencies WHERE name = ?", (name,)).fetchone():
            raise UserError("agency.exists", name=name)
        return _insert(db, "agencies", {"name": name})


def _open_measure(db: Database, measure_id: int) -> tuple[str, int]:
    row = db.execute(
        "SELECT status, agency_id FROM measures WHERE id = ?", (measure_id,)
    ).fetchone()
    if row is None:
        raise UserError("measure.unknown", id=measure_id)
    return row[0], row[1]


def log_progress(
    db: Database,
    measure_id: int,
    entry_date: date,
    percent: int,
    recorded_by: Actor | str,
    today: date,
    note: str | None = None,
    evidence: str | None = None,
    corrects: int | None = None,
    problems: str | None = None,
    suggestions: str | None = None,
    budget_used: Decimal | None = None,
) -> int:
    """Record how far a measure has come, with the problems met and what is suggested, and
    (when given) how much of its budget it has spent so far.
    Logging work on a measure that had not started marks it in progress; finishing it stays a
    deliberate act (see set_status). An entry is never edited: a correction is a new entry
    naming the one it corrects."""
    if not 0 <= percent <= 100:
        raise UserError("progress.percent_range", value=percent)
    if entry_date > today:
        raise UserError("progress.future_date", date=entry_date.isoformat())
    with _action(db, recorded_by, "correct_progress" if corrects else "log_progress", measure_id):
        status, _ = _open_measure(db, measure_id)
        if status == "dropped":
            raise UserError("progress.measure_dropped", id=measure_id)
        if corrects is not None:
            corrected = db.execute(
                "SELECT measure_id FROM progress WHERE id = ?", (corrects,)
            ).fetchone()
            if corrected is None or corrected[0] != measure_id:
                raise UserError("progress.unknown_entry", id=corrects, measure=measure_id)
        entry = ProgressEntry(
            date=entry_date,
            percent=percent,
            note=_text(note, multiline=True),
            evidence=_text(evidence),
            by=_STAMP.get().by,
            recorded_at=datetime.fromisoformat(_STAMP.get().at),
            corrects=corrects,
            problems=_text(problems, multiline=True),
            suggestions=_text(suggestions, multiline=True),
        )
        row = {**PROGRESS.row(entry, leave_out=("id",)), "measure_id": measure_id}
        # The stamp as the store has always written it, not as a datetime prints it.
        row[PROGRESS.column("recorded_at")] = _STAMP.get().at
        entry_id = _insert(db, "progress", row)
        spent = _amount(budget_used, "measure.budget_used_not_baht")
        if spent is not None:
            _update(db, "measures", (measure_id,), MEASURES.changes(budget_used=spent))
        if status == "not_started" and percent > 0:
            _update(
                db,
                "measures",
                (measure_id,),
                {"status": "in_progress", "status_changed_on": entry_date.isoformat()},
            )
    return entry_id


def set_budget(
    db: Database,
    measure_id: int,
    planned: Decimal | None,
    used: Decimal | None,
    by: Actor | str = "",
) -> None:
    """A measure's planned budget (a change of the plan) and what it has spent (its progress);
    None leaves that figure as it is."""
    action = "edit_measure" if planned is not None else "log_progress"
    with _action(db, by, action, measure_id):
        _open_measure(db, measure_id)
        given = {
            "budget": _amount(planned, "measure.budget_not_baht"),
            "budget_used": _amount(used, "measure.budget_used_not_baht"),
        }
        changes = MEASURES.changes(**{f: v for f, v in given.items() if v is not None})
        if changes:
            _update(db, "measures", (measure_id,), changes)


def tick_content(
    db: Database,
    content_id: int,
    done_on: date | None,
    done_by: Actor | str,
    evidence: str | None = None,
) -> None:
    """Tick (with the day it was done) or untick a required-contents item; evidence stays unless
    a new link is given."""
    measure_id = guard.measure_of_content(db, content_id)
    with _action(db, done_by, "tick" if done_on else "untick", measure_id):
        row = db.execute(
            "SELECT evidence FROM measure_contents WHERE id = ?", (content_id,)
        ).fetchone()
        if row is None:
            raise UserError("content.unknown", id=content_id)
        link = normalise(evidence) if evidence is not None else row[0]
        _update(
            db,
            "measure_contents",
            (content_id,),
            {
                "done_on": _iso(done_on),
                "done_by": _STAMP.get().by if done_on else None,
                "evidence": link or None,
            },
        )


def set_content_evidence(db: Database, content_id: int, evidence: str, by: Actor | str) -> None:
    with _action(db, by, "evidence", guard.measure_of_content(db, content_id)):
        if (
            db.execute("SELECT 1 FROM measure_contents WHERE id = ?", (content_id,)).fetchone()
            is None
        ):
            raise UserError("content.unknown", id=content_id)
        _update(db, "measure_contents", (content_id,), {"evidence": normalise(evidence) or None})


def set_status(
    db: Database,
    measure_id: int,
    status: str,
    drop_reason: str | None = None,
    changed_on: date | None = None,
    by: Actor | str = "",
) -> None:
    if status not in MEASURE_STATUSES:
        raise UserError("status.unknown", value=status)
    reason = normalise(drop_reason or "", multiline=True)
    if status == "dropped" and not reason:
        raise UserError("status.need_reason")
    with _action(db, by, "status", measure_id):
        current, _ = _open_measure(db, measure_id)
        changes = {"status": status, "drop_reason": reason if status == "dropped" else None}
        if status != current:
            changes["status_changed_on"] = _iso(changed_on)
        _update(db, "measures", (measure_id,), changes)


def save_measure(
    db: Database,
    agency_id: int,
    measure: Measure,
    measure_id: int | None = None,
    by: Actor | str = "",
) -> int:
    """Add a measure, or change one: what, by whom (lead first), when, what its report must
    contain (the checklist's texts) and which findings it answers (their ids)."""
    title = normalise(measure.title or "")
    if not title:
        raise UserError("form.required", field="title")
    if not measure.units:
        raise UserError("snapshot.need_unit")
    written = replace(
        measure,
        title=title,
        topic=normalise(measure.topic or "") or None,
        method=normalise(measure.method or "", multiline=True),
        follow_up=normalise(measure.follow_up or "", multiline=True),
        period=normalise(measure.period or ""),
        budget=_amount(measure.budget, "measure.budget_not_baht"),
        budget_used=_amount(measure.budget_used, "measure.budget_used_not_baht"),
    )
    # Its status moves through set_status and its history through new_year: a form leaves them.
    row = MEASURES.row(written, leave_out=("id", "status", "drop_reason", "carried_from"))
    with _action(db, by, "edit_measure" if measure_id else "add_measure"):
        unit_ids = []
        for name in measure.units:
            found = db.execute(
                "SELECT id FROM units WHERE agency_id = ? AND name = ?", (agency_id, name)
            ).fetchone()
            if found is None:
                raise UserError("snapshot.unknown_unit", value=name)
            unit_ids.append(found[0])
        if measure_id is None:
            position = db.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM measures WHERE agency_id = ?",
                (agency_id,),
            ).fetchone()[0]
            measure_id = _insert(
                db, "measures", {**row, "agency_id": agency_id, "position": position}
            )
        else:
            _open_measure(db, measure_id)
            _update(db, "measures", (measure_id,), row)
            _delete(db, "measure_units", "measure_id = ?", (measure_id,))
            _delete(db, "measure_findings", "measure_id = ?", (measure_id,))
        for position, unit_id in enumerate(unit_ids):
            _insert(
                db,
                "measure_units",
                {
                    "measure_id": measure_id,
                    "unit_id": unit_id,
                    "role": "lead" if position == 0 else "support",
                    "position": position,
                },
            )
        for finding_id in measure.findings:
            _insert(db, "measure_findings", {"measure_id": measure_id, "finding_id": finding_id})
        _replace_contents(db, measure_id, [item.text for item in measure.contents])
    return measure_id


def _replace_contents(db: Database, measure_id: int, texts: list[str]) -> None:
    """Keep ticked items whose text is unchanged, in the new order; drop the rest."""
    existing = {
        row[1]: row[0]
        for row in db.execute(
            "SELECT id, text FROM measure_contents WHERE measure_id = ?", (measure_id,)
        ).fetchall()
    }
    wanted = [normalise(t) for t in texts if normalise(t)]
    keep = {existing[t] for t in wanted if t in existing}
    for content_id in set(existing.values()) - keep:
        _delete(db, "measure_contents", "id = ?", (content_id,))
    for position, text in enumerate(wanted, start=1):
        if text in existing:
            _update(db, "measure_contents", (existing[text],), {"position": position})
        else:
            _insert(
                db,
                "measure_contents",
                {"measure_id": measure_id, "position": position, "text": text},
            )


def delete_measure(db: Database, measure_id: int, by: Actor | str = "") -> None:
    with _action(db, by, "delete_measure"):
        _open_measure(db, measure_id)
        for table in ("progress", "measure_contents", "measure_units", "measure_findings"):
            _delete(db, table, "measure_id = ?", (measure_id,))
        # A decision about a deleted measure stays, no longer pointing at it.
        for (decision_id,) in db.execute(
            "SELECT id FROM decisions WHERE measure_id = ?", (measure_id,)
        ).fetchall():
            _update(db, "decisions", (decision_id,), {"measure_id": None})
        # A measure carried on from it stays, as one of its own year.
        for (carried_id,) in db.execute(
            "SELECT id FROM measures WHERE carried_from_id = ?", (measure_id,)
        ).fetchall():
            _update(db, "measures", (carried_id,), {"carried_from_id": None})
        _delete(db, "measures", "id = ?", (measure_id,))


def save_unit(
    db: Database,
    agency_id: int,
    name: str,
    kind: str | None,
    parent_id: int | None,
    unit_id: int | None = None,
    by: Actor | str = "",
) -> int:
    name = normalise(name)
    if not name:
        raise UserError("form.required", field="name")
    with _action(db, by, "edit_unit" if unit_id else "add_unit"):
        clash = db.execute(
            "SELECT id FROM units WHERE agency_id = ? AND name = ? AND id IS NOT ?",
            (agency_id, name, unit_id),
        ).fetchone()
        if clash:
            raise UserError("unit.exists", name=name)
        if parent_id is not None and parent_id == unit_id:
            raise UserError("snapshot.own_parent", value=name)
        kind = normalise(kind or "") or None
        if unit_id is None:
            position = db.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM units WHERE agency_id = ?", (agency_id,)
            ).fetchone()[0]
            return _insert(
                db,
                "units",
                {
                    "agency_id": agency_id,
                    "name": name,
                    "kind": kind,
                    "parent_id": parent_id,
                    "position": position,
                },
            )
        _update(db, "units", (unit_id,), {"name": name, "kind": kind, "parent_id": parent_id})
        return unit_id


def delete_unit(db: Database, unit_id: int, by: Actor | str = "") -> None:
    """A unit still responsible for a measure, or parent of another unit, stays."""
    with _action(db, by, "delete_unit"):
        in_use = db.execute(
            "SELECT count(*) FROM measure_units WHERE unit_id = ?", (unit_id,)
        ).fetchone()[0]
        if in_use:
            raise UserError("unit.in_use", count=in_use)
        children = db.execute(
            "SELECT count(*) FROM units WHERE parent_id = ?", (unit_id,)
        ).fetchone()[0]
        if children:
            raise UserError("unit.has_children", count=children)
        if db.execute("SELECT count(*) FROM decisions WHERE unit_id = ?", (unit_id,)).fetchone()[0]:
            raise UserError("unit.in_decisions")
        if db.execute("SELECT 1 FROM person_units WHERE unit_id = ?", (unit_id,)).fetchone():
            raise UserError("unit.has_people")
        _delete(db, "units", "id = ?", (unit_id,))


def save_finding(
    db: Database,
    agency_id: int,
    finding: Finding,
    finding_id: int | None = None,
    by: Actor | str = "",
) -> int:
    text = normalise(finding.text or "", multiline=True)
    if not text:
        raise UserError("form.required", field="text")
    indicator = finding.indicator
    instrument = (
        next(i.instrument for i in scoring.indicators() if i.number == indicator)
        if indicator
        else finding.instrument
    )
    row = {
        "assessment_year": finding.assessment_year,
        "instrument": instrument,
        "indicator": indicator,
        "sub_indicator": normalise(finding.sub_indicator or "") or None,
        "kind": finding.kind,
        "topic": normalise(finding.topic or "") or None,
        "text": text,
        "oit_item": normalise(finding.oit_item or "").lower() or None,
    }
    with _action(db, by, "edit_finding" if finding_id else "add_finding"):
        if finding_id is None:
            position = db.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM findings WHERE agency_id = ?",
                (agency_id,),
            ).fetchone()[0]
            return _insert(db, "findings", {**row, "agency_id": agency_id, "position": position})
        _update(db, "findings", (finding_id,), row)
        return finding_id


def delete_finding(db: Database, finding_id: int, by: Actor | str = "") -> None:
    with _action(db, by, "delete_finding"):
        _delete(db, "measure_findings", "finding_id = ?", (finding_id,))
        _delete(db, "findings", "id = ?", (finding_id,))


def save_assessment(
    db: Database,
    agency_id: int,
    year: int,
    scores: list,
    published_overall: float | None = None,
    published_result: str | None = None,
    by: Actor | str = "",
) -> None:
    """Record (or correct) one year's ten scores; the computed overall is kept beside the
    published one."""
    score = scoring.compute(year, scores)
    row: dict[str, float | str | None] = {
        column: float(value) for column, value in zip(indicator_columns(), scores, strict=False)
    }
    row.update(
        published_overall=published_overall,
        published_result=normalise(published_result or "") or None,
        computed_overall=float(score.overall),
        computed_result=score.result_th,
    )
    with _action(db, by, "scores"):
        existing = db.execute(
            "SELECT id FROM assessments WHERE agency_id = ? AND year = ?", (agency_id, year)
        ).fetchone()
        if existing:
            _update(db, "assessments", (existing[0],), row)
        else:
            _insert(db, "assessments", {**row, "agency_id": agency_id, "year": year})


def save_oit_lists(
    db: Database, agency_id: int, documents: list[dict], by: Actor | str = ""
) -> None:
    """Make these the agency's own OIT lists for their years, in place of any own list whose
    years they overlap; one transaction for all."""
    with _action(db, by, "oit_list"):
        for document in documents:
            first = document["first_year"]
            last = document.get("last_year")
            _delete(
                db,
                "oit_lists",
                "agency_id = ? AND (? IS NULL OR first_year <= ?)"
                " AND (last_year IS NULL OR last_year >= ?)",
                (agency_id, last, last, first),
            )
            _insert(db, "oit_lists", plan_import.oit_list_row(agency_id, document))


def set_published_address(
    db: Database, agency_id: int, year: int, item: str, url: str, by: Actor | str = ""
) -> None:
    """Where the agency publishes an OIT item for an assessment year; an empty address forgets
    it."""
    url = normalise(url)
    where = "agency_id = ? AND year = ? AND item = ?"
    with _action(db, by, "published_address"):
        _delete(db, "published_addresses", where, (agency_id, year, item))
        if url:
            row = {"agency_id": agency_id, "year": year, "item": item, "url": url}
            _insert(db, "published_addresses", row)


def forget_oit_list(db: Database, agency_id: int, year: int, by: Actor | str = "") -> bool:
    """Drop the agency's own list that covers the year, so the bundled one applies again;
    whether there was one."""
    where = "agency_id = ? AND first_year <= ? AND (last_year IS NULL OR last_year >= ?)"
    params = (agency_id, year, year)
    with _action(db, by, "oit_list"):
        found = db.execute(f"SELECT 1 FROM oit_lists WHERE {where}", params).fetchone()
        if found:
            _delete(db, "oit_lists", where, params)
    return found is not None


def delete_assessment(db: Database, agency_id: int, year: int, by: Actor | str = "") -> None:
    with _action(db, by, "delete_scores"):
        _delete(db, "assessments", "agency_id = ? AND year = ?", (agency_id, year))


def add_meeting(
    db: Database,
    agency_id: int,
    held_on: date,
    recorded_by: Actor | str,
    attendees: str | None = None,
    notes: str | None = None,
) -> int:
    with _action(db, recorded_by, "meeting"):
        return _insert(
            db,
            "meetings",
            {
                "agency_id": agency_id,
                "held_on": held_on.isoformat(),
                "attendees": normalise(attendees or "", multiline=True) or None,
                "notes": normalise(notes or "", multiline=True) or None,
                "recorded_by": _STAMP.get().by,
                "recorded_at": _STAMP.get().at,
            },
        )


def add_decision(
    db: Database,
    agency_id: int,
    meeting_id: int,
    text: str,
    measure_id: int | None = None,
    unit_id: int | None = None,
    due_on: date | None = None,
    by: Actor | str = "",
) -> int:
    text = normalise(text, multiline=True)
    if not text:
        raise UserError("form.required", field="text")
    with _action(db, by, "decision"):
        meeting = db.execute(
            "SELECT id FROM meetings WHERE id = ? AND agency_id = ?", (meeting_id, agency_id)
        ).fetchone()
        if meeting is None:
            raise UserError("meeting.unknown", id=meeting_id)
        if measure_id is not None:
            _open_measure(db, measure_id)
        return _insert(
            db,
            "decisions",
            {
                "agency_id": agency_id,
                "meeting_id": meeting_id,
                "measure_id": measure_id,
                "unit_id": unit_id,
                "text": text,
                "due_on": _iso(due_on),
            },
        )


def close_decision(
    db: Database, decision_id: int, closed_on: date, note: str | None = None, by: Actor | str = ""
) -> None:
    with _action(db, by, "close_decision"):
        row = db.execute("SELECT closed_on FROM decisions WHERE id = ?", (decision_id,)).fetchone()
        if row is None:
            raise UserError("decision.unknown", id=decision_id)
        if row[0] is not None:
            raise UserError("decision.closed_already", id=decision_id, date=row[0])
        _update(
            db,
            "decisions",
            (decision_id,),
            {
                "closed_on": closed_on.isoformat(),
                "closed_note": normalise(note or "", multiline=True) or None,
            },
        )
