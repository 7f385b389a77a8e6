"""Reads: the rows every screen and command shows, already annotated with their follow-up state."""

import json
from collections.abc import Iterator
from datetime import date, timedelta

from ita_tui import follow_up
from ita_tui.db.connection import Database
from ita_tui.errors import UserError
from ita_tui.text import normalise, visible
from ita_tui.thai_calendar import to_arabic_digits


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def agencies(db: Database) -> list[dict]:
    return db.rows("SELECT id, name FROM agencies ORDER BY name")


def agency(db: Database, name: str | None = None) -> dict:
    """The agency a command works on: the only one, or the one named."""
    if name is not None:
        found = db.row("SELECT id, name FROM agencies WHERE name = ?", (normalise(name),))
        if found is None:
            raise UserError("agency.unknown", name=name, known=_some_agency_names(db))
        return found
    first_two = db.rows("SELECT id, name FROM agencies ORDER BY name LIMIT 2")
    if not first_two:
        raise UserError("agency.none")
    if len(first_two) > 1:
        raise UserError("agency.choose", known=_some_agency_names(db))
    return first_two[0]


def agency_by_id(db: Database, agency_id: int) -> dict | None:
    return db.row("SELECT id, name FROM agencies WHERE id = ?", (agency_id,))


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


def units(db: Database, agency_id: int) -> list[dict]:
    return db.rows(
        """SELECT u.id, u.name, u.kind, u.parent_id, p.name AS parent
           FROM units u LEFT JOIN units p ON p.id = u.parent_id
           WHERE u.agency_id = ? ORDER BY u.position, u.id""",
        (agency_id,),
    )


def find_unit(db: Database, agency_id: int, text: str) -> dict:
    """A unit by its name as a user types it: exact, or the one unit the words point to
    (`งานนิติการ สำนักปลัดฯ` and `นิติการ` both find งานนิติการ)."""
    wanted = normalise(text)
    every = units(db, agency_id)
    for unit in every:
        if unit["name"] == wanted:
            return unit
    folded = wanted.casefold()
    candidates = [
        u for u in every if folded in u["name"].casefold() or u["name"].casefold() in folded
    ]
    if len(candidates) == 1:
        return candidates[0]
    known = ", ".join(u["name"] for u in every)
    if candidates:
        matches = ", ".join(u["name"] for u in candidates)
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


_MEASURE_COLUMNS = """
    m.id, m.fiscal_year, m.position, m.title, m.topic, m.method, m.follow_up, m.status,
    m.start_date, m.end_date, m.period_text, m.drop_reason, m.status_changed_on,
    (SELECT p.percent FROM progress p WHERE p.measure_id = m.id
       ORDER BY p.entry_date DESC, p.id DESC LIMIT 1) AS percent,
    (SELECT max(p.entry_date) FROM progress p WHERE p.measure_id = m.id) AS last_progress
"""


def _annotate(
    row: dict,
    units_by_measure: dict[int, list[str]],
    as_of: date,
    stale_days: int = follow_up.STALE_DAYS,
) -> dict:
    start, end = _day(row.pop("start_date")), _day(row.pop("end_date"))
    last_progress = _day(row["last_progress"])
    row["status_changed_on"] = _day(row["status_changed_on"])

    status = row["status"]
    row.update(
        start=start,
        end=end,
        last_progress=last_progress,
        percent=row["percent"] or 0,
        units=units_by_measure.get(row["id"], []),
        days_overdue=follow_up.days_overdue(status, end, as_of),
        due_soon=follow_up.is_due_soon(status, end, as_of),
        stale=follow_up.is_stale(status, last_progress, start, as_of, stale_days),
        outside_fiscal_year=follow_up.outside_fiscal_year(row["fiscal_year"], start, end),
    )
    row["overdue"] = row["days_overdue"] > 0
    return row


FOLLOW_UPS = ("overdue", "due_soon", "stale")


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
    """The WHERE clause for a filtered list of measures; the follow-up rules mirror
    ita_tui.follow_up so that the database does the filtering, however many measures."""
    conditions, params = ["m.agency_id = ?"], [agency_id]
    open_statuses = ", ".join(f"'{s}'" for s in follow_up.OPEN_STATUSES)
    if status is not None:
        conditions.append("m.status = ?")
        params.append(status)
    if unit_id is not None:
        conditions.append("m.id IN (SELECT measure_id FROM measure_units WHERE unit_id = ?)")
        params.append(unit_id)
    if ids is not None:
        conditions.append(f"m.id IN ({', '.join('?' for _ in ids) or 'NULL'})")
        params.extend(ids)
    if follow == "overdue":
        conditions.append(f"m.status IN ({open_statuses}) AND m.end_date < ?")
        params.append(as_of.isoformat())
    elif follow == "due_soon":
        conditions.append(f"m.status IN ({open_statuses}) AND m.end_date BETWEEN ? AND ?")
        params.extend([as_of.isoformat(), (as_of + timedelta(follow_up.DUE_SOON_DAYS)).isoformat()])
    elif follow == "stale":
        conditions.append(
            f"m.status IN ({open_statuses}) AND (m.start_date IS NULL OR m.start_date <= ?)"
            " AND coalesce((SELECT max(p.entry_date) FROM progress p WHERE p.measure_id = m.id),"
            " m.start_date, '') <= ?"
        )
        params.extend([as_of.isoformat(), (as_of - timedelta(stale_days)).isoformat()])
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
) -> list[dict]:
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
    rows = db.rows(
        f"SELECT {_MEASURE_COLUMNS} FROM measures m WHERE {where}"
        f" ORDER BY m.fiscal_year, m.position, m.id{page}",
        params,
    )
    if limit is None:
        units_by_measure = _measure_units(db, where, params)
    else:
        shown = [row["id"] for row in rows]
        units_by_measure = _measure_units(
            db, f"m.id IN ({', '.join('?' for _ in shown) or 'NULL'})", shown
        )
    return [_annotate(row, units_by_measure, as_of, stale_days) for row in rows]


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


def measure(db: Database, measure_id: int, as_of: date) -> dict:
    rows = db.rows(
        f"SELECT {_MEASURE_COLUMNS}, m.agency_id FROM measures m WHERE m.id = ?", (measure_id,)
    )
    if not rows:
        raise UserError("measure.unknown", id=measure_id)
    row = rows[0]
    units_by_measure = _measure_units(db, "m.id = ?", (measure_id,))
    detail = _annotate(row, units_by_measure, as_of)
    detail["contents"] = contents(db, measure_id)
    detail["progress"] = progress(db, measure_id)
    detail["findings"] = db.rows(
        """SELECT f.* FROM findings f JOIN measure_findings mf ON mf.finding_id = f.id
           WHERE mf.measure_id = ? ORDER BY f.position, f.id""",
        (measure_id,),
    )
    return detail


def contents(db: Database, measure_id: int) -> list[dict]:
    rows = db.rows(
        "SELECT * FROM measure_contents WHERE measure_id = ? ORDER BY position, id",
        (measure_id,),
    )
    for row in rows:
        row["done_on"] = _day(row["done_on"])
    return rows


def progress(db: Database, measure_id: int) -> list[dict]:
    """Newest first, as an officer reads a log."""
    rows = db.rows(
        "SELECT * FROM progress WHERE measure_id = ? ORDER BY entry_date DESC, id DESC",
        (measure_id,),
    )
    for row in rows:
        row["entry_date"] = _day(row["entry_date"])
    return rows


def assessments(db: Database, agency_id: int) -> list[dict]:
    rows = db.rows("SELECT * FROM assessments WHERE agency_id = ? ORDER BY year", (agency_id,))
    for row in rows:
        row["scores"] = [row.pop(f"indicator_{n}") for n in range(1, 11)]
    return rows


def findings(db: Database, agency_id: int) -> list[dict]:
    rows = db.rows("SELECT * FROM findings WHERE agency_id = ? ORDER BY position, id", (agency_id,))
    links = db.rows(
        """SELECT mf.finding_id, mf.measure_id FROM measure_findings mf
           JOIN findings f ON f.id = mf.finding_id WHERE f.agency_id = ?
           ORDER BY mf.measure_id""",
        (agency_id,),
    )
    by_finding: dict[int, list[int]] = {}
    for link in links:
        by_finding.setdefault(link["finding_id"], []).append(link["measure_id"])
    for row in rows:
        row["measures"] = by_finding.get(row["id"], [])
    return rows


def recommendations(db: Database, agency_id: int) -> list[dict]:
    rows = db.rows(
        "SELECT * FROM recommendations WHERE agency_id = ? ORDER BY position, id", (agency_id,)
    )
    for row in rows:
        row["done_on"] = _day(row["done_on"])
    return rows


def meetings(db: Database, agency_id: int) -> list[dict]:
    rows = db.rows("SELECT * FROM meetings WHERE agency_id = ? ORDER BY held_on, id", (agency_id,))
    for row in rows:
        row["held_on"] = _day(row["held_on"])
    return rows


def decisions(db: Database, agency_id: int, open_on: date | None = None) -> list[dict]:
    """Decisions with their meeting, measure and unit; with `open_on`, those taken by that day
    and not closed by it."""
    rows = db.rows(
        """SELECT d.*, mt.held_on, m.title AS measure_title, u.name AS unit_name
           FROM decisions d JOIN meetings mt ON mt.id = d.meeting_id
           LEFT JOIN measures m ON m.id = d.measure_id
           LEFT JOIN units u ON u.id = d.unit_id
           WHERE d.agency_id = ? ORDER BY mt.held_on, d.id""",
        (agency_id,),
    )
    for row in rows:
        for key in ("held_on", "due_on", "closed_on"):
            row[key] = _day(row[key])
    if open_on is not None:
        rows = [
            r
            for r in rows
            if r["held_on"] <= open_on and (r["closed_on"] is None or r["closed_on"] > open_on)
        ]
    return rows


def _dated_between(
    db: Database, table: str, day_column: str, agency_id: int, since: date, until: date
) -> list[dict]:
    """Rows of a measure's log or checklist dated after `since` up to `until`, oldest first."""
    rows = db.rows(
        f"""SELECT t.*, m.title FROM {table} t JOIN measures m ON m.id = t.measure_id
            WHERE m.agency_id = ? AND t.{day_column} > ? AND t.{day_column} <= ?
            ORDER BY t.{day_column}, t.id""",
        (agency_id, since.isoformat(), until.isoformat()),
    )
    for row in rows:
        row[day_column] = _day(row[day_column])
    return rows


def progress_since(db: Database, agency_id: int, since: date, until: date) -> list[dict]:
    return _dated_between(db, "progress", "entry_date", agency_id, since, until)


def contents_ticked_since(db: Database, agency_id: int, since: date, until: date) -> list[dict]:
    return _dated_between(db, "measure_contents", "done_on", agency_id, since, until)


def progress_entries(db: Database, agency_id: int) -> list[dict]:
    """Every progress entry of the agency, oldest first, for curves over the year."""
    rows = db.rows(
        """SELECT p.measure_id, p.entry_date, p.percent FROM progress p
           JOIN measures m ON m.id = p.measure_id WHERE m.agency_id = ?
           ORDER BY p.entry_date, p.id""",
        (agency_id,),
    )
    for row in rows:
        row["entry_date"] = _day(row["entry_date"])
    return rows


def _grouped(db: Database, table: str, columns: str, order: str, agency_id: int) -> dict:
    grouped: dict[int, list[tuple]] = {}
    for row in db.execute(
        f"""SELECT t.measure_id, {columns} FROM {table} t JOIN measures m ON m.id = t.measure_id
            WHERE m.agency_id = ? ORDER BY t.measure_id, {order}""",
        (agency_id,),
    ):
        grouped.setdefault(row[0], []).append(row)
    return grouped


def contents_by_measure(db: Database, agency_id: int) -> dict[int, list[tuple]]:
    """Every checklist of the agency in one query, for whole-plan work such as the snapshot:
    rows of (measure_id, text, done_on, evidence, done_by), dates as ISO text."""
    columns = "t.text, t.done_on, t.evidence, t.done_by"
    return _grouped(db, "measure_contents", columns, "t.position, t.id", agency_id)


def progress_by_measure(db: Database, agency_id: int) -> dict[int, list[tuple]]:
    """Every progress log of the agency in one query, oldest first: rows of (measure_id,
    entry_date, percent, note, evidence, recorded_by, recorded_at, id, corrects_id)."""
    columns = "t.entry_date, t.percent, t.note, t.evidence, t.recorded_by, t.recorded_at"
    columns += ", t.id, t.corrects_id"
    return _grouped(db, "progress", columns, "t.entry_date, t.id", agency_id)


def overdue_statement(agency_id: int, as_of: date, unit_id: int | None = None) -> tuple[str, list]:
    """The query for open measures past their end date, lead unit by lead unit and longest
    overdue first, one JSON object a row written by SQLite itself, so that the national list
    (`ita-tui overdue --json`) costs little more than the query (benchmarks/run.py holds it
    to twice the least script that prints the same rows)."""
    open_statuses = ", ".join(f"'{s}'" for s in follow_up.OPEN_STATUSES)
    where = f"m.agency_id = ? AND m.status IN ({open_statuses}) AND m.end_date < ?"
    params: list = [agency_id, as_of.isoformat()]
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
                'outside_fiscal_year', json(CASE WHEN
                    m.end_date < printf('%04d-10-01', m.fiscal_year - 544)
                    OR m.start_date > printf('%04d-09-30', m.fiscal_year - 543)
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


def overdue_json(db: Database, agency_id: int, as_of: date, unit_id: int | None = None) -> str:
    return "[" + ",".join(overdue_json_items(db, agency_id, as_of, unit_id)) + "]"


def overdue(db: Database, agency_id: int, as_of: date, unit_id: int | None = None) -> list[dict]:
    return json.loads(overdue_json(db, agency_id, as_of, unit_id))


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
    open_statuses = ", ".join(f"'{s}'" for s in follow_up.OPEN_STATUSES)
    day, stale_before = as_of.isoformat(), (as_of - timedelta(stale_days)).isoformat()
    order = f"{AGENCY_SORTS.get(sort, AGENCY_SORTS['overall'])}, name"
    counts = f"""
              (SELECT count(*) FROM measures m WHERE m.agency_id = page.id) AS measures,
              (SELECT count(*) FROM measures m WHERE m.agency_id = page.id
                 AND m.status IN ({open_statuses}) AND m.end_date < ?) AS overdue,
              (SELECT count(*) FROM measures m WHERE m.agency_id = page.id
                 AND m.status IN ({open_statuses}) AND (m.start_date IS NULL OR m.start_date <= ?)
                 AND coalesce((SELECT max(p.entry_date) FROM progress p WHERE p.measure_id = m.id),
                              m.start_date, '') <= ?) AS stale"""
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
        parameters = [day, day, stale_before, *params]
    else:
        # Sorted by name or result: the page first, then the counts of its rows only, so that
        # the national list opens as fast with 8,000 agencies as with 30.
        sql = f"""SELECT page.*, {counts}
                  FROM ({agencies_with_result} ORDER BY {order} {page}) page ORDER BY {order}"""
        parameters = [day, day, stale_before, *params]
    rows = db.rows(sql, parameters)
    return rows, total
