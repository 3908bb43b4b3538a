"""What a count measures: deaths, the missing, the injured, the displaced, arrests, troops, damaged houses, ...

A story's figures join one series only when they measure the same thing. The counted noun alone does not say
it: in "17 orang meninggal dan 4 orang masih hilang" both figures count ``orang``, but one counts deaths and the
other the missing. The measure is read from ``lang/*/measure_words.tsv``, in this order:

1. the words right after the count in its clause (its predicate: ``12 orang meninggal``, ``1.500 warga dari
   tiga desa dievakuasi``, ``more than 25 people had died``), nearest first;
2. the counted noun itself (``what``/``unit``: ``3.000 tentara``, ``20 korban jiwa``; a generic word only as its
   head: ``14 korban``, not ``dua anak korban``);
3. the words before the count in its clause (``korban meninggal ... berjumlah 9 orang``), nearest first;
4. a generic word in any of those places (``korban``, ``victims``: casualties, which the story narrows to
   deaths, injured or missing, see :func:`linimasa.stories.figures.figure_records`);
5. an anaphor (``jumlahnya kini 14 orang``, ``angka itu``) takes the measure of the previous sentence.

A clause ends at punctuation and at coordinators and subordinators (``dan``, ``and``, ``sementara``), so in
"12 orang meninggal dan 5 orang hilang" each figure keeps its own predicate. A measure applies only to counted
nouns of a fitting family (``unit_families.tsv``; troops from ``series_units.tsv``): "40 rumah hilang" counts no
missing people. Nouns of no known family take any measure.

>>> [m.measure for m in count_measures(article)]  # doctest: +SKIP
['deaths', 'missing']
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..annotate.clause_grammar import LANGS, Token, grammar, tokenize
from ..annotate.sentences import split_sentences
from ..lang import load_lexicon
from ..model import Article, Count

_AFTER = 6  # words after a count where its predicate may stand
_BEFORE = 12  # words before it, back to the clause start
_BREAK = re.compile(r"[,;:()\"\u201c\u201d.!?]")


@dataclass(frozen=True, slots=True)
class Measure:
    """What one count measures: ``measure`` ("deaths", None when the words do not say), the ``family`` of its
    counted noun ("person"), the ``word`` that gave the measure and, for a generic measure, what the story may
    narrow it to."""

    measure: str | None
    family: str | None
    word: str | None = None
    narrows_to: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Entry:
    measure: str
    scope: str  # predicate | noun | generic | anaphor
    applies_to: frozenset[str] | None  # None: any family
    narrows_to: tuple[str, ...]


@lru_cache(maxsize=None)
def _words() -> tuple[dict[tuple[str, ...], _Entry], int]:
    """``measure_words.tsv`` of every language: words -> entry, and the longest form's length."""
    out: dict[tuple[str, ...], _Entry] = {}
    for lang in LANGS:
        for form, measure, scope, applies_to, narrows_to in load_lexicon(lang, "measure_words"):
            families = None if applies_to == "*" else frozenset(applies_to.split("|"))
            narrows = () if narrows_to == "-" else tuple(narrows_to.split("|"))
            out.setdefault(tuple(form.lower().split()), _Entry(measure, scope, families, narrows))
    return out, max((len(k) for k in out), default=1)


@lru_cache(maxsize=None)
def _families() -> dict[str, str]:
    out: dict[str, str] = {}
    for lang in LANGS:
        for form, family in load_lexicon(lang, "unit_families"):
            out.setdefault(form.lower(), family)
    return out


def unit_family(count: Count) -> str | None:
    """The family of the counted noun: ``unit_families.tsv`` (orang, warga, people -> person), else the series
    unit of ``series_units.tsv`` (tentara, troops -> troops); the unit noun is read before ``what``."""
    families, units = _families(), grammar().units
    for text in (count.unit, count.what):
        words = re.findall(r"[\w-]+", (text or "").lower())
        for i, word in enumerate(words):
            if i + 1 < len(words) and f"{word} {words[i + 1]}" in units:  # "penasihat militer"
                return units[f"{word} {words[i + 1]}"]
            if word in families:
                return families[word]
            if word in units:
                return units[word]
    return None


def count_measures(article: Article) -> tuple[Measure, ...]:
    """One :class:`Measure` per count of ``article`` (same order as ``article.counts``)."""
    if not article.counts:
        return ()
    tokens = tokenize(article.text)
    starts = [t.start for t in tokens]
    sentences = split_sentences(article.text)
    sentence_starts = [s.start for s in sentences]
    out = []
    for count in article.counts:
        k = max(0, bisect.bisect_right(sentence_starts, count.start) - 1)
        sentence = sentences[k] if sentences else None
        previous = sentences[k - 1] if sentences and k > 0 else None
        out.append(_classify(article.text, tokens, starts, count, sentence, previous))
    return tuple(out)


def _classify(text: str, tokens: Sequence[Token], starts: list[int], count: Count, sentence, previous) -> Measure:
    family = unit_family(count)
    lo = bisect.bisect_left(starts, sentence.start) if sentence is not None else 0
    hi = bisect.bisect_left(starts, sentence.end) if sentence is not None else len(tokens)
    first_after = bisect.bisect_left(starts, count.end)
    last_before = bisect.bisect_left(starts, count.start) - 1
    after = _clause(text, tokens, first_after, min(hi, first_after + _AFTER), +1, count.end)
    before = _clause(text, tokens, last_before, max(lo - 1, last_before - _BEFORE), -1, count.start)
    noun = [w for part in (count.unit, count.what) for w in (t.text for t in tokenize(part or ""))]
    unit = [t.text for t in tokenize(count.unit or "")]
    for scopes in (("predicate", "noun"), ("generic",)):
        # a generic word counts in the noun only as its head ("14 korban", not "dua anak korban")
        places = (("after", after), ("noun", noun if scopes[0] != "generic" else unit), ("before", before))
        for where, words in places:
            for entry, form in _matches(words, reverse=where == "before"):
                if entry.scope not in scopes or (entry.scope == "noun" and where != "noun"):
                    continue
                if _fits(entry, family):
                    return Measure(entry.measure, family, " ".join(form), entry.narrows_to)
    if previous is not None and any(e.scope == "anaphor" for words in (before, noun) for e, _ in _matches(words)):
        p_lo, p_hi = bisect.bisect_left(starts, previous.start), bisect.bisect_left(starts, previous.end)
        words = [t.text for t in tokens[p_lo:p_hi]]
        for scopes in (("predicate",), ("generic",)):
            for entry, form in _matches(words, reverse=True):
                if entry.scope in scopes and _fits(entry, family):
                    return Measure(entry.measure, family, " ".join(form), entry.narrows_to)
    return Measure(None, family)


def _clause(text: str, tokens: Sequence[Token], start: int, stop: int, step: int, anchor: int) -> list[str]:
    """Words from token ``start`` towards ``stop`` (exclusive), away from the count at offset ``anchor``, until
    a clause break (punctuation, a coordinator or subordinator); returned in text order."""
    roles = grammar().roles
    out: list[str] = []
    edge = anchor
    k = start
    while (k < stop if step > 0 else k > stop) and 0 <= k < len(tokens):
        token = tokens[k]
        gap = text[edge:token.start] if step > 0 else text[token.end:edge]
        if _BREAK.search(gap) or roles.get(token.text) in ("coordinator", "subordinator"):
            break
        out.append(token.text)
        edge = token.end if step > 0 else token.start
        k += step
    return out if step > 0 else out[::-1]


def _matches(words: Sequence[str], *, reverse: bool = False) -> list[tuple[_Entry, tuple[str, ...]]]:
    """Lexicon entries found in ``words``, longest form first at each position, nearest to the count first
    (the start of ``words`` after a count, its end before one)."""
    lexicon, longest = _words()
    found: list[tuple[int, _Entry, tuple[str, ...]]] = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            entry = lexicon.get(tuple(words[i:i + n]))
            if entry is not None:
                found.append((i + n - 1 if reverse else i, entry, tuple(words[i:i + n])))
                i += n - 1
                break
        i += 1
    found.sort(key=lambda x: -x[0] if reverse else x[0])
    return [(e, f) for _, e, f in found]


def _fits(entry: _Entry, family: str | None) -> bool:
    return entry.applies_to is None or family is None or family in entry.applies_to


__all__ = ["Measure", "count_measures", "unit_family"]
