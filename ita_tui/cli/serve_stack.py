"""`ita-tui serve`'s packages (textual-serve, aiohttp) are an optional part of ita-tui, the `serve`
extra: most installs never serve. Without them, `serve` says exactly what to install, read from
the installed package's own metadata so the message cannot drift from pyproject.toml."""

import importlib.util
import sys
from importlib import metadata

from ita_tui.core.errors import UserError

EXTRA = "serve"
# The modules the extra's packages provide, by package name.
MODULES = {"textual-serve": "textual_serve", "aiohttp": "aiohttp"}
# If ita-tui runs from a copy without installed metadata: pyproject.toml's serve extra.
_DECLARED = ("textual-serve>=1.1.3,<2", "aiohttp>=3.13.3,<4")


def requirements() -> list[str]:
    """The serve extra's requirements, as `pip install` takes them."""
    try:
        declared = metadata.requires("ita-tui") or []
    except metadata.PackageNotFoundError:
        return list(_DECLARED)
    found = []
    for line in declared:
        requirement, _, marker = line.partition(";")
        if f'extra == "{EXTRA}"' in marker.replace("'", '"'):
            found.append(requirement.strip().replace(" ", ""))
    return found or list(_DECLARED)


def missing() -> list[str]:
    """The serve packages this Python cannot import."""
    absent = []
    for package, module in MODULES.items():
        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            spec = None
        if spec is None:
            absent.append(package)
    return absent


def require() -> None:
    """Nothing if `serve` can run; else the refusal that names what to install, and how."""
    absent = missing()
    if not absent:
        return
    # Double quotes: the same line works in sh, PowerShell and cmd.
    wanted = " ".join(f'"{requirement}"' for requirement in requirements())
    raise UserError(
        "serve.missing",
        packages=", ".join(absent),
        pip=f'"{sys.executable}" -m pip install {wanted}',
        pipx=f"pipx inject ita-tui {wanted}",
        uv=f'uv pip install --python "{sys.executable}" {wanted}',
    )
