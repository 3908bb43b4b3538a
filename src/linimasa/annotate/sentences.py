"""Sentence and clause boundaries for Indonesian and English news text.

Shared by the annotators that need "the same sentence" or "the same clause" (dates governing a figure, the
attribution frame of a quote). Abbreviations that end in a full stop (``Jl.``, ``Dr.``, ``No.``) come from the
``abbreviations`` lexicon; a full stop inside a number (``1.500``) never ends a sentence, and a sentence may end
inside closing quote marks.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import load_lexicon
from ..model import Span

_CLOSERS = "\"'\u201d\u2019)]"
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)|\n+")


@lru_cache(maxsize=None)
def _abbreviations() -> frozenset[str]:
    words: set[str] = set()
    for lang in ("id", "en"):
        try:
            words.update(w.lower().rstrip(".") for w in load_lexicon(lang, "abbreviations").column("form"))
        except Exception:  # a language without the file has no abbreviations
            continue
    return frozenset(words)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> tuple[Span, ...]:
    """Sentence spans covering ``text[start:end]`` (whitespace between sentences is left out)."""
    end = len(text) if end is None else end
    abbreviations = _abbreviations()
    spans: list[Span] = []
    pos = start
    for m in _END.finditer(text, start, end):
        cut = m.end()
        if "\n" not in m.group():
            # the word before the stop: an abbreviation or an initial does not end the sentence
            before = re.search(r"(\w+)[.!?]*\W*$", text[pos:m.start() + 1])
            word = before.group(1).lower() if before else ""
            if m.group().startswith(".") and (word in abbreviations or (len(word) == 1 and word.isalpha())):
                continue
            nxt = re.match(r"\s*(\S)", text[cut:end])
            if nxt and nxt.group(1).islower():
                continue
        spans.append(_trim(text, pos, cut))
        pos = cut
    if pos < end:
        spans.append(_trim(text, pos, end))
    return tuple(s for s in spans if s.end > s.start)


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def sentence_at(sentences: tuple[Span, ...], offset: int) -> Span | None:
    """The sentence holding ``offset`` (binary search over sorted spans)."""
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return s
    return None


def paragraphs(text: str) -> tuple[Span, ...]:
    """Paragraph spans (blocks separated by line breaks)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s = _trim(text, m.start(), m.end())
        if s.end > s.start:
            out.append(s)
    return tuple(out)


__all__ = ["split_sentences", "sentence_at", "paragraphs"]
