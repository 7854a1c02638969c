"""The matching form of Arabic text: what `normalize` folds, and what it leaves alone."""

from __future__ import annotations

import pytest

from majlis.text import normalize, normalize_word


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("مُحَمَّدٌ", "محمد"),  # diacritics (harakat, shadda, tanwin)
        ("الــوزيــر", "الوزير"),  # tatweel
        ("أحمد إبراهيم آمال ٱلقدس", "احمد ابراهيم امال القدس"),  # alef variants
        ("مستشفى الجامعة", "مستشفي الجامعه"),  # alef maqsura and ta marbuta
        ("٢٠٢٦/١١/٢٣ و۱۴", "2026/11/23 و14"),  # Arabic-Indic and Persian digits
        ("ﻻ", "لا"),  # presentation forms through NFKC
        ("  وزير\tالدفاع\n\nالكويتي  ", "وزير الدفاع الكويتي"),  # whitespace runs
        ("Mr. Smith 42", "Mr. Smith 42"),  # Latin text unchanged
    ],
)
def test_normalize_folds_spelling_variants(raw: str, folded: str) -> None:
    assert normalize(raw) == folded


def test_normalize_is_idempotent_and_word_form_agrees() -> None:
    text = "استقبلَ وزيرُ الدفاعِ ٱلسعوديّ نظيرَهُ في ٣ مارس"
    once = normalize(text)
    assert normalize(once) == once
    assert [normalize_word(w) for w in text.split()] == once.split()
