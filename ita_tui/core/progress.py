"""How far long work has got, told to whoever listens.

The lower layers (the store, the documents) call `step` as they go and `waiting` while the
database is busy with another writer; the command line listens and draws a bar on a terminal
(ita_tui/cli/progress.py). Nobody listens in the app or in a library call, and then a report
costs one context-variable lookup. A stage is a message key ("progress.measures"), so that the
listener says it in the user's language; nothing here knows a terminal."""

import contextlib
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from typing import Protocol, TypeVar

T = TypeVar("T")


class Listener(Protocol):
    def step(self, stage: str, done: int, total: int | None) -> None:
        """`done` of `total` units of `stage` are done (total None: not known)."""

    def waiting(self, waited: float, limit: float) -> None:
        """The database has been busy for `waited` seconds; the wait ends at `limit`."""


_listener: ContextVar[Listener | None] = ContextVar("ita_tui_progress", default=None)


def listened() -> bool:
    return _listener.get() is not None


def step(stage: str, done: int, total: int | None = None) -> None:
    listener = _listener.get()
    if listener is not None:
        listener.step(stage, done, total)


def waiting(waited: float, limit: float) -> None:
    listener = _listener.get()
    if listener is not None:
        listener.waiting(waited, limit)


def counted(items: Sequence[T], stage: str) -> Iterator[T]:
    """The items, each reported as done once the caller has finished with it."""
    total = len(items)
    step(stage, 0, total)
    for done, item in enumerate(items, start=1):
        yield item
        step(stage, done, total)


@contextlib.contextmanager
def listening(listener: Listener | None) -> Iterator[None]:
    """Reports inside go to `listener`; None silences them (the app, which owns the terminal)."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)
