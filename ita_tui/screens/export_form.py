"""Write the TOML status snapshot from the app."""

from pathlib import Path

from ita_tui import snapshot
from ita_tui.errors import UserError
from ita_tui.screens.form import Collector, FormScreen
from ita_tui.thai_calendar import parse_date
from ita_tui.widgets.plain import Input


class ExportForm(FormScreen[None]):
    title_key = "export.title"

    def fields(self):
        app = self.app
        default_name = f"ita-snapshot-{app.as_of.isoformat()}.toml"
        yield from self.field("export.file", Input(default_name, id="export-file"))
        yield from self.field(
            "export.as_of", Input(app.day(app.as_of), id="export-as-of"), "form.date_hint"
        )

    def save(self) -> None:
        collector = Collector()
        day = collector.read(
            "export-as-of", parse_date, self.query_one("#export-as-of", Input).value
        )
        name = self.query_one("#export-file", Input).value.strip()
        collector.check()
        path = Path(name or "ita-snapshot.toml").expanduser()
        if self.app.agency is None:
            raise UserError("agency.none")

        snapshot.export(self.app.db, str(path), day, self.app.agency["name"])
        self.app.notify(self.t("export.done", path=str(path.resolve())), timeout=8)
