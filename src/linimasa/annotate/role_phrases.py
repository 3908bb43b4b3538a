"""A person's role read from the words around a mention: the title phrase before a name ("Wakil Menteri Luar
Negeri Jepang, Takeshi Ando") or an apposition after it ("Kim Tae Ho, Duta Besar Korut untuk PBB,").

Used by :mod:`.coref` for an entity's ``role`` and to pick which full name a titled short name ("Dubes Kim") means.
"""
from __future__ import annotations

from .candidates import Candidate, first_token
from .gazetteer import Gazetteer, Token, fold, role_at, role_before

_MAX_ROLE_TOKENS = 12



def title_before(gaz: Gazetteer, tokens: list[Token], cand: Candidate) -> tuple[str, ...]:
    """Fold forms of the title right before a mention ("Dubes Kim" -> ("dubes", "duta besar"))."""
    i = first_token(tokens, cand.start)
    found = role_before(gaz, tokens, i)
    if found is None:
        return ()
    role = found[1]
    return tuple(fold(x) for x in (role.form, role.expansion) if x)


def role_phrase(gaz: Gazetteer, tokens: list[Token], cands: list[Candidate], cand: Candidate, after: bool = True
                ) -> tuple[int, int] | None:
    """Token range [a, b) of the role phrase before (or, with ``after``, in apposition after) a mention."""
    owner = {}
    for c in cands:
        if c.type != "PERSON":
            for k in range(first_token(tokens, c.start), first_token(tokens, c.end)):
                owner[k] = c
    i = first_token(tokens, cand.start)
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
            best = first_token(tokens, owner[best - 1].start)
        if tokens[best].text.islower():  # "Sumenep district head": the place names the lower-case office
            while (best > 0 and best - 1 > k and tokens[best - 1].text.isalpha() and tokens[best - 1].text[0].isupper()
                   and tokens[best - 1].fold not in gaz.stop_words and role_at(gaz, tokens, best - 1) is None):
                best -= 1
        return best, _trim_end(gaz, tokens, best, end)
    j = first_token(tokens, cand.end)
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


__all__ = ["role_phrase", "title_before"]
