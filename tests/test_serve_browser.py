"""`ita-tui serve` in a real browser: headless Chromium opens the page, logs in, sees the Thai
overview, logs progress by keyboard, and the entry lands in the database; and the page draws Thai
in the font it ships, cell by cell, as a terminal draws the app's screen."""

import base64
import contextlib
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.cells import cell_len

import ita_tui

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
        # The terminal's output comes in binary frames; text frames are textual-serve's own
        # messages to the page (pongs, the session's id).
        if isinstance(payload, bytes):
            self.received += payload

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


@contextlib.contextmanager
def serving(database: Path):
    """`ita-tui serve` on the database, on a free port of this machine."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "ita_tui", "--db", str(database), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for_port(port, server)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextlib.contextmanager
def app_page(database: Path):
    """`ita-tui serve` on the database and its page opened in headless Chromium: the page, and
    what the app has sent it so far."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
    )
    with serving(database) as port, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            screen = Screen()
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("websocket", lambda ws: ws.on("framereceived", screen.on_frame))
            page.goto(f"http://127.0.0.1:{port}/")
            yield page, screen
        finally:
            browser.close()


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
    with app_page(shared_database) as (page, screen):
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
    connection = sqlite3.connect(shared_database)
    try:
        entries = connection.execute(
            "SELECT measure_id, percent, recorded_by FROM progress"
        ).fetchall()
    finally:
        connection.close()
    assert entries == [(1, 35, "หัวหน้าสำนักปลัด")]
    assert not Path(os.environ["ITA_TUI_SETTINGS"]).exists()


# A terminal's model of the screen, enough for what Textual sends: it moves the cursor (CSI H)
# before each run of text and sets colours (CSI m); other sequences change nothing on screen.
_TERMINAL_OUTPUT = re.compile(
    r"\x1b\[([0-9;?<=>]*)([ -/]*)([@-~])"  # a control sequence
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # an operating system command
    r"|\x1b."  # any other escape
    r"|([^\x1b])",  # a character
    re.DOTALL,
)


def terminal_cells(output: str, columns: int, rows: int) -> list[list[str]]:
    """The screen a terminal of this size shows after this output, as its cells: each holds the
    character drawn there with the marks that combine with it (a Thai vowel above or below, a
    tone mark), as a terminal stores them."""
    cells = [[" "] * columns for _ in range(rows)]
    row = column = 0
    for match in _TERMINAL_OUTPUT.finditer(output):
        parameters, intermediates, final, character = match.groups()
        if final in ("H", "f") and not intermediates and "?" not in parameters:
            numbers = [int(n) if n else 1 for n in parameters.split(";")] + [1, 1]
            row, column = numbers[0] - 1, numbers[1] - 1
        elif character == "\r":
            column = 0
        elif character == "\n":
            row += 1
        elif character is not None and 0 <= row < rows:
            width = cell_len(character)
            if width == 0:
                if column > 0:
                    cells[row][column - 1] += character
            elif column < columns:
                cells[row][column] = character
                if width == 2 and column + 1 < columns:
                    cells[row][column + 1] = ""
            column += width
    return cells


def find_cells(cells: list[list[str]], words: str) -> tuple[int, int, list[str]]:
    """Where the words are on the screen (row, column) and their cells."""
    for row, line in enumerate(cells):
        text = "".join(line)
        start = text.find(words)
        if start < 0:
            continue
        column = length = 0
        while length < start:
            length += len(line[column])
            column += 1
        width = cell_len(words)
        return row, column, line[column : column + width]
    raise AssertionError(f"{words!r} is not on the screen: {[''.join(r) for r in cells]}")


def ink(gray: list[int], threshold: float) -> list[bool]:
    """Which pixels are drawn on, in an image of one colour of text on one background."""
    background = sorted(gray)[len(gray) // 2]  # text covers less than half of a line
    span = max(abs(value - background) for value in gray) or 1
    return [abs(value - background) > threshold * span for value in gray]


def overlap(drawn: list[bool], expected: list[bool], width: int, height: int) -> float:
    """How much of the ink two images share (intersection over union), at the best offset of a
    few pixels: the two are drawn on baselines a pixel or two apart."""
    best = 0.0
    for dy in range(-6, 7):
        for dx in range(-2, 3):
            both = either = 0
            for y in range(max(0, -dy), min(height, height - dy)):
                for x in range(max(0, -dx), min(width, width - dx)):
                    a, b = drawn[y * width + x], expected[(y + dy) * width + x + dx]
                    both += a and b
                    either += a or b
            best = max(best, both / either if either else 0.0)
    return best


# Draws, in the page, a screenshot and the same cells as a terminal draws them: each cell's
# letters at its column, in the Thai font the package ships (given as bytes, so that this
# drawing does not depend on what the page itself loads); returns both in grey levels.
_DRAW_CELLS = """async ([screenshot, cells, cellWidth, fontSize, font]) => {
    const bytes = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    const face = new FontFace("Thai as shipped", bytes(font).buffer);
    document.fonts.add(await face.load());
    const image = await createImageBitmap(new Blob([bytes(screenshot)], {type: "image/png"}));
    const [width, height] = [image.width, image.height];
    const page = new OffscreenCanvas(width, height).getContext("2d");
    page.drawImage(image, 0, 0);
    const terminal = new OffscreenCanvas(width, height).getContext("2d");
    terminal.fillStyle = "#000";
    terminal.fillRect(0, 0, width, height);
    terminal.fillStyle = "#fff";
    terminal.font = `${fontSize}px 'Thai as shipped'`;
    terminal.textBaseline = "ideographic";
    cells.forEach((letters, i) => terminal.fillText(letters, i * cellWidth, height));
    const gray = (canvas) =>
        Array.from(canvas.getImageData(0, 0, width, height).data.filter((_, i) => i % 4 === 1));
    const png = await terminal.canvas.convertToBlob();
    const drawn = btoa(String.fromCharCode(...new Uint8Array(await png.arrayBuffer())));
    return {width, height, page: gray(page), terminal: gray(terminal), drawn};
}"""

# Every face the page declares for its terminal, and what became of it.
_FONT_FACES = """() => [...document.fonts].map((face) => ({
    family: face.family, weight: face.weight, range: face.unicodeRange, status: face.status,
}))"""

# How wide the terminal's font draws a line, against the cells a terminal gives it.
_ADVANCE = """([text, fontSize]) => {
    const context = document.createElement("canvas").getContext("2d");
    context.font = `${fontSize}px 'Roboto Mono'`;
    return {line: context.measureText(text).width, cell: context.measureText("W").width};
}"""

THAI_FONT = Path(ita_tui.__file__).parent / "web" / "fonts" / "TlwgTypo.ttf"
# Large letters, so that the comparison has pixels enough to tell a vowel out of place.
FONT_SIZE = 32


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt install chromium)")
def test_the_page_draws_thai_in_its_own_font_as_a_terminal_draws_it(sample_db, tmp_path):
    """สระอำ in its own cell beside its consonant, a leading vowel on the line, vowels above
    and below on their consonant: the page's terminal draws the app's Thai in the font the
    package ships, at the columns a terminal gives it, and nothing comes from the internet."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
    )
    font = base64.b64encode(THAI_FONT.read_bytes()).decode()
    lines = {
        "indicator": "คุณภาพการดำเนินงาน",  # ำ, a leading เ, ุ below and ิ above
        "agency": "เทศบาลตำบลมวกเหล็ก",  # in the header, with ็ on ล
        "icon": "๏",  # the header's icon
    }
    with serving(sample_db) as port:
        screen = Screen()
        sent: list[str] = []
        requests: list[str] = []
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("request", lambda request: requests.append(request.url))

            def watch(websocket) -> None:
                websocket.on("framereceived", screen.on_frame)
                websocket.on("framesent", lambda payload: sent.append(payload))

            page.on("websocket", watch)
            page.goto(f"http://127.0.0.1:{port}/?fontsize={FONT_SIZE}")
            screen.wait_for(page, "คะแนนรวม")
            screen.wait_for(page, lines["indicator"])
            page.wait_for_timeout(500)  # the frame drawn
            page.screenshot(path=str(tmp_path / "page.png"))

            faces = page.evaluate(_FONT_FACES)
            advances = {
                name: page.evaluate(_ADVANCE, [words, FONT_SIZE]) for name, words in lines.items()
            }
            resized = [json.loads(f)[1] for f in sent if f.startswith('["resize"')]
            columns, rows = resized[-1]["width"], resized[-1]["height"]
            cells = terminal_cells(screen.text(), columns, rows)
            left, top, width, height = page.evaluate(
                "() => { const box = document.querySelector('.xterm-screen')"
                ".getBoundingClientRect(); return [box.left, box.top, box.width, box.height]; }"
            )
            cell_width, cell_height = width / columns, height / rows
            overlaps = {}
            for name, words in lines.items():
                row, column, found = find_cells(cells, words)
                clip = {
                    "x": left + column * cell_width,
                    "y": top + row * cell_height,
                    "width": len(found) * cell_width,
                    "height": cell_height,
                }
                shot = page.screenshot(clip=clip)
                (tmp_path / f"{name}-page.png").write_bytes(shot)
                drawn = page.evaluate(
                    _DRAW_CELLS,
                    [base64.b64encode(shot).decode(), found, cell_width, FONT_SIZE, font],
                )
                (tmp_path / f"{name}-terminal.png").write_bytes(base64.b64decode(drawn["drawn"]))
                overlaps[name] = overlap(
                    ink(drawn["page"], 0.4),
                    ink(drawn["terminal"], 0.5),
                    drawn["width"],
                    drawn["height"],
                )
            browser.close()

    thai_faces = [f for f in faces if f["range"] == "U+E00-E7F"]
    assert {f["weight"] for f in thai_faces} == {"400", "700"}
    assert {f["status"] for f in faces} == {"loaded"}, faces
    assert all(url.startswith(f"http://127.0.0.1:{port}/") for url in requests), requests
    assert f"http://127.0.0.1:{port}/fonts/TlwgTypo.ttf" in requests
    for name, words in lines.items():
        measured = advances[name]
        # Roboto Mono is 0.6001 em wide, Tlwg Typo 0.6: the same cells to a tenth of a percent.
        assert measured["line"] == pytest.approx(cell_len(words) * measured["cell"], rel=1e-3)
    # Drawn by the browser's own Thai font instead, the same line overlaps by a third at most
    # (สระอำ apart from its consonant, "การด่าเ นินงาน").
    assert all(value > 0.8 for value in overlaps.values()), overlaps


# A paste as the browser hands it to the page's terminal (Ctrl+V).
_PASTE = """(text) => {
    const clipboard = new DataTransfer();
    clipboard.setData("text/plain", text);
    const paste = new ClipboardEvent("paste", {clipboardData: clipboard, bubbles: true});
    document.querySelector(".xterm-helper-textarea").dispatchEvent(paste);
}"""


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt install chromium)")
def test_a_browser_only_office_pastes_its_plan_into_the_page(tmp_path, run):
    """No command line: on a fresh database the page says how to bring a plan in, and a plan
    file's text pasted into the import form (Windows line ends and all) is imported."""
    database = tmp_path / "office.db"
    assert run("--db", str(database), "init").code == 0
    plan_text = (Path(ita_tui.__file__).parent / "data" / "sample_plan.toml").read_text("utf-8")
    with app_page(database) as (page, screen):
        screen.wait_for(page, "เพื่อเริ่มแผนใหม่")
        page.locator(".xterm-helper-textarea").focus()
        since = screen.mark()
        page.keyboard.press("i")
        screen.wait_for(page, "ข้อความของไฟล์แผนหรือสแนปช็อต", since)
        page.evaluate(_PASTE, plan_text.replace("\n", "\r\n"))
        since = screen.mark()
        page.keyboard.press("Control+s")
        screen.wait_for(page, "คะแนนรวม", since)
        page.screenshot(path=str(tmp_path / "imported.png"))
    connection = sqlite3.connect(database)
    try:
        measures = connection.execute("SELECT count(*) FROM measures").fetchone()
        agencies = connection.execute("SELECT name FROM agencies").fetchall()
    finally:
        connection.close()
    assert (measures, agencies) == ((11,), [("เทศบาลตำบลมวกเหล็ก",)])


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt install chromium)")
def test_keys_typed_before_the_terminal_has_focus_reach_the_app(sample_db, tmp_path):
    """A user types as soon as the page has loaded, before the terminal is there or has been
    clicked, and again after focus has gone elsewhere on the page: the keys reach the app, in
    order, as the terminal would have sent them, Thai included."""
    with app_page(sample_db) as (page, screen):
        page.keyboard.press("3")
        page.keyboard.press("Enter")
        page.keyboard.press("p")
        screen.wait_for(page, "ร้อยละที่ทำได้")
        page.keyboard.press("Control+a")
        page.keyboard.press("Control+k")
        page.keyboard.type("45")
        page.keyboard.press("Tab")
        page.keyboard.type("ส่งแล้ว")
        since = screen.mark()
        page.keyboard.press("Control+s")
        screen.wait_for(page, "๔๕", since)
        page.evaluate("document.activeElement.blur()")
        since = screen.mark()
        # Key 4 in the Thai layout (the follow-up), as the browser reports it: Playwright's
        # keyboard knows only the US layout.
        page.evaluate(
            "document.body.dispatchEvent("
            "new KeyboardEvent('keydown', {key: 'ภ', code: 'Digit4', bubbles: true}))"
        )
        screen.wait_for(page, "ติดตาม", since)
    connection = sqlite3.connect(sample_db)
    try:
        entries = connection.execute("SELECT measure_id, percent, note FROM progress").fetchall()
    finally:
        connection.close()
    assert entries == [(1, 45, "ส่งแล้ว")]
