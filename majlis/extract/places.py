"""Where a meeting took place: cities from the lexicons and country capitals, and the article's home."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from majlis.extract.countries import country_name_ar, find_countries
from majlis.extract.dates import dateline_agency, parse_dateline
from majlis.extract.lexicon import load_yaml, outlet_country
from majlis.extract.tokens import tokenize
from majlis.extract.vocab import pattern, vocabulary, words
from majlis.text import ARABIC_DIACRITICS, TATWEEL, normalize

PLACE_PREPOSITIONS = tuple(words("places.yaml", "place_prepositions"))
VISIT_NOUNS = set(words("places.yaml", "visit_nouns"))  # normalised


@dataclass(frozen=True)
class Place:
    city: str | None
    country: str | None


@cache
def _known_city_names() -> frozenset[str]:
    names: set[str] = set()
    for spec in load_yaml("countries.yaml")["countries"].values():
        names.update(normalize(c) for c in spec.get("capitals", []))
    for cities in load_yaml("cities.yaml").values():
        names.update(normalize(c) for c in cities)
    return frozenset(names)


def _city_name(surface: str) -> str:
    """A city as a reader writes it: no diacritics, no preposition or clitic stuck to it («بالرياض»)."""
    word = ARABIC_DIACRITICS.sub("", surface).replace(TATWEEL, "").removesuffix(" العاصمة")  # «تونس العاصمة»
    known = _known_city_names()
    if normalize(word) in known:
        return word
    for clitic in ("وب", "ب", "و", "ل", "ف"):
        rest = word[len(clitic) :]
        if word.startswith(clitic) and normalize(rest) in known:
            return rest
        if (
            word.startswith(clitic + "ال") is False
            and word.startswith(clitic)
            and normalize("ال" + rest) in known
        ):
            return "ال" + rest
    return word


def cities_in(text: str) -> list[tuple[int, Place]]:
    """(offset, place) for every city named in the text: capitals and lexicon cities."""
    found: list[tuple[int, Place]] = []
    for hit in find_countries(text):
        if hit.kind == "capital":
            found.append((hit.start, Place(_city_name(hit.surface), hit.code)))
    toks = tokenize(text)
    for m in vocabulary().cities.find_all(toks):
        surface = text[toks[m.start].start : toks[m.end - 1].end]
        found.append((toks[m.start].start, Place(_city_name(surface), m.value)))
    return sorted(found, key=lambda item: item[0])


def place_in(text: str) -> Place | None:
    """A city introduced as the place («في الدوحة», «بالرياض», «في العاصمة مدريد») in the text."""
    for offset, place in cities_in(text):
        before = normalize(text[max(0, offset - 25) : offset]).split()
        word = normalize(text[offset:]).split()[0] if text[offset:].strip() else ""
        if word.startswith(("ب", "وب")) and not normalize(place.city or "").startswith("ب"):
            return place
        if before and (
            before[-1] in {"في", "فى", "بمدينه", "بالعاصمه", "العاصمه", "مدينه"}
            or (len(before) > 1 and before[-2] in {"في", "العاصمه"})
        ):
            return place
        if len(before) > 1 and before[-1] in {"الي", "الى"} and before[-2] in VISIT_NOUNS:
            return place  # «خلال زيارته إلى باريس»
    return _seat_in(text)


@cache
def _seats() -> re.Pattern[str]:
    """«في البنتاغون», «بقصر الإليزيه»: a seat of government after a place preposition (normalised text)."""
    seats: dict[str, list[str]] = load_yaml("places.yaml")["seats"]
    names = sorted((normalize(name) for names in seats.values() for name in names), key=len, reverse=True)
    return re.compile(rf"(?:^|\s)(?:و?في\s+|و?ب)(?P<seat>{'|'.join(map(re.escape, names))})(?!\w)")


@cache
def _seat_country() -> dict[str, str]:
    seats: dict[str, list[str]] = load_yaml("places.yaml")["seats"]
    return {normalize(name): code for code, names in seats.items() for name in names}


def _seat_in(text: str) -> Place | None:
    m = _seats().search(normalize(text))
    return Place(None, _seat_country()[m.group("seat")]) if m else None


# «في مقر القيادة العامة للجيش الباكستاني», «بمقر وزارة الدفاع الأمريكية»: an institution's seat (not
# «مقر إقامة», a residence), up to the end of the clause
HEADQUARTERS = pattern("places.yaml", "headquarters")
# «زيارة عمل إلى دولة قطر», «زيارته الرسمية إلى الرياض»: where a visit goes
VISIT_DESTINATION = pattern("places.yaml", "visit_destination")
_WORDS_AFTER_SEAT = 6


def headquarters_country(sentence_text: str) -> str | None:
    """The country whose institution's headquarters the sentence places something in."""
    return _first_country(HEADQUARTERS, sentence_text, {"nisba", "institution", "name"}, _WORDS_AFTER_SEAT)


def visit_destination(sentence_text: str) -> str | None:
    """The country (by name or capital) a visit in the sentence is to."""
    return _first_country(VISIT_DESTINATION, sentence_text, {"name", "capital"})


def _rest(m: re.Match[str]) -> str:
    """The words after the match; after a joined «ل» («للكويت» = ل + الكويت) with the article's alef back."""
    rest = m.group("rest")
    if "lam" in m.re.groupindex and m.group("lam") and rest.startswith("ل"):
        return "ا" + rest
    return rest


def _first_country(pattern: re.Pattern[str], text: str, kinds: set[str], words: int = 0) -> str | None:
    """The first country of one of `kinds` in a match's «rest» group (its first `words` words, if given)."""
    for m in pattern.finditer(text):
        rest = _rest(m)
        if words:
            rest = " ".join(rest.split()[:words])
        for hit in find_countries(rest):
            if hit.kind in kinds:
                return hit.code
    return None


# «في إطار زيارته إلى دولة قطر», «خلال زيارتها لنيويورك», «الذي يزور أبوظبي حالياً»: someone named just
# before is a visitor there (a possessive visit, or «is visiting» with a place other than «البلاد»)
VISITOR = pattern("places.yaml", "visitor")


def visitor_place(sentence_text: str) -> tuple[int, Place] | None:
    """(offset, place) of a visit the sentence says someone named before it is on; None for «البلاد»
    (the article's own country, which other rules read) or when the words after it name no place."""
    for m in VISITOR.finditer(sentence_text):
        place = _place_named_in(_rest(m))
        if place is not None:
            return m.start(), place
    return None


def _place_named_in(words: str) -> Place | None:
    """The city, or else the country by name or capital, a few words name."""
    for _, place in cities_in(words):
        return place
    for hit in find_countries(words):
        if hit.kind in {"name", "capital"}:
            return Place(None, hit.code)
    return None


# «وصل إلى العاصمة الأردنية عمّان أمس … في زيارة رسمية», «لدى وصوله إلى عمّان»: where a visitor arrived
# (past tense or the masdar only: «يصل غدا» is a plan)
ARRIVAL = pattern("places.yaml", "arrival")


def arrival_place(sentence_text: str) -> Place | None:
    """The city (or else the country) a visitor arrived in, as the sentence tells it."""
    m = ARRIVAL.search(sentence_text)
    if m is None:
        return None
    # the destination's words, up to where the origin starts («… قادماً من القاهرة»)
    return _place_named_in(re.split(r"\s(?:قادما|قادماً|قادمة|قادمين|من)\s", " " + m.group("rest") + " ")[0])


def _body(article_text: str, title: str | None) -> str:
    return article_text[len(title) :].lstrip() if title and article_text.startswith(title) else article_text


def dateline_place(article_text: str, title: str | None) -> Place | None:
    """The city of a dateline at the start of the body («الكويت – 12 يناير (كونا) –», «مسقط، 17 نوفمبر»)."""
    city, _ = parse_dateline(_body(article_text, title), None)
    if city is None:
        return None
    for _, place in cities_in(city):
        return place
    return None


# Country-code domains sold for other meanings («.tv», «.me», «.io» …): no evidence of where a site is.
VANITY_DOMAINS = {
    "tv",
    "me",
    "io",
    "co",
    "fm",
    "ai",
    "cc",
    "ws",
    "to",
    "gg",
    "la",
    "nu",
    "tk",
    "ly",
    "md",
    "am",
    "sh",
}


def url_country(url: str | None) -> str | None:
    """The country of a site's country-code domain («https://www.example.com.eg/…» → EG, «.uk» → GB)."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    tld = host.rsplit(".", 1)[-1].lower()
    if len(tld) != 2 or not tld.isalpha() or tld in VANITY_DOMAINS:
        return None
    code = "GB" if tld == "uk" else tld.upper()
    return code if country_name_ar(code) else None


DATELINE_TITLE_WORDS = 6  # a first line this short may be a dateline taken for a headline


REPORTING_BODY = pattern("places.yaml", "reporting_body")
REPORTING_BODY_CHARS = 600  # the statement that opens the report, not a quote further down


def _reporting_body_country(body: str) -> str | None:
    """«أعلنت وزارة الدفاع الروسية، أن وزير الدفاع X بحث …»: the state of the body that issued the
    statement."""
    m = REPORTING_BODY.search(body[:REPORTING_BODY_CHARS])
    if m is None:
        return None
    hits = [h for h in find_countries(m.group("rest")) if h.kind == "nisba"]
    return hits[0].code if hits else None


def home_evidence(
    article_text: str, title: str | None, source: str | None, url: str | None = None
) -> tuple[list[str], bool, str]:
    """Candidates for the country the article reports from, best first, and whether the evidence is firm.

    Firm: the state of the body whose statement opens the report («أعلنت وزارة الدفاع الروسية»), a known
    agency in the dateline, a dateline city, a known outlet as the article's source, or the
    country-code domain of the article's url.
    Otherwise the countries the article names, most named first (weak: a report on a visiting delegation
    may name the visitors' country most).
    """
    body = _body(article_text, title)
    code = _reporting_body_country(
        body
    )  # whoever relays it, a body's statement names its own officials unmarked
    if code:
        return [code], True, "by_reporting_body"
    agency = dateline_agency(body)  # a national agency abroad still writes its own officials unmarked:
    code = outlet_country(agency) if agency else None  # «واشنطن - 5 - 3 (كونا) -- التقى وزير الدفاع»
    if code:
        return [code], True, "by_dateline_agency"
    place = dateline_place(article_text, title)
    if place is None and title and len(title.split()) <= DATELINE_TITLE_WORDS:
        place = dateline_place(title, None)  # «ابوظبي - سورية 24»: a page whose first line is the dateline
    if place and place.country:
        return [place.country], True, "by_dateline_city"
    city, _ = parse_dateline(body, None)  # «وطنية - استقبل …»: an agency where the city would be
    for name, how in ((city, "by_dateline_outlet"), (source, "by_source_outlet")):
        code = outlet_country(name) if name else None
        if code:
            return [code], True, how
    code = url_country(url)
    if code:
        return [code], True, "by_url"
    counts: dict[str, int] = {}
    for hit in find_countries(article_text):
        counts[hit.code] = counts.get(hit.code, 0) + 1
    return sorted(counts, key=lambda c: -counts[c]), False, "most_named"
