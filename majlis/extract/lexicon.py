"""Loads vocabulary files from majlis/lexicons/, once per process; analysts extend the YAML, not the code."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

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
