"""`serve`: the app in browsers, each session its own app process on this database."""

import click

from ita_tui.cli.group import Context
from ita_tui.cli.language import command, option
from ita_tui.cli.output import say


@command(help="help.serve")
@option("--host", default="127.0.0.1", show_default=True, help="help.serve.host")
@option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="help.serve.port"
)
@option(
    "--public-url",
    metavar="URL",
    help="help.serve.public_url",
)
@click.pass_obj
def serve(context: Context, host: str, port: int, public_url: str | None) -> None:
    from ita_tui.cli import serve_stack
    from ita_tui.cli import served_app as server

    url = server.public_url(host, port, public_url)
    serve_stack.require()
    from ita_tui.files.modes import exposed_files

    desk = context.desk(whole_database=True)
    login_required = desk.login_required()
    desk.close()
    if not server.is_loopback(host) and not login_required:
        say(context.t("serve.open_network", host=host), err=True)
    if login_required:
        for path, mode in exposed_files(context.database):
            say(context.t("serve.readable_by_others", path=str(path), mode=f"{mode:o}"), err=True)
    # An address is typed as it is shown: its port stays in Arabic digits.
    say(context.t("serve.starting", url=url, host=host, port=port), err=True)
    command = server.app_command(context.database, context.lang, context.digits, context.agency)
    settings = context.settings
    limits = server.SessionLimits(
        settings.max_sessions, settings.max_sessions_per_client, settings.idle_minutes
    )
    server.run(command, host, port, url, limits, public_url is not None)
