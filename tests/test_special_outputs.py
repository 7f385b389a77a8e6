"""What a command or the app writes goes to a new file or over a regular one: a pipe, a device
or a socket named as the output is refused, for root too, and is still there afterwards."""

import os
import socket
import stat
import tempfile
from pathlib import Path

import pytest

from tests.app_helpers import clear_and_type, sample_app
from tests.office_documents import word_plan
from tests.test_new_year import SCORES_2566

SIZE = (120, 35)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays


def _device(path: Path) -> None:
    # The same device as /dev/null, made only where the test may (root); never /dev itself.
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")


SPECIALS = {"a pipe": (_fifo, stat.S_ISFIFO), "a socket": (_socket, stat.S_ISSOCK)}
SPECIALS["a device"] = (_device, stat.S_ISCHR)

COMMANDS = {
    "import --draft": lambda db, plan, target: ["import", str(plan), "--draft", str(target)],
    "report -o": lambda db, plan, target: ["report", "--as-of", "2023-04-03", "-o", str(target)],
    "export": lambda db, plan, target: ["export", str(target)],
    "backup": lambda db, plan, target: ["backup", str(target)],
    "new-year --draft": lambda db, plan, target: [
        "new-year",
        "--year",
        "2566",
        *SCORES_2566,
        "--draft",
        str(target),
    ],  # fmt: skip
}


@pytest.fixture
def short_folder():
    # A socket's path must fit in 108 bytes, which pytest's folders may not.
    with tempfile.TemporaryDirectory(prefix="out", dir="/tmp") as folder:
        yield Path(folder)


@pytest.mark.parametrize("kind", sorted(SPECIALS))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_special_file_is_never_replaced(run, sample_db, tmp_path, short_folder, command, kind):
    make, still = SPECIALS[kind]
    plan = word_plan(tmp_path / "plan.docx")
    target = short_folder / "out.toml"
    make(target)
    args = COMMANDS[command](sample_db, plan, target)
    result = run("--db", str(sample_db), *args)
    assert result.code == 2, result.err
    assert "Traceback" not in result.err
    assert "ไม่ใช่ไฟล์ปกติ" in result.err and "ไม่เขียนทับ" in result.err
    assert still(os.lstat(target).st_mode)
    assert sorted(p.name for p in short_folder.iterdir()) == ["out.toml"]


def test_a_link_to_a_pipe_is_refused_and_both_stay(run, sample_db, short_folder):
    pipe = short_folder / "pipe"
    os.mkfifo(pipe)
    link = short_folder / "out.toml"
    link.symlink_to(pipe)
    result = run("--db", str(sample_db), "export", str(link))
    assert result.code == 2 and "ไม่เขียนทับ" in result.err
    assert link.is_symlink() and stat.S_ISFIFO(os.stat(link).st_mode)


async def test_a_pipe_in_the_apps_output_folder_is_not_replaced(tmp_path, monkeypatch):
    from textual.widgets import Static

    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "documents" / "ita-tui"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "สถานะ.toml")
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        await clear_and_type(pilot, "สถานะ.toml")
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = str(app.screen.query_one("#form-error", Static).render())
    assert "ไม่เขียนทับ" in said
    assert stat.S_ISFIFO(os.lstat(folder / "สถานะ.toml").st_mode)
    assert [p.name for p in folder.iterdir()] == ["สถานะ.toml"]
