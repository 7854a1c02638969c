"""Loads vocabulary files from majlis/lexicons/, once per process; analysts extend the YAML, not the code."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from majlis.text import normalize
from majlis.yamlio import read_yaml

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"


@cache
def load_yaml(name: str) -> Any:
    """The parsed content of majlis/lexicons/<name> (cached: lexicons do not change during a run)."""
    path = LEXICON_DIR / name
    try:
        return read_yaml(path)
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"lexicon file missing: {path}") from exc


@cache
def _outlets() -> dict[str, str]:
    return {normalize(name.lower()): code for name, code in load_yaml("sources.yaml")["outlets"].items()}


def outlet_country(name: str) -> str | None:
    """The country of a news outlet or agency by its name (sources.yaml), in any case, hamza or diacritics;
    None for a name that is no known outlet. Datelines and source fields both look outlets up here."""
    return _outlets().get(normalize(name.strip().lower()))
