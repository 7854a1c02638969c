"""The lexicons must not contain the evaluation set's people: no full name and no family name."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from majlis.nlp.corpus import DATA_DIR, lexicons

EVAL_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


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
    entries = {" ".join(s.split()) for s in _strings(lexicons())}
    name_files = [
        yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(DATA_DIR.glob("names_*.yaml"))
    ]
    # family names are checked against every word of the name lexicons (everyday words such as the
    # pronoun «هو» may share a spelling with a syllable of a foreign name)
    words = {w for entry in _strings(name_files) for w in entry.split()}
    full_hits = sorted(n for n in names if n in entries or any(n in e for e in entries))
    family_hits = sorted({n.split()[-1] for n in names if len(n.split()) > 1} & words)
    assert not full_hits, f"gold full names in lexicons: {full_hits}"
    assert not family_hits, f"gold family names in lexicons: {family_hits}"
