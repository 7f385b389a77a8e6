"""Checking a plan or snapshot document against format version 1 before anything is written.

Every problem in a file is collected, each with its key path (`measures[3].end`), so that a user
fixes a file in one pass. What comes out is a plan with dates parsed and text normalised."""

import contextlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from ita_tui.core.errors import UserError
from ita_tui.core.model import (
    FINDING_KINDS,
    INSTRUMENTS,
    MEASURE_STATUSES,
    Assessment,
    ChecklistItem,
    Finding,
    Measure,
    Plan,
    ProgressEntry,
    PublishedAddress,
    Recommendation,
    Unit,
    field_names,
)
from ita_tui.core.money import baht
from ita_tui.core.plan_periods import parse_period
from ita_tui.core.scoring import indicators, methodology
from ita_tui.core.text import normalise
from ita_tui.core.thai_calendar import parse_date, plausible

FORMAT_NAME = "ita-tui-snapshot"
FORMAT_VERSION = 1

# How far ahead of this machine's clock another machine's may run.
CLOCK_SKEW = timedelta(minutes=10)

# Keys an export writes that are derived from the rest; an import accepts and recomputes them.
# `new_year_draft` is the token of a next-year draft (ita_tui.db.new_year_drafts).
_DERIVED_TOP = {
    "generated_at",
    "as_of",
    "summary",
    "journal_head",
    "journal_entry",
    "new_year_draft",
}
_DERIVED_ASSESSMENT = {"computed_overall", "computed_result", "passed"}
_DERIVED_MEASURE = {"percent", "overdue", "days_overdue", "flags"}


@dataclass(frozen=True)
class Problem:
    path: str
    key: str
    params: dict[str, Any]


def _file_keys(record: type, *store_only: str) -> set[str]:
    """The keys a file may give a record: its fields, but those the store alone sets."""
    return set(field_names(record)) - set(store_only)


def _aware(moment: datetime) -> datetime:
    """A time written without an offset is Thai time, so that times compare."""
    if moment.tzinfo is None:
        from ita_tui.core.thai_calendar import THAI_TIME

        return moment.replace(tzinfo=THAI_TIME)
    return moment


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, key: str, **params: Any) -> None:
        self.problems.append(Problem(path, key, params))

    def table(self, value: Any, path: str, allowed: set[str], required: set[str]) -> dict | None:
        if not isinstance(value, dict):
            self.fail(path, "snapshot.not_table")
            return None
        for key in sorted(set(value) - allowed):
            self.fail(f"{path}.{key}" if path else key, "snapshot.unknown_key")
        for key in sorted(required - set(value)):
            self.fail(f"{path}.{key}" if path else key, "snapshot.missing_key")
        return value

    def array(self, document: dict, key: str, path: str = "") -> list:
        value = document.get(key, [])
        if not isinstance(value, list):
            self.fail(f"{path}{key}", "snapshot.not_array")
            return []
        return value

    def text(
        self, value: Any, path: str, required: bool = False, multiline: bool = False
    ) -> str | None:
        if value is None:
            if required:
                self.fail(path, "snapshot.missing_key")
            return None
        if not isinstance(value, str):
            self.fail(path, "snapshot.not_text", value=repr(value))
            return None
        try:
            cleaned = normalise(value, multiline=multiline)
        except UserError as error:
            self.fail(path, error.key, **error.params)
            return None
        if required and not cleaned:
            self.fail(path, "snapshot.empty_text")
            return None
        return cleaned

    def integer(self, value: Any, path: str, low: int, high: int) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path, "snapshot.not_integer", value=repr(value))
            return None
        if not low <= value <= high:
            self.fail(path, "snapshot.out_of_range", value=value, low=low, high=high)
            return None
        return value

    def score(self, value: Any, path: str) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(path, "snapshot.not_number", value=repr(value))
            return None
        if not 0 <= value <= 100:
            self.fail(path, "snapshot.out_of_range", value=value, low=0, high=100)
            return None
        return float(value)

    def amount(self, value: Any, path: str) -> Decimal | None:
        """An amount of baht; a file gives it as a number."""
        if value is None:
            return None
        try:
            if isinstance(value, str):
                raise ValueError(value)
            return baht(value)
        except ValueError:
            self.fail(path, "snapshot.not_baht", value=repr(value))
            return None

    def day(self, value: Any, path: str) -> date | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            self.fail(path, "snapshot.not_date", value=str(value))
            return None
        if isinstance(value, date):
            if not plausible(value):
                self.fail(path, "snapshot.date_out_of_range", value=str(value))
                return None
            return value
        if isinstance(value, str):
            try:
                return parse_date(value)
            except UserError:
                self.fail(path, "snapshot.not_date", value=value)
                return None
        self.fail(path, "snapshot.not_date", value=repr(value))
        return None

    def moment(self, value: Any, path: str) -> datetime | None:
        moment = None
        if isinstance(value, datetime):
            moment = value
        elif isinstance(value, str):
            with contextlib.suppress(ValueError):
                moment = datetime.fromisoformat(value)
        if value is None:
            return None
        if moment is None:
            self.fail(path, "snapshot.not_datetime", value=str(value))
            return None
        if not plausible(moment.date()):
            self.fail(path, "snapshot.date_out_of_range", value=str(value))
            return None
        return _aware(moment)

    def choice(self, value: Any, path: str, choices: tuple[str, ...]) -> str | None:
        if value not in choices:
            self.fail(path, "snapshot.not_choice", value=repr(value), choices=", ".join(choices))
            return None
        return value


def validate(document: dict, source: str = "") -> Plan:
    """Check a parsed TOML document; raise one UserError that lists every problem, naming the
    file it came from."""
    check = _Checker()
    check.table(
        document,
        "",
        {"format", "version", "agency", "assessments", "recommendations", "units", "findings"}
        | {"measures", "oit_lists", "published_addresses"}
        | _DERIVED_TOP,
        {"format", "version", "agency"},
    )
    if "format" in document and document["format"] != FORMAT_NAME:
        check.fail("format", "snapshot.wrong_format", value=repr(document["format"]))
    if "version" in document and document["version"] != FORMAT_VERSION:
        check.fail("version", "snapshot.wrong_version", value=repr(document["version"]))
    check.day(document.get("as_of"), "as_of")
    generated_at = check.moment(document.get("generated_at"), "generated_at")
    # A snapshot from the future would make every later one of its agency look older.
    if generated_at is not None and generated_at > datetime.now(UTC) + CLOCK_SKEW:
        check.fail("generated_at", "snapshot.generated_in_future", value=str(generated_at))
        generated_at = None

    agency_name = None
    agency = document.get("agency")
    if agency is not None and check.table(agency, "agency", {"name"}, {"name"}):
        agency_name = check.text(agency.get("name"), "agency.name", required=True)

    units = _units(check, document)
    findings, finding_ids = _findings(check, document)
    plan = Plan(
        agency=agency_name or "",
        generated_at=generated_at,
        assessments=tuple(_assessments(check, document)),
        recommendations=tuple(_recommendations(check, document)),
        units=tuple(units),
        findings=tuple(findings),
        measures=tuple(_measures(check, document, {u.name for u in units}, finding_ids)),
        oit_lists=tuple(_oit_lists(check, document)),
        published_addresses=tuple(_published_addresses(check, document)),
    )
    if check.problems:
        raise SnapshotInvalid(check.problems, source)
    return plan


class SnapshotInvalid(UserError):
    def __init__(self, problems: list[Problem], source: str = "") -> None:
        super().__init__("snapshot.invalid", count=len(problems), path=source)
        self.problems = problems
        self.source = source

    def message(self, lang: str) -> str:
        from ita_tui.core.i18n import translate

        lines = [
            translate("snapshot.invalid", lang, count=len(self.problems), path=self.source or "-")
        ]

        for problem in self.problems:
            detail = translate(problem.key, lang, **problem.params)
            lines.append(f"  {problem.path}: {detail}")
        return "\n".join(lines)


def _assessments(check: _Checker, document: dict) -> list[Assessment]:
    result: list[Assessment] = []
    seen: set[int] = set()
    allowed = _file_keys(Assessment, "id")
    for index, row in enumerate(check.array(document, "assessments")):
        path = f"assessments[{index}]"
        if not check.table(row, path, allowed | _DERIVED_ASSESSMENT, {"year", "scores"}):
            continue
        year = check.integer(row.get("year"), f"{path}.year", 2500, 2700)
        expected = len(indicators())
        if year is not None:
            if year in seen:
                check.fail(f"{path}.year", "snapshot.duplicate", value=year)
            seen.add(year)
            try:
                expected = methodology(year).indicator_count
            except UserError:
                check.fail(f"{path}.year", "score.no_methodology", year=year)
        scores = row.get("scores")
        if not isinstance(scores, list) or len(scores) != expected:
            if "scores" in row:
                check.fail(f"{path}.scores", "snapshot.need_ten_scores", expected=expected)
            continue
        values = [check.score(s, f"{path}.scores[{i}]") for i, s in enumerate(scores)]
        published = row.get("published_overall")
        if published is not None:
            published = check.score(published, f"{path}.published_overall")
        if year is None or None in values:
            continue
        result.append(
            Assessment(
                year=year,
                scores=tuple(v for v in values if v is not None),
                published_overall=published,
                published_result=check.text(
                    row.get("published_result"), f"{path}.published_result"
                ),
                note=check.text(row.get("note"), f"{path}.note", multiline=True),
            )
        )
    return result


def _oit_lists(check: _Checker, document: dict) -> list[dict]:
    """The agency's own OIT lists, each checked as ita_tui.core.oit reads a list, none overlapping
    another's years; kept in the form the tool writes them."""
    from ita_tui.core import oit

    result: list[dict] = []
    taken: list[tuple[int, float]] = []
    for index, row in enumerate(check.array(document, "oit_lists")):
        path = f"oit_lists[{index}]"
        try:
            catalogue = oit.parse_catalogue(row, path)
        except UserError as error:
            check.fail(path, "snapshot.bad_oit_list", detail=error.params.get("detail", ""))
            continue
        first, last = catalogue.first_year, catalogue.last_year or float("inf")
        if any(first <= other_last and other_first <= last for other_first, other_last in taken):
            check.fail(f"{path}.first_year", "snapshot.duplicate", value=first)
            continue
        taken.append((first, last))
        result.append(oit.catalogue_document(catalogue))
    return result


def _published_addresses(check: _Checker, document: dict) -> list[PublishedAddress]:
    """Where the agency publishes each OIT item of a year: one address an item and year."""
    result: list[PublishedAddress] = []
    seen: set[tuple[int, str]] = set()
    keys = set(_file_keys(PublishedAddress))
    for index, row in enumerate(check.array(document, "published_addresses")):
        path = f"published_addresses[{index}]"
        if not check.table(row, path, keys, keys):
            continue
        year = check.integer(row.get("year"), f"{path}.year", 2500, 2700)
        item = check.text(row.get("item"), f"{path}.item", required=True)
        url = check.text(row.get("url"), f"{path}.url", required=True)
        if year is None or not item or not url:
            continue
        code = item.lower()
        if (year, code) in seen:
            check.fail(f"{path}.item", "snapshot.duplicate", value=f"{item} {year}")
            continue
        seen.add((year, code))
        result.append(PublishedAddress(year=year, item=code, url=url))
    return result


def _recommendations(check: _Checker, document: dict) -> list[Recommendation]:
    result = []
    allowed = _file_keys(Recommendation, "id")
    for index, row in enumerate(check.array(document, "recommendations")):
        path = f"recommendations[{index}]"
        if not check.table(row, path, allowed, {"assessment_year", "text"}):
            continue
        year = check.integer(row.get("assessment_year"), f"{path}.assessment_year", 2500, 2700)
        text = check.text(row.get("text"), f"{path}.text", required=True, multiline=True)
        done_on = check.day(row.get("done_on"), f"{path}.done_on")
        if year is not None and text:
            result.append(Recommendation(assessment_year=year, text=text, done_on=done_on))
    return result


def _units(check: _Checker, document: dict) -> list[Unit]:
    result: list[tuple[Unit, str]] = []
    rows = check.array(document, "units")
    names: set[str] = set()
    for index, row in enumerate(rows):
        path = f"units[{index}]"
        if not check.table(row, path, _file_keys(Unit, "id", "parent_id"), {"name"}):
            continue
        name = check.text(row.get("name"), f"{path}.name", required=True)
        if name is None:
            continue
        if name in names:
            check.fail(f"{path}.name", "snapshot.duplicate", value=name)
            continue
        names.add(name)
        unit = Unit(
            name=name,
            kind=check.text(row.get("kind"), f"{path}.kind"),
            parent=check.text(row.get("parent"), f"{path}.parent"),
        )
        result.append((unit, path))
    for unit, path in result:
        if unit.parent is not None and unit.parent not in names:
            check.fail(f"{path}.parent", "snapshot.unknown_unit", value=unit.parent)
        if unit.parent == unit.name:
            check.fail(f"{path}.parent", "snapshot.own_parent", value=unit.name)
    return [unit for unit, _ in result]


_SUB_INDICATOR = re.compile(r"(\d{1,2})\.(\d{1,2})")
_OIT_ITEM = re.compile(r"o\d{1,3}")


def _findings(check: _Checker, document: dict) -> tuple[list[Finding], set[int]]:
    """The findings, and the ids of all of them (also of those with other problems), so that
    measures can name them."""
    result: list[Finding] = []
    ids: set[int] = set()
    instrument_of = {i.number: i.instrument for i in indicators()}
    allowed = _file_keys(Finding, "measures")
    for index, row in enumerate(check.array(document, "findings")):
        path = f"findings[{index}]"
        if not check.table(row, path, allowed, {"id", "assessment_year", "kind", "text"}):
            continue
        finding_id = check.integer(row.get("id"), f"{path}.id", 1, 2**31)
        if finding_id is not None:
            if finding_id in ids:
                check.fail(f"{path}.id", "snapshot.duplicate", value=finding_id)
            ids.add(finding_id)
        indicator = None
        if "indicator" in row:
            indicator = check.integer(row["indicator"], f"{path}.indicator", 1, len(indicators()))
        instrument = row.get("instrument")
        if instrument is not None:
            instrument = check.choice(instrument, f"{path}.instrument", INSTRUMENTS)
        if indicator is not None:
            if instrument is not None and instrument != instrument_of[indicator]:
                check.fail(f"{path}.instrument", "snapshot.instrument_mismatch", value=instrument)
            instrument = instrument_of[indicator]
        elif instrument is None and "indicator" not in row:
            check.fail(f"{path}.indicator", "snapshot.need_indicator_or_instrument")
        sub = check.text(row.get("sub_indicator"), f"{path}.sub_indicator")
        if sub is not None:
            match = _SUB_INDICATOR.fullmatch(sub)
            if not match or (indicator is not None and int(match.group(1)) != indicator):
                check.fail(f"{path}.sub_indicator", "snapshot.bad_sub_indicator", value=sub)
        item = check.text(row.get("oit_item"), f"{path}.oit_item")
        if item is not None and not _OIT_ITEM.fullmatch(item.lower()):
            check.fail(f"{path}.oit_item", "snapshot.bad_oit_item", value=item)
        year = check.integer(row.get("assessment_year"), f"{path}.assessment_year", 2500, 2700)
        kind = check.choice(row.get("kind"), f"{path}.kind", FINDING_KINDS)
        topic = check.text(row.get("topic"), f"{path}.topic")
        text = check.text(row.get("text"), f"{path}.text", required=True, multiline=True)
        if year is None or kind is None or text is None:
            continue
        result.append(
            Finding(
                id=finding_id,
                assessment_year=year,
                instrument=instrument,
                indicator=indicator,
                sub_indicator=sub,
                kind=kind,
                topic=topic,
                text=text,
                oit_item=item.lower() if item else None,
            )
        )
    return result, ids


def _string_list(check: _Checker, value: Any, path: str) -> list[str]:
    if not isinstance(value, list):
        check.fail(path, "snapshot.not_array")
        return []
    cleaned = [check.text(v, f"{path}[{i}]", required=True) for i, v in enumerate(value)]
    return [c for c in cleaned if c]


def _measures(
    check: _Checker, document: dict, unit_names: set[str], finding_ids: set[int]
) -> list[Measure]:
    result: list[Measure] = []
    ids: set[int] = set()
    allowed = _file_keys(Measure)
    for index, row in enumerate(check.array(document, "measures")):
        path = f"measures[{index}]"
        required = {"fiscal_year", "title", "units"}
        if not check.table(row, path, allowed | _DERIVED_MEASURE, required):
            continue
        measure_id = None
        if "id" in row:
            measure_id = check.integer(row["id"], f"{path}.id", 1, 2**31)
            if measure_id is not None:
                if measure_id in ids:
                    check.fail(f"{path}.id", "snapshot.duplicate", value=measure_id)
                ids.add(measure_id)
        carried_from = None
        if "carried_from" in row:
            carried_from = check.integer(row["carried_from"], f"{path}.carried_from", 1, 2**31)
            # The measure carried on comes earlier in the plan (an older year's, before it).
            if carried_from is not None and (carried_from == measure_id or carried_from not in ids):
                check.fail(f"{path}.carried_from", "snapshot.unknown_carried", value=carried_from)
                carried_from = None
        units = _string_list(check, row.get("units", []), f"{path}.units")
        if "units" in row and not units:
            check.fail(f"{path}.units", "snapshot.need_unit")
        for position, name in enumerate(units):
            if name not in unit_names:
                check.fail(f"{path}.units[{position}]", "snapshot.unknown_unit", value=name)
        if len(set(units)) != len(units):
            check.fail(f"{path}.units", "snapshot.duplicate_unit")
        findings = row.get("findings", [])
        if not isinstance(findings, list):
            check.fail(f"{path}.findings", "snapshot.not_array")
            findings = []
        named: list[int] = []
        for position, finding in enumerate(findings):
            where = f"{path}.findings[{position}]"
            if check.integer(finding, where, 1, 2**31) is None:
                continue
            if finding in named:
                check.fail(where, "snapshot.duplicate", value=finding)
            elif finding not in finding_ids:
                check.fail(where, "snapshot.unknown_finding", value=finding)
            else:
                named.append(finding)
        period_text = check.text(row.get("period", ""), f"{path}.period") or ""
        start = check.day(row.get("start"), f"{path}.start")
        end = check.day(row.get("end"), f"{path}.end")
        if "start" not in row and "end" not in row:
            try:
                plan_year = row.get("fiscal_year")
                period = parse_period(
                    period_text, plan_year if isinstance(plan_year, int) else None
                )
                start, end = period.start, period.end
            except UserError as error:
                check.fail(f"{path}.period", error.key, **error.params)
        if start is not None and end is not None and end < start:
            check.fail(f"{path}.end", "snapshot.end_before_start")
        status = check.choice(row.get("status", "not_started"), f"{path}.status", MEASURE_STATUSES)
        drop_reason = check.text(row.get("drop_reason"), f"{path}.drop_reason", multiline=True)
        if status == "dropped" and not drop_reason:
            check.fail(f"{path}.drop_reason", "snapshot.need_drop_reason")
        year = check.integer(row.get("fiscal_year"), f"{path}.fiscal_year", 2500, 2700)
        title = check.text(row.get("title"), f"{path}.title", required=True)
        topic = check.text(row.get("topic"), f"{path}.topic")
        method = check.text(row.get("method"), f"{path}.method", multiline=True) or ""
        follow_up = check.text(row.get("follow_up"), f"{path}.follow_up", multiline=True) or ""
        budget = check.amount(row.get("budget"), f"{path}.budget")
        budget_used = check.amount(row.get("budget_used"), f"{path}.budget_used")
        contents = tuple(_contents(check, row, path))
        progress = tuple(_progress(check, row, path))
        if year is None or title is None or status is None:
            continue
        result.append(
            Measure(
                id=measure_id,
                fiscal_year=year,
                title=title,
                topic=topic,
                method=method,
                follow_up=follow_up,
                units=tuple(units),
                period=period_text,
                start=start,
                end=end,
                status=status,
                drop_reason=drop_reason if status == "dropped" else None,
                findings=tuple(named),
                contents=contents,
                progress=progress,
                carried_from=carried_from,
                budget=budget,
                budget_used=budget_used,
            )
        )
    return result


def _contents(check: _Checker, measure: dict, measure_path: str) -> list[ChecklistItem]:
    result = []
    allowed = _file_keys(ChecklistItem, "id")
    for index, row in enumerate(check.array(measure, "contents", f"{measure_path}.")):
        path = f"{measure_path}.contents[{index}]"
        if not check.table(row, path, allowed, {"text"}):
            continue
        text = check.text(row.get("text"), f"{path}.text", required=True)
        done_on = check.day(row.get("done_on"), f"{path}.done_on")
        evidence = check.text(row.get("evidence"), f"{path}.evidence")
        by = check.text(row.get("by"), f"{path}.by")
        if text is None:
            continue
        result.append(ChecklistItem(text=text, done_on=done_on, evidence=evidence, by=by))
    return result


def _progress(check: _Checker, measure: dict, measure_path: str) -> list[ProgressEntry]:
    result = []
    allowed = _file_keys(ProgressEntry)
    ids = {
        row.get("id")
        for row in check.array(measure, "progress", f"{measure_path}.")
        if isinstance(row, dict)
    }
    for index, row in enumerate(check.array(measure, "progress", f"{measure_path}.")):
        path = f"{measure_path}.progress[{index}]"
        if not check.table(row, path, allowed, {"date", "percent"}):
            continue
        entry_date = check.day(row.get("date"), f"{path}.date")
        percent = check.integer(row.get("percent"), f"{path}.percent", 0, 100)
        recorded_at = check.moment(row.get("recorded_at"), f"{path}.recorded_at")
        entry_id = check.integer(row["id"], f"{path}.id", 1, 2**62) if "id" in row else None
        corrects = None
        if "corrects" in row:
            corrects = check.integer(row["corrects"], f"{path}.corrects", 1, 2**62)
            if corrects is not None and corrects not in ids:
                check.fail(f"{path}.corrects", "snapshot.unknown_entry", value=corrects)
        note = check.text(row.get("note"), f"{path}.note", multiline=True)
        evidence = check.text(row.get("evidence"), f"{path}.evidence")
        by = check.text(row.get("by"), f"{path}.by")
        problems = check.text(row.get("problems"), f"{path}.problems", multiline=True)
        suggestions = check.text(row.get("suggestions"), f"{path}.suggestions", multiline=True)
        if entry_date is None or percent is None:
            continue
        result.append(
            ProgressEntry(
                date=entry_date,
                percent=percent,
                note=note,
                evidence=evidence,
                by=by,
                recorded_at=recorded_at,
                id=entry_id,
                corrects=corrects,
                problems=problems or None,
                suggestions=suggestions or None,
            )
        )
    return result
