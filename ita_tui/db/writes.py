"""Writes: each function is one user action, done in one transaction, and every change to a
measure, its units, its checklist or its progress is journaled in that same transaction."""

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime

from ita_tui import access, scoring
from ita_tui.access import Actor
from ita_tui.db import journal, search_index
from ita_tui.db.connection import Database, transaction
from ita_tui.db.versions import MEASURE_STATUSES
from ita_tui.errors import UserError
from ita_tui.snapshot_validation import Plan
from ita_tui.text import normalise
from ita_tui.thai_calendar import now_utc


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


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
    actor = access.acting(db, by)
    access.require(db, actor, action, measure_id)
    token = _STAMP.set(_Stamp(actor.name, now_utc(), action))
    try:
        with transaction(db):
            yield
    finally:
        _STAMP.reset(token)


def _key(table: str, row: dict) -> tuple:
    return tuple(row[column] for column in journal.TRACKED[table])


def _insert(db: Database, table: str, row: dict) -> int:
    columns = ", ".join(row)
    placeholders = ", ".join("?" for _ in row)
    cursor = db.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", list(row.values())
    )
    if table in journal.TRACKED:
        stamp = _STAMP.get()
        composite = len(journal.TRACKED[table]) > 1
        key = _key(table, row) if composite else (cursor.lastrowid,)
        journal.inserted(db, stamp.by, stamp.at, stamp.action, table, key)
    if table == "measures":
        search_index.added(db, cursor.lastrowid)
    return cursor.lastrowid


def _update(db: Database, table: str, key: tuple, changes: dict) -> None:
    stamp = _STAMP.get()
    where = " AND ".join(f"{column} = ?" for column in journal.TRACKED[table])
    assignments = ", ".join(f"{column} = ?" for column in changes)
    with journal.Change(db, stamp.by, stamp.at, stamp.action, table, key):
        db.execute(f"UPDATE {table} SET {assignments} WHERE {where}", [*changes.values(), *key])
    if table == "measures":
        search_index.changed(db, key[0], set(changes))


def _delete(db: Database, table: str, where: str, params: tuple) -> None:
    if table in journal.TRACKED:
        stamp = _STAMP.get()
        journal.deleting(db, stamp.by, stamp.at, stamp.action, table, where, params)
    if table == "measures":
        search_index.removing(db, where, params)
    db.execute(f"DELETE FROM {table} WHERE {where}", params)


def _id_is_free(db: Database, table: str, wanted: int | None) -> bool:
    if wanted is None:
        return False
    return db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (wanted,)).fetchone() is None


def _unlink_people(db: Database, agency_id: int) -> list[tuple[int, str]]:
    """Take people off the agency's units, and say who was in which by name, so that a
    re-imported plan gives them their units back."""
    links = db.execute(
        "SELECT pu.person_id, u.name FROM person_units pu JOIN units u ON u.id = pu.unit_id"
        " WHERE u.agency_id = ?",
        (agency_id,),
    ).fetchall()
    db.execute(
        "DELETE FROM person_units WHERE unit_id IN (SELECT id FROM units WHERE agency_id = ?)",
        (agency_id,),
    )
    return [tuple(link) for link in links]


def _delete_agency_rows(db: Database, agency_id: int) -> None:
    measure_ids = "SELECT id FROM measures WHERE agency_id = ?"
    for table in ("progress", "measure_contents", "measure_units", "measure_findings"):
        _delete(db, table, f"measure_id IN ({measure_ids})", (agency_id,))
    for table in (
        "decisions",
        "meetings",
        "measures",
        "findings",
        "recommendations",
        "assessments",
    ):
        _delete(db, table, "agency_id = ?", (agency_id,))
    # Sections go with the offices they belong to: unlink them first so no parent goes first.
    for (unit_id,) in db.execute(
        "SELECT id FROM units WHERE agency_id = ? AND parent_id IS NOT NULL", (agency_id,)
    ).fetchall():
        _update(db, "units", (unit_id,), {"parent_id": None})
    _delete(db, "units", "agency_id = ?", (agency_id,))


def replace_agency(db: Database, plan: Plan, recorded_by: Actor | str) -> int:
    """Load a checked plan as the whole of its agency's data, replacing what was there.

    Ids from the file are kept where they are free, so that measure numbers officers know
    (`ita-tui log 2`) survive a re-import of the same plan."""
    with _action(db, recorded_by, "import"):
        existing = db.execute(
            "SELECT id, snapshot_generated_at FROM agencies WHERE name = ?", (plan.agency,)
        ).fetchone()
        written = plan.generated_at.isoformat() if plan.generated_at else None
        if existing:
            agency_id, held = existing
            if held and plan.generated_at and plan.generated_at < datetime.fromisoformat(held):
                raise UserError(
                    "import.older_snapshot", agency=plan.agency, held=held, incoming=written
                )
            people_units = _unlink_people(db, agency_id)
            _delete_agency_rows(db, agency_id)
            _update(db, "agencies", (agency_id,), {"snapshot_generated_at": written})
        else:
            people_units = []
            agency_id = _insert(
                db, "agencies", {"name": plan.agency, "snapshot_generated_at": written}
            )

        for assessment in plan.assessments:
            score = scoring.compute(assessment["year"], assessment["scores"])
            row = {
                "agency_id": agency_id,
                "year": assessment["year"],
                "published_overall": assessment["published_overall"],
                "published_result": assessment["published_result"],
                "computed_overall": float(score.overall),
                "computed_result": score.result_th,
                "note": assessment["note"],
            }
            for number, value in enumerate(assessment["scores"], start=1):
                row[f"indicator_{number}"] = float(value)
            _insert(db, "assessments", row)

        for position, recommendation in enumerate(plan.recommendations, start=1):
            _insert(
                db,
                "recommendations",
                {
                    "agency_id": agency_id,
                    "assessment_year": recommendation["assessment_year"],
                    "position": position,
                    "text": recommendation["text"],
                    "done_on": _iso(recommendation["done_on"]),
                },
            )

        unit_ids: dict[str, int] = {}
        for position, unit in enumerate(plan.units, start=1):
            unit_ids[unit["name"]] = _insert(
                db,
                "units",
                {
                    "agency_id": agency_id,
                    "name": unit["name"],
                    "kind": unit["kind"],
                    "position": position,
                },
            )
        db.conn.executemany(
            "INSERT INTO person_units (person_id, unit_id) VALUES (?, ?)",
            [(person, unit_ids[name]) for person, name in people_units if name in unit_ids],
        )
        for unit in plan.units:
            if unit["parent"]:
                _update(
                    db, "units", (unit_ids[unit["name"]],), {"parent_id": unit_ids[unit["parent"]]}
                )

        finding_ids: dict[int, int] = {}
        for position, finding in enumerate(plan.findings, start=1):
            row = {k: v for k, v in finding.items() if k != "id"}
            row.update(agency_id=agency_id, position=position)
            if _id_is_free(db, "findings", finding["id"]):
                row["id"] = finding["id"]
            finding_ids[finding["id"]] = _insert(db, "findings", row)

        for position, measure in enumerate(plan.measures, start=1):
            row = {
                "agency_id": agency_id,
                "fiscal_year": measure["fiscal_year"],
                "position": position,
                "title": measure["title"],
                "topic": measure["topic"],
                "method": measure["method"],
                "follow_up": measure["follow_up"],
                "period_text": measure["period_text"],
                "start_date": _iso(measure["start"]),
                "end_date": _iso(measure["end"]),
                "status": measure["status"],
                "drop_reason": measure["drop_reason"],
            }
            if _id_is_free(db, "measures", measure["id"]):
                row["id"] = measure["id"]
            measure_id = _insert(db, "measures", row)
            for unit_position, name in enumerate(measure["units"]):
                _insert(
                    db,
                    "measure_units",
                    {
                        "measure_id": measure_id,
                        "unit_id": unit_ids[name],
                        "role": "lead" if unit_position == 0 else "support",
                        "position": unit_position,
                    },
                )
            for finding in measure["findings"]:
                _insert(
                    db,
                    "measure_findings",
                    {"measure_id": measure_id, "finding_id": finding_ids[finding]},
                )
            for content_position, content in enumerate(measure["contents"], start=1):
                _insert(
                    db,
                    "measure_contents",
                    {
                        "measure_id": measure_id,
                        "position": content_position,
                        "text": content["text"],
                        "done_on": _iso(content["done_on"]),
                        "evidence": content["evidence"],
                        "done_by": content["by"],
                    },
                )
            entry_ids: dict[int, int] = {}
            for entry in measure["progress"]:
                recorded_at = entry["recorded_at"]
                wanted = {"id": entry["id"]} if _id_is_free(db, "progress", entry["id"]) else {}
                new_id = _insert(
                    db,
                    "progress",
                    {
                        **wanted,
                        "corrects_id": entry_ids.get(entry["corrects"]),
                        "measure_id": measure_id,
                        "entry_date": _iso(entry["date"]),
                        "percent": entry["percent"],
                        "note": entry["note"],
                        "evidence": entry["evidence"],
                        "recorded_by": entry["by"] or _STAMP.get().by,
                        "recorded_at": recorded_at.isoformat() if recorded_at else now_utc(),
                    },
                )
                if entry["id"] is not None:
                    entry_ids[entry["id"]] = new_id
    return agency_id


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
) -> int:
    """Record how far a measure has come. Logging work on a measure that had not started
    marks it in progress; finishing it stays a deliberate act (see set_status). An entry is
    never edited: a correction is a new entry naming the one it corrects."""
    if not 0 <= percent <= 100:
        raise UserError("progress.percent_range", value=percent)
    if entry_date > today:
        raise UserError("progress.future_date", date=entry_date.isoformat())
    note = normalise(note) if note else None
    evidence = normalise(evidence) if evidence else None
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
        entry_id = _insert(
            db,
            "progress",
            {
                "measure_id": measure_id,
                "entry_date": entry_date.isoformat(),
                "percent": percent,
                "note": note or None,
                "evidence": evidence or None,
                "recorded_by": _STAMP.get().by,
                "recorded_at": _STAMP.get().at,
                "corrects_id": corrects,
            },
        )
        if status == "not_started" and percent > 0:
            _update(
                db,
                "measures",
                (measure_id,),
                {"status": "in_progress", "status_changed_on": entry_date.isoformat()},
            )
    return entry_id


def tick_content(
    db: Database,
    content_id: int,
    done_on: date | None,
    done_by: Actor | str,
    evidence: str | None = None,
) -> None:
    """Tick (with the day it was done) or untick a required-contents item; evidence stays unless
    a new link is given."""
    measure_id = access.measure_of_content(db, content_id)
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
    with _action(db, by, "evidence", access.measure_of_content(db, content_id)):
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
    reason = normalise(drop_reason or "")
    if status == "dropped" and not reason:
        raise UserError("status.need_reason")
    with _action(db, by, "status", measure_id):
        current, _ = _open_measure(db, measure_id)
        changes = {"status": status, "drop_reason": reason if status == "dropped" else None}
        if status != current:
            changes["status_changed_on"] = _iso(changed_on)
        _update(db, "measures", (measure_id,), changes)


def save_measure(
    db: Database, agency_id: int, fields: dict, measure_id: int | None = None, by: Actor | str = ""
) -> int:
    """Add a measure, or change one; `fields` holds title, topic, method, follow_up, fiscal_year,
    period_text, start, end, units (names, lead first), findings (ids) and contents (texts)."""
    title = normalise(fields.get("title") or "")
    if not title:
        raise UserError("form.required", field="title")
    if not fields.get("units"):
        raise UserError("snapshot.need_unit")
    row = {
        "fiscal_year": fields["fiscal_year"],
        "title": title,
        "topic": normalise(fields.get("topic") or "") or None,
        "method": normalise(fields.get("method") or ""),
        "follow_up": normalise(fields.get("follow_up") or ""),
        "period_text": normalise(fields.get("period_text") or ""),
        "start_date": _iso(fields.get("start")),
        "end_date": _iso(fields.get("end")),
    }
    with _action(db, by, "edit_measure" if measure_id else "add_measure"):
        unit_ids = []
        for name in fields["units"]:
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
        for finding_id in fields.get("findings", []):
            _insert(db, "measure_findings", {"measure_id": measure_id, "finding_id": finding_id})
        _replace_contents(db, measure_id, fields.get("contents", []))
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
    db: Database, agency_id: int, fields: dict, finding_id: int | None = None, by: Actor | str = ""
) -> int:
    text = normalise(fields.get("text") or "")
    if not text:
        raise UserError("form.required", field="text")
    indicator = fields.get("indicator")
    instrument = (
        next(i.instrument for i in scoring.indicators() if i.number == indicator)
        if indicator
        else fields.get("instrument")
    )
    row = {
        "assessment_year": fields["assessment_year"],
        "instrument": instrument,
        "indicator": indicator,
        "sub_indicator": normalise(fields.get("sub_indicator") or "") or None,
        "kind": fields["kind"],
        "topic": normalise(fields.get("topic") or "") or None,
        "text": text,
        "oit_item": normalise(fields.get("oit_item") or "").lower() or None,
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
    row = {f"indicator_{n}": float(value) for n, value in enumerate(scores, start=1)}
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
                "attendees": normalise(attendees or "") or None,
                "notes": normalise(notes or "") or None,
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
    text = normalise(text)
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
            {"closed_on": closed_on.isoformat(), "closed_note": normalise(note or "") or None},
        )
