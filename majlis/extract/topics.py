"""Topics of a meeting from the fixed list, read from the sentences that say what it discussed."""

from __future__ import annotations

from majlis.extract.tokens import tokenize
from majlis.extract.vocab import vocabulary

TOPICS = (
    "training",
    "joint_exercises",
    "maritime_security",
    "counterterrorism",
    "intelligence_sharing",
    "cyber_security",
    "border_security",
    "defense_industry",
    "military_education",
    "smuggling",
)


def topics_in(text: str) -> set[str]:
    """Every topic whose keywords occur in the text (longest keyword wins where they overlap)."""
    return {m.value for m in vocabulary().topics.find_all(tokenize(text))}


def is_discussion(text: str) -> bool:
    """Does the sentence report what a meeting discussed, rather than background or history?"""
    toks = tokenize(text)
    v = vocabulary()
    return bool(v.discussion.find_all(toks)) and not v.background_cues.find_all(toks)
