"""NER forward pass, old and new side by side on the same sentences: Stanza's `forward` over every word's
characters (the path before the per-word cache) against the cached character encodings, and optionally
int8 dynamic quantisation of the LSTMs and linear layers. Prints figures and tag agreement; asserts nothing.

    .venv/bin/python benchmarks/ner_forward.py --articles 1000
    .venv/bin/python benchmarks/ner_forward.py --articles 10000 --model /tmp/other.pt --int8
"""

from __future__ import annotations

import argparse
import copy
import gc
import time
from collections.abc import Callable
from typing import Any

import torch

from majlis.bench.corpus import article_text
from majlis.nlp import inference
from majlis.nlp.model import load_pipeline_for, normalize_token
from majlis.nlp.tokenize import split_sentences

BENCH_SEED = 7  # `majlis bench`'s corpus seed


def bench_sentences(articles: int, seed: int = BENCH_SEED) -> list[list[str]]:
    """The model's input for the first `articles` articles of the bench corpus."""
    sentences: list[list[str]] = []
    for index in range(articles):
        text, _, _ = article_text(seed, index)
        sentences.extend([normalize_token(t.text) for t in s.tokens] for s in split_sentences(text))
    return [s for s in sentences if s]


def _timed(run: Callable[[], list[list[str]]]) -> tuple[float, list[list[str]]]:
    gc.collect()
    started = time.perf_counter()
    tags = run()
    return time.perf_counter() - started, tags


def agreement(a: list[list[str]], b: list[list[str]]) -> tuple[float, int]:
    """Share of tokens with the same tag, and the number of sentences that differ anywhere."""
    tokens = sum(len(s) for s in a)
    same = sum(x == y for sa, sb in zip(a, b, strict=True) for x, y in zip(sa, sb, strict=True))
    return same / tokens if tokens else 1.0, sum(sa != sb for sa, sb in zip(a, b, strict=True))


def quantised(processor: Any) -> Any:
    """A copy of the NER processor whose model has int8 dynamically quantised LSTMs and linear layers."""
    quantize: Any = torch.ao.quantization.quantize_dynamic  # untyped in torch
    clone = copy.copy(processor)
    clone.trainers = []
    for trainer in processor.trainers:
        twin = copy.copy(trainer)
        twin.model = quantize(
            copy.deepcopy(trainer.model), {torch.nn.LSTM, torch.nn.Linear}, dtype=torch.qint8
        )
        clone.trainers.append(twin)
    return clone


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--model", default="bundled", help="bundled, or a path to a Stanza NER .pt")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (1 per analysis worker)")
    parser.add_argument("--int8", action="store_true", help="also measure int8 dynamic quantisation")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    sentences = bench_sentences(args.articles)
    tokens = sum(len(s) for s in sentences)
    print(f"{args.articles} bench articles: {len(sentences)} sentences, {tokens} tokens; model {args.model}")
    processor = load_pipeline_for(args.model).pipeline.processors["ner"]
    runs: dict[str, tuple[float, list[list[str]]]] = {}
    with torch.inference_mode():
        runs["old: stanza forward"] = _timed(lambda: inference.tag_tokens(processor, sentences, cached=False))
        inference._taggers.clear()  # the new path starts with an empty cache, as a fresh worker does
        runs["new: cached encodings"] = _timed(lambda: inference.tag_tokens(processor, sentences))
        if args.int8:
            int8 = quantised(processor)
            runs["int8 + cached"] = _timed(lambda: inference.tag_tokens(int8, sentences))
    base_seconds, base_tags = runs["old: stanza forward"]
    for name, (seconds, tags) in runs.items():
        share, differing = agreement(base_tags, tags)
        print(
            f"{name:<24} {seconds:8.2f} s  {tokens / seconds:9.0f} tokens/s  x{base_seconds / seconds:5.2f}  "
            f"tags equal {share:.5f} ({differing} sentences differ)"
        )


if __name__ == "__main__":
    main()
