"""The agency's plan in one SQLite file: connection, schema, reads and writes."""

from ita_tui.db.connection import open_database, transaction

__all__ = ["open_database", "transaction"]
