"""The `ita-tui` group: its global options, and the context every command is given (the database,
the language and digits, the agency, who is acting). Without a command it opens the app."""

import getpass
import importlib
import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click

from ita_tui.cli import keys_at_launch
from ita_tui.cli.language import Group, Option, group, option
from ita_tui.cli.output import ask_hidden, say
from ita_tui.cli.progress import shown as progress_shown
from ita_tui.core import collector
from ita_tui.core.errors import UserError
from ita_tui.core.i18n import translate
from ita_tui.core.language_choice import choose_language
from ita_tui.core.text import normalise
from ita_tui.core.thai_calendar import today, with_digits
from ita_tui.core.words import Words
from ita_tui.files.locations import database_path
from ita_tui.files.settings import DIGIT_SYSTEMS, LANGUAGES, Settings
from ita_tui.files.settings import load as load_settings
from ita_tui.files.settings import warning as settings_warning


def password_from_file(file: str) -> str:
    """The first line of a password file: a regular file (a pipe would wait for ever), readable,
    UTF-8, with a first line."""
    from ita_tui.files.user_files import read_bytes

    try:
        return read_bytes(file).decode("utf-8").splitlines()[0]
    except (UserError, UnicodeDecodeError, IndexError):
        raise UserError("login.password_file", path=file) from None


@dataclass
class Context:
    database: Path
    database_is_default: bool
    lang: str
    digits: str
    settings: Settings
    agency: str | None
    by: str | None = None
    password_file: str | None = None
    _actor: object = None
    _password: str | None = None

    @property
    def words(self) -> Words:
        return Words(self.lang, self.digits, self.settings.era)

    def t(self, key: str, **params: object) -> str:
        return translate(key, self.lang, **params)

    def day(self, value: date | None) -> str:
        return self.words.day(value)

    def number(self, value: object) -> str:
        return with_digits(str(value), self.digits)

    def desk(
        self,
        as_of: date | None = None,
        *,
        acting: bool = False,
        by: str | None = None,
        whole_database: bool = False,
        create: bool = False,
        adopt_empty: bool = False,
    ):
        """The desk this command works at: the agency named (or the only one), as of a date;
        with `acting`, as the person acting (asked for a password when login is required).
        People belong to the whole database, so their commands need no agency."""
        from ita_tui.desk import Desk

        desk = Desk(
            self.open(create=create, adopt_empty=adopt_empty),
            as_of=as_of or today(),
            words=self.words,
            agency_name=self.agency,
            stale_days=self.settings.stale_days,
            behind_gap=self.settings.behind_gap,
            agency_required=not (whole_database or acting),
        )
        if acting:
            # Who acts is asked before the agency is looked for: the password prompt comes
            # first, as it always has.
            self.act(desk, by)
            if not whole_database:
                desk.require_agency()
        return desk

    def open(self, create: bool = False, adopt_empty: bool = False):
        from ita_tui.desk import open_store

        if self.database_is_default:
            from ita_tui.files.modes import private_folder

            private_folder(self.database.parent)
            create = adopt_empty = True
        return open_store(self.database, create=create, adopt_empty=adopt_empty)

    def act(self, desk, explicit: str | None = None) -> None:
        """The desk acts as whom this command acts as."""
        desk.actor = self.actor(desk, explicit)

    def actor(self, desk, explicit: str | None = None):
        """Whom this command acts as: the person named, checked by password when the database
        requires login, else taken at their word."""
        if self._actor is not None:
            return self._actor
        name = explicit or self.by
        if desk.login_required():
            if not name or not normalise(name):
                raise UserError("login.required")
            self._password = self.password(name, file=self.password_file)
            self._actor = desk.authenticate(name, self._password)
        else:
            self._actor = desk.acting_as(self.who(name))
        return self._actor

    def password(self, login: str, key: str = "login.prompt", file: str | None = None) -> str:
        """A password from the first line of a file, else typed at the terminal, unseen."""
        if file:
            return password_from_file(file)
        if not sys.stdin.isatty():
            raise UserError("login.no_password_given")
        return ask_hidden(self.t(key, login=login))

    def who(self, explicit: str | None) -> str:
        if explicit and normalise(explicit):
            return normalise(explicit)
        if self.settings.name:
            return self.settings.name
        try:
            login = getpass.getuser()
        except (KeyError, OSError):
            return "unknown"
        return _full_name(login) or login


def _full_name(login: str) -> str | None:
    """The person's name as the system knows it (the account's full name), so that a record
    names a person rather than an account where one is known."""
    try:
        import pwd
    except ImportError:  # not on Windows
        return None
    try:
        gecos = pwd.getpwnam(login).pw_gecos
    except KeyError:
        return None
    name = gecos.split(",")[0].strip()
    return name if name and name != login else None


# Each command by its name, and where it is: its module is imported when the command is named,
# or when the help lists them all. The app, which most launches open, imports none of them.
COMMANDS = {
    "backup": ("records", "backup"),
    "budget": ("follow_up", "budget"),
    "decision": ("meetings", "decision"),
    "demo": ("plan", "demo"),
    "export": ("plan", "export"),
    "handover": ("people", "handover"),
    "import": ("plan", "import_command"),
    "init": ("plan", "init"),
    "links": ("links", "links"),
    "locate": ("records", "locate"),
    "log": ("follow_up", "log"),
    "measures": ("follow_up", "measures"),
    "meeting": ("meetings", "meeting"),
    "new-year": ("new_year", "new_year"),
    "oit": ("oit_lists", "oit"),
    "overdue": ("follow_up", "overdue"),
    "people": ("people", "people"),
    "report": ("meetings", "report"),
    "restore": ("records", "restore"),
    "score": ("scores", "score"),
    "serve": ("serve", "serve"),
    "verify": ("records", "verify"),
    "whatif": ("scores", "whatif"),
}


class CommandsLoadedByName(Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMANDS:
            module, attribute = COMMANDS[name]
            command = getattr(importlib.import_module(f"ita_tui.cli.{module}"), attribute)
            self.add_command(command, name)
        return super().get_command(ctx, name)


@group(
    cls=CommandsLoadedByName,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="help.ita_tui",
    epilog="help.exit_codes",
)
@option(
    "--db",
    "db_path",
    metavar="PATH",
    help="help.db",
)
@option("--lang", type=click.Choice(LANGUAGES), help="help.lang")
@option(
    "--digits",
    type=click.Choice(DIGIT_SYSTEMS),
    help="help.digits",
)
@option("--agency", metavar="NAME", help="help.agency")
@option("--by", "acting_as", metavar="LOGIN", help="help.acting_as")
@option("--quiet", "-q", is_flag=True, help="help.quiet")
@option(
    "--password-file",
    metavar="FILE",
    help="help.password_file",
)
# Set by `ita-tui serve` for each browser session: many people share the server's settings
# file, so a session's language or digits stay its own.
@option("--served", is_flag=True, hidden=True)
@click.version_option(package_name="ita-tui", cls=Option, help="help.version")
@click.pass_context
def cli(
    ctx: click.Context,
    db_path: str | None,
    lang: str | None,
    digits: str | None,
    agency: str | None,
    acting_as: str | None,
    quiet: bool,
    password_file: str | None,
    served: bool,
) -> None:
    settings, problems = load_settings()
    # Inside a command LANGUAGE holds the language `main` chose by the same rule (see
    # language.speaking), so the locale gives the same answer here.
    chosen_lang = choose_language(lang, os.environ, settings.language)
    if password_file is not None:
        # Checked whether or not this database asks for it: a script that names a file that
        # is not there learns it now, not on the day login is turned on.
        password_from_file(password_file)
    for problem in problems:
        say(settings_warning(problem, chosen_lang), err=True)
    path, is_default = database_path(db_path)
    ctx.obj = Context(
        database=path,
        database_is_default=is_default,
        lang=chosen_lang,
        digits=digits or settings.digits,
        settings=settings,
        agency=normalise(agency) if agency else None,
        by=acting_as,
        password_file=password_file,
    )
    if ctx.invoked_subcommand is None:
        from ita_tui.app import run_app

        run_app(ctx.obj.open(), ctx.obj, persist_settings=not served, served=served)
    else:
        if ctx.invoked_subcommand != "demo":
            # The command's own work begins (the demo is the app, which says when it has started),
            # and its prompts read the terminal as the shell left it.
            collector.started()
            keys_at_launch.give_back()
        # Long work shows a bar on a terminal; the app, which owns the terminal, silences it.
        ctx.with_resource(progress_shown(chosen_lang, quiet, ctx.obj.digits))
