"""Display names for codes the marts store: topics (from labels.yaml) and countries (Arabic and English)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from majlis.yamlio import read_yaml

LABELS_FILE = Path(__file__).with_name("labels.yaml")


@cache
def _topics() -> dict[str, dict[str, str]]:
    data: dict[str, Any] = read_yaml(LABELS_FILE)
    return {str(k): {"en": str(v["en"]), "ar": str(v["ar"])} for k, v in data["topics"].items()}


def topic_en(topic: str) -> str:
    """English name of a topic label; unknown labels read as their words."""
    known = _topics().get(topic)
    return known["en"] if known else topic.replace("_", " ").capitalize()


def topic_ar(topic: str) -> str | None:
    """Arabic name of a topic label, if labels.yaml has one."""
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
