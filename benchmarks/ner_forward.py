"""NER forward pass, old and new side by side on the same sentences: Stanza's `forward` over every word's
characters (the path before the per-word cache) against the cached character encodings, and optionally
int8 dynamic quantisation of the LSTMs and linear layers. Prints figures and tag agreement; asserts nothing.

    .venv/bin/python benchmarks/ner_forward.py --articles 1000
    .venv/bin/python benchmarks/ner_forward.py --articles 10000 --model /tmp/other.pt --int8
    .venv/bin/python benchmarks/ner_forward.py --jsonl /work/real-news/tune.jsonl   # real news text

"word cache" runs with the sentence cache off; the bench corpus repeats whole sentences far more than
real news does, so the real-news figure is the one to expect outside the bench.
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch

from majlis.bench.corpus import article_text
from majlis.nlp import inference
from majlis.nlp.evaluate import gold_article
from majlis.nlp.model import load_pipeline_for, normalize_token
from majlis.nlp.ner import BATCH_SENTENCES
from majlis.nlp.tokenize import split_sentences

BENCH_SEED = 7  # `majlis bench`'s corpus seed


def bench_sentences(articles: int, seed: int = BENCH_SEED) -> list[list[str]]:
    """The model's input for the first `articles` articles of the bench corpus."""
    sentences: list[list[str]] = []
    for index in range(articles):
        text, _, _ = article_text(seed, index)
        sentences.extend([normalize_token(t.text) for t in s.tokens] for s in split_sentences(text))
    return [s for s in sentences if s]


def jsonl_sentences(path: Path) -> list[list[str]]:
    """The model's input for every article (title and body) of a JSON Lines file."""
    sentences: list[list[str]] = []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for index, line in enumerate(lines):
        text = gold_article(json.loads(line), index, path.name).text
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


def twin(processor: Any, quantise: bool = False) -> Any:
    """A copy of the NER processor with its own trainers, hence its own caches in `inference`; with
    `quantise`, their models have int8 dynamically quantised LSTMs and linear layers."""
    quantize: Any = torch.ao.quantization.quantize_dynamic  # untyped in torch
    clone = copy.copy(processor)
    clone.trainers = []
    for trainer in processor.trainers:
        copied = copy.copy(trainer)
        if quantise:
            model = copy.deepcopy(trainer.model)
            copied.model = quantize(model, {torch.nn.LSTM, torch.nn.Linear}, dtype=torch.qint8)
        clone.trainers.append(copied)
    return clone


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--model", default="bundled", help="bundled, or a path to a Stanza NER .pt")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (1 per analysis worker)")
    parser.add_argument("--jsonl", type=Path, help="measure on this JSON Lines file's articles instead")
    parser.add_argument("--int8", action="store_true", help="also measure int8 dynamic quantisation")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    sentences = jsonl_sentences(args.jsonl) if args.jsonl else bench_sentences(args.articles)
    tokens = sum(len(s) for s in sentences)
    what = args.jsonl or f"{args.articles} bench articles"
    print(
        f"{what}: {len(sentences)} sentences, {tokens} tokens; model {args.model}; {args.threads} thread(s)"
    )
    processor = load_pipeline_for(args.model).pipeline.processors["ner"]
    sentence_cache = inference.MAX_CACHED_SENTENCES
    # name -> (processor, cached, sentence cache size); each keeps its caches from chunk to chunk
    paths: dict[str, tuple[Any, bool, int]] = {
        "old: stanza forward": (processor, False, 0),
        "new: word cache": (twin(processor), True, 0),
        "new: word+sentence cache": (twin(processor), True, sentence_cache),
    }
    if args.int8:
        paths["int8 + word+sentence"] = (twin(processor, quantise=True), True, sentence_cache)
    seconds = dict.fromkeys(paths, 0.0)
    tags: dict[str, list[list[str]]] = {name: [] for name in paths}
    names = list(paths)
    with torch.inference_mode():
        # chunks as `run_ner` passes them, the paths taking turns so that they share the machine's load
        for number, start in enumerate(range(0, len(sentences), BATCH_SENTENCES)):
            chunk = sentences[start : start + BATCH_SENTENCES]
            for name in names[number % len(names) :] + names[: number % len(names)]:
                proc, cached, inference.MAX_CACHED_SENTENCES = paths[name]
                took, got = _timed(lambda: inference.tag_tokens(proc, chunk, cached=cached))  # noqa: B023
                seconds[name] += took
                tags[name].extend(got)
    inference.MAX_CACHED_SENTENCES = sentence_cache
    base = seconds["old: stanza forward"]
    print(f"{'path':<26} {'seconds':>10}  {'tokens/s':>9}  speed-up  tags vs old")
    for name in paths:
        share, differing = agreement(tags["old: stanza forward"], tags[name])
        print(
            f"{name:<26} {seconds[name]:8.2f} s  {tokens / seconds[name]:9.0f}  "
            f"x{base / seconds[name]:6.2f}  tags equal {share:.5f} ({differing} sentences differ)"
        )


if __name__ == "__main__":
    main()
