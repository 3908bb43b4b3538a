"""Which word after a number is the counted noun: "12.000 tentara", "tiga orang saksi", "10,000 North Korean troops".

A number counts something when the word after it is a known count noun (``count_nouns`` lexicon), a classifier
("orang", "unit", "buah", "ekor": then the noun after it is the counted thing when the lexicon knows it), or any
other lower-case content word that is no boundary word, unit, cue or verb (Indonesian verb prefixes me-, ber-,
di-, ter-; English -ed/-ing). English puts the noun last: adjectives and names may stand between.
"""
from __future__ import annotations

import re
from typing import Sequence

from .number_tokens import NumberLexicons, Token, strip_nya

_ID_VERB = re.compile(r"^(?:me[mn]?|meng|meny|ber|di|ter)[a-z]{3,}$")
_EN_VERB = re.compile(r"^[a-z]{3,}(?:ed|ing)$")
#: a people named after a place, in the plural: "nine Russians", "two Israelis"
_EN_DEMONYM = re.compile(r"^[A-Z][a-z]{2,}(?:ans|is)$")


def is_verb_like(word: str, lex: NumberLexicons) -> bool:
    """A lower-case word that looks like a verb (Indonesian verb prefixes, English -ed/-ing) and no count noun."""
    w = word.lower()
    if w in lex.count_nouns:
        return False
    return bool((_EN_VERB if lex.lang == "en" else _ID_VERB).match(w))


_NOT_NOUN_CUES = frozenset(("month", "time_suffix", "time_zone", "anaphor", "range", "elided", "idiom"))


def _blocks(word: str, lex: NumberLexicons) -> bool:
    """A boundary word that cannot be counted itself (predicates like "luka-luka" can: "tujuh luka-luka")."""
    return lex.boundaries.get(word, "predicate") != "predicate"


def noun_like(tok: Token, lex: NumberLexicons) -> bool:
    """A lower-case content word that could be a noun (not a boundary word, a unit, a cue or a verb)."""
    if tok.kind != "word":
        return False
    w = tok.lower
    base = strip_nya(w)
    if base in lex.count_nouns or w in lex.count_nouns:
        return True
    if not tok.text[0].islower() or len(w) < 3:
        return False
    for stem in (w[:-3] if w.endswith("-an") else None, w[:-2] if w.endswith("an") else None):
        if stem and (stem in lex.measures or stem in lex.time_units):
            return False  # "200 meter-an", "30 menitan", "7 jaman": about so much, no count
    if _blocks(w, lex) or _blocks(base, lex) or w in lex.time_units or w in lex.measures \
            or lex.cues.get(w) in _NOT_NOUN_CUES:
        return False
    if w in lex.money_suffix or lex.words.role(w) or is_verb_like(w, lex):
        return False
    return True


def counted_head(tokens: Sequence[Token], j: int, lex: NumberLexicons) -> tuple[int, int] | None:
    """Where the counted noun after a number at token ``j`` is: (classifier-or-noun index, noun index).

    The two indices differ after a classifier: in "tiga orang saksi" they point at "orang" and "saksi".
    """
    if j >= len(tokens):
        return None
    if lex.lang == "en":
        return _counted_head_en(tokens, j, lex)
    tok = tokens[j]
    if tok.kind == "word" and not tok.spaced and not scraper_glue(tok):
        return None
    if tok.text == "(" and j + 2 < len(tokens) and tokens[j + 2].text == ")" \
            and lex.count_nouns.get(tokens[j + 1].lower, "classifier") != "classifier":
        return j + 1, j + 1  # "yang tiga (tersangka)"
    if tok.kind != "word":
        return None
    base = strip_nya(tok.text)
    cls = lex.count_nouns.get(tok.lower) or lex.count_nouns.get(base)
    if not tok.text[0].islower() and cls is None:
        if _is_acronym(tok, lex):
            return j, j  # "5 IUP", "21 PI": an abbreviated noun
        return None  # "Cap Dua Manggis", "3 Juni"
    if cls is None and not noun_like(tok, lex):
        return None
    if cls == "classifier" and j + 1 < len(tokens):
        nxt = tokens[j + 1]
        known = lex.count_nouns.get(strip_nya(nxt.text), "classifier") != "classifier"
        if nxt.spaced and nxt.kind == "word" and nxt.text[0].islower() and (known or (
                noun_like(nxt, lex) and nxt.lower not in lex.boundaries)):
            return j, j + 1  # "tiga orang saksi", "12 unit ekskavator"; not "dua orang tewas"
    return j, j


def _is_acronym(tok: Token, lex: NumberLexicons) -> bool:
    """An all-capitals abbreviation that names no unit, zone or month ("IUP", "TPS", not "WIB", "KM")."""
    w = tok.lower
    return (tok.text.isalpha() and tok.text.isupper() and 2 <= len(tok.text) <= 6 and tok.spaced
            and w not in lex.measures and w not in lex.time_units and w not in lex.money_suffix
            and w not in lex.money_prefix and w not in lex.cues and not _blocks(w, lex))


def _counted_head_en(tokens: Sequence[Token], j: int, lex: NumberLexicons) -> tuple[int, int] | None:
    k = j
    if tokens[k].lower == "of":  # "thousands of troops", "two of the victims"
        if j > 0 and tokens[j - 1].lower == "one":
            return None  # "one of the largest seizures", "one of the banks": singles one out, counts nothing
        k += 1
        if k < len(tokens) and tokens[k].lower in ("the", "their", "its", "these", "those"):
            k += 1
    for n in range(k, min(k + 4, len(tokens))):
        tok = tokens[n]
        if tok.kind != "word":
            return None
        w = tok.lower
        if w in lex.count_nouns:
            return n, n
        if _blocks(w, lex) or w in lex.time_units or w in lex.measures or w in lex.money_suffix or w in lex.cues:
            return None
        if tok.text[0].islower() and len(w) > 3 and w.endswith("s") and not w.endswith("ss") \
                and not is_verb_like(w, lex):
            return n, n
        if _EN_DEMONYM.match(tok.text) and not (n + 1 < len(tokens) and tokens[n + 1].text[:1].isupper()):
            return n, n
    return None


def scraper_glue(tok: Token) -> bool:
    """A long lower-case word glued to a number by a scraper ("19wisatawan", "mengembalikan4"), not a code."""
    return len(tok.text) > 4 and tok.text[:4].islower()


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def unit_text(tok: Token) -> str:
    """The counted noun as a unit: lower case (acronyms kept), without "-nya" or scraper-glued words."""
    text = _CAMEL.split(tok.text)[0] if tok.text[:1].islower() else tok.text  # "mahasiswaMalaysiameninggal"
    w = text if text.isupper() and len(text) > 1 else text.lower()
    return w[:-3] if w.endswith("nya") and len(w) > 5 else w


__all__ = ["is_verb_like", "noun_like", "counted_head", "unit_text", "scraper_glue"]
