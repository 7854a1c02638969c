"""The rule engine: named extraction rules read from `majlis/lexicons/rules.yaml`, one interpreter.

A rule is data: a token pattern (words, lexicon lists, the vocabulary's phrases, the sentence's trigger,
the first person it names, gaps), the facts it needs that patterns cannot see (stated by the reader:
«a meeting was read before»), its stage and its place in that stage (the file's order is the
precedence), and example sentences that are also its tests. What a rule does when it fires is its
stage's effect, applied by the reader (`majlis/extract/meetings.py`), which records the rule's name on
the meeting it shaped: `fact_meetings.rules` and `majlis explain` name it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from majlis.extract.lexicon import load_yaml
from majlis.extract.tokens import Match, PhraseMatcher, Tok, norm_words
from majlis.extract.vocab import Vocabulary, vocabulary

RULES_FILE = "rules.yaml"
ANY = 10_000  # a gap of any length
MAX_KEPT = 20_000  # sentences whose pattern verdicts a process keeps (about as many as the word caches)
_BOUND = re.compile(r"^(trigger_start|trigger_end)([+-]\d+)?$")


class RuleError(ValueError):
    """A rule in rules.yaml that cannot be read; the message names the rule and what is wrong."""


@dataclass(frozen=True)
class View:
    """One sentence as patterns see it: its tokens, its trigger and where its first person stands."""

    toks: list[Tok]
    trigger: Match | None
    first_person: int | None = None  # token index of the first principal named, if any
    # the sentence's own first word, after its dateline: a number, or how to find it when a pattern asks
    # (few do, and finding the dateline costs a regex search per sentence)
    opening_at: int | Callable[[], int] = 0
    text: str = ""  # the sentence (its tokens are made from it): with it, what patterns decide is kept
    _phrases: dict[str, list[Match]] = field(default_factory=dict, compare=False, repr=False)
    _found: dict[int, list[Match]] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def opening(self) -> int:
        return self.opening_at if isinstance(self.opening_at, int) else self.opening_at()

    def seen_with(self, trigger: Match | None, first_person: int | None = None) -> View:
        """The same sentence with its trigger (and first person) known: what was found in it is not looked
        for again."""
        return View(self.toks, trigger, first_person, self.opening_at, self.text, self._phrases, self._found)

    @property
    def key(self) -> tuple[str, Match | None, int | None] | None:
        """All a pattern sees of the sentence, when its text is known (its tokens and opening follow from
        it): news repeats sentences (a title in the body, a wire story in several outlets) and a pattern's
        verdict on one is kept."""
        return (self.text, self.trigger, self.first_person) if self.text else None

    def phrases(self, matcher: str, vocab: Vocabulary) -> list[Match]:
        """A vocabulary matcher's phrases in the sentence (found once per sentence and matcher)."""
        found = self._phrases.get(matcher)
        if found is None:
            found = self._phrases[matcher] = _matcher(vocab, matcher).find_all(self.toks)
        return found

    def bound(self, ref: str) -> int | None:
        """A position named in a rule («trigger_end+2»); None when the sentence has no trigger."""
        if self.trigger is None:
            return None
        match = _BOUND.match(ref)
        assert match is not None  # checked when the rule was read
        base = self.trigger.start if match.group(1) == "trigger_start" else self.trigger.end
        return base + int(match.group(2) or 0)


def _matcher(vocab: Vocabulary, name: str) -> PhraseMatcher:
    value = getattr(vocab, name, None)
    if not isinstance(value, PhraseMatcher):
        raise RuleError(f"no phrase list named {name!r} in the vocabulary (majlis/extract/vocab.py)")
    return value


# --- pattern elements: each yields the positions where the rest of the pattern may go on -------------


class Element:
    def ends(self, s: View, at: int, vocab: Vocabulary) -> Iterator[int]:
        raise NotImplementedError


@dataclass(frozen=True)
class Trigger(Element):
    """The sentence's trigger phrase starts here (optionally: of this value, its first word in a list)."""

    value: str | None = None
    first_word_in: frozenset[str] | None = None

    def ends(self, s: View, at: int, vocab: Vocabulary) -> Iterator[int]:
        t = s.trigger
        if t is None or t.start != at or (self.value is not None and t.value != self.value):
            return
        if self.first_word_in is not None and s.toks[t.start].norm not in self.first_word_in:
            return
        yield t.end


@dataclass(frozen=True)
class Word(Element):
    """One token whose matching form is one of these words."""

    words: frozenset[str]
    mark: bool = False

    def ends(self, s: View, at: int, vocab: Vocabulary) -> Iterator[int]:
        if at < len(s.toks) and s.toks[at].norm in self.words:
            yield at + 1


def _value_ok(value: str, wanted: tuple[str, ...], unwanted: tuple[str, ...]) -> bool:
    """A phrase's value against a filter: «call:*» is any call, «meeting:receives» that one."""

    def fits(pattern: str) -> bool:
        return value.startswith(pattern[:-1]) if pattern.endswith("*") else value == pattern

    return (not wanted or any(fits(p) for p in wanted)) and not any(fits(p) for p in unwanted)


@dataclass(frozen=True)
class Phrase(Element):
    """A phrase of one of the vocabulary's lists starts here; `starts_by`/`starts_at` bound where it may
    start relative to the trigger instead («a future word before the verb or two words after it»).
    `value`/`not_value` keep the phrases of some keys only, `first` only the first of those in the
    sentence (before the next filter), `not_after` none right after one of these words («بعد استقبال
    …» opens a subordinate clause)."""

    matcher: str
    starts_by: str | None = None
    starts_at: str | None = None
    value: tuple[str, ...] = ()
    not_value: tuple[str, ...] = ()
    first: bool = False
    not_after: frozenset[str] = frozenset()
    mark: bool = False

    def found(self, s: View, vocab: Vocabulary) -> list[Match]:
        """The phrases this element accepts in the sentence (worked out once per sentence)."""
        cached = s._found.get(id(self))  # by identity: the rules live as long as the process
        if cached is not None:
            return cached
        out = [m for m in s.phrases(self.matcher, vocab) if _value_ok(m.value, self.value, self.not_value)]
        if self.first:
            out = out[:1]
        out = [m for m in out if not (m.start > 0 and s.toks[m.start - 1].norm in self.not_after)]
        s._found[id(self)] = out
        return out

    def taken_at(self, s: View, at: int, vocab: Vocabulary) -> list[Match]:
        """The phrases the element can take at token `at` (a bounded one: wherever its bound allows)."""
        if self.starts_by is None and self.starts_at is None:
            return [m for m in self.found(s, vocab) if m.start == at]
        limit = s.bound(self.starts_by or self.starts_at or "")
        if limit is None:
            return []
        return [
            m
            for m in self.found(s, vocab)
            if m.start <= limit and (self.starts_at is None or m.start == limit)
        ]

    def ends(self, s: View, at: int, vocab: Vocabulary) -> Iterator[int]:
        for m in self.taken_at(s, at, vocab):
            yield m.end


@dataclass(frozen=True)
class Gap(Element):
    """Up to `most` tokens («any»: as many as there are); `to_first_person` never passes the first
    person the sentence names as a principal."""

    most: int
    to_first_person: bool = False
    stop_at: frozenset[str] = frozenset()  # tokens it may not pass (the end of a clause)

    def ends(self, s: View, at: int, vocab: Vocabulary) -> Iterator[int]:
        stop = min(len(s.toks), at + self.most)
        if self.to_first_person and s.first_person is not None:
            stop = min(stop, s.first_person)
        for end in range(at, stop + 1):
            yield end
            if end < len(s.toks) and s.toks[end].text in self.stop_at:
                return


@dataclass(frozen=True)
class FirstPerson(Element):
    """The first person named as a principal of the meeting starts here."""

    def ends(self, s: View, at: int, vocab: Vocabulary) -> Iterator[int]:
        if s.first_person == at:
            yield at


@dataclass(frozen=True)
class Opening(Element):
    """The sentence's own first word (after its dateline) is here."""

    def ends(self, s: View, at: int, vocab: Vocabulary) -> Iterator[int]:
        if at == s.opening:
            yield at


@dataclass(frozen=True)
class SentenceStart(Element):
    """The sentence begins here."""

    def ends(self, s: View, at: int, vocab: Vocabulary) -> Iterator[int]:
        if at == 0:
            yield 0


@dataclass(frozen=True)
class Pattern:
    """A rule's pattern, with what lets a sentence be turned away before any search (worked out once,
    when the rules are read: the trigger rules are asked of every sentence)."""

    elements: tuple[Element, ...]

    @cached_property
    def needs_trigger(self) -> bool:
        """Whether it places something by the sentence's trigger (it cannot hold without one)."""
        return any(
            isinstance(e, Trigger) or (isinstance(e, Phrase) and (e.starts_by or e.starts_at))
            for e in self.elements
        )

    @cached_property
    def required(self) -> tuple[frozenset[str], ...]:
        """Word sets the sentence must share a word with: most sentences hold none of a rule's words."""
        return tuple(e.words for e in self.elements if isinstance(e, Word))

    @cached_property
    def phrases(self) -> tuple[Phrase, ...]:
        return tuple(e for e in self.elements if isinstance(e, Phrase))


@dataclass(frozen=True)
class Found:
    """Where a pattern's marked element stands (the trigger a trigger rule found), and its value."""

    start: int
    end: int
    value: str
    phrase: tuple[str, ...]


def _marked(element: Element, s: View, at: int, end: int, vocab: Vocabulary) -> Found | None:
    if isinstance(element, Phrase) and element.mark:
        m = next(m for m in element.taken_at(s, at, vocab) if m.end == end)
        return Found(m.start, m.end, m.value, m.phrase)
    if isinstance(element, Word) and element.mark:
        return Found(at, end, "", (s.toks[at].norm,))
    return None


def _starts(pattern: Pattern, s: View, vocab: Vocabulary) -> Iterable[int]:
    """Where the pattern may start: where its first element can stand, not at every token (the trigger
    rules are asked of every sentence)."""
    first = pattern.elements[0]
    if isinstance(first, Phrase):
        if first.starts_by is not None or first.starts_at is not None:
            return [0]
        return sorted({m.start for m in first.found(s, vocab)})
    if isinstance(first, Word):
        return [i for i, t in enumerate(s.toks) if t.norm in first.words]
    if isinstance(first, Trigger):
        return [s.trigger.start] if s.trigger is not None else []
    if isinstance(first, Opening):
        return [s.opening]
    if isinstance(first, SentenceStart):
        return [0]
    if isinstance(first, FirstPerson):
        return [s.first_person] if s.first_person is not None else []
    return range(len(s.toks) + 1)


def find(pattern: Pattern, s: View, vocab: Vocabulary) -> Found | None:
    """The pattern's leftmost occurrence in the sentence: its marked element (an empty mark when the
    pattern marks none), or None."""
    if s.trigger is None and pattern.needs_trigger:
        return None
    norms = getattr(s.toks, "norms", None)
    if norms is not None and any(norms.isdisjoint(words) for words in pattern.required):
        return None
    if any(not e.found(s, vocab) for e in pattern.phrases):
        return None
    elements = pattern.elements

    def rest(i: int, at: int, mark: Found | None) -> Found | None:
        if i == len(elements):
            return mark or Found(at, at, "", ())
        for end in elements[i].ends(s, at, vocab):
            found = rest(i + 1, end, mark or _marked(elements[i], s, at, end, vocab))
            if found is not None:
                return found
        return None

    for at in _starts(pattern, s, vocab):
        found = rest(0, at, None)
        if found is not None:
            return found
    return None


def matches(pattern: Pattern, s: View, vocab: Vocabulary) -> bool:
    """Whether the pattern occurs anywhere in the sentence."""
    return find(pattern, s, vocab) is not None


# --- rules -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    text: str
    fires: bool  # False: a sentence the rule must leave alone


@dataclass(frozen=True)
class Rule:
    name: str
    stage: str
    says: str
    patterns: tuple[Pattern, ...]  # any of them
    also: tuple[Pattern, ...]  # and at least one of these anywhere, when given
    unless: tuple[Pattern, ...]  # and none of these
    when: tuple[str, ...]  # facts the reader states
    effect: str
    examples: tuple[Example, ...]
    value: dict[str, str] = field(default_factory=dict)  # the marked phrase's value -> the trigger's

    def trigger_value(self, found: Found) -> str:
        """A trigger rule's verdict: the value it gives (by the marked phrase's value, «*» for any)."""
        return self.value.get(found.value) or self.value.get("*") or found.value

    def holds(self, s: View, vocab: Vocabulary) -> Found | None:
        """Where the rule's patterns put it in the sentence (its first pattern that occurs, with `also`
        and `unless` met), or None; its facts are not asked."""
        found: Found | None = None
        if self.patterns:
            for pattern in self.patterns:
                found = find(pattern, s, vocab)
                if found is not None:
                    break
            if found is None:
                return None
        if self.also and not any(matches(p, s, vocab) for p in self.also):
            return None
        if self.unless and any(matches(p, s, vocab) for p in self.unless):
            return None
        return found or Found(0, 0, "", ())

    def facts_hold(self, facts: Mapping[str, Callable[[], bool]]) -> bool:
        """Whether every fact the rule needs holds (asked only once its patterns hold: some look back
        through the article)."""
        for fact in self.when:
            if fact not in facts:
                raise RuleError(f"rule {self.name}: the reader states no fact named {fact!r}")
            if not facts[fact]():
                return False
        return True


@dataclass(frozen=True)
class RuleBook:
    """Every rule, by stage, in precedence order."""

    stages: dict[str, str]  # stage -> what a rule of it does
    effects: dict[str, dict[str, str]]  # stage -> effect -> what it does
    rules: tuple[Rule, ...]
    _kept: dict[tuple[object, ...], list[tuple[Rule, Found]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def of(self, stage: str) -> tuple[Rule, ...]:
        """The stage's rules in precedence order."""
        return self._by_stage.get(stage, ())

    @cached_property
    def _by_stage(self) -> dict[str, tuple[Rule, ...]]:
        return {stage: tuple(r for r in self.rules if r.stage == stage) for stage in self.stages}

    def rule(self, name: str) -> Rule:
        for r in self.rules:
            if r.name == name:
                return r
        raise KeyError(name)

    def holding(self, stage: str, s: View, vocab: Vocabulary | None = None) -> list[tuple[Rule, Found]]:
        """The stage's rules whose patterns hold on the sentence, in precedence order, with where; kept
        per sentence (a repeated sentence is not searched again), at most MAX_KEPT sentences."""
        key = s.key
        kept = self._kept.get((stage, key)) if key is not None else None
        if kept is not None:
            return kept
        v = vocab or vocabulary()
        kept = [(rule, found) for rule in self.of(stage) if (found := rule.holds(s, v)) is not None]
        if key is not None:
            if len(self._kept) >= MAX_KEPT:
                self._kept.clear()
            self._kept[(stage, key)] = kept
        return kept

    def decide(
        self,
        stage: str,
        s: View,
        facts: Mapping[str, Callable[[], bool]] | None = None,
        vocab: Vocabulary | None = None,
        alike: bool = True,
    ) -> list[Rule]:
        """The rule that decides the stage (the first to fire, in the file's order) followed, with `alike`,
        by the later rules of the same effect that fire too (recorded beside it); empty when none fires.
        Rules of other effects after the first are not tried: their facts may cost a look back through
        the article."""
        holding = self.holding(stage, s, vocab)
        for i, (rule, _) in enumerate(holding):
            if rule.facts_hold(facts or {}):
                later = holding[i + 1 :] if alike else []
                return [rule, *(r for r, _ in later if r.effect == rule.effect and r.facts_hold(facts or {}))]
        return []

    def first_found(self, stage: str, s: View, vocab: Vocabulary | None = None) -> tuple[Rule, Found] | None:
        """The first rule of a stage that needs no facts to fire and where it put the sentence's mark (the
        trigger a trigger rule found)."""
        key = s.key
        if key is not None and ("first", stage, key) in self._kept:
            kept = self._kept[("first", stage, key)]
            return kept[0] if kept else None
        v = vocab or vocabulary()
        first = next(
            ((r, f) for r in self.of(stage) if not r.when and (f := r.holds(s, v)) is not None), None
        )
        if key is not None:
            if len(self._kept) >= MAX_KEPT:
                self._kept.clear()
            self._kept[("first", stage, key)] = [first] if first else []
        return first

    def decide_where(
        self,
        stage: str,
        s: View,
        facts: Mapping[str, Callable[[], bool]],
        vocab: Vocabulary | None = None,
    ) -> tuple[Rule, Found] | None:
        """The rule that decides the stage and where its pattern put the mark (where attendees start)."""
        return next(((r, f) for r, f in self.holding(stage, s, vocab) if r.facts_hold(facts)), None)

    def pattern_holds(self, name: str, s: View, vocab: Vocabulary | None = None) -> bool:
        """Whether a rule's patterns (not its facts) hold: the reader looks for a rule's slot filler, which
        costs a look back through the article, only where the words are there."""
        rule = self.rule(name)
        return any(r is rule for r, _ in self.holding(rule.stage, s, vocab))


def _words(spec: Any, where: str) -> frozenset[str]:
    """Words given inline or as «file.yaml:key» (a list of that lexicon), in their matching form."""
    if isinstance(spec, str) and ":" in spec:
        file, key = spec.split(":", 1)
        value: Any = load_yaml(file)
        for part in key.split("."):
            if not isinstance(value, dict) or part not in value:
                raise RuleError(f"{where}: no list {key!r} in majlis/lexicons/{file}")
            value = value[part]
        spec = value
    if not isinstance(spec, list) or not all(isinstance(w, str) for w in spec):
        raise RuleError(f"{where}: words must be a list or «file.yaml:key» naming one")
    return frozenset(w for item in spec for w in norm_words(item))


def _bound(ref: Any, where: str) -> str:
    if not isinstance(ref, str) or not _BOUND.match(ref.replace(" ", "")):
        raise RuleError(f"{where}: a bound is trigger_start or trigger_end, with +N or -N ({ref!r})")
    return ref.replace(" ", "")


def _gap(spec: Any, where: str) -> Gap:
    if spec == "any":
        return Gap(ANY)
    if spec == "to_first_person":
        return Gap(ANY, to_first_person=True)
    if isinstance(spec, int) and spec >= 0:
        return Gap(spec)
    raise RuleError(f"{where}: gap is a number of tokens, «any» or «to_first_person» ({spec!r})")


def _element(spec: Any, where: str) -> Element:
    if spec == "trigger":
        return Trigger()
    if spec == "first_person":
        return FirstPerson()
    if spec == "opening":
        return Opening()
    if spec == "sentence_start":
        return SentenceStart()
    if not isinstance(spec, dict) or len(spec) == 0:
        raise RuleError(f"{where}: unknown pattern element {spec!r}")
    if "trigger" in spec:
        opts = spec["trigger"] or {}
        first = opts.get("first_word_in")
        return Trigger(opts.get("value"), _words(first, where) if first is not None else None)
    if "in" in spec:
        return Word(_words(spec["in"], where), mark=bool(spec.get("mark")))
    if "words" in spec:
        return Word(_words(spec["words"], where), mark=bool(spec.get("mark")))
    if "phrase" in spec:
        if not isinstance(getattr(vocabulary(), str(spec["phrase"]), None), PhraseMatcher):
            raise RuleError(f"{where}: no phrase list named {spec['phrase']!r} in the vocabulary")
        by, at, after = spec.get("starts_by"), spec.get("starts_at"), spec.get("not_after")
        return Phrase(
            spec["phrase"],
            _bound(by, where) if by is not None else None,
            _bound(at, where) if at is not None else None,
            value=_alternatives(spec.get("value")),
            not_value=_alternatives(spec.get("not_value")),
            first=bool(spec.get("first")),
            not_after=_words(after, where) if after is not None else frozenset(),
            mark=bool(spec.get("mark")),
        )
    if "gap" in spec:
        gap = _gap(spec["gap"], where)
        stop = spec.get("stop_at")
        return Gap(gap.most, gap.to_first_person, frozenset(stop) if stop else frozenset())
    raise RuleError(f"{where}: unknown pattern element {spec!r}")


def _alternatives(spec: Any) -> tuple[str, ...]:
    """«call:*|meeting:receives» → its alternatives."""
    return tuple(str(spec).split("|")) if spec else ()


def _patterns(spec: Any, where: str) -> tuple[Pattern, ...]:
    if spec is None:
        return ()
    if not isinstance(spec, list) or not spec:
        raise RuleError(f"{where}: a list of patterns, each a list of elements")
    patterns = spec if isinstance(spec[0], list) else [spec]
    out = []
    for pattern in patterns:
        if not isinstance(pattern, list) or not pattern:
            raise RuleError(f"{where}: a pattern is a non-empty list of elements")
        out.append(Pattern(tuple(_element(e, where) for e in pattern)))
    return tuple(out)


def _examples(spec: Any, where: str) -> tuple[Example, ...]:
    out = []
    for item in spec or []:
        if isinstance(item, str):
            out.append(Example(item, True))
        elif isinstance(item, dict) and isinstance(item.get("not"), str):
            out.append(Example(item["not"], False))
        else:
            raise RuleError(f"{where}: an example is a sentence, or {{not: sentence}} for one left alone")
    if not any(e.fires for e in out):
        raise RuleError(f"{where}: every rule needs at least one example it fires on")
    return tuple(out)


def _value_map(spec: Any, where: str) -> dict[str, str]:
    """A trigger rule's value: one for any match, or one per marked phrase value («*» for the rest)."""
    if spec is None:
        return {}
    if isinstance(spec, str):
        return {"*": spec}
    if isinstance(spec, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in spec.items()):
        return dict(spec)
    raise RuleError(f"{where}: value is a string or a mapping of phrase values to values")


def read_rules(data: Any) -> RuleBook:
    """Rules from parsed YAML, checked: a rule that cannot be read is an error naming it."""
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleError("rules.yaml: expected `stages`, `effects` and a `rules` list")
    stages: dict[str, str] = data.get("stages") or {}
    effects: dict[str, dict[str, str]] = data.get("effects") or {}
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, item in enumerate(data["rules"]):
        name = item.get("name") if isinstance(item, dict) else None
        where = f"rules.yaml rule {name or i + 1}"
        if not isinstance(item, dict) or not isinstance(name, str):
            raise RuleError(f"{where}: a rule is a mapping with a name")
        if name in seen:
            raise RuleError(f"{where}: the name is used twice")
        seen.add(name)
        stage = item.get("stage")
        if stage not in stages:
            raise RuleError(f"{where}: stage {stage!r} is not one of {sorted(stages)}")
        effect = item.get("effect", "")
        if effect not in effects.get(stage, {}):
            raise RuleError(
                f"{where}: effect {effect!r} is not one of stage {stage}'s {sorted(effects.get(stage, {}))}"
            )
        patterns = _patterns(item.get("pattern"), where)
        when = tuple(item.get("when") or ())
        if not patterns and not when:
            raise RuleError(f"{where}: a rule needs a pattern or a fact to fire on")
        rules.append(
            Rule(
                name=name,
                stage=stage,
                says=str(item.get("says", "")).strip(),
                patterns=patterns,
                also=_patterns(item.get("also"), where),
                unless=_patterns(item.get("unless"), where),
                when=when,
                effect=effect,
                examples=_examples(item.get("examples"), where),
                value=_value_map(item.get("value"), where),
            )
        )
    return RuleBook(stages, effects, tuple(rules))


@cache
def rulebook() -> RuleBook:
    """The rules of majlis/lexicons/rules.yaml, read once per process."""
    return read_rules(load_yaml(RULES_FILE))
