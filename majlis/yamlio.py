"""YAML files read with libyaml's C parser when PyYAML has it: lexicons are parsed in every analysis
worker at start-up, and the pure-Python parser took about a second of CPU there (the C one, a tenth)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """The parsed content of the UTF-8 YAML file at `path` (safe types only, as `yaml.safe_load`)."""
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader)


def strings_in(value: Any) -> list[str]:
    """Every string in a parsed YAML value, nested lists and mappings included, in document order."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    return []
