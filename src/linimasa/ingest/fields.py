"""Given metadata of JSON records: the usual field names of scrapers and feeds, mapped to ours.

Our names: ``url``, ``title``, ``text``, ``published``, ``outlet``, ``authors``, ``language``, ``id``.
The first name in each row wins when a record has several (``published`` before ``date``).
"""
from __future__ import annotations

from typing import Any

#: our field -> the record keys that carry it, in order of preference (compared case-insensitively)
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "url": ("url", "link", "href", "canonical_url", "permalink", "article_url"),
    "title": ("title", "headline", "judul", "name"),
    "text": ("text", "content", "body", "article", "article_text", "full_text", "isi", "konten", "maintext",
             "description", "summary"),
    "html": ("html", "raw_html", "content_html", "body_html"),
    "published": ("published", "published_at", "publishedat", "date_published", "datepublished", "pubdate",
                  "pub_date", "publish_date", "published_date", "date", "datetime", "tanggal", "time",
                  "created_at", "timestamp"),
    "outlet": ("outlet", "source", "site", "site_name", "sitename", "publisher", "media", "portal", "domain"),
    "authors": ("authors", "author", "byline", "penulis", "reporter", "writer", "creator"),
    "language": ("language", "lang", "bahasa"),
    "id": ("id", "guid", "uid", "article_id"),
}


def map_fields(record: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """Pick our fields out of a JSON record; lists become repeated pairs, nested objects use their name.

    >>> map_fields({"headline": "Banjir", "link": "https://x.id/a", "author": ["A", "B"]})
    (('url', 'https://x.id/a'), ('title', 'Banjir'), ('authors', 'A'), ('authors', 'B'))
    """
    lowered = {str(k).lower(): v for k, v in record.items()}
    out: list[tuple[str, str]] = []
    for ours, keys in FIELD_NAMES.items():
        for key in keys:
            if key not in lowered:
                continue
            values = _strings(lowered[key])
            if not values:
                continue
            if ours == "authors":
                out.extend(("authors", v) for v in values)
            else:
                out.append((ours, values[0]))
            break
    return tuple(out)


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        for key in ("name", "title", "value", "text", "url", "href"):
            if key in value:
                return _strings(value[key])
        return []
    if isinstance(value, bool):
        return []
    text = str(value).strip()
    return [text] if text else []


__all__ = ["FIELD_NAMES", "map_fields"]
