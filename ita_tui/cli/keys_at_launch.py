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
import sys

try:
    import termios
except ImportError:  # Windows: its console hands keys over as they are typed
    termios = None  # type: ignore[assignment]

_held: tuple[int, list] | None = None


def hold() -> None:
    """The terminal passes keys on as typed, unshown, from now on; nothing typed is flushed."""
    global _held
    if termios is None or _held is not None:
        return
    try:
        descriptor = sys.stdin.fileno()
        if not sys.stdin.isatty():
            return
        before = termios.tcgetattr(descriptor)
    except (OSError, ValueError, termios.error):
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
    except termios.error:
        return
    _held = (descriptor, before)


def give_back() -> None:
    """The terminal as it was before `hold`, what was typed still waiting to be read."""
    global _held
    if termios is None or _held is None:
        return
    descriptor, before = _held
    _held = None
    with contextlib.suppress(termios.error):
        termios.tcsetattr(descriptor, termios.TCSANOW, before)
