"""Where the database stood when a next-year draft was written to a file: the draft's token, its
agency and plan year, and the journal's head then. `new-year --accept` trusts this record, never
what the file says of itself."""

import secrets
from dataclasses import dataclass

from ita_tui.core.thai_calendar import now_utc
from ita_tui.db.connection import Database, transaction


@dataclass(frozen=True)
class DraftRecord:
    agency_id: int
    plan_year: int
    journal_head: tuple[int, str]


def record(db: Database, agency_id: int, plan_year: int, journal_head: tuple[int, str]) -> str:
    """Keep where the database stood for a draft being written; its token goes in the file."""
    token = secrets.token_hex(16)
    with transaction(db):
        db.execute(
            "INSERT INTO new_year_drafts"
            " (token, agency_id, plan_year, journal_entry, journal_hash, made_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (token, agency_id, plan_year, *journal_head, now_utc()),
        )
    return token


def find(db: Database, token: object) -> DraftRecord | None:
    if not isinstance(token, str) or not token:
        return None
    found = db.execute(
        "SELECT agency_id, plan_year, journal_entry, journal_hash FROM new_year_drafts"
        " WHERE token = ?",
        (token,),
    ).fetchone()
    if found is None:
        return None
    return DraftRecord(found[0], found[1], (found[2], found[3]))
