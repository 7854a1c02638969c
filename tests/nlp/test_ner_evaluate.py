"""`majlis ner evaluate` scoring: recall per origin label, and errors kept with their sentence."""

from __future__ import annotations

from majlis.nlp.evaluate import NO_ORIGIN, NerScores, gold_origins, name_shape, score_article
from majlis.records import Mention, Sentence


def _mention(text: str, doc: str, label: str = "PER") -> Mention:
    start = doc.index(text)
    return Mention(
        article_id="a", sentence_index=0, label=label, text=text, start_char=start,
        end_char=start + len(text), model_name="m", model_version="v",
    )  # fmt: skip


def test_gold_origins_keep_the_label_and_order() -> None:
    record = {
        "meetings": [
            {"participants": [{"name": "كيم سو ران", "origin": "east_asian"}, {"name": "جاسر المطيري"}]},
            {"participants": [{"name": "كيم سو ران"}, {"name": None}]},
        ]
    }
    assert gold_origins(record) == {"كيم سو ران": "east_asian", "جاسر المطيري": NO_ORIGIN}


def test_recall_per_origin_and_errors_with_their_sentence() -> None:
    first = "استقبل الوزير كيم سو ران في مكتبه."
    second = "وحضر اللقاء ماريا لوبيث فيدال. كتب: مروان الحداد"
    doc = first + " " + second
    sentences = [
        Sentence("a", 0, 0, len(first), first),
        Sentence("a", 1, len(first) + 1, len(doc), second),
    ]
    names = {"كيم سو ران": "east_asian", "ماريا لوبيث فيدال": "european", "سالم العتيبي": NO_ORIGIN}
    mentions = [_mention("كيم سو ران", doc), _mention("مروان الحداد", doc), _mention("مكتبه", doc, "LOC")]
    scores = NerScores()
    score_article(doc, names, mentions, scores, set(names), sentences, "a")
    assert (scores.found, scores.gold_names) == (1, 3)
    assert scores.origin_recall() == {"east_asian": (1.0, 1, 1), "european": (0.0, 0, 1)}
    missed = {e.text: e for e in scores.missed}
    assert missed["ماريا لوبيث فيدال"].sentence == second
    assert missed["ماريا لوبيث فيدال"].origin == "european"
    assert missed["سالم العتيبي"].sentence == "(not in the text)"
    assert [(e.text, e.sentence) for e in scores.spurious] == [("مروان الحداد", second)]
    assert (scores.correct_mentions, scores.per_mentions) == (1, 2)


def test_plain_name_lists_still_score() -> None:
    doc = "التقى الوزير سالم العتيبي."
    scores = NerScores()
    score_article(doc, ["سالم العتيبي"], [_mention("سالم العتيبي", doc)], scores)
    assert scores.recall == 1.0 and scores.origin_recall() == {}


def test_other_people_count_as_correct_in_the_second_precision() -> None:
    doc = "استقبل الوزير سالم العتيبي بحضور النائب رامز الفيومي. وقال الفيومي إن ..."
    mentions = [_mention("سالم العتيبي", doc), _mention("رامز الفيومي", doc), _mention("الوزير", doc)]
    mentions.append(_mention("الفيومي إن", doc))
    scores = NerScores()
    score_article(doc, ["سالم العتيبي"], mentions, scores, people=["رامز الفيومي"])
    assert (scores.correct_mentions, scores.people_mentions, scores.per_mentions) == (1, 1, 4)
    assert scores.precision == 0.25 and scores.precision_with_people == 0.5
    assert [e.text for e in scores.spurious] == ["الوزير", "الفيومي إن"]


def test_name_shapes() -> None:
    assert name_shape("Paul Van Orsel") == "latin script"
    assert name_shape("سيدي ولد أحمد") == "lineage chain"
    assert name_shape("سالم العتيبي") == "2 words"
    assert name_shape("سالم محمد صالح العتيبي") == "4+ words"


def test_a_gold_name_is_found_whatever_its_diacritics_tatweel_and_spacing_on_either_side() -> None:
    doc = "التقى الوزير محمـد النوري، ثم سالم العتيّبي."
    names = ["محمد النّوري", "سالم  العتيبي"]
    mentions = [_mention("محمـد النوري", doc), _mention("سالم العتيّبي", doc)]
    scores = NerScores()
    score_article(doc, names, mentions, scores, set(names))
    assert (scores.found, scores.gold_names, scores.correct_mentions) == (2, 2, 2)
