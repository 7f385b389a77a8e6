"""pyproject.toml declares what the code imports: every third-party package ita_tui imports is a
dependency (or in the optional `serve` extra), with a floor and a ceiling, and every dependency is
imported; what only the tests import is in the `test` dependency group."""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
# What ita_tui itself may import: its dependencies and its optional extras (`serve`).
RUNTIME = PROJECT["dependencies"] + [
    requirement for extra in PROJECT["optional-dependencies"].values() for requirement in extra
]
OWN = {"ita_tui", "tests"}


def name_of(requirement: str) -> str:
    """The normalised distribution name of a requirement such as `tomli-w>=1.0,<2`."""
    name = re.match(r"[A-Za-z0-9._-]+", requirement).group(0)
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_modules(folder: Path) -> dict[str, str]:
    """Each top-level module imported under `folder` (also by `pytest.importorskip("x")`), with
    one place that imports it."""
    found: dict[str, str] = {}
    local = {path.stem for path in folder.glob("*.py")}
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "importorskip"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names = [node.args[0].value]
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in OWN | local:
                    found.setdefault(top, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def distributions(modules: dict[str, str]) -> dict[str, str]:
    """The distribution that provides each module (as installed here), with where it is used."""
    providers = packages_distributions()
    found = {}
    for module, where in modules.items():
        assert module in providers, f"{module} (imported at {where}) is not installed"
        for distribution in providers[module]:
            found[name_of(distribution)] = where
    return found


def test_every_package_ita_tui_imports_is_a_dependency_and_nothing_more():
    declared = {name_of(r) for r in RUNTIME}
    used = distributions(imported_modules(ROOT / "ita_tui"))
    undeclared = {name: where for name, where in used.items() if name not in declared}
    assert undeclared == {}, "imported but not in [project] dependencies"
    assert declared - set(used) == set(), "declared but never imported"


def test_every_dependency_has_a_floor_and_a_ceiling():
    loose = [r for r in RUNTIME if not (">=" in r and "<" in r.replace("<=", ""))]
    assert loose == []


def test_what_only_the_tests_import_is_in_the_test_group():
    available = {name_of(r) for r in RUNTIME} | {
        name_of(r) for r in PYPROJECT["dependency-groups"]["test"]
    }
    used = distributions(imported_modules(ROOT / "tests"))
    assert {name: where for name, where in used.items() if name not in available} == {}


def test_the_license_is_the_one_pyproject_names():
    assert PROJECT["license"].startswith("MIT AND ")
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


# The first releases without the advisories published against them: aiohttp's request
# smuggling and denial-of-service fixes up to 3.13.3 (it serves `ita-tui serve`), Jinja's
# sandbox escapes fixed in 3.1.5 and 3.1.6.
FIXED = {"aiohttp": (3, 13, 3), "jinja2": (3, 1, 6)}


def test_the_floors_exclude_releases_with_known_advisories():
    floors = {}
    for requirement in RUNTIME:  # the serve extra's aiohttp included
        found = re.search(r">=([0-9.]+)", requirement)
        floors[name_of(requirement)] = tuple(int(part) for part in found.group(1).split("."))
    for name, fixed in FIXED.items():
        assert floors[name] >= fixed, f"{name}>={floors[name]} admits releases before {fixed}"
