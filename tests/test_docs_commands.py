"""The commands the docs show are true: every `ita-tui` line of each `sh` block marked
`<!-- docs-test -->` in README.md and docs/*.md runs on a fresh sample database, in the order
written, and ends with exit code 0 (as sqlite-utils tests the commands of its docs). A block that
starts with `ita-tui init` makes the database itself; `> FILE` sends the output to a file."""

import re
import shlex
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
MARK = "<!-- docs-test -->"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def marked_blocks(path: Path) -> list[list[str]]:
    """The `ita-tui` lines of each block marked to be tested, in order."""
    text = path.read_text("utf-8")
    blocks = []
    for found in re.finditer(r"(?m)^" + re.escape(MARK) + r"\n```sh\n(.*?)\n```", text, re.S):
        lines = [line for line in found.group(1).splitlines() if line.startswith("ita-tui ")]
        assert lines, f"{path.name}: a marked block without an ita-tui command"
        blocks.append(lines)
    marks = len(re.findall(r"(?m)^" + re.escape(MARK) + "$", text))
    assert marks == len(blocks), f"{path.name}: a mark not followed by an sh block"
    return blocks


CASES = [
    pytest.param(lines, id=f"{path.name}-{number}")
    for path in DOCS
    for number, lines in enumerate(marked_blocks(path), start=1)
]


def test_the_guides_have_blocks_to_test():
    named = {case.id.rsplit("-", 1)[0] for case in CASES}
    assert {"guide-en.md", "guide-th.md"} <= named


@pytest.mark.parametrize("lines", CASES)
def test_every_command_in_a_marked_block_runs(lines, run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ITA_TUI_DB", str(tmp_path / "ita-tui.db"))
    if not lines[0].startswith("ita-tui init"):
        assert run("init", "--sample").code == 0
    for line in lines:
        words = shlex.split(line, comments=True)[1:]
        target = None
        if ">" in words:
            words, target = words[: words.index(">")], words[words.index(">") + 1]
        if any(word.endswith(".pdf") for word in words) and not shutil.which("chromium"):
            continue
        done = run(*words)
        assert done.code == 0, f"{line}\n{done.err}"
        if target:
            (tmp_path / target).write_text(done.out, "utf-8")
            assert done.out.strip(), line
        for word in words:
            if re.search(r"\.(toml|docx|html|md|csv)$", word) and words[0] in ("export", "report"):
                assert (tmp_path / word).stat().st_size > 0, line
