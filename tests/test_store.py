"""The store: migrations, idempotent ingest, annotations keyed by pipeline version, search."""
from __future__ import annotations

import dataclasses
import sqlite3
from dataclasses import dataclass

import pytest

from linimasa.errors import StoreError
from linimasa.model import Article, Quote, Story
from linimasa.store import SqliteStore
from linimasa.store.schema import MIGRATIONS


@dataclass(frozen=True)
class Raw:
    id: str
    source: str
    data: bytes
    format: str = "text"
    fields: tuple = ()


def _article(i: int, text: str = "Banjir melanda Kota Bekasi pada Senin.") -> Article:
    return Article(id=f"art{i}", text=text, source=f"f{i}.txt", title=f"Judul {i}")


def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "s.db"
    SqliteStore(path).close()
    SqliteStore(path).close()
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert [r[1] for r in rows] == [name for name, _ in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_add_articles_is_idempotent(tmp_path):
    with SqliteStore(tmp_path / "s.db") as store:
        first = store.add_articles([(Raw("r1", "f1.txt", b"x"), _article(1))])
        again = store.add_articles([(Raw("r1", "f1.txt", b"x"), _article(1))])
        assert first.new == ["art1"] and again.new == [] and again.known == ["art1"]
        # the same article read from another file is recorded as another source, not a second article
        store.add_articles([(Raw("r2", "copy.txt", b"y"), _article(1))])
        assert store.stats()["articles"] == 1
        assert store.sources_of("art1") == ["copy.txt", "f1.txt"]
        assert store.raw_bytes("r1") == b"x"


def test_newer_pipeline_adds_rows_and_is_read(tmp_path):
    with SqliteStore(tmp_path / "s.db") as store:
        art = _article(1, '"Air surut," kata Budi.')
        store.add_articles([(Raw("r1", "f1.txt", b"x"), art)])
        assert store.unannotated("v1") == ["art1"]
        old = dataclasses.replace(art, pipeline_version="v1")
        store.add_annotations([old])
        assert store.unannotated("v1") == []
        new = dataclasses.replace(art, pipeline_version="v2",
                                  quotes=(Quote(1, 10, "Air surut", "direct", "Budi"),))
        store.add_annotations([new])
        [got] = list(store.articles())
        assert got.pipeline_version == "v2" and got.quotes[0].speaker == "Budi"
        assert store.stats()["pipeline_versions"] == 2
        assert store.raw_bytes("r1") == b"x"  # raw input untouched


def test_annotations_need_a_pipeline_version(tmp_path):
    with SqliteStore(tmp_path / "s.db") as store:
        store.add_articles([(Raw("r1", "f1.txt", b"x"), _article(1))])
        with pytest.raises(StoreError, match="pipeline_version"):
            store.add_annotations([_article(1)])


def test_failed_batch_rolls_back(tmp_path):
    with SqliteStore(tmp_path / "s.db") as store:
        with pytest.raises(RuntimeError):
            with store.transaction() as c:
                c.execute("INSERT INTO runs (started_at, command) VALUES ('x', 'y')")
                raise RuntimeError("boom")
        assert store.conn.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 0


def test_search_escapes_and_marks(tmp_path):
    with SqliteStore(tmp_path / "s.db") as store:
        store.add_articles([(Raw("r1", "f1.txt", b"x"), _article(1, "Warga <b>Bekasi</b> mengungsi karena banjir."))])
        [(aid, title, snippet)] = store.search("banjir")
        assert aid == "art1" and "<mark>banjir</mark>" in snippet and "&lt;b&gt;" in snippet
        assert store.search('"unbalanced') == []


def test_stories_round_trip(tmp_path):
    with SqliteStore(tmp_path / "s.db") as store:
        story = Story("s-1", "Banjir Bekasi", ("art1",), first_on="2025-03-03")
        store.add_articles([(Raw("r1", "f1.txt", b"x"), _article(1))])
        store.save_stories({"art1": "s-1"}, {"stories": []}, [story])
        assert store.stories() == [story]
        assert store.story("s-") == story
        assert store.story_assignments() == {"art1": "s-1"}


def test_readonly_store_refuses_missing_file(tmp_path):
    with pytest.raises(StoreError, match="No database"):
        SqliteStore(tmp_path / "missing.db", readonly=True)


def test_not_a_database(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="Cannot open database"):
        SqliteStore(bad)
