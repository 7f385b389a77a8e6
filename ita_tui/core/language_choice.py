"""Which language the tool speaks: the one asked for on the command line, else the one named in
ITA_TUI_LANG or the settings file, else the one the system's locale names (as gettext reads it:
LANGUAGE, LC_ALL, LC_MESSAGES, LANG, first set wins). Thai is the tool's first language: a locale
that is neither Thai nor English (C, POSIX, de_DE…) gets Thai."""

from collections.abc import Mapping

LANGUAGES = ("th", "en")
FIRST_LANGUAGE = "th"
LANGUAGE_ENV = "ITA_TUI_LANG"
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def language_of_locale(environ: Mapping[str, str]) -> str:
    """The language ("th" or "en") the locale variables name: `en_GB.UTF-8`, `en`, `en_US:th` (LANGUAGE is a
    list; its first entry is the user's first choice) give English; anything else Thai."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "").strip()
        if not value:
            continue
        first = value.split(":")[0]
        code = first.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
        return code if code in LANGUAGES else FIRST_LANGUAGE
    return FIRST_LANGUAGE


def choose_language(
    asked: str | None, environ: Mapping[str, str], configured: str | None = None
) -> str:
    """The language to speak: `asked` (--lang), else ITA_TUI_LANG, else `configured` (the
    settings file), else the locale. A value that is not a language we speak is passed over."""
    for candidate in (asked, environ.get(LANGUAGE_ENV), configured):
        if candidate in LANGUAGES:
            return candidate
    return language_of_locale(environ)
