"""The app in a browser: textual-serve runs one app process per browser session, each on the
same database file, which SQLite shares safely between them."""

import ipaddress
import shlex
import sys
from pathlib import Path

from ita_tui.errors import UserError

LOOPBACK_NAMES = {"localhost", "localhost.localdomain"}


def is_loopback(host: str) -> bool:
    if host.casefold() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def app_command(database: Path, lang: str, digits: str, agency: str | None) -> str:
    """The command each browser session runs: this Python, this package, this database."""
    words = [sys.executable, "-m", "ita_tui", "--served", "--db", str(database.resolve())]
    words += ["--lang", lang, "--digits", digits]
    if agency:
        words += ["--agency", agency]
    return shlex.join(words)


def run(command: str, host: str, port: int, public_url: str | None) -> None:
    from textual_serve.server import Server

    class _Server(Server):
        async def handle_index(self, request):
            # The page tells the browser where to open its websocket; bound to every address,
            # only the address the browser came by is one it can reach.
            self.public_url = public_url or f"{request.scheme}://{request.host}"
            return await Server.handle_index(self, request)

    try:
        _Server(command, host=host, port=port, title="ita-tui", public_url=public_url).serve()
    except OSError as error:
        # Taken by another program, or an address this machine does not have.
        raise UserError(
            "serve.cannot_listen", host=host, port=port, reason=error.strerror or str(error)
        ) from None
