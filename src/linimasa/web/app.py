"""The read-only web app: browse stories, timelines and articles, and search, over one store.

Pages: ``/`` (stories), ``/stories/{id}`` (the story as in the HTML report: charts, timeline, highlighted
articles), ``/articles/{id}`` (one article with what was found in it), ``/search?q=``. JSON: ``/api/stories``,
``/api/stories/{id}``, ``/api/articles/{id}``, ``/api/search?q=&limit=``; errors are ``{"error": message}``.
Each request opens the database read-only; nothing is ever written. Every HTML response carries a
Content-Security-Policy that allows no script but the report's own.

    uvicorn --factory "linimasa.web.app:create_app" ...   # or: linimasa serve --db X.db
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse

from .. import __version__
from ..errors import LinimasaError
from ..render.html import render_report, script_hash
from ..store.sqlite import SqliteStore
from . import pages


class _NotFound(Exception):
    def __init__(self, message: str):
        self.message = message


def create_app(db_path: str) -> FastAPI:
    """A FastAPI app serving the store at ``db_path`` read-only (raises StoreError if it cannot be opened)."""
    SqliteStore(db_path, readonly=True).close()  # fail now, with the store's message, not on first request
    app = FastAPI(title="linimasa", version=__version__, docs_url="/api/docs", redoc_url=None)
    policy = (f"default-src 'none'; style-src 'unsafe-inline'; script-src '{script_hash()}'; img-src data:; "
              "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")

    def store() -> Iterator[SqliteStore]:
        opened = SqliteStore(db_path, readonly=True)
        try:
            yield opened
        finally:
            opened.close()

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers["Content-Security-Policy"] = policy
        return response

    @app.exception_handler(_NotFound)
    async def not_found(request: Request, exc: _NotFound):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.message}, status_code=404)
        return HTMLResponse(pages.page("not found", f"<h1>Not found</h1><p>{pages._esc(exc.message)}</p>"),
                            status_code=404)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        return JSONResponse({"error": f"Bad request: {problems}"}, status_code=422)

    @app.exception_handler(LinimasaError)
    async def failed(request: Request, exc: LinimasaError):
        return JSONResponse({"error": str(exc)}, status_code=400)

    def _story(db: SqliteStore, story_id: str):
        story = db.story(story_id)
        if story is None:
            raise _NotFound(f"No story {story_id!r}.")
        return story

    def _article(db: SqliteStore, article_id: str):
        article = db.article(article_id)
        if article is None:
            raise _NotFound(f"No article {article_id!r}.")
        return article

    @app.get("/", response_class=HTMLResponse)
    def home(db: SqliteStore = Depends(store)) -> str:
        return pages.story_list(db.stories())

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(story_id: str, db: SqliteStore = Depends(store)) -> str:
        story = _story(db, story_id)
        articles = {a.id: a for a in db.articles(story.article_ids)}
        return render_report([story], articles, title=story.title or story.id)

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(article_id: str, db: SqliteStore = Depends(store)) -> str:
        article = _article(db, article_id)
        story_id = db.story_assignments().get(article.id)
        return pages.article_page(article, db.story(story_id) if story_id else None)

    @app.get("/search", response_class=HTMLResponse)
    def search_page(q: str = Query("", max_length=200), db: SqliteStore = Depends(store)) -> str:
        return pages.search_results(q, db.search(q) if q.strip() else [])

    @app.get("/api/stories")
    def api_stories(db: SqliteStore = Depends(store)) -> list[dict[str, Any]]:
        return [{"id": s.id, "title": s.title, "articles": len(s.article_ids), "first_on": s.first_on,
                 "last_on": s.last_on, "events": len(s.timeline), "contradictions": len(s.contradictions)}
                for s in db.stories()]

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: str, db: SqliteStore = Depends(store)) -> dict[str, Any]:
        return _story(db, story_id).to_dict()

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str, db: SqliteStore = Depends(store)) -> dict[str, Any]:
        return _article(db, article_id).to_dict()

    @app.get("/api/search")
    def api_search(q: str = Query(..., min_length=1, max_length=200), limit: int = Query(20, ge=1, le=100),
                   db: SqliteStore = Depends(store)) -> list[dict[str, str]]:
        return [{"article_id": aid, "title": title, "snippet": snippet}
                for aid, title, snippet in db.search(q, limit=limit)]

    return app


__all__ = ["create_app"]
