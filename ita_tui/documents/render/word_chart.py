"""The score chart as a chart in a Word file: a DrawingML bar chart (ECMA-376 part 1, §21.2)
with the scores cached in it, which Word and LibreOffice draw as a picture and Word can edit.

Why a chart part and not an image: drawing a PNG with Thai labels needs a rasteriser and a
shaper for Thai (Pillow with raqm, or matplotlib), none of which the tool depends on; the
chart's labels are text set in TH Sarabun New by whatever opens the file, so they stay Thai,
sharp and searchable, and the only thing written is XML through python-docx, already used."""

from typing import Any
from xml.sax.saxutils import escape

from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Mm

from ita_tui.core.document import ScoreChart

CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CHART_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

# Last year's bars grey; this year's green where they reach the pass mark, red where not (the
# colours of the HTML page's chart).
_EARLIER = "A6A6A6"
_PASSED = "2E7D32"
_FAILED = "C62828"


def _font(size_hundredths: int, bold: bool = False) -> str:
    face = "TH Sarabun New"
    weight = ' b="1"' if bold else ' b="0"'
    return (
        f'<a:defRPr sz="{size_hundredths}"{weight}><a:solidFill><a:srgbClr val="000000"/>'
        f'</a:solidFill><a:latin typeface="{face}"/><a:cs typeface="{face}"/></a:defRPr>'
    )


def _text_properties(size_hundredths: int) -> str:
    return (
        f"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>{_font(size_hundredths)}</a:pPr>"
        '<a:endParaRPr lang="th-TH"/></a:p></c:txPr>'
    )


def chart_xml(chart: ScoreChart, thai_digits: bool) -> bytes:
    """The chart part: one horizontal bar per indicator and year, the latest coloured by the
    pass mark, the axis from 0 to 100 with gridlines every 10. Its numbers (each bar's score
    and the axis) are drawn in Arabic digits whatever the file says (LibreOffice ignores Excel's
    Thai-digit format code), so where the document's digits are Thai the chart shows none and
    the table after it gives the scores."""
    numbers = "0" if thai_digits else "1"
    axis_numbers = "none" if thai_digits else "nextTo"
    count = len(chart.rows)
    categories = "".join(
        f'<c:pt idx="{i}"><c:v>{escape(f"{row.number}. {row.name}")}</c:v></c:pt>'
        for i, row in enumerate(chart.rows)
    )
    series = []
    for order, one in enumerate(chart.series):
        colour = _PASSED if one.latest else _EARLIER
        points = ""
        if one.latest:
            points = "".join(
                f'<c:dPt><c:idx val="{i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>'
                f'<c:spPr><a:solidFill><a:srgbClr val="{_PASSED if score >= chart.pass_mark else _FAILED}"/>'
                "</a:solidFill></c:spPr></c:dPt>"
                for i, score in enumerate(one.scores)
            )
        values = "".join(
            f'<c:pt idx="{i}"><c:v>{score:.2f}</c:v></c:pt>' for i, score in enumerate(one.scores)
        )
        column = chr(ord("B") + order)
        series.append(
            f'<c:ser><c:idx val="{order}"/><c:order val="{order}"/>'
            f"<c:tx><c:strRef><c:f>Sheet1!${column}$1</c:f><c:strCache>"
            f'<c:ptCount val="1"/><c:pt idx="0"><c:v>{escape(one.label)}</c:v></c:pt>'
            "</c:strCache></c:strRef></c:tx>"
            f'<c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></c:spPr>'
            f'<c:invertIfNegative val="0"/>{points}'
            f'<c:dLbls><c:numFmt formatCode="0.00" sourceLinked="0"/>'
            f"<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{_text_properties(1200)}"
            f'<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="{numbers}"/>'
            '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/>'
            '<c:showBubbleSize val="0"/></c:dLbls>'
            f"<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${count + 1}</c:f><c:strCache>"
            f'<c:ptCount val="{count}"/>{categories}</c:strCache></c:strRef></c:cat>'
            f"<c:val><c:numRef><c:f>Sheet1!${column}$2:${column}${count + 1}</c:f><c:numCache>"
            f'<c:formatCode>0.00</c:formatCode><c:ptCount val="{count}"/>{values}'
            "</c:numCache></c:numRef></c:val></c:ser>"
        )
    title = escape(chart.title)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<c:chartSpace xmlns:c="{_C}" xmlns:a="{_A}" xmlns:r="{_R}">'
        '<c:roundedCorners val="0"/><c:chart>'
        f"<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>{_font(1600, True)}</a:pPr>"
        f'<a:r><a:rPr lang="th-TH" sz="1600" b="1"/><a:t>{title}</a:t></a:r></a:p></c:rich>'
        '</c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
        '<c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/>'
        '<c:grouping val="clustered"/><c:varyColors val="0"/>'
        f'{"".join(series)}<c:gapWidth val="40"/><c:axId val="101"/><c:axId val="102"/>'
        '</c:barChart><c:catAx><c:axId val="101"/><c:scaling><c:orientation val="maxMin"/>'
        '</c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" '
        'sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>'
        f'<c:tickLblPos val="nextTo"/>{_text_properties(1400)}<c:crossAx val="102"/>'
        '<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
        '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        '<c:valAx><c:axId val="102"/><c:scaling><c:orientation val="minMax"/>'
        '<c:max val="100"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>'
        f'<c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/>'
        '<c:majorTickMark val="out"/><c:minorTickMark val="none"/>'
        f'<c:tickLblPos val="{axis_numbers}"/>'
        f'{_text_properties(1200)}<c:crossAx val="101"/><c:crosses val="max"/>'
        '<c:crossBetween val="between"/><c:majorUnit val="10"/></c:valAx></c:plotArea>'
        f'<c:legend><c:legendPos val="b"/><c:overlay val="0"/>{_text_properties(1400)}'
        '</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f"{_text_properties(1400)}</c:chartSpace>"
    ).encode()


def add_chart(word: Any, chart: ScoreChart, width: int, thai_digits: bool) -> None:
    """The chart in a paragraph of its own at the end of the document, `width` EMU wide, with
    the chart's title as its alternative text."""
    package = word.part.package
    number = 1 + sum(1 for part in package.iter_parts() if part.content_type == CHART_CONTENT_TYPE)
    part = Part(
        PackURI(f"/word/charts/chart{number}.xml"),
        CHART_CONTENT_TYPE,
        chart_xml(chart, thai_digits),
        package,
    )
    relationship = word.part.relate_to(part, CHART_RELATIONSHIP)
    # Each bar pair needs about 13 mm for its two bars and a two-line name beside them.
    height = int(Mm(30 + 13 * len(chart.rows) * max(1, len(chart.series)) / 2))
    drawing_id = 1000 + number
    inline = parse_xml(
        f'<wp:inline xmlns:wp="{_WP}" xmlns:a="{_A}" xmlns:c="{_C}" xmlns:r="{_R}" '
        'distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{drawing_id}" name="Chart {number}" descr="{escape(chart.title, {chr(34): "&quot;"})}"/>'
        "<wp:cNvGraphicFramePr/><a:graphic>"
        f'<a:graphicData uri="{_C}"><c:chart r:id="{relationship}"/></a:graphicData>'
        "</a:graphic></wp:inline>"
    )
    run = word.add_paragraph().add_run()
    drawing = run._r.add_drawing(inline)
    del drawing  # the run holds it
