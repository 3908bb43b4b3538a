"""Component ``entities``: persons, organisations, states and places, each a canonical entity with a global id.

Mentions come from our own Indonesian NER model (:mod:`.ner`; in English text, from runs of capitalised words,
:mod:`.english_names`) merged with gazetteers and rules (:mod:`.gazetteer`, :mod:`.mentions`,
:mod:`.person_rules`); :mod:`.coref` groups them into one :class:`~linimasa.model.Entity` per real referent with
its aliases, role and every mention. Ids are global:
``gpe:KP`` for "Korea Utara", "Korut", "DPRK" and "North Korea" in any article; ``per:kim-jong-un`` for
"Kim Jong-un" and "Kim Jong Un"; ``org:un`` for "PBB" and "UN".

The quotes and claimants annotators use the lookup functions here:

- :func:`entity_at` -- the entity mentioned at a span;
- :func:`resolve_name` -- a name or short form ("Dubes Kim", "Putin") -> the article's entity it means;
- :func:`acting_entity` -- a metonym ("Pyongyang", "Kremlin") -> the state it stands for;
- :func:`entity_mentions` -- every mention, sorted by position.
"""
from __future__ import annotations

import dataclasses
from functools import lru_cache

from rapidfuzz import fuzz

from ..model import Article, Entity, Mention
from .candidates import trim
from .coref import build_entities
from .english_names import capitalised_runs
from .gazetteer import Gazetteer, build_gazetteer, find_forms, fold, fuzzy_entry, role_at, slug, tokenize
from .mentions import merge
from .ner import load_model, tag
from .person_rules import name_word_uses, occupation_names, person_rules
from .registry import Resources

GAZETTEER_RESOURCE = "entity-gazetteer"
MODEL_RESOURCE = "ner-id"


def annotate_entities(article: Article, resources: Resources) -> tuple[Entity, ...]:
    """The canonical entities of one article (the model and gazetteers come from ``resources``).

    >>> from linimasa.model import Article
    >>> [e.id for e in annotate_entities(Article(id="x", text="Korut dan Rusia."), Resources(**{"ner-id": None}))]
    ['gpe:KP', 'gpe:RU']
    """
    text = article.text or ""
    if not text.strip():
        return ()
    gaz: Gazetteer = resources.get(GAZETTEER_RESOURCE, build_gazetteer)
    nlp = resources.get(MODEL_RESOURCE, load_model)
    tokens = tokenize(text)
    hits = find_forms(gaz, text, tokens)
    english = (article.language or "id").startswith("en")
    tagged = capitalised_runs(gaz, text, tokens) if english else tag(nlp, text)
    cands = merge(gaz, text, tokens, hits, tagged)
    if not english:
        cands = occupation_names(gaz, text, tokens, cands)
    strict = nlp is not None and not english
    cands = sorted(cands + person_rules(gaz, text, tokens, cands, strict=strict), key=lambda c: c.start)
    cands = sorted(cands + name_word_uses(text, tokens, cands), key=lambda c: c.start)
    cands = [c for c in (trim(text, c) for c in cands) if c is not None]
    return build_entities(gaz, text, tokens, cands, article.language)


def register(registry) -> None:
    """Register the ``entities`` component."""

    @registry.register("entities", requires=("text", "language"), produces=("entities",))
    def _entities(article: Article, resources: Resources) -> Article:
        """Persons, organisations, states and places with global ids, aliases, roles and mentions."""
        return dataclasses.replace(article, entities=annotate_entities(article, resources))


# ------------------------------------------------------------------ lookups for later annotators

def entity_mentions(article: Article) -> tuple[Mention, ...]:
    """Every entity mention of the article, sorted by start.

    >>> entity_mentions(Article(id="x", text=""))
    ()
    """
    return tuple(sorted((m for e in article.entities for m in e.mentions), key=lambda m: (m.start, -m.end)))


def entity_at(article: Article, start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``start..end`` (the longest such mention wins).

    >>> entity_at(Article(id="x", text="Rusia"), 0, 5) is None  # not annotated yet
    True
    """
    best: tuple[int, Entity] | None = None
    for entity in article.entities:
        for m in entity.mentions:
            if m.start < end and m.end > start and (best is None or m.end - m.start > best[0]):
                best = (m.end - m.start, entity)
    return best[1] if best else None


def resolve_name(article: Article, name: str, near: int | None = None) -> Entity | None:
    """The article's entity that ``name`` means, choosing the closest fitting one before offset ``near``.

    Titles are read, not matched ("Dubes Kim" is the Kim whose role is an ambassador); a one-word name matches
    a word of a full name; a misspelling matches by similarity; a gazetteer name absent from the article gives
    the gazetteer's entity (without mentions).

    >>> resolve_name(Article(id="x", text=""), "Korut").id
    'gpe:KP'
    """
    gaz = _gazetteer()
    title, core = _split_title(gaz, name)
    if not core:
        return None
    key = fold(core)
    words = key.replace("-", " ").split()
    scored: list[tuple[int, int, Entity]] = []  # (match quality, closeness, entity)
    for entity in article.entities:
        forms = {fold(entity.name), *(fold(a) for a in entity.aliases)}
        forms.update(fold(m.text) for m in entity.mentions)
        if key in forms or slug(core) == entity.id.split(":", 1)[-1]:
            quality = 3
        elif entity.type == "PERSON" and len(words) == 1 and words[0] in fold(entity.name).replace("-", " ").split():
            quality = 2
        elif max((fuzz.ratio(key, f) for f in forms), default=0) >= 85 and len(key) >= 4:
            quality = 1
        else:
            continue
        if title and entity.role and _title_fits(gaz, title, entity.role):
            quality += 3
        scored.append((quality, _closeness(entity, near), entity))
    if scored:
        return max(scored, key=lambda s: (s[0], s[1]))[2]
    entry = _gazetteer_entry(gaz, core)
    if entry is None:
        return None
    return Entity(entry.id, gaz.canonical(entry.id, article.language) or entry.name, entry.type)


def acting_entity(entity: Entity, article: Article | None = None) -> Entity:
    """The state a metonym stands for ("Pyongyang" -> Korea Utara, ``gpe:KP``); other entities unchanged.

    With ``article``, the state's own entity in that article is returned when it has one.

    >>> acting_entity(Entity("gpe:pyongyang", "Pyongyang", "GPE")).id
    'gpe:KP'
    """
    gaz = _gazetteer()
    state = gaz.states.get(entity.id)
    if state is None:
        return entity
    if article is not None:
        for other in article.entities:
            if other.id == state:
                return other
    lang = article.language if article is not None else None
    return Entity(state, gaz.canonical(state, lang) or state, gaz.types.get(state, "GPE"))


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    """The gazetteer for the lookup functions (lexicons are read-only; cached per process)."""
    return build_gazetteer()


def _split_title(gaz: Gazetteer, name: str) -> tuple[tuple[str, ...], str]:
    tokens = tokenize(name)
    i = 0
    title: list[str] = []
    while i < len(tokens):
        found = role_at(gaz, tokens, i)
        if found is None or found[0] >= len(tokens):
            break
        title.extend(fold(x) for x in (found[1].form, found[1].expansion) if x)
        i = found[0]
        while i < len(tokens) and tokens[i].text in ".,":
            i += 1
    core = name[tokens[i].start:].strip() if i < len(tokens) else ""
    return tuple(title), core


def _title_fits(gaz: Gazetteer, title: tuple[str, ...], role: str) -> bool:
    tokens = tokenize(role)
    keys = set()
    for i in range(len(tokens)):
        found = role_at(gaz, tokens, i)
        if found is not None:
            keys.update(fold(x) for x in (found[1].form, found[1].expansion) if x)
    return bool(keys & set(title))


def _closeness(entity: Entity, near: int | None) -> int:
    """Higher is closer: the last mention before ``near`` (mentions after it rank below all before)."""
    if near is None:
        return 0
    before = [m.start for m in entity.mentions if m.start < near]
    if before:
        return max(before)
    after = [m.start for m in entity.mentions]
    return -min(after) if after else -10**9


def _gazetteer_entry(gaz: Gazetteer, name: str):
    tokens = tokenize(name)
    hits = find_forms(gaz, name, tokens)
    if len(hits) == 1 and hits[0].start == tokens[0].start and hits[0].end == tokens[-1].end:
        return hits[0].entry
    return fuzzy_entry(gaz, name)


__all__ = ["acting_entity", "annotate_entities", "entity_at", "entity_mentions", "register", "resolve_name"]
