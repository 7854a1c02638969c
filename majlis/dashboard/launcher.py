"""Start the dashboard: `streamlit run app.py` in a subprocess, offline, on one warehouse."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from majlis import config

APP = Path(__file__).with_name("app.py")


class DashboardError(RuntimeError):
    """Streamlit stopped with an error (for instance, the port was taken)."""


def dashboard_command(port: int = 8501, address: str = "127.0.0.1") -> list[str]:
    """The streamlit command line: headless (no browser opened), no usage statistics, no file watcher."""
    return [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.port", str(port),
        "--server.address", address,
        "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--server.runOnSave", "false",
        "--browser.gatherUsageStats", "false",
        "--global.developmentMode", "false",
        "--theme.base", "light",
        "--client.toolbarMode", "viewer",
    ]  # fmt: skip


def dashboard_env(warehouse: Path | None = None) -> dict[str, str]:
    """This process's environment with MAJLIS_WAREHOUSE pointing at `warehouse` (default: config's)."""
    env = dict(os.environ)
    env[config.WAREHOUSE_ENV] = str((warehouse or config.warehouse_dir()).resolve())
    env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    return env


def serve_dashboard(port: int = 8501, warehouse: Path | None = None, address: str = "127.0.0.1") -> None:
    """Run the dashboard until interrupted (Ctrl-C); the warehouse is only ever opened read-only."""
    command = dashboard_command(port, address)
    env = dashboard_env(warehouse)
    database = Path(env[config.WAREHOUSE_ENV]) / config.database_path().name
    if not database.exists():
        print(
            f"note: no warehouse at {database} yet; the dashboard will say so until one is built",
            file=sys.stderr,
        )
    print(
        f"majlis dashboard on http://{address}:{port} (warehouse {env[config.WAREHOUSE_ENV]})",
        file=sys.stderr,
    )
    _run_until_stopped(command, env)


def _run_until_stopped(command: list[str], env: dict[str, str]) -> None:
    """Run streamlit; Ctrl-C or SIGTERM to this process stops streamlit too (no orphaned server)."""
    previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    process = subprocess.Popen(command, env=env)
    try:
        code = process.wait()
    except (KeyboardInterrupt, SystemExit):
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        return
    finally:
        signal.signal(signal.SIGTERM, previous)
    if code != 0:
        raise DashboardError(f"streamlit exited with status {code} (is port already in use?)")


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)
