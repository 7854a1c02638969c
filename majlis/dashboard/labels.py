"""Display names for codes the marts store: topics and countries (Arabic and English).

Topic names come from the dbt seed `dbt_project/seeds/topics.csv`, the same file that builds `dim_topic`,
so the dashboard and SQL on the warehouse name every topic alike. Its topic list is the extractor's
(`majlis/lexicons/topics.yaml`); tests/dashboard/test_labels.py checks the two agree.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from majlis import config

TOPICS_SEED = config.DBT_PROJECT_DIR / "seeds" / "topics.csv"


@cache
def _topics(seed: Path = TOPICS_SEED) -> dict[str, dict[str, str]]:
    with seed.open(encoding="utf-8", newline="") as handle:
        return {row["topic"]: {"en": row["name_en"], "ar": row["name_ar"]} for row in csv.DictReader(handle)}


def topic_en(topic: str) -> str:
    """English name of a topic label; unknown labels read as their words."""
    known = _topics().get(topic)
    return known["en"] if known else topic.replace("_", " ").capitalize()


def topic_ar(topic: str) -> str | None:
    """Arabic name of a topic label, if the topics seed has one."""
    known = _topics().get(topic)
    return known["ar"] if known else None


def topic_label(topic: str) -> str:
    """English and Arabic, for chart axes and filter menus."""
    arabic = topic_ar(topic)
    return f"{topic_en(topic)} · {arabic}" if arabic else topic_en(topic)


def country_label(code: str | None, name_en: str | None, name_ar: str | None) -> str:
    """Arabic and English name with the code, e.g. `فرنسا · France (FR)`; the code alone when unknown."""
    if not code:
        return "unknown"
    names = " · ".join(n for n in (name_ar, name_en) if n)
    return f"{names} ({code})" if names else code
