"""Where the database and the settings live, and how a user or a test points elsewhere."""

import os
from pathlib import Path

APP_NAME = "ita-tui"
DATABASE_ENV = "ITA_TUI_DB"
SETTINGS_ENV = "ITA_TUI_SETTINGS"
CACHE_ENV = "ITA_TUI_CACHE"


def default_database_path() -> Path:
    from platformdirs import user_data_dir  # only when no path was given

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "ita-tui.db"


def database_path(explicit: str | None = None) -> tuple[Path, bool]:
    """The database to open, and whether it is the default one (which is created on first use)."""
    chosen = explicit or os.environ.get(DATABASE_ENV)
    if chosen:
        return Path(chosen).expanduser(), False
    return default_database_path(), True


def settings_path() -> Path:
    chosen = os.environ.get(SETTINGS_ENV)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_config_dir  # only when ITA_TUI_SETTINGS names no file

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "settings.toml"


def cache_folder() -> Path:
    """Where the app keeps what only saves time (the user cache folder, or $ITA_TUI_CACHE):
    anything in it may be deleted and is made again."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def word_template_path() -> Path:
    """The agency's own Word template, beside the settings: used when present and no
    --template is given."""
    return settings_path().with_name("word_template.docx")


def backup_folder(database: Path) -> Path:
    """Where a database's backups are kept: beside it, named after it."""
    return database.with_name(database.name + ".backups")
