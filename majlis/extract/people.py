"""Person phrases in a sentence: honorific, rank, name, office title and the country they stand for.

Arabic news names officials in three shapes, all handled by one segment parser:
  «<title> <nisba>، <rank> <name>،»        (title, then the name in apposition)
  «<rank> <name>، <title>،»                (name, then the title)
  «<honorific> <title> <honorific> <name>» (no comma at all)
Names come from Stanza PER mentions and from the words after a rank or honorific; titles are the
segment that starts with an office word («رئيس», «وزير», «سفير», «آمر», …).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from majlis.extract.countries import (
    country_of_phrase,
    find_countries,
    find_organisations,
    strip_country_words,
)
from majlis.extract.tokens import Match, Tok, Tokens, norm_words, strip_al, tokenize
from majlis.extract.vocab import pattern, vocabulary, words
from majlis.nlp.ner import not_name_kind
from majlis.text import ARABIC_DIACRITICS, TATWEEL, normalize, normalize_word, without_clitic

MAX_NAME_TOKENS = 5
NAME_PARTICLES = set(words("people.yaml", "name_particles"))  # «ال» as «آل» normalises
VERB_TIME_WORDS = set(words("people.yaml", "verb_time_words"))  # normalised
BOUND_TO_NEXT = set(words("people.yaml", "bound_to_next"))  # normalised: a name never ends on them
MAX_NAMELESS_TITLE_TOKENS = 10
MAX_BRACKETED_TOKENS = 3  # an acronym or transliteration in brackets inside a title
MAX_TRANSLITERATED_TOKENS = 8  # a name in Latin letters after its Arabic spelling: «(Jean-Paul Mathieu)»
NAME_JOINERS = {"-", ".", "'", "’"}  # inside a Latin name: «Ji-hwan», «J.», «O'Neil»
# a posting or a newness remark after a title is not part of it: «سفيرة لدى الدولة», «المعين حديثاً»
POSTING = pattern("people.yaml", "posting")
POSTED_TO = pattern("people.yaml", "posted_to")
# «نظيره»: his counterpart (normalised, with the clitics it is written with)
COUNTERPART_NOUNS = set(words("people.yaml", "counterpart_nouns"))
COUNTERPART_WORDS = set(words("people.yaml", "counterpart_with")) | COUNTERPART_NOUNS
MIN_FAMILY_NAME = 5  # letters, «ال» included: «الدبيبة», not «الى»
MIN_NAME_AFTER_AND = 4  # letters: «و» plus a name of three or more
CLEAN_NAME_TOKENS = 4  # a name longer than this before a comma is more likely a name plus more
DELEGATION_NOUNS = set(words("people.yaml", "delegation_nouns"))  # normalised
LEADING_WORDS = set(words("people.yaml", "leading_words"))  # normalised: «على رأس وفد»
DELEGATION_HEAD_REACH = 12  # tokens from «وفد» to the «برئاسة» that names its head
DELEGATION_HEADS = set(words("people.yaml", "delegation_heads"))  # «وفد … برئاسة X»
PAY_VISIT_VERBS = set(words("meetings.yaml", "pay_visit_verbs"))  # «قام X بزيارة …»: a visit paid
PAID_VISITS = set(words("meetings.yaml", "paid_visits"))
PAID_VISIT_REACH = 20  # words from «قام» to «بزيارة» (and from «تسلم» to «اعتماد»)
CREDENTIAL_VERBS = set(words("meetings.yaml", "credential_verbs"))  # «تسلم … أوراق اعتماد …»
CREDENTIALS = set(words("meetings.yaml", "credentials"))
# «عن الجانب العماني …», «ومن الجانب الهندي …», «ويضم الوفد الإسباني، على الخصوص، …»
SIDE_WORDS = set(words("people.yaml", "side_words"))
COUNTERPART_PLACE_WORDS = set(words("people.yaml", "counterpart_serving_in"))  # «نظيره في الفلبين X»
DELEGATION_REACH = 8  # words back from «برئاسة» to the delegation's country
# «… الذي يزور البلاد», «وفداً من … كوريا يزور البلاد حالياً»: the one before it is the visiting side
VISITING_NOW = set(words("people.yaml", "visiting_now"))
MASDAR_LEADS = set(words("people.yaml", "masdar_leads"))  # normalised: «خلال لقائه», «لدى استقباله»
MASDAR_REACH = 3
ASIDE_OPENERS = set(words("people.yaml", "aside_openers"))  # normalised: «، خلال زيارته …،»
# a word with a preposition or conjunction glued to the article («بالمواقف», «للكويت») is never a name
PREPOSITIONAL = tuple(words("people.yaml", "prepositional"))
MIN_STEM = 3  # letters a glued word keeps after its prefix: «فالح», «والي» are names, not ف/و + ال
TIME_AFTER = set(words("people.yaml", "time_after"))
FOREIGN_PARTICLES = set(
    words("people.yaml", "foreign_particles")
)  # «دي لا», «دو لا»: particles of Spanish and French names
LINEAGE = set(words("people.yaml", "lineage"))  # «ال» as in «آل خليفة», once normalised
# «في مكتبه», «في مقر الوزارة», «بقصر …»: where they met, not their office
OFFICE_PLACE = set(words("people.yaml", "office_place"))
MIN_KNOWN_OFFICE_WORDS = 2  # «وزير الدفاع»: «نائب» alone, before «رئيس الوزراء», is part of one office
MAX_PLACE_RUN = 8  # «في مكتبه بمقر القيادة العامة،»: words from the verb to the comma before its object
MAX_TIME_RUN = 5  # «، اليوم،», «في مكتبه اليوم»: words between a subject and the office he received
# «عقد … رئيس الأركان اجتماعا»: the meeting itself, after the subject's title
MEETING_OBJECTS = set(words("people.yaml", "meeting_objects"))
DELIVERED = set(
    words("people.yaml", "delivered")
)  # «تسلم الوزير رسالة خطية من …»: what was handed over, not the office
# words that end a title: what follows is no longer the office («… والوفد المرافق له», «… بمكتبه اليوم»)
TITLE_STOPS = set(words("people.yaml", "title_stops"))
# words before a clause's subject: «وكان الوزير قد التقى …», «قام قائد السفينة بزيارة مجاملة …»
SUBJECT_LEADS = set(words("people.yaml", "subject_leads"))
COMPLEMENTIZERS = set(
    words("people.yaml", "complementizers")
)  # «صرح المتحدث … بأن الفريق X التقى»: a new clause
HERE_WORDS = tuple(words("people.yaml", "here_words"))  # every «posted here» phrase has one of these
HERE_NORMS = {normalize(w) for w in HERE_WORDS}
POSTING_WORDS = {normalize(w) for w in words("people.yaml", "posting_words")}  # «لدى»
ACCOMPANYING = {normalize(w) for w in words("people.yaml", "accompanying")}
# «… رئيس الأركان حول التدريب»: what they discussed, not the office
SUBJECT_MATTER = set(words("people.yaml", "subject_matter"))
# «زار رئيس الأركان جناح الصناعات الدفاعية بالمعرض»: the stand visited, not the office
VISITED_STANDS = set(words("people.yaml", "visited_stands"))
TITLE_STOPS |= (
    VISITED_STANDS
    | TIME_AFTER
    | OFFICE_PLACE
    | MEETING_OBJECTS
    | DELIVERED
    | SUBJECT_MATTER
    | COMPLEMENTIZERS
)
SOFT_STOPPERS = set(words("people.yaml", "soft_stoppers"))
LEFT_TITLE_STOPS = (
    TIME_AFTER
    | SOFT_STOPPERS
    | OFFICE_PLACE
    | COMPLEMENTIZERS
    | set(words("people.yaml", "left_title_extra"))
)


@dataclass(frozen=True)
class Person:
    """One official named (or only titled) in a sentence; offsets are into the sentence."""

    name: str | None
    name_start: int | None
    name_end: int | None
    title: str | None
    rank: str | None
    country: str | None  # stated in the text (nisba, «سفير اليابان»), not inferred
    org_official: bool  # speaks for an international organisation: never a country
    tok_start: int  # first token of the whole phrase (title or honorific or rank)
    tok_end: int  # token after the phrase
    posted_to: str | None = None  # a diplomat's host country («سفير … لدى الكويت»)
    posted_here: bool = False  # posted to the article's own country («سفير كندا لدى البلاد»)
    heads_delegation: bool = False  # named after «برئاسة»: the visiting side, never the verb's subject
    of_an_embassy: bool = False  # «الملحق العسكري في السفارة»: an embassy whose country is not said

    @property
    def surname(self) -> str | None:
        return normalize(self.name).split()[-1] if self.name else None


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and ch < "\u0250"  # Basic Latin to Latin Extended-B: «Müller», «Đặng» not Arabic


def _unbracket_rank_branches(toks: list[Tok]) -> list[Tok]:
    """«الفريق الركن (طيار)»: brackets around a rank's branch word are dropped, so the rank reads whole.
    Tokens keep their offsets into the sentence, so names and titles still cut the text right."""
    branches = vocabulary().rank_branches
    drop: set[int] = set()
    for i in range(1, len(toks) - 1):
        if toks[i - 1].text == "(" and toks[i + 1].text == ")" and strip_al(toks[i].norm) in branches:
            drop.update((i - 1, i + 1))
    if not drop:
        return toks
    return Tokens(t for i, t in enumerate(toks) if i not in drop)


NAME_OPENERS = {"/", '"', "«", "“"}
NAME_CLOSERS = {"/", '"', "»", "”"}


def _unwrap_names(toks: list[Tok], per_spans: list[tuple[int, int]]) -> list[Tok]:
    """«اللواء الركن/ محمد ناصر»، «السفير الأمريكي /جون سميث/», «السيد "عبد الأمير الحسني"»: a slash or quote
    mark opening a tagged name is dropped, so the rank or office before it reads through to the name (the
    closing one stays, it ends the name, unless an office follows it)."""
    starts = {a for a, _ in per_spans}
    ends = {b for _, b in per_spans}
    drop = {i for i, tok in enumerate(toks[:-1]) if tok.text in NAME_OPENERS and toks[i + 1].start in starts}
    # «الأستاذ "X" رئيس ممثلية …»: the closing mark before the name's office goes too, so the office
    # after the name reads as his
    drop |= {
        i
        for i in range(1, len(toks) - 1)
        if toks[i].text in NAME_CLOSERS
        and toks[i - 1].end in ends
        and vocabulary().title_heads.match_at(toks, i + 1) is not None
    }
    if not drop:
        return toks
    return Tokens(t for i, t in enumerate(toks) if i not in drop)


# «الرئيس التنفيذي لشركة «ستراتوس» الأمريكية», «قائد الفرقاطة «شلاتين»»: a quoted own name after these is
# part of the office, and the country word after it is the company's or the ship's
QUOTED_NAME_OWNERS = frozenset(norm_words(" ".join(words("people.yaml", "quoted_name_owners"))))
COMMAS = frozenset({"،", ",", "؛", ";"})  # Arabic and Latin, and the semicolons some lists are set off by
MAX_QUOTED_NAME = 8  # tokens between the quotes
QUOTE_PAIRS = {'"': '"', "“": "”", "«": "»"}


CLOSING_QUOTES = {close: opening for opening, close in QUOTE_PAIRS.items()}  # a closing mark -> its opening
QUOTE_MARKS = frozenset(QUOTE_PAIRS) | frozenset(QUOTE_PAIRS.values())


def _unquote_own_names(toks: list[Tok]) -> list[Tok]:
    """Quote marks around the own name of a company or a ship are dropped, so its office reads through.
    Tokens keep their offsets into the sentence, so the title's text keeps the quotes."""
    owners = QUOTED_NAME_OWNERS | vocabulary().unit_nouns
    drop: set[int] = set()
    for i in range(1, len(toks)):
        if toks[i].text not in {"«", '"'}:
            continue
        owner = strip_al(toks[i - 1].norm)
        if owner not in owners and not (owner[:1] in "لب" and strip_al(owner[1:]) in owners):
            continue
        close = "»" if toks[i].text == "«" else '"'
        end = next(
            (k for k in range(i + 1, min(len(toks), i + 2 + MAX_QUOTED_NAME)) if toks[k].text == close), None
        )
        if end is not None and end > i + 1:
            drop.update((i, end))
    if not drop:
        return toks
    return Tokens(t for i, t in enumerate(toks) if i not in drop)


def _is_prepositional(word: str) -> bool:
    return any(word.startswith(p) and len(word) - len(p) >= MIN_STEM for p in PREPOSITIONAL)


def _is_boundary(tok: Tok) -> bool:
    return tok.is_punct or tok.norm in TITLE_STOPS


class _SentenceParse:
    def __init__(self, text: str, per_spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.toks = _unwrap_names(_unquote_own_names(_unbracket_rank_branches(tokenize(text))), per_spans)
        v = vocabulary()
        self.v = v
        n = len(self.toks)
        self.rank: dict[int, Match] = {
            m.start: m for matcher in (v.definite_ranks, v.ranks) for m in matcher.find_all(self.toks)
        }
        self.rank_ends = {m.end for m in self.rank.values()}
        self._rank_words = {i for m in self.rank.values() for i in range(m.start, m.end)}
        # «عبد الأمير»: a word bound to the next one makes it a name, not an honorific
        self.honorific: dict[int, Match] = {
            m.start: m
            for m in v.honorifics.find_all(self.toks)
            if not (m.start > 0 and self.toks[m.start - 1].norm in BOUND_TO_NEXT)
        }
        self.title_head: dict[int, Match] = {m.start: m for m in v.title_heads.find_all(self.toks)}
        self.group_at: set[int] = {m.start for m in v.group_heads.find_all(self.toks)}
        self.delegation_at = {  # «وفداً», «بوفد», «والوفد»
            i for i, t in enumerate(self.toks) if without_clitic(t.norm, DELEGATION_NOUNS) in DELEGATION_NOUNS
        }
        self.group_at |= {i for i in self.delegation_at if not self._headed(i)}
        self.trigger_at: set[int] = {i for m in v.triggers.find_all(self.toks) for i in range(m.start, m.end)}
        self.trigger_at |= {  # «الرئيس الموريتاني تسلم أوراق اعتماد سفير …»: credentials handed over
            i
            for i, t in enumerate(self.toks)
            if t.norm in CREDENTIAL_VERBS
            and any(u.norm in CREDENTIALS for u in self.toks[i + 1 : i + 1 + PAID_VISIT_REACH])
        }
        self.trigger_at |= {  # «قام وفد من … بزيارة»: the visit paid by the one after «قام»
            i
            for i, t in enumerate(self.toks)
            if t.norm in PAID_VISITS
            and any(u.norm in PAY_VISIT_VERBS for u in self.toks[max(0, i - PAID_VISIT_REACH) : i])
        }
        self.attend_at: set[int] = {
            i for m in v.attendance.find_all(self.toks) for i in range(m.start, m.end)
        }
        self.per_tok_spans = [self._tok_span(a, b) for a, b in per_spans]
        self.country_at: set[int] = set()
        self.country_code_at: dict[int, str] = {}
        for hit in find_countries(text):
            hit_toks = [i for i, t in enumerate(self.toks) if t.start < hit.end and t.end > hit.start]
            bare = hit.kind == "nisba" and "ال" not in normalize(hit.surface)[:4]
            if bare and not (hit_toks and self._after_a_delegation(hit_toks[0])):
                continue  # a bare nisba can be a surname («روسي», «تركي»); «الروسي» or «وفداً تركياً» cannot
            if hit.kind == "nisba" and self._is_family_name(hit_toks):
                continue
            for i in hit_toks:
                self.country_at.add(i)
                self.country_code_at[i] = hit.code
        self.name_tokens: set[int] = set()
        self.n = n

    def led(self, i: int) -> bool:
        """«على رأس وفد»: the delegation at token i is the one a person named before leads."""
        return any(t.norm in LEADING_WORDS for t in self.toks[max(0, i - 2) : i])

    def _headed(self, i: int) -> bool:
        """«وفد … برئاسة X»: someone heads the delegation at token i (then X is the participant)."""
        return any(t.norm in DELEGATION_HEADS for t in self.toks[i + 1 : i + 1 + DELEGATION_HEAD_REACH])

    def _after_a_delegation(self, k: int) -> bool:
        """The adjective at token k qualifies a delegation a word or two before («وفداً عسكرياً تركياً»)."""
        return any(j in self.delegation_at for j in range(max(0, k - 2), k))

    def _is_family_name(self, toks: list[int]) -> bool:
        """A nisba that ends a PER span after a lineage («ناصر بن حمد الكندي», «فهد بن علي التركي») is
        the family's name, not the person's country: Arabic news puts the country before the name."""
        if len(toks) != 1:
            return False
        for first, last in self.per_tok_spans:
            if last - 1 == toks[0] and any(self.toks[k].norm in LINEAGE for k in range(first, last - 1)):
                return True
        return False

    def _ends_cleanly(self, start: int, end: int) -> bool:
        """A name run after a rank or honorific that stops within a few words at punctuation, a title, a
        time word or a word never in a name («اللواء الركن سامي الخوالدة،», «الجنرال فرانسوا دوبوا رئيس …»,
        «… صباح أمس», «… بمقر»): a surer end than a shorter span of the model's."""
        if end - start > CLEAN_NAME_TOKENS:
            return False
        if end >= self.n or self.toks[end].is_punct or end in self.title_head:
            return True
        word = self.toks[end].norm
        known_stop = word in SOFT_STOPPERS or word in self.v.name_stoppers or _is_prepositional(word)
        return word in TIME_AFTER or (known_stop and self.is_stop(end))

    def _inside_person(self, i: int) -> bool:
        """Token i is inside a PER span, with name words on both sides of it."""
        return any(first < i < last - 1 for first, last in self.per_tok_spans)

    def _tok_span(self, start: int, end: int) -> tuple[int, int]:
        idx = [i for i, t in enumerate(self.toks) if t.start < end and t.end > start]
        return (idx[0], idx[-1] + 1) if idx else (0, 0)

    def is_stop(self, i: int) -> bool:
        tok = self.toks[i]
        if i > 0 and _is_latin_letter(self.toks[i - 1].text[:1]) and not _is_latin_letter(tok.text[:1]):
            return True  # «الجنرال John Miller على رأس وفد»: a name in Latin letters ends with them
        if i > 0 and self.toks[i - 1].norm in BOUND_TO_NEXT and any(a < i < b for a, b in self.per_tok_spans):
            return False  # «عبد الأمير»: the word after «عبد» in a tagged name, even a title word
        if tok.is_punct or i in self.trigger_at or i in self.attend_at or tok.norm in self.v.clause_verbs:
            return True
        head = self.title_head.get(i)
        if head is not None and head.end - head.start == 1 and self._inside_person(i):
            return False  # «محمد الأمين ولد …»: a one-word title inside a name the model saw whole
        if head is not None and head.end - head.start == 1 and (i + 1 >= self.n or self.toks[i + 1].is_punct):
            return False  # «اللواء عاصم نواز ملك، المدير …»: an office word is never a whole title
        if i > 0 and tok.norm in self.v.surname_titles and i + 1 not in self.country_at:
            # «الأدميرال طارق جاويد ملك قائد البحرية»: Malik, the surname («… ملك الأردن» is the office)
            return False
        if i in self.honorific and any(first < i < last for first, last in self.per_tok_spans):
            # «محمد ولد سيدي الشيخ», «محمد الشيخ محمد الأمين»: an honorific word ending a name the model saw
            # whole, or inside it
            return False
        if i in self.rank and i in self.rank_ends:
            return False  # «العميد رائد …»: a rank word right after a rank is the first name
        if i in self.rank or i in self.title_head or i in self.honorific or i in self.group_at:
            return True
        if tok.norm in SOFT_STOPPERS:
            return i + 1 < self.n and self.toks[i + 1].norm in TIME_AFTER
        if i in self.country_at and self._inside_person(i):
            return False  # «بامبانغ سوريا ديرجا»: a name word that is also a country, inside a tagged name
        if _is_prepositional(tok.norm) and any(
            first <= i < last - 1 or first < i < last for first, last in self.per_tok_spans
        ):
            # «إنغريد فالستروم», «فاليري X»: a foreign name word that reads like ف + ال, inside a tagged name
            # (or first in one that goes on)
            return False
        if i in self.country_at or _is_prepositional(tok.norm):
            return True
        if tok.norm == "لا" and i > 0 and self.toks[i - 1].norm in FOREIGN_PARTICLES:
            return False  # «رامون دي لا كروز»: not the negation
        if tok.text.startswith("آ"):
            return False  # «آن» (a name) folds to «ان» like the particle «أن», which a madda never starts
        # «الأمير X قضايا أمنية»: a word that is never in a name (the NER filter's list) ends the name
        return tok.norm in self.v.name_stoppers or tok.norm.isdigit() or not_name_kind(tok.text) == "never"

    def prefix_run(self, i: int) -> int:
        """Skip honorifics and ranks starting at token i; return the first token after them. A second rank
        after a rank is a first name («العميد رائد خليل»: «رائد», a rank, is also a name)."""
        ranked = False
        while i < self.n:
            rank = self.rank.get(i)
            m = self.honorific.get(i) or (None if ranked else rank)
            if not m:
                break
            ranked = ranked or m is rank
            i = m.end
            while m is rank and i < self.n and strip_al(self.toks[i].norm) in self.v.rank_branches:
                i += 1  # «اللواء الركن بحري طيار»: more branch words than the rank phrases spell out
        if ranked and i + 1 < self.n and i in self.country_at and i + 1 not in self.country_at:
            i += 1  # «الجنرال الإيطالي X»: the rank's state between it and the name
        return i

    def prefix_country(self, start: int, name_start: int) -> str | None:
        """«الجنرال الإيطالي X»: the state told between a rank and the name."""
        return next(
            (self.country_code_at[k] for k in range(start, name_start) if k in self.country_code_at), None
        )

    def name_run(self, i: int) -> int:
        """End of a name starting at token i (exclusive)."""
        j, cap = i, self.name_cap(i)
        while j < cap and not self.is_stop(j):
            j += 1
        return j

    def name_cap(self, i: int) -> int:
        """The furthest end of a name starting at token i: MAX_NAME_TOKENS words, not counting the
        particles written apart («عبد الرحمن بن عبد الله أبو حيمد» is four names long)."""
        j, words = i, 0
        while j < self.n and words < MAX_NAME_TOKENS:
            words += self.toks[j].norm not in NAME_PARTICLES
            j += 1
        return j

    def names(self) -> list[tuple[int, int, int]]:
        """(phrase_start, name_start, name_end) token triples, left to right, non-overlapping."""
        found = [n for n in self._names() if not self._names_an_institution(n[0], n[1])]
        self.name_tokens = {k for _, a, b in found for k in range(a, b)}
        return found

    def _names(self) -> list[tuple[int, int, int]]:
        found: list[tuple[int, int, int]] = []
        i = 0
        while i < self.n:
            if i in self.rank or i in self.honorific:
                start = i
                j = self.prefix_run(i)
                if j + 1 < self.n and self.toks[j].text in COMMAS and i in self.rank:
                    j += 1  # «استقبل الفريق، X، رئيس …»: a comma between the rank and the name
                end = self.name_run(j)
                per = next((s for s in self.per_tok_spans if s[0] <= j < s[1]), None)
                if per and per[1] > end and not any(self.is_stop(k) for k in range(end, per[1])):
                    end = min(per[1], self.name_cap(j))
                elif (
                    per
                    and per[0] == j
                    and per[1] < end
                    and (not self._ends_cleanly(j, end) or self._family_name_alone(per))
                ):
                    end = per[1]  # the model saw where the name ends
                if end > j and not (end - j == 1 and self.rank.get(start) and len(self.toks[j].norm) < 3):
                    found.append((start, j, end))
                    i = end
                    continue
                i = max(j, i + 1)
                continue
            i += 1
        taken = {k for _, a, b in found for k in range(a, b)}
        for a, b in self.per_tok_spans:
            if (
                b <= a
                or any(k in taken for k in range(a, b))
                or all(k in self.delegation_at for k in range(a, b))
            ):
                continue  # («بوفد»: the model took a delegation for a person)
            start = self.prefix_run(a)
            end = start
            while end < b and not self.is_stop(end):
                end += 1
            if (
                end == b
                and not self.toks[b - 1].norm.startswith("ال")
                and b not in taken
                and self._family_name_at(b)
            ):
                end += (
                    1  # «عبدالحميد [الدبيبة]», «حمادي ولد محمد [الأمين]»: the model stopped before the family
                )
            if end > start:
                found.append((a, start, end))
        found += self._untagged_after_offices({k for _, a, b in found for k in range(a, b)})
        found += self._quoted_after_offices({k for _, a, b in found for k in range(a, b)})
        return sorted(found)

    def _untagged_after_offices(self, taken: set[int]) -> list[tuple[int, int, int]]:
        """Names the model missed right after an office that ends in a country word, in a meeting
        sentence, after its verb («التقى … وزير الدفاع الروسي إيفان بتروف، …»): two to four words that are
        no office, country, time or function word, up to a comma, a full stop or such a word."""
        if not self.trigger_at:
            return []
        first_trigger = min(self.trigger_at)
        found: list[tuple[int, int, int]] = []
        # «بنظيره العراقي X»: the counterpart noun stands for an office
        counterparts = {i for i, t in enumerate(self.toks) if t.norm in COUNTERPART_NOUNS}
        for head in sorted(set(self.title_head) | counterparts):
            if head in taken:
                continue
            end = self._after_country(head) if head in counterparts else self.nameless_title_end(head)
            if end - 1 not in self.country_at or end in taken:
                continue
            end = self._after_posting(end)  # «السفير العراقي لدى البلاد X»: the posting stands between
            between_commas = end + 1 < self.n and self.toks[end].text in COMMAS and end + 1 not in taken
            if head <= first_trigger and not (between_commas and self.toks[end - 2].norm.startswith("ال")):
                # before the verb, only a name set off by commas after the office's state adjective
                # («وزير الدفاع السوري، X،») is sure to be the office's holder
                continue
            end += between_commas  # «وزير الدفاع السوري، X، …»: the name set off by commas
            k = end
            while k < self.n and k - end < CLEAN_NAME_TOKENS and not self.is_stop(k):
                k += 1
            words = [self.toks[i].norm for i in range(end, k)]
            closed = (
                k < self.n and self.toks[k].text in COMMAS
                if between_commas
                else k >= self.n or self.is_stop(k)
            )
            if len(words) < 2 or not closed or taken & set(range(end, k)):
                continue
            if words[0].startswith("ال") or words[0] in self.v.not_a_name_start:
                continue
            found.append((end, end, k))
            taken |= set(range(end, k))
        return found

    def _after_country(self, k: int) -> int:
        """The token after the country words right after token k («بنظيره العراقي»)."""
        j = k + 1
        while j < self.n and j in self.country_at:
            j += 1
        return j

    def _after_posting(self, k: int) -> int:
        """The token after a posting «لدى البلاد», «لدى دولة الكويت» starting at token k, else k."""
        if k >= self.n or self.toks[k].norm not in POSTING_WORDS:
            return k
        j = k + 1
        while j < self.n and (j in self.country_at or self.toks[j].norm in HERE_NORMS):
            j += 1
        return j if j > k + 1 else k

    def _quoted_after_offices(self, taken: set[int]) -> list[tuple[int, int, int]]:
        """«بحث رئيس الأركان “سالم حسن الفيتوري” مع …»: two to four words in quote marks right after an
        office, in a meeting sentence, are its holder's name (the model may miss a quoted name)."""
        if not self.trigger_at:
            return []
        found: list[tuple[int, int, int]] = []
        for i, tok in enumerate(self.toks):
            close = QUOTE_PAIRS.get(tok.text)
            if close is None or i == 0 or i in taken:
                continue
            end = next(
                (k for k in range(i + 1, min(self.n, i + 2 + MAX_QUOTED_NAME)) if self.toks[k].text == close),
                None,
            )
            if end is None or not 2 <= end - i - 1 <= CLEAN_NAME_TOKENS:
                continue
            words = range(i + 1, end)
            if any(k in taken or self.is_stop(k) or not self.toks[k].text.isalpha() for k in words):
                continue
            head = max((h for h in self.title_head if h < i), default=None)
            if head is None or any(self.toks[k].is_punct for k in range(head, i)):
                continue  # no office right before the quote
            found.append((i, i + 1, end))  # the opening quote starts the phrase: the office reads up to it
            taken |= set(words)
        return found

    def _names_an_institution(self, start: int, name_start: int) -> bool:
        """The name at token `start`, with no rank, follows «كلية», «قاعدة» … (a royal word may stand
        between): it is part of an institution's name («كلية علي الصباح العسكرية», «قاعدة الملك عبدالعزيز
        البحرية»), unlike the ranked officer in «قائد القاعدة اللواء X»."""
        if any(k in self.rank for k in range(start, name_start)):
            return False
        k = start - 1
        if k >= 0 and self.toks[k].norm in self.v.royal_words:
            k -= 1
        if k < 0:
            return False
        word = self.toks[k].norm
        bare = [strip_al(word)] + [strip_al(word[1:]) for c in "وبل" if word.startswith(c)]
        return any(w in self.v.institution_nouns for w in bare)

    def _family_name_alone(self, span: tuple[int, int]) -> bool:
        """The model's span is one family name («اللواء الركن [البلوي] بمستوى …»): a name told again by
        its last part, which nothing of the name follows."""
        return span[1] - span[0] == 1 and self.toks[span[0]].norm.startswith("ال")

    def _family_name_at(self, i: int) -> bool:
        """Token i can be the family name after a lone first name: a word with «ال» that is no stop
        (title, rank, country, time word, punctuation, …)."""
        if i >= self.n or self.is_stop(i):
            return False
        norm = self.toks[i].norm
        return norm.startswith("ال") and len(norm) >= MIN_FAMILY_NAME

    def segment_end(self, i: int) -> int:
        """The end of the segment (title) starting at token i: the next comma, trigger or marker."""
        j = i
        while j < self.n:
            t = self.toks[j]
            if (
                _is_boundary(t)
                or j in self.trigger_at
                or j in self.attend_at
                or t.norm in COUNTERPART_WORDS
                or t.norm in self.v.clause_verbs
            ):
                break
            if j > i and (j in self.honorific or j in self.rank):
                break  # another person's honorific or rank starts here
            if t.norm in SOFT_STOPPERS and j + 1 < self.n and self.toks[j + 1].norm in TIME_AFTER:
                break  # «… صباح اليوم»
            j += 1
        return j

    def object_marked(self, k: int) -> bool:
        """The rank or honorific at token k carries «ب» («التقى … بسعادة السفير …»): a verb's object
        starts there, so a title right before it belongs to the person before, not to this one."""
        match = self.rank.get(k) or self.honorific.get(k)
        if match is None:
            return False
        word, head = self.toks[k].norm, match.phrase[0]
        return word != head and word.endswith(strip_al(head)) and word.startswith("ب")

    def title_start_left(self, p: int, floor: int = 0) -> int | None:
        """A title ending right before token p with no comma between (shape 3), starting at `floor` or
        after it (where the title of the person before ends)."""
        if self.object_marked(p):
            return None
        j = p - 1
        head: int | None = None
        closes_a_quote = self.toks[j].text in CLOSING_QUOTES and self._opening_quote(j) is not None
        if j > floor and self.toks[j].text in QUOTE_MARKS and not closes_a_quote:
            j -= 1  # «… لدى ليبيا ”X”»: the mark that opens the quoted name itself
        while j >= floor:
            t = self.toks[j]
            opening = self._opening_bracket(j) if t.text == ")" else None
            if opening is not None:
                j = opening - 1  # a bracketed acronym inside the title («… لحلف شمال الأطلسي (الناتو)»)
                continue
            opening = self._opening_quote(j) if t.text in CLOSING_QUOTES else None
            if opening is not None:
                j = opening - 1  # a quoted own name inside the title («قائد القوات … في الساحل "X"»)
                continue
            if _is_boundary(t) or j in self.trigger_at or j in self.attend_at or t.norm == "مع":
                break
            if t.norm in self.v.clause_verbs:
                break
            if t.norm in LEFT_TITLE_STOPS or j in self.name_tokens:
                break  # another person's name, a time word or «كلا من» ends the title on the left
            if j in self.title_head:
                head = j
                if self._another_states_office_before(j, p):
                    break
            j -= 1
        return head

    def _another_states_office_before(self, head: int, p: int) -> bool:
        """«استقبل وزير الدفاع الكويتي السفير الياباني X»: the office at `head` follows a state word, and
        names another state itself before token p; the office before the state word is someone else's."""
        before = self.country_code_at.get(head - 1)
        if before is None:
            return False
        own = {self.country_code_at[k] for k in range(head + 1, p) if k in self.country_code_at}
        return bool(own) and before not in own

    def _opening_bracket(self, close: int) -> int | None:
        """The «(» of the short bracket closing at token `close` («(الناتو)», «(يوبول كوبس)»)."""
        for k in range(close - 2, max(-1, close - 2 - MAX_BRACKETED_TOKENS), -1):
            if self.toks[k].text == "(":
                return k
            if self.toks[k].is_punct:
                return None
        return None

    def _opening_quote(self, close: int) -> int | None:
        """The opening quote of the short quoted name closing at token `close` (a word or a few)."""
        opening = CLOSING_QUOTES[self.toks[close].text]
        for k in range(close - 2, max(-1, close - 2 - MAX_QUOTED_NAME), -1):
            if self.toks[k].text == opening:
                return k
            if self.toks[k].is_punct:
                return None
        return None

    def _closing_bracket(self, opening: int) -> int | None:
        """The «)» of the short bracket opening at token `opening`."""
        for k in range(opening + 2, min(self.n, opening + 2 + MAX_BRACKETED_TOKENS)):
            if self.toks[k].text == ")":
                return k
            if self.toks[k].is_punct:
                return None
        return None

    def _after_transliteration(self, e: int) -> int:
        """The token after «(Jean-Paul Mathieu)» when one opens at token `e`, else `e`."""
        if e >= self.n or self.toks[e].text != "(":
            return e
        for k in range(e + 1, min(self.n, e + 2 + MAX_TRANSLITERATED_TOKENS)):
            text = self.toks[k].text
            if text == ")":
                return k + 1 if k > e + 1 else e
            if not all(_is_latin_letter(ch) or ch in NAME_JOINERS for ch in text):
                return e
        return e

    def title_segment_before_comma(self, p: int) -> tuple[int, int] | None:
        """A title in the segment that ends with the comma right before token p (shape 1)."""
        if p == 0 or not self.toks[p - 1].is_punct or self.toks[p - 1].text not in COMMAS:
            return None
        end = p - 1
        head = self.title_start_left(end)
        return (head, end) if head is not None else None

    def title_segment_after(self, e: int) -> tuple[int, int] | None:
        """A title right after the name, after a comma (shape 2) or directly («الجنرال X قائد …»). A title
        running straight into another rank or honorific is that person's («التقى الفريق X رئيس أركان
        قوات السلطان المسلحة الفريق أول ركن Y»). The name's spelling in Latin letters, in brackets, comes
        between («الجنرال X (Peter Hansen)، قائد …»)."""
        e = self._after_transliteration(e)
        if e < self.n and e in self.title_head:
            end = self.segment_end(e)
            closing = self._closing_bracket(end) if end < self.n and self.toks[end].text == "(" else None
            if closing is not None:
                end = (
                    closing + 1
                )  # «… قائد قوات الأمم المتحدة (اليونيفيل) اللواء X»: the acronym is the title's
            next_person = end < self.n and (end in self.rank or end in self.honorific)
            between_states = any(k in self.country_at for k in range(e, end))
            if (
                next_person
                and not self.object_marked(end)
                and not between_states
                and self._office_follows_name(end)
            ):
                # «التقى الفريق X القائد العام … الفريق Y رئيس هيئة الأركان … الفرنسية»: Y's office follows
                # Y, so the one between them, naming no state, is X's
                return (e, end)
            if next_person and not self.object_marked(end):
                # «الشيخ X النائب الأول … وزير الدفاع قائد القيادة المركزية الأمريكية الجنرال Y»: the
                # offices up to the last one before Y's are X's
                split = self._office_before(e, end)
                return (e, split) if split > e else None
            stop = self._before_next_name(e, end)
            if stop == end:
                stop = self._second_office(end)
            return (e, stop) if stop > e else None  # «استقبل خوري سفير قبرص X»: the office is X's
        if e >= self.n or self.toks[e].text not in COMMAS:
            return None
        k = e + 1
        while k < self.n and k in self.honorific:
            k = self.honorific[k].end
        if k in self.title_head and not self._joined_by_and(k):
            end = self.segment_end(k)
            if any(k < first <= end for first, _ in self.per_tok_spans):
                return None  # «X، وزير الداخلية بدولة فلسطين Y»: the office runs into the next name, his
            return (k, end)
        return None

    def _office_follows_name(self, prefix: int) -> bool:
        """The person whose rank or honorific starts at `prefix` has an office right after the name."""
        start = self.prefix_run(prefix)
        if start >= self.n or start not in self.name_tokens:
            return False
        after = start
        while after < self.n and after in self.name_tokens:
            after += 1
        if after < self.n and self.toks[after].text in COMMAS:
            after += 1
        # «… Y ووزير الدفاع Z»: an office joined by «و» starts the next person, not Y's office
        return after < self.n and after in self.title_head and not self._joined_by_and(after)

    def _second_office(self, end: int) -> int:
        """«X نائب رئيس الوزراء، وزير الدفاع الوطني بجمهورية الكونغو، وY …»: an office after the comma that
        names no one and is followed by the next person or the sentence's end is the same person's second
        office; `end` (the comma) otherwise."""
        k = end + 1
        if end >= self.n or self.toks[end].text not in COMMAS or k not in self.title_head:
            return end
        if self._joined_by_and(k) or self.object_marked(k):
            return end
        nxt = self.segment_end(k)
        if any(j in self.name_tokens for j in range(k, nxt)):
            return end  # «…، سفير فرنسا Y»: the office of the one named after it
        if nxt >= self.n or self.toks[nxt].text not in COMMAS:
            return nxt if nxt >= self.n or _is_boundary(self.toks[nxt]) else end
        # «…، السيد Y»: an office in apposition to the one named after the next comma is his
        return nxt if nxt + 1 < self.n and self.toks[nxt + 1].norm.startswith("و") else end

    def _joined_by_and(self, k: int) -> bool:
        """«…، والملحق العسكري …»: an office after a comma with «و» glued on starts the next person."""
        word, head = self.toks[k].norm, self.title_head[k].phrase[0]
        return word != head and word.startswith("و") and strip_al(word[1:]) == strip_al(head)

    def _before_next_name(self, start: int, end: int) -> int:
        """Where a title after a name ends when it runs into the next person with no comma: at that
        person's name when the name has its office after it, else at the office before that name
        («التقى X ولي عهد أبوظبي نائب القائد الأعلى … وزير الدفاع البريطاني Y»: the last office word
        after a country word, else the last office word)."""
        nxt = next((k for k in range(start + 1, end) if k in self.name_tokens), None)
        if nxt is None:
            return end
        after = nxt
        while after < self.n and after in self.name_tokens:
            after += 1
        if after < self.n and after in self.title_head:
            return nxt  # «X … وزير الدفاع والإنتاج الحربي Y وزير الدفاع الصومالي»: Y's office follows Y
        return self._office_before(start, nxt)

    def _office_before(self, start: int, nxt: int) -> int:
        """Where the offices from `start` stop being the first person's, with the next person at `nxt`: the
        last office word after a country word, else the last office word; `start` when there is one."""
        heads = [k for k in range(start + 1, nxt) if k in self.title_head]
        if not heads:
            return start  # one office, right before the next name: that person's
        first_country = next((k for k in range(start, nxt) if k in self.country_at), None)
        after_country = [k for k in heads if first_country is not None and k > first_country]
        return (after_country or heads)[-1]

    def nameless_title_end(self, head: int) -> int:
        """A title with no name stops at its country word («السفير الياباني») or after a few words."""
        end = self.segment_end(head)
        for k in range(head + 1, end):
            if k in self.country_at:
                while k + 1 < end and k + 1 in self.country_at:
                    k += 1  # the whole country phrase («خفر السواحل الكويتي»)
                return k + 1
        return min(end, head + MAX_NAMELESS_TITLE_TOKENS)

    def counterpart_country(self, start: int) -> str | None:
        """«بنظيره الكويتي، النائب الأول …»: the counterpart's country from the nisba after «نظيره»."""
        for j in range(start - 1, max(-1, start - 5), -1):
            if self.toks[j].norm in COUNTERPART_WORDS:
                codes = [self.country_code_at[k] for k in range(j + 1, start) if k in self.country_code_at]
                return codes[0] if codes else None
        return None

    def delegation_country(self, start: int) -> str | None:
        """«وفدا من وزارة الدفاع الإيطالية برئاسة الجنرال …»: the head of a delegation stands for the
        country the delegation comes from: the first country word after «وفد» («وفدا من فريق العمل الأميركي
        من أجل لبنان برئاسة …»), else the nearest before «برئاسة»."""
        head = start - 1
        if head < 1 or self.toks[head].norm not in DELEGATION_HEADS:
            return None
        found: list[str] = []
        for k in range(head - 1, max(-1, head - 1 - DELEGATION_REACH), -1):
            if self.toks[k].is_punct or (k in self.trigger_at and self.toks[k].norm not in VISITING_NOW):
                break
            if k in self.delegation_at:
                return found[-1] if found else None
            if k in self.country_code_at:
                found.append(self.country_code_at[k])
        return found[0] if found else None

    def side_country(self, start: int) -> str | None:
        """«وحضر اللقاء عن الجانب السوري معاون وزير الدفاع …، وعن الجانب الأردني …»: the side's country
        for the people named after it, up to the next side, verb or «بحضور»."""
        for j in range(start - 1, -1, -1):
            if self.toks[j].norm in SIDE_WORDS:
                return self.country_code_at.get(j + 1)
            if j in self.trigger_at or j in self.attend_at:
                break  # the verb or «بحضور» opens another side
        return None

    def after_separately(self, head: int) -> bool:
        """«التقى X، كلاً على حدة، قائد …»: the office right after «على حدة» (and its comma) is met."""
        j = head - 1
        while j >= 0 and self.toks[j].is_punct:
            j -= 1
        return j >= 0 and any(m.end == j + 1 for m in self.v.separately.find_all(self.toks))

    def next_in_list(self, head: int, previous_end: int) -> bool:
        """«… قائد القوات البحرية الفرنسية، ورئيس أركان الجيش الإيطالي»: an office that follows the one just
        taken, after a comma or «و», is the next item of the same list."""
        between = self.toks[previous_end:head]
        glued_and = self.toks[head].norm.startswith("و")
        return all(t.text in COMMAS or t.norm == "و" for t in between) and (bool(between) or glued_and)

    def in_role_position(self, head: int) -> bool:
        """A title without a name counts only where a participant stands: right after the meeting
        verb, after «مع» or an attendance marker, or first in a sentence whose verb follows."""
        j = head - 1
        while j >= 0 and (
            j in self.honorific
            or self.toks[j].norm in {"كلا", "من"}
            or j in self._rank_words
            or (self.toks[j].text in COMMAS and j - 1 in self._rank_words)
        ):
            j -= 1  # «استقبل الجنرال دوكور دارمي، المفتش العام …»: a rank with no name before the office
        if j < 0 or self.toks[j].norm in SUBJECT_LEADS:
            return any(i > head for i in self.trigger_at)  # «وكان الوزير الكوري قد التقى …»
        if (j == 0 or self.toks[j].norm in COMPLEMENTIZERS) and self._masdar_trigger_follows(head):
            return True  # «واستعرض وزير الدفاع خلال لقائه أمس X …»: the subject of the sentence's verb
        prev = self.toks[j]
        if j in self.trigger_at or j in self.attend_at or prev.norm in COUNTERPART_WORDS:
            return True
        if prev.norm in DELEGATION_HEADS and any(i < j for i in self.trigger_at):
            return True  # «استقبل X وفد كلية … برئاسة آمر الكلية»: the office heading the delegation met
        k = j
        while k >= 0 and self.toks[k].norm in VERB_TIME_WORDS:
            k -= 1
        if k < j and k >= 0 and k in self.trigger_at:
            return True  # «التقى في وقت سابق رئيس أركان …»: a time between the verb and its object
        if k < j and k >= 0 and self.toks[k].norm in SUBJECT_LEADS:
            return any(i > head for i in self.trigger_at)  # «قام صباح اليوم رئيس أركان … بزيارة»
        k = j
        while k >= 0 and k in self.country_at:
            k -= 1
        if j > k >= 1 and self.toks[k].norm in COUNTERPART_PLACE_WORDS:
            k -= 1  # «… نظيره في السلطنة X»: his country told as where he serves
        if j > k >= 0 and self.toks[k].norm in COUNTERPART_WORDS:
            return True  # «… نظيره الأردني X»: the counterpart named right after his country
        if self._after_the_subject_and_a_time(j):
            return True  # «استقبل الفريق X اليوم قادة خفر السواحل …»: the object after the subject and a day
        if self._after_an_aside(j):
            return True
        if self._after_the_verb_and_where(j):
            return True
        # apposition to a counterpart: «بنظيره الكويتي، النائب الأول …»
        window = [t.norm for t in self.toks[max(0, j - 3) : j + 1]]
        return prev.is_punct and any(w in COUNTERPART_WORDS for w in window)

    def _masdar_trigger_follows(self, head: int) -> bool:
        """A meeting told by a possessive masdar («خلال لقائه», «لدى استقباله») a few words after the office
        at `head`, with no one else named between."""
        end = self.nameless_title_end(head)
        for k in range(end, min(self.n, end + MASDAR_REACH)):
            if k in self.trigger_at:
                return self.toks[k].norm in MASDAR_LEADS
            if k in self.name_tokens or (self.toks[k].is_punct and self.toks[k].text not in COMMAS):
                return False  # «القائد العام للجيش الإيراني، لفت خلال استقباله …»: a comma may stand between
        return False

    def _after_the_subject_and_a_time(self, j: int) -> bool:
        """«استقبل الفريق X اليوم …», «… X، اليوم، …», «… X في مكتبه اليوم …»: token `j` ends a run of
        time and office-place words (and commas) right after a name that follows the meeting verb."""
        k, told = j, False
        while k >= 0 and j - k < MAX_TIME_RUN:
            norm = self.toks[k].norm
            if norm != "في" and (norm in TIME_AFTER or norm in VERB_TIME_WORDS or norm in OFFICE_PLACE):
                told = True
            elif k in self.country_at and k > 0 and self.toks[k - 1].norm == "في":
                told = True  # «التقى X في الرياض ولي العهد …»: a place, the state's capital or name
            elif not (self.toks[k].text in COMMAS or norm == "في"):
                break
            k -= 1
        return told and k in self.name_tokens and any(i < k for i in self.trigger_at)

    def _after_the_verb_and_where(self, comma: int) -> bool:
        """«… استقبل في مكتبه بمقر القيادة العامة، X»: the verb, where it took place («في مكتبه», «بمقر …»)
        and a comma, then the verb's object."""
        if self.toks[comma].text not in COMMAS:
            return False
        k = comma - 1
        while k >= 0 and comma - k <= MAX_PLACE_RUN and k not in self.trigger_at:
            if self.toks[k].is_punct or k in self.name_tokens:
                return False
            k -= 1
        after = [t.norm for t in self.toks[k + 1 : k + 3]]
        return k >= 0 and k in self.trigger_at and any(w in OFFICE_PLACE for w in after)

    def _after_an_aside(self, comma: int) -> bool:
        """«والتقى الفريق X، خلال زيارته لنيويورك، رئيس هيئة الأركان …»: after the subject, an aside between
        commas that opens with a circumstance word, then the verb's object."""
        if self.toks[comma].text not in COMMAS:
            return False
        opening = next((k for k in range(comma - 1, -1, -1) if self.toks[k].text in COMMAS), None)
        if opening is None or opening + 1 >= comma:
            return False
        opener = self.toks[opening + 1].norm
        if opener not in ASIDE_OPENERS and opener not in OFFICE_PLACE:
            return False  # «، خلال زيارته …،», «، بمكتبه في رئاسة الأركان،»
        named_before = opening - 1 in self.name_tokens
        return named_before and any(i < opening for i in self.trigger_at)

    def span_text(self, a: int, b: int) -> str:
        return self.text[self.toks[a].start : self.toks[b - 1].end] if b > a else ""


def clean_title(raw: str) -> str | None:
    """A title as the gold format wants it: no honorifics, no country adjective or posting."""
    raw = raw.replace("_", " ")  # «#وزير_الدفاع»
    toks = tokenize(raw)
    v = vocabulary()
    i = 0
    while i < len(toks) and (m := v.honorifics.match_at(toks, i)) and not v.title_heads.match_at(toks, i):
        i = m.end
    text = raw[toks[i].start :] if i < len(toks) else ""
    head = v.title_heads.match_at(toks, i) if i < len(toks) else None
    if (
        head
        and normalize(toks[i].text)[:1] in {"و", "ف", "ب", "ل"}
        and strip_al(head.phrase[0]) != strip_al(toks[i].norm)
    ):
        text = text[1:]  # «ورئيس» → «رئيس»: the conjunction is not part of the title
    text = strip_country_words(text)
    text = POSTING.sub("", text)
    words = text.split()
    while words and normalize(words[-1]) in {"و", "في", "لدي", "لدى", "ب", "من"}:
        words.pop()
    run = len(words)
    while run > 1 and _state_form(words[run - 1]):
        run -= 1
    if run < len(words) and (normalize(words[run])[:1] == "ب" or normalize(words[run - 1]) == "في"):
        # «قائد الأركان العامة للجيوش بالجمهورية الإسلامية [الموريتانية]»: where, not which office
        words = words[: run - 1] if normalize(words[run - 1]) == "في" else words[:run]
    if words and strip_al(normalize(words[0])) in ENVOY_WORDS:
        # «سفير الدولة», «سفير الجمهورية الإسلامية [الموريتانية]»: what is left of the sending state's
        # name once its country word is gone
        while len(words) > 1 and _state_form(words[-1]):
            words.pop()
    return " ".join(words) or None


def _state_form(word: str) -> bool:
    """«الجمهورية», «بالمملكة», «الإسلامية»: a word of a state's formal name, a preposition allowed."""
    norm = strip_al(normalize(word))
    return norm in STATE_FORM_WORDS or (norm[:1] == "ب" and strip_al(norm[1:]) in STATE_FORM_WORDS)


STATE_FORM_WORDS = frozenset(
    strip_al(w) for w in norm_words(" ".join(words("people.yaml", "state_form_words")))
)
ENVOY_WORDS = frozenset(
    strip_al(w) for w in norm_words(" ".join(words("people.yaml", "envoy_words")))
)  # a title's head word
POSTED_ABROAD_WORDS = frozenset(
    strip_al(w) for w in norm_words(" ".join(words("people.yaml", "posted_abroad_words")))
)


def _sender_country(raw_title: str) -> str | None:
    """The country a title's holder represents: not the one he is posted to («سفير الدولة لدى جمهورية
    كوريا» says nothing of his own), unless the posting is at his embassy («… لدى السفارة الأمريكية»)."""
    m = POSTED_TO.search(raw_title)
    if m is None or any(w in _EMBASSY for w in (strip_al(t.norm) for t in tokenize(m.group(1)))):
        return country_of_phrase(raw_title)
    return country_of_phrase(raw_title[: m.start()])


ENVOY_POSTING_WORDS = 8  # «سفير جمهورية باكستان الإسلامية لدى دولة الكويت»: envoy word to posting


def envoys_abroad(text: str) -> set[str]:
    """Countries whose envoys the text names at a post elsewhere («سفير سلطنة عمان لدى الجزائر» → OM)."""
    found: set[str] = set()
    for m in _ENVOY_AT_POST.finditer(text):
        raw = m.group(0)
        posted, sender = _posted_to(raw), _sender_country(raw)
        if posted and sender and posted != sender:
            found.add(sender)
    return found


# an envoy word (with «ال» or a preposition glued on) and the words up to his posting and its country, within
# a clause: read from the article's text, not its tokens (whole articles would crowd the sentence cache)
_ENVOY_AT_POST = pattern("people.yaml", "envoy_at_post", ENVOY_POSTING_WORDS=ENVOY_POSTING_WORDS)


def _posted_to(raw_title: str) -> str | None:
    """The country a title says its holder is posted to («… لدى الكويت»); «لدى البلاد» is the caller's."""
    m = POSTED_TO.search(raw_title)
    return country_of_phrase(m.group(1)) if m else None


def _posted_here(raw_title: str) -> bool:
    """The title posts its holder to the article's own country («سفير كندا لدى البلاد»)."""
    if not raw_title or not any(word in raw_title for word in HERE_WORDS):
        return False  # most titles: no tokenising
    return bool(vocabulary().in_host_country.find_all(tokenize(raw_title)))


def ruling_family_country(name: str) -> str | None:
    """The state whose ruling family the name ends in («خالد بن عبدالعزيز آل سعود» → SA), or whose
    founder a chain of two «بن» or more ends in («متعب بن X بن عبدالعزيز» → SA), else None."""
    words = norm_words(name)
    for family, code in vocabulary().ruling_families.items():
        if len(words) > len(family) and words[-len(family) :] == family:
            return code
    for lineage, code in vocabulary().ruling_lineages.items():
        ends_in_it = len(words) > len(lineage) and words[-len(lineage) :] == lineage
        if ends_in_it and words.count(lineage[0]) >= 2:  # «X بن Y بن عبدالعزيز»: two links or more
            return code
    return None


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names (normalised) from the name lists the NER corpus is built from."""
    from majlis.nlp.corpus import lexicons

    lex = lexicons()
    names = [*lex["given_male"], *lex["given_female"]]
    names += [n for origin in lex["origins"].values() for n in origin.get("given", [])]
    return frozenset(normalize(n) for n in names if " " not in n)


@lru_cache(maxsize=1)
def arab_given_names() -> frozenset[str]:
    """Arab given names (normalised, one word) of the NER corpus's lists."""
    from majlis.nlp.corpus import lexicons

    lex = lexicons()
    return frozenset(normalize(n) for n in [*lex["given_male"], *lex["given_female"]] if " " not in n)


@lru_cache(maxsize=1)
def _foreign_given_names() -> frozenset[str]:
    """Given names (normalised) of the non-Arab origins of the NER corpus's lists, less the Arab ones."""
    from majlis.nlp.corpus import lexicons

    lex = lexicons()
    names = {
        normalize(n) for origin in lex["origins"].values() for n in origin.get("given", []) if " " not in n
    }
    return frozenset(names - arab_given_names())


def foreign_given_name(name: str) -> bool:
    """Whether a name starts with a given name of a non-Arab origin («ماريو …», «جون …») or is in Latin
    script: such a person is seldom a Gulf or Arab state's official."""
    words = normalize(name).split()
    return bool(words) and (words[0] in _foreign_given_names() or any(_is_latin_letter(ch) for ch in name))


def _glued_conjunction(word: str, after_comma: bool = False) -> bool:
    """«ومحمد», «وبيتر»: a known given name with «و» glued on («وليد», «وائل» are names themselves); after
    a comma in a list of people («…، وجورج باباس»), any name but a known one starting with «و»."""
    norm = normalize(word)
    if not norm.startswith("و") or norm in _given_names() or len(norm) < MIN_NAME_AFTER_AND:
        return False
    return after_comma or norm[1:] in _given_names()


def _listed_after(parse: _SentenceParse, before: Person, name_start: int) -> bool:
    """«النائبين X وY», «بحضور اللواء X وY»: a name joined by «و» right after a person's phrase is the
    next of the same list, an official like him though no office of its own is written."""
    if before.tok_end == name_start - 1:
        return parse.toks[name_start - 1].norm == "و"
    return before.tok_end == name_start and _glued_conjunction(parse.toks[name_start].text, after_comma=True)


def _plain(word: str) -> str:
    return strip_al(ARABIC_DIACRITICS.sub("", word).replace(TATWEEL, ""))


def _apposed_holder(parse: _SentenceParse, people: list[Person], end: int) -> Person | None:
    """The named person whose own title follows this nameless one after a comma, if any."""
    if end + 1 >= parse.n or parse.toks[end].text not in COMMAS:
        return None
    return next((p for p in people if p.name and p.tok_start == end + 1 and p.title), None)


def _rank_text(parse: _SentenceParse, start: int, end: int) -> str | None:
    for i in range(start, end):
        if m := parse.rank.get(i):
            stop = m.end
            while stop < end and strip_al(parse.toks[stop].norm) in parse.v.rank_branches:
                stop += 1  # the branch words prefix_run took in after the rank phrase
            words = [_plain(t.text) for t in parse.toks[m.start : stop]]
            for clitic in ("وب", "ول", "فب", "و", "ف", "ب", "ل"):
                rest = words[0][len(clitic) :]
                if words[0].startswith(clitic) and strip_al(normalize_word(rest)) == m.phrase[0]:
                    words[0] = _plain(rest)  # «والعقيد», «بالفريق»: the clitic is not part of the rank
                    break
            return " ".join(words)
    return None


_EMBASSY = {strip_al(w) for w in norm_words(" ".join(words("people.yaml", "embassy")))}


def _of_an_embassy(raw_title: str) -> bool:
    """«الملحق العسكري في السفارة»: the title names an embassy without saying whose."""
    words = [strip_al(t.norm.removeprefix("ب")) for t in tokenize(raw_title)]
    return any(w in _EMBASSY for w in words) and not find_countries(raw_title)


def _title_key(title: str) -> tuple[str, ...]:
    return tuple(strip_al(w) for w in normalize(title).split())


def parse_people(
    text: str,
    per_spans: list[tuple[int, int]],
    known_titles: dict[tuple[str, ...], str] | None = None,
    known_surnames: frozenset[str] = frozenset(),
) -> list[Person]:
    """Every official in the sentence `text`; `per_spans` are Stanza PER offsets into it.

    `known_titles` maps titles of people already named in the article to their surnames: a known
    title right before another name («استقبل وزير الدفاع اللواء X، سفير …») is that known person,
    and X takes the title after the comma. A name that is one of `known_surnames` (normalised: of people
    the article names in full) is that person even where no title or role position says so.
    """
    known_titles = known_titles or {}
    parse = _SentenceParse(text, per_spans)
    people: list[Person] = []
    claimed: set[int] = set()
    taken_until = 0  # the end of the last title given to someone: a later title starts after it
    for phrase_start, name_start, name_end in parse.names():
        title_span: tuple[int, int] | None = None
        left = parse.title_start_left(phrase_start, floor=taken_until)
        if left is not None:
            surname = known_titles.get(_title_key(clean_title(parse.span_text(left, phrase_start)) or ""))
            name_words = normalize(parse.span_text(name_start, name_end)).split()
            if surname and surname not in name_words and parse.title_segment_after(name_end):
                left = None  # the title belongs to someone already named: not to this name
        if left is not None and left not in claimed:
            title_span = (left, phrase_start)
            known_office = _known_office_first(parse, title_span, known_titles)
            if known_office is not None:
                # «استقبل وزير الدفاع المدير العام للدفاع المدني العميد X»: the minister named before
                # receives (told by his full office, the key the meeting reader knows him by); X holds
                # the second office
                (start, end), key = known_office
                people.append(_unnamed(" ".join(key), None, start, end))
                claimed.add(start)
                title_span = (end, phrase_start)
        else:
            before = parse.title_segment_before_comma(phrase_start)
            after = parse.title_segment_after(name_end)
            title_span = before if before and before[0] not in claimed else after
        bare = phrase_start == name_start
        known_surname = normalize(parse.span_text(name_start, name_end)) in known_surnames
        listed = bool(people) and _listed_after(parse, people[-1], name_start)
        if (
            bare
            and title_span is None
            and not parse.in_role_position(name_start)
            and not known_surname
            and not listed
        ):
            continue  # a bare PER mention with no rank, honorific or title: not an official in a role
        if bare and name_end < parse.n and parse.toks[name_end].norm.startswith("لل"):
            continue  # a name inside an institution's name («كلية مبارك العبدالله للقيادة»)
        raw_title = parse.span_text(*title_span) if title_span else ""
        if title_span:
            claimed.add(title_span[0])
            claimed |= {h for h in parse.title_head if title_span[0] <= h < title_span[1]}  # all its offices
            taken_until = max(taken_until, title_span[1])
        prefix_start = min(phrase_start, title_span[0]) if title_span else phrase_start
        tok_end = max(name_end, title_span[1]) if title_span else name_end
        ns, ne = parse.toks[name_start].start, parse.toks[name_end - 1].end
        after_comma = name_start > 0 and parse.toks[name_start - 1].text in COMMAS
        if _glued_conjunction(parse.toks[name_start].text, after_comma or listed):
            ns += 1  # «… ووزير الدفاع، ومحمد مبارك»: the «و» joins this person to the one before
        orgs = find_organisations(raw_title) if raw_title else []
        people.append(
            Person(
                name=text[ns:ne],
                name_start=ns,
                name_end=ne,
                title=clean_title(raw_title) if raw_title else None,
                rank=_rank_text(parse, phrase_start, name_start),
                country=None
                if orgs
                else (_sender_country(raw_title) if raw_title else None)
                or parse.counterpart_country(prefix_start)
                or parse.delegation_country(prefix_start)
                or parse.side_country(prefix_start)
                or parse.prefix_country(phrase_start, name_start)
                or ruling_family_country(text[ns:ne]),
                org_official=bool(orgs),
                tok_start=prefix_start,
                tok_end=tok_end,
                posted_to=_posted_to(raw_title),
                posted_here=_posted_here(raw_title),
                heads_delegation=prefix_start > 0 and parse.toks[prefix_start - 1].norm in DELEGATION_HEADS,
                of_an_embassy=_of_an_embassy(raw_title),
            )
        )
    groups = parse.group_at
    listed_until = -1  # the end of the last office taken without a name: a list may go on after it
    for head in sorted(set(parse.title_head) | groups):
        if head in claimed or any(p.tok_start <= head < p.tok_end for p in people):
            continue
        # a group («بقادة خفر السواحل») may stand right after the other principal
        glued = head in groups and parse.toks[head].text[:1] == "ب" and bool(parse.trigger_at)
        listed = listed_until >= 0 and parse.next_in_list(head, listed_until)
        placed = parse.in_role_position(head) or glued or listed or parse.after_separately(head)
        if not (placed or _office_of_another_state(parse, people, head)):
            continue
        end = parse.nameless_title_end(head)
        listed_until = end
        raw_title = parse.span_text(head, end)
        if head in parse.delegation_at and (country_of_phrase(raw_title) is None or parse.led(head)):
            continue  # a delegation of no stated state, or the one a person heads («على رأس وفد»)
        holder = _apposed_holder(parse, people, end)
        if holder is not None:
            # «رئيس مجلس السيادة، القائد العام …، الفريق أول X»: offices in a row are one person's, and the
            # first is the one protocol names him by
            people[people.index(holder)] = replace(holder, title=clean_title(raw_title), tok_start=head)
            continue
        orgs = find_organisations(raw_title)
        people.append(
            Person(
                name=None,
                name_start=None,
                name_end=None,
                title=clean_title(
                    raw_title.removeprefix("ب")
                    if head in groups and head not in parse.delegation_at
                    else raw_title
                ),
                rank=None,
                country=None
                if orgs
                else country_of_phrase(raw_title)
                or parse.counterpart_country(head)
                or parse.delegation_country(head),
                org_official=bool(orgs),
                tok_start=head,
                tok_end=end,
            )
        )
    _accompanying_of_the_accompanied(parse, people)
    people += _unnamed_counterparts(parse, people, claimed)
    per_state = _offices_of_listed_states(parse, people)
    if per_state:  # «سفيري الصين»: the model took the plural office and a state for a name
        spans = [(p.tok_start, p.tok_end) for p in per_state]
        people = [p for p in people if not any(p.tok_start < b and a < p.tok_end for a, b in spans)]
    return sorted(people + per_state, key=lambda p: p.tok_start)


def _accompanying_of_the_accompanied(parse: _SentenceParse, people: list[Person]) -> None:
    """«… الفرنسي العقيد X يرافقه النقيب Y»: Y, his state untold, is of the state of X, whom he
    accompanies."""
    for i, person in enumerate(people):
        k = person.tok_start - 1
        if person.country or person.org_official or k < 0 or parse.toks[k].norm not in ACCOMPANYING:
            continue
        before = next((p for p in reversed(people[:i]) if p.tok_end <= k), None)
        if before is not None and before.country:
            people[i] = replace(person, country=before.country)


def _offices_of_listed_states(parse: _SentenceParse, people: list[Person]) -> list[Person]:
    """«بحث الوزير مع سفراء قطر وجيبوتي والهند، كل على حدة»: a plural office after the meeting verb and the
    states listed after it are one unnamed holder of the office per state."""
    found: list[Person] = []
    for m in parse.v.plural_offices.find_all(parse.toks):
        if not any(i < m.start for i in parse.trigger_at):
            continue
        if any(p.tok_start < m.start < p.tok_end for p in people):
            continue  # inside someone's office
        k, states = m.end, list[tuple[str, int]]()
        while k < parse.n:
            tok = parse.toks[k]
            if k in parse.country_code_at:
                code = parse.country_code_at[k]
                if code not in (c for c, _ in states):
                    states.append((code, k))
            elif not (tok.text in COMMAS or tok.norm == "و" or _state_form(tok.norm)):
                break
            k += 1
        if len(states) < 2:
            continue  # one state: an ordinary office («سفراء» of one state are a delegation)
        for code, at in states:
            at = m.start if at == states[0][1] else at  # the first holder's phrase takes in the office
            found.append(_unnamed(m.value, code, at, at + 1))
    return found


def _office_of_another_state(parse: _SentenceParse, people: list[Person], head: int) -> bool:
    """«استقبل رئيس مجلس الوزراء الكويتي الشيخ X وزير الدفاع القطري», «التقى وزير الدفاع التركي X، رئيس
    الأركان القطري»: an office right after a name (or its comma) whose own office, before it, is of another
    state is the verb's object, not that person's second office."""
    start = head - 1 if head > 0 and parse.toks[head - 1].text in COMMAS else head  # «X، رئيس …»
    before = next((p for p in people if p.tok_end == start and p.name and p.country and p.title), None)
    if before is None or not any(i < before.tok_start for i in parse.trigger_at):
        return False
    office = parse.span_text(head, parse.nameless_title_end(head))
    country = country_of_phrase(office)
    if country is None:
        # «استقبل وزير الدفاع الكويتي X نائب الأمين العام لحلف الناتو»: an organisation's office after one
        # whose own office of a state came before his name
        return bool(find_organisations(office)) and not find_organisations(before.title or "")
    return country != before.country


def _known_office_first(
    parse: _SentenceParse, title_span: tuple[int, int], known_titles: dict[tuple[str, ...], str]
) -> tuple[tuple[int, int], tuple[str, ...]] | None:
    """The tokens of an office at the start of `title_span` that is the office of one person the
    article named before («وزير الدفاع» of «وزير الدفاع الوطني X»), when a second office follows it
    before the name, and that person's full office key; else None."""
    heads = sorted(h for h in parse.title_head if title_span[0] <= h < title_span[1])
    if len(heads) < 2 or heads[0] != title_span[0]:
        return None
    office = _title_key(clean_title(parse.span_text(heads[0], heads[1])) or "")
    if len(office) < MIN_KNOWN_OFFICE_WORDS or any(k in parse.country_at for k in range(heads[0], heads[1])):
        return None
    keys = [
        key for key in known_titles if key and (key[: len(office)] == office or office[: len(key)] == key)
    ]
    return ((heads[0], heads[1]), keys[0]) if len(keys) == 1 else None


def _unnamed(title: str | None, country: str | None, tok_start: int, tok_end: int) -> Person:
    """A participant told by office (or as one of a state's officials) without a name."""
    return Person(name=None, name_start=None, name_end=None, title=title, rank=None, country=country,
                  org_official=False, tok_start=tok_start, tok_end=tok_end)  # fmt: skip


def _unnamed_counterparts(parse: _SentenceParse, people: list[Person], claimed: set[int]) -> list[Person]:
    """«أجرى الوزير X اتصالاً هاتفياً بنظيره الأمريكي»: a counterpart told only by his country holds the
    office of the person named before him (no name, no office of his own follows)."""
    found: list[Person] = []
    for k, tok in enumerate(parse.toks):
        if tok.norm not in COUNTERPART_NOUNS or k in claimed or not any(i < k for i in parse.trigger_at):
            continue
        if any(p.tok_start <= k < p.tok_end for p in people):
            continue
        end = k + 1
        while end < parse.n and end in parse.country_at:
            end += 1
        if end == k + 1:
            continue  # no country: the counterpart is named further on, or not at all
        after = end + 1 if end < parse.n and parse.toks[end].text in COMMAS else end
        if after < parse.n and (
            after in parse.name_tokens
            or after in parse.rank
            or after in parse.honorific
            or after in parse.title_head
            or any(p.tok_start == after for p in people)
        ):
            continue  # «بنظيره الأمريكي لويد …», «بنظيره العماني، النائب الأول …»: that one is met
        lead = max((p for p in people if p.tok_end <= k), key=lambda p: p.tok_start, default=None)
        if lead is None or lead.org_official:
            continue
        found.append(_unnamed(lead.title, parse.country_code_at.get(k + 1), k, end))
    return found
