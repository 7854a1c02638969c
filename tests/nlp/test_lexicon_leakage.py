"""The lexicons and templates must not contain the evaluation set: no person, no run of six words."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from majlis.nlp.corpus import DATA_DIR, lexicons
from majlis.yamlio import strings_in

EVAL_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval"


def _gold_names() -> set[str]:
    names: set[str] = set()
    for path in sorted(EVAL_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            for meeting in json.loads(line).get("meetings") or []:
                for p in meeting.get("participants") or []:
                    if p.get("name"):
                        names.add(" ".join(p["name"].split()))
    return names


@pytest.mark.skipif(not EVAL_DIR.is_dir(), reason="shared/eval is not beside the checkout")
def test_no_gold_person_name_in_lexicons() -> None:
    names = _gold_names()
    assert names, "the eval files hold participant names"
    entries = {" ".join(s.split()) for s in strings_in(lexicons())}
    name_files = [
        yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(DATA_DIR.glob("names_*.yaml"))
    ]
    # family names are checked against every word of the name lexicons (everyday words such as the
    # pronoun «هو» may share a spelling with a syllable of a foreign name)
    words = {w for entry in strings_in(name_files) for w in entry.split()}
    full_hits = sorted(n for n in names if n in entries or any(n in e for e in entries))
    family_hits = sorted({n.split()[-1] for n in names if len(n.split()) > 1} & words)
    assert not full_hits, f"gold full names in lexicons: {full_hits}"
    assert not family_hits, f"gold family names in lexicons: {family_hits}"


PHRASE_WORDS = 6
# Lexicon entries that are vocabulary, not wording: official titles are written the same way by every
# outlet, so sharing them with an evaluation article teaches the model nothing about that article.
VOCABULARY_EXEMPT = frozenset({"نائب رئيس مجلس الوزراء ووزير الدفاع"})
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans("أإآٱىة", "اااايه")
_SLOT = re.compile(r"\{[A-Za-z_0-9]+\}")


def normalised_words(text: str) -> list[str]:
    """Words without diacritics, tatweel, punctuation and hamza/ta-marbuta/alef-maqsura spelling variants,
    so a paraphrase that differs only in spelling or commas still counts as shared wording."""
    return re.findall(r"\w+", _MARKS.sub("", text).translate(_FOLD).lower())


def word_runs(words: list[str], n: int = PHRASE_WORDS) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _eval_runs() -> set[tuple[str, ...]]:
    runs: set[tuple[str, ...]] = set()
    for path in sorted(EVAL_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                for text in (record.get("title") or "", record.get("body") or ""):
                    runs |= word_runs(normalised_words(text))
    return runs


def shared_runs(entry: str, runs: set[tuple[str, ...]]) -> set[str]:
    """The 6-word runs of one data entry found in `runs`; a template slot breaks a run (its filler is
    drawn from the lexicons, which are checked on their own)."""
    hits: set[str] = set()
    for part in _SLOT.split(entry):
        hits |= {" ".join(run) for run in word_runs(normalised_words(part)) & runs}
    return hits


def test_shared_runs_sees_through_spelling_and_stops_at_slots() -> None:
    runs = word_runs(normalised_words("وأكدت الوزارة أن التمرين يهدف إلى رفع الجاهزية القتالية للقوات."))
    assert shared_runs("يَهدف الى رفـع الجاهزيّة القتالية للقوات", runs) == {
        "يهدف الي رفع الجاهزيه القتاليه للقوات"
    }
    assert shared_runs("يهدف إلى رفع {topic} الجاهزية القتالية للقوات", runs) == set()


@pytest.mark.skipif(not EVAL_DIR.is_dir(), reason="shared/eval is not beside the checkout")
def test_no_data_entry_shares_six_words_with_an_evaluation_article() -> None:
    runs = _eval_runs()
    assert len(runs) > 1000, "the eval files hold article text"
    leaks: list[str] = []
    for path in sorted(DATA_DIR.glob("*.yaml")):
        for entry in strings_in(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if " ".join(entry.split()) not in VOCABULARY_EXEMPT and (hits := shared_runs(entry, runs)):
                leaks.append(f"{path.name}: {entry!r} shares {sorted(hits)}")
    assert not leaks, "training data paraphrases evaluation articles:\n" + "\n".join(leaks)
