"""Progress on long commands: a Rich bar on standard error when it is a terminal, nothing when
it is not (a pipe, a cron log) or with --quiet. The lower layers report through
ita_tui.core.progress and never import Rich; Rich is imported only when a bar is drawn.

A busy database (another officer's import holding the write lock) is said too: on a terminal as a
bar of the seconds waited against the limit, elsewhere as one line, so that a script's log says
why a command took half a minute."""

import contextlib
import sys
import time
from collections.abc import Iterator
from typing import Any

from ita_tui.cli.output import say
from ita_tui.core import progress
from ita_tui.core.i18n import translate
from ita_tui.core.thai_calendar import with_digits

# A bar for work that ends sooner would only flicker.
SHOW_AFTER_SECONDS = 0.3


class _Bar:
    """Rich's Progress, started at the first report that comes after SHOW_AFTER_SECONDS."""

    def __init__(self, lang: str, digits: str) -> None:
        self.lang, self.digits = lang, digits
        self.started = time.monotonic()
        self.shown: Any = None
        self.tasks: dict[str, Any] = {}

    def _progress(self) -> Any:
        if self.shown is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self.shown = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
                # What the command prints meanwhile goes above the bar; data sent down a pipe
                # stays in the pipe.
                redirect_stdout=sys.stdout.isatty(),
            )
            self.shown.start()
        return self.shown

    def step(self, stage: str, done: int, total: int | None) -> None:
        if self.shown is None and time.monotonic() - self.started < SHOW_AFTER_SECONDS:
            return
        shown = self._progress()
        if stage not in self.tasks:
            self.tasks[stage] = shown.add_task(translate(stage, self.lang), total=total)
        shown.update(self.tasks[stage], completed=done, total=total)

    def waiting(self, waited: float, limit: float) -> None:
        shown = self._progress()
        description = _busy(self.lang, self.digits, limit)
        if "busy" not in self.tasks:
            self.tasks["busy"] = shown.add_task(description, total=round(limit))
        shown.update(self.tasks["busy"], completed=min(round(waited), round(limit)))

    def close(self) -> None:
        if self.shown is not None:
            self.shown.stop()


class _Lines:
    """Not a terminal: no bar; a busy database is said once, with how long it may wait."""

    def __init__(self, lang: str, digits: str) -> None:
        self.lang, self.digits = lang, digits
        self.said_busy = False

    def step(self, stage: str, done: int, total: int | None) -> None:
        pass

    def waiting(self, waited: float, limit: float) -> None:
        if not self.said_busy:
            self.said_busy = True
            say(_busy(self.lang, self.digits, limit), err=True)


def _busy(lang: str, digits: str, limit: float) -> str:
    return translate("progress.busy", lang, limit=with_digits(str(round(limit)), digits))


@contextlib.contextmanager
def shown(lang: str, quiet: bool = False, digits: str = "arabic") -> Iterator[None]:
    """Long work inside is shown as it goes, as this module's docstring says."""
    if quiet:
        with progress.listening(None):
            yield
        return
    if not sys.stderr.isatty():
        with progress.listening(_Lines(lang, digits)):
            yield
        return
    bar = _Bar(lang, digits)
    try:
        with progress.listening(bar):
            yield
    finally:
        bar.close()
