"""Measure extraction on gold-annotated articles (GOLD_FORMAT.md), so users can score their own data.

Matching follows the project's scorer: meetings match within an article on their country set and
participant names; participants on (name, country); titles and ranks compare without «ال».
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from majlis.text import same_person

DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
HONORIFICS = {"الشيخ", "معالي", "سعاده", "سمو", "الدكتور"}

Meeting = dict[str, Any]


def norm_text(s: str | None) -> str:
    if not s:
        return ""
    s = DIACRITICS.sub("", unicodedata.normalize("NFKC", s))
    s = re.sub("[أإآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه")
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


def names_match(a: str | None, b: str | None) -> bool:
    """Same person: equal names, or the shorter's words in order in the longer with the same family."""
    ta = [t for t in norm_text(a).split() if t not in HONORIFICS]
    tb = [t for t in norm_text(b).split() if t not in HONORIFICS]
    return same_person(ta, tb)


def _phrase(s: str | None) -> list[str]:
    return [t[2:] if t.startswith("ال") and len(t) > 3 else t for t in norm_text(s).split()]


def _countries(m: Meeting) -> frozenset[str]:
    return frozenset(c for c in m.get("countries") or [] if c)


def _similarity(g: Meeting, p: Meeting) -> float:
    if _countries(g) != _countries(p):
        return 0.0
    gn = [x["name"] for x in g.get("participants", []) if x.get("name")]
    pn = [x["name"] for x in p.get("participants", []) if x.get("name")]
    hits = sum(1 for a in gn if any(names_match(a, b) for b in pn))
    return 0.0 if gn and not hits else 1.0 + hits


def match_meetings(gold: list[Meeting], pred: list[Meeting]) -> list[tuple[int, int]]:
    pairs = sorted(
        ((s, i, j) for i, g in enumerate(gold) for j, p in enumerate(pred) if (s := _similarity(g, p)) > 0),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else float(not n_gold)
    r = tp / n_gold if n_gold else float(not n_pred)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _pairs(meetings: list[Meeting]) -> set[tuple[str, str]]:
    out = set()
    for m in meetings:
        cs = sorted(_countries(m))
        out |= {(a, b) for k, a in enumerate(cs) for b in cs[k + 1 :]}
    return out


@dataclass
class Report:
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            [
                "m_tp",
                "m_pred",
                "m_gold",
                "p_tp",
                "p_pred",
                "p_gold",
                "c_tp",
                "c_pred",
                "c_gold",
                "matched",
                "date_ok",
                "loc_ok",
                "type_ok",
                "t_tp",
                "t_pred",
                "t_gold",
                "roles",
                "role_ok",
                "title_ok",
                "rank_ok",
            ],
            0,
        )
    )
    articles: list[dict[str, Any]] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        c = self.counts
        out: dict[str, float] = {}
        for key, (tp, pr, go) in {
            "meeting": ("m_tp", "m_pred", "m_gold"),
            "participant": ("p_tp", "p_pred", "p_gold"),
            "country_pair": ("c_tp", "c_pred", "c_gold"),
        }.items():
            p, r, f = _f1(c[tp], c[pr], c[go])
            out |= {f"{key}_precision": p, f"{key}_recall": r, f"{key}_f1": f}
        n = max(c["matched"], 1)
        out |= {
            "date_accuracy": c["date_ok"] / n,
            "location_country_accuracy": c["loc_ok"] / n,
            "event_type_accuracy": c["type_ok"] / n,
            "topic_f1": _f1(c["t_tp"], c["t_pred"], c["t_gold"])[2],
        }
        r = max(c["roles"], 1)
        out |= {
            "role_accuracy": c["role_ok"] / r,
            "title_accuracy": c["title_ok"] / r,
            "rank_accuracy": c["rank_ok"] / r,
        }
        return out

    def render(self, per_article: bool = True) -> str:
        lines = [f"articles                     {len(self.articles)}"]
        lines += [f"{k:28s} {v:.3f}" for k, v in self.metrics().items()]
        if per_article:
            for art in self.articles:
                if art["missed"] or art["false_alarms"]:
                    lines.append(f"\n{art['id']}: gold {art['gold']}, predicted {art['pred']}")
                    lines += [f"  missed: {m}" for m in art["missed"]]
                    lines += [f"  false alarm: {m}" for m in art["false_alarms"]]
        return "\n".join(lines)


def _describe(m: Meeting) -> str:
    names = ", ".join(str(p.get("name") or p.get("title")) for p in m.get("participants", []))
    return f"{m.get('event_type')} {m.get('date')} {sorted(_countries(m))}: {names}"


def score(gold: list[dict[str, Any]], pred: dict[str, list[Meeting]]) -> Report:
    report = Report()
    c = report.counts
    for article in gold:
        gm, pm = article.get("meetings") or [], pred.get(str(article["id"]), [])
        matched = match_meetings(gm, pm)
        c["m_tp"] += len(matched)
        c["m_pred"] += len(pm)
        c["m_gold"] += len(gm)
        gk = [
            (x["name"], x.get("country"), x) for m in gm for x in m.get("participants", []) if x.get("name")
        ]
        pk = [
            (x["name"], x.get("country"), x) for m in pm for x in m.get("participants", []) if x.get("name")
        ]
        used: set[int] = set()
        for gname, gcountry, gx in gk:
            for k, (pname, pcountry, px) in enumerate(pk):
                if k not in used and gcountry == pcountry and names_match(gname, pname):
                    used.add(k)
                    c["p_tp"] += 1
                    c["roles"] += 1
                    c["role_ok"] += gx.get("role") == px.get("role")
                    c["title_ok"] += _phrase(gx.get("title")) == _phrase(px.get("title"))
                    c["rank_ok"] += _phrase(gx.get("rank")) == _phrase(px.get("rank"))
                    break
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
        report.articles.append(
            {
                "id": article["id"],
                "gold": len(gm),
                "pred": len(pm),
                "missed": [_describe(gm[i]) for i in range(len(gm)) if i not in {a for a, _ in matched}],
                "false_alarms": [
                    _describe(pm[j]) for j in range(len(pm)) if j not in {b for _, b in matched}
                ],
            }
        )
    return report


def evaluate_file(gold_path: Path, texts: Path | None = None) -> Report:
    """Run ingest, NER and extraction on the gold file's articles and score them.

    Gold records without a body name their article in `file`; `texts` is the directory holding it.
    """
    from majlis.analysis import analyse
    from majlis.gold import meeting_to_gold
    from majlis.ingest import iter_inputs
    from majlis.records import Article

    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if texts is not None:
        files = [texts / str(g["file"]) for g in gold if g.get("file") and not g.get("body")]
        articles = [a for a in iter_inputs(files) if isinstance(a, Article)]
    else:
        articles = [a for a in iter_inputs([gold_path]) if isinstance(a, Article)]
    meetings = analyse(articles).meetings
    by_id = {a.article_id: a.external_id for a in articles}
    pred: dict[str, list[Meeting]] = {}
    for meeting in meetings:
        pred.setdefault(by_id[meeting.article_id], []).append(meeting_to_gold(meeting))
    return score(gold, pred)
