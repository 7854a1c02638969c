"""Country and organisation detection on hand-written Arabic sentences (none taken from the eval set)."""

from __future__ import annotations

import dataclasses
import itertools
import time

import pycountry
import pytest

from majlis.extract.countries import (
    CountryHit,
    country_name_ar,
    country_of_phrase,
    find_countries,
    find_organisations,
    fold,
    pairs_of_states,
    reading_article,
    strip_country_words,
)


def codes(text: str, **kw: str) -> list[str]:
    return [h.code for h in find_countries(text, **kw)]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(h.code, h.kind) for h in find_countries(text)]


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("وصل الوفد إلى المملكة المتحدة مساء أمس", "GB"),
        ("وصل الوفد إلى بريطانيا مساء أمس", "GB"),
        ("وقعت الولايات المتحدة الأمريكية الاتفاق", "US"),
        ("وقعت الولايات المتحدة الاتفاق", "US"),
        ("زار أمريكا الشهر الماضي", "US"),
        ("زار أميركا الشهر الماضي", "US"),
        ("التقى وفدا من كوريا الجنوبية", "KR"),
        ("التقى وفدا من جمهورية كوريا", "KR"),
        ("أطلقت كوريا الشمالية صاروخا", "KP"),
        ("عاد من جمهورية الكونغو الديمقراطية", "CD"),
        ("عاد من الكونغو", "CG"),
        ("قدم من جنوب السودان", "SS"),
        ("قدم من السودان", "SD"),
        ("المنتخب من غينيا بيساو", "GW"),
        ("المنتخب من غينيا-بيساو", "GW"),
        ("سفينة من البوسنة و الهرسك", "BA"),
        ("المملكة العربية السعودية", "SA"),
        ("تعاون مع تركيا", "TR"),
        ("تعاون مع روسيا البيضاء", "BY"),
        ("مباحثات مع الاتحاد الروسي", "RU"),
        ("سفير الجمهورية الهلينية", "GR"),
    ],
)
def test_full_and_short_names(text: str, code: str) -> None:
    assert codes(text) == [code]


# bare مالي is «financial» and بنين «boys»: these two need «جمهورية» (documented in countries.yaml)
NEEDS_DESIGNATOR = {"ML", "BJ"}


def test_every_pycountry_country_is_matchable_by_its_display_name() -> None:
    missing = []
    for country in pycountry.countries:
        name = country_name_ar(country.alpha_2)
        assert name, country.alpha_2
        assert "،" not in name and "(" not in name, (country.alpha_2, name)
        if country.alpha_2 in NEEDS_DESIGNATOR:
            assert codes(f"وصل الوفد من {name} أمس") == []
            name = "جمهورية " + name
        found = codes(f"وصل الوفد من {name} أمس")
        if found != [country.alpha_2]:
            missing.append((country.alpha_2, name, found))
    assert missing == []


def test_pycountry_arabic_names_as_written_are_found() -> None:
    """The raw catalogue strings, with their shadda and «X، Y» inversions, still find the country."""
    import gettext

    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"]).gettext
    missing = []
    for country in pycountry.countries:
        arabic = tr(country.name)
        if country.alpha_2 in NEEDS_DESIGNATOR or not any("\u0621" <= ch <= "\u064a" for ch in arabic):
            continue
        if country.alpha_2 not in codes(f"قال إن {arabic} شريك مهم"):
            missing.append((country.alpha_2, arabic))
    assert missing == []


def test_country_name_ar() -> None:
    assert country_name_ar("GB") == "المملكة المتحدة"
    assert country_name_ar("kw") == "الكويت"
    assert country_name_ar("TR") == "تركيا"  # pycountry has no Arabic name for Türkiye
    assert country_name_ar("XX") is None


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("وبريطانيا", "GB"),
        ("بالكويت", "KW"),
        ("للكويت", "KW"),
        ("وللكويت", "KW"),
        ("للمملكة المتحدة", "GB"),
        ("لدولة قطر", "QA"),
        ("كالهند", "IN"),
        ("فمصر", "EG"),
        ("وبالإمارات", "AE"),
        ("للبناني", "LB"),  # ل + اللبناني is written with two lams
        ("بسلطنة عمان", "OM"),
    ],
)
def test_clitics(word: str, code: str) -> None:
    hits = find_countries(f"قال {word} اليوم")
    assert [(h.code, h.surface) for h in hits] == [(code, word)]


# --- nisba ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("البريطاني", "GB"),
        ("البريطانية", "GB"),
        ("البريطانيين", "GB"),
        ("البريطانيون", "GB"),
        ("بريطاني", "GB"),
        ("الأمريكي", "US"),
        ("الأميركي", "US"),
        ("الأمريكية", "US"),
        ("الأمريكان", "US"),
        ("السعودي", "SA"),
        ("الإماراتي", "AE"),
        ("القطري", "QA"),
        ("العماني", "OM"),
        ("البحريني", "BH"),
        ("الكويتي", "KW"),
        ("الكويتيات", "KW"),
        ("الياباني", "JP"),
        ("الكوري", "KR"),
        ("الكورية الجنوبية", "KR"),
        ("الكوري الشمالي", "KP"),
        ("الفرنسي", "FR"),
        ("الهندي", "IN"),
        ("الهنود", "IN"),
        ("التركي", "TR"),
        ("الأتراك", "TR"),
        ("الصيني", "CN"),
        ("النمساوي", "AT"),
        ("الألماني", "DE"),
        ("الألمان", "DE"),
        ("الإيطالي", "IT"),
        ("المالطي", "MT"),
        ("التشيلي", "CL"),
        ("الجنوب أفريقي", "ZA"),
        ("الأوكراني", "UA"),
        ("الإثيوبية", "ET"),
        ("الكونغولي", "CG"),
    ],
)
def test_nisba(word: str, code: str) -> None:
    assert kinds(f"صرح المسؤول {word} للصحفيين") == [(code, "nisba")]


def test_nisba_generated_for_countries_without_overrides() -> None:
    # no entry in countries.yaml: the rule drops «يا»/«ا»/«ة» and adds «ي»
    assert codes("الوفد الزامبي") == ["ZM"]
    assert codes("الوزير البوليفي") == ["BO"]
    assert codes("السفيرة الكينية") == ["KE"]


# --- capitals, institutions, phrases -------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("واشنطن", "US"),
        ("أنقرة", "TR"),
        ("لندن", "GB"),
        ("باريس", "FR"),
        ("طوكيو", "JP"),
        ("الرياض", "SA"),
        ("أبوظبي", "AE"),
        ("أبو ظبي", "AE"),
        ("الدوحة", "QA"),
        ("مسقط", "OM"),
        ("المنامة", "BH"),
    ],
)
def test_capitals_stand_for_the_state(word: str, code: str) -> None:
    assert kinds(f"وقالت {word} إن المحادثات مثمرة") == [(code, "capital")]


def test_capitals_table_is_large() -> None:
    from majlis.extract.lexicon import load_yaml

    specs = load_yaml("countries.yaml")["countries"]
    assert sum(1 for spec in specs.values() if spec.get("capitals")) >= 100


def test_amman_and_oman() -> None:
    assert kinds("وصل إلى عمان") == [("OM", "name")]
    assert kinds("وصل إلى عُمان") == [("OM", "name")]
    assert kinds("وصل إلى عمّان") == [("JO", "capital")]
    assert kinds("وصل إلى العاصمة الأردنية عمان") == [("JO", "nisba"), ("JO", "capital")]


def test_amman_throughout_an_article_about_jordan() -> None:
    about_jordan = "عمان - بحث رئيس الأركان الأردني مع ضيفه التعاون. وعاد الضيف من عمان إلى بلاده."
    with reading_article(about_jordan):
        assert kinds("وعاد الضيف من عمان إلى بلاده") == [("JO", "capital")]
    # an article that also names Oman another way keeps the default reading, as does no article at all
    with reading_article(about_jordan + " والتقى نظيره العماني."):
        assert kinds("وعاد الضيف من عمان إلى بلاده") == [("OM", "name")]
    assert kinds("وعاد الضيف من عمان إلى بلاده") == [("OM", "name")]


def test_tripoli_in_lebanon_is_not_libya() -> None:
    assert kinds("وصل إلى طرابلس") == [("LY", "capital")]
    assert kinds("زار مدينة طرابلس اللبنانية") == [("LB", "nisba")]


def test_institutions_and_phrases() -> None:
    assert kinds("وصرح قائد قوة دفاع البحرين") == [("BH", "institution")]
    assert kinds("شاركت قوات السلطان المسلحة") == [("OM", "institution")]
    assert kinds("قائد الحرس الوطني الكويتي") == [("KW", "institution")]
    assert kinds("رئيس أركان الجيش الكويتي") == [("KW", "institution")]
    assert kinds("وأعلنت القوات الأمريكية") == [("US", "institution")]
    assert kinds("استقبل سفير خادم الحرمين الشريفين") == [("SA", "phrase")]
    assert kinds("بتوجيهات خادم الحرمين") == [("SA", "phrase")]
    assert kinds("سفير اليابان لدى البلاد") == [("JP", "name")]


def test_adjectives_that_name_a_country_only_after_an_institution() -> None:
    """مالي is «financial» and قمري «lunar»: after an army or a ministry they are Mali and the Comoros."""
    assert kinds("التقى رئيس أركان الجيوش المالية") == [("ML", "institution")]
    assert kinds("ضابط في الجيش المالي") == [("ML", "institution")]
    assert kinds("وفد من وزارة الدفاع القمرية") == [("KM", "institution")]
    assert codes("بحث الدعم المالي والتقويم القمري") == []
    assert codes("تعاون مع الشرطة المالية الإيطالية") == ["IT"]


def test_kingdom_alone_needs_a_home_country() -> None:
    assert codes("وصل الوزير إلى المملكة") == []
    assert kinds("وصل الوزير إلى المملكة المتحدة") == [("GB", "name")]
    assert codes("وصل الوزير إلى المملكة", home="SA") == ["SA"]
    assert [h.surface for h in find_countries("زيارته للمملكة", home="BH")] == ["للمملكة"]
    assert codes("وصل الوزير إلى المملكة", home="KW") == []  # Kuwait is not a kingdom
    assert codes("سفير اليابان لدى البلاد", home="KW") == ["JP", "KW"]


# --- organisations -------------------------------------------------------------------------------


def test_organisations_are_not_countries() -> None:
    text = "بحث الأمين العام لجامعة الدول العربية مع مجلس التعاون الخليجي وحلف شمال الأطلسي"
    assert [o.key for o in find_organisations(text)] == ["ARAB_LEAGUE", "GCC", "NATO"]
    assert find_countries(text) == []


def test_organisations_suppress_countries_inside_them() -> None:
    text = "زار قائد قوة الأمم المتحدة المؤقتة في لبنان بيروت"
    assert [o.key for o in find_organisations(text)] == ["UNIFIL"]
    assert kinds(text) == [("LB", "capital")]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("في اجتماع الناتو", "NATO"),
        ("أمام الأمم المتحدة", "UN"),
        ("وللاتحاد الأوروبي", "EU"),
        ("قمة الاتحاد الأفريقي", "AU"),
        ("مجلس التعاون لدول الخليج العربية", "GCC"),
    ],
)
def test_find_organisations(text: str, key: str) -> None:
    assert [o.key for o in find_organisations(text)] == [key]


# --- offsets and normalisation -------------------------------------------------------------------


def test_offsets_point_into_the_original_text() -> None:
    text = "وصـــل الوزيرُ البريطانيُّ إلى الكُوَيْت، ثم غادر إلى أبو  ظبي."
    hits = find_countries(text)
    assert [h.code for h in hits] == ["GB", "KW", "AE"]
    for hit in hits:
        assert text[hit.start : hit.end] == hit.surface
    assert hits[0].surface == "البريطانيُّ"  # trailing diacritics stay with the word
    assert hits[1].surface == "الكُوَيْت"
    assert hits[2].surface == "أبو  ظبي"


def test_fold_keeps_an_index_per_character() -> None:
    norm, index = fold("إلى  الكُويت")
    assert norm == "الي الكويت"
    assert [norm[i] for i in range(len(norm))] == list(norm)
    assert index[4] == 5  # «ا» of الكويت after the collapsed spaces


def test_hits_are_sorted_and_do_not_overlap() -> None:
    text = "الرئيس الكوري الجنوبي يزور كوريا الشمالية ثم الولايات المتحدة الأمريكية"
    hits = find_countries(text)
    assert [h.code for h in hits] == ["KR", "KP", "US"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(hits))


@pytest.mark.parametrize(
    "text",
    [
        "تخرج في كلية الهندسة",
        "افتتح مصرف جديد",
        "أدى اليمين الدستورية",
        "رفع يده اليمنى",
        "في مجرى الأحداث",
        "وزارة المالية والدعم المالي",
        "مدرسة بنين",
        "دول الخليجي والعربية",
        "التعاون بين الأمريكيتين",
        "صدر الكتاب باللغة الفرنسية",
        "سفن في المحيط الهندي",
        "انتخابات أمريكا اللاتينية",
        "استقبل الأمير تركي بن محمد",
        "حضر المهندس كلاوس فيبر",
    ],
)
def test_no_false_hits(text: str) -> None:
    assert find_countries(text) == []


def test_word_boundaries() -> None:
    assert codes("الهند والهندسة") == ["IN"]
    assert codes("مصر ومصرف") == ["EG"]
    assert codes("اليمن واليمين") == ["YE"]


# --- phrases and titles --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("رئيس الأركان البريطاني", "GB"),
        ("مساعد وزير الدفاع الأمريكي", "US"),
        ("سفير خادم الحرمين الشريفين", "SA"),
        ("قائد قوة دفاع البحرين", "BH"),
        ("وزير الخارجية", None),
    ],
)
def test_country_of_phrase(title: str, code: str | None) -> None:
    assert country_of_phrase(title) == code


@pytest.mark.parametrize(
    ("title", "stripped"),
    [
        ("رئيس الأركان العامة للجيش الكويتي", "رئيس الأركان العامة للجيش"),
        ("سفير اليابان لدى البلاد", "سفير"),
        ("قائد قوة دفاع البحرين", "قائد قوة دفاع البحرين"),
        ("سفير دولة الكويت لدى المملكة المتحدة", "سفير"),
        ("سفيرة جمهورية كوريا المعتمدة لدى البلاد", "سفيرة"),
        ("وزير الدفاع البريطاني", "وزير الدفاع"),
        ("سفير خادم الحرمين الشريفين", "سفير"),
        ("الملحق العسكري في السفارة الأمريكية بالكويت", "الملحق العسكري في السفارة"),
        ("قائد الحرس الوطني الكويتي", "قائد الحرس الوطني"),
        ("وزير الخارجية", "وزير الخارجية"),
        ("كاتب الدولة للدفاع بالمملكة الهولندية", "كاتب الدولة للدفاع"),
        ("رئيس أركان الجيوش التشادية", "رئيس أركان الجيوش"),
        ("قائد البحرية السلطانية العمانية", "قائد البحرية السلطانية العمانية"),  # a force's own name
        ("قائد القوات الجوية الأميرية القطرية", "قائد القوات الجوية الأميرية القطرية"),
        ("قائد القوات البرية المالية", "قائد القوات البرية"),
    ],
)
def test_strip_country_words(title: str, stripped: str) -> None:
    assert strip_country_words(title) == stripped


def test_hit_is_frozen() -> None:
    hit = find_countries("الكويت")[0]
    assert hit == CountryHit("KW", 0, 6, "الكويت", "name")
    with pytest.raises(dataclasses.FrozenInstanceError):
        hit.code = "SA"  # type: ignore[misc]


def test_thousands_of_sentences_per_second() -> None:
    sentence = "استقبل رئيس الأركان العامة للجيش الكويتي في مكتبه سفير الولايات المتحدة الأمريكية لدى البلاد"
    find_countries(sentence)  # builds the matcher
    started = time.perf_counter()
    for _ in range(2000):
        find_countries(sentence)
    assert time.perf_counter() - started < 2.0


_NEWS_CHARACTERS = [*"سلطنة عُمان والإمارات ـ  \n\t-–أيضاً", "\u200c", "\u00a0", "٣", "ى", "آ", "ً", "ـ"]
_WIDENING = ["\ufeff", "ﻻ", "ﷲ", "Ａ", "İ"]


@pytest.mark.parametrize(
    "pool",
    [_NEWS_CHARACTERS, _NEWS_CHARACTERS + _WIDENING],
    ids=["characters that fold to one or none", "with ligatures and wide forms"],
)
def test_fold_copies_plain_runs_exactly_as_folding_each_character_would(pool: list[str]) -> None:
    """`fold` copies runs of unchanged characters whole, or replaces the few characters that change when
    none widens; either way the result must be the per-character definition."""
    import random

    from majlis.extract.countries import _fold_char, fold

    def one_by_one(text: str) -> tuple[str, tuple[int, ...]]:
        out, index, last_space = [], [], True
        for i, ch in enumerate(text):
            folded = _fold_char(ch)
            if not folded or (folded == " " and last_space):
                continue
            last_space = folded == " "
            out.append(folded)
            index += [i] * len(folded)
        return "".join(out), tuple(index)

    rng = random.Random(3)
    for _ in range(1000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 60)))
        assert fold(text) == one_by_one(text), text


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("وبحثا التعاون بين المملكة العربية السعودية وجمهورية مصر العربية", [("SA", "EG")]),
        ("تطوير العلاقات الأردنية الأمريكية", [("JO", "US")]),
        ("التعاون بين السعودية والإمارات والبحرين", []),  # a list, not a pair
        ("التقى وزير الدفاع الماليزي ونظيره الإندونيسي", []),  # two sides, not a pair told
        ("زار الرياض والقاهرة", []),  # capitals joined by «و» without «بين»
    ],
)
def test_pairs_of_states(text: str, pairs: list[tuple[str, str]]) -> None:
    assert pairs_of_states(text) == pairs


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("للقوات المسلحة السينغالية", "SN"),  # Maghrebi spelling with «ي»
        ("وزير الدفاع الموريطاني", "MR"),
        ("رئيس الأركان البوركينابي", "BF"),
        ("السفير الأذري", "AZ"),
    ],
)
def test_spelling_variants_of_states(text: str, code: str) -> None:
    assert country_of_phrase(text) == code


def test_a_final_ya_written_as_alef_maqsura_is_a_country_word_after_a_masculine_noun_only() -> None:
    assert codes("استقبل وزير الدفاع اليمنى نظيره") == ["YE"]
    assert codes("ورفع الجندي يده اليمنى ثم اليد اليمنى") == []
    assert codes("على الضفة اليمنى من النهر") == []


def test_a_force_whose_proper_name_is_one_state_s_own_stands_for_that_state() -> None:
    assert codes("استقبل رئيس أركان الجيش الوطني الشعبي الوفد") == ["DZ"]
    assert codes("قائد في الحرس الثوري") == ["IR"]
    assert codes("المفتش العام للقوات المسلحة الملكية") == ["MA"]


def test_a_country_word_glued_on_after_a_final_ta_marbuta_is_still_found() -> None:
    assert codes("قائد العمليات الخاصة بالولايات المتحدةالأمريكية الأدميرال") == ["US"]
    assert codes("طالب أهالي المنطقة") == []
