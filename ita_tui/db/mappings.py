"""Each table's rows and the model's records, mapped once, from the records' own fields.

A field is stored in the column of its name unless `renamed` says otherwise, and converted by its
type: dates and times as ISO text, amounts of baht as exact text. A field kept in another table (a
measure's units, its checklist) is named in `elsewhere`. A field added to a model record is thus
read and written by the store without another word here; `tests/test_mappings.py` fails until
the migration gives it a column. Column names live here and in the SQL of `db/` alone."""

import types
from collections.abc import Callable, Mapping
from dataclasses import fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, TypeVar, Union, get_args, get_origin

from ita_tui.core.model import (
    ChecklistItem,
    Finding,
    Measure,
    Meeting,
    ProgressEntry,
    PublishedAddress,
    Recommendation,
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
        renamed = dict(renamed or {})
        self.columns: dict[str, str] = {}
        self._to_store: dict[str, Convert] = {}
        self._from_store: dict[str, Convert] = {}
        for field in fields(record):  # type: ignore[arg-type]
            if field.name in self.elsewhere:
                continue
            self.columns[field.name] = renamed.pop(field.name, field.name)
            self._to_store[field.name], self._from_store[field.name] = _conversion(field.type)
        if renamed:
            raise RuntimeError(f"{table}: no such fields of {record.__name__}: {sorted(renamed)}")

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
        return {
            field: self._from_store[field](stored[field])
            for field in self.columns
            if field in stored
        }

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
PUBLISHED_ADDRESSES = TableMapping("published_addresses", PublishedAddress)

ALL = (MEASURES, CONTENTS, PROGRESS, FINDINGS, RECOMMENDATIONS, MEETINGS, PUBLISHED_ADDRESSES)
