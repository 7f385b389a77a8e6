"""The command line in the user's language, from the same catalogue as everything else: click's
own messages (usage errors, "Missing argument", choices, the --help headings) and every --help
text.

Click asks the standard gettext for its messages, in the default text domain and the language the
environment names; so while a command runs, the default domain is ita-tui's and LANGUAGE names
the user's language (both put back afterwards). Our help texts are catalogue keys, said when help
is shown: declare commands and options with `command`, `group` and `option` from here."""

import contextlib
import gettext
import os
from collections.abc import Iterator

import click

from ita_tui.core.i18n import DOMAIN, LOCALE_DIR, catalogue, catalogue_path, translate

# The language of the command being run; Thai, the tool's first language, outside one.
_spoken = ["th"]


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Click speaks `lang` inside."""
    before = os.environ.get("LANGUAGE"), gettext.textdomain()
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    _share_catalogue(lang)
    os.environ["LANGUAGE"] = lang
    _spoken.append(lang)
    try:
        yield
    finally:
        _spoken.pop()
        gettext.textdomain(before[1])
        if before[0] is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = before[0]


def _share_catalogue(lang: str) -> None:
    """Give Python's gettext the catalogue the tool has already opened (`i18n.catalogue`), which
    finds a message where it lies: click asks for one as every command line is read (its --help
    option's text), and gettext's own reader decodes the whole catalogue first, a hundredth of
    the wait for the app's first frame. gettext keeps what it has read by reader class and file
    (`gettext._translations`); were that to change, it reads the file itself, as before."""
    kept = getattr(gettext, "_translations", None)
    path = catalogue_path(lang)
    if isinstance(kept, dict) and path.is_file():
        kept.setdefault((gettext.GNUTranslations, os.path.abspath(path)), catalogue(lang))


def _said(key: str | None) -> str | None:
    return translate(key, _spoken[-1]) if key else None


class Option(click.Option):
    """An option whose help is a catalogue key."""

    @property
    def help(self) -> str | None:
        return _said(self._help_key)

    @help.setter
    def help(self, key: str | None) -> None:
        self._help_key = key


class Command(click.Command):
    """A command whose help and epilog are catalogue keys."""

    @property
    def help(self) -> str | None:
        return _said(self._help_key)

    @help.setter
    def help(self, key: str | None) -> None:
        self._help_key = key

    @property
    def epilog(self) -> str | None:
        return _said(self._epilog_key)

    @epilog.setter
    def epilog(self, key: str | None) -> None:
        self._epilog_key = key

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Click makes its --help option once per command and keeps it, with the help text of
        # whichever language came first; it is said again in the language of each --help.
        option = self.get_help_option(ctx)
        if option is not None:
            option.help = _said("help.help")
        super().format_help(ctx, formatter)


class Group(Command, click.Group):
    """A group whose help is a catalogue key, and whose commands and groups are ours too."""

    command_class = Command
    group_class = type


def command(name: str | None = None, *, help: str, **attrs):
    return click.command(name, cls=Command, help=help, **attrs)


def group(name: str | None = None, *, help: str, cls: type[Group] = Group, **attrs):
    return click.group(name, cls=cls, help=help, **attrs)


def option(*names: str, **attrs):
    return click.option(*names, cls=Option, **attrs)
