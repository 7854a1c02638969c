"""`majlis explain`: an article read sentence by sentence, with the rules that made each fact.

A wrong meeting in the warehouse is traced here to the rule that made it (fact_meetings.rules names the
same rules); the fix is then a lexicon entry or a rule's example (majlis/lexicons/README.md)."""

from __future__ import annotations

from majlis.extract.meetings import Decision, decisions
from majlis.records import Article, Meeting, Mention, Sentence


def _meeting_lines(meeting: Meeting) -> list[str]:
    place = ", ".join(x for x in (meeting.city, meeting.location_country_code) if x) or "-"
    date = meeting.meeting_date.isoformat() if meeting.meeting_date else "-"
    lines = [
        f"  => {meeting.event_type} #{meeting.meeting_index}  date {date}  place {place}  "
        f"confidence {meeting.confidence}",
        f"     rules: {', '.join(meeting.rules) or '-'}",
    ]
    for p in meeting.participants:
        who = p.person_name or p.title or "?"
        lines.append(f"     {p.role:8s} {who}  [{p.country_code or '-'}]  rules: {', '.join(p.rules) or '-'}")
    return lines


def _entity_line(mentions: list[Mention]) -> str:
    """The names NER found in one sentence: a missed meeting is often a name NER did not see."""
    return "  entities: " + ("; ".join(f"{m.label} «{m.text}»" for m in mentions) or "none")


def _decision_line(fired: list[Decision]) -> str | None:
    """The trigger and the engine's rules that fired on one sentence, with what each decided."""
    if not fired:
        return None
    return "  rules fired: " + "; ".join(f"{d.rule} -> {d.effect}" for d in fired)


def explain_articles(
    articles: list[Article], sentences: list[Sentence], meetings: list[Meeting], mentions: list[Mention]
) -> str:
    """Every sentence of each article, numbered, with the entities NER found in it and the meetings whose
    evidence it is."""
    out: list[str] = []
    for article in articles:
        own = [m for m in meetings if m.article_id == article.article_id]
        in_article = [s for s in sentences if s.article_id == article.article_id]
        mentioned = [m for m in mentions if m.article_id == article.article_id]
        trace = decisions(article, in_article, mentioned)
        out.append(f"# {article.external_id}: {len(own)} meetings")
        for sentence in in_article:
            out.append(f"[{sentence.sentence_index}] {sentence.text.strip()}")
            found = [
                m
                for m in mentions
                if m.article_id == article.article_id and m.sentence_index == sentence.sentence_index
            ]
            out.append(_entity_line(found))
            fired = [d for d in trace if d.sentence_start == sentence.start_char]
            if (line := _decision_line(fired)) is not None:
                out.append(line)
            for meeting in own:
                if sentence.start_char <= meeting.evidence_start < sentence.end_char:
                    out += _meeting_lines(meeting)
        out.append("")
    return "\n".join(out)
