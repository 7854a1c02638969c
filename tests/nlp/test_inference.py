"""The lean tagging paths give exactly the tags Stanza's own Pipeline gives for the same tokens."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from stanza.models.common.crf import viterbi_decode

from majlis.bench.corpus import article_text
from majlis.nlp.inference import fast_path_applies, tag_tokens, viterbi_batch
from majlis.nlp.model import load_pipeline_for, normalize_token
from majlis.nlp.tokenize import split_sentences


def _sentences(articles: int) -> list[list[str]]:
    sentences: list[list[str]] = []
    for index in range(articles):
        text, _, _ = article_text(11, index)
        sentences.extend([normalize_token(t.text) for t in s.tokens] for s in split_sentences(text))
    return sentences


@pytest.mark.parametrize(
    ("fast", "cached"),
    [(True, True), (True, False), (False, False)],
    ids=["cached-encodings", "fast-path", "stanza-loader"],
)
def test_lean_tags_match_stanza_documents_in_input_order(fast: bool, cached: bool) -> None:
    pipe = load_pipeline_for("bundled")
    processor = pipe.pipeline.processors["ner"]
    assert fast_path_applies(processor.trainers[0])  # the bundled model has its own character LSTM
    sentences = _sentences(12)
    sentences.insert(3, ["."])  # a one-token sentence between long ones: ordering must be restored
    assert len({len(s) for s in sentences}) > 10  # lengths vary, so the length sort reorders them
    doc = pipe.pipeline(sentences)
    expected = [[token.ner or "O" for token in sent.tokens] for sent in doc.sentences]
    got = tag_tokens(processor, sentences, fast=fast, cached=cached)
    assert got == expected
    assert sum(tag != "O" for tags in got for tag in tags) > 50  # the comparison covers real entities


def test_batched_viterbi_equals_stanzas_per_sentence_decoder() -> None:
    generator = torch.Generator().manual_seed(3)
    lengths = [9, 9, 7, 4, 1]
    scores = torch.randn((len(lengths), max(lengths), 6), generator=generator)
    transitions = torch.randn((6, 6), generator=generator)
    for row, n in enumerate(lengths):
        scores[row, n:] = 1e6  # padding must not leak into a shorter sentence's path
    got = viterbi_batch(scores, transitions, lengths)
    for row, n in enumerate(lengths):
        path, _ = viterbi_decode(scores[row, :n].numpy(), transitions.numpy())
        assert got[row] == [int(tag) for tag in np.asarray(path)]
    assert len({tuple(p) for p in got if len(p) == 9}) == 2  # different inputs, different paths


def test_cached_tags_stay_equal_when_the_caches_fill_and_start_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from majlis.nlp import inference

    processor = load_pipeline_for("bundled").pipeline.processors["ner"]
    sentences = _sentences(4)
    expected = tag_tokens(processor, sentences, cached=False)
    monkeypatch.setattr(inference, "MAX_CACHED_WORDS", 100)  # fewer than the words of two batches
    monkeypatch.setattr(inference, "MAX_CACHED_SENTENCES", 40)
    inference._taggers.clear()
    assert len({w for s in sentences for w in s}) > 200 and len(sentences) > 80
    assert tag_tokens(processor, sentences) == expected
    again = [sentences[5], sentences[0], ["."], sentences[5]]  # seen before, alone or twice in one call
    assert tag_tokens(processor, again) == [expected[5], expected[0], ["O"], expected[5]]
    tagger = inference._taggers[processor.trainers[0]][True]
    assert len(tagger._rows) > 0 and 0 < len(tagger._sentences) <= 40
