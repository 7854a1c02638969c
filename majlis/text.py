"""Arabic text normalisation for matching; the original text is always kept beside it."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ARABIC_DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]")
TATWEEL = "\u0640"
ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def normalize(text: str) -> str:
    """A matching form: NFKC, no diacritics or tatweel, one alef, ى→ي, ة→ه, Western digits, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = ARABIC_DIACRITICS.sub("", text).replace(TATWEEL, "")
    text = re.sub("[أإآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    text = text.translate(EASTERN_DIGITS)
    return " ".join(text.split())


# For words only: they repeat across every article. Never for whole texts, which a cache would keep alive.
normalize_word = lru_cache(maxsize=100_000)(normalize)


def arabic_letter_count(text: str) -> int:
    """How many Arabic letters a text holds (the test for 'is this an Arabic article')."""
    return len(ARABIC_LETTER.findall(text))


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
