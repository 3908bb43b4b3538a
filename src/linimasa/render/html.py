"""A self-contained HTML report: the story list, and per story its timeline, a chart of each actor's stance over
time, charts of the figures by claimant, the contradictions and the articles with the quoted spans highlighted.

One file, no network: CSS, JavaScript and SVG are inline (templates in ``render/templates/``). Article text is
untrusted, so every string from an article or story goes through :func:`html.escape`; element ids are built
from positions, never from ids found in the data; links to articles are only emitted for ``http(s)`` urls; and a
Content-Security-Policy allows only the report's own script (by hash), so injected markup could not run a
script even if it slipped through.

>>> from linimasa.model import Article, Story, TimelineEvent
>>> art = Article(id="a1", text='Budi berkata "<script>alert(1)</script>"', title="Banjir", outlet="Warta")
>>> event = TimelineEvent("2025-01-02", "quote", "Budi: <script>", "a1", start=13, end=40, actor="Budi")
>>> page = render_report([Story(id="s-1", title="Banjir", article_ids=("a1",), timeline=(event,))], {"a1": art})
>>> "<script>alert" in page, "&lt;script&gt;alert(1)" in page
(False, True)
"""
from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from html import escape
from importlib import resources
from string import Template

from .. import __version__
from ..model import Article, Story, TimelineEvent
from .charts import figure_chart, stance_chart
from .labels import STANCE_WORDS, day_of, figure, published_day, source_label, when

_KINDS = ("quote", "count", "stance", "event", "published")
_CHARTED_HISTORIES = 8


def _template(name: str) -> str:
    return resources.files("linimasa.render").joinpath("templates", name).read_text(encoding="utf-8")


def _esc(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _safe_url(url: str | None) -> str | None:
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def highlight(text: str, spans: Sequence[tuple[int, int, str, str]]) -> str:
    """``text`` escaped, with each ``(start, end, kind, anchor_id)`` span wrapped in ``<mark class="hl-kind">``
    and an empty ``<span class="anchor" id=anchor_id>`` where it starts. Overlapping spans are split into
    segments (the innermost span's kind wins), so the markup always nests.

    >>> highlight("a <b> c", [(2, 5, "quote", "m1")])
    'a <span class="anchor" id="m1"></span><mark class="hl-quote">&lt;b&gt;</mark> c'
    """
    size = len(text)
    clean = [(s, min(size, e), k, a) for s, e, k, a in spans  # offsets past the end are clipped
             if s is not None and e is not None and 0 <= s < min(size, e)]
    cuts = sorted({0, size, *(s for s, _, _, _ in clean), *(e for _, e, _, _ in clean)})
    out: list[str] = []
    for p, q in zip(cuts, cuts[1:]):
        for s, _, _, anchor in clean:
            if s == p:
                out.append(f'<span class="anchor" id="{_esc(anchor)}"></span>')
        covering = [(e - s, k) for s, e, k, _ in clean if s <= p and q <= e]
        piece = _esc(text[p:q]).replace("&#x27;", "'")
        if covering:
            kind = min(covering)[1]
            out.append(f'<mark class="hl-{_esc(kind)}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)


class _Anchors:
    """Anchor ids of one story's articles and events, and how a chart point finds the words it comes from."""

    def __init__(self, index: int, story: Story, articles: Mapping[str, Article]):
        self.prefix = f"s{index}"
        self.articles = articles
        self.article_slot = {aid: f"{self.prefix}-a{j}" for j, aid in enumerate(story.article_ids)}
        self.event_slot: dict[int, str] = {}
        self.spans: dict[str, list[tuple[int, int, str, str]]] = {}
        for k, event in enumerate(story.timeline):
            if event.start is None or event.end is None or event.article_id not in self.article_slot:
                continue
            anchor = f"{self.article_slot[event.article_id]}-e{k}"
            self.event_slot[k] = anchor
            self.spans.setdefault(event.article_id, []).append((event.start, event.end, event.kind, anchor))
        self.events = story.timeline

    def article(self, article_id: str) -> str:
        return "#" + self.article_slot.get(article_id, self.prefix)

    def event(self, k: int, event: TimelineEvent) -> str:
        return "#" + self.event_slot[k] if k in self.event_slot else self.article(event.article_id)

    def point(self, article_id: str, hint: str) -> str:
        """The anchor of the event in ``article_id`` whose words match ``hint`` (else the article)."""
        text = self.articles[article_id].text if article_id in self.articles else ""
        hint = " ".join((hint or "").split())
        for k, event in enumerate(self.events):
            if event.article_id != article_id or k not in self.event_slot:
                continue
            words = " ".join(text[event.start:event.end].split())
            if hint and (words.startswith(hint[:40]) or hint.startswith(words[:40])):
                return "#" + self.event_slot[k]
        return self.article(article_id)


def _story_index(stories: Sequence[Story], articles: Mapping[str, Article]) -> str:
    rows = []
    for i, story in enumerate(stories):
        outlets = sorted({articles[a].outlet for a in story.article_ids if a in articles and articles[a].outlet})
        dates = " – ".join(dict.fromkeys(d for d in (story.first_on, story.last_on) if d)) or "undated"
        search = f"{story.title} {' '.join(outlets)}".lower()
        rows.append(f'<tr data-search="{_esc(search)}"><td><a href="#s{i}">{_esc(story.title or "(untitled)")}'
                    f'</a><div class="meta">{_esc(", ".join(outlets))}</div></td>'
                    f'<td class="num">{len(story.article_ids)}</td><td class="when">{_esc(dates)}</td>'
                    f'<td class="num">{len(story.timeline)}</td><td class="num">{len(story.contradictions)}</td></tr>')
    return ('<section id="stories"><h2>Stories</h2><table class="story-index"><thead><tr><th>story</th>'
            '<th>articles</th><th>dates</th><th>events</th><th>contradictions</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table></section>")


def _timeline(story: Story, anchors: _Anchors, articles: Mapping[str, Article]) -> str:
    if not story.timeline:
        return ""
    kinds = [k for k in _KINDS if any(e.kind == k for e in story.timeline)]
    boxes = "".join(f'<label><input type="checkbox" value="{_esc(k)}" checked> {_esc(k)}</label>' for k in kinds)
    rows = []
    for k, event in enumerate(story.timeline):
        source = source_label(articles.get(event.article_id))
        rows.append(f'<tr data-kind="{_esc(event.kind)}"><td class="when">{_esc(when(event.on, event.before))}</td>'
                    f'<td><span class="kind kind-{_esc(event.kind)}">{_esc(event.kind)}</span></td>'
                    f'<td>{_esc(event.actor or "")}</td><td>{_esc(event.summary)}</td>'
                    f'<td><a href="{_esc(anchors.event(k, event))}">{_esc(source)}</a></td></tr>')
    return (f'<h3>Timeline</h3><div class="timeline-controls">{boxes}</div><table class="timeline"><thead><tr>'
            '<th>when</th><th>kind</th><th>who</th><th>what</th><th>source</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table>")


def _stances(story: Story, anchors: _Anchors, articles: Mapping[str, Article]) -> str:
    if not story.stance_history:
        return ""
    charted = sorted(story.stance_history, key=lambda h: -len(h.series))[:_CHARTED_HISTORIES]
    chart = stance_chart([h for h in story.stance_history if h in charted], anchors.point)
    more = len(story.stance_history) - len(charted)
    note = (f'<p class="meta">The {len(charted)} longest histories are charted; the table has all '
            f'{len(story.stance_history)}.</p>' if more > 0 else "")
    rows = []
    for history in story.stance_history:
        points = "<br>".join(
            f'{_esc(when(p.on, p.before))} <span class="stance-{_esc(p.stance)}">'
            f'{_esc(STANCE_WORDS.get(p.stance, p.stance))}'
            f'</span> <a href="{_esc(anchors.point(p.article_id, p.evidence or ""))}">'
            f'{_esc(source_label(articles.get(p.article_id)))}</a>' for p in history.series)
        rows.append(f"<tr><td>{_esc(history.actor)}</td><td>{_esc(history.proposition)}</td><td>{points}</td></tr>")
    return ('<h3>Stance over time</h3>' + chart + note + '<details><summary>as a table</summary><table><thead><tr>'
            '<th>actor</th><th>claim</th><th>when, stance, source</th></tr></thead><tbody>' + "".join(rows)
            + "</tbody></table></details>")


def _figures(story: Story, anchors: _Anchors, articles: Mapping[str, Article]) -> str:
    if not story.count_series:
        return ""
    parts = ["<h3>Figures by claimant</h3>"]
    singles = []
    for series in story.count_series:
        dated = sum(1 for p in series.points if day_of(p.on))
        rows = "".join(
            f'<tr><td class="when">{_esc(p.on or "undated")}</td><td class="num">{_esc(figure(p.value, p.qualifier))}'
            f'</td><td>{_esc(series.what)}</td><td>{_esc(p.claimant or "(the outlet)")}</td>'
            f'<td><a href="{_esc(anchors.point(p.article_id, p.text or ""))}">'
            f'{_esc(source_label(articles.get(p.article_id)))}</a></td></tr>' for p in series.points)
        if len(series.points) >= 2 and dated >= 2:
            parts.append(figure_chart(series, anchors.point))
            parts.append(f'<details><summary>{_esc(series.what)}: {len(series.points)} figures</summary>'
                         f'<table><tbody>{rows}</tbody></table></details>')
        else:
            singles.append(rows)
    if singles:
        parts.append('<details><summary>other figures</summary><table><thead><tr><th>as of</th><th>figure</th>'
                     '<th>what</th><th>claimant</th><th>source</th></tr></thead><tbody>' + "".join(singles)
                     + "</tbody></table></details>")
    return "".join(parts)


def _contradictions(story: Story, anchors: _Anchors, articles: Mapping[str, Article]) -> str:
    if not story.contradictions:
        return ""
    items = []
    for item in story.contradictions:
        links = ", ".join(f'<a href="{_esc(anchors.article(a))}">{_esc(source_label(articles.get(a)))}</a>'
                          for a in item.article_ids)
        items.append(f'<li><span class="kind">{_esc(item.kind)}</span> {_esc(item.summary)}'
                     f'<div class="meta">{links}</div></li>')
    return '<h3>Contradictions</h3><ul class="contradictions">' + "".join(items) + "</ul>"


def _articles(story: Story, anchors: _Anchors, articles: Mapping[str, Article]) -> str:
    copies = dict(story.duplicate_of)
    parts = ['<h3>Articles</h3><div class="articles">']
    for aid in story.article_ids:
        article = articles.get(aid)
        slot = anchors.article_slot[aid]
        if article is None:
            parts.append(f'<details id="{slot}"><summary>{_esc(aid)} (not in this report)</summary></details>')
            continue
        url = _safe_url(article.url)
        meta = [f"{_esc(article.outlet or '')}", _esc(published_day(article))]
        if article.authors:
            meta.append(_esc(", ".join(a.name for a in article.authors)))
        if article.via:
            meta.append("via " + _esc(", ".join(article.via)))
        if aid in copies:
            meta.append(f'copy of <a href="{_esc(anchors.article(copies[aid]))}">'
                        f'{_esc(source_label(articles.get(copies[aid])))}</a>')
        link = (f' · <a href="{_esc(url)}" rel="noopener noreferrer nofollow">original</a>' if url else "")
        parts.append(f'<details id="{slot}"><summary><strong>{_esc(article.title or "(untitled)")}</strong> '
                     f'<span class="meta">{_esc(source_label(article))}</span></summary>'
                     f'<p class="meta">{" · ".join(m for m in meta if m)}{link}</p>'
                     f'<div class="article-body">{highlight(article.text, anchors.spans.get(aid, []))}</div>'
                     f'</details>')
    parts.append("</div>")
    return "".join(parts)


def _story(index: int, story: Story, articles: Mapping[str, Article]) -> str:
    anchors = _Anchors(index, story, articles)
    outlets = sorted({articles[a].outlet for a in story.article_ids if a in articles and articles[a].outlet})
    dates = " to ".join(dict.fromkeys(d for d in (story.first_on, story.last_on) if d)) or "undated"
    search = f"{story.title} {' '.join(outlets)}".lower()
    return (f'<section class="story" id="s{index}" data-search="{_esc(search)}">'
            f'<h2>{_esc(story.title or "(untitled)")}</h2>'
            f'<p class="meta">{len(story.article_ids)} articles · {_esc(dates)} · {_esc(", ".join(outlets))}'
            f' · <code>{_esc(story.id)}</code> · <a href="#stories">all stories</a></p>'
            + _stances(story, anchors, articles) + _figures(story, anchors, articles)
            + _contradictions(story, anchors, articles) + _timeline(story, anchors, articles)
            + _articles(story, anchors, articles) + "</section>")


def stylesheet() -> str:
    """The report's CSS (the web app's pages use it too)."""
    return _template("report.css")


def script_hash() -> str:
    """The CSP source (``sha256-...``) of the report's inline script, as it appears in the page."""
    script = _template("report.js")
    return "sha256-" + base64.b64encode(hashlib.sha256(("\n" + script + "\n").encode("utf-8")).digest()).decode()


def render_report(stories: Sequence[Story], articles: Mapping[str, Article], *,
                  title: str = "linimasa report") -> str:
    """The whole report as one HTML document (biggest stories first), e.g.
    ``Path("report.html").write_text(render_report(store.stories(), articles))``."""
    ordered = sorted(stories, key=lambda s: (-len(s.article_ids), s.last_on or "", s.id))
    shown = {a for s in ordered for a in s.article_ids}
    body = _story_index(ordered, articles) + "".join(_story(i, s, articles) for i, s in enumerate(ordered))
    return Template(_template("report.html")).substitute(
        title=_esc(title), version=_esc(__version__), style=stylesheet(), script=_template("report.js"),
        body=body, script_hash=script_hash(), summary=_esc(f"{len(ordered)} stories from {len(shown)} articles"))
