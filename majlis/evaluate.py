"""Measure extraction on gold-annotated articles (GOLD_FORMAT.md), so users can score their own data.

Matching follows the project's scorer: meetings match within an article on their country set and
participant names; participants on (name, country); titles and ranks compare without «ال». Besides the
scores, every article gets the list of what differs (`majlis.evaluate_diff`), because a ratio alone does
not tell an analyst that one article has host and guest swapped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from majlis.evaluate_diff import (
    Finding,
    Meeting,
    countries_of,
    diff_article,
    match_meetings,
    match_participants,
    names_match,
    norm_text,
    same_phrase,
)

__all__ = ["GoldFormatError", "Report", "evaluate_file", "load_gold", "names_match", "norm_text", "score"]

COUNT_KEYS = (
    "m_tp", "m_pred", "m_gold", "p_tp", "p_pred", "p_gold", "c_tp", "c_pred", "c_gold", "matched",
    "date_ok", "loc_ok", "type_ok", "t_tp", "t_pred", "t_gold", "roles", "role_ok", "title_ok", "rank_ok",
)  # fmt: skip


class GoldFormatError(ValueError):
    """The file is not gold annotations (no `meetings`, or not JSON Lines); the message says where."""


def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else float(not n_gold)
    r = tp / n_gold if n_gold else float(not n_pred)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _pairs(meetings: list[Meeting]) -> set[tuple[str, str]]:
    out = set()
    for m in meetings:
        cs = sorted(countries_of(m))
        out |= {(a, b) for k, a in enumerate(cs) for b in cs[k + 1 :]}
    return out


@dataclass
class ArticleResult:
    """One article's meeting counts and everything that differs from its gold annotation."""

    id: str
    gold: int
    pred: int
    findings: list[Finding] = field(default_factory=list)


# Bands of the extractor's confidence, for precision per band (lower bound, label)
CONFIDENCE_BANDS = ((0.85, "0.85-1.00"), (0.70, "0.70-0.85"), (0.50, "0.50-0.70"), (0.0, "0.00-0.50"))


def confidence_band(confidence: float) -> str:
    """The label of the band a meeting's confidence falls in."""
    return next(label for low, label in CONFIDENCE_BANDS if confidence >= low)


@dataclass
class Report:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNT_KEYS, 0))
    articles: list[ArticleResult] = field(default_factory=list)
    # per confidence band: [meetings predicted, of them matching a gold meeting]
    bands: dict[str, list[int]] = field(default_factory=dict)
    # per extraction rule: [meetings it took part in, of them matching a gold meeting]
    rules: dict[str, list[int]] = field(default_factory=dict)

    def rule_precision(self) -> list[tuple[str, int, int]]:
        """(rule, matched, predicted) per rule, weakest first: the rules to look at first."""
        rows = [(name, hit, n) for name, (n, hit) in self.rules.items()]
        return sorted(rows, key=lambda r: (r[1] / r[2], -r[2], r[0]))

    def render_rules(self) -> str:
        """Precision per rule (meetings a rule took part in that match gold / all such meetings)."""
        lines = ["precision by rule (meetings the rule took part in that match gold / all of them):"]
        lines += [f"  {name:40s} {m / n:.3f}  {m}/{n}" for name, m, n in self.rule_precision()]
        return "\n".join(lines)

    def band_precision(self) -> list[tuple[str, int, int]]:
        """(band, matched, predicted) for each band that has predictions, highest band first."""
        return [
            (label, self.bands[label][1], self.bands[label][0])
            for _, label in CONFIDENCE_BANDS
            if self.bands.get(label, [0])[0]
        ]

    def metrics(self) -> dict[str, float]:
        c = self.counts
        out: dict[str, float] = {}
        for key, (tp, pr, go) in _F1_COUNTS.items():
            p, r, f = _f1(c[tp], c[pr], c[go])
            out |= {f"{key}_precision": p, f"{key}_recall": r, f"{key}_f1": f}
        n = max(c["matched"], 1)
        out |= {
            "date_accuracy": c["date_ok"] / n,
            "location_country_accuracy": c["loc_ok"] / n,
            "event_type_accuracy": c["type_ok"] / n,
        }
        p, r, f = _f1(c["t_tp"], c["t_pred"], c["t_gold"])
        out |= {"topic_precision": p, "topic_recall": r, "topic_f1": f}
        r = max(c["roles"], 1)
        out |= {
            "role_accuracy": c["role_ok"] / r,
            "title_accuracy": c["title_ok"] / r,
            "rank_accuracy": c["rank_ok"] / r,
        }
        return out

    def fractions(self) -> dict[str, tuple[int, int]]:
        """(numerator, denominator) behind each ratio of `metrics()`; F1 scores have none."""
        c = self.counts
        out: dict[str, tuple[int, int]] = {}
        for key, (tp, pr, go) in _F1_COUNTS.items():
            out |= {f"{key}_precision": (c[tp], c[pr]), f"{key}_recall": (c[tp], c[go])}
        out |= {
            "date_accuracy": (c["date_ok"], c["matched"]),
            "location_country_accuracy": (c["loc_ok"], c["matched"]),
            "event_type_accuracy": (c["type_ok"], c["matched"]),
            "topic_precision": (c["t_tp"], c["t_pred"]),
            "topic_recall": (c["t_tp"], c["t_gold"]),
            "role_accuracy": (c["role_ok"], c["roles"]),
            "title_accuracy": (c["title_ok"], c["roles"]),
            "rank_accuracy": (c["rank_ok"], c["roles"]),
        }
        return out

    def render(self, per_article: bool = True) -> str:
        """Scores with their counts (0.973 72/74), then per article what was missed, extra or wrong."""
        lines = [f"articles                     {len(self.articles)}"]
        fractions = self.fractions()
        for key, value in self.metrics().items():
            line = f"{key:28s} {value:.3f}"
            if key in fractions:
                line += f"  {fractions[key][0]}/{fractions[key][1]}"
            lines.append(line)
        bands = self.band_precision()
        if bands:
            lines.append("precision by confidence (filter fact_meetings.confidence with these):")
            lines += [f"  {label}  {m / n:.3f}  {m}/{n}" for label, m, n in bands]
        if per_article:
            for art in self.articles:
                if art.findings:
                    lines.append(f"\n{art.id}: gold {art.gold} meetings, predicted {art.pred}")
                    lines += [f"  {f.kind}: {f.detail}" for f in art.findings]
            clean = sum(1 for a in self.articles if not a.findings)
            lines.append(f"\n{clean}/{len(self.articles)} articles without any difference")
        return "\n".join(lines)


_F1_COUNTS = {
    "meeting": ("m_tp", "m_pred", "m_gold"),
    "participant": ("p_tp", "p_pred", "p_gold"),
    "country_pair": ("c_tp", "c_pred", "c_gold"),
}


def _named(meetings: list[Meeting]) -> list[dict[str, Any]]:
    return [x for m in meetings for x in m.get("participants", []) if x.get("name")]


def _count_bands(bands: dict[str, list[int]], pm: list[Meeting], matched: list[tuple[int, int]]) -> None:
    hits = {j for _, j in matched}
    for j, p in enumerate(pm):
        if p.get("confidence") is None:
            continue
        band = bands.setdefault(confidence_band(float(p["confidence"])), [0, 0])
        band[0] += 1
        band[1] += j in hits


def _count_rules(rules: dict[str, list[int]], pm: list[Meeting], matched: list[tuple[int, int]]) -> None:
    """A rule takes part in a meeting when it made the meeting or read one of its participants."""
    hits = {j for _, j in matched}
    for j, p in enumerate(pm):
        names = [*p.get("rules", []), *(r for x in p.get("participants", []) for r in x.get("rules", []))]
        for name in dict.fromkeys(names):
            counts = rules.setdefault(name, [0, 0])
            counts[0] += 1
            counts[1] += j in hits


def _count_article(c: dict[str, int], gm: list[Meeting], pm: list[Meeting]) -> list[tuple[int, int]]:
    matched = match_meetings(gm, pm)
    c["m_tp"] += len(matched)
    c["m_pred"] += len(pm)
    c["m_gold"] += len(gm)
    gk, pk = _named(gm), _named(pm)
    for gx, px in match_participants(gk, pk):
        c["p_tp"] += 1
        c["roles"] += 1
        c["role_ok"] += gx.get("role") == px.get("role")
        c["title_ok"] += same_phrase(gx.get("title"), px.get("title"))
        c["rank_ok"] += same_phrase(gx.get("rank"), px.get("rank"))
    c["p_pred"] += len(pk)
    c["p_gold"] += len(gk)
    gp, pp = _pairs(gm), _pairs(pm)
    c["c_tp"] += len(gp & pp)
    c["c_pred"] += len(pp)
    c["c_gold"] += len(gp)
    for i, j in matched:
        g, p = gm[i], pm[j]
        c["matched"] += 1
        c["date_ok"] += g.get("date") == p.get("date")
        c["loc_ok"] += g.get("location_country") == p.get("location_country")
        c["type_ok"] += g.get("event_type") == p.get("event_type")
        gt, pt = set(g.get("topics") or []), set(p.get("topics") or [])
        c["t_tp"] += len(gt & pt)
        c["t_pred"] += len(pt)
        c["t_gold"] += len(gt)
    return matched


def score(gold: list[dict[str, Any]], pred: dict[str, list[Meeting]]) -> Report:
    """Scores over all articles, and each article's differences."""
    report = Report()
    for article in gold:
        gm, pm = article.get("meetings") or [], pred.get(str(article["id"]), [])
        matched = _count_article(report.counts, gm, pm)
        _count_bands(report.bands, pm, matched)
        _count_rules(report.rules, pm, matched)
        report.articles.append(ArticleResult(str(article["id"]), len(gm), len(pm), diff_article(gm, pm)))
    return report


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The gold records; a file that is not gold annotations is refused rather than scored as 0.000."""
    records: list[dict[str, Any]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(
                f"{path}:{number} is not JSON ({exc.msg}); gold files are JSON Lines"
            ) from exc
        if not isinstance(record, dict) or "meetings" not in record:
            raise GoldFormatError(
                f"{path}:{number} has no 'meetings' key: not gold annotations (each line needs the "
                "article's meetings, in the format `majlis extract` writes)"
            )
        if "id" not in record:
            raise GoldFormatError(f"{path}:{number} has no 'id' key: gold records need one")
        records.append(record)
    if not records:
        raise GoldFormatError(f"{path} holds no gold records")
    return records


def _article_files(names: list[str], texts: Path) -> list[Path]:
    """The article files gold records name; all must exist, or every article would score as missed."""
    files = [texts / name for name in names]
    missing = [f for f in files if not f.is_file()]
    if missing:
        raise GoldFormatError(
            f"{len(missing)} of {len(files)} article files the gold records name are not in {texts} "
            f"(first: {missing[0].name}); give their directory with --texts DIR"
        )
    return files


def evaluate_file(gold_path: Path, texts: Path | None = None) -> Report:
    """Run ingest, NER and extraction on the gold file's articles and score them.

    Gold records without a body name their article in `file`; `texts` is the directory holding it
    (default: the gold file's own directory).
    """
    gold = load_gold(gold_path)
    from majlis.analysis import analyse
    from majlis.gold import meeting_to_gold
    from majlis.ingest import iter_inputs
    from majlis.records import Article

    named = [str(g["file"]) for g in gold if g.get("file") and not g.get("body")]
    if named:
        files = _article_files(named, texts or gold_path.parent)
        articles = [a for a in iter_inputs(files) if isinstance(a, Article)]
    else:
        articles = [a for a in iter_inputs([gold_path]) if isinstance(a, Article)]
    meetings = analyse(articles).meetings
    by_id = {a.article_id: a.external_id for a in articles}
    pred: dict[str, list[Meeting]] = {}
    for meeting in meetings:
        predicted = meeting_to_gold(meeting) | {"confidence": meeting.confidence}
        pred.setdefault(by_id[meeting.article_id], []).append(predicted)
    return score(gold, pred)
