"""Attach an evidence link (a web page or a file path) to a required-contents item."""

from ita_tui.core.model import ChecklistItem
from ita_tui.screens.form import FormScreen
from ita_tui.widgets.plain_fields import Input


class EvidenceForm(FormScreen[bool | None]):
    initial_focus = "evidence-link"
    title_key = "evidence.title"

    def __init__(self, content: ChecklistItem) -> None:
        self.content = content
        super().__init__()

    def fields(self):
        yield from self.field(
            "evidence.item", Input(self.content.text, id="evidence-item", disabled=True)
        )
        yield from self.field(
            "evidence.link",
            Input(self.content.evidence or "", id="evidence-link", placeholder="https://"),
        )

    def save(self) -> bool:
        assert self.content.id is not None
        self.desk.set_evidence(self.content.id, self.query_one("#evidence-link", Input).value)
        return True
