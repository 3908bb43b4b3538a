"""The words the time-expression detector knows, read from the ``time_*`` lexicons of every language.

Indonesian news mixes languages (``Selasa 22 Oct 2024``), so the detector always uses the Indonesian and the
English lexicons together. Each lexicon form becomes a regular-expression alternative in the spellings news
text uses: lower case (unless the lexicon says the form needs a capital, as ``Minggu`` "Sunday" against
``minggu`` "week"), Title case and UPPER case. Lookups go through :func:`key`, which folds case and apostrophes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import load_lexicon

LANGS = ("id", "en")


def key(text: str) -> str:
    """Lookup key for a matched form: lower case, one space, plain apostrophe (``Jum’at`` -> ``jum'at``)."""
    return " ".join(text.replace("\u2019", "'").replace("`", "'").lower().split())


def _variants(form: str, case: str = "any") -> set[str]:
    title = form[:1].upper() + form[1:]
    out = {title, form.upper()}
    if case == "any":
        out.add(form)
    return out


def alternation(forms: dict[str, str] | set[str] | tuple[str, ...]) -> str:
    """A regex alternation of forms (longest first); ``forms`` maps a form to its case rule, or lists forms."""
    spelled: set[str] = set()
    items = forms.items() if isinstance(forms, dict) else ((f, "any") for f in forms)
    for form, case in items:
        spelled |= _variants(form, case)
    parts = []
    for s in sorted(spelled, key=lambda s: (-len(s), s)):
        pattern = r"\s+".join(re.escape(w) for w in s.split())
        parts.append(pattern.replace("'", "['\u2019`]?"))
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class TimeWords:
    """Everything the detector and the normaliser read from the lexicons (built once per process)."""

    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_kinds: dict[str, str]
    units: dict[str, str]
    directions: dict[str, tuple[int, str, str]]  # form -> (offset, anchor, position)
    numbers: dict[str, int | None]  # None: a vague quantity ("beberapa")
    relative_days: dict[str, tuple[int, str | None, str | None]]  # offset, part of day, value inside quotes
    parts_of_day: dict[str, str]
    seasons: dict[str, str]
    modifiers: dict[str, str]
    zones: dict[str, str]
    vague: dict[str, str]
    tense: dict[str, str]
    year_before: frozenset[str]
    year_after: frozenset[str]
    cues: dict[str, tuple[str, ...]]  # role -> forms (time_cues: preposition, clock, approx, ...)
    # regex fragments
    month_re: str
    month_full_re: str
    weekday_re: str
    weekday_any_re: str
    unit_re: str
    dir_post_re: str
    dir_pre_re: str
    number_re: str
    relative_day_re: str
    part_re: str
    season_re: str
    modifier_re: str
    zone_re: str
    vague_re: str


def _rows(name: str) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for lang in LANGS:
        rows.extend(load_lexicon(lang, name).rows)
    return rows


def _cased(rows: list[tuple[str, ...]], case_col: int) -> dict[str, str]:
    """form -> case rule; a form that any language allows in lower case is allowed in lower case."""
    out: dict[str, str] = {}
    for row in rows:
        form, case = key(row[0]), row[case_col]
        if out.get(form) != "any":
            out[form] = case
    return out


@lru_cache(maxsize=None)
def time_words() -> TimeWords:
    """Build (once) the detector vocabulary from the ``time_*`` lexicons of Indonesian and English."""
    months_rows = _rows("time_months")
    weekday_rows = _rows("time_weekdays")
    months = {key(r[0]): int(r[1]) for r in months_rows}
    month_case = _cased(months_rows, 3)
    full_months = {f: c for f, c in month_case.items() if any(key(r[0]) == f and r[2] == "full" for r in months_rows)}
    weekdays = {key(r[0]): int(r[1]) for r in weekday_rows}
    kinds = {key(r[0]): r[2] for r in weekday_rows}
    weekday_case = _cased(weekday_rows, 3)
    directions = {key(r[0]): (int(r[1]), r[2], r[3]) for r in _rows("time_directions")}
    numbers = {key(r[0]): (None if r[1] == "-" else int(r[1])) for r in _rows("time_numbers")}
    relative_days = {key(r[0]): (int(r[1]), None if r[2] == "-" else r[2], None if r[3] == "-" else r[3])
                     for r in _rows("time_relative_days")}
    parts = {key(r[0]): r[1] for r in _rows("time_parts_of_day")}
    seasons = {key(r[0]): r[1] for r in _rows("time_seasons")}
    modifiers = {key(r[0]): r[1] for r in _rows("time_modifiers")}
    zones = {r[0].upper(): r[1] for r in _rows("time_zones")}
    vague = {key(r[0]): r[1] for r in _rows("time_vague")}
    tense = {key(r[0]): r[1] for r in _rows("time_tense")}
    context = _rows("time_year_context")
    units = {key(r[0]): r[1] for r in _rows("time_units")}
    cues: dict[str, tuple[str, ...]] = {}
    for form, role in _rows("time_cues"):
        cues[role] = cues.get(role, ()) + (key(form),)
    return TimeWords(
        months=months, weekdays=weekdays, weekday_kinds=kinds, units=units, directions=directions,
        numbers=numbers, relative_days=relative_days, parts_of_day=parts, seasons=seasons, modifiers=modifiers,
        zones=zones, vague=vague, tense=tense,
        year_before=frozenset(key(r[0]) for r in context if r[1] == "before"),
        year_after=frozenset(key(r[0]) for r in context if r[1] == "after"),
        cues=cues,
        month_re=alternation(month_case),
        month_full_re=alternation(full_months),
        weekday_re=alternation({f: c for f, c in weekday_case.items() if kinds[f] == "full"}),
        weekday_any_re=alternation(weekday_case),
        unit_re=alternation(tuple(units)),
        dir_post_re=alternation(tuple(f for f, d in directions.items() if d[2] == "post")),
        dir_pre_re=alternation(tuple(f for f, d in directions.items() if d[2] == "pre")),
        number_re=alternation(tuple(numbers)),
        relative_day_re=alternation(tuple(relative_days)),
        part_re=alternation(tuple(parts)),
        season_re=alternation(tuple(seasons)),
        modifier_re=alternation(tuple(modifiers)),
        zone_re="(?:" + "|".join(sorted((re.escape(z) for z in zones), key=len, reverse=True)) + ")",
        vague_re=alternation(tuple(vague)),
    )


def cue_re(words: TimeWords, role: str) -> str:
    """Regex alternation of the ``time_cues`` forms with ``role``."""
    return alternation(words.cues.get(role, ()))


def tense_of(words: TimeWords, form: str) -> str | None:
    """``past`` / ``this`` / ``future`` for a direction word counted from now (``lalu``, ``ini``, ``depan``)."""
    direction = words.directions.get(key(form))
    if direction is None or direction[1] != "now":
        return None
    return {-1: "past", 0: "this", 1: "future"}[direction[0]]


__all__ = ["TimeWords", "time_words", "key", "alternation", "cue_re", "tense_of"]
