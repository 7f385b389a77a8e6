"""A record's fields are named once, in the model: the store's mappings and the snapshot's keys
are derived from them, and a field one of them has no place for fails here, not in silence."""

import dataclasses
from decimal import Decimal

import pytest

from ita_tui.core.model import (
    Assessment,
    ChecklistItem,
    Finding,
    Measure,
    ProgressEntry,
    Recommendation,
    Unit,
    field_names,
)
from ita_tui.db import mappings, open_database
from ita_tui.db.mappings import TableMapping
from ita_tui.documents import snapshot


def _store_columns(table: str) -> set[str]:
    db = open_database(":memory:")
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def _without_a_column(mapping: TableMapping) -> set[str]:
    """The record's fields the mapping would write to a column the store does not have."""
    columns = _store_columns(mapping.table)
    return {field for field, column in mapping.columns.items() if column not in columns}


def _unplaced(mapping: TableMapping) -> set[str]:
    """The record's fields that are neither a column nor said to be held elsewhere."""
    return set(field_names(mapping.record_type)) - set(mapping.columns) - mapping.elsewhere


@pytest.mark.parametrize("mapping", mappings.ALL, ids=lambda m: m.table)
def test_every_field_of_a_record_has_a_column_or_is_held_elsewhere(mapping):
    assert _without_a_column(mapping) == set()
    assert _unplaced(mapping) == set()
    assert mapping.elsewhere <= set(field_names(mapping.record_type))


def test_a_field_added_to_the_model_without_a_migration_is_caught():
    """The check above bites: a measure with one field more than the store has is reported."""

    @dataclasses.dataclass(frozen=True)
    class MeasureWithMore(Measure):
        cost_centre: str | None = None

    grown = TableMapping(
        "measures",
        MeasureWithMore,
        renamed={"period": "period_text", "start": "start_date", "end": "end_date"},
        elsewhere=("units", "findings", "contents", "progress", "carried_from"),
    )
    assert _without_a_column(grown) == {"cost_centre"}


def test_a_mapping_refuses_to_rename_a_field_the_record_does_not_have():
    mapping = TableMapping("measures", Measure, renamed={"budgets": "budget"})
    # Laid out when first used (not on import, for the app's start), and refused then.
    with pytest.raises(RuntimeError, match="budgets"):
        mapping.select("m")


def test_a_field_is_converted_by_its_type():
    row = mappings.MEASURES.row(
        Measure(id=1, fiscal_year=2566, title="ก", units=("กองคลัง",), budget=Decimal("12.50"))
    )
    assert row["budget"] == "12.50" and row["budget_used"] is None
    back = mappings.MEASURES.from_columns(row, units=("กองคลัง",))
    assert back.budget == Decimal("12.50")


SNAPSHOT_KEYS = [
    (snapshot.MEASURE_KEYS, Measure, set()),
    (snapshot.PROGRESS_KEYS, ProgressEntry, set()),
    # A checklist item is known by its text, a unit's parent by its name, an assessment by
    # its year; a finding's measures are the measures' `findings`.
    (snapshot.CONTENT_KEYS, ChecklistItem, {"id"}),
    (snapshot.UNIT_KEYS, Unit, {"id", "parent_id"}),
    (snapshot.ASSESSMENT_KEYS, Assessment, {"id"}),
    (snapshot.RECOMMENDATION_KEYS, Recommendation, {"id"}),
    (snapshot.FINDING_KEYS, Finding, {"measures"}),
]


# Named by the record: an id built from a set's printing would differ between xdist's workers.
@pytest.mark.parametrize(
    "keys, record, store_only",
    SNAPSHOT_KEYS,
    ids=[record.__name__ for _, record, _ in SNAPSHOT_KEYS],
)
def test_the_snapshot_writes_every_field_of_a_record(keys, record, store_only):
    assert set(keys) == set(field_names(record)) - store_only
