"""The matching form of Arabic text (what `normalize` folds and leaves alone) and the Arabic-text test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from majlis.ingest import article_id_for, make_article
from majlis.records import Article
from majlis.text import ARABIC_LETTER, has_arabic_letters, normalize, normalize_word


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


_TEXT = st.text(
    alphabet=st.sampled_from([*"ابةىأإآ\u064e\u0651\u0640٣ xY.\n\t\u00a0", "ﻻ", "ﷺ"]), max_size=60
)


@settings(max_examples=200, deadline=None)
@given(_TEXT, _TEXT)
def test_article_normal_form_is_that_of_its_whole_text(title: str, body: str) -> None:
    body += " " + "عربي" * 6  # enough Arabic letters to be an article
    source = {"external_id": "x", "source_file": "x.txt", "record_index": 0, "encoding": "utf-8"}
    article = make_article(title=title, body=body, **source)  # type: ignore[arg-type]
    assert isinstance(article, Article)
    assert article.text_normalized == normalize(article.text)
    assert article.article_id == article_id_for(article.title, article.body)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=8))
def test_arabic_letter_threshold_counts_letters(text: str, minimum: int) -> None:
    assert has_arabic_letters(text, minimum) == (len(ARABIC_LETTER.findall(text)) >= minimum)


def _sql_name_macro() -> str:
    """dbt's `normalise_name` macro rendered for a column named `raw` (dbt's own Jinja, without dbt)."""
    import jinja2

    from majlis.config import DBT_PROJECT_DIR

    source = (DBT_PROJECT_DIR / "macros" / "names.sql").read_text(encoding="utf-8")
    return jinja2.Environment().from_string(source + "{{ normalise_name('raw') }}").render().strip()


def test_the_sql_name_macro_folds_as_normalize_does() -> None:
    """People are matched in SQL by the macro and in Python by `normalize`: on generated names made of
    what news names are written in (Arabic letters and their variants, marks, tatweel, three digit sets,
    Latin, spaces; no presentation forms, which only Python's NFKC folds) they agree."""
    import random

    import duckdb

    alphabet = [
        *map(chr, range(0x621, 0x64B)),  # the Arabic letters
        *"أإآٱىیةۀک",
        *map(chr, [*range(0x64B, 0x653), 0x670, 0x6D6, 0x640]),  # marks, tatweel
        *"٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789",
        *"abcXYZ.-",
        *"  \t\n",
    ]
    rng = random.Random(2026)
    names = ["", " ", "ـــ", *("".join(rng.choices(alphabet, k=rng.randint(1, 30))) for _ in range(2000))]
    con = duckdb.connect()
    rows = con.execute(
        f"select raw, {_sql_name_macro()} from unnest(?::varchar[]) as t(raw)", [names]
    ).fetchall()
    disagree = [(raw, sql) for raw, sql in rows if sql != (normalize(raw) or None)]
    assert not disagree, f"{len(disagree)} names fold differently, e.g. {disagree[:3]}"


def test_a_son_and_his_father_or_a_skipped_generation_are_not_the_same_person() -> None:
    from majlis.text import same_person

    def same(a: str, b: str) -> bool:
        return same_person(a.split(" "), b.split(" "))

    assert same("سالم الهاجري", "سالم فهد الهاجري")
    assert same("فهد بن سالم", "فهد بن سالم")
    assert not same("فهد بن سالم", "ماجد بن فهد بن سالم")  # the father
    assert not same("فهد بن سالم", "فهد بن ماجد بن سالم")  # the grandson


def test_a_compound_name_written_in_one_word_or_two_is_the_same_person() -> None:
    from majlis.text import normalize, same_person

    assert same_person(normalize("عبدالكريم الزعفراني").split(), normalize("عبد الكريم الزعفراني").split())
    assert not same_person(normalize("عبد الله").split(), normalize("عبد الكريم الله").split())
