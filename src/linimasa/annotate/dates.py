"""Time expressions: the ``timexes`` component, published-date inference and weekday checks.

``extract_timexes`` finds every time expression (:mod:`.timex_detect`) and resolves it against the article's
date (:mod:`.timex_resolve`): ``Senin (28/4/2025)`` -> ``2025-04-28``, ``Kamis lalu``, ``pekan lalu`` ->
``2024-W47``, ``musim panas ini`` -> ``2024-SU``, ``19:08 WIB`` -> ``...T19:08+07:00``. When an article has no
date, ``infer_published`` takes the latest fully stated date in it. ``weekday_mismatches`` reports a weekday
that does not fit its written date (``Kamis (25/10/2024)``; the date is kept). ``clause_date`` gives other
components the date governing a span (a count's ``as_of``, a quote's ``said_on``).
"""
from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime
from functools import lru_cache

from ..model import Article, Timex, Warning
from .sentences import sentence_at, split_sentences
from .timex_candidates import Candidate
from .timex_detect import detect
from .timex_resolve import Resolved, resolve
from .timex_words import key, time_words

_CLAUSE_BREAK = re.compile(r"[,;:\"\u201c\u201d]")


def _as_date(reference: date | datetime | None) -> date | None:
    if isinstance(reference, datetime):
        return reference.date()
    return reference


def _clause_tense(text: str, sentences, c: Candidate) -> str | None:
    """``future`` when the clause before the expression has a future marker (akan, bakal, dijadwalkan)."""
    sentence = sentence_at(sentences, c.start)
    begin = sentence.start if sentence else max(0, c.start - 200)
    before = text[begin:c.start]
    cut = None
    for cut in _CLAUSE_BREAK.finditer(before):
        pass
    if cut is not None:
        before = before[cut.end():]
    tense = time_words().tense
    for word in re.findall(r"[\w']+", before):
        if tense.get(key(word)) == "future":
            return "future"
    return None


@lru_cache(maxsize=64)
def _sentences(text: str):
    return split_sentences(text)


@lru_cache(maxsize=64)
def _analyse(text: str, reference: date | None, lang: str) -> tuple[tuple[Timex, ...], tuple[Warning, ...]]:
    sentences = _sentences(text)
    candidates = detect(text, lang)
    resolved: list[tuple[Candidate, Resolved]] = []
    clocks: list[Candidate] = []
    for c in candidates:
        if c.kind == "clock":
            clocks.append(c)
            continue
        r = resolve(c, reference, _clause_tense(text, sentences, c))
        if r is not None:
            resolved.append((c, r))
    for c in clocks:
        d = _governing_day(text, sentences, c.start, c.end, [(x.start, x.end, r.day) for x, r in resolved])
        if d is not None:
            value = f"{d.isoformat()}T{c.hour:02d}:{c.minute or 0:02d}{c.zone or ''}"
            resolved.append((c, Resolved(value, "TIME", d)))
    resolved.sort(key=lambda x: (x[0].start, x[0].end))
    timexes = tuple(Timex(c.start, c.end, text[c.start:c.end], r.value, r.type) for c, r in resolved)
    warnings = tuple(_mismatch(text, c, r) for c, r in resolved
                     if c.kind == "date" and c.weekday is not None and r.day is not None
                     and r.day.weekday() != c.weekday)
    return timexes, warnings


def _mismatch(text: str, c: Candidate, r: Resolved) -> Warning:
    d = r.day
    assert d is not None
    detail = f"{d.day} {d:%B} {d.year} is a {d:%A}, not {c.weekday_text}"
    return Warning("weekday_mismatch", text[c.start:c.end], c.start, c.end, detail)


def _governing_day(text: str, sentences, start: int, end: int,
                   dated: list[tuple[int, int, date | None]]) -> date | None:
    """The day of the nearest day-level expression in the sentence of [start, end), else earlier in its paragraph."""
    sentence = sentence_at(sentences, start)
    if sentence is None:
        return None
    same = [(abs(s - start) if s >= end else abs(start - e), d) for s, e, d in dated
            if d is not None and sentence.start <= s < sentence.end and (e <= start or s >= end)]
    if same:
        return min(same, key=lambda x: x[0])[1]
    paragraph_start = text.rfind("\n", 0, sentence.start) + 1
    earlier = [(s, d) for s, e, d in dated if d is not None and paragraph_start <= s < sentence.start]
    return max(earlier)[1] if earlier else None


def extract_timexes(text: str, reference: date | datetime | None, lang: str = "id") -> tuple[Timex, ...]:
    """Every time expression in ``text``, resolved against ``reference`` (the article's date).

    >>> [t.value for t in extract_timexes("Rapat digelar Kamis (24/10) lalu.", date(2024, 10, 26))]
    ['2024-10-24']

    Relative expressions (``pekan lalu``, bare weekdays) are left out when ``reference`` is None.
    """
    return _analyse(text, _as_date(reference), lang)[0]


def weekday_mismatches(text: str, reference: date | datetime | None, lang: str = "id") -> tuple[Warning, ...]:
    """``weekday_mismatch`` warnings for written dates whose weekday is wrong (the written date is kept).

    >>> weekday_mismatches("Kamis (25/10/2024)", None)[0].detail
    '25 October 2024 is a Friday, not Kamis'
    """
    return _analyse(text, _as_date(reference), lang)[1]


def infer_published(text: str, lang: str = "id", today: date | None = None) -> date | None:
    """The article's date from its text: the latest fully stated date (day, month and year, or day and month
    with a weekday, taking the year that fits the weekday).

    The year of a weekday date without one (``Rabu (27/11)``) is the latest that fits on or before ``today``
    when given (within 11 years), else the one nearest the latest year written in the text. Dates in future
    clauses, dates ending a stretch (``hingga 1 Juli 2025``) and misprinted ones (weekday not fitting) are no
    evidence. Header dates with a clock time come first, then report-style numeric dates
    (``Rabu (18/6/2025)``), then dates written out (which more often name coming events).

    >>> infer_published("Jakarta, Rabu (18/6/2025) - Sidang digelar Senin (16/6/2025).")
    datetime.date(2025, 6, 18)
    """
    sentences = _sentences(text)
    candidates = detect(text, lang)
    full_years = [c.year for c in candidates if c.kind == "date" and c.year is not None]
    other_years = [c.year for c in candidates if c.year is not None and c.kind in ("month", "year")
                   and c.value != "yy"]
    anchor_year = max(full_years or other_years) if (full_years or other_years) else None
    stated: list[tuple[int, date]] = []
    for c in candidates:
        if c.kind != "date" or c.day is None or c.month is None:
            continue
        if c.year is not None:
            d: date | None = date(c.year, c.month, c.day)
        elif c.weekday is not None and today is not None:
            d = _latest_fitting(c.day, c.month, c.weekday, today)
        elif c.weekday is not None and anchor_year is not None:
            d = _fitting_year(c.day, c.month, c.weekday, anchor_year, 1 if full_years else 11)
        else:
            continue
        if d is None or (today is not None and d > today):
            continue
        if c.weekday is not None and d.weekday() != c.weekday:
            continue  # a misprinted date ("Rabu (11/6/2026)") is no evidence
        if _clause_tense(text, sentences, c) == "future" or c.tense == "future":
            continue
        if c.form != "numeric" and _preceded_by(text, c.start, time_words().cues.get("stretch_end", ())):
            continue
        # a date with its clock time is a dateline or header; "Rabu (18/6/2025)" is report style
        stated.append((3 if c.hour is not None else 2 if c.form == "numeric" else 1, d))
    if not stated:
        return None
    return max(stated)[1]


def _latest_fitting(day: int, month: int, weekday: int, today: date) -> date | None:
    """The latest date on or before ``today`` (within 11 years) with this day, month and weekday."""
    for year in range(today.year, today.year - 12, -1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= today and d.weekday() == weekday:
            return d
    return None


def _fitting_year(day: int, month: int, weekday: int, anchor_year: int, reach: int) -> date | None:
    """The date nearest ``anchor_year`` (within ``reach`` years, later first) whose weekday is ``weekday``."""
    for distance in range(0, reach + 1):
        for year in (anchor_year + distance, anchor_year - distance):
            try:
                d = date(year, month, day)
            except ValueError:
                continue
            if d.weekday() == weekday:
                return d
    return None


def clause_date(article: Article, start: int, end: int, *, for_count: bool = False) -> str | None:
    """The date governing the clause holding ``[start, end)``: ``YYYY-MM-DD`` from the nearest day-level time
    expression in the same sentence; failing that a month (``YYYY-MM``) or year (``YYYY``) expression there.

    Expressions opening a stretch (``sejak 2019``, ``hingga 25 Juni``) or in another sentence do not count;
    returns None when nothing governs the clause (callers may fall back on the article date).

    ``for_count``: the span is a figure. A tally runs up to the end of its stretch (``Hingga Senin siang,
    sembilan korban ...``: as of Monday) when that end is not after the article's date; and an expression
    after the figure with another figure in between belongs to that one (``340 ..., up from 196 in 2023``).

    >>> a = Article(id="x", text="Menurut polisi, Senin (23/6/2025), 12 orang tewas.")
    >>> clause_date(dataclasses.replace(a, timexes=extract_timexes(a.text, None)), 35, 43)
    '2025-06-23'
    """
    timexes = article.timexes or extract_timexes(article.text, article.published, _lang(article))
    if not timexes:
        return None
    sentence = sentence_at(_sentences(article.text), start)
    if sentence is None:
        return None
    cues = time_words().cues
    stretch_start, stretch_end = cues.get("stretch_start", ()), cues.get("stretch_end", ())
    published = _as_date(article.published)
    best: tuple[int, int, int, str] | None = None
    for t in timexes:
        if not (sentence.start <= t.start < sentence.end) or (t.start < end and start < t.end):
            continue
        rank = _precision_rank(t.value)
        if rank is None or _preceded_by(article.text, t.start, stretch_start):
            continue
        if _preceded_by(article.text, t.start, stretch_end) and not (
                for_count and published is not None and t.value[:(10, 7, 4)[rank]] <= _prefix(published, rank)):
            continue
        distance = t.start - end if t.start >= end else start - t.end
        other = for_count and t.start >= end and any(
            n.kind == "count" and end <= n.start and n.end <= t.start for n in article.numbers)
        candidate = (int(other), rank, distance, t.value)
        if best is None or candidate[:3] < best[:3]:
            best = candidate
    if best is None:
        return None
    _, rank, _, value = best
    return value[:10] if rank == 0 else value


def _prefix(day: date, rank: int) -> str:
    """``day`` at the precision of ``rank`` (0 day, 1 month, 2 year), to compare with a timex value."""
    return day.isoformat()[:(10, 7, 4)[rank]]


def _precision_rank(value: str) -> int | None:
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        return 0
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return 1
    if re.fullmatch(r"\d{4}", value):
        return 2
    return None


def _preceded_by(text: str, start: int, words: tuple[str, ...]) -> bool:
    before = re.findall(r"[\w'/.]+", text[max(0, start - 25):start])
    return bool(before) and key(before[-1]) in words


def _lang(article: Article) -> str:
    return "en" if (article.language or "").startswith("en") else "id"


def register(registry) -> None:
    """Register the ``timexes`` component."""

    @registry.register("timexes", requires=("text", "published"),
                       produces=("timexes", "warnings", "published", "published_inferred"))
    def _timexes(article: Article, resources) -> Article:
        """Time expressions resolved against the article date (inferred when missing); weekday mismatches."""
        published, inferred = article.published, article.published_inferred
        if published is None:
            # the process's clock comes in as a resource ("today"), so tests can fix it
            published = infer_published(article.text, _lang(article), resources.get("today", date.today))
            inferred = published is not None
        timexes, warnings = _analyse(article.text, _as_date(published), _lang(article))
        return dataclasses.replace(article, timexes=timexes, warnings=article.warnings + warnings,
                                   published=published, published_inferred=inferred)


__all__ = ["extract_timexes", "infer_published", "weekday_mismatches", "clause_date", "register"]
