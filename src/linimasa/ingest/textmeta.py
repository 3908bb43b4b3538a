"""Metadata in the text of a pasted or scraped article, and the clean body left when it is taken out.

Reads, from the top: date lines, bylines, the title (a short first line set off by a blank line, or followed
by a date line or byline; never the lead paragraph), a photo caption with its credit; then the dateline that
opens the lead (``JAKARTA -``, ``MOSKOW, iNews.id -``, ``Jakarta, CNN Indonesia --``, ``KOMPAS.com -``),
which also names the outlet. Through the body: boilerplate (see :mod:`.boilerplate`), standalone bylines and
credit lines. At the end: bylines, tag and share footers, wire credit codes (``KBS/RFA/I-1``, which also name
sources) and a closing ``(Web Warouw)``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from ..lang import load_lexicon
from ..model import Author
from .boilerplate import is_caption, is_headline, is_teaser_alone, is_teaser_line, line_kind, strip_inline
from .bylines import is_name, parse_byline, trailing_author
from .names import DOMAIN, DOMAIN_RE, canonical_outlet, canonical_source, tables
from .normalize import normalize_text, repair_broken_lines
from .published import parse_date_line

_SEP = r"\s*[-\u2013\u2014]{1,2}\s*"
_PLACE_CAPS = r"[A-Z][A-Z'.]+(?:\s+[A-Z][A-Z'.]+){0,3}"
_PLACE_TITLE = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}"
#: the date a wire puts in its dateline: "Oct 23", "Oct. 23", "July 22"
_WIRE_DATE = r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
_MAX_HEADER_LINES = 12
_EDITOR_CODE = re.compile(r"\((?:[a-z]{2,6}/)+[a-z]{2,6}\)")
#: one desk code alone on the closing line ("(ftr)", "(shf)")
_DESK_ALONE = re.compile(r"\([a-z]{2,5}\)")
#: an outlet brand we do not know, shaped like one ("Lintas24", "detakNews"), with up to two desk words after it
_BRAND = re.compile(r"(?P<brand>[A-Za-z]{3,}\d+[A-Za-z]*|[a-z]{3,}[A-Z][A-Za-z]*)(?:\s+[A-Z][a-z]+){0,2}")


@dataclass(slots=True)
class TextMeta:
    """What :func:`read_text` found: the clean body and the metadata taken out of it."""

    body: str
    title: str | None = None
    published: datetime | date | None = None
    authors: tuple[Author, ...] = ()
    dateline: str | None = None
    outlet: str | None = None
    via: list[str] = field(default_factory=list)


@lru_cache(maxsize=None)
def _dateline_patterns() -> tuple[re.Pattern[str], ...]:
    t = tables()
    suffixes = "|".join(re.escape(w) for w in load_lexicon("id", "dateline_suffixes").column("word"))
    # a known place with a compass word of its name: "Tangerang Selatan", "Jakarta Utara"
    places = "|".join(rf"{re.escape(p)}(?:\s+(?:{suffixes}))?" for p in t.places)
    places_caps = "|".join(re.escape(p.upper()) for p in sorted(t.places, key=len, reverse=True))
    outlets = "|".join(re.escape(o) for o in sorted(t.outlets, key=len, reverse=True))
    outlet = rf"(?:(?:[A-Z][A-Za-z0-9-]*\s+){{0,2}}{DOMAIN}|{outlets})"
    place_any = rf"(?:(?i:{places})|{_PLACE_CAPS}|{_PLACE_TITLE})"
    return (
        # Liputan6.com, Bangkok -   TEMPO.CO,Jakarta-   REPUBLIKA.CO.ID, LUMAJANG --
        re.compile(rf"^(?P<outlet>{outlet})\s*,\s*(?P<place>{place_any}){_SEP}"),
        # Liputan6.com, JakartaBintang ... (a scraper ate the dash)
        re.compile(rf"^(?P<outlet>{outlet})\s*,\s*(?P<place>(?i:{places}))(?=[A-Z])"),
        # JAKARTA, KOMPAS.com -   MOSKOW, iNews.id -   Jakarta, CNN Indonesia --
        re.compile(rf"^(?P<place>{place_any})\s*,\s*(?P<outlet>{outlet}){_SEP}"),
        # JAKARTA (ANTARA) -   Surabaya, East Java (ANTARA) -   JAKARTA, Oct 23 (Reuters) -   (a wire's date)
        re.compile(rf"^(?P<place>{place_any})(?:\s*,\s*{_PLACE_TITLE})?(?:\s*,\s*{_WIRE_DATE})?"
                   rf"\s*\((?P<outlet>[A-Za-z][\w .]{{1,30}})\){_SEP}"),
        # KORANPRABUMULIHPOS.COM -   KOMPAS.com -
        re.compile(rf"^(?P<outlet>{outlet}){_SEP}(?=\S)"),
        # JAKARTA -   NEW YORK -   Jakarta -
        re.compile(rf"^(?P<place>{_PLACE_CAPS}|(?i:{places})){_SEP}(?=\S)"),
        # Jakarta. President ...  (English dailies: a known place and a full stop)
        re.compile(rf"^(?P<place>{places})\.\s+(?=[A-Z])"),
        # JAKARTA: The number ...  (Singapore and Malaysian sites: a known place in capitals and a colon)
        re.compile(rf"^(?P<place>{places_caps}):\s+(?=[A-Z])"),
    )


@lru_cache(maxsize=64)
def _named_outlet_patterns(names: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Datelines naming an outlet we were told about (``BOGOR, Warta Kita -``), or any capitalised name
    after a place in capitals (``SINTANG, Kabar Kapuas -``)."""
    t = tables()
    places = "|".join(re.escape(p) for p in t.places)
    given = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n)
    out = []
    if given:
        out.append(re.compile(rf"^(?P<place>(?i:{places})|{_PLACE_CAPS}|{_PLACE_TITLE})\s*,\s*(?P<outlet>{given}){_SEP}"))
        out.append(re.compile(rf"^(?P<outlet>{given})\s*,\s*(?P<place>(?i:{places})|{_PLACE_CAPS}|{_PLACE_TITLE}){_SEP}"))
    out.append(re.compile(rf"^(?P<place>{_PLACE_CAPS})\s*,\s*(?P<outlet>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,2}}){_SEP}(?=\S)"))
    return tuple(out)


def match_dateline(line: str, outlets: tuple[str, ...] = ()) -> tuple[int, str | None, str | None] | None:
    """The dateline opening a lead paragraph: (length, place, outlet), or None.

    ``outlets`` are outlet names known from elsewhere (the page's metadata) that a dateline may carry.

    >>> match_dateline("MOSKOW, iNews.id - Pemerintah kota menutup jalan")
    (19, 'MOSKOW', 'iNews.id')
    """
    from .published import date_words

    words = date_words()
    for pattern in _dateline_patterns() + _named_outlet_patterns(tuple(outlets)):
        m = pattern.match(line)
        if not m:
            continue
        groups = m.groupdict()
        place = groups.get("place")
        outlet = groups.get("outlet")
        if place and not outlet and place.isupper() and len(place.replace(" ", "")) < 3:
            continue
        if place and place.casefold() in ("baca juga", "foto", "video"):
            continue
        if place and "." in place and DOMAIN_RE.search(place.split()[-1]):
            continue  # "LOMBOK TIMUR.COM": a mangled site name, no place
        if outlet and outlet.split()[0].casefold().rstrip(".") in (*words.weekdays, *words.months):
            continue  # "JAKARTA, Senin -" is a date, not an outlet
        return m.end(), place, outlet
    return None


def _self_mention(body: str) -> str | None:
    """An outlet naming itself in the text: "kepada Bergelora.com", or a line opening "NAMA.COM -"."""
    m = re.search(rf"\bkepada\s+(?P<o>{DOMAIN})", body)
    if m and m.group("o") not in tables().agencies:
        return m.group("o")
    m = re.search(rf"(?m)^(?P<o>{DOMAIN}){_SEP}", body)
    return m.group("o") if m else None


def _credit_code(text: str) -> tuple[str, list[str]]:
    """A closing wire credit ("... 20.000 unit. KBS/RFA/I-1", "(Reuters/AFP)"): text without it, the sources."""
    m = re.search(r"(?:^|\s)\(?(?P<code>[A-Za-z][\w.\-]*(?:/[\w.\-]+)+)\)?\s*$", text)
    if not m:
        m = re.search(r"(?:^|(?<=[.!?\"\u201d])\s*)\((?P<code>[A-Z][\w.\-]+)\)\s*$", text)
    if not m:
        return text, []
    t = tables()
    parts = m.group("code").split("/")
    sources = [canonical_source(p) for p in parts if p in t.agencies or p in t.outlets]
    if not sources and not (len(parts) > 1 and all(re.fullmatch(r"[a-z]{2,5}|[A-Z]{1,4}-?\d*", p) for p in parts)):
        return text, []
    return text[:m.start()].rstrip(), sources


def read_text(text: str, *, given_title: str | None = None, outlets: tuple[str, ...] = ()) -> TextMeta:
    """Take the metadata out of an article's text and return it with the clean body.

    >>> meta = read_text("Banjir Rendam Sintang\\n\\nSINTANG - Air setinggi satu meter merendam desa.")
    >>> meta.title, meta.dateline, meta.body
    ('Banjir Rendam Sintang', 'SINTANG', 'Air setinggi satu meter merendam desa.')
    """
    text = repair_broken_lines(normalize_text(text))
    lines = text.split("\n")
    meta = TextMeta(body="")
    authors: list[Author] = []
    published: list[tuple[str, datetime | date]] = []
    keep: list[str] = []
    n = len(lines)
    nonempty = [i for i, ln in enumerate(lines) if ln]

    def next_nonempty(i: int) -> str:
        for j in range(i + 1, n):
            if lines[j]:
                return lines[j]
        return ""

    def blank_after(i: int) -> bool:
        return i + 1 >= n or not lines[i + 1]

    def is_meta(line: str) -> bool:
        return bool(parse_date_line(line) or parse_byline(line) is not None or line_kind(line) in ("credit",)
                    or _date_in_segments(line))

    # ---------------------------------------------------------------- header
    i = 0
    seen = 0
    lead_at = None
    title_open = given_title is None
    header_outlet: str | None = None
    header_place: str | None = None
    norm_title = _norm(given_title) if given_title else None
    while i < n and seen < _MAX_HEADER_LINES:
        line = lines[i]
        if not line:
            i += 1
            continue
        seen += 1
        dl = parse_date_line(line)
        if dl is not None:
            published.append((dl.kind, dl.value))
            i += 1
            continue
        mixed = _date_in_segments(line)
        if mixed is not None:
            published.append((mixed[0].kind, mixed[0].value))  # type: ignore[attr-defined]
            authors.extend(mixed[1])
            header_outlet = header_outlet or mixed[2]
            header_place = header_place or mixed[3]
            i += 1
            continue
        byline = parse_byline(line)
        if byline is not None:
            authors.extend(byline)
            i += 1
            continue
        signed = _outlet_byline(line, allow_names=not title_open)
        if signed is not None:
            authors.extend(signed[0])
            header_outlet = header_outlet or signed[1]
            i += 1
            continue
        kind = line_kind(line)
        if kind in ("credit", "line"):
            i += 1
            continue
        if norm_title and _norm(line) == norm_title:
            i += 1
            title_open = False
            continue
        if match_dateline(line, outlets):
            lead_at = i
            break
        nxt = next_nonempty(i)
        if line_kind(nxt) == "credit" and not match_dateline(line, outlets):
            i += 1  # a photo caption above its credit line
            continue
        if title_open and _title_shaped(line) and (blank_after(i) or is_meta(nxt) or match_dateline(nxt, outlets)):
            meta.title = line
            title_open = False
            i += 1
            continue
        lead_at = i
        break
    if lead_at is None:
        lead_at = i

    # ---------------------------------------------------------------- body
    body_lines = lines[lead_at:]
    first = next((k for k, ln in enumerate(body_lines) if ln), None)
    if first is not None:
        found = match_dateline(body_lines[first], outlets)
        if found:
            end, place, outlet = found
            meta.dateline = place
            if outlet:
                meta.outlet = canonical_outlet(outlet)
            body_lines[first] = body_lines[first][end:].lstrip()
    skip_headlines = 0
    footer = False
    for k, line in enumerate(body_lines):
        if footer:
            break
        if not line:
            if keep and keep[-1]:
                keep.append("")
            continue
        if skip_headlines and is_headline(line):
            skip_headlines -= 1
            continue
        skip_headlines = 0
        if is_teaser_alone(line):
            skip_headlines = 6
            continue
        kind = line_kind(line)
        if kind in ("line", "credit") or is_caption(line) or (kind == "teaser" and is_teaser_line(line)):
            continue
        if kind == "source":
            meta.via.extend(_sources_in(line.split(":", 1)[-1]))
            continue
        if kind == "footer":
            rest = [ln for ln in body_lines[k + 1:] if ln]
            if len(line) + sum(len(ln) for ln in rest) < 600 or all(len(ln.split()) <= 8 for ln in rest):
                footer = True
                continue
            if len(line.split()) <= 25:
                continue
        if _DESK_ALONE.fullmatch(line) and not any(body_lines[k + 1:]):
            footer = True
            continue  # "(ftr)": the last line is a single desk code
        code = _EDITOR_CODE.search(line)
        if code and len(line) - code.end() + sum(len(ln) for ln in body_lines[k + 1:]) < 500:
            line = line[:code.start()].rstrip()  # "(rdp/idh)": the desk's initials close the article
            footer = True
            if not line:
                continue
        if len(line) < 160:
            byline = parse_byline(line)
            if byline is not None:
                authors.extend(byline)
                continue
            dl = parse_date_line(line)
            if dl is not None:
                published.append((dl.kind, dl.value))
                continue
        cleaned = strip_inline(line)
        if cleaned:
            keep.append(cleaned)

    # ---------------------------------------------------------------- closing credits
    while keep and (not keep[-1] or re.fullmatch(r"\(\*{1,3}\)|\*{1,3}", keep[-1])):
        keep.pop()  # and an end mark: "(*)"
    for _ in range(4):  # related-story links left at the very end: headline-shaped lines
        if len(keep) > 1 and is_headline(keep[-1]) and not keep[-1].endswith(('"', "\u201d")):
            keep.pop()
            while keep and not keep[-1]:
                keep.pop()
    for _ in range(3):
        if not keep:
            break
        last = keep[-1]
        last, sources = _credit_code(last)
        meta.via.extend(sources)
        last, name = trailing_author(last)
        if name:
            if name in tables().agencies:
                meta.via.append(canonical_source(name))
            else:
                authors.append(Author(name, "author"))
        if last == keep[-1]:
            break
        keep[-1] = last
        while keep and not keep[-1]:
            keep.pop()

    meta.body = re.sub(r"\n{3,}", "\n\n", "\n".join(keep)).strip()
    meta.dateline = meta.dateline or header_place
    if meta.outlet is None:
        own = header_outlet or _self_mention(meta.body) or _self_mention("\n".join(lines[:lead_at + 1]))
        if own:
            meta.outlet = canonical_outlet(own)
    agencies = tables().agencies
    meta.via.extend(canonical_source(a.name) for a in authors if a.name in agencies)
    meta.authors = tuple(dict.fromkeys(a for a in authors if a.name not in agencies))
    first_published = [v for k, v in published if k == "published"]
    meta.published = first_published[0] if first_published else (published[0][1] if published else None)
    return meta


def _date_in_segments(line: str) -> tuple[object, tuple[Author, ...], str | None, str | None] | None:
    """A date line sharing its line with bylines, the outlet's name or the place: "Reporter: Tedy | Selasa, 22 Oct
    2024 19:08 WIB", "Kabarku.id - 22/10/2024, 19:08 WIB", "Jakarta ● Wed, July 9, 2025". Returns (date line,
    authors, outlet, place) or None."""
    if len(line) > 160:
        return None
    segments = [s.strip() for s in re.split(r"\s+[|\-\u2013\u2014\u2022\u00b7\u25cf]\s+|\s*\|\s*", line) if s.strip()]
    if len(segments) < 2:
        return None
    found = None
    authors: list[Author] = []
    outlet = place = None
    t = tables()
    for seg in segments:
        dl = parse_date_line(seg)
        if dl is not None:
            found = found or dl
            continue
        byline = parse_byline(seg)
        if byline is not None:
            authors.extend(byline)
            continue
        name = re.sub(r"^(?:Tim Redaksi|Redaksi)\s*,\s*", "", seg)
        if DOMAIN_RE.fullmatch(name) or name in t.outlets:
            outlet = outlet or name
            continue
        if place is None and seg.casefold() in {p.casefold() for p in t.places}:
            place = seg
            continue
        return None
    return (found, tuple(authors), outlet, place) if found else None


def _outlet_byline(line: str, *, allow_names: bool) -> tuple[tuple[Author, ...], str] | None:
    """A header line naming the outlet, alone or beside its reporter: "CNN Indonesia", "Rina Amelia -
    detikNews", "Tim detikcom - detikNews". Returns (authors, outlet) or None. A name is read only where
    ``allow_names`` (after the title: a short title-case headline ending "- Kompas.com" looks the same)."""
    if len(line) > 120:
        return None
    segments = [s.strip() for s in re.split(r"\s+[|\-\u2013\u2014]\s+", line) if s.strip()]
    if not 1 <= len(segments) <= 3:
        return None
    t = tables()
    outlet = None
    authors: list[Author] = []
    for k, seg in enumerate(segments):
        # "Rina Marlina, CNBC Indonesia" and "Dewi Kartika (The Jakarta Post)": a name beside its outlet
        signed = re.fullmatch(r"(?P<name>[^,()]+?)\s*(?:,\s*(?P<o1>[^,()]+)|\((?P<o2>[^()]+)\))", seg)
        own = signed and (signed.group("o1") or signed.group("o2")).strip()
        if allow_names and own and (own in t.outlets or DOMAIN_RE.fullmatch(own)) and is_name(signed.group("name")) \
                and signed.group("name").strip().casefold() not in {pl.casefold() for pl in t.places}:
            authors.append(Author(signed.group("name").strip(), "reporter"))
            outlet = outlet or own
            continue
        if allow_names and k == 0 and len(segments) > 1 and re.fullmatch(r"[A-Z][a-z]+", seg) \
                and re.search(r",\s*[^,]+$", segments[-1]):
            continue  # "Market - Rina Marlina, CNBC Indonesia": the desk before the signed name
        if seg in t.outlets or DOMAIN_RE.fullmatch(seg):
            outlet = outlet or seg
        elif allow_names and re.fullmatch(r"Tim(?:\s+\S+){1,2}", seg):
            continue  # "Tim detikcom": the desk, no name
        elif allow_names and is_name(seg) and not (k and k == len(segments) - 1 and _BRAND.fullmatch(seg)):
            authors.append(Author(seg, "reporter"))
        elif allow_names and k and k == len(segments) - 1 and authors and _BRAND.fullmatch(seg):
            outlet = outlet or _BRAND.fullmatch(seg).group("brand")  # "Dimas Aryanto - Lintas24 Internasional"
        else:
            return None
    return (tuple(authors), outlet) if outlet else None


def _sources_in(text: str) -> list[str]:
    t = tables()
    out = []
    for part in re.split(r"\s*(?:,|/|&|;|\bdan\b|\band\b)\s*", text.strip(" .")):
        if part in t.agencies or part in t.outlets:
            out.append(canonical_source(part))
    return out


def _title_shaped(line: str) -> bool:
    words = line.split()
    return (1 <= len(words) <= 30 and len(line) <= 250 and not line.endswith((".", ",", ";", ":"))
            and line[0] not in "\"\u201c\u2018'(" and (line[0].isupper() or line[0].isdigit()))


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


__all__ = ["TextMeta", "read_text", "match_dateline"]
