"""The actor dictionary (`lexicons/actors.yaml`, as in PETRARCH's actor dictionaries): senior office
holders by name and state. It finds the names the model missed («بشار الأسد» read as a place) and tells
the state of a person the text names without one («التقى بشار الأسد …»)."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from majlis.extract.lexicon import load_yaml
from majlis.extract.vocab import words
from majlis.text import BOUND_TO_NEXT, MODEL_CLITICS, normalize, normalize_word, same_person

MIN_ACTOR_WORDS = 2  # a bare family name is too little to say who someone is
INSTITUTION_NOUNS = frozenset(
    normalize(w) for key in ("institution_nouns", "unit_nouns") for w in words("people.yaml", key)
)  # «مركز», «مجموعة»: named after people
ROYAL_WORDS = frozenset(normalize(w) for w in words("people.yaml", "royal_words"))
PARTICLES = frozenset(words("people.yaml", "name_particles")) - BOUND_TO_NEXT  # «بن», «آل»: no name


class Actor(NamedTuple):
    words: tuple[str, ...]  # one written form of the name, normalised
    country: str


@cache
def _actors() -> dict[str, tuple[Actor, ...]]:
    """Every written form of every actor, keyed by its first word (normalised)."""
    by_first: dict[str, list[Actor]] = {}
    for entry in load_yaml("actors.yaml")["actors"]:
        for name in entry["names"]:
            words = tuple(normalize(name).split())
            if len(words) >= MIN_ACTOR_WORDS:
                by_first.setdefault(words[0], []).append(Actor(words, entry["country"]))
    return {first: tuple(sorted(forms, key=lambda a: -len(a.words))) for first, forms in by_first.items()}


def actor_country(name: str) -> str | None:
    """The state of the actor `name` is (a written form of the dictionary, in full or with parts left
    out, never with words added), when every actor it could be serves one state; else None."""
    words = normalize(name).split()
    if _name_parts(words) < MIN_ACTOR_WORDS:
        return None  # «عبد الله» is one given name: too little to say who someone is
    countries = {  # the name as listed, or told shorter; a longer name («حسن جاسم الكعبي») is someone else
        actor.country
        for actor in _actors().get(words[0], ())
        if actor.words == tuple(words)
        or (len(words) < len(actor.words) and same_person(list(actor.words), words))
    }
    return countries.pop() if len(countries) == 1 else None


def names_an_institution(norms: list[str], start: int) -> bool:
    """«مركز الملك عبدالله الثاني لتدريب …», «كلية X للقيادة»: a name right after an institution's or a
    unit's noun (and a royal style) names the institution, not a person (`norms`: normalised tokens)."""
    k = start - 1
    while k >= 0 and norms[k] in ROYAL_WORDS:
        k -= 1
    return k >= 0 and strip_clitic(norms[k]) in INSTITUTION_NOUNS


def _name_parts(name_words: list[str]) -> int:
    """How many names a name holds: «عبد الله» and «أبو بكر» are one, «بن» and «آل» are none."""
    bound = sum(1 for w in name_words[:-1] if w in BOUND_TO_NEXT)
    return len([w for w in name_words if w not in PARTICLES]) - bound


def actor_spans(tokens: list[str]) -> list[tuple[int, int]]:
    """Token spans (first, last + 1) of the actors' names in a sentence's tokens, longest first at each
    place, not overlapping; the first word may carry a one-letter clitic («وبشار الأسد»)."""
    actors = _actors()
    norms = [normalize_word(t) for t in tokens]
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(norms):
        first = norms[i]
        candidates = actors.get(first, ())
        if not candidates and first[:1] in MODEL_CLITICS:
            candidates = actors.get(first[1:], ())
        match = next(
            (a for a in candidates if tuple(norms[i + 1 : i + len(a.words)]) == a.words[1:]),
            None,
        )
        if match is None or names_an_institution(norms, i):
            i += 1
            continue
        found.append((i, i + len(match.words)))
        i += len(match.words)
    return found


def strip_clitic(norm: str) -> str:
    """«بمركز» → «مركز»: a one-letter clitic off a word that is known without it."""
    return norm[1:] if norm not in INSTITUTION_NOUNS and norm[:1] in MODEL_CLITICS else norm


def clitic_before_actor(token: str) -> bool:
    """«وبشار»: a one-letter clitic on an actor's first word (not a first word of its own)."""
    norm = normalize_word(token)
    actors = _actors()
    return norm not in actors and norm[:1] in MODEL_CLITICS and norm[1:] in actors
