"""A meeting's confidence: the chance that it is right, from what the reader had to go on.

The weights are data (majlis/lexicons/confidence.yaml), fitted by logistic regression on the real-news
tune split (`python3 eval/real/fit_confidence.py`), so that a band of confidence keeps its precision on
text the rules were not written for. Each feature is a yes/no fact about the finished meeting.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache

from majlis.extract.lexicon import load_yaml
from majlis.records import Meeting, Participant

# rules that place a meeting by a guess (the host's country, the dateline) rather than by the text
GUESSED_PLACE_RULES = ("place.host_country", "place.home_official_met", "place.dateline", "home.")
# trigger rules other than a meeting verb or phrase: a held meeting, a noun, a letter, a signing
INDIRECT_TRIGGER_RULES = (
    "trigger.held_meeting", "trigger.had_a_meeting", "trigger.meeting_noun", "trigger.letter_handed",
    "trigger.signing", "trigger.credentials", "trigger.guest_of",
)  # fmt: skip


def _principals(meeting: Meeting) -> list[Participant]:
    return [p for p in meeting.participants if p.role in {"host", "guest"}]


def _has_rule(meeting: Meeting, prefixes: tuple[str, ...]) -> bool:
    return any(rule.startswith(prefixes) for rule in meeting.rules)


def _inferred(participant: Participant) -> bool:
    """A country the text does not state for this person (filled in from the place, the pair of states…)."""
    return participant.country_code is not None and "country.stated" not in participant.rules


FEATURES: dict[str, Callable[[Meeting], bool]] = {
    "two_named_principals": lambda m: sum(p.person_name is not None for p in _principals(m)) >= 2,
    "unnamed_principal": lambda m: any(p.person_name is None for p in _principals(m)),
    "principal_state_untold": lambda m: any(p.country_code is None for p in _principals(m)),
    "state_inferred": lambda m: any(_inferred(p) for p in _principals(m)),
    "no_date": lambda m: m.meeting_date is None,
    "no_place": lambda m: m.location_country_code is None,
    "place_guessed": lambda m: _has_rule(m, GUESSED_PLACE_RULES),
    "subject_from_elsewhere": lambda m: _has_rule(m, ("subject.",)),
    "split_from_a_list": lambda m: _has_rule(m, ("split.",)),
    "told_over_sentences": lambda m: _has_rule(m, ("continue.", "merge.")),
    "indirect_trigger": lambda m: _has_rule(m, INDIRECT_TRIGGER_RULES),
    "call": lambda m: m.event_type == "call",
    "one_state": lambda m: len(m.countries) == 1,
    "not_first_in_article": lambda m: m.meeting_index > 0,
}


def features(meeting: Meeting) -> dict[str, bool]:
    return {name: test(meeting) for name, test in FEATURES.items()}


@cache
def _weights() -> tuple[float, dict[str, float]]:
    data = load_yaml("confidence.yaml")
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    unknown = set(weights) - set(FEATURES)
    if unknown:
        raise ValueError(f"lexicon confidence.yaml: weights for unknown features {sorted(unknown)}")
    return float(data["intercept"]), weights


def confidence(meeting: Meeting) -> float:
    """The fitted chance that this meeting is one the text reports, with these participants' states."""
    intercept, weights = _weights()
    z = intercept + sum(weights.get(name, 0.0) for name, on in features(meeting).items() if on)
    return round(1 / (1 + math.exp(-z)), 3)
