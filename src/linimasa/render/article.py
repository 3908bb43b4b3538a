"""One article in the terminal: metadata, then what was found in it (article text is escaped for rich)."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..model import Article


def print_article(console: Console, art: Article) -> None:
    """Print ``art``'s metadata and annotation tables."""
    meta = Table(show_header=False, box=None)
    for key, value in (("id", art.id), ("title", art.title), ("outlet", art.outlet), ("dateline", art.dateline),
                       ("published", (art.published.isoformat() if art.published else None)
                        and f"{art.published.isoformat()}{' (inferred)' if art.published_inferred else ''}"),
                       ("language", art.language), ("authors", ", ".join(a.name for a in art.authors)),
                       ("via", ", ".join(art.via)), ("source", art.source)):
        meta.add_row(f"[bold]{key}[/bold]", escape(str(value or "-")))
    console.print(meta)
    for w in art.warnings:
        console.print(f"[yellow]warning[/yellow] {escape(w.kind)}: {escape(w.text)} {escape(w.detail or '')}")
    _table(console, "quotes", ("kind", "speaker", "said on", "text"),
           [(q.kind, q.speaker or "?", q.said_on or "", q.text) for q in art.quotes])
    _table(console, "counts", ("value", "qualifier", "what", "claimant", "as of"),
           [(f"{q.value:,}", q.qualifier, q.what or q.unit or "", q.claimant or "(outlet)", q.as_of or "")
            for q in art.counts])
    _table(console, "time expressions", ("text", "value"), [(t.text, t.value) for t in art.timexes])
    _table(console, "stances", ("actor", "stance", "on", "proposition"),
           [(s.actor, s.stance, s.on or "", s.proposition) for s in art.stances])
    _table(console, "entities", ("type", "name", "id", "mentions"),
           [(e.type, e.name, e.id, str(len(e.mentions))) for e in art.entities])


def _table(console: Console, title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    if not rows:
        return
    table = Table(title=title, show_header=True, header_style="bold", title_justify="left")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(escape(str(c)) for c in row))
    console.print(table)
