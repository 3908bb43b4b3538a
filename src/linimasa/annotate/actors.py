"""Actors: entity mentions as things that act or are acted on, each mapped to the entity that acts.

A capital or seat of government acts for its state (``Pyongyang`` -> ``gpe:KP``, :func:`acting_map`).
:func:`article_actors` lists an article's actors, :func:`title_actors` finds entity names in its title, and
:func:`fallback_entities` stands in for the entities component with gazetteer names and capitalised runs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from ..lang import load_lexicon
from ..model import Article, Entity
from .clause_grammar import LANGS


@dataclass(frozen=True, slots=True)
class Actor:
    """A mention of something that can act or be acted on, with its canonical (acting) entity."""

    start: int
    end: int
    entity_id: str | None
    name: str
    type: str | None = None
    kind: str = "name"  # name | alias | short | title | pronoun | metonym | phrase


def acting_map(entities: Sequence[Entity]) -> dict[str, tuple[str, str, str]]:
    """entity id -> (acting id, acting name, acting type): a capital or seat of government acts for its state
    (``Pyongyang`` -> ``gpe:KP``); entities that act for themselves are left out."""
    out: dict[str, tuple[str, str, str]] = {}
    names = {e.id: (e.name, e.type) for e in entities}
    try:  # the entities component knows metonyms best
        from .entities import acting_entity  # type: ignore[attr-defined]
    except ImportError:
        acting_entity = None
    states = _metonym_states()
    for e in entities:
        target: str | None = None
        if acting_entity is not None:
            try:
                acting = acting_entity(e)
                target = acting.id if isinstance(acting, Entity) else acting
                if isinstance(acting, Entity):
                    names.setdefault(acting.id, (acting.name, acting.type))
            except Exception:  # a helper that cannot map this entity leaves it as it is
                target = None
        if not target or target == e.id:
            target = states.get(e.id)
        if target and target != e.id:
            name, typ = names.get(target) or (_gazetteer_names().get(target) or (target, "GPE"))
            out[e.id] = (target, name, typ)
    return out


@lru_cache(maxsize=None)
def _metonym_states() -> dict[str, str]:
    out: dict[str, str] = {}
    for lang in LANGS:
        try:
            lex = load_lexicon(lang, "metonyms")
            out.update(zip(lex.column("id"), lex.column("state")))
        except Exception:  # the lexicon belongs to the entities component and may be missing
            continue
    return out


@lru_cache(maxsize=None)
def _gazetteer_names() -> dict[str, tuple[str, str]]:
    """entity id -> (name, type) from the entity gazetteers (first language wins)."""
    out: dict[str, tuple[str, str]] = {}
    for lang in LANGS:
        for name in ("gazetteer_countries", "gazetteer_orgs", "abbreviations_entities"):
            try:
                for rec in load_lexicon(lang, name).records():
                    out.setdefault(rec["id"], (rec["name"], rec["type"]))
            except Exception:  # gazetteers belong to the entities component and may be missing
                continue
    return out


@lru_cache(maxsize=None)
def _gazetteer_forms() -> tuple[tuple[str, str], ...]:
    """(surface form, entity id), longest first: used only when no entities component has run."""
    forms: dict[str, str] = {}
    for lang in LANGS:
        for name in ("gazetteer_countries", "gazetteer_orgs", "abbreviations_entities", "metonyms"):
            try:
                for rec in load_lexicon(lang, name).records():
                    forms.setdefault(rec["form"], rec["id"])
            except Exception:  # gazetteers belong to the entities component and may be missing
                continue
    return tuple(sorted(forms.items(), key=lambda kv: -len(kv[0])))


def fallback_entities(text: str) -> tuple[Entity, ...]:
    """Gazetteer names and capitalised word runs, for articles the entities component has not seen."""
    from ..model import Mention

    taken: list[tuple[int, int]] = []
    found: dict[str, list[Mention]] = {}
    names = _gazetteer_names()
    for form, ident in _gazetteer_forms():
        for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.setdefault(ident, []).append(Mention(m.start(), m.end(), m.group(), ident))
    for m in re.finditer(r"(?<![\w-])(?:[A-Z][\w'\u2019-]+\s){1,3}[A-Z][\w'\u2019-]+", text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        ident = "person:" + re.sub(r"\W+", "-", m.group().lower())
        taken.append((m.start(), m.end()))
        found.setdefault(ident, []).append(Mention(m.start(), m.end(), m.group(), ident))
    out = []
    for ident, mentions in found.items():
        name, typ = names.get(ident) or (mentions[0].text, "PERSON" if ident.startswith("person:") else "GPE")
        out.append(Entity(ident, name, typ, mentions=tuple(mentions)))
    return tuple(out)


def article_actors(article: Article) -> tuple[Actor, ...]:
    """Every entity mention of the article as an :class:`Actor`, mapped to the entity that acts, sorted."""
    entities = article.entities or fallback_entities(article.text)
    acting = acting_map(entities)
    out = []
    for e in entities:
        ident, name, typ = acting.get(e.id) or (e.id, e.name, e.type)
        for m in e.mentions:
            if m.entity_id != e.id and m.entity_id in acting:
                ident, name, typ = acting[m.entity_id]
            out.append(Actor(m.start, m.end, ident, name, typ, m.kind))
    out.sort(key=lambda a: (a.start, -a.end))
    # drop mentions nested in a longer one ("Korea" inside "Korea Utara")
    kept: list[Actor] = []
    for a in out:
        if kept and a.start < kept[-1].end:
            continue
        kept.append(a)
    return tuple(kept)


def title_actors(title: str, entities: Iterable[Entity]) -> tuple[Actor, ...]:
    """Entity names found in a title (which has no mentions of its own), longest name first."""
    forms: dict[str, Entity] = {}
    for e in entities:
        for form in {e.name, *e.aliases, *(m.text for m in e.mentions if m.kind != "pronoun")}:
            if form and len(form) > 1:
                forms.setdefault(form, e)
    acting = acting_map(list(entities))
    taken: list[Actor] = []
    for form in sorted(forms, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", title):
            if any(m.start() < a.end and a.start < m.end() for a in taken):
                continue
            e = forms[form]
            ident, name, typ = acting.get(e.id) or (e.id, e.name, e.type)
            taken.append(Actor(m.start(), m.end(), ident, name, typ))
    return tuple(sorted(taken, key=lambda a: a.start))


__all__ = ["Actor", "acting_map", "article_actors", "fallback_entities", "title_actors"]
