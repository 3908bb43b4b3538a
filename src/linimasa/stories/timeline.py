"""A story's timeline: dated events ordered by when they happened, not by when they were published.

Events, each pointing at its article and span:

- ``quote``: a quote, on the day it was said (``said_on``; else the article's day);
- ``count``: a figure, on the day it holds or was stated (``as_of``);
- ``stance``: an actor's first stance on a proposition, and every change of it;
- ``event``: a known proposition stated in the outlet's own voice with a date in its sentence
  ("... meneken perjanjian ... pada tanggal 19 Juni"), on that date (never after the article's day).

An undated retrospective stance ("Sebelumnya, BPBN membantah ...") has ``on`` None and ``before`` its article's
day, and sorts just before that day. The same words make one event: a quote that carries a stance of its
speaker (the stance's evidence holds the quote) gives way to the stance, which takes the quote's words; of two
overlapping quotes of one speaker, the direct one (else the longer) stays. Syndicated copies whose original is
in the story add no events.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Mapping, Sequence

from ..annotate.actors import article_actors
from ..annotate.clause_grammar import tokenize
from ..annotate.propositions import actor_index, find_propositions
from ..annotate.sentences import split_sentences
from ..model import Article, CountPoint, TimelineEvent
from .figures import FigureRecord, _figure
from .history import StanceRecord, article_date, independent_articles

_KIND_ORDER = {"event": 0, "stance": 1, "count": 2, "quote": 3, "published": 4}
_QUOTE_CHARS = 200
_DATED = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
_STANCE_WORDS = {"affirms": "affirms", "denies": "denies", "neither": "neither confirms nor denies"}


def build_timeline(articles: Sequence[Article], stances: Sequence[StanceRecord], figures: Sequence[FigureRecord],
                   duplicates: Mapping[str, str] = {}) -> tuple[TimelineEvent, ...]:
    """All dated events of the story, ordered by event date (then kind, then publication, then position)."""
    sources = independent_articles(articles, duplicates)
    published = {a.id: str(a.published or "") for a in sources}
    events: list[TimelineEvent] = []
    for article in sources:
        events.extend(_dated_like_stances(quote_events(article), stances))
        events.extend(key_events(article))
    events.extend(stance_events(stances))
    events.extend(count_events(figures))
    seen, unique = set(), []
    for e in events:
        key = (e.kind, e.on, e.summary)
        if key not in seen:
            seen.add(key)
            unique.append(e)
    speakers = {(r.article_id, r.start, r.end, None if r.actor_id.startswith("name:") else r.actor_id):
                (r.speaker_id, r.speaker) for r in stances}
    unique = merge_same_words(unique, speakers)
    unique.sort(key=lambda e: (*_when(e), _KIND_ORDER.get(e.kind, 9), published.get(e.article_id, ""),
                               e.article_id, e.start or 0))
    return tuple(unique)


def _dated_like_stances(quotes: list[TimelineEvent], stances: Sequence[StanceRecord]) -> list[TimelineEvent]:
    """A quote inside the evidence of a retrospective stance of its speaker ("Sebelumnya, BPBN membantah ...")
    is placed where that stance is."""
    retro = [r for r in stances if r.before]
    out = []
    for q in quotes:
        for r in retro:
            if r.article_id == q.article_id and q.start is not None and r.start <= q.start and q.end <= r.end \
                    and _spoke(q, {r.speaker_id, r.actor_id}, {r.speaker, r.actor}):
                q = dataclasses.replace(q, on=r.on, before=r.before)
                break
        out.append(q)
    return out


def _spoke(quote: TimelineEvent, ids: set, names: set) -> bool:
    """True when the quote's speaker is one of ``ids`` (or, unidentified, one of ``names``)."""
    if quote.actor_id:
        return quote.actor_id in ids
    return (quote.actor or "").casefold() in {n.casefold() for n in names if n}


def _when(e: TimelineEvent) -> tuple[str, int]:
    if e.on:
        return e.on, 1
    return (e.before, 0) if e.before else ("9999", 1)


def merge_same_words(events: Sequence[TimelineEvent],
                     speakers: Mapping[tuple, tuple[str | None, str | None]] = {}) -> list[TimelineEvent]:
    """One event for the same words: a quote inside the evidence of a stance of its speaker gives way to the
    stance (which takes the quote's words: a direct quote's always, an indirect one's unless they restate the
    claim); of two overlapping quotes of one speaker the richer stays (direct,
    then longer). ``speakers`` maps a stance's (article, start, end, actor id) to who spoke (id, name)."""
    quotes = [e for e in events if e.kind == "quote" and e.start is not None and e.end is not None]
    dropped: set[int] = set()
    for i, a in enumerate(quotes):
        for b in quotes[i + 1:]:
            if id(a) in dropped or id(b) in dropped or a.article_id != b.article_id or not _same_speaker(a, b):
                continue
            if a.start < b.end and b.start < a.end:
                dropped.add(id(min((a, b), key=_richness)))
    out: list[TimelineEvent] = []
    for e in events:
        if id(e) in dropped:
            continue
        if e.kind == "stance" and e.start is not None:
            spoke_id, spoke = speakers.get((e.article_id, e.start, e.end, e.actor_id), (None, None))
            carried = [q for q in quotes if id(q) not in dropped and q.article_id == e.article_id
                       and e.start <= q.start and q.end <= e.end
                       and _spoke(q, {spoke_id, e.actor_id} - {None}, {spoke, e.actor})]
            for q in carried:
                dropped.add(id(q))
            claim = e.summary.split(": ", 1)[-1]
            words = [q.summary.split(": ", 1)[-1] for q in carried]
            words = [w for w in words if w not in e.summary and (w.startswith('"') or not _restates(w, claim))]
            if words:
                e = dataclasses.replace(e, summary=f"{e.summary} \u2014 {' '.join(words)}")
        out.append(e)
    return [e for e in out if id(e) not in dropped]


def _restates(words: str, claim: str) -> bool:
    """True when most words of the stance's claim are already the quote's words."""
    said = {w.lower() for w in re.findall(r"\w+", words)}
    claimed = [w.lower() for w in re.findall(r"\w+", claim)]
    return not claimed or sum(w in said for w in claimed) >= 0.6 * len(claimed)


def _same_speaker(a: TimelineEvent, b: TimelineEvent) -> bool:
    if a.actor_id or b.actor_id:
        return a.actor_id == b.actor_id
    return (a.actor or "").casefold() == (b.actor or "").casefold()


def _richness(e: TimelineEvent) -> tuple[int, int, int]:
    return (e.summary.count('"') >= 2, (e.end or 0) - (e.start or 0), -(e.start or 0))


def quote_events(article: Article) -> list[TimelineEvent]:
    """One event per quote, on the day it was said."""
    out = []
    for q in article.quotes:
        on = q.said_on[:10] if q.said_on and re.match(r"^\d{4}", q.said_on) else article_date(article)
        words = q.text if len(q.text) <= _QUOTE_CHARS else q.text[:_QUOTE_CHARS].rsplit(" ", 1)[0] + " ..."
        speaker = q.speaker or q.description or "unknown speaker"
        summary = f'{speaker}: "{words}"' if q.kind == "direct" else f"{speaker}: {words}"
        out.append(TimelineEvent(on, "quote", summary, article.id, q.start, q.end, q.speaker, q.speaker_id))
    return out


def stance_events(records: Sequence[StanceRecord]) -> list[TimelineEvent]:
    """An actor's first stance on each proposition, and each later change of it."""
    out = []
    last: dict[tuple[str, str], str] = {}
    for r in sorted(records, key=lambda r: (r.sort_on, r.article_id, r.start)):
        key = (r.actor_id, r.proposition_id)
        if last.get(key) == r.stance:
            continue
        change = "" if key not in last else f" (before: {last[key]})"
        last[key] = r.stance
        speaker = f" ({r.speaker})" if r.speaker and r.speaker != r.actor else ""
        summary = f"{r.actor}{speaker} {_STANCE_WORDS.get(r.stance, r.stance)}: {r.proposition}{change}"
        out.append(TimelineEvent(r.on, "stance", summary, r.article_id, r.start, r.end, r.actor,
                                 None if r.actor_id.startswith("name:") else r.actor_id, r.before))
    return out


def count_events(figures: Sequence[FigureRecord]) -> list[TimelineEvent]:
    """One event per figure (a figure repeated in one article counts once)."""
    out, seen = [], set()
    for f in figures:
        c = f.count
        key = (f.article_id, c.value, c.qualifier, f.claimant_key, f.series_key)
        if key in seen:
            continue
        seen.add(key)
        point = CountPoint(f.on, c.value, c.qualifier, c.claimant, c.claimant_id, f.article_id)
        who = c.claimant or "the outlet"
        what = c.what or c.unit or f.unit_key
        if f.measure and f.measure not in what.split():
            what = f"{what} ({f.measure})"
        out.append(TimelineEvent(f.on, "count", f"{who}: {_figure(point)} {what}",
                                 f.article_id, c.start, c.end, c.claimant, c.claimant_id))
    return out


def key_events(article: Article) -> list[TimelineEvent]:
    """Known propositions told in the outlet's own voice with a date in their sentence (not inside a quote,
    not the content of a stance)."""
    today = article_date(article)
    dated = [t for t in article.timexes if _DATED.match(t.value or "")]
    if not dated:
        return []
    text = article.text
    tokens = tokenize(text)
    at = actor_index(tokens, article_actors(article))
    starts = [t.start for t in tokens]
    quoted = [(q.start, q.end) for q in article.quotes]
    claimed = [(s.start, s.end) for s in article.stances]
    lang = "en" if (article.language or "").startswith("en") else "id"
    out = []
    for sentence in split_sentences(text):
        if any(a < sentence.end and sentence.start < b for a, b in quoted + claimed):
            continue
        times = [t for t in dated if sentence.start <= t.start < sentence.end]
        if not times:
            continue
        lo, hi = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
        for p in find_propositions(tokens, at, lo, hi):
            if p.is_modal or p.is_negated or not (p.agent_id or p.target_id):
                continue
            when = min(times, key=lambda t: abs(t.start - p.start)).value
            if today and when[:len(today)] > today:
                continue
            out.append(TimelineEvent(when, "event", p.text(lang), article.id, sentence.start, sentence.end,
                                     p.agent, p.agent_id))
            break
    return out


__all__ = ["build_timeline", "count_events", "key_events", "merge_same_words", "quote_events", "stance_events"]
