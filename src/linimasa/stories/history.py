"""Stance histories: how each actor's stance on each proposition moved over time, across a story's articles.

Stances come from the ``stances`` component. Here they are joined across articles:

- the actor is the entity that takes the stance, and someone who speaks for a state (their role names the state
  and a title such as "Menlu", "Presiden", "Dubes") counts towards that state's history;
- a proposition whose agent or target an article left unknown (``send_troops(gpe:KP,_)``) joins the story's one
  complete proposition of the same predicate that agrees with it (``send_troops(gpe:KP,gpe:RU)``);
- worded claims (``claim:<digest>``) about the same thing are joined into one proposition
  (:mod:`linimasa.stories.claims`), and a quote whose words restate a claim that the story's actors take stances
  on in two articles or more, and that says something exists or happened ("adanya retakan"), is its speaker's
  stance on it (affirms, or denies with a negator before the claim's words: "Tidak ada retakan"), unless its
  speaker already takes one on that claim in that article;
- the date is when the stance was taken (``on``), or else when the article was published; a stance reported as
  earlier ("Sebelumnya, BPBN membantah ...", :func:`linimasa.annotate.stances.is_retrospective`) and undated
  takes the date of the same actor's latest earlier identical stance on the same proposition, else no date
  (``on`` None) and ``before`` the article's day, and sorts just before that day;
- a syndicated copy (``duplicates``: copy id -> original id) adds nothing when its original is in the story.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..annotate.actors import acting_map
from ..annotate.clause_grammar import grammar, tokenize
from ..annotate.stances import is_retrospective
from ..model import Article, Entity, Quote, StanceHistory, StancePoint
from .claims import (ClaimMention, claim_head, claim_words, content_words, holds, is_claim, name_words, plain_words,
                     unify_claims)
from .orgs import StoryOrgs
from .states import StoryStates

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
    speaker_id: str | None = None  # the entity that spoke (the actor group may be its state or body)
    before: str | None = None  # a retrospective report: taken before this day (the article's)

    @property
    def sort_on(self) -> tuple[str, int]:
        """Sort key: the date, and an undated retrospective report just before its article's day."""
        if self.on:
            return self.on, 1
        return (self.before, 0) if self.before else ("9999", 1)


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
    sources = independent_articles(articles, duplicates)
    states = StoryStates(sources)
    orgs = StoryOrgs(sources)
    raw = []
    for article in sources:
        for s in article.stances:
            group_id, group = _group(article, s.actor_id, s.actor, states, orgs)
            s = dataclasses.replace(s, proposition_id=_state_proposition(article, s.proposition_id, states, orgs))
            raw.append((article, s, group_id, group))
    canonical = unify_propositions(s.proposition_id for _, s, _, _ in raw)
    mentions = [ClaimMention(s.proposition_id, s.proposition, a.id, gid, (group, s.actor), _is_headline(a, s))
                for a, s, gid, group in raw if is_claim(s.proposition_id)]
    entities = {a.id: a.entities for a in sources}
    joined = unify_claims(mentions, entities, {a.id: a.title or "" for a in sources})
    texts: dict[str, Counter] = defaultdict(Counter)
    for _, s, _, _ in raw:
        if s.proposition_id == canonical.get(s.proposition_id, s.proposition_id):
            texts[s.proposition_id][s.proposition] += 1
    out = []
    for article, s, group_id, group in raw:
        pid = canonical.get(s.proposition_id, s.proposition_id)
        text = texts[pid].most_common(1)[0][0] if texts.get(pid) else s.proposition
        pid, text = joined.get(pid, (pid, text))
        dated = bool(s.on and re.match(r"^\d{4}", s.on))
        before = article_date(article) if not dated and is_retrospective(article, s) else None
        on = s.on if dated else (None if before else article_date(article))
        out.append(StanceRecord(group_id, group, pid, text, s.stance, on, article.id, s.actor, s.start, s.end, s.cue,
                                s.actor_id, before))
    out.extend(_quote_records(sources, out, joined, claim_words(mentions, entities), name_words(entities), states,
                              orgs))
    return _place_retrospective(_date_from_quotes(sources, out, states, orgs))


def _state_proposition(article: Article, pid: str, states: StoryStates, orgs: StoryOrgs | None = None) -> str:
    """The proposition with its agent and target keyed as the story's states (or else organisations) when they
    act for one (``send_troops(loc:kordavia,_)`` and ``send_troops(per:kordavia-viktor-halmar,_)`` are one
    proposition, and so are ``leak(org:pt-sinar-kencana,_)`` and ``leak(per:sinar-kencana,_)``)."""
    m = _PROP.match(pid)
    if not m:
        return pid
    slots = []
    for k in ("agent", "target"):
        ident = m[k]
        entity = next((e for e in article.entities if e.id == ident), None) if ident != "_" else None
        found = states.acts_for(article, ident, entity.name) if entity is not None else states.ids.get(ident)
        if found is None and entity is not None and orgs is not None:
            found = orgs.acts_for(article, ident, entity.name)
        slots.append(found[0] if found else ident)
    return f"{m['predicate']}({slots[0]},{slots[1]})"


def _date_from_quotes(sources: Sequence[Article], records: list[StanceRecord],
                      states: StoryStates, orgs: StoryOrgs | None = None) -> list[StanceRecord]:
    """A stance its article leaves undated ("Kordavia mengakui ...") takes the day on which the same actor's
    statement in that article is dated ("Presiden Kordavia mengatakan, Senin (14/7/2025), bahwa ..."), when
    that article dates the actor's statements (its quotes, or else its other stances) to exactly one earlier
    day."""
    by_id = {a.id: a for a in sources}
    days: dict[tuple[str, str], set[str]] = defaultdict(set)
    for article in sources:
        published = article_date(article)
        for q in article.quotes:
            if not (q.said_on and re.match(r"^\d{4}-\d{2}-\d{2}", q.said_on)):
                continue
            if published and q.said_on[:10] >= published:
                continue
            group_id, _ = _group(article, q.speaker_id, q.speaker or q.speaker_id or "", states, orgs)
            days[(article.id, group_id)].add(q.said_on[:10])
        stated: dict[str, set[str]] = defaultdict(set)  # the actor's stances the article dates to an earlier day
        for s in article.stances:
            if s.on and re.match(r"^\d{4}-\d{2}-\d{2}", s.on) and not (published and s.on[:10] >= published):
                stated[_group(article, s.actor_id, s.actor, states, orgs)[0]].add(s.on[:10])
        for group_id, found in stated.items():
            days.setdefault((article.id, group_id), found)
    out = []
    for r in records:
        article = by_id.get(r.article_id)
        found = days.get((r.article_id, r.actor_id))
        if (article is not None and r.before is None and r.on == article_date(article) and found
                and len(found) == 1 and not any(s.start == r.start and s.on for s in article.stances)):
            r = dataclasses.replace(r, on=next(iter(found)))
        out.append(r)
    return out


def _is_headline(article: Article, stance) -> bool:
    """A claim worded from the article's title."""
    title = " ".join((article.title or "").split())
    return bool(title) and title.startswith(" ".join(stance.proposition.split()))


def _place_retrospective(records: list[StanceRecord]) -> list[StanceRecord]:
    """An undated retrospective report takes the date of the same actor's latest earlier identical stance on the
    same proposition (it most likely recalls it); else it stays undated, ``before`` its article's day."""
    out = []
    for r in records:
        if r.on is None and r.before:
            earlier = [o.on for o in records if o.before is None and o.on and o.on[:10] < r.before
                       and (o.actor_id, o.proposition_id, o.stance) == (r.actor_id, r.proposition_id, r.stance)]
            if earlier:
                r = dataclasses.replace(r, on=max(earlier))
        out.append(r)
    return out


def _quote_records(sources: Sequence[Article], records: Sequence[StanceRecord], joined: Mapping[str, tuple[str, str]],
                   words: Mapping[str, frozenset[str]], names: frozenset[str],
                   states: StoryStates, orgs: StoryOrgs | None = None) -> list[StanceRecord]:
    """Stances carried by quotes that restate a claim the story disputes (stances on it in two articles or more)
    that something exists or happened (one of its wordings says nothing but its head words: "adanya retakan"):
    the quote holds every head word; a negator right before the first of them makes it a denial."""
    members: dict[str, set[str]] = defaultdict(set)
    for original, (pid, _) in joined.items():
        members[pid].add(original)
    out = []
    for pid, ids in members.items():
        recs = [r for r in records if r.proposition_id == pid]
        if len({r.article_id for r in recs}) < 2:
            continue
        head = plain_words(claim_head([words.get(i, frozenset()) for i in sorted(ids)]), names)
        if not head or not any(plain_words(words.get(i, frozenset()), names) <= head for i in ids
                               if words.get(i)):
            continue
        text = recs[0].proposition
        for article in sources:
            taken = {r.actor_id for r in records if r.article_id == article.id and r.proposition_id == pid}
            for q in article.quotes:
                if not (q.speaker or q.speaker_id):
                    continue
                group_id, group = _group(article, q.speaker_id, q.speaker or q.speaker_id or "", states, orgs)
                if group_id in taken:
                    continue
                found = content_words(q.text)
                if not all(holds(found, h) for h in head):
                    continue
                stance = "denies" if _negated_claim(q, head) else "affirms"
                on = q.said_on[:10] if q.said_on and re.match(r"^\d{4}", q.said_on) else article_date(article)
                out.append(StanceRecord(group_id, group, pid, text, stance, on, article.id, q.speaker or group,
                                        q.start, q.end, "quote", q.speaker_id))
    return out


def _negated_claim(quote: Quote, head: frozenset[str]) -> bool:
    """True when a negator stands among the three words before the first word of the claim in the quote
    ("Tidak ada retakan pada tubuh bendungan")."""
    roles = grammar().roles
    tokens = tokenize(quote.text)
    for k, t in enumerate(tokens):
        if any(holds(frozenset((t.text,)), h) for h in head):
            return any(roles.get(p.text) == "negator" for p in tokens[max(0, k - 3):k])
    return False


def stance_histories(records: Sequence[StanceRecord], texts: Mapping[str, str] = {}) -> tuple[StanceHistory, ...]:
    """One history per actor x proposition, its points sorted by date (one point per article and stance);
    ``texts`` (article id -> text) gives each point its evidence sentence."""
    grouped: dict[tuple[str, str], list[StanceRecord]] = defaultdict(list)
    for r in records:
        grouped[(r.actor_id, r.proposition_id)].append(r)
    out = []
    for (actor_id, pid), recs in grouped.items():
        recs.sort(key=lambda r: (r.sort_on, r.article_id, r.start))
        seen, points = set(), []
        for r in recs:
            key = (r.article_id, r.stance, r.on)
            if key in seen:
                continue
            seen.add(key)
            evidence = texts[r.article_id][r.start:r.end][:_EVIDENCE_CHARS] if r.article_id in texts else None
            points.append(StancePoint(r.on, r.stance, r.article_id, r.speaker, evidence, r.before))
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

def _group(article: Article, actor_id: str | None, actor: str,
           states: StoryStates | None = None, orgs: StoryOrgs | None = None) -> tuple[str, str]:
    """(group id, group name): the state its organs, officials and capital act for (:mod:`.states`), else the
    organisation its forms and people act for (:mod:`.orgs`), else the state or body a spokesperson speaks for,
    else the actor itself."""
    if states is not None:
        found = states.acts_for(article, actor_id, actor)
        if found is not None:
            return found
    if orgs is not None:
        found = orgs.acts_for(article, actor_id, actor)
        if found is not None:
            return found
    if actor_id:
        entity = next((e for e in article.entities if e.id == actor_id), None)
        state = _represented_state(article, entity) if entity is not None else None
        if state is not None:
            if states is not None and state[0] != actor_id:
                body = states.acts_for(article, state[0], state[1])
                if body is not None:
                    return body
            return state
        return actor_id, actor
    return f"name:{actor.casefold()}", actor


def _represented_state(article: Article, person: Entity) -> tuple[str, str] | None:
    """The state or body a person speaks for: their role holds a title ("Menlu", "Presiden", "juru bicara") and
    names a state (the first one named) or else an organisation (the longest name found) of the article."""
    if person.type != "PERSON" or not person.role:
        return None
    roles = grammar().roles
    words = re.findall(r"\w+", person.role.lower())
    if not any(roles.get(w) == "role" for w in words):
        return None
    acting = acting_map(article.entities)
    for e in article.entities:
        if e.type == "GPE" and _names(person.role, e):
            ident, name, _ = acting.get(e.id) or (e.id, e.name, e.type)
            return ident, name
    bodies = [(max(len(f) for f in found), e) for e in article.entities
              if e.type == "ORG" and e.id != person.id and (found := _names(person.role, e))]
    if bodies:
        e = max(bodies, key=lambda x: x[0])[1]
        ident, name, _ = acting.get(e.id) or (e.id, e.name, e.type)
        return ident, name
    return None


def _names(text: str, entity: Entity) -> list[str]:
    """The forms of ``entity`` found as whole words in ``text``."""
    forms = {entity.name, *entity.aliases, *(m.text for m in entity.mentions if m.kind != "pronoun")}
    return [f for f in forms if f and re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text)]


__all__ = ["StanceRecord", "article_date", "independent_articles", "stance_histories", "stance_records",
           "unify_propositions"]
