"""A deterministic corpus of synthetic Arabic defence-news articles for benchmarking.

Article i depends only on (seed, i), so the first 1,000 articles of a 10,000 corpus are the 1,000 corpus:
runs of different sizes measure the same kind of text. Names and templates are invented (vocab.yaml).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from majlis.yamlio import read_yaml

VOCAB_FILE = Path(__file__).with_name("vocab.yaml")
MIN_WORDS, MODE_WORDS, MAX_WORDS = 100, 200, 900  # triangular: mean (100 + 200 + 900) / 3 = 400
MEETING_WEIGHTS = (0.25, 0.4, 0.25, 0.1)  # 0, 1, 2 or 3 meetings per article
FILES_PER_SHARD = 1000
_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@dataclass(frozen=True)
class CorpusStats:
    """What was generated: enough to turn times into rates."""

    articles: int
    words: int
    meetings: int
    directory: Path


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    loaded: dict[str, Any] = read_yaml(VOCAB_FILE)
    return loaded


def _person(rng: random.Random, v: dict[str, Any]) -> str:
    return f"{rng.choice(v['ranks'])} {rng.choice(v['given_names'])} {rng.choice(v['family_names'])}"


def _date(rng: random.Random, v: dict[str, Any], eastern: bool) -> str:
    text = f"{rng.randint(1, 28)} {rng.choice(v['months'])} {rng.randint(2019, 2025)}"
    return text.translate(_EASTERN) if eastern else text


def _meeting_sentence(rng: random.Random, v: dict[str, Any]) -> str:
    host = f"{rng.choice(v['host_titles'])} في {rng.choice(v['host_countries'])}"
    guest_country = rng.choice(v["guest_countries"])
    guest = f"{rng.choice(v['guest_titles'])} {guest_country} {rng.choice(v['foreign_names'])}"
    topic, place = rng.choice(v["topics"]), rng.choice(v["places"])
    when = _date(rng, v, eastern=rng.random() < 0.2)
    verb = rng.choice(v["meeting_verbs"])
    if verb == "استقبل":
        return f"{verb} {host}، {_person(rng, v)}، {guest} والوفد المرافق له في {place} يوم {when}."
    if verb == "بحث":
        return f"{verb} {host} {_person(rng, v)} مع {guest} {topic} خلال لقاء عقد في {place}."
    return f"{verb} {host} {_person(rng, v)} {guest}، وتناول الجانبان {topic} يوم {when}."


def _filler(rng: random.Random, v: dict[str, Any]) -> str:
    sentence: str = rng.choice(v["filler"]).format(
        topic=rng.choice(v["topics"]),
        org=rng.choice(v["orgs"]),
        number=rng.randint(3, 900),
        year=rng.randint(1995, 2018),
    )
    return sentence


def _noise(rng: random.Random, sentence: str) -> str:
    """What real feeds carry: diacritics, tatweel, doubled spaces."""
    roll = rng.random()
    if roll < 0.05:
        return sentence.replace("ا", "اً", 1)
    if roll < 0.08:
        return sentence.replace("لا", "لـا", 1)
    if roll < 0.12:
        return sentence.replace(" ", "  ", 2)
    return sentence


def article_text(seed: int, index: int) -> tuple[str, int, int]:
    """(text, words, meetings) of article `index`: a title line, then paragraphs."""
    v = vocabulary()
    rng = random.Random(seed * 1_000_003 + index)
    target = int(rng.triangular(MIN_WORDS, MAX_WORDS, MODE_WORDS))
    meetings = rng.choices(range(len(MEETING_WEIGHTS)), weights=MEETING_WEIGHTS)[0]
    sentences = [_meeting_sentence(rng, v) for _ in range(meetings)]
    words = sum(len(s.split()) for s in sentences)
    body: list[str] = []
    while words < target:
        sentence = sentences.pop(0) if sentences and rng.random() < 0.5 else _filler(rng, v)
        words += len(sentence.split())
        body.append(_noise(rng, sentence))
    body.extend(sentences)
    if rng.random() < 0.3:
        body.insert(0, f"{rng.choice(v['host_countries'])} - ")
    paragraphs, current = [], []
    for sentence in body:
        current.append(sentence)
        if len(current) >= rng.randint(2, 5):
            paragraphs.append(" ".join(current))
            if rng.random() < 0.15:
                paragraphs.append(rng.choice(v["headings"]))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    topic, guest = rng.choice(v["topics"]), rng.choice(v["guest_countries"])
    title = f"{rng.choice(v['host_titles'])} يبحث {topic} مع وفد من {guest}"
    return title + "\n\n" + "\n".join(paragraphs) + "\n", words, meetings


def write_corpus(directory: Path, articles: int, seed: int = 7) -> CorpusStats:
    """Write `articles` .txt files under `directory`, 1,000 per sub-directory."""
    total_words = total_meetings = 0
    for index in range(articles):
        text, words, meetings = article_text(seed, index)
        shard = directory / f"{index // FILES_PER_SHARD:03d}"
        shard.mkdir(parents=True, exist_ok=True)
        (shard / f"bench_{index:06d}.txt").write_text(text, encoding="utf-8")
        total_words += words
        total_meetings += meetings
    return CorpusStats(articles, total_words, total_meetings, directory)
