"""Arabic-aware tokeniser and sentence splitter that keeps exact character offsets into the source text.

Majlis runs its own tokeniser (not Stanza's) so that offsets are always exact and NER input is bounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml

MAX_SENTENCE_TOKENS = 150

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"
# numbers and dates: 12/3/2025, 3.5, ١٢٫٥, 10:30, 2025-01-12 stay one token
_NUMBER = r"\d+(?:[.,٫٬/:\-]\d+)*"
_WORD = rf"(?:[^\W\d_]|[{_MARKS}])+"
_TOKEN_RE = re.compile(rf"(?P<num>{_NUMBER})|(?P<word>{_WORD})|(?P<other>\S)")

SENTENCE_END = frozenset({".", "!", "?", "؟", "…"})
_CLOSERS = frozenset({"»", '"', ")", "]", "”", "’", "'", "›", "}"})


class Token(NamedTuple):  # a tuple: built once per token of every article, so it must be cheap
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class TokenizedSentence:
    start: int
    end: int
    tokens: list[Token]


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    path = Path(__file__).with_name("data") / "tokenizer.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return frozenset(str(a) for a in data["abbreviations"])


def tokenize(text: str) -> list[Token]:
    """Every non-space character of `text` lands in exactly one token, in order."""
    return [
        Token(word, start, start + len(word))
        for m in _TOKEN_RE.finditer(text)
        for word, start in ((m[0], m.start()),)
    ]


def _is_abbreviation_dot(tokens: list[Token], i: int) -> bool:
    """A dot glued to a short abbreviation or initial (د. or U.S.) is not a sentence end."""
    if tokens[i].text != "." or i == 0:
        return False
    prev = tokens[i - 1]
    return prev.end == tokens[i].start and prev.text in _abbreviations()


def _make(tokens: list[Token]) -> TokenizedSentence:
    return TokenizedSentence(tokens[0].start, tokens[-1].end, tokens)


def split_sentences(text: str) -> list[TokenizedSentence]:
    """Sentences end at . ! ? ؟ … (with closing quotes/brackets) and at line breaks; long ones are chunked."""
    tokens = tokenize(text)
    sentences: list[TokenizedSentence] = []
    current: list[Token] = []
    ended = False
    for i, tok in enumerate(tokens):
        if current:
            gap = text[current[-1].end : tok.start]
            closing_after_end = ended and tok.text in _CLOSERS and not gap
            more_end_punct = ended and tok.text in SENTENCE_END and not gap
            if "\n" in gap or (ended and not closing_after_end and not more_end_punct):
                sentences.append(_make(current))
                current, ended = [], False
        current.append(tok)
        if tok.text in SENTENCE_END and not _is_abbreviation_dot(tokens, i):
            ended = True
        if len(current) >= MAX_SENTENCE_TOKENS:
            sentences.append(_make(current))
            current, ended = [], False
    if current:
        sentences.append(_make(current))
    return sentences
