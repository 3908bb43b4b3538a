"""Acronyms and their names: ``Name (ACR)`` and ``ACR (Name)`` pairs, and the acronym's later uses.

:func:`acronym_links` adds the acronym candidates it finds and returns (name, acronym) links that
:mod:`.coref` turns into one entity ("Komisi Pemberantasan Korupsi (KPK)" ... "KPK").
"""
from __future__ import annotations

import re

from .candidates import Candidate, first_token
from .gazetteer import Gazetteer, Token, fold
from .name_words import folded_words

_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9\-&.]{1,11}")


PAREN = re.compile(r"[ \t]?\(\s*([^()\n]{1,80}?)\s*\)")



def acronym_links(gaz: Gazetteer, text: str, tokens: list[Token], cands: list[Candidate]
                  ) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Find ``Name (ACR)`` / ``ACR (Name)`` pairs: new candidates and (name, acronym) index links.

    Returns all candidates (sorted; acronym uses not found before are added) and the links between them.
    """
    cands = sorted(cands, key=lambda c: c.start)
    pairs: list[tuple[Candidate, Candidate]] = []
    by_span = {(c.start, c.end): c for c in cands}
    held: list[tuple[Candidate, str]] = []  # an organisation whose name holds its acronym: "Dinas X Kota (DKK) Y"
    for m in PAREN.finditer(text):
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
    if len(folded_words(long_text)) < 2 and long.entry is None:
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
    for t in reversed(tokens[:first_token(tokens, paren)]):
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
    if not words or len(letters) < 2 or gaz.designators.get(words[0].fold) == "document":
        return None  # "Kartu Tanda Penduduk (KTP)": a document, not an organisation
    initials = "".join(w.text[0] for w in words if w.text[0].isupper())
    pos = 0
    for ch in initials:
        if pos < len(letters) and ch == letters[pos]:
            pos += 1
    if pos < len(letters):
        return None
    return Candidate(words[0].start, words[-1].end, "ORG", None, "name", "acronym")


__all__ = ["PAREN", "acronym_links"]
