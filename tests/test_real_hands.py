"""The everyday loop in real hands: what an officer sees after logging progress, the times and
names a supervisor reads, and words that mean one thing each."""

from datetime import date

from ita_tui.db import writes
from tests.app_helpers import sample_app, screen_lines

SIZE = (140, 40)


async def test_a_changed_row_shows_its_new_percent_and_status_whole(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        # Another officer (or the form) logs 40% on a measure that had not started.
        writes.log_progress(app.db, 1, date(2023, 4, 1), 40, "สมศรี", date(2023, 4, 3))
        app.data_changed()
        await pilot.pause()
        line = next(line for line in screen_lines(app) if "๑   " in line or " ๑ " in line)
        assert "กำลังดำเนินการ" in line and "๔๐" in line, line
