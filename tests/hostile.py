"""The hostile corpus: strings that have broken tools like ita-tui, for every place that stores,
shows or writes text. `tests/corpus/hostile_strings.toml` is the shared corpus as given;
`hostile_extra.toml` holds our own cases."""

import tomllib
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).with_name("corpus")


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    refuse: bool = False
    stored: str | None = None

    @property
    def expected(self) -> str:
        """What is kept once the text is accepted."""
        return self.stored if self.stored is not None else self.text

    @property
    def one_line(self) -> bool:
        return "\n" not in self.text and "\r" not in self.text and "\t" not in self.text


def cases() -> list[Case]:
    found = []
    for name in ("hostile_strings.toml", "hostile_extra.toml"):
        document = tomllib.loads((CORPUS / name).read_text("utf-8"))
        found.extend(Case(**case) for case in document["case"])
    return found


ACCEPTED = [case for case in cases() if not case.refuse]
REFUSED = [case for case in cases() if case.refuse]
ONE_LINE = [case for case in ACCEPTED if case.one_line]
