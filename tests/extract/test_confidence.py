"""Meeting confidence: fitted weights over yes/no features, kept as data."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np

from majlis.extract.confidence import FEATURES, confidence, features
from majlis.records import Meeting, Participant

ROOT = Path(__file__).resolve().parents[2]


def _meeting(*, guest_name: str | None, countries: list[str], day: date | None) -> Meeting:
    meeting = Meeting(
        meeting_id="m", article_id="a", meeting_index=0, event_type="meeting", meeting_date=day,
        date_note=None, city=None, location_country_code="KW", host_country_code="KW",
        guest_country_code=countries[-1], countries=countries, topics=[], evidence_sentence="",
        evidence_start=0, evidence_end=0, confidence=0.0, pipeline_version="t", model_name="t",
        rules=["trigger.phrase", "place.stated"],
    )  # fmt: skip
    people = [
        Participant("m", "a", 0, "سالم فهد المرزوقي", "وزير الدفاع", None, "KW", "host", None, None,
                    ["country.stated"]),
        Participant("m", "a", 1, guest_name, "رئيس الأركان", None, countries[-1], "guest", None, None,
                    ["country.stated"]),
    ]  # fmt: skip
    return replace(meeting, participants=people)


def test_a_meeting_told_in_full_is_more_certain_than_one_with_an_unnamed_side_and_no_date() -> None:
    told = _meeting(guest_name="ماتيو بلان", countries=["FR", "KW"], day=date(2025, 3, 5))
    vague = _meeting(guest_name=None, countries=["KW"], day=None)
    assert 0 < confidence(vague) < confidence(told) < 1


def test_features_are_facts_of_the_meeting() -> None:
    vague = features(_meeting(guest_name=None, countries=["KW"], day=None))
    assert vague["unnamed_principal"] and vague["one_state"] and vague["no_date"]
    assert not vague["two_named_principals"]
    assert set(vague) == set(FEATURES)


def test_the_fit_recovers_a_feature_that_predicts_wrong_meetings() -> None:
    spec = importlib.util.spec_from_file_location("fit_confidence", ROOT / "eval/real/fit_confidence.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rng = np.random.default_rng(0)
    x = rng.integers(0, 2, size=(400, 2)).astype(float)
    y = np.where(x[:, 0] == 1, rng.random(400) < 0.3, rng.random(400) < 0.95).astype(float)
    _, w = module.fit(x, y)
    assert w[0] < -1.5  # the warning sign
    assert abs(w[1]) < 0.5  # noise
