"""The ``linimasa`` command: a thin layer that parses arguments, calls the library and maps errors to exit 1."""
from __future__ import annotations

import json
import logging
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import __version__
from .config import setting
from .errors import LinimasaError

console = Console(stderr=True)
out = Console()

DB_OPTION = click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
                         help="SQLite database file [env LINIMASA_DB; default linimasa.db].")


def _db(db: str | None) -> str:
    return str(setting("db", db))


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except LinimasaError as exc:
        raise click.ClickException(str(exc)) from exc


def _open(db: str | None, *, readonly: bool = False):
    from .store.sqlite import SqliteStore

    return SqliteStore(_db(db), readonly=readonly)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="linimasa")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """linimasa: follow a news story across outlets, languages and months.

    Feed it articles (text, HTML, JSON Lines, WARC, RSS); it stores them, finds quotes with speakers, counts
    with claimants, resolved dates and stances, groups articles into stories and shows their timelines.
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


# ---------------------------------------------------------------------------------------------- analyze

def _progress_runner(quiet: bool):
    """A rich progress bar that shows on long runs (and on a terminal only)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    if quiet or not console.is_terminal:
        return None, (lambda stage, done, total: None)
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=console, transient=True)
    tasks: dict[str, int] = {}

    def update(stage: str, done: int, total: int | None) -> None:
        label = {"read": "reading", "annotate": "annotating", "stories": "building stories"}.get(stage, stage)
        if stage not in tasks:
            tasks[stage] = progress.add_task(label, total=total)
        progress.update(tasks[stage], completed=done, total=total)

    return progress, update


def _summary_table(summary) -> Table:
    table = Table(title="linimasa analyze", show_header=True, header_style="bold")
    table.add_column("articles read", justify="right")
    table.add_column("new", justify="right")
    table.add_column("already stored", justify="right")
    table.add_column("annotated", justify="right")
    table.add_column("stories", justify="right")
    table.add_column("failed", justify="right")
    table.add_row(str(summary.read), str(summary.new), str(summary.known), str(summary.annotated),
                  str(summary.stories), f"[red]{summary.failed}[/red]" if summary.failed else "0")
    return table


def _failure_table(failures) -> Table:
    table = Table(title="failures", show_header=True, header_style="bold red")
    table.add_column("input", overflow="fold")
    table.add_column("stage", overflow="fold")
    table.add_column("reason", overflow="fold")
    for f in failures:
        table.add_row(escape(f.source), escape(f.stage), escape(f.error))
    return table


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Write the JSON export here ('-' for stdout).")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), help="Write a self-contained HTML report here.")
@click.option("--jobs", type=int, default=None, help="Processes for annotation [env LINIMASA_JOBS; default 1].")
@click.option("--strict", is_flag=True, help="Stop at the first bad input or failing component.")
@click.option("--no-stories", is_flag=True, help="Skip story building (ingest and annotate only).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary table.")
def analyze(paths, db, json_path, html_path, jobs, strict, no_stories, quiet):
    """Ingest PATHS (files, folders, '-' for stdin), annotate, store, build stories, export.

    Running it again on the same inputs stores nothing twice; a run that was stopped is completed.
    """
    from .annotate.pipeline import PipelineSpec
    from .workflow import analyze as run_analyze

    jobs = int(setting("jobs", jobs))
    with _errors(), _open(db) as store:
        progress, update = _progress_runner(quiet)
        stdin = sys.stdin.buffer if "-" in paths else None
        if progress is not None:
            with progress:
                summary = run_analyze(paths, store, jobs=jobs, spec=PipelineSpec(strict=strict), stdin=stdin,
                                      progress=update, build_stories=not no_stories)
        else:
            summary = run_analyze(paths, store, jobs=jobs, spec=PipelineSpec(strict=strict), stdin=stdin,
                                  build_stories=not no_stories)
        if json_path:
            from .render.to_json import export_store

            export_store(store, json_path)
        if html_path:
            _write_html(store, html_path)
    if not quiet:
        console.print(_summary_table(summary))
        if summary.failures:
            console.print(_failure_table(summary.failures))
        written = [p for p in (json_path, html_path) if p and p != "-"]
        if written:
            console.print("wrote " + ", ".join(escape(str(p)) for p in written))


def _write_html(store, path: str) -> None:
    from .render.html import render_report

    articles = {a.id: a for a in store.articles()}
    html = render_report(store.stories(), articles)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(html, encoding="utf-8")


# ---------------------------------------------------------------------------------------------- smaller steps

@cli.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--strict", is_flag=True, help="Stop at the first bad input.")
def ingest(paths, db, strict):
    """Read PATHS and store the raw inputs and cleaned articles (no annotation)."""
    from .workflow import RunSummary, ingest as run_ingest

    with _errors(), _open(db) as store:
        summary = RunSummary()
        summary.run_id = store.start_run("ingest")
        try:
            run_ingest(paths, store, summary, stdin=sys.stdin.buffer if "-" in paths else None, strict=strict)
        finally:
            store.add_failures(summary.failures, summary.run_id)
            store.finish_run(summary.run_id, summary.as_dict())
    console.print(_summary_table(summary))
    if summary.failures:
        console.print(_failure_table(summary.failures))


@cli.command()
@DB_OPTION
@click.option("--jobs", type=int, default=None, help="Processes for annotation.")
@click.option("--strict", is_flag=True, help="Stop at the first failing component.")
def annotate(db, jobs, strict):
    """Annotate stored articles that lack annotations from the current pipeline."""
    from .annotate.pipeline import PipelineSpec
    from .workflow import RunSummary, annotate_pending

    with _errors(), _open(db) as store:
        summary = RunSummary()
        annotate_pending(store, summary, spec=PipelineSpec(strict=strict), jobs=int(setting("jobs", jobs)))
        store.add_failures(summary.failures)
    console.print(f"annotated {summary.annotated} articles with pipeline {summary.pipeline_version}")


@cli.command()
@DB_OPTION
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Write the JSON export here ('-' for stdout).")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), help="Write the HTML report here.")
def export(db, json_path, html_path):
    """Export the store as JSON and/or a self-contained HTML report."""
    if not json_path and not html_path:
        raise click.UsageError("Give --json FILE and/or --html FILE.")
    with _errors(), _open(db, readonly=True) as store:
        if json_path:
            from .render.to_json import export_store

            export_store(store, json_path)
        if html_path:
            _write_html(store, html_path)


@cli.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def stats(db, as_json):
    """Counts of what the store holds."""
    with _errors(), _open(db, readonly=True) as store:
        data = store.stats()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    table = Table(show_header=False)
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        table.add_row(key.replace("_", " "), escape(str(value)))
    out.print(table)


@cli.command()
@click.argument("article_id")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the article's export object.")
def show(article_id, db, as_json):
    """Show one article (by id or unique id prefix) with what was found in it."""
    from .render.article import print_article

    with _errors(), _open(db, readonly=True) as store:
        art = store.article(article_id)
        if art is None:
            raise click.ClickException(f"No article {article_id!r} in {_db(db)}. `linimasa search WORDS` finds ids.")
        if as_json:
            click.echo(json.dumps(art.to_dict(), ensure_ascii=False, indent=1))
            return
        print_article(out, art)


@cli.command()
@click.argument("query", nargs=-1, required=True)
@DB_OPTION
@click.option("--limit", default=20, show_default=True, help="Most results shown.")
def search(query, db, limit):
    """Full-text search over article titles and bodies."""
    import re

    with _errors(), _open(db, readonly=True) as store:
        hits = store.search(" ".join(query), limit=limit)
    if not hits:
        console.print("no matches")
        return
    table = Table(show_header=True, header_style="bold")
    table.add_column("id")
    table.add_column("title")
    table.add_column("snippet")
    for aid, title, snippet in hits:
        import html as _html

        text = _html.unescape(re.sub(r"</?mark>", "", snippet))
        table.add_row(aid[:12], escape(title or ""), escape(text))
    out.print(table)


@cli.command()
@DB_OPTION
def failures(db):
    """List every input or article that could not be processed, and why."""
    with _errors(), _open(db, readonly=True) as store:
        rows = store.failures()
    if not rows:
        console.print("no failures")
        return
    out.print(_failure_table(rows))


@cli.command()
@DB_OPTION
def stories(db):
    """List the stories."""
    from .render.terminal import print_story_list

    with _errors(), _open(db, readonly=True) as store:
        items = store.stories()
        articles = {a.id: a for a in store.articles()}
    if not items:
        console.print("no stories yet: run `linimasa analyze PATH` first")
        return
    print_story_list(out, items, articles)


@cli.command()
@click.argument("story_id")
@DB_OPTION
def timeline(story_id, db):
    """Print a story's timeline, stance history, figures and contradictions."""
    from .render.terminal import print_timeline

    with _errors(), _open(db, readonly=True) as store:
        story = store.story(story_id)
        if story is None:
            raise click.ClickException(f"No story {story_id!r} in {_db(db)}. `linimasa stories` lists them.")
        articles = {a.id: a for a in store.articles(story.article_ids)}
    print_timeline(out, story, articles)


@cli.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(db, host, port):
    """Serve a read-only web app over the store (needs the web extra)."""
    try:
        import uvicorn
    except ImportError:
        raise click.ClickException("The web app needs the web extra: pip install 'linimasa[web]'") from None
    from .web.app import create_app

    with _errors():
        app = create_app(_db(db))
    uvicorn.run(app, host=host, port=port, log_level="warning")


def main() -> None:
    cli(prog_name="linimasa")


if __name__ == "__main__":
    main()
