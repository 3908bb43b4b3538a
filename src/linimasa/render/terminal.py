"""Stories in the terminal (rich): the story list, and one story's timeline, stance history, figures and
contradictions.

Everything that comes from an article (titles, quotes, names) is untrusted text: it is passed to rich as
:class:`rich.text.Text`, never as markup, so ``[bold]`` or ``[link=...]`` inside an article prints as written.

>>> from io import StringIO
>>> from rich.console import Console
>>> from linimasa.model import Story
>>> console = Console(file=StringIO(), width=100)
>>> print_story_list(console, [Story(id="s-1", title="[red]Banjir[/red] Bekasi", article_ids=())], {})
>>> "[red]Banjir[/red] Bekasi" in console.file.getvalue()
True
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Article, Story
from .labels import figure, published_day, source_label, when

_STANCE_STYLES = {"affirms": "green", "neither": "yellow", "denies": "red"}
_KIND_STYLES = {"quote": "cyan", "count": "magenta", "stance": "bold", "event": "blue", "published": "dim"}
_MAX_SUMMARY = 240


def _clip(text: str, limit: int = _MAX_SUMMARY) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _without_actor(summary: str, actor: str | None) -> str:
    """``"Budi: stok aman"`` -> ``"stok aman"`` when the actor is shown in its own column."""
    if actor and summary.startswith(actor + ":"):
        return summary[len(actor) + 1:].strip()
    return summary


def _outlets(story: Story, articles: Mapping[str, Article]) -> str:
    names = {articles[a].outlet for a in story.article_ids if a in articles and articles[a].outlet}
    return ", ".join(sorted(names))


def print_story_list(console: Console, stories: Sequence[Story], articles: Mapping[str, Article]) -> None:
    """One row per story, biggest first: id, title and outlets, articles, dates, number of contradictions."""
    table = Table(title="stories", title_justify="left", header_style="bold")
    table.add_column("id", no_wrap=True)
    table.add_column("title / outlets", overflow="fold", min_width=20)
    table.add_column("articles", justify="right")
    table.add_column("dates", no_wrap=True)
    table.add_column("disputes", justify="right")
    ordered = sorted(stories, key=lambda s: (-len(s.article_ids), s.last_on or "", s.id))
    for story in ordered:
        copies = len(story.duplicate_of)
        count = f"{len(story.article_ids)}" + (f"\n({copies} copies)" if copies else "")
        dates = story.first_on or "-"
        if story.last_on and story.last_on != story.first_on:
            dates += f"\n{story.last_on}"
        title = Text(story.title or "(untitled)", style="bold")
        title.append("\n" + _outlets(story, articles), style="dim")
        table.add_row(Text(story.id), title, Text(count), Text(dates),
                      Text(str(len(story.contradictions)), style="red" if story.contradictions else ""))
    console.print(table)


def print_timeline(console: Console, story: Story, articles: Mapping[str, Article]) -> None:
    """A story's sources, its dated timeline (ordered by when things happened), each actor's stance history,
    the figures by claimant, and the contradictions, each with the article it comes from."""
    head = Text(story.title or "(untitled)", style="bold")
    head.append(f"\n{story.id} · {len(story.article_ids)} articles · {story.first_on or '?'} to "
                f"{story.last_on or '?'}", style="dim")
    console.print(Panel(head, expand=False))
    console.print(_sources_table(story, articles))
    if story.timeline:
        console.print(_timeline_table(story, articles))
    if story.stance_history:
        console.print(_stance_table(story, articles))
    for table in _count_tables(story, articles):
        console.print(table)
    if story.contradictions:
        console.print(_contradiction_table(story, articles))


def _sources_table(story: Story, articles: Mapping[str, Article]) -> Table:
    copies = dict(story.duplicate_of)
    table = Table(title="sources", title_justify="left", header_style="bold")
    table.add_column("published", no_wrap=True)
    table.add_column("outlet", no_wrap=True)
    table.add_column("title", overflow="fold")
    table.add_column("article", no_wrap=True, style="dim")
    for aid in story.article_ids:
        article = articles.get(aid)
        title = Text((article.title if article else None) or "(untitled)")
        if aid in copies:
            title.append(f"  (copy of {copies[aid]})", style="dim")
        table.add_row(Text(published_day(article)), Text((article.outlet if article else None) or "?"), title,
                      Text(aid))
    return table


def _timeline_table(story: Story, articles: Mapping[str, Article]) -> Table:
    table = Table(title="timeline", title_justify="left", header_style="bold")
    table.add_column("when", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("who", overflow="fold", ratio=1)
    table.add_column("what / source", overflow="fold", ratio=4)
    for event in story.timeline:
        what = Text(_clip(_without_actor(event.summary, event.actor)))
        what.append("\n" + source_label(articles.get(event.article_id)), style="dim")
        table.add_row(Text(when(event.on, event.before)), Text(event.kind, style=_KIND_STYLES.get(event.kind, "")),
                      Text(event.actor or ""), what)
    return table


def _stance_table(story: Story, articles: Mapping[str, Article]) -> Table:
    table = Table(title="stance history", title_justify="left", header_style="bold", show_lines=True)
    table.add_column("actor", overflow="fold")
    table.add_column("proposition", overflow="fold")
    table.add_column("when, stance, source", overflow="fold", ratio=2)
    for history in story.stance_history:
        line = Text()
        for i, point in enumerate(history.series):
            if i:
                line.append("\n")
            line.append(f"{when(point.on, point.before):<10} ")
            line.append(f"{point.stance:<8}", style=_STANCE_STYLES.get(point.stance, ""))
            line.append(f" {source_label(articles.get(point.article_id))}", style="dim")
        table.add_row(Text(history.actor, style="bold"), Text(history.proposition), line)
    return table


def _count_tables(story: Story, articles: Mapping[str, Article]) -> list[Table]:
    tables = []
    for series in story.count_series:
        table = Table(title=f"figures: {series.what}", title_justify="left", header_style="bold")
        table.add_column("as of", no_wrap=True)
        table.add_column("figure", justify="right", no_wrap=True)
        table.add_column("claimant", overflow="fold")
        table.add_column("as written", overflow="fold", style="italic")
        table.add_column("source", overflow="fold", style="dim")
        for point in series.points:
            table.add_row(Text(point.on or "undated"), Text(figure(point.value, point.qualifier), style="bold"),
                          Text(point.claimant or "(the outlet)"), Text(_clip(point.text or "", 80)),
                          Text(source_label(articles.get(point.article_id))))
        tables.append(table)
    return tables


def _contradiction_table(story: Story, articles: Mapping[str, Article]) -> Table:
    table = Table(title="contradictions", title_justify="left", header_style="bold red")
    table.add_column("kind", no_wrap=True)
    table.add_column("what", overflow="fold", ratio=3)
    table.add_column("sources", overflow="fold", ratio=1, style="dim")
    for item in story.contradictions:
        sources = Group(*(Text(source_label(articles.get(a))) for a in item.article_ids))
        table.add_row(Text(item.kind), Text(item.summary), sources)
    return table


__all__ = ["print_story_list", "print_timeline"]
