"""Reads: the rows every screen and command shows, already annotated with their follow-up state."""

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

from ita_tui.core import follow_up
from ita_tui.core.errors import UserError
from ita_tui.core.model import (
    Agency,
    Assessment,
    ChecklistItem,
    Decision,
    EvidenceLink,
    Finding,
    LoggedProgress,
    MeasureDetail,
    MeasureState,
    Meeting,
    ProgressEntry,
    PublishedAddress,
    Recommendation,
    TickedContent,
    Unit,
)
from ita_tui.core.text import normalise, visible
from ita_tui.core.thai_calendar import to_arabic_digits
from ita_tui.db.connection import Database
from ita_tui.db.mappings import (
    ASSESSMENTS,
    CONTENTS,
    DECISIONS,
    FINDINGS,
    MEASURES,
    MEETINGS,
    PROGRESS,
    PUBLISHED_ADDRESSES,
    RECOMMENDATIONS,
    UNITS,
    indicator_columns,
)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def agencies(db: Database) -> list[Agency]:
    return [Agency(*row) for row in db.execute("SELECT id, name FROM agencies ORDER BY name")]


def agency(db: Database, name: str | None = None) -> Agency:
    """The agency a command works on: the only one, or the one named."""
    if name is not None:
        found = db.execute(
            "SELECT id, name FROM agencies WHERE name = ?", (normalise(name),)
        ).fetchone()
        if found is None:
            raise UserError("agency.unknown", name=name, known=_some_agency_names(db))
        return Agency(*found)
    first_two = db.execute("SELECT id, name FROM agencies ORDER BY name LIMIT 2").fetchall()
    if not first_two:
        raise UserError("agency.none")
    if len(first_two) > 1:
        raise UserError("agency.choose", known=_some_agency_names(db))
    return Agency(*first_two[0])


def agency_by_id(db: Database, agency_id: int) -> Agency | None:
    found = db.execute("SELECT id, name FROM agencies WHERE id = ?", (agency_id,)).fetchone()
    return Agency(*found) if found else None


def agency_count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM agencies").fetchone()[0]


def _some_agency_names(db: Database, shown: int = 10) -> str:
    """Names for a message: all of a few, the first of many and how many more."""
    names = [
        row[0]
        for row in db.execute("SELECT name FROM agencies ORDER BY name LIMIT ?", (shown + 1,))
    ]
    if len(names) <= shown:
        return ", ".join(names)
    more = agency_count(db) - shown
    return ", ".join(names[:shown]) + f" … (+{more})"


def units(db: Database, agency_id: int) -> list[Unit]:
    return [
        UNITS.record(row, parent=row["parent"])
        for row in db.rows(
            f"""SELECT {UNITS.select("u")}, p.name AS parent
               FROM units u LEFT JOIN units p ON p.id = u.parent_id
               WHERE u.agency_id = ? ORDER BY u.position, u.id""",
            (agency_id,),
        )
    ]


def find_unit(db: Database, agency_id: int, text: str) -> Unit:
    """A unit by its name as a user types it: exact, or the one unit the words point to
    (`งานนิติการ สำนักปลัดฯ` and `นิติการ` both find งานนิติการ)."""
    wanted = normalise(text)
    every = units(db, agency_id)
    for unit in every:
        if unit.name == wanted:
            return unit
    folded = wanted.casefold()
    candidates = [u for u in every if folded in u.name.casefold() or u.name.casefold() in folded]
    if len(candidates) == 1:
        return candidates[0]
    known = ", ".join(u.name for u in every)
    if candidates:
        matches = ", ".join(u.name for u in candidates)
        raise UserError("unit.ambiguous", name=text, matches=matches)
    raise UserError("unit.unknown", name=text, known=known)


def _measure_units(
    db: Database, where: str = "m.agency_id = ?", params: tuple | list = ()
) -> dict[int, list[str]]:
    """Unit names per measure, lead first, for the measures that `where` selects."""
    rows = db.rows(
        f"""SELECT mu.measure_id, u.name FROM measure_units mu
           JOIN units u ON u.id = mu.unit_id
           WHERE mu.measure_id IN (SELECT m.id FROM measures m WHERE {where})
           ORDER BY mu.measure_id, mu.position""",
        params,
    )
    by_measure: dict[int, list[str]] = {}
    for row in rows:
        by_measure.setdefault(row["measure_id"], []).append(row["name"])
    return by_measure


# A measure's fields, then where it stands in the plan and its latest progress (`_STANDING`).
_MEASURE_COLUMNS = f"""
    {MEASURES.select("m")}, m.position, m.status_changed_on,
    (SELECT p.percent FROM progress p WHERE p.measure_id = m.id
       ORDER BY p.entry_date DESC, p.id DESC LIMIT 1),
    (SELECT max(p.entry_date) FROM progress p WHERE p.measure_id = m.id)
"""
_STANDING = ("position", "status_changed_on", "percent", "last_progress")
_MEASURE_FIELDS = len(MEASURES.columns)
_MEASURE_ID = list(MEASURES.columns).index("id")


def _state(
    row: tuple,
    units_by_measure: dict[int, list[str]],
    as_of: date,
    stale_days: int = follow_up.STALE_DAYS,
    record: type[MeasureState] = MeasureState,
    **detail: Any,
) -> MeasureState:
    """A measure row (`_MEASURE_COLUMNS`) with the follow-up rules' verdicts as of a date."""
    measure = MEASURES.values_of(row[:_MEASURE_FIELDS])
    standing = dict(zip(_STANDING, row[_MEASURE_FIELDS:], strict=True))
    status, start, end = measure["status"], measure["start"], measure["end"]
    last_progress = _day(standing["last_progress"])
    return record(
        **measure,
        units=tuple(units_by_measure.get(measure["id"], ())),
        position=standing["position"],
        percent=standing["percent"] or 0,
        last_progress=last_progress,
        status_changed_on=_day(standing["status_changed_on"]),
        days_overdue=follow_up.days_overdue(status, end, as_of),
        due_soon=follow_up.is_due_soon(status, end, as_of),
        stale=follow_up.is_stale(status, last_progress, start, as_of, stale_days),
        outside_fiscal_year=follow_up.outside_fiscal_year(measure["fiscal_year"], start, end),
        **detail,
    )


def _contains(word: str) -> tuple[str, str]:
    """A test that the measure's text holds a word too short for the trigram index, made so
    that SQLite itself runs it: handed to FTS5, a LIKE pattern under three characters of Thai
    finds nothing. Words with letters of two cases match either case, as LIKE does."""
    if word.lower() == word.upper():
        return "instr(text, ?) > 0", word
    return "(text || '') LIKE ?", f"%{word}%"


def _conditions(
    agency_id: int,
    as_of: date,
    unit_id: int | None,
    status: str | None,
    follow: str | None,
    search: str | None,
    stale_days: int,
    ids: list[int] | None,
    whole_set: bool = False,
) -> tuple[str, list]:
    """The WHERE clause for a filtered list of measures: the database does the filtering,
    however many measures, by the follow-up rules' SQL form."""
    conditions = ["m.agency_id = ?"]
    params: list[int | str] = [agency_id]
    if status is not None:
        conditions.append("m.status = ?")
        params.append(status)
    if unit_id is not None:
        conditions.append("m.id IN (SELECT measure_id FROM measure_units WHERE unit_id = ?)")
        params.append(unit_id)
    if ids is not None:
        conditions.append(f"m.id IN ({', '.join('?' for _ in ids) or 'NULL'})")
        params.extend(ids)
    if follow is not None:
        condition, values = follow_up.sql_follow(follow, as_of, stale_days)
        conditions.append(condition)
        params.extend(values)
    words = [to_arabic_digits(normalise(visible(word))) for word in (search or "").split()]
    # Words of three characters or more go through the trigram index. A shorter one cannot:
    # for a page it is looked for in each measure's text in turn until the page is full; for a
    # count, in the text of the measures the longer words found, or alone in one pass over all.
    long_words = " AND ".join('"' + w.replace('"', '""') + '"' for w in words if len(w) >= 3)
    by_unit = (
        "SELECT mu.measure_id FROM measure_units mu JOIN units u ON u.id = mu.unit_id"
        " WHERE u.agency_id = ? AND u.name LIKE ?"
    )
    for word in words:
        if len(word) < 3 and not whole_set:
            contains, value = _contains(word)
            conditions.append(
                f"(EXISTS (SELECT 1 FROM measure_text WHERE rowid = m.id AND {contains})"
                f" OR m.id IN ({by_unit}))"
            )
            params.extend([value, agency_id, f"%{word}%"])
            continue
        if len(word) >= 3:
            in_text = "SELECT rowid FROM measure_text WHERE measure_text MATCH ?"
            params.append('"' + word.replace('"', '""') + '"')
        elif long_words:
            contains, value = _contains(word)
            in_text = f"SELECT rowid FROM measure_text WHERE measure_text MATCH ? AND {contains}"
            params.extend([long_words, value])
        else:
            contains, value = _contains(word)
            in_text = f"SELECT rowid FROM measure_text WHERE {contains}"
            params.append(value)
        # One set of ids per word, in its text or its units: SQLite then starts from the set.
        conditions.append(f"m.id IN ({in_text} UNION ALL {by_unit})")
        params.extend([agency_id, f"%{word}%"])
    return " AND ".join(conditions), params


def measures(
    db: Database,
    agency_id: int,
    as_of: date,
    unit_id: int | None = None,
    status: str | None = None,
    overdue_only: bool = False,
    stale_days: int = follow_up.STALE_DAYS,
    follow: str | None = None,
    search: str | None = None,
    ids: list[int] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[MeasureState]:
    """The agency's measures, filtered and in plan order; `limit` and `offset` page them."""
    where, params = _conditions(
        agency_id,
        as_of,
        unit_id,
        status,
        "overdue" if overdue_only else follow,
        search,
        stale_days,
        ids,
    )
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    rows = db.execute(
        f"SELECT {_MEASURE_COLUMNS} FROM measures m WHERE {where}"
        f" ORDER BY m.fiscal_year, m.position, m.id{page}",
        params,
    ).fetchall()
    if limit is None:
        units_by_measure = _measure_units(db, where, params)
    else:
        shown = [row[_MEASURE_ID] for row in rows]
        units_by_measure = _measure_units(
            db, f"m.id IN ({', '.join('?' for _ in shown) or 'NULL'})", shown
        )
    return [_state(row, units_by_measure, as_of, stale_days) for row in rows]


def count_measures(
    db: Database,
    agency_id: int,
    as_of: date,
    unit_id: int | None = None,
    status: str | None = None,
    follow: str | None = None,
    search: str | None = None,
    stale_days: int = follow_up.STALE_DAYS,
) -> int:
    where, params = _conditions(
        agency_id, as_of, unit_id, status, follow, search, stale_days, None, whole_set=True
    )
    return db.execute(f"SELECT count(*) FROM measures m WHERE {where}", params).fetchone()[0]


def is_slow_search(search: str | None) -> bool:
    """Whether counting a search reads measures' text rather than the trigram index: it has a
    word shorter than the index serves."""
    return any(len(to_arabic_digits(normalise(visible(w)))) < 3 for w in (search or "").split())


def measure(
    db: Database, measure_id: int, as_of: date, stale_days: int = follow_up.STALE_DAYS
) -> MeasureDetail:
    row = db.execute(
        f"SELECT {_MEASURE_COLUMNS} FROM measures m WHERE m.id = ?", (measure_id,)
    ).fetchone()
    agency_id = db.execute("SELECT agency_id FROM measures WHERE id = ?", (measure_id,)).fetchone()
    if row is None:
        raise UserError("measure.unknown", id=measure_id)
    answers = tuple(
        _finding(found)
        for found in db.rows(
            """SELECT f.* FROM findings f JOIN measure_findings mf ON mf.finding_id = f.id
               WHERE mf.measure_id = ? ORDER BY f.position, f.id""",
            (measure_id,),
        )
    )
    detail = _state(
        row,
        _measure_units(db, "m.id = ?", (measure_id,)),
        as_of,
        stale_days,
        MeasureDetail,
        agency_id=agency_id[0],
        contents=tuple(contents(db, measure_id)),
        progress=tuple(progress(db, measure_id)),
        findings=tuple(f.id for f in answers),
        answers=answers,
    )
    assert isinstance(detail, MeasureDetail)
    return detail


def contents(db: Database, measure_id: int) -> list[ChecklistItem]:
    return [
        CONTENTS.record(row)
        for row in db.rows(
            f"SELECT {CONTENTS.select('t')} FROM measure_contents t WHERE t.measure_id = ?"
            " ORDER BY t.position, t.id",
            (measure_id,),
        )
    ]


def progress(db: Database, measure_id: int) -> list[ProgressEntry]:
    """Newest first, as an officer reads a log."""
    return [
        PROGRESS.record(row)
        for row in db.rows(
            f"SELECT {PROGRESS.select('t')} FROM progress t WHERE t.measure_id = ?"
            " ORDER BY t.entry_date DESC, t.id DESC",
            (measure_id,),
        )
    ]


def assessments(db: Database, agency_id: int) -> list[Assessment]:
    return [
        ASSESSMENTS.from_columns(row, scores=tuple(row[c] for c in indicator_columns()))
        for row in db.rows(
            "SELECT * FROM assessments WHERE agency_id = ? ORDER BY year", (agency_id,)
        )
    ]


def published_addresses(
    db: Database, agency_id: int, year: int | None = None
) -> list[PublishedAddress]:
    rows = db.rows(
        f"SELECT {PUBLISHED_ADDRESSES.select('a')} FROM published_addresses a"
        " WHERE a.agency_id = ? AND (? IS NULL OR a.year = ?) ORDER BY a.year, a.item",
        (agency_id, year, year),
    )
    return [PUBLISHED_ADDRESSES.record(row) for row in rows]


def evidence_links(db: Database, agency_id: int) -> list[EvidenceLink]:
    """Every address kept as evidence of a measure: of a content ticked off, of a progress entry."""
    rows = db.rows(
        "SELECT m.id AS measure_id, m.title AS measure_title, c.text AS content,"
        " c.evidence AS url, NULL AS entry_date FROM measure_contents c"
        " JOIN measures m ON m.id = c.measure_id"
        " WHERE m.agency_id = ? AND c.evidence IS NOT NULL AND c.evidence != ''"
        " UNION ALL"
        " SELECT m.id, m.title, NULL, p.evidence, p.entry_date FROM progress p"
        " JOIN measures m ON m.id = p.measure_id"
        " WHERE m.agency_id = ? AND p.evidence IS NOT NULL AND p.evidence != ''"
        " ORDER BY measure_id, entry_date",
        (agency_id, agency_id),
    )
    return [EvidenceLink(**{**row, "entry_date": _day(row["entry_date"])}) for row in rows]


def oit_lists(db: Database, agency_id: int) -> list[dict]:
    """The agency's own OIT item lists, as their documents, oldest years first."""
    return [
        json.loads(row["document"])
        for row in db.rows(
            "SELECT document FROM oit_lists WHERE agency_id = ? ORDER BY first_year",
            (agency_id,),
        )
    ]


def _finding(row: dict, measures: tuple[int, ...] = ()) -> Finding:
    return FINDINGS.from_columns(row, measures=measures)


def findings(db: Database, agency_id: int) -> list[Finding]:
    rows = db.rows("SELECT * FROM findings WHERE agency_id = ? ORDER BY position, id", (agency_id,))
    links = db.execute(
        """SELECT mf.finding_id, mf.measure_id FROM measure_findings mf
           JOIN findings f ON f.id = mf.finding_id WHERE f.agency_id = ?
           ORDER BY mf.measure_id""",
        (agency_id,),
    ).fetchall()
    by_finding: dict[int, list[int]] = {}
    for finding_id, measure_id in links:
        by_finding.setdefault(finding_id, []).append(measure_id)
    return [_finding(row, tuple(by_finding.get(row["id"], ()))) for row in rows]


def recommendations(db: Database, agency_id: int) -> list[Recommendation]:
    return [
        RECOMMENDATIONS.record(row)
        for row in db.rows(
            f"SELECT {RECOMMENDATIONS.select('t')} FROM recommendations t"
            " WHERE t.agency_id = ? ORDER BY t.position, t.id",
            (agency_id,),
        )
    ]


def meetings(db: Database, agency_id: int) -> list[Meeting]:
    return [
        MEETINGS.record(row)
        for row in db.rows(
            f"SELECT {MEETINGS.select('t')} FROM meetings t"
            " WHERE t.agency_id = ? ORDER BY t.held_on, t.id",
            (agency_id,),
        )
    ]


def decisions(db: Database, agency_id: int, open_on: date | None = None) -> list[Decision]:
    """Decisions with their meeting, measure and unit; with `open_on`, those taken by that day
    and not closed by it."""
    found = [
        DECISIONS.record(
            row,
            held_on=date.fromisoformat(row["held_on"]),
            measure_title=row["measure_title"],
            unit_name=row["unit_name"],
        )
        for row in db.rows(
            f"""SELECT {DECISIONS.select("d")}, mt.held_on AS held_on,
                  m.title AS measure_title, u.name AS unit_name
               FROM decisions d JOIN meetings mt ON mt.id = d.meeting_id
               LEFT JOIN measures m ON m.id = d.measure_id
               LEFT JOIN units u ON u.id = d.unit_id
               WHERE d.agency_id = ? ORDER BY mt.held_on, d.id""",
            (agency_id,),
        )
    ]
    if open_on is not None:
        found = [
            d
            for d in found
            if d.held_on <= open_on and (d.closed_on is None or d.closed_on > open_on)
        ]
    return found


def progress_since(db: Database, agency_id: int, since: date, until: date) -> list[LoggedProgress]:
    """The progress logged on days after `since` up to `until`, oldest first."""
    rows = db.rows(
        f"""SELECT t.measure_id AS measure_id, {PROGRESS.select("t")}
            FROM progress t JOIN measures m ON m.id = t.measure_id
            WHERE m.agency_id = ? AND t.entry_date > ? AND t.entry_date <= ?
            ORDER BY t.entry_date, t.id""",
        (agency_id, since.isoformat(), until.isoformat()),
    )
    return [LoggedProgress(row["measure_id"], PROGRESS.record(row)) for row in rows]


def contents_ticked_since(
    db: Database, agency_id: int, since: date, until: date
) -> list[TickedContent]:
    """The checklist items ticked as done on days after `since` up to `until`, oldest first."""
    rows = db.rows(
        f"""SELECT t.measure_id AS measure_id, {CONTENTS.select("t")}
            FROM measure_contents t JOIN measures m ON m.id = t.measure_id
            WHERE m.agency_id = ? AND t.done_on > ? AND t.done_on <= ?
            ORDER BY t.done_on, t.id""",
        (agency_id, since.isoformat(), until.isoformat()),
    )
    return [TickedContent(row["measure_id"], CONTENTS.record(row)) for row in rows]


def progress_entries(db: Database, agency_id: int) -> list[LoggedProgress]:
    """Every progress entry of the agency, oldest first, for curves over the year."""
    return _logged(db, agency_id, "t.entry_date, t.id")


def _logged(db: Database, agency_id: int, order: str) -> list[LoggedProgress]:
    # The measure's id, then the entry's fields.
    rows = db.execute(
        f"""SELECT t.measure_id, {PROGRESS.select("t")}
            FROM progress t JOIN measures m ON m.id = t.measure_id
            WHERE m.agency_id = ? ORDER BY {order}""",
        (agency_id,),
    ).fetchall()
    return [LoggedProgress(row[0], PROGRESS.from_values(row[1:])) for row in rows]


def contents_by_measure(db: Database, agency_id: int) -> dict[int, list[ChecklistItem]]:
    """Every checklist of the agency in one query, for whole-plan work such as the snapshot."""
    grouped: dict[int, list[ChecklistItem]] = {}
    # The measure's id, then the item's fields.
    rows = db.execute(
        f"""SELECT t.measure_id, {CONTENTS.select("t")}
            FROM measure_contents t JOIN measures m ON m.id = t.measure_id
            WHERE m.agency_id = ? ORDER BY t.measure_id, t.position, t.id""",
        (agency_id,),
    ).fetchall()
    for row in rows:
        grouped.setdefault(row[0], []).append(CONTENTS.from_values(row[1:]))
    return grouped


def progress_by_measure(db: Database, agency_id: int) -> dict[int, list[ProgressEntry]]:
    """Every progress log of the agency in one query, each oldest first."""
    grouped: dict[int, list[ProgressEntry]] = {}
    for logged in _logged(db, agency_id, "t.measure_id, t.entry_date, t.id"):
        grouped.setdefault(logged.measure_id, []).append(logged.entry)
    return grouped


def overdue_statement(agency_id: int, as_of: date, unit_id: int | None = None) -> tuple[str, list]:
    """The query for open measures past their end date, lead unit by lead unit and longest
    overdue first, one JSON object a row written by SQLite itself, so that the national list
    (`ita-tui overdue --json`) costs little more than the query (benchmarks/run.py holds it
    to twice the least script that prints the same rows)."""
    overdue, values = follow_up.sql_overdue(as_of)
    where = f"m.agency_id = ? AND {overdue}"
    params: list = [agency_id, *values]
    if unit_id is not None:
        where += " AND m.id IN (SELECT measure_id FROM measure_units WHERE unit_id = ?)"
        params.append(unit_id)
    sql = f"""SELECT json_object(
                'id', m.id,
                'fiscal_year', m.fiscal_year,
                'title', m.title,
                'topic', m.topic,
                'units', (SELECT json_group_array(name) FROM (
                    SELECT u.name FROM measure_units mu JOIN units u ON u.id = mu.unit_id
                    WHERE mu.measure_id = m.id ORDER BY mu.position)),
                'status', m.status,
                'percent', coalesce((SELECT p.percent FROM progress p WHERE p.measure_id = m.id
                                     ORDER BY p.entry_date DESC, p.id DESC LIMIT 1), 0),
                'period', m.period_text,
                'start', m.start_date,
                'end', m.end_date,
                'overdue', json('true'),
                'days_overdue', CAST(julianday(?) - julianday(m.end_date) AS INTEGER),
                'outside_fiscal_year', json(CASE WHEN {follow_up.SQL_OUTSIDE_FISCAL_YEAR}
                  THEN 'true' ELSE 'false' END))
            FROM measures m
            LEFT JOIN measure_units lead_link
              ON lead_link.measure_id = m.id AND lead_link.role = 'lead'
            LEFT JOIN units lead ON lead.id = lead_link.unit_id
            WHERE {where}
            ORDER BY lead.position, m.end_date, m.id"""
    return sql, [as_of.isoformat(), *params]


def overdue_json_items(
    db: Database, agency_id: int, as_of: date, unit_id: int | None = None
) -> Iterator[str]:
    """Each overdue measure as a JSON object, one at a time, so that a national list is written
    out without being held whole."""
    for (item,) in db.execute(*overdue_statement(agency_id, as_of, unit_id)):
        yield item


AGENCY_SORTS = {
    "name": "name",
    "overall": "overall IS NULL, overall",
    "overdue": "overdue DESC",
    "stale": "stale DESC",
}


def agency_summaries(
    db: Database,
    as_of: date,
    search: str | None = None,
    sort: str = "overall",
    stale_days: int = follow_up.STALE_DAYS,
    limit: int = 200,
    offset: int = 0,
) -> tuple[list[dict], int]:
    """Per agency: the latest result and how its plan stands, for the national view; a page
    of them and how many match."""
    where, params = "1 = 1", []
    for word in (search or "").split():
        where += " AND a.name LIKE ?"
        params.append(f"%{normalise(visible(word))}%")
    total = db.execute(f"SELECT count(*) FROM agencies a WHERE {where}", params).fetchone()[0]
    overdue, overdue_values = follow_up.sql_overdue(as_of)
    stale, stale_values = follow_up.sql_stale(as_of, stale_days)
    order = f"{AGENCY_SORTS.get(sort, AGENCY_SORTS['overall'])}, name"
    counts = f"""
              (SELECT count(*) FROM measures m WHERE m.agency_id = page.id) AS measures,
              (SELECT count(*) FROM measures m WHERE m.agency_id = page.id
                 AND {overdue}) AS overdue,
              (SELECT count(*) FROM measures m WHERE m.agency_id = page.id
                 AND {stale}) AS stale"""
    agencies_with_result = f"""SELECT a.id, a.name, latest.year, latest.computed_overall AS overall,
              latest.computed_result AS result
           FROM agencies a
           LEFT JOIN assessments latest ON latest.id = (
               SELECT id FROM assessments WHERE agency_id = a.id ORDER BY year DESC LIMIT 1)
           WHERE {where}"""
    page = f"LIMIT {int(limit)} OFFSET {int(offset)}"
    if sort in ("overdue", "stale"):
        # Sorted by a count: every agency's counts are needed before the page.
        sql = f"SELECT page.*, {counts} FROM ({agencies_with_result}) page ORDER BY {order} {page}"
        parameters = [*overdue_values, *stale_values, *params]
    else:
        # Sorted by name or result: the page first, then the counts of its rows only, so that
        # the national list opens as fast with 8,000 agencies as with 30.
        sql = f"""SELECT page.*, {counts}
                  FROM ({agencies_with_result} ORDER BY {order} {page}) page ORDER BY {order}"""
        parameters = [*overdue_values, *stale_values, *params]
    rows = db.rows(sql, parameters)
    return rows, total
