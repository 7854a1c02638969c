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
