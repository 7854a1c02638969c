"""The rule engine: every rule of majlis/lexicons/rules.yaml on its own examples, read as a run reads them
(the bundled NER model, then the meeting reader), and the interpreter's checks on rules that cannot work.

The examples are invented sentences written for the rules; a rule's example that stops firing fails here
with the rule's name.
"""

from __future__ import annotations

import json

import pytest

from majlis.extract.engine import RuleBook, RuleError, View, find, matches, read_rules, rulebook
from majlis.extract.meetings import Decision, decisions
from majlis.extract.tokens import Match, Tok, tokenize
from majlis.extract.vocab import vocabulary

EXAMPLES = [
    (rule.name, example.text, example.fires) for rule in rulebook().rules for example in rule.examples
]


@pytest.fixture(scope="module")
def fired_on_last_sentence(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """Each example text → the rules that fired on its last sentence (one NER pass for all examples)."""
    from majlis.analysis import analyse
    from majlis.ingest import iter_inputs
    from majlis.records import Article

    texts = sorted({text for _, text, _ in EXAMPLES})
    path = tmp_path_factory.mktemp("rules") / "examples.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i, text in enumerate(texts):
            record = {"id": f"ex-{i}", "title": None, "body": text, "published_at": "2026-01-12"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    articles = [a for a in iter_inputs([path]) if isinstance(a, Article)]
    analysis = analyse(articles)
    out: dict[str, set[str]] = {}
    for article in articles:
        sentences = [s for s in analysis.sentences if s.article_id == article.article_id]
        mentions = [m for m in analysis.mentions if m.article_id == article.article_id]
        trace: list[Decision] = decisions(article, sentences, mentions)
        last = sentences[-1].start_char
        out[texts[int(article.external_id.split("-")[1])]] = {
            d.rule for d in trace if d.sentence_start == last
        }
    return out


@pytest.mark.parametrize(
    ("rule", "text", "fires"), EXAMPLES, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(EXAMPLES)]
)
def test_every_rule_decides_its_examples(
    fired_on_last_sentence: dict[str, set[str]], rule: str, text: str, fires: bool
) -> None:
    fired = fired_on_last_sentence[text]
    if fires:
        assert rule in fired, f"{rule} did not fire on its example; fired: {sorted(fired)}"
    else:
        assert rule not in fired, f"{rule} fired on a sentence it must leave alone"


def test_every_stage_has_rules_and_every_rule_says_what_it_does() -> None:
    book = rulebook()
    assert {r.stage for r in book.rules} == set(book.stages)
    assert all(r.says for r in book.rules)


def _one_rule(stage: str, effect: str, **rule: object) -> RuleBook:
    """A rule book of one rule named «t.rule», as rules.yaml would give it."""
    return read_rules(
        {
            "stages": {stage: "-"},
            "effects": {stage: {effect: "-"}},
            "rules": [{"name": "t.rule", "stage": stage, "effect": effect, "examples": ["x"], **rule}],
        }
    )


def _trigger_at(text: str, word: str) -> tuple[list[Tok], Match]:
    toks = tokenize(text)
    i = next(i for i, t in enumerate(toks) if t.text == word)
    return toks, Match(i, i + 1, "meeting:receives", (toks[i].norm,))


def test_a_gap_to_the_first_person_stops_at_the_first_person() -> None:
    """«مع» counts only between the verb and the first person named («… X مع Y» is X's company)."""
    book = _one_rule(
        "subject", "carry_subject", pattern=["trigger", {"gap": "to_first_person"}, {"words": ["مع"]}]
    )
    toks, trigger = _trigger_at("وبحث مع السفير الياباني التعاون", "وبحث")
    assert book.decide("subject", View(toks, trigger, first_person=3))
    toks, trigger = _trigger_at("وبحث السفير الياباني مع الوزير التعاون", "وبحث")
    assert not book.decide("subject", View(toks, trigger, first_person=1))


def test_a_bounded_phrase_is_looked_for_relative_to_the_trigger() -> None:
    future = _one_rule(
        "not_news", "drop", pattern=[{"phrase": "future", "starts_by": "trigger_end+2"}]
    ).rules[0]
    near = "استقبل الوزير سيلتقي"  # the future word two words after the verb
    far = "استقبل الوزير أمس في مكتبه السفير ثم سيلتقي"
    for text, expected in ((near, True), (far, False)):
        toks, trigger = _trigger_at(text, "استقبل")
        assert matches(future.patterns[0], View(toks, trigger), vocabulary()) is expected


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (
            {"name": "a", "stage": "nowhere", "effect": "drop", "pattern": ["trigger"], "examples": ["x"]},
            "stage",
        ),
        (
            {"name": "a", "stage": "not_news", "effect": "keep", "pattern": ["trigger"], "examples": ["x"]},
            "effect",
        ),
        (
            {"name": "a", "stage": "not_news", "effect": "drop", "pattern": [{"wrd": 1}], "examples": ["x"]},
            "element",
        ),
        ({"name": "a", "stage": "not_news", "effect": "drop", "pattern": ["trigger"]}, "example"),
        (
            {
                "name": "a",
                "stage": "not_news",
                "effect": "drop",
                "pattern": [{"in": "meetings.yaml:nope"}],
                "examples": ["x"],
            },
            "no list",
        ),
        (
            {
                "name": "a",
                "stage": "not_news",
                "effect": "drop",
                "pattern": [{"phrase": "nope"}],
                "examples": ["x"],
            },
            "no phrase list",
        ),
    ],
)
def test_a_rule_that_cannot_work_is_refused_by_name(rule: dict[str, object], message: str) -> None:
    data = {"stages": {"not_news": "-"}, "effects": {"not_news": {"drop": "-"}}, "rules": [rule]}
    with pytest.raises(RuleError, match=message) as error:
        read_rules(data)
    assert "rule a" in str(error.value)


def test_a_fact_the_reader_does_not_state_is_an_error_naming_the_rule() -> None:
    book = _one_rule("subject", "carry_subject", when=["unknown"])
    toks, trigger = _trigger_at("استقبل الوزير السفير", "استقبل")
    with pytest.raises(RuleError, match=r"t\.rule"):
        book.decide("subject", View(toks, trigger), {})


def test_a_marked_phrase_bounded_by_the_trigger_reports_where_it_stands() -> None:
    """A bounded phrase may be the mark: «starts_at» places it by the trigger, not by the search."""
    rule = _one_rule(
        "not_news", "drop", pattern=[{"phrase": "visit_welcomes", "starts_at": "trigger_start", "mark": True}]
    ).rules[0]
    toks = tokenize("وصل الوزير إلى المطار وكان في استقباله قائد القوات")
    at = next(i for i, t in enumerate(toks) if t.text == "في")
    found = find(rule.patterns[0], View(toks, Match(at, at + 2, "meeting:visits", ())), vocabulary())
    assert found is not None and (found.start, found.end) == (at, at + 2)


def test_majlis_rules_lists_every_rule_as_a_new_process() -> None:
    """What an analyst runs before adding a phrasing: every rule, under its stage."""
    import os
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "majlis.cli", "rules"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200"},
        check=True,
    ).stdout
    assert all(rule.name in out for rule in rulebook().rules)
    assert all(f"## {stage}:" in out for stage in rulebook().stages)
    one = subprocess.run(
        [sys.executable, "-m", "majlis.cli", "rules", "--stage", "split"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert "split.separately" in one and "trigger.phrase" not in one
