"""`majlis evaluate` says per article what differs from the gold, with counts next to every ratio."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from majlis.evaluate import score

REPO = Path(__file__).resolve().parent.parent
MAJLIS = [sys.executable, "-m", "majlis.cli"]


def _person(name: str | None, country: str, role: str, title: str = "وزير الدفاع") -> dict[str, Any]:
    return {"name": name, "title": title, "rank": None, "country": country, "role": role}


def _meeting(people: list[dict[str, Any]], date: str = "2025-03-04", **extra: Any) -> dict[str, Any]:
    countries = sorted({p["country"] for p in people if p["country"]})
    return {"event_type": "meeting", "date": date, "city": None, "location_country": countries[0],
            "countries": countries, "participants": people, "topics": [], **extra}  # fmt: skip


def _details(report: Any, article: str) -> list[tuple[str, str]]:
    found = next(a for a in report.articles if a.id == article)
    return [(f.kind, f.detail) for f in found.findings]


def test_each_article_lists_what_was_missed_extra_or_wrong() -> None:
    host, guest = _person("سالم فهد المرزوقي", "KW", "host"), _person("لي جون هو", "KR", "guest")
    gold = [
        {"id": "swap", "meetings": [_meeting([host, guest])]},
        {"id": "cut", "meetings": [_meeting([host, guest])]},
        {"id": "missed", "meetings": [_meeting([host, _person("ماتيو بلان", "FR", "guest")])]},
        {"id": "extra", "meetings": []},
        {"id": "dated", "meetings": [_meeting([host, guest])]},
        {"id": "country", "meetings": [_meeting([host, guest, _person("جاسم المناعي", "QA", "attendee")])]},
        {"id": "right", "meetings": [_meeting([host, guest])]},
    ]
    pred = {
        "swap": [_meeting([{**host, "role": "guest"}, {**guest, "role": "host"}])],
        "cut": [_meeting([host, {**guest, "name": "لي جون", "title": "رئيس الأركان"}])],
        "extra": [_meeting([host, guest])],
        "dated": [_meeting([host, guest], date="2025-03-03")],
        "country": [_meeting([host, guest, _person("جاسم المناعي", "BH", "attendee")])],
        "right": [_meeting([host, guest])],
    }
    report = score(gold, pred)
    assert _details(report, "swap") == [
        ("wrong role", "«سالم فهد المرزوقي»: gold host, predicted guest"),
        ("wrong role", "«لي جون هو»: gold guest, predicted host"),
    ]
    assert ("name", "gold «لي جون هو», predicted «لي جون» (KR)") in _details(report, "cut")
    assert [k for k, _ in _details(report, "missed")] == ["missed meeting", "missed participant",
                                                          "missed participant"]  # fmt: skip
    assert _details(report, "extra")[0] == (
        "extra meeting",
        "meeting 2025-03-04 [KR, KW]: سالم فهد المرزوقي, لي جون هو",
    )
    assert _details(report, "dated") == [
        (
            "wrong date",
            "meeting 2025-03-04 [KR, KW]: سالم فهد المرزوقي, لي جون هو: "
            "gold 2025-03-04, predicted 2025-03-03",
        )
    ]
    country = _details(report, "country")
    assert ("wrong country", "«جاسم المناعي»: gold QA, predicted BH") in country
    assert country[0][0] == "wrong countries"
    assert _details(report, "right") == []

    text = report.render()
    # matched: swap, cut, dated, right (country's countries differ); "extra" and "missed" are one each
    assert "meeting_precision            0.667  4/6" in text
    assert "meeting_recall               0.667  4/6" in text
    assert "role_accuracy                0.778  7/9" in text  # the swap's two roles are wrong
    assert (
        "\nswap: gold 1 meetings, predicted 1\n  wrong role: «سالم فهد المرزوقي»: gold host, predicted guest"
        in text
    )
    assert "1/7 articles without any difference" in text


def _evaluate(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*MAJLIS, "evaluate", *args], capture_output=True, text=True, cwd=cwd, check=False,
                          env={**os.environ, "COLUMNS": "200"})  # fmt: skip


def test_a_file_without_gold_annotations_is_refused_in_one_line(tmp_path: Path) -> None:
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "a1", "title": "عنوان", "body": "استقبل الوزير ضيفه."}) + "\n")
    result = _evaluate(str(articles))
    assert result.returncode == 2
    assert result.stdout.strip().count("\n") == 0 and "Traceback" not in result.stderr
    assert "articles.jsonl:1 has no 'meetings' key" in result.stdout


def test_evaluate_runs_the_pipeline_and_names_a_wrong_role(tmp_path: Path) -> None:
    """A real article of seeds/ with the gold's host and guest swapped on purpose."""
    people = [
        {"name": "خالد الشريعان", "title": "رئيس الأركان العامة للجيش", "rank": "فريق ركن", "country": "KW",
         "role": "guest"},
        {"name": "جون سويفت", "title": "مساعد رئيس الأركان", "rank": "لواء ركن", "country": "GB",
         "role": "host"},
    ]  # fmt: skip
    record = {"id": "000_3c2ef171a2c72616", "file": "000_3c2ef171a2c72616.txt", "meetings": [
        {"event_type": "meeting", "date": None, "city": None, "location_country": "KW",
         "countries": ["GB", "KW"], "participants": people,
         "topics": ["cyber_security", "intelligence_sharing"]}]}  # fmt: skip
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    missing = _evaluate(str(gold))
    assert missing.returncode == 2 and "--texts" in missing.stdout  # the article file is not next to the gold
    result = _evaluate(str(gold), "--texts", str(REPO / "seeds"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "meeting_recall               1.000  1/1" in result.stdout
    assert "role_accuracy                0.000  0/2" in result.stdout
    assert "wrong role: «خالد الشريعان»: gold guest, predicted host" in result.stdout


def test_precision_is_reported_per_confidence_band() -> None:
    kw_sa = [_person("خالد علي", "KW", "host"), _person("فهد سعد", "SA", "guest")]
    om_qa = [_person("سالم راشد", "OM", "host"), _person("جاسم حمد", "QA", "guest")]
    gold = [{"id": "a", "meetings": [_meeting(kw_sa)]}, {"id": "b", "meetings": []}]
    pred = {
        "a": [_meeting(kw_sa, confidence=0.9)],  # right, confident
        "b": [_meeting(om_qa, confidence=0.55)],  # a false alarm, unsure
    }
    report = score(gold, pred)
    assert report.band_precision() == [("0.85-1.00", 1, 1), ("0.50-0.70", 0, 1)]
    assert "0.85-1.00  1.000  1/1" in report.render(per_article=False)
