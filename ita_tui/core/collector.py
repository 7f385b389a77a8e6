"""Python's cycle collector while the program starts.

Starting, the program imports its modules and builds the first screen: hundreds of thousands of
objects that live as long as it does, which the collector goes through again and again, some
30 ms of every launch before anything shows. So `ita-tui`, as started from a shell
(`ita_tui.__main__`), pauses the collector first; a command turns it on again as its own work
begins (`ita_tui.cli.group`), the app once its first frame is drawn (`ita_tui.app`). What was
made meanwhile is then set apart from the collector's rounds (`gc.freeze`): otherwise its first
round would go through all of it at once, a pause in the first keys typed. A program that
imports ita-tui keeps its collector as it was."""

import gc

_paused_at_start = False


def pause_while_starting() -> None:
    global _paused_at_start
    if gc.isenabled():
        gc.disable()
        _paused_at_start = True


def started() -> None:
    """The start is over: the collector runs again, if it was paused for the start."""
    global _paused_at_start
    if _paused_at_start:
        _paused_at_start = False
        gc.freeze()
        gc.enable()
