"""Arabic text normalisation for matching; the original text is always kept beside it."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TATWEEL = "\u0640"
ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
# The prefixes a word may carry («وبالتعاون», «للجيش», «فالوزير»): a conjunction, a preposition, or both,
# longest first. The one clitic list of majlis: the phrase matcher, the country matcher and the NER
# features all derive theirs from it.
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
CLITICS = tuple(
    c + p for n in (2, 1) for c in ("", *CONJUNCTIONS) for p in ("", *PREPOSITIONS) if len(c + p) == n
)
# ل before «ال» drops its alef: «للجيش» = ل + الجيش (with a conjunction: «وللجيش»)
LAM_ARTICLE = tuple(c + "لل" for c in ("", *CONJUNCTIONS))
# The one-letter clitics the bundled NER model's word features look through: fixed by its training (ك was
# not among them), so changing them would change its input.
MODEL_CLITICS = ("و", "ب", "ل", "ف")
LINEAGE_WORDS = frozenset({"بن", "بنت", "ابن", "ولد"})  # «son/daughter of» inside a name, normalised
BOUND_TO_NEXT = frozenset({"عبد", "ابو"})  # normalised: one name with the word after it («عبد الله»)


# The one folding table of majlis: `normalize` here, the offset-keeping folds of extract/countries.py and
# extract/dates.py, and dbt's `normalise_name` macro (tests/test_text.py checks they agree) all use it.
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"  # diacritics and Quranic marks, a regex class body
ARABIC_DIACRITICS = re.compile(f"[{MARKS}]")
ALEF_FOLDS = dict.fromkeys("أإآٱ", "ا")
LETTER_FOLDS = {
    **ALEF_FOLDS,
    **dict.fromkeys("ىی", "ي"),  # Persian yeh, as some outlets type it
    **dict.fromkeys("ةۀ", "ه"),
    "ک": "ك",
}
DIGIT_FOLDS = {ch: str(i % 10) for i, ch in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")}
_FOLDED = {
    **{ch: "" for ch in map(chr, range(0x600, 0x700)) if re.fullmatch(f"[{MARKS}]", ch)},
    TATWEEL: "",
    **LETTER_FOLDS,
    **DIGIT_FOLDS,
}
# One pass replacing only the characters that change: several times faster than str.translate with a
# mapping, which looks up every character of the text.
_FOLDED_RE = re.compile("[" + "".join(map(re.escape, _FOLDED)) + "]")


def _fold_match(match: re.Match[str]) -> str:
    return _FOLDED[match.group()]


# Article ids are hashes of a folded text: their folding is frozen as it was when ids were first made
# (without the Persian letters), so an article keeps its id, and stays one article, across versions.
_FOLDED_AFTER_IDS = "یۀک"  # the Persian letters, folded by `normalize` since then
_ID_FOLDED = {ch: out for ch, out in _FOLDED.items() if ch not in _FOLDED_AFTER_IDS}
_ID_FOLDED_RE = re.compile("[" + "".join(map(re.escape, _ID_FOLDED)) + "]")
_FOLDED_AFTER_IDS_RE = re.compile(f"[{_FOLDED_AFTER_IDS}]")


def has_id_only_letters(text: str) -> bool:
    """Whether `identity_form` and `normalize` may differ on the text (it holds a Persian letter)."""
    return _FOLDED_AFTER_IDS_RE.search(text) is not None


def identity_form(text: str) -> str:
    """The form an article's id is computed on: `normalize` as it stood when ids were first made."""
    text = _ID_FOLDED_RE.sub(lambda m: _ID_FOLDED[m.group()], unicodedata.normalize("NFKC", text))
    return " ".join(text.split())


def normalize(text: str) -> str:
    """A matching form: NFKC, no diacritics or tatweel, one alef, ى→ي, ة→ه (and the Persian letters),
    Western digits, single spaces."""
    text = _FOLDED_RE.sub(_fold_match, unicodedata.normalize("NFKC", text))
    return " ".join(text.split())


# For words only: they repeat across every article. Never for whole texts, which a cache would keep alive.
# 30,000 word types keep the frequent ones at about 6 MB (100,000 took about 20 MB in every worker).
normalize_word = lru_cache(maxsize=30_000)(normalize)


@lru_cache(maxsize=8)
def _letters_pattern(minimum: int) -> re.Pattern[str]:
    letter = ARABIC_LETTER.pattern
    return re.compile(f"(?:{letter.replace('[', '[^', 1)}*{letter}){{{minimum}}}")


def has_arabic_letters(text: str, minimum: int) -> bool:
    """Whether a text holds at least `minimum` Arabic letters (the test for 'is this an Arabic article').

    One regex match that stops at the `minimum`-th letter: counting them all built a list of every letter.
    """
    return minimum <= 0 or _letters_pattern(minimum).match(text) is not None


def _compounds_joined(words: list[str]) -> list[str]:
    """«عبد الأمير» written as one word, as «عبدالأمير» is: the two spellings of one name compare equal."""
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] in BOUND_TO_NEXT:
            joined[-1] += word
        else:
            joined.append(word)
    return joined


def same_person(a: list[str], b: list[str]) -> bool:
    """Two names (as normalised words) name one person: the shorter's words occur in order in the
    longer and the family name agrees, so «سالم الهاجري» = «سالم فهد الهاجري»."""
    a, b = _compounds_joined(a), _compounds_joined(b)
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short[-1].removeprefix("ال") != long_[-1].removeprefix("ال"):
        return False
    it = iter(long_)
    if not all(tok in it for tok in short):
        return False
    # «محمد بن زايد» is the father in «خالد بن محمد بن زايد», and «سلمان بن عبدالعزيز» is not «سلمان بن
    # سلطان بن عبدالعزيز»: a lineage word and the name after it stay together
    first = long_.index(short[0])
    if first > 0 and long_[first - 1] in LINEAGE_WORDS:
        return False
    chains = set(zip(long_, long_[1:], long_[2:], strict=False))
    return all(
        chain in chains
        for chain in zip(short, short[1:], short[2:], strict=False)
        if chain[1] in LINEAGE_WORDS
    )


def without_clitic(word: str, known: frozenset[str] | set[str]) -> str:
    """`word` without a leading one-letter clitic when only the rest is a known word («والجيش» → «الجيش»)."""
    if word not in known and word[:1] in MODEL_CLITICS and word[1:] in known:
        return word[1:]
    return word
