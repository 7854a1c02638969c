"""Fit the meeting confidence (majlis/extract/confidence.py) on the real-news tune split.

    .venv/bin/python eval/real/fit_confidence.py ../real-news/tune.jsonl [--write]

Runs majlis on the split's articles, labels each predicted meeting right (it matches a gold meeting, as the
scorer matches them) or wrong, and fits an L2-regularised logistic regression of that label on the yes/no
features of the meeting. Prints the weights and the precision per band on the split; `--write` stores them in
majlis/lexicons/confidence.yaml. Fit on tune only: check is there to see whether the bands hold.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from majlis.analysis import analyse  # noqa: E402 (after the path set-up: runs from a checkout)
from majlis.evaluate import confidence_band, load_gold  # noqa: E402
from majlis.evaluate_diff import match_meetings  # noqa: E402
from majlis.extract.confidence import FEATURES, features  # noqa: E402
from majlis.gold import meeting_to_gold  # noqa: E402
from majlis.ingest import iter_inputs  # noqa: E402
from majlis.records import Article  # noqa: E402

L2 = 1.0  # the prior's weight: a few hundred meetings fit fourteen weights, so keep them small
STEPS = 5000
LEARNING_RATE = 0.5
OUTPUT = ROOT / "majlis" / "lexicons" / "confidence.yaml"


def labelled(gold_path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and right/wrong labels for every meeting majlis predicts on the gold file's articles."""
    gold = {str(g["id"]): g for g in load_gold(gold_path)}
    articles = [a for a in iter_inputs([gold_path]) if isinstance(a, Article)]
    by_article: dict[str, list] = {}
    for meeting in analyse(articles).meetings:
        by_article.setdefault(meeting.article_id, []).append(meeting)
    rows, labels = [], []
    for article in articles:
        predicted = by_article.get(article.article_id, [])
        right = {
            j
            for _, j in match_meetings(
                gold[article.external_id].get("meetings") or [], [meeting_to_gold(m) for m in predicted]
            )
        }
        for j, meeting in enumerate(predicted):
            rows.append([float(on) for on in features(meeting).values()])
            labels.append(float(j in right))
    return np.array(rows), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Gradient descent on the mean log loss plus L2 / n on the weights (not the intercept)."""
    n, k = x.shape
    w, b = np.zeros(k), 0.0
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        w -= LEARNING_RATE * (x.T @ (p - y) / n + L2 * w / n)
        b -= LEARNING_RATE * float(np.mean(p - y))
    return b, w


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--write", action="store_true", help=f"store the weights in {OUTPUT}")
    args = parser.parse_args()
    x, y = labelled(args.gold)
    b, w = fit(x, y)
    names = list(FEATURES)
    print(f"{len(y)} meetings, {int(y.sum())} right; intercept {b:+.3f}")
    for name, weight, on in zip(names, w, x.sum(axis=0), strict=True):
        print(f"  {name:26s} {weight:+.3f}  (on in {int(on)})")
    p = 1 / (1 + np.exp(-(x @ w + b)))
    bands: dict[str, list[int]] = {}
    for pi, yi in zip(p, y, strict=True):
        band = bands.setdefault(confidence_band(float(pi)), [0, 0])
        band[0] += 1
        band[1] += int(yi)
    for band, (total, right) in sorted(bands.items(), reverse=True):
        print(f"  band {band}: {right}/{total} = {right / total:.3f}")
    if args.write:
        lines = [
            "# Meeting confidence: logistic-regression weights over the yes/no features of",
            "# majlis/extract/confidence.py, fitted on the real-news tune split by",
            f"# eval/real/fit_confidence.py ({len(y)} predicted meetings, {int(y.sum())} right).",
            "# Refit after changing the rules; do not edit by hand.",
            f"intercept: {b:.4f}",
            "weights:",
            *(f"  {name}: {weight:.4f}" for name, weight in zip(names, w, strict=True)),
        ]
        OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"written: {OUTPUT}")


if __name__ == "__main__":
    main()
