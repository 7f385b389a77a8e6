"""The app in a browser: textual-serve runs one app process per browser session, each on the
same database file, which SQLite shares safely between them."""

import ipaddress
import shlex
import string
import sys
from pathlib import Path
from urllib.parse import urlsplit

from ita_tui.core.errors import UserError

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


def public_url(host: str, port: int, given: str | None) -> str:
    """The address browsers use, as the page will name it: the one the administrator gives,
    required when the server listens beyond this machine (the request's Host header is the
    browser's word, not ours); else this machine's own."""
    if given is None:
        if not is_loopback(host):
            raise UserError("serve.need_public_url", host=host)
        return f"http://{f'[{host}]' if ':' in host else host}:{port}"
    parts = urlsplit(given)
    unsafe = any(c.isspace() or c in _NOT_IN_A_PAGE or not c.isprintable() for c in given)
    if (
        unsafe
        or parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.username
        or parts.query
        or parts.fragment
    ):
        raise UserError("serve.bad_public_url", value=given)
    return given.rstrip("/")


# Characters a URL never needs and an HTML attribute must not meet.
_NOT_IN_A_PAGE = set("\"<>\\`{}|^'")

FULL_PAGE = string.Template("""<!DOCTYPE html>
<html lang="th">
<head><meta charset="utf-8"><title>ita-tui</title>
<style>body { font-family: sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.6; }</style>
</head>
<body>
<h1>ระบบมีผู้ใช้เต็มแล้ว</h1>
<p>ขณะนี้มีผู้ใช้ครบ $sessions คนตามที่ตั้งไว้ กรุณาลองใหม่อีกครั้งในอีกสักครู่
หรือแจ้งผู้ดูแลระบบหากต้องใช้งานพร้อมกันมากกว่านี้</p>
<h1 lang="en">The server is full</h1>
<p lang="en">All $sessions sessions it allows are in use. Please try again in a moment, or ask the
administrator if more people need it at once.</p>
</body>
</html>
""")
# How long a browser turned away should wait before trying again.
RETRY_AFTER_SECONDS = 30


# The page (textual-serve's, in a font that draws Thai in a terminal's cells) and the font,
# served beside textual-serve's own files: web/fonts/README.md says which and under what licence.
PAGE_FOLDER = Path(__file__).parent.parent / "web"


def run(command: str, host: str, port: int, url: str, max_sessions: int) -> None:
    from aiohttp import web
    from textual_serve.server import Server

    class _Server(Server):
        """textual-serve's server, with the page built from `url` whatever the request says,
        its terminal in a font that draws Thai in a terminal's cells, and at most
        `max_sessions` apps at once: each is a process of about 45 MB."""

        sessions = 0

        async def _make_app(self) -> web.Application:
            app = await Server._make_app(self)
            app.router.add_static("/fonts", PAGE_FOLDER / "fonts")
            return app

        def _full(self) -> web.Response:
            return web.Response(
                status=503,
                text=FULL_PAGE.substitute(sessions=max_sessions),
                content_type="text/html",
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )

        async def handle_index(self, request):
            if self.sessions >= max_sessions:
                return self._full()
            return await Server.handle_index(self, request)

        async def handle_websocket(self, request):
            # Checked again here: a page loaded while there was room may connect when there is
            # none, and a script may connect without a page.
            if self.sessions >= max_sessions:
                return self._full()
            self.sessions += 1
            try:
                return await Server.handle_websocket(self, request)
            finally:
                self.sessions -= 1

    try:
        _Server(
            command,
            host=host,
            port=port,
            title="ita-tui",
            public_url=url,
            templates_path=PAGE_FOLDER,
        ).serve()
    except OSError as error:
        # Taken by another program, or an address this machine does not have.
        raise UserError(
            "serve.cannot_listen", host=host, port=port, reason=error.strerror or str(error)
        ) from None
