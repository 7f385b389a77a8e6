"""The full-text index of measures (`measure_text`), kept by the tool in the same transaction
as each change to a measure. Triggers cannot keep it: with `trusted_schema` off, which every
connection sets, SQLite lets no trigger write to a virtual table."""

from ita_tui.db.connection import Database

SEARCHED_COLUMNS = frozenset({"title", "topic", "method"})

_DIGITS_TO_ARABIC = "{}"
for _thai, _arabic in zip("๐๑๒๓๔๕๖๗๘๙", "0123456789", strict=True):
    _DIGITS_TO_ARABIC = f"replace({_DIGITS_TO_ARABIC}, '{_thai}', '{_arabic}')"


def searchable(row: str) -> str:
    """The text a measure is found by, with Thai digits as Arabic ones, in plain SQL."""
    text = f"{row}.id || ' ' || {row}.title || ' ' || coalesce({row}.topic, '') || ' ' || coalesce({row}.method, '')"
    return _DIGITS_TO_ARABIC.format(text)


def added(db: Database, measure_id: int) -> None:
    db.execute(
        f"INSERT INTO measure_text (rowid, text) SELECT m.id, {searchable('m')}"
        " FROM measures m WHERE m.id = ?",
        (measure_id,),
    )


def changed(db: Database, measure_id: int, columns: set[str]) -> None:
    if columns & SEARCHED_COLUMNS:
        db.execute(
            f"UPDATE measure_text SET text = (SELECT {searchable('m')} FROM measures m"
            " WHERE m.id = ?) WHERE rowid = ?",
            (measure_id, measure_id),
        )


def removing(db: Database, where: str, params: tuple) -> None:
    """Before measures are deleted: their entries go."""
    db.execute(
        f"DELETE FROM measure_text WHERE rowid IN (SELECT id FROM measures WHERE {where})", params
    )
