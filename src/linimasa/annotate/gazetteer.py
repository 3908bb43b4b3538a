"""Gazetteers and role triggers: the rule half of entity finding.

Built once per process from the lexicons of both languages (an Indonesian article names "North Korea" too):

- ``gazetteer_countries`` (generated from babel by ``scripts/build_gazetteer.py``), ``gazetteer_places``,
  ``gazetteer_orgs``, ``abbreviations_entities`` and ``metonyms``: surface form -> :class:`Entry` with a global id
  (``gpe:KP``, ``org:un``), type and canonical name;
- ``roles``: title and role words (``Menlu``, ``Wakil Duta Besar``, ``Ambassador``);
- ``gazetteer_designators``: words around a place name (``Provinsi``, ``Pemerintah``, ``bahasa``).

Matching works on a light token stream (:func:`tokenize`), longest form first. Forms written in capitals
(``AS``, ``PBB``) must match with their exact case; other forms match any case but must start with a capital
in the text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..lang import available, load_lexicon

LANGS = ("id", "en")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
#: lexicons in order of precedence (an earlier file's reading of a form wins), with the mention kind they give
_SOURCES = (("abbreviations_entities", "alias"), ("metonyms", "metonym"), ("gazetteer_orgs", "name"),
            ("gazetteer_places", "name"), ("gazetteer_countries", "name"), ("gazetteer_demonyms", "alias"))
FUZZY_CUTOFF = 85.0


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    fold: str


@dataclass(frozen=True, slots=True)
class Entry:
    """What a gazetteer form stands for."""

    id: str
    type: str
    name: str
    kind: str  # name | alias | metonym
    state: str | None = None  # for a metonym: the id of the state it stands for


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    entry: Entry


@dataclass(frozen=True, slots=True)
class Role:
    form: str
    expansion: str | None
    kind: str  # office | modifier | rank | honorific | descriptor


@dataclass
class Gazetteer:
    """Forms, roles and designators of all languages, ready for matching."""

    forms: dict[tuple[str, ...], tuple[tuple[str, Entry], ...]] = field(default_factory=dict)
    names: dict[tuple[str, str], str] = field(default_factory=dict)  # (id, lang) -> canonical name
    types: dict[str, str] = field(default_factory=dict)  # id -> type
    states: dict[str, str] = field(default_factory=dict)  # metonym id -> state id
    roles: dict[tuple[str, ...], Role] = field(default_factory=dict)
    designators: dict[str, str] = field(default_factory=dict)  # folded word -> kind
    stop_words: frozenset[str] = frozenset()  # function words (spaCy's lists): never a one-word name
    given_names: frozenset[str] = frozenset()  # folded first names (gazetteer_given_names)
    calendar: frozenset[str] = frozenset()  # folded month and weekday names (babel): never a one-word name
    pronouns: frozenset[str] = frozenset()  # folded personal pronouns ("ia", "dia", "he"): never a name
    clitics: frozenset[str] = frozenset()  # suffixes written after a hyphen ("SKL-nya"): not part of a name
    noun_prefixes: tuple[str, ...] = ()  # prefixes of pe-...-an / ke-...-an nouns (word_affixes): "pen", "ke"
    glued_words: frozenset[str] = frozenset()  # lower-case verbs a scraper may glue to a name ("menyatakan")
    fuzzy_forms: tuple[str, ...] = ()
    fuzzy_entries: tuple[Entry, ...] = ()
    max_len: int = 1
    first_len: dict[str, int] = field(default_factory=dict)  # first folded token -> longest form starting with it
    role_max_len: int = 1

    def connects(self, word: str) -> bool:
        """``word`` (folded) may sit inside a role phrase or a list of names ("dan", "untuk", "-")."""
        return word in ("-", "&") or self.designators.get(word) in ("link", "connector")

    def links(self, word: str) -> bool:
        """``word`` (folded) may continue a title before a name ("Duta Besar Korut untuk PBB")."""
        return word in ("-", "&") or self.designators.get(word) == "link"

    def canonical(self, ident: str, lang: str | None) -> str | None:
        """The canonical name of ``ident`` in ``lang`` (else in any language)."""
        for code in (lang or "id", *LANGS):
            name = self.names.get((ident, code))
            if name:
                return name
        return None


def fold(text: str) -> str:
    """Case- and quote-insensitive form of a word."""
    return text.translate(_FOLD).casefold()


def slug(text: str) -> str:
    """Id-safe form of a name: "Kim Jong-un" -> "kim-jong-un"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and punctuation tokens of ``text[start:end]`` with their offsets."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group(), fold(m.group())) for m in _TOKEN.finditer(text, start, end)]


def _key(form: str) -> tuple[str, ...]:
    return tuple(t.fold for t in tokenize(form))


def _is_caps(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def build_gazetteer(langs: tuple[str, ...] = LANGS) -> Gazetteer:
    """Load every entity lexicon of ``langs`` into one :class:`Gazetteer`.

    >>> g = build_gazetteer()
    >>> g.forms[("korut",)][0][1].id
    'gpe:KP'
    """
    gaz = Gazetteer()
    forms: dict[tuple[str, ...], list[tuple[str, Entry]]] = {}
    for name, kind in _SOURCES:
        for lang in langs:
            if name not in available(lang):
                continue
            for rec in load_lexicon(lang, name).records():
                state = rec.get("state")
                entry = Entry(rec["id"], rec["type"], rec["name"], kind, state)
                key = _key(rec["form"])
                bucket = forms.setdefault(key, [])
                if not any(f == rec["form"] and e.id == entry.id for f, e in bucket):
                    bucket.append((rec["form"], entry))
                gaz.names.setdefault((entry.id, lang), entry.name)
                gaz.types.setdefault(entry.id, entry.type)
                if state:
                    gaz.states[entry.id] = state
    gaz.forms = {k: tuple(v) for k, v in forms.items()}
    gaz.max_len = max((len(k) for k in gaz.forms), default=1)
    for k in gaz.forms:
        gaz.first_len[k[0]] = max(gaz.first_len.get(k[0], 0), len(k))
    fuzzy = [(k, v[0][1]) for k, v in gaz.forms.items() if len(" ".join(k)) >= 4 and not _is_caps(v[0][0])]
    gaz.fuzzy_forms = tuple(" ".join(k) for k, _ in fuzzy)
    gaz.fuzzy_entries = tuple(e for _, e in fuzzy)
    for lang in langs:
        if "roles" in available(lang):
            for rec in load_lexicon(lang, "roles").records():
                expansion = None if rec["expansion"] == "-" else rec["expansion"]
                gaz.roles.setdefault(_key(rec["form"]), Role(rec["form"], expansion, rec["kind"]))
        if "gazetteer_designators" in available(lang):
            for rec in load_lexicon(lang, "gazetteer_designators").records():
                gaz.designators.setdefault(fold(rec["form"]), rec["kind"])
    gaz.role_max_len = max((len(k) for k in gaz.roles), default=1)
    gaz.stop_words = _stop_words(langs)
    gaz.calendar = _calendar_words(langs)
    gaz.given_names = frozenset(fold(w) for lang in langs if "gazetteer_given_names" in available(lang)
                                for w in load_lexicon(lang, "gazetteer_given_names").column("form"))
    gaz.pronouns = frozenset(fold(w) for lang in langs if "pronouns" in available(lang)
                             for w in load_lexicon(lang, "pronouns").column("form") if " " not in w)
    gaz.glued_words = _glued_words(langs)
    gaz.clitics = frozenset(r["affix"] for lang in langs if "word_affixes" in available(lang)
                            for r in load_lexicon(lang, "word_affixes").records() if r["position"] == "suffix")
    gaz.noun_prefixes = tuple(r["affix"] for lang in langs if "word_affixes" in available(lang)
                              for r in load_lexicon(lang, "word_affixes").records()
                              if r["position"] == "prefix" and r["affix"].startswith(("pe", "ke")))
    return gaz


def _glued_words(langs: tuple[str, ...]) -> frozenset[str]:
    """One-word Indonesian speech and predicate verbs with a verb prefix (me-, ber-, di-, ter-): the words a
    scraper glues to the name before them ("Nadiem Makarimmenyatakan")."""
    words: set[str] = set()
    for lang in langs:
        for name in ("speech_verbs", "predicates"):
            if name in available(lang):
                words.update(w for w in load_lexicon(lang, name).column("form")
                             if w.isalpha() and w.islower() and len(w) >= 5)
    prefixes = tuple(a for lang in langs if "word_affixes" in available(lang)
                     for a, pos in ((r["affix"], r["position"]) for r in load_lexicon(lang, "word_affixes").records())
                     if pos == "prefix")
    return frozenset(w for w in words if w.startswith(prefixes))


def _calendar_words(langs: tuple[str, ...]) -> frozenset[str]:
    """Month and weekday names, wide and abbreviated, from babel's CLDR data."""
    from babel import Locale

    words: set[str] = set()
    for lang in langs:
        locale = Locale(lang)
        for table in (locale.months, locale.days):
            for width in ("wide", "abbreviated"):
                for name in table["format"][width].values():
                    words.add(fold(name.rstrip(".")))
    return frozenset(words)


def _stop_words(langs: tuple[str, ...]) -> frozenset[str]:
    """spaCy's stop-word lists (package data) for ``langs``."""
    import importlib

    words: set[str] = set()
    for lang in langs:
        try:
            words.update(importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)
        except ImportError:
            continue
    return frozenset(fold(w) for w in words)


def _joined(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Tokens i..j-1 are written together: single spaces or nothing between them, no line break."""
    for a, b in zip(tokens[i:j - 1], tokens[i + 1:j]):
        gap = text[a.end:b.start]
        if len(gap) > 1 or "\n" in gap:
            return False
    return True


def _case_ok(form: str, surface: str) -> bool:
    if _is_caps(form):
        return surface.replace(" ", "") == form.replace(" ", "")
    first = next((c for c in surface if c.isalnum()), "")
    return first.isupper() or first.isdigit()


def find_forms(gaz: Gazetteer, text: str, tokens: list[Token]) -> list[Hit]:
    """Longest gazetteer matches over ``tokens``, left to right, not overlapping."""
    hits: list[Hit] = []
    i, n = 0, len(tokens)
    while i < n:
        matched = 0
        longest = gaz.first_len.get(tokens[i].fold, 0)
        if longest:
            for length in range(min(longest, n - i), 0, -1):
                bucket = gaz.forms.get(tuple(t.fold for t in tokens[i:i + length]))
                if not bucket or not _joined(text, tokens, i, i + length):
                    continue
                surface = text[tokens[i].start:tokens[i + length - 1].end]
                entry = next((e for form, e in bucket if _case_ok(form, surface)), None)
                if entry is None or _blocked(gaz, tokens, i, entry):
                    continue
                hits.append(Hit(tokens[i].start, tokens[i + length - 1].end, entry))
                matched = length
                break
        i += matched or 1
    return _foreign_institutions(gaz, text, hits)


def _foreign_institutions(gaz: Gazetteer, text: str, hits: list[Hit]) -> list[Hit]:
    """A national institution followed by another country is that country's ("Kementerian Pertahanan Jepang").

    The gazetteer's ministries and agencies are Indonesia's; "Kemlu RI" stays Indonesia's.
    """
    out: list[Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if (prev is not None and prev.entry.type == "ORG" and hit.entry.type == "GPE" and hit.entry.kind != "metonym"
                and text[prev.end:hit.start] == " " and fold(text[prev.start:prev.end].split()[0]) in gaz.designators
                and gaz.designators[fold(text[prev.start:prev.end].split()[0])] == "org_head"):
            surface = " ".join(text[prev.start:hit.end].split())
            entry = prev.entry if hit.entry.id == "gpe:ID" else Entry(f"org:{slug(surface)}", "ORG", surface, "name")
            out[-1] = Hit(prev.start, hit.end, entry)
            continue
        out.append(hit)
    return out


def _blocked(gaz: Gazetteer, tokens: list[Token], i: int, entry: Entry) -> bool:
    """A place name right after a blocker word ("bahasa Inggris") names no entity."""
    return entry.type == "GPE" and i > 0 and gaz.designators.get(tokens[i - 1].fold) == "blocker"


def fuzzy_entry(gaz: Gazetteer, surface: str) -> Entry | None:
    """The gazetteer entry a misspelt name stands for ("Ukarina" -> Ukraina), if one is close enough."""
    key = " ".join(_key(surface))
    if len(key) < 4 or " " in key:  # a typo in one word; longer names differ by more than typos
        return None
    found = process.extractOne(key, gaz.fuzzy_forms, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return gaz.fuzzy_entries[found[2]] if found else None


def role_before(gaz: Gazetteer, tokens: list[Token], i: int) -> tuple[int, Role] | None:
    """The role phrase ending just before token ``i``: (index of its first token, the role)."""
    for length in range(min(gaz.role_max_len, i), 0, -1):
        role = gaz.roles.get(tuple(t.fold for t in tokens[i - length:i]))
        if role is not None:
            return i - length, role
    return None


def role_at(gaz: Gazetteer, tokens: list[Token], i: int) -> tuple[int, Role] | None:
    """The longest role phrase starting at token ``i``: (index just after it, the role)."""
    for length in range(min(gaz.role_max_len, len(tokens) - i), 0, -1):
        role = gaz.roles.get(tuple(t.fold for t in tokens[i:i + length]))
        if role is not None:
            return i + length, role
    return None


__all__ = ["Entry", "Gazetteer", "Hit", "Role", "Token", "build_gazetteer", "find_forms", "fold", "fuzzy_entry",
           "role_at", "role_before", "slug", "tokenize", "LANGS"]
