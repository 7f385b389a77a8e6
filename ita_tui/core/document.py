"""A document as the agency publishes it, before it has a format: headings, paragraphs, lists,
tables with a header row, and the score chart. Every report is built into this once; Markdown,
HTML and Word are renderers of it (ita_tui/render). Its strings are final: dates, numbers and
digits are already said the Thai (or English) way by the setting, and they are plain text that
each renderer escapes for its format."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2  # 1 is the document's title


@dataclass(frozen=True)
class Paragraph:
    text: str
    emphasis: bool = False  # the headline of a section
    muted: bool = False  # a note beside the content: a subtitle, a legend


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A header row, then rows of the same number of cells. A cell may hold several lines."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    kind: str = ""  # what the table lists, for a stylesheet (overdue, decisions, measures, ...)


@dataclass(frozen=True)
class ChartSeries:
    label: str  # the year, as said
    scores: tuple[float, ...]  # one per indicator, in the order of ChartRow
    said: tuple[str, ...]  # the same scores as the document says them
    latest: bool  # this year's bars, coloured by pass or fail; last year's are grey


@dataclass(frozen=True)
class ChartRow:
    number: str  # the indicator's number, as said
    name: str


@dataclass(frozen=True)
class ScoreChart:
    """Scores per indicator against the pass mark: bars in HTML, text bars in Markdown, a chart
    in Word."""

    title: str
    indicator_heading: str  # over the indicators' names where the chart is a table
    rows: tuple[ChartRow, ...]
    series: tuple[ChartSeries, ...]
    pass_mark: float
    pass_mark_said: str
    # Whether a format whose chart shows no numbers (Word in Thai digits) follows it with a
    # table of the scores; not where the document already has one.
    scores_beside: bool = True


Block = Heading | Paragraph | Bullets | Table | ScoreChart


@dataclass(frozen=True)
class Section:
    """A part of the document with a name a page can link to."""

    name: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    title: str
    lang: str
    parts: tuple[Section, ...]
    subtitle: str = ""

    def tables(self) -> list[Table]:
        return [block for part in self.parts for block in part.blocks if isinstance(block, Table)]
