#!/usr/bin/env python3
"""The real-news development corpus: an index in the repository, texts rebuilt outside it.

The repository keeps no article text (it is other people's writing). Each item's index line holds the
search query that finds it, its url, the sha256 and length of the excerpt the search tool returned, the
outlet, published_at and our own gold meetings. An agent with the search tool re-runs the queries and saves
each excerpt, exactly as returned, to ``RAW/<id>.txt``; this script checks those texts against the index and
writes gold-format JSON Lines for scoring, each with the index's ``people`` (every other person the text
names) when the index has it.

    python3 eval/real/corpus.py hash  RAW INDEX.jsonl      # fill in sha256/length from saved excerpts
    python3 eval/real/corpus.py build RAW OUT_DIR          # -> OUT_DIR/tune.jsonl, OUT_DIR/check.jsonl
    python3 eval/real/corpus.py stats                      # items, outlets, countries, meetings per split

``build`` leaves out every item whose text is missing or differs from its hash, and every item that
``../shared/eval/check_overlap.py`` flags as overlapping the hidden evaluation sets. The split is fixed by
the item's url (one third to ``check``), so adding items never moves old ones between splits.
Standard library only.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
INDEX_DIR = HERE / "index"
OVERLAP = HERE.parents[2] / "shared" / "eval" / "check_overlap.py"
TITLE_MAX_WORDS = 15  # a headline; a longer first line, or one ending a sentence, is the story's lead


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def split_of(url: str) -> str:
    """One third of the items, chosen by a hash of the url, are the check split."""
    return "check" if int(hashlib.sha256(url.encode()).hexdigest(), 16) % 3 == 0 else "tune"


def index_items() -> list[dict[str, object]]:
    items = []
    for path in sorted(INDEX_DIR.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                item = json.loads(line)
                item["_where"] = f"{path.name}:{n}"
                items.append(item)
    return items


def title_and_body(text: str) -> tuple[str | None, str]:
    """The first line is the headline when it is short, ends no sentence, and more text follows."""
    first, _, rest = text.strip().partition("\n")
    if (
        rest.strip()
        and len(first.split()) <= TITLE_MAX_WORDS
        and not first.rstrip().endswith((".", "،", ":"))
    ):
        return first.strip(), rest.strip()
    return None, text.strip()


def cmd_hash(raw: Path, index: Path) -> int:
    lines = index.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        if not line.strip():
            continue
        item = json.loads(line)
        text = (raw / f"{item['id']}.txt").read_text(encoding="utf-8")
        item["sha256"], item["length"] = sha256(text), len(text)
        out.append(json.dumps(item, ensure_ascii=False))
    index.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(out)} item(s) hashed in {index}")
    return 0


def overlapping(records: list[dict[str, object]]) -> set[str]:
    """Ids that check_overlap.py flags (it prints 'line N (ID): overlaps …')."""
    if not OVERLAP.exists():
        print(f"warning: {OVERLAP} not found; overlap with the hidden sets is NOT checked", file=sys.stderr)
        return set()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        for r in records:
            tmp.write(json.dumps(r, ensure_ascii=False) + "\n")
    done = subprocess.run([sys.executable, str(OVERLAP), tmp.name], capture_output=True, text=True)
    Path(tmp.name).unlink()
    flagged = set()
    for line in done.stdout.splitlines():
        if line.startswith("line ") and "(" in line:
            flagged.add(line.split("(", 1)[1].split(")", 1)[0])
    return flagged


def cmd_build(raw: Path, out: Path) -> int:
    records, missing, changed = [], [], []
    for item in index_items():
        path = raw / f"{item['id']}.txt"
        if not path.exists():
            missing.append(item["id"])
            continue
        text = path.read_text(encoding="utf-8")
        if sha256(text) != item.get("sha256"):
            changed.append(item["id"])
            continue
        title, body = title_and_body(text)
        record = {
            "id": item["id"],
            "url": item["url"],
            "source": item.get("outlet"),
            "published_at": item.get("published_at"),
            "title": title,
            "body": body,
            "meetings": item["meetings"],
        }
        if "people" in item:  # every other person named; absent means not annotated
            record["people"] = item["people"]
        records.append(record)
    flagged = overlapping(records)
    out.mkdir(parents=True, exist_ok=True)
    kept = [r for r in records if r["id"] not in flagged]
    for split in ("tune", "check"):
        rows = [r for r in kept if split_of(str(r["url"])) == split]
        with (out / f"{split}.jsonl").open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{split}: {len(rows)} item(s) -> {out / (split + '.jsonl')}")
    print(
        f"missing texts: {len(missing)} {missing[:10]}; hash differs: {len(changed)} {changed[:10]}; "
        f"left out as overlapping the hidden sets: {len(flagged)} {sorted(flagged)[:10]}"
    )
    return 0


def cmd_stats() -> int:
    items = index_items()
    for split in ("tune", "check", "all"):
        rows = [i for i in items if split == "all" or split_of(str(i["url"])) == split]
        meetings = sum(len(i["meetings"]) for i in rows)  # type: ignore[arg-type]
        empty = sum(1 for i in rows if not i["meetings"])
        outlets = Counter(i.get("outlet") for i in rows)
        countries = Counter(i.get("outlet_country") for i in rows)
        print(
            f"{split}: {len(rows)} items, {meetings} meetings, {empty} with none "
            f"({empty / max(len(rows), 1):.0%}), {len(outlets)} outlets, {len(countries)} countries"
        )
    return 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[1] == "stats":
        return cmd_stats()
    if len(argv) == 4 and argv[1] == "hash":
        return cmd_hash(Path(argv[2]), Path(argv[3]))
    if len(argv) == 4 and argv[1] == "build":
        return cmd_build(Path(argv[2]), Path(argv[3]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
