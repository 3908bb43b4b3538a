"""Grouping mentions into canonical entities with global ids, aliases and roles.

- Gazetteer mentions share the gazetteer's id (``gpe:KP`` for "Korea Utara", "Korut", "DPRK", "North Korea").
- ``Name (ACR)`` and ``ACR (Name)`` pairs make the acronym an alias; its later uses join the same entity.
- Persons are keyed by their normalised full name (``per:kim-jong-un`` for "Kim Jong-un" and "Kim Jong Un").
  A one-word mention ("Putin", "Kim", "Wood") joins the full name that holds it; when several do, a title
  right before it ("Dubes Kim") picks the one with that role, else the one mentioned most recently.
- A misspelt one-word name close to a full name's word joins it ("Santosso" -> "Budi Santoso").
- A role is read from the title phrase before a person's name ("Wakil Menteri Luar Negeri Jepang, Takeshi
  Ando") or from an apposition after it ("Kim Tae Ho, Duta Besar Korut untuk PBB,").

Acronym pairs are found by :mod:`.acronyms` and role phrases read by :mod:`.role_phrases`; this module joins
mentions and builds the entities. ``acronym_links`` and ``role_phrase`` are re-exported here for older imports.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from ..model import Entity, Mention
from .acronyms import PAREN, acronym_links
from .candidates import Candidate, first_token
from .gazetteer import Gazetteer, Token, fold, role_at, role_before, slug
from .name_words import derived_noun, folded_words
from .role_phrases import role_phrase, title_before

NAME_FUZZY_CUTOFF = 85.0


@dataclass
class _Item:
    cand: Candidate
    text: str
    kind: str
    group: int = -1
    title: tuple[str, ...] = ()  # title words right before it ("dubes", "duta besar")


@dataclass
class _Group:
    items: list[_Item] = field(default_factory=list)


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, a: int) -> int:
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def build_entities(gaz: Gazetteer, text: str, tokens: list[Token], cands: list[Candidate], lang: str | None
                   ) -> tuple[Entity, ...]:
    """Candidates -> canonical entities, in order of first mention."""
    cands, links = acronym_links(gaz, text, tokens, cands)
    items = [_Item(c, text[c.start:c.end], c.kind) for c in cands]
    for it in items:
        it.title = title_before(gaz, tokens, it.cand)
    union = _Union(len(items))
    for a, b in links:
        union.union(a, b)
        items[b].kind = "alias"
    by_id: dict[str, int] = {}
    by_norm: dict[str, int] = {}
    for i, it in enumerate(items):
        if it.cand.entry is not None:
            union.union(by_id.setdefault(it.cand.entry.id, i), i)
        elif it.kind != "alias" and slug(it.text):
            union.union(by_norm.setdefault(slug(it.text), i), i)  # the same name, however the model typed it
    _retype_titled_names(gaz, tokens, items, cands)
    _link_org_prefixes(items, union)
    _link_persons(gaz, tokens, items, union)
    groups: dict[int, _Group] = {}
    for i, it in enumerate(items):
        groups.setdefault(union.find(i), _Group()).items.append(it)
    out = []
    roles = {}
    for root, group in sorted(groups.items()):
        entity = _entity(gaz, text, tokens, group, lang, cands)
        if entity is not None:
            if entity.id in roles:  # two groups reached the same id: merge them
                idx = roles[entity.id]
                out[idx] = _merge_entities(out[idx], entity)
            else:
                roles[entity.id] = len(out)
                out.append(entity)
    return tuple(out)


def _retype_titled_names(gaz: Gazetteer, tokens: list[Token], items: list[_Item], cands: list[Candidate]
                         ) -> None:
    """A name-like ORG or LOC is a person the model mistyped when it starts with a known given name or follows a
    title ("Duta Besar Rusia, Anna Berg") or an age in brackets ("Rohmat (45)"); a one-word one only in apposition
    after a title ("aktivis, Budi,") or before an age."""
    for it in items:
        c = it.cand
        if c.entry is not None or c.type not in ("ORG", "LOC") or c.source == "acronym":
            continue
        words = it.text.split()
        if len(words) > 4 or not all(_person_word(gaz, w) for w in words):
            continue
        if _aged(tokens, c):
            it.cand = replace(c, type="PERSON")
        elif len(words) == 1:
            i = first_token(tokens, c.start)
            j = first_token(tokens, c.end)
            apposed = (0 < i and tokens[i - 1].text == "," and j < len(tokens) and tokens[j].text == ",")
            if apposed and role_phrase(gaz, tokens, cands, c, after=False) is not None:
                it.cand = replace(c, type="PERSON")
        elif (fold(words[0]) in gaz.given_names or role_phrase(gaz, tokens, cands, c, after=False) is not None
              or _titled_or_speaking(gaz, tokens, c)):
            it.cand = replace(c, type="PERSON")


def _aged(tokens: list[Token], c: Candidate) -> bool:
    """The name is followed by an age in brackets ("Rohmat (45)", "Siti Aminah (38 tahun)"): only people have one."""
    j = first_token(tokens, c.end)
    if j + 2 >= len(tokens) or tokens[j].text != "(" or tokens[j].start - c.end > 1:
        return False
    age = tokens[j + 1].text
    if not (age.isdigit() and 0 < int(age) < 120):
        return False
    k = j + 2
    if k < len(tokens) and tokens[k].fold in ("tahun", "thn", "th"):
        k += 1
    return k < len(tokens) and tokens[k].text == ")"


def _titled_or_speaking(gaz: Gazetteer, tokens: list[Token], c: Candidate) -> bool:
    """The name follows an honorific or rank ("dr Ratna Kumalasari") or speaks in apposition
    ("..., Aris Munandar, mengatakan"): places and organisations do neither."""
    i = first_token(tokens, c.start)
    j = first_token(tokens, c.end)
    k = i - 1 if i > 0 and tokens[i - 1].text == "." else i
    found = role_before(gaz, tokens, k)
    if found is not None and found[1].kind in ("rank", "honorific"):
        return True
    return (0 < i and tokens[i - 1].text == "," and j + 1 < len(tokens) and tokens[j].text == ","
            and tokens[j + 1].fold in gaz.glued_words)


def _person_word(gaz: Gazetteer, word: str) -> bool:
    return (word[:1].isupper() and word.replace("-", "").isalpha() and not word.isupper()
            and fold(word) not in gaz.designators and (fold(word),) not in gaz.roles
            and (fold(word),) not in gaz.forms and not derived_noun(gaz, fold(word)))


def _link_org_prefixes(items: list[_Item], union: _Union) -> None:
    """An organisation's name cut short joins the full one ("Partai Buruh" -> "Partai Buruh Nasional")."""
    orgs = [i for i, it in enumerate(items) if it.cand.type == "ORG" and len(folded_words(it.text)) > 1]
    for i in orgs:
        wi = folded_words(items[i].text)
        if items[i].cand.entry is not None:
            continue
        longer = {union.find(j) for j in orgs
                  if len(folded_words(items[j].text)) > len(wi) and folded_words(items[j].text)[:len(wi)] == wi}
        if len(longer) == 1:
            union.union(longer.pop(), i)


def _link_persons(gaz: Gazetteer, tokens: list[Token], items: list[_Item], union: _Union) -> None:
    """Join one-word and partial person names to the full names that hold them, by context."""
    full = [i for i, it in enumerate(items) if it.cand.type == "PERSON" and it.cand.entry is None
            and len(folded_words(it.text)) > 1]
    # a full name inside a longer one ("Kim Jong" in "Kim Jong Un") joins it when that is unambiguous
    for i in full:
        wi = folded_words(items[i].text)
        holders = {union.find(j) for j in full if j != i and len(folded_words(items[j].text)) > len(wi)
                   and _contains(folded_words(items[j].text), wi)}
        if len(holders) == 1:
            union.union(holders.pop(), i)
    roles = {}
    for i in full:
        roles.setdefault(union.find(i), set()).update(_role_keys(gaz, tokens, items, i))
    last_seen: dict[int, int] = {}
    for i, it in enumerate(items):
        root = union.find(i)
        if i in full:
            last_seen[root] = it.cand.start
            continue
        words = folded_words(it.text)
        if it.cand.entry is not None or len(words) != 1 or it.kind == "alias":
            continue
        word = words[0]
        if it.cand.type == "PERSON":
            holders = {union.find(j) for j in full if word in folded_words(items[j].text)}
        elif it.text.isupper():
            continue
        else:  # the model called it a place or an organisation: only a first name or surname overrides that
            holders = {union.find(j) for j in full
                       if word in (folded_words(items[j].text)[0], folded_words(items[j].text)[-1])}
        if not holders and len(word) >= 5:
            holders = {union.find(j) for j in full
                       if any(fuzz.ratio(word, w) >= NAME_FUZZY_CUTOFF for w in folded_words(items[j].text))}
        if not holders:
            if it.cand.type == "PERSON":
                last_seen[root] = it.cand.start
            continue
        choice = _choose(holders, it, roles, last_seen, items, full, union)
        union.union(choice, i)
        it.kind = "short"
        it.cand = replace(it.cand, type="PERSON")
        last_seen[union.find(i)] = it.cand.start


def _choose(holders: set[int], item: _Item, roles: dict[int, set[str]], last_seen: dict[int, int],
            items: list[_Item], full: list[int], union: _Union) -> int:
    if len(holders) > 1 and item.title:
        titled = {h for h in holders if roles.get(h, set()) & set(item.title)}
        if titled:
            holders = titled
    if len(holders) == 1:
        return next(iter(holders))
    before = [(last_seen[h], h) for h in holders if h in last_seen]
    if before:
        return max(before)[1]
    after = [(items[j].cand.start, union.find(j)) for j in full if union.find(j) in holders]
    return min(after)[1]


def _contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(hay[k:k + n] == needle for k in range(len(hay) - n + 1))


def _role_keys(gaz: Gazetteer, tokens: list[Token], items: list[_Item], i: int) -> set[str]:
    """Fold forms of every role word in the role phrases around mention ``i`` (and their expansions)."""
    phrase = role_phrase(gaz, tokens, [it.cand for it in items], items[i].cand)
    keys: set[str] = set(items[i].title)
    if phrase is not None:
        a, b = phrase
        k = a
        while k < b:
            found = role_at(gaz, tokens, k)
            if found is None:
                k += 1
                continue
            keys.update(fold(x) for x in (found[1].form, found[1].expansion) if x)
            k = found[0]
    return keys


def _entity(gaz: Gazetteer, text: str, tokens: list[Token], group: _Group, lang: str | None,
            cands: list[Candidate]) -> Entity | None:
    items = sorted(group.items, key=lambda it: it.cand.start)
    entries = [it.cand.entry for it in items if it.cand.entry is not None]
    kinds = Counter(it.cand.type for it in items)
    if entries:
        named = [e for e in entries if e.kind != "alias"] or entries
        entry = named[0]
        ident, etype = entry.id, entry.type
        name = _entry_name(gaz, entry, items, lang)
    else:
        top = max(kinds.values())
        etype = "PERSON" if kinds["PERSON"] == top else kinds.most_common(1)[0][0]
        names = [it.text for it in items if it.kind in ("name", "short") or etype == "PERSON"]
        names = [n for n in names if len(folded_words(n)) > 1] or names or [it.text for it in items]
        if etype == "PERSON":
            name = max(names, key=lambda n: (len(folded_words(n)), -names.index(n)))
        else:
            name = max((it.text for it in items if it.kind != "alias"), key=len, default=items[0].text)
        prefix = {"PERSON": "per", "ORG": "org", "GPE": "gpe", "LOC": "loc"}[etype]
        key = _id_key(gaz, name) if etype == "PERSON" else slug(PAREN.sub("", name))
        if not key:
            return None
        ident = f"{prefix}:{key}"
    name = " ".join(name.split())  # scraped text can break a name over lines
    mentions = tuple(Mention(it.cand.start, it.cand.end, it.text, ident, _mention_kind(it, etype))
                     for it in items)
    aliases = tuple(dict.fromkeys(" ".join(it.text.split()) for it in items))
    aliases = tuple(a for a in aliases if a != name)
    role = None
    if etype == "PERSON":
        phrases = []
        for it in items:
            found = role_phrase(gaz, tokens, cands, it.cand)
            if found is not None:
                phrases.append(text[tokens[found[0]].start:tokens[found[1] - 1].end])
        role = max(phrases, key=len) if phrases else None
    return Entity(ident, name, etype, aliases, role, mentions)


def _id_key(gaz: Gazetteer, name: str) -> str:
    """A person's id key: the name without titles, honorifics or degrees, however spaced or hyphenated
    ("dr. Ratna  Kumalasari" and "Ratna Kumalasari" -> "ratna-kumalasari")."""
    words = [w for w in re.split(r"[\s\-]+", name.replace(".", " ")) if w]
    while len(words) > 1 and (fold(words[0]),) in gaz.roles:
        words.pop(0)
    return slug(" ".join(words))


def _mention_kind(item: _Item, etype: str) -> str:
    if item.kind in ("alias", "metonym", "short"):
        return item.kind
    if item.cand.entry is not None and item.cand.entry.kind != "name":
        return item.cand.entry.kind
    return "name"


def _entry_name(gaz: Gazetteer, entry, items: list[_Item], lang: str | None) -> str:
    canonical = gaz.canonical(entry.id, lang) or entry.name
    if entry.kind == "metonym":
        return canonical
    named = [it.text for it in items if it.cand.entry is not None and it.cand.entry.kind == "name"
             and it.cand.source == "gazetteer"]
    if not named or any(fold(n) == fold(canonical) for n in named):
        return canonical
    return Counter(named).most_common(1)[0][0]


def _merge_entities(a: Entity, b: Entity) -> Entity:
    mentions = tuple(sorted(a.mentions + b.mentions, key=lambda m: m.start))
    aliases = tuple(dict.fromkeys(x for x in a.aliases + b.aliases + (b.name,) if x != a.name))
    return replace(a, aliases=aliases, mentions=mentions, role=a.role or b.role)


__all__ = ["acronym_links", "build_entities", "role_phrase"]
