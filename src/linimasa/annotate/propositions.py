"""Canonical propositions: what a clause claims, as a predicate class with a canonical agent and target.

"Korea Utara mengirim pasukan ke Rusia", "Korut kirim tentara ke Rusia" and "North Korea sent troops to Russia"
are one proposition, ``send_troops(gpe:KP,gpe:RU)``: the predicate class comes from a lexicon of trigger words
(``lang/*/predicates.tsv``; some classes also need an object noun nearby, e.g. troops), and the agent and target are
entity ids (a capital standing for its state is mapped to the state). Nothing is matched on surface words beyond
the lexicons, so the same id comes out of any language that has the lexicons.

A clause with no known predicate can still be a claim: :func:`claim_proposition` gives it an id made from its words
(shared only by identical wording).

Tokens and lexicons come from :mod:`.clause_grammar`, actors (entity mentions mapped to who acts) from
:mod:`.actors`; their names are re-exported here, where the stances component and the story layer import them.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from ..model import Article, Entity
from .actors import Actor, acting_map, article_actors, fallback_entities, title_actors
from .clause_grammar import LANGS, TOKEN_PATTERN, Grammar, Token, grammar, tokenize

_WINDOW_OBJECT = (6, 5)  # tokens before / after a trigger where its object noun may stand
_WINDOW_TARGET = 8  # tokens after the trigger (or object) where the target may stand


@dataclass(frozen=True, slots=True)
class Proposition:
    """One claim: ``predicate(agent, target)``; ``label`` is the wording of a claim with no known predicate."""

    predicate: str
    agent_id: str | None = None
    agent: str | None = None
    target_id: str | None = None
    target: str | None = None
    start: int = 0
    end: int = 0
    is_negated: bool = False
    is_modal: bool = False
    label: str | None = None

    @property
    def id(self) -> str:
        """Global id: ``send_troops(gpe:KP,gpe:RU)``; ``claim:<digest>`` for a claim with no known predicate."""
        if self.predicate == "claim":
            digest = hashlib.sha1(" ".join(_words(self.label or "")).encode()).hexdigest()[:10]
            return f"claim:{digest}"
        return f"{self.predicate}({self.agent_id or '_'},{self.target_id or '_'})"

    def text(self, lang: str = "id") -> str:
        """Readable canonical text from the class template: ``Korea Utara mengirim pasukan ke Rusia``."""
        if self.predicate == "claim":
            return self.label or ""
        template = grammar().templates.get(lang, {}).get(self.predicate) or grammar().templates["id"][self.predicate]
        if self.target:
            template = template.replace("[", "").replace("]", "").replace("{target}", self.target)
        else:
            template = re.sub(r"\s*\[[^\]]*\]", "", template)
        template = template.replace("{agent}", self.agent or "").strip()
        return re.sub(r"\s+", " ", template)

    def completed(self, other: "Proposition | None") -> "Proposition":
        """Fill this proposition's unknown agent/target from ``other`` when it has the same predicate and
        does not disagree on a known slot (``pengerahan pasukan`` -> the article's ``send_troops(KP,RU)``)."""
        if other is None or other.predicate != self.predicate or self.predicate == "claim":
            return self
        if self.agent_id and other.agent_id and self.agent_id != other.agent_id:
            return self
        if self.target_id and other.target_id and self.target_id != other.target_id:
            return self
        return replace(self, agent_id=self.agent_id or other.agent_id, agent=self.agent or other.agent,
                       target_id=self.target_id or other.target_id, target=self.target or other.target)


def _words(text: str) -> list[str]:
    return [m.group().lower() for m in TOKEN_PATTERN.finditer(text)]


# ------------------------------------------------------------------ finding propositions

def actor_index(tokens: Sequence[Token], actors: Sequence[Actor]) -> dict[int, Actor]:
    """token index -> the actor that starts at that token."""
    starts = {t.start: i for i, t in enumerate(tokens)}
    out: dict[int, Actor] = {}
    for a in actors:
        i = starts.get(a.start)
        if i is None:  # an actor that starts inside a token ("(Korut)") or mid-word
            i = next((k for k, t in enumerate(tokens) if t.start <= a.start < t.end), None)
        if i is not None:
            out.setdefault(i, a)
    return out


def _token_span(tokens: Sequence[Token], actor: Actor, first: int) -> int:
    """Index of the last token of ``actor`` starting at token ``first``."""
    j = first
    while j + 1 < len(tokens) and tokens[j + 1].start < actor.end:
        j += 1
    return j


def find_propositions(tokens: Sequence[Token], actors_at: dict[int, Actor], lo: int, hi: int) -> list[Proposition]:
    """Propositions whose trigger lies in tokens ``lo..hi`` (one clause or sentence)."""
    g = grammar()
    out: list[Proposition] = []
    for i in range(lo, hi):
        hits = g.triggers.get(tokens[i].text)
        if not hits:
            continue
        found = []
        for predicate, slot in hits.items():
            obj = None
            if g.needs_object.get(predicate):
                obj = _find_object(tokens, i, lo, hi, g.objects.get(predicate, frozenset()))
                if obj is None:
                    continue
            found.append((predicate, slot, obj))
        if any(obj is not None for _, _, obj in found):
            found = [f for f in found if f[2] is not None]
        for predicate, slot, obj in found:
            out.append(_proposition(tokens, actors_at, lo, hi, i, predicate, slot, obj))
    return out


def _find_object(tokens: Sequence[Token], i: int, lo: int, hi: int, nouns: frozenset[str]) -> int | None:
    before, after = _WINDOW_OBJECT
    for j in sorted(range(max(lo, i - before), min(hi, i + after + 1)), key=lambda j: (abs(j - i), -j)):
        if j != i and tokens[j].text in nouns:
            return j
    # the subject of an intransitive trigger may stand further back ("12.000 tentara ..., sudah berada di Rusia")
    for j in range(i - before - 1, max(lo, i - 12) - 1, -1):
        if tokens[j].text in grammar().triggers:
            break
        if tokens[j].text in nouns:
            return j
    return None


def _proposition(tokens, actors_at, lo, hi, i, predicate, slot, obj) -> Proposition:
    g = grammar()
    roles = g.roles
    passive = slot == "passive" or _before_role(tokens, i, lo, ("be",))
    first = min(i, obj) if obj is not None else i
    last = max(i, obj) if obj is not None else i
    negated, modal = _polarity(tokens, first, lo)
    agent = target = None
    # "... oleh X" / "... by X"
    for j in range(last + 1, min(hi, last + 7)):
        if roles.get(tokens[j].text) == "preposition" and tokens[j].text in ("oleh", "by") and j + 1 in actors_at:
            agent = actors_at[j + 1]
            break
    if agent is None and passive and last + 1 in actors_at and slot == "passive":
        agent = actors_at[last + 1]  # "diserang Israel"
    if agent is None and obj is not None:
        agent = _owner(tokens, actors_at, obj, hi, i)
    if agent is None and slot == "nominal" and i + 1 in actors_at:
        agent = actors_at[i + 1]  # "serangan Israel ke Iran"
    # a noun's agent stands before it only after a light verb ("Israel melancarkan serangan")
    light = first > lo and roles.get(tokens[first - 1].text) == "light"
    if agent is None and not passive and (slot != "nominal" or light):
        agent = _before(tokens, actors_at, lo, first)
    # the target: after a preposition (or as a direct object) after the trigger; a passive's subject
    if passive and not g.needs_object.get(predicate):
        cand = _before(tokens, actors_at, lo, first)
        if cand is not None and (agent is None or cand.entity_id != agent.entity_id):
            target = cand
    if target is None:
        direct = not g.needs_object.get(predicate) and not passive and slot != "nominal"
        target = _after(tokens, actors_at, last, hi, agent, direct=direct)
    end = max(tokens[last].end, target.end if target else 0)
    start = min(tokens[first].start, agent.start if agent and agent.start < tokens[first].start else tokens[first].start)
    return Proposition(predicate, agent.entity_id if agent else None, agent.name if agent else None,
                       target.entity_id if target else None, target.name if target else None,
                       start, end, negated, modal)


def _polarity(tokens: Sequence[Token], i: int, lo: int) -> tuple[bool, bool]:
    """(negated, modal) from the words just before token ``i``."""
    roles = grammar().roles
    negated = modal = False
    j, skipped = i - 1, 0
    while j >= lo and skipped <= 3:
        role = roles.get(tokens[j].text)
        if role == "negator":
            negated = True
            break
        if role == "modal":
            modal = True
        elif role not in ("aux", "be"):
            break
        j -= 1
        skipped += 1
    return negated, modal


def _before_role(tokens: Sequence[Token], i: int, lo: int, wanted: tuple[str, ...]) -> bool:
    roles = grammar().roles
    j = i - 1
    while j >= lo and roles.get(tokens[j].text) in ("aux", "negator", "be", "modal"):
        if roles.get(tokens[j].text) in wanted:
            return True
        j -= 1
    return False


def _owner(tokens, actors_at, obj: int, hi: int, trigger: int) -> Actor | None:
    """Whose troops: ``tentara Korea Utara``, ``pasukan khusus dari Korut``, ``North Korean troops``."""
    roles = grammar().roles
    for j in range(obj + 1, min(hi, obj + 4)):
        if j in actors_at:
            return actors_at[j]
        word = tokens[j].text
        if word in grammar().triggers or _verb_like(word) or (roles.get(word) is not None
                                                               and word not in ("dari", "from", "of")):
            break
    for k, actor in actors_at.items():
        last = _token_span(tokens, actor, k)
        if last == obj - 1 and last != trigger - 1:
            return actor
    return None


_VERB_PREFIX = re.compile(r"^(?:me|ber|di|ter|memper|diper)[a-z]{3,}")


def _verb_like(word: str) -> bool:
    """An Indonesian verb form (me-/ber-/di-/ter-) ends a noun phrase: ``pasukannya guna membantu Rusia``."""
    return bool(_VERB_PREFIX.match(word))


def _before(tokens, actors_at, lo: int, i: int) -> Actor | None:
    """The nearest actor before token ``i`` in the clause that is not inside a prepositional phrase."""
    roles = grammar().roles
    best = None
    for k in range(lo, i):
        if k in actors_at and (k == lo or roles.get(tokens[k - 1].text) != "preposition"):
            best = actors_at[k]
    return best


def _after(tokens, actors_at, last: int, hi: int, agent: Actor | None, *, direct: bool) -> Actor | None:
    roles = grammar().roles
    for j in range(last + 1, min(hi, last + 1 + _WINDOW_TARGET)):
        if j not in actors_at:
            continue
        actor = actors_at[j]
        if agent is not None and actor.entity_id == agent.entity_id:
            continue
        prev = tokens[j - 1].text
        if prev in ("dari", "oleh", "from", "by", "of"):
            continue
        if "preposition" in grammar().all_roles.get(prev, ()) or (direct and j == last + 1):
            return actor
    return None


def claim_proposition(text: str, start: int, end: int, *, max_words: int = 12) -> Proposition:
    """A claim with no known predicate, named by its first words: ``claim_proposition(t, 0, len(t))``."""
    words = list(TOKEN_PATTERN.finditer(text, start, end))[:max_words]
    label = text[words[0].start():words[-1].end()] if words else text[start:end].strip()
    return Proposition("claim", start=start, end=end, label=label)


# ------------------------------------------------------------------ article-level

def main_proposition(props: Iterable[Proposition]) -> Proposition | None:
    """The article's (or paragraph's) main proposition: the most frequent known one, partial mentions of the
    same predicate counting half; ties go to the earliest."""
    props = [p for p in props if p.predicate != "claim" and not p.is_modal]
    if not props:
        return None
    complete = Counter(p.id for p in props)
    first: dict[str, Proposition] = {}
    for p in props:
        first.setdefault(p.id, p)
    def score(pid: str) -> float:
        p = first[pid]
        partial = sum(0.5 for q in props if q.id != pid and q.completed(p).id == pid)
        known = (p.agent_id is not None) + (p.target_id is not None)
        return complete[pid] + partial + 0.25 * known
    best = max(first, key=lambda pid: (score(pid), -list(first).index(pid)))
    return first[best]


def title_propositions(article: Article, entities: Sequence[Entity]) -> list[Proposition]:
    """Propositions of the title (offsets point into the title, not the text)."""
    if not article.title:
        return []
    tokens = tokenize(article.title)
    actors = title_actors(article.title, entities)
    return find_propositions(tokens, actor_index(tokens, actors), 0, len(tokens))


__all__ = ["LANGS", "Actor", "Grammar", "Proposition", "Token", "acting_map", "actor_index", "article_actors",
           "claim_proposition", "fallback_entities", "find_propositions", "grammar", "main_proposition", "title_actors",
           "title_propositions", "tokenize"]
