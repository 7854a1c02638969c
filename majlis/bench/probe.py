"""Time and memory probes for a run in this process: stage intervals and an RSS sampler.

Stages are timed by wrapping the functions the flow calls (task bodies, NER, extraction), so the flow's
own code is measured unchanged. RSS is sampled for this process and its children (the dbt subprocess).
"""

from __future__ import annotations

import os
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
    role_peaks: dict[str, int] = field(default_factory=dict)  # largest RSS of one process, per role
    cpu_by_process: dict[int, tuple[str, float]] = field(default_factory=dict)  # pid → (role, CPU s)

    cpu_before: float = 0.0  # CPU this process had used when sampling started (corpus generation, imports)

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time (user + system) per role while sampling, as last seen (processes are read each second)."""
        totals: dict[str, float] = {}
        for role, seconds in self.cpu_by_process.values():
            totals[role] = totals.get(role, 0.0) + seconds
        if "flow" in totals:
            totals["flow"] -= self.cpu_before
        return totals

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


def _tree_memory(
    pss: bool = False, tree: list[psutil.Process] | None = None, peaks: dict[str, int] | None = None
) -> int:
    """RSS (or PSS) of this process plus its live children (workers, dbt, Prefect's temporary server);
    with `peaks`, also the largest figure seen for one process of each role."""
    total = 0
    for proc in tree if tree is not None else _process_tree():
        try:
            size = _memory(proc, pss)
            if peaks is not None:
                role = _role(proc)
                peaks[role] = max(peaks.get(role, 0), size)
        except psutil.Error:  # the child ended between listing and reading
            continue
        total += size
    return total


_ROLE_MARKERS = (("multiprocessing", "analysis worker"), ("uvicorn", "Prefect server"), ("dbt", "dbt"))
_roles: dict[int, str] = {}


def _role(proc: psutil.Process) -> str:
    """What a process of the run is, from its command line (read once per process)."""
    if proc.pid == os.getpid():
        return "flow"
    if proc.pid not in _roles:
        command = " ".join(proc.cmdline())
        _roles[proc.pid] = next((role for marker, role in _ROLE_MARKERS if marker in command), "other")
    return _roles[proc.pid]


def _record_cpu(tree: list[psutil.Process], seen: dict[int, tuple[str, float]]) -> None:
    for proc in tree:
        try:
            used = proc.cpu_times()
            seen[proc.pid] = (_role(proc), used.user + used.system)
        except psutil.Error:
            continue


def _process_tree() -> list[psutil.Process]:
    proc = psutil.Process()
    return [proc, *proc.children(recursive=True)]


@contextmanager
def sample_rss(
    times: StageTimes,
    every: float = 0.2,
    pss_every: float = 10.0,
    tree_every: float = 1.0,
    pss_gap: float = 2.0,
) -> Iterator[None]:
    """Sample the RSS of this process tree every `every` seconds, and its PSS when the RSS reaches a new
    high (at most every `pss_gap` seconds) or else every `pss_every` seconds.

    The sampler runs in the process it measures, so what it costs is added to the figures: reading PSS
    walks every mapping of every process (tens of ms for a tree holding torch twice), and listing
    children scans every process on the machine. At 10 RSS samples a second, PSS at every new high and
    the process list twice a second it took about 3 % of a core; at these rates, about 1 %. The peak is
    what is reported, and PSS peaks where RSS does.
    """
    stop = threading.Event()
    used = psutil.Process().cpu_times()
    times.cpu_before = used.user + used.system

    def loop() -> None:
        next_pss = next_tree = time.monotonic()
        highest = 0
        tree: list[psutil.Process] = []
        while not stop.wait(every):
            now = time.monotonic()
            if now >= next_tree:
                tree, next_tree = _process_tree(), now + tree_every
                _record_cpu(tree, times.cpu_by_process)
            rss = _tree_memory(tree=tree, peaks=times.role_peaks)
            times.samples.append((now, rss))
            new_high, highest = rss > highest, max(rss, highest)
            if now >= next_pss or (new_high and now >= next_pss - pss_every + pss_gap):
                times.pss_samples.append((now, _tree_memory(pss=True, tree=tree)))
                next_pss = now + pss_every

    thread = threading.Thread(target=loop, name="rss-sampler", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
