"""Command line for the NER model: train and evaluate it, and fetch Stanza's official models."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from majlis.nlp.model import BUNDLED_MODEL, stanza_dir
from majlis.nlp.train import DEFAULT_SENTENCES, DEFAULT_STEPS

ner_app = typer.Typer(help="Train and evaluate majlis's Arabic NER model.", no_args_is_help=True)
models_app = typer.Typer(help="Manage NER models on disk.", no_args_is_help=True)


def models_dir() -> Path:
    """Where `majlis ner train` writes new models: `$XDG_DATA_HOME/majlis/models` (~/.local/share/...)."""
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "majlis" / "models"


def new_model_path(now: datetime | None = None) -> Path:
    """A file name no earlier training used: `majlis-ar-ner-<UTC time>.pt` in `models_dir()`."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S")
    path = models_dir() / f"majlis-ar-ner-{stamp}.pt"
    number = 1
    while path.exists():
        number += 1
        path = models_dir() / f"majlis-ar-ner-{stamp}-{number}.pt"
    return path


def _training_target(output: Path | None, replace_bundled: bool) -> Path:
    """The file to write: the bundled model only when asked for by name, else a new file."""
    if output is not None and replace_bundled:
        raise typer.BadParameter("give either --output or --replace-bundled, not both", param_hint="--output")
    if replace_bundled:
        return BUNDLED_MODEL
    if output is None:
        return new_model_path()
    if output.resolve() == BUNDLED_MODEL.resolve():
        raise typer.BadParameter(
            "that is the bundled model: use --replace-bundled to overwrite it", param_hint="--output"
        )
    return output


@ner_app.command("train")
def train_command(
    output: Annotated[
        Path | None,
        typer.Option(
            help="Where to write the trained .pt model. Default: a new file "
            "majlis-ar-ner-<UTC time>.pt in $XDG_DATA_HOME/majlis/models (~/.local/share/majlis/models).",
            show_default=False,
        ),
    ] = None,
    replace_bundled: Annotated[
        bool,
        typer.Option(
            "--replace-bundled",
            help="Overwrite the model shipped with majlis, majlis/nlp/models/majlis-ar-ner.pt, instead of "
            "writing a new file; not together with --output.",
        ),
    ] = False,
    seed: Annotated[int, typer.Option(help="Random seed for the corpus and the training run.")] = 1234,
    sentences: Annotated[int, typer.Option(help="Synthetic sentences to generate.")] = DEFAULT_SENTENCES,
    steps: Annotated[int, typer.Option(help="Training steps (batches of 32 sentences).")] = DEFAULT_STEPS,
    extra_bio: Annotated[
        list[Path] | None,
        typer.Option("--extra-bio", help="Extra tab-separated token/BIO-label corpus; repeatable."),
    ] = None,
    small: Annotated[
        bool, typer.Option(help="Train a tiny network (seconds; for tests and trials).")
    ] = False,
) -> None:
    """Generate the synthetic corpus and train a Stanza NER model on CPU, offline.

    The model goes to a new file unless --replace-bundled; select it with MAJLIS_NER_MODEL=PATH.
    """
    from majlis.nlp.train import train_model

    target = _training_target(output, replace_bundled)
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    path = train_model(
        target, seed=seed, n_sentences=sentences, extra_bio=extra_bio or [], max_steps=steps, small=small
    )
    size = path.stat().st_size / 1e6
    typer.echo(f"model written to {path} ({size:.1f} MB) in {time.monotonic() - started:.0f} s")
    if path.resolve() != BUNDLED_MODEL.resolve():
        typer.echo(f"use it with MAJLIS_NER_MODEL={path}")


@ner_app.command("evaluate")
def evaluate_command(
    gold: Annotated[
        Path, typer.Argument(help="Gold JSON Lines file (title, body, meetings[].participants).")
    ],
    show_errors: Annotated[
        bool, typer.Option(help="List missed names and unmatched PER mentions with their sentence.")
    ] = True,
) -> None:
    """Score the NER model (MAJLIS_NER_MODEL) against the participant names of a gold file.

    PER recall: share of gold participant names (once per article) found inside a PER mention.

    PER precision: share of PER mentions overlapping a gold name or made of its words (rank and surname).

    PER precision is a lower bound: real people who never take part in a gold meeting count as errors.
    When the gold records list those people (`people`), a second precision counts mentions of them as
    correct, and only the mentions of neither are listed as unmatched.

    Exact spans: share of found names whose PER mention is exactly the name.

    Recall per shape: Latin script, «بن»/«ولد» chains, and by number of words.

    Recall per origin: when gold participants carry an `origin` label (e.g. gulf, east_asian).
    """
    from majlis.nlp.evaluate import evaluate_file
    from majlis.nlp.model import load_pipeline

    scores = evaluate_file(gold)
    pipe = load_pipeline()
    typer.echo(f"model: {pipe.model_name} ({pipe.model_version})")
    typer.echo(f"PER recall:    {scores.recall:.3f}  ({scores.found}/{scores.gold_names} gold names)")
    typer.echo(
        f"PER precision: {scores.precision:.3f}  ({scores.correct_mentions}/{scores.per_mentions} mentions)"
    )
    if scores.people_mentions:
        right = scores.correct_mentions + scores.people_mentions
        typer.echo(
            f"PER precision, other people counted correct: {scores.precision_with_people:.3f}  "
            f"({right}/{scores.per_mentions} mentions; {scores.people_mentions} name a gold `people` entry)"
        )
    typer.echo(f"exact spans:   {scores.exact_rate:.3f}  (of found names)")
    for shape, (recall, found, total) in scores.shape_recall().items():
        typer.echo(f"  recall {shape:<14} {recall:.3f}  ({found}/{total})")
    for origin, (recall, found, total) in scores.origin_recall().items():
        typer.echo(f"  recall {origin:<14} {recall:.3f}  ({found}/{total})")
    if show_errors:
        for err in scores.missed:
            label = f" [{err.origin}]" if err.origin != "unlabelled" else ""
            cut = f" (tagged: {' / '.join(err.tagged)})" if err.tagged else ""
            typer.echo(
                f"missed{label}: {err.text}{cut}  | {err.article_id}: {' '.join(err.sentence.split())}"
            )
        for err in scores.spurious:
            typer.echo(f"unmatched PER: {err.text}  | {err.article_id}: {' '.join(err.sentence.split())}")


@models_app.command("download")
def download_command(
    dir: Annotated[
        Path | None,
        typer.Option(
            "--dir",
            help="Directory for Stanza's official models. Default: $MAJLIS_STANZA_DIR, else "
            "~/stanza_resources.",
        ),
    ] = None,
) -> None:
    """Download Stanza's official Arabic models (tokenize, mwt, ner): the only networked command."""
    from majlis.nlp.download import download_official

    path = download_official(dir or stanza_dir())
    typer.echo(
        f"official Arabic models in {path}; use them with MAJLIS_NER_MODEL=official MAJLIS_STANZA_DIR={path}"
    )
