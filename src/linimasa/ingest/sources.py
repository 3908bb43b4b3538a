"""Reading inputs: files, folders, stdin, JSON Lines / JSON, WARC and RSS/Atom -> :class:`RawDocument`.

``read_sources(paths)`` yields one :class:`RawDocument` per article-sized input (a text file, an HTML page, a
JSON record, a WARC response, a feed item) or a :class:`~linimasa.model.Failure` for an input that cannot be
read (missing, binary, empty, too large, a broken JSON line). It never raises for one bad input: the run goes on.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterator, Sequence

from ..errors import IngestError
from ..model import Failure
from .decode import decode, is_binary
from .fields import map_fields

log = logging.getLogger(__name__)

TEXT_EXTENSIONS = (".txt", ".text", ".md")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
JSON_EXTENSIONS = (".jsonl", ".ndjson", ".json")
WARC_EXTENSIONS = (".warc", ".warc.gz")
FEED_EXTENSIONS = (".xml", ".rss", ".atom")


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input as read, before parsing: the raw bytes, what kind they are and any given metadata."""

    source: str  # path, "path#L12" for a JSONL record, "-" for stdin, url for WARC/RSS items
    data: bytes  # the raw bytes as read (for a JSON record: that record's JSON, UTF-8)
    format: str  # "text" | "html" | "json-record" | "warc-record" | "rss-item"
    fields: tuple[tuple[str, str], ...] = ()  # given metadata mapped to our names (see ingest/fields.py)

    @property
    def id(self) -> str:
        """The raw id: the first 16 hex digits of sha256 over the bytes."""
        return hashlib.sha256(self.data).hexdigest()[:16]

    def field(self, name: str) -> str | None:
        """The first given value for ``name`` (``url``, ``title``, ``published``...), or None."""
        for key, value in self.fields:
            if key == name:
                return value
        return None

    def field_values(self, name: str) -> tuple[str, ...]:
        """Every given value for ``name`` (``authors`` may repeat)."""
        return tuple(value for key, value in self.fields if key == name)


def read_sources(paths: Sequence[str], *, stdin: BinaryIO | None = None,
                 max_bytes: int = 20_000_000) -> Iterator[RawDocument | Failure]:
    """Yield a RawDocument (or a Failure) for every article found under ``paths``.

    Folders are walked recursively in sorted order, skipping hidden files and folders and the README, LICENSE
    and CHANGELOG files that sit beside articles; ``-`` reads stdin.

    >>> [d.format for d in read_sources(["examples/"])][:1]  # doctest: +SKIP
    ['text']
    """
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else _stdin_buffer()
            data = stream.read(max_bytes + 1)
            yield from _read_bytes("-", data, "", max_bytes)
            continue
        p = Path(path)
        if p.is_dir():
            for file in _walk(p):
                yield from _read_file(file, max_bytes)
        elif p.exists():
            yield from _read_file(p, max_bytes)
        else:
            yield Failure(str(path), "read", "no such file or directory")


def _stdin_buffer() -> BinaryIO:
    import sys

    return sys.stdin.buffer


#: files a folder of articles often holds that are not articles (read only when named on the command line)
NOT_ARTICLES = ("readme", "license", "licence", "copying", "changelog", "sources", "notice")


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(("." , "__")))
        for name in sorted(files):
            if name.startswith(".") or name.split(".")[0].casefold() in NOT_ARTICLES:
                continue
            yield Path(root) / name


def _read_file(path: Path, max_bytes: int) -> Iterator[RawDocument | Failure]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Failure(source, "read", f"too large ({size:,} bytes; the limit is {max_bytes:,})")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(source, "read", f"cannot read: {exc.strerror or exc}")
        return
    yield from _read_bytes(source, data, _extension(path.name), max_bytes)


def _extension(name: str) -> str:
    lower = name.lower()
    for ext in WARC_EXTENSIONS + (".json.gz", ".jsonl.gz"):
        if lower.endswith(ext):
            return ext
    return os.path.splitext(lower)[1]


def _read_bytes(source: str, data: bytes, ext: str, max_bytes: int) -> Iterator[RawDocument | Failure]:
    if len(data) > max_bytes:
        yield Failure(source, "read", f"too large (more than {max_bytes:,} bytes)")
        return
    if not data.strip():
        yield Failure(source, "read", "empty file")
        return
    kind = _kind_from_extension(ext) or sniff(data)
    try:
        if kind == "warc":
            yield from _read_warc(source, data)
        elif kind == "json":
            yield from _read_json(source, data, lines=ext in (".jsonl", ".ndjson", ".jsonl.gz"))
        elif kind == "feed":
            yield from _read_feed(source, data)
        else:
            decode(data)  # refuse binary / undecodable input here, with the path
            yield RawDocument(source, data, kind)
    except IngestError as exc:
        yield Failure(source, "read", str(exc))


def _kind_from_extension(ext: str) -> str | None:
    if ext in TEXT_EXTENSIONS:
        return "text"
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext in JSON_EXTENSIONS or ext in (".json.gz", ".jsonl.gz"):
        return "json"
    if ext in WARC_EXTENSIONS:
        return "warc"
    if ext in FEED_EXTENSIONS:
        return "feed"
    return None


def sniff(data: bytes) -> str:
    """Guess the kind of an input from its first bytes: text, html, json, warc or feed.

    >>> sniff(b'{"title": "x"}')
    'json'
    """
    head = data[:4096]
    if head.startswith(b"\x1f\x8b"):
        try:
            inner = gzip.decompress(data)[:4096]
        except OSError:
            raise IngestError("gzip data that cannot be unpacked") from None
        return "warc" if inner.startswith(b"WARC/") else ("json" if inner.lstrip()[:1] in (b"{", b"[") else "text")
    if head.startswith(b"WARC/"):
        return "warc"
    if is_binary(head):
        raise IngestError("binary data, not text (an image, archive or other non-article file?)")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped[:1] in (b"{", b"["):
        return "json"
    if stripped.startswith(b"<"):
        if b"<rss" in stripped or b"<feed" in stripped or b"<rdf:rdf" in stripped:
            return "feed"
        return "html"
    return "text"


# ------------------------------------------------------------------ JSON and JSON Lines

def _read_json(source: str, data: bytes, *, lines: bool = False) -> Iterator[RawDocument | Failure]:
    if data.startswith(b"\x1f\x8b"):
        data = gzip.decompress(data)
    text = decode(data)
    stripped = text.lstrip()
    if not lines and (stripped.startswith("[") or (stripped.startswith("{") and _is_single_json(stripped))):
        try:
            doc = json.loads(stripped)
        except ValueError as exc:
            yield Failure(source, "read", f"not valid JSON: {exc}")
            return
        records = _records_of(doc)
        if records is None:
            yield Failure(source, "read", "JSON holds no article objects (want an object, an array of objects, "
                                          "or {\"articles\": [...]})")
            return
        for n, record in enumerate(records, 1):
            rec_source = f"{source}#{n}" if len(records) > 1 or stripped.startswith("[") else source
            yield from _record(rec_source, record, None)
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield Failure(f"{source}#L{lineno}", "read", f"broken JSON line: {exc}")
            continue
        yield from _record(f"{source}#L{lineno}", record, line.strip().encode("utf-8"))


def _is_single_json(text: str) -> bool:
    """A whole-file JSON object (possibly pretty-printed), rather than JSON Lines."""
    try:
        json.loads(text)
        return True
    except ValueError:
        return False


def _records_of(doc: Any) -> list[Any] | None:
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        for key in ("articles", "items", "data", "results", "records", "entries"):
            if isinstance(doc.get(key), list):
                return doc[key]
        return [doc]
    return None


def _record(source: str, record: Any, raw: bytes | None) -> Iterator[RawDocument | Failure]:
    if not isinstance(record, dict):
        yield Failure(source, "read", f"a JSON {type(record).__name__}, not an article object")
        return
    data = raw if raw is not None else json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
    yield RawDocument(source, data, "json-record", map_fields(record))


# ------------------------------------------------------------------ WARC

def _read_warc(source: str, data: bytes) -> Iterator[RawDocument | Failure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for n, record in enumerate(ArchiveIterator(io.BytesIO(data)), 1):
            if record.rec_type != "response":
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#{n}"
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if ctype and "html" not in ctype.lower():
                continue
            status = record.http_headers.get_statuscode() if record.http_headers else "200"
            if status and not str(status).startswith("2"):
                continue
            payload = record.content_stream().read()
            if not payload.strip():
                yield Failure(uri, "read", "empty WARC response")
                continue
            fields: list[tuple[str, str]] = [("url", uri)]
            fetched = record.rec_headers.get_header("WARC-Date")
            if fetched:
                fields.append(("fetched_at", fetched))
            if "charset=" in ctype.lower():
                fields.append(("charset", ctype.lower().split("charset=")[1].split(";")[0].strip()))
            yield RawDocument(uri, payload, "warc-record", tuple(fields))
    except ArchiveLoadFailed as exc:
        yield Failure(source, "read", f"not a readable WARC file: {exc}")


# ------------------------------------------------------------------ RSS / Atom

def _read_feed(source: str, data: bytes) -> Iterator[RawDocument | Failure]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = str(getattr(feed, "bozo_exception", "")) or "no items"
        yield Failure(source, "read", f"feed has no items ({reason})")
        return
    outlet = (feed.feed.get("title") or "").strip()
    for n, entry in enumerate(feed.entries, 1):
        body = ""
        if entry.get("content"):
            body = max((c.get("value") or "" for c in entry.content), key=len)
        if not body.strip():
            body = entry.get("summary") or entry.get("description") or ""
        link = entry.get("link") or ""
        item_source = link or f"{source}#item{n}"
        if not body.strip():
            yield Failure(item_source, "read", "feed item has no content or summary")
            continue
        fields: list[tuple[str, str]] = []
        if link:
            fields.append(("url", link))
        if entry.get("title"):
            fields.append(("title", entry.title.strip()))
        published = entry.get("published") or entry.get("updated") or entry.get("dc_date")
        if published:
            fields.append(("published", published))
        for name in _feed_authors(entry):
            fields.append(("authors", name))
        if outlet:
            fields.append(("outlet", outlet))
        fields.append(("feed", source))
        yield RawDocument(item_source, body.encode("utf-8"), "rss-item", tuple(fields))


def _feed_authors(entry: Any) -> list[str]:
    """Author names of a feed item: RSS writes "mail@site (Name)", Atom and Dublin Core write names."""
    raw = (entry.get("author") or "").strip()
    m = re.fullmatch(r"\S+@\S+\s*\(([^()]+)\)", raw)
    if m:
        return [m.group(1).strip()]
    if raw and "@" not in raw:
        return [raw]
    return [a["name"].strip() for a in entry.get("authors") or () if a.get("name") and "@" not in a["name"]
            and "(" not in a["name"]]


__all__ = ["RawDocument", "read_sources", "sniff", "TEXT_EXTENSIONS", "HTML_EXTENSIONS", "JSON_EXTENSIONS"]
