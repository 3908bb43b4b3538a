"""Rebuilding stored story rows into typed values (the edge where JSON becomes model objects)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..errors import StoreError
from ..model import (Contradiction, CountPoint, CountSeries, StanceHistory, StancePoint, Story, TimelineEvent)


def story_from_dict(doc: dict[str, Any]) -> Story:
    """Inverse of :meth:`Story.to_dict`; raises StoreError naming the story on a malformed row."""
    try:
        return Story(
            id=doc["id"],
            title=doc["title"],
            article_ids=tuple(doc.get("article_ids") or ()),
            duplicate_of=tuple((d["article_id"], d["original_id"]) for d in doc.get("duplicate_of") or ()),
            timeline=tuple(TimelineEvent(**e) for e in doc.get("timeline") or ()),
            stance_history=tuple(
                StanceHistory(**{**h, "series": tuple(StancePoint(**p) for p in h.get("series") or ())})
                for h in doc.get("stance_history") or ()),
            count_series=tuple(
                CountSeries(what=s["what"], unit=s.get("unit"), measure=s.get("measure"), points=tuple(
                    CountPoint(**{**p, "value": Decimal(str(p["value"]))}) for p in s.get("points") or ()))
                for s in doc.get("count_series") or ()),
            contradictions=tuple(
                Contradiction(**{**c, "article_ids": tuple(c.get("article_ids") or ()),
                                 "actors": tuple(c.get("actors") or ()), "values": tuple(c.get("values") or ())})
                for c in doc.get("contradictions") or ()),
            first_on=doc.get("first_on"),
            last_on=doc.get("last_on"),
        )
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise StoreError(f"Cannot read stored story {doc.get('id')!r}: {exc}") from exc
