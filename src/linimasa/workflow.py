"""The main job, as a library call: ingest -> annotate -> store -> stories.

``analyze(paths, store)`` is what ``linimasa analyze`` runs. Each stage writes in batch transactions, so a run
stopped at any point leaves a consistent store, and running it again completes the work (raw inputs already
stored are not parsed again; articles without annotations of the current pipeline are annotated).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import BinaryIO, Callable, Sequence

from .annotate.pipeline import Pipeline, PipelineSpec
from .errors import LinimasaError
from .model import Article, Failure
from .store.sqlite import SqliteStore

log = logging.getLogger(__name__)

#: progress(stage, done, total) — total is None while it is unknown
Progress = Callable[[str, int, "int | None"], None]


@dataclass
class RunSummary:
    """What one run did; ``failures`` lists every input or article that could not be processed, with why."""

    run_id: int | None = None
    read: int = 0  # inputs read (files, JSON records, feed items)
    new: int = 0  # articles stored for the first time
    known: int = 0  # inputs whose article was already stored
    annotated: int = 0  # articles (re-)annotated by this run's pipeline
    stories: int = 0  # stories rebuilt
    pipeline_version: str | None = None
    new_ids: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len({f.source for f in self.failures})

    def as_dict(self) -> dict:
        return {"read": self.read, "new": self.new, "known": self.known, "failed": self.failed,
                "annotated": self.annotated, "stories": self.stories, "pipeline_version": self.pipeline_version}


def _quiet(stage: str, done: int, total: int | None) -> None:
    return None


def ingest(paths: Sequence[str], store: SqliteStore, summary: RunSummary, *, stdin: BinaryIO | None = None,
           progress: Progress = _quiet, batch_size: int = 64, strict: bool = False,
           max_bytes: int | None = None) -> None:
    """Read every input, parse new ones into articles and store raw + clean article in batches."""
    from .ingest.parse import parse_raw
    from .ingest.sources import read_sources

    batch: list[tuple[object, Article]] = []

    def flush() -> None:
        outcome = store.add_articles(batch)  # type: ignore[arg-type]
        summary.new += len(outcome.new)
        summary.known += len(outcome.known)
        summary.new_ids.extend(outcome.new)
        batch.clear()

    from .config import setting

    for item in read_sources(list(paths), stdin=stdin, max_bytes=int(setting("max_bytes", max_bytes))):
        summary.read += 1
        progress("read", summary.read, None)
        if isinstance(item, Failure):
            if strict:
                raise LinimasaError(f"{item.source}: {item.error}")
            summary.failures.append(item)
            continue
        if store.has_raw(item.id) and store.article_for_raw(item.id):
            summary.known += 1
            continue
        try:
            article = parse_raw(item)
        except Exception as exc:  # one bad input never stops a run
            if strict:
                raise
            reason = str(exc) if isinstance(exc, LinimasaError) else f"{type(exc).__name__}: {exc}"
            summary.failures.append(Failure(item.source, "parse", reason))
            continue
        batch.append((item, article))
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()


def annotate_pending(store: SqliteStore, summary: RunSummary, *, spec: PipelineSpec = PipelineSpec(),
                     jobs: int = 1, progress: Progress = _quiet) -> None:
    """Annotate every stored article that lacks annotations from this pipeline version."""
    from .run.local import annotate_articles

    pipeline = Pipeline(spec)
    summary.pipeline_version = pipeline.version
    pending_ids = store.unannotated(pipeline.version)
    if not pending_ids:
        return
    articles = list(store.ingested_articles(pending_ids))
    done = 0
    progress("annotate", 0, len(articles))
    for batch in annotate_articles(articles, spec, jobs=jobs):
        annotated = [a for a, _ in batch]
        for _, failures in batch:
            summary.failures.extend(failures)
        store.add_annotations(annotated)
        done += len(batch)
        summary.annotated += len(batch)
        progress("annotate", done, len(articles))


def analyze(paths: Sequence[str], store: SqliteStore, *, jobs: int = 1, spec: PipelineSpec = PipelineSpec(),
            stdin: BinaryIO | None = None, progress: Progress = _quiet, build_stories: bool = True,
            command: str = "analyze") -> RunSummary:
    """Ingest ``paths``, annotate what is new, update the stories; returns the run's summary."""
    summary = RunSummary()
    summary.run_id = store.start_run(command)
    try:
        ingest(paths, store, summary, stdin=stdin, progress=progress, strict=spec.strict)
        annotate_pending(store, summary, spec=spec, jobs=jobs, progress=progress)
        if build_stories:
            from .stories.update import update_stories

            progress("stories", 0, None)
            # articles annotated again by a newer pipeline may change stories they already belong to
            summary.stories = len(update_stories(store, rebuild_all=summary.annotated > summary.new))
    finally:
        store.add_failures(summary.failures, summary.run_id)
        store.finish_run(summary.run_id, summary.as_dict())
    return summary


__all__ = ["analyze", "ingest", "annotate_pending", "RunSummary"]
