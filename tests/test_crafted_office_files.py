"""Word and Excel files crafted to describe far more than they hold (a merged range over a whole
sheet, a cell at a sheet's far corner, a Word cell fifty million columns wide, a part that
unpacks to a gigabyte, the main part named like a picture) end, in `import` and as a report's
`--template`, in a message, within 512 MB of memory. Each runs in a process of its own whose
address space is capped (RLIMIT_AS), so a file that would exhaust memory fails the test rather
than the machine."""

import io
import re
import subprocess
import sys
import textwrap
import zipfile

import pytest

from tests.conftest import dump
from tests.office_documents import excel_plan, word_plan

MEMORY = 512 * 1024 * 1024

_LIMITED = textwrap.dedent(
    """
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
    from ita_tui.cli import main
    main(sys.argv[1:])
    """
).format(memory=MEMORY)


def run_limited(*args: str) -> subprocess.CompletedProcess:
    # The timeout only keeps a hang from stalling the suite; memory is what is checked.
    return subprocess.run(
        [sys.executable, "-c", _LIMITED, *args], capture_output=True, text=True, timeout=300
    )


def _rewritten(path, change):
    """The same zip, each part passed through change(name, data) -> [(name, data), ...]."""
    with zipfile.ZipFile(path) as archive:
        parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            for new_name, new_data in change(name, data):
                archive.writestr(new_name, new_data)
    return path


def _sheet_changed(path, change):
    def each(name, data):
        if name.startswith("xl/worksheets/sheet"):
            data = change(data.decode("utf-8")).encode("utf-8")
        return [(name, data)]

    return _rewritten(excel_plan(path), each)


def merged_over_the_sheet(path):
    return _sheet_changed(
        path,
        lambda xml: xml.replace(
            "</sheetData>",
            '</sheetData><mergeCells count="1"><mergeCell ref="H1:XFD1048576"/></mergeCells>',
        ),
    )


def merged_over_forty_thousand_rows(path):
    return _sheet_changed(
        path,
        lambda xml: xml.replace(
            "</sheetData>",
            '</sheetData><mergeCells count="1"><mergeCell ref="H1:ZZ40000"/></mergeCells>',
        ),
    )


def _column_letters(number):
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def one_cell_far_away(path):
    far = f"{_column_letters(16_000)}49000"
    return _sheet_changed(
        path,
        lambda xml: xml.replace(
            "</sheetData>",
            f'<row r="49000"><c r="{far}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        ),
    )


def _document_changed(path, change):
    def each(name, data):
        if name == "word/document.xml":
            data = change(data.decode("utf-8")).encode("utf-8")
        return [(name, data)]

    return _rewritten(word_plan(path), each)


def a_cell_fifty_million_columns_wide(path):
    table = (
        "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>"
        '<w:tcPr><w:gridSpan w:val="50000000"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>'
    )
    return _document_changed(path, lambda xml: xml.replace("<w:sectPr", table + "<w:sectPr", 1))


def twenty_thousand_rows_each_999_columns_wide(path):
    row = '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="999"/></w:tcPr><w:p/></w:tc></w:tr>'
    table = "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>" + row * 20_000 + "</w:tbl>"
    return _document_changed(path, lambda xml: xml.replace("<w:sectPr", table + "<w:sectPr", 1))


def a_hundred_thousand_empty_paragraphs(path):
    """Each paragraph is small; python-docx takes time that grows with the square of their
    number (70 seconds for these)."""
    return _document_changed(
        path, lambda xml: xml.replace("<w:sectPr", "<w:p/>" * 100_000 + "<w:sectPr", 1)
    )


def a_gigabyte_picture(path):
    word_plan(path)
    with (
        zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/image1.png", "w", force_zip64=True) as picture,
    ):
        zeros = bytes(16 * 1024 * 1024)
        for _ in range(64):
            picture.write(zeros)
    return path


def the_main_part_named_like_a_picture(path):
    """word/document.xml as word/document.png, full of empty paragraphs: the relationships and
    content types say what it is, and Word and python-docx read it all the same."""
    paragraphs = "<w:p/>" * 3_000_000

    def each(name, data):
        text = data.decode("utf-8") if name.endswith((".xml", ".rels")) else None
        if name == "word/document.xml":
            body = text.replace("<w:sectPr", paragraphs + "<w:sectPr", 1)
            return [("word/document.png", body.encode("utf-8"))]
        if name == "[Content_Types].xml":
            text = text.replace('PartName="/word/document.xml"', 'PartName="/word/document.png"')
        elif name == "_rels/.rels":
            text = text.replace("word/document.xml", "word/document.png")
        return [(name, data if text is None else text.encode("utf-8"))]

    return _rewritten(word_plan(path), each)


CRAFTED = {
    "a merged range over the whole sheet": (merged_over_the_sheet, "xlsx", "50000 แถว"),
    "a merged range H1:ZZ40000": (merged_over_forty_thousand_rows, "xlsx", "200000 เซลล์"),
    "one cell at row 49,000, column 16,000": (one_cell_far_away, "xlsx", "200000 เซลล์"),
    "a Word cell 50 million columns wide": (
        a_cell_fifty_million_columns_wide,
        "docx",
        "1000 คอลัมน์",
    ),
    "a gigabyte picture": (a_gigabyte_picture, "docx", "100 MB"),
    "20,000 Word rows 999 columns wide": (
        twenty_thousand_rows_each_999_columns_wide,
        "docx",
        "200000 เซลล์",
    ),
    "100,000 empty paragraphs": (a_hundred_thousand_empty_paragraphs, "docx", "ย่อหน้า"),
    "the main part named document.png": (the_main_part_named_like_a_picture, "docx", "XML"),
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crafted")
    made = {}
    for name, (make, suffix, _) in CRAFTED.items():
        made[name] = make(folder / f"{re.sub(r'[^a-z0-9]+', '-', name.lower())}.{suffix}")
    return made


@pytest.mark.parametrize("case", sorted(CRAFTED))
def test_a_crafted_file_is_refused_by_import_within_the_memory_cap(crafted, sample_db, case):
    path = crafted[case]
    assert path.stat().st_size < 2 * 1024 * 1024
    before = dump(sample_db)
    result = run_limited("--db", str(sample_db), "import", str(path))
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    assert CRAFTED[case][2] in result.stderr
    assert str(path) in result.stderr or "แถว" in result.stderr
    assert dump(sample_db) == before


@pytest.mark.parametrize(
    "case",
    [case for case in sorted(CRAFTED) if CRAFTED[case][1] == "docx"],
)
def test_a_crafted_template_is_refused_within_the_memory_cap(crafted, sample_db, tmp_path, case):
    output = tmp_path / "pack.docx"
    result = run_limited(
        "--db", str(sample_db), "report", "--as-of", "2023-04-03",
        "--template", str(crafted[case]), "-o", str(output),
    )  # fmt: skip
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    assert CRAFTED[case][2] in result.stderr
    assert not output.exists()


def test_the_seeds_plan_is_within_every_limit(tmp_path):
    """The limits are far above a real plan: the seed's Word and Excel files pass them whole."""
    from ita_tui.documents import office_limits

    for path in (word_plan(tmp_path / "plan.docx"), excel_plan(tmp_path / "plan.xlsx")):
        office_limits.check(io.BytesIO(path.read_bytes()), str(path))
