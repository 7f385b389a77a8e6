"""The agency's plan in one SQLite file: connection, schema, reads and writes."""

from ita_tui.db.connection import transaction
from ita_tui.db.opening import open_database

__all__ = ["open_database", "transaction"]
