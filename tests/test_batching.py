"""How a run cuts its input into batches: big runs in full batches, small runs finely enough that every
worker process gets several."""

from __future__ import annotations

from flows.pipeline import MIN_FILES_PER_BATCH, _batch_size


def test_large_runs_use_the_requested_batch_size() -> None:
    assert _batch_size(200, 10_000, workers=2) == 200


def test_small_runs_give_each_worker_about_four_batches() -> None:
    size = _batch_size(200, 1_000, workers=2)
    assert size == 125 and -(-1_000 // size) == 8


def test_batches_never_shrink_below_the_floor_or_without_workers() -> None:
    assert _batch_size(200, 60, workers=2) == MIN_FILES_PER_BATCH
    assert _batch_size(200, 1_000, workers=0) == 200
    assert _batch_size(2, 1_000, workers=4) == 2  # an explicit small size is kept
