"""The launch command: offline, headless, pointed at the chosen warehouse."""

from __future__ import annotations

from pathlib import Path

from majlis.dashboard import launcher


def test_command_runs_the_packaged_app_offline_and_headless() -> None:
    command = launcher.dashboard_command(port=8765)
    assert command[1:4] == ["-m", "streamlit", "run"] and Path(command[4]) == launcher.APP
    assert launcher.APP.is_file()
    pairs = dict(zip(command[5::2], command[6::2], strict=True))
    assert pairs["--server.port"] == "8765"
    assert pairs["--server.headless"] == "true"
    assert pairs["--browser.gatherUsageStats"] == "false"
    assert pairs["--server.address"] == "127.0.0.1"


def test_env_points_at_the_warehouse(tmp_path: Path) -> None:
    env = launcher.dashboard_env(tmp_path / "wh")
    assert env["MAJLIS_WAREHOUSE"] == str((tmp_path / "wh").resolve())
