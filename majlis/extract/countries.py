"""Countries in Arabic text from every surface form: names, nisba adjectives, capitals, institutions, phrases.

Every ISO 3166-1 country is matchable because the base vocabulary is pycountry's Arabic names; the
lexicons (countries.yaml, organisations.yaml) add what writers actually use. Matching runs one compiled
trie regex over a normalised copy of the text (no diacritics or tatweel, one alef, ى→ي, ة→ه) and maps
every hit back to offsets in the original string. International organisations are found separately and
suppress country words inside their names.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import pycountry

from majlis.extract.lexicon import load_yaml
from majlis.extract.vocab import words
from majlis.text import ALEF_FOLDS, CLITICS, LAM_ARTICLE, LETTER_FOLDS, MARKS, TATWEEL

KINDS = ("name", "nisba", "capital", "institution", "phrase")


@dataclass(frozen=True)
class CountryHit:
    """A country named in the text; `start`/`end` index the original string, clitics included."""

    code: str  # ISO 3166-1 alpha-2
    start: int
    end: int
    surface: str  # text as written
    kind: str  # "name" | "nisba" | "capital" | "institution" | "phrase"


@dataclass(frozen=True)
class OrgHit:
    """An international organisation named in the text (key from organisations.yaml)."""

    key: str
    start: int
    end: int
    surface: str


# --- normalisation with an offset map -----------------------------------------------------------

_MARKS = re.compile(f"[{MARKS}{TATWEEL}]")  # diacritics and tatweel
_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u061c\ufeff")
_SPACE_LIKE = frozenset("-\u2010\u2011\u2012\u2013\u2014_")
_LETTERS = str.maketrans(LETTER_FOLDS)
_ALEFS = str.maketrans(ALEF_FOLDS)


@cache
def _fold_char(ch: str) -> str:
    """The matching form of one character: "" to drop it, " " for any separator."""
    if ch.isspace() or ch in _SPACE_LIKE:
        return " "
    if ch in _INVISIBLE:
        return ""
    folded = _MARKS.sub("", unicodedata.normalize("NFKC", ch)).replace(" ", "")
    return folded.translate(_LETTERS)


# Characters that fold to themselves (Arabic letters, Latin, digits, most punctuation): runs of them are
# copied whole, and only the characters between runs go through `_fold_char` one at a time.
_PLAIN = (
    "["
    + re.escape(
        "".join(ch for ch in map(chr, [*range(0x21, 0x7F), *range(0x600, 0x700)]) if _fold_char(ch) == ch)
    )
    + "]+"
)
_PLAIN_RUN = re.compile(f"{_PLAIN}(?: {_PLAIN})*")  # single spaces between such characters stay too


# Characters that fold to one character (أ→ا, a tab → " ", most to themselves) or to none (diacritics,
# tatweel), among those news text is written in. A text made only of them folds with a `replace` per
# changing character; its offset map is built from the runs between dropped characters and repeated spaces.
_NEWS_RANGES = (range(0x09, 0x0E), range(0x20, 0x250), range(0x600, 0x700), range(0x2000, 0x2070))
_SIMPLE_FOLDS = {ch: _fold_char(ch) for r in _NEWS_RANGES for ch in map(chr, r) if len(_fold_char(ch)) <= 1}


def _class_of(chars: Iterable[str], negated: bool = False) -> str:
    return ("[^" if negated else "[") + re.escape("".join(chars)) + "]"


_SIMPLE_TEXT = re.compile(_class_of(_SIMPLE_FOLDS) + "*")
_SIMPLE_CHANGES = re.compile(_class_of(ch for ch, folded in _SIMPLE_FOLDS.items() if folded != ch))
_DROPPED = [ch for ch, folded in _SIMPLE_FOLDS.items() if not folded]
_KEPT_RUN = re.compile(_class_of(_DROPPED, negated=True) + "+")
_EXTRA_SPACES = re.compile("^ +| {2,}")  # leading separators go; a run of them keeps its first


@lru_cache(maxsize=1024)  # a sentence is folded for countries, organisations and titles in turn
def fold(text: str) -> tuple[str, tuple[int, ...]]:
    """The matching form of `text` and, for each of its characters, the index it came from in `text`."""
    if not _SIMPLE_TEXT.fullmatch(text):
        return _fold_slowly(text)  # ligatures and other characters that widen
    folded = text
    for ch in set(_SIMPLE_CHANGES.findall(text)):  # a few distinct ones per text: `replace` beats `translate`
        folded = folded.replace(ch, _SIMPLE_FOLDS[ch])
    if len(folded) == len(text):
        index: Sequence[int] = range(len(text))
    else:
        index = [i for run in _KEPT_RUN.finditer(text) for i in range(*run.span())]
    if "  " not in folded and not folded.startswith(" "):
        return folded, tuple(index)
    parts: list[str] = []
    kept: list[int] = []
    done = 0
    for extra in _EXTRA_SPACES.finditer(folded):
        start, end = extra.span()
        parts.append(folded[done : start + (start > 0)])
        kept.extend(index[done : start + (start > 0)])
        done = end
    parts.append(folded[done:])
    kept.extend(index[done:])
    return "".join(parts), tuple(kept)


def _fold_slowly(text: str) -> tuple[str, tuple[int, ...]]:
    """`fold` one run of unchanged characters at a time, dropping, widening and collapsing as it goes."""
    out: list[str] = []
    index: list[int] = []
    last_space = True  # drops leading separators and collapses runs
    done = 0
    for run in _PLAIN_RUN.finditer(text):
        start, end = run.span()
        last_space = _fold_chars(text, done, start, out, index, last_space)
        out.append(run.group())
        index.extend(range(start, end))
        last_space, done = False, end
    _fold_chars(text, done, len(text), out, index, last_space)
    return "".join(out), tuple(index)


def _fold_chars(text: str, start: int, end: int, out: list[str], index: list[int], last_space: bool) -> bool:
    """Fold text[start:end] one character at a time onto `out`/`index`; whether it ended on a space."""
    for i in range(start, end):
        folded = _fold_char(text[i])
        if not folded:
            continue
        if folded == " ":
            if last_space:
                continue
            last_space = True
        else:
            last_space = False
        out.append(folded)
        index.extend([i] * len(folded))
    return last_space


def _key(phrase: str) -> str:
    return fold(phrase)[0].strip()


def _plain(text: str) -> str:
    """Diacritics and tatweel removed, hamza forms kept: the spelling the nisba rules work on."""
    return _MARKS.sub("", text).strip()


# --- one trie regex per table --------------------------------------------------------------------

# A word may carry و/ف and a preposition; «ل + ال» is written «لل». «ك» is allowed before «ال» only:
# on a bare word it turns names into country words (كلاوس = Klaus, not ك + لاوس).
_PREFIX_DEFINITE = r"(?:[وف]?[بك]?ال|[وف]?لل)"
_PREFIX_BARE = r"[وف]?[بل]?"


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex for the alternation of `words` that shares prefixes and prefers the longest."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(root)


def _render(node: dict[str, Any]) -> str:
    branches = [re.escape(ch) + _render(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body


class _Matcher:
    """Whole-word, clitic-aware, leftmost-longest lookup of normalised phrases."""

    def __init__(self, keys: Iterable[str]) -> None:
        definite: list[str] = []
        bare: list[str] = []
        for key in set(keys):
            if key.startswith("ال") and len(key) > 3:
                definite.append(key[2:])
            else:
                bare.append(key)
        parts = []
        if definite:
            # «المتحدةالأمريكية»: a word glued on after a final «ة» (folded «ه») still starts with «ال»
            definite_start = r"(?:(?<!\w)|(?<=ه)(?=ال))"
            parts.append(definite_start + _PREFIX_DEFINITE + "(?P<d>" + _trie_pattern(definite) + ")")
        if bare:
            parts.append(r"(?<!\w)" + _PREFIX_BARE + "(?P<b>" + _trie_pattern(bare) + ")")
        pattern = r"(?:" + "|".join(parts) + r")(?!\w)" if parts else r"(?!)"
        self.regex = re.compile(pattern)

    def scan(self, norm: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int, str]]:
        """(start, end, key) in the normalised text; `key` is the table key that matched."""
        for m in self.regex.finditer(norm, pos, len(norm) if endpos is None else endpos):
            stem = m.group("d") if "d" in self.regex.groupindex else None
            key = "ال" + stem if stem is not None else m.group("b")
            yield m.start(), m.end(), key


# --- the lexicon ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    code: str
    kind: str
    keep: bool = False  # an institution strip_country_words leaves intact


@dataclass(frozen=True)
class _Rule:
    """A second reading of an unvocalised form (عمان: Oman, or عمّان: Amman)."""

    marks: str
    cues_before: tuple[str, ...]
    cues_after: tuple[str, ...]
    alternative: _Entry | None
    article_cues: tuple[str, ...] = ()  # the alternative holds for a whole article with one of these ...
    article_against: tuple[str, ...] = ()  # ... and none of these


@dataclass(frozen=True)
class _Lexicon:
    entries: dict[str, _Entry]
    full: _Matcher
    core: _Matcher  # without institutions: finds the country word inside one
    orgs: dict[str, str]
    org_matcher: _Matcher
    suppress: _Matcher  # organisations and blockers
    contextual: dict[str, frozenset[str] | None]
    contextual_matcher: _Matcher
    false_friends: tuple[str, ...]
    after_masculine: tuple[str, ...]  # false friends that are a country word after a masculine noun
    feminine_without_ta: frozenset[str]
    rules: dict[str, _Rule]
    display: dict[str, str]
    designators: frozenset[str]
    trailing: tuple[tuple[str, ...], ...]
    conflicts: tuple[str, ...]  # same key claimed by two countries (first one wins)


_CLITIC_PREFIXES = frozenset(["", *CLITICS, *LAM_ARTICLE])


def _pycountry_names() -> dict[str, list[str]]:
    """Arabic names per alpha-2 from pycountry's gettext catalogue (name, official and common name)."""
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"]).gettext
    names: dict[str, list[str]] = {}
    for country in pycountry.countries:
        found: list[str] = []
        for attr in ("name", "official_name", "common_name"):
            english = getattr(country, attr, None)
            if not english:
                continue
            arabic = re.sub(r"\([^)]*\)", " ", tr(english))
            for part in arabic.split("،"):
                part = _plain(part)
                if part and re.search(r"[\u0621-\u064A]", part) and part not in found:
                    found.append(part)
        names[country.alpha_2] = found
    return names


def _nisba_from_name(name: str) -> str | None:
    """The regular masculine nisba of a one-word name: بريطانيا→بريطاني، فرنسا→فرنسي، مالطة→مالطي."""
    if " " in name:
        return None
    word = name[2:] if name.startswith("ال") else name
    if (word.endswith("يا") and len(word) > 3) or word.endswith("ية"):
        base = word[:-2]  # بريطانيا، السعودية
    elif word.endswith(("ا", "ة", "ى", "ي")):
        base = word[:-1]  # فرنسا، مالطة، جيبوتي
    elif word.endswith("و"):
        return None  # توغو، بيرو: irregular (توغولي، بيروفي), listed in the YAML when needed
    else:
        base = word
    return base + "ي" if len(base) >= 2 else None


def _inflect(masc: str, suffix: str, definite: bool) -> str:
    """One form of a (possibly multi-word) nisba: each adjective takes the suffix and the article."""
    words = []
    for word in masc.split():
        form = word + suffix if word.endswith("ي") else word
        words.append("ال" + form if definite else form)
    return " ".join(words)


def _nisba_forms(masc: str) -> list[str]:
    """Masculine, feminine and plural nisba forms, with and without «ال», and the indefinite accusative
    («وفداً عسكرياً باكستانياً»: written without its tanween, «باكستانيا»)."""
    forms = [_inflect(masc, s, d) for d in (True, False) for s in ("", "ة", "ين", "ون", "ات")]
    return [*forms, _inflect(masc, "ا", False)]


def _variants(key: str) -> list[str]:
    """A key and its spelling with «و» attached or detached («البوسنة و الهرسك»)."""
    out = [key]
    if " و " in key:
        out.append(key.replace(" و ", " و"))
    detached = re.sub(r" و(ال\w)", r" و \1", key)
    if detached != key:
        out.append(detached)
    return out


class _Builder:
    def __init__(self) -> None:
        self.entries: dict[str, _Entry] = {}
        self.sources: dict[str, str] = {}
        self.conflicts: list[str] = []

    def add(self, phrase: str, entry: _Entry, source: str) -> None:
        for key in _variants(_key(phrase)):
            if not key:
                continue
            held = self.entries.get(key)
            if held is None:
                self.entries[key] = entry
                self.sources[key] = source
            elif held.code != entry.code and "pycountry" not in (source, self.sources[key]):
                self.conflicts.append(f"{key}: {held.code} ({self.sources[key]}) vs {entry.code} ({source})")


def _country_nisbas(code: str, spec: dict[str, Any], names: list[str], territories: set[str]) -> list[str]:
    if "nisba" in spec:
        return [_plain(n) for n in spec["nisba"] or []]
    if code in territories:
        return []
    found: list[str] = []
    for name in names:
        nisba = _nisba_from_name(name)
        if nisba and nisba not in found:
            found.append(nisba)
    return found


def _strip_rules(data: dict[str, Any]) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    designators = frozenset(_key(w) for w in data["designators"])
    trailing = sorted((tuple(_key(p).split()) for p in data["trailing"]), key=len, reverse=True)
    return designators, tuple(trailing)


def _add_head_phrases(b: _Builder, code: str, masc: str, masc_heads: list[str], fem_heads: list[str]) -> None:
    """«head + nisba» phrases for one adjective: «الجيش الكويتي», «القوات الكويتية»."""
    for head in masc_heads:
        b.add(f"{head} {_inflect(masc, '', True)}", _Entry(code, "institution"), "heads")
    for head in fem_heads:
        b.add(f"{head} {_inflect(masc, 'ة', True)}", _Entry(code, "institution"), "heads")


@cache
def _lexicon() -> _Lexicon:
    """Builds every table and matcher once per process."""
    data: dict[str, Any] = load_yaml("countries.yaml")
    org_data: dict[str, Any] = load_yaml("organisations.yaml")
    specs: dict[str, dict[str, Any]] = data["countries"]
    territories = set(data["territories"])
    dropped = {_key(n) for n in data["drop_names"]}
    py_names = _pycountry_names()
    unknown = set(specs) - set(py_names)
    if unknown:
        raise ValueError(f"countries.yaml: not ISO 3166-1 alpha-2 codes: {sorted(unknown)}")

    b = _Builder()
    for item in data["institutions"]:
        for name in item["names"]:
            b.add(name, _Entry(item["code"], "institution", keep=bool(item.get("keep"))), "institutions")
    for item in data["phrases"]:
        for name in item["names"]:
            b.add(name, _Entry(item["code"], "phrase"), "phrases")
    for code, spec in specs.items():
        for name in spec.get("names", []):
            b.add(name, _Entry(code, "name"), "yaml")
    for code, names in py_names.items():
        for name in names:
            if _key(name) not in dropped:
                b.add(name, _Entry(code, "name"), "pycountry")
    for code, spec in specs.items():
        for name in spec.get("capitals", []):
            b.add(name, _Entry(code, "capital"), "capitals")

    masc_by_code: dict[str, list[str]] = {}
    for code, names in py_names.items():
        spec = specs.get(code, {})
        all_names = [_plain(n) for n in spec.get("names", [])] + [n for n in names if _key(n) not in dropped]
        masc_by_code[code] = _country_nisbas(code, spec, all_names, territories)
        for masc in masc_by_code[code]:
            for form in _nisba_forms(masc):
                b.add(form, _Entry(code, "nisba"), "nisba")
        for form in spec.get("nisba_forms", []):
            b.add(form, _Entry(code, "nisba"), "nisba")
        for plural in spec.get("plural", []):
            for form in (plural, "ال" + plural):
                b.add(form, _Entry(code, "nisba"), "nisba")
    core_keys = [k for k, e in b.entries.items() if e.kind != "institution"]

    heads = data["institution_heads"]
    for code, mascs in masc_by_code.items():
        for masc in mascs:
            _add_head_phrases(b, code, masc, heads["masc"], heads["fem"])
    not_before = set(heads["not_before_head_nisba"])
    for code, spec in specs.items():
        for masc in spec.get("head_nisba", []):
            masc_heads = [h for h in heads["masc"] if h not in not_before]
            fem_heads = [h for h in heads["fem"] if h not in not_before]
            _add_head_phrases(b, code, _plain(masc), masc_heads, fem_heads)

    for code, mascs in masc_by_code.items():
        for masc in mascs:
            for style in data["royal_styles"]:
                for suffix in ("", "ة"):
                    phrase = f"{_inflect(style, suffix, True)} {_inflect(masc, suffix, True)}"
                    b.add(phrase, _Entry(code, "institution", keep=True), "royal styles")

    orgs: dict[str, str] = {}
    for org_key, names in org_data["organisations"].items():
        for name in names:
            orgs.setdefault(_key(name), org_key)
    blockers = [_key(p) for p in data["blockers"]]
    for mascs in masc_by_code.values():
        for masc in mascs:
            blockers += [_key(f"{h} {_inflect(masc, 'ة', True)}") for h in data["blocker_heads_fem"]]

    contextual: dict[str, frozenset[str] | None] = {
        _key(word): None if codes == "all" else frozenset(codes) for word, codes in data["contextual"].items()
    }
    rules: dict[str, _Rule] = {}
    for rule in data["disambiguation"]:
        alt = rule.get("alternative")
        rules[_key(rule["form"])] = _Rule(
            marks=rule.get("marks", ""),
            cues_before=tuple(_key(c) for c in rule.get("cues_before", [])),
            cues_after=tuple(_key(c) for c in rule.get("cues_after", [])),
            alternative=_Entry(alt["code"], alt["kind"]) if alt else None,
            article_cues=tuple(_key(c) for c in rule.get("article_cues", [])),
            article_against=tuple(_key(c) for c in rule.get("article_against", [])),
        )

    display = {code: names[0] for code, names in py_names.items() if names}
    display.update({code: spec["display"] for code, spec in specs.items() if spec.get("display")})
    designators, trailing = _strip_rules(data["strip"])
    return _Lexicon(
        entries=b.entries,
        full=_Matcher(b.entries),
        core=_Matcher(core_keys),
        orgs=orgs,
        org_matcher=_Matcher(orgs),
        suppress=_Matcher([*orgs, *blockers]),
        contextual=contextual,
        contextual_matcher=_Matcher(contextual),
        false_friends=tuple(_plain(w).translate(_ALEFS) for w in data["false_friends"]),
        after_masculine=tuple(_plain(w).translate(_ALEFS) for w in data["after_masculine"]),
        feminine_without_ta=frozenset(_plain(w).translate(_ALEFS) for w in data["feminine_without_ta"]),
        rules=rules,
        display=display,
        designators=designators,
        trailing=trailing,
        conflicts=tuple(b.conflicts),
    )


# --- matching ------------------------------------------------------------------------------------


def _span(index: tuple[int, ...], text: str, start: int, end: int) -> tuple[int, int]:
    """Original offsets of a normalised span, trailing diacritics included."""
    ostart, oend = index[start], index[end - 1] + 1
    while oend < len(text) and _MARKS.match(text[oend]):
        oend += 1
    return ostart, oend


def _is_false_friend(surface: str, lex: _Lexicon, before: str) -> bool:
    """A written form that normalises to a country word but is not one here; «اليمنى» is Yemeni after a
    masculine noun with «ال» («وزير الدفاع اليمنى»), the right side after a feminine one («الضفة اليمنى»)."""
    written = _plain(surface).translate(_ALEFS)
    friend = next(
        (
            word
            for word in lex.false_friends
            if written.endswith(word) and written[: len(written) - len(word)] in _CLITIC_PREFIXES
        ),
        None,
    )
    if friend is None:
        return False
    previous = _plain(before).translate(_ALEFS)
    feminine = previous.endswith(("ة", "ه")) or previous in lex.feminine_without_ta
    masculine = previous.startswith("ال") and not feminine
    return not (friend in lex.after_masculine and masculine)


# Forms read the alternative way throughout the article being read (`reading_article`).
_article_readings: ContextVar[frozenset[str]] = ContextVar("article_readings", default=frozenset())


@cache
def _article_rules() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(form, cues, against), folded, for the rules that read whole articles."""
    return tuple(
        (form, tuple(map(_key, rule.article_cues)), tuple(map(_key, rule.article_against)))
        for form, rule in _lexicon().rules.items()
        if rule.article_cues
    )


def article_readings(text: str) -> frozenset[str]:
    """Forms whose alternative reading the whole text supports: «عمان» is Amman in an article that
    speaks of Jordan and never of Oman by any other word («العماني», «مسقط», «السلطنة»)."""
    folded = fold(text)[0]
    return frozenset(
        form
        for form, cues, against in _article_rules()
        if form in folded and any(c in folded for c in cues) and not any(a in folded for a in against)
    )


@contextmanager
def reading_article(text: str) -> Iterator[None]:
    """Country words found while this block runs are disambiguated with the whole article in view."""
    token = _article_readings.set(article_readings(text))
    try:
        yield
    finally:
        _article_readings.reset(token)


def _reread(
    rule: _Rule, norm: str, start: int, end: int, surface: str, entry: _Entry, article_wide: bool
) -> _Entry | None:
    """The entry after disambiguation: the default, the alternative, or None to drop the hit."""
    before = norm[max(0, start - 60) : start].rstrip()
    after = norm[end : end + 60].lstrip()
    if (
        article_wide
        or any(mark in surface for mark in rule.marks)
        or any(before.endswith(cue) for cue in rule.cues_before)
        or any(after.startswith(cue) for cue in rule.cues_after)
    ):
        return rule.alternative
    return entry


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _suppressed(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """A country word touching an organisation or blocker, unless the country phrase is the longer one
    («مقاطعة المحيط الهندي البريطانية» is a territory; «المحيط الهندي» alone is an ocean)."""
    return any(
        start < e and s < end and not (start <= s and e <= end and end - start > e - s) for s, e in spans
    )


@dataclass(frozen=True)
class _Found:
    hit: CountryHit
    norm_start: int
    norm_end: int
    keep: bool


def _scan(
    text: str, norm: str, index: tuple[int, ...], home: str | None, readings: frozenset[str] = frozenset()
) -> list[_Found]:
    lex = _lexicon()
    blocked = [(s, e) for s, e, _ in lex.suppress.scan(norm)]
    found: list[_Found] = []
    for s, e, key in lex.full.scan(norm):
        if blocked and _suppressed(s, e, blocked):
            continue
        ostart, oend = _span(index, text, s, e)
        surface = text[ostart:oend]
        if _is_false_friend(surface, lex, (text[:ostart].split() or [""])[-1]):
            continue
        entry: _Entry | None = lex.entries[key]
        rule = lex.rules.get(key)
        if rule is not None and entry is not None:
            entry = _reread(rule, norm, s, e, surface, entry, key in readings)
        if entry is None:
            continue
        found.append(_Found(CountryHit(entry.code, ostart, oend, surface, entry.kind), s, e, entry.keep))
    if home:
        taken = blocked + [(f.norm_start, f.norm_end) for f in found]
        for s, e, key in lex.contextual_matcher.scan(norm):
            allowed = lex.contextual[key]
            if (allowed is None or home in allowed) and not _overlaps(s, e, taken):
                ostart, oend = _span(index, text, s, e)
                found.append(_Found(CountryHit(home, ostart, oend, text[ostart:oend], "phrase"), s, e, False))
        found.sort(key=lambda f: f.norm_start)
    return found


def find_countries(text: str, *, home: str | None = None) -> list[CountryHit]:
    """Every country named in `text`: non-overlapping, longest match first, sorted by start.

    `home` (ISO code of the outlet's country) lets «المملكة», «السلطنة» and «البلاد» resolve to it.
    """
    return list(_countries_in(text, home.upper() if home else None, _article_readings.get()))


@lru_cache(maxsize=1024)  # a sentence is scanned by the people, place and follow-up readers in turn
def _countries_in(text: str, home: str | None, readings: frozenset[str]) -> tuple[CountryHit, ...]:
    norm, index = fold(text)
    return tuple(f.hit for f in _scan(text, norm, index, home, readings))


PAIR_LEAD_REACH = 12  # characters between «بين» and the first state («بين المملكة العربية السعودية»)


def pairs_of_states(text: str, *, home: str | None = None) -> list[tuple[str, str]]:
    """Two states told as a pair: «بين السعودية وتونس» (the second joined by «و»), or two nisbas side by
    side («العلاقات الأردنية الأمريكية»). A run of three or more states is a list, not a pair."""
    hits = find_countries(text, home=home)
    runs: list[list[CountryHit]] = []
    for hit in hits:
        if runs and _joined(text, runs[-1][-1], hit):
            runs[-1].append(hit)
        else:
            runs.append([hit])
    leads = _pair_leads()
    pairs = []
    for run in runs:
        if len(run) != 2 or run[0].code == run[1].code:
            continue
        first, second = run
        nisbas = first.kind == "nisba" and second.kind == "nisba" and not _clitic_and(second.surface)
        before = fold(text[max(0, first.start - PAIR_LEAD_REACH) : first.start])[0].split()
        if nisbas or (_clitic_and(second.surface) and any(w in leads for w in before)):
            pairs.append((first.code, second.code))
    return pairs


def _joined(text: str, left: CountryHit, right: CountryHit) -> bool:
    """Nothing but spaces between two hits (the «و» of the second is part of its hit)."""
    return not text[left.end : right.start].strip()


def _clitic_and(surface: str) -> bool:
    return surface.startswith("و")


@cache
def _pair_leads() -> frozenset[str]:
    return frozenset(_key(w) for w in words("countries.yaml", "pair_leads"))


def find_organisations(text: str) -> list[OrgHit]:
    """International organisations (GCC, NATO, UN, ...) named in `text`, sorted by start."""
    lex = _lexicon()
    norm, index = fold(text)
    hits = []
    for s, e, key in lex.org_matcher.scan(norm):
        ostart, oend = _span(index, text, s, e)
        hits.append(OrgHit(lex.orgs[key], ostart, oend, text[ostart:oend]))
    return hits


def country_of_phrase(text: str, *, home: str | None = None) -> str | None:
    """The first country in a short phrase such as a title («رئيس الأركان البريطاني» → GB)."""
    hits = find_countries(text, home=home)
    return hits[0].code if hits else None


def country_name_ar(code: str) -> str | None:
    """The Arabic name of an ISO alpha-2 code as a reader writes it, or None for an unknown code."""
    return _lexicon().display.get(code.upper())


# --- stripping country words from titles ----------------------------------------------------------

_LAST_WORD = re.compile(r"(\S+)\s*$")


def _with_designator(text: str, start: int, designators: frozenset[str]) -> int:
    """Moves `start` back over «دولة/جمهورية/...» (with a clitic) standing right before a country."""
    m = _LAST_WORD.search(text, 0, start)
    if m is None:
        return start
    word = _key(m.group(1))
    for prefix in sorted(_CLITIC_PREFIXES, key=len, reverse=True):
        if word.startswith(prefix) and word[len(prefix) :] in designators:
            return m.start(1)
    return start


def _cuts(text: str) -> list[tuple[int, int]]:
    lex = _lexicon()
    norm, index = fold(text)
    cuts: list[tuple[int, int]] = []
    for f in _scan(text, norm, index, None, _article_readings.get()):
        if f.hit.kind == "institution":
            if f.keep:
                continue
            inner = [_span(index, text, s, e) for s, e, _ in lex.core.scan(norm, f.norm_start, f.norm_end)]
            if not inner:  # a head_nisba («الجيش المالي»): not a country word alone, but the phrase's last
                inner = [(text.rindex(" ", f.hit.start, f.hit.end) + 1, f.hit.end)]
            cuts.extend(inner)
        else:
            cuts.append((f.hit.start, f.hit.end))
    return [(_with_designator(text, s, lex.designators), e) for s, e in cuts]


def strip_country_words(text: str) -> str:
    """A title without its country words: «سفير اليابان لدى البلاد» → «سفير».

    Named institutions stay («قائد قوة دفاع البحرين»); for «head + nisba» bodies only the nisba goes
    («رئيس الأركان العامة للجيش الكويتي» → «رئيس الأركان العامة للجيش»). Prepositions and postings
    left dangling at the end («لدى البلاد») go too.
    """
    lex = _lexicon()
    pieces: list[str] = []
    pos = 0
    for start, end in sorted(_cuts(text)):
        if start >= pos:
            pieces.append(text[pos:start])
            pos = end
        else:
            pos = max(pos, end)
    pieces.append(text[pos:])
    words = " ".join(pieces).split()
    changed = True
    while words and changed:
        changed = False
        if not any(ch.isalnum() for ch in words[-1]):
            words.pop()
            changed = True
            continue
        keys = [_key(w) for w in words]
        for tail in lex.trailing:
            if len(tail) <= len(words) and tuple(keys[-len(tail) :]) == tail:
                del words[-len(tail) :]
                changed = True
                break
    return " ".join(words).strip(" ،,")
