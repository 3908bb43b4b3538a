"""Mention candidates: the :class:`Candidate` type, its constructors and trimming, and token-index helpers.

A candidate is one mention before :mod:`.coref` groups mentions into entities. :mod:`.mentions`,
:mod:`.person_rules` and :mod:`.acronyms` make them; :func:`token_range` and :func:`first_token` map character
offsets to indices into the gazetteer's token list.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from .gazetteer import Entry, Hit, Token


@dataclass(frozen=True, slots=True)
class Candidate:
    """A mention before grouping: span, type, and the gazetteer entry it matched (if any)."""

    start: int
    end: int
    type: str  # PERSON | ORG | GPE | LOC
    entry: Entry | None = None
    kind: str = "name"  # name | alias | metonym
    source: str = "model"  # model | gazetteer | rule | acronym | fuzzy


def token_range(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """Indices [i, j) of the tokens inside ``start..end``."""
    lo, hi = 0, len(tokens)
    while lo < hi:  # first token starting at or after ``start``
        mid = (lo + hi) // 2
        if tokens[mid].start < start:
            lo = mid + 1
        else:
            hi = mid
    j = lo
    while j < len(tokens) and tokens[j].end <= end:
        j += 1
    return lo, j


def first_token(tokens: list[Token], offset: int) -> int:
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def from_hit(hit: Hit) -> Candidate:
    return Candidate(hit.start, hit.end, hit.entry.type, hit.entry, hit.entry.kind, "gazetteer")


def trim(text: str, cand: Candidate) -> Candidate | None:
    """Strip spaces and edge punctuation (except a closing initial's stop) from a candidate."""
    start, end = cand.start, cand.end
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    if end <= start:
        return None
    return replace(cand, start=start, end=end)


__all__ = ["Candidate", "first_token", "from_hit", "token_range", "trim"]
