"""Phrase matching gives the same matches whether or not it may skip a sentence by its word set."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from majlis.extract.tokens import PhraseMatcher, tokenize
from majlis.extract.vocab import vocabulary

# words that start phrases of the lexicons (with clitics), and words that start none
_WORDS = st.sampled_from(
    ["استقبل", "واستقبل", "التقى", "بحث", "الجانبان", "سيزور", "حضر", "وحضر", "اللقاء", "خلال", "الشهر",
     "الماضي", "التعاون", "العسكري", "الدفاعي", "كل", "على", "حدة", "كتاب", "شجرة", "نهر", "ثم", "،", "."]
)  # fmt: skip


def _matchers() -> list[PhraseMatcher]:
    vocab = vocabulary()
    return [m for f in dataclasses.fields(vocab) if isinstance(m := getattr(vocab, f.name), PhraseMatcher)]


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=14), st.data())
def test_sentence_word_set_shortcut_keeps_every_match(words: list[str], data: st.DataObject) -> None:
    toks = tokenize(" ".join(words))
    start = data.draw(st.integers(0, len(toks) - 1))
    end = data.draw(st.integers(start, len(toks)))
    for matcher in _matchers():
        assert matcher.find_all(toks) == matcher.find_all(list(toks))  # list: no word set to test
        assert matcher.find_all(toks, start, end) == matcher.find_all(list(toks), start, end)


def test_a_phrase_with_the_article_matches_after_the_contracted_preposition() -> None:
    matcher = PhraseMatcher([("التمارين المشتركة", "joint"), ("الجيش", "army")])
    for text, expected in [
        ("الاستعداد للتمارين المشتركة", ["joint"]),
        ("وللتمارين المشتركة أهمية", ["joint"]),
        ("دعم للجيش", ["army"]),
        ("لتمارين مشتركة", []),
    ]:
        assert [m.value for m in matcher.find_all(tokenize(text))] == expected, text


def test_fa_is_a_clitic_only_on_longer_words() -> None:
    matcher = PhraseMatcher([("رأس", "chairs"), ("استقبل", "receives")])
    for text, expected in [
        ("العميد فراس الخالدي", []),  # a name, not ف + «رأس»
        ("فاستقبل الوزير ضيفه", ["receives"]),
        ("ورأس الوزير الاجتماع", ["chairs"]),
    ]:
        assert [m.value for m in matcher.find_all(tokenize(text))] == expected, text
