"""Number words: "dua puluh lima", "seratus", "ratusan ribu", "kedua", "tens of thousands".

No library parses Indonesian number words, so this module reads them with a small state machine over the roles
listed in ``lang/<lang>/number_words.tsv`` (unit, teen, tens_mult, hundred, scale, vague, ordinal, ...). The
same machine reads English ("twenty-five thousand", "a hundred and five"), with English data.

``read_number(words, table)`` reads the longest number-word expression at the start of a word sequence (the
detector in ``numbers.py`` calls it), ``parse_number_words(text)`` reads a whole string, and ``to_words_id(n)``
writes an integer out in Indonesian (used by the property tests, and handy for generating examples).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Sequence

from ..lang import load_lexicon

CARDINAL, VAGUE, ORDINAL, FRACTION = "cardinal", "vague", "ordinal", "fraction"


@dataclass(frozen=True, slots=True)
class NumberWords:
    """One language's number words: lower-cased form -> (role, value); abbreviations keep their case."""

    lang: str
    roles: dict[str, tuple[str, Decimal | None]]
    abbreviations: dict[str, Decimal]

    def role(self, word: str) -> tuple[str, Decimal | None] | None:
        return self.roles.get(word.lower())

    def prefix(self, role: str) -> str | None:
        """The form of a prefix role ("ke" for ordinal_prefix), if the language has one."""
        for form, (r, _) in self.roles.items():
            if r == role:
                return form
        return None

    def starts_number(self, word: str) -> bool:
        """Whether ``word`` can begin a number-word expression (cheap pre-check for the detector)."""
        w = word.lower()
        if w in self.roles:
            return self.roles[w][0] not in ("conjunction", "ordinal_prefix", "fraction_prefix", "scale_abbrev")
        ke = self.prefix("ordinal_prefix")
        if ke and w.startswith(ke) and len(w) > len(ke) + 2:
            return True
        return "-" in w and all(p in self.roles for p in w.split("-"))


@lru_cache(maxsize=None)
def number_words(lang: str = "id") -> NumberWords:
    """The number-word table of ``lang`` (cached per process)."""
    roles: dict[str, tuple[str, Decimal | None]] = {}
    abbreviations: dict[str, Decimal] = {}
    for form, value, role in load_lexicon(lang, "number_words"):
        number = None if value == "-" else Decimal(value)
        if role == "scale_abbrev":
            abbreviations[form] = number  # type: ignore[assignment]
        else:
            roles[form.lower()] = (role, number)
    return NumberWords(lang, roles, abbreviations)


@dataclass(frozen=True, slots=True)
class WordNumber:
    """A number read from words: its value, how many words it took, and its form (cardinal, vague, ...)."""

    value: Decimal
    length: int
    form: str


class _Group:
    """The below-a-thousand group being read: hundreds, rest, and what the rest can still take."""

    __slots__ = ("hundreds", "rest", "state", "has_hundreds")

    def __init__(self) -> None:
        self.hundreds = 0
        self.rest = 0
        self.state = "empty"  # empty | unit | tens | tens_unit | closed
        self.has_hundreds = False

    @property
    def value(self) -> int:
        return self.hundreds + self.rest

    @property
    def is_empty(self) -> bool:
        return self.state == "empty" and not self.has_hundreds


def _split_atoms(words: Sequence[str], table: NumberWords) -> list[tuple[str, Decimal | None, int]]:
    """Words -> (role, value, index of the word it came from); hyphenated words ("twenty-five") split."""
    atoms: list[tuple[str, Decimal | None, int]] = []
    for i, word in enumerate(words):
        parts = word.lower().split("-") if "-" in word else [word.lower()]
        found = [table.roles.get(p) for p in parts]
        if any(f is None for f in found):
            break
        atoms.extend((f[0], f[1], i) for f in found)  # type: ignore[index]
    return atoms


def _read_cardinal(atoms: list[tuple[str, Decimal | None, int]]) -> tuple[Decimal, int] | None:
    """Longest cardinal at the start of ``atoms``: (value, number of words) or None."""
    total = 0
    last_scale: int | None = None
    group = _Group()
    best: tuple[Decimal, int] | None = None
    zero_only = False
    for k, (role, value, word_index) in enumerate(atoms):
        v = int(value) if value is not None and value == value.to_integral_value() else None
        nxt = atoms[k + 1][0] if k + 1 < len(atoms) else None
        accept = True
        if zero_only:
            break
        if role == "unit" and v is not None:
            if v == 0:
                if total or not group.is_empty or k:
                    break
                zero_only = True
            elif group.state == "empty":
                group.rest, group.state = v, "unit"
            elif group.state == "tens":
                group.rest, group.state = group.rest + v, "tens_unit"
            else:
                break
        elif role == "teen" and v is not None:
            if group.state != "empty":
                break
            group.rest, group.state = v, "closed"
        elif role == "tens" and v is not None:
            if group.state != "empty":
                break
            group.rest, group.state = v, "tens"
        elif role == "tens_mult":
            if group.state != "unit":
                break
            group.rest, group.state = group.rest * 10, "tens"
        elif role == "teen_suffix":
            if group.state != "unit":
                break
            group.rest, group.state = group.rest + 10, "closed"
        elif role == "hundred":
            if group.state != "unit" or group.has_hundreds:
                break
            group.hundreds, group.rest, group.state, group.has_hundreds = group.rest * 100, 0, "empty", True
        elif role == "hundred_one":
            if not group.is_empty:
                break
            group.hundreds, group.has_hundreds = 100, True
        elif role == "scale" and v is not None:
            if group.is_empty or (last_scale is not None and v >= last_scale) or group.value >= 1000:
                break
            total += group.value * v
            last_scale, group = v, _Group()
        elif role == "scale_one" and v is not None:
            if not group.is_empty or (last_scale is not None and v >= last_scale):
                break
            total += v
            last_scale = v
        elif role == "article":
            if k != 0 or nxt not in ("hundred", "scale", "teen"):
                break
            if nxt != "teen":  # "a hundred", "a million"; "a dozen" is the dozen alone
                group.rest, group.state = 1, "unit"
            accept = False
        elif role == "conjunction":
            if not (group.has_hundreds or last_scale) or group.state != "empty" or nxt not in ("unit", "teen", "tens"):
                break
            accept = False
        else:
            break
        if accept:
            best = (Decimal(total + group.value), word_index + 1)
    return best


def _read_ordinal(word: str, table: NumberWords) -> Decimal | None:
    """ "kedua" -> 2, "keseratus" -> 100, "ketiganya" -> 3, "pertama" -> 1 (None if not an ordinal)."""
    w = word.lower()
    found = table.roles.get(w)
    if found and found[0] == "ordinal":
        return found[1]
    ke = table.prefix("ordinal_prefix")
    if not ke or not w.startswith(ke):
        return None
    rest = w[len(ke):]
    for stem in (rest, rest[:-3] if rest.endswith("nya") else None):
        if stem:
            parsed = _read_cardinal(_split_atoms([stem], table))
            if parsed and parsed[1] == 1:
                return parsed[0]
    return None


def read_number(words: Sequence[str], table: NumberWords) -> WordNumber | None:
    """Read the longest number-word expression at the start of ``words``.

    >>> read_number("dua puluh lima tentara".split(), number_words("id"))
    WordNumber(value=Decimal('25'), length=3, form='cardinal')
    """
    if not words:
        return None
    first = words[0].lower()
    found = table.roles.get(first)
    role = found[0] if found else None
    if role == "vague" or (role == "some" and len(words) > 1):
        return _read_vague(words, table)
    ordinal = _read_ordinal(first, table)
    if ordinal is not None and role not in ("unit", "teen", "hundred_one", "scale_one"):
        return WordNumber(ordinal, 1, ORDINAL)
    if role == "fraction":
        scaled = _read_scaled_fraction(found[1], words[1:], table)  # type: ignore[index,arg-type]
        if scaled is not None:
            return WordNumber(scaled[0], scaled[1] + 1, CARDINAL)  # "setengah juta", "half a million"
        return WordNumber(found[1], 1, FRACTION)  # type: ignore[index,arg-type]
    atoms = _split_atoms(words, table)
    cardinal = _read_cardinal(atoms)
    if cardinal is None:
        return None
    value, length = cardinal
    fraction = _read_fraction_tail(words[length:], table)
    if fraction is not None and value < 10:
        return WordNumber(value * fraction, length + 1, FRACTION)
    # Indonesian puts the half after the whole: "dua setengah" is 2.5 ("one half" is no such thing)
    half = table.roles.get(words[length].lower()) if length < len(words) and value < 10 and table.lang == "id" else None
    if half is not None and half[0] == "fraction" and half[1] is not None:
        scaled = _read_scaled_fraction(value + half[1], words[length + 1:], table)
        if scaled is not None:  # "satu setengah juta": 1.5 million
            return WordNumber(scaled[0], length + 1 + scaled[1], CARDINAL)
        return WordNumber(value + half[1], length + 1, CARDINAL)  # "dua setengah tahun": 2.5
    return WordNumber(value, length, CARDINAL)


def _read_scaled_fraction(value: Decimal, words: Sequence[str], table: NumberWords) -> tuple[Decimal, int] | None:
    """A fraction times the scale word after it ("juta", "a million"): (value, words read) or None."""
    k = 0
    if k < len(words) and (table.roles.get(words[k].lower()) or ("",))[0] == "article":
        k += 1
    found = table.roles.get(words[k].lower()) if k < len(words) else None
    if found is None or found[0] != "scale" or found[1] is None:
        return None
    return value * found[1], k + 1


def _read_fraction_tail(words: Sequence[str], table: NumberWords) -> Decimal | None:
    """ "pertiga" after a cardinal ("dua pertiga") -> 1/3."""
    per = table.prefix("fraction_prefix")
    if not words or not per:
        return None
    w = words[0].lower()
    if not w.startswith(per) or len(w) <= len(per):
        return None
    parsed = _read_cardinal(_split_atoms([w[len(per):]], table))
    if parsed and parsed[1] == 1 and parsed[0] > 1:
        return Decimal(1) / parsed[0]
    return None


def _read_vague(words: Sequence[str], table: NumberWords) -> WordNumber | None:
    """ "ribuan" -> 1000, "ratusan ribu" -> 100000, "tens of thousands" -> 10000, "beberapa ratus" -> 100."""
    role, value = table.roles[words[0].lower()]
    i = 1
    if role == "some":
        nxt = table.roles.get(words[1].lower())
        if not nxt or nxt[0] not in ("hundred", "scale", "vague"):
            return None
        value, i = nxt[1], 2
    total = value or Decimal(1)
    last = total
    while i < len(words):
        w = words[i].lower()
        step = 1
        if w == "of" and i + 1 < len(words):  # "tens of thousands", "hundreds of millions"
            w, step = words[i + 1].lower(), 2
            nxt = table.roles.get(w)
            if not nxt or nxt[0] not in ("vague", "scale"):
                break
        else:
            nxt = table.roles.get(w)
            if not nxt or nxt[0] not in ("scale", "hundred"):
                break
        scale = nxt[1] or Decimal(1)
        if scale <= last:
            break
        total *= scale
        last = scale
        i += step
    return WordNumber(total, i, VAGUE)


def parse_number_words(text: str, lang: str = "id") -> Decimal | None:
    """The value of ``text`` when all of it is one number written in words, else None.

    >>> parse_number_words("dua ratus lima puluh ribu")
    Decimal('250000')
    >>> parse_number_words("ratusan ribu")
    Decimal('100000')
    """
    words = text.replace(",", " ").split()
    if not words:
        return None
    found = read_number(words, number_words(lang))
    if found is None or found.length != len(words):
        return None
    return found.value


@lru_cache(maxsize=None)
def _id_forms() -> dict[tuple[str, int], str]:
    """(role, value) -> the first form the Indonesian lexicon lists for it."""
    forms: dict[tuple[str, int], str] = {}
    for form, (role, value) in number_words("id").roles.items():
        if value is not None and value == value.to_integral_value():
            forms.setdefault((role, int(value)), form)
    return forms


def _below_thousand_id(n: int) -> list[str]:
    forms = _id_forms()
    out: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        out.append(forms[("hundred_one", 100)])
    elif hundreds:
        out += [forms[("unit", hundreds)], forms[("hundred", 100)]]
    if rest in (10, 11):
        out.append(forms[("teen", rest)])
    elif 12 <= rest <= 19:
        out += [forms[("unit", rest - 10)], forms[("teen_suffix", 10)]]
    elif rest >= 20:
        tens, units = divmod(rest, 10)
        out += [forms[("unit", tens)], forms[("tens_mult", 10)]]
        if units:
            out.append(forms[("unit", units)])
    elif rest:
        out.append(forms[("unit", rest)])
    return out


def to_words_id(n: int) -> str:
    """Write a non-negative integer below 10**15 in Indonesian words.

    >>> to_words_id(1_250_011)
    'satu juta dua ratus lima puluh ribu sebelas'
    """
    if n < 0 or n >= 10**15:
        raise ValueError(f"to_words_id takes 0 <= n < 10**15, not {n}")
    forms = _id_forms()
    if n == 0:
        return forms[("unit", 0)]
    scales = sorted((v for (role, v) in forms if role == "scale"), reverse=True)
    out: list[str] = []
    for scale in scales:
        q, n = divmod(n, scale)
        if q == 1 and ("scale_one", scale) in forms and scale == 1000:
            out.append(forms[("scale_one", scale)])
        elif q:
            out += _below_thousand_id(q) + [forms[("scale", scale)]]
    out += _below_thousand_id(n)
    return " ".join(out)


__all__ = ["NumberWords", "WordNumber", "number_words", "read_number", "parse_number_words", "to_words_id",
           "CARDINAL", "VAGUE", "ORDINAL", "FRACTION"]
