"""Outlets, wire agencies and dateline places: lookups over ``outlets.tsv``, ``wire_agencies.tsv`` and
``datelines.tsv``, plus the shape of a web-site name (``KORANPRABUMULIHPOS.COM``, ``iNews.id``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from ..lang import load_lexicon

#: a site name as outlets print it: ``Bergelora.com``, ``REPUBLIKA.CO.ID``, ``TEMPO.CO``, ``iNews.id``
DOMAIN = (r"(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+(?i:com|co\.id|web\.id|or\.id|go\.id|ac\.id|my\.id|co|id|net|org"
          r"|tv|news|info|asia|com\.my|my|sg|co\.uk|uk)(?![A-Za-z0-9])")
DOMAIN_RE = re.compile(DOMAIN)


@dataclass(frozen=True, slots=True)
class NameTables:
    agencies: dict[str, str]  # surface form -> canonical name
    outlets: dict[str, str]  # surface form -> canonical name
    outlet_domains: dict[str, str]  # domain -> canonical name
    places: tuple[str, ...]  # dateline places, longest first


@lru_cache(maxsize=None)
def tables() -> NameTables:
    """The name lexicons (loaded once per process)."""
    agencies = {form: name for form, name, _ in load_lexicon("id", "wire_agencies")}
    outlets: dict[str, str] = {}
    domains: dict[str, str] = {}
    for form, name, domain in load_lexicon("id", "outlets"):
        outlets[form] = name
        if domain != "-":
            domains.setdefault(domain.casefold(), name)
    places = tuple(sorted(load_lexicon("id", "datelines").column("place"), key=len, reverse=True))
    return NameTables(agencies, outlets, domains, places)


def canonical_outlet(name: str) -> str:
    """An outlet's canonical name when the lexicon knows it (``KOMPAS.com`` -> ``Kompas.com``), else as written."""
    t = tables()
    if name in t.outlets:
        return t.outlets[name]
    for form, canon in t.outlets.items():
        if form.casefold() == name.casefold():
            return canon
    return name


def canonical_source(name: str) -> str:
    """A cited agency or outlet's canonical name (``Agence France-Presse`` -> ``AFP``), else as written."""
    t = tables()
    return t.agencies.get(name) or t.outlets.get(name) or name


def outlet_from_url(url: str | None) -> str | None:
    """The outlet a URL's host belongs to (``news.detik.com`` -> ``detikcom``), else the host without ``www.``.

    >>> outlet_from_url("https://www.example-news.id/read/1")
    'example-news.id'
    """
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").casefold()
    except ValueError:
        return None
    if not host:
        return None
    domains = tables().outlet_domains
    parts = host.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        if candidate in domains:
            return domains[candidate]
    return host[4:] if host.startswith("www.") else host


def same_source(a: str, b: str) -> bool:
    """True when two outlet/agency names point at the same source (``iNews.id`` and ``iNews``)."""
    def key(s: str) -> str:
        s = canonical_source(canonical_outlet(s)).casefold()
        s = re.sub(r"\.(com|co\.id|co|id|net|org)$", "", s)
        return re.sub(r"[^a-z0-9]", "", s)
    return bool(a and b) and key(a) == key(b)


__all__ = ["DOMAIN", "DOMAIN_RE", "tables", "canonical_outlet", "canonical_source", "outlet_from_url", "same_source"]
