"""SqliteStore: one writer, batch transactions, content-hash keys, WAL.

Raw input is stored first and never rewritten; the cleaned article next; annotations are keyed by
``(article_id, pipeline_version)`` so a newer pipeline adds rows and the newest one is read. Every batch of
writes is one transaction, so a run killed at any point (even ``kill -9``) leaves a consistent database, and
running the same command again completes the work.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from ..errors import StoreError
from ..model import Article, Entity, Failure, Story
from .schema import SCHEMA_VERSION, migrate, schema_version

_ANNOTATION_FIELDS = ("entities", "quotes", "counts", "timexes", "numbers", "stances", "warnings")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class IngestOutcome:
    """What happened to one input in :meth:`SqliteStore.add_articles`."""

    new: list[str] = field(default_factory=list)  # article ids stored for the first time
    known: list[str] = field(default_factory=list)  # already stored (same content)


class SqliteStore:
    """The embedded store. ``SqliteStore(path)`` opens (creating and migrating) a database file;
    ``readonly=True`` opens an existing one without writing."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise StoreError(f"No database at {self.path}. Run `linimasa analyze PATH --db {self.path}` first.")
                self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None,
                                            check_same_thread=False)
            else:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self.conn.execute("PRAGMA foreign_keys=ON")
                migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"Cannot open database {self.path}: {exc}. Is it a linimasa database?") from exc
        version = schema_version(self.conn)
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {version}, newer than this linimasa "
                             f"({SCHEMA_VERSION}). Upgrade linimasa.")
        if readonly and version < SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {version}; open it once for writing to migrate.")

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "SqliteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic batch of writes."""
        if self.readonly:
            raise StoreError(f"{self.path} is open read-only")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # ------------------------------------------------------------------ runs and failures

    def start_run(self, command: str) -> int:
        with self.transaction() as c:
            cur = c.execute("INSERT INTO runs (started_at, command) VALUES (?, ?)", (_now(), command))
            return int(cur.lastrowid)

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        with self.transaction() as c:
            c.execute("UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?",
                      (_now(), json.dumps(summary, ensure_ascii=False), run_id))

    def add_failures(self, failures: Iterable[Failure], run_id: int | None = None) -> None:
        rows = [(run_id, f.source, f.stage, f.error, f.article_id, _now()) for f in failures]
        if rows:
            with self.transaction() as c:
                c.executemany("INSERT INTO failures (run_id, source, stage, error, article_id, created_at)"
                              " VALUES (?, ?, ?, ?, ?, ?)", rows)

    def failures(self, run_id: int | None = None) -> list[Failure]:
        sql = "SELECT source, stage, error, article_id FROM failures"
        args: tuple = ()
        if run_id is not None:
            sql += " WHERE run_id = ?"
            args = (run_id,)
        return [Failure(*row) for row in self.conn.execute(sql + " ORDER BY id", args)]

    # ------------------------------------------------------------------ ingest

    def has_raw(self, raw_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM raw_documents WHERE id = ?", (raw_id,)).fetchone() is not None

    def article_for_raw(self, raw_id: str) -> str | None:
        row = self.conn.execute("SELECT article_id FROM article_sources WHERE raw_id = ? LIMIT 1",
                                (raw_id,)).fetchone()
        return row[0] if row else None

    def add_articles(self, items: Sequence[tuple[Any, Article]]) -> IngestOutcome:
        """Store ``(raw_document, article)`` pairs in one transaction; raw first, then the cleaned article.

        An article already stored (same content hash) is not stored again; its new source is still recorded.
        """
        outcome = IngestOutcome()
        if not items:
            return outcome
        now = _now()
        with self.transaction() as c:
            for raw, art in items:
                c.execute("INSERT OR IGNORE INTO raw_documents (id, source, format, data, fields, ingested_at)"
                          " VALUES (?, ?, ?, ?, ?, ?)",
                          (raw.id, raw.source, raw.format, raw.data,
                           json.dumps(dict(raw.fields), ensure_ascii=False), now))
                known = c.execute("SELECT 1 FROM articles WHERE id = ?", (art.id,)).fetchone() is not None
                if known:
                    outcome.known.append(art.id)
                else:
                    doc = art.to_dict()
                    for name in _ANNOTATION_FIELDS:
                        doc[name] = []
                    c.execute("INSERT INTO articles (id, raw_id, source, url, title, outlet, published, language,"
                              " data, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              (art.id, raw.id, art.source, art.url, art.title, art.outlet, doc["published"],
                               art.language, json.dumps(doc, ensure_ascii=False), now))
                    c.execute("INSERT INTO articles_fts (article_id, title, body) VALUES (?, ?, ?)",
                              (art.id, art.title or "", art.text))
                    outcome.new.append(art.id)
                c.execute("INSERT OR IGNORE INTO article_sources (source, raw_id, article_id) VALUES (?, ?, ?)",
                          (raw.source, raw.id, art.id))
        return outcome

    def ingested_articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Cleaned articles as ingest made them (no annotations)."""
        if ids is None:
            rows = self.conn.execute("SELECT data FROM articles ORDER BY published, id")
            for (data,) in rows.fetchall():
                yield Article.from_dict(json.loads(data))
            return
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            for (data,) in self.conn.execute(f"SELECT data FROM articles WHERE id IN ({marks})", chunk).fetchall():
                yield Article.from_dict(json.loads(data))

    def unannotated(self, pipeline_version: str) -> list[str]:
        """Ids of articles with no annotations from ``pipeline_version`` (the work a re-run still has to do)."""
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM annotations WHERE pipeline_version = ?)"
            " ORDER BY published, id", (pipeline_version,))
        return [r[0] for r in rows]

    # ------------------------------------------------------------------ annotations

    def add_annotations(self, articles: Sequence[Article]) -> None:
        """Store annotated articles (one transaction). A newer pipeline version adds rows; nothing is overwritten
        except a re-run of the very same version."""
        if not articles:
            return
        now = _now()
        with self.transaction() as c:
            for art in articles:
                if not art.pipeline_version:
                    raise StoreError(f"Article {art.id} has no pipeline_version; annotate it through a Pipeline")
                c.execute("INSERT OR REPLACE INTO annotations (article_id, pipeline_version, data, created_at)"
                          " VALUES (?, ?, ?, ?)",
                          (art.id, art.pipeline_version, json.dumps(art.to_dict(), ensure_ascii=False), now))
                c.execute("DELETE FROM numbers WHERE article_id = ? AND pipeline_version = ?",
                          (art.id, art.pipeline_version))
                c.executemany(
                    'INSERT OR IGNORE INTO numbers (article_id, pipeline_version, start, "end", text, value, kind,'
                    " qualifier, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(art.id, art.pipeline_version, n.start, n.end, n.text, str(n.value), n.kind, n.qualifier,
                      n.unit) for n in art.numbers])
                for ent in art.entities:
                    row = c.execute("SELECT aliases FROM entities WHERE id = ?", (ent.id,)).fetchone()
                    aliases = set(json.loads(row[0])) if row else set()
                    aliases.update(ent.aliases)
                    aliases.add(ent.name)
                    c.execute("INSERT INTO entities (id, name, type, aliases) VALUES (?, ?, ?, ?) ON CONFLICT(id)"
                              " DO UPDATE SET aliases = excluded.aliases",
                              (ent.id, ent.name, ent.type, json.dumps(sorted(aliases), ensure_ascii=False)))

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Articles with their newest annotations (an unannotated article comes as ingested)."""
        sql = ("SELECT a.id, a.data, (SELECT n.data FROM annotations n WHERE n.article_id = a.id"
               " ORDER BY n.created_at DESC, n.rowid DESC LIMIT 1) FROM articles a")
        if ids is None:
            rows = self.conn.execute(sql + " ORDER BY a.published, a.id").fetchall()
        else:
            rows = []
            for chunk in _chunks(list(ids), 500):
                marks = ",".join("?" * len(chunk))
                rows.extend(self.conn.execute(sql + f" WHERE a.id IN ({marks})", chunk).fetchall())
        for _id, base, annotated in rows:
            yield Article.from_dict(json.loads(annotated or base))

    def article(self, article_id: str) -> Article | None:
        """One article by id, or by a unique id prefix."""
        row = self.conn.execute("SELECT id FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            rows = self.conn.execute("SELECT id FROM articles WHERE id LIKE ? LIMIT 2",
                                     (article_id.replace("%", "") + "%",)).fetchall()
            if len(rows) != 1:
                return None
            row = rows[0]
        return next(self.articles([row[0]]), None)

    def sources_of(self, article_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT source FROM article_sources WHERE article_id = ?"
                                                " ORDER BY source", (article_id,))]

    def entities(self) -> list[Entity]:
        return [Entity(id=i, name=n, type=t, aliases=tuple(json.loads(a)))
                for i, n, t, a in self.conn.execute("SELECT id, name, type, aliases FROM entities ORDER BY id")]

    def raw_bytes(self, raw_id: str) -> bytes | None:
        row = self.conn.execute("SELECT data FROM raw_documents WHERE id = ?", (raw_id,)).fetchone()
        return bytes(row[0]) if row else None

    # ------------------------------------------------------------------ stories

    def cluster_state(self) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT data FROM cluster_state WHERE id = 1").fetchone()
        return json.loads(row[0]) if row else None

    def story_assignments(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT article_id, story_id FROM story_articles"))

    def save_stories(self, assignments: dict[str, str], state: dict[str, Any], stories: Sequence[Story]) -> None:
        """New article -> story assignments, the clustering state and the rebuilt stories, in one transaction."""
        now = _now()
        with self.transaction() as c:
            c.executemany("INSERT OR REPLACE INTO story_articles (article_id, story_id) VALUES (?, ?)",
                          list(assignments.items()))
            c.execute("INSERT OR REPLACE INTO cluster_state (id, data, updated_at) VALUES (1, ?, ?)",
                      (json.dumps(state, ensure_ascii=False), now))
            for story in stories:
                c.execute("INSERT OR REPLACE INTO stories (id, title, data, updated_at) VALUES (?, ?, ?, ?)",
                          (story.id, story.title, json.dumps(story.to_dict(), ensure_ascii=False), now))

    def stories(self) -> list[Story]:
        from .codec import story_from_dict

        rows = self.conn.execute("SELECT data FROM stories").fetchall()
        stories = [story_from_dict(json.loads(r[0])) for r in rows]
        return sorted(stories, key=lambda s: (-len(s.article_ids), s.last_on or "", s.id))

    def story(self, story_id: str) -> Story | None:
        from .codec import story_from_dict

        row = self.conn.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            rows = self.conn.execute("SELECT data FROM stories WHERE id LIKE ? LIMIT 2",
                                     (story_id.replace("%", "") + "%",)).fetchall()
            if len(rows) != 1:
                return None
            row = rows[0]
        return story_from_dict(json.loads(row[0]))

    # ------------------------------------------------------------------ search and stats

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str, str]]:
        """Full-text search over titles and bodies: (article_id, title, snippet with <mark>, html-escaped)."""
        import html

        try:
            rows = self.conn.execute(
                "SELECT article_id, title, snippet(articles_fts, 2, char(1), char(2), ' … ', 16)"
                " FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
                (_fts_query(query), limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"Cannot search for {query!r}: {exc}") from exc
        out = []
        for aid, title, snip in rows:
            snip = html.escape(snip).replace("\x01", "<mark>").replace("\x02", "</mark>")
            out.append((aid, title, snip))
        return out

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "database": self.path,
            "schema_version": schema_version(self.conn),
            "raw_documents": one("SELECT COUNT(*) FROM raw_documents"),
            "articles": one("SELECT COUNT(*) FROM articles"),
            "annotated": one("SELECT COUNT(DISTINCT article_id) FROM annotations"),
            "pipeline_versions": one("SELECT COUNT(DISTINCT pipeline_version) FROM annotations"),
            "entities": one("SELECT COUNT(*) FROM entities"),
            "stories": one("SELECT COUNT(*) FROM stories"),
            "failures": one("SELECT COUNT(*) FROM failures"),
            "languages": dict(self.conn.execute(
                "SELECT COALESCE(language, '?'), COUNT(*) FROM articles GROUP BY 1 ORDER BY 2 DESC").fetchall()),
            "outlets": dict(self.conn.execute(
                "SELECT COALESCE(outlet, '?'), COUNT(*) FROM articles GROUP BY 1 ORDER BY 2 DESC LIMIT 10"
            ).fetchall()),
        }


def _fts_query(query: str) -> str:
    """User words -> an FTS5 query of quoted terms (so punctuation cannot break the syntax)."""
    words = [w for w in query.replace('"', " ").split() if w]
    if not words:
        raise StoreError("Empty search query")
    return " ".join(f'"{w}"' for w in words)


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
