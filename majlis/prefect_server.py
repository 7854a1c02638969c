"""Prefect's temporary server for one `majlis run`, started by majlis instead of by Prefect's client.

With no `PREFECT_API_URL`, Prefect's client starts a temporary server itself, but first imports the whole
server package into the flow's process to do so: about 80 MB that stay for the run, and seconds of CPU
while every core is busy starting up. Majlis starts the same server the same way (Prefect's command and
settings) as a child process, while it imports the flow and starts its workers, and points the client at
it. With `PREFECT_API_URL` set, or Prefect's ephemeral mode turned off, it does nothing: Prefect's own
rules apply.
"""

from __future__ import annotations

import atexit
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from majlis.runtime import die_with_parent

MIN_STARTUP_SECONDS = 60.0  # Prefect's own default (20 s) is short for a loaded 2-core machine
# Prefect's server records task runs one database transaction each by default: about 60 ms of its CPU per
# task run here, taken from the analysis workers. In batches of 50 (still written at least every 5 s, and
# when the server stops) a run of 170 task runs cost the server 3-5 CPU s instead of 6-11. A user's own
# settings of these win.
RECORDER_BATCHING = {
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "50",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_READ_BATCH_SIZE": "50",
}
_PORT_IN_USE = 3  # uvicorn's exit code when it cannot bind


class PrefectServerError(RuntimeError):
    """The temporary Prefect server did not start; the message has what it printed."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class TemporaryPrefectServer:
    """A Prefect API server in a child process, for the length of one run or one `majlis serve`.

    With `services`, the server runs Prefect's background services as `prefect server start` does, the
    scheduler among them: Prefect's ephemeral mode runs none of them, so a served deployment's schedule
    would never create a run.
    """

    def __init__(self, services: bool = False) -> None:
        self.services = services
        self.log_path = self.log_path_default()
        self.port = _free_port()
        self.process = self._spawn()

    @staticmethod
    def log_path_default() -> Path:
        """Where the server's output goes: beside Prefect's own database."""
        from prefect.settings import get_current_settings

        return Path(get_current_settings().home) / "majlis-server.log"

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    @staticmethod
    def needed() -> bool:
        """Whether Prefect would start a temporary server itself (no API URL, ephemeral mode on)."""
        from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

        return not PREFECT_API_URL.value() and bool(PREFECT_SERVER_EPHEMERAL_ENABLED.value())

    def _spawn(self) -> subprocess.Popen[bytes]:
        """Prefect's own command for its temporary server (`SubprocessASGIServer`), as a child that dies
        with majlis; what it prints goes to a log file beside Prefect's database, not to the terminal."""
        import prefect
        from prefect.settings import get_current_settings

        env = {
            **os.environ,
            "PREFECT_UI_ENABLED": "0",
            "PREFECT__SERVER_FINAL": "1",
            **get_current_settings().to_environment_variables(exclude_unset=True),
        }
        if not self.services:
            env["PREFECT__SERVER_EPHEMERAL"] = "1"
        command = [
            sys.executable, "-m", "uvicorn", "--app-dir", str(Path(prefect.__file__).parent.parent),
            "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1",
            "--port", str(self.port), "--log-level", "error", "--lifespan", "on",
        ]  # fmt: skip
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("wb") as log:
            return subprocess.Popen(
                command, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                preexec_fn=die_with_parent,
            )  # fmt: skip

    def wait_until_ready(self) -> None:
        """Block until the server answers its health check (restarting on another port if its port was
        taken meanwhile); PrefectServerError if it exits or does not answer in time (Prefect's
        `PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS`, at least a minute)."""
        import httpx
        from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS

        timeout = max(float(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value()), MIN_STARTUP_SECONDS)
        deadline = time.monotonic() + timeout
        # one client for every poll: `httpx.get` builds a client, TLS context included, each time (55 ms
        # of CPU per poll here, 6 s over a server start, taken from the workers loading the model)
        with httpx.Client(timeout=2) as client:
            while time.monotonic() < deadline:
                code = self.process.poll()
                if code == _PORT_IN_USE:
                    self.port = _free_port()
                    self.process = self._spawn()
                elif code is not None:
                    raise PrefectServerError(f"Prefect's server exited with code {code}; see {self.log_path}")
                try:
                    if client.get(f"{self.api_url}/health").status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.1)
        self.stop()
        raise PrefectServerError(f"Prefect's server did not answer in {timeout:.0f} s; see {self.log_path}")

    def stop(self) -> None:
        """Send what Prefect's client still holds (logs, events), then end the server (idempotent)."""
        from prefect.events.worker import EventsWorker
        from prefect.logging.handlers import APILogWorker

        if self.process.poll() is None:
            APILogWorker.drain_all(timeout=5)
            EventsWorker.drain_all(timeout=5)
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


_server: TemporaryPrefectServer | None = None


def start_prefect_server() -> None:
    """Start the temporary server now, if a run would need one and this process has none yet; it runs
    until this process exits (as Prefect's own does), so a second run in the process reuses it."""
    global _server
    if _server is None and TemporaryPrefectServer.needed():
        from prefect.logging import get_logger

        _server = TemporaryPrefectServer()
        atexit.register(_server.stop)
        get_logger(__name__).info(
            "starting a temporary Prefect server on %s for this run (to keep runs and see them in the UI, "
            "run `prefect server start` and set PREFECT_API_URL)", _server.api_url,
        )  # fmt: skip


@contextmanager
def prefect_api() -> Iterator[None]:
    """Within the block, Prefect's client uses the server `start_prefect_server` started (waiting until it
    answers). Without one, Prefect's own settings apply unchanged."""
    if _server is None:
        yield
        return
    from prefect.settings import PREFECT_API_URL, PREFECT_UI_URL, temporary_settings

    from majlis import timeline

    timeline.mark("prefect wait")
    _server.wait_until_ready()
    timeline.mark("prefect ready")
    # no UI link in the run's log: this server, like Prefect's temporary one, serves no UI
    with temporary_settings(updates={PREFECT_API_URL: _server.api_url, PREFECT_UI_URL: ""}):
        yield


_owned: TemporaryPrefectServer | None = None


@contextmanager
def owned_prefect_server(services: bool = True) -> Iterator[str]:
    """For a long-lived process (`majlis serve`): yield the API URL to use. With no `PREFECT_API_URL`, a
    server of majlis's own, with Prefect's background services (its scheduler) when `services`, runs for
    the length of the block; its URL is also exported, so the flow runs this process starts use it."""
    global _owned
    from prefect.settings import PREFECT_API_URL, PREFECT_UI_URL, temporary_settings

    if not TemporaryPrefectServer.needed():
        yield str(PREFECT_API_URL.value())
        return
    server = TemporaryPrefectServer(services=services)
    _owned = server
    try:
        server.wait_until_ready()
        saved = os.environ.get("PREFECT_API_URL")
        os.environ["PREFECT_API_URL"] = server.api_url
        try:
            with temporary_settings(updates={PREFECT_API_URL: server.api_url, PREFECT_UI_URL: ""}):
                yield server.api_url
        finally:
            if saved is None:
                os.environ.pop("PREFECT_API_URL", None)
            else:
                os.environ["PREFECT_API_URL"] = saved
    finally:
        server.stop()
        _owned = None


def owned_server_pid() -> int | None:
    """The process id of the server `owned_prefect_server` runs, if any."""
    return _owned.process.pid if _owned is not None else None
