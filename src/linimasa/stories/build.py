"""Build one story from its annotated articles: title, timeline, stance histories, count series, contradictions.

``build_story`` is pure: it reads the articles (with their quotes, counts, stances, timexes and entities) and
returns a :class:`~linimasa.model.Story`. ``duplicates`` maps a syndicated copy's id to its original's id; a
copy whose original is in the story stays listed in the story but adds no events, stances or figures, so one
wire story in three outlets is not three confirmations.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import Mapping, Sequence

from ..annotate.actors import article_actors
from ..annotate.clause_grammar import tokenize
from ..annotate.propositions import actor_index, find_propositions, main_proposition
from ..annotate.sentences import split_sentences
from ..model import Article, Story, TimelineEvent
from .contradictions import find_contradictions
from .figures import count_series, figure_records
from .history import article_date, independent_articles, stance_histories, stance_records
from .timeline import build_timeline

_TITLE_WORD = re.compile(r"\w{4,}")


def build_story(story_id: str, articles: Sequence[Article], duplicates: Mapping[str, str] = {}) -> Story:
    """Everything a reader wants to know about one story, e.g. ``build_story("s1", [a, b], {b.id: a.id})``."""
    ordered = sorted(articles, key=lambda a: (str(a.published or ""), a.id))
    ids = {a.id for a in ordered}
    records = stance_records(ordered, duplicates)
    figures = figure_records(ordered, duplicates)
    texts = {a.id: a.text for a in ordered}
    histories = stance_histories(records, texts)
    series = count_series(figures)
    timeline = build_timeline(ordered, records, figures, duplicates)
    days = sorted(d for d in (*(e.on for e in timeline), *(article_date(a) for a in ordered)) if d and _is_day(d))
    return Story(
        id=story_id,
        title=story_title(ordered, duplicates, timeline),
        article_ids=tuple(a.id for a in ordered),
        duplicate_of=tuple(sorted((a, o) for a, o in duplicates.items() if a in ids and o in ids and a != o)),
        timeline=timeline,
        stance_history=histories,
        count_series=series,
        contradictions=find_contradictions(histories, series),
        first_on=days[0] if days else None,
        last_on=days[-1] if days else None,
    )


def story_title(articles: Sequence[Article], duplicates: Mapping[str, str] = {},
                timeline: Sequence[TimelineEvent] = ()) -> str:
    """The title of the story's most central article (its title and lead share most words with the others);
    without titles, the main proposition of the story's stances."""
    sources = [a for a in independent_articles(articles, duplicates) if a.title and a.title.strip()]
    if sources:
        bags = {a.id: _bag(a) for a in sources}

        def centrality(a: Article) -> float:
            mine = bags[a.id]
            return sum(len(mine & other) / (len(mine | other) or 1) for k, other in bags.items() if k != a.id)

        best = max(sources, key=lambda a: (centrality(a), -sources.index(a)))
        return " ".join(best.title.split())
    stated = Counter(e.summary.split(": ", 1)[-1].split(" \u2014 ")[0] for e in timeline if e.kind == "stance")
    if stated:
        return stated.most_common(1)[0][0]
    main = main_proposition(p for a in articles for p in _propositions(a))
    if main is not None:
        return main.text()
    first = next((a.text.strip() for a in articles if a.text.strip()), "")
    return " ".join(first.split()[:12]) or "Untitled story"


def _propositions(article: Article):
    tokens = tokenize(article.text)
    at = actor_index(tokens, article_actors(article))
    starts = [t.start for t in tokens]
    for sentence in split_sentences(article.text):
        lo, hi = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
        yield from find_propositions(tokens, at, lo, hi)


def _bag(article: Article) -> set[str]:
    lead = article.text[:400]
    return {w.lower() for w in _TITLE_WORD.findall(f"{article.title or ''} {article.title or ''} {lead}")}


def _is_day(value: str) -> bool:
    return bool(re.match(r"^\d{4}-\d{2}-\d{2}$", value))


__all__ = ["build_story", "story_title"]
