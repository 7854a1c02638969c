"""The lean tagging path gives exactly the tags Stanza's own Pipeline gives for the same tokens."""

from __future__ import annotations

from majlis.bench.corpus import article_text
from majlis.nlp.inference import tag_tokens
from majlis.nlp.model import load_pipeline_for, normalize_token
from majlis.nlp.tokenize import split_sentences


def _sentences(articles: int) -> list[list[str]]:
    sentences: list[list[str]] = []
    for index in range(articles):
        text, _, _ = article_text(11, index)
        sentences.extend([normalize_token(t.text) for t in s.tokens] for s in split_sentences(text))
    return sentences


def test_lean_tags_match_stanza_documents_in_input_order() -> None:
    pipe = load_pipeline_for("bundled")
    sentences = _sentences(12)
    sentences.insert(3, ["."])  # a one-token sentence between long ones: ordering must be restored
    assert len({len(s) for s in sentences}) > 10  # lengths vary, so the length sort reorders them
    doc = pipe.pipeline(sentences)
    expected = [[token.ner or "O" for token in sent.tokens] for sent in doc.sentences]
    got = tag_tokens(pipe.pipeline.processors["ner"], sentences)
    assert got == expected
    assert sum(tag != "O" for tags in got for tag in tags) > 50  # the comparison covers real entities
