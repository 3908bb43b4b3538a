"""RawDocument -> Article: the clean body and its metadata (title, outlet, dateline, published, authors, via,
language), whatever the input format.

Given metadata (JSON fields, feed fields, HTML markup) wins over what the text says; the text fills the rest.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from datetime import date, datetime
from typing import Iterable

from ..errors import IngestError, ParseError
from ..model import Article, Author
from .decode import decode
from .html import html_to_text, looks_like_html, read_html
from .langid import detect_language
from .names import outlet_from_url, same_source
from .published import parse_given_published
from .sources import RawDocument
from .textmeta import read_text
from .via import find_via

log = logging.getLogger(__name__)


def article_id(title: str | None, body: str) -> str:
    """The article id: 16 hex digits of sha256 over the normalised title and body (same text, same id).

    >>> article_id("Banjir", "Air  surut.") == article_id("banjir", "Air surut.")
    True
    """
    def norm(s: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", s).casefold().split())
    return hashlib.sha256(f"{norm(title or '')}\n{norm(body)}".encode("utf-8")).hexdigest()[:16]


def parse_text(text: str, *, source: str | None = None, published: str | date | datetime | None = None,
               language: str | None = None, title: str | None = None, outlet: str | None = None,
               url: str | None = None, authors: Iterable[str | Author] | None = None,
               raw_id: str | None = None) -> Article:
    """Clean one article given as text and read its metadata; given values win over the text's.

    >>> art = parse_text("Banjir Rendam Sintang\\n\\nSINTANG - Air merendam tiga desa sejak Senin pagi.")
    >>> art.title, art.dateline, art.text
    ('Banjir Rendam Sintang', 'SINTANG', 'Air merendam tiga desa sejak Senin pagi.')
    """
    known_outlets = tuple(o for o in (outlet.strip() if isinstance(outlet, str) else None,) if o)
    meta = read_text(text, given_title=title.strip() if title else None, outlets=known_outlets)
    if not meta.body.strip():
        raise ParseError("no article text found (only a title, bylines or boilerplate)")
    final_title = (title.strip() if title else None) or meta.title
    when = None
    if published not in (None, ""):
        when = parse_given_published(published)
        if when is None:
            log.warning("cannot read the given publication date %r of %s; using the text's", published, source)
    if when is None:
        when = meta.published
    given_outlet = outlet.strip() if isinstance(outlet, str) and outlet.strip() else None
    final_outlet = given_outlet or meta.outlet or outlet_from_url(url)
    given_authors = tuple(a if isinstance(a, Author) else Author(str(a).strip()) for a in (authors or ())
                          if (a.name if isinstance(a, Author) else str(a)).strip())
    via: list[str] = []
    for name in list(meta.via) + list(find_via(meta.body, outlet=final_outlet)):
        if final_outlet and same_source(name, final_outlet):
            continue
        if meta.outlet and same_source(name, meta.outlet):
            continue
        if not any(same_source(name, v) for v in via):
            via.append(name)
    lang = language or detect_language(f"{final_title or ''}\n{meta.body}")
    return Article(
        id=article_id(final_title, meta.body),
        text=meta.body,
        source=source,
        url=url,
        title=final_title,
        outlet=final_outlet,
        dateline=meta.dateline,
        published=when,
        language=lang,
        authors=given_authors or meta.authors,
        via=tuple(via),
        raw_id=raw_id or hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
    )


def parse_raw(raw: RawDocument) -> Article:
    """Parse one RawDocument into an Article; raises :class:`ParseError` saying why it is no article."""
    try:
        if raw.format == "text":
            return parse_text(decode(raw.data), source=raw.source, raw_id=raw.id,
                              **_given(raw, ("title", "published", "outlet", "url", "language")))
        if raw.format in ("html", "warc-record"):
            return _parse_html(raw, decode(raw.data))
        if raw.format == "json-record":
            return _parse_record(raw)
        if raw.format == "rss-item":
            body = decode(raw.data)
            text = html_to_text(body) if looks_like_html(body) else body
            return _with_given(raw, text)
    except IngestError as exc:
        raise ParseError(str(exc)) from exc
    raise ParseError(f"unknown input format {raw.format!r}; "
                     "known: text, html, json-record, warc-record, rss-item")


def _given(raw: RawDocument, names: tuple[str, ...]) -> dict[str, str]:
    return {n: v for n in names if (v := raw.field(n))}


def _with_given(raw: RawDocument, text: str, **fallback: object) -> Article:
    given = _given(raw, ("title", "published", "outlet", "url", "language"))
    for key, value in fallback.items():
        if value and key not in given and key != "authors":
            given[key] = value  # type: ignore[assignment]
    authors = raw.field_values("authors") or tuple(fallback.get("authors") or ())  # type: ignore[arg-type]
    if not text.strip():
        raise ParseError("no article text found")
    return parse_text(text, source=raw.source, raw_id=raw.id, authors=_split_authors(authors), **given)


def _split_authors(values: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        out.extend(p.strip() for p in re.split(r"\s*(?:;|,|\s&\s|\sdan\s|\sand\s)\s*", v) if p.strip())
    return tuple(dict.fromkeys(out))


def _parse_html(raw: RawDocument, html: str) -> Article:
    doc = read_html(html, url=raw.field("url"))
    if not doc.text:
        raise ParseError("no article text found in the HTML page")
    return _with_given(raw, doc.text, title=doc.title, published=doc.published, outlet=doc.outlet,
                       url=doc.url, authors=doc.authors)


def _parse_record(raw: RawDocument) -> Article:
    try:
        record = json.loads(raw.data.decode("utf-8"))
    except ValueError as exc:
        raise ParseError(f"not valid JSON ({exc})") from exc
    text = raw.field("text") or ""
    if not text.strip() and raw.field("html"):
        doc = read_html(raw.field("html") or "", url=raw.field("url"))
        return _with_given(raw, doc.text, title=doc.title, published=doc.published, outlet=doc.outlet,
                           authors=doc.authors)
    if looks_like_html(text):
        text = html_to_text(text)
    if not text.strip():
        keys = ", ".join(sorted(record)) if isinstance(record, dict) else "?"
        raise ParseError(f"no article text found (no text/content/body field; keys: {keys})")
    return _with_given(raw, text)


__all__ = ["parse_raw", "parse_text", "article_id", "decode"]
