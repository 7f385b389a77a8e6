"""The same measures loaded into taskwarrior, for `task overdue` beside `ita-tui overdue`.

Each measure becomes a task: its title the description, its end date the due date, its lead
unit the project, and its status pending, completed or deleted. The data folder is kept under
benchmarks/.data/ and reused."""

import json
import sqlite3
import subprocess
import tempfile
from pathlib import Path

STATUS = {"not_started": "pending", "in_progress": "pending", "done": "completed"}


def _stamp(day: str) -> str:
    return day.replace("-", "") + "T000000Z"


def _tasks(database: Path) -> list[dict]:
    connection = sqlite3.connect(database)
    try:
        rows = connection.execute(
            """SELECT m.title, m.status, m.start_date, m.end_date, u.name
               FROM measures m
               LEFT JOIN measure_units mu ON mu.measure_id = m.id AND mu.role = 'lead'
               LEFT JOIN units u ON u.id = mu.unit_id
               ORDER BY m.id"""
        ).fetchall()
    finally:
        connection.close()
    tasks = []
    for title, status, start, end, unit in rows:
        entry = _stamp(start or end or "2022-10-01")
        task = {"description": title, "status": STATUS.get(status, "deleted"), "entry": entry}
        if end:
            task["due"] = _stamp(end)
        if unit:
            # Taskwarrior reads a dot in a project as a sub-project; none of ours means one.
            task["project"] = unit.replace(" ", "_").replace(".", "")
        if task["status"] != "pending":
            task["end"] = task.get("due", entry)
        tasks.append(task)
    return tasks


def prepare(database: Path, folder: Path) -> Path:
    """A taskrc whose data folder holds the database's measures; loaded once."""
    folder.mkdir(parents=True, exist_ok=True)
    taskrc = folder / "taskrc"
    data = folder / "data"
    taskrc.write_text(
        f"data.location={data}\nconfirmation=off\nverbose=nothing\nhooks=off\n",
        encoding="utf-8",
    )
    if not (data / "pending.data").exists():
        data.mkdir(exist_ok=True)
        with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as file:
            json.dump(_tasks(database), file, ensure_ascii=False)
            file.flush()
            subprocess.run(
                ["task", f"rc:{taskrc}", "import", file.name],
                check=True,
                capture_output=True,
            )
    return taskrc


def overdue_command(taskrc: Path) -> list[str]:
    return ["task", f"rc:{taskrc}", "overdue"]
