"""Find time expressions in text: spans plus the parts they state (day, month, weekday, shift, unit, clock time).

Detection knows nothing about the article's date; :mod:`.timex_resolve` turns a
:class:`~.timex_candidates.Candidate` into a TIMEX3 value. Each pattern family below has a handler in
:mod:`.timex_candidates` that checks the match and may reject it (a bare ``2019`` before ``orang`` is a count,
``2-1`` is a score). Overlapping matches are settled longest first, so ``Jumat pekan lalu`` wins over ``Jumat``
and ``pekan lalu``. ``Candidate`` and ``inside_quote`` are re-exported here for older imports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

from .timex_candidates import (Candidate, handle_clock, handle_duration, handle_english_date, handle_iso_date,
                               handle_month, handle_month_of_year, handle_month_year, handle_numeric_date,
                               handle_relative, handle_relday, handle_season, handle_short_year, handle_text_date,
                               handle_vague, handle_weekday, handle_year, inside_quote)
from .timex_words import TimeWords, alternation, cue_re, time_words

#: start of a word: not after a letter or digit, or glued after a lower-case letter ("menginvasiTaiwan")
_L = r"(?:(?<![^\W_])|(?<=[a-z])(?=[A-Z]))"
#: end of a word: not before a letter or digit, unless the next word is glued on with a capital
_R = r"(?:(?![^\W_])|(?<=[a-z0-9])(?=[A-Z]))"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)"


@dataclass(frozen=True)
class _Pattern:
    name: str
    regex: re.Pattern[str]
    handle: Callable[[re.Match[str], str, TimeWords, str], list[Candidate]]


# ------------------------------------------------------------------ patterns

@lru_cache(maxsize=None)
def _patterns() -> tuple[_Pattern, ...]:
    w = time_words()
    zone = alternation(tuple(z.lower() for z in w.zones))
    # a clock time glued to a date ("22 Oct 2024 - 19:08 WIB"); "Senin (30/6) pukul 08.00" stays two expressions
    time_tail = (rf"(?:\s*[-\u2013\u2014,|]?\s*(?:(?P<hh2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)"
                 rf"|(?P<hh3>[01]?\d|2[0-3])\.(?P<mi3>[0-5]\d)(?=\s*{zone}))(?![\d])(?:\s*(?P<zone>{zone}){_R})?)")
    part_tail = rf"(?:\s+(?P<part>{w.part_re}){_R})"
    now_post = tuple(f for f, d in w.directions.items() if d[1:] == ("now", "post"))
    now_pre = tuple(f for f, d in w.directions.items() if d[1:] == ("now", "pre"))
    post = alternation(now_post)
    post_tail = rf"(?:\s+(?P<post>{post}){_R})"
    tanggal = cue_re(w, "date_word")
    hari = r"(?P<hari>[Hh]ari|HARI)"
    weekday_prefix = rf"(?:(?:{hari}\s+)?(?P<wd>{w.weekday_any_re})\.?\s*,?\s*(?:{tanggal}\s+)?)"
    unit = w.unit_re
    number = rf"(?:\d{{1,4}}|{w.number_re})"
    prep = cue_re(w, "preposition")
    weekday_pre = alternation(now_pre + ("on",))
    spec = [
        ("text_date", rf"{_L}{weekday_prefix}?(?:{tanggal}\s+)?(?<![\d.,/])(?P<d>{_DAY})"
                      rf"(?:\s*(?:-|\u2013|s\.d\.?|sampai|hingga|dan)\s*(?P<d2>{_DAY}))?\s+(?P<mon>{w.month_re}){_R}\.?"
                      rf"(?:\s*,?\s*(?P<y>{_YEAR})(?!\d))?(?:{time_tail})?(?:{part_tail})?(?:{post_tail})?",
         handle_text_date),
        ("english_date", rf"{_L}(?:(?P<wd>{w.weekday_any_re})\.?,?\s+)?(?P<mon>{w.month_re}){_R}\.?\s+(?P<d>{_DAY})"
                         rf"(?:st|nd|rd|th)?(?![\d.,:]?\d)(?:,?\s+(?P<y>{_YEAR})(?!\d))?{_R}(?:{time_tail})?",
         handle_english_date),
        ("numeric_date", rf"{_L}{weekday_prefix}?(?P<open>\()?\s*(?<![\d/.,])(?P<d>\d{{1,2}})\s*(?P<sep>[/.-])\s*"
                         rf"(?P<m>\d{{1,2}})(?:\s*(?P<sep2>[/.-])\s*(?P<y>\d{{4}}|\d{{2}}))?(?![\d/]|[.,]\d)"
                         rf"\s*(?P<close>\))?"
                         rf"(?:{time_tail})?(?:{part_tail})?(?:{post_tail})?",
         handle_numeric_date),
        ("iso_date", r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
                     r"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?(?![\d-])", handle_iso_date),
        ("month_year", rf"{_L}(?:(?P<mod>{w.modifier_re})\s+)?(?:(?P<bulan>[Bb]ulan|BULAN)\s+)?"
                       rf"(?P<mon>{w.month_re}){_R}\.?\s*,?\s*(?P<y>{_YEAR})(?!\d){_R}(?:{post_tail})?",
         handle_month_year),
        # "in March", "awal Maret", "Maret lalu", "last November", "next March"
        ("month", rf"{_L}(?:(?P<prep>{prep})\s+)?(?:(?P<mod>{w.modifier_re})(?:\s+|-))?"
                  rf"(?:(?P<mpre>{alternation(now_pre)})\s+)?"
                  rf"(?:(?P<bulan>[Bb]ulan|BULAN)\s+)?(?P<mon>{w.month_full_re}){_R}(?:{post_tail})?", handle_month),
        # "Juni tahun lalu", "Maret tahun ini", "June last year": a month of the year before, this or next
        ("month_of_year", rf"{_L}(?:(?P<prep>{prep})\s+)?(?:(?P<mod>{w.modifier_re})(?:\s+|-))?"
                          rf"(?P<mon>{w.month_full_re}){_R}\s+(?:(?:{cue_re(w, 'year_word')})\s+(?P<post>{post})"
                          rf"|(?P<pre>{weekday_pre})\s+(?:{cue_re(w, 'year_word')})){_R}", handle_month_of_year),
        ("weekday", rf"{_L}(?:(?P<pre>{weekday_pre})\s+)?(?:{hari}\s+)?(?P<wd>{w.weekday_re}){_R}"
                    rf"(?:\s+(?P<wk>pekan|minggu)\s+(?P<wkdir>{post}){_R})?"
                    rf"(?:\s+(?P<dir>{post}){_R})?(?:{part_tail})?", handle_weekday),
        ("relative", rf"{_L}(?:(?P<mod>{w.modifier_re})\s+)?(?:(?P<pre>{w.dir_pre_re})\s+)?"
                     rf"(?:(?P<num>{number})\s+|(?P<se>[Ss]e)(?={unit}))?(?P<unit>{unit}){_R}"
                     rf"(?:\s+(?P<dir>{w.dir_post_re}){_R})?", handle_relative),
        ("duration", rf"{_L}(?P<cue>{cue_re(w, 'duration')})\s+(?:(?P<num>{number})\s+|"
                     rf"(?P<se>[Ss]e)(?={unit}))(?P<unit>{unit}){_R}", handle_duration),
        ("relday", rf"{_L}(?P<rd>{w.relative_day_re}){_R}(?:{part_tail})?", handle_relday),
        ("season", rf"{_L}(?:(?P<pre>{alternation(now_pre)})\s+)?(?P<season>{w.season_re}){_R}"
                   rf"(?:\s+(?:{alternation(('tahun',))}\s+)?(?P<dir>{post}){_R}"
                   rf"|\s+(?:of\s+)?(?P<y>{_YEAR})(?!\d))?", handle_season),
        ("year", rf"{_L}(?:(?P<tahun>{cue_re(w, 'year_word')})\s+)?(?<![\d.,/-])(?P<y>\d{{4}})"
                 rf"(?!\d|[.,]\d)(?:\s*(?:-|\u2013|/|hingga|sampai\s+dengan|sampai|s\.d\.?|s/d|to)\s*"
                 rf"(?P<y2>\d{{4}})(?!\d|[.,]\d))?(?:{post_tail})?", handle_year),
        ("short_year", rf"{_L}(?:[Tt]ahun|TAHUN)\s+['\u2019](?P<yy>\d\d)(?!\d)", handle_short_year),
        ("clock", rf"{_L}(?:(?P<approx>{cue_re(w, 'approx')})\s+)?"
                  rf"(?:{cue_re(w, 'clock')})\s+(?P<hh>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)"
                  rf"(?!\d|[.,]\d)(?:\s*(?P<zone>{zone}){_R})?(?:{part_tail})?", handle_clock),
        ("clock_zone", rf"{_L}(?P<hh>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)\s*(?P<zone>{zone}){_R}", handle_clock),
        ("clock_ampm", rf"{_L}(?P<hh>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)(?![\w])",
         handle_clock),
        ("vague", rf"{_L}(?P<vague>{w.vague_re}){_R}", handle_vague),
    ]
    return tuple(_Pattern(name, re.compile(rx), fn) for name, rx, fn in spec)


def detect(text: str, lang: str = "id") -> tuple[Candidate, ...]:
    """All time expressions in ``text`` as candidates, non-overlapping, in text order (longest match wins)."""
    words = time_words()
    found: list[tuple[int, int, Candidate]] = []
    for rank, pattern in enumerate(_patterns()):
        for m in pattern.regex.finditer(text):
            if m.end() == m.start():
                continue
            for cand in pattern.handle(m, text, words, lang):
                cand = _trim(text, cand)
                if cand.end > cand.start:
                    found.append((rank, len(found), cand))
    found.sort(key=lambda x: (-(x[2].end - x[2].start), x[0], x[1]))
    chosen: list[Candidate] = []
    for _, _, cand in found:
        if not any(cand.start < c.end and c.start < cand.end for c in chosen):
            chosen.append(cand)
    ordered = sorted(chosen, key=lambda c: (c.start, c.end))
    # "so far this year", "sejauh ini tahun ini": a vague "so far" right before the period it is counted in
    # is part of that period, not a second expression
    return tuple(c for i, c in enumerate(ordered)
                 if not (c.kind == "vague" and i + 1 < len(ordered) and ordered[i + 1].kind == "relative"
                         and not text[c.end:ordered[i + 1].start].strip()))


def _trim(text: str, cand: Candidate) -> Candidate:
    start, end = cand.start, cand.end
    while end > start and (text[end - 1] in " \t,-\u2013"
                           or (text[end - 1] == "." and not text[:end].endswith(("a.m.", "p.m.")))):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return cand if (start, end) == (cand.start, cand.end) else replace(cand, start=start, end=end)


__all__ = ["Candidate", "detect", "inside_quote"]
