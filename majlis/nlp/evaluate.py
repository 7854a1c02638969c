"""How well PER mentions find the people named in a gold meeting file (recall) and how clean they are.

Definitions (gold lists only meeting participants, so precision needs a judgement):
- recall: a gold participant name (once per article) is found when some occurrence of it in the
  article text lies inside one PER mention.
- precision: a PER mention is correct when it overlaps an occurrence of a gold participant name
  (of any article in the file: the same officials recur), or when its words are words of the article's
  gold names or of one gold name of the file (short references such as «اللواء فلان»), a leading
  و/ب/ل/ف clitic allowed.
  Real people who are never meeting participants count as errors, so the figure is a lower bound.
- exact: share of found names whose covering mention is the name itself (clitic allowed).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from majlis.nlp.model import normalize_token
from majlis.nlp.ner import run_ner
from majlis.records import Article, Mention

_CLITICS = ("و", "ب", "ل", "ف")


@dataclass
class NerScores:
    gold_names: int = 0
    found: int = 0
    exact: int = 0
    per_mentions: int = 0
    correct_mentions: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold_names if self.gold_names else 0.0

    @property
    def precision(self) -> float:
        return self.correct_mentions / self.per_mentions if self.per_mentions else 0.0

    @property
    def exact_rate(self) -> float:
        return self.exact / self.found if self.found else 0.0


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
    names: list[str] = []
    for meeting in record.get("meetings") or []:
        for p in meeting.get("participants") or []:
            name = (p.get("name") or "").strip()
            if name and name not in names:
                names.append(name)
    return names


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Where `name` occurs in `text`, ignoring diacritics, tatweel and spacing differences."""
    pattern = (
        r"[\u064b-\u065f\u0670\u0640]*\s*".join(re.escape(ch) for ch in name.replace(" ", "")) if name else ""
    )
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)] if pattern else []


def _strip_clitic(word: str, vocab: set[str]) -> str:
    if word not in vocab and word[:1] in _CLITICS and word[1:] in vocab:
        return word[1:]
    return word


def score_article(
    text: str, names: list[str], mentions: list[Mention], scores: NerScores, all_names: set[str] | None = None
) -> None:
    """Add one article's counts to `scores`; `all_names` are the file's gold names, for precision."""
    per = [m for m in mentions if m.label == "PER"]
    occ = {name: _occurrences(text, name) for name in {*names, *(all_names or ())}}
    for name in names:
        scores.gold_names += 1
        covering = [m for s, e in occ[name] for m in per if m.start_char <= s and m.end_char >= e]
        if not covering:
            scores.missed.append(name)
            continue
        scores.found += 1
        if any(_strip_clitic(normalize_token(m.text), {name}) == name for m in covering):
            scores.exact += 1
    words = {w for name in names for w in name.split()}
    name_words = [set(name.split()) for name in {*names, *(all_names or ())}]
    for m in per:
        scores.per_mentions += 1
        overlaps = any(m.start_char < e and m.end_char > s for spans in occ.values() for s, e in spans)
        parts = {_strip_clitic(normalize_token(w), words) for w in m.text.split()}
        short_ref = bool(parts) and (parts <= words or any(parts <= nw for nw in name_words))
        if overlaps or short_ref:
            scores.correct_mentions += 1
        else:
            scores.spurious.append(m.text)


def evaluate_file(path: Path) -> NerScores:
    """Run NER over every gold article in `path` (JSON Lines) and score PER mentions."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [gold_article(r, i + 1, path.name) for i, r in enumerate(records)]
    _, mentions = run_ner(articles)
    by_article: dict[str, list[Mention]] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, []).append(m)
    scores = NerScores()
    everyone = {name for r in records for name in gold_names(r)}
    for record, article in zip(records, articles, strict=True):
        mentions_here = by_article.get(article.article_id, [])
        score_article(article.text, gold_names(record), mentions_here, scores, everyone)
    return scores
