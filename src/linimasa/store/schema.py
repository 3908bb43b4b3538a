"""Tables and named, recorded, transactional migrations.

Each migration runs inside one transaction together with the row that records it in ``schema_migrations``,
so a database is always at a whole version. Never edit a released migration: add a new one.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0001_initial", """
    CREATE TABLE raw_documents (
        id TEXT PRIMARY KEY,              -- sha256(data)[:16]
        source TEXT NOT NULL,
        format TEXT NOT NULL,
        data BLOB NOT NULL,               -- bytes exactly as read; never rewritten
        fields TEXT NOT NULL DEFAULT '{}',
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,              -- sha256 of normalised title + body
        raw_id TEXT NOT NULL REFERENCES raw_documents(id),
        source TEXT,
        url TEXT,
        title TEXT,
        outlet TEXT,
        published TEXT,
        language TEXT,
        data TEXT NOT NULL,               -- the cleaned article (model.Article.to_dict without annotations)
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_url ON articles(url);
    CREATE TABLE article_sources (       -- every input that yielded an article (the same text may come twice)
        source TEXT NOT NULL,
        raw_id TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id),
        PRIMARY KEY (raw_id, source)
    );
    CREATE TABLE annotations (
        article_id TEXT NOT NULL REFERENCES articles(id),
        pipeline_version TEXT NOT NULL,
        data TEXT NOT NULL,               -- model.Article.to_dict() with annotations
        created_at TEXT NOT NULL,
        PRIMARY KEY (article_id, pipeline_version)
    );
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE failures (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id INTEGER,
        source TEXT NOT NULL,
        stage TEXT NOT NULL,
        error TEXT NOT NULL,
        article_id TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        command TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        data TEXT NOT NULL,               -- model.Story.to_dict()
        updated_at TEXT NOT NULL
    );
    CREATE TABLE story_articles (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        story_id TEXT NOT NULL
    );
    CREATE INDEX story_articles_story ON story_articles(story_id);
    CREATE TABLE cluster_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2');
    """),
    ("0002_typed_numbers", """
    CREATE TABLE numbers (                -- every typed number (counts, money, percent, measures...) for later use
        article_id TEXT NOT NULL REFERENCES articles(id),
        pipeline_version TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        value TEXT NOT NULL,
        kind TEXT NOT NULL,
        qualifier TEXT NOT NULL,
        unit TEXT,
        PRIMARY KEY (article_id, pipeline_version, start)
    );
    CREATE INDEX numbers_kind ON numbers(kind);
    """),
)

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations this database lacks, each in its own transaction; returns their names."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL)")
    done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
    applied = []
    for version, (name, sql) in enumerate(MIGRATIONS, 1):
        if version in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                         (version, name, datetime.now(timezone.utc).isoformat()))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def _statements(sql: str) -> list[str]:
    lines = [line.split("--")[0] for line in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def schema_version(conn: sqlite3.Connection) -> int:
    try:
        row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    except sqlite3.OperationalError:
        return 0
    return int(row[0] or 0)
