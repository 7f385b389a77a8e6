"""The user's settings: one TOML file in the user config directory, which the user may edit by
hand. It is read forgivingly (a bad value falls back to its default, a misspelt key is named with
the nearest known one) and written back as the user left it: comments, order and layout kept,
only the values that changed rewritten."""

import difflib
from dataclasses import field, fields, replace
from pathlib import Path

from ita_tui.core.errors import UserError
from ita_tui.core.follow_up import BEHIND_GAP, STALE_DAYS
from ita_tui.core.language_choice import LANGUAGES
from ita_tui.core.model import Record
from ita_tui.core.thai_calendar import ERAS
from ita_tui.files.atomic import write_atomically
from ita_tui.files.locations import settings_path
from ita_tui.files.modes import private_folder
from ita_tui.files.user_files import loads_toml, read_bytes, read_toml

__all__ = ["DIGIT_SYSTEMS", "KNOWN_KEYS", "LANGUAGES", "Settings", "load", "save", "warning"]

DIGIT_SYSTEMS = ("thai", "arabic")


class Settings(Record):
    # None: not chosen in the file, so the locale decides (ita_tui.core.language_choice).
    language: str | None = None
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


KNOWN_KEYS = tuple(setting.name for setting in fields(Settings))


def unknown_keys(raw: dict, path: Path) -> list[str | UserError]:
    """A warning for each key that is no setting, with the known one it most likely meant."""
    problems: list[str | UserError] = []
    for key in raw:
        if key in KNOWN_KEYS:
            continue
        nearest = difflib.get_close_matches(key.lower(), KNOWN_KEYS, n=1, cutoff=0.6)
        if nearest:
            problems.append(
                UserError("settings.unknown_key", path=str(path), setting=key, nearest=nearest[0])
            )
        else:
            problems.append(
                UserError(
                    "settings.unknown_key_no_match",
                    path=str(path),
                    setting=key,
                    known=", ".join(KNOWN_KEYS),
                )
            )
    return problems


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
    problems.extend(unknown_keys(raw, path))
    if raw.get("language") is None or raw["language"] in LANGUAGES:
        settings = replace(settings, language=raw.get("language"))
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


def _as_written(settings: Settings) -> dict[str, object]:
    """The settings as the file holds them; None for what is not chosen."""
    return {
        "language": settings.language,
        "digits": settings.digits,
        "era": settings.era,
        "stale_days": settings.stale_days,
        "behind_gap": settings.behind_gap,
        "name": settings.name,
        "output_dir": str(settings.output_dir) if settings.output_dir else None,
        "max_sessions": settings.max_sessions,
        "max_sessions_per_client": settings.max_sessions_per_client,
        "idle_minutes": settings.idle_minutes,
        "keymap": settings.keymap or None,
    }


_FIRST_WRITTEN = (
    "language",
    "digits",
    "era",
    "stale_days",
    "behind_gap",
    "name",
    "output_dir",
    "keymap",
)


def save(settings: Settings, path: Path | None = None) -> None:
    """Write the settings back. A new file gets the usual ones; an existing file keeps every
    comment, key and blank line, and only the values that differ from it are rewritten (a
    default it does not mention is not added). A file that cannot be read is left alone: what
    the user wrote there is not ours to overwrite."""
    import tomlkit  # only when saving: every command reads the settings, few write them

    path = path or settings_path()
    private_folder(path.parent)
    wanted = _as_written(settings)
    defaults = _as_written(Settings())
    try:
        text = read_bytes(path).decode("utf-8-sig")
        loads_toml(text, str(path))
        document = tomlkit.parse(text)
    except UserError as error:
        if error.key != "file.missing":
            raise UserError("settings.not_rewritten", path=str(path)) from None
        document = tomlkit.document()
        for key in _FIRST_WRITTEN:
            if wanted[key] is not None:
                document[key] = wanted[key]
        # `serve`'s limits only when they are not the defaults.
        for key in ("max_sessions", "max_sessions_per_client", "idle_minutes"):
            if wanted[key] != defaults[key]:
                document[key] = wanted[key]
    except (UnicodeDecodeError, tomlkit.exceptions.TOMLKitError):
        raise UserError("settings.not_rewritten", path=str(path)) from None
    else:
        for key, value in wanted.items():
            if value is None or document.get(key) == value:
                continue
            if key not in document and value == defaults[key]:
                continue
            document[key] = value
    write_atomically(path, tomlkit.dumps(document))


def warning(problem: str | UserError, lang: str) -> str:
    """A problem `load` found, as the user is told it: a misspelt key speaks for itself; a bad
    value or an unreadable file is a warning that the default is used."""
    from ita_tui.core.i18n import translate

    if isinstance(problem, UserError) and problem.key.startswith("settings.unknown_key"):
        return problem.message(lang)
    detail = problem.message(lang) if isinstance(problem, UserError) else problem
    return translate("settings.problem", lang, detail=detail)
