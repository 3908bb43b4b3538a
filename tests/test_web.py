"""The read-only web app, through HTTP (Starlette's TestClient) against a store built here."""
from __future__ import annotations

import dataclasses
import warnings
from dataclasses import dataclass
from datetime import date

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette deprecates its httpx-based TestClient; it works
    from fastapi.testclient import TestClient

from linimasa.errors import StoreError
from linimasa.model import Article, Quote, Story, TimelineEvent
from linimasa.store import SqliteStore
from linimasa.web.app import create_app

HOSTILE = '<script>alert("x")</script>"><img src=x onerror=alert(1)>'
TEXT = f'"Stok beras aman," kata Sari Wulandari di Jakarta, Senin. Warga menulis {HOSTILE} di media sosial.'


@dataclass(frozen=True)
class Raw:
    id: str
    source: str
    data: bytes
    format: str = "text"
    fields: tuple = ()


@pytest.fixture()
def client(tmp_path):
    path = tmp_path / "web.db"
    quote = Quote(start=1, end=16, text="Stok beras aman", kind="direct", speaker="Sari Wulandari",
                  said_on="2025-05-05")
    article = Article(id="art-1", text=TEXT, title=f"Stok Beras {HOSTILE}", outlet="Warta Kita",
                      published=date(2025, 5, 5), source="a.txt")
    other = Article(id="art-2", text="Harga cabai turun di Pasar Minggu.", title="Harga Cabai", source="b.txt")
    story = Story(id="s-rice", title=f"Stok beras {HOSTILE}", article_ids=("art-1",),
                  timeline=(TimelineEvent("2025-05-05", "quote", "Sari Wulandari: Stok beras aman", "art-1",
                                          1, 16, actor="Sari Wulandari"),), first_on="2025-05-05",
                  last_on="2025-05-05")
    with SqliteStore(path) as store:
        store.add_articles([(Raw("r1", "a.txt", b"1"), article), (Raw("r2", "b.txt", b"2"), other)])
        store.add_annotations([dataclasses.replace(article, quotes=(quote,), pipeline_version="test"),
                               dataclasses.replace(other, pipeline_version="test")])
        store.save_stories({"art-1": "s-rice"}, {}, [story])
    with TestClient(create_app(str(path))) as test_client:
        yield test_client


def test_story_list_page(client):
    response = client.get("/")
    assert response.status_code == 200 and 'href="/stories/s-rice"' in response.text
    assert "<script>alert" not in response.text and "&lt;script&gt;alert" in response.text
    assert "script-src" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_story_page_is_the_report_of_one_story(client):
    response = client.get("/stories/s-rice")
    assert response.status_code == 200
    assert '<mark class="hl-quote">Stok beras aman</mark>' in response.text
    assert "<img" not in response.text


def test_article_page_highlights_what_was_found(client):
    response = client.get("/articles/art-1")
    assert response.status_code == 200
    assert '<mark class="hl-quote">Stok beras aman</mark>' in response.text
    assert 'href="/stories/s-rice"' in response.text and "<img" not in response.text


@pytest.mark.parametrize("path,status,key,value", [
    ("/api/stories", 200, None, None),
    ("/api/stories/s-rice", 200, "title", f"Stok beras {HOSTILE}"),
    ("/api/articles/art-2", 200, "title", "Harga Cabai"),
    ("/api/stories/nope", 404, "error", "No story 'nope'."),
    ("/api/articles/nope", 404, "error", "No article 'nope'."),
])
def test_json_api(client, path, status, key, value):
    response = client.get(path)
    assert response.status_code == status
    if key is None:
        assert response.json()[0]["id"] == "s-rice" and response.json()[0]["articles"] == 1
    else:
        assert response.json()[key] == value


def test_search_api_and_page(client):
    hits = client.get("/api/search", params={"q": "cabai"}).json()
    assert [h["article_id"] for h in hits] == ["art-2"] and "<mark>" in hits[0]["snippet"].lower()
    page = client.get("/search", params={"q": "cabai"})
    assert page.status_code == 200 and 'href="/articles/art-2"' in page.text


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "beras", "limit": 0}])
def test_bad_search_gives_one_error_shape(client, params):
    response = client.get("/api/search", params=params)
    assert response.status_code == 422 and response.json()["error"].startswith("Bad request")


def test_html_not_found_page(client):
    response = client.get("/stories/nope")
    assert response.status_code == 404 and "Not found" in response.text


def test_missing_database_fails_at_creation(tmp_path):
    with pytest.raises(StoreError, match="No database"):
        create_app(str(tmp_path / "absent.db"))
