"""Thai word segmenters for line breaking, side by side, on the sentences of a real ITA report
(tests/corpus/seed_sentences_th.txt): install size, time to import and break a first sentence,
time to break a paragraph, and where each breaks the report's words.

    python benchmarks/thai_segmenters.py [--venvs DIR] [--runs N]

Each candidate is installed from PyPI with pip into a virtual environment of its own under
--venvs (kept, so that a second run installs nothing) and measured there in fresh interpreters.
"Dictionary words split" counts the places where a segmenter gives, as two to four pieces with
no space between them, what the Royal Institute's dictionary holds as one word (its word list
ships with PyThaiNLP): a line could break inside that word. The count includes a few fair
splits of set phrases (ว่า|การ, เป็น|การ) and misses a wrong word that straddles a right one
(newmm's เป็นแนว|ทางใน), which the sample lines show."""

import argparse
import json
import statistics
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = ROOT / "tests" / "corpus" / "seed_sentences_th.txt"
THAI_WORDS = ROOT / "ita_tui" / "data" / "thai_words.txt"
SAMPLES = ("ตามที่ สำนักงาน", "การขับเคลื่อนจริยธรรม", "ประชุมไม่มีการระบุ")

# name: (what pip installs, code that defines `setup()` and `segment(text) -> list[str]`)
CANDIDATES = {
    "nlpO3 1.4 (newmm in Rust)": (
        "nlpo3>=1.4,<2",
        f"""
def setup():
    import nlpo3
    nlpo3.load_dict({str(THAI_WORDS)!r}, "th")
def segment(text):
    import nlpo3
    return nlpo3.segment(text, "th")
""",
    ),
    "PyThaiNLP 5.4 newmm": (
        "pythainlp>=5.4,<6",
        """
def setup():
    from pythainlp.tokenize import word_tokenize
def segment(text):
    from pythainlp.tokenize import word_tokenize
    return word_tokenize(text, engine="newmm", keep_whitespace=True)
""",
    ),
    "ICU 78 line breaker (icu4py)": (
        "icu4py>=1.2",
        """
def setup():
    from icu4py.breakers import LineBreaker
def segment(text):
    from icu4py.breakers import LineBreaker
    return list(LineBreaker(text, "th"))
""",
    ),
    "ICU 77 line breaker (PyICU, pyicu-wheels)": (
        "pyicu-wheels>=2.15",
        """
def setup():
    import icu
def segment(text):
    import icu
    breaker = icu.BreakIterator.createLineInstance(icu.Locale("th"))
    breaker.setText(text)
    ends = [0, *breaker]
    return [text[a:b] for a, b in zip(ends, ends[1:])]
""",
    ),
    "thaibreak 1.5": (
        "thaibreak>=1.5",
        """
def setup():
    import thaibreak
def segment(text):
    import thaibreak
    ends = thaibreak.boundaries(text)
    return [text[a:b] for a, b in zip(ends, ends[1:])]
""",
    ),
}
# ita-tui's own breaker (nlpO3 with punctuation, digits and ฯ ๆ kept with their word), run in
# the interpreter running this script.
OURS = "ita_tui.core.thai_lines (nlpO3 + our rules)"
OURS_CODE = """
def setup():
    from ita_tui.core import thai_lines
    thai_lines.prepare()
def segment(text):
    from ita_tui.core import thai_lines
    return list(thai_lines.pieces.__wrapped__(text))  # not its cache
"""

FIRST_USE = """
import time, json
started = time.perf_counter()
{code}
setup()
imported = time.perf_counter()
segment("การประเมินคุณธรรมและความโปร่งใส")
print(json.dumps([imported - started, time.perf_counter() - started]))
"""

SEGMENT_ALL = """
import time, json, statistics
{code}
setup()
sentences = [s for s in open({sentences!r}, encoding="utf-8").read().splitlines()
             if s and not s.startswith("#")]
segmented = [segment(s) for s in sentences]
longest = max(sentences, key=len)
times = []
for _ in range(30):
    started = time.perf_counter()
    segment(longest)
    times.append(time.perf_counter() - started)
started = time.perf_counter()
for s in sentences:
    segment(s)
whole = time.perf_counter() - started
import importlib.metadata as md
only = {only!r}
size = sum(
    f.locate().stat().st_size
    for d in md.distributions()
    if d.metadata["Name"].lower() not in ("pip", "setuptools", "wheel", "ita-tui")
    and (not only or d.metadata["Name"].lower() in only)
    for f in d.files or ()
    if f.locate().exists()
)
print(json.dumps({{"segmented": segmented, "paragraph": statistics.median(times),
                   "paragraph_chars": len(longest), "whole": whole, "size": size}}))
"""


def interpreter(venvs: Path, name: str, requirement: str) -> Path:
    home = venvs / "".join(c if c.isalnum() else "-" for c in name.lower())
    python = home / "bin" / "python"
    if not python.exists():
        venv.create(home, with_pip=True)
        subprocess.run(
            [python, "-m", "pip", "install", "-q", "--disable-pip-version-check", requirement],
            check=True,
        )
    return python


def run(python: Path | str, program: str) -> object:
    done = subprocess.run(
        [python, "-c", program], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def dictionary_words(python: Path) -> set[str]:
    folder = run(
        python, "import json, os, pythainlp; print(json.dumps(os.path.dirname(pythainlp.__file__)))"
    )
    path = Path(str(folder)) / "corpus" / "orst_words_th.txt"
    words = {w.strip().lstrip("\ufeff") for w in path.read_text("utf-8").splitlines()}
    return {w for w in words if len(w) > 1 and " " not in w}


def split_words(segmented: list[list[str]], dictionary: set[str]) -> int:
    found = 0
    for tokens in segmented:
        pieces = [p for token in tokens for p in _split_spaces(token)]
        for start in range(len(pieces)):
            for end in range(start + 2, min(start + 4, len(pieces)) + 1):
                run_ = pieces[start:end]
                if any(p.isspace() for p in run_):
                    break
                found += "".join(run_) in dictionary
    return found


def _split_spaces(token: str) -> list[str]:
    parts, current = [], ""
    for character in token:
        if character.isspace() != (current[-1:].isspace() if current else character.isspace()):
            parts.append(current)
            current = ""
        current += character
    return [*parts, current] if current else parts


def widest_piece(segmented: list[list[str]]) -> int:
    from ita_tui.core.thai_lines import cell_width

    return max(cell_width(token.strip()) for tokens in segmented for token in tokens)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venvs", type=Path, default=Path.home() / ".cache" / "ita-tui-segmenters")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    options.venvs.mkdir(parents=True, exist_ok=True)

    interpreters: dict[str, tuple[Path | str, str]] = {}
    for name, (requirement, code) in CANDIDATES.items():
        print(f"installing {requirement} …", file=sys.stderr)
        interpreters[name] = (interpreter(options.venvs, name, requirement), code)
    interpreters[OURS] = (sys.executable, OURS_CODE)
    dictionary = dictionary_words(interpreters["PyThaiNLP 5.4 newmm"][0])  # type: ignore[arg-type]

    rows, samples = [], {}
    for name, (python, code) in interpreters.items():
        print(f"measuring {name} …", file=sys.stderr)
        firsts = [run(python, FIRST_USE.format(code=code)) for _ in range(options.runs)]
        # Our own breaker runs in this project's environment: its size is nlpO3's alone.
        only = ["nlpo3"] if name == OURS else []
        program = SEGMENT_ALL.format(code=code, sentences=str(SENTENCES), only=only)
        result = run(python, program)
        assert isinstance(result, dict)
        segmented = result["segmented"]
        size = result["size"]
        if "nlpo3" in code or name == OURS:
            size += THAI_WORDS.stat().st_size
        rows.append(
            (
                name,
                f"{size / 1e6:.1f} MB",
                f"{1000 * statistics.median(f[0] for f in firsts):.0f} ms",  # type: ignore[index]
                f"{1000 * statistics.median(f[1] for f in firsts):.0f} ms",  # type: ignore[index]
                f"{1000 * result['paragraph']:.2f} ms",
                f"{1000 * result['whole']:.1f} ms",
                str(split_words(segmented, dictionary)),
                str(widest_piece(segmented)),
            )
        )
        sentences = [s for s in SENTENCES.read_text("utf-8").splitlines() if s[:1] != "#" and s]
        samples[name] = [
            "|".join(segmented[sentences.index(s)]).replace(" ", "␣")[:150]
            for s in sentences
            if s.startswith(SAMPLES)
        ]
    longest = max((s for s in SENTENCES.read_text("utf-8").splitlines() if s[:1] != "#"), key=len)
    print(
        f"Thai segmenters on {SENTENCES.relative_to(ROOT)} "
        f"(median of {options.runs} fresh interpreters; paragraph: {len(longest)} characters)\n"
    )
    print(
        "| segmenter | installed | import + load | + first sentence | a paragraph | "
        "all 55 sentences | dictionary words split | widest unbreakable piece (cells) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print("\nHow each breaks the start of three sentences (| a break, ␣ a space):")
    for name, lines in samples.items():
        print(f"\n{name}")
        for line in lines:
            print("  " + line)


if __name__ == "__main__":
    main()
