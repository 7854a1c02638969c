"""One batch of articles through Stanza NER and meeting extraction: the CPU-bound heart of a run.

It runs wherever the caller puts it (this process, an analysis worker process, a Dask worker) and
reports how long each step took, so a run's figures include work done out of the flow's sight.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from majlis.records import Article, Meeting, Mention, Sentence


@dataclass
class BatchOutput:
    """Everything a batch produced, plus seconds per step ("ner", "ner forward", "extract")."""

    sentences: list[Sentence]
    mentions: list[Mention]
    meetings: list[Meeting]
    seconds: dict[str, float] = field(default_factory=dict)


def analyse(articles: list[Article]) -> BatchOutput:
    """Split and tag every sentence of `articles`, then extract their meetings."""
    from majlis.extract import extract_batch
    from majlis.nlp.model import load_pipeline
    from majlis.nlp.ner import run_ner

    seconds: dict[str, float] = {}
    started = time.monotonic()
    sentences, mentions = run_ner(articles, seconds)
    seconds["ner"] = time.monotonic() - started
    started = time.monotonic()
    meetings = extract_batch(articles, sentences, mentions, load_pipeline().model_name)
    seconds["extract"] = time.monotonic() - started
    return BatchOutput(sentences, mentions, meetings, seconds)
