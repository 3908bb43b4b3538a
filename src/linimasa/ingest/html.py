"""HTML pages: the article body and metadata through trafilatura, the publication date from the page's own
markup (``article:published_time``, JSON-LD ``datePublished``, ``<time datetime>``) rather than htmldate's
guesses, which can be invented."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

_META_DATE_KEYS = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
                   "publish_date", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created",
                   "content_publishedtime", "parsely-pub-date", "sailthru.date", "article.published")
_META_OUTLET_KEYS = ("og:site_name", "application-name", "publisher")
_META_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "parsely-author", "content_author")


@dataclass(frozen=True, slots=True)
class HtmlDocument:
    """What an HTML page gives: its body text (paragraphs split by newlines) and metadata as printed."""

    text: str
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    url: str | None = None
    language: str | None = None


class _MetaReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.times: list[str] = []
        self.jsonld: list[str] = []
        self.canonical: str | None = None
        self.lang: str | None = None
        self.title = ""
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.lang = a["lang"]
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"].strip()
        elif tag == "time" and a.get("datetime"):
            self.times.append(a["datetime"].strip())
        elif tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.canonical = a["href"]
        elif tag == "script" and "ld+json" in a.get("type", "").lower():
            self._in = "jsonld"
            self.jsonld.append("")
        elif tag == "title":
            self._in = "title"

    def handle_endtag(self, tag):
        if tag in ("script", "title"):
            self._in = None

    def handle_data(self, data):
        if self._in == "jsonld":
            self.jsonld[-1] += data
        elif self._in == "title":
            self.title += data


def _jsonld_values(blobs: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}

    def walk(node):
        if isinstance(node, list):
            for n in node:
                walk(n)
        elif isinstance(node, dict):
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(str(k).endswith(("Article", "NewsArticle", "BlogPosting", "Report")) for k in kinds):
                for key in ("datePublished", "headline", "url"):
                    if isinstance(node.get(key), str):
                        out.setdefault(key, node[key])
                author = node.get("author")
                names = [author] if isinstance(author, (dict, str)) else (author or [])
                for a in names:
                    name = a.get("name") if isinstance(a, dict) else a
                    if isinstance(name, str) and name.strip():
                        out.setdefault("author", name.strip())
                pub = node.get("publisher")
                if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                    out.setdefault("publisher", pub["name"])
            for v in node.values():
                if isinstance(v, (list, dict)):
                    walk(v)

    for blob in blobs:
        try:
            walk(json.loads(blob))
        except ValueError:
            continue
    return out


def read_html(html: str, *, url: str | None = None) -> HtmlDocument:
    """Extract the article from an HTML page (empty ``text`` when there is none).

    >>> read_html("<html><body><article><h1>Judul</h1><p>Isi berita yang cukup panjang di sini.</p>"
    ...           "</article></body></html>").text  # doctest: +SKIP
    'Isi berita yang cukup panjang di sini.'
    """
    import trafilatura

    reader = _MetaReader()
    try:
        reader.feed(html)
        reader.close()
    except (AssertionError, ValueError):  # a truncated or broken page: keep what was read
        pass
    ld = _jsonld_values(reader.jsonld)
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False, deduplicate=False)
    text = title = author = sitename = None
    if doc is not None:
        get = (lambda k: doc.get(k)) if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
        text, title, author, sitename = get("text"), get("title"), get("author"), get("sitename")
        url = url or get("url")
    if not text or not text.strip():
        text = _fallback_text(html)
    published = ld.get("datePublished")
    for key in _META_DATE_KEYS:
        if not published and reader.meta.get(key):
            published = reader.meta[key]
    if not published and reader.times:
        published = reader.times[0]
    authors: list[str] = []
    for key in _META_AUTHOR_KEYS:
        if reader.meta.get(key) and not reader.meta[key].startswith("http"):
            authors = [reader.meta[key]]
            break
    if not authors and ld.get("author"):
        authors = [ld["author"]]
    if not authors and author:
        authors = [a.strip() for a in re.split(r";|\s\|\s", author) if a.strip()]
    outlet = next((reader.meta[k] for k in _META_OUTLET_KEYS if reader.meta.get(k)), None) or ld.get("publisher")
    outlet = outlet or sitename
    title = ld.get("headline") or reader.meta.get("og:title") or title or reader.title.strip() or None
    return HtmlDocument(text=(text or "").strip(), title=title.strip() if title else None, published=published,
                        authors=tuple(authors), outlet=outlet, url=url or reader.canonical or ld.get("url"),
                        language=(reader.lang or "").split("-")[0].lower() or None)


class _TextReader(HTMLParser):
    _SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "figure", "figcaption"}
    _BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "li", "article", "section", "blockquote", "tr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self.skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP and self.skip:
            self.skip -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def _fallback_text(html: str) -> str:
    """Plain paragraphs of a fragment or a page trafilatura found nothing in (feed item content)."""
    reader = _TextReader()
    try:
        reader.feed(html)
        reader.close()
    except (AssertionError, ValueError):
        pass
    lines = [" ".join(line.split()) for line in "".join(reader.parts).split("\n")]
    return "\n".join(line for line in lines if line)


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed item's content), one paragraph a line."""
    return _fallback_text(fragment)


def looks_like_html(text: str) -> bool:
    """True for text that carries HTML markup (a JSON record's ``content`` field, for instance)."""
    return bool(re.search(r"<(p|div|br|span|a|h[1-6]|article|html|body|strong|em)\b[^>]*>", text[:5000], re.I))


__all__ = ["HtmlDocument", "read_html", "html_to_text", "looks_like_html"]
