"""End the `majlis` process as soon as its work is done, without the interpreter's teardown.

Python's teardown frees every module one by one: with torch, Prefect, pyarrow and dbt's client loaded, a
one-shot `majlis run` spent 1.1 s of its 15 s there, after its last line was printed and its temporary
server had stopped. What a normal exit does that matters is kept, in the same order: the command's threads
are waited for, the `atexit` handlers run (they stop Prefect's server, end dbt's process, write the
timeline), and the output is flushed. Nothing is left to teardown that holds data: landed Parquet files are
written whole and renamed, and DuckDB writes go through dbt's own process or are committed.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
from collections.abc import Callable


def exit_code(code: object) -> int:
    """The process exit status `sys.exit(code)` gives: None is 0, an int is itself, anything else is
    printed to stderr and is 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _wait_for_threads() -> None:
    """What the interpreter does first at exit: the thread pools' exit hooks (they tell idle workers to
    end), then wait for every non-daemon thread. The interpreter's own function, as it calls it."""
    threading._shutdown()  # type: ignore[attr-defined]


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe or stream: nothing more to say on it
            stream.flush()


def run_then_exit(command: Callable[[], object]) -> None:
    """Run `command` (a console entry point that ends in `sys.exit`), then exit the process at once with
    its status. An exception other than SystemExit propagates as usual, with the usual teardown."""
    try:
        command()
        code: object = 0
    except SystemExit as stop:
        code = stop.code
    status = exit_code(code)
    _wait_for_threads()
    atexit._run_exitfuncs()
    _flush()
    os._exit(status)
