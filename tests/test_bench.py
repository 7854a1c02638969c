"""The benchmark corpus is deterministic and realistic in size; the probes time and sample what they wrap."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from majlis.bench.corpus import article_text, vocabulary, write_corpus
from majlis.bench.probe import StageTimes, sample_rss
from majlis.ingest import iter_inputs
from majlis.records import Article

EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"


def test_article_depends_only_on_seed_and_index(tmp_path: Path) -> None:
    small = write_corpus(tmp_path / "small", 3)
    large = write_corpus(tmp_path / "large", 5)
    for index in range(3):
        name = f"000/bench_{index:06d}.txt"
        assert (small.directory / name).read_text(encoding="utf-8") == (large.directory / name).read_text(
            encoding="utf-8"
        )
    assert article_text(7, 1) != article_text(8, 1)
    assert large.articles == 5 and large.words > small.words


def test_lengths_and_meetings_look_like_the_target_mix() -> None:
    samples = [article_text(7, i) for i in range(400)]
    words = [w for _, w, _ in samples]
    meetings = [m for _, _, m in samples]
    assert min(words) >= 100 and max(words) <= 1000
    assert 350 <= sum(words) / len(words) <= 450
    assert set(meetings) == {0, 1, 2, 3}


def test_generated_files_ingest_as_titled_articles(tmp_path: Path) -> None:
    stats = write_corpus(tmp_path, 20)
    items = list(iter_inputs([stats.directory]))
    assert len(items) == 20 and all(isinstance(i, Article) for i in items)
    assert all(isinstance(i, Article) and i.title for i in items)


@pytest.mark.skipif(not EVAL_DIR.is_dir(), reason="shared/eval is not beside the checkout")
def test_invented_names_are_not_taken_from_the_eval_set() -> None:
    v = vocabulary()
    text = "\n".join(p.read_text(encoding="utf-8") for p in EVAL_DIR.glob("*.jsonl"))
    text = "\n".join(json.dumps(json.loads(line), ensure_ascii=False) for line in text.splitlines() if line)
    people = [f"{g} {f}" for g in v["given_names"] for f in v["family_names"]]
    assert [p for p in people + v["family_names"] + v["foreign_names"] if p in text] == []


def test_wrap_records_each_call_and_rss_inside_it() -> None:
    def nap(seconds: float) -> float:
        time.sleep(seconds)
        return seconds

    times = StageTimes()
    slow = times.wrap("stage", nap)
    with sample_rss(times, every=0.01, pss_every=0.01):
        assert slow(0.05) == 0.05
        slow(0.0)
    assert times.calls("stage") == 2
    assert 0.05 <= times.seconds("stage") < 1.0
    assert times.peak_rss("stage") > 10 * 2**20  # a Python process is well above 10 MB
    assert times.peak_rss("missing") == 0
    assert times.peak_rss() >= times.peak_rss("stage")
    assert 0 < times.peak_pss() <= times.peak_rss()  # PSS never exceeds RSS


def test_render_reports_rates_ratio_and_second_runs(tmp_path: Path) -> None:
    from majlis.bench.corpus import CorpusStats
    from majlis.bench.run import BenchReport, RunFigures, render

    times = StageTimes(intervals={"ingest": [(0.0, 1.0)], "analyse task": [(1.0, 9.0)] * 2})
    analysis = {"analysis: ner forward": 16.0, "analysis: ner": 18.0, "analysis: extract": 2.0}
    first = RunFigures(10.0, times, articles_new=100, task_runs=4, processes=2, analysis_seconds=analysis)
    second = RunFigures(wall=2.5, times=StageTimes(), articles_new=0, task_runs=2)
    text = render(BenchReport(CorpusStats(100, 40_000, 120, tmp_path), 2000, first, second, 6.0))
    assert "NER forward pass alone: 8.00 s" in text  # 16 s over 2 processes
    assert "total / NER forward pass: 1.25" in text
    assert "TOTAL" in text and "10.0" in text and "200.0" in text  # 100 articles/10 s, 2000 sentences/10 s
    assert "extract" in text and "(workers)" in text and "2 process(es)" in text
    assert "2.50 s" in text and "6.00 s" in text
