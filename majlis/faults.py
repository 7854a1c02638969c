"""Known faults as one plain line and an exit code of their own; tracebacks go to the log.

An operator meeting a full disk should read "no space left on device" in one line, not find it in 381
lines of tracebacks. Every failure of a command is classified by walking its exception chain; the line is
printed, the traceback appended to `<warehouse>/logs/majlis.log` (and printed with `--debug`).
"""

from __future__ import annotations

import errno
import functools
import logging
import logging.handlers
import re
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console

EXIT_FAILED = 1
EXIT_DBT_TEST = 65  # EX_DATAERR: the data failed a dbt test
EXIT_PREFECT_UNREACHABLE = 69  # EX_UNAVAILABLE
EXIT_DAMAGED = 71  # EX_OSERR: a landed file was damaged under the run (disk, copy); the next run redoes it
EXIT_NO_SPACE = 74  # EX_IOERR
EXIT_LOCKED = 75  # EX_TEMPFAIL: another run holds the warehouse
EXIT_PERMISSION = 77  # EX_NOPERM
_NO_SPACE = (errno.ENOSPC, errno.EDQUOT)
_DENIED = (errno.EACCES, errno.EPERM, errno.EROFS)
LOG_NAME = Path("logs") / "majlis.log"
F = TypeVar("F", bound=Callable[..., Any])
_console = Console(stderr=True, width=None)
debug_mode = False  # set by --debug: tracebacks on the terminal too


class SpaceError(OSError):
    """Preflight: not enough free space for the run; the message names the directory and the need."""


class PrefectUnreachableError(RuntimeError):
    """The Prefect server at PREFECT_API_URL does not answer."""


@dataclass(frozen=True)
class Fault:
    """How a failure ends a command: exit code and one line."""

    code: int
    line: str
    logged: bool = True  # whether the traceback helps (not for a preflight refusal or a busy warehouse)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and every exception it was raised from or while handling, outermost first."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _dbt_fault(exc: BaseException) -> Fault | None:
    """A failed dbt build: out of space, refused, or a failing test (its names), else None."""
    text = str(exc)
    if "No space left on device" in text or "Errno 28" in text:
        return Fault(EXIT_NO_SPACE, f"no space left on device during the dbt build: {_first_line(exc)}")
    if "Permission denied" in text or "Read-only file system" in text:
        return Fault(EXIT_PERMISSION, f"permission denied during the dbt build: {_first_line(exc)}")
    failures: list[tuple[str, str]] = getattr(exc, "failures", [])
    tests = [node.split(".")[2] for node, _ in failures if node.startswith(("test.", "unit_test."))]
    if tests:
        return Fault(
            EXIT_DBT_TEST,
            f"dbt test failed: {', '.join(sorted(tests))}; the previous warehouse is still served "
            "(fix the cause, then `majlis run --reprocess` replaces the facts)",
        )
    return None


def classify(exc: BaseException) -> Fault:
    """The exit code and one line for `exc`: the first known fault found in its chain."""
    from majlis.runlock import RunLockedError

    for link in _chain(exc):
        if isinstance(link, RunLockedError):
            return Fault(EXIT_LOCKED, _first_line(link), logged=False)
        if isinstance(link, SpaceError):
            return Fault(EXIT_NO_SPACE, _first_line(link), logged=False)
        if isinstance(link, PrefectUnreachableError):
            return Fault(EXIT_PREFECT_UNREACHABLE, _first_line(link), logged=False)
        if type(link).__name__ == "LandedDamageError":
            return Fault(EXIT_DAMAGED, _first_line(link))
        if type(link).__name__ == "WarehouseBuildError" and (fault := _dbt_fault(link)):
            return fault
        if isinstance(link, OSError) and link.errno in _NO_SPACE + _DENIED:
            where = f" ({link.filename})" if link.filename else ""
            code = EXIT_NO_SPACE if link.errno in _NO_SPACE else EXIT_PERMISSION
            return Fault(code, f"{link.strerror or _first_line(link)}{where}")
        if "Failed to reach API" in str(link) or type(link).__name__ == "ConnectError":
            return Fault(EXIT_PREFECT_UNREACHABLE, _prefect_line(link))
    return Fault(EXIT_FAILED, _first_line(exc))


def _prefect_line(exc: BaseException) -> str:
    from majlis.preflight import prefect_api_url

    url = prefect_api_url() or "PREFECT_API_URL"
    return (
        f"cannot reach the Prefect server at {url} ({_first_line(exc)}); "
        "start it (prefect server start) or unset PREFECT_API_URL to use a temporary one"
    )


def log_path() -> Path:
    from majlis import config

    return config.warehouse_dir() / LOG_NAME


def record(exc: BaseException) -> Path | None:
    """Append the traceback to the log; None when even that cannot be written (e.g. a full disk)."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now(UTC).isoformat()} {type(exc).__name__}\n")
            handle.write("".join(traceback.format_exception(exc)))
    except OSError:
        return None
    return path


def report(exc: BaseException, say: Console | None = None) -> int:
    """Print the fault's one line (and the traceback with --debug), log the traceback; the exit code."""
    fault = classify(exc)
    logged = record(exc) if fault.logged else None
    where = f" (traceback in {logged}; --debug shows it)" if logged and not debug_mode else ""
    if debug_mode:
        _console.print("".join(traceback.format_exception(exc)), markup=False, highlight=False)
    (say or _console).print(f"[red]error:[/red] {fault.line}{where}", highlight=False, soft_wrap=True)
    return fault.code


def plain_errors(command: F) -> F:
    """Decorate a command: any exception ends it with one line and the fault's exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        global debug_mode
        debug_mode = bool(kwargs.get("debug"))
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            raise typer.Exit(report(exc)) from exc

    return wrapper  # type: ignore[return-value]


class _HideFailureTracebacks(logging.Filter):
    """Prefect's console reports of a failed task or flow (tracebacks, the failed state): the one line
    at the end says it; the log file keeps them."""

    _FAILED = re.compile(r"Finished in state (Failed|Crashed)|failed with exception|Encountered exception")

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info or not record.name.startswith("prefect"):
            return record.exc_info is None
        return not self._FAILED.search(str(record.msg))


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    def handleError(self, record: logging.LogRecord) -> None:
        """A log that cannot be written (full disk) must not add its own traceback."""


def capture_logs() -> None:
    """Log everything to `<warehouse>/logs/majlis.log`; without --debug, keep failure tracebacks off the
    terminal. Call after Prefect is imported (its logging set-up replaces the root's handlers)."""
    root = logging.getLogger()
    if not debug_mode:
        for handler in root.handlers:
            if type(handler).__name__ == "PrefectConsoleHandler":
                handler.addFilter(_HideFailureTracebacks())
    try:
        log_path().parent.mkdir(parents=True, exist_ok=True)
        handler = _QuietFileHandler(log_path(), maxBytes=5_000_000, backupCount=2, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
