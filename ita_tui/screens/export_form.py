"""Write the TOML status snapshot from the app: into the output folder, or to the browser."""

from ita_tui.core.errors import UserError
from ita_tui.core.thai_calendar import parse_date
from ita_tui.screens.form import Collector, FormScreen
from ita_tui.widgets.plain_fields import Input


class ExportForm(FormScreen[None]):
    title_key = "export.title"

    def fields(self):
        app = self.app
        default_name = f"ita-snapshot-{app.as_of.isoformat()}.toml"
        yield from self.field(
            "export.file", Input(default_name, id="export-file"), hint=app.where_files_go()
        )
        yield from self.field(
            "export.as_of", Input(app.day(app.as_of), id="export-as-of"), "form.date_hint"
        )

    def save(self) -> None:
        collector = Collector()
        day = collector.read(
            "export-as-of", parse_date, self.query_one("#export-as-of", Input).value
        )
        collector.check()
        if self.desk.agency is None:
            raise UserError("agency.none_in_app")
        text = self.desk.snapshot(day)
        self.app.save_user_file(
            self.query_one("#export-file", Input).value, text, (".toml",), "export.done"
        )
