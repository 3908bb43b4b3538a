"""Words and formats shared by the human-readable outputs (terminal and HTML): figures, stances, sources.

>>> figure(Decimal("12000"), "approx")
'about 12,000'
>>> source_label(None)
'(unknown article)'
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import PurePath

from ..model import Article

STANCE_ORDER = ("affirms", "neither", "denies")  # top to bottom in the stance charts
STANCE_WORDS = {"affirms": "affirms", "neither": "neither confirms nor denies", "denies": "denies"}
_QUALIFIER_WORDS = {"approx": "about", "at_least": "at least", "more_than": "more than", "at_most": "at most",
                    "less_than": "less than"}


def figure(value: Decimal | float | int, qualifier: str | None = None) -> str:
    """A figure as a reader says it: ``about 12,000``, ``more than 10,000``, ``thousands`` (vague).

    >>> figure(Decimal("1000"), "vague"), figure(Decimal("2.5"), "exact")
    ('thousands (vague)', '2.5')
    """
    number = Decimal(str(value))
    if qualifier == "vague":
        word = {1000: "thousands", 100: "hundreds", 10: "tens", 1_000_000: "millions"}.get(int(number))
        if word:
            return f"{word} (vague)"
    text = f"{int(number):,}" if number == number.to_integral_value() else f"{number:,}"
    prefix = _QUALIFIER_WORDS.get(qualifier or "")
    return f"{prefix} {text}" if prefix else (f"~{text} (vague)" if qualifier == "vague" else text)


def when(on: str | None, before: str | None = None) -> str:
    """When something happened, as shown: its date, ``before 2025-02-28`` for an undated retrospective report
    ("sebelumnya membantah"), else ``undated``.

    >>> when("2025-02-03"), when(None, "2025-02-28"), when(None)
    ('2025-02-03', 'before 2025-02-28', 'undated')
    """
    if on:
        return on
    return f"before {before}" if before else "undated"


def published_day(article: Article | None) -> str:
    """The article's publication date as ``YYYY-MM-DD`` (``-`` when unknown)."""
    if article is None or article.published is None:
        return "-"
    value = article.published
    return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()


def source_label(article: Article | None) -> str:
    """``outlet, YYYY-MM-DD``: how an event's source is shown next to it."""
    if article is None:
        return "(unknown article)"
    where = article.outlet or (PurePath(article.source).name if article.source else None) or article.id
    return f"{where}, {published_day(article)}"


def day_of(on: str | None) -> date | None:
    """The first day a TIMEX3-style value can mean (``2024-10`` -> 1 Oct 2024), or None for other values.

    >>> day_of("2024-10"), day_of("2024-W47"), day_of("PAST_REF")
    (datetime.date(2024, 10, 1), None, None)
    """
    if not on:
        return None
    parts = on[:10].split("-")
    try:
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
        if len(parts) == 2 and parts[1].isdigit():
            return date(int(parts[0]), int(parts[1]), 1)
        if len(parts) == 1 and parts[0].isdigit() and len(parts[0]) == 4:
            return date(int(parts[0]), 1, 1)
    except ValueError:
        return None
    return None
