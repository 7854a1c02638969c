"""The one place majlis downloads anything: Stanza's official Arabic models, on explicit request."""

from __future__ import annotations

from pathlib import Path

OFFICIAL_PROCESSORS = "tokenize,mwt,ner"


def download_official(directory: Path) -> Path:
    """Fetch Stanza's Arabic tokenize/mwt/ner models into `directory` (needs network access)."""
    import stanza

    directory.mkdir(parents=True, exist_ok=True)
    stanza.download("ar", processors=OFFICIAL_PROCESSORS, model_dir=str(directory))
    return directory
