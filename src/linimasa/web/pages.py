"""HTML pages of the web app that the report does not already provide: the story list, search results and one
article with everything found in it highlighted. Every string from the store is escaped here.
"""
from __future__ import annotations

from collections.abc import Sequence
from html import escape
from urllib.parse import quote

from ..model import Article, Story
from ..render.html import highlight, stylesheet
from ..render.labels import STANCE_WORDS, figure, published_day


def _esc(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _href(*parts: str) -> str:
    return "/" + "/".join(quote(p, safe="") for p in parts)


def page(title: str, body: str) -> str:
    """A complete page: the report's stylesheet, a search box and ``body`` (already safe HTML)."""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_esc(title)}</title>'
            f'<style>{stylesheet()}</style></head><body><header class="page-head"><p class="meta">'
            f'<a href="/">linimasa</a></p><form action="/search" method="get"><input id="filter" type="search" '
            f'name="q" placeholder="Search articles" aria-label="Search articles"></form></header>'
            f'<main>{body}</main></body></html>')


def story_list(stories: Sequence[Story]) -> str:
    """The home page: every story, biggest first."""
    rows = "".join(
        f'<tr><td><a href="{_href("stories", s.id)}">{_esc(s.title or "(untitled)")}</a></td>'
        f'<td class="num">{len(s.article_ids)}</td>'
        f'<td class="when">{_esc(" – ".join(dict.fromkeys(d for d in (s.first_on, s.last_on) if d)) or "undated")}'
        f'</td><td class="num">{len(s.contradictions)}</td></tr>' for s in stories)
    body = (f'<h1>Stories</h1><p class="meta">{len(stories)} stories</p><table><thead><tr><th>story</th>'
            f'<th>articles</th><th>dates</th><th>contradictions</th></tr></thead><tbody>{rows}</tbody></table>')
    return page("linimasa: stories", body)


def search_results(query: str, hits: Sequence[tuple[str, str, str]]) -> str:
    """Search results; the snippets come from the store already escaped, with ``<mark>`` around matches."""
    items = "".join(f'<li><a href="{_href("articles", aid)}">{_esc(title or aid)}</a>'
                    f'<div class="meta">{snippet}</div></li>' for aid, title, snippet in hits)
    body = (f'<h1>Search: {_esc(query)}</h1><p class="meta">{len(hits)} articles</p>'
            f'<ul class="contradictions">{items}</ul>')
    return page(f"linimasa: {query}", body)


def article_page(article: Article, story: Story | None) -> str:
    """One article: metadata, its quotes, figures and stances (each linking to its highlighted words)."""
    spans = ([(q.start, q.end, "quote", f"q{i}") for i, q in enumerate(article.quotes)]
             + [(c.start, c.end, "count", f"c{i}") for i, c in enumerate(article.counts)]
             + [(s.start, s.end, "stance", f"t{i}") for i, s in enumerate(article.stances)])
    meta = " · ".join(_esc(x) for x in (article.outlet, published_day(article),
                                         ", ".join(a.name for a in article.authors)) if x)
    back = (f' · story: <a href="{_href("stories", story.id)}">{_esc(story.title)}</a>' if story else "")
    rows = [f'<tr><td><a href="#q{i}">quote</a></td><td>{_esc(q.said_on or "")}</td><td>{_esc(q.speaker or "?")}'
            f'</td><td>{_esc(q.text)}</td></tr>' for i, q in enumerate(article.quotes)]
    rows += [f'<tr><td><a href="#c{i}">figure</a></td><td>{_esc(c.as_of or "")}</td>'
             f'<td>{_esc(c.claimant or "(the outlet)")}</td><td>{_esc(figure(c.value, c.qualifier))} '
             f'{_esc(c.what or c.unit or "")}</td></tr>' for i, c in enumerate(article.counts)]
    rows += [f'<tr><td><a href="#t{i}">stance</a></td><td>{_esc(s.on or "")}</td><td>{_esc(s.actor)}</td>'
             f'<td><span class="stance-{_esc(s.stance)}">{_esc(STANCE_WORDS.get(s.stance, s.stance))}</span> '
             f'{_esc(s.proposition)}</td></tr>' for i, s in enumerate(article.stances)]
    body = (f'<h1>{_esc(article.title or "(untitled)")}</h1><p class="meta">{meta}{back}</p>'
            f'<table><thead><tr><th>found</th><th>when</th><th>who</th><th>what</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>'
            f'<div class="article-body">{highlight(article.text, spans)}</div>')
    return page(article.title or article.id, body)
