"""Meeting events from an article's sentences and Stanza mentions.

Reads the article in order, keeping the current meeting: a sentence with a meeting trigger starts a
meeting or continues one it refers back to (same people by surname or title); attendance sentences
add attendees; discussion sentences add topics. Roles come from the trigger's voice (who receives
whom, who visits whom) and from where the meeting took place.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property
from itertools import pairwise
from typing import NamedTuple

from majlis import PIPELINE_VERSION
from majlis.extract.actors import actor_country
from majlis.extract.confidence import confidence
from majlis.extract.countries import find_countries, pairs_of_states, reading_article
from majlis.extract.dates import dateline_end, resolve_meeting_date
from majlis.extract.engine import Found, Rule, View, rulebook
from majlis.extract.people import (
    COMMAS,
    COMPLEMENTIZERS,
    COUNTERPART_NOUNS,
    DELEGATION_REACH,
    ENVOY_WORDS,
    NAME_PARTICLES,
    POSTED_ABROAD_WORDS,
    QUOTE_PAIRS,
    VISITING_NOW,
    Person,
    _glued_conjunction,
    envoys_abroad,
    foreign_given_name,
    parse_people,
)
from majlis.extract.places import (
    Place,
    arrival_place,
    dateline_place,
    headquarters_country,
    home_evidence,
    place_in,
    visit_destination,
    visitor_place,
)
from majlis.extract.tokens import Match, Tok, norm_words, strip_al, tokenize
from majlis.extract.topics import TOPICS, is_discussion, topics_in
from majlis.extract.vocab import pattern, vocabulary, word, words
from majlis.records import Article, Meeting, Mention, Participant, Sentence
from majlis.text import LINEAGE_WORDS, normalize, same_person

HOST_FIRST = {"receives", "receives_call"}
SHARED = {"mutual", "chairs"}  # «التقى», «ترأس … والجانب الآخر …»: the local side hosts
GUEST_FIRST = {"visits", "makes_call"}
DUAL_SUBJECTS = set(
    words("meetings.yaml", "dual_subjects")
)  # «وبحث الوزيران»  # «على هامش»: bilateral meetings apart
UNIT_COUNTRY_REACH = 6  # words after a ship's or unit's name where its country may stand
# past these words a country word is some other place («وصلت الفرقاطة إلى ميناء …»)
UNIT_WINDOW_STOPS = set(words("meetings.yaml", "unit_window_stops"))
# «لـ"X"», ««X»»: a surname in quotes, after a glued preposition or none, stands for the one named so before
QUOTED_SURNAME_OPEN = (
    "(?:(?<!\\w)"
    + "".join(f"|(?<={re.escape(w)})" for w in words("meetings.yaml", "glued_before_quotes"))
    + ")["
    + re.escape("".join(QUOTE_PAIRS))
    + "]"
)
CLOSE_MARKS = re.escape("".join(QUOTE_PAIRS.values()))
PAIR_REPORT_SENTENCES = 2  # sentences after a meeting's that still report on it («وبحث الجانبان …»)
SENDER_REACH = 12  # words from «دعوة», «رسالة» to the «من» of its sender (the addressee's office between)
NOT_PRESENT_REACH = 3  # words between «تحيات», «بتوجيهات من» … and the person spoken of
PLURAL_OFFICE_WORDS = set(words("people.yaml", "plural_office_words"))  # «النائبين X وY»: a list follows
THEN = word("meetings.yaml", "then")  # «كما استقبل X، ثم وفداً …»: guests received one after the other
# normalised: «وخلال الزيارة، التقى …» refers to a visit told before
THE_VISIT = set(words("meetings.yaml", "the_visit"))
# «وكان سموه قد وصل أمس إلى …»: an arrival told in the pluperfect, before the meetings told earlier
PLUPERFECT_ARRIVAL = pattern("meetings.yaml", "pluperfect_arrival")
PLACE_CARRIES = {"stated", "visited country"}
GUEST_WORDS = set(words("meetings.yaml", "guest_words"))
RELATIVE_PRONOUNS = set(words("meetings.yaml", "relative_pronouns"))  # normalised
GOING_ON_VERBS = set(words("meetings.yaml", "going_on_verbs"))  # normalised: «وأشار», «وأضاف» …
SPEAKER_REACH = 3  # sentences back to the one who is still being reported on
KIND_UNTOLD_VERBS = set(words("meetings.yaml", "kind_untold_verbs"))  # normalised
# «وكان في استقباله …», «في مقدمة مستقبليه …»: a welcome on arrival
WELCOME_LEADS = tuple(normalize(lead) for lead in words("meetings.yaml", "welcome_leads"))
# a line starting so is an item of the list announced before: a dash or bullet, or a number («1-», «٢)»)
LIST_ITEM = pattern("meetings.yaml", "list_item")
# tokens before the listed person: the mark (a number and a dash), at most one more («- و»)
LIST_ITEM_LEAD = 3
MIN_SURNAME_LETTERS = 4  # «الجارحي», «لياو»: shorter words are too often something else
SAME_NEWS_DAYS = 3  # a pluperfect meeting this many days before the news still belongs to it
DELEGATION_WORDS = set(words("meetings.yaml", "delegation_words"))  # normalised
HEADED_BODIES = {strip_al(w) for w in words("meetings.yaml", "headed_bodies")}  # normalised, no «ال»
PAGE_DEBRIS = [norm_words(line) for line in words("meetings.yaml", "page_debris")]
DEBRIS_WORDS = 4
MEETING_NOUNS = tuple(words("meetings.yaml", "meeting_nouns_before_place"))
_MEETING_NOUNS_NORMALIZED = tuple(normalize(noun) for noun in MEETING_NOUNS)


def _after_dateline(toks: list[Tok], sentence: str) -> int:
    """The index of the first token after the dateline the sentence opens with, else 0."""
    end = dateline_end(sentence)
    return next((i for i, t in enumerate(toks) if t.start >= end), 0) if end else 0


class Decision(NamedTuple):
    """A rule that fired on a sentence and what it decided (`majlis explain`)."""

    sentence_start: int
    rule: str
    effect: str


@dataclass
class Party:
    """A participant while the article is being read; `inferred` marks a country not read in the text."""

    name: str | None
    title: str | None
    rank: str | None
    country: str | None
    org_official: bool
    posted_to: str | None
    name_start: int | None
    name_end: int | None
    inferred: bool = False
    posted_here: bool = False  # posted to the article's own country («سفير كندا لدى البلاد»)
    of_an_embassy: bool = False  # «الملحق العسكري في السفارة»: an embassy whose country is not said
    rules: list[str] = field(default_factory=list)  # how this person was read, in every meeting

    def key(self) -> str:
        return normalize(self.name) if self.name else "title:" + normalize(self.title or "")


@dataclass
class Draft:
    event_type: str
    voice: str
    sentence: Sentence
    subject: Party | None
    objects: list[Party]
    attendees: list[Party] = field(default_factory=list)
    place: Place | None = None
    place_note: str = ""
    topics: set[str] = field(default_factory=set)
    date: date | None = None
    date_note: str = ""
    rules: list[str] = field(default_factory=list)  # the rules that made this meeting, in order
    party_rules: dict[int, list[str]] = field(default_factory=dict)  # id(party) -> rules in this meeting
    # id(party) -> role in this meeting: one person may host one meeting and attend another
    roles: dict[int, str] = field(default_factory=dict)
    kind_told: bool = True  # False: «بحث X مع Y» does not say whether in person or by phone
    welcome: bool = False  # told by «وكان في استقباله …»: a welcome on arrival

    def parties(self) -> list[Party]:
        return [p for p in [self.subject, *self.objects, *self.attendees] if p is not None]

    def rule(self, name: str, party: Party | None = None) -> None:
        """Record that a rule took part: in the meeting, or (with `party`) in one participant's reading."""
        target = self.rules if party is None else self.party_rules.setdefault(id(party), [])
        if name not in target:
            target.append(name)

    def role_of(self, party: Party) -> str:
        return self.roles.get(id(party)) or ("attendee" if party in self.attendees else "guest")

    def rules_of(self, party: Party) -> list[str]:
        """A participant's rules: how the person was read, then what this meeting decided about them."""
        return list(dict.fromkeys([*party.rules, *self.party_rules.get(id(party), [])]))


def _title_key(title: str) -> tuple[str, ...]:
    return tuple(strip_al(w) for w in normalize(title).split())


def _given_name_of(words: list[str], full: str) -> bool:
    """«الأمير تميم» in a headline is «تميم بن حمد آل ثاني» of the body: a lone given name that starts a
    name of royal lineage («بن», «آل») the article writes in full."""
    full_words = normalize(full).split()
    return len(words) == 1 and full_words[0] == words[0] and bool(set(full_words[1:]) & LINEAGE_WORDS)


def _names_match(a: str, b: str) -> bool:
    return same_person(normalize(a).split(), normalize(b).split())


class ArticleReader:
    """Turns one article into meetings; holds what has been read so far."""

    def __init__(self, article: Article, sentences: list[Sentence], mentions: list[Mention]) -> None:
        self.article = article
        self.sentences = sentences
        self.per = _trimmed_to_surnames(_split_at_and([m for m in mentions if m.label == "PER"]))
        self.drafts: list[Draft] = []
        self.known: list[Party] = []
        self._people_directory: list[Person] | None = None
        self._prior: Sentence | None = None  # the body sentence before the one being read
        self._earlier: list[Sentence] = []  # the body sentences before it, a few, nearest last
        self.v = vocabulary()
        self.trigger_rule = ""  # how the last trigger was found (provenance)
        self.rules = rulebook()
        self.trace: list[Decision] = []  # the engine's rules that fired, sentence by sentence
        self._view: View | None = None  # the sentence being read, as the rules see it

    @cached_property
    def dateline(self) -> Place | None:
        """The dateline's place; looked for only when a meeting needs a place (most articles have none)."""
        return dateline_place(self.article.text, self.article.title)

    @cached_property
    def _home(self) -> tuple[list[str], bool]:
        """Where the article reports from (candidates, firm?); only articles with a meeting need it, and
        without a dateline it scans the whole text for countries."""
        candidates, firm, _ = self._home_evidence
        return candidates, firm

    @cached_property
    def _home_evidence(self) -> tuple[list[str], bool, str]:
        return home_evidence(self.article.text, self.article.title, self.article.source, self.article.url)

    @property
    def _home_rule(self) -> str:
        """The rule that told the article's home country («home.by_agency», «home.by_url» …)."""
        return "home." + self._home_evidence[2]

    # -- people -------------------------------------------------------------------------------------
    def _party(self, person: Person, sentence: Sentence) -> Party:
        party = Party(
            name=person.name,
            title=person.title,
            rank=person.rank,
            country=person.country,
            org_official=person.org_official,
            posted_to=person.posted_to,
            posted_here=person.posted_here,
            of_an_embassy=person.of_an_embassy,
            name_start=None if person.name_start is None else sentence.start_char + person.name_start,
            name_end=None if person.name_end is None else sentence.start_char + person.name_end,
        )
        before = (party.name, party.title, party.country)
        if party.country is not None:
            party.rules.append("country.stated")
        self._complete_from_directory(party)
        if (party.name, party.title, party.country) != before:
            party.rules.append("person.from_directory")
        found = actor_country(party.name) if party.name and not party.org_official else None
        if party.country is None and found:
            party.country = found  # «التقى بشار الأسد …»: an office holder the dictionary knows
            party.rules.append("country.actor_dictionary")
        if party.country is None and party.title and not party.org_official:
            if country := self._headline_country(party.title):
                party.country = country
                party.rules.append("country.headline_office")
            elif country := self._unit_country(party.title):
                party.country = country
                party.rules.append("country.unit")
        return self._resolve(party)

    def _directory(self) -> list[Person]:
        """Everyone the article names with a title or country, wherever it does so (built once)."""
        if self._people_directory is None:
            self._people_directory = [
                p
                for s in self._body_sentences()
                for p in self._people(s, with_known=False)
                if p.name and (p.title or p.country)
            ]
        return self._people_directory

    def _complete_from_directory(self, party: Party) -> None:
        """A person named bare in the meeting sentence takes title and country from elsewhere, and the
        full name when the model tagged only one such person in full («الفريق أول الحسين»)."""
        if not party.name:
            return
        words = normalize(party.name).split()
        if sum(w not in NAME_PARTICLES for w in words) == 1:  # a surname alone («الحسين», «ولد أحمد»)
            fuller = {  # from the model's mentions: parsing every sentence for people costs far more
                normalize(m.text): m.text
                for m in self.per
                if len(m.text.split()) > len(words)
                and (_names_match(party.name, m.text) or _given_name_of(words, m.text))
            }
            if len(fuller) == 1:
                party.name = next(iter(fuller.values()))
        if party.title and party.country:
            return
        for person in self._directory():
            # «تركي بن فهد» is «تركي بن فهد آل خالد» told in part
            if person.name and _one_name(party.name, person.name):
                party.title = party.title or person.title
                party.rank = party.rank or person.rank
                party.country = party.country or person.country
                party.org_official = party.org_official or person.org_official
                party.posted_to = party.posted_to or person.posted_to
                return

    def _headline_country(self, title: str) -> str | None:
        """«… يستقبل قائد القوات البحرية الباكستانية»: the country adjective the headline gives right after
        the same office (None when the office stands there more than once with different countries)."""
        headline = self.article.title
        if not headline:
            return None
        office = [strip_al(t.norm) for t in tokenize(title)]
        toks = tokenize(headline)
        norms = [strip_al(t.norm) for t in toks]
        hits = find_countries(headline)
        found: list[str | None] = []
        for i in range(len(toks) - len(office)):
            if norms[i : i + len(office)] == office:
                after = toks[i + len(office)].start
                # «… البحرية الباكستانية»: the adjective, or an institution hit («القوات البحرية الباكستانية»)
                codes = [h.code for h in hits if h.start <= after < h.end and h.kind in _ADJECTIVE_KINDS]
                found.append(codes[0] if codes else None)
        for i, tok in enumerate(toks[:-1]):
            if found and tok.norm in COUNTERPART_NOUNS:
                # «وزير الدفاع الروسي ونظيره الأمريكي»: the counterpart holds the same office for his state
                after = toks[i + 1].start
                found += [h.code for h in hits if h.start <= after < h.end and h.kind in _ADJECTIVE_KINDS]
        if len(set(found)) != 1 or found[0] is None:
            # not there, or there twice («قائد القوات الجوية يستقبل قائد القوات الجوية الهندية»)
            return None
        key = _title_key(title)
        if any(k.country == found[0] and k.title and _title_key(k.title) == key for k in self.known):
            return None  # that country's holder of the office is someone already named
        return found[0]

    def _unit_country(self, title: str) -> str | None:
        """«قائد الفرقاطة»: the country the article gives the ship or unit elsewhere («الفرقاطة «X»
        التابعة للبحرية الإيطالية», «لوحدة تشونغهي البحرية الكورية»), from the longest part of the title
        after «قائد» found again with a country word within a few words after it."""
        words = tokenize(title)
        if len(words) < 2 or words[0].norm not in self.v.unit_commanders:
            return None
        if strip_al(words[1].norm) not in self.v.unit_nouns:
            return None
        tail = [strip_al(t.norm) for t in words[1:]]
        country = self._country_after(tail)
        if country is None and tail == [GENERIC_VESSEL]:
            # «قائد السفينة» of «الفرقاطة الهندية …»: the one vessel the article gives a country
            found = {self._country_after([noun]) for noun in self.v.unit_nouns if noun != GENERIC_VESSEL}
            found.discard(None)
            return found.pop() if len(found) == 1 else None
        return country

    def _country_after(self, tail: list[str]) -> str | None:
        """The country word a few words after the longest start of `tail` (a unit's name) in the body."""
        for size in range(len(tail), 0, -1):
            for sentence in self._body_sentences():
                toks = tokenize(sentence.text)
                norms = [strip_al(t.norm.removeprefix("و").removeprefix("ل")) for t in toks]
                for i in range(len(toks) - size):
                    if norms[i : i + size] != tail[:size]:
                        continue
                    window = toks[i + size : i + size + UNIT_COUNTRY_REACH]
                    stop = next((k for k, t in enumerate(window) if t.norm in UNIT_WINDOW_STOPS), len(window))
                    if stop == 0 or not window:
                        continue
                    end = window[stop - 1].end
                    hits = find_countries(sentence.text[window[0].start : end])
                    if hits:
                        return hits[0].code
        return None

    def _resolve(self, party: Party) -> Party:
        """The same person mentioned before (full name, surname, or title alone) is that person."""
        for known in self.known:
            if party.name and known.name and _names_match(party.name, known.name):
                self._fill(known, party)
                return known
        for known in self.known:
            # «الفريق خان سبل …»: a rank and a known surname, with words the name run swept along
            if party.name and known.name and party.rank:
                surname = normalize(known.name).split()[-1]
                if normalize(party.name).split()[0] == surname:
                    return known
            same_title = bool(
                party.title and known.title and _title_key(party.title) == _title_key(known.title)
            )
            if not party.name and same_title and (not party.country or party.country == known.country):
                return known
        for known in self.known:
            # «وكان الوزير الكوري قد التقى …»: the office's first words and the country, said again
            if not party.name and party.title and party.country and party.country == known.country:
                short, full = _title_key(party.title), _title_key(known.title or "")
                if short and full[: len(short)] == short:
                    return known
        holder = self._named_holder(party)
        if holder is not None:
            # «وكان الوزير قد زار …», «رحب وزير الدولة … بسفير سلطنة عمان»: the one person the article
            # names, before or after, in that office
            party.name = holder.name
            party.title = max(party.title or "", holder.title or "", key=len) or None
            party.rank = party.rank or holder.rank
            party.country = party.country or holder.country
            return self._resolve(party)
        self.known.append(party)
        return party

    def _named_holder(self, party: Party) -> Person | None:
        """For an official given by office alone: the only person the article names in an office that
        starts with the same words, or whose words this office starts with («الوزير X» named after «وزير
        الدولة، وزير الشؤون الخارجية»), and of the same country if both are told."""
        if party.name or not party.title:
            return None
        office = _title_key(party.title)

        def same_office(title: str) -> bool:
            other = _title_key(title)
            size = min(len(office), len(other))
            return office[:size] == other[:size]

        holders = {
            normalize(person.name): person
            for person in self._directory()
            if person.name
            and person.title
            and same_office(person.title)
            and not (party.country and person.country and party.country != person.country)
        }
        return next(iter(holders.values())) if len(holders) == 1 else None

    @staticmethod
    def _fill(known: Party, new: Party) -> None:
        if new.name and known.name and len(new.name.split()) > len(known.name.split()):
            known.name, known.name_start, known.name_end = new.name, new.name_start, new.name_end
        known.title = known.title or new.title
        known.rank = known.rank or new.rank
        if new.country and (known.country is None or known.inferred):
            known.country, known.inferred = new.country, False
        known.posted_here = known.posted_here or new.posted_here

    def _people(self, sentence: Sentence, with_known: bool = True) -> list[Person]:
        spans = [
            (m.start_char - sentence.start_char, m.end_char - sentence.start_char)
            for m in self.per
            if m.start_char >= sentence.start_char and m.end_char <= sentence.end_char
        ]
        spans += self._surnames_met(sentence.text, spans)
        known = {_title_key(p.title): normalize(p.name).split()[-1] for p in self.known if p.title and p.name}
        if not with_known:
            return parse_people(sentence.text, spans)
        surnames = frozenset(normalize(name).split()[-1] for name in self._full_names)
        return parse_people(sentence.text, spans, known, surnames)

    @property
    def _full_names(self) -> list[str]:
        """Names of two words or more: the people met so far and every person the model tagged in the
        article («حدّد الوزير X Y العطية … . والتقى العطية …»)."""
        names = {p.name for p in self.known if p.name}
        names |= self._tagged_full_names
        return sorted(n for n in names if len(n.split()) >= 2)

    @cached_property
    def _tagged_full_names(self) -> set[str]:
        return {m.text for m in self.per}

    def _surnames_met(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """«التقى نائب رئيس اللجنة … X مع الجارحي», «استقبل الجارحي …», «وسلم … الرسالة لـ"الجارحي"»: a
        person already named in full, met again by surname alone after «مع», as a meeting verb's subject or
        in quotes, which NER tends to miss."""
        found: list[tuple[int, int]] = []
        for name in self._full_names:
            words = name.split()
            if len(words[-1]) < MIN_SURNAME_LETTERS:
                continue
            surname = re.escape(words[-1])
            after_a_word = rf"(?<!\w)(\S+)\s+({surname})(?!\w)"
            quoted = rf"({QUOTED_SURNAME_OPEN}{surname})[{CLOSE_MARKS}]"
            for m in re.finditer(f"{after_a_word}|{quoted}", text):
                if m.group(3) is not None:
                    start, end = m.end(3) - len(words[-1]), m.end(3)
                else:
                    before = normalize(m.group(1))
                    if before != "مع" and before not in self.v.clause_verbs:
                        continue
                    start, end = m.span(2)
                if not any(a < end and start < b for a, b in [*spans, *found]):
                    found.append((start, end))
        return found

    # -- sentences ----------------------------------------------------------------------------------
    def _body_sentences(self) -> list[Sentence]:
        """Sentences after the title, without section headings (they restate, they do not report) and the
        page's own lines («اقرأ أيضاً:»)."""
        title_end = len(self.article.title) if self.article.title else 0
        return [
            s
            for s in self.sentences
            if s.start_char >= title_end and not self._is_heading(s) and not _page_debris(s.text)
        ]

    def _is_heading(self, sentence: Sentence) -> bool:
        text = self.article.text
        whole_line = (sentence.start_char == 0 or text[sentence.start_char - 1] == "\n") and (
            sentence.end_char >= len(text) or text[sentence.end_char : sentence.end_char + 1] in {"\n", ""}
        )
        ends_open = not _ends_a_sentence(sentence.text)
        return whole_line and ends_open and len(sentence.text.split()) <= 14

    def _trigger(self, sentence: Sentence, toks: list[Tok]) -> tuple[Match | None, bool]:
        """The sentence's trigger by the first `trigger` rule that finds one, and whether it is only a
        meeting noun (a meeting then needs officials of two states)."""
        self._view = None  # a new sentence
        first = self.rules.first_found("trigger", self._sentence_view(sentence, toks, None), self.v)
        if first is None:
            return None, False
        rule, found = first
        self.trigger_rule = rule.name
        value = rule.trigger_value(found)
        self.trace.append(Decision(sentence.start_char, rule.name, value))
        return Match(found.start, found.end, value, found.phrase), rule.effect == "noun"

    def read(self) -> list[Draft]:
        current: Draft | None = None
        listing: Draft | None = None  # a meeting sentence ending «… كلاً على حدة:», its guests listed below
        body = self._body_sentences()
        skip_next = False
        for index, sentence in enumerate(body):
            if skip_next:  # read with the meeting sentence it ends
                skip_next = False
                continue
            self._prior = body[index - 1] if index else None
            self._earlier = body[max(0, index - SPEAKER_REACH) : index]
            toks = tokenize(sentence.text)
            if listing is not None and LIST_ITEM.match(sentence.text):
                current = self._list_item(listing, sentence, toks) or current
                continue
            listing = None
            trigger, fallback = self._trigger(sentence, toks)
            not_news = self._not_news(sentence, toks, trigger, current) if trigger else None
            if not_news is not None and not_news.effect == "skip":
                continue  # background: neither a meeting nor a word about the current one
            if trigger and not_news is None:
                before = len(self.drafts)
                draft = self._meeting_sentence(sentence, toks, trigger, current)
                cut = self._cut_by_a_line_break(draft, sentence, body[index + 1 : index + 2])
                if cut is not None:
                    del self.drafts[before:]
                    sentence, toks, skip_next = cut, tokenize(cut.text), True
                    draft = self._meeting_sentence(sentence, toks, trigger, current)
                if draft is None and current is None:
                    draft = self._the_two_sides(sentence, toks, trigger)
                if fallback and len(self.drafts) > before and not _two_states_named(self.drafts[-1]):
                    del self.drafts[before:]  # a noun alone makes no meeting of one state's officials
                    draft = None
                if draft is not None:
                    current = draft
                    self._object_named_before(draft)
                    if not draft.objects and sentence.text.rstrip().endswith(":"):
                        listing = draft
                    continue
            if current is None:
                continue
            self._follow_up(sentence, toks, current)
        return [d for d in self.drafts if self._is_meeting(d)]

    def _object_named_before(self, draft: Draft) -> None:
        """«وصل الوزير X إلى الرياض في زيارة رسمية. والتقى وزير الدفاع Y لبحث …»: a meeting sentence naming
        its subject and no one met, right after a sentence that reports no meeting and names one other
        person: that person is the one met."""
        prior, subject = self._prior, draft.subject
        if subject is None or draft.objects or prior is None or draft.sentence.text.rstrip().endswith(":"):
            return
        if any(d.sentence.sentence_index == prior.sentence_index for d in self.drafts):
            return
        others = [p for p in self._people(prior) if p.name and not _names_match(p.name, subject.name or "")]
        if len(others) != 1:
            return
        met = self._party(others[0], prior)
        if not (met.country and subject.country and met.country != subject.country):
            return  # only a counterpart of another state, both told, is sure to be the one met
        draft.objects.append(met)
        draft.rule("object.named_before", met)

    def _cut_by_a_line_break(
        self, draft: Draft | None, sentence: Sentence, after: list[Sentence]
    ) -> Sentence | None:
        """«استقبل الوزير X بمكتبه في معسكر بيت⏎الفلج اليوم الفريق Y …»: a meeting sentence that names one
        side, ends its line with no full stop, and goes on in a next line that names someone and tells no
        meeting of its own («الذي يزور البلاد» describes) was cut by the page's line break: it is read again
        as one sentence with that line (None when not)."""
        if draft is None or len(_principals(draft)) >= 2 or not after:
            return None
        rest = after[0]
        text = self.article.text
        if _ends_a_sentence(sentence.text) or "\n" not in text[sentence.end_char : rest.start_char]:
            return None
        rest_toks = tokenize(rest.text)
        told = self._trigger(rest, rest_toks)[0]
        if told is not None and (told.start == 0 or rest_toks[told.start - 1].norm not in RELATIVE_PRONOUNS):
            return None
        if not self._people(rest):
            return None
        self._view = None  # the trigger look-up above read the next line
        return Sentence(
            sentence.article_id, sentence.sentence_index, sentence.start_char, rest.end_char,
            sentence.text.rstrip() + " " + rest.text.lstrip(),
        )  # fmt: skip

    def _the_two_sides(self, sentence: Sentence, toks: list[Tok], trigger: Match) -> Draft | None:
        """«وكان الأمير X قد وصل … تلبية لدعوة من وزير الدفاع الكوري Y. وبحث الوزيران …»: «the two» right
        after the verb, in an article that told no meeting yet, are the two officials of different states
        named last before."""
        if trigger.end >= len(toks) or toks[trigger.end].norm not in DUAL_SUBJECTS:
            return None
        named: list[Party] = []
        for earlier in reversed([s for s in self._body_sentences() if s.start_char < sentence.start_char]):
            for person in reversed(self._people(earlier)):
                party = self._party(person, earlier)
                if party.name and party.country and all(p.country != party.country for p in named):
                    named.append(party)
            if len(named) >= 2:
                break
        if len(named) < 2:
            return None
        event_type, voice = trigger.value.split(":")
        draft = Draft(event_type, voice, sentence, named[1], [named[0]])
        for name in (self.trigger_rule, f"voice.{event_type}.{voice}", "subject.the_two_named_before"):
            draft.rule(name)
        self._locate(draft, toks)
        draft.date, draft.date_note = self._meeting_date(sentence, toks, trigger)
        self._add_topics(draft, sentence, always=True)
        self.drafts.append(draft)
        return draft

    def _is_news(self, sentence: Sentence, toks: list[Tok], trigger: Match | None) -> bool:
        """Not a planned, denied or earlier meeting nor a welcome on arrival: no `not_news` rule fires."""
        return self._not_news(sentence, toks, trigger, None) is None

    def _not_news(
        self, sentence: Sentence, toks: list[Tok], trigger: Match | None, current: Draft | None
    ) -> Rule | None:
        """The `not_news` rule that fires on the sentence, if any (noted for `majlis explain`)."""
        view = self._sentence_view(sentence, toks, trigger)
        facts = {"met_days_before_the_news": lambda: self._earlier_meeting(sentence, toks, trigger, current)}
        decided = self.rules.decide("not_news", view, facts, self.v, alike=False)
        if decided:
            self._decided(sentence, decided[0])
        return decided[0] if decided else None

    def _sentence_view(
        self, sentence: Sentence, toks: list[Tok], trigger: Match | None, first_person: int | None = None
    ) -> View:
        """The sentence as the rules see it: the one its trigger was looked for in (so each phrase list is
        searched once per sentence, whatever the stage), with what is known of it now."""
        if self._view is None or self._view.toks is not toks:
            self._view = View(
                toks, None, opening_at=lambda: _after_dateline(toks, sentence.text), text=sentence.text
            )
        return self._view.seen_with(trigger, first_person)

    def _decided(self, sentence: Sentence, rule: Rule, also: list[Rule] | None = None) -> None:
        """Note a rule's decision on a sentence, for `majlis explain`."""
        for fired in [rule, *(also or [])]:
            self.trace.append(Decision(sentence.start_char, fired.name, fired.effect))

    @staticmethod
    def _other_countries_join(people: list[Person], attend_at: int) -> bool:
        """Whether those named after «بمشاركة» come from other countries than the first person named (a
        multilateral meeting's principals), not that person's own aides."""
        chair = next((p for p in people if p.tok_start < attend_at), None)
        joining = [p.country for p in people if p.tok_start >= attend_at and p.country]
        return chair is not None and bool(joining) and any(c != chair.country for c in joining)

    def _with_the_guest(
        self,
        placed: list[tuple[int, Party]],
        toks: list[Tok],
        start: int,
        end: int,
        current: Draft | None,
    ) -> list[Party]:
        """«استقبل وكيل الوزارة … الضيف البحريني», «… ضيفه العماني»: «the guest» is the visitor of the
        meeting just reported (before any, the person the sentence before names), in the sentence where
        the word stands."""
        at = next((i for i in range(start, end) if toks[i].norm in GUEST_WORDS), None)
        if at is None:
            return [party for _, party in placed]
        visitor = _visitor(current) if current is not None else self._named_before()
        if visitor is None or any(party is visitor for _, party in placed):
            return [party for _, party in placed]
        if at > 0 and toks[at - 1].norm == "استقبال":
            # «وكان في استقبال الضيف … X»: the guest is the one received, X the receiving side
            return [party for _, party in placed] + [visitor]
        placed = sorted([*placed, (at, visitor)], key=lambda item: item[0])
        return [party for _, party in placed]

    def _list_item(self, listing: Draft, sentence: Sentence, toks: list[Tok]) -> Draft | None:
        """«- قائد القوات البرية الباكستانية الفريق أول X، حيث …»: the person opening a list item is met by
        the listing sentence's subject; each item is its own meeting when the list head says «على حدة»."""
        people = [p for p in self._people(sentence) if p.tok_start <= LIST_ITEM_LEAD]
        if not people:
            return None
        guest = self._party(people[0], sentence)
        if not listing.objects:
            draft = listing
        elif self.v.separately.find_all(tokenize(listing.sentence.text)):
            draft = replace(
                listing,
                objects=[],
                attendees=list(listing.attendees),
                topics=set(),
                rules=list(listing.rules),
                party_rules={k: list(v) for k, v in listing.party_rules.items()},
            )
            self.drafts.append(draft)
        else:
            draft = listing
        draft.objects.append(guest)
        draft.rule("guest.list_item")
        draft.rule("guest.list_item", guest)
        self._add_topics(draft, sentence, always=True)
        return draft

    def _meeting_date(self, sentence: Sentence, toks: list[Tok], trigger: Match) -> tuple[date | None, str]:
        """The date of the meeting the trigger reports; a report's own date before «أن» does not count."""
        reported = [t for t in toks[: trigger.start] if t.norm in COMPLEMENTIZERS]
        return resolve_meeting_date(
            sentence.text,
            self.article.text,
            self.article.published_at,
            clause_start=reported[-1].end if reported else 0,
        )

    def _earlier_meeting(
        self, sentence: Sentence, toks: list[Tok], trigger: Match | None, current: Draft | None
    ) -> bool:
        """«وكان الوزير قد زار بغداد في 10 ديسمبر والتقى …»: a pluperfect meeting (rule
        not_news.earlier_pluperfect) days before the news is background; one of the same visit («وكان …
        قد التقى أمس الأول») is news."""
        if trigger is None:
            return False
        met, _ = self._meeting_date(sentence, toks, trigger)
        reference = current.date if current is not None and current.date else self.article.published_at
        return met is not None and reference is not None and (reference - met).days > SAME_NEWS_DAYS

    def _named_before(self) -> Party | None:
        """The first person named by name in the sentence before."""
        return self._first_before(named=True)

    def _first_before(self, named: bool) -> Party | None:
        """The first person (with `named`, the first with a name) in the sentence before, as a party."""
        if self._prior is None:
            return None
        people = [p for p in self._people(self._prior) if p.name or not named]
        if people:
            return self._party(people[0], self._prior)
        # «أكد الوزير X … . وأشار إلى أن … . جاء ذلك خلال …»: a sentence going on reporting him names no one
        said = self._prior
        for earlier in reversed(self._earlier[:-1]):
            if tokenize(said.text)[:1] and tokenize(said.text)[0].norm not in GOING_ON_VERBS:
                return None
            people = [p for p in self._people(earlier) if p.name or not named]
            if people:
                return self._party(people[0], earlier)
            said = earlier
        return None

    def _agent_first(self, principals: list[Person], toks: list[Tok], trigger: Match) -> list[Person]:
        """The passive's agent is the subject: «تم استقبال X … من قبل Y» receives X by Y, so Y comes first."""
        marker = next((m for m in self.v.agent_markers.find_all(toks) if m.start > trigger.start), None)
        if marker is None:
            return principals
        agents = [p for p in principals if p.tok_start >= marker.end]
        before = [p for p in principals if p.tok_start < marker.start]
        if not agents or not before:
            return principals
        return [agents[0], *before, *agents[1:]]

    def _meeting_sentence(
        self,
        sentence: Sentence,
        toks: list[Tok],
        trigger: Match,
        current: Draft | None,
    ) -> Draft | None:
        event_type, voice = trigger.value.split(":")
        rules = [self.trigger_rule, f"voice.{event_type}.{voice}"]
        subject_rules: list[str] = []
        spoken_of = self.v.not_present.find_all(toks)
        absent = {  # «الرسالة لـ X»: the one a letter is handed to is there
            m.end
            for m in spoken_of
            if not (m.end < len(toks) and toks[m.end].norm.startswith("ل") and toks[m.end].norm != "لدي")
        }
        absent |= {  # «دعوة لوزير الدفاع من وزير الدفاع العراقي X»: who sends it is not there
            k + 1
            for m in spoken_of
            for k in range(m.end, min(len(toks), m.end + SENDER_REACH))
            if toks[k].norm == "من" and not any(t.is_punct for t in toks[m.end : k])
        }
        people = [
            p
            for p in self._people(sentence)
            if not any(p.tok_start - NOT_PRESENT_REACH <= end <= p.tok_start for end in absent)
        ]
        attendance_view = self._sentence_view(sentence, toks, trigger)
        attendance = self.rules.decide_where(
            "attendance",
            attendance_view,
            {
                "shared_voice": lambda: voice in SHARED,
                "other_states_join": lambda: self._other_countries_join(
                    people, attendance_view.phrases("attendance", self.v)[0].start
                ),
            },
            self.v,
        )
        attend_at = len(toks)
        if attendance is not None:
            self._decided(sentence, attendance[0])
            if attendance[0].effect == "attendees_after":
                attend_at = attendance[1].start
            else:
                rules.append(attendance[0].name)  # those named after «بمشاركة» are principals
        clause_start = (
            trigger.start if any(m.start < trigger.start for m in self.v.triggers.find_all(toks)) else 0
        )
        reported_at = _reported_clause(toks, trigger, people)
        if reported_at > clause_start:
            # «أعلنت المتحدثة X أن وزير الدفاع Y اجتمع مع Z»: the one who reports it is not at the meeting
            clause_start = reported_at
            rules.append("subject.reported_clause")
        if _masdar_with_its_agent(toks, trigger, people, self.v.bare_masdars):
            # «ونشر X فيلماً عن استقبال Y لـZ»: the masdar names its own agent and object; X only tells of it
            clause_start = trigger.start
            rules.append("subject.masdar_agent")
        attend_end = _aside_end(toks, people, clause_start, attend_at)
        if attend_end < len(toks):
            rules.append("attendance.aside")
        principals = self._agent_first(
            [p for p in people if clause_start <= p.tok_start < attend_at or p.tok_start >= attend_end],
            toks,
            trigger,
        )
        attendees = [self._party(p, sentence) for p in people if attend_at <= p.tok_start < attend_end]
        if not principals and not attendees:
            return None
        first_person = principals[0].tok_start if principals else None
        if _subject_after_opening_masdar(toks, trigger, principals, self._opening(toks, sentence.text)):
            # «عقب استقباله X، أكد Y …»: the pronoun is the main clause's subject, named after the comma
            principals = [principals[1], principals[0], *principals[2:]]
            rules.append("subject.after_opening_masdar")
        if _joins_the_subject(principals, toks, trigger, voice):
            # «استقبل الرئيس X، ووزير دفاعه Y، في موسكو، Z»: Y receives Z beside X
            attendees.insert(0, self._party(principals.pop(1), sentence))
            rules.append("subject.joined_by_and")
        named = [(p.tok_start, self._party(p, sentence)) for p in principals]
        parties = self._with_the_guest(named, toks, clause_start, attend_at, current)
        guest_first = bool(parties) and all(parties[0] is not party for _, party in named)
        if guest_first:
            subject_rules.append("subject.guest_word")
        shared = voice in SHARED
        voiced = self.rules.decide(
            "voice",
            self._sentence_view(sentence, toks, trigger, first_person),
            {"shared_voice": lambda: shared, "guest_word_first": lambda: guest_first},
            self.v,
        )
        if voiced:
            rules.append(voiced[0].name)
            voice = "visits"
            self._decided(sentence, voiced[0])
        subject: Party | None = parties[0] if parties else None
        objects = parties[1:]
        first_tok = principals[0].tok_start if principals else len(toks)
        view = self._sentence_view(sentence, toks, trigger, principals[0].tok_start if principals else None)
        if self._hosts_of_the_visit(current, toks, trigger, principals, parties):
            assert current is not None
            current.objects += parties
            current.attendees += [a for a in attendees if a not in current.parties()]
            current.rule("continue.visit_welcome")
            for party in parties:
                current.rule("continue.visit_welcome", party)
            return current
        if voice == "joins" and current is not None:
            current.objects += [p for p in parties if p not in current.parties()]
            current.attendees += attendees
            current.rule("continue.joins")
            for party in [*parties, *attendees]:
                current.rule("continue.joins", party)
            return current
        last_guest = self._guest_of(current)
        visitor = (
            self._visitor_of_the_visit(sentence, toks, trigger, principals, current)
            if self.rules.pattern_holds("subject.visitor_of_the_visit", view, self.v)
            else None
        )
        found: dict[str, Party | None] = {}

        def once(key: str, find: Callable[[], Party | None]) -> Party | None:
            if key not in found:
                found[key] = find()
            return found[key]

        last_subject = current.subject if current is not None else None
        one_after_another = _one_after_another(principals, toks) or _one_after_another(principals[1:], toks)
        facts: dict[str, Callable[[], bool]] = {
            "last_guest_not_named": lambda: (
                last_guest is not None and bool(parties) and last_guest not in parties
            ),
            "visitor_found": lambda: visitor is not None,
            "last_subject_known": lambda: last_subject is not None,
            "no_guest_word": lambda: not guest_first,
            "first_person_after_verb": lambda: first_tok > trigger.end,
            "delegation_head_first": lambda: bool(principals) and principals[0].heads_delegation,
            "receives_or_meets": lambda: voice in {"receives", "mutual"},
            "one_person_or_one_after_another": lambda: len(principals) == 1 or one_after_another,
            "one_person_or_a_list": lambda: len(principals) == 1 or _a_list(principals, toks),
            "last_subject_not_named": lambda: last_subject not in parties,
            "no_person_before_verb": lambda: not any(p.tok_start < trigger.start for p in principals),
            "named_before_not_named": lambda: (
                (lead := once("lead", self._named_before)) is not None and lead not in parties
            ),
            "speaker_found": lambda: once("speaker", lambda: self._first_before(named=False)) is not None,
        }
        decided = self.rules.decide("subject", view, facts, self.v)
        inherited = bool(decided) and decided[0].effect == "carry_subject"
        subject_effect = decided[0].effect if decided else None
        if decided:
            effect = decided[0].effect
            if effect == "last_guest_is_object" and last_guest is not None:
                subject, objects = parties[0], [last_guest, *parties[1:]]
            elif effect == "visitor_is_subject" and visitor is not None and visitor not in parties:
                subject, objects = visitor, parties
            elif effect == "carry_subject":
                objects, subject = parties, last_subject
                if not any(o.title or o.rank or o.country for o in objects):
                    return None  # «مع التركيز على …»: a bare word after «مع» is not a counterpart
            elif effect == "named_before_is_subject":
                objects, subject = parties, found["lead"]
            elif effect == "speaker_is_subject":
                subject, objects = found["speaker"], parties
            subject_rules += [r.name for r in decided]
            self._decided(sentence, decided[0], decided[1:])
        # a sentence about people already in a meeting continues that meeting, unless it singles out
        # two of a multilateral meeting's principals (a bilateral meeting on its sidelines)
        # «كما استقبله X»: the one named receives the guest of the last meeting, which he attended
        met_here = (
            [subject, *objects]
            if subject is not None and subject_effect == "last_guest_is_object"
            else parties
        )
        for draft in reversed(self.drafts):
            known = draft.parties()
            principals_before = _principals(draft)
            if (
                parties
                and all(p in known for p in parties)
                # «وكان عون قد التقى رئيس الأركان»: one who attended that meeting, met here on his own
                and not (len(met_here) >= 2 and any(p in draft.attendees for p in met_here))
                and (
                    len(principals_before) <= 2 or len(parties) >= len(principals_before) or len(parties) < 2
                )
            ):
                draft.attendees += [a for a in attendees if a not in known]
                draft.rule("continue.same_people")
                if event_type == "call" and not draft.kind_told and subject is not None and objects:
                    # «بحث X مع Y …» told again as «تلقى Y اتصالاً من X»: it was that call
                    draft.event_type, draft.voice, draft.subject, draft.objects = (
                        event_type,
                        voice,
                        subject,
                        objects,
                    )
                    draft.kind_told = True
                    for name in rules:
                        draft.rule(name)
                elif (
                    draft.voice in SHARED
                    and voice in HOST_FIRST
                    and toks[trigger.start].norm in self.v.clause_verbs  # «خلال استقباله» may be passive
                    and subject in principals_before
                    and objects
                    and all(o in principals_before for o in objects)
                ):
                    # «بحث السفير X مع الوزير Y …» told again as «استقبل الوزير Y السفير X»: Y received him
                    draft.voice, draft.subject, draft.objects = voice, subject, objects
                    draft.rule("continue.roles_told")
                for party in attendees:
                    draft.rule("attendee.marker", party)
                self._add_topics(draft, sentence)
                return draft
        guests = [o for d in self.drafts for o in d.objects]
        if len(parties) >= 2 and all(p in guests for p in parties):
            return None  # «بحث مع السفير الياباني … فيما تناول اللقاء مع السفير البولندي»: guests met apart
        if subject is None:
            if current is not None and attendees:
                current.attendees += [a for a in attendees if a not in current.parties()]
                for party in attendees:
                    current.rule("attendee.marker", party)
                return current
            return None
        if subject.title:
            _counterparts_share_the_office(subject.title, objects, principals, toks)
        draft = Draft(event_type, voice, sentence, subject, objects, attendees)
        draft.kind_told = event_type != "meeting" or trigger.phrase[0] not in KIND_UNTOLD_VERBS
        told = [toks[trigger.start - 1].norm] if trigger.start else []  # «في» before «استقبال منسى»
        glued = [toks[trigger.start].norm, *trigger.phrase[1:]]  # «باستقبال»: the clitic is the token's
        draft.welcome = any(
            " ".join(lead).startswith(WELCOME_LEADS)
            for lead in ([*told, *trigger.phrase], trigger.phrase, glued)
        )
        for name in rules:
            draft.rule(name)
        for name in subject_rules:
            draft.rule(name)
            draft.rule(name, subject)
        for party in attendees:
            draft.rule("attendee.marker", party)
        self._locate(draft, toks)
        sidelines = current is not None and bool(self.v.sidelines.find_all(toks))
        if (
            draft.place is None
            and (inherited or sidelines or _visitor_goes_on(draft, current))
            and current is not None
            and current.place_note in PLACE_CARRIES
        ):
            # the same visit or event, the same place
            draft.place, draft.place_note = current.place, current.place_note
            draft.rule("place.carried_from_previous")
        draft.date, draft.date_note = self._meeting_date(sentence, toks, trigger)
        if current is not None and current.date is not None and self.v.same_day.find_all(toks):
            draft.date, draft.date_note = current.date, "the same day as the meeting before"
            draft.rule("date.same_day")
        elif current is not None and current.date is not None and self.v.next_day.find_all(toks):
            draft.date, draft.date_note = current.date + timedelta(days=1), "the day after the meeting before"
            draft.rule("date.next_day")
        self._add_topics(draft, sentence, always=True)
        if self._prior is not None and toks and toks[0].norm in POINTING_BACK:
            # «اتفقت الولايات المتحدة واليابان على … . وجاء الاتفاق خلال محادثات …»: the lead told the outcome
            self._add_topics(draft, self._prior, always=True)
            draft.rule("topics.pointing_back")
        split = (
            self.rules.decide(
                "split",
                self._sentence_view(sentence, toks, trigger),
                {
                    "one_after_another": lambda: one_after_another,
                    "envoys_of_several_states": lambda: _envoys_of_several_states(objects),
                    "one_from_each_state": lambda: _one_from_each_state(objects),
                    "counterparts_of_several_states": lambda: _counterparts_of_several_states(
                        subject, objects
                    ),
                    "last_meeting_split": lambda: (
                        current is not None and any(r.startswith("split.") for r in current.rules)
                    ),
                },
                self.v,
            )
            if len(objects) > 1
            else []
        )
        apart = bool(split)
        if split:
            self._decided(sentence, split[0])
        if apart and len(objects) > 1:
            groups = (
                _groups_at_then(objects, [sentence.start_char + t.start for t in toks if t.norm == THEN])
                if split[0].effect == "apart_at_then"
                else [[o] for o in objects]
            )
            for group in groups:
                part = Draft(
                    event_type,
                    voice,
                    sentence,
                    subject,
                    group,
                    list(attendees),
                    draft.place,
                    draft.place_note,
                    set(draft.topics),
                    draft.date,
                    draft.date_note,
                    [*draft.rules, split[0].name],
                    {k: list(v) for k, v in draft.party_rules.items()},
                )
                self.drafts.append(part)
            return self.drafts[-1]
        self.drafts.append(draft)
        return draft

    @staticmethod
    def _opening(toks: list[Tok], text: str) -> int:
        """The first token of the sentence's own words: after its dateline and a leading «و»."""
        start = _after_dateline(toks, text)
        return start + 1 if start < len(toks) and toks[start].norm == "و" else start

    def _visitor_of_the_visit(
        self,
        sentence: Sentence,
        toks: list[Tok],
        trigger: Match,
        principals: list[Person],
        current: Draft | None,
    ) -> Party | None:
        """«وصل X إلى الدوحة … . وخلال الزيارة، التقى Y»: a meeting verb opened by the visit («خلال الزيارة»,
        «خلال زيارته») with no one named before it has the visitor for its subject: the one on the visit
        being reported, else the first person named where the article tells the arrival."""
        if not principals or any(p.tok_start < trigger.end for p in principals):
            return None
        if current is not None and current.voice in GUEST_FIRST and current.subject is not None:
            return current.subject
        for earlier in reversed([s for s in self._body_sentences() if s.start_char < sentence.start_char]):
            if arrival_place(earlier.text) is not None:
                named = [p for p in self._people(earlier) if p.name]
                return self._party(named[0], earlier) if named else None
        return None

    def _hosts_of_the_visit(
        self,
        current: Draft | None,
        toks: list[Tok],
        trigger: Match,
        principals: list[Person],
        parties: list[Party],
    ) -> bool:
        """«زار X مقر القيادة … . وكان في استقباله Y»: Y, named after a welcome whose pronoun is the visitor,
        hosts the visit just reported, which met no one yet."""
        return (
            current is not None
            and current.voice in GUEST_FIRST
            and current.event_type == "meeting"
            and current.subject is not None
            and not current.objects
            and bool(parties)
            and current.subject not in parties
            and current.sentence is self._prior  # the welcome told right after the visit
            and all(p.tok_start >= trigger.end for p in principals)
            and any(m.start == trigger.start for m in self.v.visit_welcomes.find_all(toks))
            and not self.v.airport.find_all(toks)
            and not any(_is_envoy(p) for p in parties)  # his own envoy's welcome is no meeting
        )

    @staticmethod
    def _guest_of(draft: Draft | None) -> Party | None:
        """The visiting side of a meeting read so far (roles are assigned only when the article is done)."""
        if draft is None:
            return None
        if draft.voice in GUEST_FIRST:
            return draft.subject
        return draft.objects[0] if draft.objects else None

    def _follow_up(self, sentence: Sentence, toks: list[Tok], current: Draft) -> None:
        self._guests_included(sentence, toks, current)
        headed = self.rules.first_found("delegation", self._sentence_view(sentence, toks, None), self.v)
        if headed is not None:
            self._delegation_head(sentence, headed, current)
        marked = self.rules.first_found("attendance", self._sentence_view(sentence, toks, None), self.v)
        if marked is not None:
            self._decided(sentence, marked[0])
            # «وحضر المقابلتين»: the attendee was at every meeting of the current host just reported
            every = bool(self.v.attendance_all.find_all(toks))
            targets = [d for d in self.drafts if d.subject is current.subject] if every else [current]
            people = self._people(sentence)
            for person in people:
                if person.tok_start >= marked[1].start:
                    party = self._party(person, sentence)
                    for target in targets:
                        if party not in target.parties():
                            target.attendees.append(party)
                            target.rule("attendee.all_meetings" if every else "attendee.follow_up", party)
        if not self._is_news(sentence, toks, None):
            return  # background: an earlier meeting's place or topics are not this one's
        target = self._draft_named_in(sentence) or current
        if target.event_type == "call":
            pass  # calls have no place
        elif (target.place is None or target.place_note in {"dateline", "host country"}) and not (
            self.v.future.find_all(toks)  # «الاجتماع المقبل سيعقد في مانيلا»: the next one's place
        ):
            place = _place_of_meeting_noun(sentence.text, toks)
            if place:
                target.place, target.place_note = place, "stated"
                target.rule("place.meeting_noun_follow_up")
        if is_discussion(sentence.text):
            self._add_topics(target, sentence)

    def _guests_included(self, sentence: Sentence, toks: list[Tok], current: Draft) -> None:
        """«تسلم الرئيس X أوراق اعتماد عدد من السفراء … . وشمل الاستقبال سفير فرنسا Y، وسفير النيجر Z»: the
        reception just told, with no one met named yet, met each of those the sentence names on his own."""
        marks = self.v.reception_included.find_all(toks)
        if (
            current.subject is None
            or current.objects
            or not marks
            or marks[0].start > self._opening(toks, sentence.text)
        ):
            return
        guests = [self._party(p, sentence) for p in self._people(sentence) if p.tok_start >= marks[0].end]
        for i, guest in enumerate(guests):
            met = current
            if i:
                met = Draft(
                    current.event_type, current.voice, current.sentence, current.subject, [],
                    list(current.attendees), current.place, current.place_note, set(current.topics),
                    current.date, current.date_note, list(current.rules),
                    {k: list(v) for k, v in current.party_rules.items()},
                )  # fmt: skip
                self.drafts.append(met)
            met.objects.append(guest)
            met.rule("guest.reception_included", guest)

    def _delegation_head(self, sentence: Sentence, headed: tuple[Rule, Found], current: Draft) -> None:
        """«ويرأس البعثة الماليزية، الفريق Y»: Y takes the place of the delegation the meeting named without a
        head, and its state when his own is not told."""
        unnamed = [
            o
            for o in current.objects
            if o.name is None and o.title and strip_al(norm_words(o.title)[0]) in HEADED_BODIES
        ]
        head = next((p for p in self._people(sentence) if p.name and p.tok_start >= headed[1].start), None)
        if not unnamed or head is None:
            return
        self._decided(sentence, headed[0])
        party = self._party(head, sentence)
        if party in current.parties():
            return
        body = unnamed[0]
        if party.country is None:
            party.country, party.inferred = body.country, body.inferred
        current.objects[current.objects.index(body)] = party
        current.rule(headed[0].name, party)

    def _draft_named_in(self, sentence: Sentence) -> Draft | None:
        """When several meetings are open, a sentence naming one counterpart's country belongs to it."""
        if len(self.drafts) < 2:
            return None
        codes = {h.code for h in find_countries(sentence.text)}
        matching = [d for d in self.drafts if any(o.country in codes for o in d.objects if o.country)]
        return matching[-1] if len(matching) == 1 else None

    def _add_topics(self, draft: Draft, sentence: Sentence, always: bool = False) -> None:
        if always or is_discussion(sentence.text):
            draft.topics |= topics_in(sentence.text)

    # -- place and roles ----------------------------------------------------------------------------
    def _locate(self, draft: Draft, toks: list[Tok]) -> None:
        if draft.event_type == "call":
            return
        text = draft.sentence.text
        place = place_in(text[: self._discussed_from(draft, toks)])
        if draft.voice == "visits":
            visited = [h for h in find_countries(text) if h.kind in {"name", "capital"}]
            if place:
                draft.place, draft.place_note = place, "stated"
                draft.rule("place.stated")
            elif visited and self.dateline and self.dateline.country == visited[0].code:
                draft.place, draft.place_note = self.dateline, "dateline"  # the visited capital, as dated
                draft.rule("place.visited_dateline")
            elif visited:
                draft.place, draft.place_note = Place(None, visited[0].code), "visited country"
                draft.rule("place.visited_country")
            elif arrived := self._arrival_by(draft.sentence):  # «وصلت الفرقاطة إلى … بالجبيل»
                draft.place, draft.place_note = arrived, "arrival"
                draft.rule("place.arrival")
            elif self.dateline:  # «الرياض (سونا) – … كما زار جناح …»: where the report is filed
                draft.place, draft.place_note = self.dateline, "dateline"
                draft.rule("place.dateline")
            return
        if (visit := self._on_a_visit(draft)) is not None:
            draft.place, draft.place_note = visit, "stated"
            draft.rule("place.on_a_visit")
        elif place:
            draft.place, draft.place_note = place, "stated"
            draft.rule("place.stated")
        elif (here := self.v.in_host_country.find_all(toks)) and draft.subject:
            country_visited = self._visited_by_subject(draft, toks, here[0])
            country = country_visited or draft.subject.country or self._home_for(draft)
            draft.rule("place.in_host_country")
            if country_visited:
                draft.rule("place.visited_by_subject")
            elif not draft.subject.country and country:
                draft.rule(self._home_rule)
            if self.dateline and self.dateline.country == country:
                draft.place, draft.place_note = self.dateline, "dateline"
            else:
                draft.place, draft.place_note = Place(None, country), "host country"
        elif arrived := self._arrival_by(draft.sentence):
            draft.place, draft.place_note = arrived, "arrival"
            draft.rule("place.arrival")
        elif told := self._visit_told(draft, toks):
            draft.place, draft.place_note = told, "visited country"
            draft.rule("place.visit_told")
        elif self.dateline:
            draft.place, draft.place_note = self.dateline, "dateline"
            draft.rule("place.dateline")
        elif seat := headquarters_country(text):
            draft.place, draft.place_note = Place(None, seat), "headquarters"
            draft.rule("place.headquarters")

    def _visit_told(self, draft: Draft, toks: list[Tok]) -> Place | None:
        """The country of a visit the meeting sentence names («… وذلك خلال زيارة وزير الداخلية الرسمية
        للكويت»), or, for «وخلال الزيارة، التقى …», of the visit told before it."""
        here = visit_destination(draft.sentence.text)
        if here:
            return Place(None, here)
        if not any(t.norm in THE_VISIT for t in toks):
            return None
        before = [s for s in self._body_sentences() if s.start_char < draft.sentence.start_char]
        for sentence in reversed(before):
            if code := visit_destination(sentence.text):
                return Place(None, code)
        headline = self.article.title
        code = visit_destination(headline) if headline else None
        return Place(None, code) if code else None

    def _visit_told_before(self, draft: Draft) -> str | None:
        """The state of a visit the headline or an earlier sentence tells, when it is the state of one side
        of this meeting and not the subject's: the meeting was on that visit."""
        sides = {p.country for p in _principals(draft) if p.country}
        own = draft.subject.country if draft.subject else None
        before = [s.text for s in self._body_sentences() if s.start_char < draft.sentence.start_char]
        for text in [*reversed(before), self.article.title or ""]:
            code = visit_destination(text) if text else None
            if code:
                return code if code in sides and code != own else None
        return None

    def _discussed_from(self, draft: Draft, toks: list[Tok]) -> int:
        """Where the sentence turns to what was discussed, after the last principal («…، وتناول البحث
        التطورات في لبنان وخصوصاً في غزة»): a city from there on is a subject of the talks, not the venue."""
        start = draft.sentence.start_char
        named_end = max(
            (p.name_end - start for p in [draft.subject, *draft.objects] if p and p.name_end is not None),
            default=0,
        )
        cues = [toks[m.start].start for m in self.v.discussion.find_all(toks)]
        cues = [c for c in cues if c > named_end]
        return min(cues, default=len(draft.sentence.text))

    def _on_a_visit(self, draft: Draft) -> Place | None:
        """Where a principal is visiting («التقى X، في إطار زيارته إلى دولة قطر، Y», «Y الذي يزور أبوظبي»):
        the visitor is the principal named right before those words. When that is the subject of a
        shared meeting, the subject is the guest (the meeting becomes a visit)."""
        found = visitor_place(draft.sentence.text)
        if found is None or draft.subject is None:
            return None
        at, place = found
        start = draft.sentence.start_char
        named = [
            (p.name_end - start, p)
            for p in [draft.subject, *draft.objects]
            if p.name_end is not None and p.name_end - start <= at
        ]
        if not named:
            return None
        _, visitor = max(named, key=lambda item: item[0])
        if visitor is draft.subject and draft.voice in SHARED:
            draft.voice = "visits"
            draft.rule("voice.subject_on_a_visit")
        return place

    @cached_property
    def _arrivals(self) -> list[tuple[int, Place]]:
        """(sentence start, place) of every «وصل إلى …» the article reports."""
        return [(s.start_char, p) for s in self._body_sentences() if (p := arrival_place(s.text))]

    def _arrival_by(self, sentence: Sentence) -> Place | None:
        """Where a visitor arrived, told in this sentence or before it: meetings after it are there. An
        arrival told afterwards in the pluperfect («وكان سموه قد وصل أمس إلى …») came before them too."""
        before = [place for start, place in self._arrivals if start <= sentence.start_char]
        if before:
            return before[-1]
        return next((place for start, place in self._earlier_arrivals if start > sentence.start_char), None)

    @cached_property
    def _earlier_arrivals(self) -> list[tuple[int, Place]]:
        """(sentence start, place) of the arrivals told in the pluperfect («وكان … قد وصل إلى …»)."""
        return [
            (s.start_char, p)
            for s in self._body_sentences()
            if PLUPERFECT_ARRIVAL.search(s.text) and (p := arrival_place(s.text))
        ]

    def _visited_by_subject(self, draft: Draft, toks: list[Tok], here: Match) -> str | None:
        """«التقت وزيرة الدفاع الإسبانية، التي تزور البلاد، …»: when the visiting phrase follows the subject,
        before the other side, the country visited is the other side's (or the article's home)."""
        if not any(t.norm in VISITING_NOW for t in toks[here.start : here.end]):
            return None
        at = draft.sentence.start_char + toks[here.start].start
        named = [o for o in draft.objects if o.name_start is not None]
        if not named or any(o.name_start is not None and o.name_start < at for o in named):
            return None
        if any(t.norm in DELEGATION_WORDS for t in toks[max(0, here.start - DELEGATION_REACH) : here.start]):
            return None  # «التقى X وفداً من … يزور البلاد برئاسة Y»: the delegation is the one visiting
        subject_country = draft.subject.country if draft.subject else None
        hosts = [o.country for o in draft.objects if o.country and o.country != subject_country]
        home = self._home_for(draft)
        return hosts[0] if hosts else home if home != subject_country else None

    def _is_meeting(self, draft: Draft) -> bool:
        principals = _principals(draft)
        if len(principals) < 2:
            return False
        first, second = principals[0], principals[1]
        if len(principals) == 2 and first.name and first.key() == second.key():
            # «وزير الدفاع يستقبل نظيره البريطاني»: both offices filled in from the article's directory as
            # the same person; the one filled in is not known
            filled = [p for p in (second, first) if "person.from_directory" in p.rules]
            if not filled:
                return False
            filled[0].name = filled[0].name_start = filled[0].name_end = None
        return not _welcomed_by_own_envoys(draft)

    def _home_for(self, draft: Draft) -> str | None:
        """The home country for this meeting's unstated countries. When it is only guessed from how often
        countries are named, it is not a country any meeting's other side explicitly comes from."""
        candidates, firm = self._home
        if firm:
            return candidates[0] if candidates else None
        guests = [  # every meeting's visitors, not only this one's
            o
            for d in [draft, *self.drafts]
            for o in ([d.subject] if d.voice in GUEST_FIRST else d.objects)
            if o
        ]
        # nor the country the other side of this meeting explicitly comes from («أجرى الأمير X اتصالاً
        # بوزير الدفاع بجمهورية تونس»: the caller is not Tunisian)
        met = [o for o in draft.objects if o.country and not o.inferred]
        others = {o.country for o in [*guests, *met] if o.country and not o.inferred} | self._envoys_countries
        others |= self._envoys_abroad
        return next((c for c in candidates if c not in others), None)

    @cached_property
    def _envoys_abroad(self) -> set[str]:
        """Countries of envoys the article names at a post («سفير سلطنة عمان لدى الجزائر»): their officials
        are named with their country; an official named without one is of the post's side."""
        return envoys_abroad(self.article.text)

    @property
    def _envoys_countries(self) -> set[str]:
        """Countries of diplomats posted to the article's own country («سفير كندا لدى البلاد»): never home.
        From the people met so far (the directory of the whole article costs a parse of every sentence)."""
        return {p.country for p in self.known if p.posted_here and p.country and not p.inferred}

    def _entourage_of_the_one_before(self, draft: Draft) -> None:
        """«… الأمير X وزير داخلية المملكة والوفد المرافق له، المكون من Y، وZ»: the members listed after
        the delegation accompanying X (up to an attendance marker) are of X's country."""
        toks = tokenize(draft.sentence.text)
        marks = self.v.entourage.find_all(toks)
        if not marks:
            return
        at = draft.sentence.start_char + toks[marks[0].start].start
        later = [m.start for m in self.v.attendance.find_all(toks) if m.start > marks[0].end]
        until = draft.sentence.start_char + (toks[later[0]].start if later else len(draft.sentence.text))
        before = [
            p
            for p in [draft.subject, *draft.objects]
            if p is not None and p.name_start is not None and p.name_start < at
        ]
        lead = max(before, key=lambda p: p.name_start or 0, default=None)
        if lead is None or lead.country is None or lead.org_official:
            return
        for party in draft.parties():
            start = party.name_start
            if start is not None and at < start < until and party.country is None and not party.org_official:
                party.country, party.inferred = lead.country, True
                draft.rule("country.accompanying_delegation", party)

    def _state_of_the_pair_told(self, draft: Draft) -> None:
        """«استقبل الرئيس التونسي … مساعد وزير الدفاع X، وبحث الجانبان التعاون بين السعودية وتونس»: the
        meeting's report names the two states it is between; a principal whose state is not told is of the
        one the other side is not from."""
        principals = _principals(draft)
        untold = [p for p in principals if p.country is None and not p.org_official]
        known = {p.country for p in principals if p.country}
        if len(untold) != 1 or len(known) != 1:
            return
        at = draft.sentence.sentence_index
        report = [s for s in self.sentences if at <= s.sentence_index <= at + PAIR_REPORT_SENTENCES]
        for sentence in report:
            for pair in pairs_of_states(sentence.text):
                if known < set(pair):
                    untold[0].country, untold[0].inferred = (set(pair) - known).pop(), True
                    draft.rule("country.pair_of_states_told", untold[0])
                    return

    def _subject_came_with_a_delegation(self, draft: Draft) -> bool:
        """«التقى X والوفد المرافق له بـY»: the subject, followed by the delegation accompanying him before
        anyone he met is named, is the visitor."""
        if draft.subject is None or draft.subject.name_end is None or not draft.objects:
            return False
        toks = tokenize(draft.sentence.text)
        marks = self.v.entourage.find_all(toks)
        if not marks:
            return False
        at = draft.sentence.start_char + toks[marks[0].start].start
        met = [o.name_start for o in draft.objects if o.name_start is not None]
        return draft.subject.name_end <= at and bool(met) and at < min(met)

    def finish(self, draft: Draft) -> None:
        """Assign countries that the text implies and the roles."""
        _envoys_accompany(draft)
        self._entourage_of_the_one_before(draft)
        _where_the_envoy_is_posted(draft)
        _members_of_the_delegation(draft)
        self._state_of_the_pair_told(draft)
        _list_mates_share_a_state(draft)
        subject = draft.subject
        home_rule = self._home_rule
        stated = draft.place.country if draft.place is not None and draft.place_note == "stated" else None
        if (
            subject is not None
            and subject.country is None
            and not subject.org_official
            and stated
            and all(o.country != stated for o in draft.objects)
            and (
                draft.voice in HOST_FIRST
                or (draft.voice in SHARED and any(o.country and not o.inferred for o in draft.objects))
            )
        ):
            # «استقبل الوزير X في مكتبه في اليرزة سفير …»: whoever receives at a place the sentence names,
            # or meets there someone from elsewhere, is of that place
            subject.country, subject.inferred = stated, True
            draft.rule("country.stated_place_is_host", subject)
        home = self._home_for(draft)
        if subject is not None and subject.country is None and not subject.org_official and home:
            if draft.voice not in HOST_FIRST and visit_destination(draft.sentence.text) == home:
                # «أدى الوزير X زيارة عمل إلى دولة قطر»: a visitor to the home country is from elsewhere,
                # the country whose envoy there attends («وسفير تونس بالدوحة»), if one does
                envoys = [
                    a.country for a in draft.attendees if a.country and a.country != home and _is_envoy(a)
                ]
                if envoys:
                    subject.country = envoys[0]
                    draft.rule("country.visitor_of_attending_envoy", subject)
            else:
                subject.country, subject.inferred = home, True
                draft.rule(home_rule, subject)
        elif subject is not None and subject.country and home and subject.country != home and self._home[1]:
            # «أوتاوا - (كونا) -- استقبلت وزيرة الدفاع الكندية رئيس الأركان العامة للجيش»: a national
            # agency abroad leaves its own officials unmarked, here on the side met
            for obj in draft.objects:
                if obj.country is None and not obj.org_official:
                    obj.country, obj.inferred = home, True
                    draft.rule("country.agency_abroad_own_officials", obj)
        if home and (subject is None or subject.country != home):
            for obj in draft.objects:
                if obj.country is None and not obj.org_official and obj.name:
                    # «قال المستشار العسكري للمبعوث الأممي … خلال لقائه وزير الداخلية X»: the one met, no
                    # state told, is of the article's own country when no one else in the meeting is
                    obj.country, obj.inferred = home, True
                    draft.rule(home_rule, obj)
        _attendees_at_a_neutral_venue(draft)
        for att in draft.attendees:
            if att.country is None and not att.org_official and att.of_an_embassy:
                # «وحضر اللقاء الملحق العسكري في السفارة»: the embassy of the ambassador who met
                att.country = next((p.country for p in draft.parties() if p.country and _is_envoy(p)), None)
                draft.rule("country.embassy_of_the_envoy", att)
            here = (draft.place.country if draft.place else None) or home
            if (
                att.country is None
                and not att.org_official
                and att.posted_to
                and here
                and att.posted_to != here
            ):
                # «وحضر اللقاء … سفير الدولة لدى الولايات المتحدة» at home: the home side's envoy to them
                att.country, att.inferred = here, True
                draft.rule("country.own_envoy_posted_abroad", att)
            if att.country is None and not att.org_official and _posted_abroad(att) and here:
                # «وبحضور السفير X، والملحق العسكري Y» at a meeting at home: the visiting side's diplomats
                principals = _principals(draft)
                visitors = {p.country for p in principals if p.country and p.country != here}
                if len(visitors) == 1:
                    att.country, att.inferred = visitors.pop(), True
                    draft.rule("country.diplomat_of_the_visiting_side", att)
            if att.country is None and not att.org_official and here:
                _foreign_named_attendee_of_the_visitors(draft, att, here)
            if att.country is None and not att.org_official and att.name:
                sides = {p.country for p in _principals(draft) if p.country}
                if stated and stated in sides and home not in sides:
                    # «استقبل الرئيس X في نواكشوط … وحضر اللقاء الوزير Y» in a paper of a third state:
                    # the attendee is of the host side, where the meeting is
                    att.country, att.inferred = stated, True
                    draft.rule("country.attendee_of_the_host_side", att)
                elif home:
                    att.country, att.inferred = home, True
                    draft.rule(home_rule, att)
        host_first = draft.voice in HOST_FIRST | SHARED
        with_delegation = draft.voice in SHARED and self._subject_came_with_a_delegation(draft)
        if with_delegation and draft.place is None and draft.event_type == "meeting":
            hosts = [o.country for o in draft.objects if o.country]
            if hosts:  # «التقى X والوفد المرافق له بـY»: X came to Y, where Y is from
                draft.place, draft.place_note = Place(None, hosts[0]), "host country"
                draft.rule("place.visitor_with_delegation")
        if (
            draft.place is None
            and draft.event_type == "meeting"
            and draft.voice in SHARED
            and subject is not None
        ):
            visited = self._visit_told_before(draft)
            if visited is not None:
                # «عاد X بعد انتهاء زيارته الرسمية لجمهورية تركيا … . وعقد X جلسة مباحثات مع Y»
                draft.place, draft.place_note = Place(None, visited), "visit told before"
                draft.rule("place.visit_told_before")
        if draft.place is None and draft.event_type == "meeting" and subject is not None and host_first:
            principals = _principals(draft)
            # with no place stated, a meeting with one of the home country's officials is at home
            at_home = draft.voice == "mutual" and bool(home) and any(p.country == home for p in principals)
            posted = next((p.posted_to for p in principals if p.posted_to), None)
            draft.place = Place(None, posted or (home if at_home else subject.country))
            draft.place_note = "host country"
            draft.rule(
                "place.envoy_posting"
                if posted
                else "place.home_official_met"
                if at_home
                else "place.host_country"
            )
        if draft.place is None and draft.event_type == "meeting" and draft.voice == "visits":
            # a visit names no place: it is where its hosts are from («زار … مقر قيادة …، وكان في استقباله …»)
            hosts = [o.country for o in draft.objects if o.country and not o.inferred]
            if hosts:
                draft.place, draft.place_note = Place(None, hosts[0]), "host country"
                draft.rule("place.hosts_country")
        loc = draft.place.country if draft.place else None
        host_side: list[Party | None]
        if draft.voice in HOST_FIRST:
            host_side = [subject]
        elif draft.voice in GUEST_FIRST:
            host_side = [*draft.objects]
            if loc and subject is not None and subject.country != loc:
                for obj in draft.objects:  # the side visited is the place's own («قائد قاعدة … بالجبيل»)
                    if obj.country is None and not obj.org_official:
                        obj.country, obj.inferred = loc, True
                        draft.rule("country.visited_side_is_local", obj)
        else:
            met = [party for party in [subject, *draft.objects] if party is not None]
            local = [party for party in met if loc and party.country == loc]
            if loc and not local and any(party.country and not party.inferred for party in met):
                # a visitor from elsewhere met someone whose country is not told: the local side
                local = [party for party in met if party.country is None and not party.org_official][:1]
                for party in local:
                    party.country, party.inferred = loc, True
                    draft.rule("country.local_side_untold", party)
            host_side = [*local[:1]] if local else [*draft.objects] if with_delegation else [subject]
        role_rule = (
            "role.by_voice_host_first"
            if draft.voice in HOST_FIRST
            else "role.by_voice_guest_first"
            if draft.voice in GUEST_FIRST
            else "role.by_place"
        )
        for p in [subject, *draft.objects]:
            if p is not None:
                draft.roles[id(p)] = "host" if p in host_side else "guest"
                draft.rule(role_rule, p)
        for att in draft.attendees:
            draft.roles[id(att)] = "attendee"
        for party in draft.parties():
            if (
                loc
                and party.country is None
                and not party.org_official
                and not _posted_abroad(party)
                and not (party.name and foreign_given_name(party.name))
                and (
                    draft.roles[id(party)] != "guest"
                    or (draft.voice in SHARED and not _placed_by_a_visit(draft))
                )
            ):
                # an official whose state nothing in the text tells, at a meeting in a known country: of
                # that country, unless a diplomat, a foreign given name, or the one received or visiting
                party.country, party.inferred = loc, True
                draft.rule("country.of_the_meeting_place", party)


_ADJECTIVE_KINDS = {"nisba", "institution"}


# how far after «اللقاء» / «الاجتماع» a follow-up sentence may name where it was held («وعقد الاجتماع بمقر
# وزارة الدفاع في العاصمة الرياض»); a city further on is what was discussed («المقاعد … في أكاديمية …»)
PLACE_REACH_WORDS = 8


def _place_of_meeting_noun(text: str, toks: list[Tok]) -> Place | None:
    """The place a sentence gives for the meeting it names: a city within a few words of the noun."""
    folded = normalize(text)
    if not any(noun in folded for noun in _MEETING_NOUNS_NORMALIZED):
        return None  # most follow-up sentences: no token scan
    for index, tok in enumerate(toks):
        if any(tok.norm.endswith(noun) for noun in _MEETING_NOUNS_NORMALIZED):
            words = [t for t in toks[index:] if not t.is_punct][: PLACE_REACH_WORDS + 1]
            place = place_in(text[tok.start : words[-1].end])
            if place:
                return place
    return None


GENERIC_VESSEL = word(
    "meetings.yaml", "generic_vessel"
)  # normalised «السفينة» without «ال»: any ship the article names
POINTING_BACK = set(words("meetings.yaml", "pointing_back"))  # normalised
COUNTERPART_REACH = 3  # tokens from «نظيره» to the name («نظيره الياباني X», «بنظيره وزير …»)


def _counterparts_share_the_office(
    title: str, objects: list[Party], principals: list[Person], toks: list[Tok]
) -> None:
    """«وزير الدفاع الأمريكي X مع نظيره الياباني Y»: a counterpart named with no office of his own holds
    the same office in his country."""
    for person in principals:
        lead = toks[max(0, person.tok_start - COUNTERPART_REACH) : person.tok_start]
        if person.title is None and person.name and any(t.norm in COUNTERPART_NOUNS for t in lead):
            for party in objects:
                if party.title is None and party.name and _names_match(party.name, person.name):
                    party.title = title


def _split_at_and(per: list[Mention]) -> list[Mention]:
    """«الوليد سالم وكامل يوسف»: two names the model tagged as one, joined by «و» glued to the second's
    first word, are two people (each of two words at least; «وليد», «ولد» are names' own words)."""
    out: list[Mention] = []
    for m in per:
        words = m.text.split()
        cut = next(
            (
                i
                for i in range(2, len(words) - 1)
                if _glued_conjunction(words[i], after_comma=True)
                and normalize(words[i]) not in NAME_PARTICLES
            ),
            None,
        )
        if cut is None:
            out.append(m)
            continue
        second = m.text.index(words[cut], len(" ".join(words[:cut])))
        first_end = m.start_char + len(m.text[:second].rstrip())
        out.append(replace(m, text=m.text[:second].rstrip(), end_char=first_end))
        start = m.start_char + second + 1  # after the «و»
        out.append(replace(m, text=m.text[second + 1 :], start_char=start))
    return out


def _trimmed_to_surnames(per: list[Mention]) -> list[Mention]:
    """«الفريق سعيد بن حمدان الحارثي انطباعه عن زيارته … وأشاد الحارثي»: a name the model ran one word past
    ends at the surname the article uses alone for the same person elsewhere."""
    alone = {normalize(m.text) for m in per if len(m.text.split()) == 1}
    if not alone:
        return per
    trimmed = []
    for m in per:
        words = m.text.split()
        if len(words) >= 3 and normalize(words[-1]) not in alone and normalize(words[-2]) in alone:
            end = m.start_char + m.text.rindex(words[-2]) + len(words[-2])
            m = replace(m, text=m.text[: end - m.start_char], end_char=end)
        trimmed.append(m)
    return trimmed


def _envoys_accompany(draft: Draft) -> None:
    """«كان في استقبال الضيف X وسفير فيتنام لدى البلاد Y»: an envoy met along with an official of his own
    country attends with him; he is not a side of the meeting."""
    principals = _principals(draft)
    if len(principals) < 3:
        return
    officials = {p.country for p in principals if p.country and not _is_envoy(p)}
    envoys = [o for o in draft.objects if _is_envoy(o) and o.country in officials]
    draft.objects = [o for o in draft.objects if o not in envoys]
    draft.attendees += envoys
    for envoy in envoys:
        draft.rule("envoy.accompanies_own_official", envoy)


def _one_after_another(people: list[Person], toks: list[Tok]) -> bool:
    """«استقبل X، ثم وفداً …», «… سفير قبرص X، ثم التقى سفير ماليزيا Y», «استقبل X وY، ثم Z»: each next
    one after «ثم», or joined by «و» to one before, «ثم» coming once at least."""
    pairs = list(pairwise(people))
    return any(_after_then(before, p, toks) for before, p in pairs) and all(
        _after_then(before, p, toks) or _joined_by_and(p, toks) for before, p in pairs
    )


def _after_then(before: Person, person: Person, toks: list[Tok]) -> bool:
    """«… X، ثم Y»: «ثم» stands between the two."""
    return any(t.norm == THEN for t in toks[before.tok_end : person.tok_start])


def _groups_at_then(objects: list[Party], thens: list[int]) -> list[list[Party]]:
    """«استقبل النائبين X وY، ثم وفداً …»: those met, a new group after each «ثم» (at the article offsets
    `thens`); one met whose place in the article is not known is a group of his own."""
    groups: list[list[Party]] = []
    for obj in objects:
        before = groups[-1][-1] if groups else None
        joined = (
            before is not None
            and before.name_end is not None
            and obj.name_start is not None
            and not any(before.name_end <= at < obj.name_start for at in thens)
        )
        if joined:
            groups[-1].append(obj)
        else:
            groups.append([obj])
    return groups


def _a_list(people: list[Person], toks: list[Tok]) -> bool:
    """«كما استقبل النائبين X وY، ثم وفداً …»: each next one joined by «و» or after «ثم», none standing
    right after the one before (as «كما استقبل وزير الدفاع X سفير Y» would, its subject and object)."""
    plural = bool(people) and bool(set(norm_words(people[0].title or "")[:1]) & PLURAL_OFFICE_WORDS)
    return len(people) > 1 and all(
        _joined_by_and(p, toks) or _after_then(before, p, toks) or (plural and _glued_on(before, p, toks))
        for before, p in pairwise(people)
    )


def _glued_on(before: Person, person: Person, toks: list[Tok]) -> bool:
    """«النائبين X وY»: the next name begins right where the one before ends, with «و» glued on."""
    at = person.tok_start
    return before.tok_end == at and _glued_conjunction(toks[at].text, after_comma=True)


def _envoys_of_several_states(objects: list[Party]) -> bool:
    """«استقبل الوزير سفير المكسيك X وسفير بنغلادش Y وسفير رومانيا Z»: ambassadors of different states are
    received one by one, each a meeting of its own."""
    countries = {o.country for o in objects if _is_envoy(o) and o.country}
    return len(countries) > 1 and all(_is_envoy(o) for o in objects)


def _one_from_each_state(objects: list[Party]) -> bool:
    """Counterparts of two or more states, one from each, every one's state told in the text."""
    countries = [o.country for o in objects if o.country and not o.inferred and not o.org_official]
    return len(countries) == len(objects) > 1 and len(set(countries)) == len(countries)


def _page_debris(text: str) -> bool:
    """«اقرأ أيضاً:», «Advertisement»: a short line of the page, not of the report."""
    words = tuple(w.lower() for w in norm_words(text))
    return len(words) <= DEBRIS_WORDS and any(words[: len(d)] == d for d in PAGE_DEBRIS)


def _joins_the_subject(principals: list[Person], toks: list[Tok], trigger: Match, voice: str) -> bool:
    """«استقبل الرئيس X، ووزير دفاعه Y، في موسكو، Z»: the second one named after the verb, joined to the
    first by «و» while the third is not, is on the subject's side."""
    if voice not in HOST_FIRST | SHARED or len(principals) < 3:
        return False
    first, second, third = principals[:3]
    if first.tok_start < trigger.end:
        return False
    return _joined_by_and(second, toks) and not _joined_by_and(third, toks)


def _joined_by_and(person: Person, toks: list[Tok]) -> bool:
    """«…، ووزير دفاعه Y», «… و اللواء Y», «…، وبيتر X»: the person is joined to the one before by «و»,
    written apart or glued to his office or name («وليد» is a name of its own)."""
    at = person.tok_start
    if at > 0 and toks[at - 1].norm == "و":
        return True
    word, office = toks[at].norm, norm_words(person.title or "")[:1]
    if office and word.startswith("و") and strip_al(word[1:]) == strip_al(office[0]):
        return True
    return _glued_conjunction(toks[at].text, after_comma=at > 0 and toks[at - 1].text in COMMAS)


def _aside_end(toks: list[Tok], people: list[Person], clause_start: int, attend_at: int) -> int:
    """«واستقبل جلالة الملك، بحضور X قائد …، في قصر الصخير Y سفير …»: attendance told in an aside between
    commas, before the one received, ends at the aside's closing comma (a «و» after it goes on with the
    attendees); the attendees otherwise run to the sentence's end."""
    end = len(toks)
    if attend_at == 0 or attend_at >= end or toks[attend_at - 1].text not in COMMAS:
        return end
    if sum(clause_start <= p.tok_start < attend_at for p in people) > 1:
        return end  # the one received is named before the aside
    close = next((k for k in range(attend_at + 1, end) if toks[k].text in COMMAS), None)
    if close is None or close + 1 >= end or toks[close + 1].norm.startswith("و"):
        return end
    after = next((p for p in people if p.tok_start > close), None)
    if after is None or toks[after.tok_start].norm.startswith("و") or toks[after.tok_start - 1].norm == "و":
        return end  # «بحضور A، قائد …، واللواء B»: the attendees go on
    return close


def _counterparts_of_several_states(subject: Party, objects: list[Party]) -> bool:
    """«التقى X، A وزير الدفاع الفرنسي، وB رئيس الأركان الأردني»: counterparts of two or more foreign states,
    no two of one state, are each a meeting of their own (a joint meeting says so, and is left whole)."""
    told = [o.country for o in objects if o.country and not o.inferred and not o.org_official]
    return (
        len(set(told)) >= 2
        and len(set(told)) == len(told)
        and subject.country not in told
        and all(o.name or o.title for o in objects)
    )


def _welcomed_by_own_envoys(draft: Draft) -> bool:
    """«وكان في استقبال سموه لدى وصوله سفير خادم الحرمين الشريفين لدى الولايات المتحدة»: a visitor
    welcomed only by envoys posted abroad, of his own country or of one the text does not contradict, is
    met by his own embassy: no meeting between sides."""
    if draft.voice != "visits" or draft.subject is None or not draft.objects:
        return False
    hosts = draft.objects
    if not all(_is_envoy(h) and h.posted_to and h.country for h in hosts):
        return False
    return draft.subject.country in {None, *(h.country for h in hosts)}


def _welcomed_by_own_side(draft: Draft) -> bool:
    """«زار الوزير قاعدة …، وكان في استقباله آمر القاعدة»: a welcome on arrival (the visitor is the one
    received) where every side whose state is known is of one state: an inspection at home, not a meeting
    between sides."""
    if not draft.welcome:
        return False
    countries = {p.country for p in _principals(draft) if p.country}
    return len(countries) == 1


# the rules that place a meeting where someone's visit took him: its guest is that visitor, from elsewhere
VISIT_PLACE_RULES = {
    "place.arrival", "place.on_a_visit", "place.visit_told", "place.visited_by_subject",
    "place.visited_country", "place.visited_dateline", "voice.subject_on_a_visit",
}  # fmt: skip


def _placed_by_a_visit(draft: Draft) -> bool:
    return any(rule in VISIT_PLACE_RULES for rule in draft.rules)


def _posted_abroad(party: Party) -> bool:
    """An ambassador, consul or attaché: a diplomat serving abroad."""
    words = norm_words(party.title or "")
    return bool(words) and strip_al(words[0]) in POSTED_ABROAD_WORDS


def _is_envoy(party: Party) -> bool:
    words = norm_words(party.title or "")
    return bool(words) and strip_al(words[0]) in ENVOY_WORDS


def _reported_clause(toks: list[Tok], trigger: Match, people: list[Person]) -> int:
    """The token after «أن» when the meeting is told in a clause of reported speech that names its own
    subject before the verb, and someone is named before «أن» (the one who reports it); else 0."""
    said = [i for i in range(trigger.start) if toks[i].norm in COMPLEMENTIZERS]
    if not said:
        return 0
    at = said[-1]
    own_subject = any(at < p.tok_start < trigger.start for p in people)
    reporter = any(p.tok_start < at for p in people)
    return at + 1 if own_subject and reporter else 0


def _masdar_with_its_agent(
    toks: list[Tok], trigger: Match, people: list[Person], masdars: frozenset[str]
) -> bool:
    """«عن استقبال X لـY»: a bare masdar (no pronoun) followed at once by its agent, then an object marked
    by «لـ», with someone named before it: that one is not a side of this meeting."""
    if strip_al(toks[trigger.end - 1].norm) not in masdars:
        return False
    after = [p for p in people if p.tok_start >= trigger.end]
    if (
        len(after) < 2
        or after[0].tok_start != trigger.end
        or not any(p.tok_start < trigger.start for p in people)
    ):
        return False
    return toks[after[1].tok_start].norm.startswith("ل")


def _subject_after_opening_masdar(
    toks: list[Tok], trigger: Match, principals: list[Person], opening: int
) -> bool:
    """«عقب استقباله X في مكتبه، أكد Y أهمية …»: a sentence opened by a possessive masdar (the last word of
    the phrase carries the pronoun) names its object first; the subject stands after a comma and a word of
    the main clause (a comma right before him would make him X's apposition)."""
    if trigger.start != opening or trigger.end - trigger.start < 2 or len(principals) < 2:
        return False
    if not toks[trigger.end - 1].norm.endswith(("ه", "ها")):
        return False
    first, second = principals[0], principals[1]
    if first.tok_start != trigger.end:
        return False
    between = toks[first.tok_end : second.tok_start]
    commas = [i for i, t in enumerate(between) if t.text in COMMAS]
    return bool(commas) and commas[-1] < len(between) - 1


def _two_states_named(draft: Draft) -> bool:
    """Named principals of two states, told in the text (a meeting read from a noun needs that much)."""
    states = {p.country for p in _principals(draft) if p.name and p.country and not p.inferred}
    return len(states) >= 2


def _visitor(draft: Draft) -> Party | None:
    """The visiting side's first person: the subject of a visit, else the first one met."""
    if draft.voice in GUEST_FIRST:
        return draft.subject
    return draft.objects[0] if draft.objects else None


MIN_NAME_PREFIX = 2  # words: a name told in part starts with at least its first two words


def _ends_a_sentence(text: str) -> bool:
    """Whether a sentence's text ends as a sentence does: a full stop, a question, a colon, a quote."""
    return text.rstrip().endswith((".", "!", "؟", "?", ":", "»", '"'))


def _foreign_named_attendee_of_the_visitors(draft: Draft, att: Party, here: str) -> None:
    """«وحضر اللقاء … المستشار السياسي بيير X» at an Arab host's meeting with a visitor of a foreign
    name: an attendee of such a name, whose state is not told, came with the visitor."""
    if att.name is None or not foreign_given_name(att.name):
        return
    principals = _principals(draft)
    locals_ = [p for p in principals if p.country == here and p.name]
    visitors = [p for p in principals if p.country and p.country != here and p.name]
    if (
        locals_
        and not any(foreign_given_name(p.name or "") for p in locals_)
        and len({p.country for p in visitors}) == 1
        and all(foreign_given_name(p.name or "") for p in visitors)
    ):
        att.country, att.inferred = visitors[0].country, True
        draft.rule("country.foreign_named_attendee_of_the_visitors", att)


def _list_mates_share_a_state(draft: Draft) -> None:
    """«التقى X وزير الدفاع السوري A، ووزير الخارجية B، ورئيس جهاز الاستخبارات C»: those met in one
    list after a named state's official, with no state of their own, are of that state (when all
    those met whose state is told are of one state, not the subject's)."""
    told = [o for o in draft.objects if o.country and not o.inferred and o.name_start is not None]
    states = {o.country for o in told}
    if len(states) != 1 or draft.subject is None or draft.subject.country in states:
        return
    state, first = states.pop(), min(o.name_start for o in told if o.name_start is not None)
    for obj in draft.objects:
        after_first = obj.name_start is not None and obj.name_start > first
        if obj.country is None and not obj.org_official and after_first:
            obj.country, obj.inferred = state, True
            draft.rule("country.list_mates_share_state", obj)


def _first_word(title: str | None) -> str:
    """A title's first word, normalised («وفداً …» → «وفدا»); "" for none."""
    return next(iter(normalize(title or "").split()), "")


def _members_of_the_delegation(draft: Draft) -> None:
    """«استقبل X وفداً من الكونغرس الأميركي ضم النائبين A وB»: the members named of one state's
    delegation, whose state is not told, are of that state; the delegation itself, its members named, is no
    participant."""
    groups = [
        p
        for p in [*draft.objects, *draft.attendees]
        if p.name is None and p.country and _first_word(p.title) in DELEGATION_WORDS
    ]
    members = [o for o in draft.objects if o.name and o.country is None and not o.org_official]
    if len(groups) != 1 or not members:
        return
    group = groups[0]
    if draft.subject is not None and draft.subject.country == group.country:
        return
    for member in members:
        member.country, member.inferred = group.country, True
        draft.rule("country.member_of_the_delegation", member)
    if group in draft.attendees:
        draft.attendees.remove(group)
    else:
        draft.objects.remove(group)


def _where_the_envoy_is_posted(draft: Draft) -> None:
    """«استقبل رئيس الحكومة X السفير الروسي في مالي Y»: a principal whose state is not told, meeting another
    state's envoy to a state, is of the state the envoy is posted to."""
    principals = _principals(draft)
    postings = {
        p.posted_to
        for p in principals
        if p.posted_to and p.country and p.posted_to != p.country and _is_envoy(p)
    }
    if len(postings) != 1:
        return
    posting = postings.pop()
    for p in principals:
        if p.country is None and not p.org_official and not p.posted_to:
            p.country, p.inferred = posting, True
            draft.rule("country.where_the_envoy_is_posted", p)


def _attendees_at_a_neutral_venue(draft: Draft) -> None:
    """«التقى وزير الداخلية السعودي، في تونس، نظيره العراقي. حضر اللقاء A، وB، وسفير المملكة لدى تونس C»:
    at a meeting held in neither side's state, the attendees whose state is not told came with the side
    whose officials the list does name (when it names one side's only)."""
    venue = draft.place.country if draft.place is not None else None
    sides = {p.country for p in _principals(draft) if p.country}
    if not venue or venue in sides or len(sides) < 2:
        return
    told = {a.country for a in draft.attendees if a.country and not a.inferred}
    if len(told) != 1 or not told <= sides:
        return
    state = told.pop()
    for att in draft.attendees:
        if att.country is None and not att.org_official:
            att.country, att.inferred = state, True
            draft.rule("country.attendees_of_the_side_named_at_a_neutral_venue", att)


def _visitor_goes_on(draft: Draft, current: Draft | None) -> bool:
    """«التقى الوزير X في مانيلا نظيره … وبحث الوزير مع Y …»: the one visiting in the meeting before, again
    the subject of a meeting that names no place, is still on the same visit."""
    if current is None or current.place is None or draft.subject is None or not current.place.country:
        return False
    key = draft.subject.key()
    return any(
        p.key() == key and p.country is not None and p.country != current.place.country
        for p in _principals(current)
    )


def _principals(draft: Draft) -> list[Party]:
    return [p for p in [draft.subject, *draft.objects] if p is not None]


def _told_again(later: Draft, kept: Draft) -> bool:
    """Whether `later` is `kept` told again («وزير الدفاع يستقبل نظيره البريطاني» before the report names
    both): the same countries on both sides, the same day, and no principal named in one that the other
    names differently (an unnamed principal of a country stands for the named one of that country)."""
    if not _same_kind(later, kept) or (later.date and kept.date and later.date != kept.date):
        return False
    countries = {p.country for p in _principals(later)}
    if None in countries or len(countries) < 2 or countries != {p.country for p in _principals(kept)}:
        return False
    for party in _principals(later):
        if party.name is None:
            continue
        same_side = [p for p in _principals(kept) if p.country == party.country]
        if not any(
            (p.name is not None and _one_name(p.name, party.name))
            or (p.name is None and _same_office(p, party))
            for p in same_side
        ):
            return False
    return True


def _same_kind(a: Draft, b: Draft) -> bool:
    """The same kind of event, or talks whose kind the verb did not tell («بحث X مع Y») and a call."""
    if a.event_type == b.event_type:
        return True
    untold = {d.event_type for d in (a, b) if not d.kind_told}
    return untold == {"meeting"} and {a.event_type, b.event_type} == {"meeting", "call"}


def _one_name(a: str, b: str | None) -> bool:
    """The same person named in full and in part («سالم جابر العلي» and «سالم جابر العلي الراشد»)."""
    if b is None:
        return False
    shorter, longer = sorted((normalize(a).split(), normalize(b).split()), key=len)
    return _names_match(a, b) or (len(shorter) >= MIN_NAME_PREFIX and longer[: len(shorter)] == shorter)


def _same_office(unnamed: Party, named: Party) -> bool:
    """An unnamed principal stands for a named one of the same office (one title holds the other)."""
    if not unnamed.title or not named.title:
        return False
    a, b = " ".join(_title_key(unnamed.title)), " ".join(_title_key(named.title))
    return a in b or b in a


def _one_per_meeting(drafts: list[Draft]) -> list[Draft]:
    """Each meeting once: a meeting told again in an article keeps the telling that names more of its
    principals (the headline's or the lead's summary adds nothing)."""
    kept: list[Draft] = []
    for draft in drafts:
        twin = next((k for k in kept if _told_again(draft, k) or _told_again(k, draft)), None)
        if twin is None:
            kept.append(draft)
            continue
        named = sum(p.name is not None for p in _principals(draft))
        better, other = (
            (draft, twin) if named > sum(p.name is not None for p in _principals(twin)) else (twin, draft)
        )
        if better.event_type != other.event_type and other.event_type == "call":
            better, other = other, better  # talks told again as a call: the call says how, and who called
        kept[kept.index(twin)] = better
        better.rule("merge.told_again")
        known = {p.key() for p in better.parties()}
        better.attendees += [
            a for a in other.attendees if a.key() not in known
        ]  # who attended, told either time
        better.topics |= other.topics
        if better.date is None and other.date is not None:
            better.date, better.date_note = other.date, other.date_note
    return kept


def meeting_id_for(article_id: str, index: int) -> str:
    return hashlib.sha256(f"{article_id}:{index}".encode()).hexdigest()[:16]


def extract_meetings(
    article: Article, sentences: list[Sentence], mentions: list[Mention], model_name: str = ""
) -> list[Meeting]:
    """Every meeting the article reports as news, with participants, place, date and topics."""
    with reading_article(article.text):
        return _meetings_of(article, sentences, mentions, model_name)


def decisions(article: Article, sentences: list[Sentence], mentions: list[Mention]) -> list[Decision]:
    """What the trigger and the engine's rules decided on each sentence (`majlis explain`, and the rules'
    examples as tests)."""
    with reading_article(article.text):
        reader = ArticleReader(article, sentences, mentions)
        reader.read()
        return reader.trace


def _meetings_of(
    article: Article, sentences: list[Sentence], mentions: list[Mention], model_name: str
) -> list[Meeting]:
    reader = ArticleReader(article, sentences, mentions)
    meetings: list[Meeting] = []
    drafts = reader.read()
    for draft in drafts:
        reader.finish(draft)
    drafts = [d for d in drafts if not _welcomed_by_own_side(d)]
    for index, draft in enumerate(_one_per_meeting(drafts)):
        meeting_id = meeting_id_for(article.article_id, index)
        parties = draft.parties()
        participants = [
            Participant(
                meeting_id=meeting_id,
                article_id=article.article_id,
                participant_index=i,
                person_name=p.name,
                title=p.title,
                rank=p.rank,
                country_code=p.country,
                role=draft.role_of(p),
                name_start=p.name_start,
                name_end=p.name_end,
                rules=draft.rules_of(p),
            )
            for i, p in enumerate(parties)
        ]
        hosts = [p.country for p in parties if draft.role_of(p) == "host" and p.country]
        guests = [p.country for p in parties if draft.role_of(p) == "guest" and p.country]
        place = draft.place or Place(None, None)
        meetings.append(
            Meeting(
                meeting_id=meeting_id,
                article_id=article.article_id,
                meeting_index=index,
                event_type=draft.event_type,
                meeting_date=draft.date,
                date_note=draft.date_note,
                city=place.city,
                location_country_code=place.country,
                host_country_code=hosts[0] if hosts else None,
                guest_country_code=guests[0] if guests else None,
                countries=sorted({p.country for p in parties if p.country}),
                topics=[t for t in TOPICS if t in draft.topics],
                evidence_sentence=draft.sentence.text,
                evidence_start=draft.sentence.start_char,
                evidence_end=draft.sentence.end_char,
                confidence=0.0,  # set below, from the finished meeting
                pipeline_version=PIPELINE_VERSION,
                model_name=model_name,
                participants=participants,
                rules=list(draft.rules),
            )
        )
        meetings[-1] = replace(meetings[-1], confidence=confidence(meetings[-1]))
    return meetings
