"""Time and memory probes for a run in this process: stage intervals and an RSS sampler.

Stages are timed by wrapping the functions the flow calls (task bodies, NER, extraction), so the flow's
own code is measured unchanged. RSS is sampled for this process and its children (the dbt subprocess).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import psutil  # type: ignore[import-untyped]


@dataclass
class StageTimes:
    """Intervals per stage, call counts, and RSS samples taken while the run went on."""

    intervals: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    samples: list[tuple[float, int]] = field(default_factory=list)

    def seconds(self, stage: str) -> float:
        return sum(end - start for start, end in self.intervals.get(stage, []))

    def calls(self, stage: str) -> int:
        return len(self.intervals.get(stage, []))

    def peak_rss(self, stage: str | None = None) -> int:
        """Peak RSS (bytes) over samples inside the stage's intervals (all samples when None)."""
        if stage is None:
            return max((rss for _, rss in self.samples), default=0)
        spans = self.intervals.get(stage, [])
        inside = [rss for t, rss in self.samples if any(a <= t <= b for a, b in spans)]
        return max(inside, default=0)

    def wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        """`fn`, recording each call's start and end under `stage`."""

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.monotonic()
            try:
                return fn(*args, **kwargs)
            finally:
                self.intervals.setdefault(stage, []).append((start, time.monotonic()))
                self.samples.append((time.monotonic(), _tree_rss()))

        timed.__wrapped__ = fn  # type: ignore[attr-defined]
        return timed


def _tree_rss() -> int:
    """RSS of this process plus its live children (dbt runs as a subprocess)."""
    proc = psutil.Process()
    total = int(proc.memory_info().rss)
    for child in proc.children(recursive=True):
        try:
            total += int(child.memory_info().rss)
        except psutil.Error:
            continue
    return total


@contextmanager
def sample_rss(times: StageTimes, every: float = 0.05) -> Iterator[None]:
    """Sample the RSS of this process tree every `every` seconds while the block runs."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(every):
            times.samples.append((time.monotonic(), _tree_rss()))

    thread = threading.Thread(target=loop, name="rss-sampler", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
