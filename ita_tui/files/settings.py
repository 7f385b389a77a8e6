"""The user's settings: one TOML file in the user config directory."""

from dataclasses import dataclass, field, replace
from pathlib import Path

from ita_tui.core.errors import UserError
from ita_tui.core.follow_up import BEHIND_GAP, STALE_DAYS
from ita_tui.core.thai_calendar import ERAS
from ita_tui.files.atomic import write_atomically
from ita_tui.files.locations import settings_path
from ita_tui.files.modes import private_folder
from ita_tui.files.user_files import read_toml

LANGUAGES = ("th", "en")
DIGIT_SYSTEMS = ("thai", "arabic")


@dataclass(frozen=True)
class Settings:
    language: str = "th"
    digits: str = "thai"
    # The years of a date in English: the Buddhist era (be) or the common era (ce).
    era: str = "be"
    name: str | None = None
    stale_days: int = STALE_DAYS
    behind_gap: int = BEHIND_GAP
    keymap: dict[str, str] = field(default_factory=dict)
    # Where the app writes exports and packs (None: a folder in the user's documents).
    output_dir: Path | None = None
    # `ita-tui serve`: browser sessions at once, each an app process (README: "Serving").
    max_sessions: int = 30
    # ... of them from one address (one browser tab each), so that one client cannot take all.
    max_sessions_per_client: int = 5
    # ... and the minutes a session may go without a key, a click or a resize before it ends.
    idle_minutes: float = 30


def load(path: Path | None = None) -> tuple[Settings, list[str | UserError]]:
    """The settings, and the problems found in the file; a broken file never stops the tool,
    it falls back to the defaults for what it cannot read and says so."""
    path = path or settings_path()
    problems: list[str | UserError] = []
    try:
        raw = read_toml(path)
    except UserError as error:
        if error.key == "file.missing":
            return Settings(), problems
        return Settings(), [error]
    settings = Settings()
    if raw.get("language", "th") in LANGUAGES:
        settings = replace(settings, language=raw.get("language", "th"))
    else:
        problems.append(f"{path}: language = {raw['language']!r} (th | en)")
    if raw.get("digits", "thai") in DIGIT_SYSTEMS:
        settings = replace(settings, digits=raw.get("digits", "thai"))
    else:
        problems.append(f"{path}: digits = {raw['digits']!r} (thai | arabic)")
    if raw.get("era", "be") in ERAS:
        settings = replace(settings, era=raw.get("era", "be"))
    else:
        problems.append(f"{path}: era = {raw['era']!r} (be | ce)")
    if isinstance(raw.get("name"), str) and raw["name"].strip():
        settings = replace(settings, name=raw["name"].strip())
    stale = raw.get("stale_days", STALE_DAYS)
    if isinstance(stale, int) and not isinstance(stale, bool) and 1 <= stale <= 366:
        settings = replace(settings, stale_days=stale)
    else:
        problems.append(f"{path}: stale_days = {stale!r} (1-366)")
    gap = raw.get("behind_gap", BEHIND_GAP)
    if isinstance(gap, int) and not isinstance(gap, bool) and 1 <= gap <= 100:
        settings = replace(settings, behind_gap=gap)
    else:
        problems.append(f"{path}: behind_gap = {gap!r} (1-100)")
    sessions = raw.get("max_sessions", 30)
    if isinstance(sessions, int) and not isinstance(sessions, bool) and 1 <= sessions <= 1000:
        settings = replace(settings, max_sessions=sessions)
    else:
        problems.append(f"{path}: max_sessions = {sessions!r} (1-1000)")
    per_client = raw.get("max_sessions_per_client", 5)
    if isinstance(per_client, int) and not isinstance(per_client, bool) and 1 <= per_client <= 1000:
        settings = replace(settings, max_sessions_per_client=per_client)
    else:
        problems.append(f"{path}: max_sessions_per_client = {per_client!r} (1-1000)")
    idle = raw.get("idle_minutes", 30)
    if isinstance(idle, int | float) and not isinstance(idle, bool) and 0.05 <= idle <= 1440:
        settings = replace(settings, idle_minutes=idle)
    else:
        problems.append(f"{path}: idle_minutes = {idle!r} (0.05-1440)")
    keymap = raw.get("keymap", {})
    if isinstance(keymap, dict) and all(isinstance(v, str) for v in keymap.values()):
        settings = replace(settings, keymap=dict(keymap))
    else:
        problems.append(f'{path}: [keymap] (binding-id = "key")')
    output_dir = raw.get("output_dir")
    if isinstance(output_dir, str) and output_dir.strip():
        settings = replace(settings, output_dir=Path(output_dir.strip()).expanduser())
    elif output_dir is not None:
        problems.append(f'{path}: output_dir = {output_dir!r} ("/path/to/folder")')
    return settings, problems


def save(settings: Settings, path: Path | None = None) -> None:
    import tomli_w  # only when saving: every command reads the settings, few write them

    path = path or settings_path()
    private_folder(path.parent)
    document = {
        "language": settings.language,
        "digits": settings.digits,
        "era": settings.era,
        "stale_days": settings.stale_days,
        "behind_gap": settings.behind_gap,
    }
    if settings.name:
        document["name"] = settings.name
    if settings.output_dir:
        document["output_dir"] = str(settings.output_dir)
    if settings.max_sessions != Settings.max_sessions:
        document["max_sessions"] = settings.max_sessions
    if settings.max_sessions_per_client != Settings.max_sessions_per_client:
        document["max_sessions_per_client"] = settings.max_sessions_per_client
    if settings.idle_minutes != Settings.idle_minutes:
        document["idle_minutes"] = settings.idle_minutes
    if settings.keymap:
        document["keymap"] = settings.keymap
    write_atomically(path, tomli_w.dumps(document))
