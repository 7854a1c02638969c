"""One `majlis run` per warehouse at a time: a second run waits for the lock or exits with a clear message.

The lock is an `flock` on `<warehouse>/.run.lock`, held for the whole flow (ingest to the swap of the new
database), so two runs never land the same article twice or race on the build. The kernel drops it when
the holding process dies, even by SIGKILL, so a crashed run never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".run.lock"


class RunLockedError(RuntimeError):
    """Another run holds the warehouse; the message names the warehouse and the holder's pid."""


class WarehouseUnwritableError(RuntimeError):
    """The warehouse directory cannot be created or written (permission, read-only or full disk)."""


@contextmanager
def run_lock(warehouse: Path, wait_seconds: float = 0.0, poll: float = 0.5) -> Iterator[None]:
    """Hold the warehouse's run lock; wait up to `wait_seconds` for it, then raise RunLockedError."""
    path = warehouse / LOCK_NAME
    try:
        warehouse.mkdir(parents=True, exist_ok=True)
        handle_cm = path.open("a+")
    except OSError as exc:
        raise WarehouseUnwritableError(
            f"cannot write to the warehouse directory {warehouse}: {exc.strerror or exc}; nothing was changed"
        ) from exc
    with handle_cm as handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "unknown"
                    raise RunLockedError(
                        f"another majlis run (pid {holder}) is writing the warehouse {warehouse}; "
                        "try again when it has finished (or pass --wait SECONDS)"
                    ) from None
                time.sleep(poll)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)
