"""What a matched time expression states: the :class:`Candidate` type and one handler per pattern family.

:mod:`.timex_detect` owns the patterns; each match goes to its handler here (``handle_<family>(match, text,
words, lang)``), which reads the stated fields (day, month, weekday, shift, unit, clock time) into candidates or
rejects the match from its neighbours (a bare ``2019`` before ``orang`` is a count, ``2-1`` is a score, "shalat
Jumat" is a prayer). :mod:`.timex_resolve` turns a candidate into a TIMEX3 value.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

from .timex_words import TimeWords, key, tense_of


@dataclass(frozen=True, slots=True)
class Candidate:
    """A detected time expression before normalisation (fields are what the text states)."""

    start: int
    end: int
    kind: str  # date | month | year | weekday | relative | relday | season | clock | duration | vague
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    weekday_text: str | None = None
    offset: int | None = None  # -1 / 0 / +1 for a shift; days for a relative day word
    amount: int | None = None  # N of "tiga hari lalu"
    is_vague_amount: bool = False
    unit: str | None = None  # D W M Y DE CE Q H MIN S HALF
    anchor: str | None = None  # now | prior | span | series
    week_shift: int | None = None  # "Jumat pekan lalu": -1
    part: str | None = None  # MO MI AF EV NI
    hour: int | None = None
    minute: int | None = None
    zone: str | None = None  # "+07:00"
    season: str | None = None
    mod: str | None = None  # START MID END
    value: str | None = None  # a fixed value (vague references)
    tense: str | None = None  # past | future, stated inside the expression ("lalu", "nanti", "depan")
    form: str | None = None  # how a date is written: text | numeric | iso


def _group(m: re.Match[str], *names: str) -> str | None:
    for n in names:
        if n in m.re.groupindex and m.group(n) is not None:
            return m.group(n)
    return None


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year if year else 2000, month)[1]


def _time_fields(m: re.Match[str], words: TimeWords) -> dict:
    hh = _group(m, "hh", "hh2", "hh3")
    if hh is None:
        return {}
    mi = _group(m, "mi", "mi2", "mi3")
    zone = _group(m, "zone")
    out = {"hour": int(hh), "minute": int(mi) if mi else 0}
    if zone:
        out["zone"] = words.zones.get(zone.upper())
    return out


def _tails(m: re.Match[str], words: TimeWords) -> dict:
    out = _time_fields(m, words)
    part = _group(m, "part")
    if part:
        out["part"] = words.parts_of_day.get(key(part))
    post = _group(m, "post")
    if post:
        out["tense"] = tense_of(words, post)
    return out


def _weekday_fields(m: re.Match[str], words: TimeWords) -> dict:
    wd = _group(m, "wd")
    if wd is None:
        return {}
    return {"weekday": words.weekdays[key(wd)], "weekday_text": wd}


def _start_after(m: re.Match[str], *prefixes: str) -> int:
    """Start of the match, leaving out a leading preposition group."""
    for p in prefixes:
        if p in m.re.groupindex and m.group(p) is not None:
            return m.end(p) + len(m.string[m.end(p):]) - len(m.string[m.end(p):].lstrip())
    return m.start()


# ------------------------------------------------------------------ handlers

def handle_text_date(m, text, words, lang):
    d, mon, y = int(m.group("d")), words.months[key(m.group("mon"))], m.group("y")
    year = int(y) if y else None
    if not _valid(year or 2000, mon, d):
        return []
    fields = {**_weekday_fields(m, words), **_tails(m, words)}
    d2 = _group(m, "d2")
    if d2 and _valid(year or 2000, mon, int(d2)) and int(d2) > d:
        # "13-14 Mei 1998": two days, "13" and "14 Mei 1998", both with the month and year written once
        return [Candidate(m.start(), m.end("d"), "date", day=d, month=mon, year=year, form="text",
                          **_weekday_fields(m, words)),
                Candidate(m.start("d2"), m.end(), "date", day=int(d2), month=mon, year=year, form="text",
                          **_tails(m, words))]
    if d2:
        return []
    return [Candidate(m.start(), m.end(), "date", day=d, month=mon, year=year, form="text", **fields)]


def handle_english_date(m, text, words, lang):
    mon_text = m.group("mon")
    d, mon, y = int(m.group("d")), words.months[key(mon_text)], m.group("y")
    # in Indonesian text "Mei 19" is no date; English order needs an English month, a weekday or a year
    english_only = key(mon_text) not in _indonesian_months()
    if not (y or _group(m, "wd") or english_only or lang == "en"):
        return []
    year = int(y) if y else None
    if not _valid(year or 2000, mon, d):
        return []
    return [Candidate(m.start(), m.end(), "date", day=d, month=mon, year=year, form="text",
                      **_weekday_fields(m, words), **_tails(m, words))]


@lru_cache(maxsize=1)
def _indonesian_months() -> frozenset[str]:
    from ..lang import load_lexicon

    return frozenset(key(f) for f in load_lexicon("id", "time_months").column("form"))


def handle_numeric_date(m, text, words, lang):
    sep, y = m.group("sep"), m.group("y")
    a, b = int(m.group("d")), int(m.group("m"))
    framed = bool(m.group("open") and m.group("close"))
    has_weekday = m.group("wd") is not None
    if y is None and (sep != "/" or not (framed or has_weekday)):
        return []  # "2-1" is a score, "10.30" a time, "3/4" a fraction
    if y is not None and (m.group("sep2") != sep or (len(y) == 2 and not (framed or has_weekday))):
        return []  # "1/2-2024", or "3/4/25" outside a dateline
    year = None if y is None else (int(y) if len(y) == 4 else 2000 + int(y))
    day, month = a, b
    if lang == "en" and _valid(year or 2000, a, b):
        day, month = b, a  # US order where it is a valid date
    if not _valid(year or 2000, month, day):
        if _valid(year or 2000, a, b):
            day, month = b, a
        else:
            return []
    start = m.start()
    end = m.end()
    if m.group("open") and not m.group("close") and not has_weekday:
        start = m.start("d")
    if not framed and m.group("close"):
        end = m.end("close") - 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return [Candidate(start, end, "date", day=day, month=month, year=year, form="numeric",
                      **_weekday_fields(m, words), **_tails(m, words))]


def handle_iso_date(m, text, words, lang):
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not _valid(y, mo, d):
        return []
    return [Candidate(m.start(), m.end(), "date", day=d, month=mo, year=y, form="iso", **_time_fields(m, words))]


def handle_month_year(m, text, words, lang):
    mod = _group(m, "mod")
    return [Candidate(m.start(), m.end(), "month", month=words.months[key(m.group("mon"))], year=int(m.group("y")),
                      mod=words.modifiers.get(key(mod)) if mod else None, **_tails(m, words))]


def handle_month(m, text, words, lang):
    mod, bulan, post, prep = _group(m, "mod"), _group(m, "bulan"), _group(m, "post"), _group(m, "prep")
    pre = _group(m, "mpre")  # "last November", "next March": the direction before the month
    if not (mod or bulan or post or prep or pre or _after_month_and(text, m.start(), words)
            or _before_month_stretch(text, m.end(), words)):
        return []
    start = _start_after(m, "prep")
    tails = _tails(m, words)
    if pre and not post:
        tails["tense"] = tense_of(words, pre)
    return [Candidate(start, m.end(), "month", month=words.months[key(m.group("mon"))],
                      mod=words.modifiers.get(key(mod)) if mod else None, **tails)]


def _after_month_and(text: str, start: int, words: TimeWords) -> bool:
    """A bare month joined to a month before it: "pada April dan Mei", "in July and August"."""
    previous = _previous_words(text, start, 2)
    return (len(previous) == 2 and previous[1] in words.cues.get("coordinator", ())
            and previous[0] in words.months)


def _before_month_stretch(text: str, end: int, words: TimeWords) -> bool:
    """A bare month opening a stretch to another month: "sepanjang Januari hingga Juni", "March until May"."""
    following = [key(w) for w in re.findall(r"[\w]+", text[end:end + 40])[:2]]
    return (len(following) == 2 and following[0] in words.cues.get("stretch_end", ())
            and following[1] in words.months)


def handle_month_of_year(m, text, words, lang):
    shift = tense_of(words, _group(m, "post", "pre") or "")
    if shift is None:
        return []
    mod = _group(m, "mod")
    return [Candidate(_start_after(m, "prep"), m.end(), "month", month=words.months[key(m.group("mon"))],
                      unit="Y", offset={"past": -1, "this": 0, "future": 1}[shift],
                      mod=words.modifiers.get(key(mod)) if mod else None)]


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" \t\"'\u201c\u201d\u2018\u2019(")
    return not before or before[-1] in ".!?\n:"


_SPAN_AFTER = re.compile(r"\s*[-\u2013]\s*(\w+)")


_SPAN_BEFORE = re.compile(r"(\w+)\s*[-\u2013]\s*$")


def _in_weekday_span(text: str, start: int, end: int, words: TimeWords) -> bool:
    after = _SPAN_AFTER.match(text, end)
    before = _SPAN_BEFORE.search(text[max(0, start - 12):start])
    return any(x is not None and key(x.group(1)) in words.weekdays for x in (after, before))


def handle_weekday(m, text, words, lang):
    wd = m.group("wd")
    pre, hari, wk, direction = _group(m, "pre"), _group(m, "hari"), _group(m, "wk"), _group(m, "dir")
    previous = _previous_words(text, m.start(), 1)
    if previous and previous[0] in words.cues.get("not_weekday", ()):
        return []  # "shalat Jumat" is the Friday prayer, "setiap Senin" a recurring day
    if _in_weekday_span(text, m.start("wd"), m.end("wd"), words):
        return []  # "Senin-Jumat" is a span of weekdays, no day
    if key(wd) == "minggu" and not (hari or pre or wk) and direction and _sentence_initial(text, m.start("wd")):
        return []  # "Minggu lalu" opening a sentence is "last week"
    fields = _weekday_fields(m, words)
    tense = None
    if wk:
        fields["week_shift"] = words.directions[key(m.group("wkdir"))][0]
    if direction:
        tense = tense_of(words, direction)
    if pre and key(pre) != "on":
        tense = tense_of(words, pre)
    part = _group(m, "part")
    start = m.start() if pre is None or key(pre) != "on" else _start_after(m, "pre")
    return [Candidate(start, m.end(), "weekday", tense=tense,
                      part=words.parts_of_day.get(key(part)) if part else None, **fields)]


def _amount(m: re.Match[str], words: TimeWords) -> tuple[int | None, bool]:
    if _group(m, "se"):
        return 1, False
    num = _group(m, "num")
    if num is None:
        return None, False
    if num.isdigit():
        return int(num), False
    value = words.numbers.get(key(num))
    return value, value is None


def handle_relative(m, text, words, lang):
    unit_text = m.group("unit")
    unit = words.units[key(unit_text)]
    if unit_text == "Minggu" and not _sentence_initial(text, m.start("unit")) \
            and not _group(m, "se", "num", "mod", "pre"):
        return []  # "pada Minggu lalu" mid-sentence is a Sunday
    amount, vague = _amount(m, words)
    mod = _group(m, "mod")
    direction, pre = _group(m, "dir"), _group(m, "pre")
    offset = anchor = None
    if direction:
        offset, anchor, _ = words.directions[key(direction)]
    elif pre:
        offset, anchor, _ = words.directions[key(pre)]
        if anchor == "span" and amount is None:
            amount = 1  # "the past year"
    elif mod and unit in ("Y", "M", "W", "Q"):
        anchor = "now"  # "awal tahun", "akhir pekan": this period, or by tense
    else:
        return []
    if amount is None and anchor in ("prior", "series") and not vague:
        return []  # "tahun sebelumnya": relative to an event we do not track
    if amount is None and not vague and anchor == "span" and not pre:
        return []
    if amount is None and not vague and unit == "D" and offset != 0:
        return []
    if amount is not None and offset == 0 and anchor == "now":
        return []  # "dua hari ini" ("these two days") names no date
    return [Candidate(m.start(), m.end(), "relative", unit=unit, amount=amount, is_vague_amount=vague,
                      offset=offset, anchor=anchor, mod=words.modifiers.get(key(mod)) if mod else None)]


def handle_duration(m, text, words, lang):
    amount, vague = _amount(m, words)
    unit = words.units[key(m.group("unit"))]
    if amount is None and not vague:
        return []
    before = text[max(0, m.start() - 12):m.start()].lower().split()
    if before and before[-1] in words.cues.get("not_duration", ()):
        return []
    start = _start_after(m, "cue")
    return [Candidate(start, m.end(), "duration", unit=unit, amount=amount, is_vague_amount=vague)]


def inside_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a direct quote of its paragraph (an odd number of quote marks before it)."""
    para = text[text.rfind("\n", 0, pos) + 1:pos]
    if para.count('"') % 2 == 1:
        return True
    return para.rfind("\u201c") > para.rfind("\u201d")


def handle_relday(m, text, words, lang):
    offset, part, quoted = words.relative_days[key(m.group("rd"))]
    previous = _previous_words(text, m.start(), 1)
    if previous and (previous[0].isdigit() or previous[0] in words.numbers):
        return []  # "dalam tempo 7 hari ini" counts days
    if quoted and not _group(m, "part") and inside_quote(text, m.start()):
        # speakers say "kemarin" for "the other day": a vague past, not the day before the article
        return [Candidate(m.start(), m.end(), "vague", value=quoted)]
    extra = _group(m, "part")
    if extra:
        part = words.parts_of_day.get(key(extra))
    return [Candidate(m.start(), m.end(), "relday", offset=offset, part=part)]


def handle_season(m, text, words, lang):
    season_text, pre, direction, y = m.group("season"), _group(m, "pre"), _group(m, "dir"), _group(m, "y")
    if not (pre or direction or y):
        return []  # "saat musim panas" is any summer
    tense = tense_of(words, pre or direction) if (pre or direction) else None
    return [Candidate(m.start(), m.end(), "season", season=words.seasons[key(season_text)],
                      year=int(y) if y else None, tense=tense)]


def _previous_words(text: str, start: int, n: int = 2) -> list[str]:
    return [key(w) for w in re.findall(r"[\w$€.%]+", text[max(0, start - 40):start])[-n:]]


def _is_year_number(text: str, start: int, year_start: int, end: int, words: TimeWords) -> bool:
    """Whether the 4-digit number at [year_start, end) (with "tahun" from ``start``) is a year, by its neighbours."""
    has_tahun = start < year_start
    prev = _previous_words(text, start, 2)
    if len(prev) == 2 and prev[0].rstrip(".") in words.year_before and prev[1][:1].isdigit():
        return False  # "UU Nomor 7 Tahun 2017" names a law, it dates nothing
    if not has_tahun and prev:
        if prev[-1] in words.year_before or prev[-1].rstrip(".") in words.year_before:
            return False
        if len(prev) == 2 and " ".join(prev) in words.year_before:
            return False
    nxt = re.match(r"\s*([\w%]+)", text[end:end + 30])
    if nxt and key(nxt.group(1)) in words.year_after and (not has_tahun or key(nxt.group(1)) in ("nomor", "no")):
        return False
    return True


def handle_year(m, text, words, lang):
    y, y2 = int(m.group("y")), _group(m, "y2")
    if not 1800 <= y <= 2099:
        return []
    if not _is_year_number(text, m.start(), m.start("y"), m.end("y") if y2 is None else m.end("y2"), words):
        return []
    tails = _tails(m, words)
    if y2 is None:
        return [Candidate(m.start(), m.end(), "year", year=y, tense=tails.get("tense"))]
    second = int(y2)
    if not (y < second <= 2099):
        return []
    return [Candidate(m.start(), m.end("y"), "year", year=y),
            Candidate(m.start("y2"), m.end(), "year", year=second, tense=tails.get("tense"))]


def handle_short_year(m, text, words, lang):
    return [Candidate(m.start(), m.end(), "year", year=int(m.group("yy")), value="yy")]


def handle_clock(m, text, words, lang):
    fields = _time_fields(m, words)
    if not fields:
        return []
    ampm = _group(m, "ampm")
    hour = fields["hour"]
    if ampm:
        if hour > 12:
            return []
        pm = ampm.lower().startswith("p")
        fields["hour"] = (hour % 12) + (12 if pm else 0)
    part = _group(m, "part")
    if part:
        code = words.parts_of_day.get(key(part))
        if code in ("AF", "EV", "NI") and hour < 12 and not (code == "NI" and hour < 4):
            fields["hour"] = hour + 12
    start = _start_after(m, "approx")
    return [Candidate(start, m.end(), "clock", **fields)]


def handle_vague(m, text, words, lang):
    return [Candidate(m.start(), m.end(), "vague", value=words.vague[key(m.group("vague"))])]


__all__ = ["Candidate", "inside_quote", "handle_clock", "handle_duration", "handle_english_date", "handle_iso_date",
           "handle_month", "handle_month_of_year", "handle_month_year", "handle_numeric_date", "handle_relative",
           "handle_relday", "handle_season", "handle_short_year", "handle_text_date", "handle_vague",
           "handle_weekday", "handle_year"]
