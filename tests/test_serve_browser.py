"""`ita-tui serve` in a real browser: headless Chromium opens the page, logs in, sees the Thai
overview, logs progress by keyboard, and the entry lands in the database."""

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# As root on a machine with a closed network, Chromium needs these to start quietly.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_port(port: int, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"serve exited: {server.stderr.read().decode()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError("serve did not start listening")


class Screen:
    """What the app sent to the browser's terminal, as text."""

    def __init__(self) -> None:
        self.received = bytearray()

    def on_frame(self, payload) -> None:
        self.received += payload if isinstance(payload, bytes) else payload.encode()

    def text(self) -> str:
        return self.received.decode("utf-8", "replace")

    def mark(self) -> int:
        return len(self.received)

    def wait_for(self, page, words: str, since: int = 0, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if words in self.received[since:].decode("utf-8", "replace"):
                return
            page.wait_for_timeout(200)
        raise AssertionError(f"{words!r} never showed; the page showed: {self.text()[-2000:]}")


@pytest.fixture
def shared_database(sample_db, run, tmp_path):
    db = str(sample_db)
    secret = tmp_path / "head.pw"
    secret.write_text("head-pass-1\n", encoding="utf-8")
    added = run(
        "--db",
        db,
        "people",
        "add",
        "head",
        "--name",
        "หัวหน้าสำนักปลัด",
        "--role",
        "administrator",
        "--new-password-file",
        str(secret),
    )
    assert added.code == 0, added.err
    assert run("--db", db, "people", "require-login").code == 0
    return sample_db


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt install chromium)")
def test_the_app_in_a_browser_logs_in_and_logs_progress(shared_database, tmp_path):
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
    )
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ita_tui",
            "--db",
            str(shared_database),
            "serve",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for_port(port, server)
        screen = Screen()
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("websocket", lambda ws: ws.on("framereceived", screen.on_frame))
            page.goto(f"http://127.0.0.1:{port}/")
            screen.wait_for(page, "กรุณาเข้าสู่ระบบ")
            page.locator(".xterm-helper-textarea").focus()
            page.keyboard.type("head")
            page.keyboard.press("Enter")
            page.keyboard.type("head-pass-1")
            since = screen.mark()
            page.keyboard.press("Enter")
            screen.wait_for(page, "คะแนนรวม", since)
            screen.wait_for(page, "เทศบาลตำบลมวกเหล็ก")
            page.screenshot(path=str(tmp_path / "overview.png"))

            since = screen.mark()
            page.keyboard.press("3")
            screen.wait_for(page, "Enter เปิด", since)  # the measures table's count line
            since = screen.mark()
            page.keyboard.press("Enter")
            screen.wait_for(page, "วิธีการดำเนินการ", since)  # the first measure, opened
            since = screen.mark()
            page.keyboard.press("p")
            screen.wait_for(page, "ร้อยละที่ทำได้", since)
            page.keyboard.press("Control+a")
            page.keyboard.press("Control+k")
            page.keyboard.type("35", delay=30)
            since = screen.mark()
            page.keyboard.press("Control+s")
            screen.wait_for(page, "๓๕", since)

            # One person's language is theirs: the server's settings file stays as it was.
            since = screen.mark()
            page.keyboard.press("l")
            screen.wait_for(page, "Back", since)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    connection = sqlite3.connect(shared_database)
    try:
        entries = connection.execute(
            "SELECT measure_id, percent, recorded_by FROM progress"
        ).fetchall()
    finally:
        connection.close()
    assert entries == [(1, 35, "หัวหน้าสำนักปลัด")]
    assert not Path(os.environ["ITA_TUI_SETTINGS"]).exists()
