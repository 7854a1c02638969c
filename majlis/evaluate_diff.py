"""What differs between an article's gold meetings and the extracted ones, one readable line each.

The matching here is the scorer's (GOLD_FORMAT.md): meetings on their country set and participant names,
participants on (name, country). What is left unmatched is paired up where it is plainly the same thing
read wrongly (same names but other countries, a name cut short), so an analyst reads "name: gold «بارك مين
سو», predicted «بارك مين»" instead of one miss and one false alarm.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from majlis.text import same_person

DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
HONORIFICS = {"الشيخ", "معالي", "سعاده", "سمو", "الدكتور"}

Meeting = dict[str, Any]
Person = dict[str, Any]


@dataclass(frozen=True)
class Finding:
    """One difference: `kind` (e.g. "missed meeting", "wrong role") and what it concerns."""

    kind: str
    detail: str


def norm_text(s: str | None) -> str:
    """The scorer's matching form (`norm_text` of ../shared/eval/score_meetings.py, copied as it is there
    rather than majlis.text.normalize, so that `majlis evaluate` scores exactly as the official scorer):
    no diacritics, one alef, ى→ي, ة→ه, no punctuation."""
    if not s:
        return ""
    s = DIACRITICS.sub("", unicodedata.normalize("NFKC", s))
    s = re.sub("[أإآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه")
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


def _name_words(name: str | None) -> list[str]:
    return [t for t in norm_text(name).split() if t not in HONORIFICS]


def names_match(a: str | None, b: str | None) -> bool:
    """Same person: equal names, or the shorter's words in order in the longer with the same family."""
    return same_person(_name_words(a), _name_words(b))


def _phrase(s: str | None) -> list[str]:
    return [t[2:] if t.startswith("ال") and len(t) > 3 else t for t in norm_text(s).split()]


def same_phrase(a: str | None, b: str | None) -> bool:
    """Titles and ranks compare without diacritics and without «ال» on each word."""
    return _phrase(a) == _phrase(b)


def countries_of(m: Meeting) -> frozenset[str]:
    return frozenset(c for c in m.get("countries") or [] if c)


def _names(m: Meeting) -> list[str]:
    return [x["name"] for x in m.get("participants", []) if x.get("name")]


def _similarity(g: Meeting, p: Meeting) -> float:
    if countries_of(g) != countries_of(p):
        return 0.0
    gn, pn = _names(g), _names(p)
    hits = sum(1 for a in gn if any(names_match(a, b) for b in pn))
    return 0.0 if gn and not hits else 1.0 + hits


def match_meetings(gold: list[Meeting], pred: list[Meeting]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, most similar first, each meeting used once."""
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


def match_participants(gold: list[Person], pred: list[Person]) -> list[tuple[Person, Person]]:
    """Gold and predicted participants of one article paired on (name, country), gold order first."""
    return [(gold[i], pred[j]) for i, j in _participant_pairs(gold, pred)]


def _participant_pairs(gold: list[Person], pred: list[Person]) -> list[tuple[int, int]]:
    used: set[int] = set()
    out = []
    for i, gx in enumerate(gold):
        for j, px in enumerate(pred):
            if (
                j not in used
                and gx.get("country") == px.get("country")
                and names_match(gx["name"], px["name"])
            ):
                used.add(j)
                out.append((i, j))
                break
    return out


def describe(m: Meeting) -> str:
    """A meeting on one line: type, date, countries and who took part."""
    names = ", ".join(str(p.get("name") or p.get("title")) for p in m.get("participants", []))
    return f"{m.get('event_type')} {m.get('date')} [{', '.join(sorted(countries_of(m)))}]: {names}"


def _person(x: Person) -> str:
    return f"«{x.get('name')}» ({x.get('country')}, {x.get('role')})"


def _meeting_findings(gm: list[Meeting], pm: list[Meeting]) -> list[Finding]:
    matched = match_meetings(gm, pm)
    out: list[Finding] = []
    for i, j in matched:
        g, p, what = gm[i], pm[j], describe(gm[i])
        for key, kind in (
            ("date", "wrong date"),
            ("location_country", "wrong place"),
            ("event_type", "wrong type"),
        ):
            if g.get(key) != p.get(key):
                out.append(Finding(kind, f"{what}: gold {g.get(key)}, predicted {p.get(key)}"))
        gt, pt = set(g.get("topics") or []), set(p.get("topics") or [])
        if gt != pt:
            missed, extra = ", ".join(sorted(gt - pt)) or "none", ", ".join(sorted(pt - gt)) or "none"
            out.append(Finding("wrong topics", f"{what}: missed {missed}; extra {extra}"))
    left_g, left_p = _unpaired(len(gm), len(pm), matched)

    def share_a_name(i: int, j: int) -> bool:
        return any(names_match(a, b) for a in _names(gm[i]) for b in _names(pm[j]))

    for i, j in _pair_off(left_g, left_p, share_a_name):
        gc, pc = sorted(countries_of(gm[i])), sorted(countries_of(pm[j]))
        out.append(Finding("wrong countries", f"{describe(gm[i])}: gold {gc}, predicted {pc}"))
    out += [Finding("missed meeting", describe(gm[i])) for i in left_g]
    out += [Finding("extra meeting", describe(pm[j])) for j in left_p]
    return out


def _shares_word(a: str, b: str) -> bool:
    strip = {w.removeprefix("ال") for w in _name_words(a)}
    return bool(strip & {w.removeprefix("ال") for w in _name_words(b)})


def _participant_findings(gk: list[Person], pk: list[Person]) -> list[Finding]:
    pairs = _participant_pairs(gk, pk)
    out: list[Finding] = []
    for i, j in pairs:
        g, p = gk[i], pk[j]
        if g.get("role") != p.get("role"):
            out.append(
                Finding("wrong role", f"«{g['name']}»: gold {g.get('role')}, predicted {p.get('role')}")
            )
        for key in ("title", "rank"):
            if not same_phrase(g.get(key), p.get(key)):
                out.append(
                    Finding(f"wrong {key}", f"«{g['name']}»: gold «{g.get(key)}», predicted «{p.get(key)}»")
                )
    left_g, left_p = _unpaired(len(gk), len(pk), pairs)
    for i, j in _pair_off(left_g, left_p, lambda i, j: names_match(gk[i]["name"], pk[j]["name"])):
        g, p = gk[i], pk[j]
        out.append(
            Finding("wrong country", f"«{g['name']}»: gold {g.get('country')}, predicted {p.get('country')}")
        )

    def cut_or_longer(i: int, j: int) -> bool:
        return gk[i].get("country") == pk[j].get("country") and _shares_word(gk[i]["name"], pk[j]["name"])

    for i, j in _pair_off(left_g, left_p, cut_or_longer):
        g, p = gk[i], pk[j]
        out.append(Finding("name", f"gold «{g['name']}», predicted «{p['name']}» ({g.get('country')})"))
    out += [Finding("missed participant", _person(gk[i])) for i in left_g]
    out += [Finding("extra participant", _person(pk[j])) for j in left_p]
    return out


def diff_article(gm: list[Meeting], pm: list[Meeting]) -> list[Finding]:
    """Every difference between one article's gold and predicted meetings, meetings first."""
    gk = [x for m in gm for x in m.get("participants", []) if x.get("name")]
    pk = [x for m in pm for x in m.get("participants", []) if x.get("name")]
    return _meeting_findings(gm, pm) + _participant_findings(gk, pk)


def _unpaired(n_gold: int, n_pred: int, pairs: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Gold and predicted indexes that no pair uses."""
    used_g, used_p = {a for a, _ in pairs}, {b for _, b in pairs}
    return [i for i in range(n_gold) if i not in used_g], [j for j in range(n_pred) if j not in used_p]


def _pair_off(
    left_g: list[int], left_p: list[int], same: Callable[[int, int], bool]
) -> list[tuple[int, int]]:
    """Pairs of leftovers that `same` links, each used once; removed from both lists."""
    paired: list[tuple[int, int]] = []
    for i in list(left_g):
        j = next((j for j in left_p if same(i, j)), None)
        if j is not None:
            paired.append((i, j))
            left_g.remove(i)
            left_p.remove(j)
    return paired
