"""Annotate on a Dask cluster (extra: ``pip install linimasa[dask]``).

Each partition of articles is mapped through :func:`annotate_batch` on a worker, which rebuilds the pipeline from
the frozen spec; results are gathered to the driver, where the single writer stores them.
"""
from __future__ import annotations

from typing import Iterator, Sequence

from ..annotate.pipeline import PipelineSpec, annotate_batch
from ..errors import ConfigError
from ..model import Article, Failure


def annotate_articles_dask(articles: Sequence[Article], spec: PipelineSpec = PipelineSpec(), *,
                           scheduler: str | None = None, partition_size: int = 32
                           ) -> Iterator[list[tuple[Article, list[Failure]]]]:
    """Yield annotated partitions. ``scheduler`` is a Dask scheduler address, "synchronous" or None (local)."""
    try:
        import dask.bag as db
    except ImportError as exc:  # the extra is not installed
        raise ConfigError("The Dask runner needs the dask extra: pip install 'linimasa[dask]'") from exc
    bag = db.from_sequence(list(articles), partition_size=partition_size)
    results = bag.map_partitions(lambda part: annotate_batch(list(part), spec))
    if scheduler and scheduler not in ("synchronous", "threads", "processes"):
        from dask.distributed import Client

        with Client(scheduler) as client:
            done = client.compute(results.to_delayed(), sync=True)
    else:
        import dask

        done = dask.compute(*results.to_delayed(), scheduler=scheduler or "processes")
    for part in done:
        yield list(part)
