"""Arabic-aware tokeniser and sentence splitter that keeps exact character offsets into the source text.

Majlis runs its own tokeniser (not Stanza's) so that offsets are always exact and NER input is bounded.
Why a second tokeniser beside `majlis.extract.tokens.tokenize`: this one gives the model its input (every
non-space character in exactly one token, numbers and dates whole, sentences split), that one gives the
extraction's phrase matchers their words (matching forms, punctuation apart, clitics looked through).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from majlis.yamlio import read_yaml

MAX_SENTENCE_TOKENS = 150

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"
# numbers and dates: 12/3/2025, 3.5, ١٢٫٥, 10:30, 2025-01-12 stay one token
_NUMBER = r"\d+(?:[.,٫٬/:\-]\d+)*"
_WORD = rf"(?:[^\W\d_]|[{_MARKS}])+"
_TOKEN_RE = re.compile(rf"{_NUMBER}|{_WORD}|\S")  # no groups: findall gives the token texts
_WORD_CHAR_RE = re.compile(rf"[^\W\d_]|[{_MARKS}]")

_END_CHARS = ".!?؟…"
_CLOSER_CHARS = "»\")]”’'›}"
SENTENCE_END = frozenset(_END_CHARS)
# an end mark and the end marks and closing quotes or brackets glued to it: the sentence ends after them
_END_RUN_RE = re.compile(f"[{re.escape(_END_CHARS)}][{re.escape(_END_CHARS + _CLOSER_CHARS)}]*")


class Token(NamedTuple):  # a tuple: built once per token of every article, so it must be cheap
    text: str
    start: int
    end: int


class TokenizedSentence:
    """One sentence: its character range in the text and its token texts.

    Token offsets are worked out only when asked for (`offsets`, `tokens`): a run needs them only to map
    entity spans back to characters, and most sentences have none.
    """

    __slots__ = ("_offsets", "_text", "end", "start", "words")

    def __init__(self, text: str, start: int, end: int, words: list[str]) -> None:
        self._text = text
        self.start = start
        self.end = end
        self.words = words
        self._offsets: list[tuple[int, int]] | None = None

    def offsets(self) -> list[tuple[int, int]]:
        """(start, end) of every token in the text (plain tuples: cheaper to build than `Token`s)."""
        if self._offsets is None:
            self._offsets = [m.span() for m in _TOKEN_RE.finditer(self._text, self.start, self.end)]
        return self._offsets

    @property
    def tokens(self) -> list[Token]:
        return [Token(word, *span) for word, span in zip(self.words, self.offsets(), strict=True)]


@lru_cache(maxsize=1)
def continuing_words() -> frozenset[str]:
    """Words no sentence ends on (a rank, a style, «يرافقه»): a line ending on one was wrapped by the page
    (`data/tokenizer.yaml`)."""
    data = read_yaml(Path(__file__).with_name("data") / "tokenizer.yaml")
    return frozenset(str(w) for w in data.get("continuing_words") or ())


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Words after which a glued full stop does not end a sentence (`data/tokenizer.yaml`)."""
    path = Path(__file__).with_name("data") / "tokenizer.yaml"
    data = read_yaml(path)
    return frozenset(str(a) for a in data["abbreviations"])


def ner_tokens(text: str) -> list[Token]:
    """Every non-space character of `text` lands in exactly one token, in order."""
    return _tokens_between(text, 0, len(text))


def _tokens_between(text: str, start: int, end: int) -> list[Token]:
    """The tokens of `text[start:end]` with offsets into `text`; start and end must be token boundaries."""
    return [Token(m[0], m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, end)]


def _word_before(text: str, position: int, longest: int) -> str:
    """The word token ending at `position`, or "" if there is none or it is longer than `longest`."""
    start = position
    while start > 0 and _WORD_CHAR_RE.match(text, start - 1):
        start -= 1
        if position - start > longest:
            return ""
    return text[start:position]


@lru_cache(maxsize=1)
def _longest_abbreviation() -> int:
    return max(map(len, abbreviations()), default=0)


def _is_abbreviation_dot(text: str, position: int) -> bool:
    """A dot glued to a short abbreviation or an initial (د., U.S., «جون ر. وايت», «إف.سميث») is not a
    sentence end: no sentence ends in a one-letter word, nor in a two-letter one with a word glued on."""
    if text[position] != ".":
        return False
    word = _word_before(text, position, _longest_abbreviation())
    if word in abbreviations() or (len(word) == 1 and word.isalpha()):
        return True
    # «الفريق أول جون إف.سميث»: a two-letter initial with the name glued after its dot
    glued = position + 1 < len(text) and text[position + 1].isalpha()
    return glued and len(word) == 2 and word.isalpha()


def _between_digits(text: str, position: int) -> bool:
    """Whether digits stand either side of `position` (`isdecimal`: what the token regex's \\d matches)."""
    return 0 < position < len(text) - 1 and text[position - 1].isdecimal() and text[position + 1].isdecimal()


def _ends_sentence(text: str, run: re.Match[str]) -> bool:
    """Whether a run of end marks and closers ends its sentence.

    A dot between digits is part of a number (3.5); a dot after an abbreviation ends nothing, but an end mark
    glued after it (د.؟) still does.
    """
    position = run.start()
    if text[position] == "." and _between_digits(text, position):
        return False
    if not _is_abbreviation_dot(text, position):
        return True
    return any(ch in SENTENCE_END for ch in run[0][1:])


COMMAS = ("،", ",")


def _emit(text: str, start: int, end: int, sentences: list[TokenizedSentence]) -> None:
    """Add the sentence in `text[start:end]` (trimmed), chunked if it has too many tokens."""
    words = _TOKEN_RE.findall(text, start, end)
    if not words:
        return
    if len(words) <= MAX_SENTENCE_TOKENS:
        piece = text[start:end]
        first = start + len(piece) - len(piece.lstrip())
        sentences.append(TokenizedSentence(text, first, first + len(piece.strip()), words))
        return
    tokens = _tokens_between(text, start, end)
    for offset in range(0, len(tokens), MAX_SENTENCE_TOKENS):
        chunk = tokens[offset : offset + MAX_SENTENCE_TOKENS]
        sentences.append(TokenizedSentence(text, chunk[0].start, chunk[-1].end, [t.text for t in chunk]))


def split_sentences(text: str) -> list[TokenizedSentence]:
    """Sentences end at . ! ? ؟ … (with closing quotes/brackets) and at line breaks; long ones are chunked.

    The text is cut at character level (end marks found by one regex per line) and each sentence tokenised
    with `findall`: no Python work per token, which on long articles cost more than the cuts themselves.
    """
    sentences: list[TokenizedSentence] = []
    line_start = 0
    start = 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        line_end = line_start + len(line)
        for run in _END_RUN_RE.finditer(text, line_start, line_end):
            if _ends_sentence(text, run):
                _emit(text, start, run.end(), sentences)
                start = run.end()
        # a line broken after a comma goes on in the next one («…، يرافقه\nالعميد …»): no sentence ends
        # in a comma, so the page wrapped it
        following = lines[number + 1].lstrip() if number + 1 < len(lines) else ""
        last_word = line.rsplit(None, 1)[-1] if line.strip() else ""
        wrapped = bool(following) and (
            line.rstrip().endswith(COMMAS) or following.startswith(COMMAS) or last_word in continuing_words()
        )
        if not wrapped:
            _emit(text, start, line_end, sentences)
            start = line_end + 1
        line_start = line_end + 1
    return sentences
