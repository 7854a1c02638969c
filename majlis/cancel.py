"""Cancelling the run in progress in this process (`majlis serve` runs the scheduled runs in threads).

Kept out of the flow's module: a Dask task runner pickles the flow module's task functions by value, and a
module-level lock beside them cannot be pickled.
"""

from __future__ import annotations

import threading

_cancel = threading.Event()


def cancel_run() -> None:
    """Ask the run in progress in this process to stop at its next step: the next batch, the next landing,
    the build. What it landed stays; its next run goes on."""
    _cancel.set()


def clear_cancel() -> None:
    """A cancel asked of an earlier run is not this run's."""
    _cancel.clear()


def cancel_asked() -> bool:
    return _cancel.is_set()
