"""Arabic text normalisation for matching; the original text is always kept beside it."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ARABIC_DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]")
TATWEEL = "\u0640"
ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")


_FOLDED = {
    **{chr(code): "" for code in [*range(0x610, 0x61B), *range(0x64B, 0x660), 0x670, *range(0x6D6, 0x6EE)]},
    TATWEEL: "",
    **dict.fromkeys("أإآٱ", "ا"),
    "ى": "ي",
    "ة": "ه",
    **{ch: str(i % 10) for i, ch in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")},
}
# One pass replacing only the characters that change: several times faster than str.translate with a
# mapping, which looks up every character of the text.
_FOLDED_RE = re.compile("[" + "".join(map(re.escape, _FOLDED)) + "]")


def _fold_match(match: re.Match[str]) -> str:
    return _FOLDED[match.group()]


def normalize(text: str) -> str:
    """A matching form: NFKC, no diacritics or tatweel, one alef, ى→ي, ة→ه, Western digits, single spaces."""
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


def same_person(a: list[str], b: list[str]) -> bool:
    """Two names (as normalised words) name one person: the shorter's words occur in order in the
    longer and the family name agrees, so «حمود الفيصل» = «حمود سالم الفيصل»."""
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short[-1].removeprefix("ال") != long_[-1].removeprefix("ال"):
        return False
    it = iter(long_)
    return all(tok in it for tok in short)
