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
    """Intervals per stage, call counts, and memory samples taken while the run went on.

    Samples are (time, bytes) of the process tree. RSS counts shared library pages once per process
    (torch's are in every worker); PSS splits them between the processes that share them, so its sum is
    the memory the run really holds. PSS is sampled less often: reading it walks every mapping (about
    4 ms per process), which at RSS's rate would take a good part of a core from the run it measures.
    """

    intervals: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    samples: list[tuple[float, int]] = field(default_factory=list)
    pss_samples: list[tuple[float, int]] = field(default_factory=list)

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

    def peak_pss(self) -> int:
        """Peak PSS (bytes) of the process tree over the whole run (0 where the OS does not report it)."""
        return max((pss for _, pss in self.pss_samples), default=0)

    def wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        """`fn`, recording each call's start and end under `stage`."""

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.monotonic()
            try:
                return fn(*args, **kwargs)
            finally:
                self.intervals.setdefault(stage, []).append((start, time.monotonic()))
                self.samples.append((time.monotonic(), _tree_memory()))

        timed.__wrapped__ = fn  # type: ignore[attr-defined]
        return timed


def _memory(proc: psutil.Process, pss: bool) -> int:
    if pss:
        try:
            return int(getattr(proc.memory_full_info(), "pss", 0))  # PSS needs smaps (Linux)
        except psutil.AccessDenied:
            return 0
    return int(proc.memory_info().rss)


def _tree_memory(pss: bool = False) -> int:
    """RSS (or PSS) of this process plus its live children (workers, dbt, Prefect's temporary server)."""
    proc = psutil.Process()
    total = _memory(proc, pss)
    for child in proc.children(recursive=True):
        try:
            total += _memory(child, pss)
        except psutil.Error:  # the child ended between listing and reading
            continue
    return total


@contextmanager
def sample_rss(times: StageTimes, every: float = 0.05, pss_every: float = 1.0) -> Iterator[None]:
    """Sample the RSS of this process tree every `every` seconds, and its PSS every `pss_every`."""
    stop = threading.Event()

    def loop() -> None:
        next_pss = time.monotonic()
        while not stop.wait(every):
            now = time.monotonic()
            times.samples.append((now, _tree_memory()))
            if now >= next_pss:
                times.pss_samples.append((now, _tree_memory(pss=True)))
                next_pss = now + pss_every

    thread = threading.Thread(target=loop, name="rss-sampler", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
