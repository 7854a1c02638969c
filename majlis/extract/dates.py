"""Find Arabic dates in news text and resolve the date a meeting took place.

Matching runs on a normalised copy of the text (no diacritics or tatweel, one alef, Western digits) and every
offset is mapped back to the original text, so callers can slice `text[hit.start:hit.end]`.
Vocabulary (month, weekday and relative words) lives in majlis/lexicons/dates.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache, partial
from typing import Any

from hijridate import Gregorian, Hijri

from majlis.extract.lexicon import LEXICON_DIR, load_yaml, outlet_country
from majlis.extract.vocab import pattern
from majlis.text import DIGIT_FOLDS, LETTER_FOLDS, MARKS, TATWEEL

__all__ = [
    "DateHit",
    "dateline_agency",
    "dateline_end",
    "find_dates",
    "parse_dateline",
    "resolve_meeting_date",
    "to_western_digits",
]


_DIGITS: dict[str, str] = DIGIT_FOLDS
_LETTERS = {**LETTER_FOLDS, "\u00a0": " "}  # this form keeps every space, a no-break one as a space
_DROP = re.compile(f"[{MARKS}{TATWEEL}\u061c\u200b-\u200f]")  # marks, tatweel, invisible direction marks

# characters `_normalize` keeps unchanged (spaces included: this form keeps them as they are)
_PLAIN_RUN = re.compile(
    "["
    + re.escape(
        "".join(
            ch
            for ch in map(chr, [*range(0x20, 0x7F), *range(0x600, 0x700)])
            if not _DROP.match(ch) and ch not in _DIGITS and ch not in _LETTERS
        )
    )
    + "]+"
)

_GREGORIAN_YEARS = range(1900, 2101)
_HIJRI_YEARS = range(1300, 1601)
_DATELINE_WINDOW = 120


@dataclass(frozen=True)
class DateHit:
    """One date expression; `value` is None when the text does not let it be resolved (see `note`)."""

    start: int
    end: int
    surface: str
    value: date | None
    kind: str  # "absolute" | "hijri" | "relative" | "weekday" | "placeholder" | "vague"
    note: str


_DIGIT_TABLE = str.maketrans(_DIGITS)


def to_western_digits(s: str) -> str:
    """Eastern Arabic (٠-٩) and Persian (۰-۹) digits to 0-9, so numbers parse the same whatever the outlet."""
    return s.translate(_DIGIT_TABLE)


def _normalize(text: str) -> tuple[str, list[int]]:
    """Normalised text and, per character, the index of the original character (plus an end sentinel)."""
    out: list[str] = []
    index: list[int] = []
    done = 0
    for run in _PLAIN_RUN.finditer(text):  # runs that stay as they are are copied whole
        start, end = run.span()
        _normalize_chars(text, done, start, out, index)
        out.append(run.group())
        index.extend(range(start, end))
        done = end
    _normalize_chars(text, done, len(text), out, index)
    index.append(len(text))
    return "".join(out), index


def _normalize_chars(text: str, start: int, end: int, out: list[str], index: list[int]) -> None:
    for i in range(start, end):
        ch = text[i]
        if _DROP.match(ch):
            continue
        out.append(_DIGITS.get(ch) or _LETTERS.get(ch) or ch)
        index.append(i)


def _norm(word: str) -> str:
    return _normalize(word)[0].strip()


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation of normalised words, longest first so «أمس الأول» beats «أمس»."""
    forms = sorted({_norm(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + ")"


def _lookup(groups: Mapping[Any, Any]) -> dict[str, int]:
    """YAML {number: [words]} to {normalised word: number}."""
    return {_norm(str(w)): int(k) for k, words in groups.items() for w in words}


@dataclass(frozen=True)
class _Lexicon:
    """Compiled vocabulary: word→number tables and the regexes built from them."""

    gmonths: dict[str, int]
    hmonths: dict[str, int]
    ordinals: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, int]
    month_mods: dict[str, str]
    weekday_mods: dict[str, str]
    today_blockers: re.Pattern[str]
    gregorian_word: re.Pattern[str]
    month_word: re.Pattern[str]  # «الثالث من الشهر الجاري»: a day of the month the text is dated in
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    hijri_word: re.Pattern[str]
    relative_re: re.Pattern[str]
    weekday_re: re.Pattern[str]
    vague_re: re.Pattern[str]
    placeholder_re: re.Pattern[str]
    placeholder_words: tuple[str, ...]
    placeholder_exact: frozenset[str]


def _load_yaml() -> dict[str, Any]:
    data = load_yaml("dates.yaml")
    if not isinstance(data, dict):
        raise ValueError(f"{LEXICON_DIR / 'dates.yaml'} must hold a mapping")
    return data


def _modifiers(groups: Mapping[str, list[str]]) -> dict[str, str]:
    return {_norm(w): kind for kind, words in groups.items() for w in words}


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    y = _load_yaml()
    gmonths, hmonths = _lookup(y["gregorian_months"]), _lookup(y["hijri_months"])
    ordinals = _lookup(y["day_ordinals"])
    weekdays = _lookup(y["weekdays"])
    relative = {_norm(str(w)): int(n) for w, n in y["relative_days"].items()}
    month_mods, weekday_mods = _modifiers(y["month_modifiers"]), _modifiers(y["weekday_modifiers"])

    day = rf"(?:(?:ال)?(?<!\d)(?P<day>\d{{1,2}})(?!\d)|(?<!\w)(?P<dayw>{_alternation(ordinals)}))"
    before_month = _alternation(y["connectors"]["before_month"])
    before_year = _alternation(y["connectors"]["before_year"])
    gmark, hmark = _alternation(y["gregorian_markers"]), _alternation(y["hijri_markers"])
    gm = _alternation(gmonths)
    year = rf"(?:\s*[،,]?\s*(?:{before_year}\s*)?(?P<year>\d{{4}})(?!\d)(?:\s*{gmark}(?!\w))?)?"
    mod = rf"(?:\s+(?P<mod>{_alternation(month_mods)})(?!\w))?"
    gregorian_word = re.compile(
        rf"{day}\s*(?:{before_month}\s+)?(?P<month>{gm})(?!\w)(?:\s*\(\s*{gm}\s*\)|\s*/\s*{gm}(?!\w))?{year}{mod}"
    )
    month_word = re.compile(
        rf"{day}\s*(?:{before_month}\s+)?الشهر\s+(?P<mod>{_alternation(month_mods)})(?!\w)"
    )
    hyear = rf"(?:\s*[،,]?\s*(?:{before_year}\s*)?(?P<year>\d{{3,4}})(?!\d))?(?:\s*(?P<mark>{hmark})(?!\w))?"
    hijri_word = re.compile(
        rf"{day}\s*(?:{before_month}\s+)?(?P<month>{_alternation(hmonths)})(?!\w){hyear}{mod}"
    )
    marks = rf"(?:\s*(?:(?P<hmark>{hmark})|{gmark})(?!\w))?"
    numeric = re.compile(
        rf"(?<![\d/.\-])(?P<day>\d{{1,2}})(?P<sep>[/.\-])(?P<month>\d{{1,2}})(?P=sep)(?P<year>\d{{4}})(?![\d/.\-]){marks}"
    )
    iso = re.compile(
        rf"(?<![\d/.\-])(?P<year>\d{{4}})(?P<sep>[/.\-])(?P<month>\d{{1,2}})(?P=sep)(?P<day>\d{{1,2}})(?![\d/.\-]){marks}"
    )
    wd = _alternation(weekdays)
    prefixes = _alternation(y["relative_prefixes"])
    relative_re = re.compile(
        rf"(?<!\w)[وفب]?(?:{prefixes}\s+)?(?P<rel>{_alternation(relative)})(?!\w)"
        rf"(?:\s*[،,]?\s*(?:يوم\s+)?(?P<wd>{wd})(?!\w))?"
    )
    weekday_re = re.compile(
        rf"(?<!\w)[وف]?(?:{prefixes}\s+)?(?P<wd>{wd})(?!\w)(?:\s+(?P<mod>{_alternation(weekday_mods)})(?!\w))?"
    )
    vague_re = re.compile(rf"(?<!\w)[وف]?{_alternation(y['vague'])}(?!\w)")
    placeholder_re = re.compile(
        r"\[(?P<sq>[^\[\]\n]{1,40})\]|\((?P<par>[^()\n]{1,40})\)|\{(?P<br>[^{}\n]{1,40})\}"
        r"|(?<!\w)(?:[xX_\-]{1,2}/){2}[xX_\-]{2,4}(?!\w)"
    )
    return _Lexicon(
        gmonths=gmonths,
        hmonths=hmonths,
        ordinals=ordinals,
        weekdays=weekdays,
        relative=relative,
        month_mods=month_mods,
        weekday_mods=weekday_mods,
        today_blockers=re.compile(rf"\s+{_alternation(y['today_blockers'])}(?!\w)"),
        gregorian_word=gregorian_word,
        month_word=month_word,
        numeric=numeric,
        iso=iso,
        hijri_word=hijri_word,
        relative_re=relative_re,
        weekday_re=weekday_re,
        vague_re=vague_re,
        placeholder_re=placeholder_re,
        placeholder_words=tuple(_norm(w) for w in y["placeholder_words"]),
        placeholder_exact=frozenset(_norm(w) for w in y["placeholder_exact"]),
    )


@dataclass(frozen=True)
class _Hit:
    """A hit in normalised coordinates; `weekday` is a weekday named inside it (for consistency notes)."""

    start: int
    end: int
    kind: str
    value: date | None
    note: str
    weekday: int | None = None


def _gregorian(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _hijri(y: int, m: int, d: int) -> date | None:
    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


def _hijri_year_of(d: date) -> int | None:
    try:
        return int(Gregorian(d.year, d.month, d.day).to_hijri().year)
    except (ValueError, OverflowError):
        return None


def _pick_year(
    build: Callable[[int], date | None], years: Iterable[int], anchor: date, mod: str | None
) -> date | None:
    """The candidate nearest the anchor; dates after it count double, since news mostly reports the past."""
    cands = [c for y in years if (c := build(y)) is not None]
    if mod == "past":
        past = [c for c in cands if c < anchor]
        return max(past) if past else None
    if mod == "next":
        future = [c for c in cands if c > anchor]
        return min(future) if future else None
    if not cands:
        return None
    return min(cands, key=lambda c: (anchor - c).days if c <= anchor else 2 * (c - anchor).days)


def _day_of(m: re.Match[str], lex: _Lexicon) -> int:
    if m.group("day"):
        return int(m.group("day"))
    return lex.ordinals[re.sub(r"\s+", " ", m.group("dayw"))]


def _month_of(word: str, table: dict[str, int]) -> int:
    return table[re.sub(r"\s+", " ", word)]


def _word_dates(norm: str, lex: _Lexicon, anchor: date | None, label: str) -> list[_Hit]:
    hits: list[_Hit] = []
    for m in lex.gregorian_word.finditer(norm):
        d, mo = _day_of(m, lex), _month_of(m.group("month"), lex.gmonths)
        mod = lex.month_mods.get(m.group("mod") or "")
        if m.group("year"):
            y = int(m.group("year"))
            value = _gregorian(y, mo, d) if y in _GREGORIAN_YEARS else None
            note = "absolute" if value else "invalid date"
        elif anchor is None:
            value, note = None, f"no {label}"
        else:
            years = range(anchor.year - 1, anchor.year + 2)
            value = _pick_year(partial(_gregorian, m=mo, d=d), years, anchor, mod)
            note = f"absolute, year from {label}" if value else "invalid date"
        hits.append(_Hit(m.start(), m.end(), "absolute", value, note))
    for m in lex.month_word.finditer(norm):
        if anchor is None:
            value, note = None, f"no {label}"
        else:
            shift = {"past": -1, "next": 1}.get(lex.month_mods[m.group("mod")], 0)
            year, month = divmod(anchor.year * 12 + anchor.month - 1 + shift, 12)
            value = _gregorian(year, month + 1, _day_of(m, lex))
            note = f"day of the month of {label}" if value else "invalid date"
        hits.append(_Hit(m.start(), m.end(), "absolute", value, note))
    for m in lex.hijri_word.finditer(norm):
        d, mo = _day_of(m, lex), _month_of(m.group("month"), lex.hmonths)
        if m.group("year") is not None:
            y = int(m.group("year"))
            if y not in _HIJRI_YEARS:
                continue
            value = _hijri(y, mo, d)
            note = "hijri" if value else "invalid date"
        elif anchor is None:
            value, note = None, f"no {label}"
        else:
            hy = _hijri_year_of(anchor)
            years = range(hy - 1, hy + 2) if hy else range(0)
            mod = lex.month_mods.get(m.group("mod") or "")
            value = _pick_year(partial(_hijri, m=mo, d=d), years, anchor, mod)
            note = f"hijri, year from {label}" if value else "invalid date"
        hits.append(_Hit(m.start(), m.end(), "hijri", value, note))
    return hits


def _numeric_dates(norm: str, lex: _Lexicon) -> list[_Hit]:
    hits: list[_Hit] = []
    for rx in (lex.numeric, lex.iso):
        for m in rx.finditer(norm):
            y, mo, d = int(m.group("year")), int(m.group("month")), int(m.group("day"))
            if m.group("hmark") or y in _HIJRI_YEARS:
                value = _hijri(y, mo, d)
                hits.append(_Hit(m.start(), m.end(), "hijri", value, "hijri" if value else "invalid date"))
            elif y in _GREGORIAN_YEARS:
                # Arab outlets write day/month; fall back to month/day only when day/month is impossible.
                value = _gregorian(y, mo, d) or (_gregorian(y, d, mo) if rx is lex.numeric else None)
                note = "absolute" if value else "invalid date"
                hits.append(_Hit(m.start(), m.end(), "absolute", value, note))
    return hits


def _weekday_date(anchor: date, wd: int, mod: str | None) -> date:
    if mod == "next":
        return anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7)
    back = (anchor.weekday() - wd) % 7
    if mod == "past" and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _relative_dates(
    norm: str, lex: _Lexicon, anchor: date | None, label: str, original: Callable[[int, int], str]
) -> list[_Hit]:
    hits: list[_Hit] = []
    for m in lex.relative_re.finditer(norm):
        word = re.sub(r"\s+", " ", m.group("rel"))
        if lex.relative[word] == 0 and not m.group("wd") and lex.today_blockers.match(norm, m.end()):
            continue
        wd = lex.weekdays[re.sub(r"\s+", " ", m.group("wd"))] if m.group("wd") else None
        surface = original(m.start(), m.end()).strip()
        if anchor is None:
            hits.append(_Hit(m.start(), m.end(), "relative", None, f"no {label}: {surface}", wd))
            continue
        value = anchor + timedelta(days=lex.relative[word])
        note = f"relative to {label}: {surface}"
        if wd is not None and value.weekday() != wd:
            # The named weekday is the firmer fact (the anchor may lag a day): take the nearest such day.
            shift = (wd - value.weekday()) % 7
            value += timedelta(days=shift if shift <= 3 else shift - 7)
            note += " (weekday overrides)"
        hits.append(_Hit(m.start(), m.end(), "relative", value, note, wd))
    for m in lex.weekday_re.finditer(norm):
        wd = lex.weekdays[re.sub(r"\s+", " ", m.group("wd"))]
        surface = original(m.start(), m.end()).strip()
        if anchor is None:
            hits.append(_Hit(m.start(), m.end(), "weekday", None, f"no {label}: {surface}", wd))
            continue
        value = _weekday_date(anchor, wd, lex.weekday_mods.get(m.group("mod") or ""))
        hits.append(_Hit(m.start(), m.end(), "weekday", value, f"weekday relative to {label}: {surface}", wd))
    return hits


def _is_placeholder(content: str, lex: _Lexicon) -> bool:
    content = re.sub(r"\s+", " ", content.strip())
    return content in lex.placeholder_exact or (
        not re.search(r"\d", content) and content.split(" ")[0] in lex.placeholder_words
    )


def _other_hits(norm: str, lex: _Lexicon) -> list[_Hit]:
    hits: list[_Hit] = []
    for m in lex.placeholder_re.finditer(norm):
        content = m.group("sq") or m.group("par") or m.group("br")
        if content is None or _is_placeholder(content, lex):
            hits.append(_Hit(m.start(), m.end(), "placeholder", None, "placeholder"))
    for m in lex.vague_re.finditer(norm):
        hits.append(_Hit(m.start(), m.end(), "vague", None, "vague"))
    return hits


_PRIORITY = {"placeholder": 0, "absolute": 1, "hijri": 2, "relative": 3, "weekday": 4, "vague": 5}
_EQUIVALENT_GAP = pattern("dates.yaml", "equivalent_gap")
_QUALIFIER_GAP = pattern("dates.yaml", "qualifier_gap")


def _merge_pair(left: _Hit, right: _Hit, gap: str) -> _Hit | None:
    """One hit for «الأحد 14/9/2025» or «22 شعبان 1447 هـ الموافق 10 فبراير 2026»; Gregorian wins."""
    calendar = {"absolute", "hijri"}
    if right.kind not in calendar:
        return None
    if left.kind in calendar:
        if not _EQUIVALENT_GAP.match(gap):
            return None
    elif left.kind not in {"relative", "weekday"} or not _QUALIFIER_GAP.match(gap):
        return None
    best = min((left, right), key=lambda h: (h.value is None, _PRIORITY[h.kind]))
    weekday = left.weekday if left.weekday is not None else right.weekday
    note = best.note
    if weekday is not None and best.value is not None and best.value.weekday() != weekday:
        note += " (weekday mismatch)"
    return _Hit(left.start, right.end, best.kind, best.value, note, weekday)


def _find(text: str, anchor: date | None, label: str) -> list[DateHit]:
    lex = _lexicon()
    norm, index = _normalize(text)

    def original(start: int, end: int) -> str:
        return text[index[start] : index[end]]

    candidates = (
        _other_hits(norm, lex)
        + _numeric_dates(norm, lex)
        + _word_dates(norm, lex, anchor, label)
        + _relative_dates(norm, lex, anchor, label, original)
    )
    candidates.sort(key=lambda h: (_PRIORITY[h.kind], h.start, -h.end))
    taken: list[_Hit] = []
    for h in candidates:
        if all(h.end <= t.start or h.start >= t.end for t in taken):
            taken.append(h)
    taken.sort(key=lambda h: h.start)
    merged: list[_Hit] = []
    for h in taken:
        joined = _merge_pair(merged[-1], h, norm[merged[-1].end : h.start]) if merged else None
        if joined is not None:
            merged[-1] = joined
        else:
            merged.append(h)
    out: list[DateHit] = []
    for h in merged:
        start, end = index[h.start], index[h.end]
        out.append(DateHit(start, end, original(h.start, h.end), h.value, h.kind, h.note))
    return out


def find_dates(text: str, published_at: date | None) -> list[DateHit]:
    """Every date expression in `text`, in order, resolved against `published_at` where needed."""
    return _find(text, published_at, "published_at")


# Dateline pieces (normalised text): «الكويت – 12 يناير (كونا) –», «مسقط في ١٠ ديسمبر /العُمانية/»,
# «أبوظبي - وام:».
_DL_CITY = pattern("dates.yaml", "dateline_city")
_DL_SEP = re.compile(r"\s*[-–—]\s*")
# an agency in brackets, slashes or quotes; digits only as a number ending its name («(نينوى24)», «(فرانس
# 24)»), so a date in brackets is no agency
_DL_AGENCY = re.compile(
    r"\s*(?:\((?:[^()\n\d]{1,30}|[^\W\d_][^()\n\d]{0,25}\s?\d{1,3})\)|/[^/\n\d]{1,30}/|«[^«»\n\d]{1,30}»)\s*"
)
_DL_AGENCY_COLON = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)?\s*:\s*")
_DL_LEAD = pattern("dates.yaml", "dateline_lead")
# WAFA's «رام الله 5-2-2026 وفا-»: an agency with no brackets, known only by its name (sources.yaml)
# «الرياض 22 شعبان 1447 هـ الموافق 10 فبراير 2026 م واس»: a Hijri date, then the same day in the Gregorian
# calendar («م» closes it)
_DL_EQUIVALENT = pattern("dates.yaml", "dateline_equivalent")
_DL_GREGORIAN_ERA = pattern("dates.yaml", "dateline_gregorian_era")
_DL_AGENCY_WORD = re.compile(r"\s*([^\W\d_]+)(?:\s*[-–—]+\s*|[ \t]*\n\s*|[ \t]*$)")  # «عمان-سانا⏎» too
# KUNA's «الكويت - 13 - 9 (كونا) --»: day and month only, between the dateline's separators
_DL_DAY_MONTH = re.compile(r"(?P<day>\d{1,2})\s*[-/]\s*(?P<month>\d{1,2})(?=\s*[-–—(/])")


@dataclass(frozen=True)
class _Dateline:
    city: str
    end: int  # end of the dateline in the text it was parsed from
    hit: DateHit | None
    agency: str | None = None  # «كونا» of «(كونا)», «سبأ» of «سبأ:»


def _dateline_at(text: str, offset: int, anchor: date | None) -> _Dateline | None:
    """A dateline at `text[offset:]`, with offsets into `text`."""
    lex = _lexicon()
    window = text[offset : offset + _DATELINE_WINDOW]
    norm, index = _normalize(window)
    lead = len(norm) - len(norm.lstrip())
    city = _DL_CITY.match(norm, lead)
    if city is None:
        return None
    pos = _DL_LEAD.match(norm, city.end())
    cursor = pos.end() if pos else city.end()
    dated: _Hit | None = None
    saw_sep = saw_agency = False
    agency: tuple[int, int] | None = None
    while True:
        if (m := _DL_SEP.match(norm, cursor)) and m.end() > cursor:
            saw_sep, cursor = True, m.end()
        elif (
            (m := _DL_AGENCY.match(norm, cursor)) and not _is_placeholder(m.group().strip()[1:-1], lex)
        ) or (saw_sep and not saw_agency and (m := _DL_AGENCY_COLON.match(norm, cursor))):
            if not saw_agency:
                agency = m.span()
            saw_agency, cursor = True, m.end()
        elif (
            (saw_sep or dated is not None)
            and not saw_agency
            and (m := _DL_AGENCY_WORD.match(norm, cursor))
            and outlet_country(m.group(1)) is not None
        ):
            agency, saw_agency, cursor = m.span(1), True, m.end()
        elif dated is None and (d := _date_at(norm, cursor, anchor) or _day_month_at(norm, cursor, anchor)):
            dated, cursor = d, d.end
        elif (
            dated is not None
            and (m := _DL_EQUIVALENT.match(norm, cursor))
            and (d := _date_at(norm, m.end(), anchor))
        ):
            dated, cursor = d, d.end
            if era := _DL_GREGORIAN_ERA.match(norm, cursor):
                cursor = era.end()
        else:
            break
    # A dateline needs an agency or a dash, and a three-word "city" only counts when a date follows it.
    if not (saw_agency or saw_sep) or (len(city.group().split()) == 3 and dated is None):
        return None
    hit = None
    if dated is not None:
        s, e = offset + index[dated.start], offset + index[dated.end]
        hit = DateHit(s, e, text[s:e], dated.value, dated.kind, f"dateline: {dated.note}")
    cs, ce = offset + index[city.start()], offset + index[city.end()]
    end = offset + (index[cursor] if cursor < len(norm) else len(window))
    name = None
    if agency is not None:
        start, stop = offset + index[agency[0]], offset + index[agency[1]]
        name = text[start:stop].strip(" \t()/«»:") or None
    return _Dateline(text[cs:ce], end, hit, name)


def _day_month_at(norm: str, pos: int, anchor: date | None) -> _Hit | None:
    """A dateline's day and month with no year («13 - 9»): the latest such date not after `anchor` (or
    a day or two after it: a dateline in a later time zone than the publication stamp). Without an
    anchor the hit has no value but still belongs to the dateline, so the dateline ends after it."""
    m = _DL_DAY_MONTH.match(norm, pos)
    if m is None:
        return None
    if anchor is None:
        return _Hit(m.start(), m.end(), "absolute", None, "day and month, no year to place them")
    day, month = int(m.group("day")), int(m.group("month"))
    value = _gregorian(anchor.year, month, day)
    if value is not None and value > anchor + timedelta(days=2):
        value = _gregorian(anchor.year - 1, month, day)
    return _Hit(m.start(), m.end(), "absolute", value, "absolute, year from published_at") if value else None


def _date_at(norm: str, pos: int, anchor: date | None) -> _Hit | None:
    """An absolute or Hijri date starting right at `pos` (after spaces)."""
    lex = _lexicon()
    found = [
        h
        for h in _numeric_dates(norm, lex) + _word_dates(norm, lex, anchor, "published_at")
        if h.start >= pos and not norm[pos : h.start].strip()
    ]
    return min(found, key=lambda h: (_PRIORITY[h.kind], h.start)) if found else None


def _paragraph_starts(text: str, limit: int) -> list[int]:
    starts = [0] + [m.end() for m in re.finditer(r"\n\s*", text)]
    return [s for s in starts if s < len(text) and text[s:].strip()][:limit]


@lru_cache(maxsize=64)  # asked of the same article for its place, its home and each meeting's date
def _dateline(text: str, anchor: date | None) -> _Dateline | None:
    # The title may come first (Article.text is title, blank line, body), so try the first two paragraphs.
    for start in _paragraph_starts(text, 2):
        found = _dateline_at(text, start, anchor)
        if found is not None:
            return found
    return None


def parse_dateline(text: str, published_at: date | None) -> tuple[str | None, DateHit | None]:
    """(city as written, date) from a wire-style dateline at the start of the text, or (None, None)."""
    found = _dateline(text, published_at)
    if found is None:
        return None, None
    return found.city, found.hit


def dateline_agency(text: str) -> str | None:
    """The news agency a wire dateline at the start of `text` names («(كونا)», «/العمانية/», «سبأ:»)."""
    found = _dateline(text, None)
    return found.agency if found is not None else None


def dateline_end(sentence: str) -> int:
    """Where `sentence` proper starts after a wire dateline it opens with («المنامة في 14 أبريل / بنا / …»),
    as a character offset; 0 when it has none."""
    found = _dateline(sentence, None)
    return found.end if found is not None else 0


def _opening_paragraph(text: str) -> tuple[int, int]:
    """The first paragraph long enough to be body rather than a title. The short lines above it (a
    headline, the page's own date stamp «الثلاثاء, 03 تشرين الأول 2023», a byline) date the page, not the
    meeting."""
    for m in re.finditer(r"[^\n]+", text):
        if len(m.group().strip()) >= 120:
            return m.start(), m.end()
    return 0, len(text)


def _choose(hits: list[DateHit]) -> tuple[DateHit | None, str | None]:
    """First resolvable hit, else the reason nothing resolved."""
    for h in hits:
        if h.kind == "placeholder":
            return None, f"placeholder: {h.surface}"
    for h in hits:
        if h.value is not None:
            return h, None
    for h in hits:
        if h.kind == "vague":
            return None, f"vague: {h.surface}"
    return None, hits[0].note if hits else None


def resolve_meeting_date(
    sentence: str,
    article_text: str,
    published_at: date | None,
    default_to_published: bool = False,
    clause_start: int = 0,
) -> tuple[date | None, str]:
    """The meeting's date: evidence sentence first, then the dateline, then the article's opening paragraph.

    Relative words count from the dateline's date when there is one (wire copy is written that day),
    otherwise from `published_at`. Dates in the sentence before `clause_start` are the report's own
    («أفاد بيان اليوم أن الوزير استقبل أمس …»), not the meeting's. Returns (None, reason) when the text
    does not settle it.
    """
    dateline = _dateline(article_text, published_at)
    anchor, label = published_at, "published_at"
    if dateline is not None and dateline.hit is not None and dateline.hit.value is not None:
        anchor, label = dateline.hit.value, "dateline"

    own = _dateline(sentence, published_at)
    hits = [h for h in _find(sentence, anchor, label) if h.start >= clause_start]
    chosen, reason = _choose([h for h in hits if h.kind == "placeholder"])
    if reason is None:
        chosen, reason = _choose([h for h in hits if own is None or h.start >= own.end])
    if chosen is not None and chosen.value is not None:
        return chosen.value, f"sentence: {chosen.note}"
    if reason is not None and reason.startswith(("placeholder", "vague")):
        return None, reason

    if dateline is not None and dateline.hit is not None and dateline.hit.value is not None:
        return dateline.hit.value, dateline.hit.note

    start, end = _opening_paragraph(article_text)
    skip = max(0, dateline.end - start) if dateline is not None else 0  # offsets into the paragraph
    opening = [h for h in _find(article_text[start:end], anchor, label) if h.start >= skip]
    first, opening_reason = _choose(opening)
    if first is not None and first.value is not None:
        return first.value, f"opening paragraph: {first.note}"
    reason = reason or opening_reason
    if default_to_published and published_at is not None:
        return published_at, "assumed publication date"
    return None, reason or "no date in text"
