"""Every sentence exists in Thai and in English, and every key the code asks for exists."""

import re
import string
from pathlib import Path

import pytest

from ita_tui.i18n import CATALOGUE, translate

SOURCE = Path(__file__).parent.parent / "ita_tui"
LITERAL_KEY = re.compile(
    r"""(?:\bt|translate|UserError|_?fail|field|SnapshotInvalid)\(\s*["']([a-z_]+\.[a-z_.\-]+)["']"""
    r"""|title_key\s*=\s*["']([a-z_]+\.[a-z_.\-]+)["']"""
    r"""|\berror_key\b[^"']*["']([a-z_]+\.[a-z_.\-]+)["']"""
    r"""|\.fail\([^,()]+(?:\([^()]*\))?[^,()]*,\s*["']([a-z_]+\.[a-z_.\-]+)["']"""
)
BINDING_ID = re.compile(r"""Key\(\s*"[^"]+",\s*"[^"]*",\s*"([a-z\-]+)\"""")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_has_both_languages_with_the_same_placeholders(key):
    entry = CATALOGUE[key]
    assert set(entry) == {"th", "en"}
    assert entry["th"].strip() and entry["en"].strip()
    assert placeholders(entry["th"]) == placeholders(entry["en"])


def keys_used_in_source() -> set[str]:
    used: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text("utf-8")
        for match in LITERAL_KEY.finditer(text):
            used.add(next(group for group in match.groups() if group))
        for binding in BINDING_ID.findall(text):
            used.update({f"binding.{binding}", f"binding.{binding}.tip"})
    return used


def test_every_key_the_code_uses_is_in_the_catalogue():
    used = keys_used_in_source()
    assert len(used) > 100
    assert sorted(used - set(CATALOGUE)) == []


def test_keys_built_at_run_time_exist():
    dynamic = [f"status.{s}" for s in ("not_started", "in_progress", "done", "dropped")]
    dynamic += [f"mode.{m}" for m in ("overview", "indicators", "measures", "follow_up", "plan")]
    dynamic += [f"indicators.{k}" for k in ("weakness", "develop")]
    dynamic += [f"plan.{t}" for t in ("units", "findings", "assessments")]
    dynamic += ["score.grade", "score.rating"]
    dynamic += [f"measures.{f}" for f in ("overdue", "due_soon", "stale")]
    assert [key for key in dynamic if key not in CATALOGUE] == []


def test_unknown_language_falls_back_to_english_and_unknown_key_shows_itself():
    assert translate("status.done", "fr") == "done"
    assert translate("no.such.key", "th") == "no.such.key"
