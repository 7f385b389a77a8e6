"""A PDF through what is already there: Chromium, when installed, printing the HTML page. No
PDF library; without Chromium a message says what to do instead."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ita_tui.core import progress
from ita_tui.core.errors import UserError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium() -> str | None:
    return next(filter(None, map(shutil.which, BROWSERS)), None)


def print_html(page: str) -> bytes:
    browser = chromium()
    if browser is None:
        raise UserError("report.no_chromium")
    with tempfile.TemporaryDirectory(prefix="ita-tui-pdf-") as folder:
        source, target = Path(folder) / "page.html", Path(folder) / "page.pdf"
        source.write_text(page, "utf-8")
        flags = [
            "--headless",
            "--disable-gpu",
            "--no-pdf-header-footer",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--print-to-pdf={target}",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            flags.append("--no-sandbox")  # Chromium refuses to start as root with its sandbox
        # Chromium says nothing while it prints: the bar says it is at work.
        progress.step("progress.pdf", 0)
        try:
            done = subprocess.run(
                [browser, *flags, source.as_uri()], capture_output=True, text=True, timeout=120
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise UserError("report.pdf_failed", reason=str(error)) from None
        progress.step("progress.pdf", 1, 1)
        if not target.is_file() or target.stat().st_size == 0:
            reason = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
            raise UserError("report.pdf_failed", reason=reason[:200])
        return target.read_bytes()
