"""The one exception a user can cause: it carries a catalogue key, not a sentence,
so that every surface (CLI, app) can say it in the user's language."""


class UserError(Exception):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str) -> str:
        from ita_tui.i18n import translate

        return translate(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")
