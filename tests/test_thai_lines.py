"""The Thai line breaker on the sentences of a real ITA report: lines break between words, never
inside one; no line is wider than asked; nothing is lost; a cut ends at a word with "…"."""

import re
import unicodedata
from pathlib import Path

import pytest
from rich.cells import cell_len

from ita_tui.core import thai_lines
from ita_tui.core.thai_lines import cell_width, cut, graphemes, line_starts, lines, pieces
from tests.hostile import ACCEPTED

SEED = [
    line
    for line in (Path(__file__).parent / "corpus" / "seed_sentences_th.txt")
    .read_text("utf-8")
    .splitlines()
    if line and not line.startswith("#")
]
WIDTHS = [12, 20, 31, 40, 57, 76]

# Words of the report that a reader must never see split across two lines, each in the Royal
# Institute's dictionary: among them the very words the officer saw cut ("จริยธร / รม",
# "ที่แ / สดงให้ชัดเจน").
WHOLE_WORDS = [
    "จริยธรรม",
    "แสดง",
    "ชัดเจน",
    "เทศบาล",
    "งบประมาณ",
    "ท้องถิ่น",
    "เจ้าหน้าที่",
    "ข้อเสนอแนะ",
    "ประชาสัมพันธ์",
    "ทรัพยากร",
    "ยุทธศาสตร์",
    "คุณธรรม",
    "โปร่งใส",
    "ส่งเสริม",
    "ขับเคลื่อน",
    "ประสิทธิภาพ",
    "เว็บไซต์",
    "วิเคราะห์",
    "ผู้บริหาร",
    "มาตรการ",
]


def breaks(text: str, width: int) -> list[int]:
    return line_starts(text, width)


def test_the_seed_is_read():
    assert len(SEED) > 50
    assert sum(len(sentence) for sentence in SEED) > 10_000


@pytest.mark.parametrize("width", WIDTHS)
def test_no_line_is_wider_than_asked_and_nothing_is_lost(width):
    for sentence in SEED:
        broken = lines(sentence, width)
        assert "".join(broken) == sentence
        for line in broken:
            shown = line.rstrip()
            assert cell_width(shown) <= width, (width, shown)
            assert cell_len(shown) == cell_width(shown)


@pytest.mark.parametrize("width", WIDTHS)
def test_lines_break_only_between_words_of_the_segmenter(width):
    """Every break is where the segmenter put a word boundary (or a space), unless the word is
    wider than the line itself, which is then cut between its letters."""
    for sentence in SEED:
        boundaries, position = set(), 0
        too_wide: list[range] = []
        for piece in pieces(sentence):
            word = piece.rstrip()
            if cell_width(word) > width:
                too_wide.append(range(position + 1, position + len(word)))
            position += len(piece)
            boundaries.add(position)
            boundaries.add(position - (len(piece) - len(word)))
        for start in breaks(sentence, width):
            assert start in boundaries or any(start in span for span in too_wide), (
                sentence[:start][-15:] + " / " + sentence[start:][:15]
            )


@pytest.mark.parametrize("width", [58, 64, 76, 100])
def test_no_dictionary_word_is_cut_across_lines(width):
    """At any width that holds the longest word, none of the report's words is split, however
    the lines fall; the words the officer saw cut among them."""
    longest = max(cell_width(piece.rstrip()) for s in SEED for piece in pieces(s))
    assert longest <= 58
    checked = 0
    for sentence in SEED:
        starts = breaks(sentence, width)
        for word in WHOLE_WORDS:
            for found in re.finditer(word, sentence):
                checked += 1
                inside = range(found.start() + 1, found.end())
                assert not any(start in inside for start in starts), (word, width, sentence)
    assert checked > 150


def test_the_words_the_officer_saw_cut_stay_whole_at_the_width_that_cut_them():
    """The meeting notes read "จริยธร / รม" and "ที่แ / สดงให้ชัดเจน" in an 80-column terminal."""
    text = next(s for s in SEED if "กิจกรรมที่แสดง ให้ชัดเจน" in s)
    for width in range(20, 81):
        shown = [line.rstrip() for line in lines(text, width)]
        assert not any(line.endswith("จริยธร") for line in shown)
        assert not any(line.endswith("ที่แ") or line.startswith("สดง") for line in shown)


def test_punctuation_digits_and_repetition_signs_stay_with_their_word():
    text = "ผลคะแนน (ป.ป.ช.) ได้ ๘๐.๖๑ คะแนน พ.ศ.๒๕๖๕ เทศบาลฯ ต่างๆ “ข้อเสนอแนะ” ๑) การ Don'ts"
    kept = [piece.rstrip() for piece in pieces(text)]
    for whole in ["(ป.ป.ช.)", "๘๐.๖๑", "พ.ศ.๒๕๖๕", "Don'ts"]:
        assert whole in kept, kept
    assert any(piece.endswith("ฯ") for piece in kept)
    assert any(piece.endswith("ๆ") for piece in kept)
    assert any(piece.startswith("“") for piece in kept)
    assert any(piece.endswith("”") for piece in kept)
    assert "๑)" in kept


def test_no_line_starts_with_a_vowel_or_tone_mark_torn_from_its_letter():
    word = "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ"
    for width in range(2, 30):
        for line in lines(word, width)[1:]:
            first = line[0]
            assert unicodedata.category(first) != "Mn" and first != "\u0e33", (width, line)
        assert "".join(lines(word, width)) == word


def test_graphemes_keep_vowels_and_tone_marks_with_their_letter():
    assert graphemes("น้ำที่แสดง") == ["น้ำ", "ที่", "แ", "ส", "ด", "ง"]
    assert graphemes("กำ") == ["กำ"]
    assert "".join(graphemes(SEED[0])) == SEED[0]


def test_cell_width_counts_as_the_terminal_does():
    """Vowels above and below, tone marks and the thanthakhat take no cell, sara am one, and
    Rich (which Textual uses) counts every shown text the same way."""
    assert cell_width("ที่") == 1
    assert cell_width("น้ำ") == 2
    assert cell_width("กำ") == 2
    assert cell_width("จริยธรรม") == 7
    assert cell_width("日本") == 4
    texts = [*SEED, *(case.expected for case in ACCEPTED)]
    texts.append("".join(chr(code) for code in range(0x0E01, 0x0E5C) if chr(code).isprintable()))
    for text in texts:
        assert cell_width(text) == cell_len(text), text


@pytest.mark.parametrize("width", [1, 2, 8, 15, 24, 40, 76])
def test_a_cut_ends_at_a_word_boundary_with_an_ellipsis(width):
    for sentence in SEED:
        shown = cut(sentence, width)
        assert cell_width(shown) <= width
        if cell_width(sentence) <= width:
            assert shown == sentence
            continue
        assert shown.endswith("…")
        kept = shown[:-1]
        assert sentence.startswith(kept)
        ends = {0}
        position = 0
        for piece in pieces(sentence):
            ends.add(position + len(piece.rstrip()))
            position += len(piece)
        first_word = pieces(sentence)[0].rstrip()
        at_a_word = len(kept) in ends
        letters_of_a_long_word = cell_width(first_word) > width - 1 or any(
            cell_width(piece.rstrip()) > width for piece in pieces(sentence)
        )
        assert at_a_word or letters_of_a_long_word, (width, shown)


def test_a_cut_keeps_the_words_that_fit():
    title = "แผนการใช้จ่ายงบประมาณประจำปี (รอบ ๖ เดือน)"
    assert cut(title, 40) == title
    assert cut(title, 30) == "แผนการใช้จ่ายงบประมาณประจำปี…"
    assert cut(title, 20) == "แผนการใช้จ่ายงบประมาณ…"
    assert cut(title, 15) == "แผนการใช้จ่าย…"
    assert cut("ตามที่ สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ", 20) == (
        "ตามที่ สำนักงานคณะกรรม…"
    )


def test_text_without_thai_breaks_at_spaces_and_never_loads_the_segmenter():
    text = "Integrity and Transparency Assessment (ITA) fiscal year 2023"
    assert [line.rstrip() for line in lines(text, 20)] == [
        "Integrity and",
        "Transparency",
        "Assessment (ITA)",
        "fiscal year 2023",
    ]
    assert not thai_lines.has_thai(text)


def test_line_breaks_in_the_text_are_kept():
    text = "บรรทัดแรก\n\nบรรทัดสาม ยาวกว่าบรรทัดอื่น"
    broken = lines(text, 10)
    assert "".join(broken) == text
    assert [line.rstrip() for line in broken] == ["บรรทัดแรก", "", "บรรทัดสาม", "ยาวกว่า", "บรรทัดอื่น"]


def test_hostile_texts_keep_every_character_at_every_width():
    for case in ACCEPTED:
        for width in (1, 3, 10, 40):
            assert "".join(lines(case.expected, width)) == case.expected
            assert cell_width(cut(case.expected, width)) <= width


def test_a_lone_surrogate_in_thai_text_is_kept_and_breaks_nothing():
    text = "การประเมิน\ud800คุณธรรม และความโปร่งใส"
    assert "".join(thai_lines.pieces(text)) == text
    assert "".join(thai_lines.lines(text, 12)) == text
