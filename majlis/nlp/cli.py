"""Command line for the NER model: train and evaluate it, and fetch Stanza's official models."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from majlis.nlp.model import BUNDLED_MODEL, stanza_dir
from majlis.nlp.train import DEFAULT_SENTENCES, DEFAULT_STEPS

ner_app = typer.Typer(help="Train and evaluate majlis's Arabic NER model.", no_args_is_help=True)
models_app = typer.Typer(help="Manage NER models on disk.", no_args_is_help=True)


@ner_app.command("train")
def train_command(
    output: Annotated[Path, typer.Option(help="Where to write the trained .pt model.")] = BUNDLED_MODEL,
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
    """Generate the synthetic corpus and train a Stanza NER model on CPU, offline."""
    from majlis.nlp.train import train_model

    started = time.monotonic()
    path = train_model(
        output, seed=seed, n_sentences=sentences, extra_bio=extra_bio or [], max_steps=steps, small=small
    )
    size = path.stat().st_size / 1e6
    typer.echo(f"model written to {path} ({size:.1f} MB) in {time.monotonic() - started:.0f} s")


@ner_app.command("evaluate")
def evaluate_command(
    gold: Annotated[
        Path, typer.Argument(help="Gold JSON Lines file (title, body, meetings[].participants).")
    ],
    show_errors: Annotated[
        bool, typer.Option(help="List missed names and unmatched PER mentions with their sentence.")
    ] = True,
) -> None:
    """Recall of gold participant names as PER mentions, and PER precision (see evaluate.py)."""
    from majlis.nlp.evaluate import evaluate_file
    from majlis.nlp.model import load_pipeline

    scores = evaluate_file(gold)
    pipe = load_pipeline()
    typer.echo(f"model: {pipe.model_name} ({pipe.model_version})")
    typer.echo(f"PER recall:    {scores.recall:.3f}  ({scores.found}/{scores.gold_names} gold names)")
    typer.echo(
        f"PER precision: {scores.precision:.3f}  ({scores.correct_mentions}/{scores.per_mentions} mentions)"
    )
    typer.echo(f"exact spans:   {scores.exact_rate:.3f}  (of found names)")
    for origin, (recall, found, total) in scores.origin_recall().items():
        typer.echo(f"  recall {origin:<14} {recall:.3f}  ({found}/{total})")
    if show_errors:
        for err in scores.missed:
            label = f" [{err.origin}]" if err.origin != "unlabelled" else ""
            typer.echo(f"missed{label}: {err.text}  | {err.article_id}: {' '.join(err.sentence.split())}")
        for err in scores.spurious:
            typer.echo(f"unmatched PER: {err.text}  | {err.article_id}: {' '.join(err.sentence.split())}")


@models_app.command("download")
def download_command(
    dir: Annotated[
        Path | None,
        typer.Option(
            "--dir",
            help="Directory for Stanza's official models [default: $MAJLIS_STANZA_DIR or "
            "~/stanza_resources].",
        ),
    ] = None,
) -> None:
    """Download Stanza's official Arabic models (tokenize, mwt, ner): the only networked command."""
    from majlis.nlp.download import download_official

    path = download_official(dir or stanza_dir())
    typer.echo(
        f"official Arabic models in {path}; use them with MAJLIS_NER_MODEL=official MAJLIS_STANZA_DIR={path}"
    )
