"""A form opens on the field an officer wants first, in sight: the form is styled once as it opens
(ita_tui.screens.form), and focusing the field must not scroll it away from its top."""

from textual.containers import VerticalScroll

from ita_tui.screens.measure import MeasureScreen
from tests.app_helpers import sample_app


async def until(pilot, condition, seconds: float = 10.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


async def test_each_form_opens_on_its_first_field_at_the_top(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "enter")
        await until(pilot, lambda: isinstance(app.screen, MeasureScreen))
        for key, field in (("e", "measure-title-input"), ("p", "progress-percent")):
            await pilot.press(key)
            await until(pilot, lambda: app.screen.is_modal and app.focused is not None)
            await pilot.pause()
            assert app.focused is not None and app.focused.id == field
            assert app.screen.query_one(".form", VerticalScroll).scroll_y == 0
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, MeasureScreen))
