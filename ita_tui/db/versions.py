"""The schema versions this tool knows, in order, so that opening a database can tell current,
older and newer apart without loading the migration machinery."""

MIGRATION_SET = "ita_tui"
MIGRATIONS_TABLE = "_sqlite_migrations"
KNOWN_MIGRATIONS = (
    "m001_initial",
    "m002_meetings",
    "m003_journal",
    "m004_search",
    "m005_snapshot_dates",
    "m006_people",
    "m007_access_journal",
    "m008_import_sources",
    "m009_search_kept_by_the_tool",
    "m010_oit_lists",
    "m011_carried_measures",
    "m012_budgets_and_obstacles",
    "m013_published_addresses",
)
