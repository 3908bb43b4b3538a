"""The JSON export: every article with its annotations, the entities shared across articles, and the stories.

The shape follows ``schema/export.schema.json`` (and the acceptance README). ``Article.to_dict`` gives each
article object, ``Story.to_dict`` each story.
"""
from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Sequence

from .. import __version__
from ..model import Article, Entity, Story

EXPORT_SCHEMA = "linimasa-export/1"


def build_export(articles: Iterable[Article], stories: Sequence[Story] = (), entities: Sequence[Entity] = (),
                 sources: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The export document. ``sources`` (article id -> every input it was read from) adds ``also_from``."""
    arts = []
    merged: dict[str, dict[str, Any]] = {e.id: {"id": e.id, "name": e.name, "type": e.type,
                                                "aliases": sorted(set(e.aliases))} for e in entities}
    for art in articles:
        doc = art.to_dict()
        if sources and len(sources.get(art.id, ())) > 1:
            doc["also_from"] = [s for s in sources[art.id] if s != art.source]
        arts.append(doc)
        for ent in art.entities:
            top = merged.setdefault(ent.id, {"id": ent.id, "name": ent.name, "type": ent.type, "aliases": []})
            top["aliases"] = sorted(set(top["aliases"]) | set(ent.aliases) | {ent.name})
    return {
        "schema": EXPORT_SCHEMA,
        "generator": f"linimasa {__version__}",
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "articles": arts,
        "entities": sorted(merged.values(), key=lambda e: e["id"]),
        "stories": [s.to_dict() for s in stories],
    }


def write_json(doc: dict[str, Any], path: str | Path) -> None:
    """Write atomically (a temporary file renamed into place), so a crash never leaves half an export."""
    path = Path(path)
    if str(path) == "-":
        import sys

        json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_store(store, path: str | Path) -> dict[str, Any]:
    """Export everything in ``store`` to ``path``; returns the document."""
    articles = list(store.articles())
    sources = {a.id: store.sources_of(a.id) for a in articles}
    doc = build_export(articles, store.stories(), store.entities(), sources)
    write_json(doc, path)
    return doc


__all__ = ["build_export", "write_json", "export_store", "EXPORT_SCHEMA"]
