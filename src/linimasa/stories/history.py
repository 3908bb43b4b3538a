"""Stance histories: how each actor's stance on each proposition moved over time, across a story's articles.

Stances come from the ``stances`` component. Here they are joined across articles:

- the actor is the entity that takes the stance, and someone who speaks for a state (their role names the state
  and a title such as "Menlu", "Presiden", "Dubes") counts towards that state's history;
- a proposition whose agent or target an article left unknown (``send_troops(gpe:KP,_)``) joins the story's one
  complete proposition of the same predicate that agrees with it (``send_troops(gpe:KP,gpe:RU)``);
- the date is when the stance was taken (``on``), or else when the article was published;
- a syndicated copy (``duplicates``: copy id -> original id) adds nothing when its original is in the story.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..annotate.propositions import acting_map, grammar
from ..model import Article, Entity, StanceHistory, StancePoint

_PROP = re.compile(r"^(?P<predicate>[a-z_]+)\((?P<agent>[^,]*),(?P<target>[^)]*)\)$")
_EVIDENCE_CHARS = 240


@dataclass(frozen=True, slots=True)
class StanceRecord:
    """One stance of one article, placed in the story: its actor group, canonical proposition and date."""

    actor_id: str  # the group the history is kept for (a state for its spokespeople)
    actor: str
    proposition_id: str
    proposition: str
    stance: str
    on: str | None
    article_id: str
    speaker: str  # the name used in the article
    start: int
    end: int
    cue: str | None = None


def independent_articles(articles: Sequence[Article], duplicates: Mapping[str, str]) -> list[Article]:
    """The articles that count as sources: a copy whose original is in the story is left out."""
    ids = {a.id for a in articles}
    return [a for a in articles if not (a.id in duplicates and duplicates[a.id] in ids and duplicates[a.id] != a.id)]


def article_date(article: Article) -> str | None:
    """The article's publication day as ``YYYY-MM-DD`` (or None)."""
    day = article.published_date
    return day.isoformat() if day else None


def stance_records(articles: Sequence[Article], duplicates: Mapping[str, str] = {}) -> list[StanceRecord]:
    """Every stance of the story's independent articles, with actor groups and story-wide proposition ids."""
    raw = []
    for article in independent_articles(articles, duplicates):
        for s in article.stances:
            group_id, group = _group(article, s.actor_id, s.actor)
            raw.append((article, s, group_id, group))
    canonical = unify_propositions(s.proposition_id for _, s, _, _ in raw)
    texts: dict[str, Counter] = defaultdict(Counter)
    for _, s, _, _ in raw:
        if s.proposition_id == canonical.get(s.proposition_id, s.proposition_id):
            texts[s.proposition_id][s.proposition] += 1
    out = []
    for article, s, group_id, group in raw:
        pid = canonical.get(s.proposition_id, s.proposition_id)
        text = texts[pid].most_common(1)[0][0] if texts.get(pid) else s.proposition
        on = s.on if s.on and re.match(r"^\d{4}", s.on) else article_date(article)
        out.append(StanceRecord(group_id, group, pid, text, s.stance, on, article.id, s.actor, s.start, s.end, s.cue))
    return out


def stance_histories(records: Sequence[StanceRecord], texts: Mapping[str, str] = {}) -> tuple[StanceHistory, ...]:
    """One history per actor x proposition, its points sorted by date (one point per article and stance);
    ``texts`` (article id -> text) gives each point its evidence sentence."""
    grouped: dict[tuple[str, str], list[StanceRecord]] = defaultdict(list)
    for r in records:
        grouped[(r.actor_id, r.proposition_id)].append(r)
    out = []
    for (actor_id, pid), recs in grouped.items():
        recs.sort(key=lambda r: (r.on or "9999", r.article_id, r.start))
        seen, points = set(), []
        for r in recs:
            key = (r.article_id, r.stance, r.on)
            if key in seen:
                continue
            seen.add(key)
            evidence = texts[r.article_id][r.start:r.end][:_EVIDENCE_CHARS] if r.article_id in texts else None
            points.append(StancePoint(r.on, r.stance, r.article_id, r.speaker, evidence))
        names = Counter(r.actor for r in recs)
        out.append(StanceHistory(names.most_common(1)[0][0], None if actor_id.startswith("name:") else actor_id,
                                 recs[0].proposition, pid, tuple(points)))
    out.sort(key=lambda h: (-len(h.series), h.actor, h.proposition_id))
    return tuple(out)


def unify_propositions(ids) -> dict[str, str]:
    """Partial proposition id -> the one complete id of the same predicate that agrees with it.

    ``send_troops(gpe:KP,_)`` -> ``send_troops(gpe:KP,gpe:RU)`` when that is the only (or by far the most
    frequent) complete one; ids with nothing to join map to themselves.
    """
    counts = Counter(ids)
    parsed = {pid: _PROP.match(pid) for pid in counts}
    complete: dict[str, Counter] = defaultdict(Counter)
    for pid, m in parsed.items():
        if m and m["agent"] != "_" and m["target"] != "_":
            complete[m["predicate"]][pid] += counts[pid]
    out = {}
    for pid, m in parsed.items():
        if not m or (m["agent"] != "_" and m["target"] != "_"):
            continue
        fits = [(n, c) for c, n in complete[m["predicate"]].items()
                if _agrees(m, parsed[c])]
        if not fits:
            continue
        fits.sort(reverse=True)
        if len(fits) == 1 or fits[0][0] >= 2 * fits[1][0]:
            out[pid] = fits[0][1]
    return out


def _agrees(partial: re.Match, whole: re.Match | None) -> bool:
    if whole is None:
        return False
    return all(partial[k] in ("_", whole[k]) for k in ("agent", "target"))


# ------------------------------------------------------------------ actor groups

def _group(article: Article, actor_id: str | None, actor: str) -> tuple[str, str]:
    """(group id, group name): the state a spokesperson speaks for, else the actor itself."""
    if actor_id:
        entity = next((e for e in article.entities if e.id == actor_id), None)
        state = _represented_state(article, entity) if entity is not None else None
        if state is not None:
            return state
        return actor_id, actor
    return f"name:{actor.casefold()}", actor


def _represented_state(article: Article, person: Entity) -> tuple[str, str] | None:
    """The state a person speaks for: their role holds a title ("Menlu", "Presiden") and names a state."""
    if person.type != "PERSON" or not person.role:
        return None
    roles = grammar().roles
    words = re.findall(r"\w+", person.role.lower())
    if not any(roles.get(w) == "role" for w in words):
        return None
    acting = acting_map(article.entities)
    for e in article.entities:
        if e.type != "GPE":
            continue
        forms = {e.name, *e.aliases, *(m.text for m in e.mentions if m.kind != "pronoun")}
        if any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", person.role) for f in forms if f):
            ident, name, _ = acting.get(e.id) or (e.id, e.name, e.type)
            return ident, name
    return None


__all__ = ["StanceRecord", "article_date", "independent_articles", "stance_histories", "stance_records",
           "unify_propositions"]
