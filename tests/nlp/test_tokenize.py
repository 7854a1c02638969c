"""The tokeniser never loses, reorders or invents text, and splits sentences where news text ends them."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from majlis.nlp.tokenize import (
    MAX_SENTENCE_TOKENS,
    SENTENCE_END,
    Token,
    abbreviations,
    continuing_words,
    ner_tokens,
    split_sentences,
)

_CLOSERS = frozenset("»\")]”’'›}")

ALPHABET = st.sampled_from(
    [
        *"ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىة",
        *"\u064e\u064f\u0650\u0651\u0652\u0640\u0670",  # diacritics, tatweel
        *"abcXYZ0123456789٠١٢٣٤٥٦٧٨٩",
        *'،؛؟!.…«»"()[]:-/–,٫',
        *"   \n\t\u00a0\u200c",
    ]
)


def _words(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=200))
def test_tokens_cover_every_non_space_character_in_order(text: str) -> None:
    tokens = ner_tokens(text)
    assert all(text[t.start : t.end] == t.text and t.text.strip() == t.text for t in tokens)
    assert all(a.end <= b.start for a, b in itertools.pairwise(tokens))
    assert "".join(t.text for t in tokens) == _words(text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_sentences_partition_the_tokens(text: str) -> None:
    sentences = split_sentences(text)
    assert [t for s in sentences for t in s.tokens] == ner_tokens(text)
    for s in sentences:
        assert s.tokens and s.start == s.tokens[0].start and s.end == s.tokens[-1].end
        assert len(s.tokens) <= MAX_SENTENCE_TOKENS
        for at in (i for i in range(s.start, s.end) if text[i] == "\n"):
            assert _wrapped_line(text, at), (text, at)  # a sentence goes on past a line break only there


def _wrapped_line(text: str, newline: int) -> bool:
    """The line breaking at `newline` was wrapped by the page: it ends in a comma or a word no sentence
    ends on, or the next line starts with a comma (and the next line is not empty)."""
    line = text[text.rfind("\n", 0, newline) + 1 : newline]
    following = text[newline + 1 :].split("\n", 1)[0].lstrip()
    last_word = line.rsplit(None, 1)[-1] if line.strip() else ""
    ends_open = line.rstrip().endswith(("،", ",")) or last_word in continuing_words()
    return bool(following) and (ends_open or following.startswith(("،", ",")))


def test_punctuation_split_numbers_and_dates_kept() -> None:
    text = "استقبل الوزيرُ، «الفريق» (أمس) في 12/3/2025 نحو ١٢٫٥ مليون و3.75 دينار: نعم؟"
    assert [t.text for t in ner_tokens(text)] == [
        "استقبل", "الوزيرُ", "،", "«", "الفريق", "»", "(", "أمس", ")", "في", "12/3/2025",
        "نحو", "١٢٫٥", "مليون", "و", "3.75", "دينار", ":", "نعم", "؟",
    ]  # fmt: skip


def test_offsets_with_diacritics_tatweel_and_latin() -> None:
    text = "التقى  مُحَمَّـــد بن سالم (Reuters) بالكويت."
    tokens = ner_tokens(text)
    name = next(t for t in tokens if t.text.startswith("مُ"))
    assert name.text == "مُحَمَّـــد" and text[name.start : name.end] == name.text
    assert [t.text for t in tokens][-3:] == [")", "بالكويت", "."]


def test_sentence_ends_but_not_inside_numbers_or_abbreviations() -> None:
    text = "قال د. سامي إن النمو بلغ 3.5 في المئة. وأضاف: هل يكفي؟ نعم!\n\nالعنوان بلا نقطة\nسطر آخر"
    got = [text[s.start : s.end] for s in split_sentences(text)]
    assert got == [
        "قال د. سامي إن النمو بلغ 3.5 في المئة.",
        "وأضاف: هل يكفي؟",
        "نعم!",
        "العنوان بلا نقطة",
        "سطر آخر",
    ]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = "وقال: «نرحب بالتعاون.» ثم غادر."
    assert [text[s.start : s.end] for s in split_sentences(text)] == ["وقال: «نرحب بالتعاون.»", "ثم غادر."]


def test_long_unpunctuated_text_is_chunked() -> None:
    text = " ".join(["كلمة"] * 400)
    sentences = split_sentences(text)
    assert [len(s.tokens) for s in sentences] == [150, 150, 100]
    assert split_sentences("  \n\t \n ") == []


def _wrapped(text: str, newline: int) -> bool:
    line = text[:newline].rsplit("\n", 1)[-1]
    following = text[newline + 1 :].split("\n", 1)[0].lstrip()
    last = line.split()[-1] if line.split() else ""
    return bool(following) and (
        line.rstrip().endswith(("،", ",")) or following.startswith(("،", ",")) or last in continuing_words()
    )


def _reference_split(text: str) -> list[list[Token]]:
    """The rules stated token by token (how the splitter first worked): a sentence ends after an end
    mark that is not a dot glued to an abbreviation, plus the end marks and closers glued to it, and at a
    line break that the page did not wrap. A one-letter word before the dot is an initial, and so is a
    two-letter one with a word glued after the dot."""
    tokens = ner_tokens(text)
    sentences: list[list[Token]] = []
    current: list[Token] = []
    ended = False
    for i, tok in enumerate(tokens):
        if current:
            gap = text[current[-1].end : tok.start]
            glued_after_end = ended and not gap and (tok.text in _CLOSERS or tok.text in SENTENCE_END)
            # a line that ends in a comma or on a word no sentence ends on, or is followed by one that starts
            # with a comma, goes on in the next one, unless a blank line follows
            wrapped = gap.count("\n") == 1 and _wrapped(text, current[-1].end + gap.index("\n"))
            if ("\n" in gap and not wrapped) or (ended and not glued_after_end):
                sentences.append(current)
                current, ended = [], False
        current.append(tok)
        glued_to_previous = i > 0 and tokens[i - 1].end == tok.start
        before = tokens[i - 1].text if i else ""
        initial = len(before) == 1 and before.isalpha()  # «طود ر. وايت»: no sentence ends on one letter
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        # «جون إف.سميث»: nor on two letters with a name glued after the dot
        glued_name = (
            len(before) == 2
            and before.isalpha()
            and after is not None
            and after.start == tok.end
            and after.text[:1].isalpha()
        )
        abbreviation_dot = (
            tok.text == "." and glued_to_previous and (before in abbreviations() or initial or glued_name)
        )
        if tok.text in SENTENCE_END and not abbreviation_dot:
            ended = True
    if current:
        sentences.append(current)
    return sentences


SPLIT_ALPHABET = st.one_of(
    ALPHABET,
    st.sampled_from(["د", "Dr", "U", "S", "3", "٥", "..", "؟»", ".»", "\u00a0", "\u2029", "\x1c"]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(SPLIT_ALPHABET, max_size=120).map("".join))
def test_sentences_follow_the_token_by_token_rules(text: str) -> None:
    assert [s.tokens for s in split_sentences(text)] == _reference_split(text)
    assert [s.words for s in split_sentences(text)] == [[t.text for t in s] for s in _reference_split(text)]


def test_a_latin_initial_written_in_arabic_does_not_end_the_sentence() -> None:
    text = "استقبل الوزير الفريق أول روبرت جي. هانسن قائد القيادة. وبحث الجانبان التعاون."
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "استقبل الوزير الفريق أول روبرت جي. هانسن قائد القيادة.",
        "وبحث الجانبان التعاون.",
    ]


def test_a_two_letter_initial_glued_to_the_name_ends_no_sentence() -> None:
    """An initial written in Arabic letters with the surname glued after its dot is one name; a sentence
    that ends with a space after its dot still ends."""
    text = "استقبل الوزير اليوم الفريق أول جون إف.سميث قائد القوات. وبحث الجانبان التعاون."
    sentences = split_sentences(text)
    assert [text[s.start : s.end] for s in sentences] == [
        "استقبل الوزير اليوم الفريق أول جون إف.سميث قائد القوات.",
        "وبحث الجانبان التعاون.",
    ]


def test_a_line_broken_after_a_comma_goes_on_in_the_next_line() -> None:
    text = "استقبل الوزير سامي رضوان في مكتبه،\nقائد البحرية الفرنسية.\nعنوان بلا نقطة،\n\nسطر آخر."
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "استقبل الوزير سامي رضوان في مكتبه،\nقائد البحرية الفرنسية.",
        "عنوان بلا نقطة،",
        "سطر آخر.",
    ]


def test_a_line_ending_on_a_rank_or_followed_by_a_comma_goes_on() -> None:
    text = "أكد وزير الدفاع، الفريق الركن\nسالم الهاشمي\n، أن التعاون مستمر.\nسطر آخر."
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "أكد وزير الدفاع، الفريق الركن\nسالم الهاشمي\n، أن التعاون مستمر.",
        "سطر آخر.",
    ]
