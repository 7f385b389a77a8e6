"""`ita-tui` as started from a shell: the installed command and `python -m ita_tui`."""

from ita_tui.cli import keys_at_launch
from ita_tui.core import collector


def main() -> None:
    keys_at_launch.hold()
    collector.pause_while_starting()
    try:
        from ita_tui.cli import main as run

        run()
    except KeyboardInterrupt:  # Ctrl+C while the commands are still being imported
        raise SystemExit(130) from None
    finally:
        keys_at_launch.give_back()


if __name__ == "__main__":
    main()
