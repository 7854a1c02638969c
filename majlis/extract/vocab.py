"""The extraction vocabulary, built once per process from the YAML lexicons."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import cast

from majlis.extract.lexicon import load_yaml
from majlis.extract.tokens import PhraseMatcher, norm_words, strip_al


def words(file: str, key: str) -> list[str]:
    """A word list of a lexicon file, as written there: the modules' word sets are built from these, so
    every list has one home (majlis/lexicons/) and an analyst edits data, not code."""
    value = load_yaml(file)[key]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError(f"lexicon {file}: {key} must be a list of strings")
    return cast(list[str], value)


def word(file: str, key: str) -> str:
    """A single word of a lexicon file («ثم»)."""
    value = load_yaml(file)[key]
    if not isinstance(value, str):
        raise TypeError(f"lexicon {file}: {key} must be a string")
    return value


def word_groups(file: str, key: str) -> dict[str, list[str]]:
    """Named word lists of a lexicon file (a verb list per voice)."""
    return {name: words_of(items, f"{file}: {key}.{name}") for name, items in load_yaml(file)[key].items()}


def words_of(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError(f"lexicon {where} must be a list of strings")
    return cast(list[str], value)


@cache
def pattern(file: str, key: str, **reach: int) -> re.Pattern[str]:
    """A phrase regex of a lexicon file, compiled once; each `NAME=value` replaces the placeholder NAME in
    it (a reach in words the code also uses)."""
    text = word(file, key)
    for name, value in reach.items():
        text = text.replace(name, str(value))
    return re.compile(text)


@dataclass(frozen=True)
class Vocabulary:
    triggers: PhraseMatcher  # value: "<event_type>:<voice>"
    pronoun_objects: PhraseMatcher  # «كما استقبله»: a meeting verb with the last meeting's guest as object
    visit_welcomes: PhraseMatcher  # «وكان في استقباله Y»: Y hosts the visit just reported
    airport: PhraseMatcher  # a welcome there is an arrival, not a meeting
    ceremonies: PhraseMatcher  # a welcome at one is protocol, not a meeting
    announcing: frozenset[str]  # normalised: «يستقبل» opening a body sentence announces the meeting
    entourage: PhraseMatcher  # «والوفد المرافق له»: its members are of the country of the one it accompanies
    reception_included: PhraseMatcher  # «وشمل الاستقبال X، وY»: the guests of the reception just told
    denial: PhraseMatcher  # «نفى … لقاء»: a meeting denied is no news of one
    not_present: PhraseMatcher  # «نقل تحيات X»: X is spoken of, not at the meeting
    future: PhraseMatcher
    background: PhraseMatcher
    meeting_nouns: PhraseMatcher
    past_month: PhraseMatcher
    separately: PhraseMatcher
    same_day: PhraseMatcher
    next_day: PhraseMatcher
    reported_before: PhraseMatcher
    agent_markers: PhraseMatcher
    clause_verbs: frozenset[str]  # normalised, with «و» forms
    bare_masdars: frozenset[str]  # normalised, without «ال»: «استقبال X لـY» names its agent first
    sidelines: PhraseMatcher
    attendance: PhraseMatcher
    attendance_all: PhraseMatcher
    in_host_country: PhraseMatcher
    discussion: PhraseMatcher
    background_cues: PhraseMatcher
    honorifics: PhraseMatcher
    ranks: PhraseMatcher
    definite_ranks: PhraseMatcher  # ranks that are also first names, only with «ال» («العماد»)
    rank_branches: frozenset[str]  # one-word branch words of a rank («طيار»), also written «(طيار)»
    title_heads: PhraseMatcher
    group_heads: PhraseMatcher
    plural_offices: PhraseMatcher  # value: the singular office («سفراء» → «سفير»)
    surname_titles: frozenset[str]  # «ملك»: an office word that is also a family name
    unit_commanders: frozenset[str]  # «قائد», «آمر»: a ship's or unit's commander
    unit_nouns: frozenset[str]  # ships and units, without «ال»
    institution_nouns: frozenset[str]  # «كلية», «قاعدة»: a name after them is the institution's
    royal_words: frozenset[str]  # «الملك» between such a noun and the name
    name_stoppers: frozenset[str]
    not_a_name_start: frozenset[str]  # «لشؤون», «سبل»: after an office, no missed name starts with these
    ruling_families: dict[tuple[str, ...], str]  # a family name's words → the state it rules
    ruling_lineages: dict[tuple[str, ...], str]  # «بن» + a dynasty's founder → the state it rules
    topics: PhraseMatcher  # value: topic key
    cities: PhraseMatcher  # value: ISO code


def _flat(items: list[str], value: str) -> list[tuple[str, str]]:
    return [(item, value) for item in items]


def _rank_phrases(bases: list[str], modifiers: list[str]) -> list[tuple[str, str]]:
    """Every base rank alone and followed by one or two branch words («لواء ركن بحري»)."""
    phrases = []
    for base in bases:
        phrases.append((base, "rank"))
        for mod in modifiers:
            phrases.append((f"{base} {mod}", "rank"))
            for mod2 in modifiers:
                if mod2 != mod and len(norm_words(mod)) == 1 and len(norm_words(mod2)) == 1:
                    phrases.append((f"{base} {mod} {mod2}", "rank"))
    return phrases


def _month_names() -> list[str]:
    """Every Gregorian month name of the date lexicon (both naming systems), and each name with another
    name of the same month in brackets after it («يوليو (تموز)»)."""
    months = load_yaml("dates.yaml").get("gregorian_months", {})
    names: list[str] = []
    for value in months.values():
        same = value if isinstance(value, list) else [value]
        names += same + [f"{a} ({b})" for a in same for b in same if a != b]
    return names


@cache
def vocabulary() -> Vocabulary:
    """Load every lexicon once."""
    meet = load_yaml("meetings.yaml")
    people = load_yaml("people.yaml")
    topics = load_yaml("topics.yaml")
    cities = load_yaml("cities.yaml")
    trigger_phrases: list[tuple[str, str]] = []
    for event_type, voices in meet["triggers"].items():
        for voice, words in voices.items():
            trigger_phrases += _flat(words, f"{event_type}:{voice}")
    pronoun_phrases = [
        (word, f"meeting:{voice}") for voice, words in meet["pronoun_object_verbs"].items() for word in words
    ]
    return Vocabulary(
        triggers=PhraseMatcher(trigger_phrases + pronoun_phrases),
        pronoun_objects=PhraseMatcher(pronoun_phrases),
        visit_welcomes=PhraseMatcher(_flat(meet["visit_welcomes"], "welcome")),
        airport=PhraseMatcher(_flat(meet["airport_words"], "airport")),
        ceremonies=PhraseMatcher(_flat(meet["non_meeting_events"], "ceremony")),
        announcing=frozenset(w for verb in meet["announcing_verbs"] for w in norm_words(verb)),
        entourage=PhraseMatcher(_flat(meet["entourage_markers"], "entourage")),
        reception_included=PhraseMatcher(_flat(meet["reception_included"], "included")),
        denial=PhraseMatcher(_flat(meet["denial_markers"], "denial")),
        not_present=PhraseMatcher(_flat(meet["not_present_after"], "not_present")),
        # no clitic stripping: «فيصل» (a name) is not ف + «يصل»
        future=PhraseMatcher(_flat(meet["future_markers"], "future"), allow_clitic=False),
        background=PhraseMatcher(_flat(meet["background_markers"], "background")),
        meeting_nouns=PhraseMatcher(_flat(meet["meeting_nouns"], "noun")),
        past_month=PhraseMatcher(
            [
                (f"{month} {marker}", "past")
                for month in _month_names()
                for marker in meet["past_month_markers"]
            ]
        ),
        separately=PhraseMatcher(_flat(meet["separately"], "separately")),
        same_day=PhraseMatcher(_flat(meet["same_day"], "same_day")),
        next_day=PhraseMatcher(_flat(meet["next_day"], "next_day")),
        reported_before=PhraseMatcher(_flat(meet["reported_before"], "reported_before")),
        agent_markers=PhraseMatcher(_flat(meet["agent_markers"], "agent"), allow_clitic=False),
        bare_masdars=frozenset(strip_al(w) for m in meet["bare_masdars"] for w in norm_words(m)),
        clause_verbs=frozenset(
            prefix + word
            for verb in meet["clause_verbs"]
            for word in norm_words(verb)
            for prefix in ("", "و")
        ),
        sidelines=PhraseMatcher(
            [
                (f"{lead} {event}", "sidelines")
                for lead in ("هامش", "هامش أعمال")
                for event in meet["sidelines_of"]
            ]
        ),
        attendance=PhraseMatcher(
            _flat(meet["attendance"], "attendance")
            + [
                (f"{verb} {event}", "attendance")
                for verb in meet["attendance_verbs"]
                for event in meet["attendance_events"]
            ]
        ),
        attendance_all=PhraseMatcher(_flat(meet["attendance_all"], "attendance_all")),
        in_host_country=PhraseMatcher(_flat(meet["in_host_country"], "in_host")),
        discussion=PhraseMatcher(_flat(meet["discussion_cues"], "discussion")),
        background_cues=PhraseMatcher(_flat(meet["background_cues"], "background")),
        honorifics=PhraseMatcher(_flat(people["honorifics"], "honorific")),
        ranks=PhraseMatcher(_rank_phrases(people["rank_bases"], people["rank_modifiers"]), ignore_al=True),
        definite_ranks=PhraseMatcher(_flat(people["definite_ranks"], "rank")),
        rank_branches=frozenset(
            strip_al(words[0]) for words in map(norm_words, people["rank_modifiers"]) if len(words) == 1
        ),
        title_heads=PhraseMatcher(_flat(people["title_heads"], "title"), ignore_al=True),
        group_heads=PhraseMatcher(_flat(people["group_heads"], "group")),
        plural_offices=PhraseMatcher(
            [(plural, office) for office, plurals in people["plural_offices"].items() for plural in plurals]
        ),
        surname_titles=frozenset(w for s in people["surname_titles"] for w in norm_words(s)),
        unit_commanders=frozenset(w for s in people["unit_commanders"] for w in norm_words(s)),
        unit_nouns=frozenset(strip_al(w) for s in people["unit_nouns"] for w in norm_words(s)),
        institution_nouns=frozenset(strip_al(w) for s in people["institution_nouns"] for w in norm_words(s)),
        royal_words=frozenset(w for s in people["royal_words"] for w in norm_words(s)),
        name_stoppers=frozenset(w for s in people["name_stoppers"] for w in norm_words(s)),
        not_a_name_start=frozenset(w for s in people["not_a_name_start"] for w in norm_words(s)),
        ruling_families={
            tuple(norm_words(family)): code
            for code, families in people["ruling_families"].items()
            for family in families
        },
        ruling_lineages={
            tuple(norm_words(lineage)): code
            for code, lineages in people["ruling_lineages"].items()
            for lineage in lineages
        },
        topics=PhraseMatcher([(kw, topic) for topic, kws in topics.items() for kw in kws], ignore_al=True),
        cities=PhraseMatcher([(c, code) for code, names in cities.items() for c in names]),
    )
