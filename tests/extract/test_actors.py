"""The actor dictionary: names the model missed become PER mentions, and a known office holder named with
no state is of his state. Invented actors stand in for the dictionary's entries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from majlis.extract import actors
from majlis.extract.actors import Actor, actor_country, actor_spans
from majlis.nlp.ner import with_actors
from majlis.text import normalize

EVAL_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval"


@pytest.fixture
def invented(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dictionary of two invented office holders in place of the bundled one."""
    forms = [("سالم بن راشد القرنفلي", "MY"), ("سالم القرنفلي", "MY"), ("جون ماكدوغل", "PH")]
    table: dict[str, tuple[Actor, ...]] = {}
    for name, country in forms:
        words = tuple(normalize(name).split())
        table[words[0]] = (*table.get(words[0], ()), Actor(words, country))
    monkeypatch.setattr(actors, "_actors", lambda: table)


@pytest.mark.usefixtures("invented")
def test_an_actor_named_in_full_or_in_part_is_of_his_state() -> None:
    assert actor_country("سالم بن راشد القرنفلي") == "MY"
    assert actor_country("سالم راشد القرنفلي") == "MY"  # a part left out
    assert actor_country("سالم الزعفراني") is None
    assert actor_country("القرنفلي") is None  # a family name alone says too little


@pytest.mark.usefixtures("invented")
def test_an_actor_s_name_is_found_in_a_sentence_with_a_clitic_on_its_first_word() -> None:
    tokens = ["استقبل", "الرئيس", "وسالم", "القرنفلي", "اليوم", "جون", "ماكدوغل"]
    assert actor_spans(tokens) == [(2, 4), (5, 7)]


@pytest.mark.usefixtures("invented")
def test_an_actor_the_model_read_as_a_place_is_a_person_and_a_longer_person_span_is_kept() -> None:
    tokens = ["التقى", "سالم", "بن", "راشد", "القرنفلي", "آل", "فلان", "جون", "ماكدوغل"]
    model = [("PER", 1, 7), ("LOC", 7, 9)]
    assert with_actors(tokens, model) == [("PER", 1, 7), ("PER", 7, 9)]


@pytest.mark.skipif(not EVAL_DIR.is_dir(), reason="shared/eval is not beside the checkout")
def test_no_development_or_seed_participant_is_in_the_actor_dictionary() -> None:
    gold = set()
    for path in sorted(EVAL_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for meeting in (json.loads(line).get("meetings") or []) if line.strip() else []:
                gold |= {normalize(p["name"]) for p in meeting["participants"] if p.get("name")}
    assert gold
    listed = {" ".join(a.words) for forms in actors._actors().values() for a in forms}
    assert not gold & listed, f"development-set participants in actors.yaml: {sorted(gold & listed)}"


@pytest.mark.usefixtures("invented")
def test_an_actor_s_name_in_an_institution_s_name_is_no_person() -> None:
    tokens = [
        "زار",
        "الوفد",
        "مركز",
        "الملك",
        "سالم",
        "القرنفلي",
        "للتدريب",
        "ثم",
        "التقى",
        "سالم",
        "القرنفلي",
    ]
    assert actor_spans(tokens) == [(9, 11)]


@pytest.mark.usefixtures("invented")
def test_a_longer_name_than_an_actor_s_is_someone_else() -> None:
    assert actor_country("سالم حمد القرنفلي") is None  # «سالم القرنفلي» is listed; this one has more
