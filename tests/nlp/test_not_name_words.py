"""The not-name word filter of PER spans: everyday words are cut out, name parts never are."""

from __future__ import annotations

import pytest
import yaml

from majlis.extract.lexicon import load_yaml
from majlis.nlp.corpus import lexicons
from majlis.nlp.ner import NOT_NAME_FILE, _given_names, clean_person_spans, not_name_kind, not_name_words
from majlis.text import normalize_word

# name parts that are also everyday words, or particles inside names: never cut out of a name
NAME_PARTS = (
    "عبد", "بن", "بنت", "ولد", "آل", "أبو", "الله", "الدين", "جمعة", "صباح", "عيد", "خميس",
    "سعيد", "أمين", "ناصر", "منصور", "فيصل", "كريم", "هادي", "رشيد", "صالح", "عادل", "جميلة", "هيا",
    "رجب", "رمضان", "الخميس", "الجمعة", "الأحد", "دي", "لا", "دو",
)  # fmt: skip


def _words(tokens: str) -> list[str]:
    return tokens.split()


def test_no_listed_word_is_a_word_of_the_name_lexicons() -> None:
    never, not_alone, names, _ = not_name_words()
    assert names, "the name lexicons hold names"
    assert not never & names, sorted(never & names)
    # regnal numbers end names («… الثاني»): they may only be `not_alone`
    assert not_alone & names <= {normalize_word(w) for w in lexicons()["regnal"]}


def test_a_name_word_is_never_read_as_a_clitic_and_a_listed_word() -> None:
    names = not_name_words().names
    assert [w for w in sorted(names) if not_name_kind(w) == "never"] == []
    assert not_name_kind("فيصل") is None  # not ف + «يصل»


@pytest.mark.parametrize("word", NAME_PARTS)
def test_name_parts_and_given_names_that_are_everyday_words_are_not_listed(word: str) -> None:
    assert not_name_kind(word) is None


def test_the_yaml_groups_each_hold_words() -> None:
    data = yaml.safe_load(NOT_NAME_FILE.read_text(encoding="utf-8"))
    assert set(data) == {"never", "not_alone"}
    assert all(isinstance(words, list) and words for words in data["never"].values())


def test_words_are_matched_normalised_after_a_clitic_and_digits_are_never_names() -> None:
    assert not_name_kind("وفيها") == "never"  # و + «فيها»
    assert not_name_kind("لاسيّما") == "never"  # a diacritic
    assert not_name_kind("ابريل") == not_name_kind("إبريل") == "never"  # hamza forms
    assert not_name_kind("٢٠٢٣") == not_name_kind("2023") == "never"
    assert not_name_kind("الثانية") == "not_alone"


def test_meeting_nouns_and_topic_words_of_the_extraction_count_but_its_clause_verbs_do_not() -> None:
    assert not_name_kind("المباحثات") == "never"
    assert not_name_kind("التهريب") == "never"
    for verb in load_yaml("meetings.yaml")["clause_verbs"]:
        assert not_name_kind(verb) is None, verb  # the extraction cuts names at them itself


def test_a_span_of_everyday_words_is_dropped() -> None:
    tokens = _words("وأكد فيها مشيدا بالتعاون وجرت محادثة هاتفية يوم 12 جمادى الأولى 1446")
    spans = [("PER", 1, 3), ("PER", 5, 7), ("PER", 8, 12)]
    assert clean_person_spans(tokens, spans) == []


def test_a_date_or_an_exercise_read_as_a_person_is_dropped() -> None:
    tokens = _words("في 16 إبريل 2018 خلال تمرين درع الصحراء 2030")
    assert clean_person_spans(tokens, [("PER", 2, 4), ("PER", 5, 9)]) == []


def test_a_quoted_name_after_an_exercise_ship_or_weapon_word_is_no_person() -> None:
    tokens = _words('نفذت الفرقاطة الفرنسية “ لافاييت ” تمرين « موج الخليج » مع منظومة " كاسر "')
    assert clean_person_spans(tokens, [("PER", 4, 5), ("PER", 8, 10), ("PER", 13, 14)]) == []
    # a quoted name after an office is a person's
    tokens = _words("استقبل الوزير « حمدان القرنفلي » أمس")
    assert clean_person_spans(tokens, [("PER", 3, 5)]) == [("PER", 3, 5)]


def test_a_given_name_of_the_lexicons_the_model_left_out_before_a_name_is_taken_in() -> None:
    given = sorted(_given_names())[0]
    tokens = _words(f"استقبل الوزير {given} حمدان القرنفلي أمس")
    assert clean_person_spans(tokens, [("PER", 3, 5)]) == [("PER", 2, 5)]
    # an office before the name is not
    tokens = _words("استقبل الوزير حمدان القرنفلي أمس")
    assert clean_person_spans(tokens, [("PER", 2, 4)]) == [("PER", 2, 4)]


def test_a_name_right_after_an_institution_s_noun_names_the_institution() -> None:
    tokens = _words("حضر اللقاء آمر كلية حمدان القرنفلي للقيادة والأركان وقائد قاعدة الملك سالم الجوية")
    assert clean_person_spans(tokens, [("PER", 4, 6), ("PER", 11, 12)]) == []


def test_a_name_loses_the_everyday_words_the_model_ran_on_into() -> None:
    # «[قال] راشد حمدان المطيري [يوم] الاثنين»: the verb before and the time word after are not the name
    tokens = _words("وقال راشد حمدان القرنفلي يوم الاثنين إن التعاون مثمر")
    assert clean_person_spans(tokens, [("PER", 0, 5)]) == [("PER", 1, 4)]


def test_a_span_holding_two_names_is_cut_at_an_everyday_word() -> None:
    tokens = _words("وصرح حمدان الزعفراني فيما قال سلطان القرنفلي إن الزيارة ناجحة")
    assert clean_person_spans(tokens, [("PER", 1, 7)]) == [("PER", 1, 3), ("PER", 5, 7)]


def test_one_word_left_after_a_cut_is_kept_only_when_it_looks_like_a_name() -> None:
    # an everyday word left after a verb goes; a quoted surname or a given name of the lexicons stays
    tokens = _words('تؤدي أدوارا كما " الزعفراني " قال فيها كما قال خليفة')
    spans = [("PER", 0, 2), ("PER", 2, 6), ("PER", 8, 11)]
    assert clean_person_spans(tokens, spans) == [("PER", 4, 5), ("PER", 10, 11)]
    # the span's own first word stays: the model ran on past a name
    assert clean_person_spans(_words("القرنفلي قال"), [("PER", 0, 2)]) == [("PER", 0, 1)]


def test_ordinals_end_names_but_never_start_one_nor_stand_alone() -> None:
    tokens = _words("استقبل الملك عبد الرحمن الثالث الأولى ورؤساء الوفود الثانية")
    spans = [("PER", 2, 5), ("PER", 5, 6), ("PER", 8, 9)]
    assert clean_person_spans(tokens, spans) == [("PER", 2, 5)]


@pytest.mark.parametrize(
    "name",
    ["جمعة صباح العيد", "خميس سعيد الناصر", "هيا منصور", "صالح بن عادل آل فيصل", "محمد جميلة عبد الهادي"],
)
def test_names_made_of_everyday_given_names_are_kept_whole(name: str) -> None:
    tokens = ["استقبل", "السيد", *name.split(), "أمس"]
    assert clean_person_spans(tokens, [("PER", 2, 2 + len(name.split()))]) == [
        ("PER", 2, 2 + len(name.split()))
    ]


def test_a_span_running_over_a_glued_style_into_another_name_is_two_names() -> None:
    # «التقى الأمير X بالأمير Y»: «بالأمير» opens the second person; «عبد الأمير» keeps its bare word
    tokens = _words("والتقى حمدان بن سلطان بالأمير سلطان القرنفلي ، وحضر عبد الأمير الزعفراني")
    spans = [("PER", 1, 7), ("PER", 9, 12)]
    assert clean_person_spans(tokens, spans) == [("PER", 1, 4), ("PER", 5, 7), ("PER", 9, 12)]
