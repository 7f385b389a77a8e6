"""Where Thai texts divide, kept between sessions (ita_tui/files/word_breaks.py): a text met again
is divided as the segmenter divided it, without loading the segmenter, so that the app's first
frame does not wait for its dictionary; and a cache file that is missing, damaged, foreign or
hostile changes nothing but the time it takes."""

import json
import os
import subprocess
import sys

import pytest

from ita_tui.core import thai_lines
from ita_tui.files import word_breaks
from tests.hostile import cases

TEXTS = [
    "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ",
    "ข้อมูลตัวอย่าง: แผนของเทศบาลตำบลมวกเหล็ก ปีงบประมาณ ๒๕๖๖ สิ่งที่ทำที่นี่ไม่กระทบฐานข้อมูลของคุณ",
    "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ (O1–O43) ผ่านเว็บไซต์ของหน่วยงาน",
]

# Divides the texts given on the command line after loading the kept divisions, and says
# whether the segmenter had to be loaded for it.
PROBE = """
import json, sys
from ita_tui.core import thai_lines
from ita_tui.files import word_breaks
word_breaks.load()
divided = [list(thai_lines.pieces(text)) for text in json.loads(sys.argv[1])]
print(json.dumps({"pieces": divided, "segmenter": "nlpo3" in sys.modules}))
"""


@pytest.fixture(autouse=True)
def cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ITA_TUI_CACHE", str(tmp_path / "kept"))
    thai_lines.forget()
    yield tmp_path / "kept"
    thai_lines.forget()


def probe(texts: list[str]) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(texts)],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=True,
    )
    return json.loads(done.stdout)


def test_a_text_met_again_is_divided_as_before_without_the_segmenter():
    first = probe(TEXTS)
    assert first["segmenter"]  # nothing kept yet: the segmenter divides
    for text in TEXTS:
        thai_lines.pieces(text)
    word_breaks.save()

    again = probe(TEXTS)
    assert again["pieces"] == first["pieces"]
    assert not again["segmenter"]
    assert any(len(pieces) > 3 for pieces in again["pieces"])


def test_a_new_text_still_loads_the_segmenter():
    thai_lines.pieces(TEXTS[0])
    word_breaks.save()
    result = probe([TEXTS[0], "ผู้รับผิดชอบตามคำสั่งของนายกเทศมนตรี"])
    assert result["segmenter"]
    assert "".join(result["pieces"][1]) == "ผู้รับผิดชอบตามคำสั่งของนายกเทศมนตรี"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"[1, 2, 3]",
        b'{"signature": "another word list", "texts": {}}',
        "\ufeff\x00\x1b[31m".encode(),
    ],
    ids=["empty", "broken", "a list", "foreign", "control characters"],
)
def test_a_damaged_or_foreign_cache_file_is_ignored(cache_folder, content):
    cache_folder.mkdir()
    (cache_folder / "thai-word-breaks.json").write_bytes(content)
    fresh = [list(thai_lines.pieces(text)) for text in TEXTS]
    thai_lines.forget()
    assert probe(TEXTS)["pieces"] == fresh


def test_divisions_that_do_not_add_up_are_not_trusted(cache_folder):
    cache_folder.mkdir()
    text = TEXTS[0]
    wrong = {
        text: [1, 1],  # shorter than the text
        TEXTS[1]: [len(TEXTS[1]) - 1, 2],  # longer
        TEXTS[2]: [0, len(TEXTS[2])],  # an empty piece
        "ก": "ก",  # not lengths at all
    }
    document = {"signature": thai_lines.segmenter_signature(), "texts": wrong}
    (cache_folder / "thai-word-breaks.json").write_text(json.dumps(document), encoding="utf-8")
    fresh = [list(thai_lines.pieces(value)) for value in TEXTS]
    thai_lines.forget()
    assert probe(TEXTS)["pieces"] == fresh


def test_the_hostile_corpus_divides_the_same_from_the_cache():
    texts = [case.text for case in cases()]
    fresh = [thai_lines.pieces(text) for text in texts]
    word_breaks.save()
    thai_lines.forget()
    word_breaks.load()
    assert [thai_lines.pieces(text) for text in texts] == fresh
    for text, pieces in zip(texts, fresh, strict=True):
        assert "".join(pieces) == text


def test_a_cache_that_cannot_be_written_is_skipped(cache_folder):
    cache_folder.write_text("a file where the folder should be", encoding="utf-8")
    thai_lines.pieces(TEXTS[0])
    word_breaks.save()  # no error: the cache is simply not kept
    assert cache_folder.read_text(encoding="utf-8") == "a file where the folder should be"


def test_the_cache_keeps_the_newest_texts_up_to_its_limit(monkeypatch, cache_folder):
    monkeypatch.setattr(word_breaks, "MOST_TEXTS", 2)
    for text in TEXTS:
        thai_lines.pieces(text)
    word_breaks.save()
    kept = json.loads((cache_folder / "thai-word-breaks.json").read_text(encoding="utf-8"))
    assert list(kept["texts"]) == TEXTS[1:]
