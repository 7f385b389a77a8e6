"""Confirm or correct one OIT item of a year's list from section 7: its name and the
sub-indicator it counts in, as the agency reads them in the NACC manual. The change makes the
year's list the agency's own (as `ita-tui oit import` does), journaled and in its snapshot."""

from ita_tui.core import oit
from ita_tui.core.errors import UserError
from ita_tui.core.text import normalise
from ita_tui.screens.form import FormScreen
from ita_tui.widgets.plain_fields import Checkbox, Input, Select


class OitItemForm(FormScreen[str | None]):
    title_key = "oit_item_form.title"

    def __init__(self, catalogue: oit.Catalogue, code: str) -> None:
        self.catalogue = catalogue
        self.item = catalogue.item(code)
        super().__init__()

    def fields(self):
        item = self.item
        yield from self.field(
            "",
            Input(item.shown_code, id="oit-code", disabled=True),
            label=self.t("oit_item_form.code"),
        )
        yield from self.field("oit_item_form.name", Input(item.name, id="oit-name"))
        subs = [(f"{code} {name}", code) for code, name in self.catalogue.sub_indicators]
        yield from self.field(
            "oit_item_form.sub_indicator",
            Select(subs, value=item.sub_indicator, id="oit-sub", allow_blank=False),
        )
        yield from self.field(
            "",
            Checkbox(self.t("oit_item_form.confirmed"), False, id="oit-confirmed"),
            label=self.t("oit_item_form.confirm_label"),
        )

    def save(self) -> str:
        name = normalise(self.query_one("#oit-name", Input).value).strip()
        if not name:
            raise UserError("oit_item_form.need_name")
        sub = str(self.query_one("#oit-sub", Select).value)
        confirmed = self.query_one("#oit-confirmed", Checkbox).value
        document = oit.catalogue_document(self.catalogue)
        for row in document["items"]:
            if row["code"] == self.item.shown_code:
                row.update(name=name, sub_indicator=sub)
                # What the agency confirms or corrects is known from its own reading now.
                if confirmed or name != self.item.name:
                    row.pop("provisional_name", None)
                    row["known"]["name"] = oit.AGENCY
                if confirmed or sub != self.item.sub_indicator:
                    row["known"]["sub_indicator"] = oit.AGENCY
        if confirmed:
            for row in document["sub_indicators"]:
                if row["code"] == sub:
                    row.pop("provisional", None)
        checked = oit.parse_catalogue(document, self.t("oit_item_form.title"))
        self.desk.save_oit_lists([oit.catalogue_document(checked)])
        return self.item.code
