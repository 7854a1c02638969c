"""Expected failures (a failed dbt test, nothing to load, a busy warehouse) end a run in one line.

Prefect logs every exception that ends a flow or task run with its traceback. For majlis's own error
types the message already says what failed and what to do, and `majlis run` prints it as its last line;
25 lines of Prefect's stack before it only hide it. A bug (any exception that is not majlis's own, or
that has one in its cause chain) keeps its traceback.
"""

from __future__ import annotations

import logging

PREFECT_RUN_LOGGERS = ("prefect.flow_runs", "prefect.task_runs", "prefect.flow_engine", "prefect.task_engine")
OWN_MODULES = ("majlis.", "flows.")


def is_expected(exc: BaseException | None) -> bool:
    """Whether an exception and every exception in its cause chain are majlis's own error types."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if not type(exc).__module__.startswith(OWN_MODULES):
            return False
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    return bool(seen)


class _DropExpectedTraceback(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and is_expected(record.exc_info[1]):
            record.exc_info = None
            record.exc_text = None
        return True


_FILTER = _DropExpectedTraceback()


def quiet_expected_tracebacks() -> None:
    """Drop tracebacks of expected errors from Prefect's run logs (idempotent)."""
    for name in PREFECT_RUN_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
