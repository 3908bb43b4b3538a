"""Ingest: read inputs (files, folders, stdin, JSONL/JSON, WARC, RSS) and turn them into clean Articles.

    read_sources(paths)  -> RawDocument | Failure     (sources.py)
    parse_raw(raw)       -> Article, or ParseError    (parse.py)
    parse_text(text,...) -> Article                   (parse.py)
    decode(bytes)        -> str, or IngestError       (decode.py)
"""
from __future__ import annotations

from .decode import decode
from .parse import article_id, parse_raw, parse_text
from .sources import RawDocument, read_sources

__all__ = ["RawDocument", "read_sources", "parse_raw", "parse_text", "decode", "article_id"]
