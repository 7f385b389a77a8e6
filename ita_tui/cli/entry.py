"""`main`: runs the group as `ita-tui`, and turns every way a command can end into one message
in the user's language and an exit code."""

import os
import sqlite3
import sys

import click

from ita_tui.cli.group import cli
from ita_tui.cli.language import speaking
from ita_tui.cli.output import say
from ita_tui.core.errors import EXIT_USAGE, UserError
from ita_tui.core.i18n import translate
from ita_tui.core.language_choice import LANGUAGES, choose_language
from ita_tui.files.locations import database_path
from ita_tui.files.settings import load as load_settings


def _language_from(argv: list[str]) -> str:
    """The language for a message that comes before the options are parsed, or from a
    failure to parse them."""
    asked = None
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv) and argv[index + 1] in LANGUAGES:
            asked = argv[index + 1]
        elif word.startswith("--lang=") and word.split("=", 1)[1] in LANGUAGES:
            asked = word.split("=", 1)[1]
        if asked:
            break
    if asked:
        return asked
    settings, _ = load_settings()
    return choose_language(None, os.environ, settings.language)


def _database_from(argv: list[str]) -> str:
    """The database a command was given, for a message about an error met outside any check."""
    for index, word in enumerate(argv):
        if word == "--db" and index + 1 < len(argv):
            return argv[index + 1]
        if word.startswith("--db="):
            return word.split("=", 1)[1]
    return str(database_path(None)[0])


def main(argv: list[str] | None = None) -> None:
    """Run `ita-tui`. Exit codes: 0 done; 1 a failure the user did not cause (the database busy
    past the timeout, a full disk, a write the system refused, `verify` finding the records
    altered or readable by others); 2 a usage or input error, nothing changed; 130 interrupted."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    # Known before the options are parsed: --help and a usage error come before the group runs.
    lang = _language_from(arguments)
    try:
        with speaking(lang):
            try:
                cli.main(args=arguments, prog_name="ita-tui", standalone_mode=False)
            except click.ClickException as error:
                say(translate("cli.usage", lang, detail=error.format_message()), err=True)
                sys.exit(EXIT_USAGE)
    except UserError as error:
        say(error.message(lang), err=True)
        sys.exit(error.exit_code)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except sqlite3.Error as error:
        # Met while reading, outside the checks and transactions that say it closer.
        from ita_tui.desk import store_failure

        refused = store_failure(error, _database_from(arguments))
        say(refused.message(lang), err=True)
        sys.exit(refused.exit_code)
    except OSError as error:
        # A file the system refused where no closer check was made (a name too long, say).
        from ita_tui.files.user_files import os_error

        refused = os_error(error, error.filename or "-")
        say(refused.message(lang), err=True)
        sys.exit(refused.exit_code)
    sys.exit(0)
