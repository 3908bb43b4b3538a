"""Every number in an article, parsed and typed: the "numbers" component.

Finds numbers written in digits with the article language's separators (Indonesian ``1.500``, ``2,5``,
``1,3 juta``; English ``10,000``, ``1.5 million``), in words (``dua puluh lima``, ``seribu``, ``ratusan ribu``,
``tens of thousands``), with the hedge that qualifies them (``sekitar`` -> approx, ``lebih dari`` -> more_than;
vague words -> vague), and types each one from the words around it: count, money, percent, measure, duration,
age, ordinal, year, reference (``Pasal 4``), time (``pukul 09.00``), date (``(18/10)``, ``25 Oktober``), score,
or other. Only ``count`` numbers become counts (``counts.py`` adds what is counted).

All word lists are lexicons under ``lang/<lang>/``: number_words, hedges, units_money, units_measure,
units_time, number_cues, count_nouns, count_boundaries.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Sequence

from ..model import Article, Number
from .counted_nouns import counted_head, scraper_glue, unit_text
from .number_tokens import NumberLexicons, Token, glued, match_backward, match_forward, number_lexicons, tokenize
from .number_words import CARDINAL, FRACTION, ORDINAL, VAGUE, read_number

# ------------------------------------------------------------------ reading numbers

_ID_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_EN_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_CLOCK = re.compile(r"\d{1,2}[.:]\d{2}$")


def parse_digits(text: str, lang: str = "id") -> Decimal | None:
    """A digit string with the language's separators -> its value ("1.500" -> 1500, "2,5" -> 2.5 in Indonesian).

    >>> parse_digits("1.500.000,50")
    Decimal('1500000.50')
    """
    group, decimal = (".", ",") if lang != "en" else (",", ".")
    pattern = _ID_THOUSANDS if lang != "en" else _EN_THOUSANDS
    try:
        if pattern.match(text):
            return Decimal(text.replace(group, "").replace(decimal, "."))
        if ":" in text:
            return Decimal(text.replace(":", ".")) if _CLOCK.match(text) else None
        if text.count(decimal) == 1 and group not in text:
            return Decimal(text.replace(decimal, "."))
        if text.count(group) == 1 and decimal not in text:
            # "2.5" in Indonesian text or "2,5" in English: a decimal written the other way
            return Decimal(text.replace(group, "."))
        if text.isdigit():
            return Decimal(text)
    except InvalidOperation:
        return None
    return None


@dataclass(slots=True)
class _Found:
    """A number while it is being read and typed (token indices, half-open)."""

    first: int  # first token of the figure itself
    last: int  # token after the figure (and its scale words)
    value: Decimal
    form: str  # digits | cardinal | vague | ordinal | fraction
    qualifier: str = "exact"
    kind: str = "other"
    unit: str | None = None
    hedge_first: int | None = None  # first token of a hedge before it
    hedge_last: int | None = None  # token after a hedge after it
    is_plain: bool = False  # digits with no separator ("2022")
    is_clock: bool = False  # "09.00", "10:30"


def _read_at(tokens: Sequence[Token], i: int, lex: NumberLexicons) -> _Found | None:
    tok = tokens[i]
    if tok.kind == "num":
        value = parse_digits(tok.text, lex.lang)
        if value is None:
            return None
        found = _Found(i, i + 1, value, "digits", is_plain=tok.text.isdigit(),
                       is_clock=bool(_CLOCK.match(tok.text)) and not tok.text.isdigit())
        money = match_backward(tokens, i, lex.money_prefix) or _money_before_stop(tokens, i, lex)
        j = i + 1
        while j < len(tokens) and tokens[j].kind == "word":
            role = lex.words.role(tokens[j].text)
            abbreviation = lex.words.abbreviations.get(tokens[j].text) or lex.words.abbreviations.get(tokens[j].lower)
            if role and role[0] in ("scale", "hundred") and role[1]:
                found.value *= role[1]
            elif abbreviation and money and not (j + 1 < len(tokens) and tokens[j + 1].kind == "word"
                                                 and glued(tokens[j], tokens[j + 1])):
                found.value *= abbreviation
            else:
                break
            found.is_plain = False
            j += 1
        found.last = _skip_spelled_out(tokens, j, found.value, lex)
        return found
    if tok.kind != "word" or not lex.words.starts_number(tok.text):
        return None
    words = []
    for t in tokens[i:i + 12]:
        if t.kind != "word":
            break
        words.append(t.text)
    read = read_number(words, lex.words)
    if read is None:
        return None
    return _Found(i, i + read.length, read.value, read.form)


def _skip_spelled_out(tokens: Sequence[Token], j: int, value: Decimal, lex: NumberLexicons) -> int:
    """After "3" in "3 (tiga) orang": the index after the bracketed words repeating the number, else ``j``."""
    if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 1].kind == "word":
        k = j + 1
        while k < len(tokens) and tokens[k].kind == "word" and k - j <= 8:
            k += 1
        if k < len(tokens) and tokens[k].text == ")":
            read = read_number([t.text for t in tokens[j + 1:k]], lex.words)
            if read is not None and read.length == k - j - 1 and read.value == value:
                return k + 1
    return j


def _money_before_stop(tokens: Sequence[Token], i: int, lex: NumberLexicons) -> tuple[str, int] | None:
    """A currency prefix written with a full stop ("Rp. 5 juta")."""
    if i >= 2 and tokens[i - 1].text == "." and not tokens[i - 1].spaced:
        key = tokens[i - 2].lower
        if key in lex.money_prefix:
            return key, i - 2
    return None


def _hedges(tokens: Sequence[Token], f: _Found, lex: NumberLexicons) -> None:
    if f.form == VAGUE:
        f.qualifier = "vague"
    before = match_backward(tokens, f.first, lex.hedges_before, lex.longest)
    if before is not None:
        key, start = before
        # "5 hingga 10 orang" is a range, not "up to 10"
        is_range = lex.cues.get(key) == "range" and start > 0 and tokens[start - 1].kind == "num"
        if not is_range:
            f.hedge_first = start
            if f.form != VAGUE:
                f.qualifier = lex.hedges_before[key]
    after = match_forward(tokens, f.last, lex.hedges_after, lex.longest)
    if after is not None and f.form != VAGUE:
        key, end = after
        nxt = tokens[end] if end < len(tokens) else None
        # "3.000 lebih tentara" / "3.000 tentara lebih" -- but not "3 lebih besar", "lebih dari"
        if not (nxt is not None and nxt.kind == "word" and (nxt.lower in lex.boundaries or nxt.lower == "dari")):
            f.qualifier = lex.hedges_after[key]
            f.hedge_last = end
    elif f.form != VAGUE and f.last + 1 < len(tokens) and tokens[f.last].kind == "word" \
            and tokens[f.last].lower in lex.count_nouns:
        # "100 orang lebih." closing its phrase ("100 orang lebih banyak" compares, it hedges nothing)
        after = match_forward(tokens, f.last + 1, lex.hedges_after, lex.longest)
        end = after[1] if after is not None else 0
        if after is not None and tokens[f.last + 1].spaced and (
                end >= len(tokens) or tokens[end].kind == "punct" or tokens[end].lower == "yang"):
            f.qualifier = lex.hedges_after[after[0]]


# ------------------------------------------------------------------ typing

def _prev_word(tokens: Sequence[Token], i: int, skip_stop: bool = True) -> Token | None:
    k = i - 1
    if skip_stop and k >= 0 and tokens[k].text == "." and not tokens[k].spaced:
        k -= 1  # "No. 5", "Oct. 24"
    return tokens[k] if k >= 0 and tokens[k].kind == "word" else None


def _cue(tok: Token | None, lex: NumberLexicons) -> str | None:
    return lex.cues.get(tok.lower) if tok is not None else None


def _classify(tokens: Sequence[Token], f: _Found, lex: NumberLexicons) -> tuple[str, str | None]:
    i, j = f.first, f.last if f.hedge_last is None else f.hedge_last  # "3.000 lebih tentara", "1.500-an warga"
    first = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[j] if j < len(tokens) else None
    prev_word = _prev_word(tokens, i)
    is_int = f.value == f.value.to_integral_value()
    if f.form == ORDINAL:
        return "ordinal", None
    if f.form in (CARDINAL, VAGUE) and first.text[0].isupper() and prev is not None and prev.kind == "word" \
            and prev.text[0].isupper() and not _sentence_start(tokens, i - 1) and nxt is not None \
            and nxt.kind == "word" and nxt.text[0].isupper():
        return "other", None  # "Penjaga Dua Masjid Suci", "Cap Tiga Kaki": part of a name
    if f.form == FRACTION:
        return "other", None
    if f.form == "digits":
        # ordinals "ke-2", "2nd"
        if prev is not None and prev.text == "-" and glued(prev, first) and i > 1 and tokens[i - 2].lower == "ke":
            return "ordinal", None
        if nxt is not None and glued(first, nxt) and nxt.lower in ("st", "nd", "rd", "th"):
            return "ordinal", None
        money = match_backward(tokens, i, lex.money_prefix) or _money_before_stop(tokens, i, lex)
        if money is not None:
            return "money", lex.money_prefix[money[0]]
        # codes glued to letters: "COVID-19", "G20", "F-16", "3G"
        if prev is not None and glued(prev, first) and ((prev.kind == "word" and not scraper_glue(prev)) or (
                prev.text == "-" and i > 1 and tokens[i - 2].kind == "word" and glued(tokens[i - 2], prev))):
            return "other", None
        if nxt is not None and nxt.kind == "word" and glued(tokens[j - 1], nxt) and not (
                nxt.lower in lex.measures or nxt.lower in lex.time_units or scraper_glue(nxt)):
            return "other", None
        # dates "(18/10)", "28/4/2025"
        if (prev is not None and prev.text == "/" and glued(prev, first) and i > 1 and tokens[i - 2].kind == "num") \
                or (nxt is not None and nxt.text == "/" and glued(first, nxt) and j + 1 < len(tokens)
                    and tokens[j + 1].kind == "num"):
            return "date", None
        # clock times
        after = _cue(nxt, lex) if nxt is not None else None
        if f.is_clock and (":" in first.text or _cue(prev_word, lex) == "time_cue"
                           or after in ("time_suffix", "time_zone")):
            return "time", None
        if f.is_plain and f.value <= 24 and lex.lang != "en" and (
                _cue(prev_word, lex) == "time_cue" or after == "time_zone"):
            return "time", None
        if f.is_plain and f.value <= 12 and nxt is not None and _cue(nxt, lex) == "time_suffix" and lex.lang == "en":
            return "time", None
    suffix = match_forward(tokens, j, lex.money_suffix, lex.longest)
    if suffix is not None:
        return "money", lex.money_suffix[suffix[0]]
    measure = match_forward(tokens, j, lex.measures, lex.longest)
    if measure is not None and not (nxt is not None and nxt.kind == "word" and nxt.lower in lex.count_nouns
                                    and len(nxt.text) > 2):
        unit, kind = lex.measures[measure[0]]
        return kind, unit
    if _cue(prev_word, lex) == "measure_cue":
        return "measure", prev_word.lower.removeprefix("ber") if prev_word else None  # "bermagnitudo 5,2"
    if f.form == "digits" and prev_word is not None and _cue(prev_word, lex) == "reference" and not (
            prev is not None and prev.kind == "num"):
        return "reference", None
    # dates: "25 Oktober", "Oct. 24", "tanggal 23", "23-24 Juni"
    month_after = nxt is not None and _cue(nxt, lex) == "month" and nxt.text[0].isupper()
    if not month_after and nxt is not None and lex.cues.get(nxt.lower) == "range" and j + 2 < len(tokens) \
            and tokens[j + 1].kind == "num" and _cue(tokens[j + 2], lex) == "month":
        month_after = True
    if is_int and 1 <= f.value <= 31 and (month_after or _cue(prev_word, lex) == "date_cue"):
        return "date", None
    if _cue(prev_word, lex) == "month" and is_int and prev_word is not None and prev_word.text[0].isupper():
        if f.is_plain and len(first.text) == 4:
            return "year", None
        if 1 <= f.value <= 31:
            return "date", None
    # years
    if f.is_plain and len(first.text) == 4 and 1800 <= f.value <= 2100:
        head = counted_head(tokens, j, lex)
        if head is None or _cue(prev_word, lex) == "year_cue" or tokens[head[1]].lower not in lex.count_nouns:
            return "year", None
    if prev is not None and prev.text == "(" and i > 1 and _cue(tokens[i - 2], lex) == "reference":
        return "reference", None  # "ayat (1)"
    # ages: "J (43)", "berusia 74 tahun", "aged 30", "30-year-old"
    if is_int and 0 < f.value <= 120:
        if prev is not None and prev.text == "(" and nxt is not None and (
                nxt.text == ")" or (nxt.lower in lex.time_units and j + 1 < len(tokens) and tokens[j + 1].text == ")")) \
                and i > 1 and tokens[i - 2].kind == "word":
            return "age", None
        cue = [_cue(t, lex) for t in tokens[max(0, i - 2):i]]
        if "age_cue" in cue:
            return "age", lex.time_units.get(nxt.lower) if nxt is not None else None
        if lex.lang == "en" and nxt is not None and nxt.text == "-" and j + 1 < len(tokens) \
                and tokens[j + 1].lower in ("year-old", "years-old"):
            return "age", "years"  # "45-year-old"
        if lex.lang == "en" and nxt is not None and nxt.lower in ("years", "year") and j + 1 < len(tokens) \
                and tokens[j + 1].lower == "old":
            return "age", "years"
    # scores "menang 2-1"
    if is_int and any(_cue(t, lex) == "score_cue" for t in tokens[max(0, i - 4):i]) and (
            (nxt is not None and nxt.text in "-–" and j + 1 < len(tokens) and tokens[j + 1].kind == "num")
            or (prev is not None and prev.text in "-–" and i > 1 and tokens[i - 2].kind == "num")):
        return "score", None
    duration = match_forward(tokens, j, lex.time_units, lex.longest)
    if duration is not None:
        return "duration", lex.time_units[duration[0]]
    if f.form == "digits" and prev_word is not None and prev_word.text[0].isupper() and prev is prev_word \
            and _cue(prev_word, lex) is None and prev_word.lower not in lex.count_nouns \
            and counted_head(tokens, j, lex) is None and not _sentence_start(tokens, i - 1):
        return "reference", None
    if _cue(prev_word, lex) == "idiom" and prev is prev_word:
        return "other", None
    if is_int and f.value > 0:
        head = counted_head(tokens, j, lex)
        if head is not None:
            return "count", unit_text(tokens[head[1]])
        if nxt is not None and nxt.lower in ("yang", "who") and _cue(prev_word, lex) == "elided" and prev is prev_word:
            return "count", None  # "ada tiga yang terluka": the noun is left out
    return "other", None


def _sentence_start(tokens: Sequence[Token], k: int) -> bool:
    return k == 0 or tokens[k].line_start or tokens[k - 1].text in ".!?\"\u201c:("


def _inherit_ranges(tokens: Sequence[Token], found: list[_Found], lex: NumberLexicons) -> None:
    """ "10-20 orang", "dua atau tiga orang": the first number takes the kind of the second; so does a part
    of a count ("15 dari 20 korban", "15 out of 20 victims")."""
    for a, b in zip(found, found[1:]):
        if a.kind != "other" or b.kind in ("other", "ordinal", "reference", "year"):
            continue
        end = a.last if a.hedge_last is None else a.hedge_last
        between = tokens[end:b.hedge_first if b.hedge_first is not None else b.first]
        role = lex.cues.get(" ".join(t.lower for t in between)) if 1 <= len(between) <= 2 else None
        rank = _cue(_prev_word(tokens, a.hedge_first if a.hedge_first is not None else a.first), lex) == "reference"
        if role == "range" or (role == "partitive" and b.kind == "count" and a.value <= b.value and not rank
                               and a.value == a.value.to_integral_value()):
            a.kind, a.unit = b.kind, b.unit


def _resolve_anaphors(tokens: Sequence[Token], found: list[_Found], lex: NumberLexicons) -> None:
    """ "tiga lainnya", "dua di antaranya": a count of the noun counted just before in the same sentence."""
    for n, f in enumerate(found):
        if f.kind != "other" or f.form not in ("digits", CARDINAL) or f.value != f.value.to_integral_value() \
                or not tokens[f.first].spaced:
            continue
        marker = match_forward(tokens, f.last, lex.cues, lex.longest)
        if marker is None or lex.cues[marker[0]] != "anaphor":
            continue
        for before in reversed(found[:n]):
            if before.kind == "count" and before.unit:
                if f.first - before.last < 60 and sum(
                        t.kind == "punct" and t.text in ".!?" for t in tokens[before.last:f.first]) <= 1:
                    f.kind, f.unit = "count", before.unit
                break


def _resolve_comparisons(tokens: Sequence[Token], found: list[_Found], lex: NumberLexicons) -> None:
    """ "340 foreigners, up from 196 in 2023", "1.245 kasus, naik dari 812": the figure a count is compared
    with counts the same noun."""
    for n, f in enumerate(found):
        if f.kind != "other" or f.form not in ("digits", CARDINAL) or f.value != f.value.to_integral_value():
            continue
        first = f.hedge_first if f.hedge_first is not None else f.first
        marker = match_backward(tokens, first, lex.cues, max(lex.longest, 2))
        if marker is None or lex.cues[marker[0]] != "comparison":
            continue
        for before in reversed(found[:n]):
            if before.kind == "count" and before.unit:
                if f.first - before.last < 30 and not any(t.text in ".!?" for t in tokens[before.last:f.first]):
                    f.kind, f.unit = "count", before.unit
                break


def find_numbers(text: str, lang: str = "id") -> list[tuple[_Found, tuple[Token, ...]]]:
    """Internal form of :func:`extract_numbers` for the count annotator (found numbers and the tokens)."""
    lex = number_lexicons("en" if lang == "en" else "id")
    tokens = tokenize(text)
    found: list[_Found] = []
    i = 0
    while i < len(tokens):
        f = _read_at(tokens, i, lex)
        if f is None:
            i += 1
            continue
        if f.value == f.value.to_integral_value():
            f.value = f.value.to_integral_value()  # "1,1 juta" -> 1100000, not 1100000.0
        _hedges(tokens, f, lex)
        f.kind, f.unit = _classify(tokens, f, lex)
        found.append(f)
        i = max(f.last, i + 1)
    _inherit_ranges(tokens, found, lex)
    _resolve_anaphors(tokens, found, lex)
    _resolve_comparisons(tokens, found, lex)
    return [(f, tokens) for f in found]


def extract_numbers(text: str, lang: str = "id") -> tuple[Number, ...]:
    """Every number in ``text``, parsed and typed.

    >>> [(n.value, n.kind, n.qualifier) for n in extract_numbers("sekitar 1.500 tentara")]
    [(Decimal('1500'), 'count', 'approx')]
    """
    out = []
    for f, tokens in find_numbers(text, lang):
        start = tokens[f.hedge_first if f.hedge_first is not None else f.first].start
        end = tokens[(f.hedge_last if f.hedge_last is not None else f.last) - 1].end
        out.append(Number(start, end, text[start:end], f.value, f.kind, f.qualifier, f.unit))
    return tuple(out)


_EN_HINTS = frozenset(("the", "and", "of", "to", "in", "is", "was", "that", "for", "with", "said"))
_ID_HINTS = frozenset(("yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "pada", "tidak"))


def article_language(article: Article) -> str:
    """ "en" or "id": the article's language field, or a quick guess from common words when it is missing."""
    if article.language:
        return "en" if article.language.startswith("en") else "id"
    words = re.findall(r"[a-z]+", article.text[:3000].lower())
    en = sum(w in _EN_HINTS for w in words)
    return "en" if en > 2 * sum(w in _ID_HINTS for w in words) else "id"


def register(registry) -> None:
    """Register the "numbers" component."""

    @registry.register("numbers", requires=("text", "language"), produces=("numbers",))
    def _numbers(article: Article, resources) -> Article:
        """Every number in the article, parsed and typed (count, money, percent, measure, ...)."""
        return dataclasses.replace(article, numbers=extract_numbers(article.text, article_language(article)))


__all__ = ["parse_digits", "extract_numbers", "find_numbers", "article_language", "register"]
