"""The app in a browser: textual-serve runs one app process per browser session, each on the
same database file, which SQLite shares safely between them."""

import base64
import hashlib
import ipaddress
import re
import shlex
import string
import sys
from dataclasses import dataclass
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


@dataclass(frozen=True)
class SessionLimits:
    """How many apps at once, how many of them from one address, and the minutes a session may
    sit without a key, a click or a resize (the settings' max_sessions, max_sessions_per_client
    and idle_minutes)."""

    total: int = 30
    per_client: int = 5
    idle_minutes: float = 30


def origins(url: str, given: bool) -> frozenset[str]:
    """The Origin a browser sends from the page: the public address's. Without --public-url
    the server is on loopback, where the same page is reached by name or by number."""
    parts = urlsplit(url)
    own = {f"{parts.scheme}://{parts.netloc}".lower()}
    if not given and parts.port is not None:
        own |= {f"http://{name}:{parts.port}" for name in ("localhost", "127.0.0.1", "[::1]")}
    return frozenset(own)


def inline_script_hashes() -> list[str]:
    """The page's own inline scripts, by hash: the only ones the policy lets run."""
    page = (PAGE_FOLDER / "app_index.html").read_text("utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    ]


def security_headers(url: str) -> dict[str, str]:
    """Sent with every response: the page runs only its own scripts and textual-serve's, talks
    only to its own server, and is shown in no other site's frame."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    socket = f"{'wss' if parts.scheme == 'https' else 'ws'}://{parts.netloc}"
    policy = "; ".join(
        [
            "default-src 'none'",
            f"script-src 'self' {origin} {' '.join(inline_script_hashes())}",
            f"style-src 'self' {origin} 'unsafe-inline'",
            f"font-src 'self' {origin}",
            f"img-src 'self' {origin} data:",
            f"connect-src 'self' {origin} {socket}",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    return {
        "Content-Security-Policy": policy,
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }


# What a browser sends when someone uses the app; a ping only says the tab is open.
_ACTIVITY = ("stdin", "resize", "focus", "blur")


def run(command: str, host: str, port: int, url: str, limits: SessionLimits, given: bool) -> None:
    import asyncio

    from aiohttp import WSMsgType, web
    from textual_serve.server import Server

    allowed_origins = origins(url, given)
    headers = security_headers(url)
    idle_seconds = limits.idle_minutes * 60

    class _Server(Server):
        """textual-serve's server, with the page built from `url` whatever the request says,
        its terminal in a font that draws Thai in a terminal's cells, at most `limits.total`
        apps at once and `limits.per_client` from one address, websockets only from the
        page's own origin, sessions ended when idle, and the security headers on every
        response."""

        sessions = 0
        by_client: dict[str, int] = {}

        async def _make_app(self) -> web.Application:
            app = await Server._make_app(self)
            app.router.add_static("/fonts", PAGE_FOLDER / "fonts")

            async def add_headers(request: web.Request, response: web.StreamResponse) -> None:
                response.headers.update(headers)

            app.on_response_prepare.append(add_headers)
            return app

        def _full(self) -> web.Response:
            return web.Response(
                status=503,
                text=FULL_PAGE.substitute(sessions=limits.total),
                content_type="text/html",
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )

        async def handle_index(self, request):
            if self.sessions >= limits.total:
                return self._full()
            return await Server.handle_index(self, request)

        async def handle_websocket(self, request):
            # A page of another site may open a websocket here with the user's browser; only
            # the page's own origin may (a browser always says which it is).
            if request.headers.get("Origin", "").lower() not in allowed_origins:
                return web.Response(status=403, text="Forbidden: foreign origin\n")
            # Checked again here: a page loaded while there was room may connect when there is
            # none, and a script may connect without a page.
            client = request.remote or "?"
            if self.sessions >= limits.total or self.by_client.get(client, 0) >= limits.per_client:
                return self._full()
            self.sessions += 1
            self.by_client[client] = self.by_client.get(client, 0) + 1
            try:
                return await Server.handle_websocket(self, request)
            finally:
                self.sessions -= 1
                self.by_client[client] -= 1
                if not self.by_client[client]:
                    del self.by_client[client]

        async def _process_messages(self, websocket, app_service) -> None:
            """textual-serve's loop, ended when nobody has used the session for the idle time:
            its app process, and its place, are freed."""
            loop = asyncio.get_running_loop()
            last_used = loop.time()
            while True:
                left = last_used + idle_seconds - loop.time()
                # Checked before waiting as well: a tab that pings faster than the time left
                # would otherwise never let the wait run out.
                if left <= 0:
                    await websocket.close(code=4000, message=b"idle")
                    return
                try:
                    message = await websocket.receive(timeout=left)
                except TimeoutError:
                    await websocket.close(code=4000, message=b"idle")
                    return
                if message.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED):
                    return
                if message.type == WSMsgType.ERROR:
                    return
                if message.type != WSMsgType.TEXT:
                    continue
                envelope = message.json()
                if not isinstance(envelope, list) or not envelope:
                    continue
                kind = envelope[0]
                if kind in _ACTIVITY:
                    last_used = loop.time()
                if kind == "stdin":
                    await app_service.send_bytes(str(envelope[1]).encode("utf-8"))
                elif kind == "resize":
                    size = envelope[1]
                    await app_service.set_terminal_size(size["width"], size["height"])
                elif kind == "ping":
                    await websocket.send_json(["pong", envelope[1]])
                elif kind == "blur":
                    await app_service.blur()
                elif kind == "focus":
                    await app_service.focus()

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
