"""The store's side of who may do what: who is acting, whether the database requires login,
and the access record, to which every refusal, login and change to people is appended. The
rules themselves are ita_tui.core.access."""

from ita_tui.core.access import (
    ADMINISTRATOR,
    OWN_MEASURE_ACTIONS,
    SUPERVISOR,
    Actor,
    allows,
    refusal,
)
from ita_tui.core.errors import UserError
from ita_tui.core.text import normalise
from ita_tui.core.thai_calendar import now_utc
from ita_tui.db import journal
from ita_tui.db.connection import Database, transaction


def login_required(db: Database) -> bool:
    row = db.execute("SELECT value FROM database_settings WHERE key = 'login_required'").fetchone()
    return row is not None and row[0] == "yes"


def record(
    db: Database,
    event: str,
    login: str | None,
    action: str | None = None,
    detail: str = "",
    at: str | None = None,
) -> None:
    """Append to the access record in a transaction of its own, so that it stays when the
    action it is about is refused and rolled back."""
    at = at or now_utc()
    event_row = {
        "at": at,
        "login": login,
        "event": event,
        "action": action,
        "detail": detail or None,
    }
    with transaction(db):
        journal.insert(db, login or "-", at, "access", "access_events", event_row)


def person_actor(db: Database, person: dict) -> Actor:
    units = db.execute(
        "SELECT unit_id FROM person_units WHERE person_id = ?", (person["id"],)
    ).fetchall()
    return Actor(
        name=person["name"],
        role=person["role"],
        login=person["login"],
        person_id=person["id"],
        unit_ids=frozenset(u for (u,) in units),
    )


def find_person(db: Database, login_or_name: str) -> dict | None:
    wanted = normalise(login_or_name)
    return db.row(
        "SELECT id, login, name, role, active FROM people"
        " WHERE login = ? OR name = ? ORDER BY login = ? DESC LIMIT 1",
        (wanted.casefold(), wanted, wanted.casefold()),
    )


def acting(db: Database, by: "Actor | str") -> Actor:
    """The actor behind a write. A bare name is taken at its word only while the database does
    not require login: then a known person acts in their role, anyone else as administrator."""
    if isinstance(by, Actor):
        return by
    name = normalise(by or "") or "unknown"
    if login_required(db):
        raise UserError("login.required")
    person = find_person(db, name)
    if person is None or not person["active"]:
        return Actor(name=name, role=ADMINISTRATOR)
    return person_actor(db, person)


def _measure_units(db: Database, measure_id: int) -> set[int] | None:
    if db.execute("SELECT 1 FROM measures WHERE id = ?", (measure_id,)).fetchone() is None:
        return None
    rows = db.execute(
        "SELECT unit_id FROM measure_units WHERE measure_id = ?", (measure_id,)
    ).fetchall()
    return {u for (u,) in rows}


def measure_of_content(db: Database, content_id: int) -> int | None:
    row = db.execute(
        "SELECT measure_id FROM measure_contents WHERE id = ?", (content_id,)
    ).fetchone()
    return row[0] if row else None


def require(db: Database, actor: Actor, action: str, measure_id: int | None = None) -> None:
    """Refuse, and record the attempt, when the actor's role does not allow the action."""
    own = (
        measure_id is not None and action in OWN_MEASURE_ACTIONS and not actor.at_least(SUPERVISOR)
    )
    units = _measure_units(db, measure_id) if own and measure_id is not None else None
    if allows(actor, action, measure_id, units):
        return
    detail = f"measure {measure_id}" if measure_id is not None else ""
    record(db, "denied", actor.login or actor.name, action, detail)
    raise refusal(actor, action, measure_id)
