"""The monthly meeting pack as a document: Markdown, or one self-contained HTML file fit for the
agency website and for printing on A4."""

import html
import re
from collections.abc import Callable
from datetime import date

from ita_tui import scoring
from ita_tui.follow_up import expected_percent
from ita_tui.model import Assessment, Decision, MeasureState
from ita_tui.review import Review
from ita_tui.text import visible
from ita_tui.words import Words

# Thai faces an office machine or a phone is likely to have, then the generic fallback.
THAI_FONTS = '"Sarabun", "TH Sarabun New", "Noto Sans Thai", "Leelawadee UI", "Tahoma", "Loma", "Garuda", sans-serif'


def _assessments(
    review: Review,
) -> tuple[Assessment | None, Assessment | None, scoring.Score | None]:
    latest = review.assessments[-1] if review.assessments else None
    previous = review.assessments[-2] if len(review.assessments) > 1 else None
    return latest, previous, scoring.compute(latest.year, latest.scores) if latest else None


def _sections(
    words: Words, as_of: date
) -> list[tuple[str, str, Callable[[MeasureState], list[str]]]]:
    """The tables of a unit in the order a meeting reads them: (heading, kind, cells of a row)."""

    def overdue_cells(row: MeasureState) -> list[str]:
        return [
            f"#{words.num(row.id)}",
            row.full_title,
            words.day(row.end),
            words.t("measures.days", count=words.num(row.days_overdue)),
            f"{words.num(row.percent)}%",
        ]

    def due_cells(row: MeasureState) -> list[str]:
        return [
            f"#{words.num(row.id)}",
            row.full_title,
            words.day(row.end),
            f"{words.num(row.percent)}%",
        ]

    def behind_cells(row: MeasureState) -> list[str]:
        return [
            f"#{words.num(row.id)}",
            row.full_title,
            f"{words.num(row.percent)}%",
            f"{words.num(expected_percent(row.start, row.end, as_of))}%",
        ]

    def stale_cells(row: MeasureState) -> list[str]:
        return [
            f"#{words.num(row.id)}",
            row.full_title,
            words.day(row.last_progress),
            f"{words.num(row.percent)}%",
        ]

    def done_cells(row: MeasureState) -> list[str]:
        return [f"#{words.num(row.id)}", row.full_title, words.day(row.status_changed_on)]

    return [
        ("report.overdue", "overdue", overdue_cells),
        ("report.due_next_month", "due_next_month", due_cells),
        ("report.behind", "behind", behind_cells),
        ("report.stale", "stale", stale_cells),
        ("report.done_since", "done_since", done_cells),
    ]


_HEADERS = {
    "overdue": ("#", "report.col.measure", "report.col.due", "report.col.overdue", "%"),
    "due_next_month": ("#", "report.col.measure", "report.col.due", "%"),
    "behind": ("#", "report.col.measure", "%", "report.col.expected"),
    "stale": ("#", "report.col.measure", "report.col.last_progress", "%"),
    "done_since": ("#", "report.col.measure", "report.col.done_on"),
}


def _headers(kind: str, words: Words) -> list[str]:
    return [h if h in ("#", "%") else words.t(h) for h in _HEADERS[kind]]


def _decision_cells(row: Decision, words: Words) -> list[str]:
    about = f"#{words.num(row.measure_id)}" if row.measure_id else "-"
    return [
        words.day(row.held_on),
        row.text,
        about,
        row.unit_name or "-",
        words.day(row.due_on),
    ]


def _decision_headers(words: Words) -> list[str]:
    return [
        words.t(k)
        for k in (
            "report.col.meeting",
            "report.col.decision",
            "report.col.measure_id",
            "report.col.unit",
            "report.col.due",
        )
    ]


def render_markdown(review: Review, lang: str = "th", digits: str = "thai") -> str:
    words = Words(lang, digits)
    out: list[str] = []
    out.append(f"# {_md(words.t('report.title', agency=review.agency.name))}")
    out.append("")
    out.append(
        words.t("report.subtitle", as_of=words.day(review.as_of), since=words.day(review.since))
    )
    out.append("")
    latest, previous, score = _assessments(review)
    out.append(f"## {words.t('report.assessment')}")
    out.append("")
    if latest and score:
        verdict = words.t(
            "score.passed" if score.passed else "score.not_passed",
            mark=words.num(scoring.methodology(latest.year).pass_mark),
        )
        out.append(
            words.t(
                "overview.headline",
                year=words.num(latest.year),
                overall=words.num(score.overall),
                kind=words.t(f"score.{score.result_kind}"),
                result=score.result(lang),
                verdict=verdict,
            )
        )
        out.append("")
        out.append("```")
        out.extend(text_chart(latest, previous, words))
        out.append("```")
    else:
        out.append(words.t("overview.no_assessment"))
    out.append("")
    for unit in review.units:
        if unit.is_empty():
            continue
        out.append(f"## {_md(unit.unit)}")
        out.append("")
        for heading, kind, cells in _sections(words, review.as_of):
            rows = getattr(unit, kind)
            if not rows:
                continue
            out.append(f"### {words.t(heading)}")
            out.append("")
            out.extend(_markdown_table(_headers(kind, words), [cells(r) for r in rows]))
            out.append("")
    out.append(f"## {words.t('report.decisions')}")
    out.append("")
    if review.open_decisions:
        out.extend(
            _markdown_table(
                _decision_headers(words), [_decision_cells(r, words) for r in review.open_decisions]
            )
        )
    else:
        out.append(words.t("report.no_decisions"))
    out.append("")
    out.append(f"## {words.t('report.changes')}")
    out.append("")
    changes = _change_lines(review, words)
    out.extend(f"- {_md(line)}" for line in changes) if changes else out.append(
        words.t("report.no_changes")
    )
    out.append("")
    return "\n".join(out)


# Markdown punctuation that would turn stored text into emphasis, code, a link, an image or a
# table cell boundary.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")


def _md(text: str) -> str:
    """Stored text as one line of Markdown that shows it as written: HTML escaped, Markdown
    punctuation escaped, line breaks as <br> so that a note keeps its list item or table row."""
    text = html.escape(visible(text), quote=False)
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text).replace("\n", "<br>")


def _markdown_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(_md(c) for c in cells) + " |"

    return [line(headers), "|" + "---|" * len(headers), *(line(r) for r in rows)]


def _change_lines(review: Review, words: Words) -> list[str]:
    lines = []
    for entry in review.progress:
        note = f" — {entry['note']}" if entry["note"] else ""
        lines.append(
            words.t(
                "report.change.progress",
                date=words.day(entry["entry_date"]),
                id=words.num(entry["measure_id"]),
                percent=words.num(entry["percent"]),
                by=entry["recorded_by"],
            )
            + note
        )
    for item in review.ticked:
        lines.append(
            words.t(
                "report.change.ticked",
                date=words.day(item["done_on"]),
                id=words.num(item["measure_id"]),
                item=item["text"],
            )
        )
    for row in review.status_changes:
        lines.append(
            words.t(
                "report.change.status",
                date=words.day(row.status_changed_on),
                id=words.num(row.id),
                status=words.t(f"status.{row.status}"),
            )
        )
    return lines


def text_chart(
    latest: Assessment, previous: Assessment | None, words: Words, width: int = 40
) -> list[str]:
    """The ten indicators as bars, last year's above this year's, the pass mark as ┃."""
    mark = round(float(scoring.methodology(latest.year).pass_mark) / 100 * width)
    lines = []
    for indicator in scoring.indicators(latest.year):
        pairs = [(previous, "·")] if previous else []
        pairs.append((latest, "█"))
        for assessment, fill in pairs:
            score = assessment.scores[indicator.number - 1]
            filled = round(score / 100 * width)
            cells = [fill if i < filled else " " for i in range(width)]
            cells[mark - 1] = "┃"
            label = f"{words.num(indicator.number):>2} {words.num(assessment.year)}"
            lines.append(f"{label} {''.join(cells)} {words.num(f'{score:.2f}')}")
    return lines


def svg_chart(latest: Assessment, previous: Assessment | None, words: Words) -> str:
    """An inline SVG: per indicator a bar for last year and one for this year, and a dashed line
    at the year's pass mark. Text stays text, so the browser shapes the Thai with the page's fonts."""
    label_width, bar_width, row_height = 230, 420, 34
    pass_mark = scoring.methodology(latest.year).pass_mark
    height = 40 + row_height * len(scoring.indicators())
    x85 = label_width + bar_width * float(pass_mark) / 100
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {label_width + bar_width + 70} {height}" class="chart">',
        f"<title>{html.escape(words.t('report.chart_title'))}</title>",
    ]
    for index, indicator in enumerate(scoring.indicators(latest.year)):
        y = 30 + index * row_height
        name = html.escape(f"{words.num(indicator.number)}. {indicator.name(words.lang)}")
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 17}" text-anchor="end" class="label">{name}</text>'
        )
        bars = [(previous, "last", 0)] if previous else []
        bars.append((latest, "this", 13))
        for assessment, css, offset in bars:
            score = assessment.scores[indicator.number - 1]
            width = bar_width * score / 100
            css_class = f"{css} {'pass' if score >= pass_mark else 'fail'}"
            parts.append(
                f'<rect x="{label_width}" y="{y + offset}" width="{width:.1f}" height="11" class="{css_class}"/>'
            )
            parts.append(
                f'<text x="{label_width + width + 4:.1f}" y="{y + offset + 10}" class="value">{words.num(f"{score:.2f}")}</text>'
            )
    parts.append(
        f'<line x1="{x85:.1f}" y1="20" x2="{x85:.1f}" y2="{height - 8}" class="passline"/>'
    )
    parts.append(
        f'<text x="{x85:.1f}" y="14" text-anchor="middle" class="value">{words.num(pass_mark)}</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts)


_CSS = f"""
@page {{ size: A4; margin: 15mm; }}
body {{ font-family: {THAI_FONTS}; font-size: 11pt; line-height: 1.5; color: #1a1a1a; max-width: 180mm; margin: 0 auto; padding: 8mm; }}
h1 {{ font-size: 18pt; margin: 0 0 2mm; }}
h2 {{ font-size: 14pt; border-bottom: 1px solid #999; margin-top: 8mm; page-break-after: avoid; }}
h3 {{ font-size: 12pt; margin: 4mm 0 1mm; page-break-after: avoid; }}
table {{ border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; page-break-inside: auto; }}
th, td {{ border: 1px solid #bbb; padding: 1mm 2mm; text-align: left; vertical-align: top; }}
th {{ background: #eef; }}
tr {{ page-break-inside: avoid; }}
.overdue td:nth-child(4) {{ color: #a00; font-weight: bold; }}
.chart {{ width: 100%; max-width: 180mm; }}
.chart .label, .chart .value {{ font-family: {THAI_FONTS}; font-size: 12px; fill: #222; }}
.chart rect.last {{ fill: #b8b8b8; }}
.chart rect.this.pass {{ fill: #2e7d32; }}
.chart rect.this.fail {{ fill: #c62828; }}
.chart .passline {{ stroke: #e65100; stroke-width: 2; stroke-dasharray: 5 3; }}
.legend span {{ display: inline-block; margin-right: 6mm; }}
.muted {{ color: #555; }}
"""


def _html(text: str) -> str:
    return html.escape(visible(text))


def render_html(review: Review, lang: str = "th", digits: str = "thai") -> str:
    words = Words(lang, digits)
    e = _html
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(words.t('report.title', agency=review.agency.name))}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(words.t('report.title', agency=review.agency.name))}</h1>",
        f'<p class="muted">{e(words.t("report.subtitle", as_of=words.day(review.as_of), since=words.day(review.since)))}</p>',
        f'<section id="assessment"><h2>{e(words.t("report.assessment"))}</h2>',
    ]
    latest, previous, score = _assessments(review)
    if latest and score:
        verdict = words.t(
            "score.passed" if score.passed else "score.not_passed",
            mark=words.num(scoring.methodology(latest.year).pass_mark),
        )
        out.append(
            f"<p><strong>{e(words.t('overview.headline', year=words.num(latest.year), overall=words.num(score.overall), kind=words.t(f'score.{score.result_kind}'), result=score.result(lang), verdict=verdict))}</strong></p>"
        )
        legend = words.t(
            "report.legend",
            last=words.num(previous.year) if previous else "-",
            this=words.num(latest.year),
            mark=words.num(scoring.methodology(latest.year).pass_mark),
        )
        out.append(f'<p class="legend muted">{e(legend)}</p>')
        out.append(svg_chart(latest, previous, words))
    else:
        out.append(f"<p>{e(words.t('overview.no_assessment'))}</p>")
    out.append("</section>")
    out.append('<section id="units">')
    for unit in review.units:
        if unit.is_empty():
            continue
        out.append(f"<h2>{e(unit.unit)}</h2>")
        for heading, kind, cells in _sections(words, review.as_of):
            rows = getattr(unit, kind)
            if not rows:
                continue
            out.append(f'<h3 class="{kind}-heading">{e(words.t(heading))}</h3>')
            out.append(_html_table(_headers(kind, words), [cells(r) for r in rows], kind))
    out.append("</section>")
    out.append(f'<section id="decisions"><h2>{e(words.t("report.decisions"))}</h2>')
    if review.open_decisions:
        out.append(
            _html_table(
                _decision_headers(words),
                [_decision_cells(r, words) for r in review.open_decisions],
                "decisions",
            )
        )
    else:
        out.append(f"<p>{e(words.t('report.no_decisions'))}</p>")
    out.append("</section>")
    out.append(f'<section id="changes"><h2>{e(words.t("report.changes"))}</h2>')
    changes = _change_lines(review, words)
    if changes:
        out.append("<ul>" + "".join(f"<li>{e(line)}</li>" for line in changes) + "</ul>")
    else:
        out.append(f"<p>{e(words.t('report.no_changes'))}</p>")
    out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _html_table(headers: list[str], rows: list[list[str]], kind: str) -> str:
    e = _html
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{kind}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def render(review: Review, fmt: str, lang: str = "th", digits: str = "thai") -> str:
    return (
        render_html(review, lang, digits)
        if fmt == "html"
        else render_markdown(review, lang, digits)
    )
