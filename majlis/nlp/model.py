"""Choose, load and run the Stanza NER model (bundled, official, or a file), once per process.

Majlis always passes its own tokens (pretokenised), so offsets stay exact whatever model runs.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from majlis.config import NER_MODEL_ENV, STANZA_DIR_ENV

PACKAGE_DIR = Path(__file__).resolve().parent
BUNDLED_MODEL = PACKAGE_DIR / "models" / "majlis-ar-ner.pt"
RESOURCES_FILE = PACKAGE_DIR / "resources.json"
_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")

Span = tuple[str, int, int]


class MissingModelError(RuntimeError):
    """The selected NER model is not on disk; the message says which command fixes it."""


def _sha256_prefix(path: Path, n: int = 12) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()[:n]


UNREAD_MARKS = frozenset({'"', "“", "”", "/"})


def normalize_token(text: str) -> str:
    """The form the model sees: no diacritics or tatweel (the surface text keeps them)."""
    stripped = _MARKS_RE.sub("", text)
    return stripped or text


def decode_bioes(tags: list[str]) -> list[Span]:
    """Entity spans (label, first, last+1) from BIOES/BIO tags; a stray I-/E- starts a new entity."""
    spans: list[Span] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix in ("I", "E") and kind == label and start >= 0
        if start >= 0 and not continues:
            spans.append((label, start, i))
            start, label = -1, ""
        if prefix in ("B", "S") or (prefix in ("I", "E") and start < 0):
            start, label = i, kind
        if prefix in ("E", "S") and start >= 0:
            spans.append((label, start, i + 1))
            start, label = -1, ""
    return spans


@dataclass
class NerPipeline:
    """A loaded Stanza pipeline plus the name and version recorded on every mention."""

    model_name: str
    model_version: str
    pipeline: Any

    def tag(self, sentences: list[list[str]]) -> list[list[Span]]:
        """Entity spans per sentence, tagged in length-sorted batches by the pipeline's NER models."""
        if not sentences:
            return []
        from majlis.nlp.inference import tag_tokens

        # quote marks and slashes around names («"X"», «/X/») are left out of what the model reads: they
        # are rare in what it learnt from, and names inside them went untagged
        kept = [[i for i, t in enumerate(sent) if t not in UNREAD_MARKS] for sent in sentences]
        inputs = [
            [normalize_token(sent[i]) for i in keep] or ["."]
            for sent, keep in zip(sentences, kept, strict=True)
        ]
        tagged = tag_tokens(self.pipeline.processors["ner"], inputs)
        result: list[list[Span]] = []
        for keep, tags in zip(kept, tagged, strict=True):
            spans = [s for s in decode_bioes(tags) if s[2] <= len(keep)] if keep else []
            result.append([(label, keep[first], keep[last - 1] + 1) for label, first, last in spans])
        return result


def stanza_dir() -> Path:
    """Where official Stanza models live: `$MAJLIS_STANZA_DIR`, else ~/stanza_resources."""
    return Path(os.environ.get(STANZA_DIR_ENV) or Path.home() / "stanza_resources").expanduser()


def _load_file(path: Path, name: str) -> NerPipeline:
    if not path.is_file():
        raise MissingModelError(
            f"NER model file not found: {path}. Train one with `majlis ner train --output {path}` "
            f"or set {NER_MODEL_ENV}=bundled."
        )
    pipeline = _stanza_pipeline(
        "tokenize,ner", ner_model_path=str(path), resources_filepath=str(RESOURCES_FILE)
    )
    return NerPipeline(name, _sha256_prefix(path), pipeline)


def _stanza_pipeline(processors: str, **where: str) -> Any:
    """An Arabic Stanza pipeline over majlis's own tokens, from local files only (never downloads)."""
    import stanza

    with _no_training_optimizer():
        return stanza.Pipeline(
            lang="ar",
            processors=processors,
            tokenize_pretokenized=True,
            download_method=None,
            logging_level="WARN",
            use_gpu=False,
            ner_batch_size=NER_BATCH_SIZE,
            **where,
        )


@contextmanager
def _no_training_optimizer() -> Iterator[None]:
    """Load without the Adam optimizer Stanza's NER trainer builds even to predict, which tagging never
    uses: creating a torch optimizer imports torch._dynamo and sympy, about 85 MB and a second in every
    process that tags (each analysis worker)."""
    from stanza.models.common import utils

    build = utils.get_optimizer
    utils.get_optimizer = lambda *args, **kwargs: None
    try:
        yield
    finally:
        utils.get_optimizer = build


# Sentences per forward pass, measured per worker on 800 articles: 32 is 10 % slower than 128; 64 is 4 %
# slower but peaks 35-50 MB lower (the character LSTM keeps every character's state of a batch).
NER_BATCH_SIZE = 64


def _load_official(directory: Path) -> NerPipeline:
    ner_dir = directory / "ar" / "ner"
    models = sorted(ner_dir.glob("*.pt")) if ner_dir.is_dir() else []
    if not (directory / "resources.json").is_file() or not models:
        raise MissingModelError(
            f"Stanza's official Arabic models are not in {directory} (looked for resources.json and "
            f"ar/ner/*.pt). Fetch them once with `majlis models download --dir {directory}` "
            f"(or set {STANZA_DIR_ENV} to where they are)."
        )
    pipeline = _stanza_pipeline("tokenize,mwt,ner", dir=str(directory))
    return NerPipeline("stanza-ar-official", _sha256_prefix(models[0]), pipeline)


def load_pipeline_for(selector: str) -> NerPipeline:
    """Load the model named by `selector`: bundled, official, or a path to a .pt file (not cached)."""
    if selector in ("", "bundled"):
        if not BUNDLED_MODEL.is_file():
            raise MissingModelError(
                f"The bundled NER model is missing: {BUNDLED_MODEL}. Rebuild it with "
                f"`majlis ner train --output {BUNDLED_MODEL}`."
            )
        return _load_file(BUNDLED_MODEL, "majlis-ar-ner")
    if selector == "official":
        return _load_official(stanza_dir())
    path = Path(selector).expanduser()
    return _load_file(path, path.stem)


@lru_cache(maxsize=1)
def load_pipeline() -> NerPipeline:
    """The process-wide pipeline chosen by `$MAJLIS_NER_MODEL` (default: bundled)."""
    logging.getLogger("stanza").setLevel(logging.WARNING)
    return load_pipeline_for(os.environ.get(NER_MODEL_ENV, "bundled").strip())
