"""Process-wide settings for running Prefect quietly and offline, and the crash-test hook."""

from __future__ import annotations

import asyncio
import ctypes
import errno
import logging
import os
import signal
from pathlib import Path

CRASH_ENV = "MAJLIS_CRASH_AT"
FAULT_ENV = "MAJLIS_FAULT"  # KIND@POINT, e.g. enospc@write (fault-injection tests only)


class _DropShutdownCancellations(logging.Filter):
    """Prefect's ephemeral server logs CancelledError tracebacks while it shuts down after a
    completed flow; they are noise, not failures, so users should not see them."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, asyncio.CancelledError)


def quiet_prefect_shutdown() -> None:
    """Turn off telemetry and drop the shutdown noise of the ephemeral server."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    for name in ("prefect", "prefect.server", "prefect.server.services", "uvicorn.error", "asyncio"):
        logging.getLogger(name).addFilter(_DropShutdownCancellations())


def crash_point(name: str) -> None:
    """Die like SIGKILL at a named point when `$MAJLIS_CRASH_AT` names it (crash-safety tests only).

    `os._exit` skips every cleanup handler, as a kill would; with the variable unset this does nothing.
    """
    if os.environ.get(CRASH_ENV) == name:
        os._exit(137)


def die_with_parent() -> None:
    """In a child process (dbt, Prefect's server): get SIGKILL when majlis dies, so a killed run leaves no
    orphan behind (a dbt build still writing, a server holding its port)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux; elsewhere a harmless failure)
    except (OSError, AttributeError):
        pass


def fault_active(kind: str, point: str) -> bool:
    """Whether `$MAJLIS_FAULT` injects `kind` at `point` (fault-injection tests and the soak run only)."""
    return os.environ.get(FAULT_ENV) == f"{kind}@{point}"


def fault_point(point: str, path: Path | None = None) -> None:
    """Inject the fault `$MAJLIS_FAULT` names at this point, as the real fault would show itself.

    `enospc` and `eacces` raise the OSError a full disk or a refused write raises; `truncate` cuts `path`
    to half its size, as a failing disk or an interrupted copy leaves a file.
    """
    if fault_active("enospc", point):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path or point))
    if fault_active("eacces", point):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path or point))
    if fault_active("truncate", point) and path is not None:
        os.truncate(path, path.stat().st_size // 2)
