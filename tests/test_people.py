"""People, roles, login and handover, through the CLI and the database API."""

import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest

from ita_tui.core import access
from ita_tui.core.errors import UserError
from ita_tui.core.model import ChecklistItem, Measure
from ita_tui.db import open_database, queries, writes
from ita_tui.db.people import authenticate
from tests.conftest import dump
from tests.refusals import expect_refusal

PASSWORDS = {
    "admin": "admin-pass-1",
    "head": "head-pass-1",
    "somchai": "somchai-pass",
    "nid": "nid-pass-1",
}
TREASURY = "กองคลัง"
LEGAL = "งานนิติการ"
LEGAL_MEASURE = 8  # งานนิติการ's measure in the sample plan


def _password_file(tmp_path, login: str, password: str | None = None):
    path = tmp_path / f"{login}.pw"
    path.write_text((password or PASSWORDS[login]) + "\n", encoding="utf-8")
    return str(path)


def _treasury_measure(db_path) -> tuple[int, list[int]]:
    """The sample's กองคลัง measures were dropped; a supervisor gives it a live one with a checklist."""
    db = open_database(db_path)
    agency = queries.agency(db)
    measure_id = writes.save_measure(
        db,
        agency.id,
        Measure(
            None,
            2566,
            "รายงานผลการใช้จ่ายงบประมาณรายไตรมาส",
            (TREASURY,),
            period="ต.ค. ๖๕ – มี.ค. ๖๖",
            start=date(2022, 10, 1),
            end=date(2023, 3, 31),
            contents=(
                ChecklistItem("ผลการใช้จ่ายงบประมาณ"),
                ChecklistItem("ปัญหา/อุปสรรค"),
            ),
        ),
        by="หัวหน้าสำนักปลัด",
    )
    contents = [
        row[0]
        for row in db.execute(
            "SELECT id FROM measure_contents WHERE measure_id = ? ORDER BY position", (measure_id,)
        )
    ]
    db.close()
    return measure_id, contents


@pytest.fixture
def shared(sample_db, run, tmp_path):
    """The sample plan shared by an administrator, a supervisor and two officers, login on."""
    db = str(sample_db)
    measure_id, contents = _treasury_measure(sample_db)
    people = [
        ("admin", "ผู้ดูแล ระบบ", "administrator", []),
        ("head", "หัวหน้าสำนักปลัด", "supervisor", []),
        ("somchai", "สมชาย ใจดี", "officer", [TREASURY]),
        ("nid", "นิด นิติ", "officer", [LEGAL]),
    ]
    for login, name, role, units in people:
        args = ["--db", db, "people", "add", login, "--name", name, "--role", role]
        for unit in units:
            args += ["--unit", unit]
        args += ["--new-password-file", _password_file(tmp_path, login)]
        result = run(*args)
        assert result.code == 0, result.err
    assert run("--db", db, "people", "require-login").code == 0
    return {"db": db, "measure": measure_id, "contents": contents, "path": sample_db}


def _as(shared, tmp_path, login, *args, password=None):
    return (
        "--db",
        shared["db"],
        "--lang",
        "en",
        "--by",
        login,
        "--password-file",
        _password_file(tmp_path, login, password),
        *args,
    )


def _events(path, event):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT login, action, detail FROM access_events WHERE event = ? ORDER BY id", (event,)
        ).fetchall()
    finally:
        connection.close()


def _progress_by(path, measure_id):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT percent, recorded_by FROM progress WHERE measure_id = ? ORDER BY id",
            (measure_id,),
        ).fetchall()
    finally:
        connection.close()


def test_an_officer_cannot_log_progress_on_another_units_measure(shared, run, tmp_path):
    before = _progress_by(shared["path"], LEGAL_MEASURE)
    result = run(*_as(shared, tmp_path, "somchai", "log", str(LEGAL_MEASURE), "--percent", "20"))
    assert result.code == 2
    assert "not responsible for measure #8" in result.err
    assert _progress_by(shared["path"], LEGAL_MEASURE) == before
    assert ("somchai", "log_progress", "measure 8") in _events(shared["path"], "denied")


def test_an_officer_logs_progress_on_their_own_units_measure(shared, run, tmp_path):
    measure = shared["measure"]
    result = run(*_as(shared, tmp_path, "somchai", "log", str(measure), "--percent", "30"))
    assert result.code == 0, result.err
    assert _progress_by(shared["path"], measure) == [(30, "สมชาย ใจดี")]


def test_an_officer_ticks_their_own_checklist_but_not_another_units(shared, tmp_path):
    db = open_database(shared["path"])
    somchai = authenticate(db, "somchai", PASSWORDS["somchai"])
    writes.tick_content(db, shared["contents"][0], date(2023, 3, 1), somchai)
    ticked = db.execute(
        "SELECT done_on, done_by FROM measure_contents WHERE id = ?", (shared["contents"][0],)
    ).fetchone()
    assert ticked == ("2023-03-01", "สมชาย ใจดี")
    legal_content = db.execute(
        "SELECT id FROM measure_contents WHERE measure_id = 9 LIMIT 1"
    ).fetchone()[0]
    with expect_refusal("access.not_your_unit"):
        writes.tick_content(db, legal_content, date(2023, 3, 1), somchai)
    assert db.execute(
        "SELECT done_on FROM measure_contents WHERE id = ?", (legal_content,)
    ).fetchone() == (None,)


def test_an_officer_cannot_edit_the_plan_or_record_a_meeting(shared, run, tmp_path):
    before = dump(shared["path"])
    result = run(*_as(shared, tmp_path, "somchai", "meeting", "add", "--date", "2023-04-03"))
    assert result.code == 2
    assert "needs a supervisor" in result.err
    db = open_database(shared["path"])
    somchai = authenticate(db, "somchai", PASSWORDS["somchai"])
    with expect_refusal("access.needs_supervisor"):
        writes.set_status(db, shared["measure"], "done", by=somchai)
    with expect_refusal("access.needs_supervisor"):
        writes.delete_measure(db, shared["measure"], by=somchai)
    db.close()
    plan_tables = ("measures", "measure_contents", "progress", "meetings")
    after = dump(shared["path"])
    for table in plan_tables:
        assert [r for r in before if f'"{table}"' in r] == [r for r in after if f'"{table}"' in r]
    assert [a for _, a, _ in _events(shared["path"], "denied")] == [
        "meeting",
        "status",
        "delete_measure",
    ]


def test_a_supervisor_logs_on_any_unit_and_records_meetings(shared, run, tmp_path):
    result = run(*_as(shared, tmp_path, "head", "log", str(LEGAL_MEASURE), "--percent", "40"))
    assert result.code == 0, result.err
    assert _progress_by(shared["path"], LEGAL_MEASURE)[-1] == (40, "หัวหน้าสำนักปลัด")
    result = run(*_as(shared, tmp_path, "head", "meeting", "add", "--date", "2023-04-03"))
    assert result.code == 0, result.err


def test_only_an_administrator_manages_people(shared, run, tmp_path):
    result = run(*_as(shared, tmp_path, "head", "people", "add", "new", "--name", "คนใหม่"))
    assert result.code == 2
    assert "needs an administrator" in result.err
    result = run(*_as(shared, tmp_path, "admin", "people", "add", "new", "--name", "คนใหม่"))
    assert result.code == 0, result.err
    listed = run("--db", shared["db"], "people", "list", "--json").out
    assert '"login": "new"' in listed


def test_a_wrong_password_is_refused_and_recorded(shared, run, tmp_path):
    result = run(
        *_as(
            shared,
            tmp_path,
            "somchai",
            "log",
            str(shared["measure"]),
            "--percent",
            "5",
            password="guess-guess",
        )
    )
    assert result.code == 2
    assert "Wrong login or password" in result.err
    assert _progress_by(shared["path"], shared["measure"]) == []
    assert _events(shared["path"], "login_failed") == [("somchai", None, None)]
    # An unknown login is refused in the same words, and recorded too.
    result = run(*_as(shared, tmp_path, "nobody", "log", "1", "--percent", "5", password="x" * 9))
    assert "Wrong login or password" in result.err
    assert _events(shared["path"], "login_failed")[-1][0] == "nobody"


def test_repeated_failures_make_the_next_try_wait(shared, run, tmp_path):
    for _ in range(3):
        run(*_as(shared, tmp_path, "nid", "log", "8", "--percent", "5", password="wrong-wrong"))
    result = run(*_as(shared, tmp_path, "nid", "log", "8", "--percent", "5"))
    assert result.code == 2
    assert "wait" in result.err
    assert _progress_by(shared["path"], 8) == []


def test_the_stored_hash_is_not_the_password(shared):
    connection = sqlite3.connect(shared["path"])
    stored = dict(connection.execute("SELECT login, password_hash FROM people").fetchall())
    connection.close()
    for login, password in PASSWORDS.items():
        assert password not in stored[login]
        assert password.encode().hex() not in stored[login]
        assert stored[login].startswith("scrypt-nfc$")
    # Each has a salt of its own: the same password gives different hashes.
    assert len({h.split("$")[4] for h in stored.values()}) == len(PASSWORDS)


def test_login_required_refuses_a_bare_name(shared, run):
    result = run(
        "--db", shared["db"], "--lang", "en", "log", str(shared["measure"]), "--percent", "5"
    )
    assert result.code == 2
    assert "requires login" in result.err
    # Without a terminal to type into and without a file, it says how to give one.
    result = run(
        "--db", shared["db"], "--lang", "en", "--by", "somchai", "log", "1", "--percent", "5"
    )
    assert result.code == 2
    assert "--password-file" in result.err


def test_reading_needs_no_login(shared, run):
    result = run("--db", shared["db"], "overdue", "--as-of", "2023-04-03", "--json")
    assert result.code == 0, result.err


def test_changing_ones_own_password(shared, run, tmp_path):
    new_file = _password_file(tmp_path, "new-somchai", "a-new-secret")
    result = run(
        *_as(
            shared,
            tmp_path,
            "somchai",
            "people",
            "password",
            "somchai",
            "--new-password-file",
            new_file,
        )
    )
    assert result.code == 0, result.err
    db = open_database(shared["path"])
    with expect_refusal("login.failed"):
        authenticate(db, "somchai", PASSWORDS["somchai"])
    assert authenticate(db, "somchai", "a-new-secret").role == "officer"
    # Someone else's password is an administrator's business.
    result = run(
        *_as(
            shared,
            tmp_path,
            "nid",
            "people",
            "password",
            "somchai",
            "--new-password-file",
            new_file,
        )
    )
    assert result.code == 2


def test_login_cannot_be_turned_on_without_an_administrator_who_can_log_in(
    sample_db, run, tmp_path
):
    db = str(sample_db)
    result = run("--db", db, "--lang", "en", "people", "require-login")
    assert result.code == 2
    assert "administrator" in result.err
    run("--db", db, "people", "add", "boss", "--name", "ผู้ดูแล", "--role", "administrator")
    assert run("--db", db, "people", "require-login").code == 2  # no password yet
    run(
        "--db",
        db,
        "people",
        "password",
        "boss",
        "--new-password-file",
        _password_file(tmp_path, "boss", "boss-pass-1"),
    )
    assert run("--db", db, "people", "require-login").code == 0


def test_the_last_administrator_cannot_be_demoted_while_login_is_on(shared, run, tmp_path):
    result = run(*_as(shared, tmp_path, "admin", "people", "change", "admin", "--role", "officer"))
    assert result.code == 2
    assert "administrator" in result.err


def test_without_login_a_known_name_acts_in_their_role(sample_db, run):
    db = str(sample_db)
    run("--db", db, "people", "add", "somchai", "--name", "สมชาย ใจดี", "--unit", TREASURY)
    refused = run(
        "--db", db, "--lang", "en", "log", str(LEGAL_MEASURE), "--percent", "5", "--by", "somchai"
    )
    assert refused.code == 2
    assert "not responsible" in refused.err
    # Anyone else is the single user, who may do everything.
    allowed = run("--db", db, "log", str(LEGAL_MEASURE), "--percent", "5", "--by", "ปลัด")
    assert allowed.code == 0, allowed.err


def test_handover_passes_units_on_and_history_keeps_names(shared, run, tmp_path):
    measure = shared["measure"]
    assert run(*_as(shared, tmp_path, "somchai", "log", str(measure), "--percent", "30")).code == 0
    added = run(
        *_as(
            shared,
            tmp_path,
            "admin",
            "people",
            "add",
            "somsri",
            "--name",
            "สมศรี ขยัน",
            "--new-password-file",
            _password_file(tmp_path, "somsri", "somsri-pass"),
        )
    )
    assert added.code == 0, added.err
    refused = run(*_as(shared, tmp_path, "somchai", "handover", "somchai", "somsri"))
    assert refused.code == 2  # an officer does not hand over
    result = run(*_as(shared, tmp_path, "head", "handover", "somchai", "somsri"))
    assert result.code == 0, result.err
    assert TREASURY in result.out and "1 open measure," in result.out.replace("๑", "1")
    assert run(*_as(shared, tmp_path, "somchai", "log", str(measure), "--percent", "50")).code == 2
    somsri = run(
        *_as(
            shared,
            tmp_path,
            "somsri",
            "log",
            str(measure),
            "--percent",
            "60",
            password="somsri-pass",
        )
    )
    assert somsri.code == 0, somsri.err
    assert _progress_by(shared["path"], measure) == [(30, "สมชาย ใจดี"), (60, "สมศรี ขยัน")]


def test_a_reimported_plan_gives_people_their_units_back(shared, run, tmp_path):
    exported = tmp_path / "plan.toml"
    assert run("--db", shared["db"], "export", str(exported)).code == 0
    result = run(*_as(shared, tmp_path, "head", "import", str(exported)))
    assert result.code == 0, result.err
    listed = run("--db", shared["db"], "people", "list", "--json").out
    assert f'"units": "{TREASURY}"' in listed
    assert (
        run(
            *_as(shared, tmp_path, "somchai", "log", str(shared["measure"]), "--percent", "10")
        ).code
        == 0
    )


def test_a_unit_with_people_is_not_deleted(shared):
    db = open_database(shared["path"])
    head = authenticate(db, "head", PASSWORDS["head"])
    nobody_left = writes.save_unit(db, queries.agency(db).id, "งานใหม่", "งาน", None, by=head)
    writes.delete_unit(db, nobody_left, by=head)
    treasury = queries.find_unit(db, queries.agency(db).id, TREASURY).id
    db.execute("DELETE FROM measure_units WHERE unit_id = ?", (treasury,))
    with expect_refusal("unit.has_people"):
        writes.delete_unit(db, treasury, by=head)


def test_serving_beyond_this_machine_warns_unless_login_is_required(sample_db, run, monkeypatch):
    started = []
    monkeypatch.setattr("ita_tui.cli.served_app.run", lambda *args: started.append(args))
    result = run(
        "--db",
        str(sample_db),
        "--lang",
        "en",
        "serve",
        "--host",
        "0.0.0.0",
        "--port",
        "8123",
        "--public-url",
        "http://192.168.1.10:8123",
    )
    assert result.code == 0, result.err
    assert "Warning" in result.err
    quiet = run("--db", str(sample_db), "--lang", "en", "serve")
    assert "Warning" not in quiet.err
    command, host, port, _, sessions = started[0]
    assert sessions == 30
    assert (host, port) == ("0.0.0.0", 8123)
    assert "ita_tui" in command and str(sample_db) in command
    assert "--served" in command  # each browser session keeps its language to itself


def test_access_is_checked_in_the_database_api_too(sample_db):
    db = open_database(sample_db)
    officer = access.Actor(name="ใครก็ได้", role="officer")
    with expect_refusal("access.needs_supervisor"):
        writes.add_meeting(db, queries.agency(db).id, date(2023, 4, 3), officer)


def test_an_administrator_reads_the_access_record(shared, run, tmp_path):
    run(*_as(shared, tmp_path, "somchai", "log", str(LEGAL_MEASURE), "--percent", "20"))
    record = run(*_as(shared, tmp_path, "admin", "people", "events"))
    assert record.code == 0, record.err
    assert "somchai  refused log_progress  measure 8" in record.out
    assert run(*_as(shared, tmp_path, "head", "people", "events")).code == 2


def test_serving_on_a_port_in_use_says_so(sample_db, run):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("--db", str(sample_db), "--lang", "en", "serve", "--port", str(port))
    assert result.code == 1  # the command was right; another program holds the port
    assert f"Cannot listen on 127.0.0.1:{port}" in result.err
    assert f"http://127.0.0.1:{port}" in result.err  # the address as typed, Arabic digits


def _tries_at_once(path, login: str, password: str, tries: int, now=None) -> list[str]:
    """`tries` logins started together, each on a connection of its own; what each ended in."""
    import threading

    start = threading.Barrier(tries)
    outcomes: list[str] = []

    def one_try() -> None:
        db = open_database(path)
        try:
            start.wait()
            authenticate(db, login, password, now=now)
            outcomes.append("in")
        except UserError as refused:
            outcomes.append(refused.key)
        finally:
            db.close()

    threads = [threading.Thread(target=one_try) for _ in range(tries)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_forty_tries_at_once_check_no_more_passwords_than_the_back_off_allows(shared, monkeypatch):
    from ita_tui.core import passwords
    from ita_tui.db import people

    checked = []
    real_verify = passwords.verify

    def counting_verify(password, stored):
        checked.append(password)
        return real_verify(password, stored)

    monkeypatch.setattr(passwords, "verify", counting_verify)
    moment = datetime(2023, 4, 3, 9, 0, tzinfo=UTC)
    outcomes = _tries_at_once(shared["path"], "nid", "wrong-wrong", 40, now=moment)
    assert len(checked) == people.FREE_FAILURES
    assert outcomes.count("login.failed") == people.FREE_FAILURES
    assert outcomes.count("login.wait") == 40 - people.FREE_FAILURES
    # Once the wait is over, one more try in that window, however many are started.
    checked.clear()
    later = moment + timedelta(seconds=2)
    outcomes = _tries_at_once(shared["path"], "nid", "wrong-wrong", 40, now=later)
    assert len(checked) == 1
    assert outcomes.count("login.wait") == 39


def test_a_flood_of_wrong_passwords_keeps_the_owner_out_no_longer_than_the_ceiling(shared):
    from ita_tui.db import people

    db = open_database(shared["path"])
    moment = datetime(2023, 4, 3, 9, 0, tzinfo=UTC)
    for _ in range(2000):
        moment += timedelta(seconds=1)
        with expect_refusal("login.failed", "login.wait"):
            authenticate(db, "nid", "wrong-wrong", now=moment)
    with expect_refusal("login.wait") as waiting:
        authenticate(db, "nid", PASSWORDS["nid"], now=moment)
    assert waiting.value.params["seconds"] <= people.LONGEST_WAIT_SECONDS
    owner_back = moment + timedelta(seconds=people.LONGEST_WAIT_SECONDS)
    assert authenticate(db, "nid", PASSWORDS["nid"], now=owner_back).login == "nid"
    # After a successful login the count starts again.
    with expect_refusal("login.failed"):
        authenticate(db, "nid", "wrong-wrong", now=owner_back)


def test_guessing_the_current_password_in_an_open_session_waits_like_a_login(shared):
    from ita_tui.db.people import FREE_FAILURES, set_password

    db = open_database(shared["path"])
    nid = authenticate(db, "nid", PASSWORDS["nid"])
    outcomes = []
    for _ in range(FREE_FAILURES + 2):
        with expect_refusal("password.wrong_current", "login.wait") as refused:
            set_password(db, nid, "nid", "another-pass-1", current="guess-guess")
        outcomes.append(refused.value.key)
    assert outcomes == ["password.wrong_current"] * FREE_FAILURES + ["login.wait"] * 2


SPLIT_SARA_AM = "\u0e4d\u0e32"


def _legacy_hash(password: str) -> str:
    """A hash as the tool made them before passwords were normalised: scrypt at N=2^14."""
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt$16384$8$1${salt.hex()}${digest.hex()}"


def _stored_hash(db, login: str) -> str:
    return db.execute("SELECT password_hash FROM people WHERE login = ?", (login,)).fetchone()[0]


@pytest.mark.real_password_cost
def test_passwords_are_hashed_at_the_current_cost_and_old_hashes_upgraded_at_login(shared):
    db = open_database(shared["path"])
    db.execute(
        "UPDATE people SET password_hash = ? WHERE login = 'nid'", (_legacy_hash(PASSWORDS["nid"]),)
    )
    db.conn.commit()
    with expect_refusal("login.failed"):
        authenticate(db, "nid", "wrong-wrong")
    assert _stored_hash(db, "nid").startswith("scrypt$16384$")  # a failure upgrades nothing
    assert authenticate(db, "nid", PASSWORDS["nid"]).login == "nid"
    upgraded = _stored_hash(db, "nid")
    assert upgraded.startswith("scrypt-nfc$131072$8$1$")
    assert authenticate(db, "nid", PASSWORDS["nid"]).login == "nid"
    assert _stored_hash(db, "nid") == upgraded  # made once, not at every login
    # The cheaper hashes the other tests make are upgraded the same way.
    from ita_tui.core import passwords

    with passwords.cost_for_tests(passwords.Cost(n=2**10, r=8, p=1)):
        cheap = passwords.hash_password(PASSWORDS["head"])
    db.execute("UPDATE people SET password_hash = ? WHERE login = 'head'", (cheap,))
    db.conn.commit()
    authenticate(db, "head", PASSWORDS["head"])
    assert _stored_hash(db, "head").startswith("scrypt-nfc$131072$")


def test_a_thai_password_typed_with_a_split_sara_am_logs_in(shared, run, tmp_path):
    composed = "รหัสน้ำใจ๒๕๖๖"
    split = composed.replace("\u0e33", SPLIT_SARA_AM)
    assert split != composed
    new_file = _password_file(tmp_path, "new-nid", split)
    result = run(
        *_as(
            shared, tmp_path, "admin", "people", "password", "nid", "--new-password-file", new_file
        )
    )
    assert result.code == 0, result.err
    db = open_database(shared["path"])
    assert authenticate(db, "nid", composed).login == "nid"
    assert authenticate(db, "nid", split).login == "nid"
    # The tone mark may come between NIKHAHIT and SARA AA too: น ํ ้ า is น ้ ำ.
    assert authenticate(db, "nid", "รหัสน\u0e4d\u0e49\u0e32ใจ๒๕๖๖").login == "nid"


@pytest.mark.parametrize(
    "typed",
    ["NID-PASS-1", "nid-pass-1 ", " nid-pass-1", "nid-pass-1\u200b", "nid\u2009pass-1"],
)
def test_normalising_a_password_loses_nothing_the_person_typed(shared, typed):
    db = open_database(shared["path"])
    with expect_refusal("login.failed"):
        authenticate(db, "nid", typed)


def test_a_no_break_space_is_a_space_in_a_password(shared):
    from ita_tui.db.people import set_password

    db = open_database(shared["path"])
    admin = authenticate(db, "admin", PASSWORDS["admin"])
    set_password(db, admin, "nid", "two words here")
    assert authenticate(db, "nid", "two\u00a0words\u00a0here").login == "nid"


def test_a_crafted_hash_asking_for_gigabytes_matches_nothing(shared):
    db = open_database(shared["path"])
    db.execute(
        "UPDATE people SET password_hash = ? WHERE login = 'nid'",
        ("scrypt-nfc$1073741824$8$1$" + "00" * 16 + "$" + "00" * 32,),
    )
    db.conn.commit()
    with expect_refusal("login.failed"):
        authenticate(db, "nid", PASSWORDS["nid"])
