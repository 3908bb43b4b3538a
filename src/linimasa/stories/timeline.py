"""A story's timeline: dated events ordered by when they happened, not by when they were published.

Events, each pointing at its article and span:

- ``quote``: a quote, on the day it was said (``said_on``; else the article's day);
- ``count``: a figure, on the day it holds or was stated (``as_of``);
- ``stance``: an actor's first stance on a proposition, and every change of it;
- ``event``: a known proposition stated in the outlet's own voice with a date in its sentence
  ("... meneken perjanjian ... pada tanggal 19 Juni"), on that date (never after the article's day).

Syndicated copies whose original is in the story add no events.
"""
from __future__ import annotations

import bisect
import re
from typing import Mapping, Sequence

from ..annotate.propositions import actor_index, article_actors, find_propositions, tokenize
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
        events.extend(quote_events(article))
        events.extend(key_events(article))
    events.extend(stance_events(stances))
    events.extend(count_events(figures))
    seen, unique = set(), []
    for e in events:
        key = (e.kind, e.on, e.summary)
        if key not in seen:
            seen.add(key)
            unique.append(e)
    unique.sort(key=lambda e: (e.on or "9999", _KIND_ORDER.get(e.kind, 9), published.get(e.article_id, ""),
                               e.article_id, e.start or 0))
    return tuple(unique)


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
    for r in sorted(records, key=lambda r: (r.on or "9999", r.article_id, r.start)):
        key = (r.actor_id, r.proposition_id)
        if last.get(key) == r.stance:
            continue
        change = "" if key not in last else f" (before: {last[key]})"
        last[key] = r.stance
        speaker = f" ({r.speaker})" if r.speaker and r.speaker != r.actor else ""
        summary = f"{r.actor}{speaker} {_STANCE_WORDS.get(r.stance, r.stance)}: {r.proposition}{change}"
        out.append(TimelineEvent(r.on, "stance", summary, r.article_id, r.start, r.end, r.actor,
                                 None if r.actor_id.startswith("name:") else r.actor_id))
    return out


def count_events(figures: Sequence[FigureRecord]) -> list[TimelineEvent]:
    """One event per figure (a figure repeated in one article counts once)."""
    out, seen = [], set()
    for f in figures:
        c = f.count
        key = (f.article_id, c.value, c.qualifier, f.claimant_key, f.unit_key)
        if key in seen:
            continue
        seen.add(key)
        point = CountPoint(f.on, c.value, c.qualifier, c.claimant, c.claimant_id, f.article_id)
        who = c.claimant or "the outlet"
        out.append(TimelineEvent(f.on, "count", f"{who}: {_figure(point)} {c.what or c.unit or f.unit_key}",
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


__all__ = ["build_timeline", "count_events", "key_events", "quote_events", "stance_events"]
