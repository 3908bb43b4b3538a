"""Who acts for which state across one story: one actor per state in stance histories and count series.

Articles name the same state's voice in many ways: the state itself (``Kordavia``), its capital as a speaker
(``Velgrad``, tied to it by "ibu kota Kordavia, Velgrad" or by the ``metonyms`` lexicon), its government,
ministries and agencies (``Pemerintah Kordavia``, ``Kementerian Luar Negeri Kordavia``, ``Badan Intelijen
Pertahanan Teskia``) and its officials (``Presiden Kordavia Viktor Halmar``, ``juru bicara ... Kordavia``). A
name or role acts for a state when it holds a word of ``lang/*/state_bodies.tsv`` and names one of the story's
states (the places its articles name, known to the gazetteer or not). A state that is not in the gazetteer gets
different entity ids in different articles (``loc:kordavia``, or none), so states are keyed by their normalised
name unless one article gives the gazetteer's id. A person who acts for a state in one article does so in all the
story's articles (the same name, or its last word).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from ..annotate.actors import acting_map
from ..annotate.clause_grammar import LANGS
from ..lang import load_lexicon
from ..model import Article, Entity

_PLACE_TYPES = ("GPE", "LOC")
_GAZETTEER_ID = re.compile(r"^gpe:[A-Z]{2,3}$")
_CAPITAL = (r"[Ii]bu\s*kota(?:\s+negara)?\s+(?P<state>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s*,\s*(?P<city>[A-Z][\w-]*)",
            r"(?P<city>[A-Z][\w-]*)\s*,\s*[Ii]bu\s*kota(?:\s+negara)?\s+(?P<state>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)",
            r"capital(?:\s+of)?\s+(?P<state>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s*,\s*(?P<city>[A-Z][\w-]*)",
            r"(?P<city>[A-Z][\w-]*)\s*,\s*(?:the\s+)?(?P<state>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)(?:'s)?\s+capital")


@lru_cache(maxsize=None)
def body_words() -> frozenset[str]:
    """Words that make a name or role an organ of a state (``lang/*/state_bodies.tsv``)."""
    words: set[str] = set()
    for lang in LANGS:
        try:
            words.update(load_lexicon(lang, "state_bodies").column("word"))
        except Exception:  # a language without the lexicon adds nothing
            continue
    return frozenset(words)


@lru_cache(maxsize=None)
def _subnational_words() -> frozenset[str]:
    """First words of place names that are never states: administrative units and natural or built features
    (``Kabupaten Sindangreja``, ``Sungai Rawa``, ``Bendungan Cikaracak``), from ``subnational_words``."""
    words: set[str] = set()
    for lang in LANGS:
        try:
            words.update(w.casefold() for w in load_lexicon(lang, "subnational_words").column("form"))
        except Exception:  # a language without the lexicon adds nothing
            continue
    return frozenset(words)


def _could_be_state(entity: Entity) -> bool:
    """A GPE, or a LOC whose name does not open with a sub-national or feature word."""
    if entity.type == "GPE":
        return True
    first = entity.name.split()[0].casefold() if entity.name.split() else ""
    return first not in _subnational_words()


def _norm(name: str) -> str:
    return " ".join(re.findall(r"\w+", name.casefold()))


class StoryStates:
    """The states of one story and who acts for them (built once per story from its articles)."""

    def __init__(self, articles: Sequence[Article]):
        self.forms: dict[str, tuple[str, str]] = {}  # normalised form -> (state key, display name)
        gazetteer: dict[str, tuple[str, str]] = {}
        places: list[tuple[str, str, Entity]] = []
        for article in articles:
            acting = acting_map(article.entities)
            for e in article.entities:
                if e.type not in _PLACE_TYPES or e.id in acting or not _could_be_state(e):
                    continue
                places.append((article.id, _norm(e.name), e))
                if e.type == "GPE" and _GAZETTEER_ID.match(e.id):
                    gazetteer[_norm(e.name)] = (e.id, e.name)
        self.ids: dict[str, tuple[str, str]] = {}  # a place's entity id in any article -> its state
        for _, norm, e in places:
            key, name = gazetteer.get(norm) or (e.id if _GAZETTEER_ID.match(e.id) else f"name:{norm}", e.name)
            self.ids.setdefault(e.id, (key, name))
            for form in {e.name, *e.aliases, *(m.text for m in e.mentions if m.kind != "pronoun")}:
                if form and len(form) > 1 and form[0].isupper():
                    self.forms.setdefault(_norm(form), (key, name))
        self.capitals: dict[tuple[str, str], tuple[str, str]] = {}  # (article id, city) -> state
        for article in articles:
            acting = acting_map(article.entities)
            for e in article.entities:
                if e.id in acting:
                    target, tname, _ = acting[e.id]
                    state = self.forms.get(_norm(tname)) or (target, tname)
                    self.capitals[(article.id, _norm(e.name))] = state
            for pattern in _CAPITAL:
                for m in re.finditer(pattern, article.text):
                    state = self.forms.get(_norm(m["state"]))
                    if state is not None:
                        self.capitals[(article.id, _norm(m["city"]))] = state
        # a city tied to its state in one article stands for it in all of them
        for (_, city), state in list(self.capitals.items()):
            for article in articles:
                self.capitals.setdefault((article.id, city), state)
        self.people: dict[str, tuple[str, str]] = {}  # normalised person name (and last word) -> state
        for article in articles:
            for e in article.entities:
                if e.type != "PERSON":
                    continue
                state = self._named_state(f"{e.role or ''} {e.name}")
                if state is not None:
                    for form in {e.name, *e.aliases}:
                        self.people.setdefault(_norm(_strip_state(form, self.forms)), state)
                    last = _norm(e.name).split()[-1:]
                    if last:
                        self.people.setdefault(last[0], state)

    def state(self, article: Article, name: str) -> tuple[str, str] | None:
        """The state a place name is, or stands for as its capital."""
        norm = _norm(name)
        return self.capitals.get((article.id, norm)) or self.forms.get(norm)

    def acts_for(self, article: Article, actor_id: str | None, actor: str) -> tuple[str, str] | None:
        """(state key, state name) for an actor that is a state, its capital, or one of its organs or officials."""
        entity = next((e for e in article.entities if e.id == actor_id), None) if actor_id else None
        if entity is not None and entity.type in _PLACE_TYPES:
            return self.state(article, entity.name)
        if entity is not None and entity.type == "PERSON":
            found = self._named_state(f"{entity.role or ''} {entity.name}")
            if found is not None:
                return found
            return self.people.get(_norm(_strip_state(entity.name, self.forms)))
        text = entity.name if entity is not None else actor
        found = self._named_state(text)
        if found is not None or entity is not None:
            return found
        head = _proper_head(actor)  # "Teskia pertama kali", "Pemerintah Kordavia segera"
        if head:
            return self.state(article, head) or self._named_state(head) or self.people.get(_norm(head))
        return None

    def _named_state(self, text: str) -> tuple[str, str] | None:
        """The state a name or role names beside a word of ``state_bodies``: the first one after that word."""
        words = re.findall(r"[\w-]+", text)
        lowered = [w.casefold() for w in words]
        first = next((i for i, w in enumerate(lowered) if w in body_words()), None)
        if first is None:
            return None
        found = []
        for i in range(len(words)):
            for n in (3, 2, 1):
                form = " ".join(lowered[i:i + n])
                if len(lowered[i:i + n]) == n and words[i][:1].isupper() and form in self.forms:
                    found.append((i < first, i, self.forms[form]))
                    break
        if not found:
            return None
        return min(found, key=lambda x: (x[0], x[1]))[2]


def _proper_head(name: str) -> str:
    """The capitalised words of a name, without trailing lowercase words ("Teskia pertama kali" -> "Teskia")."""
    words = name.split()
    while words and not words[-1][:1].isupper():
        words.pop()
    return " ".join(words)


def _strip_state(name: str, forms: dict[str, tuple[str, str]]) -> str:
    """A person's name without a state name the entity finder glued to its front ("Kordavia Milena Dravic")."""
    words = name.split()
    while len(words) > 2 and _norm(words[0]) in forms:
        words = words[1:]
    return " ".join(words)


__all__ = ["StoryStates", "body_words"]
