"""Word tokens with offsets and a phrase matcher that ignores diacritics, hamza forms and clitics."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from majlis.text import CLITICS, LAM_ARTICLE, normalize_word

# a one-letter abbreviation keeps its dot («د. خالد»); any other dot is punctuation
WORD = re.compile(r"[^\W\d_]\.(?=\s)|[\w\u064B-\u065F\u0670\u0640]+|[^\s\w]")
# the same for text with «_» or «-»: «_» joins the words of a hashtag («#وزير_الدفاع») and is no part of
# them; a hyphen between letters joins the parts of one name («فرانسوا-كزافييه»). Slower, so used only there.
_LETTERS = r"(?:[^\W_]|[\u064B-\u065F\u0670\u0640])+"
WORD_JOINED = re.compile(rf"[^\W\d_]\.(?=\s)|{_LETTERS}(?:-(?=[^\W\d_]){_LETTERS})*|[^\s\w]")
# «ف» is a rare clitic in news prose and starts many names (فراس, فهد, فيصل): a word it glues to must be long
MIN_STEM_AFTER_FA = 4
_CLITICS_BY_FIRST: dict[str, list[str]] = {}  # a word's first letter → the clitics it may start, in order
for _clitic in CLITICS:
    _CLITICS_BY_FIRST.setdefault(_clitic[0], []).append(_clitic)
MAX_CACHED_WORDS = 30_000  # word types whose phrase-starting forms a matcher keeps (as the other word caches)
MAX_CACHED_SENTENCES = 4096  # sentences whose tokens (and, per matcher, whose verdict) are kept


class Tok(NamedTuple):
    """A word or punctuation mark of a sentence; `norm` is its matching form (a tuple: made by the
    hundred thousand, and a frozen dataclass costs three times as much to build)."""

    text: str
    norm: str
    start: int  # offset into the sentence
    end: int

    @property
    def is_punct(self) -> bool:
        return not any(ch.isalnum() for ch in self.text)


class Tokens(list[Tok]):
    """A sentence's tokens, the set of their matching forms and where each form stands: phrase matchers
    test the set first, then try only the positions of forms that start a phrase.

    One object per sentence is shared by every reader that tokenises it, so nothing may change it.
    """

    def __init__(self, toks: Iterable[Tok]) -> None:
        super().__init__(toks)
        self.positions: dict[str, list[int]] = {}
        for i, tok in enumerate(self):
            self.positions.setdefault(tok.norm, []).append(i)
        self.norms = frozenset(self.positions)


@lru_cache(maxsize=MAX_CACHED_SENTENCES)  # the meeting, people, place and topic readers each tokenise it
def tokenize(text: str) -> list[Tok]:
    """Words and punctuation with offsets into `text`, each with its matching form: the extraction's
    tokens (the model's are `majlis.nlp.tokenize.ner_tokens`, which keep numbers and dates whole)."""
    return Tokens(
        Tok(word, normalize_word(word), start, start + len(word))
        for match in (WORD_JOINED if "_" in text or "-" in text else WORD).finditer(text)
        for word, start in ((match.group(), match.start()),)
    )


def norm_words(phrase: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(phrase))


def strip_al(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


@dataclass(frozen=True)
class Match:
    start: int  # token index
    end: int  # token index, exclusive
    value: str  # the lexicon key (category) of the phrase
    phrase: tuple[str, ...]


class PhraseMatcher:
    """Longest-match lookup of multi-word phrases over tokens.

    `allow_clitic` lets the first word carry a و/ب/ل/ف prefix; `ignore_al` lets every word
    appear with or without the article «ال» (ranks: «الفريق الركن» = «فريق ركن»).
    """

    def __init__(
        self, phrases: Iterable[tuple[str, str]], *, allow_clitic: bool = True, ignore_al: bool = False
    ) -> None:
        self.ignore_al = ignore_al
        self.allow_clitic = allow_clitic
        self.table: dict[tuple[str, ...], str] = {}
        for phrase, value in phrases:
            key = tuple(self._key(w) for w in norm_words(phrase))
            if key and key not in self.table:
                self.table[key] = value
        self.max_len = max((len(k) for k in self.table), default=0)
        # first word → phrase lengths starting with it, longest first: most tokens start nothing
        lengths: dict[str, set[int]] = {}
        for key in self.table:
            lengths.setdefault(key[0], set()).add(len(key))
        self.lengths_by_first = {w: sorted(ls, reverse=True) for w, ls in lengths.items()}
        self._forms_cache: dict[str, list[str]] = {}  # word → its forms that start a phrase
        self._starters: set[str] = set()  # the words among those with any such form
        self._verdicts: dict[frozenset[str], bool] = {}  # a sentence's words → may they hold a phrase?

    def _key(self, word: str) -> str:
        return strip_al(word) if self.ignore_al else word

    def _first_forms(self, word: str) -> list[str]:
        cached = self._forms_cache.get(word)
        if cached is None:
            if len(self._forms_cache) >= MAX_CACHED_WORDS:  # a long-running service must not grow forever
                self._forms_cache.clear()
                self._starters.clear()
            cached = self._forms_cache[word] = [
                k
                for k in dict.fromkeys(self._key(f) for f in self._clitic_forms(word))
                if k in self.lengths_by_first
            ]
            if cached:
                self._starters.add(word)
        return cached

    def _may_match(self, words: frozenset[str] | set[str]) -> bool:
        """Whether any of these words starts a phrase: set operations, no Python loop over the words the
        matcher has seen before (most sentences hold no phrase of most matchers)."""
        for word in words.difference(self._forms_cache):
            self._first_forms(word)
        return not words.isdisjoint(self._starters)

    def _sentence_may_match(self, words: frozenset[str]) -> bool:
        """`_may_match` remembered per sentence: every reader asks it of the same sentences in turn."""
        verdict = self._verdicts.get(words)
        if verdict is None:
            if len(self._verdicts) >= MAX_CACHED_SENTENCES:  # keeps no more word sets alive than `tokenize`
                self._verdicts.clear()
            verdict = self._verdicts[words] = self._may_match(words)
        return verdict

    def _clitic_forms(self, word: str) -> list[str]:
        forms = [word]
        if self.allow_clitic:
            # «للتمارين» = ل + التمارين: the article's alef is dropped after ل
            for contracted in LAM_ARTICLE:
                if word.startswith(contracted) and len(word) > len(contracted) + 1:
                    forms.append("ال" + word[len(contracted) :])
            for clitic in _CLITICS_BY_FIRST.get(word[:1], ()):
                if word.startswith(clitic) and len(word) > len(clitic) + 1:
                    rest = word[len(clitic) :]
                    if clitic == "ف" and len(rest) < MIN_STEM_AFTER_FA:
                        continue  # «فراس» is a name, not ف + «رأس»
                    forms.append(rest)
                    if clitic.endswith("ل") and not rest.startswith("ال"):
                        forms.append("ال" + rest)  # للجيش = ل + الجيش
        return forms

    def match_at(self, toks: list[Tok], i: int) -> Match | None:
        """The longest phrase starting at token i, or None."""
        best: Match | None = None
        for first in self._first_forms(toks[i].norm):
            for length in self.lengths_by_first[first]:
                if i + length > len(toks) or (best and length <= best.end - best.start):
                    continue
                key = (first, *(self._key(t.norm) for t in toks[i + 1 : i + length]))
                if key in self.table:
                    best = Match(i, i + length, self.table[key], key)
                    break
        return best

    def find_all(self, toks: list[Tok], start: int = 0, end: int | None = None) -> list[Match]:
        """Non-overlapping longest matches, left to right."""
        out: list[Match] = []
        i, stop = start, len(toks) if end is None else end
        # a whole sentence's words (when known) will do for any part of it: the test only rules out
        if isinstance(toks, Tokens):
            if not self._sentence_may_match(toks.norms):
                return out
            self._may_match(toks.norms)  # the verdict may be older than the word cache
            starts = sorted(p for norm in toks.norms & self._starters for p in toks.positions[norm])
            for p in starts:  # only positions whose word starts a phrase can start a match
                if i <= p < stop:
                    m = self.match_at(toks, p)
                    if m and m.end <= stop:
                        out.append(m)
                        i = m.end
            return out
        if not self._may_match({t.norm for t in toks[start:stop]}):
            return out
        known = self._forms_cache
        while i < stop:
            norm = toks[i].norm
            forms = known.get(norm)
            if forms is None:
                forms = self._first_forms(norm)
            # most tokens start no phrase: skip them without trying a match
            m = self.match_at(toks, i) if forms else None
            if m and m.end <= stop:
                out.append(m)
                i = m.end
            else:
                i += 1
        return out
