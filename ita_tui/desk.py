"""The desk: the one entry for every read and action of the app's screens (and the commands'),
holding what each of them needs to know: the database, the agency worked on, the as-of date,
who is acting, and the words of the user's language.

A screen asks the desk, never the database: `desk.measures(follow="overdue")`,
`desk.log_progress(2, day, 40)`. Each action is taken as the desk's actor, who may be refused
(the refusal is recorded by the write layer)."""

import contextlib
import importlib.util
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TypedDict, Unpack

# The OIT item lists (ita_tui.core.oit) are imported where they are used: the app's first frame
# needs none of them, and their module was a twentieth of what it waited for to be imported.
from ita_tui.core import follow_up
from ita_tui.core.access import Actor
from ita_tui.core.bundled import bundled_file
from ita_tui.core.errors import UserError
from ita_tui.core.model import (
    AccessEvent,
    Agency,
    Assessment,
    Decision,
    Finding,
    LinkToCheck,
    LoggedProgress,
    Measure,
    MeasureDetail,
    MeasureState,
    Meeting,
    Person,
    Plan,
    PublishedAddress,
    Recommendation,
    Record,
    Unit,
)
from ita_tui.core.text import normalise
from ita_tui.core.thai_calendar import fiscal_year as fiscal_year_of
from ita_tui.core.thai_calendar import today
from ita_tui.core.words import Words
from ita_tui.db import backup, guard, journal, open_database, queries
from ita_tui.db.connection import Database, user_error_for
from ita_tui.files.locations import cache_folder
from ita_tui.files.user_files import read_toml


def _imported_when_first_used(name: str) -> ModuleType:
    """The module, its import put off until one of its names is first used (importlib's
    LazyLoader): what the app's first screen does not use waits, however many methods use it."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None, name
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


# Writing, people and logins, and the review: no first screen uses them, and importing them
# was a fiftieth of the time the app took to show it.
if TYPE_CHECKING:
    from ita_tui.db import people as people_store
    from ita_tui.db import review as review_store
    from ita_tui.db import writes
    from ita_tui.db.review import Review
else:
    people_store = _imported_when_first_used("ita_tui.db.people")
    review_store = _imported_when_first_used("ita_tui.db.review")
    writes = _imported_when_first_used("ita_tui.db.writes")

# The documents (snapshot, reports, evidence) are imported in the functions that use them:
# loaded together they take longer than a reading command such as `overdue` takes to run.
if TYPE_CHECKING:
    from ita_tui.core.document import Document
    from ita_tui.core.new_year import YearDraft
    from ita_tui.core.oit import Catalogue
    from ita_tui.db.journal import Problem
    from ita_tui.documents.published_links import LinkCheck
    from ita_tui.documents.snapshot import ImportReport

# What an evidence document says of how its OIT item is known: its grouping is no matter there.
_DOCUMENT_FACTS = ("name", "period")


class CountFilters(TypedDict, total=False):
    """What a list of measures is narrowed by (`queries.count_measures`)."""

    unit_id: int | None
    status: str | None
    follow: str | None
    search: str | None


class MeasureFilters(CountFilters, total=False):
    """The same, and which measures or which page of them (`queries.measures`)."""

    overdue_only: bool
    ids: list[int] | None
    limit: int | None
    offset: int


class NewYearDraft(Record):
    """A draft of next year's plan, and the journal's head when it was drawn up."""

    draft: "YearDraft"
    journal_head: tuple[int, str]


def oit_list_file(path: str | Path) -> "list[Catalogue]":
    from ita_tui.core import oit

    return oit.parse_catalogues(read_toml(path), str(path))


# What a command does before, beside or instead of working at a desk: opening the file, reading
# a plan before anything is written, a backup put back. None of them writes but through the store.


def open_store(path: str | Path, *, create: bool = False, adopt_empty: bool = False) -> Database:
    """The database file opened (made when `create`; see `ita_tui.db.opening`)."""
    return open_database(path, create=create, adopt_empty=adopt_empty)


def store_failure(error: sqlite3.Error, database: str) -> UserError:
    """What an SQLite error met outside any check means for the user, in words."""
    return user_error_for(error, database)


def read_plan_file(path: str) -> Plan:
    """A plan or snapshot file read and checked whole; nothing is written."""
    from ita_tui.documents import snapshot

    return snapshot.validate(snapshot.read(path), path)


def checked_plan(document: dict, source: str) -> Plan:
    """A plan document (as read from a Word or Excel file) checked as a plan file is."""
    from ita_tui.documents import snapshot

    return snapshot.validate(document, source)


def snapshot_file(path: str) -> dict:
    """A snapshot file as it reads, unchecked (for the journal head it names)."""
    from ita_tui.documents import snapshot

    return snapshot.read(path)


def snapshot_text(document: dict) -> str:
    """A plan document as the text of a snapshot file."""
    from ita_tui.documents import snapshot

    return snapshot.dumps(document)


def sample_plan() -> Plan:
    """The bundled sample plan (`ita-tui init --sample`, the demo)."""
    from ita_tui.documents import snapshot

    return snapshot.sample_plan()


def sample_store(path: Path, by: str) -> Database:
    """A new database at `path` holding the bundled sample plan (`ita-tui demo`).

    Building it (the schema's migrations, then the plan's import) was most of what the demo
    added to the wait for its first frame, so the built sample is kept in the user's cache
    folder under a name that says what it is made of (the migrations, the sample, who imported
    it), and a later demo starts from a copy of it. A kept copy that cannot be copied or opened
    is built again; one that cannot be kept is not."""
    kept = _kept_sample(by)
    with contextlib.suppress(OSError, sqlite3.Error, UserError):
        shutil.copyfile(kept, path)
        return open_database(path)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    db = _built_sample(path, by)
    with contextlib.suppress(OSError, sqlite3.Error, UserError):
        kept.parent.mkdir(parents=True, exist_ok=True)
        for older in kept.parent.glob("sample-*.db"):
            older.unlink()
        backup.copy_to(db.conn, kept)
    return db


def _built_sample(path: Path, by: str) -> Database:
    from ita_tui.documents import snapshot

    db = open_database(path, create=True)
    snapshot.import_plan(db, snapshot.sample_plan(), by)
    return db


def _kept_sample(by: str) -> Path:
    # A checksum names what the copy is made of, not a secure hash: hashlib's OpenSSL took
    # longer to load than the copy takes to make.
    import zlib

    from ita_tui.db.versions import KNOWN_MIGRATIONS
    from ita_tui.documents import SAMPLE_PLAN

    made_of = zlib.crc32(repr((KNOWN_MIGRATIONS, by)).encode())
    made_of = zlib.crc32(bundled_file(SAMPLE_PLAN).read_bytes(), made_of)
    return cache_folder() / f"sample-{made_of:08x}.db"


def restore_backup(database: Path, source: Path) -> Path:
    """Put a backup in the database's place, after a copy of it; the copy's path. Whoever may
    restore is asked first (`Desk.may("restore")`), when the database opens at all."""
    from ita_tui.db.restore import restore

    return restore(database, source)


class JournalCheck(Record):
    """What `verify` found: the problems of the journal's chain and of the rows it vouches for."""

    problems: "list[Problem]"
    entries: int
    head: str


@dataclass
class Desk:
    db: Database
    as_of: date
    actor: Actor | None = None
    words: Words = field(default_factory=Words)
    agency_name: str | None = None
    stale_days: int = follow_up.STALE_DAYS
    behind_gap: int = follow_up.BEHIND_GAP
    # A command names its agency or fails with a message saying which there are; the app opens
    # on a database with none and says what to do.
    agency_required: bool = False
    agency: Agency | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Take the agency again from the database: another writer may have renamed or
        removed it, or imported the first plan."""
        try:
            self.agency = queries.agency(self.db, self.agency_name)
        except UserError:
            if self.agency_required:
                raise
            self.agency = None

    def require_agency(self) -> Agency:
        """The agency, or a message saying which there are to choose from."""
        self.agency_required = True
        self.reload()
        assert self.agency is not None
        return self.agency

    @property
    def who(self) -> Actor | str:
        return self.actor or ""

    def _agency_id(self) -> int:
        if self.agency is None:
            # A command says which command brings a plan in; the app, which keys do.
            raise UserError("agency.none" if self.agency_required else "agency.none_in_app")
        return self.agency.id

    # The agencies of a national or provincial database.

    def agency_count(self) -> int:
        return queries.agency_count(self.db)

    def agency_summaries(self, search: str | None, sort: str, limit: int, offset: int = 0):
        return queries.agency_summaries(
            self.db,
            self.as_of,
            search,
            sort,
            stale_days=self.stale_days,
            limit=limit,
            offset=offset,
        )

    def start_plan(self, agency_name: str) -> Agency:
        """A new agency with a plan yet to be entered, which the desk now works on."""
        started = self.choose_agency(writes.add_agency(self.db, agency_name, by=self.who))
        assert started is not None  # just written
        return started

    def import_plan_text(self, text: str, source: str) -> "ImportReport":
        """A plan or snapshot file's text, checked whole and imported all or nothing as
        `ita-tui import` does; the desk then works on its agency. `source` names the text in
        the messages that list its problems."""
        from ita_tui.documents import snapshot

        return self.import_plan(snapshot.validate(snapshot.loads(text, source), source))

    def import_plan(self, plan: Plan) -> "ImportReport":
        """A plan already checked whole (`read_plan_file`, `checked_plan` of a Word or Excel
        file's) imported all or nothing; the desk then works on its agency."""
        from ita_tui.documents import snapshot

        report = snapshot.import_plan(self.db, plan, self.who)
        self.agency_name = plan.agency
        self.reload()
        return report

    def agency_names(self) -> list[str]:
        return [agency.name for agency in queries.agencies(self.db)]

    def choose_agency(self, agency_id: int) -> Agency | None:
        chosen = queries.agency_by_id(self.db, agency_id)
        if chosen is not None:
            self.agency_name = chosen.name
            self.agency = chosen
        return chosen

    # The plan.

    def find_unit(self, name: str) -> Unit:
        """A unit by its name as a user types it (a part of it does, when only one matches)."""
        return queries.find_unit(self.db, self._agency_id(), name)

    def units(self) -> list[Unit]:
        return queries.units(self.db, self.agency.id) if self.agency else []

    def assessments(self) -> list[Assessment]:
        return queries.assessments(self.db, self.agency.id) if self.agency else []

    def findings(self) -> list[Finding]:
        return queries.findings(self.db, self.agency.id) if self.agency else []

    def oit_catalogue(self, year: int, extra_file: str | None = None):
        """The year's OIT item list: the file given, else the agency's own, else the bundled."""
        from ita_tui.core import oit

        given = oit_list_file(extra_file) if extra_file is not None else []
        own = queries.oit_lists(self.db, self.agency.id) if self.agency else []
        lists = [oit.parse_catalogue(document, "oit_lists") for document in own]
        return oit.catalogue_for(year, given, lists)

    def recommendations(self) -> list[Recommendation]:
        return queries.recommendations(self.db, self.agency.id) if self.agency else []

    def measures(self, **filters: Unpack[MeasureFilters]) -> list[MeasureState]:
        """The agency's measures as of the desk's date, judged stale by the user's setting."""
        if self.agency is None:
            return []
        return queries.measures(
            self.db,
            self.agency.id,
            self.as_of,
            stale_days=self.stale_days,
            **filters,
        )

    def count_measures(self, **filters: Unpack[CountFilters]) -> int:
        if self.agency is None:
            return 0
        return queries.count_measures(
            self.db,
            self.agency.id,
            self.as_of,
            stale_days=self.stale_days,
            **filters,
        )

    def slow_count(self, search: str | None) -> Callable[..., int | None] | None:
        """For a search whose count reads every measure's text: a count to run on a worker
        thread, on a connection of its own (one connection, one thread), as things stand now.
        None when the count is quick, or the database is in memory and cannot be shared."""
        location = self.db.location()
        if self.agency is None or location == ":memory:" or not queries.is_slow_search(search):
            return None
        agency_id, as_of, stale_days = self.agency.id, self.as_of, self.stale_days

        def count(**filters: Unpack[CountFilters]) -> int | None:
            try:
                db = open_database(location)
            except UserError:
                return None
            try:
                return queries.count_measures(
                    db,
                    agency_id,
                    as_of,
                    stale_days=stale_days,
                    **filters,
                )
            except UserError:
                return None
            finally:
                db.close()

        return count

    def overdue_json_items(self, unit_id: int | None = None) -> Iterator[str]:
        """The overdue measures as JSON objects written by SQLite, one at a time."""
        return queries.overdue_json_items(self.db, self._agency_id(), self.as_of, unit_id)

    def measure(self, measure_id: int) -> MeasureDetail:
        return queries.measure(self.db, measure_id, self.as_of, self.stale_days)

    def progress_entries(self) -> list[LoggedProgress]:
        return queries.progress_entries(self.db, self.agency.id) if self.agency else []

    def meetings(self) -> list[Meeting]:
        return queries.meetings(self.db, self.agency.id) if self.agency else []

    def decisions(self) -> list[Decision]:
        return queries.decisions(self.db, self.agency.id) if self.agency else []

    def review(self, as_of: date, since: date | None = None) -> "Review":
        return review_store.review(
            self.db,
            self._agency_id(),
            as_of,
            since,
            behind_gap=self.behind_gap,
            stale_days=self.stale_days,
        )

    def snapshot(self, as_of: date) -> str:
        from ita_tui.documents import snapshot

        return snapshot.export(self.db, "-", as_of, self.agency.name if self.agency else None)

    def pack(self, as_of: date, since: date | None, fmt: str) -> str:
        from ita_tui.documents import report

        return report.render(self.review(as_of, since), fmt, self.words.lang, self.words.digits)

    # The yearly cycle: a new result, and the draft of next year's plan from it.

    def plan(self) -> Plan:
        """The agency's whole plan as it stands, as a plan file would hold it."""
        from ita_tui.documents import snapshot

        agency = self.require_agency()
        return snapshot.validate(snapshot.build(self.db, self.as_of, agency.name))

    def draft_new_year(
        self,
        year: int,
        scores: list[Decimal],
        failed: str | None,
        published_overall: float | None = None,
        published_result: str | None = None,
    ) -> NewYearDraft:
        """Nothing is written: the draft waits for `accept_new_year`."""
        from ita_tui.core import new_year, oit

        # The year first: its item list is of no use if its result is already in.
        if any(a.year == year for a in self.assessments()):
            raise UserError("new_year.year_exists", year=year)
        catalogue = self.oit_catalogue(year) if failed and failed.strip() else None
        codes = oit.parse_codes(failed, catalogue) if catalogue else []
        head = journal.head_entry(self.db)
        proposal = new_year.draft(
            self.plan(),
            year,
            scores,
            codes,
            catalogue,
            published_overall=published_overall,
            published_result=normalise(published_result or "") or None,
        )
        return NewYearDraft(proposal, head)

    def _still_current(self, journal_head: str) -> None:
        """A draft is of the plan as it was: if anyone has written since, accepting it would
        undo their work."""
        if journal.head_entry(self.db)[1] != journal_head:
            raise UserError("new_year.changed_since_draft")

    def accept_new_year(self, pending: NewYearDraft) -> None:
        """The whole draft in one transaction, as the desk's actor."""
        from ita_tui.documents import snapshot

        self._still_current(pending.journal_head[1])
        snapshot.import_plan(self.db, pending.draft.plan, self.who, "new_year")

    def new_year_document(self, pending: NewYearDraft) -> str:
        """The draft as a snapshot file, for a person to edit and then accept. Where the
        database stood is recorded in the database under a token the file carries: the file
        itself is the editor's to change, its journal head included."""
        from ita_tui.db import new_year_drafts
        from ita_tui.documents import snapshot

        token = new_year_drafts.record(
            self.db, self.require_agency().id, pending.draft.plan_year, pending.journal_head
        )
        document = snapshot.plan_document(pending.draft.plan, self.as_of, pending.journal_head)
        return snapshot.dumps({"new_year_draft": token, **document})

    def accept_new_year_file(self, path: str) -> Plan:
        """A draft file, edited or not, that `new-year --draft` wrote for this agency's next
        plan, if nothing has been written to the database since; checked whole before anything
        is written. An export, or a draft whose token the database does not know, is not a
        draft; what the file says of the journal counts for nothing."""
        from ita_tui.db import new_year_drafts
        from ita_tui.documents import snapshot

        document = snapshot.read(path)
        made = new_year_drafts.find(self.db, document.get("new_year_draft"))
        agency = self.require_agency()
        if made is None or made.agency_id != agency.id:
            raise UserError("new_year.not_a_draft", path=path)
        plan = snapshot.validate(document, path)
        if plan.agency != agency.name:
            raise UserError("new_year.not_a_draft", path=path)
        self._still_current(made.journal_head[1])
        snapshot.import_plan(self.db, plan, self.who, "new_year")
        return plan

    def evidence(self, kind: str, year: int) -> "Document":
        """The document an OIT item of assessment year `year` asks for (ita_tui.documents.evidence)."""
        from ita_tui.documents import evidence

        agency = self.require_agency()
        plan_year = evidence.plan_year(kind, year)
        held = sorted({m.fiscal_year for m in self.measures()})
        if plan_year not in held:
            # A document without the plan it reports on would be published empty.
            raise UserError(
                "oit_evidence.no_plan_for_year",
                kind=kind.upper(),
                year=self.words.num(year),
                plan_year=self.words.num(plan_year),
                years=", ".join(
                    self.words.num(y) for f in held for y in evidence.assessment_years(kind, f)
                )
                or "-",
            )
        data = evidence.Evidence(
            agency=agency.name,
            year=year,
            assessments=tuple(self.assessments()),
            findings=tuple(self.findings()),
            recommendations=tuple(self.recommendations()),
            measures=tuple(
                self.measure(m.id)
                for m in self.measures()
                if m.fiscal_year == plan_year and m.id is not None
            ),
            meetings=tuple(self.meetings()),
            item=self._item_asking(evidence.ITEMS_2569[kind], year),
        )
        return evidence.build(kind, data, self.words)

    def evidence_year(self, kind: str) -> int:
        """The assessment year the agency's data serves for an evidence document: the latest
        one whose document holds the measures of a plan in the database."""
        from ita_tui.documents import evidence

        held = sorted({m.fiscal_year for m in self.measures()}, reverse=True)
        for fiscal_year in held:
            years = evidence.assessment_years(kind, fiscal_year)
            if years:
                return years[0]
        raise UserError("report.no_plan")

    def _item_asking(self, code_2569: str, year: int) -> str | None:
        """`code_2569` of the 2569 list as the year's own list numbers and names it."""
        from ita_tui.core import item_links, oit

        try:
            counterpart = item_links.same_meaning(code_2569, 2569, year)
            catalogue = self.oit_catalogue(year)
        except UserError:
            return None
        if counterpart is None:
            return None
        items = [catalogue.item(code) for code in counterpart.codes]
        # How the item's name and evidence year are known travels with the document, as the
        # what-if says it.
        return ", ".join(
            f"{item.shown_code} {item.name} ({oit.how_known(item, self.words.lang, _DOCUMENT_FACTS)})"
            for item in items
        )

    def plan_year(self) -> int | None:
        """The fiscal year of the plan followed: the latest one with measures."""
        return max((m.fiscal_year for m in self.measures()), default=None)

    def document(
        self,
        kind: str,
        as_of: date,
        since: date | None = None,
        fiscal_year: int | None = None,
    ) -> "Document":
        """One of the documents the agency publishes, in the document model: the monthly pack
        ("pack"), the plan's follow-up of the six-month round or of the year ("six-month",
        "annual"), the analysis of the latest ITA result with its plan ("analysis"), or the
        evidence an OIT item asks for ("o25", "o26": `fiscal_year` is then the assessment's year).
        """
        agency = self.require_agency()
        if kind in ("o25", "o26"):
            # The year of the assessment whose item asks for the document.
            return self.evidence(kind, fiscal_year or self.evidence_year(kind))
        if kind == "pack":
            from ita_tui.documents.report import monthly_pack

            return monthly_pack(self.review(as_of, since), self.words)
        if kind == "analysis":
            from ita_tui.documents.analysis_report import analysis_report

            return analysis_report(
                agency.name,
                self.assessments(),
                self.findings(),
                self.recommendations(),
                self.measures(),
                as_of,
                self.words,
            )
        from ita_tui.documents.follow_up_report import follow_up_report

        year = fiscal_year or self.plan_year()
        if year is None:
            raise UserError("report.no_plan")
        details = [self.measure(m.id) for m in self.measures() if m.fiscal_year == year and m.id]
        return follow_up_report(kind, agency.name, year, details, as_of, self.words)

    # People.

    def people(self) -> list[Person]:
        return people_store.people(self.db)

    def unit_ids_of(self, login: str) -> list[int]:
        return people_store.unit_ids_of(self.db, login)

    def access_events(self, limit: int = 200) -> list[AccessEvent]:
        return people_store.access_events(self.db, limit)

    def authenticate(self, login: str, password: str) -> Actor:
        """The person, when the password is theirs; every try is recorded."""
        return people_store.authenticate(self.db, login, password)

    def login_required(self) -> bool:
        return guard.login_required(self.db)

    def acting_as(self, who: str) -> Actor:
        """Who a bare name acts as while the database asks for no login."""
        return guard.acting(self.db, who)

    def actor_as_now(self) -> Actor | None:
        """The desk's person with the role and units the database gives them now (another
        administrator may have changed them); None once their account is stopped."""
        if self.actor is None or self.actor.login is None:
            return self.actor
        person = guard.find_person(self.db, self.actor.login)
        if person is None or not person["active"]:
            return None
        return guard.person_actor(self.db, person)

    def close(self) -> None:
        self.db.close()

    # The records themselves.

    def check_journal(self) -> JournalCheck:
        """The chain checked link by link, and the rows against what it says they are."""
        problems = journal.verify(self.db)
        return JournalCheck(problems, journal.length(self.db), journal.head(self.db))

    def journal_holds(self, entry: int | None, head: str) -> bool:
        """Whether the chain holds a head a snapshot published (entry number and hash)."""
        return journal.holds(self.db, entry, head)

    def backup_to(self, target: Path) -> None:
        """A consistent copy of the database, written whole or not at all."""
        backup.copy_to(self.db.conn, target)

    def data_version(self) -> int:
        """Changes when another connection commits (SQLite's data_version)."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def database_location(self) -> str:
        return self.db.location()

    def may(self, action: str, measure_id: int | None = None) -> None:
        """Raises UserError (and records the refusal) when the actor's role does not allow it."""
        guard.require(self.db, self.actor or guard.acting(self.db, ""), action, measure_id)

    # Actions, each as the desk's actor, each one transaction.

    def log_progress(
        self,
        measure_id: int,
        day: date,
        percent: int,
        note: str | None = "",
        evidence: str | None = "",
        corrects: int | None = None,
        problems: str | None = None,
        suggestions: str | None = None,
        budget_used: Decimal | None = None,
    ) -> int:
        return writes.log_progress(
            self.db,
            measure_id,
            day,
            percent,
            self.who,
            today(),
            note=note,
            evidence=evidence,
            corrects=corrects,
            problems=problems,
            suggestions=suggestions,
            budget_used=budget_used,
        )

    def set_budget(
        self, measure_id: int, planned: Decimal | None = None, used: Decimal | None = None
    ) -> None:
        """A measure's planned budget and what it has spent; None leaves a figure as it is."""
        writes.set_budget(self.db, measure_id, planned, used, by=self.who)

    def tick(self, content_id: int, done: bool) -> None:
        writes.tick_content(self.db, content_id, self.as_of if done else None, self.who)

    def set_evidence(self, content_id: int, link: str) -> None:
        writes.set_content_evidence(self.db, content_id, link, self.who)

    def set_status(
        self, measure_id: int, status: str, reason: str | None, changed_on: date | None
    ) -> None:
        writes.set_status(self.db, measure_id, status, reason, changed_on, by=self.who)

    def save_measure(self, measure: Measure) -> int:
        return writes.save_measure(self.db, self._agency_id(), measure, measure.id, by=self.who)

    def delete_measure(self, measure_id: int) -> None:
        backup.before_delete(self.db)
        writes.delete_measure(self.db, measure_id, by=self.who)

    def save_unit(
        self, name: str, kind: str | None, parent_id: int | None, unit_id: int | None = None
    ) -> int:
        return writes.save_unit(
            self.db, self._agency_id(), name, kind, parent_id, unit_id, by=self.who
        )

    def delete_unit(self, unit_id: int) -> None:
        backup.before_delete(self.db)
        writes.delete_unit(self.db, unit_id, by=self.who)

    def save_finding(self, finding: Finding) -> int:
        return writes.save_finding(self.db, self._agency_id(), finding, finding.id, by=self.who)

    def delete_finding(self, finding_id: int) -> None:
        backup.before_delete(self.db)
        writes.delete_finding(self.db, finding_id, by=self.who)

    def save_assessment(
        self,
        year: int,
        scores: list,
        published_overall: float | None,
        published_result: str | None,
    ) -> None:
        writes.save_assessment(
            self.db,
            self._agency_id(),
            year,
            scores,
            published_overall,
            published_result,
            by=self.who,
        )

    def import_oit_list_file(self, path: str) -> "list[Catalogue]":
        """The OIT lists of a file shaped as data/oit_catalogues.toml, each checked, kept as
        the agency's own."""
        from ita_tui.core import oit

        catalogues = [oit.as_agency_reads(c) for c in oit_list_file(path)]
        self.save_oit_lists([oit.catalogue_document(c) for c in catalogues])
        return catalogues

    def set_published_address(self, year: int, item: str, url: str) -> str:
        """Record where the agency publishes an OIT item for an assessment year (an empty
        address forgets it); the item's code as the year's list writes it."""
        code = normalise(item).lower()
        self.oit_catalogue(year).item(code)
        writes.set_published_address(self.db, self._agency_id(), year, code, url, by=self.who)
        return code

    def published_addresses(self, year: int | None = None) -> list[PublishedAddress]:
        return queries.published_addresses(self.db, self._agency_id(), year)

    def links_to_check(self, year: int | None = None) -> list[LinkToCheck]:
        """Every address the database holds for this agency: where each OIT item is published
        (the page should name its assessment year), and the evidence of measures' contents and
        progress (of their plan's fiscal year, or the year of the entry)."""
        words = self.words
        links = [
            LinkToCheck(
                words.t("links.place.published", item=a.item.upper(), year=words.num(a.year)),
                a.url,
                a.year,
            )
            for a in self.published_addresses(year)
        ]
        if year is not None:
            return links
        for evidence in queries.evidence_links(self.db, self._agency_id()):
            number = words.num(evidence.measure_id)
            if evidence.content is not None:
                place = words.t("links.place.content", number=number, content=evidence.content)
                links.append(LinkToCheck(place, evidence.url))
            else:
                day = evidence.entry_date
                place = words.t("links.place.progress", number=number, day=words.day(day))
                links.append(LinkToCheck(place, evidence.url, fiscal_year_of(day) if day else None))
        return links

    def check_links(
        self,
        year: int | None = None,
        *,
        timeout: float = 10.0,
        links: list[LinkToCheck] | None = None,
    ) -> "list[LinkCheck]":
        """Open each address as an assessor would: those given, else all the database holds
        (see links_to_check). Given links touch no database, so a thread may check them."""
        # Loaded here: only `links` and the app's list need the network code.
        from ita_tui.documents.published_links import CheckLimits, check_links

        chosen = self.links_to_check(year) if links is None else links
        return check_links(chosen, CheckLimits(timeout=timeout))

    def save_oit_lists(self, documents: list[dict]) -> None:
        writes.save_oit_lists(self.db, self._agency_id(), documents, by=self.who)

    def forget_oit_list(self, year: int) -> bool:
        return writes.forget_oit_list(self.db, self._agency_id(), year, by=self.who)

    def delete_assessment(self, year: int) -> None:
        backup.before_delete(self.db)
        writes.delete_assessment(self.db, self._agency_id(), year, by=self.who)

    def latest_meeting(self) -> Meeting:
        held = self.meetings()
        if not held:
            raise UserError("meeting.none")
        return held[-1]

    def add_meeting(self, held_on: date, attendees: str | None, notes: str | None) -> int:
        return writes.add_meeting(self.db, self._agency_id(), held_on, self.who, attendees, notes)

    def add_decision(
        self,
        meeting_id: int,
        text: str,
        measure_id: int | None,
        unit_id: int | None,
        due_on: date | None,
    ) -> int:
        return writes.add_decision(
            self.db, self._agency_id(), meeting_id, text, measure_id, unit_id, due_on, by=self.who
        )

    def close_decision(self, decision_id: int, closed_on: date, note: str | None) -> None:
        writes.close_decision(self.db, decision_id, closed_on, note, self.who)

    def _acting_person(self) -> Actor:
        return self.actor or guard.acting(self.db, "")

    def add_person(
        self, login: str, name: str, role: str, unit_ids: list[int], password: str | None
    ) -> int:
        return people_store.add_person(
            self.db, self._acting_person(), login, name, role, unit_ids, password
        )

    def update_person(
        self,
        login: str,
        *,
        name: str | None = None,
        role: str | None = None,
        unit_ids: list[int] | None = None,
        active: bool | None = None,
    ) -> None:
        people_store.update_person(
            self.db,
            self._acting_person(),
            login,
            name=name,
            role=role,
            unit_ids=unit_ids,
            active=active,
        )

    def set_login_required(self, required: bool) -> None:
        people_store.set_login_required(self.db, self._acting_person(), required)

    def set_password(self, login: str, new: str, current: str | None = None) -> None:
        people_store.set_password(self.db, self._acting_person(), login, new, current)

    def handover(self, from_login: str, to_login: str, unit_ids: list[int] | None) -> dict:
        return people_store.handover(self.db, self._acting_person(), from_login, to_login, unit_ids)
