"""A test that expects a refusal says which: a bare `pytest.raises(UserError)` passes on any
refusal, the wrong one included. `tests.refusals.expect_refusal(key)` names it."""

import re
from pathlib import Path

TESTS = Path(__file__).parent
BARE = re.compile(r"pytest\.raises\(\s*UserError\s*\)")


def test_no_test_expects_an_unnamed_refusal():
    bare = [
        f"{path.name}:{number}"
        for path in sorted(TESTS.glob("*.py"))
        if path.name not in ("refusals.py", Path(__file__).name)
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if BARE.search(line)
    ]
    assert bare == []
