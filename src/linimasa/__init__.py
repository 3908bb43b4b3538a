"""linimasa: follow a news story across outlets, languages and months.

Library use::

    import linimasa
    art = linimasa.annotate("JAKARTA - ... kata Menlu Sugiono, Kamis (24/10/2024).", published="2024-10-25")
    art.quotes[0].speaker, art.timexes[0].value
    art.to_dict()   # the article object of the JSON export
"""
from __future__ import annotations

from datetime import date, datetime

__version__ = "0.1.0"

from .errors import (ConfigError, IngestError, LexiconError, LinimasaError, ParseError, PipelineError,
                     StoreError)
from .model import (Article, Author, Contradiction, Count, CountPoint, CountSeries, Entity, Failure, Mention,
                    Number, Quote, Stance, StanceHistory, StancePoint, Story, TimelineEvent, Timex, Warning)

# The subpackage ``linimasa.annotate`` is imported here, before the function of the same name is defined, so that
# importing the subpackage later never rebinds ``linimasa.annotate`` away from the function below.
from . import annotate as _annotate_package  # noqa: E402,F401


def annotate(text: str, *, published: str | date | datetime | None = None, source: str | None = None,
             language: str | None = None, title: str | None = None, outlet: str | None = None) -> Article:
    """Clean, date and annotate one article given as text; returns the annotated :class:`Article`.

    >>> art = annotate('"Stok aman," kata Budi Santoso, Senin (28/4/2025).', published="2025-04-29")
    >>> art.quotes[0].speaker
    'Budi Santoso'
    """
    from .annotate.pipeline import PipelineSpec, pipeline_for
    from .ingest.parse import parse_text

    article = parse_text(text, source=source, published=published, language=language, title=title,
                         outlet=outlet)
    return pipeline_for(PipelineSpec())(article)


__all__ = [
    "__version__", "annotate",
    "Article", "Author", "Contradiction", "Count", "CountPoint", "CountSeries", "Entity", "Failure", "Mention",
    "Number", "Quote", "Stance", "StanceHistory", "StancePoint", "Story", "TimelineEvent", "Timex", "Warning",
    "LinimasaError", "IngestError", "ParseError", "LexiconError", "PipelineError", "StoreError", "ConfigError",
]
