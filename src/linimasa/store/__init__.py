"""Persistence: raw inputs, cleaned articles, annotations, stories (SQLite, standard library)."""
from .sqlite import IngestOutcome, SqliteStore

__all__ = ["SqliteStore", "IngestOutcome"]
