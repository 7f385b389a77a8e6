"""Each table's rows and the model's records, mapped once, from the records' own fields.

A field is stored in the column of its name unless `renamed` says otherwise, and converted by its
type: dates and times as ISO text, amounts of baht as exact text. A field kept in another table (a
measure's units, its checklist) is named in `elsewhere`. A field added to a model record is thus
read and written by the store without another word here; `tests/test_mappings.py` fails until
the migration gives it a column. Column names live here and in the SQL of `db/` alone."""

import types
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, TypeVar, Union, get_args, get_origin

from ita_tui.core.model import (
    Assessment,
    ChecklistItem,
    Decision,
    Finding,
    Measure,
    Meeting,
    ProgressEntry,
    PublishedAddress,
    Recommendation,
    Unit,
)

Record = TypeVar("Record")
Convert = Callable[[Any], Any]


def _keep(value: Any) -> Any:
    return value


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _amount_text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _amount(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _base_type(kind: Any) -> Any:
    """`date` for `date | None`."""
    if get_origin(kind) in (Union, types.UnionType):
        present = [arg for arg in get_args(kind) if arg is not type(None)]
        return present[0] if len(present) == 1 else kind
    return kind


# datetime before date: a datetime is a date too.
_CONVERSIONS: tuple[tuple[type, Convert, Convert], ...] = (
    (datetime, _iso, _moment),
    (date, _iso, _day),
    (Decimal, _amount_text, _amount),
)


def _conversion(kind: Any) -> tuple[Convert, Convert]:
    base = _base_type(kind)
    for python_type, to_store, from_store in _CONVERSIONS:
        if isinstance(base, type) and issubclass(base, python_type):
            return to_store, from_store
    return _keep, _keep


class TableMapping(Generic[Record]):
    """A table's row ↔ a model record."""

    # Laid out from the record's fields when the mapping is first used (`_lay_out`).
    columns: dict[str, str]
    _to_store: dict[str, Convert]
    _from_store: dict[str, Convert]
    _kept: tuple[str, ...]
    _converted: tuple[tuple[str, Convert], ...]
    _fields: tuple[str, ...]
    _converted_at: tuple[tuple[int, Convert], ...]
    _in_field_order: bool

    def __init__(
        self,
        table: str,
        record: type[Record],
        renamed: Mapping[str, str] | None = None,
        elsewhere: tuple[str, ...] = (),
    ) -> None:
        self.table = table
        self.record_type = record
        self.elsewhere = frozenset(elsewhere)
        self._renamed = dict(renamed or {})

    def __getattr__(self, name: str) -> Any:
        # The record's fields are looked at when the mapping is first used, not as the module
        # is imported: asking for them makes the record class a dataclass (ita_tui.core.model),
        # about half a millisecond each, and the app's first frame reads few of these tables.
        if name.startswith("__") or "columns" in self.__dict__:
            raise AttributeError(name)
        self._lay_out()
        return getattr(self, name)

    def _lay_out(self) -> None:
        renamed = dict(self._renamed)
        columns: dict[str, str] = {}
        to_store: dict[str, Convert] = {}
        from_store: dict[str, Convert] = {}
        for field in fields(self.record_type):  # type: ignore[arg-type]
            if field.name in self.elsewhere:
                continue
            columns[field.name] = renamed.pop(field.name, field.name)
            to_store[field.name], from_store[field.name] = _conversion(field.type)
        if renamed:
            raise RuntimeError(
                f"{self.table}: no such fields of {self.record_type.__name__}: {sorted(renamed)}"
            )
        self._to_store = to_store
        self._from_store = from_store
        self._kept = tuple(f for f, convert in from_store.items() if convert is _keep)
        self._converted = tuple(
            (f, convert) for f, convert in from_store.items() if convert is not _keep
        )
        self._fields = tuple(columns)
        self._converted_at = tuple(
            (place, from_store[field])
            for place, field in enumerate(self._fields)
            if from_store[field] is not _keep
        )
        # A record all of whose fields are columns is made from a row's values as they come.
        self._in_field_order = self._fields == tuple(f.name for f in fields(self.record_type))  # type: ignore[arg-type]
        self.columns = columns  # last: its presence says the mapping is laid out

    def column(self, field: str) -> str:
        return self.columns[field]

    def select(self, alias: str) -> str:
        """The columns of the record's fields for a SELECT, each named as its field."""
        return ", ".join(f'{alias}.{column} AS "{field}"' for field, column in self.columns.items())

    def row(self, record: Record, leave_out: tuple[str, ...] = ()) -> dict[str, Any]:
        """The record as the store writes it: column → value."""
        return {
            column: self._to_store[field](getattr(record, field))
            for field, column in self.columns.items()
            if field not in leave_out
        }

    def changes(self, **values: Any) -> dict[str, Any]:
        """Some of the record's fields as the store writes them: column → value."""
        return {
            self.columns[field]: self._to_store[field](value) for field, value in values.items()
        }

    def values(self, stored: Mapping[str, Any]) -> dict[str, Any]:
        """A row read through `select` (keys are field names) as the record's field values."""
        # A whole plan is read through here, row by row: the fields kept as stored are
        # copied in one go.
        values = {field: stored[field] for field in self._kept}
        for field, convert in self._converted:
            values[field] = convert(stored[field])
        return values

    def values_of(self, values: Sequence[Any]) -> dict[str, Any]:
        """A row read through `select` as SQLite gives it, a tuple in `select`'s order, as the
        record's field values: for whole plans, where a dict a row from the cursor would cost
        more than the rest of the reading."""
        converted = list(values)
        for place, convert in self._converted_at:
            converted[place] = convert(converted[place])
        return dict(zip(self._fields, converted, strict=True))

    def from_values(self, values: Sequence[Any], **given: Any) -> Record:
        """A row read through `select` as SQLite gives it, as the record."""
        if given or not self._in_field_order:
            return self.record_type(**self.values_of(values), **given)
        converted = list(values)
        for place, convert in self._converted_at:
            converted[place] = convert(converted[place])
        return self.record_type(*converted)

    def record(self, stored: Mapping[str, Any], **given: Any) -> Record:
        """A row read through `select`, with the fields held elsewhere given."""
        return self.record_type(**self.values(stored), **given)

    def from_columns(self, stored: Mapping[str, Any], **given: Any) -> Record:
        """A row read by column name (`SELECT *`)."""
        by_field = {field: stored[column] for field, column in self.columns.items()}
        return self.record(by_field, **given)


MEASURES = TableMapping(
    "measures",
    Measure,
    renamed={
        "period": "period_text",
        "start": "start_date",
        "end": "end_date",
        "carried_from": "carried_from_id",
    },
    elsewhere=("units", "findings", "contents", "progress"),
)
CONTENTS = TableMapping("measure_contents", ChecklistItem, renamed={"by": "done_by"})
PROGRESS = TableMapping(
    "progress",
    ProgressEntry,
    renamed={"date": "entry_date", "by": "recorded_by", "corrects": "corrects_id"},
)
FINDINGS = TableMapping("findings", Finding, elsewhere=("measures",))
RECOMMENDATIONS = TableMapping("recommendations", Recommendation)
MEETINGS = TableMapping("meetings", Meeting)
# A unit's parent by name, a decision's meeting day, measure title and unit name are those rows'.
UNITS = TableMapping("units", Unit, elsewhere=("parent",))
DECISIONS = TableMapping("decisions", Decision, elsewhere=("held_on", "measure_title", "unit_name"))
# The ten scores are the columns indicator_1 … indicator_10 (`indicator_columns`).
ASSESSMENTS = TableMapping("assessments", Assessment, elsewhere=("scores",))
PUBLISHED_ADDRESSES = TableMapping("published_addresses", PublishedAddress)

ALL = (
    MEASURES,
    CONTENTS,
    PROGRESS,
    FINDINGS,
    RECOMMENDATIONS,
    MEETINGS,
    UNITS,
    DECISIONS,
    ASSESSMENTS,
    PUBLISHED_ADDRESSES,
)


def indicator_columns(count: int = 10) -> tuple[str, ...]:
    return tuple(f"indicator_{number}" for number in range(1, count + 1))
