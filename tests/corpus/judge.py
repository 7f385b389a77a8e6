"""How many of a corpus plan's measures come out right after one `import FILE --draft` and an
import of that draft as written, with no hand edit: title, units (compared without spaces),
first and last day."""

import re
import tomllib
from datetime import date

from tests.corpus.plans import CorpusPlan


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _day(value) -> date | None:
    return date.fromisoformat(str(value)) if value is not None else None


def imported_measures(run, tmp_path, plan: CorpusPlan) -> list[dict]:
    """The measures the database holds after the draft is imported as written ([] when the
    draft does not import)."""
    source = plan.build(tmp_path / f"{plan.name}{plan.suffix}")
    draft = tmp_path / f"{plan.name}.toml"
    drafted = run("--db", str(tmp_path / "never.db"), "import", str(source), "--draft", str(draft))
    assert "Traceback" not in drafted.err
    if drafted.code != 0 or not draft.exists():
        return []
    db = tmp_path / f"{plan.name}.db"
    if run("--db", str(db), "import", str(draft)).code != 0:
        return []
    exported = run("--db", str(db), "export", "-")
    return tomllib.loads(exported.out).get("measures", [])


def right(plan: CorpusPlan, measures: list[dict]) -> list[bool]:
    """For each measure the officer extracts, whether the import gave it as they would."""
    by_title = {_squeezed(m["title"]): m for m in measures}
    verdicts = []
    for expected in plan.expected:
        found = by_title.get(_squeezed(expected.title))
        verdicts.append(
            found is not None
            and sorted(_squeezed(u) for u in found["units"])
            == sorted(_squeezed(u) for u in expected.units)
            and _day(found.get("start")) == expected.start
            and _day(found.get("end")) == expected.end
        )
    return verdicts
