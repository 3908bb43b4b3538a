"""Count series and figure contradictions: the numbers a story's sources give for the same thing.

Counts (from the ``counts`` component) join one series when they count the same kind of thing
(``lang/*/series_units.tsv``: tentara, pasukan, prajurit and troops are all troops) belonging to the same
entity (``tentara Korea Utara``, ``tentara khusus dari Korut``, ``North Korean troops``). A count that names no
owner joins the series of its kind when the story has only one owner for that kind.

Two figures contradict when different claimants give values for one series, a few weeks apart at most, whose
ranges do not overlap once their hedges are read: ``sekitar 12.000`` (about: +-20%) against ``1.500``;
``lebih dari 10.000`` against ``3.000`` (but not against ``12.000``); ``ribuan`` (vague: 1,000 to 9,999).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Mapping, Sequence

from ..annotate.propositions import acting_map, grammar
from ..model import Article, Contradiction, Count, CountPoint, CountSeries
from .history import article_date, independent_articles

#: figures further apart than this are updates over time rather than disagreement
CONTRADICTION_WINDOW_DAYS = 31
_APPROX = Decimal("0.2")
_INF = Decimal("Infinity")


@dataclass(frozen=True, slots=True)
class FigureRecord:
    """One count placed in the story: its series key and when it holds."""

    unit_key: str
    owner_id: str | None
    owner: str | None
    count: Count
    on: str | None
    article_id: str
    claimant_key: str


def figure_records(articles: Sequence[Article], duplicates: Mapping[str, str] = {}) -> list[FigureRecord]:
    """Every count of the story's independent articles with its series key (kind of thing, owner)."""
    out = []
    for article in independent_articles(articles, duplicates):
        owners = _owner_forms(article)
        for c in article.counts:
            key = unit_key(c)
            if key is None:
                continue
            owner_id, owner = _owner(c.what or "", owners)
            on = c.as_of if c.as_of and re.match(r"^\d{4}", c.as_of) else article_date(article)
            claimant = c.claimant_id or (c.claimant or "").casefold() or f"outlet:{article.outlet or article.id}"
            out.append(FigureRecord(key, owner_id, owner, c, on, article.id, claimant))
    return out


def unit_key(count: Count) -> str | None:
    """The kind of thing counted: the series unit of the count's unit noun (or of a word of ``what``)."""
    units = grammar().units
    for text in (count.unit, count.what):
        for word in re.findall(r"[\w-]+", (text or "").lower()):
            if word in units:
                return units[word]
    word = (count.unit or "").strip().lower()
    return word or None


def count_series(records: Sequence[FigureRecord]) -> tuple[CountSeries, ...]:
    """One series per kind of thing x owner, points sorted by date; biggest series first."""
    owners_of_kind: dict[str, Counter] = defaultdict(Counter)
    for r in records:
        if r.owner_id:
            owners_of_kind[r.unit_key][r.owner_id] += 1
    grouped: dict[tuple[str, str | None], list[FigureRecord]] = defaultdict(list)
    for r in records:
        owner = r.owner_id
        if owner is None and len(owners_of_kind[r.unit_key]) == 1:
            owner = next(iter(owners_of_kind[r.unit_key]))
        grouped[(r.unit_key, owner)].append(r)
    out = []
    for (_, _), recs in grouped.items():
        recs.sort(key=lambda r: (r.on or "9999", r.article_id, r.count.start))
        seen, points = set(), []
        for r in recs:
            key = (r.article_id, r.count.value, r.count.qualifier, r.claimant_key)
            if key in seen:
                continue
            seen.add(key)
            c = r.count
            points.append(CountPoint(r.on, c.value, c.qualifier, c.claimant, c.claimant_id, r.article_id, c.text))
        whats = Counter(r.count.what for r in recs if r.count.what and r.owner_id)
        what = (whats or Counter(r.count.what or r.count.unit or r.unit_key for r in recs)).most_common(1)[0][0]
        unit = Counter(r.count.unit for r in recs if r.count.unit).most_common(1)
        out.append(CountSeries(what, unit[0][0] if unit else None, tuple(points)))
    out.sort(key=lambda s: (-len({p.article_id for p in s.points}), -len(s.points), s.what))
    return tuple(out)


def figure_contradictions(series: Sequence[CountSeries]) -> tuple[Contradiction, ...]:
    """Figures for one thing (named by more than a bare noun) from two named claimants whose hedged ranges do not
    overlap: one per claimant pair, the pair of figures furthest apart."""
    out = []
    for s in series:
        if len(s.what.split()) < 2:  # a bare noun ("orang", "gol") may count different things
            continue
        best: dict[tuple[str, str], tuple[Decimal, CountPoint, CountPoint]] = {}
        points = list(s.points)
        for i, a in enumerate(points):
            for b in points[i + 1:]:
                ka, kb = _claimant(a), _claimant(b)
                if not (a.claimant or a.claimant_id) or not (b.claimant or b.claimant_id) or ka == kb or not _near(a.on, b.on) or _overlap(_range(a), _range(b)):
                    continue
                ratio = max(a.value, b.value) / max(min(a.value, b.value), Decimal(1))
                pair = tuple(sorted((ka, kb)))
                if pair not in best or ratio > best[pair][0]:
                    best[pair] = (ratio, a, b)
        for _, a, b in sorted(best.values(), key=lambda x: -x[0]):
            summary = (f"{s.what}: {_who(a)} gives {_figure(a)} ({a.on or 'undated'}), "
                       f"{_who(b)} gives {_figure(b)} ({b.on or 'undated'})")
            out.append(Contradiction("figure", summary, tuple(dict.fromkeys((a.article_id, b.article_id))),
                                     (_who(a), _who(b)), None, (_figure(a), _figure(b))))
    return tuple(out)


# ------------------------------------------------------------------ helpers

def _owner_forms(article: Article) -> list[tuple[str, str, str]]:
    """(surface form, acting entity id, name) for the article's countries, organisations and people, longest first."""
    acting = acting_map(article.entities)
    forms = []
    for e in article.entities:
        ident, name, _ = acting.get(e.id) or (e.id, e.name, e.type)
        for f in {e.name, *e.aliases, *(m.text for m in e.mentions if m.kind != "pronoun")}:
            if f and len(f) > 1:
                forms.append((f, ident, name))
    return sorted(forms, key=lambda x: -len(x[0]))


def _owner(what: str, forms: list[tuple[str, str, str]]) -> tuple[str | None, str | None]:
    for form, ident, name in forms:
        if re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", what):
            return ident, name
    return None, None


def _claimant(p: CountPoint) -> str:
    return p.claimant_id or (p.claimant or "").casefold() or f"article:{p.article_id}"


def _who(p: CountPoint) -> str:
    return p.claimant or "the outlet"


_WORDS = {"approx": "about ", "at_least": "at least ", "more_than": "more than ", "at_most": "at most ",
          "less_than": "less than ", "vague": "some "}


def _figure(p: CountPoint) -> str:
    value = int(p.value) if p.value == p.value.to_integral_value() else p.value
    return f"{_WORDS.get(p.qualifier, '')}{value:,}"


def _range(p: CountPoint) -> tuple[Decimal, Decimal]:
    v, q = p.value, p.qualifier
    if q == "approx":
        return v * (1 - _APPROX), v * (1 + _APPROX)
    if q in ("at_least", "more_than"):
        return v, _INF
    if q in ("at_most", "less_than"):
        return Decimal(0), v
    if q == "vague":
        return v, v * 10 - 1
    return v, v


def _overlap(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _near(a: str | None, b: str | None) -> bool:
    da, db = _day(a), _day(b)
    if da is None or db is None:
        return True
    return abs((da - db).days) <= CONTRADICTION_WINDOW_DAYS


def _day(value: str | None) -> date | None:
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


__all__ = ["CONTRADICTION_WINDOW_DAYS", "FigureRecord", "count_series", "figure_contradictions", "figure_records",
           "unit_key"]
