"""Meeting extraction: sentences plus Stanza mentions in, meeting events out. No files, no DuckDB."""

from __future__ import annotations

from collections import defaultdict

from majlis.records import Article, Meeting, Mention, Sentence


def warm_up() -> None:
    """Build the lexicons and matchers now (about a second), so a worker pays it while the flow is still
    reading files rather than inside its first batch."""
    from majlis.extract import countries, dates, places, vocab

    countries._lexicon()  # the package warming its own caches
    dates._lexicon()
    places._known_city_names()
    vocab.vocabulary()


def extract_batch(
    articles: list[Article], sentences: list[Sentence], mentions: list[Mention], model_name: str = ""
) -> list[Meeting]:
    """Meetings of every article of a batch, in article order."""
    from majlis.extract.meetings import extract_meetings  # lexicons load on first use, not on import

    by_article_sentences: dict[str, list[Sentence]] = defaultdict(list)
    by_article_mentions: dict[str, list[Mention]] = defaultdict(list)
    for s in sentences:
        by_article_sentences[s.article_id].append(s)
    for m in mentions:
        by_article_mentions[m.article_id].append(m)
    meetings: list[Meeting] = []
    for article in articles:
        meetings += extract_meetings(
            article,
            by_article_sentences[article.article_id],
            by_article_mentions[article.article_id],
            model_name,
        )
    return meetings
