"""Runners map :func:`linimasa.annotate.annotate_batch` over articles: in-process, in local processes, or on Dask."""
from .local import annotate_articles

__all__ = ["annotate_articles"]
