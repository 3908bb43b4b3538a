"""Annotate articles in this process or in a pool of local processes (``--jobs N``).

Workers receive only articles and a small frozen :class:`PipelineSpec`; each rebuilds the pipeline once. Results
come back in input order in batches, so the one writer (the caller) can store each batch in one transaction.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator, Sequence

from ..annotate.pipeline import PipelineSpec, annotate_batch
from ..model import Article, Failure

Result = tuple[Article, list[Failure]]


def _batches(items: Sequence[Article], size: int) -> Iterator[list[Article]]:
    for i in range(0, len(items), size):
        yield list(items[i:i + size])


def annotate_articles(articles: Sequence[Article], spec: PipelineSpec = PipelineSpec(), *, jobs: int = 1,
                      batch_size: int = 16) -> Iterator[list[Result]]:
    """Yield annotated batches (each a list of ``(article, failures)``) in input order."""
    if jobs <= 1 or len(articles) <= batch_size:
        for batch in _batches(articles, batch_size):
            yield annotate_batch(batch, spec)
        return
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        futures = [pool.submit(annotate_batch, batch, spec) for batch in _batches(articles, batch_size)]
        for fut in futures:
            yield fut.result()


def flatten(batches: Iterable[list[Result]]) -> Iterator[Result]:
    for batch in batches:
        yield from batch
