"""Turn detected time expressions into TIMEX3-style values against a reference date (the article's date).

Rules (a careful Indonesian reader's):

- a bare weekday is the latest such day on or before the reference, or the next one on or after it when the
  clause is in the future (``akan``, ``bakal``, ``dijadwalkan``); ``Kamis lalu`` is strictly before,
  ``Kamis depan`` strictly after, ``Jumat pekan lalu`` the Friday of the previous ISO week;
- ``Juni tahun lalu`` / ``June last year`` is that month of the year before;
- a month without a year is the latest on or before the reference, but one of the next two months is the
  coming one (``Juli`` in June), and a future clause takes the next;
- a day and month without a year take the year that puts the date closest before the reference (the next
  one for a future clause or ``nanti``/``mendatang``); with a weekday attached, a year where the weekday fits
  is preferred;
- ``pekan lalu`` is an ISO week (``2024-W47``), ``bulan lalu`` a month, ``tahun ini`` a year,
  ``akhir pekan`` a weekend (``2024-W47-WE``), ``musim panas ini`` a season (``2024-SU``);
- ``tiga hari lalu`` is a day; ``dua bulan sebelumnya`` and ``lima tahun terakhir`` are durations
  (``P2M``, ``P5Y``); ``beberapa tahun lalu`` is ``PAST_REF``;
- a part of day is kept TIMEX3-style (``2025-06-21TMO``) and a clock time becomes ``2025-06-24T18:00+08:00``.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from .timex_candidates import Candidate

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_DURATION_UNITS = {"D": "D", "W": "W", "M": "M", "Y": "Y", "DE": "DE", "CE": "CE", "Q": "Q"}
_CLOCK_UNITS = {"H": "H", "MIN": "M", "S": "S"}


@dataclass(frozen=True, slots=True)
class Resolved:
    """A normalised value: ``value`` TIMEX3-style, ``type`` DATE | TIME | DURATION, and the day it names."""

    value: str
    type: str = "DATE"
    day: date | None = None


def iso_week(d: date) -> str:
    """``2024-W47`` for any day of that ISO week."""
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def day_value(d: date, part: str | None = None) -> str:
    """``2025-06-21`` or, with a part of day, ``2025-06-21TMO``."""
    return d.isoformat() + (f"T{part}" if part else "")


def weekday_near(ref: date, weekday: int, tense: str | None) -> date:
    """The day with ``weekday`` nearest ``ref`` in the direction the tense says (default: on or before)."""
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if tense == "past":
        return ref - timedelta(days=back or 7)
    if tense == "future":
        return ref + timedelta(days=ahead or 7)
    if tense == "this":
        return ref - timedelta(days=ref.weekday()) + timedelta(days=weekday)
    if tense == "future_or_today":
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


def year_for_day_month(day: int, month: int, ref: date, tense: str | None, weekday: int | None = None) -> date | None:
    """The year a day-month without a year means, seen from ``ref`` (see the module rules)."""
    options = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if day <= calendar.monthrange(year, month)[1]:
            options.append(date(year, month, day))
    if not options:
        return None
    if weekday is not None:
        fits = [d for d in options if d.weekday() == weekday and abs((d - ref).days) <= 300]
        if fits:
            return min(fits, key=lambda d: (abs((d - ref).days), d > ref))
    past = [d for d in options if d <= ref]
    future = [d for d in options if d >= ref]
    if tense == "future" and future:
        return min(future)
    if tense == "past" and past:
        return max(past)
    if future and past and (min(future) - ref).days <= 45 and (ref - max(past)).days > 300:
        return min(future)
    return max(past) if past else min(future)


def year_for_month(month: int, ref: date, tense: str | None) -> int:
    """The year a month name without a year means: the latest on or before ``ref``, unless the tense says later
    or the month is one of the next two (written in June, a bare "Juli" or "Agustus" is still to come)."""
    if tense == "future":
        return ref.year if month >= ref.month else ref.year + 1
    if tense == "this":
        return ref.year
    if tense is None and 1 <= (month - ref.month) % 12 <= 2:
        return ref.year if month > ref.month else ref.year + 1  # the coming month or the one after it
    return ref.year if month <= ref.month else ref.year - 1


def _weekend(ref: date, shift: int | None, tense: str | None) -> str:
    if shift is None:
        if ref.weekday() >= 5 or tense == "future":
            shift = 0
        else:
            shift = -1
    return iso_week(ref + timedelta(weeks=shift)) + "-WE"


def _duration(amount: int | None, unit: str, vague: bool) -> str | None:
    n = "X" if vague or amount is None else str(amount)
    if unit in _CLOCK_UNITS:
        return f"PT{n}{_CLOCK_UNITS[unit]}"
    if unit in _DURATION_UNITS:
        return f"P{n}{_DURATION_UNITS[unit]}"
    return None


def _relative(c: Candidate, ref: date, tense: str | None) -> Resolved | None:
    unit, offset, amount = c.unit or "", c.offset, c.amount
    if c.anchor in ("prior", "span", "series"):
        if c.is_vague_amount:
            if c.anchor == "series":
                return None
            return Resolved("FUTURE_REF" if (offset or 0) > 0 else "PAST_REF")
        value = _duration(amount, unit, False)
        return Resolved(value, "DURATION") if value else None
    # anchor "now": counted from the reference
    if c.is_vague_amount:
        return Resolved("FUTURE_REF" if (offset or 0) > 0 else "PAST_REF")
    if offset is None:  # "awal tahun", "akhir pekan": this period (a weekend by tense)
        if unit == "W" and c.mod == "END":
            return Resolved(_weekend(ref, None, tense))
        offset = 0
    steps = offset * (amount if amount is not None else 1)
    if unit in ("DE", "CE"):
        return Resolved("PAST_REF" if steps < 0 else "FUTURE_REF" if steps > 0 else "PRESENT_REF")
    if unit == "D":
        d = ref + timedelta(days=steps)
        return Resolved(day_value(d), day=d)
    if unit == "W":
        if c.mod == "END" and amount is None:
            return Resolved(_weekend(ref, steps, tense))
        return Resolved(iso_week(ref + timedelta(weeks=steps)))
    if unit == "M":
        y, m = add_months(ref.year, ref.month, steps)
        return Resolved(f"{y:04d}-{m:02d}")
    if unit == "Y":
        return Resolved(f"{ref.year + steps:04d}")
    if unit == "Q":
        y, m = add_months(ref.year, ref.month, 3 * steps)
        return Resolved(f"{y:04d}-Q{(m - 1) // 3 + 1}")
    return None


def _season(c: Candidate, ref: date | None) -> Resolved | None:
    if c.year is not None:
        return Resolved(f"{c.year:04d}-{c.season}")
    if ref is None:
        return None
    first, last = _SEASON_MONTHS[c.season or "SU"]
    year = ref.year
    if c.tense == "past" and not (last < ref.month or (first > last and ref.month > last and ref.month < first)):
        year -= 1
    elif c.tense == "future" and ref.month >= first and first <= last:
        year += 1
    return Resolved(f"{year:04d}-{c.season}")


def _with_time(d: date, c: Candidate) -> Resolved:
    if c.hour is not None:
        value = f"{d.isoformat()}T{c.hour:02d}:{c.minute or 0:02d}{c.zone or ''}"
        return Resolved(value, "TIME", d)
    return Resolved(day_value(d, c.part), day=d)


def resolve(c: Candidate, ref: date | None, tense: str | None = None) -> Resolved | None:
    """The value of candidate ``c`` against reference day ``ref``; ``tense`` is the clause's (future/None).

    Clock times without a date are resolved by the caller (they need the sentence's date). Returns None when
    the expression cannot be resolved (a relative expression without a reference date).
    """
    own = c.tense if c.tense in ("past", "future", "this") else None
    tense = own or tense
    if c.kind == "date":
        if c.year is not None:
            return _with_time(date(c.year, c.month or 1, c.day or 1), c)
        if ref is None:
            return None
        d = year_for_day_month(c.day or 1, c.month or 1, ref, tense, c.weekday)
        return _with_time(d, c) if d else None
    if c.kind == "month":
        mod_year = c.year
        if mod_year is None and c.unit == "Y" and c.offset is not None and ref is not None:
            mod_year = ref.year + c.offset  # "Juni tahun lalu"
        if mod_year is None:
            if ref is None:
                return None
            mod_year = year_for_month(c.month or 1, ref, tense)
        return Resolved(f"{mod_year:04d}-{c.month:02d}")
    if c.kind == "year":
        year = c.year or 0
        if c.value == "yy":
            pivot = (ref.year if ref else 2030) % 100
            year = 2000 + year if year <= pivot else 1900 + year
        return Resolved(f"{year:04d}")
    if c.kind == "duration":
        value = _duration(c.amount, c.unit or "", c.is_vague_amount)
        return Resolved(value, "DURATION") if value else None
    if c.kind == "vague":
        return Resolved(c.value or "PAST_REF")
    if c.kind == "season":
        return _season(c, ref)
    if ref is None:
        return None
    if c.kind == "weekday":
        if c.week_shift is not None:
            monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=c.week_shift)
            d = monday + timedelta(days=c.weekday or 0)
        else:
            d = weekday_near(ref, c.weekday or 0, "future_or_today" if tense == "future" and own is None else tense)
        return Resolved(day_value(d, c.part), day=d)
    if c.kind == "relday":
        d = ref + timedelta(days=c.offset or 0)
        return Resolved(day_value(d, c.part), day=d)
    if c.kind == "relative":
        return _relative(c, ref, tense)
    return None


__all__ = ["Resolved", "resolve", "iso_week", "add_months", "day_value", "weekday_near", "year_for_day_month",
           "year_for_month"]
