"""The command line: every command documents itself, and user errors are one clear line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from majlis.cli import app


def _commands(group: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """(name, command) for every command and sub-command (typer ships its own click classes)."""
    found: list[tuple[str, Any]] = []
    for name, command in group.commands.items():
        found.append((prefix + name, command))
        if hasattr(command, "commands"):
            found += _commands(command, prefix + name + " ")
    return found


def test_every_command_and_option_has_help() -> None:
    root = typer.main.get_command(app)
    commands = _commands(root)
    names = {name for name, _ in commands}
    assert {
        "run",
        "extract",
        "evaluate",
        "sql",
        "serve",
        "dashboard",
        "ner train",
        "models download",
    } <= names
    for name, command in commands:
        assert command.help, f"`majlis {name}` has no help text"
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                assert param.help, f"`majlis {name} --{param.name}` has no help text"


@pytest.mark.parametrize("args", [["extract", "no/such/file.jsonl", "-o", "x.jsonl"], ["run", "no/such/dir"]])
def test_missing_input_is_a_clear_error(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAJLIS_WAREHOUSE", str(tmp_path))
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "not found" in result.output and "no/such" in result.output


def test_sql_without_warehouse_names_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAJLIS_WAREHOUSE", str(tmp_path / "empty"))
    result = CliRunner().invoke(app, ["sql", "select 1"])
    assert result.exit_code == 1
    assert "majlis run" in result.output
