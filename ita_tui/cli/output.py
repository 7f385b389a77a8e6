"""What the command line prints. Every line goes through here, so that nothing stored (a title,
a note, a login) reaches a terminal as a control sequence: people's words are made visible
(␛), data (JSON, TOML) keeps its characters as escapes."""

import json
import sys
from collections.abc import Iterable
from itertools import islice

import click

from ita_tui.core.text import escaped_in_data, visible


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
    """A JSON array written as its items come (a national list is never held whole), a batch of
    them at a time: one write and one escape per item would cost more than the query."""
    out = sys.stdout
    items = iter(items)
    separator = "["
    while batch := list(islice(items, _ITEMS_PER_WRITE)):
        out.write(escaped_in_data(separator + ",".join(batch)))
        separator = ","
    out.write("[]\n" if separator == "[" else "]\n")


_ITEMS_PER_WRITE = 200


def ask_hidden(prompt: str) -> str:
    return click.prompt(visible(prompt), hide_input=True, err=True)
