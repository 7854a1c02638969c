"""Named entities over whole articles: sentences and mentions with offsets into `Article.text`."""

from __future__ import annotations

import time
from functools import lru_cache

from majlis.nlp.corpus import lexicons
from majlis.nlp.model import UNREAD_MARKS, Span, load_pipeline, normalize_token
from majlis.nlp.tokenize import TokenizedSentence, split_sentences
from majlis.records import Article, Mention, Sentence
from majlis.text import without_clitic

BATCH_SENTENCES = 2000  # one Stanza call per this many sentences bounds memory on huge inputs
_LINEAGE = frozenset({"بن", "بنت", "ابن", "ولد"})
_JOINING_PARTICLES = _LINEAGE | {"لا", "دي", "دو", "دا", "ديل", "فان", "فون"}  # inside one person's name
# a name never ends on these: «عبد [الأمير]», «أبو [بكر]» (the model stops before a word that is also a title)
_BOUND_TO_NEXT = _LINEAGE | {"عبد", "أبو", "ابو", "آل"}
MIN_NAME_AFTER_PLACE = 2  # «العربي بلخير» keeps its first word: a one-word name is too little to trust


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


def _bare(word: str, vocab: frozenset[str]) -> str:
    return without_clitic(normalize_token(word), vocab)


def _is_place(word: str, places: frozenset[str]) -> bool:
    """A place word of the NER lexicons, or a city the extraction knows («بصنعاء»)."""
    from majlis.extract.places import cities_in

    return _bare(word, places) in places or any(start == 0 for start, _ in cities_in(word))


def clean_person_spans(tokens: list[str], spans: list[Span]) -> list[Span]:
    """Trim title words off the front of PER spans, and place words when a name of two or more words
    follows («سفيرة بريطانيا لدى [اليمن هيلين كارترايت]»); drop PER spans that are only places or agencies;
    take in a first name and lineage word the span starts right after («حمادي ولد [محمد الأمين]»)."""
    titles, places = _guard_words()
    cleaned: list[Span] = []
    for label, first, last in spans:
        while first < last and tokens[first] in UNREAD_MARKS:  # the model reads through them: not its edge
            first += 1
        while last > first and tokens[last - 1] in UNREAD_MARKS:
            last -= 1
        if first == last:
            continue
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
            ):
                first -= 2
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
        for (article, index, sent), spans in zip(batch, tagged, strict=True):
            if not spans:
                continue
            offsets = sent.offsets()
            for label, first, last in clean_person_spans(sent.words, spans):
                start, end = offsets[first][0], offsets[last - 1][1]
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
