"""An ordered list of components, checked when built, run per article.

``annotate_batch(articles, spec)`` is what the runners (in-process, multiprocessing, Dask) map over chunks of
articles: ``spec`` is a small frozen :class:`PipelineSpec`, and each worker rebuilds the pipeline itself.
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
from pathlib import Path
from dataclasses import dataclass
from typing import Iterable

from ..errors import PipelineError
from ..model import Article, Failure
from .registry import INGEST_FIELDS, Registry, Resources, default_registry

log = logging.getLogger(__name__)

DEFAULT_COMPONENTS = ("timexes", "numbers", "entities", "quotes", "counts", "claimants", "stances")
PIPELINE_SCHEMA = "1"


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    components: tuple[str, ...] = DEFAULT_COMPONENTS
    strict: bool = False


class Pipeline:
    def __init__(self, spec: PipelineSpec = PipelineSpec(), registry: Registry | None = None,
                 resources: Resources | None = None):
        self.spec = spec
        self.registry = registry or default_registry()
        self.components = tuple(self.registry.get(n) for n in spec.components)
        self.resources = resources or Resources()
        have = set(INGEST_FIELDS)
        for comp in self.components:
            missing = [r for r in comp.requires if r not in have]
            if missing:
                raise PipelineError(
                    f"Component {comp.name!r} requires {', '.join(missing)}, which no earlier component produces. "
                    f"Order: {', '.join(spec.components)}")
            have.update(comp.produces)
        self.version = self._version()

    def _version(self) -> str:
        from ..lang import available, lexicon_hashes
        from .. import __version__

        h = hashlib.sha256()
        h.update(f"{__version__}|{PIPELINE_SCHEMA}|{','.join(self.spec.components)}".encode())
        # the annotators' own code and the model's metadata: an upgraded linimasa re-annotates by itself
        package = Path(__file__).resolve().parent
        for path in sorted(package.glob("*.py")):
            h.update(path.name.encode() + path.read_bytes())
        model_meta = package.parent / "models" / "ner-id" / "meta.json"
        if model_meta.is_file():
            h.update(model_meta.read_bytes())
        for lang in ("id", "en"):
            if available(lang):
                for name, digest in sorted(lexicon_hashes(lang).items()):
                    h.update(f"{lang}/{name}={digest}".encode())
        return f"{__version__}+{h.hexdigest()[:10]}"

    def __call__(self, article: Article) -> Article:
        out, failures = self.run(article)
        if failures and self.spec.strict:
            raise PipelineError(failures[0].error)
        return out

    def run(self, article: Article) -> tuple[Article, list[Failure]]:
        """Annotate one article. A component that crashes is recorded as a Failure and skipped (unless strict)."""
        failures: list[Failure] = []
        for comp in self.components:
            try:
                result = comp(article, self.resources)
            except Exception as exc:  # one failing component never stops a run
                if self.spec.strict:
                    raise PipelineError(f"Component {comp.name!r} failed on article {article.id} "
                                        f"({article.source}): {type(exc).__name__}: {exc}") from exc
                log.warning("component %s failed on %s: %s", comp.name, article.source, exc, exc_info=True)
                failures.append(Failure(article.source or article.id, f"annotate:{comp.name}",
                                        f"{type(exc).__name__}: {exc}", article.id))
                continue
            if not isinstance(result, Article):
                raise PipelineError(f"Component {comp.name!r} returned {type(result).__name__}, not Article")
            article = result
        return dataclasses.replace(article, pipeline_version=self.version), failures


_PIPELINES: dict[PipelineSpec, Pipeline] = {}


def pipeline_for(spec: PipelineSpec) -> Pipeline:
    """The process's pipeline for ``spec`` (built once per worker process)."""
    if spec not in _PIPELINES:
        _PIPELINES[spec] = Pipeline(spec)
    return _PIPELINES[spec]


def annotate_batch(articles: Iterable[Article], spec: PipelineSpec = PipelineSpec()
                   ) -> list[tuple[Article, list[Failure]]]:
    """Map the pipeline over a batch; safe to call in any worker process."""
    pipe = pipeline_for(spec)
    return [pipe.run(a) for a in articles]


__all__ = ["Pipeline", "PipelineSpec", "annotate_batch", "pipeline_for", "DEFAULT_COMPONENTS"]
