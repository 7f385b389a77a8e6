"""Only ita-tui's own schema opens. The tables, indexes, triggers and views of a file are compared,
by name and by SQL (whitespace aside), with those the migrations make, before anything reads or
writes it: an extra trigger or a view in place of a table would otherwise run with the rights of
whoever opens the file next.

The schema of the current version is recorded in schema.json beside this module, so that opening
a database reads sqlite_master once and compares it, as SQLite holds it, with a list read once per
process, without loading the migration machinery; only a file that differs is looked at closer. After adding a migration, record it again with
`python -m ita_tui.db.schema_check` (a test says when that is due). A file that differs from the
record is compared once more with a database the migrations build in memory, so that a machine
whose SQLite or sqlite-utils words the same schema differently is not locked out."""

import functools
import json
import re
import sqlite3
from pathlib import Path

from ita_tui.core.errors import UserError
from ita_tui.core.i18n import translate
from ita_tui.db.versions import KNOWN_MIGRATIONS, MIGRATION_SET, MIGRATIONS_TABLE

RECORD = Path(__file__).with_name("schema.json")

# (is a trigger, name) -> (type, table, SQL): triggers have names of their own, apart from the
# tables, views and indexes, which share one set of names.
Schema = dict[tuple[bool, str], tuple[str, str, str]]

# Statistics that ANALYZE or `PRAGMA optimize` (from any SQLite client) keep for the planner.
_PLANNER_STATISTICS = "sqlite_stat"


def normalised(sql: str) -> str:
    return re.sub(r" ?([(),]) ?", r"\1", re.sub(r"\s+", " ", sql)).strip()


def _normalised(schema: Schema) -> Schema:
    return {key: (kind, table, normalised(sql)) for key, (kind, table, sql) in schema.items()}


def read(connection: sqlite3.Connection) -> Schema:
    """The file's schema, from one read of sqlite_master, its SQL as SQLite holds it."""
    return {
        (kind == "trigger", name): (kind, table, sql or "")
        for kind, name, table, sql in connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"
        )
        if not name.startswith(_PLANNER_STATISTICS)
    }


@functools.cache
def recorded() -> Schema:
    return {
        (kind == "trigger", name): (kind, table, sql)
        for kind, name, table, sql in json.loads(RECORD.read_text("utf-8"))
    }


@functools.cache
def built_by_migrations(steps: int = len(KNOWN_MIGRATIONS)) -> Schema:
    """The schema the first `steps` migrations make, in a database built in memory."""
    # Only a file that differs from the record pays for the migration machinery (sqlite-utils).
    from sqlite_utils import Database as MigrationDatabase

    from ita_tui.db.schema import MIGRATIONS

    connection = sqlite3.connect(":memory:")
    try:
        stop = KNOWN_MIGRATIONS[steps] if steps < len(KNOWN_MIGRATIONS) else None
        MIGRATIONS.apply(MigrationDatabase(connection), stop_before=stop)
        return read(connection)
    finally:
        connection.close()


class Difference:
    """One way a file's schema is not ours: `what` is extra, missing, changed or other_kind."""

    __slots__ = ("what", "kind", "name", "expected_kind")

    def __init__(self, what: str, kind: str, name: str, expected_kind: str = "") -> None:
        self.what, self.kind, self.name, self.expected_kind = what, kind, name, expected_kind


def _loosely_compared(expected: Schema) -> set[str]:
    """Names compared by kind alone. A full-text table's shadow tables are worded by SQLite's
    FTS5, which may word them differently from one SQLite to the next; the migration record
    belongs to sqlite-utils, whose versions may give it other columns and indexes."""
    virtual = [
        name for (_, name), (_, _, sql) in expected.items() if sql.startswith("CREATE VIRTUAL")
    ]
    return {
        name
        for (trigger, name), (kind, table, _) in expected.items()
        if not trigger
        and (
            any(name.startswith(f"{table_name}_") for table_name in virtual)
            or (kind == "table" and name == MIGRATIONS_TABLE)
        )
    }


def differences(actual: Schema, expected: Schema) -> list[Difference]:
    loose = _loosely_compared(expected)
    found = []
    for key, (kind, table, sql) in sorted(expected.items(), key=lambda item: item[0][1]):
        if key not in actual:
            if not (kind == "index" and table == MIGRATIONS_TABLE):
                found.append(Difference("missing", kind, key[1]))
            continue
        actual_kind, actual_table, actual_sql = actual[key]
        if actual_kind != kind:
            found.append(Difference("other_kind", actual_kind, key[1], kind))
        elif key[1] not in loose and (actual_table, actual_sql) != (table, sql):
            found.append(Difference("changed", kind, key[1]))
    for key, (kind, table, _) in sorted(actual.items(), key=lambda item: item[0][1]):
        if key not in expected and not (kind == "index" and table == MIGRATIONS_TABLE):
            found.append(Difference("extra", kind, key[1]))
    return found


class SchemaDiffers(UserError):
    """A file whose schema is not ita-tui's: says what differs, one line per kind of difference."""

    def __init__(self, path: str, found: list[Difference]) -> None:
        super().__init__("db.schema_differs", path=path)
        self.found = found

    def message(self, lang: str) -> str:
        def kind(name: str) -> str:
            return translate(f"schema.kind.{name}", lang)

        lines = [translate("db.schema_differs", lang, path=self.params["path"])]
        grouped: dict[tuple[str, str], list[str]] = {}
        for difference in self.found:
            if difference.what == "other_kind":
                lines.append(
                    "  "
                    + translate(
                        "schema.other_kind",
                        lang,
                        name=difference.name,
                        kind=kind(difference.kind),
                        expected=kind(difference.expected_kind),
                    )
                )
            else:
                grouped.setdefault((difference.what, difference.kind), []).append(difference.name)
        for (what, kind_name), names in grouped.items():
            lines.append(
                "  "
                + translate(f"schema.{what}", lang, kind=kind(kind_name), names=", ".join(names))
            )
        return "\n".join(lines)


def require(actual: Schema, steps: int, location: str) -> None:
    """Refuse a file whose schema is not the one the first `steps` migrations make."""
    if steps == len(KNOWN_MIGRATIONS) and actual == recorded():
        return
    actual = _normalised(actual)
    if steps == len(KNOWN_MIGRATIONS) and not differences(actual, _normalised(recorded())):
        return
    found = differences(actual, _normalised(built_by_migrations(steps)))
    if found:
        raise SchemaDiffers(location, found)


def record() -> None:
    """Write schema.json from the migrations (after adding one)."""
    rows = sorted(
        [kind, name, table, sql] for (_, name), (kind, table, sql) in built_by_migrations().items()
    )
    RECORD.write_text(
        "[\n" + ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n]\n", "utf-8"
    )


def check_schema(connection: sqlite3.Connection, location: str) -> int | None:
    """How many migrations the file has had; None for a file with no schema at all. Anything
    but a schema this tool (or an older version of it) made is refused."""
    schema = read(connection)
    if not schema:
        return None
    migrations = schema.get((False, MIGRATIONS_TABLE))
    if migrations is None or migrations[0] != "table":
        raise UserError("db.not_ours", path=location)
    names = tuple(
        row[0]
        for row in connection.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
            (MIGRATION_SET,),
        )
    )
    if not names:
        raise UserError("db.not_ours", path=location)
    if set(names) - set(KNOWN_MIGRATIONS):
        raise UserError("db.newer_schema", path=location)
    if names != KNOWN_MIGRATIONS[: len(names)]:
        raise UserError("db.unknown_history", path=location)
    require(schema, len(names), location)
    return len(names)


if __name__ == "__main__":
    record()
    print(f"recorded {RECORD}")
