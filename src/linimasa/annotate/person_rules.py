"""Persons the NER model missed, found by rule: names after titles, and one-word uses of a known name.

- :func:`person_rules`: a capitalised name after a title, rank or honorific ("Dubes Kim", "Menlu Sugiono",
  "Presiden Rusia Vladimir Putin").
- :func:`name_word_uses`: a word of a full personal name used alone ("kata Putin", "ujar Wood").
"""
from __future__ import annotations

from .candidates import Candidate, token_range
from .gazetteer import Gazetteer, Token, role_at
from .name_words import capitalised, derived_noun, glued_verb

_MAX_NAME_TOKENS = 5


def person_rules(gaz: Gazetteer, text: str, tokens: list[Token], cands: list[Candidate], strict: bool = False
                 ) -> list[Candidate]:
    """Persons the model missed: a capitalised name after a title ("Dubes Kim", "Menlu Sugiono").

    Places, organisations and capitalised words between the title and the name are read as part of the title;
    the name is the last capitalised run of the title chain ("Presiden Rusia Vladimir Putin",
    "Kepala Staf Angkatan Darat Filipina Ramon Castillo", "Menteri Luar Negeri Jepang, Takeshi Ando").
    ``strict`` (used when the NER model has run and missed the name): only a short title, rank or honorific
    directly before the name counts ("Dubes Kim", "Kolonel Budi"), since after a full office word the
    capitalised words are more often a portfolio ("Menteri Kehutanan") than a name the model missed; a one-word
    name must be a known given name or a word of a person the model found ("Menko Polhukam" is no person).
    """
    owner: dict[int, Candidate] = {}
    for c in cands:
        a, b = token_range(tokens, c.start, c.end)
        for k in range(a, b):
            owner[k] = c
    found: list[Candidate] = []
    known_words = {w for c in cands if c.type == "PERSON" for w in text[c.start:c.end].split()}
    i, n = 0, len(tokens)
    while i < n:
        role = role_at(gaz, tokens, i) if i not in owner and capitalised(tokens[i].text) else None
        if role is None or role[1].kind in ("descriptor", "relation", "occupation") or (strict and not _short_title(role[1])):
            i = role[0] if role is not None else i + 1
            continue
        j, run, commas = role[0], None, 0
        if strict:
            while j in owner and owner[j].entry is not None:  # "Kapuspenkum Kejagung Harli Siregar"
                j = token_range(tokens, owner[j].start, owner[j].end)[1]
            k = _name_end(tokens, j, owner, gaz)
            if (k > j and role_at(gaz, tokens, j) is None and k - j <= 3 and tokens[j].fold not in gaz.designators
                    and (k == len(tokens) or not capitalised(tokens[k].text))
                    and (k - j > 1 or tokens[j].fold in gaz.given_names or tokens[j].text in known_words)):
                cand = _rule_person(gaz, tokens, j, k)
                found.append(cand)
                for m in range(j, k):
                    owner[m] = cand
                i = k
            else:
                i += 1
            continue
        while j < n:
            if j in owner:
                if owner[j].type == "PERSON":
                    run = None
                    break
                j = token_range(tokens, owner[j].start, owner[j].end)[1]
                continue
            word = tokens[j].text
            if word == "." or (word == "," and not commas):
                commas += word == ","
                j += 1
                continue
            nxt = role_at(gaz, tokens, j)
            if nxt is not None and not capitalised(word) and nxt[1].kind != "honorific":
                nxt = None  # "dr Ratna": lower-case honorifics count, lower-case words in general do not
            if nxt is not None:
                if run is not None and nxt[1].kind != "honorific":
                    break
                run = None  # "Kepala Dinas Kesehatan, dr Ratna": the honorific introduces the name
                j = nxt[0]
                continue
            if gaz.links(tokens[j].fold):
                j += 1
                continue
            k = _name_end(tokens, j, owner, gaz)
            if k == j:
                break
            run = (j, k)
            j = k
        if run is not None and run[1] - run[0] == 1 and derived_noun(gaz, tokens[run[0]].fold):
            run = None  # "Kepala Dinas Kesehatan": a portfolio
        if run is not None:
            a, b = run
            cand = _rule_person(gaz, tokens, a, b)
            found.append(cand)
            for m in range(a, b):
                owner[m] = cand
            i = b
        else:
            i += 1
    return found


def occupation_names(gaz: Gazetteer, text: str, tokens: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """The full name after an occupation title (``roles`` kind ``occupation``): "Penyanyi Laras Ayu", "pelatih
    Budi Santoso". The capitalised words after the title are one person, replacing the model's pieces of them
    ("Ayu" alone); a title, designator or known name (gazetteer) right after the occupation stops the rule."""
    owner: dict[int, Candidate] = {}
    for c in cands:
        a, b = token_range(tokens, c.start, c.end)
        for k in range(a, b):
            owner[k] = c
    out = list(cands)
    i, n = 0, len(tokens)
    while i < n:
        role = role_at(gaz, tokens, i)
        if role is None or role[1].kind != "occupation" or i in owner:
            i = role[0] if role is not None else i + 1
            continue
        j = role[0]
        blocked = {k for k, c in owner.items() if c.type != "PERSON" or c.entry is not None}
        k = _name_end(tokens, j, {k: owner[k] for k in blocked}, gaz)
        if (k == j or role_at(gaz, tokens, j) is not None or tokens[j].fold in gaz.designators
                or tokens[j].fold in gaz.stop_words or (k < n and capitalised(tokens[k].text))):
            i = j
            continue
        pieces = {id(owner[m]) for m in range(j, k) if m in owner}
        if pieces:  # a model PERSON reaching past the run ends the name where it ends
            k = max(k, max(token_range(tokens, c.start, c.end)[1] for c in out if id(c) in pieces))
        cand = _rule_person(gaz, tokens, j, k)
        out = [c for c in out if id(c) not in pieces]
        out.append(cand)
        for m in range(j, k):
            owner[m] = cand
        i = k
    return sorted(out, key=lambda c: c.start)


def _rule_person(gaz: Gazetteer, tokens: list[Token], a: int, b: int) -> Candidate:
    """The person candidate over tokens a..b-1, cut before a verb glued to its last word and after a
    portfolio ("Bidang Pengawasan Satria Wibowo" -> "Satria Wibowo")."""
    while b - a > 1 and (gaz.designators.get(tokens[a].fold) == "connector" or derived_noun(gaz, tokens[a].fold)):
        a += 1
    end = tokens[b - 1].end
    for m in range(a, b):
        cut = glued_verb(gaz, tokens[m])
        if cut is not None:
            end = cut
            break
    return Candidate(tokens[a].start, end, "PERSON", source="rule")


def _short_title(role) -> bool:
    """A title that only ever precedes a person: an abbreviation ("Dubes"), a rank or an honorific."""
    return role.kind in ("rank", "honorific") or (role.kind == "office" and role.expansion is not None)


def name_word_uses(text: str, tokens: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """One-word uses of a full personal name's word that nothing else tagged ("kata Putin", "ujar Wood")."""
    words: set[str] = set()
    for c in cands:
        if c.type == "PERSON" and c.entry is None:
            parts = [w for w in text[c.start:c.end].replace("-", " ").split() if w[:1].isupper()]
            if len(parts) > 1:
                words.update(w for w in parts if len(w) > 2 and w.isalpha())
    if not words:
        return []
    taken = sorted((c.start, c.end) for c in cands)
    found = []
    for t in tokens:
        if t.text in words and not _overlaps(taken, t.start, t.end) and not _glued(text, t):
            found.append(Candidate(t.start, t.end, "PERSON", source="rule"))
    return found


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and e > start for s, e in spans)


def _glued(text: str, t: Token) -> bool:
    """The token is part of a hyphenated or dotted word ("Kim-lah", "Wood.com")."""
    before = text[t.start - 1] if t.start else " "
    after = text[t.end] if t.end < len(text) else " "
    return before in "-@/" or after in "-@/" or (after == "." and t.end + 1 < len(text) and text[t.end + 1].isalpha())


def _name_end(tokens: list[Token], j: int, owner: dict[int, Candidate], gaz: Gazetteer | None = None) -> int:
    """End index of a capitalised personal name starting at token ``j`` (``j`` when there is none)."""
    k = j
    while k < len(tokens) and k - j < _MAX_NAME_TOKENS and k not in owner:
        word = tokens[k].text
        if gaz is not None and tokens[k].fold in gaz.pronouns:
            break  # "Ia", "Dia": a pronoun, never part of a name
        glued = k > j and tokens[k].start == tokens[k - 1].end and tokens[k - 1].text == "-"
        if glued and word.isalpha():
            k += 1
        elif word == "-" and k > j and k + 1 < len(tokens) and tokens[k - 1].end == tokens[k].start == \
                tokens[k + 1].start - 1:
            k += 1
        elif word.isalpha() and word[0].isupper() and (not word.isupper() or len(word) == 1):
            k += 1
        else:
            break
    while k > j and tokens[k - 1].text == "-":
        k -= 1
    return k


__all__ = ["name_word_uses", "occupation_names", "person_rules"]
