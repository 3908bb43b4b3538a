"""Name spans in English text from runs of capitalised words (the NER model reads only Indonesian).

:func:`capitalised_runs` stands in for the model's tagger: its spans go through :func:`.mentions.merge` the
same way.
"""
from __future__ import annotations

from .candidates import token_range
from .gazetteer import Gazetteer, Hit, Token, find_forms, role_at
from .ner import Tagged


def capitalised_runs(gaz: Gazetteer, text: str, tokens: list[Token]) -> tuple[Tagged, ...]:
    """Name spans for English text, where capitals mark names (the NER model is Indonesian).

    A run of capitalised words ("Linda Greenfield", "Bank of Korea") is cut at titles and gazetteer names;
    a piece holding an organisation word ("Agency", "Council") is an ORG, one of two to four other words a
    PERSON; one-word pieces, function words and month or weekday names are left to the gazetteer and rules.
    """
    hit_tokens = set()
    place_before: dict[int, Hit] = {}  # token index right after a place or demonym hit -> the hit
    for hit in find_forms(gaz, text, tokens):
        a, b = token_range(tokens, hit.start, hit.end)
        hit_tokens.update(range(a, b))
        if hit.entry.type in ("GPE", "LOC"):
            place_before[b] = hit
    out: list[Tagged] = []
    piece: list[int] = []

    def is_org(words: list[Token]) -> bool:
        return any(gaz.designators.get(w.fold) == "org_head" for w in words)

    def emit(words: list[Token]) -> None:
        if is_org(words):
            start = words[0].start
            hit = place_before.get(token_range(tokens, words[0].start, words[0].end)[0])
            if hit is not None and text[hit.end:start] == " " and (hit.entry.kind == "alias" or (
                    hit.start > 0 and text[:hit.start].rstrip().endswith(("the", "The")))):
                start = hit.start  # "the Indonesian Employers Association", "The Seoul Daily Herald"
            out.append(Tagged(start, words[-1].end, "ORG"))
        elif 2 <= len(words) <= 4:
            out.append(Tagged(words[0].start, words[-1].end, "ORG" if org_noun_before(words[0]) else "PERSON"))

    def org_noun_before(word: Token) -> bool:
        """"the shipbuilder, Hanra Marine," / "carrier Garuda Air": a company noun names the run."""
        k = token_range(tokens, word.start, word.end)[0] - 1
        if k >= 0 and tokens[k].text == ",":
            k -= 1
        return k >= 0 and tokens[k].text.islower() and gaz.designators.get(tokens[k].fold) == "org_noun"

    def flush() -> None:
        while piece and (gaz.links(tokens[piece[-1]].fold) or tokens[piece[-1]].text == "-"):
            piece.pop()
        while piece and (tokens[piece[0]].fold in gaz.stop_words or tokens[piece[0]].fold in gaz.calendar):
            piece.pop(0)
        words = [tokens[k] for k in piece if tokens[k].text[0].isalpha()]
        if words and not any(w.fold in gaz.calendar for w in words):
            cut = next((n for n, w in enumerate(words) if 2 <= n <= 4 and w.fold in ("of", "from", "at")
                        and not is_org(words[:n]) and is_org(words[n + 1:])), None)
            if cut is not None:  # "Maya Lestari of Bank Sentosa": a person of an organisation
                emit(words[:cut])
                emit(words[cut + 1:])
            else:
                emit(words)
        piece.clear()

    k = 0
    while k < len(tokens):
        t = tokens[k]
        glued = piece and t.start == tokens[piece[-1]].end
        if k in hit_tokens or role_at(gaz, tokens, k) is not None and t.text[0].isupper():
            flush()
            found = role_at(gaz, tokens, k)
            k = found[0] if found is not None and k not in hit_tokens else k + 1
            continue
        if t.text[0].isupper() and t.text.isalpha():
            piece.append(k)
        elif piece and (gaz.links(t.fold) or (t.text == "-" and glued)) and k + 1 < len(tokens) \
                and tokens[k + 1].text[0].isupper():
            piece.append(k)
        elif piece and t.text == "-" and glued and k + 1 < len(tokens) and tokens[k + 1].start == t.end \
                and tokens[k + 1].text.isalpha() and tokens[k + 1].text.islower():
            piece.append(k)  # "Tae-hoon"
        elif piece and glued and t.text.isalpha() and tokens[piece[-1]].text == "-":
            piece.append(k)  # "Jong-un"
        else:
            flush()
        if "\n" in text[t.end:tokens[k + 1].start if k + 1 < len(tokens) else t.end]:
            flush()
        k += 1
    flush()
    return tuple(out)


__all__ = ["capitalised_runs"]
