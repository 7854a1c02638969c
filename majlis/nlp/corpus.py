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
    "negatives.yaml",
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

    def given(self, female: bool = False) -> str:
        """A given name; one in five is also an everyday word («جمعة», «صباح»), as in real names."""
        if self.rng.random() < 0.2:
            return str(self.pick("given_common_female" if female else "given_common"))
        return str(self.pick("given_female" if female else "given_male"))

    def arab_name(self) -> tuple[str, str]:
        roll = self.rng.random()
        if roll < 0.38:
            return self.regional_arab_name()
        if roll < 0.46:
            return self.house_chain()
        if roll < 0.52:
            return self.lineage_chain()
        if roll < 0.62:
            return self.plain_chain()
        female = self.rng.random() < 0.2
        given = self.given(female)
        father, grand = self.given(), self.given()
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

    def house_chain(self) -> tuple[str, str]:
        """A ruling-family chain with forefathers carrying the article and the house last
        («فلان [فلان] الأحمد الجابر الصباح»), as Gulf houses write their names without «بن»."""
        female = self.rng.random() < 0.15
        words = [self.given(female)]
        if self.rng.random() < 0.4:
            words.append(self.given())  # the father's name, bare
        for _ in range(self.rng.choice((1, 1, 2))):
            father = self.given()
            if " " not in father and not father.startswith("ال"):
                words.append("ال" + father)
        house = str(self.pick("families" if self.rng.random() < 0.6 else "article_houses"))
        words.append(house)
        return " ".join(words), house

    def lineage_chain(self) -> tuple[str, str]:
        """«فلان ولد فلان [ولد فلان]» (Mauritania) or «فلان بن فلان بن فلان» chains, sometimes with a
        family name or a compound first name («محمد الأمين»)."""
        mauritania = self.lex["arab_regions"]["mauritania"]["given"]

        def pool() -> str:
            return str(self.rng.choice(mauritania)) if self.rng.random() < 0.5 else self.given()

        word = self.rng.choice(("ولد", "ولد", "بن", "ابن"))
        female = word == "ولد" and self.rng.random() < 0.15
        chain = [str(self.pick("given_female")) if female else pool()]
        link = "بنت" if female else word
        for _ in range(self.rng.choice((1, 1, 2, 2, 3))):
            chain += [link, pool()]
            link = word
        if self.rng.random() < 0.25:
            chain.append(self.arab_family())
        return " ".join(chain), chain[-1]

    def plain_chain(self) -> tuple[str, str]:
        """Given, father's and grandfather's names with no family name (common in Egypt, Iraq, the Levant):
        every word may be an everyday word, and the last one is the short reference."""
        words = [self.given(self.rng.random() < 0.1) for _ in range(self.rng.choice((2, 2, 3, 3, 4)))]
        if self.rng.random() < 0.3:
            words[-1] = str(self.pick("family_plain"))
        return " ".join(words), words[-1]

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
        if roll < 0.35 and style.endswith(("الملك", "السلطان")):
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
        if self.rng.random() < 0.15:
            return self.latin_name()
        origin = origins[self.rng.choice(sorted(origins))]
        if self.rng.random() < 0.2:
            given, family = self._syllable_name(), self._syllable_name()
        else:
            given, family = self.rng.choice(origin["given"]), self.rng.choice(origin["family"])
        if origin.get("order") == "family_first":
            if self.rng.random() < 0.3:
                given = f"{given} {self._syllable_name()}"
            return f"{family} {given}", family
        roll = self.rng.random()
        if roll < 0.15:
            family = f"{family} {self.rng.choice(origin['family'])}"
        elif roll < 0.25:
            given = f"{given} {self.rng.choice(origin['given'])}"
        elif roll < 0.3:
            given = f"{given} {self.rng.choice(self.lex['arabic_initials'])}."  # «جون ف. سميث»
        elif roll < 0.38:
            family = f"{self._syllable_name()} {family}"
        return f"{given} {family}", family.split()[-1]

    def _latin_word(self) -> str:
        syl = self.lex["latin_syllables"]
        word = self.rng.choice(syl["onsets"]) + "".join(
            self.rng.choice(syl["middles"]) for _ in range(self.rng.choice((0, 1, 1, 2)))
        )
        return str(word + self.rng.choice(syl["codas"])).capitalize()

    def latin_name(self) -> tuple[str, str]:
        """A name printed in Latin script inside Arabic text: listed or invented parts, initials, particles
        («De», «Van», «von»), sometimes the family name in capitals."""
        latin = self.lex["latin_names"]
        given = self.rng.choice(latin["given"]) if self.rng.random() < 0.6 else self._latin_word()
        family = self.rng.choice(latin["family"]) if self.rng.random() < 0.5 else self._latin_word()
        roll = self.rng.random()
        if roll < 0.2:
            family = f"{self.rng.choice(latin['particles'])} {family}"
        elif roll < 0.3:
            given = f"{given} {self.rng.choice('ABCDEFGHJKLMNPRSTW')}."
        elif roll < 0.4:
            given = f"{given} {self._latin_word()}"
        if self.rng.random() < 0.1:
            family = family.upper()
        return f"{given} {family}", family.split()[-1]

    def person(self) -> Person:
        name, family = self.arab_name() if self.rng.random() < 0.55 else self.foreign_name()
        military = self.rng.random() < 0.6
        rank = str(self.pick("ranks" if self.rng.random() < 0.85 else "extra_ranks")) if military else None
        honorific = None if military or self.rng.random() < 0.4 else str(self.pick("honorifics"))
        roll = self.rng.random()
        if rank and roll < 0.2:  # «سعادة اللواء», «اللواء الركن مهندس», «اللواء الدكتور»
            if self.rng.random() < 0.5:
                rank = f"{self.pick('honorifics')} {rank}"
            else:
                rank = f"{rank} {self.pick('second_honorifics')}"
        elif honorific and roll < 0.35:  # «معالي السيد», «سمو الشيخ الدكتور»
            honorific = f"{honorific} {self.pick('second_honorifics')}"
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
        if v < 0.68:  # an envoy: «سفير فرنسا لدى البلاد», «القائم بالأعمال في السفارة الأمريكية لدى الكويت،»
            parts: list[tuple[str, str | None]] = [(p.honorific or "", None)]
            if self.rng.random() < 0.7:
                title = self.rng.choice(
                    ("سفير", "سفيرة", "سفير جمهورية", "القائم بأعمال سفارة", "الملحق العسكري في سفارة")
                )
                parts += [(title, None), (str(self.pick("countries")), "LOC")]
            else:
                title = self.rng.choice(
                    ("القائم بالأعمال في السفارة", "الملحق العسكري في السفارة", "السفارة")
                )
                parts += [(title, None), (str(self.pick("nisba")[1]), None)]
            where = self.rng.choice(("", "لدى البلاد", "المعتمد لدى البلاد", "لدى", "المعتمد لدى", "في"))
            parts.append((where, None))
            if where in ("لدى", "المعتمد لدى", "في"):
                parts.append((str(self.pick("countries")) + ("،" if self.rng.random() < 0.4 else ""), "LOC"))
            return _piece(*parts, (p.name, "PER"))
        if v < 0.74:
            return _piece((pre, None), (p.name, "PER"))
        if v < 0.77:  # a name in quotes: «الوزير « فلان الفلاني »»
            return _piece((p.title, None), (nisba, None), (pre, None), *_quoted(self.rng, p.name))
        if v < 0.80:  # «سمو الشيخ فلان، ولي عهد دبي، ...»: the office after the name is no part of it
            office = self.ruler_title()
            return Piece(*_join(_piece((pre, None), (p.name + "،", "PER")), office))
        if v < 0.87:
            return _piece((p.name, "PER"))
        if v < 0.92:
            org = self.pick("orgs")
            return _piece((p.title, None), (org + "،", "ORG"), (pre, None), (p.name, "PER"))
        return _piece((p.title, None), (nisba, None))  # an official named by office only

    def short_ref(self, p: Person) -> Piece:
        v = self.rng.random()
        if v < 0.2:  # the full name again, with no title: «التقى فلان الفلاني بقادة …»
            return _piece((p.name, "PER"))
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
        roll = self.rng.random()
        place = self.pick("cities" if roll < 0.5 else "countries" if roll < 0.85 else "regions")
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

    def outlet(self) -> str:
        """A news outlet's name («صدى الوطن نيوز», «Gulf Times»), invented from parts: ORG, never PER."""
        parts = self.lex["outlet_parts"]
        if self.rng.random() < 0.3:
            return f"{self.rng.choice(parts['latin_heads'])} {self.rng.choice(parts['latin_tails'])}"
        head = self.rng.choice(parts["heads"]) if self.rng.random() < 0.7 else str(self.pick("cities"))
        return f"{head} {self.rng.choice(parts['tails'])}".strip()

    def number(self) -> str:
        """Numbers as news prints them: «الـ36», «بـ 5.4 مليار», «1445»."""
        n = str(self.rng.choice((self.rng.randint(2, 60), self.rng.randint(100, 2030))))
        return self.rng.choice((f"الـ{n}", f"الـ {n}", f"بـ {n}", n, f"{n} مليار دولار", f"لـ{n}"))

    def acronym(self) -> str:
        if self.rng.random() < 0.5:
            return str(self.pick("acronyms"))
        return "".join(self.rng.choice("ABCDEFGHIJKLMNOPRSTUVW") for _ in range(self.rng.randint(2, 5)))

    def quantity(self) -> str:
        """A count as news prints it: «نحو 40 ألف زائر», «أكثر من 300 جندي», «لـ3 طائرات» (O)."""
        n, unit = self.rng.randint(2, 990), str(self.pick("units"))
        return self.rng.choice(
            (
                f"{n} ألف {unit}",
                f"نحو {n} ألف {unit}",
                f"أكثر من {n} {unit}",
                f"{n} آلاف و{self.rng.randint(100, 900)} {unit}",
                f"لـ{self.rng.randint(2, 9)} {unit}",
                f"قرابة {n} {unit}",
            )
        )

    def ordinal(self) -> str:
        """«الذكرى الـ 50», «الدورة الــ12 والدفعة الـ30» (O)."""
        head, n = str(self.pick("ordinal_heads")), self.rng.randint(2, 120)
        mark = self.rng.choice(("الـ", "الـ ", "الــ", "الــ ", "ال"))
        text = f"{head} {mark}{n}"
        if self.rng.random() < 0.25:
            text += f" و{self.pick('ordinal_heads')} الـ{self.rng.randint(2, 60)}"
        return text

    def place_phrase(self) -> Piece:
        """«بمدينة …», «بالعاصمة …», «بمعسكر بيت …»: the head O, the place LOC (some read like names)."""
        head = str(self.pick("place_heads"))
        roll = self.rng.random()
        if roll < 0.4:
            place = str(self.pick("cities"))
        elif roll < 0.6:
            place = str(self.pick("countries"))
        elif roll < 0.8:  # a district or camp named like a person («حي سالم», «بيت الفلاني»)
            word = self.given() if self.rng.random() < 0.5 else self.arab_family()
            place = f"{self.pick('place_words_heads')} {word}" if self.rng.random() < 0.6 else word
        else:
            place = f"{self.pick('place_words_heads')} {self.pick('nouns')}"
        prefix = self.rng.choice(("ب", "ب", "في ", ""))
        glued = "بال" + head[2:] if prefix == "ب" and head.startswith("ال") else prefix + head
        return _piece((glued, None), (place, "LOC"))

    def named_thing(self) -> Piece:
        """An award, unit, mosque or street named after a person («وسام …», «فوج …»): no PER."""
        head, tail, label = self.rng.choice(self.lex["named_things"])
        roll = self.rng.random()
        if roll < 0.35:
            style = self.rng.choice(("الملك", "الأمير", "الشيخ", "السلطان", "الإمام", "الشهيد", ""))
            name = f"{style} {self.pick('given_male')} بن {self.pick('given_male')}".strip()
        elif roll < 0.7:
            name = f"{self.pick('given_male')} {self.pick('given_male')}"
        else:
            name, _ = self.arab_name()
        return _piece((f"{head} {name} {tail}".strip(), label))

    def product_foreign(self) -> Piece:
        """«طائرات "…"»: a platform with an invented foreign name in quotes, MISC (no PER)."""
        words = [self._syllable_name() for _ in range(self.rng.choice((1, 2, 2)))]
        if self.rng.random() < 0.3:
            words.append(f"- {self.rng.randint(1, 9)}")
        opening, closing = self.rng.choice((("«", "»"), ("“", "”"), ("«", "»")))
        return _piece(
            (str(self.pick("product_heads")), None),
            (opening, None),
            (" ".join(words), "MISC"),
            (closing, None),
        )

    def latin_event(self) -> str:
        parts = self.lex["latin_event_parts"]
        words = [
            self.rng.choice(parts["heads"]),
            self.rng.choice(parts["middles"]),
            self.rng.choice(parts["tails"]),
        ]
        if self.rng.random() < 0.3:
            words.append(str(self.rng.randint(2018, 2030)))
        return " ".join(words)

    def latin_debris(self) -> str:
        """A link, hashtag, handle, code or line of Latin page words: O."""
        word = self.rng.choice(self.lex["latin_words"])
        site = self._latin_word().lower()
        code = "".join(
            self.rng.choice("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)
        )
        roll = self.rng.random()
        if roll < 0.2:
            return f"https://{site}.{self.rng.choice(self.lex['latin_tlds'])}/{word}/{code}"
        if roll < 0.3:
            return f"www.{site}.{self.rng.choice(self.lex['latin_tlds'])}"
        if roll < 0.42:
            tags = [
                self.pick("cities"),
                self.pick("countries"),
                self.pick("nouns"),
                f"{self.pick('nouns')}_{self.pick('adjectives')}",
            ]
            return " ".join(
                "#" + str(self.rng.choice(tags)).replace(" ", "_") for _ in range(self.rng.randint(1, 4))
            )
        if roll < 0.5:
            return f"@{site}{self.rng.choice(('', '_news', 'News', str(self.rng.randint(1, 99))))}"
        if roll < 0.58:
            return code
        if roll < 0.7:
            return (
                f"{site}/{code}"
                if self.rng.random() < 0.5
                else f"{site}.{self.rng.choice(self.lex['latin_tlds'])}"
            )
        n = self.rng.randint(1, 4)
        words = [str(self.rng.choice(self.lex["latin_words"])) for _ in range(n)]
        if self.rng.random() < 0.3:
            words = [w.capitalize() for w in words]
        if self.rng.random() < 0.2:
            words.append(f"{self._latin_word()}{self.rng.choice(('Scripts', 'Press', 'Media', 'Lab'))}")
        return " ".join(words)

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
            place = str(self.pick(key))
            if key == "cities" and self.rng.random() < 0.08:  # «ريف حلب», «ضواحي موسكو»: one place
                place = f"{self.pick('place_sides')} {place}"
            return _piece((place, label))
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
        if name in ("nisba_indef", "nisba_indef2"):  # «بوفد سعودي», «تنسيق مصري فرنسي»: adjectives, O
            return _piece((_indefinite(self.pick("nisba")[self.rng.random() < 0.3]), None))
        if name == "outlet":
            return _piece((self.outlet(), "ORG"))
        if name == "number":
            return _piece((self.number(), None))
        if name == "after_person":
            return _piece((str(self.pick("after_name")), None))
        if name == "pronoun":
            return _piece((str(self.pick("honorific_pronouns")), None))
        if name in ("o_word", "o_word2"):
            return _piece((str(self.pick("o_words")), None))
        if name == "o_phrase":
            return _piece((str(self.pick("o_phrases")), None))
        if name in ("quantity", "quantity2"):
            return _piece((self.quantity(), None))
        if name == "ordinal":
            return _piece((self.ordinal(), None))
        if name == "place_phrase":
            return self.place_phrase()
        if name == "named_thing":
            return self.named_thing()
        if name == "product_foreign":
            return self.product_foreign()
        if name == "latin_event":
            return _piece((self.latin_event(), "MISC"))
        if name in ("latin_debris", "latin_debris2"):
            return _piece((self.latin_debris(), None))
        if name == "short_line":
            return _piece((str(self.pick("short_lines")), None))
        if name == "after_subject":
            return _piece((str(self.pick("after_subject")), None))
        if name == "honor_after":
            return _piece((self.rng.choice(("المفدى", "المعظم", "حفظه الله", "أيده الله", "الموقر")), None))
        if name == "words":
            return _piece((self.filler(2, 6), None))
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
        pool = self.rng.choices(
            (
                "function_words",
                "nouns",
                "verbs",
                "adjectives",
                "nisba",
                "o_lookalikes",
                "number",
                "o_words",
                "o_phrases",
                "quantity",
            ),
            (3, 4, 2, 2, 0.3, 0.4, 0.15, 0.8, 0.3, 0.1),
        )[0]
        if pool == "number":
            return self.number()
        if pool == "quantity":
            return self.quantity()
        if pool == "o_phrases":
            return str(self.pick("o_phrases"))
        if pool == "nisba":  # a country adjective without the article: «روسي», «سعودية»
            word = _indefinite(self.pick("nisba")[self.rng.random() < 0.4])
        else:
            word = str(self.pick(pool))
        if pool == "verbs" and word[:1] in "يت" and " " not in word:  # «سيواصل», «يجددون»: inflected verbs
            roll = self.rng.random()
            if roll < 0.15:
                word = "س" + word
            elif roll < 0.3 and word[0] == "ي":
                word += "ون"
            elif roll < 0.4:
                word += self.rng.choice(("ه", "ها", "هما"))
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
        if self.rng.random() < 0.2:  # outlets that write no hamza on alef, «ى» for final «ي», «ه» for «ة»
            kinds = [k for k in ("hamza", "ya", "ta") if self.rng.random() < 0.6] or ["hamza"]
            tokens = [(_plain_spelling(w, kinds), t) for w, t in tokens]
        for word, label in tokens:
            if len(word) > 2 and self.rng.random() < 0.02:
                i = self.rng.randrange(1, len(word))
                word = word[:i] + self.rng.choice(_DIACRITICS) + word[i:]
            if len(word) > 3 and self.rng.random() < 0.02:
                i = self.rng.randrange(1, len(word) - 1)
                word = word[:i] + _TATWEEL * self.rng.randint(1, 3) + word[i:]
            out.append((word, label))
        for _ in range(self.rng.choice((0,) * 8 + (1, 2))):  # Latin words and page furniture, O
            at = self.rng.randrange(len(out) + 1)
            if at < len(out) and out[at][1].startswith("I-"):  # not inside a name
                at = len(out)
            noise = str(self.pick("latin_noise")) if self.rng.random() < 0.6 else self.latin_debris()
            out[at:at] = [(t.text, "O") for t in ner_tokens(noise)]
        return out

    def truncated(self, tokens: LabeledSentence) -> LabeledSentence:
        """A sentence cut off by the page («… للجيش ال»): an O word's first letters end it (O)."""
        cuts = [i for i in range(3, len(tokens)) if tokens[i][1] == "O" and len(tokens[i][0]) > 2]
        if not cuts:
            return tokens
        i = self.rng.choice(cuts)
        word = tokens[i][0]
        fragment = (
            "ال" if word.startswith("ال") and self.rng.random() < 0.6 else word[: self.rng.randint(1, 2)]
        )
        return [*tokens[:i], (fragment, "O")]


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


def _indefinite(nisba: str) -> str:
    """«الروسي» -> «روسي» (every word of «الكوري الجنوبي»)."""
    return " ".join(w[2:] if w.startswith("ال") else w for w in nisba.split())


_HAMZA_FOLD = str.maketrans("أإآ", "ااا")


def _plain_spelling(word: str, kinds: list[str]) -> str:
    """A word as outlets that skip hamza and dots write it: «أحمد» -> «احمد», «علي» -> «على», «عطية» ->
    «عطيه» (only the kinds asked for)."""
    if "hamza" in kinds and word[:1] in "أإآ":
        word = word.translate(_HAMZA_FOLD)
    if "ya" in kinds and len(word) > 2 and word.endswith("ي"):
        word = word[:-1] + "ى"
    if "ta" in kinds and len(word) > 2 and word.endswith("ة"):
        word = word[:-1] + "ه"
    return word


def _quoted(rng: random.Random, name: str) -> list[tuple[str, str | None]]:
    """A name between quotes as separate O parts."""
    opening, closing = rng.choice((("«", "»"), ("« ", " »")))
    return [(opening, None), (name, "PER"), (closing, None)]


def _join(first: Piece, second: Piece) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """Two pieces one after the other with a space between, spans shifted."""
    shift = len(first.text) + 1
    return first.text + " " + second.text, first.spans + tuple(
        (s + shift, e + shift, x) for s, e, x in second.spans
    )


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
    pools = [
        (lex["meeting"] + lex["meeting_negatives"], 0.55),
        (lex["dateline"] + lex["dateline_negatives"], 0.08),
        (lex["no_person"] + lex["no_person_negatives"], 0.22),
    ]
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
        tokens = gen.noisy(label_tokens(text, spans))
        yield gen.truncated(tokens) if gen.rng.random() < 0.02 else tokens


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
