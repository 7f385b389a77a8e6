"""`ita-tui serve` over plain HTTP, on a free loopback port: the page names the address the
administrator gave, never the one a request claims; past the session cap, a page says the server
is full."""

import asyncio
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import aiohttp
import pytest

import ita_tui
from ita_tui.app import SERVED_HEADER_ICON
from tests.test_serve_browser import _free_port, _wait_for_port

FONTS = Path(ita_tui.__file__).parent / "web" / "fonts"


@pytest.fixture
def start_server(sample_db, tmp_path):
    """Start `ita-tui serve` on a free loopback port; the settings file says how many sessions."""
    started = []

    def start(*options: str, max_sessions: int | None = None, **more: object) -> int:
        settings = tmp_path / "settings.toml"
        lines = [] if max_sessions is None else [f"max_sessions = {max_sessions}"]
        lines += [f"{key} = {value}" for key, value in more.items()]
        if lines:
            settings.write_text("\n".join(lines) + "\n", "utf-8")
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "ita_tui", "--db", str(sample_db), "serve"]
            + ["--port", str(port), *options],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        started.append(server)
        _wait_for_port(port, server)
        return port

    yield start
    for server in started:
        server.terminate()
        server.wait(timeout=10)


def _get_bytes(port: int, path: str = "/", host_header: str | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if host_header:
        request.add_header("Host", host_header)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _get(port: int, host_header: str | None = None) -> tuple[int, str]:
    status, body = _get_bytes(port, host_header=host_header)
    return status, body.decode("utf-8")


def test_the_page_ignores_the_host_header(start_server):
    port = start_server()
    status, page = _get(port, host_header="evil.example:666")
    assert status == 200
    assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in page
    assert "evil.example" not in page


def test_the_page_is_built_from_the_public_url(start_server):
    port = start_server("--public-url", "https://ita.example.go.th/")
    status, page = _get(port, host_header="evil.example")
    assert status == 200
    assert 'data-session-websocket-url="wss://ita.example.go.th/ws"' in page
    assert "https://ita.example.go.th/static/js/textual.js" in page
    assert "evil.example" not in page


def test_the_page_brings_its_thai_font_and_its_licence(start_server):
    port = start_server("--public-url", "https://ita.example.go.th/")
    status, page = _get(port)
    assert status == 200
    # Found where textual-serve's own files are, from the public address; nothing from the
    # internet (an office network may have none).
    assert "https://ita.example.go.th/static/../fonts/TlwgTypo.ttf" in page
    assert "https://ita.example.go.th/static/../fonts/TlwgTypo-Bold.ttf" in page
    assert "googleapis" not in page
    for name in ("TlwgTypo.ttf", "TlwgTypo-Bold.ttf", "README.md", "GPL-2"):
        status, body = _get_bytes(port, f"/fonts/{name}")
        assert (status, body) == (200, (FONTS / name).read_bytes())
    status, licence = _get_bytes(port, "/fonts/README.md")
    assert b"As a special exception, if you create a document which uses this font" in licence


def test_the_page_font_has_every_thai_letter_the_app_shows():
    """Every Thai character of the messages, of the sample plan and the header's icon in the
    browser is in the font, regular and bold: none falls back to whatever the browser has."""
    from fontTools.ttLib import TTFont

    package = Path(ita_tui.__file__).parent
    texts = [SERVED_HEADER_ICON, (package / "data" / "sample_plan.toml").read_text("utf-8")]
    texts += [path.read_text("utf-8") for path in package.glob("locale/*/LC_MESSAGES/*.po")]
    thai = {character for text in texts for character in text if "\u0e00" <= character <= "\u0e7f"}
    assert len(thai) > 60
    for name in ("TlwgTypo.ttf", "TlwgTypo-Bold.ttf"):
        has = TTFont(FONTS / name).getBestCmap()
        assert sorted(c for c in thai if ord(c) not in has) == [], name


def _own(port: int) -> dict[str, str]:
    """What a browser on the page sends with its websocket."""
    return {"Origin": f"http://127.0.0.1:{port}"}


async def _sessions(port: int, count: int) -> list:
    client = aiohttp.ClientSession()
    opened = []
    for _ in range(count):
        opened.append(
            await client.ws_connect(
                f"http://127.0.0.1:{port}/ws?width=80&height=24", headers=_own(port)
            )
        )
    return [client, *opened]


def test_past_the_session_cap_a_page_says_the_server_is_full(start_server):
    port = start_server(max_sessions=2)

    async def scenario() -> None:
        client, first, second = await _sessions(port, 2)
        try:
            await first.receive(timeout=30)  # the app has started and drawn
            status, page = _get(port)
            assert status == 503
            assert "เต็ม" in page and "full" in page
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(f"http://127.0.0.1:{port}/ws", headers=_own(port))
            assert refused.value.status == 503
            await first.close()
            deadline = time.monotonic() + 30
            while _get(port)[0] != 200:
                assert time.monotonic() < deadline, "a closed session never freed its place"
                await asyncio.sleep(0.2)
        finally:
            await second.close()
            await client.close()

    asyncio.run(scenario())


def test_the_cap_defaults_to_thirty(tmp_path):
    from ita_tui.files.settings import load

    assert load(tmp_path / "none.toml")[0].max_sessions == 30
    (tmp_path / "bad.toml").write_text("max_sessions = 0\n", "utf-8")
    settings, problems = load(tmp_path / "bad.toml")
    assert settings.max_sessions == 30 and "max_sessions" in problems[0]


def test_beyond_loopback_a_public_url_is_required(sample_db, run, monkeypatch):
    started = []
    monkeypatch.setattr("ita_tui.cli.served_app.run", lambda *args: started.append(args))
    refused = run("--db", str(sample_db), "--lang", "en", "serve", "--host", "0.0.0.0")
    assert refused.code == 2 and "--public-url" in refused.err
    assert started == []
    bad = run("--db", str(sample_db), "--lang", "en", "serve", "--public-url", 'http://x"><script>')
    assert bad.code == 2 and "--public-url" in bad.err
    assert started == []
    given = run(
        "--db",
        str(sample_db),
        "serve",
        "--host",
        "0.0.0.0",
        "--public-url",
        "http://192.168.1.10:8000",
    )
    assert given.code == 0, given.err
    assert started[0][3] == "http://192.168.1.10:8000"


async def test_in_the_browser_the_header_icon_is_one_the_page_font_has(tmp_path, run):
    """Textual's ⭘ is in neither of the page's fonts: the browser showed a missing glyph."""
    from ita_tui.app import ItaApp
    from ita_tui.db import open_database
    from tests.app_helpers import sample_app, screen_lines

    app = sample_app(tmp_path, served=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert screen_lines(app)[0].split()[0] == SERVED_HEADER_ICON
    app.desk.db.close()

    # The login screen too: the first a browser shows on a shared database.
    database = str(tmp_path / "app.db")
    secret = tmp_path / "head.pw"
    secret.write_text("head-pass-1\n", encoding="utf-8")
    add = ["people", "add", "head", "--name", "หัวหน้า", "--role", "administrator"]
    assert run("--db", database, *add, "--new-password-file", str(secret)).code == 0
    assert run("--db", database, "people", "require-login").code == 0
    app = ItaApp(open_database(database), served=True, persist_settings=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#login-name")
        assert screen_lines(app)[0].split()[0] == SERVED_HEADER_ICON


def _handshake_status(port: int, headers: dict[str, str]) -> int:
    async def scenario() -> int:
        async with aiohttp.ClientSession() as client:
            try:
                socket = await client.ws_connect(f"http://127.0.0.1:{port}/ws", headers=headers)
            except aiohttp.WSServerHandshakeError as refused:
                return refused.status
            await socket.close()
            return 101

    return asyncio.run(scenario())


@pytest.mark.parametrize(
    "origin",
    ["https://evil.example", "http://127.0.0.1:1", "null", None],
)
def test_a_websocket_from_a_foreign_origin_is_refused(start_server, origin):
    port = start_server()
    headers = {} if origin is None else {"Origin": origin}
    assert _handshake_status(port, headers) == 403
    assert _handshake_status(port, _own(port)) == 101


def test_behind_a_public_url_only_its_origin_may_connect(start_server):
    port = start_server("--public-url", "https://ita.example.go.th/")
    assert _handshake_status(port, _own(port)) == 403
    assert _handshake_status(port, {"Origin": "https://ita.example.go.th"}) == 101


SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def _headers(port: int, path: str) -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def test_every_response_carries_the_security_headers(start_server):
    port = start_server(max_sessions=1)
    paths = ["/", "/fonts/README.md", "/static/js/textual.js", "/no-such-page"]
    for path in paths:
        status, headers = _headers(port, path)
        for name, value in SECURITY_HEADERS.items():
            assert headers.get(name) == value, (path, status, name)
        policy = headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in policy and "default-src 'none'" in policy
        assert f"ws://127.0.0.1:{port}" in policy

    async def full() -> None:
        client, first = await _sessions(port, 1)
        try:
            await first.receive(timeout=30)
            status, headers = _headers(port, "/")
            assert status == 503 and headers["X-Frame-Options"] == "DENY"
        finally:
            await first.close()
            await client.close()

    asyncio.run(full())


def test_one_client_cannot_take_every_session(start_server):
    port = start_server(max_sessions=10, max_sessions_per_client=2)

    async def scenario() -> None:
        client, first, second = await _sessions(port, 2)
        try:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(f"http://127.0.0.1:{port}/ws", headers=_own(port))
            assert refused.value.status == 503
        finally:
            await first.close()
            await second.close()
            await client.close()

    asyncio.run(scenario())


def test_an_idle_session_is_ended_and_its_place_freed(start_server):
    port = start_server(max_sessions=1, idle_minutes=0.05)

    async def scenario() -> None:
        client, first = await _sessions(port, 1)
        try:
            started = time.monotonic()
            while True:
                message = await first.receive(timeout=60)
                if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                    break
                # A ping says only that the tab is open: it keeps nobody's place.
                await first.send_json(["ping", "x"])
                assert time.monotonic() - started < 60, "an idle session was never ended"
            deadline = time.monotonic() + 30
            while _get(port)[0] != 200:
                assert time.monotonic() < deadline, "an ended session never freed its place"
                await asyncio.sleep(0.2)
        finally:
            await first.close()
            await client.close()

    asyncio.run(scenario())
