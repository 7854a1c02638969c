"""Named entities over whole articles: sentences and mentions with offsets into `Article.text`."""

from __future__ import annotations

import time
from functools import lru_cache
from typing import Literal, NamedTuple

from majlis.extract.actors import actor_spans, clitic_before_actor, names_an_institution
from majlis.nlp.corpus import DATA_DIR, lexicons
from majlis.nlp.model import UNREAD_MARKS, Span, load_pipeline, normalize_token
from majlis.nlp.tokenize import TokenizedSentence, split_sentences
from majlis.records import Article, Mention, Sentence
from majlis.text import MODEL_CLITICS, normalize_word, without_clitic
from majlis.yamlio import read_yaml, strings_in

BATCH_SENTENCES = 2000  # one Stanza call per this many sentences bounds memory on huge inputs
_LINEAGE = frozenset({"بن", "بنت", "ابن", "ولد"})
_JOINING_PARTICLES = _LINEAGE | {"لا", "دي", "دو", "دا", "ديل", "فان", "فون"}  # inside one person's name
# a name never ends on these: «عبد [الأمير]», «أبو [بكر]» (the model stops before a word that is also a title)
_BOUND_TO_NEXT = _LINEAGE | {"عبد", "أبو", "ابو", "آل"}
MIN_NAME_AFTER_PLACE = 2  # «العربي بلخير» keeps its first word: a one-word name is too little to trust
NOT_NAME_FILE = DATA_DIR / "not_name_words.yaml"
# The name lists of the lexicons: a word of theirs is never read as clitic + a not-name word («فيصل»)
NAME_LISTS = (
    "given_male",
    "given_female",
    "given_common",
    "given_common_female",
    "families",
    "al_families",
    "family_plain",
    "article_houses",
    "arab_regions",
    "origins",
    "more_origins",
    "latin_names",
)
# Meeting nouns of the extraction read as not-name words (its one-word entries). Its meeting verbs are not:
# the extraction cuts a name at them itself (`clause_verbs`), reading the verb where the model put it.
_MEETING_KEYS = ("meeting_nouns", "attendance_events", "held_meetings", "non_meeting_events")
_QUOTES = UNREAD_MARKS - {"/"}
# the shortest rest read after a clitic: «وقال» is و + «قال», but ب/ف/ل + three letters is too often the
# spelling of a foreign name
MIN_AFTER_CLITIC = {clitic: 3 if clitic == "و" else 4 for clitic in MODEL_CLITICS}


@lru_cache(maxsize=1)
def _guard_words() -> tuple[frozenset[str], frozenset[str]]:
    """Title-head words, and words that are places, agencies or country adjectives, from the lexicons."""
    lex = lexicons()
    titles = frozenset(lex["title_words"])
    places = {
        *lex["countries"],
        *lex["cities"],
        *lex["agencies"],
        *(n for pair in lex["nisba"] for n in pair),
    }
    return titles, frozenset(w for w in places if " " not in w)


class NotNameWords(NamedTuple):
    """Normalised word sets of the not-name filter."""

    never: frozenset[str]  # never in a person's name
    not_alone: frozenset[str]  # may end a name but never stands alone or first: «الثاني»
    names: frozenset[str]  # words of the name lexicons
    clause_verbs: frozenset[str]  # the extraction's: it cuts names at them itself


@lru_cache(maxsize=1)
def not_name_words() -> NotNameWords:
    """The words of `data/not_name_words.yaml` and the one-word meeting nouns and topic keywords of the
    extraction lexicons, less the verbs the extraction cuts names at, and the words of the name lexicons."""
    from majlis.extract.lexicon import load_yaml

    data = read_yaml(NOT_NAME_FILE)
    meetings = load_yaml("meetings.yaml")
    borrowed = [s for key in _MEETING_KEYS for s in strings_in(meetings[key])]
    borrowed += strings_in(load_yaml("topics.yaml"))
    clause_verbs = frozenset(normalize_word(w) for w in strings_in(meetings["clause_verbs"]))
    never = {normalize_word(w) for w in strings_in(data["never"])}
    never |= {normalize_word(w) for w in borrowed if len(w.split()) == 1}
    not_alone = {normalize_word(w) for w in strings_in(data["not_alone"])}
    lex = lexicons()
    names = {normalize_word(w) for key in NAME_LISTS for entry in strings_in(lex[key]) for w in entry.split()}
    return NotNameWords(
        frozenset(never - clause_verbs), frozenset(not_alone - never), frozenset(names), clause_verbs
    )


def not_name_kind(word: str) -> Literal["never", "not_alone"] | None:
    """Whether a word is "never" part of a person's name (also after a one-letter clitic; any token of
    digits only), "not_alone" (it may end a name but never stands alone: «الثاني»), or None."""
    words = not_name_words()
    norm = normalize_word(word)
    candidates = [norm]
    if (
        norm not in words.names
        and norm not in words.clause_verbs  # «ودعت» is a verb of its own, not و + «دعت»
        and len(norm) > MIN_AFTER_CLITIC.get(norm[:1], len(norm))
    ):
        candidates.append(norm[1:])
    for form in candidates:
        if form.isdigit() or form in words.never:
            return "never"
        if form in words.not_alone:
            return "not_alone"
    return None


def _without_not_name_words(tokens: list[str], first: int, last: int) -> list[tuple[int, int]]:
    """The parts of a PER span left when its not-name words are taken out: the span is cut at each word
    that is never in a name, and a part loses ordinals at its start («[جمادى الأولى]», «[فيها مشيدا]» leave
    nothing). A part of one word after a cut is a name only when the name lexicons know it or it is quoted
    («[فلان] قال فيها» keeps «فلان»; «تؤدي [أدوارا]» is no one)."""
    names = not_name_words().names
    parts: list[tuple[int, int]] = []
    start = first
    for i in range(first, last + 1):
        if i < last and not_name_kind(tokens[i]) != "never":
            continue
        part_first = start
        while part_first < i and (tokens[part_first] in UNREAD_MARKS or not_name_kind(tokens[part_first])):
            part_first += 1
        words = [t for t in tokens[part_first:i] if t not in UNREAD_MARKS]
        if (
            words
            and (
                start == first  # the span's own start: a name the model ran on past («[فلان] قال»)
                or len(words) > 1
                or normalize_word(words[0]) in names
                or any(t in _QUOTES for t in tokens[max(part_first - 1, 0) : i + 1])
            )
        ):
            parts.append((part_first, i))
        start = i + 1
    return parts


OPENING_QUOTES = frozenset({"«", '"', "“", "'"})
THING_REACH = 4  # words from an exercise or ship word to the quote mark of its name
INSTITUTION_REACH = 3  # «كلية», «مركز الملك»: words before a name that may make it an institution's


@lru_cache(maxsize=1)
def _thing_words() -> frozenset[str]:
    """Exercise, ship and weapon words (`exercise_words` of the not-name file), normalised."""
    words = strings_in(read_yaml(NOT_NAME_FILE)["never"]["exercise_words"])
    return frozenset(normalize_word(w) for w in words)


def _quoted_after_a_thing(tokens: list[str], first: int) -> bool:
    """A PER span opened by a quote mark shortly after an exercise, ship or weapon word names that thing
    («الفرقاطة “بورسعيد”», «تمرين «درع الخليج»»)."""
    if first == 0 or tokens[first - 1] not in OPENING_QUOTES:
        return False
    things = _thing_words()
    return any(
        without_clitic(normalize_word(word), things) in things
        for word in tokens[max(0, first - 1 - THING_REACH) : first - 1]
    )


def _after_an_institution(tokens: list[str], first: int) -> bool:
    """The span at `first` starts right after an institution's noun («كلية [X] للقيادة»)."""
    before = [normalize_word(t) for t in tokens[max(0, first - INSTITUTION_REACH) : first]]
    return names_an_institution(before, len(before))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """One-word given names of every origin in the name lexicons, normalised."""
    lex = lexicons()
    names = [
        w for key in ("given_male", "given_female", "given_common", "given_common_female") for w in lex[key]
    ]
    names += [w for origin in lex["origins"].values() for w in origin.get("given", [])]
    return frozenset(normalize_word(w) for w in names if " " not in w)


def _bare(word: str, vocab: frozenset[str]) -> str:
    return without_clitic(normalize_token(word), vocab)


def _is_place(word: str, places: frozenset[str]) -> bool:
    """A place word of the NER lexicons, or a city the extraction knows («بصنعاء»)."""
    from majlis.extract.places import cities_in

    return _bare(word, places) in places or any(start == 0 for start, _ in cities_in(word))


def clean_person_spans(tokens: list[str], spans: list[Span]) -> list[Span]:
    """Trim title words off the front of PER spans, and place words when a name of two or more words
    follows («سفيرة بريطانيا لدى [اليمن هيلين كارترايت]»); drop PER spans that are only places or agencies;
    take in a first name and lineage word the span starts right after («حمادي ولد [محمد الأمين]»). First,
    words that are never in a name (`data/not_name_words.yaml`) are cut out of PER spans."""
    titles, places = _guard_words()
    cleaned: list[Span] = []
    pieces = [
        (label, *part)
        for label, first, last in spans
        for part in (_without_not_name_words(tokens, first, last) if label == "PER" else [(first, last)])
    ]
    for label, first, last in pieces:
        while first < last and tokens[first] in UNREAD_MARKS:  # the model reads through them: not its edge
            first += 1
        while last > first and tokens[last - 1] in UNREAD_MARKS:
            last -= 1
        if first == last:
            continue
        if label == "PER" and _after_an_institution(tokens, first):
            continue  # «كلية [X] للقيادة والأركان»: the college is named after him; he is not there
        if label == "PER" and _quoted_after_a_thing(tokens, first):
            continue  # «التمرين المشترك «موج الخليج»»: an exercise, ship or weapon named like a person
        if label == "PER":
            while first < last and (
                tokens[first] in UNREAD_MARKS
                or _bare(tokens[first], titles) in titles
                or (last - first > MIN_NAME_AFTER_PLACE and _is_place(tokens[first], places))
            ):
                first += 1
            if first == last or all(_bare(t, places) in places for t in tokens[first:last]):
                continue
            # «حمادي ولد [محمد الأمين]»: the model missed the first name and its lineage word
            while (
                first >= 2
                and normalize_token(tokens[first - 1]) in _LINEAGE
                and tokens[first - 2].isalpha()
                and _bare(tokens[first - 2], titles) not in titles
                and _bare(tokens[first - 2], places) not in places
                and not_name_kind(tokens[first - 2]) is None
            ):
                first -= 2
            # «إدوارد [باتريسيو هالر]»: the model left out a given name of the lexicons right before
            if (
                first >= 1
                and normalize_word(tokens[first - 1]) in _given_names()
                and _bare(tokens[first - 1], titles) not in titles
                and not_name_kind(tokens[first - 1]) is None
                and not any(s[0] == "PER" and s[2] == first - 1 for s in cleaned)
            ):
                first -= 1
            # «"[عبد] الأمير الشمري"»: a span ending on «عبد» stopped inside the name
            if (
                normalize_token(tokens[last - 1]) in _BOUND_TO_NEXT
                and last < len(tokens)
                and tokens[last].isalpha()
            ):
                last += 1
                if (
                    last < len(tokens)
                    and tokens[last].startswith("ال")
                    and tokens[last].isalpha()
                    and _bare(tokens[last], titles) not in titles
                    and _bare(tokens[last], places) not in places
                    and not_name_kind(tokens[last]) is None
                ):
                    last += 1  # and the family name after it
        cleaned.append((label, first, last))
    return _join_split_names(tokens, cleaned)


def _join_split_names(tokens: list[str], spans: list[Span]) -> list[Span]:
    """«[رامون دي] لا [كروز]», «[عبد الكريم] [جاسم]»: two PER spans side by side or one particle apart are
    one name the model split (two people are kept apart by «و» or a comma)."""
    joined: list[Span] = []
    for span in spans:
        if joined and span[0] == "PER" and joined[-1][0] == "PER":
            _, first, last = joined[-1]
            particle_between = span[1] == last + 1 and normalize_token(tokens[last]) in _JOINING_PARTICLES
            if span[1] == last or particle_between:
                joined[-1] = ("PER", first, span[2])
                continue
        joined.append(span)
    return joined


def with_actors(words: list[str], spans: list[Span]) -> list[Span]:
    """The model's spans with the actor dictionary's names added as PER: a name the model missed or read
    as a place or organisation («[بشار الأسد]» tagged LOC) is a person; a PER span of the model that holds
    the whole name («[محمد بن سلمان آل سعود]») is kept as it is."""
    actors = actor_spans(words)
    if not actors:
        return spans
    kept = [
        s
        for s in spans
        if not any(s[1] < b and a < s[2] for a, b in actors)
        or (s[0] == "PER" and any(s[1] <= a and b <= s[2] for a, b in actors))
    ]
    held = [(k[1], k[2]) for k in kept if k[0] == "PER"]
    added = [("PER", a, b) for a, b in actors if not any(first <= a and b <= last for first, last in held)]
    return sorted(kept + added, key=lambda s: s[1])


def run_ner(
    articles: list[Article], seconds: dict[str, float] | None = None
) -> tuple[list[Sentence], list[Mention]]:
    """Split every article, tag all sentences in a few batched calls, and map spans back to characters.

    The time spent in the model alone is added to `seconds["ner forward"]` when a dict is given.
    """
    pipeline = load_pipeline()
    located: list[tuple[Article, int, TokenizedSentence]] = []
    sentences: list[Sentence] = []
    for article in articles:
        for index, sent in enumerate(split_sentences(article.text)):
            located.append((article, index, sent))
            sentences.append(
                Sentence(article.article_id, index, sent.start, sent.end, article.text[sent.start : sent.end])
            )
    mentions: list[Mention] = []
    for offset in range(0, len(located), BATCH_SENTENCES):
        batch = located[offset : offset + BATCH_SENTENCES]
        started = time.monotonic()
        tagged = pipeline.tag([sent.words for _, _, sent in batch])
        if seconds is not None:
            seconds["ner forward"] = seconds.get("ner forward", 0.0) + time.monotonic() - started
        for (article, index, sent), model_spans in zip(batch, tagged, strict=True):
            spans = with_actors(sent.words, model_spans)
            if not spans:
                continue
            offsets = sent.offsets()
            for label, first, last in clean_person_spans(sent.words, spans):
                start, end = offsets[first][0], offsets[last - 1][1]
                if label == "PER" and clitic_before_actor(sent.words[first]):
                    start += 1  # «[و]بشار الأسد»: the clitic is not the name's
                mentions.append(
                    Mention(
                        article_id=article.article_id,
                        sentence_index=index,
                        label=label,
                        text=article.text[start:end],
                        start_char=start,
                        end_char=end,
                        model_name=pipeline.model_name,
                        model_version=pipeline.model_version,
                    )
                )
    return sentences, mentions
