"""Ingest: encodings, title rule, jsonl fields, stable ids, and quarantine reasons."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from majlis.ingest import iter_inputs, split_title
from majlis.records import Article, QuarantineItem

BODY = "استقبل وزير الخارجية العماني سفير دولة تشيلي لدى السلطنة وبحثا سبل التعاون بين البلدين في مسقط."
TITLE = "وزير الخارجية يستقبل سفير تشيلي"


def _articles(paths: list[Path]) -> tuple[list[Article], list[QuarantineItem]]:
    items = list(iter_inputs(paths))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, QuarantineItem)]


def test_encodings_all_decode_to_the_same_article(tmp_path: Path) -> None:
    text = f"{TITLE}\n\n{BODY}\n"
    (tmp_path / "utf8.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "cp1256.txt").write_bytes(text.encode("cp1256"))
    articles, quarantined = _articles([tmp_path])
    assert quarantined == []
    assert {a.encoding for a in articles} == {"utf-8", "utf-8-sig", "utf-16", "cp1256"}
    assert len({a.article_id for a in articles}) == 1
    assert all(a.title == TITLE and a.body == BODY for a in articles)


def test_title_only_when_short_and_followed_by_text() -> None:
    assert split_title(f"{TITLE}\n{BODY}") == (TITLE, BODY)
    assert split_title(BODY) == (None, BODY)
    long_first_line = " ".join([BODY] * 5)
    assert split_title(f"{long_first_line}\n{BODY}")[0] is None


def test_jsonl_fields_and_bad_lines_are_quarantined_alone(tmp_path: Path) -> None:
    good = {"id": "a-1", "title": TITLE, "body": BODY, "published_at": "2025-05-04", "source": "ona"}
    lines = [
        json.dumps(good, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "a-2", "title": "بلا نص"}, ensure_ascii=False),
        json.dumps(
            {"id": "a-3", "text": BODY + " وأكد الجانبان.", "url": "https://example.org/x"},
            ensure_ascii=False,
        ),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, quarantined = _articles([path])
    assert [a.external_id for a in articles] == ["a-1", "a-3"]
    assert articles[0].published_at == date(2025, 5, 4) and articles[0].source == "ona"
    assert articles[1].title is None and articles[1].url == "https://example.org/x"
    assert [(q.record_index, q.reason.split(":")[0]) for q in quarantined] == [
        (2, "malformed JSON"),
        (3, "record has no 'body' or 'text'"),
    ]


def test_unreadable_inputs_are_quarantined_with_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "english.txt").write_text("Title\n\nThis article has no Arabic at all.", encoding="utf-8")
    (tmp_path / "ok.txt").write_text(f"{TITLE}\n{BODY}", encoding="utf-8")
    articles, quarantined = _articles([tmp_path])
    assert [a.external_id for a in articles] == ["ok"]
    reasons = {Path(q.source_file).name: q.reason for q in quarantined}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"].startswith("binary content")
    assert reasons["english.txt"] == "no Arabic text"


def test_html_markup_is_stripped(tmp_path: Path) -> None:
    page = f"<html><head><script>var x=1;</script></head><body><h1>{TITLE}</h1><p>{BODY}</p></body></html>"
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    articles, _ = _articles([tmp_path])
    assert articles[0].title == TITLE and articles[0].body == BODY


def test_symlink_outside_input_directory_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(f"{TITLE}\n{BODY}", encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "link.txt").symlink_to(outside)
    articles, quarantined = _articles([inbox])
    assert articles == []
    assert "outside the input directory" in quarantined[0].reason


def test_article_text_offsets_point_into_original(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(f"{TITLE}\n{BODY}", encoding="utf-8")
    (article,), _ = _articles([tmp_path])
    start = article.text.index("مسقط")
    assert article.text[start : start + 4] == "مسقط"
    assert article.text.startswith(TITLE) and article.text.endswith(BODY)
