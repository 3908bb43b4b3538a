"""The word-level grammar the stance and proposition finders share: tokens, and their lexicons indexed for lookup.

:func:`tokenize` gives lower-cased word tokens with offsets; :func:`grammar` loads the stance and predicate
lexicons of every language in :data:`LANGS` (``stance_words``, ``stance_cues``, ``predicate_classes``,
``predicates``, ``series_units``) once per process.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import load_lexicon

LANGS = ("id", "en")
TOKEN_PATTERN = re.compile(r"\w+(?:[-'\u2019]\w+)*")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str  # lower case


@dataclass(frozen=True, slots=True)
class Grammar:
    """The lexicons the stance and proposition finders read, indexed for lookup."""

    roles: dict[str, str]  # word -> its first role (negator, aux, modal, pronoun, preposition, ...)
    all_roles: dict[str, frozenset[str]]  # word -> every role ("to" is aux and preposition)
    cues: dict[str, tuple[tuple[tuple[str, ...], str, str, str], ...]]  # first word -> (words, stance, negated, voice)
    triggers: dict[str, dict[str, str]]  # form -> {predicate: slot}
    objects: dict[str, frozenset[str]]  # predicate -> object nouns
    needs_object: dict[str, bool]
    templates: dict[str, dict[str, str]]  # lang -> predicate -> template
    units: dict[str, str]  # counted noun -> series unit


@lru_cache(maxsize=None)
def grammar() -> Grammar:
    """Load and index the stance and predicate lexicons of every language (once per process)."""
    roles: dict[str, str] = {}
    all_roles: dict[str, set[str]] = {}
    cues: dict[str, list[tuple[tuple[str, ...], str, str, str]]] = {}
    triggers: dict[str, dict[str, str]] = {}
    objects: dict[str, set[str]] = {}
    needs: dict[str, bool] = {}
    templates: dict[str, dict[str, str]] = {}
    units: dict[str, str] = {}
    for lang in LANGS:
        for word, role in load_lexicon(lang, "stance_words"):
            for r in role.split("|"):
                roles.setdefault(word, r)
                all_roles.setdefault(word, set()).add(r)
        for cue, stance, negated, voice in load_lexicon(lang, "stance_cues"):
            words = tuple(cue.split())
            cues.setdefault(words[0], []).append((words, stance, negated, voice))
        for predicate, obj, template in load_lexicon(lang, "predicate_classes"):
            needs[predicate] = needs.get(predicate, False) or obj == "required"
            templates.setdefault(lang, {})[predicate] = template
        for form, predicate, slot in load_lexicon(lang, "predicates"):
            if slot == "object":
                objects.setdefault(predicate, set()).add(form)
            else:
                triggers.setdefault(form, {})[predicate] = slot
        for form, unit in load_lexicon(lang, "series_units"):
            units.setdefault(form, unit)
    return Grammar(
        roles=roles,
        all_roles={k: frozenset(v) for k, v in all_roles.items()},
        cues={k: tuple(sorted(v, key=lambda c: -len(c[0]))) for k, v in cues.items()},
        triggers=triggers,
        objects={k: frozenset(v) for k, v in objects.items()},
        needs_object=needs,
        templates=templates,
        units=units,
    )


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Word tokens of ``text[start:end]`` with offsets into ``text``: ``tokenize("Korut kirim")[1].text == "kirim"``."""
    end = len(text) if end is None else end
    return tuple(Token(m.start(), m.end(), m.group().lower()) for m in TOKEN_PATTERN.finditer(text, start, end))


__all__ = ["LANGS", "TOKEN_PATTERN", "Grammar", "Token", "grammar", "tokenize"]
