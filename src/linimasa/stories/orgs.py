"""Who acts for which organisation across one story: one actor per organisation in stance histories.

Articles name a company's voice in many ways: its full name (``PT Sinar Kencana Abadi Tbk``), its name without
the legal form (``Sinar Kencana Abadi``), a short form (``Sinar Kencana``, which the entity finder may type as a
person, or glue to the front of a person's name: ``Sinar Kencana Budi Hartono``) and the people whose role names
it (``Direktur Utama Sinar Kencana``, ``juru bicara Sinar Kencana``). Each organisation (an ``ORG`` entity of
the story) is keyed by its normalised name without the legal forms of ``lang/*/legal_forms.tsv``; a short form is
a leading part of that name (not a word of ``state_bodies``) that some other name or role of the story uses on
its own. A person acts for it when their name is a form of it or opens with one, or their role holds a word of
``lang/*/org_roles.tsv`` and names it; such a person does so in all the story's articles (the same name).
States keep their own grouping (:mod:`.states`), which is asked first.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Sequence

from ..annotate.clause_grammar import LANGS
from ..lang import load_lexicon
from ..model import Article, Entity
from .states import body_words

_MIN_SHORT = 4  # a short form has at least this many characters


def _words(lexicon: str, column: str) -> frozenset[str]:
    out: set[str] = set()
    for lang in LANGS:
        try:
            out.update(" ".join(w.casefold().split()) for w in load_lexicon(lang, lexicon).column(column))
        except Exception:  # a language without the lexicon adds nothing
            continue
    return frozenset(out)


@lru_cache(maxsize=None)
def legal_forms() -> frozenset[str]:
    """Legal forms dropped from organisation names (``lang/*/legal_forms.tsv``)."""
    return _words("legal_forms", "form")


@lru_cache(maxsize=None)
def org_role_words() -> frozenset[str]:
    """Role words that make a person speak for the organisation the role names (``lang/*/org_roles.tsv``)."""
    return _words("org_roles", "word")


def _norm(name: str) -> str:
    return " ".join(re.findall(r"\w+", name.casefold()))


def org_key(name: str) -> str:
    """The normalised name without legal forms: ``org_key("PT Sinar Kencana Tbk") == "sinar kencana"``."""
    words = [w for w in _norm(name).split() if w not in legal_forms()]
    return " ".join(words)


def _has_role_word(role: str) -> bool:
    text = f" {_norm(role)} "
    return any(f" {w} " in text for w in org_role_words())


class StoryOrgs:
    """The organisations of one story and who acts for them (built once per story from its articles)."""

    def __init__(self, articles: Sequence[Article]):
        ids: dict[str, Counter] = defaultdict(Counter)
        names: dict[str, Counter] = defaultdict(Counter)
        forms: dict[str, set[str]] = defaultdict(set)  # org key -> its full forms (normalised)
        for article in articles:
            for e in article.entities:
                if e.type != "ORG":
                    continue
                key = org_key(e.name)
                if not key:
                    continue
                ids[key][e.id] += 1
                names[key][e.name] += 1
                for form in {e.name, *e.aliases}:
                    if form and form[:1].isupper() and org_key(form):
                        forms[key].add(org_key(form))
        # names and roles the story uses, to find which leading parts of an organisation's name stand alone
        used: dict[str, set[str]] = defaultdict(set)  # word run -> the organisation keys of the names using it
        for article in articles:
            for e in article.entities:
                owner = org_key(e.name) if e.type == "ORG" else ""
                for text in (e.name, *e.aliases, e.role or ""):
                    words = _norm(text).split()
                    for i in range(len(words)):
                        for j in range(i + 1, len(words) + 1):
                            used[" ".join(words[i:j])].add(owner)
        bodies = body_words()
        for key in list(forms):
            words = key.split()
            if words and words[0] in bodies:
                continue
            for n in range(1, len(words)):
                short = " ".join(words[:n])
                if len(short) >= _MIN_SHORT and used.get(short, set()) - {key}:
                    forms[key].add(short)
        owners: dict[str, set[str]] = defaultdict(set)
        for key, fs in forms.items():
            for f in fs:
                owners[f].add(key)
        self.key: dict[str, tuple[str, str]] = {}
        for key in forms:
            ident = ids[key].most_common(1)[0][0]
            name = max(names[key].items(), key=lambda x: (x[1], len(x[0])))[0]
            self.key[key] = (ident, name)
        # a form claimed by two organisations names neither
        self.forms: dict[str, tuple[str, str]] = {f: self.key[next(iter(ks))] for f, ks in owners.items()
                                                  if len(ks) == 1}
        self.people: dict[str, tuple[str, str]] = {}
        for article in articles:
            for e in article.entities:
                if e.type == "PERSON":
                    found = self._person(e)
                    if found is not None:
                        self.people.setdefault(_norm(self._strip(e.name)), found)

    def acts_for(self, article: Article, actor_id: str | None, actor: str) -> tuple[str, str] | None:
        """(organisation id, name) for an actor that is an organisation of the story, a form of it, or a person
        who speaks for it."""
        entity = next((e for e in article.entities if e.id == actor_id), None) if actor_id else None
        if entity is not None and entity.type == "PERSON":
            return self._person(entity) or self.people.get(_norm(self._strip(entity.name)))
        if entity is not None:
            if entity.type != "ORG":
                return None
            return self.forms.get(org_key(entity.name))
        return self.forms.get(org_key(actor)) if actor and actor[:1].isupper() else None

    def _person(self, person: Entity) -> tuple[str, str] | None:
        name = org_key(person.name)
        if name in self.forms:
            return self.forms[name]
        words = name.split()
        for n in range(len(words) - 1, 0, -1):  # a short form glued to the front of a person's name
            if " ".join(words[:n]) in self.forms and len(words) - n >= 2:
                return self.forms[" ".join(words[:n])]
        if person.role and _has_role_word(person.role):
            role = _norm(person.role).split()
            found = []
            for i in range(len(role)):
                for j in range(len(role), i, -1):
                    form = " ".join(role[i:j])
                    if form in self.forms:
                        found.append((j - i, self.forms[form]))
                        break
            if found:
                return max(found, key=lambda x: x[0])[1]
        return None

    def _strip(self, name: str) -> str:
        """A person's name without an organisation's short form glued to its front."""
        words = name.split()
        for n in range(len(words) - 2, 0, -1):
            if _norm(" ".join(words[:n])) in self.forms:
                return " ".join(words[n:])
        return name


__all__ = ["StoryOrgs", "legal_forms", "org_key", "org_role_words"]
