"""The records ita-tui keeps, each field named once.

A plan file is read into these, the store writes and reads them, screens and commands show them,
and the snapshot and the JSON of the command line are written from them. Dates are `date`
objects everywhere above the store; the store alone knows its column names (`start_date`,
`entry_date`, `recorded_by`…). Nothing here knows of Textual, Rich, SQLite or TOML."""

import threading
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar, dataclass_transform

# The values some fields may take; the schema and the checks of files and forms share them.
ROLES = ("officer", "supervisor", "administrator")
MEASURE_STATUSES = ("not_started", "in_progress", "done", "dropped", "carried")
# What a measure of an old plan becomes when the new year's plan carries it on: its history
# stays, its follow-up goes on in the copy (ยกไปปีงบประมาณถัดไป). Set by accepting a new year,
# not chosen by hand.
CARRIED = "carried"
FINDING_KINDS = ("weakness", "develop")
INSTRUMENTS = ("IIT", "EIT", "OIT")


def field_names(record: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(record))


@dataclass_transform(frozen_default=True, eq_default=False)
class Record:
    """What every record shares (the model's, and the frozen records of the other modules): it
    is a frozen dataclass, equal to a record of its own class with the same fields, hashed and
    shown by its fields, as a dataclass's generated methods do. One method of each for all of
    them rather than one generated per class; and a record class is made a dataclass the first
    time one is built or its fields are asked for, not as the module is imported. Python
    compiles every method a dataclass generates, and the records' were a twentieth of the time
    the app took to show its first screen, which builds few kinds of them."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Until `made`: the first record built, or the first look at the fields, makes the class.
        cls.__init__ = _made_then_built  # type: ignore[method-assign,assignment]
        cls.__dataclass_fields__ = _FieldsMadeWhenAsked()  # type: ignore[attr-defined]

    def field_values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))  # type: ignore[arg-type]

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.field_values() == other.field_values()

    def __hash__(self) -> int:
        return hash(self.field_values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self))  # type: ignore[arg-type]
        return f"{self.__class__.__qualname__}({shown})"


_making = threading.Lock()
Kind = TypeVar("Kind", bound=type)


def made(kind: Kind) -> Kind:
    """The record class, and the record classes it extends, made dataclasses if not yet."""
    with _making:
        for record_class in reversed(kind.__mro__):
            if (
                record_class is Record
                or not issubclass(record_class, Record)
                or "__dataclass_params__" in record_class.__dict__
            ):
                continue
            delattr(record_class, "__init__")
            delattr(record_class, "__dataclass_fields__")
            # Without a docstring, dataclass writes one from the class's signature, which
            # inspect works out: a quarter of the making, for a text no one reads.
            undocumented = record_class.__doc__ is None
            if undocumented:
                record_class.__doc__ = record_class.__name__
            dataclass(frozen=True, eq=False, repr=False)(record_class)
            if undocumented:
                record_class.__doc__ = None
    return kind


def _made_then_built(record: Record, *args: Any, **kwargs: Any) -> None:
    made(type(record)).__init__(record, *args, **kwargs)


class _FieldsMadeWhenAsked:
    """A record class's fields, as `dataclasses.fields` and `is_dataclass` ask for them."""

    def __get__(self, record: object, kind: type) -> dict[str, Any]:
        made_fields: dict[str, Any] = made(kind).__dict__["__dataclass_fields__"]
        return made_fields


class Agency(Record):
    id: int
    name: str


class Unit(Record):
    """A กอง, สำนัก or งาน; a section names the office it belongs to as its parent."""

    name: str
    kind: str | None = None
    parent: str | None = None
    id: int | None = None
    parent_id: int | None = None


class Assessment(Record):
    """One year's ITA result: the ten indicator scores, and what the NACC published."""

    year: int
    scores: tuple[float, ...]
    published_overall: float | None = None
    published_result: str | None = None
    note: str | None = None
    id: int | None = None


class Recommendation(Record):
    assessment_year: int
    text: str
    done_on: date | None = None
    id: int | None = None


class Finding(Record):
    """What lost an indicator points, or what to develop: about one indicator, or about an
    instrument as a whole; for OIT, often one item of the year's checklist."""

    id: int | None
    assessment_year: int
    kind: str
    text: str
    instrument: str | None = None
    indicator: int | None = None
    sub_indicator: str | None = None
    topic: str | None = None
    oit_item: str | None = None
    measures: tuple[int, ...] = ()


class ChecklistItem(Record):
    """A content the measure's report must hold, ticked with the day it was done."""

    text: str
    done_on: date | None = None
    evidence: str | None = None
    by: str | None = None
    id: int | None = None


class ProgressEntry(Record):
    """How far a measure had come on a day. Never edited: a correction is a new entry."""

    date: date
    percent: int
    note: str | None = None
    evidence: str | None = None
    by: str | None = None
    recorded_at: datetime | None = None
    id: int | None = None
    corrects: int | None = None
    # ปัญหาอุปสรรค and ข้อเสนอแนะ, as the follow-up report to the NACC asks of each round.
    problems: str | None = None
    suggestions: str | None = None


class LoggedProgress(Record):
    """A progress entry with the measure it is about, for lists across a whole plan."""

    measure_id: int
    entry: ProgressEntry


class TickedContent(Record):
    """A checklist item with the measure it belongs to, for lists across a whole plan."""

    measure_id: int
    item: ChecklistItem


class Measure(Record):
    """A measure of the plan as written: what, by whom (lead unit first), when."""

    id: int | None
    fiscal_year: int
    title: str
    units: tuple[str, ...]
    topic: str | None = None
    method: str = ""
    follow_up: str = ""
    period: str = ""
    start: date | None = None
    end: date | None = None
    status: str = "not_started"
    drop_reason: str | None = None
    findings: tuple[int, ...] = ()
    contents: tuple[ChecklistItem, ...] = ()
    progress: tuple[ProgressEntry, ...] = ()
    # The measure of an earlier plan this one carries on, unfinished (its id).
    carried_from: int | None = None
    # The planned budget in baht: None when the plan does not say, 0 when it uses none
    # (ไม่ใช้งบประมาณ); and what has been spent so far.
    budget: Decimal | None = None
    budget_used: Decimal | None = None

    @property
    def full_title(self) -> str:
        return f"{self.title} — {self.topic}" if self.topic else self.title


class MeasureState(Measure):
    """A measure as it stands on the as-of date; the follow-up rules' verdicts
    (ita_tui.core.follow_up) come with it. Lists leave `contents`, `progress` and `findings` empty;
    `MeasureDetail` has them."""

    position: int = 0
    percent: int = 0
    last_progress: date | None = None
    status_changed_on: date | None = None
    days_overdue: int = 0
    due_soon: bool = False
    stale: bool = False
    outside_fiscal_year: bool = False

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


class MeasureDetail(MeasureState):
    """One measure in full, for its page: the findings it answers as records."""

    agency_id: int = 0
    answers: tuple[Finding, ...] = ()


class Meeting(Record):
    id: int
    held_on: date
    attendees: str | None = None
    notes: str | None = None
    recorded_by: str | None = None


class Decision(Record):
    id: int
    meeting_id: int
    held_on: date
    text: str
    measure_id: int | None = None
    measure_title: str | None = None
    unit_id: int | None = None
    unit_name: str | None = None
    due_on: date | None = None
    closed_on: date | None = None
    closed_note: str | None = None


class Person(Record):
    id: int
    login: str
    name: str
    role: str
    active: bool
    has_password: bool
    units: str = ""


class AccessEvent(Record):
    id: int
    at: str
    event: str
    login: str | None = None
    action: str | None = None
    detail: str | None = None


class PublishedAddress(Record):
    """Where the agency publishes an OIT item (o25…) for an assessment year (B.E.)."""

    year: int
    item: str
    url: str


class Plan(Record):
    """An agency's whole plan, as a plan file or a snapshot holds it."""

    agency: str
    assessments: tuple[Assessment, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    units: tuple[Unit, ...] = ()
    findings: tuple[Finding, ...] = ()
    measures: tuple[Measure, ...] = ()
    generated_at: datetime | None = None
    # The agency's own OIT item lists, each a checked [[catalogues]] table of
    # data/oit_catalogues.toml's shape (ita_tui.core.oit reads and checks them).
    oit_lists: tuple[dict[str, Any], ...] = ()
    published_addresses: tuple[PublishedAddress, ...] = ()


class EvidenceLink(Record):
    """An address kept as evidence of a measure: of one of its contents, or of a progress entry."""

    measure_id: int
    measure_title: str
    content: str | None
    url: str
    entry_date: date | None


class LinkToCheck(Record):
    """An address the database holds, where it is held (said for a person), and the B.E. year
    the page should be about (None when nothing says)."""

    place: str
    url: str
    year: int | None = None
