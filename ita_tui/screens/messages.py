"""What a screen asks of the app: it posts one of these and the app, which owns the sections,
the screen stack and the desk, does it. Screens never call into the app for these."""

from textual.message import Message


class DataChanged(Message):
    """Something was written: redraw what shows it."""


class OpenMeasure(Message):
    def __init__(self, measure_id: int) -> None:
        super().__init__()
        self.measure_id = measure_id


class ShowIndicator(Message):
    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number


class ChooseAgency(Message):
    def __init__(self, agency_id: int) -> None:
        super().__init__()
        self.agency_id = agency_id
