"""Meeting extraction on sentences written for these tests (not from the evaluation set).

The extractor runs without NER mentions here, so names come from ranks and honorifics only; the
NER path is exercised end to end in the flow tests.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from majlis.extract import extract_batch
from majlis.gold import meeting_to_gold
from majlis.ingest import make_article
from majlis.nlp.tokenize import split_sentences
from majlis.records import Article, Mention, Sentence


def _extract(
    body: str,
    published: date | None = date(2024, 9, 12),
    source: str | None = None,
    people: tuple[str, ...] = (),
    headline: str | None = None,
    url: str | None = None,
) -> list[dict[str, Any]]:
    """Meetings in gold form; `people` are names to hand over as NER's PER mentions."""
    article = make_article(
        title=headline,
        body=body,
        external_id="t",
        source_file="t.txt",
        record_index=0,
        encoding="utf-8",
        published_at=published,
        source=source,
        url=url,
    )
    assert isinstance(article, Article)
    sentences = [
        Sentence(article.article_id, i, s.start, s.end, article.text[s.start : s.end])
        for i, s in enumerate(split_sentences(article.text))
    ]
    mentions = [
        Mention(article.article_id, s.sentence_index, "PER", name, start, start + len(name), "test", "0")
        for name in people
        for s in sentences
        if (start := article.text.find(name, s.start_char, s.end_char)) >= 0
    ]
    return [meeting_to_gold(m) for m in extract_batch([article], sentences, mentions)]


def _roles(meeting: dict[str, Any]) -> dict[str | None, str]:
    """Each participant's role, by name."""
    return {p["name"]: p["role"] for p in meeting["participants"]}


def _countries(meeting: dict[str, Any]) -> dict[str | None, str | None]:
    """Each participant's state, by name."""
    return {p["name"]: p["country"] for p in meeting["participants"]}


def _the(meeting: dict[str, Any], role: str) -> dict[str, Any]:
    """The first participant of the meeting in `role`."""
    return next(p for p in meeting["participants"] if p["role"] == role)


def test_reception_host_guest_ranks_titles_and_countries() -> None:
    (m,) = _extract(
        "استقبل قائد القوة الجوية العمانية، اللواء الركن طيار منصور سالم الحبسي، اليوم، "
        "قائد سلاح الجو الإيطالي، الفريق الطيار جوفاني روسي، والوفد المرافق له في مسقط."
    )
    assert m["event_type"] == "meeting" and m["date"] == "2024-09-12"
    assert m["city"] == "مسقط" and m["location_country"] == "OM"
    assert m["countries"] == ["IT", "OM"]
    host, guest = m["participants"]
    assert (host["name"], host["rank"], host["title"], host["role"]) == (
        "منصور سالم الحبسي",
        "لواء ركن طيار",
        "قائد القوة الجوية",
        "host",
    )
    assert (guest["name"], guest["country"], guest["role"]) == ("جوفاني روسي", "IT", "guest")


def test_visit_makes_the_visitor_guest_in_the_visited_country() -> None:
    (m,) = _extract(
        "زار رئيس أركان الجيش الأردني، اللواء الركن زياد حسن الطراونة، جمهورية كوريا، "
        "والتقى خلال الزيارة رئيس هيئة الأركان المشتركة الكوري، الجنرال كيم سونغ هو، أمس."
    )
    assert m["location_country"] == "KR" and m["date"] == "2024-09-11"
    roles = {p["name"]: (p["country"], p["role"]) for p in m["participants"]}
    assert roles == {"زياد حسن الطراونة": ("JO", "guest"), "كيم سونغ هو": ("KR", "host")}


def test_call_receiver_is_host_and_calls_have_no_place() -> None:
    (m,) = _extract(
        "تلقى وزير الدفاع القطري، الدكتور خالد العطية، اتصالا هاتفيا من وزير الدفاع الفرنسي، "
        "الجنرال بيير دوبوا، بحثا خلال الاتصال تعزيز الأمن البحري."
    )
    assert m["event_type"] == "call" and m["location_country"] is None and m["city"] is None
    roles = {p["country"]: p["role"] for p in m["participants"]}
    assert roles == {"QA": "host", "FR": "guest"}
    assert m["topics"] == ["maritime_security"]


def test_planned_and_background_meetings_are_not_news() -> None:
    assert (
        _extract(
            "من المقرر أن يلتقي رئيس الأركان الكويتي، الفريق الركن حامد ناصر المطيري، "
            "نظيره البريطاني، الجنرال توماس غرين، الأسبوع المقبل."
        )
        == []
    )
    assert (
        _extract(
            "وكان رئيس الأركان الكويتي، الفريق الركن حامد ناصر المطيري، قد التقى في يونيو الماضي "
            "قائد القوات البريطانية، الجنرال توماس غرين."
        )
        == []
    )


def test_guests_received_separately_are_separate_meetings_with_attendees() -> None:
    meetings = _extract(
        "استقبل وزير الدفاع البحريني، الفريق الركن راشد عبدالله المحميد، كلا على حدة، "
        "الملحق العسكري الهندي، العقيد راجيش كومار، والملحق العسكري الياباني، العقيد هيروشي تاناكا. "
        "وحضر اللقاء مدير العلاقات العسكرية، العميد الركن حسن جاسم الكعبي."
    )
    assert [m["countries"] for m in meetings] == [["BH", "IN"], ["BH", "JP"]]
    attendees = [p for p in meetings[-1]["participants"] if p["role"] == "attendee"]
    assert [(p["name"], p["country"]) for p in attendees] == [("حسن جاسم الكعبي", "BH")]


def test_attending_any_word_for_the_meeting_makes_an_attendee() -> None:
    for event in ("الاستقبال", "المباحثات"):
        (m,) = _extract(
            "استقبل رئيس أركان القوات المسلحة الموريتانية، الفريق محمد الأمين ولد سيدي، قائد القوات "
            f"البرية الإسبانية، الجنرال خافيير مورينو. وحضر {event} مدير التعاون العسكري، العقيد محمد "
            "عبدالله ولد أحمد.",
            people=("محمد الأمين ولد سيدي", "خافيير مورينو", "محمد عبدالله ولد أحمد"),
        )
        attendees = [(p["name"], p["country"]) for p in m["participants"] if p["role"] == "attendee"]
        assert attendees == [("محمد عبدالله ولد أحمد", "MR")], event
        # «الأمين» heads titles («الأمين العام») but here it is inside a name the model tagged whole
        assert m["participants"][0]["name"] == "محمد الأمين ولد سيدي"


def test_attending_a_ceremony_is_not_attending_the_meeting() -> None:
    (m,) = _extract(
        "استقبل رئيس أركان القوات المسلحة الموريتانية، الفريق محمد الأمين ولد سيدي، قائد القوات "
        "البرية الإسبانية، الجنرال خافيير مورينو. وحضر الحفل قائد الأكاديمية، العقيد محمد عبدالله ولد أحمد.",
        people=("محمد الأمين ولد سيدي", "خافيير مورينو", "محمد عبدالله ولد أحمد"),
    )
    assert [p["role"] for p in m["participants"]] == ["host", "guest"]


def test_a_title_ends_before_where_the_meeting_took_place() -> None:
    (m,) = _extract(
        "استقبل معالي السيد ناصر بن حمد الكندي الوزير المسؤول عن شؤون الدفاع بمكتبه اليوم الفريق "
        "ماتيو لامبير قائد القوات الجوية الفرنسية.",
        people=("ناصر بن حمد الكندي", "ماتيو لامبير"),
    )
    host = _the(m, "host")
    assert (host["name"], host["title"]) == ("ناصر بن حمد الكندي", "الوزير المسؤول عن شؤون الدفاع")


def test_a_nisba_ending_a_lineage_is_a_family_name_not_a_country() -> None:
    (m,) = _extract(
        "استقبل وزير الدفاع العماني، السيد سالم بن علي التركي، في مسقط اليوم وزير الدفاع الكندي بيل ماكاي.",
        people=("سالم بن علي التركي", "بيل ماكاي"),
    )
    assert [(p["name"], p["country"], p["role"]) for p in m["participants"]] == [
        ("سالم بن علي التركي", "OM", "host"),
        ("بيل ماكاي", "CA", "guest"),
    ]


def test_a_feminine_verb_with_its_counterpart_far_after_is_a_meeting() -> None:
    (m,) = _extract(
        "ناقشت وزيرة الدفاع الهولندية السيدة آنا فان دايك، مع رئيس أركان الجيش الأردني اللواء الركن "
        "خالد سليمان المومني في عمّان اليوم، سبل تطوير التدريب.",
        people=("آنا فان دايك", "خالد سليمان المومني"),
    )
    assert m["countries"] == ["JO", "NL"] and m["location_country"] == "JO" and m["topics"] == ["training"]


def test_the_meeting_held_after_a_title_is_not_part_of_it() -> None:
    (m,) = _extract(
        "عقد قائد القوات البحرية السعودية الفريق الركن فهد بن محمد الغفيلي اجتماعا مع قائد البحرية "
        "الملكية النرويجية الأدميرال إريك هانسن.",
        people=("فهد بن محمد الغفيلي", "إريك هانسن"),
    )
    # «البحرية الملكية النرويجية» is the navy's own name (the Royal Norwegian Navy): titles keep it whole
    assert [p["title"] for p in m["participants"]] == [
        "قائد القوات البحرية",
        "قائد البحرية الملكية النرويجية",
    ]
    assert m["countries"] == ["NO", "SA"]


def test_the_head_of_a_delegation_stands_for_its_country() -> None:
    (m,) = _extract(
        "استقبل قائد القوة الجوية الكويتية اللواء الركن طيار صالح عادل المطيري اليوم وفدا من وزارة الدفاع "
        "التشيكية برئاسة الجنرال توماش نوفوتني.",
        people=("صالح عادل المطيري", "توماش نوفوتني"),
    )
    assert [(p["name"], p["country"]) for p in m["participants"]] == [
        ("صالح عادل المطيري", "KW"),
        ("توماش نوفوتني", "CZ"),
    ]


def test_a_rank_that_is_also_a_first_name_counts_only_with_the_article() -> None:
    guest = "الملحق العسكري الفرنسي العقيد بيار شيل."
    (levant,) = _extract(
        f"استقبل قائد الجيش اللبناني العماد جوزيف خوري في مكتبه اليوم {guest}",
        people=("جوزيف خوري", "بيار شيل"),
    )
    (named,) = _extract(
        f"استقبل قائد القوات الخاصة الأردنية العميد الركن عماد سليم الخطيب اليوم {guest}",
        people=("عماد سليم الخطيب", "بيار شيل"),
    )
    assert (levant["participants"][0]["name"], levant["participants"][0]["rank"]) == ("جوزيف خوري", "عماد")
    assert (named["participants"][0]["name"], named["participants"][0]["rank"]) == (
        "عماد سليم الخطيب",
        "عميد ركن",
    )


def test_his_excellency_as_the_subject_is_the_visitor_already_reported() -> None:
    first, second = _extract(
        "يواصل وزير الدفاع العماني السيد بدر بن سعود الحارثي زيارته إلى اليابان، حيث التقى اليوم في طوكيو "
        "وزير الدفاع الياباني السيد كينجي تاكاهاشي. كما التقى معاليه رئيس هيئة الأركان المشتركة "
        "اليابانية الجنرال هيروشي ساتو.",
        people=("بدر بن سعود الحارثي", "كينجي تاكاهاشي", "هيروشي ساتو"),
    )
    assert [(p["name"], p["role"]) for p in second["participants"]] == [
        ("بدر بن سعود الحارثي", "guest"),
        ("هيروشي ساتو", "host"),
    ]
    assert second["location_country"] == first["location_country"] == "JP"


def test_a_letter_handed_over_is_not_part_of_the_receivers_title() -> None:
    (m,) = _extract(
        "تسلم وزير الدفاع الكويتي الشيخ سالم عبدالله الجابر رسالة خطية من وزير دفاع جمهورية الفلبين، "
        "خلال استقباله في مكتبه اليوم سفير الفلبين لدى البلاد السيد رامون كروز.",
        people=("سالم عبدالله الجابر", "رامون كروز"),
    )
    assert [(p["title"], p["country"]) for p in m["participants"]] == [("وزير الدفاع", "KW"), ("سفير", "PH")]


def test_a_title_running_into_another_rank_belongs_to_that_person() -> None:
    (m,) = _extract(
        "وعلى هامش المؤتمر التقى العميد الركن زايد حمد الشامسي قائد القوات الجوية المغربية الفريق "
        "يوسف العلوي.",
        people=("زايد حمد الشامسي", "يوسف العلوي"),
    )
    assert [(p["name"], p["title"], p["country"]) for p in m["participants"]] == [
        ("زايد حمد الشامسي", None, None),
        ("يوسف العلوي", "قائد القوات الجوية", "MA"),
    ]


def test_a_name_after_a_rank_ending_at_a_comma_is_whole_when_the_model_cut_it_short() -> None:
    (m,) = _extract(
        "استقبل اللواء الركن منصور فالح الحربي، الفريق جان مارك دوران قائد القوات البرية الفرنسية.",
        people=("منصور", "جان مارك دوران"),
    )
    assert m["participants"][0]["name"] == "منصور فالح الحربي"


def test_a_branch_word_in_brackets_is_part_of_the_rank() -> None:
    (m,) = _extract(
        "استقبل قائد القوة الجوية الأردنية العميد الركن (طيار) عادل سليمان الزيود، اليوم، قائد سلاح الجو "
        "الهندي المارشال فيكرام سينغ.",
        people=("عادل سليمان الزيود", "فيكرام سينغ"),
    )
    assert (m["participants"][0]["name"], m["participants"][0]["rank"]) == (
        "عادل سليمان الزيود",
        "عميد ركن طيار",
    )


def test_greetings_conveyed_are_not_part_of_the_name_before_them() -> None:
    (m,) = _extract(
        "استقبل رئيس أركان الحرس الوطني الفريق الركن مشعل فهد العنزي اليوم السفير الهولندي يان "
        "فيسر تحيات وزير الدفاع الهولندي.",
        people=("مشعل فهد العنزي", "يان فيسر تحيات"),  # the model ran the name on into «تحيات»
    )
    assert [p["name"] for p in m["participants"]] == ["مشعل فهد العنزي", "يان فيسر"]


def test_a_lone_first_name_takes_the_family_name_the_model_left_out() -> None:
    (m,) = _extract(
        "التقى وزير الدفاع التونسي عبدالكريم الزبيدي في تونس اليوم السفير الألماني لدى تونس بيتر شولتس.",
        people=("عبدالكريم", "بيتر شولتس"),
    )
    assert [p["name"] for p in m["participants"]] == ["عبدالكريم الزبيدي", "بيتر شولتس"]


def test_a_lone_first_name_does_not_swallow_a_time_word_or_title() -> None:
    (m,) = _extract(
        "استقبل وزير الدفاع الماليزي السيد أنور اليوم قائد القوات البحرية التايلاندية الأدميرال سومشاي.",
        people=("أنور", "سومشاي"),
    )
    assert [p["name"] for p in m["participants"]] == ["أنور", "سومشاي"]


def test_name_particles_written_apart_do_not_count_towards_a_names_length() -> None:
    (m,) = _extract(
        "استقبل قائد الحرس الوطني اللواء الركن عبد الرحمن بن عبد الله أبو حيمد اليوم الملحق العسكري "
        "البريطاني العقيد مارك جونز."
    )
    assert m["participants"][0]["name"] == "عبد الرحمن بن عبد الله أبو حيمد"


def test_a_name_starting_with_madda_is_not_the_particle_it_folds_to() -> None:
    (m,) = _extract(
        "التقى وزير الدفاع البحريني الفريق الركن عبدالله حسن النعيمي في المنامة اليوم وزير الدفاع الكوري "
        "السيد آن سونغ مين.",
        people=("عبدالله حسن النعيمي", "آن سونغ مين"),
    )
    assert [(p["name"], p["country"]) for p in m["participants"]] == [
        ("عبدالله حسن النعيمي", "BH"),
        ("آن سونغ مين", "KR"),
    ]


def test_a_two_word_title_ends_a_name_the_model_ran_into_it() -> None:
    (m,) = _extract(
        "تلقى الشيخ ناصر بن حمد آل خليفة ولي عهد البحرين اتصالا هاتفيا من وزير الدفاع الإيطالي غويدو روسي.",
        people=("ناصر بن حمد آل خليفة ولي عهد البحرين", "غويدو روسي"),
    )
    host = m["participants"][0]
    assert (host["name"], host["title"]) == ("ناصر بن حمد آل خليفة", "ولي عهد")


def test_later_mentions_by_surname_resolve_to_the_first_full_mention() -> None:
    (m,) = _extract(
        "استقبل قائد الحرس الوطني السعودي، الفريق أول فهد سعود الدوسري، قائد القوات البرية الباكستانية، "
        "الفريق عمران أحمد خان. وبحث الفريق أول الدوسري مع الفريق خان سبل مكافحة الإرهاب وتبادل المعلومات."
    )
    assert len(m["participants"]) == 2
    assert m["topics"] == ["counterterrorism", "intelligence_sharing"]


def test_placeholder_date_is_null() -> None:
    (m,) = _extract(
        "التقى وزير الداخلية الأردني، اللواء عمر سالم المجالي، في [تاريخ اللقاء]، "
        "السفير الألماني، الدكتور هانس مولر، في عمّان."
    )
    assert m["date"] is None


def test_group_side_and_titles_found_elsewhere_in_the_article() -> None:
    (m,) = _extract(
        "زار الملحق العسكري في السفارة الكندية لدى قطر، العقيد جيمس براون، ميناء حمد. "
        "وخلال الجولة، التقى العقيد براون بقادة القوات البحرية القطرية، حيث بحثا أمن الملاحة."
    )
    assert m["countries"] == ["CA", "QA"] and m["location_country"] == "QA"
    by_role = {p["role"]: p for p in m["participants"]}
    assert by_role["guest"]["name"] == "جيمس براون" and by_role["guest"]["title"] == "الملحق العسكري"
    assert by_role["host"]["name"] is None and by_role["host"]["country"] == "QA"


def test_chaired_multilateral_meeting_and_a_bilateral_on_its_sidelines() -> None:
    meetings = _extract(
        "ترأس وزير الدفاع العماني، الفريق أول سالم سعيد الحارثي، الاجتماع الدوري لوزراء الدفاع في مسقط. "
        "وشارك في الاجتماع وزير الدفاع الأردني، اللواء فيصل خالد العبادي، ووزير الدفاع المغربي، "
        "الفريق محمد أمين الإدريسي. "
        "وعلى هامش الاجتماع، عقد الفريق أول الحارثي لقاء ثنائيا مع نظيره الأردني، اللواء العبادي."
    )
    assert [m["countries"] for m in meetings] == [["JO", "MA", "OM"], ["JO", "OM"]]
    assert all(m["city"] == "مسقط" for m in meetings[:1])


def test_unstated_host_country_is_not_the_visitors_country_even_when_named_most() -> None:
    (m,) = _extract(
        "استقبل قائد القوة الجوية، اللواء الطيار سالم مرزوق الهاجري، نائب قائد القوات الجوية الفرنسية، "
        "الجنرال لوران بيرنار، الذي يزور البلاد حاليا. وأشاد الجنرال بيرنار بالتعاون مع فرنسا، "
        "وبالشراكة الفرنسية مع القوات الجوية في البحرين، مؤكدا أن فرنسا تولي أهمية لهذه العلاقات.",
        source=None,
    )
    host = _the(m, "host")
    assert host["country"] == "BH" and m["countries"] == ["BH", "FR"]


def test_counterpart_nisba_belongs_to_the_counterpart_not_the_subject() -> None:
    (m,) = _extract(
        "التقى رئيس الأركان بنظيره العماني، النائب الأول لرئيس الوزراء، في اجتماع لبحث التعاون البحري.",
        published=None,
    )
    subject, counterpart = m["participants"]
    assert (subject["title"], subject["country"]) == ("رئيس الأركان", None)
    assert counterpart["country"] == "OM" and m["countries"] == ["OM"]


def test_a_counterpart_named_right_after_his_nisba_without_rank_or_comma() -> None:
    (m,) = _extract(
        "المنامة - تلقى وزير الداخلية البحريني ناصر عيسى الدوسري اتصالاً هاتفياً من نظيره المغربي "
        "يوسف الإدريسي العلمي، بحثا خلاله تبادل المعلومات.",
        people=("ناصر عيسى الدوسري", "يوسف الإدريسي العلمي"),
    )
    host, guest = m["participants"]
    assert (host["name"], host["country"], host["role"]) == ("ناصر عيسى الدوسري", "BH", "host")
    assert (guest["name"], guest["country"], guest["role"]) == ("يوسف الإدريسي العلمي", "MA", "guest")
    assert m["event_type"] == "call" and m["countries"] == ["BH", "MA"]


def test_talks_held_after_a_dateline_and_a_name_the_model_cut_short_before_a_title() -> None:
    (m,) = _extract(
        "الدوحة في 5 مايو / قنا / أجرى رئيس أركان القوات المسلحة القطرية الفريق الركن غانم سعد المري "
        "اليوم مباحثات مع الجنرال هانز كلاوس مولر رئيس أركان الجيش الألماني حول التدريب.",
        people=("غانم سعد المري", "هانز"),
    )
    assert m["countries"] == ["DE", "QA"] and m["city"] == "الدوحة"
    guest = next(p for p in m["participants"] if p["country"] == "DE")
    assert (guest["name"], guest["rank"], guest["title"]) == ("هانز كلاوس مولر", "جنرال", "رئيس أركان الجيش")


def test_a_name_the_model_cut_short_before_a_time_word() -> None:
    (m,) = _extract(
        "استقبل قائد القوات البرية اللواء الركن فارس عادل الزعبي صباح اليوم قائد القوات البرية "
        "الهندية الفريق أرجون سينغ.",
        people=("فارس عادل", "أرجون سينغ"),
    )
    assert [p["name"] for p in m["participants"]] == ["فارس عادل الزعبي", "أرجون سينغ"]


def test_a_ruling_family_name_tells_the_officials_country() -> None:
    (m,) = _extract(
        "تلقى الشيخ عبدالله بن حمد آل ثاني وزير الدولة لشؤون الدفاع اتصالا هاتفيا من وزير الدفاع "
        "الإسباني السيد خوسيه غارسيا.",
        people=("عبدالله بن حمد آل ثاني", "خوسيه غارسيا"),
    )
    host = _the(m, "host")
    assert (host["name"], host["country"]) == ("عبدالله بن حمد آل ثاني", "QA")
    assert m["countries"] == ["ES", "QA"] and m["event_type"] == "call"


def test_an_envoys_own_country_is_never_the_home_country() -> None:
    meetings = _extract(
        "استقبل معالي سالم بن راشد الكعبي وزير الدفاع في مكتبه اليوم، كلا على حدة، سعادة بيتر والش "
        "سفير أيرلندا لدى الدولة، وسعادة يان كوفاتش سفير سلوفاكيا لدى الدولة.",
        people=("سالم بن راشد الكعبي", "بيتر والش", "يان كوفاتش"),
    )
    assert [m["countries"] for m in meetings] == [["IE"], ["SK"]]
    for m in meetings:
        host = _the(m, "host")
        assert host["country"] is None and m["location_country"] is None


def test_a_visit_naming_no_place_is_in_its_hosts_country() -> None:
    (m,) = _extract(
        "زار رئيس هيئة الأركان المشتركة الأردنية اللواء الركن مراد سليم العموش صباح أمس مقر رئاسة أركان "
        "قوات السلطان المسلحة، وكان في استقباله الفريق الركن هلال بن ناصر الحوسني رئيس أركان قوات "
        "السلطان المسلحة، وتبادل الجانبان الأحاديث حول التدريب.",
        people=("مراد سليم العموش", "هلال بن ناصر الحوسني"),
    )
    assert m["location_country"] == "OM" and m["countries"] == ["JO", "OM"]
    roles = {p["country"]: p["role"] for p in m["participants"]}
    assert roles == {"JO": "guest", "OM": "host"}


def test_an_air_marshal_rank() -> None:
    (m,) = _extract(
        "التقى قائد القوات الجوية اللواء الطيار سعد ناصر العتيق المارشال الجوي طارق محمود "
        "قائد القوات الجوية الباكستانية.",
        people=("سعد ناصر العتيق", "طارق محمود"),
    )
    ranks = {p["name"]: p["rank"] for p in m["participants"]}
    assert ranks["طارق محمود"] == "مارشال جوي"


def test_a_meeting_verb_with_by_telephone_is_a_call() -> None:
    (m,) = _extract(
        "بحث وزير الدفاع القطري الشيخ سعود بن حمد آل ثاني هاتفيا مع وزير الدفاع البولندي السيد "
        "توماش نوفاك، مساء أمس، فرص التعاون في الصناعات الدفاعية.",
        people=("سعود بن حمد آل ثاني", "توماش نوفاك"),
    )
    assert m["event_type"] == "call" and m["location_country"] is None
    assert m["countries"] == ["PL", "QA"] and m["date"] == "2024-09-11"


def test_the_visitor_is_the_subject_when_the_visiting_phrase_follows_it() -> None:
    (m,) = _extract(
        "التقت وزيرة الدفاع الهولندية، إلسا فان دايك، التي تزور البلاد حاليا، رئيس الأركان العامة للجيش "
        "الكويتي، الفريق الركن ناصر فيصل الرشيدي، وبحث الجانبان التدريب.",
        people=("إلسا فان دايك", "ناصر فيصل الرشيدي"),
    )
    assert m["location_country"] == "KW"
    roles = {p["country"]: p["role"] for p in m["participants"]}
    assert roles == {"NL": "guest", "KW": "host"}


def test_a_surname_in_the_meeting_sentence_takes_the_full_name_given_earlier() -> None:
    (m,) = _extract(
        "وصل إلى العاصمة العمانية مسقط أمس رئيس أركان الجيش الموريتاني الفريق سيدي محمد ولد أحمد في زيارة "
        "رسمية. والتقى الفريق ولد أحمد خلال الزيارة رئيس أركان قوات السلطان المسلحة الفريق الركن "
        "سالم بن علي الوهيبي.",
        people=("سيدي محمد ولد أحمد", "ولد أحمد", "سالم بن علي الوهيبي"),
    )
    assert [p["name"] for p in m["participants"]] == ["سيدي محمد ولد أحمد", "سالم بن علي الوهيبي"]


def test_meetings_after_an_arrival_are_where_the_visitor_arrived() -> None:
    (m,) = _extract(
        "وصل إلى العاصمة الأردنية عمّان أمس رئيس أركان القوات المسلحة التونسية الفريق أول نزار بن عمر "
        "في زيارة رسمية. والتقى الفريق أول بن عمر خلال الزيارة رئيس هيئة الأركان المشتركة اللواء الركن "
        "خالد سليمان العدوان.",
        people=("نزار بن عمر", "بن عمر", "خالد سليمان العدوان"),
    )
    assert (m["city"], m["location_country"]) == ("عمان", "JO")
    roles = {p["name"]: (p["country"], p["role"]) for p in m["participants"]}
    assert roles == {"نزار بن عمر": ("TN", "guest"), "خالد سليمان العدوان": ("JO", "host")}


def test_a_un_envoy_has_no_country() -> None:
    (m,) = _extract(
        "استقبل وزير الدفاع اليمني الفريق الركن صالح أحمد العولقي في عدن اليوم المبعوث الأممي إلى اليمن "
        "يوهان لارسن، لبحث تأمين الحدود.",
        people=("صالح أحمد العولقي", "يوهان لارسن"),
    )
    envoy = next(p for p in m["participants"] if p["name"] == "يوهان لارسن")
    assert envoy["country"] is None and m["countries"] == ["YE"]


def test_posted_in_our_country_is_a_posting_not_part_of_the_title() -> None:
    (m,) = _extract(
        "استقبل وزير الدفاع الوطني السيد أحمد ولد محمد الأمين بمكتبه في نواكشوط سفيرة مملكة السويد المعتمدة "
        "في بلادنا السيدة إنغريد ليندبرغ.",
        people=("أحمد ولد محمد الأمين", "إنغريد ليندبرغ"),
    )
    guest = _the(m, "guest")
    assert (guest["title"], guest["country"]) == ("سفيرة", "SE")
    assert m["location_country"] == "MR"


def test_an_honorific_word_ending_a_tagged_name_is_part_of_it() -> None:
    (m,) = _extract(
        "استقبل وزير الدفاع الوطني السيد محمد ولد أحمد الشيخ، اليوم، سفير إيطاليا السيد ماركو بيلي.",
        people=("محمد ولد أحمد الشيخ", "ماركو بيلي"),
    )
    host = _the(m, "host")
    assert host["name"] == "محمد ولد أحمد الشيخ"


def test_a_counterpart_joined_by_and_takes_the_nisba_after_it() -> None:
    (m,) = _extract(
        "ترأس رئيس أركان الجيش الأردني اللواء الركن عادل سامي الرواحنة ونظيره العراقي الفريق أول ركن "
        "كريم جاسم الزيدي، أمس، أعمال الاجتماع الثالث للجنة العسكرية المشتركة في عمّان.",
        people=("عادل سامي الرواحنة", "كريم جاسم الزيدي"),
    )
    assert m["countries"] == ["IQ", "JO"]


def test_whoever_is_received_on_arrival_is_the_visitor() -> None:
    (m,) = _extract(
        "وصل إلى البلاد أمس قائد القوات البحرية التايلندية الأدميرال سومشاي ثونغ في زيارة رسمية، وكان في "
        "استقباله لدى وصوله قائد القوة البحرية البحرينية اللواء الركن بحري خليل إبراهيم الكوهجي.",
        people=("سومشاي ثونغ", "خليل إبراهيم الكوهجي"),
    )
    roles = {p["country"]: p["role"] for p in m["participants"]}
    assert roles == {"TH": "guest", "BH": "host"} and m["location_country"] == "BH"


def test_a_meal_given_for_a_visitor_is_a_meeting() -> None:
    (m,) = _extract(
        "مسقط في 4 مارس /العمانية/ أقام رئيس أركان قوات السلطان المسلحة الفريق الركن حمد بن سعيد الراشدي "
        "اليوم مأدبة عشاء تكريما لقائد الجيش الماليزي الجنرال أحمد فضيل عثمان والوفد المرافق له.",
        people=("حمد بن سعيد الراشدي", "أحمد فضيل عثمان"),
    )
    assert m["countries"] == ["MY", "OM"] and m["city"] == "مسقط"
    host = _the(m, "host")
    assert host["country"] == "OM"


def test_a_title_before_an_object_marked_honorific_belongs_to_the_person_before() -> None:
    (m,) = _extract(
        "التقى معالي الدكتور سعيد بن ناصر الحبسي وزير الدولة بسعادة السفير كارل برغمان سفير مملكة "
        "السويد المعتمد لدى البلاد.",
        people=("سعيد بن ناصر الحبسي", "كارل برغمان"),
    )
    titles = {p["name"]: (p["title"], p["country"]) for p in m["participants"]}
    assert titles["سعيد بن ناصر الحبسي"][0] == "وزير الدولة"
    assert titles["كارل برغمان"] == ("سفير", "SE")


def test_credentials_handed_over_and_a_farewell_call_are_meetings() -> None:
    credentials, farewell = _extract(
        "تسلم وزير الخارجية الشيخ ناصر محمد الأحمد الصباح اليوم نسخة من أوراق اعتماد سفير جمهورية "
        "التشيك الجديد لدى البلاد السيد يان نوفاك.\n\n"
        "وودع قائد الحرس الوطني الفريق أول ركن فيصل عبدالرحمن الراشد في مكتبه الملحق العسكري "
        "الكندي العقيد جيمس موريس بمناسبة انتهاء فترة عمله.",
        people=("ناصر محمد الأحمد الصباح", "يان نوفاك", "فيصل عبدالرحمن الراشد", "جيمس موريس"),
    )
    assert credentials["countries"] == ["CZ", "KW"] and credentials["location_country"] == "KW"
    assert farewell["countries"] == ["CA"]
    assert [p["role"] for p in farewell["participants"]] == ["host", "guest"]


def test_a_rank_name_ending_at_a_word_never_in_a_name_beats_a_shorter_model_span() -> None:
    (m,) = _extract(
        "اجتمع وزير الدفاع التونسي عماد الدين الكافي بنظيره الليبي الفريق نور الدين الشاوش بمقر وزارة "
        "الدفاع الوطني بتونس العاصمة يوم الاثنين.",
        people=("عماد الدين الكافي", "نور الدين"),
    )
    assert [p["name"] for p in m["participants"]] == ["عماد الدين الكافي", "نور الدين الشاوش"]
    assert (m["city"], m["location_country"]) == ("تونس", "TN")


def test_a_meeting_on_the_same_day_takes_the_date_of_the_one_before() -> None:
    first, second = _extract(
        "وفي اليوم الثاني من الزيارة، الأربعاء 3 سبتمبر 2025، التقى الفريق الركن مبارك سالم الحجري قائد "
        "القوات البحرية الإسبانية الأدميرال خوان كارلوس رويث في مدريد. كما التقى الفريق الركن الحجري "
        "في اليوم نفسه رئيس أركان الدفاع الإسباني الجنرال ميغيل أنخيل سانشيز.",
        published=date(2025, 9, 6),
        people=("مبارك سالم الحجري", "خوان كارلوس رويث", "الحجري", "ميغيل أنخيل سانشيز"),
    )
    assert first["date"] == second["date"] == "2025-09-03"


def test_a_meeting_on_the_sidelines_is_where_the_event_was() -> None:
    event, bilateral = _extract(
        "ترأس وزير الدفاع البحريني الفريق الركن يوسف أحمد الكبيسي الاجتماع الدوري لوزراء دفاع دول "
        "المجلس في المنامة. وشارك في الاجتماع وزير الدفاع العماني، الفريق سالم حمد الهنائي، ووزير "
        "الدفاع الكويتي، الفريق خالد ناصر المطوع. "
        "وعلى هامش الاجتماع، عقد الفريق الركن الكبيسي لقاء ثنائيا مع نظيره العماني، الفريق الهنائي.",
        people=("يوسف أحمد الكبيسي", "سالم حمد الهنائي", "الكبيسي", "الهنائي"),
    )
    assert event["city"] == bilateral["city"] == "المنامة"
    assert bilateral["countries"] == ["BH", "OM"]


def test_a_bracketed_acronym_stays_inside_a_title() -> None:
    (m,) = _extract(
        "استقبل وزير الدفاع الكويتي الشيخ فهد سالم العلي في مكتبه اليوم نائب الأمين العام لحلف شمال "
        "الأطلسي (الناتو) السيد توماس فيشر والوفد المرافق له.",
        people=("فهد سالم العلي", "توماس فيشر"),
    )
    guest = _the(m, "guest")
    assert guest["title"] == "نائب الأمين العام لحلف شمال الأطلسي (الناتو)" and guest["country"] is None


def test_a_meeting_during_a_visit_to_a_city_is_there() -> None:
    (m,) = _extract(
        "بحث قائد القوات البحرية العمانية اللواء البحري سيف ناصر الرحبي، مع قائد البحرية الإيطالية "
        "الأدميرال جوزيبي فيرارا، خلال زيارته إلى روما أمس، سبل تعزيز الأمن البحري.",
        people=("سيف ناصر الرحبي", "جوزيبي فيرارا"),
    )
    assert (m["city"], m["location_country"]) == ("روما", "IT")
    roles = {p["country"]: p["role"] for p in m["participants"]}
    assert roles == {"OM": "guest", "IT": "host"}


def test_the_passive_agent_is_the_host() -> None:
    # «تم استقبال X من قبل Y» and the unvowelled passive «استقبل X … من طرف Y»: Y receives X
    for body in (
        "تم اليوم في الرباط استقبال سفير النرويج لدى المملكة السيد لارس هولم، من قبل "
        "المفتش العام للقوات المسلحة الفريق أول رشيد البقالي.",
        "استقبل سفير النرويج لدى المملكة السيد لارس هولم، اليوم بالرباط، من طرف "
        "المفتش العام للقوات المسلحة الفريق أول رشيد البقالي.",
    ):
        (m,) = _extract(body)
        roles = {p["name"]: (p["country"], p["role"]) for p in m["participants"]}
        assert roles == {"رشيد البقالي": ("MA", "host"), "لارس هولم": ("NO", "guest")}, body


def test_an_agency_in_the_dateline_gives_the_home_country() -> None:
    # no known city and no country word for the host: only the agency tells where the article is from
    for body, home in (
        ("وطنية - استقبل قائد الجيش العماد إيلي حنا صعب سفير اليابان السيد كينجي ساتو.", "LB"),
        ("سلفيت 4-5-2025 وفا- استقبل المحافظ اللواء فارس سعيد العمري سفير اليابان السيد كينجي ساتو.", "PS"),
    ):
        (m,) = _extract(body)
        host, guest = m["participants"]
        assert (host["country"], host["role"], guest["country"]) == (home, "host", "JP"), body


def test_a_national_agency_abroad_writes_its_own_officials_unmarked() -> None:
    (m,) = _extract(
        "واشنطن - 5 - 9 (كونا) -- التقى وزير الدفاع الشيخ فهد سالم العلي اليوم وزير الجيش الأمريكي "
        "السيد روبرت هيل في مقر البنتاغون."
    )
    assert m["location_country"] == "US"
    assert _countries(m) == {"فهد سالم العلي": "KW", "روبرت هيل": "US"}


def test_offices_of_other_administrative_traditions_are_titles() -> None:
    (m,) = _extract(
        "استقبل وزير الدفاع الفريق أول سعيد حمزة، اليوم، كاتبة الدولة للدفاع البرتغالية السيدة آنا سوزا، "
        "بحضور معاون رئيس الأركان العميد كمال ناصر."
    )
    titles = {p["name"]: (p["title"], p["role"]) for p in m["participants"]}
    assert titles["آنا سوزا"] == ("كاتبة الدولة للدفاع", "guest")
    assert titles["كمال ناصر"] == ("معاون رئيس الأركان", "attendee")


def test_a_meeting_announced_with_wa_min_al_muqarrar_is_not_news() -> None:
    assert not _extract(
        "ومن المقرر أن يلتقي وزير الدفاع الفريق أول سعيد حمزة غدا نظيره الإيطالي السيد ماريو روسي."
    )


def test_a_verb_after_the_subject_ends_its_name_and_title() -> None:
    # the bulletin's subject-first order: «X، المسؤول عن …، تلقى اليوم اتصالا»
    (m,) = _extract(
        "أفادت الوزارة أن معالي السيد سالم بن علي الهنائي الوزير المسؤول عن شؤون الدفاع تلقى اليوم "
        "اتصالا هاتفيا من وزير الدفاع الإيطالي السيد ماركو بيانكي."
    )
    host = m["participants"][0]
    assert (host["name"], host["title"], host["role"]) == (
        "سالم بن علي الهنائي",
        "الوزير المسؤول عن شؤون الدفاع",
        "host",
    )
    (m,) = _extract(
        "أفاد بيان أن مدير الإمداد العميد الركن زياد محمود الكايد عقد مساء أمس اجتماعا عبر الاتصال المرئي مع "
        "قائد القوات البرية الإيطالية الفريق ماركو بيانكي."
    )
    assert m["participants"][0]["name"] == "زياد محمود الكايد"


def test_each_side_named_for_the_attendees_gives_their_country() -> None:
    (m,) = _extract(
        "استقبل رئيس الأركان الأردني اللواء الركن فارس العمري رئيس الأركان العراقي الفريق أول ركن حامد "
        "الكعبي. وحضر اللقاء عن الجانب العراقي معاون رئيس الأركان العميد كريم جاسم الربيعي، وعن الجانب "
        "الأردني مدير العمليات العميد الركن فراس سالم الخالدي."
    )
    countries = {p["name"]: (p["country"], p["role"]) for p in m["participants"]}
    assert countries["كريم جاسم الربيعي"] == ("IQ", "attendee")
    assert countries["فراس سالم الخالدي"] == ("JO", "attendee")


def test_a_delegation_received_without_a_named_subject_is_received_by_the_last_host() -> None:
    _reception, second = _extract(
        "استقبل رئيس الأركان اللواء الركن فارس سعيد العمري اليوم سفير اليابان السيد كينجي ساتو. "
        "كما استقبل وفدا من القيادة الأمريكية برئاسة نائب قائدها الفريق روبرت هيل، "
        "في حضور الملحق العسكري الأمريكي العقيد جون ميلر. "
        "ويضم الوفد الأمريكي، على الخصوص، مدير التخطيط العميد بيتر كلارك."
    )
    roles = _roles(second)
    assert roles == {
        "فارس سعيد العمري": "host",
        "روبرت هيل": "guest",
        "جون ميلر": "attendee",
        "بيتر كلارك": "attendee",
    }
    assert _countries(second)["بيتر كلارك"] == "US"


def test_an_acronym_in_brackets_stays_with_the_title_after_a_name() -> None:
    (m,) = _extract(
        "استقبل العماد جوزيف سليم خوري قائد قوة الأمم المتحدة (الأندوف) اللواء بيتر هانسن، "
        "وبحثا الوضع على الحدود."
    )
    titles = {p["name"]: (p["title"], p["rank"]) for p in m["participants"]}
    assert titles["جوزيف سليم خوري"] == (None, "عماد")
    assert titles["بيتر هانسن"] == ("قائد قوة الأمم المتحدة (الأندوف)", "لواء")


def test_names_that_look_like_offices_or_tunisian_ranks() -> None:
    (m,) = _extract(
        "استقبل وزير الدفاع الفريق أول محمد عثمان الأمين، اليوم، قائد البحرية الإيطالية الأدميرال "
        "لوكا بيانكي، بحضور قائد جيش البحر أمير لواء منير الطرابلسي."
    )
    people = {p["name"]: p["rank"] for p in m["participants"]}
    assert people == {
        "محمد عثمان الأمين": "فريق أول",
        "لوكا بيانكي": "أدميرال",
        "منير الطرابلسي": "أمير لواء",
    }


def test_a_title_ends_before_a_time_of_day_and_a_reported_clause() -> None:
    (m,) = _extract(
        "صرح المتحدث العسكري للقوات المسلحة بأن الفريق أحمد سمير عبدالله رئيس أركان حرب القوات المسلحة "
        "التقى صباح اليوم قائد الجيش الغاني الفريق توماس مينساه."
    )
    titles = {p["name"]: p["title"] for p in m["participants"]}
    assert titles["أحمد سمير عبدالله"] == "رئيس أركان حرب القوات المسلحة"
    (m,) = _extract(
        "استقبل الفريق الركن سالم بن علي الهنائي رئيس أركان قوات السلطان المسلحة صباح اليوم "
        "قائد الجيش الغاني الفريق توماس مينساه."
    )
    assert m["participants"][0]["title"] == "رئيس أركان قوات السلطان المسلحة"


def test_an_office_said_again_with_its_country_is_the_person_named_before() -> None:
    _reception, second = _extract(
        "الرباط - (ومع) - استقبل وزير الدفاع الفريق أول سعيد حمزة اليوم وزير الصناعات الدفاعية البولندي "
        "السيد يان نوفاك. "
        "وكان الوزير البولندي قد التقى أمس رئيس هيئة التصنيع العسكري اللواء كمال ناصر."
    )
    assert _roles(second) == {
        "يان نوفاك": "guest",
        "كمال ناصر": "host",
    }
    assert second["date"] == "2024-09-11"


def test_a_courtesy_call_is_a_visit_to_the_one_called_on() -> None:
    (m,) = _extract(
        "قام قائد الفرقاطة الفرنسية العقيد البحري بيير مارتان أمس بزيارة مجاملة إلى قائد القوة البحرية "
        "اللواء البحري الركن سالم الحبسي في مقر قيادته."
    )
    assert _roles(m) == {
        "بيير مارتان": "guest",
        "سالم الحبسي": "host",
    }


def test_a_two_word_bracket_inside_a_title_and_a_country_inside_a_name() -> None:
    (m,) = _extract(
        "استقبل اللواء نضال سالم عودة، اليوم، رئيسة بعثة الاتحاد الأوروبي للشرطة (يوبول كوبس) كارين هولم، "
        "بحضور الملحق الإندونيسي المارشال الجوي بامبانغ سوريا ديرجا.",
        people=("نضال سالم عودة", "يوبول كوبس", "كارين هولم", "بامبانغ سوريا ديرجا"),
    )
    titles = {p["name"]: p["title"] for p in m["participants"]}
    assert titles["كارين هولم"] == "رئيسة بعثة الاتحاد الأوروبي للشرطة (يوبول كوبس)"
    assert "بامبانغ سوريا ديرجا" in titles


def test_a_reports_own_date_before_an_is_not_the_meetings() -> None:
    (m,) = _extract(
        "ذكر بيان صادر عن الوزارة اليوم الخميس أن وزير الدفاع الفريق أول سعيد حمزة استقبل أمس الأربعاء "
        "سفير النمسا السيد كارل فيشر."
    )
    assert m["date"] == "2024-09-11"


def test_a_pluperfect_meeting_long_before_the_news_is_background() -> None:
    meetings = _extract(
        "استقبل وزير الدفاع الفريق أول سعيد حمزة اليوم سفير النمسا السيد كارل فيشر. "
        "وكان الوزير قد زار فيينا في 3 يونيو الماضي والتقى وزير الدفاع النمساوي السيد يوهان باور "
        "لبحث صفقة طائرات التدريب. "
        "وكان السفير قد التقى أمس رئيس الأركان اللواء كمال ناصر."
    )
    reception, same_visit = meetings
    assert {p["name"] for p in reception["participants"]} == {"سعيد حمزة", "كارل فيشر"}
    assert reception["topics"] == []  # the earlier visit's subject is not this meeting's
    assert {p["name"] for p in same_visit["participants"]} == {"كارل فيشر", "كمال ناصر"}
    assert same_visit["date"] == "2024-09-11"


def test_a_hashtag_names_the_office() -> None:
    (m,) = _extract(
        "#وزير_الدفاع معالي سالم ناصر الهاجري يستقبل اليوم في مكتبه سفير النمسا السيد كارل فيشر.\n"
        "- جرى خلال اللقاء بحث التعاون في مجال التدريب. #الكويت"
    )
    assert m["participants"][0]["title"] == "وزير الدفاع"


def test_guests_listed_below_a_meeting_sentence_are_met_one_by_one() -> None:
    meetings = _extract(
        "• استقبل قائد الجيش اللواء الركن فارس سعيد العمري اليوم في القيادة العامة، كلاً على حدة:\n"
        "- قائد البحرية الهولندية الأدميرال يان دي فريس، حيث بحثا التمارين المشتركة.\n"
        "- الملحق العسكري الكندي العقيد مارك تومسون، وجرى بحث المقاعد الدراسية في الكليات العسكرية."
    )
    pairs = [(m["participants"][1]["name"], m["countries"], m["topics"]) for m in meetings]
    assert pairs == [
        ("يان دي فريس", ["NL"], ["joint_exercises"]),
        ("مارك تومسون", ["CA"], ["military_education"]),
    ]
    assert all(m["participants"][0]["name"] == "فارس سعيد العمري" for m in meetings)


def test_co_chairs_the_local_side_hosts() -> None:
    (m,) = _extract(
        "الدوحة - 3 - 11 (كونا) -- ترأس نائب رئيس الأركان اللواء الركن سالم ناصر العلي ورئيس هيئة "
        "العمليات القطري اللواء الركن خالد حمد المري اليوم اجتماع اللجنة العسكرية المشتركة في مقر "
        "وزارة الدفاع القطرية.",
        published=date(2024, 11, 4),
    )
    assert {p["name"]: (p["country"], p["role"]) for p in m["participants"]} == {
        "سالم ناصر العلي": ("KW", "guest"),
        "خالد حمد المري": ("QA", "host"),
    }


def test_delegation_lists_hyphenated_names_and_ranks_after_and() -> None:
    (m,) = _extract(
        "استقبل رئيس الأركان اللواء الركن فارس العمري رئيس أركان الجيش الفرنسي الجنرال جان-بيير لوران. "
        "وضم الوفد الفرنسي المشارك في المباحثات كلا من: الجنرال إيمانويل روسو نائب رئيس الأركان، "
        "والعقيد كلير مارتان الملحقة العسكرية."
    )
    people = {p["name"]: (p["rank"], p["country"], p["role"]) for p in m["participants"]}
    assert people["جان-بيير لوران"] == ("جنرال", "FR", "guest")
    assert people["إيمانويل روسو"] == ("جنرال", "FR", "attendee")
    assert people["كلير مارتان"] == ("عقيد", "FR", "attendee")


def test_the_guest_is_the_visitor_of_the_meeting_just_reported() -> None:
    _reception, later = _extract(
        "استقبل قائد خفر السواحل اللواء البحري سالم ناصر العلي أمس قائد خفر السواحل العماني العميد البحري "
        "خالد سعيد الحارثي. وفي وقت لاحق، استقبل وكيل وزارة الداخلية الفريق فهد جاسم الصالح الضيف العماني "
        "في مكتبه."
    )
    assert _roles(later) == {
        "فهد جاسم الصالح": "host",
        "خالد سعيد الحارثي": "guest",
    }


def test_a_pronoun_honorific_is_no_name_and_more_cities_place_meetings() -> None:
    first, second = _extract(
        "التقى وزير الدفاع الفريق أول سعيد حمزة اليوم في العاصمة المؤقتة عدن سفير الهند السيد راجيف شارما. "
        "كما التقى سموه في وقت لاحق سفيرة اليابان السيدة يوكو تاناكا.",
        people=("سموه",),
    )
    assert (first["city"], first["location_country"]) == ("عدن", "YE")
    assert {p["name"] for p in second["participants"]} == {"سعيد حمزة", "يوكو تاناكا"}


def test_offices_in_a_row_belong_to_the_one_person_named_after_them() -> None:
    (m,) = _extract(
        "استقبل رئيس المجلس الرئاسي، القائد الأعلى للقوات المسلحة، الفريق أول سالم خليفة العبيدي، اليوم، "
        "سفير تركيا السيد أحمد يلماز."
    )
    host, guest = m["participants"]
    assert (host["name"], host["title"], host["role"]) == (
        "سالم خليفة العبيدي",
        "رئيس المجلس الرئاسي",
        "host",
    )
    assert guest["name"] == "أحمد يلماز"


def test_a_rank_after_a_rank_and_an_office_word_before_a_comma_are_name_words() -> None:
    (m,) = _extract(
        "استقبل وزير الدولة لشؤون الدفاع السيد سالم بن علي الكعبي في مقر الوزارة اللواء عاصم نواز ملك، "
        "المدير العام لقوة مكافحة المخدرات الباكستانية، بحضور العميد رائد خليل الزعبي."
    )
    people = {p["name"]: (p["title"], p["rank"]) for p in m["participants"]}
    assert people == {
        "سالم بن علي الكعبي": ("وزير الدولة لشؤون الدفاع", None),
        "عاصم نواز ملك": ("المدير العام لقوة مكافحة المخدرات", "لواء"),
        "رائد خليل الزعبي": (None, "عميد"),
    }


def test_a_chaired_meeting_with_other_countries_taking_part_is_multilateral() -> None:
    (trilateral,) = _extract(
        "الرباط - (ومع) - وترأس الاجتماع المفتش العام للقوات المسلحة الفريق أول سعيد حمزة، بمشاركة "
        "رئيس أركان الجيش الموريتاني الفريق سيدي ولد أحمد، ورئيس أركان الجيش السنغالي الجنرال مامادو فال."
    )
    assert trilateral["countries"] == ["MA", "MR", "SN"]
    assert {p["role"] for p in trilateral["participants"]} == {"host", "guest"}
    # the chair's own aides taking part make no meeting
    assert not _extract(
        "الرباط - (ومع) - ترأس المفتش العام للقوات المسلحة الفريق أول سعيد حمزة الاجتماع التنسيقي "
        "بمشاركة قائد المنطقة الجنوبية اللواء كمال ناصر ومدير العمليات العميد سالم حسن."
    )


def test_a_name_spelled_again_in_latin_letters_keeps_the_title_after_it() -> None:
    (m,) = _extract(
        "التقى قائد القوات البحرية اللواء الركن سالم راشد المهيري اليوم الأميرال جون-بول ماتيو "
        "(Jean-Paul Mathieu) قائد البحرية الفرنسية في المحيط الهندي، وبحثا تعزيز الأمن البحري."
    )
    guest = m["participants"][1]
    assert (guest["name"], guest["country"]) == ("جون-بول ماتيو", "FR")
    assert guest["title"] == "قائد البحرية في المحيط الهندي"
    (m,) = _extract(
        "استقبل وزير الدفاع الكويتي الشيخ فهد الصباح اليوم في مكتبه الجنرال بيتر هانسن مولر "
        "(Peter Hansen Müller)، قائد القوات البرية الدنماركية، والوفد المرافق له.",
        people=("بيتر هانسن مولر",),
    )
    assert m["countries"] == ["DK", "KW"]
    assert m["participants"][1]["title"] == "قائد القوات البرية"


def test_a_meeting_told_after_the_statement_it_was_made_in_is_the_speakers() -> None:
    (m,) = _extract(
        "أكد وزير الدفاع البحريني الفريق الركن عبدالله النعيمي أهمية التعاون البحري بين البلدين.\n"
        "جاء ذلك خلال استقباله في مكتبه أمس قائد البحرية الهندية الأدميرال راجيش كومار والوفد المرافق له.",
        people=("عبدالله النعيمي", "راجيش كومار"),
    )
    host, guest = m["participants"]
    assert (host["name"], host["role"], guest["name"], guest["role"]) == (
        "عبدالله النعيمي", "host", "راجيش كومار", "guest",
    )  # fmt: skip
    assert m["countries"] == ["BH", "IN"] and m["date"] == "2024-09-11"


def test_a_meeting_noun_with_its_pronoun_after_the_statement_is_a_meeting() -> None:
    (m,) = _extract(
        "شدد قائد الحرس الوطني الكويتي الفريق الركن سالم العنزي على أهمية تبادل الخبرات، "
        "وذلك لدى لقائه اليوم قائد الدرك الإيطالي الجنرال ماركو بيانكي.",
        people=("سالم العنزي", "ماركو بيانكي"),
    )
    assert [p["name"] for p in m["participants"]] == ["سالم العنزي", "ماركو بيانكي"]
    assert m["countries"] == ["IT", "KW"]


def test_then_received_is_one_more_guest_of_the_host_just_reported() -> None:
    _, second, third = _extract(
        "استقبل قائد الجيش اللبناني العماد جورج حداد اليوم في مكتبه سفير اليونان نيكولاوس ديميتريو.\n"
        "ثم استقبل الملحق العسكري في السفارة الإسبانية العقيد خوسيه مارتينيز.\n"
        "واستقبل أيضاً الملحق العسكري في السفارة الكندية العقيد روبرت كلارك.",
        people=("جورج حداد", "نيكولاوس ديميتريو", "خوسيه مارتينيز", "روبرت كلارك"),
    )
    for meeting, guest in ((second, "خوسيه مارتينيز"), (third, "روبرت كلارك")):
        host, visitor = meeting["participants"]
        assert (host["name"], host["role"]) == ("جورج حداد", "host")
        assert (visitor["name"], visitor["role"]) == (guest, "guest")
    assert second["countries"] == ["ES", "LB"] and third["countries"] == ["CA", "LB"]


def test_french_general_ranks_as_moroccan_outlets_write_them() -> None:
    (m,) = _extract(
        "استقبل الجنرال دو ديفيزيون عبد السلام بناني، قائد المنطقة الشمالية للقوات المسلحة الملكية، "
        "اليوم بالرباط، الجنرال فرانسوا لوران، قائد القوات البرية الفرنسية."
    )
    host = m["participants"][0]
    assert (host["name"], host["rank"]) == ("عبد السلام بناني", "جنرال دو ديفيزيون")


def test_a_delegation_visiting_now_is_led_by_its_head_and_comes_from_its_country() -> None:
    (m,) = _extract(
        "الكويت - التقى نائب رئيس الأركان العامة للجيش الفريق الركن صالح الهاجري اليوم وفداً من وزارة "
        "الدفاع في جمهورية إندونيسيا يزور البلاد حالياً برئاسة مدير إدارة التخطيط العميد بودي سانتوسو.",
        people=("صالح الهاجري", "بودي سانتوسو"),
    )
    host, guest = m["participants"]
    assert (host["name"], host["role"], guest["name"], guest["role"]) == (
        "صالح الهاجري", "host", "بودي سانتوسو", "guest",
    )  # fmt: skip
    assert guest["country"] == "ID" and m["location_country"] == "KW"


def test_two_guests_received_separately_do_not_meet_each_other_when_both_are_named_again() -> None:
    meetings = _extract(
        "استقبل رئيس الأركان العامة للجيش الكويتي الفريق الركن مشعل الرشيدي اليوم كلاً على حدة سفير "
        "المكسيك لدى البلاد لويس هيرنانديز وسفير جمهورية التشيك لدى البلاد يان نوفاك.\n"
        "وأوضح البيان أن رئيس الأركان بحث مع السفير المكسيكي التعاون في مجال التدريب، فيما تناول "
        "اللقاء مع السفير التشيكي الصناعات الدفاعية.",
        people=("مشعل الرشيدي", "لويس هيرنانديز", "يان نوفاك"),
    )
    assert sorted(m["countries"] for m in meetings) == [["CZ", "KW"], ["KW", "MX"]]


def test_a_national_agency_abroad_gives_its_country_to_the_unmarked_side_met() -> None:
    (m,) = _extract(
        "كانبرا - 3 - 10 (كونا) -- استقبل وزير الدفاع الأسترالي ديفيد كارتر اليوم قائد القوة البحرية "
        "اللواء الركن البحري فيصل العتيبي والوفد المرافق له في مستهل زيارته الرسمية إلى أستراليا.",
        people=("ديفيد كارتر", "فيصل العتيبي"),
    )
    host, guest = m["participants"]
    assert (host["country"], host["role"]) == ("AU", "host")
    assert (guest["name"], guest["country"], guest["role"]) == ("فيصل العتيبي", "KW", "guest")


def test_a_tagged_foreign_surname_that_reads_like_a_preposition_stays_a_name() -> None:
    m, _ = _extract(  # «ثم التقى …»: a second meeting of the same host
        "استقبل رئيس الأركان العامة الكويتي الفريق الركن سالم الحارثي اليوم إنغريد فالستروم وزيرة الدفاع "
        "النرويجية، ثم التقى اللواء الركن ماجد العنزي.",
        people=("سالم الحارثي", "إنغريد فالستروم"),
    )
    guest = m["participants"][1]
    assert (guest["name"], guest["title"], guest["country"]) == ("إنغريد فالستروم", "وزيرة الدفاع", "NO")


def test_a_group_received_after_the_hosts_name_and_the_day_is_the_other_side() -> None:
    (m,) = _extract(
        "استقبل رئيس هيئة الأركان بقوة دفاع البحرين الفريق الركن عيسى الجودر اليوم قادة خفر السواحل "
        "الباكستاني.",
        people=("عيسى الجودر",),
    )
    host, group = m["participants"]
    assert (host["name"], host["role"]) == ("عيسى الجودر", "host")
    assert (group["name"], group["title"], group["country"], group["role"]) == (
        None, "قادة خفر السواحل", "PK", "guest",
    )  # fmt: skip


def test_an_earlier_meeting_the_same_day_with_a_guest_named_by_surname_is_news() -> None:
    first, second = _extract(
        "هانوي - التقى وزير الدفاع الفيتنامي نغوين فان تاي اليوم مع قائد القوات البحرية العمانية "
        "اللواء الركن البحري سيف الرحبي.\n"
        "وفي وقت سابق من اليوم نفسه، التقى نائب رئيس الأركان الفيتنامي تران كوانغ مينه مع الرحبي في هانوي.",
        people=("نغوين فان تاي", "سيف الرحبي", "تران كوانغ مينه"),
    )
    assert [p["name"] for p in second["participants"]] == ["تران كوانغ مينه", "سيف الرحبي"]
    assert second["countries"] == ["OM", "VN"] and second["date"] == first["date"]


def test_more_guests_listed_after_kullan_min_meet_the_same_host_one_by_one() -> None:
    """«كما التقى على هامش المعرض كلاً من X، وY، وجرى خلال اللقاءات …»: «كلاً من» opens the verb's
    objects, so the host is the last meeting's; «اللقاءات» says each guest was met apart."""
    meetings = _extract(
        "أبوظبي - التقى قائد القوات البرية اللواء الركن حمد سالم الظاهري، اليوم، على هامش معرض الدفاع، "
        "رئيس هيئة المشتريات الدفاعية النرويجية إريك هالفورسن. كما التقى على هامش المعرض كلاً من "
        "قائد سلاح الجو التشيكي الجنرال توماس بروخازكا، ونائب وزير الدفاع الفلبيني رامون دي غوزمان، "
        "وجرى خلال اللقاءات بحث فرص التصنيع العسكري المشترك.",
        people=("حمد سالم الظاهري", "إريك هالفورسن", "توماس بروخازكا", "رامون دي غوزمان"),
    )
    assert [m["countries"] for m in meetings] == [["AE", "NO"], ["AE", "CZ"], ["AE", "PH"]]
    for m in meetings[1:]:
        host, guest = m["participants"]
        assert (host["name"], host["role"], guest["role"]) == ("حمد سالم الظاهري", "host", "guest")
        assert m["topics"] == ["defense_industry"]


def test_guests_met_with_each_of_them_are_separate_meetings() -> None:
    meetings = _extract(
        "استقبل وزير الدفاع الكويتي سالم الحربي سفير المجر جابور كوفاتش وسفير تشيلي خوان باراهونا، "
        "وبحث مع كل منهما علاقات التعاون العسكري.",
        people=("سالم الحربي", "جابور كوفاتش", "خوان باراهونا"),
    )
    assert [m["countries"] for m in meetings] == [["HU", "KW"], ["CL", "KW"]]


def test_a_ships_commander_takes_the_ships_country_and_is_received_after_the_masdar() -> None:
    """«وكان في استقبال قائد السفينة X …، Y»: X is received by Y, and X's country is the one the article
    gives his ship; a family name told again after a rank does not sweep the next words into the name."""
    (m,) = _extract(
        "جدة - وصلت السفينة «ألباتروس» التابعة للبحرية البرتغالية إلى قاعدة الملك فيصل البحرية. "
        "وكان في استقبال قائد السفينة العقيد البحري مانويل كوستا لدى وصولها أمس، قائد الأسطول الغربي "
        "اللواء البحري سالم الحربي، وبحث الجانبان أمن الملاحة. "
        "وأشاد اللواء البحري الحربي بمستوى التعاون القائم مع البحرية البرتغالية.",
        people=("مانويل كوستا", "سالم الحربي", "الحربي"),
    )
    guest, host = m["participants"]
    assert (guest["name"], guest["title"], guest["country"], guest["role"]) == (
        "مانويل كوستا",
        "قائد السفينة",
        "PT",
        "guest",
    )
    assert (host["name"], host["country"], host["role"]) == ("سالم الحربي", "SA", "host")


def test_a_family_name_after_a_rank_ends_where_the_model_ends_it() -> None:
    from majlis.extract.people import parse_people

    text = "وأشاد اللواء الركن العنزي بمستوى التعاون القائم مع القوات البحرية"
    start = text.index("العنزي")
    (person,) = parse_people(text, [(start, start + len("العنزي"))])
    assert (person.name, person.rank) == ("العنزي", "لواء ركن")


def test_a_name_inside_a_college_or_base_name_is_no_participant() -> None:
    (m,) = _extract(
        "الرياض - استقبل قائد قاعدة الملك خالد الجوية اللواء الطيار سالم الحربي، اليوم، آمر كلية "
        "محمد الفاتح العسكرية التركية العميد أحمد يلماز.",
        people=("خالد", "سالم الحربي", "محمد الفاتح", "أحمد يلماز"),
    )
    assert [(p["name"], p["country"]) for p in m["participants"]] == [
        ("سالم الحربي", "SA"),
        ("أحمد يلماز", "TR"),
    ]
    assert m["participants"][0]["title"] == "قائد قاعدة الملك خالد الجوية"


def test_an_office_whose_country_only_the_headline_gives() -> None:
    (m,) = _extract(
        "الدوحة - قنا - استقبل رئيس أركان القوات المسلحة الفريق الركن حمد سالم المري، اليوم، قائد القوات "
        "الجوية الجنرال لوكاس بيرتران والوفد المرافق له.",
        headline="رئيس الأركان يستقبل قائد القوات الجوية الفرنسية",
        people=("حمد سالم المري", "لوكاس بيرتران"),
    )
    assert [p["country"] for p in m["participants"]] == ["QA", "FR"]
    # the same office twice, once with no country: the headline does not tell which is whose
    (m,) = _extract(
        "الرياض - استقبل قائد القوات الجوية الفريق سالم الحربي قائد القوات الجوية الفريق راجيف ميهتا.",
        headline="قائد القوات الجوية يستقبل قائد القوات الجوية الهندية",
        people=("سالم الحربي", "راجيف ميهتا"),
    )
    assert [p["country"] for p in m["participants"]] == ["SA", None]


def test_a_ship_arriving_at_a_base_places_its_reception_there() -> None:
    """No dateline: «وصلت الفرقاطة … إلى قاعدة … بالجبيل» places the reception, and the base's commander
    is of the place's country."""
    (m,) = _extract(
        "وصلت الفرقاطة «سان جورجيو» التابعة للبحرية الإيطالية إلى قاعدة الملك فهد البحرية بالجبيل، في زيارة "
        "رسمية. وكان في استقبال قائد الفرقاطة العقيد البحري لوكا ماريني، قائد القاعدة اللواء البحري "
        "سالم الحربي، وبحث الجانبان أمن الملاحة.",
        people=("لوكا ماريني", "سالم الحربي"),
    )
    assert (m["city"], m["location_country"], m["countries"]) == ("الجبيل", "SA", ["IT", "SA"])
    assert [p["role"] for p in m["participants"]] == ["guest", "host"]


def test_an_attache_of_the_embassy_is_of_the_ambassadors_country() -> None:
    (m,) = _extract(
        "أنقرة - التقى سفير دولة الكويت لدى تركيا حمد سالم العنزي، اليوم، نائب وزير الدفاع التركي "
        "الفريق مراد أوزتورك. وحضر اللقاء الملحق العسكري في السفارة العقيد الركن بدر فهد العتيبي.",
        people=("حمد سالم العنزي", "مراد أوزتورك", "بدر فهد العتيبي"),
    )
    attache = m["participants"][-1]
    assert (attache["name"], attache["role"], attache["country"]) == ("بدر فهد العتيبي", "attendee", "KW")


def test_an_ambassador_is_of_the_sending_state_not_of_the_one_he_is_posted_to() -> None:
    """«سفير الدولة لدى جمهورية النمسا»: Austria is his posting; «الدولة» is his own state, the agency's."""
    (m,) = _extract(
        "فيينا في 3 مارس / وام / استقبل سعادة حمد سالم الكعبي سفير الدولة لدى جمهورية النمسا، أمس، "
        "في مقر السفارة، فرانز هوبر نائب وزير الدفاع النمساوي.",
        people=("حمد سالم الكعبي", "فرانز هوبر"),
    )
    envoy, guest = m["participants"]
    assert (envoy["name"], envoy["title"], envoy["country"]) == ("حمد سالم الكعبي", "سفير", "AE")
    assert guest["country"] == "AT" and m["countries"] == ["AE", "AT"]


def test_malik_ends_a_name_and_a_rank_loses_its_preposition() -> None:
    from majlis.extract.people import parse_people

    text = "التقى أمس بالفريق الركن سالم الحربي، ثم عقد الكوموندور شاهد نواز ملك في وقت لاحق مباحثات معه."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("سالم الحربي", "شاهد نواز")]
    assert [(p.name, p.rank) for p in parse_people(text, spans)] == [
        ("سالم الحربي", "فريق ركن"),
        ("شاهد نواز ملك", "كوموندور"),
    ]
    text = "استقبل العاهل عبدالله الثاني ملك الأردن"  # the office: a country follows it
    (person,) = parse_people(text, [(text.index("عبدالله الثاني"), text.index(" ملك"))])
    assert person.name == "عبدالله الثاني"


def test_a_host_named_again_by_surname_right_after_the_verb_receives_another_guest() -> None:
    meetings = _extract(
        "عمّان - أجرى وزير الخارجية الأردني سامر خليل الطراونة اتصالاً هاتفياً مع وزير الخارجية المصري "
        "هشام فؤاد البنا. وفي سياق آخر، استقبل الطراونة في مكتبه سفيرة جمهورية مالطا لدى المملكة "
        "ماريا كاميليري.",
        people=("سامر خليل الطراونة", "هشام فؤاد البنا", "ماريا كاميليري"),
    )
    assert [m["event_type"] for m in meetings] == ["call", "meeting"]
    host, guest = meetings[1]["participants"]
    assert (host["name"], host["country"], host["role"]) == ("سامر خليل الطراونة", "JO", "host")
    assert (guest["name"], guest["country"]) == ("ماريا كاميليري", "MT")


def test_a_city_in_what_was_discussed_is_not_where_the_meeting_was() -> None:
    body = (
        "اجتمع الفريق الركن سعود ناصر الكعبي، رئيس أركان القوات المسلحة الإماراتية، أمس بمكتبه، مع الجنرال "
        "بيير لوران، رئيس أركان الجيوش الفرنسي، الذي يزور البلاد حالياً. "
        "وجرى خلال الاجتماع بحث زيادة عدد الضباط الدارسين في مدرسة سان سير العسكرية وفي كلية الحرب في "
        "باريس. "
        "وعقد الاجتماع لاحقاً في مقر القيادة العامة بأبوظبي بحضور عدد من كبار الضباط."
    )
    (m,) = _extract(body, people=("سعود ناصر الكعبي", "بيير لوران"))
    assert m["location_country"] == "AE" and m["city"] == "أبوظبي"
    host, guest = m["participants"]
    assert (host["name"], host["role"], guest["role"]) == ("سعود ناصر الكعبي", "host", "guest")


def test_a_visitor_to_the_home_country_is_from_the_attending_envoys_country() -> None:
    body = (
        "أجرى وزير الدفاع فهد سليمان العتيبي زيارة رسمية إلى الجمهورية اللبنانية، التقى خلالها في بيروت "
        "قائد الجيش العماد جورج يوسف حداد، بحضور سفير الكويت لدى لبنان السيد ناصر علي المطيري. "
        "وتناول اللقاء التعاون في مجال التدريب، حيث أكد الجانب اللبناني حرصه على تعزيز التعاون."
    )
    (m,) = _extract(body, people=("فهد سليمان العتيبي", "جورج يوسف حداد", "ناصر علي المطيري"))
    roles = {p["name"]: (p["country"], p["role"]) for p in m["participants"]}
    assert roles["فهد سليمان العتيبي"] == ("KW", "guest")
    assert roles["جورج يوسف حداد"] == ("LB", "host")
    assert m["location_country"] == "LB"


def test_an_official_given_by_office_alone_is_the_one_the_article_names_in_it() -> None:
    body = (
        "وصل وزير الدفاع الأردني سامي خليل العدوان إلى مسقط في زيارة رسمية. "
        "وكان الوزير قد زار صباح اليوم الكلية العسكرية، حيث كان في استقباله قائد الكلية العميد الركن "
        "مبارك سالم الرواحي، الذي قدم عرضاً عن برامج التعليم العسكري."
    )
    (m,) = _extract(body, people=("سامي خليل العدوان", "مبارك سالم الرواحي"))
    guest, host = m["participants"]
    assert (guest["name"], guest["title"], guest["country"], guest["role"]) == (
        "سامي خليل العدوان", "وزير الدفاع", "JO", "guest",
    )  # fmt: skip
    assert (host["name"], host["country"], host["role"]) == ("مبارك سالم الرواحي", "OM", "host")


def test_an_envoy_posted_abroad_names_no_home_country_and_his_title_is_envoy() -> None:
    """An agency without a dateline: the country of an ambassador posted here is not where the article
    reports from, and «سفير الجمهورية الإسلامية الموريتانية» is titled «سفير»."""
    body = (
        "«تجمع بلادنا ومملكة البحرين علاقات متينة». بهذه الكلمات رحب وزير الخارجية بسفير مملكة البحرين "
        "لدى تونس في ختام مهامه. "
        "وفي اليوم ذاته، استقبل الوزير محمد الهادي الغربي سفير الجمهورية الإسلامية الموريتانية بتونس، "
        "السيد أحمد ولد محمود، حيث تناول اللقاء تأمين الحدود. "
        "وأكد الوزير الغربي أهمية التنسيق بين البلدين."
    )
    (m,) = _extract(body, people=("محمد الهادي الغربي", "أحمد ولد محمود"))
    host, guest = m["participants"]
    assert (host["name"], host["country"], host["role"]) == ("محمد الهادي الغربي", "TN", "host")
    assert (guest["name"], guest["title"], guest["country"]) == ("أحمد ولد محمود", "سفير", "MR")


def test_an_office_said_in_full_is_the_one_named_later_by_its_first_word() -> None:
    body = (
        "زار وزير الدفاع الوطني أمس قاعدة بحرية في مدينة بنزرت، حيث كان في استقباله قائد القاعدة العميد "
        "البحري منير صالح الجلاصي. "
        "وأكد الوزير عبد الكريم الزواري خلال الزيارة أهمية الجاهزية."
    )
    (m,) = _extract(body, people=("منير صالح الجلاصي", "عبد الكريم الزواري"))
    guest, host = m["participants"]
    assert (guest["name"], guest["title"], guest["role"]) == (
        "عبد الكريم الزواري",
        "وزير الدفاع الوطني",
        "guest",
    )
    assert (host["name"], host["role"]) == ("منير صالح الجلاصي", "host")


def test_a_stand_visited_at_a_show_ends_the_title_and_the_visit_is_at_the_dateline() -> None:
    body = (
        "أبوظبي (بترا) – يشارك رئيس هيئة الأركان المشتركة اللواء الركن زياد حسن العمري في معرض الدفاع "
        "الدولي. "
        "وزار رئيس هيئة الأركان المشتركة جناح الصناعات الدفاعية الكورية في المعرض، حيث كان في استقباله "
        "رئيس الوكالة الكورية لتطوير الدفاع كيم سونغ هو، وتناول اللقاء التعاون في مجال الصناعات الدفاعية."
    )
    (m,) = _extract(body, people=("زياد حسن العمري", "كيم سونغ هو"))
    guest, host = m["participants"]
    assert (guest["name"], guest["title"], guest["role"]) == (
        "زياد حسن العمري", "رئيس هيئة الأركان المشتركة", "guest",
    )  # fmt: skip
    assert (host["name"], host["country"], host["role"]) == ("كيم سونغ هو", "KR", "host")
    assert (m["city"], m["location_country"]) == ("أبوظبي", "AE")


def test_an_honorific_pronoun_opening_the_first_meeting_is_the_one_named_before() -> None:
    body = (
        "القاهرة – بدأ قائد القوات البحرية الفريق بحري أشرف عاطف المنياوي زيارة رسمية تستغرق ثلاثة أيام. "
        "والتقى سيادته قائد القوات البحرية الهندية الأدميرال راجيف كومار شارما، حيث بحثا التعاون في مجال "
        "الأمن البحري."
    )
    (m,) = _extract(body, people=("أشرف عاطف المنياوي", "راجيف كومار شارما"))
    first, second = m["participants"]
    assert (first["name"], first["title"]) == ("أشرف عاطف المنياوي", "قائد القوات البحرية")
    assert (second["name"], second["country"]) == ("راجيف كومار شارما", "IN")


def test_his_guest_is_the_visitor_named_before_and_arrival_by_masdar_places_a_meeting() -> None:
    body = (
        "بدأ قائد القوات الجوية الباكستانية الفريق جوي عمران طارق ملك زيارة رسمية إلى المملكة العربية "
        "السعودية. "
        "واستقبل قائد القوات الجوية الملكية اللواء الطيار الركن سلطان فهد العنزي ضيفه الباكستاني في مقر "
        "القيادة، وبحث الجانبان التدريب المشترك. "
        "وكان الفريق جوي عمران طارق ملك قد التقى أمس، لدى وصوله إلى جدة، قائد القاعدة الجوية اللواء "
        "الطيار عبدالرحمن سعد الحربي."
    )
    first, second = _extract(body, people=("عمران طارق ملك", "سلطان فهد العنزي", "عبدالرحمن سعد الحربي"))
    roles = {p["name"]: (p["country"], p["role"]) for p in first["participants"]}
    assert roles == {"سلطان فهد العنزي": ("SA", "host"), "عمران طارق ملك": ("PK", "guest")}
    assert (second["city"], second["location_country"]) == ("جدة", "SA")
    assert _roles(second)["عبدالرحمن سعد الحربي"] == "host"


def test_the_guest_received_on_arrival_and_his_envoy_in_the_welcoming_line() -> None:
    body = (
        "مسقط - وصل إلى السلطنة اليوم قائد القوات البحرية الكوبية الأدميرال كارلوس مانويل رييس في زيارة "
        "رسمية. "
        "وكان في استقبال الضيف لدى وصوله إلى مطار مسقط الدولي قائد البحرية السلطانية العمانية اللواء "
        "البحري سيف ناصر الرحبي وسفير جمهورية كوبا الاشتراكية لدى السلطنة خوسيه لويس بيريز."
    )
    (m,) = _extract(body, people=("كارلوس مانويل رييس", "سيف ناصر الرحبي", "خوسيه لويس بيريز"))
    got = {p["name"]: (p["title"], p["country"], p["role"]) for p in m["participants"]}
    assert got["سيف ناصر الرحبي"][1:] == ("OM", "host")
    assert got["كارلوس مانويل رييس"][1:] == ("CU", "guest")
    assert got["خوسيه لويس بيريز"] == ("سفير", "CU", "attendee")
    assert (m["city"], m["location_country"]) == ("مسقط", "OM")


def test_a_name_the_model_ran_past_ends_at_the_surname_the_article_uses_alone() -> None:
    body = (
        "أبدى قائد القوات البرية الأردنية اللواء الركن ماهر سليم الخوالدة ارتياحه للتعاون. "
        "واستقبل رئيس أركان الجيش اللبناني اللواء جوزيف أنطوان حبيش في بيروت اللواء الخوالدة، وبحثا "
        "التدريب المشترك."
    )
    (m,) = _extract(body, people=("ماهر سليم الخوالدة ارتياحه", "جوزيف أنطوان حبيش", "الخوالدة"))
    assert {p["name"] for p in m["participants"]} == {"ماهر سليم الخوالدة", "جوزيف أنطوان حبيش"}


def test_an_agency_dateline_with_both_calendars_numbered_receptions_and_a_quoted_company() -> None:
    body = (
        "أبوظبي 3 ذو القعدة 1447 هـ الموافق 20 أبريل 2026 م وام\n"
        "استقبل قائد القوات البرية اللواء الركن حمد راشد النعيمي في مكتبه اليوم، كلاً على حدة، كلاً من:\n"
        "1- الرئيس التنفيذي لشركة «فالكون للأنظمة البحرية» الإيطالية ماركو جالي.\n"
        "2- الملحق العسكري الماليزي لدى الدولة العقيد عزمان بن يوسف.\n"
        "وفي وقت سابق اليوم، التقى اللواء الركن حمد راشد النعيمي قائد القوات البرية الهندية الفريق أول "
        "سوريش باتيل."
    )
    people = ("حمد راشد النعيمي", "ماركو جالي", "عزمان بن يوسف", "سوريش باتيل")
    meetings = _extract(body, published=date(2026, 4, 21), people=people)
    guests = [
        (p["name"], p["title"], p["country"])
        for m in meetings
        for p in m["participants"]
        if p["role"] == "guest"
    ]
    assert guests == [
        ("ماركو جالي", "الرئيس التنفيذي لشركة «فالكون للأنظمة البحرية»", "IT"),
        ("عزمان بن يوسف", "الملحق العسكري", "MY"),
        ("سوريش باتيل", "قائد القوات البرية", "IN"),
    ]
    assert {(m["city"], m["location_country"], m["date"]) for m in meetings} == {
        ("أبوظبي", "AE", "2026-04-20")
    }


def test_wire_copy_talks_named_before_their_verb_and_a_counterpart_holding_the_same_office() -> None:
    body = (
        "كانبيرا (رويترز) - اتفقت أستراليا والهند يوم الخميس على توسيع التدريبات العسكرية المشتركة بين "
        "البلدين.\n"
        "وجاء الاتفاق خلال محادثات أجراها وزير الدفاع الأسترالي مارك ستيوارت مع نظيره الهندي أنيل "
        "كومار فارما في كانبيرا."
    )
    (m,) = _extract(body, people=("مارك ستيوارت", "أنيل كومار فارما"))
    titles = {p["name"]: (p["title"], p["country"]) for p in m["participants"]}
    assert titles == {"مارك ستيوارت": ("وزير الدفاع", "AU"), "أنيل كومار فارما": ("وزير الدفاع", "IN")}
    assert m["topics"] == ["joint_exercises"]


def test_a_minister_hosting_a_meeting_others_joined_with_a_levantine_and_gregorian_month() -> None:
    body = (
        "أثينا (أ ف ب) - استضاف وزير الدفاع اليوناني ديمتريس بابادوبولوس الاجتماع الذي شارك فيه وزير "
        "الدفاع القبرصي أندرياس لويزو ووزير الدفاع الأردني سامر حداد في أثينا الاثنين 4 آذار/مارس 2026."
    )
    (m,) = _extract(body, published=None, people=("ديمتريس بابادوبولوس", "أندرياس لويزو", "سامر حداد"))
    roles = {p["name"]: (p["country"], p["role"]) for p in m["participants"]}
    assert roles == {
        "ديمتريس بابادوبولوس": ("GR", "host"),
        "أندرياس لويزو": ("CY", "guest"),
        "سامر حداد": ("JO", "guest"),
    }
    assert m["date"] == "2026-03-04"


def test_talks_at_a_countrys_headquarters_are_there_and_the_next_day_follows_them() -> None:
    body = (
        "بحث قائد القوات البحرية الكويتية اللواء البحري صالح فهد العجمي مع قائد البحرية التركية الأدميرال "
        "أرجان يلماز، سبل التعاون، خلال لقاء جمعهما يوم الاثنين 9 مارس في مقر قيادة البحرية التركية.\n"
        "وفي اليوم التالي، استقبل وزير الدفاع التركي محمد أوزدمير اللواء البحري العجمي في أنقرة، وتناول "
        "اللقاء الإنتاج الحربي المشترك."
    )
    first, second = _extract(
        body, published=date(2026, 3, 11), people=("صالح فهد العجمي", "أرجان يلماز", "محمد أوزدمير")
    )
    assert first["location_country"] == "TR" and first["date"] == "2026-03-09"
    assert _roles(first) == {
        "صالح فهد العجمي": "guest",
        "أرجان يلماز": "host",
    }
    assert second["date"] == "2026-03-10" and second["topics"] == ["defense_industry"]


def test_where_the_next_meeting_will_be_held_is_not_where_this_one_was() -> None:
    body = (
        "سيول (يونهاب) - ترأس وزير الدفاع الكوري الجنوبي لي سانغ مين الاجتماع الذي شارك فيه وزير الدفاع "
        "الأسترالي بيتر كولينز.\n"
        "وقال لي للصحفيين إن الاجتماع المقبل سيعقد في مانيلا العام المقبل."
    )
    (m,) = _extract(body, people=("لي سانغ مين", "بيتر كولينز"))
    assert (m["city"], m["location_country"]) == ("سيول", "KR")


def test_the_guest_as_subject_meets_his_next_host_and_the_visit_was_attended() -> None:
    body = (
        "مسقط - استقبل وزير الدفاع سالم ناصر البوسعيدي اليوم بمكتبه قائد القوات البحرية الإيطالية الأدميرال "
        "جوفاني روسي، الذي يزور السلطنة حالياً.\n"
        "وكان الضيف قد التقى أمس رئيس أركان قوات السلطان المسلحة الفريق الركن خالد سيف الهنائي بمكتبه.\n"
        "وأجرى الضيف الإيطالي، اليوم، مباحثات مع قائد البحرية السلطانية العمانية اللواء البحري هلال سالم "
        "الرواحي.\n"
        "حضر الزيارة سفير الجمهورية الإيطالية المعتمد لدى السلطنة ماركو بيانكي."
    )
    people = ("سالم ناصر البوسعيدي", "جوفاني روسي", "خالد سيف الهنائي", "هلال سالم الرواحي", "ماركو بيانكي")
    meetings = _extract(body, published=date(2026, 5, 5), people=people)
    roles = [{p["name"]: (p["country"], p["role"]) for p in m["participants"]} for m in meetings]
    assert len(meetings) == 3
    assert roles[1] == {"جوفاني روسي": ("IT", "guest"), "خالد سيف الهنائي": ("OM", "host")}
    assert roles[2]["جوفاني روسي"] == ("IT", "guest") and roles[2]["هلال سالم الرواحي"] == ("OM", "host")
    assert roles[2]["ماركو بيانكي"] == ("IT", "attendee")


def test_the_ships_commander_is_of_the_one_vessel_the_article_gives_a_country() -> None:
    body = (
        "الدوحة في 4 مايو /قنا/ زار قائد القوات البحرية الأميرية اللواء البحري عبدالله سالم المري اليوم "
        "المدمرة الفرنسية «فوربان» الراسية في ميناء حمد، وكان في استقباله قائد السفينة الكابتن جان بيير "
        "مورو، الذي قدم إيجازاً عن مهام السفينة."
    )
    (m,) = _extract(body, published=date(2026, 5, 4), people=("عبدالله سالم المري", "جان بيير مورو"))
    assert _countries(m) == {
        "عبدالله سالم المري": "QA",
        "جان بيير مورو": "FR",
    }


def test_those_met_in_one_list_after_a_state_s_official_are_of_that_state() -> None:
    (m,) = _extract(
        "التقى وزير الدفاع الماليزي أحمد رشيدي، الأربعاء، وزير الدفاع الفلبيني خوسيه رييس، ووزير "
        "الخارجية مانويل سانتوس، ورئيس جهاز الاستخبارات بيدرو كروز، في كوالالمبور.",
        people=("أحمد رشيدي", "خوسيه رييس", "مانويل سانتوس", "بيدرو كروز"),
    )
    assert _countries(m) == {
        "أحمد رشيدي": "MY", "خوسيه رييس": "PH", "مانويل سانتوس": "PH", "بيدرو كروز": "PH",
    }  # fmt: skip


def test_an_attendee_of_a_foreign_name_came_with_the_foreign_visitor() -> None:
    (m,) = _extract(
        "استقبل وزير الدفاع الموريتاني أحمد ولد محمد، اليوم بمكتبه في نواكشوط، قائد القوات الفرنسية في "
        "الساحل الجنرال مارك دوبوا. وحضر اللقاء المستشار السياسي بيير لوران.",
        people=("أحمد ولد محمد", "مارك دوبوا", "بيير لوران"),
    )
    attendee = m["participants"][-1]
    assert (attendee["name"], attendee["country"], attendee["role"]) == ("بيير لوران", "FR", "attendee")


def test_a_visit_s_meetings_told_with_other_verbs_keep_the_visitor_and_the_place() -> None:
    meetings = _extract(
        "التقى وزير الداخلية الماليزي أحمد رشيدي في مانيلا أمس نائب رئيس الوزراء الفلبيني خوسيه رييس. "
        "كما استعرض مع وزير الخارجية الفلبيني مانويل سانتوس العلاقات بين البلدين. فيما بحث مع وزير "
        "الدفاع الفلبيني بيدرو كروز التعاون الأمني. وبحث وزير الداخلية، مع نظيره الفلبيني كارلوس دياز، "
        "سبل تعزيز التعاون.",
        people=("أحمد رشيدي", "خوسيه رييس", "مانويل سانتوس", "بيدرو كروز", "كارلوس دياز"),
    )
    met = [next(p["name"] for p in m["participants"] if p["role"] == "host") for m in meetings]
    assert met == ["خوسيه رييس", "مانويل سانتوس", "بيدرو كروز", "كارلوس دياز"]
    assert all(m["location_country"] == "PH" and m["countries"] == ["MY", "PH"] for m in meetings)


def test_a_prince_of_a_founder_s_lineage_is_of_the_ruling_family_s_state() -> None:
    (m,) = _extract(
        "استقبل رئيس أركان الجيش الماليزي الفريق أحمد رشيدي في كوالالمبور اليوم الأمير ماجد بن فيصل "
        "بن عبدالعزيز والوفد المرافق له.",
        people=("أحمد رشيدي", "ماجد بن فيصل بن عبدالعزيز"),
    )
    assert m["countries"] == ["MY", "SA"]


def test_one_link_to_a_founder_s_name_is_an_ordinary_name() -> None:
    from majlis.extract.people import ruling_family_country

    assert ruling_family_country("يوسف بن عبدالعزيز") is None
    assert ruling_family_country("يوسف بن عبدالعزيز الحربي") is None


def test_attendees_at_a_meeting_in_neither_side_s_state_came_with_the_side_the_list_names() -> None:
    (m,) = _extract(
        "التقى وزير الداخلية الماليزي أحمد رشيدي، في تونس اليوم، وزير الداخلية الفلبيني خوسيه رييس. "
        "حضر اللقاء وكيل وزارة الداخلية سالم إسماعيل، وسفير ماليزيا لدى تونس داود يوسف.",
        people=("أحمد رشيدي", "خوسيه رييس", "سالم إسماعيل", "داود يوسف"),
    )
    assert _countries(m)["سالم إسماعيل"] == "MY"
    assert m["countries"] == ["MY", "PH"]


def test_who_receives_an_envoy_is_of_the_state_the_envoy_is_posted_to() -> None:
    (m,) = _extract(
        "استقبل رئيس الحكومة، أحمد رشيدي، يوم الثلاثاء، سفير روسيا لدى ماليزيا، إيغور بتروف. وجرى بحث "
        "العلاقات بين روسيا وفرنسا، والموقف الفرنسي من القضايا الإقليمية في فرنسا.",
        people=("أحمد رشيدي", "إيغور بتروف"),
    )
    assert _countries(m) == {"أحمد رشيدي": "MY", "إيغور بتروف": "RU"}


def test_an_honorific_word_inside_a_tagged_name_is_part_of_it() -> None:
    (m,) = _extract(
        "التقى قائد الأركان العامة للجيوش الموريتانية الفريق محمد الشيخ محمد الأمين ولد أحمد في مكتبه "
        "بالعاصمة نواكشوط، قائد القوة الفرنسية الفريق جان دوبوا.",
        people=("محمد الشيخ محمد الأمين ولد أحمد", "جان دوبوا"),
    )
    assert [p["name"] for p in m["participants"]] == ["محمد الشيخ محمد الأمين ولد أحمد", "جان دوبوا"]


def test_the_named_members_of_a_state_s_delegation_are_of_that_state() -> None:
    (m,) = _extract(
        "استقبل قائد الجيش العماد أحمد رشيدي، في مكتبه في كوالالمبور، وفدًا من الكونغرس الأميركي ضم "
        "النائب جون سميث.",
        people=("أحمد رشيدي", "جون سميث"),
    )
    assert _countries(m) == {"أحمد رشيدي": "MY", "جون سميث": "US"}


def test_a_counterpart_told_by_where_he_serves_is_met() -> None:
    _, second = _extract(
        "التقى وزير الداخلية الماليزي أحمد رشيدي في مانيلا أمس نائب رئيس الوزراء الفلبيني خوسيه رييس. "
        "وبحث وزير الداخلية، مع نظيره في الفلبين كارلوس دياز، سبل تعزيز التعاون.",
        people=("أحمد رشيدي", "خوسيه رييس", "كارلوس دياز"),
    )
    host = _the(second, "host")
    assert (host["name"], host["country"]) == ("كارلوس دياز", "PH")


def test_a_name_joined_by_and_to_a_guest_is_a_guest_though_it_has_no_office() -> None:
    (m,) = _extract(
        "استقبل قائد الجيش العماد سمير حداد في مكتبه النائبين كمال الراسي وفادي فرحات وتناول البحث "
        "الأوضاع العامة.",
        people=("سمير حداد", "كمال الراسي وفادي فرحات"),
    )
    assert _roles(m) == {
        "سمير حداد": "host",
        "كمال الراسي": "guest",
        "فادي فرحات": "guest",
    }


def test_guests_received_one_after_another_meet_group_by_group() -> None:
    meetings = _extract(
        "استقبل وزير الدفاع الكويتي فهد العنزي النائبين سالم العتيبي وناصر الهاجري، ثم سفير اليابان لدى "
        "البلاد كينجي ساتو.",
        people=("فهد العنزي", "سالم العتيبي", "ناصر الهاجري", "كينجي ساتو"),
    )
    guests = [sorted(p["name"] for p in m["participants"] if p["role"] == "guest") for m in meetings]
    assert guests == [["سالم العتيبي", "ناصر الهاجري"], ["كينجي ساتو"]]


def test_a_delegation_s_head_is_of_the_state_its_delegation_is_named_for_first() -> None:
    (m,) = _extract(
        "استقبل قائد الجيش العماد سمير حداد في مكتبه وفدا من مجلس الأطلسي الأميركي المعني بلبنان برئاسة "
        "السفير السابق جون سميث.",
        people=("سمير حداد", "جون سميث"),
    )
    assert _countries(m)["جون سميث"] == "US"


def test_an_unmarked_attendee_in_a_third_state_s_paper_is_of_the_host_side() -> None:
    (m,) = _extract(
        "استقبل الرئيس سيدي ولد أحمد بالقصر الرئاسي في نواكشوط وزيرة الخارجية السنغالية فاتو ديوب. "
        "وحضر اللقاء الوزير المكلف بديوان رئيس الجمهورية السيد محمد ولد سالم.",
        people=("سيدي ولد أحمد", "فاتو ديوب", "محمد ولد سالم"),
        url="https://news.example.com.sa/article/1",
    )
    assert _countries(m)["محمد ولد سالم"] == "MR"


def test_attendees_named_after_on_the_part_of_a_state_are_of_that_state() -> None:
    (m,) = _extract(
        "اجتمع وزير الدفاع السعودي الأمير فيصل بن خالد في الرياض مع وزير الصناعات الدفاعية الكوري "
        "الجنوبي كيم سونغ هو. حضر الاجتماع مساعد وزير الدفاع محمد العلي، وحضر من جانب جمهورية كوريا "
        "الجنوبية المدير العام لمكتب التطوير اللواء بارك جي مين.",
        people=("فيصل بن خالد", "كيم سونغ هو", "محمد العلي", "بارك جي مين"),
    )
    assert _countries(m)["بارك جي مين"] == "KR"


def test_a_visit_told_with_a_preposition_glued_on_places_the_meeting() -> None:
    (m,) = _extract(
        "قام وزير الدفاع الماليزي أحمد رشيدي بزيارة رسمية إلى تركيا التقى خلالها نظيره التركي أوزان يلماز.",
        people=("أحمد رشيدي", "أوزان يلماز"),
    )
    assert m["location_country"] == "TR"
    assert _roles(m) == {"أحمد رشيدي": "guest", "أوزان يلماز": "host"}


def test_an_attendance_list_set_off_by_semicolons_is_read_whole() -> None:
    (m,) = _extract(
        "استقبل وزير الدفاع الماليزي أحمد رشيدي سفير اليابان كينجي ساتو. وحضر اللقاء، وزير الخارجية؛ السيد "
        "حمدان القرنفلي، ووزير الداخلية؛ السيد سالم الزعفراني.",
        people=("أحمد رشيدي", "كينجي ساتو", "حمدان القرنفلي", "سالم الزعفراني"),
    )
    titles = {p["name"]: p["title"] for p in m["participants"]}
    assert (titles["حمدان القرنفلي"], titles["سالم الزعفراني"]) == ("وزير الخارجية", "وزير الداخلية")


def test_the_one_welcoming_a_visitor_who_paid_a_visit_hosts_him() -> None:
    (m,) = _extract(
        "قام وزير الدفاع الإماراتي محمد البواردي بزيارة إلى قاعدة بحرية في الكويت. وكان في استقباله قائد "
        "القاعدة العميد فهد العنزي.",
        people=("محمد البواردي", "فهد العنزي"),
    )
    roles = _roles(m)
    assert roles == {"محمد البواردي": "guest", "فهد العنزي": "host"}


def test_a_visitor_welcomed_by_his_own_military_attache_meets_no_one() -> None:
    assert not _extract(
        "قام وزير الدفاع الإماراتي محمد البواردي بزيارة إلى الملحقية العسكرية الإماراتية في لندن. وكان في "
        "استقباله الملحق العسكري الإماراتي في المملكة المتحدة العميد فهد العنزي.",
        people=("محمد البواردي", "فهد العنزي"),
    )


def test_a_delegation_that_paid_a_visit_is_the_guest_of_the_one_welcoming_it() -> None:
    (m,) = _extract(
        "في إطار التعاون بين البلدين، قام وفد من مركز البحث والإنقاذ بوزارة الدفاع في دولة الإمارات العربية "
        "المتحدة بزيارة قاعدة بحرية. وكان في استقبالهم قائد القاعدة العميد فهد العنزي.",
        people=("فهد العنزي",),
    )
    guest = _the(m, "guest")
    assert (guest["name"], guest["country"]) == (None, "AE")


def test_a_bare_name_after_the_verb_where_it_took_place_and_a_comma_is_met() -> None:
    (m,) = _extract(
        "أكد المكتب أن الفريق حمدان القرنفلي استقبل في مكتبه بمقر القيادة العامة، جون سميث، بحضور سالم "
        "الزعفراني.",
        people=("حمدان القرنفلي", "جون سميث", "سالم الزعفراني"),
    )
    roles = _roles(m)
    assert roles == {"حمدان القرنفلي": "host", "جون سميث": "guest", "سالم الزعفراني": "attendee"}


def test_an_office_told_again_before_another_office_is_the_one_named_in_it_before() -> None:
    _, second = _extract(
        "استقبل وزير الدفاع الوطني اللواء سمير حداد في مكتبه سفير اليابان كينجي ساتو. إلى ذلك، استقبل وزير "
        "الدفاع المدير العام للدفاع المدني العميد الركن كمال الراسي.",
        people=("سمير حداد", "كينجي ساتو", "كمال الراسي"),
    )
    people = {p["name"]: (p["role"], p["title"]) for p in second["participants"]}
    assert people == {
        "سمير حداد": ("host", "وزير الدفاع الوطني"),
        "كمال الراسي": ("guest", "المدير العام للدفاع المدني"),
    }


def test_the_one_met_with_no_state_told_is_of_the_article_s_country_when_no_one_else_is() -> None:
    (m,) = _extract(
        "قال المستشار العسكري للمبعوث الأممي الخاص إلى الصومال جون سميث، إن المجتمع الدولي يدعم استقرار "
        "الصومال، وذلك خلال لقائه اليوم وزير الداخلية اللواء حمدان القرنفلي.",
        people=("جون سميث", "حمدان القرنفلي"),
    )
    assert _countries(m)["حمدان القرنفلي"] == "SO"


def test_an_office_after_a_rank_with_no_name_is_the_verb_s_subject() -> None:
    (m,) = _extract(
        "استقبل الجنرال دو ديفيزيون المفتش العام للقوات المسلحة الملكية المغربية، اليوم بالرباط، الجنرال "
        "جون سميث، قائد القوات البرية الأمريكية.",
        people=("جون سميث",),
    )
    host = _the(m, "host")
    assert (host["name"], host["country"]) == (None, "MA")


def test_an_office_reported_on_before_a_possessive_masdar_is_its_subject() -> None:
    (m,) = _extract(
        "وأفادت الوكالة، أن القائد العام للجيش الماليزي، أكد خلال استقباله رئيس أركان الجيش الفلبيني "
        "الجنرال خوسيه رييس في كوالالمبور على أهمية العلاقات.",
        people=("خوسيه رييس",),
    )
    host = _the(m, "host")
    assert (host["name"], host["country"]) == (None, "MY")


def test_an_actor_named_with_no_state_takes_his_state_from_the_actor_dictionary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from majlis.extract import actors

    words = ("سالم", "القرنفلي")
    monkeypatch.setattr(actors, "_actors", lambda: {words[0]: (actors.Actor(words, "MY"),)})
    (m,) = _extract(
        "التقى سالم القرنفلي اليوم في كوالالمبور وزير الدفاع الفلبيني خوسيه رييس.",
        people=("سالم القرنفلي", "خوسيه رييس"),
    )
    assert _countries(m) == {"سالم القرنفلي": "MY", "خوسيه رييس": "PH"}


def test_a_meeting_on_a_visit_told_in_an_earlier_sentence_is_where_the_visit_was() -> None:
    (m,) = _extract(
        "عاد رئيس الأركان الفريق أحمد رشيدي إلى أرض الوطن بعد انتهاء زيارته الرسمية لجمهورية الفلبين. "
        "وعقد الفريق أحمد رشيدي جلسة مباحثات مع رئيس أركان القوات المسلحة الفلبينية الجنرال خوسيه رييس.",
        people=("أحمد رشيدي", "أحمد رشيدي", "خوسيه رييس"),
        url="https://news.example.com.my/a/1",
    )
    assert m["location_country"] == "PH"
    assert _roles(m) == {"أحمد رشيدي": "guest", "خوسيه رييس": "host"}


def test_who_sends_an_invitation_handed_over_at_a_meeting_is_not_at_it() -> None:
    meetings = _extract(
        "استقبل وزير الدفاع الماليزي أحمد رشيدي السفير الفلبيني لدى البلاد خوسيه رييس. وقدم السفير خلال "
        "اللقاء دعوة لنائب رئيس الوزراء وزير الدفاع من وزير الدفاع الفلبيني كارلوس دياز لزيارة مانيلا.",
        people=("أحمد رشيدي", "خوسيه رييس", "كارلوس دياز"),
    )
    assert [sorted(p["name"] for p in m["participants"]) for m in meetings] == [["أحمد رشيدي", "خوسيه رييس"]]


def test_the_sovereign_whose_instructions_a_meeting_follows_is_not_at_it() -> None:
    (m,) = _extract(
        "بتعليمات سامية من الملك سالم الثالث، استقبل الجنرال دو ديفيزيون، المفتش العام للقوات المسلحة "
        "الملكية المغربية، اليوم بالرباط، سفير الفلبين خوسيه رييس.",
        people=("سالم الثالث", "خوسيه رييس"),
    )
    names = _roles(m)
    assert names == {None: "host", "خوسيه رييس": "guest"}


def test_after_a_dual_office_names_joined_by_a_glued_and_are_the_objects_of_the_host_before() -> None:
    _, second = _extract(
        "استقبل قائد الجيش العماد سمير حداد في مكتبه سفير اليابان كينجي ساتو. كما استقبل النائبين كمال "
        "الراسي وفادي فرحات وتناول البحث الأوضاع العامة.",
        people=("سمير حداد", "كينجي ساتو", "كمال الراسي وفادي فرحات"),
    )
    roles = _roles(second)
    assert roles == {"سمير حداد": "host", "كمال الراسي": "guest", "فادي فرحات": "guest"}


def test_an_office_before_a_credentials_verb_is_the_one_named_before_in_it() -> None:
    meetings = _extract(
        "تسلم الرئيس الماليزي أحمد رشيدي اليوم أوراق اعتماد سفير فرنسا جان دوبون. الرئيس الماليزي تسلم "
        "كذلك أوراق اعتماد سفير ألمانيا في كوالالمبور هانس مولر، وسفير المملكة الأردنية الهاشمية الجديد "
        "بكوالالمبور سالم الزعفراني.",
        people=("أحمد رشيدي", "جان دوبون", "هانس مولر", "سالم الزعفراني"),
    )
    hosts = [next(p["name"] for p in m["participants"] if p["role"] == "host") for m in meetings]
    assert hosts == ["أحمد رشيدي", "أحمد رشيدي", "أحمد رشيدي"]


def test_a_lone_given_name_in_the_headline_is_the_royal_the_body_names_in_full() -> None:
    meetings = _extract(
        "خلال زيارته إلى قطر..\nرشيدي يبحث مع الأمير سالم قضايا أمنية\nالتقى وزير الدفاع الماليزي أحمد "
        "رشيدي في الدوحة أمير البلاد سالم بن حمد آل فلان وبحثا التعاون.",
        people=("رشيدي", "سالم", "أحمد رشيدي", "سالم بن حمد آل فلان"),
    )
    (m,) = meetings
    assert next(p["name"] for p in m["participants"] if p["role"] == "host") == "سالم بن حمد آل فلان"


def test_a_meeting_told_as_mutual_then_as_a_reception_takes_the_reception_s_roles() -> None:
    (m,) = _extract(
        "بحث السفير الياباني لدى ماليزيا مع وزير الدفاع الماليزي سبل تعزيز الشراكة. وأكدت الوكالة أن وزير "
        "الدفاع الماليزي أحمد رشيدي استقبل يوم الثلاثاء بمقر الوزارة سفير اليابان لدى ماليزيا كينجي ساتو.",
        people=("أحمد رشيدي", "كينجي ساتو"),
    )
    roles = {p["name"]: p["role"] for p in m["participants"] if p["name"]}
    assert roles == {"أحمد رشيدي": "host", "كينجي ساتو": "guest"}
