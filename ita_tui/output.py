"""What the command line prints. Every line goes through here, so that nothing stored (a title,
a note, a login) reaches a terminal as a control sequence: people's words are made visible
(␛), data (JSON, TOML) keeps its characters as escapes."""

import json
import sys
from collections.abc import Iterable

import click

from ita_tui.text import escaped_in_data, visible


def say(text: str = "", *, err: bool = False, nl: bool = True) -> None:
    click.echo(visible(text), err=err, nl=nl)


def say_data(text: str, *, nl: bool = True) -> None:
    """JSON or TOML for a script: every character kept, none raw that a terminal acts on."""
    click.echo(escaped_in_data(text), nl=nl)


def say_json(value: object) -> None:
    # One line, for scripts: without indentation the json module encodes in C, ten times faster
    # on a national list. Pipe it through `python -m json.tool` to read it.
    say_data(json.dumps(value, ensure_ascii=False, default=str))


def say_json_items(items: Iterable[str]) -> None:
    """A JSON array written as its items come (a national list is never held whole)."""
    out = sys.stdout
    out.write("[")
    for number, item in enumerate(items):
        item = escaped_in_data(item)
        out.write("," + item if number else item)
    out.write("]\n")


def ask_hidden(prompt: str) -> str:
    return click.prompt(visible(prompt), hide_input=True, err=True)
