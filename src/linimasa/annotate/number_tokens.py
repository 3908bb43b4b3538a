"""Tokens and lexicon tables shared by the number and count annotators.

``tokenize`` splits text into words, digit runs (``1.500``, ``12,5``, ``09.00`` stay whole) and single other
characters, keeping offsets and whether whitespace came before (so ``COVID-19``, ``Rp9,9`` and ``US$`` can be
told from spaced text). ``number_lexicons(lang)`` loads every word list the two annotators read, keyed in the
same token shape so that multi-word forms (``lebih dari``, ``per cent``) match token runs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..lang import load_lexicon
from .number_words import NumberWords, number_words

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*|\S")
_GLUED_WORDS = re.compile(r"(?<=[a-z]{3})(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Token:
    """A word, a run of digits (with separators) or one other character, with its offsets."""

    start: int
    end: int
    text: str
    kind: str  # num | word | punct
    spaced: bool  # whitespace (or the start of the text) right before it
    line_start: bool = False  # a line break (or the start of the text) right before it

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    out = []
    last = start
    for m in _TOKEN.finditer(text, start, end):
        s = m.start()
        kind = "num" if text[s].isdigit() else ("word" if m.group()[0].isalpha() else "punct")
        spaced, line_start = s == 0 or text[s - 1].isspace(), s == 0 or "\n" in text[last:s]
        last = m.end()
        if kind == "word" and _GLUED_WORDS.search(m.group()):
            # scraper damage: a lost space between words ("totalRp11", "wargaKabupaten"): split it back
            cuts = [0] + [g.start() for g in _GLUED_WORDS.finditer(m.group())] + [len(m.group())]
            for n, (a, b) in enumerate(zip(cuts, cuts[1:])):
                out.append(Token(s + a, s + b, m.group()[a:b], "word", spaced or n > 0, line_start and n == 0))
            continue
        out.append(Token(s, m.end(), m.group(), kind, spaced, line_start))
    return tuple(out)


def _key(form: str) -> str:
    """A lexicon form or a token run in one comparable shape: lower case, glued tokens joined without a space."""
    toks = tokenize(form)
    return "".join((" " if t.spaced and n else "") + t.lower for n, t in enumerate(toks))


def _run_key(tokens: Sequence[Token], i: int, j: int) -> str:
    return "".join((" " if t.spaced and n else "") + t.lower for n, t in enumerate(tokens[i:j]))


# ------------------------------------------------------------------ language data

@dataclass(frozen=True, slots=True)
class NumberLexicons:
    """Everything the number and count annotators read for one language."""

    lang: str
    words: NumberWords
    hedges_before: dict[str, str]
    hedges_after: dict[str, str]
    money_prefix: dict[str, str]
    money_suffix: dict[str, str]
    measures: dict[str, tuple[str, str]]  # key -> (unit, kind)
    time_units: dict[str, str]
    cues: dict[str, str]  # key -> role
    count_nouns: dict[str, str]  # key -> class
    boundaries: dict[str, str]  # key -> kind (function, auxiliary, verb, predicate, ...)
    longest: int  # most tokens in any multi-token form


@lru_cache(maxsize=None)
def number_lexicons(lang: str = "id") -> NumberLexicons:
    """The lexicons of ``lang`` ("id" or "en"), cached per process."""
    hedges = load_lexicon(lang, "hedges").records()
    money = load_lexicon(lang, "units_money").records()
    return NumberLexicons(
        lang=lang,
        words=number_words(lang),
        hedges_before={_key(r["form"]): r["qualifier"] for r in hedges if r["position"] == "before"},
        hedges_after={_key(r["form"]): r["qualifier"] for r in hedges if r["position"] == "after"},
        money_prefix={_key(r["form"]): r["unit"] for r in money if r["position"] == "prefix"},
        money_suffix={_key(r["form"]): r["unit"] for r in money if r["position"] == "suffix"},
        measures={_key(f): (u, k) for f, u, k in load_lexicon(lang, "units_measure")},
        time_units={_key(f): u for f, u in load_lexicon(lang, "units_time")},
        cues={_key(f): r for f, r in load_lexicon(lang, "number_cues")},
        count_nouns={_key(f): c for f, c in load_lexicon(lang, "count_nouns")},
        boundaries={_key(f): k for f, k in load_lexicon(lang, "count_boundaries")},
        longest=max(len(tokenize(r["form"])) for r in (*hedges, *money)),
    )


def match_forward(tokens: Sequence[Token], i: int, table: dict, longest: int = 3) -> tuple[str, int] | None:
    """The longest form of ``table`` starting at token ``i``: (key, end index) or None."""
    for n in range(min(longest, len(tokens) - i), 0, -1):
        key = _run_key(tokens, i, i + n)
        if key in table and (n == 1 or all(not t.kind == "num" for t in tokens[i:i + n])):
            return key, i + n
    return None


def match_backward(tokens: Sequence[Token], i: int, table: dict, longest: int = 3) -> tuple[str, int] | None:
    """The longest form of ``table`` ending just before token ``i``: (key, start index) or None."""
    for n in range(min(longest, i), 0, -1):
        key = _run_key(tokens, i - n, i)
        if key in table:
            return key, i - n
    return None


def glued(a: Token, b: Token) -> bool:
    """Whether ``b`` follows ``a`` with nothing between them."""
    return not b.spaced and a.end == b.start


def strip_nya(word: str) -> str:
    """ "korbannya" -> "korban" (the possessive suffix; short words are left alone)."""
    w = word.lower()
    return w[:-3] if w.endswith("nya") and len(w) > 5 else w


__all__ = ["Token", "NumberLexicons", "tokenize", "number_lexicons", "match_forward", "match_backward", "glued",
           "strip_nya"]
