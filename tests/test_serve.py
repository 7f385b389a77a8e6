"""`ita-tui serve` over plain HTTP, on a free loopback port: the page names the address the
administrator gave, never the one a request claims; past the session cap, a page says the server
is full."""

import asyncio
import subprocess
import sys
import time
import urllib.error
import urllib.request

import aiohttp
import pytest

from tests.test_serve_browser import _free_port, _wait_for_port


@pytest.fixture
def start_server(sample_db, tmp_path):
    """Start `ita-tui serve` on a free loopback port; the settings file says how many sessions."""
    started = []

    def start(*options: str, max_sessions: int | None = None) -> int:
        settings = tmp_path / "settings.toml"
        if max_sessions is not None:
            settings.write_text(f"max_sessions = {max_sessions}\n", "utf-8")
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


def _get(port: int, host_header: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/")
    if host_header:
        request.add_header("Host", host_header)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


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


async def _sessions(port: int, count: int) -> list:
    client = aiohttp.ClientSession()
    opened = []
    for _ in range(count):
        opened.append(await client.ws_connect(f"http://127.0.0.1:{port}/ws?width=80&height=24"))
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
                await client.ws_connect(f"http://127.0.0.1:{port}/ws")
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
    from ita_tui.settings import load

    assert load(tmp_path / "none.toml")[0].max_sessions == 30
    (tmp_path / "bad.toml").write_text("max_sessions = 0\n", "utf-8")
    settings, problems = load(tmp_path / "bad.toml")
    assert settings.max_sessions == 30 and "max_sessions" in problems[0]


def test_beyond_loopback_a_public_url_is_required(sample_db, run, monkeypatch):
    started = []
    monkeypatch.setattr("ita_tui.serve.run", lambda *args: started.append(args))
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
