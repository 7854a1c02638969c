"""`majlis ner train` never overwrites the bundled model unless told to; `ner` help stands alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import majlis.nlp.train
from majlis.cli import app
from majlis.nlp.model import BUNDLED_MODEL

runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich draws help and errors at the terminal's width: wide enough that no line wraps or is cut."""
    monkeypatch.setenv("COLUMNS", "240")


@pytest.fixture
def trained(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """Where each `majlis ner train` would have written; training itself is replaced by a stub."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    written: list[Path] = []

    def fake_train(output: Path, **options: Any) -> Path:
        written.append(output)
        if output != BUNDLED_MODEL:  # the stub never touches the real bundled file
            output.write_bytes(b"model")
        return output

    monkeypatch.setattr(majlis.nlp.train, "train_model", fake_train)
    return written


def test_train_writes_a_new_file_under_the_data_dir_by_default(trained: list[Path], tmp_path: Path) -> None:
    first = runner.invoke(app, ["ner", "train", "--small"])
    second = runner.invoke(app, ["ner", "train", "--small"])
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    models = tmp_path / "data" / "majlis" / "models"
    assert [p.parent for p in trained] == [models, models]
    assert trained[0] != trained[1] and all(p.name.startswith("majlis-ar-ner-") for p in trained)
    assert BUNDLED_MODEL not in trained
    assert f"MAJLIS_NER_MODEL={trained[0]}" in first.output


def test_train_replaces_the_bundled_model_only_when_told(trained: list[Path], tmp_path: Path) -> None:
    result = runner.invoke(app, ["ner", "train", "--replace-bundled"])
    assert result.exit_code == 0, result.output
    assert trained == [BUNDLED_MODEL]

    own = tmp_path / "mine.pt"
    assert runner.invoke(app, ["ner", "train", "--output", str(own)]).exit_code == 0
    assert trained[-1] == own

    both = runner.invoke(app, ["ner", "train", "--output", str(own), "--replace-bundled"])
    assert both.exit_code == 2 and "not both" in both.output
    named = runner.invoke(app, ["ner", "train", "--output", str(BUNDLED_MODEL)])
    assert named.exit_code == 2 and "--replace-bundled" in named.output
    assert len(trained) == 2  # neither refused command trained


def test_ner_help_stands_alone() -> None:
    evaluate = runner.invoke(app, ["ner", "evaluate", "--help"])
    assert evaluate.exit_code == 0
    assert "evaluate.py" not in evaluate.output
    for term in ("PER recall", "PER precision", "Exact spans", "origin"):
        assert term in evaluate.output
    train = runner.invoke(app, ["ner", "train", "--help"])
    assert "--replace-bundled" in train.output and "$XDG_DATA_HOME/majlis/models" in train.output
