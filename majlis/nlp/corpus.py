"""Synthetic Arabic meeting-news sentences with BIO labels (PER, ORG, LOC, MISC) to train the NER model.

No labelled Arabic corpus can be downloaded here, so the training data is generated from lexicons in
`data/*.yaml` and templates that mimic defence/diplomatic news. Honorifics, ranks, titles, country
adjectives and time words are always O, so the model learns where a name starts and stops.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from majlis.nlp.tokenize import ner_tokens
from majlis.yamlio import read_yaml

DATA_DIR = Path(__file__).with_name("data")
LEXICON_FILES = (
    "names_arabic.yaml",
    "names_foreign.yaml",
    "names_more.yaml",
    "roles.yaml",
    "places_orgs.yaml",
    "templates.yaml",
    "common_words.yaml",
)

LabeledSentence = list[tuple[str, str]]
_SLOT_RE = re.compile(r"\{([a-z_0-9A-Z]+)\}")
_DIACRITICS = "\u064e\u064f\u0650\u0651\u0652\u064b\u064c\u064d"
_TATWEEL = "\u0640"


@lru_cache(maxsize=1)
def lexicons() -> dict[str, Any]:
    """All YAML lexicons merged into one mapping (file keys do not overlap)."""
    merged: dict[str, Any] = {}
    for name in LEXICON_FILES:
        merged.update(read_yaml(DATA_DIR / name))
    return merged


@dataclass(frozen=True)
class Person:
    name: str
    short: str  # how a later sentence refers to the person (family name, or given name)
    rank: str | None
    honorific: str | None
    title: str
    nisba: str


@dataclass(frozen=True)
class Piece:
    """A rendered slot: text plus entity spans (start, end, label) relative to the text."""

    text: str
    spans: tuple[tuple[int, int, str], ...] = ()


def _piece(*parts: tuple[str, str | None]) -> Piece:
    """Join (text, label-or-None) parts with spaces, recording the labelled spans."""
    text, spans, pos = "", [], 0
    for part, label in parts:
        if not part:
            continue
        if text and not part.startswith("،"):
            text += " "
            pos += 1
        if label:
            spans.append((pos, pos + len(part), label))
        text += part
        pos += len(part)
    return Piece(text, tuple(spans))


class Generator:
    """Draws names, officials and sentences from the lexicons with one seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.lex = lexicons()

    def pick(self, key: str) -> Any:
        return self.rng.choice(self.lex[key])

    def _syllable_name(self) -> str:
        syl = self.lex["syllables"]
        parts = [self.rng.choice(syl["onsets"])]
        for _ in range(self.rng.choice((0, 1, 1, 2))):
            parts.append(self.rng.choice(syl["middles"]))
        parts.append(self.rng.choice(syl["codas"]))
        return "".join(parts)

    def arab_family(self) -> str:
        roll = self.rng.random()
        if roll < 0.55:
            return str(self.pick("families"))
        given = str(self.pick("given_male"))
        if " " in given or given.startswith("ال"):
            return str(self.pick("families"))
        if roll < 0.75:
            return "ال" + given  # families formed from a forefather's name (العبدالله)
        if roll < 0.95 and not given.endswith(("ى", "ا", "ة")):
            return "ال" + given + "ي"  # nisba families (الفلاني)
        return str(self.pick("families"))

    def arab_name(self) -> tuple[str, str]:
        if self.rng.random() < 0.45:
            return self.regional_arab_name()
        female = self.rng.random() < 0.1
        given = self.pick("given_female") if female else self.pick("given_male")
        father, grand = self.pick("given_male"), self.pick("given_male")
        family = self.arab_family()
        lineage = "بنت" if female else "بن"
        roll = self.rng.random()
        if roll < 0.08:
            house = self.pick("al_families")
            return f"{given} {lineage} {father} {house}", house
        if roll < 0.22:
            return f"{given} {lineage} {father} {family}", family
        if roll < 0.60:
            return f"{given} {father} {family}", family
        if roll < 0.70:
            return f"{given} {father} {grand} {family}", family
        if roll < 0.95:
            return f"{given} {family}", family
        return f"{given} {father}", father

    def regional_arab_name(self) -> tuple[str, str]:
        """A name from one Arab region's lists (Maghreb, Mauritania, Egypt and Sudan, Levant and Iraq, Gulf
        and Yemen), sometimes in that region's spelling (Egyptian final «ى», Maghrebi «ڨ»)."""
        regions = self.lex["arab_regions"]
        region = regions[self.rng.choice(sorted(regions))]
        given, family = self.rng.choice(region["given"]), self.rng.choice(region["family"])
        roll = self.rng.random()
        if roll < 0.35:
            name = f"{given} {self.rng.choice(region['given'])} {family}"
        elif roll < 0.45:
            name = f"{given} {self.rng.choice(region['given'])} {self.rng.choice(region['given'])} {family}"
        elif roll < 0.55 and not family.startswith(("ولد", "بنت")):
            name = f"{given} بن {self.rng.choice(region['given'])} {family}"
        else:
            name = f"{given} {family}"
        variants: dict[str, list[str]] = region.get("variants") or {}
        if variants and self.rng.random() < 0.3:
            for letter, spellings in variants.items():
                if letter == "ي":  # Egyptian spelling writes a final «ي» as «ى»
                    name = " ".join(w[:-1] + "ى" if w.endswith("ي") else w for w in name.split())
                elif letter in name:
                    name = name.replace(letter, self.rng.choice(spellings), 1)
        return name, name.split()[-1]

    def royal_name(self) -> Piece:
        """A royal or honorific chain («صاحب السمو الملكي الأمير …» / «جلالة الملك … الثاني»): the style is
        O, the name (lineage words and «آل …» house included) is PER."""
        style = str(self.pick("royal_styles"))
        female = style.endswith(("الأميرة", "الشيخة"))
        given = self.pick("given_female") if female else self.pick("given_male")
        lineage = "بنت" if female else "بن"
        roll = self.rng.random()
        if roll < 0.15 and style.endswith(("الملك", "السلطان")):
            name = f"{given} {self.pick('regnal')}"
        elif roll < 0.3:  # «فلان الأحمد الجابر الصباح»: forefathers with the article, then the house
            fathers = [self.pick("given_male") for _ in range(self.rng.randint(1, 2))]
            family = str(self.pick("families"))
            name = " ".join([given, *("ال" + f for f in fathers if " " not in f), family])
        else:
            chain = [given]
            for _ in range(self.rng.choice((1, 2, 2, 3))):
                chain += [lineage, self.pick("given_male")]
                lineage = "بن"
            if self.rng.random() < 0.7:
                chain.append(self.pick("al_families"))
            name = " ".join(chain)
        return _piece((style, None), (name, "PER"))

    def foreign_name(self) -> tuple[str, str]:
        origins = {**self.lex["origins"], **self.lex["more_origins"]}
        if self.rng.random() < 0.08:
            latin = self.lex["latin_names"]
            family = self.rng.choice(latin["family"])
            return f"{self.rng.choice(latin['given'])} {family}", family.split()[-1]
        origin = origins[self.rng.choice(sorted(origins))]
        if self.rng.random() < 0.2:
            given, family = self._syllable_name(), self._syllable_name()
        else:
            given, family = self.rng.choice(origin["given"]), self.rng.choice(origin["family"])
        if origin.get("order") == "family_first":
            if self.rng.random() < 0.3:
                given = f"{given} {self._syllable_name()}"
            return f"{family} {given}", family
        if self.rng.random() < 0.15:
            family = f"{family} {self.rng.choice(origin['family'])}"
        elif self.rng.random() < 0.1:
            given = f"{given} {self.rng.choice(origin['given'])}"
        return f"{given} {family}", family.split()[-1]

    def person(self) -> Person:
        name, family = self.arab_name() if self.rng.random() < 0.55 else self.foreign_name()
        military = self.rng.random() < 0.6
        rank = str(self.pick("ranks" if self.rng.random() < 0.85 else "extra_ranks")) if military else None
        honorific = None if military or self.rng.random() < 0.4 else str(self.pick("honorifics"))
        nisba_pair = self.pick("nisba")
        nisba = nisba_pair[1] if self.rng.random() < 0.1 else nisba_pair[0]
        return Person(name, family, rank, honorific, str(self.pick("titles")), nisba)

    def official(self, p: Person) -> Piece:
        """One of the ways news text introduces an official around the PER span."""
        nisba = p.nisba if self.rng.random() < 0.6 else ""
        pre = p.rank or p.honorific or ""
        v = self.rng.random()
        if v < 0.28:
            return _piece((p.title, None), (nisba + "،", None), (pre, None), (p.name, "PER"))
        if v < 0.46:
            return _piece((pre, None), (p.name + "،", "PER"), (p.title, None), (nisba, None))
        if v < 0.58:
            hon2 = self.pick("honorifics") if self.rng.random() < 0.5 else ""
            return _piece(
                (p.honorific or "", None), (p.title, None), (nisba, None), (hon2, None), (p.name, "PER")
            )
        if v < 0.68:
            country = self.pick("countries")
            where = self.rng.choice(("لدى البلاد", "المعتمد لدى البلاد", "لدى " + self.pick("countries"), ""))
            title = self.rng.choice(
                ("سفير", "سفيرة", "سفير جمهورية", "القائم بأعمال سفارة", "الملحق العسكري في سفارة")
            )
            return _piece(
                (p.honorific or "", None), (title, None), (country, "LOC"), (where, None), (p.name, "PER")
            )
        if v < 0.78:
            return _piece((pre, None), (p.name, "PER"))
        if v < 0.84:
            return _piece((p.name, "PER"))
        if v < 0.90:
            org = self.pick("orgs")
            return _piece((p.title, None), (org + "،", "ORG"), (pre, None), (p.name, "PER"))
        return _piece((p.title, None), (nisba, None))  # an official named by office only

    def short_ref(self, p: Person) -> Piece:
        v = self.rng.random()
        if v < 0.6 and p.rank:
            return _piece((p.rank, None), (p.short, "PER"))
        if v < 0.75:
            return _piece((p.title, None), (p.nisba, None))
        if v < 0.85:
            return _piece((self.rng.choice(("الضيف", "الجانب")), None), (p.nisba, None))
        return _piece((p.honorific or "", None), (p.short, "PER"))

    def date(self) -> str:
        day = self.rng.randint(1, 30)
        text = f"{day} {self.pick('months')}"
        if self.rng.random() < 0.3:
            text += f" {self.rng.randint(2015, 2030)}"
        if self.rng.random() < 0.2:
            text = text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
        return text

    def named_org(self) -> Piece:
        """An institution, ship or prize carrying a person's name: one ORG (or MISC/LOC) span, no PER."""
        if self.rng.random() < 0.5:
            head, tail, label = self.rng.choice(self.lex["named_org_more"])
        else:
            (head, tail), label = self.rng.choice(self.lex["named_org_patterns"]), "ORG"
        if self.rng.random() < 0.5:
            name = f"{self.pick('given_male')} بن {self.pick('given_male')}"
        else:
            name, _ = self.arab_name() if self.rng.random() < 0.8 else self.foreign_name()
        return _piece((f"{head} {name} {tail}".strip(), label))

    def ruler_title(self) -> Piece:
        """«ولي عهد دبي», «أمير البلاد»: an office (O) that may hold a place (LOC)."""
        title = str(self.pick("ruler_titles"))
        if "{place}" not in title:
            return _piece((title, None))
        before, after = title.split("{place}")
        place = self.pick("cities" if self.rng.random() < 0.7 else "regions")
        return _piece((before.strip(), None), (place, "LOC"), (after.strip(), None))

    def byline(self) -> Piece:
        """A byline or photo credit: the writer's or photographer's name is PER."""
        head, tail = self.rng.choice(self.lex["byline_patterns"])
        name, _ = self.arab_name() if self.rng.random() < 0.75 else self.foreign_name()
        parts: list[tuple[str, str | None]] = []
        for text, label in ((head, None), (name, "PER"), (tail, None)):
            if "{city}" in text:
                parts += [(text.replace("{city}", "").strip(), None), (str(self.pick("cities")), "LOC")]
            elif "{agency}" in text:
                parts += [(str(self.pick("agencies")), "ORG"), (text.replace("{agency}", "").strip(), None)]
            else:
                parts.append((text, label))
        return _piece(*parts)

    def acronym(self) -> str:
        if self.rng.random() < 0.5:
            return str(self.pick("acronyms"))
        return "".join(self.rng.choice("ABCDEFGHIJKLMNOPRSTUVW") for _ in range(self.rng.randint(2, 5)))

    def slot(self, name: str, people: list[Person]) -> Piece:
        """The filler for one template slot."""
        if name[0] in "AS" and name[1:].isdigit():
            p = people[int(name[1:]) - 1]
            return self.official(p) if name[0] == "A" else self.short_ref(p)
        simple = {
            "time": ("time_words", None),
            "topic": ("topics", None),
            "country": ("countries", "LOC"),
            "country2": ("countries", "LOC"),
            "city": ("cities", "LOC"),
            "city2": ("cities", "LOC"),
            "org": ("orgs", "ORG"),
            "org2": ("orgs", "ORG"),
            "event": ("events", "MISC"),
            "product": ("products", "MISC"),
            "product2": ("products", "MISC"),
            "agency": ("agencies", "ORG"),
            "title_only": ("titles", None),
            "title_only2": ("titles", None),
        }
        if name in simple:
            key, label = simple[name]
            if key == "cities" and self.rng.random() < 0.3:
                key = "regions"
            return _piece((str(self.pick(key)), label))
        if name == "date":
            return _piece((self.date(), None))
        if name == "nisba":
            return _piece((str(self.pick("nisba")[0]), None))
        if name == "named_org":
            return self.named_org()
        if name in ("royal", "royal2"):
            return self.royal_name()
        if name == "ruler_title":
            return self.ruler_title()
        if name in ("rank_name", "rank_name2"):
            person = self.person()
            rank = str(self.pick("extra_ranks" if self.rng.random() < 0.4 else "ranks"))
            return _piece((rank, None), (person.name, "PER"))
        if name == "byline":
            return self.byline()
        if name in ("debris", "debris2"):
            return _piece((str(self.pick("debris")), None))
        if name == "acronym":
            return _piece((self.acronym(), None))
        if name == "acronym_paren":
            return _piece((f"({self.acronym()})", None))
        if name == "palace":
            return _piece((str(self.pick("palaces")), "LOC"))
        if name == "after_name":
            return _piece((str(self.pick("after_name")), None))
        if name == "event_quoted":  # an exercise's own name in quotes («نسيم …»): MISC, no person
            return _piece((" ".join(self.filler(1, 2).split()[:2]) or "الحصن", "MISC"))
        if name == "pronoun":
            return _piece((str(self.pick("honorific_pronouns")), None))
        raise KeyError(f"unknown template slot {{{name}}}")

    def render(self, template: str) -> tuple[str, list[tuple[int, int, str]]]:
        """Fill a template; returns the text and its entity character spans."""
        people = [self.person() for _ in range(4)]
        text, spans, pos = "", [], 0
        for m in _SLOT_RE.finditer(template):
            literal = template[pos : m.start()]
            piece = self.slot(m.group(1), people)
            filler = piece.text
            shift = 0
            if (
                literal.endswith("ل")
                and filler.startswith("ال")
                and (literal == "ل" or literal[-2].isspace())
            ):
                filler, shift = filler[1:], -1  # ل + ال -> لل
            base = len(text) + len(literal)
            for s, e, label in piece.spans:
                spans.append((max(base, base + s + shift), base + e + shift, label))
            text += literal + filler
            pos = m.end()
        text += template[pos:]
        return _tidy(text, spans)

    def word(self) -> str:
        """One everyday word, sometimes with the article, a clitic or a pronoun ending."""
        pool = self.rng.choices(("function_words", "nouns", "verbs", "adjectives"), (3, 4, 2, 2))[0]
        word = str(self.pick(pool))
        if pool in ("nouns", "adjectives") and " " not in word:
            if self.rng.random() < 0.4 and not word.startswith("ال"):
                word = "ال" + word
            elif self.rng.random() < 0.15:
                word += self.rng.choice(("ه", "ها", "هم", "هما", "نا", "كم"))
        if " " not in word and self.rng.random() < 0.15:
            clitic = self.rng.choice(("و", "ب", "ل", "ف", "وب", "ول"))
            word = (
                clitic[:-1] + "ل" + word[2:]
                if clitic.endswith("ل") and word.startswith("ال")
                else clitic + word
            )
        return word

    def filler(self, low: int, high: int) -> str:
        return " ".join(self.word() for _ in range(self.rng.randint(low, high)))

    def filler_sentence(self) -> str:
        parts = [self.filler(3, 10) for _ in range(self.rng.randint(1, 3))]
        return "، ".join(parts) + self.rng.choice((".", ".", "", "؟"))

    def pad(self, template: str) -> str:
        """Surround a template with everyday clauses, as real sentences run on around names."""
        if self.rng.random() < 0.45:
            end = template[-1] if template[-1] in ".؟" else ""
            template = template[: len(template) - len(end)] + "، " + self.filler(3, 12) + end
        if self.rng.random() < 0.15:
            template = self.filler(2, 8) + "، " + template
        return template

    def noisy(self, tokens: LabeledSentence) -> LabeledSentence:
        """Diacritics, tatweel and stray Latin words, as found in scraped news."""
        out: LabeledSentence = []
        for word, label in tokens:
            if len(word) > 2 and self.rng.random() < 0.02:
                i = self.rng.randrange(1, len(word))
                word = word[:i] + self.rng.choice(_DIACRITICS) + word[i:]
            if len(word) > 3 and self.rng.random() < 0.02:
                i = self.rng.randrange(1, len(word) - 1)
                word = word[:i] + _TATWEEL * self.rng.randint(1, 3) + word[i:]
            out.append((word, label))
        if self.rng.random() < 0.04:
            out.insert(self.rng.randrange(len(out) + 1), (str(self.pick("latin_noise")), "O"))
        return out


def _tidy(text: str, spans: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """Collapse double spaces left by empty slot parts, keeping spans aligned."""
    out: list[str] = []
    mapping: list[int] = []
    for ch in text:
        if ch == " " and (not out or out[-1] == " "):
            mapping.append(len(out))
            continue
        mapping.append(len(out))
        out.append(ch)
    mapping.append(len(out))
    new = "".join(out)
    new_spans = [(mapping[s], mapping[e], label) for s, e, label in spans]
    return new, new_spans


def label_tokens(text: str, spans: list[tuple[int, int, str]]) -> LabeledSentence:
    """BIO labels for the project's tokens: a token touching a span (clitic included) is inside it."""
    tokens = ner_tokens(text)
    labels = ["O"] * len(tokens)
    for s, e, ent in spans:
        e = s + len(text[s:e].rstrip("،,"))
        inside = [i for i, t in enumerate(tokens) if t.start < e and t.end > s and t.text not in ("،", ",")]
        for n, i in enumerate(inside):
            labels[i] = ("B-" if n == 0 else "I-") + ent
    return [(t.text, label) for t, label in zip(tokens, labels, strict=True)]


def generate(n_sentences: int, seed: int = 1234) -> Iterator[LabeledSentence]:
    """`n_sentences` labelled sentences, always the same for the same seed."""
    gen = Generator(seed)
    lex = gen.lex
    pools = [(lex["meeting"], 0.55), (lex["dateline"], 0.08), (lex["no_person"], 0.22)]
    for _ in range(n_sentences):
        roll, acc = gen.rng.random(), 0.0
        if roll >= 0.85:
            yield gen.noisy(label_tokens(gen.filler_sentence(), []))
            continue
        templates = pools[-1][0]
        for pool, weight in pools:
            acc += weight
            if roll < acc:
                templates = pool
                break
        text, spans = gen.render(gen.pad(gen.rng.choice(templates)))
        yield gen.noisy(label_tokens(text, spans))


def write_bio(sentences: Iterator[LabeledSentence] | list[LabeledSentence], path: Path) -> int:
    """Write tab-separated token/label lines with a blank line between sentences; returns the count."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for sent in sentences:
            for word, label in sent:
                out.write(f"{word}\t{label}\n")
            out.write("\n")
            count += 1
    return count
