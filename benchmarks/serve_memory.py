"""The memory one browser session of `ita-tui serve` takes, measured: the server is started on the
bundled sample, N sessions are opened as a browser opens them (a websocket from the page's own
origin), each is left to draw its first screen, and the processes each session started are
read from /proc: resident set (RSS, what `top` shows) and proportional set (PSS, shared pages
divided among the processes that share them, which is what N sessions add up to).

    python benchmarks/serve_memory.py [--sessions 3]

Linux only (/proc). Prints a Markdown table; README's "In a browser" quotes it."""

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(child) for child in text]
    return found


def _descendants(pid: int) -> list[int]:
    every, todo = [], [pid]
    while todo:
        for child in _children(todo.pop()):
            every.append(child)
            todo.append(child)
    return every


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in kB."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_ = line.split()
        fields[name.rstrip(":")] = int(value)
    return fields["Rss"], fields["Pss"]


async def _open_sessions(port: int, count: int) -> list:
    import aiohttp

    client = aiohttp.ClientSession()
    sockets = []
    for _ in range(count):
        sockets.append(
            await client.ws_connect(
                f"http://127.0.0.1:{port}/ws?width=120&height=35",
                headers={"Origin": f"http://127.0.0.1:{port}"},
            )
        )
    for websocket in sockets:
        await websocket.receive(timeout=60)  # the first screen is drawn
    await asyncio.sleep(5)  # and the app has settled
    return [client, *sockets]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=3)
    sessions = parser.parse_args().sessions
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "plan.db"
        environment = {**os.environ, "ITA_TUI_SETTINGS": str(Path(folder) / "settings.toml")}
        subprocess.run(
            [sys.executable, "-m", "ita_tui", "--db", str(database), "init", "--sample"],
            check=True,
            capture_output=True,
            env=environment,
        )
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "ita_tui", "--db", str(database), "serve", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=environment,
        )
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            before = set(_descendants(server.pid))
            opened = asyncio.run(_open_sessions(port, sessions))
            started = [pid for pid in _descendants(server.pid) if pid not in before]
            figures = [_memory_kb(pid) for pid in started]
            server_rss, server_pss = _memory_kb(server.pid)
            asyncio.run(_close(opened))
        finally:
            server.terminate()
            server.wait(timeout=10)
    rss = sum(r for r, _ in figures) / sessions / 1024
    pss = sum(p for _, p in figures) / sessions / 1024
    print(
        f"{sessions} sessions, {len(started)} processes started by them (Python {sys.version.split()[0]})"
    )
    print()
    print("| per session | MB |")
    print("|---|---|")
    print(f"| resident (RSS), each session's processes summed | {rss:.0f} |")
    print(f"| proportional (PSS), each session's processes summed | {pss:.0f} |")
    print(f"| the server itself (RSS / PSS) | {server_rss / 1024:.0f} / {server_pss / 1024:.0f} |")
    per_process = statistics.median(r for r, _ in figures) / 1024
    print(f"| median RSS of one started process | {per_process:.0f} |")


async def _close(opened: list) -> None:
    client, *sockets = opened
    for websocket in sockets:
        await websocket.close()
    await client.close()


if __name__ == "__main__":
    main()
