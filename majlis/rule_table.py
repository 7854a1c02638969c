"""`majlis rules`: the extraction rules as a table, stage by stage in the order they are tried.

What an analyst reads before adding a phrasing (majlis/lexicons/README.md), and the names that
`fact_meetings.rules`, `majlis explain` and `majlis evaluate --by-rule` show.
"""

from __future__ import annotations

from majlis.extract.engine import RuleBook


def render_rules(book: RuleBook, stage: str | None = None) -> str:
    """One line per rule: name, effect, how many patterns, facts and examples it has, and what it does."""
    lines: list[str] = []
    for name, question in book.stages.items():
        if stage is not None and name != stage:
            continue
        rules = book.of(name)
        lines.append(f"## {name}: {question} ({len(rules)} rules, the first that fires decides)")
        lines.append(f"{'rule':40} {'effect':24} {'patterns':>8} {'facts':>5} {'examples':>8}  says")
        for rule in rules:
            examples = f"{sum(e.fires for e in rule.examples)}+{sum(not e.fires for e in rule.examples)}"
            lines.append(
                f"{rule.name:40} {rule.effect:24} {len(rule.patterns):>8} {len(rule.when):>5} "
                f"{examples:>8}  {rule.says}"
            )
        lines.append("")
    total = sum(len(r.examples) for r in book.rules)
    lines.append(f"{len(book.rules)} rules, {total} examples (fires+left alone): majlis/lexicons/rules.yaml")
    return "\n".join(lines)
