"""Counts: figures for countable things, with what is counted and when it holds (the "counts" component).

Takes the numbers that ``numbers.py`` typed as ``count`` and adds the counted noun (``unit``: "tentara"), the
counted thing in full (``what``: "tentara Korea Utara", "tentara khusus dari Korut", "North Korean troops"),
and ``as_of``, the date of the time expression governing the same clause (from ``dates.clause_date``).
``claimant`` stays empty here; the "claimants" component fills it.

Money, percentages, measurements, durations, ages, years, ordinals, dates and reference numbers are not
counts; the numbers component has already told them apart.
"""
from __future__ import annotations

import bisect
import re
import dataclasses
from typing import Callable, Sequence

from ..model import Article, Count, Number, Span
from .sentences import sentence_at, split_sentences
from .counted_nouns import counted_head, is_verb_like, unit_text
from .number_tokens import NumberLexicons, Token, number_lexicons, tokenize
from .numbers import article_language

try:  # dates.py is written alongside; without it counts simply have no as_of
    from .dates import clause_date as _clause_date
except ImportError:  # pragma: no cover - only while dates.py is missing
    _clause_date = None

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")

#: most words of a counted phrase after its head noun ("tentara khusus dari Korut")
MAX_MODIFIERS = 4


def _what_id(tokens: Sequence[Token], head: int, noun: int, lex: NumberLexicons) -> int:
    """Index of the token after the counted phrase that starts at ``noun`` (Indonesian: head first)."""
    k = noun + 1
    taken = 0
    while k < len(tokens) and taken < MAX_MODIFIERS:
        tok = tokens[k]
        if not tok.spaced and tok.text == "-" and k + 1 < len(tokens) and tokens[k + 1].kind != "punct" \
                and not tokens[k + 1].spaced:
            k += 2  # a code glued to the phrase: "jet tempur J-15", "pesawat P-3C"
            while k < len(tokens) and not tokens[k].spaced and tokens[k].kind != "punct":
                k += 1
            continue
        if tok.kind != "word" or not tok.spaced and tokens[k - 1].kind != "word":
            break
        if tok.lower in ("dari", "asal") and k + 1 < len(tokens) and tokens[k + 1].kind == "word" \
                and tokens[k + 1].text[0].isupper():
            k += 2  # "tentara khusus dari Korut"
            taken += 2
            continue
        if tok.text[0].isupper():
            if tok.line_start or lex.cues.get(tok.lower) == "month":
                break
            k += 1
            taken += 1
            continue
        if tok.lower in lex.boundaries or is_verb_like(tok.text, lex) or tok.lower in lex.cues \
                or lex.words.role(tok.lower) or tok.lower in lex.time_units:
            break
        k += 1
        taken += 1
    return k


def counted_phrase(tokens: Sequence[Token], j: int, lex: NumberLexicons) -> tuple[str, int, int] | None:
    """For a count whose number ends before token ``j``: (unit, first token of what, token after what)."""
    found = counted_head(tokens, j, lex)
    if found is None:
        return None
    head, noun = found
    unit = unit_text(tokens[noun])
    if lex.lang == "en":
        first = j
        while first < noun and tokens[first].lower in ("of", "the", "their", "its", "these", "those"):
            first += 1
        return unit, first, noun + 1
    return unit, noun, _what_id(tokens, head, noun, lex)


def _relative_clause(text: str, tokens: Sequence[Token], j: int, lex: NumberLexicons) -> tuple[str | None, int]:
    """ "ada tiga yang mengalami luka": the clause standing for the left-out noun, and where it ends."""
    k = j + 1
    while k < len(tokens) and k - j <= MAX_MODIFIERS and tokens[k].kind == "word" \
            and lex.boundaries.get(tokens[k].lower, "predicate") == "predicate":
        k += 1
    if k == j + 1:
        return None, tokens[j - 1].end
    return text[tokens[j].start:tokens[k - 1].end], tokens[k - 1].end




#: "jumlah X ... N orang", "total X ... N orang": the classifier after the number counts X
_AMOUNT_WORDS = ("jumlah", "total")
_AMOUNT_REACH = 12


def _amount_of(text: str, tokens: Sequence[Token], starts: list[int], at: int,
               lex: NumberLexicons) -> tuple[str, str] | None:
    """(unit, what) named by "jumlah <noun phrase>" earlier in the clause of a number at ``at``, if any."""
    j = bisect.bisect_left(starts, at)
    for k in range(j - 1, max(-1, j - 1 - _AMOUNT_REACH), -1):
        tok = tokens[k]
        if tok.kind == "num" or tok.text in ".;:!?\"\u201c\u201d":
            return None
        if tok.lower in _AMOUNT_WORDS and k + 1 < j - 1:
            phrase = counted_phrase(tokens, k + 1, lex)
            if phrase is None or lex.count_nouns.get(tokens[k + 1].lower) == "classifier" \
                    or not tokens[k + 1].text[:1].islower():
                return None
            unit, first, last = phrase
            if last > j:
                return None
            return unit, text[tokens[first].start:tokens[last - 1].end]
        if tok.line_start:
            return None
    return None


def extract_counts(text: str, numbers: Sequence[Number], lang: str = "id",
                   date_of: Callable[[int, int], str | None] | None = None) -> tuple[Count, ...]:
    """Counts for the ``count`` numbers in ``numbers`` (as ``extract_numbers`` typed them).

    ``date_of(start, end)`` gives the date governing a span (``as_of``), when known.

    >>> from linimasa.annotate.numbers import extract_numbers
    >>> t = "Sekitar 1.500 tentara khusus dari Korut tiba."
    >>> [(c.value, c.unit, c.what) for c in extract_counts(t, extract_numbers(t))]
    [(Decimal('1500'), 'tentara', 'tentara khusus dari Korut')]
    """
    lex = number_lexicons("en" if lang == "en" else "id")
    tokens = tokenize(text)
    starts = [t.start for t in tokens]
    out = []
    for number in numbers:
        if number.kind != "count":
            continue
        j = bisect.bisect_left(starts, number.end)
        phrase = counted_phrase(tokens, j, lex)
        if phrase is None and number.unit is None:
            unit, (what, end) = None, _relative_clause(text, tokens, j, lex)
        elif phrase is None:
            unit, what, end = number.unit, number.unit, number.end
        else:
            unit, first, last = phrase
            end = tokens[last - 1].end
            what = text[tokens[first].start:end]
            glued = _CAMEL.search(what)
            if glued:  # scraper damage: "warga KabupatenGarutakibat" -> "warga Kabupaten"
                what = what[:glued.start()]
                end = tokens[first].start + len(what)
            if last == first + 1 and lex.count_nouns.get(tokens[first].lower) == "classifier":
                named = _amount_of(text, tokens, starts, number.start, lex)
                if named is not None:  # "jumlah penasihat ... kini lebih dari 600 orang": 600 advisers
                    unit, what = named
        as_of = date_of(number.start, end) if date_of is not None else None
        out.append(Count(number.start, end, text[number.start:end], number.value, number.qualifier, unit, what,
                         as_of=as_of))
    return tuple(out)


def _previous_sentence_date(article: Article, sentences: tuple[Span, ...], start: int) -> str | None:
    """The date of the sentence before, in the same paragraph, for a figure whose own sentence has none.

    ("Pada Jumat (18/10), intelijen Korsel mengungkapkan ... . Mereka mengklaim sekitar 1.500 tentara ...")
    """
    here = sentence_at(sentences, start)
    if here is None or _clause_date is None:
        return None
    k = sentences.index(here)
    if k == 0:
        return None
    before = sentences[k - 1]
    if "\n" in article.text[before.end:here.start]:
        return None
    return _clause_date(article, before.start, before.start)


def register(registry) -> None:
    """Register the "counts" component."""

    @registry.register("counts", requires=("text", "numbers", "timexes"), produces=("counts",))
    def _counts(article: Article, resources) -> Article:
        """Counts of countable things, with the counted noun, the counted thing in full and as_of."""
        sentences = split_sentences(article.text) if _clause_date is not None else ()

        def date_of(start: int, end: int) -> str | None:
            if _clause_date is None:
                return None
            own = _clause_date(article, start, end, for_count=True)
            return own or _previous_sentence_date(article, sentences, start)
        counts = extract_counts(article.text, article.numbers, article_language(article), date_of)
        return dataclasses.replace(article, counts=counts)


__all__ = ["extract_counts", "counted_phrase", "register", "MAX_MODIFIERS"]
