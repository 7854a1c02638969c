"""Date finding and meeting-date resolution on hand-written Arabic sentences."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from majlis.extract.dates import (
    DateHit,
    dateline_end,
    find_dates,
    parse_dateline,
    resolve_meeting_date,
    to_western_digits,
)

WED = date(2025, 3, 12)  # a Wednesday


def only(text: str, published_at: date | None = WED) -> DateHit:
    hits = find_dates(text, published_at)
    assert len(hits) == 1, hits
    return hits[0]


def test_western_digits() -> None:
    assert to_western_digits("١٢/٠١/٢٠٢٦ و۱۴۰۳") == "12/01/2026 و1403"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عقد الاجتماع في 12 يناير 2026 بالعاصمة", date(2026, 1, 12)),
        ("عقد الاجتماع في ١٢ يناير ٢٠٢٦م بالعاصمة", date(2026, 1, 12)),
        ("وصل الوفد يوم 3 شباط 2025 إلى المطار", date(2025, 2, 3)),
        ("في 15 تشرين الثاني 2024 جرت المحادثات", date(2024, 11, 15)),
        ("في 1 كانون الأول 2024 جرت المحادثات", date(2024, 12, 1)),
        ("جرت المحادثات في 7 أيلول، 2025", date(2025, 9, 7)),
        ("تسلم مهامه في 30 إبريل من عام 2025", date(2025, 4, 30)),
        ("في 9 يونيه 2025 افتتح المعرض", date(2025, 6, 9)),
        ("في 4 جويلية 2025 افتتح المعرض", date(2025, 7, 4)),
        ("في الحادي والعشرين من آذار 2025 افتتح المعرض", date(2025, 3, 21)),
        ("اختتم التمرين في الـ19 من أكتوبر 2025", date(2025, 10, 19)),
        ("وُقِّعت الاتفاقية بتاريخ 12/1/2026 في مقر الوزارة", date(2026, 1, 12)),
        ("وُقِّعت الاتفاقية بتاريخ ١٢/١/٢٠٢٦ في مقر الوزارة", date(2026, 1, 12)),
        ("وُقِّعت الاتفاقية بتاريخ 2026-01-12 في مقر الوزارة", date(2026, 1, 12)),
        ("وُقِّعت الاتفاقية بتاريخ 12.01.2026 في مقر الوزارة", date(2026, 1, 12)),
        ("وُقِّعت الاتفاقية بتاريخ 1/25/2026 في مقر الوزارة", date(2026, 1, 25)),
    ],
)
def test_absolute_dates(text: str, expected: date) -> None:
    hit = only(text)
    assert (hit.kind, hit.value) == ("absolute", expected)
    assert text[hit.start : hit.end] == hit.surface


def test_ordinal_day_without_year_takes_publication_year() -> None:
    hit = only("حضر الحفل في الثاني عشر من يناير", date(2026, 1, 20))
    assert hit.value == date(2026, 1, 12)
    assert "year from published_at" in hit.note


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("التقى الوفد 28 ديسمبر", date(2026, 1, 2), date(2025, 12, 28)),
        ("يبدأ التمرين 3 يناير", date(2025, 12, 29), date(2026, 1, 3)),
        ("التقى الوفد 10 مايو", date(2025, 6, 1), date(2025, 5, 10)),
        ("التقى الوفد 10 مايو الماضي", date(2025, 5, 10), date(2024, 5, 10)),
        ("يعقد المؤتمر 10 مايو المقبل", date(2025, 6, 1), date(2026, 5, 10)),
        ("التقى يوم الثلاثاء 20 يناير الجاري", date(2026, 1, 22), date(2026, 1, 20)),
    ],
)
def test_year_inference(text: str, published: date, expected: date) -> None:
    assert only(text, published).value == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("في الثالث من الشهر الجاري", WED, date(2025, 3, 3)),
        ("يوم 28 من الشهر الماضي", WED, date(2025, 2, 28)),
        ("في الخامس والعشرين من الشهر المنصرم", date(2025, 1, 10), date(2024, 12, 25)),
        ("في العاشر من الشهر المقبل", date(2025, 12, 20), date(2026, 1, 10)),
    ],
)
def test_a_day_of_this_or_last_month(text: str, published: date, expected: date) -> None:
    assert only(text, published).value == expected


def test_a_day_of_this_month_needs_a_publication_date_and_a_real_day() -> None:
    assert only("في الثالث من الشهر الجاري", None).value is None
    assert only("يوم 30 من الشهر الماضي", WED).value is None  # February 2025 has no 30th


def test_day_month_without_year_or_publication_is_unresolved() -> None:
    hit = only("التقى الوفد 28 ديسمبر", None)
    assert hit.value is None
    assert hit.note == "no published_at"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Known Umm al-Qura dates: Ramadan 1447 began on 18 February 2026, Hijri new year 1446 fell on
        # 7 July 2024, and Eid al-Adha (10 Dhu al-Hijja) 1445 was 16 June 2024.
        ("بدأ الصيام في 1 رمضان 1447 هـ", date(2026, 2, 18)),
        ("في ١ محرم ١٤٤٦هـ احتفل", date(2024, 7, 7)),
        ("صلى العيد في 10 ذي الحجة 1445 هجرية", date(2024, 6, 16)),
        ("صلى العيد في 10 ذو الحجة 1445 للهجرة", date(2024, 6, 16)),
    ],
)
def test_hijri_dates(text: str, expected: date) -> None:
    hit = only(text)
    assert (hit.kind, hit.value) == ("hijri", expected)


def test_hijri_without_year_uses_publication_date() -> None:
    assert only("بدأ الصيام في 1 رمضان", date(2026, 2, 25)).value == date(2026, 2, 18)


def test_gregorian_wins_over_hijri() -> None:
    # Deliberately inconsistent pair: the Gregorian half is the one to keep.
    text = "عقد الاجتماع يوم الخميس 2 رمضان 1447 هـ الموافق 18 فبراير 2026 م في الديوان"
    hit = only(text)
    assert (hit.kind, hit.value) == ("absolute", date(2026, 2, 18))
    assert hit.surface.startswith("يوم الخميس") and hit.surface.endswith("2026 م")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("استقبل الوزير اليوم ضيفه", WED),
        ("استقبل الوزير صباح اليوم ضيفه", WED),
        ("استقبل الوزير أمس ضيفه", date(2025, 3, 11)),
        ("استقبل الوزير مساء أمس ضيفه", date(2025, 3, 11)),
        ("استقبل الوزير بالأمس ضيفه", date(2025, 3, 11)),
        ("استقبل الوزير أمس الأول ضيفه", date(2025, 3, 10)),
        ("استقبل الوزير أول أمس ضيفه", date(2025, 3, 10)),
        ("استقبل الوزير أول من أمس ضيفه", date(2025, 3, 10)),
        ("يستقبل الوزير غداً ضيفه", date(2025, 3, 13)),
        ("استقبل الوزير اليوم الأربعاء ضيفه", WED),
        ("استقبل الوزير أمس الثلاثاء ضيفه", date(2025, 3, 11)),
    ],
)
def test_relative_words(text: str, expected: date) -> None:
    hit = only(text)
    assert (hit.kind, hit.value) == ("relative", expected)
    assert hit.note.startswith("relative to published_at: ")


def test_named_weekday_corrects_a_lagging_publication_date() -> None:
    # Published Wednesday but «أمس الاثنين»: the copy was written a day earlier; Monday it is.
    hit = only("استقبل الوزير أمس الاثنين ضيفه")
    assert hit.value == date(2025, 3, 10)
    assert "weekday overrides" in hit.note


def test_today_in_a_holiday_name_is_not_a_date() -> None:
    assert find_dates("شارك في احتفالات اليوم الوطني للبلاد", WED) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("التقى الوزير الأحد نظيره", date(2025, 3, 9)),
        ("التقى الوزير يوم الإثنين نظيره", date(2025, 3, 10)),
        ("التقى الوزير يوم الأربعاء نظيره", WED),
        ("التقى الوزير يوم الأحد الماضي نظيره", date(2025, 3, 9)),
        ("التقى الوزير الأربعاء الماضي نظيره", date(2025, 3, 5)),
        ("يلتقي الوزير يوم السبت المقبل نظيره", date(2025, 3, 15)),
    ],
)
def test_weekdays(text: str, expected: date) -> None:
    hit = only(text)
    assert (hit.kind, hit.value) == ("weekday", expected)


@pytest.mark.parametrize(
    "text",
    [
        "زار الوفد المعسكر في [تاريخ الاجتماع] وتفقد",
        "زار الوفد المعسكر (التاريخ) وتفقد",
        "زار الوفد المعسكر يوم {date}",
    ],
)
def test_placeholders(text: str) -> None:
    hit = only(text)
    assert (hit.kind, hit.value) == ("placeholder", None)
    value, reason = resolve_meeting_date(text, text, WED)
    assert value is None
    assert reason.startswith("placeholder")


def test_agency_in_parentheses_is_not_a_placeholder() -> None:
    assert find_dates("أفادت الوكالة (قنا) بأن الوفد وصل", WED) == []


@pytest.mark.parametrize("text", ["التقى الوزير الأسبوع الماضي نظيره", "التقى الوزير مؤخراً نظيره"])
def test_vague_words_give_no_date(text: str) -> None:
    assert only(text).kind == "vague"
    value, reason = resolve_meeting_date(text, text, WED, default_to_published=True)
    assert value is None
    assert reason.startswith("vague")


def test_relative_word_without_publication_date() -> None:
    value, reason = resolve_meeting_date("استقبل الوزير اليوم ضيفه", "استقبل الوزير اليوم ضيفه", None)
    assert value is None
    assert reason == "no published_at: اليوم"


def test_offsets_survive_diacritics_and_tatweel() -> None:
    text = "التقى الوزيرُ يومَ الأحَـد المـاضي نظيرَه، ثم سافر في ٢٠ مـارس ٢٠٢٥"
    hits = find_dates(text, WED)
    assert [h.value for h in hits] == [date(2025, 3, 9), date(2025, 3, 20)]
    for h in hits:
        assert text[h.start : h.end] == h.surface
    assert hits[0].surface == "يومَ الأحَـد المـاضي"


@pytest.mark.parametrize(
    ("text", "published", "city", "expected"),
    [
        ("بيروت – 5 نيسان (وكالة الأنباء) – عقد الوزير اجتماعاً", date(2025, 4, 6), "بيروت", date(2025, 4, 5)),
        ("القاهرة 3 مارس 2025 (أ ش أ) - التقى وزير الدفاع", None, "القاهرة", date(2025, 3, 3)),
        ("نواكشوط في ٢ مايو /الوكالة/ استقبل وزير الدفاع", date(2025, 5, 2), "نواكشوط", date(2025, 5, 2)),
        ("الدار البيضاء، 8 يوليوز 2025 (ومع) - استقبل", None, "الدار البيضاء", date(2025, 7, 8)),
        ("عنوان قصير للخبر\n\nبغداد – 4 أيار (واع) – استقبل", date(2025, 5, 4), "بغداد", date(2025, 5, 4)),
        ("عدن، بتاريخ 2025/6/21 – استقبل محافظ", None, "عدن", date(2025, 6, 21)),
        # day and month only, between the dateline's dashes: the year of publication ...
        ("الكويت - 30 - 4 (كونا) -- بحث وزير", date(2025, 5, 1), "الكويت", date(2025, 4, 30)),
        # ... or the one before, when that day is still to come in the publication year
        ("الكويت - 28 - 12 (كونا) -- بحث وزير", date(2026, 1, 2), "الكويت", date(2025, 12, 28)),
    ],
)
def test_dated_datelines(text: str, published: date | None, city: str, expected: date) -> None:
    got_city, hit = parse_dateline(text, published)
    assert got_city == city
    assert hit is not None and hit.value == expected
    assert text[hit.start : hit.end] == hit.surface


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("تونس - وات: التقى وزير الدفاع", "تونس"),
        ("المنامة (بنا) – استقبل القائد العام", "المنامة"),
        ("الموصل (نينوى24)- التقى محافظ نينوى", "الموصل"),  # an outlet whose name ends in a number
        ("باريس (فرانس 24) - استقبلت وزيرة الجيوش", "باريس"),
    ],
)
def test_undated_datelines(text: str, city: str) -> None:
    assert parse_dateline(text, WED) == (city, None)


@pytest.mark.parametrize(
    "text",
    [
        "استقبل وزير الدفاع اليوم نظيره الزائر",
        "بحث الوزير، أمس، مع نظيره سبل التعاون",
        "قال وزير الدفاع: إن التعاون مستمر",
    ],
)
def test_ordinary_openings_are_not_datelines(text: str) -> None:
    assert parse_dateline(text, WED) == (None, None)


@pytest.mark.parametrize(
    ("sentence", "first_word"),
    [
        ("المنامة في 14 أبريل / الوكالة / أجرى وزير الدفاع مباحثات", "أجرى"),
        # day and month with no publication date to place them: still part of the dateline
        ("الكويت - 30 - 4 (كونا) -- عقد وزير الدفاع اجتماعا", "عقد"),
        ("دمشق، بتاريخ 2025/6/21 – استقبل محافظ", "استقبل"),
    ],
)
def test_dateline_end_is_where_the_sentence_proper_starts(sentence: str, first_word: str) -> None:
    assert sentence[dateline_end(sentence) :].split()[0] == first_word


def test_a_sentence_without_a_dateline_starts_at_zero() -> None:
    assert dateline_end("عقد وزير الدفاع - وهو في زيارة رسمية - اجتماعا مع نظيره") == 0


ARTICLE = (
    "وزير الدفاع يستقبل قائد البحرية الزائر\n\n"
    "عمان – 9 آذار (الوكالة) – استقبل وزير الدفاع اليوم قائد البحرية الزائر والوفد المرافق له. "
    "وبحث الجانبان سبل التعاون.\n\n"
    "وكان الوفد قد وصل أمس إلى البلاد."
)


def test_sentence_date_comes_first() -> None:
    sentence = "والتقى الضيف يوم 7 آذار 2025 رئيس الأركان"
    got = resolve_meeting_date(sentence, ARTICLE, date(2025, 3, 10))
    assert got == (date(2025, 3, 7), "sentence: absolute")


def test_relative_words_count_from_the_dateline() -> None:
    # Published a day after the dateline: «اليوم» is the dateline's day.
    value, reason = resolve_meeting_date("استقبل وزير الدفاع اليوم قائد البحرية", ARTICLE, date(2025, 3, 10))
    assert value == date(2025, 3, 9)
    assert reason == "sentence: relative to dateline: اليوم"


def test_dateline_when_sentence_has_no_date() -> None:
    value, reason = resolve_meeting_date("وبحث الجانبان سبل التعاون.", ARTICLE, date(2025, 3, 10))
    assert value == date(2025, 3, 9)
    assert reason.startswith("dateline")


def test_opening_paragraph_when_no_dateline() -> None:
    article = (
        "عنوان\n\nاستقبل رئيس الأركان مساء أمس وفداً عسكرياً زائراً في مقر القيادة العامة، وذلك في إطار "
        "زيارة رسمية يقوم بها الوفد إلى البلاد تستمر عدة أيام يلتقي خلالها عدداً من المسؤولين.\n\n"
        "وبحث الجانبان التعاون."
    )
    value, reason = resolve_meeting_date("وبحث الجانبان التعاون.", article, WED)
    assert value == date(2025, 3, 11)
    assert reason.startswith("opening paragraph")


def test_no_date_at_all() -> None:
    article = "عنوان\n\nبحث الجانبان التعاون العسكري."
    assert resolve_meeting_date("بحث الجانبان التعاون العسكري.", article, WED) == (None, "no date in text")
    assert resolve_meeting_date("بحث الجانبان التعاون العسكري.", article, WED, default_to_published=True) == (
        WED,
        "assumed publication date",
    )


# (Egyptian/Gulf name, Levantine name) for each month.
MONTH_NAMES = [
    ("يناير", "كانون الثاني"),
    ("فبراير", "شباط"),
    ("مارس", "آذار"),
    ("أبريل", "نيسان"),
    ("مايو", "أيار"),
    ("يونيو", "حزيران"),
    ("يوليو", "تموز"),
    ("أغسطس", "آب"),
    ("سبتمبر", "أيلول"),
    ("أكتوبر", "تشرين الأول"),
    ("نوفمبر", "تشرين الثاني"),
    ("ديسمبر", "كانون الأول"),
]
EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@given(
    day=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    levant=st.booleans(),
    eastern=st.booleans(),
)
def test_any_written_date_round_trips(day: date, levant: bool, eastern: bool) -> None:
    month = MONTH_NAMES[day.month - 1][levant]
    written = f"{day.day} {month} {day.year}"
    text = f"عقد اللقاء في {written.translate(EASTERN) if eastern else written} بمقر القيادة"
    assert only(text, None).value == day


def test_normalize_copies_plain_runs_exactly_as_normalising_each_character_would() -> None:
    import random

    from majlis.extract.dates import _DIGITS, _DROP, _LETTERS, _normalize

    def one_by_one(text: str) -> tuple[str, list[int]]:
        kept = [(i, ch) for i, ch in enumerate(text) if not _DROP.match(ch)]
        folded = "".join(_DIGITS.get(ch) or _LETTERS.get(ch) or ch for _, ch in kept)
        return folded, [i for i, _ in kept] + [len(text)]

    pool = [*"في ١٥ مارس 2025 الموافق ٣ رمضان ١٤٤٦ هـ", "\u200f", "\u00a0", "ـ", "ى", "ة", "۱", "ک", "\u064e"]
    rng = random.Random(5)
    for _ in range(500):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 60)))
        assert _normalize(text) == one_by_one(text), text


def test_the_pages_date_stamp_above_the_story_is_not_the_meetings_date() -> None:
    story = (
        "استقبل قائد الجيش العماد سامي حداد في مكتبه في اليرزة سفيرة الاتحاد الأوروبي في لبنان السيدة "
        "آنا مارتن، وجرى التداول في شؤون مختلفة تتعلق بالتعاون بين الجانبين."
    )
    stamped = "الثلاثاء, 03 تشرين الأول 2023\n" + story
    assert resolve_meeting_date(story, stamped, date(2023, 10, 3))[0] is None
    # a date the story's first paragraph states is still its date
    told = story.replace("في مكتبه", "يوم الثلاثاء 3 تشرين الأول 2023 في مكتبه")
    assert resolve_meeting_date("وبحث الجانبان التعاون.", "عنوان\n" + told, None)[0] == date(2023, 10, 3)
