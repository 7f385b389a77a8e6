"""Draw README's pictures of the demo: each screen at 140x40 and at 80x24, as SVG (Textual's
screenshot), then PNG through rsvg-convert (Debian: librsvg2-bin; Thai glyphs: fonts-thai-tlwg).

    .venv/bin/python docs/pictures.py
"""

import asyncio
import shutil
import subprocess
import tempfile
from pathlib import Path

from ita_tui.app import ItaApp
from ita_tui.cli.plan import DEMO_AS_OF
from ita_tui.db import open_database
from ita_tui.documents import snapshot
from ita_tui.files.settings import Settings

DOCS = Path(__file__).parent
# (file name, keys from the overview, terminal size)
PICTURES = [
    ("follow-up.png", ["4"], (140, 40)),
    ("follow-up-80x24.png", ["4"], (80, 24)),
    ("measures-80x24.png", ["3"], (80, 24)),
]


async def draw(folder: Path, name: str, keys: list[str], size: tuple[int, int]) -> Path:
    db = open_database(folder / f"{name}.db", create=True)
    snapshot.import_plan(db, snapshot.sample_plan(), "สมศรี")
    settings = Settings(output_dir=folder)
    app = ItaApp(db, as_of=DEMO_AS_OF, sample=True, persist_settings=False, settings=settings)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause(0.5)
        svg = Path(app.save_screenshot(filename=f"{name}.svg", path=str(folder)))
    db.close()
    return svg


def main() -> None:
    if shutil.which("rsvg-convert") is None:
        raise SystemExit("rsvg-convert is missing: apt install librsvg2-bin fonts-thai-tlwg")
    with tempfile.TemporaryDirectory() as folder:
        for name, keys, size in PICTURES:
            svg = asyncio.run(draw(Path(folder), name, keys, size))
            subprocess.run(["rsvg-convert", "-o", str(DOCS / name), str(svg)], check=True)
            print(DOCS / name)


if __name__ == "__main__":
    main()
