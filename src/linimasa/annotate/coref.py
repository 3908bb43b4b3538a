"""Grouping mentions into canonical entities with global ids, aliases and roles.

- Gazetteer mentions share the gazetteer's id (``gpe:KP`` for "Korea Utara", "Korut", "DPRK", "North Korea").
- ``Name (ACR)`` and ``ACR (Name)`` pairs make the acronym an alias; its later uses join the same entity.
- Persons are keyed by their normalised full name (``per:kim-jong-un`` for "Kim Jong-un" and "Kim Jong Un").
  A one-word mention ("Putin", "Kim", "Wood") joins the full name that holds it; when several do, a title
  right before it ("Dubes Kim") picks the one with that role, else the one mentioned most recently.
- A misspelt one-word name close to a full name's word joins it ("Santosso" -> "Budi Santoso").
- A role is read from the title phrase before a person's name ("Wakil Menteri Luar Negeri Jepang, Takeshi
  Ando") or from an apposition after it ("Kim Tae Ho, Duta Besar Korut untuk PBB,").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from ..model import Entity, Mention
from .gazetteer import Gazetteer, Token, fold, role_at, role_before, slug
from .mentions import Candidate, derived_noun

_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9\-&.]{1,11}")
_PAREN = re.compile(r"[ \t]?\(\s*([^()\n]{1,80}?)\s*\)")
_MAX_ROLE_TOKENS = 12
NAME_FUZZY_CUTOFF = 85.0


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", fold(text)) if w and w[0].isalnum()]


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


def acronym_links(gaz: Gazetteer, text: str, tokens: list[Token], cands: list[Candidate]
                  ) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Find ``Name (ACR)`` / ``ACR (Name)`` pairs: new candidates and (name, acronym) index links.

    Returns all candidates (sorted; acronym uses not found before are added) and the links between them.
    """
    cands = sorted(cands, key=lambda c: c.start)
    pairs: list[tuple[Candidate, Candidate]] = []
    by_span = {(c.start, c.end): c for c in cands}
    held: list[tuple[Candidate, str]] = []  # an organisation whose name holds its acronym: "Dinas X Kota (DKK) Y"
    for m in _PAREN.finditer(text):
        inner_start, inner_end = m.start(1), m.end(1)
        holder = next((c for c in cands if c.type == "ORG" and c.start < m.start() and m.end() <= c.end), None)
        if holder is not None:
            inner_text = text[inner_start:inner_end]
            head = Candidate(holder.start, m.start(), "ORG")
            if _alias_pair(inner_text, head, None, text):
                held.append((holder, inner_text))
            continue
        before = [c for c in cands if c.end <= m.start() and text[c.end:m.start()].strip() == ""]
        outer = before[-1] if before else None
        inner = by_span.get((inner_start, inner_end))
        inner_text = text[inner_start:inner_end]
        if outer is not None and _alias_pair(inner_text, outer, inner, text):
            if inner is None:
                inner = Candidate(inner_start, inner_end, outer.type, outer.entry, "alias", "acronym")
            pairs.append((outer, inner))
        elif outer is not None and inner is not None and _alias_pair(text[outer.start:outer.end], inner, outer,
                                                                     text):
            pairs.append((inner, outer))
        elif (outer is None or outer.type in ("GPE", "LOC")) and _ACRONYM.fullmatch(inner_text):
            name = _name_before(gaz, text, tokens, m.start(), inner_text, cands)
            if name is not None:
                for key in [k for k in by_span if name.start <= k[0] and k[1] <= name.end]:
                    del by_span[key]  # places inside the name are part of it now
                inner = inner or Candidate(inner_start, inner_end, "ORG", None, "alias", "acronym")
                pairs.append((name, inner))
    new = {(c.start, c.end): c for pair in pairs for c in pair}
    for key, c in new.items():
        by_span.setdefault(key, c)
    # later uses of each acronym (exact case) join too
    for _, acr in list(pairs):
        surface = text[acr.start:acr.end]
        for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text):
            key = (m.start(), m.end())
            if key not in by_span and all(m.end() <= c.start or m.start() >= c.end for c in by_span.values()):
                by_span[key] = Candidate(m.start(), m.end(), acr.type, acr.entry, "alias", "acronym")
    held_uses: list[tuple[Candidate, Candidate]] = []
    for holder, surface in held:
        for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text):
            key = (m.start(), m.end())
            if holder.start <= m.start() < holder.end:
                continue
            acr = by_span.get(key)
            if acr is None and all(m.end() <= c.start or m.start() >= c.end for c in by_span.values()):
                acr = by_span[key] = Candidate(m.start(), m.end(), "ORG", None, "alias", "acronym")
            if acr is not None and acr.entry is None and text[acr.start:acr.end] == surface:
                held_uses.append((holder, acr))
        for c in list(by_span.values()):  # "DKK Malang" for "Dinas Kesehatan Kota (DKK) Malang"
            words = text[c.start:c.end].split()
            if (c is not holder and c.entry is None and len(words) > 1 and words[0] == surface
                    and all(w in text[holder.start:holder.end].split() for w in words[1:])):
                held_uses.append((holder, c))
    ordered = sorted(by_span.values(), key=lambda c: c.start)
    index = {(c.start, c.end): i for i, c in enumerate(ordered)}
    links = [(index[(h.start, h.end)], index[(a.start, a.end)]) for h, a in held_uses
             if (h.start, h.end) in index and (a.start, a.end) in index]
    for name, acr in pairs:
        surface = text[acr.start:acr.end]
        for c in ordered:
            if text[c.start:c.end] == surface:
                links.append((index[(name.start, name.end)], index[(c.start, c.end)]))
    return ordered, links


def _alias_pair(short: str, long: Candidate, short_cand: Candidate | None, text: str) -> bool:
    """``short`` abbreviates the name ``long``: its letters spell ``long`` in order ("KPK", "Korut"),
    or it is a known organisation's short form given for a name the gazetteer does not know ("NIS")."""
    if not _ACRONYM.fullmatch(short):
        return False
    long_text = text[long.start:long.end]
    if len(_words(long_text)) < 2 and long.entry is None:
        return False
    if (short_cand is not None and short_cand.entry is not None and long.entry is None
            and short_cand.entry.type == long.type == "ORG"):
        return True
    letters = [c for c in fold(short) if c.isalnum()]
    hay = fold(long_text)
    if not letters or letters[0] != hay[:1]:
        return False
    pos = 0
    for ch in hay:
        if pos < len(letters) and ch == letters[pos]:
            pos += 1
    return pos == len(letters)


def _name_before(gaz: Gazetteer, text: str, tokens: list[Token], paren: int, acronym: str, cands: list[Candidate]
                 ) -> Candidate | None:
    """A capitalised name right before "(" whose word initials spell the acronym ("Forest Watch Indonesia (FWI)").

    Place names inside it are taken in; a person or organisation already found ends it.
    """
    words: list[Token] = []
    for t in reversed(tokens[:_first_token(tokens, paren)]):
        inside = [c for c in cands if c.start <= t.start < c.end]
        if (inside and (inside[0].type in ("PERSON", "ORG"))) or len(words) > 8:
            break
        if t.text[0].isupper() or (gaz.connects(t.fold) and words):
            words.append(t)
        else:
            break
    words.reverse()
    letters = [c for c in acronym if c.isupper()]
    while words and (not words[0].text[0].isupper() or words[0].text[0] != letters[0]):
        words.pop(0)  # start at the word the acronym starts with
    if not words or len(letters) < 2:
        return None
    initials = "".join(w.text[0] for w in words if w.text[0].isupper())
    pos = 0
    for ch in initials:
        if pos < len(letters) and ch == letters[pos]:
            pos += 1
    if pos < len(letters):
        return None
    return Candidate(words[0].start, words[-1].end, "ORG", None, "name", "acronym")


def build_entities(gaz: Gazetteer, text: str, tokens: list[Token], cands: list[Candidate], lang: str | None
                   ) -> tuple[Entity, ...]:
    """Candidates -> canonical entities, in order of first mention."""
    cands, links = acronym_links(gaz, text, tokens, cands)
    items = [_Item(c, text[c.start:c.end], c.kind) for c in cands]
    for it in items:
        it.title = _title_before(gaz, tokens, it.cand)
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
    title ("Duta Besar Rusia, Anna Berg"); a one-word one only in apposition after a title ("aktivis, Budi,")."""
    for it in items:
        c = it.cand
        if c.entry is not None or c.type not in ("ORG", "LOC") or c.source == "acronym":
            continue
        words = it.text.split()
        if len(words) > 4 or not all(_person_word(gaz, w) for w in words):
            continue
        if len(words) == 1:
            i = _first_token(tokens, c.start)
            j = _first_token(tokens, c.end)
            apposed = (0 < i and tokens[i - 1].text == "," and j < len(tokens) and tokens[j].text == ",")
            if apposed and role_phrase(gaz, tokens, cands, c, after=False) is not None:
                it.cand = replace(c, type="PERSON")
        elif (fold(words[0]) in gaz.given_names or role_phrase(gaz, tokens, cands, c, after=False) is not None
              or _titled_or_speaking(gaz, tokens, c)):
            it.cand = replace(c, type="PERSON")


def _titled_or_speaking(gaz: Gazetteer, tokens: list[Token], c: Candidate) -> bool:
    """The name follows an honorific or rank ("dr Ratna Kumalasari") or speaks in apposition
    ("..., Aris Munandar, mengatakan"): places and organisations do neither."""
    i = _first_token(tokens, c.start)
    j = _first_token(tokens, c.end)
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
    orgs = [i for i, it in enumerate(items) if it.cand.type == "ORG" and len(_words(it.text)) > 1]
    for i in orgs:
        wi = _words(items[i].text)
        if items[i].cand.entry is not None:
            continue
        longer = {union.find(j) for j in orgs
                  if len(_words(items[j].text)) > len(wi) and _words(items[j].text)[:len(wi)] == wi}
        if len(longer) == 1:
            union.union(longer.pop(), i)


def _link_persons(gaz: Gazetteer, tokens: list[Token], items: list[_Item], union: _Union) -> None:
    """Join one-word and partial person names to the full names that hold them, by context."""
    full = [i for i, it in enumerate(items) if it.cand.type == "PERSON" and it.cand.entry is None
            and len(_words(it.text)) > 1]
    # a full name inside a longer one ("Kim Jong" in "Kim Jong Un") joins it when that is unambiguous
    for i in full:
        wi = _words(items[i].text)
        holders = {union.find(j) for j in full if j != i and len(_words(items[j].text)) > len(wi)
                   and _contains(_words(items[j].text), wi)}
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
        words = _words(it.text)
        if it.cand.entry is not None or len(words) != 1 or it.kind == "alias":
            continue
        word = words[0]
        if it.cand.type == "PERSON":
            holders = {union.find(j) for j in full if word in _words(items[j].text)}
        elif it.text.isupper():
            continue
        else:  # the model called it a place or an organisation: only a first name or surname overrides that
            holders = {union.find(j) for j in full if word in (_words(items[j].text)[0], _words(items[j].text)[-1])}
        if not holders and len(word) >= 5:
            holders = {union.find(j) for j in full
                       if any(fuzz.ratio(word, w) >= NAME_FUZZY_CUTOFF for w in _words(items[j].text))}
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


def _title_before(gaz: Gazetteer, tokens: list[Token], cand: Candidate) -> tuple[str, ...]:
    """Fold forms of the title right before a mention ("Dubes Kim" -> ("dubes", "duta besar"))."""
    i = _first_token(tokens, cand.start)
    found = role_before(gaz, tokens, i)
    if found is None:
        return ()
    role = found[1]
    return tuple(fold(x) for x in (role.form, role.expansion) if x)


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


def _first_token(tokens: list[Token], offset: int) -> int:
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def role_phrase(gaz: Gazetteer, tokens: list[Token], cands: list[Candidate], cand: Candidate, after: bool = True
                ) -> tuple[int, int] | None:
    """Token range [a, b) of the role phrase before (or, with ``after``, in apposition after) a mention."""
    owner = {}
    for c in cands:
        if c.type != "PERSON":
            for k in range(_first_token(tokens, c.start), _first_token(tokens, c.end)):
                owner[k] = c
    i = _first_token(tokens, cand.start)
    k = i - 1
    if k >= 0 and tokens[k].text == ",":
        k -= 1
    elif k > 0 and tokens[k].text == "." and _abbreviated_title(gaz, tokens, k):
        k -= 1  # "Kombes Pol. Hadi Santoso"
    end = k + 1
    best = None
    while k >= 0 and end - k <= _MAX_ROLE_TOKENS:
        t = tokens[k]
        found = role_before(gaz, tokens, k + 1)
        if found is not None and found[1].kind == "relation" and k + 1 == i:
            break  # "kuasa hukum X": X's lawyer, not X's role
        if found is not None and found[1].kind == "honorific" and k + 1 == i:
            k = found[0] - 1  # "Kepala DKK Malang, dr Sri Utami": the office is before the honorific
            if k >= 0 and tokens[k].text == ",":
                k -= 1
            end = k + 1
            continue
        if found is not None and found[1].kind != "honorific":
            best = found[0]
            k = found[0] - 1
            continue
        if k in owner or (t.text[0].isupper() and t.text[0].isalpha()) or gaz.connects(t.fold):
            k -= 1
            continue
        break
    if best is not None:
        while best - 1 in owner:  # "Russian President", "U.S. Ambassador": the state before the title
            best = _first_token(tokens, owner[best - 1].start)
        if tokens[best].text.islower():  # "Sumenep district head": the place names the lower-case office
            while (best > 0 and best - 1 > k and tokens[best - 1].text.isalpha() and tokens[best - 1].text[0].isupper()
                   and tokens[best - 1].fold not in gaz.stop_words and role_at(gaz, tokens, best - 1) is None):
                best -= 1
        return best, _trim_end(gaz, tokens, best, end)
    j = _first_token(tokens, cand.end)
    if after and j < len(tokens) and tokens[j].text == ",":
        found = role_at(gaz, tokens, j + 1)
        if found is not None and found[1].kind not in ("honorific",):
            k = found[0]
            while k < len(tokens) and k - j <= _MAX_ROLE_TOKENS:
                t = tokens[k]
                if k in owner or (t.text[0].isupper() and t.text[0].isalpha()) or gaz.connects(t.fold):
                    k += 1
                    continue
                break
            return j + 1, _trim_end(gaz, tokens, j + 1, k)
    return None


def _abbreviated_title(gaz: Gazetteer, tokens: list[Token], k: int) -> bool:
    """The stop at token ``k`` closes a short title (a rank, an honorific, an abbreviated office), not a sentence."""
    found = role_before(gaz, tokens, k)
    return found is not None and (found[1].kind in ("rank", "honorific") or found[1].expansion is not None)


def _trim_end(gaz: Gazetteer, tokens: list[Token], a: int, b: int) -> int:
    """Drop connectors, punctuation and a closing rank ("... Angkatan Darat Jenderal") from a role's end."""
    while b > a + 1:
        if gaz.connects(tokens[b - 1].fold) or tokens[b - 1].text in ",.":
            b -= 1
            continue
        found = role_before(gaz, tokens, b)
        if found is not None and found[0] > a and found[1].kind in ("rank", "honorific"):
            b = found[0]
            continue
        break
    return b


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
        names = [n for n in names if len(_words(n)) > 1] or names or [it.text for it in items]
        if etype == "PERSON":
            name = max(names, key=lambda n: (len(_words(n)), -names.index(n)))
        else:
            name = max((it.text for it in items if it.kind != "alias"), key=len, default=items[0].text)
        prefix = {"PERSON": "per", "ORG": "org", "GPE": "gpe", "LOC": "loc"}[etype]
        key = _id_key(gaz, name) if etype == "PERSON" else slug(_PAREN.sub("", name))
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
