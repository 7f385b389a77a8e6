"""The Word documents as a reader sees them: LibreOffice renders each to PDF (TH Sarabun New
drawn with TLWG's Laksaman, its metric twin), poppler reads the pages back, and the tests count
pages, look for a line that ends inside a Thai word (by the project's segmenter, over
`pdftotext -raw` lines, which keep reading order inside table cells), check that table headers
are set in a bold face, and that the score chart is drawn where it belongs.

They need `soffice` (Debian: libreoffice-writer-nogui), poppler-utils and fonts-thai-tlwg, which
.ci/run installs; without them they are skipped, saying what is missing."""

import os
import re
import shutil
import signal
import subprocess
from functools import cache
from importlib import resources
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext", "pdftoppm", "pdftohtml"))
LAKSAMAN = (
    shutil.which("fc-list") is not None
    and "Laksaman"
    in subprocess.run(["fc-list"], capture_output=True, text=True, check=False).stdout
)

if OFFICE is None:
    pytest.skip(
        "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)",
        allow_module_level=True,
    )
if not POPPLER:
    pytest.skip("poppler is not installed (apt-get install poppler-utils)", allow_module_level=True)
if not LAKSAMAN:
    pytest.skip(
        "no metric twin of TH Sarabun New (apt-get install fonts-thai-tlwg)",
        allow_module_level=True,
    )

THAI_LETTERS = re.compile("[\u0e01-\u0e4e]+")


def as_pdf(document: Path) -> Path:
    """The document printed by LibreOffice; its process group ended if it hangs."""
    folder = document.parent
    office = subprocess.Popen(
        [str(OFFICE), "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(document)],
        env={**os.environ, "HOME": str(folder)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        office.wait(timeout=180)
    except subprocess.TimeoutExpired:
        os.killpg(office.pid, signal.SIGKILL)
        office.wait()
        pytest.fail("LibreOffice took more than three minutes")
    pdf = document.with_suffix(".pdf")
    assert pdf.exists(), "LibreOffice wrote no PDF"
    return pdf


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))


def lines_of(pdf: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return out.splitlines()


@cache
def dictionary() -> frozenset[str]:
    text = resources.files("ita_tui").joinpath("data", "thai_words.txt").read_text("utf-8")
    return frozenset(word.strip() for word in text.splitlines() if word.strip())


def words_only(text: str) -> bool:
    """Whether the segmenter divides the text into words of its dictionary, leaving nothing."""
    from ita_tui.core.thai_lines import pieces

    return all(
        piece.strip().replace("ฯลฯ", "").rstrip("ฯๆ") in dictionary() | {""}
        for piece in pieces(text)
    )


def broken_inside_words(lines: list[str]) -> list[tuple[str, str]]:
    """Line ends the segmenter puts inside a word. A break inside a compound the segmenter
    keeps whole ("ประจำ|ปี", "ผลการ|ดำเนินงาน") is where Word and LibreOffice break, by their
    own dictionaries, and is allowed: both sides are made of words of the dictionary."""
    from ita_tui.core.thai_lines import pieces

    broken = []
    for first, second in zip(lines, lines[1:], strict=False):
        left = re.search("[\u0e01-\u0e4e]+$", first.rstrip())
        right = re.match("[\u0e01-\u0e4e]+", second.lstrip())
        if not left or not right:
            continue
        joined = left.group() + right.group()
        cut = len(left.group())
        position = 0
        for piece in pieces(joined):
            end = position + len(piece)
            if position < cut < end:
                sides = (joined[position:cut], joined[cut:end].strip())
                if not all(words_only(side) for side in sides):
                    broken.append((first[-12:], second[:12]))
                break
            position = end
    return broken


def bold_texts(pdf: Path) -> list[str]:
    """The texts poppler finds set in a bold face."""
    xml = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-stdout", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    bold_fonts = {
        font_id
        for font_id, family in re.findall(r'<fontspec id="(\d+)"[^>]*family="([^"]*)"', xml)
        if "bold" in family.lower()
    }
    found = []
    for font_id, inner in re.findall(r'<text [^>]*font="(\d+)"[^>]*>(.*?)</text>', xml):
        if font_id in bold_fonts or inner.startswith("<b>"):
            found.append(re.sub("<[^>]+>", "", inner))
    return found


def coloured_pixels(pdf: Path, colour: tuple[int, int, int]) -> int:
    """Pixels of about `colour` on every page, drawn at 30 dpi."""
    folder = pdf.parent / f"{pdf.stem}-pages"
    folder.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "30", str(pdf), str(folder / "p")], check=True)
    count = 0
    for page in sorted(folder.glob("p*.ppm")):
        data = page.read_bytes()
        # P6, width height, maxval, then the pixels.
        header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
        pixels = data[header.end() :]
        for index in range(0, len(pixels) - 2, 3):
            red, green, blue = pixels[index], pixels[index + 1], pixels[index + 2]
            if (
                abs(red - colour[0]) < 24
                and abs(green - colour[1]) < 24
                and abs(blue - colour[2]) < 24
            ):
                count += 1
    return count


def write(run, database: Path, target: Path, *arguments: str) -> Path:
    result = run("--db", str(database), "report", *arguments, "-o", str(target))
    assert result.code == 0, result.err
    return as_pdf(target)


def test_the_sample_six_month_report_fits_three_pages_with_bold_headers_and_whole_words(
    run, sample_db, tmp_path
):
    pdf = write(run, sample_db, tmp_path / "six.docx", "--kind", "six-month", "--year", "2566")
    assert page_count(pdf) <= 3
    lines = lines_of(pdf)
    assert broken_inside_words(lines) == []
    # (Laksaman Bold's tone marks come back from the PDF as other signs: headers without them.)
    bold = " ".join(bold_texts(pdf))
    for header in ("มาตรการ/แนวทาง", "ผู้รับผิดชอบ", "ระยะเวลา"):
        assert bold.count(header) >= 1, header
    assert "แผนการใช้จ่ายงบประมาณประจำปี" not in bold  # a measure is not
    # Every measure is there, its number as the setting says.
    assert sum(1 for line in lines if line.startswith("๑๑ ")) == 1


def test_the_meeting_pack_holds_its_chart(run, sample_db, tmp_path):
    pdf = write(run, sample_db, tmp_path / "pack.docx", "--as-of", "2023-04-03")
    # This year's bars: green where they pass the mark, red where they do not (two in 2565).
    assert coloured_pixels(pdf, (0x2E, 0x7D, 0x32)) > 500
    assert coloured_pixels(pdf, (0xC6, 0x28, 0x28)) > 50
    lines = lines_of(pdf)
    assert any("การเปิดเผยข้อมูล" in line for line in lines)  # a Thai label of the chart
    assert broken_inside_words(lines) == []


def test_the_analysis_holds_its_chart(run, sample_db, tmp_path):
    pdf = write(run, sample_db, tmp_path / "analysis.docx", "--kind", "analysis")
    assert coloured_pixels(pdf, (0x2E, 0x7D, 0x32)) > 500
    assert broken_inside_words(lines_of(pdf)) == []


def test_the_o26_document_breaks_no_word(run, sample_db, tmp_path):
    pdf = write(run, sample_db, tmp_path / "o26.docx", "--kind", "o26", "--year", "2566")
    assert broken_inside_words(lines_of(pdf)) == []


def test_the_word_check_finds_a_word_broken_inside():
    assert broken_inside_words(["รายงานความก้าวหน้", "าของมาตรการ"]) != []
    assert broken_inside_words(["งบประมา", "ณที่ใช้"]) != []
    assert broken_inside_words(["แผนดำเนินงานประจำ", "ปี"]) == []
    assert broken_inside_words(["รายงานผลการ", "ดำเนินงานในที่ประชุม"]) == []
