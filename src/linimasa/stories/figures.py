"""Count series and figure contradictions: the numbers a story's sources give for the same thing.

Counts (from the ``counts`` component) join one series when they measure the same thing
(:mod:`linimasa.stories.measures`: "17 orang meninggal" counts deaths, "4 orang masih hilang" the missing) of
the same family of counted noun (people, buildings, troops), or, for counts whose words name no measure, when
they count the same kind of thing (``lang/*/series_units.tsv``: tentara, pasukan, prajurit and troops are all
troops); and when they belong to the same entity (``tentara Korea Utara``, ``tentara khusus dari Korut``, ``North
Korean troops``). A count that names no owner joins the series of its kind when the story has only one owner for
that kind. A generic measure (``korban``, ``victims``: casualties) becomes the story's dominant one of those it
may narrow to (deaths, injured, missing) when that one has at least twice the figures of the next.

Two figures contradict when different named claimants give values for one series, a few weeks apart at most,
whose ranges do not overlap once their hedges are read: ``sekitar 12.000`` (about: +-20%) against ``1.500``;
``lebih dari 10.000`` against ``3.000`` (but not against ``12.000``); ``ribuan`` (vague: 1,000 to 9,999). A figure
in the outlet's own voice is no claimant: it is most often a source's figure the annotators could not attribute
("BNPB mencatat 17 orang meninggal"), or the day's tally relayed before its source updated it.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Mapping, Sequence

from ..annotate.actors import acting_map
from ..annotate.clause_grammar import grammar
from ..model import Article, Contradiction, Count, CountPoint, CountSeries
from .history import article_date, independent_articles
from .measures import count_measures
from .states import StoryStates

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
    measure: str | None = None  # "deaths" (measures.py); None: the words say nothing
    family: str | None = None  # family of the counted noun ("person")
    narrows_to: tuple[str, ...] = ()  # a generic measure's candidates

    @property
    def series_key(self) -> str:
        """The kind of thing a series holds: measure and family, else (no measure) the counted noun's kind."""
        return f"{self.measure}:{self.family or self.unit_key}" if self.measure else self.unit_key


def figure_records(articles: Sequence[Article], duplicates: Mapping[str, str] = {}) -> list[FigureRecord]:
    """Every count of the story's independent articles with its series key (measure, kind of thing, owner)."""
    out = []
    sources = independent_articles(articles, duplicates)
    states = StoryStates(sources)
    for article in sources:
        owners = _owner_forms(article)
        for c, m in zip(article.counts, count_measures(article)):
            key = unit_key(c)
            if key is None:
                continue
            owner_id, owner = _owner(c.what or "", owners)
            if owner_id is not None:
                owner_id, owner = states.acts_for(article, owner_id, owner or "") or (owner_id, owner)
            on = c.as_of if c.as_of and re.match(r"^\d{4}", c.as_of) else article_date(article)
            claimant = c.claimant_id or (c.claimant or "").casefold() or f"outlet:{article.outlet or article.id}"
            out.append(FigureRecord(key, owner_id, owner, c, on, article.id, claimant, m.measure, m.family,
                                    m.narrows_to))
    return _narrow(_story_kinds(out))


def _story_kinds(records: list[FigureRecord]) -> list[FigureRecord]:
    """A bare counted noun the lexicon does not know ("200 penasihat") takes the kind that noun has in the story
    when its qualified form is known there ("penasihat militer": troops) and means one kind only."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for r in records:
        for head, kind in _qualified_heads(r.count):
            kinds[head].add(kind)
    out = []
    for r in records:
        word = (r.count.unit or "").strip().lower()
        if r.unit_key == word and len(kinds.get(word, ())) == 1:
            kind = next(iter(kinds[word]))
            r = dataclasses.replace(r, unit_key=kind, family=r.family or (kind if r.measure else None))
        out.append(r)
    return out


def _qualified_heads(count: Count) -> list[tuple[str, str]]:
    units = grammar().units
    out = []
    for text in (count.unit, count.what):
        words = re.findall(r"[\w-]+", (text or "").lower())
        for i in range(len(words) - 1):
            kind = units.get(f"{words[i]} {words[i + 1]}")
            if kind:
                out.append((words[i], kind))
    return out


def _narrow(records: list[FigureRecord]) -> list[FigureRecord]:
    """A generic measure (casualties) becomes the story's dominant one it may narrow to, for the same family."""
    specific = Counter((r.measure, r.family) for r in records if r.measure and not r.narrows_to)
    out = []
    for r in records:
        if r.narrows_to:
            ranked = sorted(((specific[(m, r.family)], m) for m in r.narrows_to if specific[(m, r.family)]),
                            reverse=True)
            if ranked and (len(ranked) == 1 or ranked[0][0] >= 2 * ranked[1][0]):
                r = dataclasses.replace(r, measure=ranked[0][1], narrows_to=())
        out.append(r)
    return out


def unit_key(count: Count) -> str | None:
    """The kind of thing counted: the series unit of the count's unit noun (or of a word of ``what``)."""
    units = grammar().units
    for text in (count.unit, count.what):
        words = re.findall(r"[\w-]+", (text or "").lower())
        for i, word in enumerate(words):
            pair = f"{word} {words[i + 1]}" if i + 1 < len(words) else ""
            if pair in units:  # "penasihat militer": troops, though "penasihat" alone is not
                return units[pair]
            if word in units:
                return units[word]
    word = (count.unit or "").strip().lower()
    return word or None


def count_series(records: Sequence[FigureRecord]) -> tuple[CountSeries, ...]:
    """One series per measure (or kind of thing) x owner, points sorted by date; biggest series first."""
    owners_of_kind: dict[str, Counter] = defaultdict(Counter)
    for r in records:
        if r.owner_id:
            owners_of_kind[r.series_key][r.owner_id] += 1
    grouped: dict[tuple[str, str | None], list[FigureRecord]] = defaultdict(list)
    for r in records:
        owner = r.owner_id
        if owner is None and len(owners_of_kind[r.series_key]) == 1:
            owner = next(iter(owners_of_kind[r.series_key]))
        grouped[(r.series_key, owner)].append(r)
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
        measure = recs[0].measure
        if measure and measure not in what.split():
            what = f"{what} ({measure})"  # "orang (deaths)", "tentara Korea Utara (troops)"
        out.append(CountSeries(what, unit[0][0] if unit else None, tuple(points), measure))
    out.sort(key=lambda s: (-len({p.article_id for p in s.points}), -len(s.points), s.what))
    return tuple(out)


def figure_contradictions(series: Sequence[CountSeries]) -> tuple[Contradiction, ...]:
    """Figures for one thing (a measure, or more than a bare noun) from two named claimants whose hedged ranges do
    not overlap: one per claimant pair, the pair of figures closest in time (then furthest apart)."""
    out = []
    for s in series:
        if not s.measure and len(s.what.split()) < 2:  # a bare noun ("orang", "gol") may count different things
            continue
        points = [p for p in s.points if p.claimant or p.claimant_id]
        keys = _claimant_keys(points)
        best: dict[tuple[str, str], tuple[tuple[int, Decimal], CountPoint, CountPoint]] = {}
        for i, a in enumerate(points):
            for b in points[i + 1:]:
                ka, kb = keys[id(a)], keys[id(b)]
                if ka == kb or not _near(a.on, b.on) or _overlap(_range(a), _range(b)):
                    continue
                ratio = max(a.value, b.value) / max(min(a.value, b.value), Decimal(1))
                rank = (_gap(a.on, b.on), -ratio)
                pair = tuple(sorted((ka, kb)))
                if pair not in best or rank < best[pair][0]:
                    best[pair] = (rank, a, b)
        for _, a, b in sorted(best.values(), key=lambda x: x[0][1]):
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


def _claimant_keys(points: Sequence[CountPoint]) -> dict[int, str]:
    """One key per claimant: its id, except that a name ending in another claimant's full name of two words or
    more is that claimant ("Regent Yohanes Ading" is "Yohanes Ading", whatever ids the articles gave them)."""
    names = {_claimant(p): tuple(re.findall(r"\w+", (p.claimant or "").casefold())) for p in points}
    canonical = {}
    for key, words in names.items():
        shorter = [k for k, w in names.items() if k != key and 2 <= len(w) < len(words) and words[-len(w):] == w]
        canonical[key] = min(shorter, key=lambda k: len(names[k])) if shorter else key
    return {id(p): canonical[_claimant(p)] for p in points}


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


def _gap(a: str | None, b: str | None) -> int:
    da, db = _day(a), _day(b)
    return abs((da - db).days) if da is not None and db is not None else 0


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
