"""The core is type-checked strictly: pyproject's mypy override names exactly the core's modules
and turns on every per-module flag that mypy's own `--strict` turns on, in the mypy installed."""

import tomllib
from pathlib import Path

import pytest

mypy_main = pytest.importorskip("mypy.main")
mypy_options = pytest.importorskip("mypy.options")

PYPROJECT = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text("utf-8"))


def _core_modules() -> list[str]:
    contracts = PYPROJECT["tool"]["importlinter"]["contracts"]
    core = next(c for c in contracts if c["name"].startswith("The core knows no terminal"))
    return core["source_modules"]


def _strict_override() -> dict:
    overrides = PYPROJECT["tool"]["mypy"]["overrides"]
    return next(o for o in overrides if "ita_tui.core" in o["module"])


def _flags_strict_turns_on() -> dict[str, object]:
    """The per-module options that differ between `mypy --strict` and plain `mypy`, read where
    no configuration file is found."""
    _, plain = mypy_main.process_options(["x.py"], require_targets=False)
    _, strict = mypy_main.process_options(["--strict", "x.py"], require_targets=False)
    return {
        name: getattr(strict, name)
        for name in sorted(mypy_options.PER_MODULE_OPTIONS)
        if getattr(strict, name) != getattr(plain, name)
    }


def test_the_strict_override_names_exactly_the_core_package():
    assert _core_modules() == ["ita_tui.core"]
    assert sorted(_strict_override()["module"]) == ["ita_tui.core", "ita_tui.core.*"]


def test_the_strict_override_turns_on_every_flag_of_strict_mode(tmp_path, monkeypatch):
    override = _strict_override()
    monkeypatch.chdir(tmp_path)
    wanted = _flags_strict_turns_on()
    # What the whole package has already (check_untyped_defs, warn_unused_ignores) counts too.
    settings = {**PYPROJECT["tool"]["mypy"], **override}
    missing = {name: value for name, value in wanted.items() if settings.get(name) != value}
    assert wanted and missing == {}
