"""How a run cuts its input into batches: big runs in full batches, small runs finely enough that every
worker process gets several."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.pipeline import MIN_FILES_PER_BATCH, TAPER, _batch_size, _batches


def test_large_runs_use_the_requested_batch_size() -> None:
    assert _batch_size(200, 10_000, workers=2) == 200


def test_small_runs_give_each_worker_about_four_batches() -> None:
    size = _batch_size(200, 1_000, workers=2)
    assert size == 125 and -(-1_000 // size) == 8


def test_batches_never_shrink_below_the_floor_or_without_workers() -> None:
    assert _batch_size(200, 60, workers=2) == MIN_FILES_PER_BATCH
    assert _batch_size(200, 1_000, workers=0) == 200
    assert _batch_size(2, 1_000, workers=4) == 2  # an explicit small size is kept


@settings(max_examples=200, deadline=None)
@given(items=st.integers(0, 3_000), size=st.integers(1, 300), workers=st.integers(0, 4))
def test_batches_keep_every_item_once_in_order(items: int, size: int, workers: int) -> None:
    batches = _batches(list(range(items)), size, workers)
    assert [item for batch in batches for item in batch] == list(range(items))
    assert all(0 < len(batch) <= size for batch in batches)


def test_without_workers_batches_are_full_but_the_last() -> None:
    sizes = [len(batch) for batch in _batches(list(range(1_030)), 200)]
    assert sizes == [200, 200, 200, 200, 200, 30]


def test_with_workers_the_last_batches_are_smaller_so_workers_finish_together() -> None:
    sizes = [len(batch) for batch in _batches(list(range(10_000)), 200, workers=2)]
    assert sizes[:48] == [200] * 48
    tail = sizes[48:]
    assert sum(tail) == 400 and max(tail) <= 200 // TAPER and min(tail) >= 200 // TAPER - 1


def test_a_tapered_tail_is_cut_evenly_never_leaving_a_crumb() -> None:
    sizes = [len(batch) for batch in _batches(list(range(1_000)), 125, workers=2)]
    full = sizes.count(125)
    tail = sizes[full:]
    assert sizes[:full] == [125] * full and sum(tail) >= 2 * 125
    assert max(tail) - min(tail) <= 1 and min(tail) >= MIN_FILES_PER_BATCH
