"""The core's records (ita_tui.core.model) share one way of being compared, hashed and shown
(`Record`) instead of a dataclass's methods generated for each: they must behave as those did."""

import subprocess
import sys
from dataclasses import FrozenInstanceError, replace
from datetime import date

import pytest

from ita_tui.core.model import Agency, Measure, MeasureState, PublishedAddress, Unit


def printed_by(script: str) -> list[str]:
    """The lines a fresh interpreter prints running `script`: what a class is before and after
    it is first used can only be seen in a process that has used none."""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()


def test_records_with_the_same_fields_are_equal_and_hash_alike():
    assert Unit("กองคลัง", "กอง") == Unit("กองคลัง", "กอง")
    assert hash(Unit("กองคลัง", "กอง")) == hash(Unit("กองคลัง", "กอง"))
    assert Unit("กองคลัง") != Unit("กองช่าง")
    assert len({Unit("กองคลัง"), Unit("กองคลัง"), Unit("กองช่าง")}) == 2
    assert PublishedAddress(2568, "o25", "https://a") == PublishedAddress(2568, "o25", "https://a")


def test_a_record_is_not_equal_to_one_of_another_class_even_with_the_same_values():
    measure = Measure(id=1, fiscal_year=2566, title="ประชาสัมพันธ์", units=("กองคลัง",))
    state = MeasureState(id=1, fiscal_year=2566, title="ประชาสัมพันธ์", units=("กองคลัง",))
    assert measure != state and state != measure
    assert Agency(1, "x") != (1, "x")
    assert replace(state, percent=40) == replace(state, percent=40)
    assert replace(state, percent=40) != state


def test_a_record_shows_its_class_and_every_field():
    assert repr(Unit("กองคลัง")) == (
        "Unit(name='กองคลัง', kind=None, parent=None, id=None, parent_id=None)"
    )
    shown = repr(replace(MeasureState(1, 2566, "t", ("a",)), end=date(2023, 3, 31)))
    assert shown.startswith("MeasureState(id=1, fiscal_year=2566, title='t', units=('a',),")
    assert "end=datetime.date(2023, 3, 31)" in shown and shown.endswith(
        "outside_fiscal_year=False)"
    )


def test_a_record_cannot_be_changed():
    unit = Unit("กองคลัง")
    with pytest.raises(FrozenInstanceError):
        unit.name = "กองช่าง"  # type: ignore[misc]
    with pytest.raises((FrozenInstanceError, AttributeError, TypeError)):
        unit.extra = 1  # type: ignore[attr-defined]


def test_importing_the_model_makes_no_record_class_until_one_is_wanted():
    """Python compiles the methods a dataclass generates: the classes are made when first used,
    not all of them as the app starts."""
    script = (
        "import dataclasses, ita_tui.core.model as m\n"
        "kinds = [c for c in vars(m).values() if isinstance(c, type) and issubclass(c, m.Record)]\n"
        "def made(): return sorted(c.__name__ for c in kinds if '__dataclass_params__' in c.__dict__)\n"
        "print(made())\n"
        "m.Agency(1, 'x')\n"
        "print(made())\n"
        "print([f.name for f in dataclasses.fields(m.MeasureState)][-1], made())\n"
    )
    assert printed_by(script) == [
        "[]",
        "['Agency']",
        "outside_fiscal_year ['Agency', 'Measure', 'MeasureState']",
    ]


def test_the_first_records_of_a_class_built_at_once_by_many_threads_are_all_whole():
    script = (
        "from concurrent.futures import ThreadPoolExecutor\n"
        "from ita_tui.core.model import Finding\n"
        "def build(n): return Finding(n, 2565, 'weakness', str(n), measures=(n,))\n"
        "with ThreadPoolExecutor(16) as pool: built = list(pool.map(build, range(64)))\n"
        "print(all(f.text == str(f.id) and f.measures == (f.id,) for f in built), len(built))\n"
    )
    assert printed_by(script) == ["True 64"]
