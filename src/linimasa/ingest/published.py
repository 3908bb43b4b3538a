"""Publication dates: the date lines news pages print ("Jum'at, 29 Nov 2024, 02:59 WIB") and given values.

Our own small parser, because the lines mix languages and forms (``Selasa 22 Oct 2024 - 19:08 WIB``,
``Senin, 28 April 2025 | 10:15 WIB``, ``28/04/2025 10.15 WIB``, ``October 22, 2024 7:08 PM``). The words it
knows (months, weekdays, zones, labels) are in ``lang/id/ingest_date_words.tsv``. A time with a zone gives an
aware datetime in that zone (WIB +07:00, WITA +08:00, WIT +09:00); a day without a time gives a ``date``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache

from ..lang import load_lexicon

_TOKEN = re.compile(
    r"(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)"
    r"|(?P<dmy>\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})"
    r"|(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)"
    r"|(?P<offset>(?:UTC|GMT)\s?[+-]\d{1,2}(?::?\d{2})?(?![\d/.])|(?<=\d)[+-]\d{2}:?\d{2}(?!\d))"
    r"|(?P<num>\d{1,4})(?:st|nd|rd|th)?"
    r"|(?P<word>[^\W\d_][\w'\u2019]*\.?)"
    r"|(?P<sep>[,|/()\[\]·•:\-–—.]+)"
)


@dataclass(frozen=True, slots=True)
class DateWords:
    months: dict[str, int]
    weekdays: dict[str, int]
    zones: dict[str, str]
    labels: dict[str, str]
    meridiems: dict[str, str]


@lru_cache(maxsize=None)
def date_words() -> DateWords:
    """The date-line vocabulary from ``lang/id/ingest_date_words.tsv`` (loaded once per process)."""
    groups: dict[str, dict[str, str]] = {"month": {}, "weekday": {}, "zone": {}, "label": {}, "meridiem": {}}
    for form, kind, value in load_lexicon("id", "ingest_date_words"):
        groups[kind][form.casefold()] = value
    return DateWords({k: int(v) for k, v in groups["month"].items()},
                     {k: int(v) for k, v in groups["weekday"].items()},
                     groups["zone"], groups["label"], groups["meridiem"])


@dataclass(frozen=True, slots=True)
class DateLine:
    value: datetime | date
    kind: str  # "published" | "updated"


def parse_date_line(line: str, *, max_other_words: int = 0) -> DateLine | None:
    """Read a line that is only a date (and time); None when it holds anything else.

    >>> parse_date_line("Selasa 22 Oct 2024 - 19:08 WIB").value.isoformat()
    '2024-10-22T19:08:00+07:00'
    >>> parse_date_line("Kamis, 19 Juni 2025").value.isoformat()
    '2025-06-19'
    """
    if not line or len(line) > 120:
        return None
    words = date_words()
    day = month = year = None
    hour = minute = None
    second = 0
    zone: str | None = None
    meridiem: str | None = None
    kind = "published"
    other = 0
    pending_numbers: list[int] = []
    for m in _TOKEN.finditer(line):
        group = m.lastgroup
        tok = m.group(group)
        if group == "iso":
            try:
                dt = datetime.fromisoformat(tok.replace(" ", "T").replace("Z", "+00:00"))
            except ValueError:
                return None
            day, month, year = dt.day, dt.month, dt.year
            if "T" in tok or " " in tok:
                hour, minute, second = dt.hour, dt.minute, dt.second
                if dt.tzinfo is not None:
                    zone = _offset_text(dt.utcoffset())
        elif group == "dmy":
            parts = [int(p) for p in re.split(r"[/.-]", tok)]
            d, mo, y = parts
            if y < 100:
                y += 2000
            if not (1 <= mo <= 12 and 1 <= d <= 31):
                return None
            day, month, year = d, mo, y
        elif group == "time":
            parts = [int(p) for p in re.split(r"[:.]", tok)]
            if parts[0] > 23 or parts[1] > 59:
                return None
            hour, minute = parts[0], parts[1]
            second = parts[2] if len(parts) > 2 else 0
        elif group == "offset":
            zone = _normal_offset(tok)
            if zone is None:
                return None
        elif group == "num":
            pending_numbers.append(int(tok))
        elif group == "word":
            w = tok.rstrip(".").casefold().replace("\u2019", "'")
            if w in words.months and month is None:
                month = words.months[w]
            elif w in words.weekdays or w.replace("'", "") in words.weekdays:
                pass
            elif w in words.zones:
                zone = words.zones[w]
            elif w in words.labels:
                if words.labels[w] == "updated" and month is not None and (day is not None or pending_numbers):
                    break  # "14 Aug 2025 06:10PM (Updated: 14 Aug 2025 07:25PM)": the first date is the published one
                if words.labels[w] == "updated":
                    kind = "updated"
            elif w in words.meridiems:
                meridiem = words.meridiems[w]
            elif w in ("pada", "at", "on", "hari", "wib.", "oleh"):
                pass
            else:
                other += 1
                if other > max_other_words:
                    return None
    for n in pending_numbers:
        if n >= 1900 and year is None:
            year = n
        elif 1 <= n <= 31 and day is None:
            day = n
        elif hour is None and 0 <= n <= 23 and meridiem:
            hour, minute = n, 0
        else:
            return None
    if day is None or month is None or year is None:
        return None
    if hour is not None and meridiem:
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
    try:
        if hour is None:
            return DateLine(date(year, month, day), kind)
        tz = _tz(zone) if zone else None
        return DateLine(datetime(year, month, day, hour, minute or 0, second, tzinfo=tz), kind)
    except ValueError:
        return None


def parse_given_published(value: object) -> datetime | date | None:
    """A publication date given as metadata (ISO 8601, RFC 2822, epoch seconds or a date line); None if unreadable.

    >>> parse_given_published("2025-06-20T16:41:00+07:00").isoformat()
    '2025-06-20T16:41:00+07:00'
    >>> parse_given_published("Mon, 28 Apr 2025 10:15:00 +0700").isoformat()
    '2025-04-28T10:15:00+07:00'
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _epoch(float(value))
    text = str(value).strip()
    if re.fullmatch(r"\d{9,13}(\.\d+)?", text):
        return _epoch(float(text))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    line = parse_date_line(text, max_other_words=2)
    return line.value if line else None


def _epoch(seconds: float) -> datetime | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def _normal_offset(tok: str) -> str | None:
    m = re.fullmatch(r"(?:UTC|GMT)?\s?([+-])(\d{1,2}):?(\d{2})?", tok)
    if not m:
        return None
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    return f"{m.group(1)}{hours:02d}:{minutes:02d}"


def _offset_text(delta: timedelta | None) -> str:
    total = int((delta or timedelta()).total_seconds() // 60)
    sign = "-" if total < 0 else "+"
    total = abs(total)
    return f"{sign}{total // 60:02d}:{total % 60:02d}"


def _tz(offset: str) -> timezone:
    sign = -1 if offset.startswith("-") else 1
    hours, minutes = offset[1:].split(":")
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))


__all__ = ["DateLine", "parse_date_line", "parse_given_published", "date_words"]
