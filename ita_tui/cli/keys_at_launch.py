"""Keys typed while `ita-tui` starts, before the app has the terminal.

Until Textual sets the terminal up, it is as the shell left it: it shows each key typed on the
shell's screen, holds a line back until Enter, turns Enter into a line feed (Ctrl+J to the
app) and Ctrl+S into a pause of the output. An officer who types `3`, Enter, `p` the moment they start the app had their keys shown
under the prompt and Enter lost. So `ita-tui`, started from a shell (`ita_tui.__main__`), first
has the terminal pass each key on as typed, unshown and untouched (Ctrl+C still interrupts); the
app reads them once it is up. A command other than the app gives the terminal back as it was as
soon as it is known (`ita_tui.cli.group`), so that its prompts read lines as usual; the start
gives it back in any case when the program ends.

It comes before anything heavy is imported (which is why `ita_tui.cli` imports its commands only
when they are asked for): every key typed in that time is one the terminal would otherwise have
mangled."""

import contextlib
import os
import signal
import sys

try:
    import termios
except ImportError:  # Windows: its console hands keys over as they are typed
    termios = None  # type: ignore[assignment]

# The terminal as it was, the terminal as held, and the signal handlers replaced meanwhile.
_held: tuple[int, list, list] | None = None
_handlers: dict[int, object] = {}
# Ended by these, the program would leave the terminal held: it is given back first.
_ENDING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGQUIT") if hasattr(signal, name)
)


def _in_the_foreground(descriptor: int) -> bool:
    """Whether this program may set the terminal up: a job in the background that tried would
    be stopped by the shell (SIGTTOU), and its keys are not the user's anyway."""
    try:
        return os.tcgetpgrp(descriptor) == os.getpgrp()
    except OSError:  # not this program's controlling terminal: setting it stops nothing
        return True


def hold() -> None:
    """The terminal passes keys on as typed, unshown, from now on; nothing typed is flushed.
    Only for a program in the foreground of a terminal it both reads and writes: not for a job
    in the background, nor for `ita-tui … | less`, whose pager takes the terminal as it finds it
    and would keep it so."""
    global _held
    if termios is None or _held is not None:
        return
    try:
        descriptor = sys.stdin.fileno()
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            return
        if not _in_the_foreground(descriptor):
            return
        before = termios.tcgetattr(descriptor)
    except (OSError, ValueError, AttributeError, termios.error):
        return
    passing = termios.tcgetattr(descriptor)
    # Enter stays Enter; Ctrl+S and Ctrl+Q are keys, not a pause of the output.
    passing[0] &= ~(termios.ICRNL | termios.IXON)
    # Key by key, unshown, Ctrl+V a key too; Ctrl+C still interrupts.
    passing[3] &= ~(termios.ICANON | termios.ECHO | termios.IEXTEN)
    passing[6][termios.VMIN] = 1
    passing[6][termios.VTIME] = 0
    try:
        termios.tcsetattr(descriptor, termios.TCSANOW, passing)
        held_as = termios.tcgetattr(descriptor)
    except termios.error:
        return
    _held = (descriptor, before, held_as)
    for ending in _ENDING_SIGNALS:
        if signal.getsignal(ending) is signal.SIG_DFL:
            _handlers[ending] = signal.signal(ending, _given_back_then_ended)


def _given_back_then_ended(number: int, frame: object) -> None:
    give_back()
    signal.signal(number, signal.SIG_DFL)
    os.kill(os.getpid(), number)


def give_back() -> None:
    """The terminal as it was before `hold`, what was typed still waiting to be read; unless
    another program has set it otherwise since, whose setting is left alone."""
    global _held
    if termios is None or _held is None:
        return
    descriptor, before, held_as = _held
    _held = None
    for ending, handler in _handlers.items():
        with contextlib.suppress(ValueError, TypeError):
            signal.signal(ending, handler)  # type: ignore[arg-type]
    _handlers.clear()
    with contextlib.suppress(OSError, termios.error):
        if termios.tcgetattr(descriptor) == held_as:
            termios.tcsetattr(descriptor, termios.TCSANOW, before)
