"""Where the agency publishes one OIT item for an assessment year, from section 7: the address
the assessors will open (`ita-tui links` and section 7's link list check it)."""

from ita_tui.screens.form import FormScreen
from ita_tui.widgets.plain_fields import Input


class PublishedAddressForm(FormScreen[str | None]):
    initial_focus = "published-url"
    title_key = "published_address.title"

    def __init__(self, year: int, code: str, shown_code: str, url: str) -> None:
        self.year = year
        self.code = code
        self.shown_code = shown_code
        self.url = url
        super().__init__()

    def fields(self):
        item = self.t("links.place.published", item=self.shown_code, year=self.app.num(self.year))
        yield from self.field(
            "published_address.item", Input(item, id="published-item", disabled=True)
        )
        yield from self.field(
            "published_address.url",
            Input(self.url, id="published-url", placeholder="https://"),
            hint_key="published_address.hint",
        )

    def save(self) -> str:
        url = self.query_one("#published-url", Input).value
        return self.desk.set_published_address(self.year, self.code, url)
