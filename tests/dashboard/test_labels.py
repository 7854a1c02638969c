"""Topic display names come from the one topic list the warehouse uses, and it is the extractor's."""

from __future__ import annotations

import csv

import yaml

from majlis import config
from majlis.dashboard import labels


def test_the_dashboard_names_topics_from_the_seed_that_builds_dim_topic() -> None:
    """One source of truth: the dashboard reads dbt's topics seed (dim_topic), not a list of its own."""
    assert labels.TOPICS_SEED == config.DBT_PROJECT_DIR / "seeds" / "topics.csv"
    assert not (config.PACKAGE_DIR / "dashboard" / "labels.yaml").exists()
    with labels.TOPICS_SEED.open(encoding="utf-8", newline="") as handle:
        seed = list(csv.DictReader(handle))
    for row in seed:
        assert labels.topic_label(row["topic"]) == f"{row['name_en']} · {row['name_ar']}"


def test_the_extractor_topics_are_exactly_the_seed_topics() -> None:
    lexicon = yaml.safe_load((config.PACKAGE_DIR / "lexicons" / "topics.yaml").read_text(encoding="utf-8"))
    with labels.TOPICS_SEED.open(encoding="utf-8", newline="") as handle:
        seeded = {row["topic"] for row in csv.DictReader(handle)}
    assert set(lexicon) == seeded
    for topic in lexicon:
        assert labels.topic_ar(topic), topic


def test_labels() -> None:
    assert labels.topic_label("maritime_security") == "Maritime security · الأمن البحري"
    assert labels.topic_label("counterterrorism") == "Counterterrorism · مكافحة الإرهاب"  # as in dim_topic
    assert labels.topic_label("space_race") == "Space race"
    assert labels.country_label("FR", "France", "فرنسا") == "فرنسا · France (FR)"
    assert labels.country_label("XK", None, None) == "XK"
    assert labels.country_label(None, None, None) == "unknown"
