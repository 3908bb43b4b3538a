"""The ``claimants`` component: who gives each figure, and as of when.

A count takes its claimant from the attribution frame of its clause, which the quotes component has already
laid out: a figure inside a direct quote is the speaker's, a figure inside reported content (``AS
memperkirakan bahwa lebih dari 10.000 ...``, ``Menurut BNPB, 12 orang ...``) is the reporting speaker's, and a
figure in the article's own voice has no claimant. A sentence with no frame of its own right after reported
speech in the same paragraph goes on with that speech (``..., menurut Agus. Petugas mengamankan 21 awak
kapal.``). A count with no date of its own takes the frame's date (``said_on``) as ``as_of``.
"""
from __future__ import annotations

import dataclasses

from ..model import Article, Count, Quote, Span
from .sentences import paragraphs, sentence_at, split_sentences


def attribute_counts(article: Article) -> tuple[Count, ...]:
    """``article.counts`` with ``claimant``, ``claimant_id`` and (when missing) ``as_of`` filled from its quotes."""
    out = []
    sentences = split_sentences(article.text) if article.counts else ()
    paras = paragraphs(article.text) if article.counts else ()
    for count in article.counts:
        frame = frame_of(article.quotes, count.start, count.end) \
            or carried_frame(article.quotes, sentences, paras, count.start)
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


def carried_frame(quotes: tuple[Quote, ...], sentences: tuple[Span, ...], paras: tuple[Span, ...],
                  pos: int) -> Quote | None:
    """The reported speech a sentence with no frame of its own goes on with: the indirect quote that runs to the
    end of the sentence just before it in the same paragraph (``Teguh menyebutkan, penyidik telah memeriksa 23
    saksi. Dari jumlah itu, tiga orang telah ditetapkan sebagai tersangka.``: the three are Teguh's figure)."""
    here = sentence_at(sentences, pos)
    para = sentence_at(paras, pos)
    if here is None or para is None:
        return None
    if any(q.start < here.end and here.start < q.end for q in quotes):
        return None  # the sentence has a frame (or a quote) of its own
    before = [s for s in sentences if para.start <= s.start and s.end <= here.start]
    if not before:
        return None
    last = before[-1]
    carried = [q for q in quotes if q.kind == "indirect" and last.start <= q.start < last.end and q.end >= last.end - 2]
    return carried[-1] if carried else None


def register(registry) -> None:
    """Registers the ``claimants`` component."""

    @registry.register("claimants", requires=("counts", "quotes", "entities"), produces=("counts",))
    def _claimants(article: Article, resources) -> Article:
        """Claimant and date of each count, from the attribution frame of its clause."""
        return dataclasses.replace(article, counts=attribute_counts(article))


__all__ = ["attribute_counts", "frame_of", "register"]
