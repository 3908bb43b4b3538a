"""The ``claimants`` component: who gives each figure, and as of when.

A count takes its claimant from the attribution frame of its clause, which the quotes component has already
laid out: a figure inside a direct quote is the speaker's, a figure inside reported content (``AS
memperkirakan bahwa lebih dari 10.000 ...``, ``Menurut BNPB, 12 orang ...``) is the reporting speaker's, and a
figure in the article's own voice has no claimant. A count with no date of its own takes the frame's date
(``said_on``) as ``as_of``.
"""
from __future__ import annotations

import dataclasses

from ..model import Article, Count, Quote


def attribute_counts(article: Article) -> tuple[Count, ...]:
    """``article.counts`` with ``claimant``, ``claimant_id`` and (when missing) ``as_of`` filled from its quotes."""
    out = []
    for count in article.counts:
        frame = frame_of(article.quotes, count.start, count.end)
        if frame is None or not frame.speaker:
            out.append(count)
            continue
        out.append(dataclasses.replace(
            count,
            claimant=frame.speaker,
            claimant_id=frame.speaker_id,
            as_of=count.as_of or frame.said_on,
        ))
    return tuple(out)


def frame_of(quotes: tuple[Quote, ...], start: int, end: int) -> Quote | None:
    """The innermost quote whose words hold ``start:end`` (None: the outlet's own voice)."""
    best: Quote | None = None
    for q in quotes:
        if q.start <= start and end <= q.end and (best is None or q.end - q.start < best.end - best.start):
            best = q
    return best


def register(registry) -> None:
    """Registers the ``claimants`` component."""

    @registry.register("claimants", requires=("counts", "quotes", "entities"), produces=("counts",))
    def _claimants(article: Article, resources) -> Article:
        """Claimant and date of each count, from the attribution frame of its clause."""
        return dataclasses.replace(article, counts=attribute_counts(article))


__all__ = ["attribute_counts", "frame_of", "register"]
