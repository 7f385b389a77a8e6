"""`ita-tui` as started from a shell: the installed command and `python -m ita_tui`."""

from ita_tui.core import collector


def main() -> None:
    collector.pause_while_starting()
    from ita_tui.cli import main as run

    run()


if __name__ == "__main__":
    main()
