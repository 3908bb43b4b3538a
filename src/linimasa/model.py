"""Typed values that flow between linimasa's stages.

Everything here is a frozen, slotted dataclass: hashable, cheap to pickle to worker processes, and impossible
for one component to change behind another's back. Annotations point into ``Article.text`` with half-open
character offsets (``start``/``end``) and never copy more text than they need to show.

Serialisation lives at the edges: ``to_dict`` gives the JSON export shape (see ``schema/export.schema.json``)
and ``Article.from_dict`` rebuilds an article from it (the store keeps articles that way).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from .errors import ParseError

# ------------------------------------------------------------------ vocabularies (closed sets)

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC")
QUOTE_KINDS = ("direct", "indirect")
QUALIFIERS = ("exact", "approx", "at_least", "more_than", "at_most", "less_than", "vague")
NUMBER_KINDS = ("count", "money", "percent", "measure", "duration", "age", "ordinal", "year", "reference",
                "time", "date", "score", "other")
STANCES = ("affirms", "denies", "neither")


# ------------------------------------------------------------------ per-article values

@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character offsets into ``Article.text``: the text is ``article.text[start:end]``."""

    start: int
    end: int

    def text_of(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True, slots=True)
class Author:
    name: str
    role: str = "author"  # author | reporter | editor | photographer | writer


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an entity is named (or referred to) in the text."""

    start: int
    end: int
    text: str
    entity_id: str
    kind: str = "name"  # name | alias | short | title | pronoun | metonym


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world referent. ``id`` is global: the same id across articles and languages."""

    id: str
    name: str  # canonical display name ("Korea Utara", "Vladimir Putin")
    type: str  # one of ENTITY_TYPES
    aliases: tuple[str, ...] = ()
    role: str | None = None  # "Presiden Rusia", "Wakil Menteri Luar Negeri"
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression normalised TIMEX3-style against the article's date."""

    start: int
    end: int
    text: str
    value: str  # 2024-10-24 | 2022-02 | 2022 | 2024-SU | 2024-W47 | 2024-10-22T19:08+07:00 | P2M | PAST_REF
    type: str = "DATE"  # DATE | TIME | DURATION | SET


@dataclass(frozen=True, slots=True)
class Number:
    """Any number in the text, parsed and typed (only ``kind == "count"`` numbers become counts)."""

    start: int
    end: int
    text: str
    value: Decimal
    kind: str = "other"  # one of NUMBER_KINDS
    qualifier: str = "exact"  # one of QUALIFIERS
    unit: str | None = None  # "orang", "rupiah", "mm", "persen"


@dataclass(frozen=True, slots=True)
class Count:
    """A figure for a countable thing, with who claims it and when it holds."""

    start: int
    end: int
    text: str
    value: Decimal
    qualifier: str  # one of QUALIFIERS
    unit: str | None  # the counted noun: "tentara"
    what: str | None  # the counted thing in full: "tentara Korea Utara"
    claimant: str | None = None  # None: stated in the outlet's own voice
    claimant_id: str | None = None
    as_of: str | None = None  # TIMEX3 date value


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # span of the quoted / reported words
    end: int
    text: str
    kind: str  # direct | indirect
    speaker: str | None
    speaker_id: str | None = None
    speaker_start: int | None = None  # where the speaker (or the pronoun/cue standing for it) is
    speaker_end: int | None = None
    cue: str | None = None  # "kata", "mengatakan", "menurut"
    said_on: str | None = None  # TIMEX3 date value
    via: str | None = None  # outlet or agency it reached us through
    description: str | None = None  # for unnamed speakers: "salah satu perwakilan Korut"


@dataclass(frozen=True, slots=True)
class Stance:
    start: int  # evidence span
    end: int
    actor: str
    actor_id: str | None
    proposition: str  # canonical text of the claim
    proposition_id: str  # global id shared across articles and languages
    stance: str  # affirms | denies | neither
    on: str | None = None  # TIMEX3 date value
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Warning:
    kind: str  # weekday_mismatch | ...
    text: str
    start: int | None = None
    end: int | None = None
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article and, once annotated, everything linimasa found in it.

    ``text`` is the clean body; every offset in the annotation tuples points into it.
    ``published`` is an aware datetime when the time of day is known, a date when only the day is.
    """

    id: str
    text: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    published: datetime | date | None = None
    published_inferred: bool = False
    language: str | None = None
    authors: tuple[Author, ...] = ()
    via: tuple[str, ...] = ()
    raw_id: str | None = None
    entities: tuple[Entity, ...] = ()
    timexes: tuple[Timex, ...] = ()
    numbers: tuple[Number, ...] = ()
    counts: tuple[Count, ...] = ()
    quotes: tuple[Quote, ...] = ()
    stances: tuple[Stance, ...] = ()
    warnings: tuple[Warning, ...] = ()
    pipeline_version: str | None = None

    @property
    def published_date(self) -> date | None:
        if isinstance(self.published, datetime):
            return self.published.date()
        return self.published

    def to_dict(self) -> dict[str, Any]:
        """The article object of the JSON export."""
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "dateline": self.dateline,
            "published": self.published.isoformat() if self.published is not None else None,
            "published_inferred": self.published_inferred,
            "language": self.language,
            "authors": [_plain(a) for a in self.authors],
            "via": list(self.via),
            "body": self.text,
        }
        for name in ("entities", "quotes", "counts", "timexes", "numbers", "stances", "warnings"):
            out[name] = [_plain(x) for x in getattr(self, name)]
        out["raw_id"] = self.raw_id
        out["pipeline_version"] = self.pipeline_version
        return out

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> "Article":
        """Rebuild an article from ``to_dict`` output; raises ParseError naming the bad field."""
        try:
            published = _parse_published(doc.get("published"))
            return cls(
                id=str(doc["id"]),
                text=str(doc.get("body") or ""),
                source=doc.get("source"),
                url=doc.get("url"),
                title=doc.get("title"),
                outlet=doc.get("outlet"),
                dateline=doc.get("dateline"),
                published=published,
                published_inferred=bool(doc.get("published_inferred")),
                language=doc.get("language"),
                authors=tuple(Author(**a) for a in doc.get("authors") or ()),
                via=tuple(doc.get("via") or ()),
                entities=tuple(_entity(e) for e in doc.get("entities") or ()),
                quotes=tuple(Quote(**q) for q in doc.get("quotes") or ()),
                counts=tuple(Count(**{**c, "value": Decimal(str(c["value"]))}) for c in doc.get("counts") or ()),
                timexes=tuple(Timex(**t) for t in doc.get("timexes") or ()),
                numbers=tuple(Number(**{**n, "value": Decimal(str(n["value"]))}) for n in doc.get("numbers") or ()),
                stances=tuple(Stance(**s) for s in doc.get("stances") or ()),
                warnings=tuple(Warning(**w) for w in doc.get("warnings") or ()),
                raw_id=doc.get("raw_id"),
                pipeline_version=doc.get("pipeline_version"),
            )
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            raise ParseError(f"Cannot read stored article {doc.get('id')!r}: {exc}") from exc


def _entity(doc: dict[str, Any]) -> Entity:
    mentions = tuple(Mention(**m) for m in doc.get("mentions") or ())
    return Entity(id=doc["id"], name=doc["name"], type=doc["type"], aliases=tuple(doc.get("aliases") or ()),
                  role=doc.get("role"), mentions=mentions)


def _parse_published(value: Any) -> datetime | date | None:
    if value in (None, ""):
        return None
    text = str(value)
    if len(text) == 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text)


def _plain(value: Any) -> Any:
    """Dataclass -> JSON-ready dict (Decimal -> int or float, tuples -> lists)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def plain(value: Any) -> Any:
    """Public form of the dataclass -> JSON-ready conversion used by the exporters."""
    return _plain(value)


# ------------------------------------------------------------------ cross-article values

@dataclass(frozen=True, slots=True)
class StancePoint:
    on: str | None
    stance: str
    article_id: str
    actor: str | None = None  # the name used in that article
    evidence: str | None = None  # the evidence text
    before: str | None = None  # a retrospective report ("sebelumnya membantah"): taken before this day


@dataclass(frozen=True, slots=True)
class StanceHistory:
    actor: str
    actor_id: str | None
    proposition: str
    proposition_id: str
    series: tuple[StancePoint, ...]


@dataclass(frozen=True, slots=True)
class CountPoint:
    on: str | None
    value: Decimal
    qualifier: str
    claimant: str | None
    claimant_id: str | None
    article_id: str
    text: str | None = None


@dataclass(frozen=True, slots=True)
class CountSeries:
    what: str
    unit: str | None
    points: tuple[CountPoint, ...]
    measure: str | None = None  # deaths | missing | injured | displaced | troops | ... (None: not read)


@dataclass(frozen=True, slots=True)
class Contradiction:
    kind: str  # stance | figure
    summary: str
    article_ids: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    proposition_id: str | None = None
    values: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    on: str | None  # TIMEX3 date value the event happened / was said
    kind: str  # quote | count | stance | event | published
    summary: str
    article_id: str
    start: int | None = None
    end: int | None = None
    actor: str | None = None
    actor_id: str | None = None
    before: str | None = None  # ``on`` unknown: it happened before this day (a retrospective report)


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    article_ids: tuple[str, ...]
    duplicate_of: tuple[tuple[str, str], ...] = ()  # (article_id, original_article_id)
    timeline: tuple[TimelineEvent, ...] = ()
    stance_history: tuple[StanceHistory, ...] = ()
    count_series: tuple[CountSeries, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    first_on: str | None = None
    last_on: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = _plain(self)
        out["duplicate_of"] = [{"article_id": a, "original_id": b} for a, b in self.duplicate_of]
        return out


@dataclass(frozen=True, slots=True)
class Failure:
    """An input or article that could not be processed, and why (a run never stops for one)."""

    source: str
    stage: str  # read | parse | annotate:<component> | store
    error: str
    article_id: str | None = None


__all__ = [
    "Article", "Author", "Contradiction", "Count", "CountPoint", "CountSeries", "Entity", "Failure", "Mention",
    "Number", "Quote", "Span", "Stance", "StanceHistory", "StancePoint", "Story", "Timex", "TimelineEvent",
    "Warning", "ENTITY_TYPES", "QUOTE_KINDS", "QUALIFIERS", "NUMBER_KINDS", "STANCES", "plain", "field",
]
