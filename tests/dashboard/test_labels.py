"""Topic display names cover the extractor's topic list."""

from __future__ import annotations

import yaml

from majlis import config
from majlis.dashboard import labels


def test_every_extractor_topic_has_english_and_arabic_names() -> None:
    lexicon = yaml.safe_load((config.PACKAGE_DIR / "lexicons" / "topics.yaml").read_text(encoding="utf-8"))
    for topic in lexicon:
        assert labels.topic_ar(topic), topic


def test_labels() -> None:
    assert labels.topic_label("maritime_security") == "Maritime security · الأمن البحري"
    assert labels.topic_label("space_race") == "Space race"
    assert labels.country_label("FR", "France", "فرنسا") == "فرنسا · France (FR)"
    assert labels.country_label("XK", None, None) == "XK"
    assert labels.country_label(None, None, None) == "unknown"
