"""People, their roles and units, logging in, and handing units over to a successor.

Each change is one transaction, journaled in the same hash chain as the plan, and leaves a line
in the access record; the plan's own history (progress entries, the journal) keeps the names
people had when they acted."""

import math
from datetime import datetime

from ita_tui.core import passwords
from ita_tui.core.access import ADMINISTRATOR, Actor
from ita_tui.core.errors import UserError
from ita_tui.core.model import ROLES, AccessEvent, Person
from ita_tui.core.text import normalise
from ita_tui.core.thai_calendar import now_utc
from ita_tui.db import journal
from ita_tui.db.connection import Database, transaction
from ita_tui.db.guard import find_person, login_required, person_actor, record, require

# After this many failures in a row, each further try waits longer: 2 s, 4 s, 8 s … 5 min.
FREE_FAILURES = 3
LONGEST_WAIT_SECONDS = 300


def _login_of(text: str) -> str:
    login = normalise(text).casefold()
    if not login or any(c.isspace() for c in login):
        raise UserError("people.bad_login", value=text)
    return login


def _role(text: str) -> str:
    if text not in ROLES:
        raise UserError("people.bad_role", value=text, choices=", ".join(ROLES))
    return text


def person(db: Database, login: str) -> dict:
    found = find_person(db, login)
    if found is None:
        raise UserError("people.unknown", login=login)
    return found


def people(db: Database) -> list[Person]:
    return [
        Person(
            id=person_id,
            login=login,
            name=name,
            role=role,
            active=bool(active),
            has_password=bool(has_password),
            units=units,
        )
        for person_id, login, name, role, active, has_password, units in db.execute(
            "SELECT p.id, p.login, p.name, p.role, p.active, p.password_hash IS NOT NULL,"
            " coalesce((SELECT group_concat(u.name, ', ') FROM person_units pu"
            "  JOIN units u ON u.id = pu.unit_id WHERE pu.person_id = p.id), '')"
            " FROM people p ORDER BY p.active DESC,"
            " CASE p.role WHEN 'administrator' THEN 0 WHEN 'supervisor' THEN 1 ELSE 2 END, p.login"
        )
    ]


def unit_ids_of(db: Database, login: str) -> list[int]:
    return [
        unit
        for (unit,) in db.execute(
            "SELECT pu.unit_id FROM person_units pu JOIN people p ON p.id = pu.person_id"
            " WHERE p.login = ?",
            (normalise(login).casefold(),),
        ).fetchall()
    ]


def _set_units(db: Database, by: Actor, at: str, person_id: int, unit_ids: list[int]) -> None:
    held = {
        unit
        for (unit,) in db.execute(
            "SELECT unit_id FROM person_units WHERE person_id = ?", (person_id,)
        ).fetchall()
    }
    wanted = set(unit_ids)
    for unit in held - wanted:
        journal.delete(
            db,
            by.name,
            at,
            "people",
            "person_units",
            "person_id = ? AND unit_id = ?",
            (person_id, unit),
        )
    for unit in dict.fromkeys(u for u in unit_ids if u not in held):
        journal.insert(
            db, by.name, at, "people", "person_units", {"person_id": person_id, "unit_id": unit}
        )


def add_person(
    db: Database,
    by: Actor,
    login: str,
    name: str,
    role: str,
    unit_ids: list[int],
    password: str | None = None,
) -> int:
    require(db, by, "people")
    login = _login_of(login)
    name = normalise(name)
    if not name:
        raise UserError("people.need_name")
    role = _role(role)
    if password is not None:
        passwords.check_new(password)
    stored = passwords.hash_password(password) if password is not None else None
    at = now_utc()
    with transaction(db):
        if db.execute("SELECT 1 FROM people WHERE login = ?", (login,)).fetchone():
            raise UserError("people.login_taken", login=login)
        person_id = journal.insert(
            db,
            by.name,
            at,
            "people",
            "people",
            {
                "login": login,
                "name": name,
                "role": role,
                "password_hash": stored,
                "active": 1,
                "created_at": at,
            },
        )
        _set_units(db, by, at, person_id, unit_ids)
    record(db, "person_added", by.login or by.name, "people", f"{login} {role}")
    return person_id


def update_person(
    db: Database,
    by: Actor,
    login: str,
    *,
    name: str | None = None,
    role: str | None = None,
    unit_ids: list[int] | None = None,
    active: bool | None = None,
) -> None:
    require(db, by, "people")
    target = person(db, login)
    changes: dict[str, object] = {}
    if name is not None:
        if not normalise(name):
            raise UserError("people.need_name")
        changes["name"] = normalise(name)
    if role is not None:
        changes["role"] = _role(role)
    if active is not None:
        changes["active"] = int(active)
    at = now_utc()
    with transaction(db):
        if changes:
            journal.update(db, by.name, at, "people", "people", (target["id"],), changes)
        if unit_ids is not None:
            _set_units(db, by, at, target["id"], unit_ids)
        _keep_an_administrator(db)
    detail = " ".join(f"{k}={v}" for k, v in changes.items())
    if unit_ids is not None:
        detail += f" units={len(unit_ids)}"
    record(db, "person_changed", by.login or by.name, "people", f"{target['login']} {detail}")


def _keep_an_administrator(db: Database) -> None:
    """Login on with no one left who can log in as administrator would lock everyone out."""
    if login_required(db) and not _administrator_can_log_in(db):
        raise UserError("login.need_administrator")


def _administrator_can_log_in(db: Database) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM people WHERE role = ? AND active = 1 AND password_hash IS NOT NULL",
            (ADMINISTRATOR,),
        ).fetchone()
        is not None
    )


def set_password(db: Database, by: Actor, login: str, new: str, current: str | None = None) -> None:
    """One's own password, given the current one; anyone's, for an administrator."""
    target = person(db, login)
    own = by.person_id == target["id"]
    if own and current is not None:
        # A session left open is no way round the back-off.
        at = _may_try(db, target["login"], datetime.fromisoformat(now_utc()))
        stored = db.execute(
            "SELECT password_hash FROM people WHERE id = ?", (target["id"],)
        ).fetchone()[0]
        if not passwords.verify(current, stored):
            record(db, "password_refused", target["login"], "password", at=at)
            raise UserError("password.wrong_current")
        record(db, "password_confirmed", target["login"], "password", at=at)
    else:
        require(db, by, "people")
    passwords.check_new(new)
    stored = passwords.hash_password(new)
    with transaction(db):
        journal.update(
            db, by.name, now_utc(), "password", "people", (target["id"],), {"password_hash": stored}
        )
    record(db, "password_changed", by.login or by.name, "password", target["login"])


def set_login_required(db: Database, by: Actor, required: bool) -> None:
    require(db, by, "login_setting")
    with (
        transaction(db),
        journal.Change(
            db, by.name, now_utc(), "login_setting", "database_settings", ("login_required",)
        ),
    ):
        db.execute(
            "INSERT INTO database_settings (key, value) VALUES ('login_required', ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            ("yes" if required else "no",),
        )
        _keep_an_administrator(db)
    record(db, "login_required" if required else "login_optional", by.login or by.name)


def _recent_failures(db: Database, login: str) -> tuple[int, str | None]:
    """Tries since the last successful login, and when the latest was. A try still being
    checked counts as failed, so that tries started together cannot all pass the back-off."""
    rows = db.execute(
        "SELECT event, at FROM access_events WHERE login = ?"
        " AND event IN ('login', 'password_confirmed', 'login_attempt') ORDER BY id DESC LIMIT 30",
        (login,),
    ).fetchall()
    failures = 0
    for event, _ in rows:
        if event != "login_attempt":
            break
        failures += 1
    return failures, rows[0][1] if failures else None


def seconds_to_wait(db: Database, login: str, now: datetime) -> int:
    failures, latest = _recent_failures(db, login)
    if failures < FREE_FAILURES or latest is None:
        return 0
    wait = min(2 ** (failures - FREE_FAILURES + 1), LONGEST_WAIT_SECONDS)
    waited = (now - datetime.fromisoformat(latest)).total_seconds()
    return max(0, math.ceil(wait - waited))


def _may_try(db: Database, login: str, moment: datetime) -> str:
    """Let a password be checked for this login now, or refuse: decided and recorded in one
    write transaction, so that tries started together queue here and each sees the ones before
    it. The moment of the try, as recorded."""
    at = moment.isoformat(timespec="seconds")
    with transaction(db):
        wait = seconds_to_wait(db, login, moment)
        if wait:
            raise UserError("login.wait", seconds=wait)
        record(db, "login_attempt", login, at=at)
    return at


def authenticate(db: Database, login: str, password: str, now: datetime | None = None) -> Actor:
    """The person, when the password is theirs. A failure is recorded and says nothing of
    whether the login exists; after a few in a row, the next try must wait. A try refused for
    waiting checks no password and is not counted, so a flood of them cannot push the wait past
    its ceiling. `now` is the moment of the try, for tests (default: the clock)."""
    wanted = normalise(login).casefold()
    at = _may_try(db, wanted, now or datetime.fromisoformat(now_utc()))
    found = db.row(
        "SELECT id, login, name, role, active, password_hash FROM people WHERE login = ?",
        (wanted,),
    )
    matches = passwords.verify(password, found["password_hash"] if found else None)
    if not matches or found is None or not found["active"]:
        record(db, "login_failed", wanted, at=at)
        raise UserError("login.failed")
    record(db, "login", wanted, at=at)
    if passwords.needs_upgrade(found["password_hash"]):
        _upgrade_hash(db, found["id"], found["password_hash"], password)
    return person_actor(db, found)


def _upgrade_hash(db: Database, person_id: int, verified: str, password: str) -> None:
    """Make the hash again at the current cost; unless the password was changed meanwhile."""
    stored = passwords.hash_password(password)
    with transaction(db):
        current = db.execute("SELECT password_hash FROM people WHERE id = ?", (person_id,))
        if current.fetchone() == (verified,):
            journal.update(
                db,
                "ita-tui",
                now_utc(),
                "password_upgrade",
                "people",
                (person_id,),
                {"password_hash": stored},
            )


def access_events(db: Database, limit: int = 50) -> list[AccessEvent]:
    return [
        AccessEvent(**row)
        for row in db.rows(
            "SELECT id, at, login, event, action, detail FROM access_events"
            " ORDER BY id DESC LIMIT ?",
            (limit,),
        )
    ]


def handover(
    db: Database, by: Actor, from_login: str, to_login: str, unit_ids: list[int] | None = None
) -> dict:
    """Give a person's units (all, or the ones named) and so the open measures and decisions of
    those units to a successor. Entries already made keep the names of who made them."""
    require(db, by, "handover")
    leaving, taking = person(db, from_login), person(db, to_login)
    if leaving["id"] == taking["id"]:
        raise UserError("handover.same_person")
    if not taking["active"]:
        raise UserError("handover.inactive", login=taking["login"])
    held = [
        u
        for (u,) in db.execute(
            "SELECT unit_id FROM person_units WHERE person_id = ?", (leaving["id"],)
        ).fetchall()
    ]
    moving = held if unit_ids is None else [u for u in unit_ids if u in held]
    if unit_ids is not None and len(moving) != len(set(unit_ids)):
        raise UserError("handover.not_their_unit", login=leaving["login"])
    if not moving:
        raise UserError("handover.no_units", login=leaving["login"])
    marks = ", ".join("?" for _ in moving)
    open_measures = db.execute(
        "SELECT count(DISTINCT m.id) FROM measures m JOIN measure_units mu ON mu.measure_id = m.id"
        f" WHERE mu.unit_id IN ({marks}) AND m.status NOT IN ('done', 'dropped')",
        moving,
    ).fetchone()[0]
    open_decisions = db.execute(
        f"SELECT count(*) FROM decisions WHERE unit_id IN ({marks}) AND closed_on IS NULL",
        moving,
    ).fetchone()[0]
    names = [
        n
        for (n,) in db.execute(
            f"SELECT name FROM units WHERE id IN ({marks}) ORDER BY position", moving
        ).fetchall()
    ]
    at = now_utc()
    with transaction(db):
        journal.delete(
            db,
            by.name,
            at,
            "handover",
            "person_units",
            f"person_id = ? AND unit_id IN ({marks})",
            (leaving["id"], *moving),
        )
        already = {
            unit
            for (unit,) in db.execute(
                "SELECT unit_id FROM person_units WHERE person_id = ?", (taking["id"],)
            ).fetchall()
        }
        for unit in moving:
            if unit not in already:
                journal.insert(
                    db,
                    by.name,
                    at,
                    "handover",
                    "person_units",
                    {"person_id": taking["id"], "unit_id": unit},
                )
        journal.insert(
            db,
            by.name,
            at,
            "handover",
            "handovers",
            {
                "at": at,
                "by": by.name,
                "from_person_id": leaving["id"],
                "to_person_id": taking["id"],
                "units": ", ".join(names),
                "open_measures": open_measures,
                "open_decisions": open_decisions,
            },
        )
    record(
        db,
        "handover",
        by.login or by.name,
        "handover",
        f"{leaving['login']} -> {taking['login']}: {', '.join(names)}",
    )
    return {
        "from": leaving["name"],
        "to": taking["name"],
        "units": names,
        "open_measures": open_measures,
        "open_decisions": open_decisions,
    }
