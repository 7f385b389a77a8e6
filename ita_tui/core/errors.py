"""The one exception a user can meet: it carries a catalogue key, not a sentence, so that every
surface (CLI, app) can say it in the user's language, and says whether the user caused it, so
that a script can tell a typo from a failure (the command line's exit codes)."""

EXIT_FAILURE = 1
EXIT_USAGE = 2

# Refusals the user did not cause: the command was right, but the system would not let it finish
# (the database busy past the timeout, a full or failing disk, a write refused, a port taken, a
# part not installed), or ita-tui itself failed. Trying again later or mending the machine helps;
# changing the command does not. Every other refusal is a usage or input error.
FAILURES = frozenset(
    {
        "db.busy",
        "db.disk_full",
        "db.read_only",
        "db.cannot_open",
        "db.cannot_create",
        "db.failed",
        "db.constraint",
        "db.upgrade_failed",
        "file.unwritable",
        "file.write_failed",
        "file.failed",
        "file.no_output_folder",
        "share.not_allowed",
        "serve.cannot_listen",
        "serve.missing",
    }
)


class UserError(Exception):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str) -> str:
        from ita_tui.core.i18n import translate

        return translate(self.key, lang, **self.params)

    @property
    def exit_code(self) -> int:
        """1 for a failure the user did not cause, 2 for a usage or input error."""
        return EXIT_FAILURE if self.key in FAILURES else EXIT_USAGE

    def __str__(self) -> str:
        return self.message("en")
