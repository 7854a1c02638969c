"""How well PER mentions find the people named in a gold meeting file (recall) and how clean they are.

Definitions (gold lists only meeting participants, so precision needs a judgement):
- recall: a gold participant name (once per article) is found when some occurrence of it in the
  article text lies inside one PER mention.
- precision: a PER mention is correct when it overlaps an occurrence of a gold participant name
  (of any article in the file: the same officials recur), or when its words are words of the article's
  gold names or of one gold name of the file (short references such as «اللواء فلان»), a leading
  و/ب/ل/ف clitic allowed.
  Real people who are never meeting participants count as errors, so the figure is a lower bound; when the
  gold records list those other persons (`people`), a second figure counts mentions of them as correct.
- exact: share of found names whose covering mention is the name itself (clitic allowed).
- per shape: recall by how the name is written (Latin script, «بن»/«ولد» chain, number of words).
- per origin: recall by the `origin` label a gold participant may carry (e.g. "gulf", "east_asian"), so
  the next round of training data can be aimed at the origins the model misses.
Missed names and unmatched PER mentions are kept with the sentence they occur in.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from majlis.nlp.model import normalize_token
from majlis.nlp.ner import run_ner
from majlis.records import Article, Mention, Sentence
from majlis.text import without_clitic

NO_ORIGIN = "unlabelled"


@dataclass(frozen=True)
class NerError:
    """A missed gold name or an unmatched PER mention, with where it is, to aim the next training data."""

    article_id: str
    text: str
    sentence: str
    origin: str = NO_ORIGIN
    tagged: tuple[str, ...] = ()  # for a missed name: the PER mentions that cut into it


@dataclass
class NerScores:
    gold_names: int = 0
    found: int = 0
    exact: int = 0
    per_mentions: int = 0
    correct_mentions: int = 0
    people_mentions: int = 0  # mentions wrong under the participant rules that name another real person
    missed: list[NerError] = field(default_factory=list)
    spurious: list[NerError] = field(default_factory=list)
    by_origin: dict[str, list[int]] = field(default_factory=dict)  # origin -> [found, gold]
    by_shape: dict[str, list[int]] = field(default_factory=dict)  # name_shape -> [found, gold]

    @property
    def recall(self) -> float:
        return self.found / self.gold_names if self.gold_names else 0.0

    @property
    def precision(self) -> float:
        return self.correct_mentions / self.per_mentions if self.per_mentions else 0.0

    @property
    def precision_with_people(self) -> float:
        """Precision with mentions of the gold file's other people (`people`) counted as correct."""
        return (
            (self.correct_mentions + self.people_mentions) / self.per_mentions if self.per_mentions else 0.0
        )

    @property
    def exact_rate(self) -> float:
        return self.exact / self.found if self.found else 0.0

    def shape_recall(self) -> dict[str, tuple[float, int, int]]:
        """Recall, found and gold count per `name_shape` of the gold names."""
        return {shape: (found / gold, found, gold) for shape, (found, gold) in sorted(self.by_shape.items())}

    def origin_recall(self) -> dict[str, tuple[float, int, int]]:
        """Recall, found and gold count per origin label, labelled origins only (empty when none)."""
        return {
            origin: (found / gold if gold else 0.0, found, gold)
            for origin, (found, gold) in sorted(self.by_origin.items())
            if origin != NO_ORIGIN
        }


def name_shape(name: str) -> str:
    """A label for how a name is written, so recall can be read by kind of name without origin labels:
    Latin script, a lineage chain («بن», «ولد»), or by its number of words."""
    words = name.split()
    if any(ch.isascii() and ch.isalpha() for ch in name):
        return "latin script"
    if any(w in ("بن", "بنت", "ابن", "ولد", "آل") for w in words):
        return "lineage chain"
    return f"{min(len(words), 4)}{'+' if len(words) >= 4 else ''} words"


def gold_article(record: dict[str, Any], index: int, source: str) -> Article:
    """A gold record as an Article; text is title, blank line, body, as ingest builds it."""
    title, body = record.get("title") or None, record.get("body") or ""
    text = f"{title}\n\n{body}" if title else body
    ext = str(record.get("id") or index)
    return Article(
        article_id=ext, external_id=ext, source_file=source, record_index=index, title=title, body=body,
        text=text, text_normalized=text, published_at=None, source=record.get("source"), url=None,
        encoding="utf-8", ingested_at=datetime.now(UTC),
    )  # fmt: skip


def gold_names(record: dict[str, Any]) -> list[str]:
    """Distinct participant names of one gold article, in order."""
    return list(gold_origins(record))


def gold_origins(record: dict[str, Any]) -> dict[str, str]:
    """Distinct participant names of one gold article, in order, with their `origin` label if any."""
    names: dict[str, str] = {}
    for meeting in record.get("meetings") or []:
        for p in meeting.get("participants") or []:
            name = (p.get("name") or "").strip()
            if name and (name not in names or names[name] == NO_ORIGIN):
                names[name] = str(p.get("origin") or NO_ORIGIN)
    return names


def _sentence_at(sentences: list[Sentence], start: int, text: str) -> str:
    """The sentence holding character `start` (a name may straddle a bad sentence split: then the text
    around it)."""
    for sent in sentences:
        if sent.start_char <= start < sent.end_char:
            return sent.text
    return text[max(0, start - 80) : start + 80]


_MARKS = "\u064b-\u065f\u0670\u0640"  # diacritics and tatweel
_IGNORED = re.compile(f"[{_MARKS}\\s]")  # what `_occurrences` reads through


@lru_cache(maxsize=8192)  # a file's gold names, compiled once
def _name_pattern(name: str) -> re.Pattern[str]:
    """The name's letters (without its own diacritics, tatweel and spaces), each followed by any of them."""
    return re.compile(f"[{_MARKS}]*\\s*".join(re.escape(ch) for ch in _IGNORED.sub("", name)))


def _occurrences(text: str, name: str, compact: str | None = None) -> list[tuple[int, int]]:
    """Where `name` occurs in `text`, ignoring diacritics, tatweel and spacing on either side. `compact` (the
    text without them) lets a file's thousand names skip the articles they are not in, in one substring
    test each instead of a regex search."""
    letters = _IGNORED.sub("", name)
    if not letters or (compact is not None and letters not in compact):
        return []
    return [(m.start(), m.end()) for m in _name_pattern(name).finditer(text)]


def score_article(
    text: str,
    names: list[str] | dict[str, str],
    mentions: list[Mention],
    scores: NerScores,
    all_names: set[str] | None = None,
    sentences: list[Sentence] | None = None,
    article_id: str = "",
    people: list[str] | None = None,
) -> None:
    """Add one article's counts to `scores`; `all_names` are the file's gold names, for precision;
    `names` may map each name to its origin label; `sentences` give errors their sentence; `people` are
    the article's other real persons (not participants): a mention of one is counted apart, not listed."""
    origins = names if isinstance(names, dict) else dict.fromkeys(names, NO_ORIGIN)
    per = [m for m in mentions if m.label == "PER"]
    compact = _IGNORED.sub("", text)
    occ = {name: _occurrences(text, name, compact) for name in {*origins, *(all_names or ())}}
    for name, origin in origins.items():
        scores.gold_names += 1
        tally = scores.by_origin.setdefault(origin, [0, 0])
        tally[1] += 1
        shape = scores.by_shape.setdefault(name_shape(name), [0, 0])
        shape[1] += 1
        covering = [m for s, e in occ[name] for m in per if m.start_char <= s and m.end_char >= e]
        if not covering:
            where = occ[name][0][0] if occ[name] else -1
            sentence = _sentence_at(sentences or [], where, text) if where >= 0 else "(not in the text)"
            partial = tuple(m.text for s, e in occ[name] for m in per if m.start_char < e and m.end_char > s)
            scores.missed.append(NerError(article_id, name, sentence, origin, partial))
            continue
        scores.found += 1
        tally[0] += 1
        shape[0] += 1
        if any(without_clitic(normalize_token(m.text), {name}) == name for m in covering):
            scores.exact += 1
    words = {w for name in origins for w in name.split()}
    name_words = [set(name.split()) for name in {*origins, *(all_names or ())}]
    for m in per:
        scores.per_mentions += 1
        overlaps = any(m.start_char < e and m.end_char > s for spans in occ.values() for s, e in spans)
        parts = {without_clitic(normalize_token(w), words) for w in m.text.split()}
        short_ref = bool(parts) and (parts <= words or any(parts <= nw for nw in name_words))
        if overlaps or short_ref:
            scores.correct_mentions += 1
        elif people and _names_person(m, parts, people, text):
            scores.people_mentions += 1
        else:
            sentence = _sentence_at(sentences or [], m.start_char, text)
            scores.spurious.append(NerError(article_id, m.text, sentence))


def _names_person(mention: Mention, parts: set[str], people: list[str], text: str) -> bool:
    """The mention overlaps an occurrence of one of `people`, or is made of one person's words."""
    for person in people:
        if parts and parts <= {without_clitic(w, set(person.split())) for w in person.split()}:
            return True
        if parts and parts <= set(person.split()):
            return True
        if any(mention.start_char < e and mention.end_char > s for s, e in _occurrences(text, person)):
            return True
    return False


def evaluate_file(path: Path) -> NerScores:
    """Run NER over every gold article in `path` (JSON Lines) and score PER mentions."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [gold_article(r, i + 1, path.name) for i, r in enumerate(records)]
    sentences, mentions = run_ner(articles)
    by_article: dict[str, list[Mention]] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, []).append(m)
    sentences_of: dict[str, list[Sentence]] = {}
    for sent in sentences:
        sentences_of.setdefault(sent.article_id, []).append(sent)
    scores = NerScores()
    everyone = {name for r in records for name in gold_names(r)}
    for record, article in zip(records, articles, strict=True):
        aid = article.article_id
        score_article(
            article.text, gold_origins(record), by_article.get(aid, []), scores, everyone,
            sentences_of.get(aid, []), aid, [str(p) for p in record.get("people") or [] if p],
        )  # fmt: skip
    return scores
