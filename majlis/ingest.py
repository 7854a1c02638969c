"""Read article files (.txt, .html, .jsonl) in any of the encodings Arabic news comes in.

Everything that cannot become an article becomes a `QuarantineItem` with the file and the reason;
ingest never raises for bad input, so one bad file never stops a run.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

from majlis.records import Article, QuarantineItem
from majlis.text import has_arabic_letters, has_id_only_letters, identity_form, normalize

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
# Articles are a few KB; a .jsonl archive may be large. Bigger files are quarantined, not read.
MAX_FILE_BYTES = int(os.environ.get("MAJLIS_MAX_FILE_BYTES", 64 * 1024 * 1024))
MAX_ARTICLE_CHARS = 200_000
MIN_ARABIC_LETTERS = 20
TITLE_MAX_CHARS = 200
TITLE_MAX_WORDS = 30

IngestItem = Article | QuarantineItem


class UndecodableError(ValueError):
    """The bytes are not text in any encoding majlis reads."""


def _now() -> datetime:
    return datetime.now(UTC)


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), UTF-16 or Windows-1256; return (text, encoding name)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    if b"\x00" in raw:
        # UTF-16 without BOM puts a NUL in every other byte for Arabic and ASCII; anything else is binary
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and _looks_like_text(text):
                return text, enc
        raise UndecodableError("binary content (NUL bytes, not UTF-16 text)")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1256")
    except UnicodeDecodeError as exc:
        raise UndecodableError(f"not UTF-8, UTF-16 or Windows-1256 text ({exc.reason})") from exc
    if not _looks_like_text(text):
        raise UndecodableError("binary content (not UTF-8, UTF-16 or Windows-1256 text)")
    return text, "cp1256"


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(text) < 0.01


class _TextExtractor(HTMLParser):
    """Collects the visible text of an HTML page, one block element per line."""

    BLOCKS: ClassVar[set[str]] = {
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "li",
        "tr",
        "title",
        "article",
        "section",
    }
    SKIP: ClassVar[set[str]] = {"script", "style", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip_depth += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip_depth:
            self._skip_depth -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML document, markup stripped, paragraphs on their own lines."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def split_title(text: str) -> tuple[str | None, str]:
    """The first line is the title when it is short and more text follows; otherwise there is no title."""
    stripped = text.strip()
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    if sep and rest.strip() and len(first) <= TITLE_MAX_CHARS and len(first.split()) <= TITLE_MAX_WORDS:
        return first, rest.strip()
    return None, stripped


def compose_text(title: str | None, body: str) -> str:
    """The article text every offset points into: title, blank line, body."""
    return f"{title}\n\n{body}" if title else body


def article_id_for(title: str | None, body: str) -> str:
    """Stable id from the normalised content, so the same article under another file name is one article."""
    return _article_id(identity_form(title or ""), identity_form(body))


def _article_id(normalized_title: str, normalized_body: str) -> str:
    return hashlib.sha256(f"{normalized_title}\n{normalized_body}".encode()).hexdigest()[:16]


def parse_published(value: object) -> date | None:
    """An ISO date or datetime string as a date; anything else is unknown (None)."""
    if isinstance(value, str) and value.strip():
        token = value.strip()[:10]
        try:
            return date.fromisoformat(token)
        except ValueError:
            return None
    return None


def _optional_str(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def make_article(
    *,
    title: str | None,
    body: str,
    external_id: str,
    source_file: str,
    record_index: int,
    encoding: str,
    published_at: date | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Article | str:
    """Build an Article, or return the reason it cannot be one."""
    body = body.strip()
    title = title.strip() if title and title.strip() else None
    text = compose_text(title, body)
    if not text.strip():
        return "empty text"
    if len(text) > MAX_ARTICLE_CHARS:
        return f"article longer than {MAX_ARTICLE_CHARS} characters ({len(text)})"
    if not has_arabic_letters(text, MIN_ARABIC_LETTERS):
        return "no Arabic text"
    # normalize(text) joins these two with a space: title and body are normalised once, for both uses
    normalized_title, normalized_body = normalize(title or ""), normalize(body)
    if has_id_only_letters(text):  # the id's form differs from the matching form only on these letters
        id_title, id_body = identity_form(title or ""), identity_form(body)
    else:
        id_title, id_body = normalized_title, normalized_body
    return Article(
        article_id=_article_id(id_title, id_body),
        external_id=external_id,
        source_file=source_file,
        record_index=record_index,
        title=title,
        body=body,
        text=text,
        text_normalized=" ".join(part for part in (normalized_title, normalized_body) if part),
        published_at=published_at,
        source=source,
        url=url,
        encoding=encoding,
        ingested_at=_now(),
    )


def read_file(path: Path, root: Path | None = None) -> Iterator[IngestItem]:
    """Articles (or quarantine items) of one file; never raises for bad content."""
    name = str(path)
    if root is not None and path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(root.resolve()):
            yield QuarantineItem(name, 0, f"symlink points outside the input directory ({target})", _now())
            return
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield QuarantineItem(name, 0, f"file too large ({size} bytes > limit {MAX_FILE_BYTES})", _now())
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield QuarantineItem(name, 0, f"cannot read file: {exc.strerror or exc}", _now())
        return
    if not raw.strip():
        yield QuarantineItem(name, 0, "empty file", _now())
        return
    try:
        text, encoding = decode_bytes(raw)
    except UndecodableError as exc:
        yield QuarantineItem(name, 0, str(exc), _now())
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(text, name, encoding)
        return
    if suffix in HTML_SUFFIXES or (suffix in TEXT_SUFFIXES and _looks_like_html(text)):
        text = html_to_text(text)
    title, body = split_title(text)
    made = make_article(
        title=title, body=body, external_id=path.stem, source_file=name, record_index=0, encoding=encoding
    )
    yield made if isinstance(made, Article) else QuarantineItem(name, 0, made, _now())


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or bool(re.search(r"<(p|div|body)[\s>]", head))


def _read_jsonl(text: str, name: str, encoding: str) -> Iterator[IngestItem]:
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield QuarantineItem(name, line_no, f"malformed JSON: {exc.msg} at column {exc.colno}", _now())
            continue
        if not isinstance(record, dict):
            yield QuarantineItem(name, line_no, "JSON line is not an object", _now())
            continue
        body = record.get("body", record.get("text"))
        if not isinstance(body, str) or not body.strip():
            yield QuarantineItem(name, line_no, "record has no 'body' or 'text'", _now())
            continue
        external_id = record.get("id")
        made = make_article(
            title=_optional_str(record.get("title")),
            body=body,
            external_id=str(external_id) if external_id is not None else f"{Path(name).stem}:{line_no}",
            source_file=name,
            record_index=line_no,
            encoding=encoding,
            published_at=parse_published(record.get("published_at")),
            source=_optional_str(record.get("source")),
            url=_optional_str(record.get("url")),
        )
        yield made if isinstance(made, Article) else QuarantineItem(name, line_no, made, _now())


def discover_files(paths: Iterable[Path], skipped: Counter[str] | None = None) -> Iterator[tuple[Path, Path]]:
    """(file, root) pairs under the given paths, sorted, symlinked directories not followed.

    Files in a directory that are not articles are left out; `skipped` counts them by reason, so a run
    can say that it did not read them rather than leave them unmentioned."""
    for given in paths:
        root = given if given.is_dir() else given.parent
        if given.is_dir():
            for dirpath, dirnames, filenames in os.walk(given, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for filename in sorted(filenames):
                    candidate = Path(dirpath) / filename
                    reason = skip_reason(candidate)
                    if reason:
                        if skipped is not None:
                            skipped[reason] += 1
                        continue
                    yield candidate, root
        else:
            yield given, root


def skip_reason(path: Path) -> str | None:
    """Why a file found in an input directory is not read, or None for an article file."""
    if path.name.startswith("."):
        return "hidden file"
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return f"unsupported extension {path.suffix.lower() or '(none)'}"
    return None


def iter_inputs(paths: Iterable[Path]) -> Iterator[IngestItem]:
    """Every article and quarantine item under the given files and directories, in a stable order."""
    for path, root in discover_files(paths):
        if not path.exists() and not path.is_symlink():
            yield QuarantineItem(str(path), 0, "file not found", _now())
            continue
        yield from read_file(path, root)
