"""The package as published: its licence covers what it ships, it says it is typed, its sdist is
the whole project, and `serve`'s optional packages are named exactly when missing."""

import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
PROJECT = PYPROJECT["project"]


def test_the_licence_expression_covers_the_fonts_and_the_word_list_shipped():
    assert PROJECT["license"] == "MIT AND (GPL-2.0-or-later WITH Font-exception-2.0) AND CC0-1.0"
    fonts = (ROOT / "ita_tui/web/fonts/README.md").read_text("utf-8")
    assert "either version 2 of the\nLicense, or (at your option) any later version" in fonts
    assert "As a special exception, if you create a document which uses this font" in fonts
    assert "CC0-1.0" in (ROOT / "ita_tui/data/thai_words.md").read_text("utf-8")
    for name in PROJECT["license-files"]:
        assert (ROOT / name).is_file(), name
    assert "ita_tui/web/fonts/GPL-2" in PROJECT["license-files"]
    assert (
        (ROOT / "ita_tui/web/fonts/GPL-2")
        .read_text("utf-8")
        .lstrip()
        .startswith("GNU GENERAL PUBLIC LICENSE")
    )


def test_the_package_says_it_is_typed_and_classifies_itself():
    assert (ROOT / "ita_tui/py.typed").is_file()
    assert "py.typed" in PYPROJECT["tool"]["setuptools"]["package-data"]["ita_tui"]
    classifiers = PROJECT["classifiers"]
    assert "Typing :: Typed" in classifiers and "Natural Language :: Thai" in classifiers
    versions = {c.rsplit(" ", 1)[-1] for c in classifiers if c.startswith("Programming Language")}
    assert {"3.11", "3.12", "3.13"} <= versions
    # With an SPDX expression, a licence classifier is an error to the build.
    assert not [c for c in classifiers if c.startswith("License ::")]


def test_development_tools_are_a_dependency_group_not_a_published_extra():
    assert set(PROJECT["optional-dependencies"]) == {"serve"}
    tools = {r.split(">")[0].split("=")[0] for r in PYPROJECT["dependency-groups"]["test"]}
    assert {"pytest", "ruff", "mypy", "import-linter", "babel"} <= tools


@pytest.mark.slow
def test_the_sdist_holds_every_file_git_tracks_and_the_wheel_its_licences(tmp_path):
    pytest.importorskip("build")
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    files = {name for name in tracked.split("\0") if name and (ROOT / name).exists()}
    if not files:
        pytest.skip("not a git checkout")
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "-o", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (sdist,) = tmp_path.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        inside = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert sorted(files - inside) == []
    for needed in ("ita_tui/locale/th/LC_MESSAGES/ita_tui.po", "ita_tui/data/thai_words.md"):
        assert needed in inside
    assert any(name.startswith("tests/corpus/") for name in inside)
    (wheel,) = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read("ita_tui-0.1.0.dist-info/METADATA").decode()
    assert "ita_tui/py.typed" in names
    for licence in PROJECT["license-files"]:
        assert f"ita_tui-0.1.0.dist-info/licenses/{licence}" in names
    assert f"License-Expression: {PROJECT['license']}" in metadata
    assert "Provides-Extra: serve" in metadata
    assert "Requires-Dist: pytest" not in metadata


def requirement_set(requirements) -> set[tuple[str, frozenset[str]]]:
    """Requirements compared by meaning: `a>=1,<2` is `a<2,>=1`."""
    found = set()
    for requirement in requirements:
        name = requirement.split(">")[0].split("<")[0].split("=")[0]
        found.add((name, frozenset(requirement[len(name) :].split(","))))
    return found


def said_requirements(line: str, before: str) -> set[tuple[str, frozenset[str]]]:
    """The quoted requirements after `before` on the line of the message that has it."""
    (command,) = [row for row in line.splitlines() if before in row]
    return requirement_set(command.split(before, 1)[1].replace('"', "").split())


def test_serve_without_its_packages_says_exactly_what_to_install(run, sample_db, monkeypatch):
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "aiohttp", None)
    wanted = requirement_set(PROJECT["optional-dependencies"]["serve"])
    english = run("--lang", "en", "--db", str(sample_db), "serve")
    assert english.code == 1
    assert "needs textual-serve, aiohttp, not installed here" in english.err
    assert said_requirements(english.err, f'"{sys.executable}" -m pip install ') == wanted
    assert said_requirements(english.err, "pipx inject ita-tui ") == wanted
    assert said_requirements(english.err, f'uv pip install --python "{sys.executable}" ') == wanted
    thai = run("--db", str(sample_db), "serve")
    assert thai.code == 1 and "ยังไม่ได้ติดตั้ง" in thai.err
    assert said_requirements(thai.err, f'"{sys.executable}" -m pip install ') == wanted


def test_serve_with_one_package_missing_names_that_one(run, sample_db, monkeypatch):
    monkeypatch.setitem(sys.modules, "aiohttp", None)
    said = run("--lang", "en", "--db", str(sample_db), "serve").err
    assert "needs aiohttp, not installed here" in said
