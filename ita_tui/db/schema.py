"""The schema, created and upgraded only through these migrations, in order."""

from datetime import UTC, datetime

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from ita_tui.db import journal
from ita_tui.db.connection import Database as Connection
from ita_tui.db.search_index import searchable as _searchable
from ita_tui.db.versions import KNOWN_MIGRATIONS, MIGRATION_SET

MIGRATIONS = Migrations(MIGRATION_SET)


@MIGRATIONS()
def m001_initial(db: Database) -> None:
    db.table("agencies").create({"id": int, "name": str}, pk="id", not_null={"name"}, strict=True)
    db.table("agencies").create_index(["name"], unique=True)

    indicator_columns = {f"indicator_{n}": float for n in range(1, 11)}
    db.table("assessments").create(
        {
            "id": int,
            "agency_id": int,
            "year": int,
            **indicator_columns,
            "published_overall": float,
            "published_result": str,
            "computed_overall": float,
            "computed_result": str,
            "note": str,
        },
        pk="id",
        foreign_keys=[("agency_id", "agencies", "id")],
        not_null={"agency_id", "year", *indicator_columns, "computed_overall", "computed_result"},
        strict=True,
    )
    db.table("assessments").create_index(["agency_id", "year"], unique=True)

    db.table("findings").create(
        {
            "id": int,
            "agency_id": int,
            "assessment_year": int,
            "instrument": str,
            "indicator": int,
            "sub_indicator": str,
            "kind": str,
            "topic": str,
            "text": str,
            "oit_item": str,
            "position": int,
        },
        pk="id",
        foreign_keys=[("agency_id", "agencies", "id")],
        not_null={"agency_id", "assessment_year", "instrument", "kind", "text", "position"},
        strict=True,
    )
    db.table("findings").create_index(["agency_id", "indicator"])

    db.table("recommendations").create(
        {
            "id": int,
            "agency_id": int,
            "assessment_year": int,
            "position": int,
            "text": str,
            "done_on": str,
        },
        pk="id",
        foreign_keys=[("agency_id", "agencies", "id")],
        not_null={"agency_id", "assessment_year", "position", "text"},
        strict=True,
    )

    db.table("units").create(
        {
            "id": int,
            "agency_id": int,
            "name": str,
            "kind": str,
            "parent_id": int,
            "position": int,
        },
        pk="id",
        foreign_keys=[("agency_id", "agencies", "id"), ("parent_id", "units", "id")],
        not_null={"agency_id", "name", "position"},
        strict=True,
    )
    db.table("units").create_index(["agency_id", "name"], unique=True)

    db.table("measures").create(
        {
            "id": int,
            "agency_id": int,
            "fiscal_year": int,
            "position": int,
            "title": str,
            "topic": str,
            "method": str,
            "follow_up": str,
            "period_text": str,
            "start_date": str,
            "end_date": str,
            "status": str,
            "drop_reason": str,
        },
        pk="id",
        foreign_keys=[("agency_id", "agencies", "id")],
        not_null={"agency_id", "fiscal_year", "position", "title", "status"},
        defaults={"status": "not_started", "method": "", "follow_up": "", "period_text": ""},
        strict=True,
    )
    # The overdue query: open measures of an agency whose end date has passed.
    db.table("measures").create_index(["agency_id", "status", "end_date"])
    db.table("measures").create_index(["end_date"])

    db.table("measure_units").create(
        {"measure_id": int, "unit_id": int, "role": str, "position": int},
        pk=("measure_id", "unit_id"),
        foreign_keys=[("measure_id", "measures", "id"), ("unit_id", "units", "id")],
        not_null={"role", "position"},
        strict=True,
    )
    db.table("measure_units").create_index(["unit_id"])

    db.table("measure_findings").create(
        {"measure_id": int, "finding_id": int},
        pk=("measure_id", "finding_id"),
        foreign_keys=[("measure_id", "measures", "id"), ("finding_id", "findings", "id")],
        strict=True,
    )
    db.table("measure_findings").create_index(["finding_id"])

    db.table("measure_contents").create(
        {
            "id": int,
            "measure_id": int,
            "position": int,
            "text": str,
            "done_on": str,
            "evidence": str,
            "done_by": str,
        },
        pk="id",
        foreign_keys=[("measure_id", "measures", "id")],
        not_null={"measure_id", "position", "text"},
        strict=True,
    )
    db.table("measure_contents").create_index(["measure_id", "position"])

    db.table("progress").create(
        {
            "id": int,
            "measure_id": int,
            "entry_date": str,
            "percent": int,
            "note": str,
            "evidence": str,
            "recorded_by": str,
            "recorded_at": str,
        },
        pk="id",
        foreign_keys=[("measure_id", "measures", "id")],
        not_null={"measure_id", "entry_date", "percent", "recorded_by", "recorded_at"},
        strict=True,
    )
    db.table("progress").create_index(["measure_id", "entry_date"])


@MIGRATIONS()
def m002_meetings(db: Database) -> None:
    # The day a measure's status last changed, so a meeting can see what was finished since
    # the one before.
    db.table("measures").add_column("status_changed_on", str)
    db.table("meetings").create(
        {
            "id": int,
            "agency_id": int,
            "held_on": str,
            "attendees": str,
            "notes": str,
            "recorded_by": str,
            "recorded_at": str,
        },
        pk="id",
        foreign_keys=[("agency_id", "agencies", "id")],
        not_null={"agency_id", "held_on", "recorded_by", "recorded_at"},
        strict=True,
    )
    db.table("meetings").create_index(["agency_id", "held_on"])
    db.table("decisions").create(
        {
            "id": int,
            "agency_id": int,
            "meeting_id": int,
            "measure_id": int,
            "unit_id": int,
            "text": str,
            "due_on": str,
            "closed_on": str,
            "closed_note": str,
        },
        pk="id",
        foreign_keys=[
            ("agency_id", "agencies", "id"),
            ("meeting_id", "meetings", "id"),
            ("measure_id", "measures", "id"),
            ("unit_id", "units", "id"),
        ],
        not_null={"agency_id", "meeting_id", "text"},
        strict=True,
    )
    db.table("decisions").create_index(["agency_id", "closed_on"])


@MIGRATIONS()
def m003_journal(db: Database) -> None:
    db.table("journal").create(
        {
            "id": int,
            "at": str,
            "by": str,
            "action": str,
            "subject": str,
            "subject_key": str,
            "before": str,
            "after": str,
            "prev_hash": str,
            "hash": str,
        },
        pk="id",
        not_null={"at", "by", "action", "subject", "subject_key", "prev_hash", "hash"},
        strict=True,
    )
    # Append-only through any SQLite client that honours triggers; verify catches the rest.
    db.execute(
        "CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal"
        " BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END"
    )
    db.execute(
        "CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal"
        " BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END"
    )
    # A correction is a new progress entry that points at the one it corrects.
    db.table("progress").add_column("corrects_id", int)
    # The plan's tables as they were then: later ones begin empty, with their own migration.
    _baseline(db, {t: c for t, c in journal.PLAN_TABLES.items() if t in db.table_names()})


def _baseline(db: Database, tables: dict[str, tuple[str, ...]]) -> None:
    """Rows from before their tables were journaled enter the journal once, as they are."""
    at = datetime.now(UTC).isoformat(timespec="seconds")
    for table, columns in tables.items():
        keys = db.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
        for key in keys:
            journal.inserted(Connection(db.conn), "ita-tui", at, "baseline", table, tuple(key))


@MIGRATIONS()
def m004_search(db: Database) -> None:
    # The measures table pages in plan order without sorting a whole agency's measures.
    db.table("measures").create_index(["agency_id", "fiscal_year", "position", "id"])
    # Substring search in Thai (no spaces between words) needs trigrams, not word tokens.
    db.execute("CREATE VIRTUAL TABLE measure_text USING fts5(text, tokenize = 'trigram')")
    db.execute(
        f"INSERT INTO measure_text (rowid, text) SELECT m.id, {_searchable('m')} FROM measures m"
    )
    db.execute(
        "CREATE TRIGGER measure_text_insert AFTER INSERT ON measures BEGIN"
        f" INSERT INTO measure_text (rowid, text) VALUES (new.id, {_searchable('new')}); END"
    )
    db.execute(
        "CREATE TRIGGER measure_text_update AFTER UPDATE OF title, topic, method ON measures BEGIN"
        f" UPDATE measure_text SET text = {_searchable('new')} WHERE rowid = new.id; END"
    )
    db.execute(
        "CREATE TRIGGER measure_text_delete AFTER DELETE ON measures BEGIN"
        " DELETE FROM measure_text WHERE rowid = old.id; END"
    )


@MIGRATIONS()
def m005_snapshot_dates(db: Database) -> None:
    # When the snapshot an agency was last imported from was written, so that an older
    # snapshot never replaces a newer one in an aggregate database.
    db.table("agencies").add_column("snapshot_generated_at", str)


@MIGRATIONS()
def m006_people(db: Database) -> None:
    # Who may do what, when a database is shared. Logins are kept case-folded.
    db.table("people").create(
        {
            "id": int,
            "login": str,
            "name": str,
            "role": str,
            "password_hash": str,
            "active": int,
            "created_at": str,
        },
        pk="id",
        not_null={"login", "name", "role", "active", "created_at"},
        defaults={"active": 1},
        strict=True,
    )
    db.table("people").create_index(["login"], unique=True)
    db.table("person_units").create(
        {"person_id": int, "unit_id": int},
        pk=("person_id", "unit_id"),
        foreign_keys=[("person_id", "people", "id"), ("unit_id", "units", "id")],
        strict=True,
    )
    db.table("person_units").create_index(["unit_id"])
    # Logins, failed logins, refused actions and changes to people: appended, never changed.
    db.table("access_events").create(
        {
            "id": int,
            "at": str,
            "login": str,
            "event": str,
            "action": str,
            "detail": str,
        },
        pk="id",
        not_null={"at", "event"},
        strict=True,
    )
    db.table("access_events").create_index(["login", "id"])
    for verb in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER access_events_no_{verb.lower()} BEFORE {verb} ON access_events"
            " BEGIN SELECT RAISE(ABORT, 'access events are append-only'); END"
        )
    db.table("handovers").create(
        {
            "id": int,
            "at": str,
            "by": str,
            "from_person_id": int,
            "to_person_id": int,
            "units": str,
            "open_measures": int,
            "open_decisions": int,
        },
        pk="id",
        foreign_keys=[("from_person_id", "people", "id"), ("to_person_id", "people", "id")],
        not_null={"at", "by", "from_person_id", "to_person_id", "units"},
        strict=True,
    )
    db.table("database_settings").create({"key": str, "value": str}, pk="key", strict=True)


@MIGRATIONS()
def m007_access_journal(db: Database) -> None:
    # People, their roles and units, handovers, the login setting and the access record join
    # the plan in the journal's chain.
    _baseline(db, journal.ACCESS_TABLES)


@MIGRATIONS()
def m008_import_sources(db: Database) -> None:
    # The id a row had in the file it was imported from, when another agency of the same
    # database had taken that number: a re-import finds the row by it and leaves it alone.
    for table in ("findings", "measures", "progress"):
        db.table(table).add_column("source_id", int)


@MIGRATIONS()
def m009_search_kept_by_the_tool(db: Database) -> None:
    # Connections now run with trusted_schema off, under which SQLite lets no trigger write to
    # the full-text index: the tool keeps it up to date itself (ita_tui.db.search_index).
    for name in ("measure_text_insert", "measure_text_update", "measure_text_delete"):
        db.execute(f"DROP TRIGGER {name}")


@MIGRATIONS()
def m010_oit_lists(db: Database) -> None:
    # An agency's own OIT item list for a range of years, confirming or correcting the bundled
    # one (ita_tui/data/oit_catalogues.toml), kept whole as the catalogue's JSON: the list is
    # read whole, and its shape is that of the bundled file.
    db.table("oit_lists").create(
        {"id": int, "agency_id": int, "first_year": int, "last_year": int, "document": str},
        pk="id",
        foreign_keys=[("agency_id", "agencies", "id")],
        not_null={"agency_id", "first_year", "document"},
        strict=True,
    )
    db.table("oit_lists").create_index(["agency_id", "first_year"], unique=True)


@MIGRATIONS()
def m011_carried_measures(db: Database) -> None:
    # A measure the new fiscal year's plan carries over from the last one names the measure it
    # continues, whose progress history stays with it.
    db.table("measures").add_column("carried_from_id", int, fk="measures", fk_col="id")


@MIGRATIONS()
def m012_budgets_and_obstacles(db: Database) -> None:
    # A measure's planned budget and what it has spent, in baht, kept as exact decimal text
    # (SQLite has no decimal type and a REAL would round satang); a progress entry's ปัญหาอุปสรรค
    # and ข้อเสนอแนะ, which the follow-up report to the NACC asks for.
    for column in ("budget", "budget_used"):
        db.table("measures").add_column(column, str)
    for column in ("problems", "suggestions"):
        db.table("progress").add_column(column, str)


@MIGRATIONS()
def m013_published_addresses(db: Database) -> None:
    # Where the agency publishes each OIT item of an assessment year: the assessors open that
    # address, and `ita-tui links` checks that it still opens.
    db.table("published_addresses").create(
        {"id": int, "agency_id": int, "year": int, "item": str, "url": str},
        pk="id",
        foreign_keys=[("agency_id", "agencies", "id")],
        not_null={"agency_id", "year", "item", "url"},
        strict=True,
    )
    db.table("published_addresses").create_index(["agency_id", "year", "item"], unique=True)


if tuple(m.name for m in MIGRATIONS._migrations) != KNOWN_MIGRATIONS:
    raise RuntimeError("ita_tui.db.versions.KNOWN_MIGRATIONS must list the migrations in order")
