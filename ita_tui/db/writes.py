"""Writes: each function is one user action, done in one transaction."""

from datetime import UTC, date, datetime

from sqlite_utils import Database

from ita_tui import scoring
from ita_tui.db.connection import transaction
from ita_tui.errors import UserError
from ita_tui.snapshot_validation import Plan
from ita_tui.text import normalise


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _insert(db: Database, table: str, row: dict) -> int:
    columns = ", ".join(row)
    placeholders = ", ".join("?" for _ in row)
    cursor = db.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", list(row.values())
    )
    return cursor.lastrowid


def _id_is_free(db: Database, table: str, wanted: int | None) -> bool:
    if wanted is None:
        return False
    return db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (wanted,)).fetchone() is None


def _delete_agency_rows(db: Database, agency_id: int) -> None:
    measure_ids = "SELECT id FROM measures WHERE agency_id = ?"
    for table in ("progress", "measure_contents", "measure_units", "measure_findings"):
        db.execute(f"DELETE FROM {table} WHERE measure_id IN ({measure_ids})", (agency_id,))
    for table in ("measures", "findings", "recommendations", "assessments", "units"):
        db.execute(f"DELETE FROM {table} WHERE agency_id = ?", (agency_id,))


def replace_agency(db: Database, plan: Plan, recorded_by: str) -> int:
    """Load a checked plan as the whole of its agency's data, replacing what was there.

    Ids from the file are kept where they are free, so that measure numbers officers know
    (`ita-tui log 2`) survive a re-import of the same plan."""
    with transaction(db):
        existing = db.execute("SELECT id FROM agencies WHERE name = ?", (plan.agency,)).fetchone()
        if existing:
            agency_id = existing[0]
            _delete_agency_rows(db, agency_id)
        else:
            agency_id = _insert(db, "agencies", {"name": plan.agency})

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
        for unit in plan.units:
            if unit["parent"]:
                db.execute(
                    "UPDATE units SET parent_id = ? WHERE id = ?",
                    (unit_ids[unit["parent"]], unit_ids[unit["name"]]),
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
            for entry in measure["progress"]:
                recorded_at = entry["recorded_at"]
                _insert(
                    db,
                    "progress",
                    {
                        "measure_id": measure_id,
                        "entry_date": _iso(entry["date"]),
                        "percent": entry["percent"],
                        "note": entry["note"],
                        "evidence": entry["evidence"],
                        "recorded_by": entry["by"] or recorded_by,
                        "recorded_at": recorded_at.isoformat() if recorded_at else now_utc(),
                    },
                )
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
    recorded_by: str,
    today: date,
    note: str | None = None,
    evidence: str | None = None,
) -> int:
    """Record how far a measure has come. Logging work on a measure that had not started
    marks it in progress; finishing it stays a deliberate act (see set_status)."""
    if not 0 <= percent <= 100:
        raise UserError("progress.percent_range", value=percent)
    if entry_date > today:
        raise UserError("progress.future_date", date=entry_date.isoformat())
    note = normalise(note) if note else None
    evidence = normalise(evidence) if evidence else None
    with transaction(db):
        status, _ = _open_measure(db, measure_id)
        if status == "dropped":
            raise UserError("progress.measure_dropped", id=measure_id)
        entry_id = _insert(
            db,
            "progress",
            {
                "measure_id": measure_id,
                "entry_date": entry_date.isoformat(),
                "percent": percent,
                "note": note or None,
                "evidence": evidence or None,
                "recorded_by": normalise(recorded_by),
                "recorded_at": now_utc(),
            },
        )
        if status == "not_started" and percent > 0:
            db.execute("UPDATE measures SET status = 'in_progress' WHERE id = ?", (measure_id,))
    return entry_id
