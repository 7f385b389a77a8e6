"""Prints the requirements that install every runtime dependency of ita-tui (the `serve` extra
included) at the lowest version pyproject.toml allows, `name>=X,<Y` as `name==X`, and the test
tools the smoke subset needs at the versions the test group allows. Used by .ci/floors."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
SMOKE_TOOLS = ("pytest", "pytest-asyncio", "fonttools")


def floor(requirement: str) -> str:
    name, lowest = re.fullmatch(r"([A-Za-z0-9._-]+)>=([^,]+),<.*", requirement).groups()
    return f"{name}=={lowest}"


def main() -> None:
    project = PYPROJECT["project"]
    runtime = project["dependencies"] + project["optional-dependencies"]["serve"]
    pins = [floor(requirement) for requirement in runtime]
    tools = [
        requirement
        for requirement in PYPROJECT["dependency-groups"]["test"]
        if re.match(r"[A-Za-z0-9._-]+", requirement).group(0) in SMOKE_TOOLS
    ]
    print("\n".join(pins + tools))


if __name__ == "__main__":
    main()
