"""The architecture picture (docs/developer.md, moved there from the README) is checked against the import contracts, so that it cannot drift:
its floors are the layers contract's, in its order; every module and package at the top of
`ita_tui/` is one of them; the contracts listed beside it are pyproject's forbidden contracts."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
README = (ROOT / "docs" / "developer.md").read_text("utf-8")
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"][
    "contracts"
]


def _section() -> str:
    start = README.index("## Architecture")
    following = README.find("\n#", start + 1)
    return README[start : following if following != -1 else None]


def _after(marker: str) -> str:
    section = _section()
    return section[section.index(marker) + len(marker) :]


def floors_drawn() -> list[str]:
    """The picture's floors as modules: `cli/` is ita_tui.cli, `desk.py` ita_tui.desk."""
    block = re.search(r"```\n(.*?)```", _after("<!-- The floors"), re.S)
    assert block is not None
    lines = block.group(1).splitlines()
    assert lines[0] == "ita_tui/"
    return [
        "ita_tui." + line.split()[0].removesuffix("/").removesuffix(".py") for line in lines[1:]
    ]


def contracts_listed() -> list[str]:
    listed = []
    for line in _after("<!-- The forbidden contracts").splitlines()[1:]:
        if not line.startswith("- "):
            break
        listed.append(line[2:])
    return listed


def test_the_floors_are_the_layers_contract_in_its_order():
    layers = next(c for c in CONTRACTS if c["type"] == "layers")
    assert floors_drawn() == layers["layers"]


def test_every_module_at_the_top_of_the_package_is_a_floor():
    package = ROOT / "ita_tui"
    on_disk = {
        "ita_tui." + path.stem
        for path in package.iterdir()
        if (path.suffix == ".py" and path.stem not in ("__init__", "__main__"))
        or (path.is_dir() and (path / "__init__.py").exists())
    }
    assert on_disk == set(floors_drawn())


def test_the_contracts_beside_the_picture_are_the_forbidden_ones():
    forbidden = [c["name"] for c in CONTRACTS if c["type"] == "forbidden"]
    assert contracts_listed() == forbidden


@pytest.mark.parametrize(
    ("drawn", "broken"),
    [
        ("  desk.py ", "  deskx.py "),  # a floor renamed
        ("  db/  ", "  dbx/ "),
    ],
)
def test_a_picture_that_drifts_fails(monkeypatch, drawn, broken):
    assert drawn in README
    monkeypatch.setitem(globals(), "README", README.replace(drawn, broken, 1))
    layers = next(c for c in CONTRACTS if c["type"] == "layers")
    assert floors_drawn() != layers["layers"]
