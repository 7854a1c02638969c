"""A synthetic landing of N invented articles with meetings, to measure the dbt build at scale.

python tests/corpus/landing.py 10000 /tmp/wh10k   # lands, builds, prints seconds
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from majlis.land import land
from majlis.records import Article, Meeting, Mention, Participant, Sentence, to_table

COUNTRIES = ["KW", "OM", "QA", "JO", "FR", "US", "EG", "SA", "IT", "BH"]


def synthetic_landing(root: Path, articles: int, per_batch: int = 500) -> None:
    """Land `articles` invented articles (two meetings, three participants and 20 mentions each)."""
    for start in range(0, articles, per_batch):
        arts, meets, parts, ments = [], [], [], []
        for n in range(start, min(start + per_batch, articles)):
            aid = f"{n:016x}"
            text = f"خبر رقم {n}\n\n" + "استقبل وزير الدفاع نظيره في العاصمة وبحثا التعاون. " * 8
            arts.append(Article(aid, f"ext-{n}", f"in/{n}.txt", 0, f"خبر رقم {n}", text, text, text,
                                date(2025, 1, 1) + timedelta(days=n % 365), "wire", None, "utf-8",
                                datetime(2025, 6, 1, tzinfo=UTC)))  # fmt: skip
            for m in range(2):
                mid = f"{aid}-{m}"
                a, b = COUNTRIES[n % 10], COUNTRIES[(n + 3 + m) % 10]
                sides = [(a, "host"), (b, "guest"), (b, "attendee")]
                people = [
                    Participant(mid, aid, i, f"اسم{(n + i) % 3000} عائلة{(n * 7 + i) % 900}", "وزير الدفاع",
                                None, c, role, None, None)
                    for i, (c, role) in enumerate(sides)
                ]  # fmt: skip
                parts.extend(people)
                meets.append(Meeting(mid, aid, m, "meeting", date(2025, 1, 1) + timedelta(days=n % 365), None,
                                     None, a, a, b, sorted({a, b}), ["training"], "جملة", 0, 10, 0.8,
                                     "majlis-test", "synthetic"))  # fmt: skip
            ments.extend(Mention(aid, 0, "PER", "اسم", i * 5, i * 5 + 3, "synthetic", "0") for i in range(20))
        key = f"20250601T000000{start:08d}-synthetic"
        land("sentences", to_table([], Sentence), key, root)
        land("entity_mentions", to_table(ments, Mention), key, root)
        land("meetings", to_table(meets, Meeting, ("participants",)), key, root)
        land("meeting_participants", to_table(parts, Participant), key, root)
        land("articles", to_table(arts, Article), key, root)


if __name__ == "__main__":
    from majlis.warehouse import build_warehouse

    count, where = int(sys.argv[1]), Path(sys.argv[2])
    synthetic_landing(where / "landed", count)
    started = time.monotonic()
    result = build_warehouse(where)
    print(f"{count} articles: dbt build {time.monotonic() - started:.1f} s; {result.counts}")
