#!/usr/bin/env python3
"""Words per second of single annotators on one core (run on demand, never in tests).

    python benchmarks/bench_annotators.py                          # timexes and numbers over dev30
    python benchmarks/bench_annotators.py --components quotes,counts
    python benchmarks/bench_annotators.py --components all         # each default component, and the pipeline
    python benchmarks/bench_annotators.py ../shared/data/news-dev/stories-dev.jsonl --repeat 5

Articles come from a JSON Lines file with ``text`` and ``published``. Each component is timed on articles that
already carry what the components before it in the default order produce (that preparation is not timed).
Every repeat changes each text by one trailing line, so no per-text cache answers from an earlier repeat; the
first pass (lexicon loading, regex compiling) is a warm-up and not counted.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path

from linimasa.annotate.pipeline import DEFAULT_COMPONENTS
from linimasa.annotate.registry import Resources, default_registry
from linimasa.model import Article

DEV30 = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-dev" / "dev30.jsonl"


def load_articles(path: Path) -> list[Article]:
    """Articles (id, text, published) from a JSON Lines file."""
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        doc = json.loads(line)
        published = datetime.fromisoformat(doc["published"]) if doc.get("published") else None
        out.append(Article(id=str(doc.get("id") or i), text=doc["text"], published=published,
                           language=doc.get("language")))
    return out


def words(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


def run(names: tuple[str, ...], articles: list[Article], registry, resources) -> list[Article]:
    components = [registry.get(n) for n in names]
    out = []
    for article in articles:
        for comp in components:
            article = comp(article, resources)
        out.append(article)
    return out


def variant(articles: list[Article], k: int) -> list[Article]:
    return [dataclasses.replace(a, text=f"{a.text}\n({k})") for a in articles]


def time_component(name: str, articles: list[Article], repeat: int, registry) -> float:
    """Seconds per pass of component ``name`` (best of ``repeat``), after its prerequisites ran untimed."""
    order = DEFAULT_COMPONENTS if name in DEFAULT_COMPONENTS else (name,)
    before = order[:order.index(name)] if name in order else ()
    resources = Resources()
    run(before + (name,), articles[:3], registry, resources)  # warm-up: lexicons, models, regexes
    best = float("inf")
    for k in range(repeat):
        prepared = run(before, variant(articles, k), registry, resources)
        start = time.perf_counter()
        run((name,), prepared, registry, resources)
        best = min(best, time.perf_counter() - start)
    return best


def time_pipeline(articles: list[Article], repeat: int, registry) -> float:
    resources = Resources()
    run(DEFAULT_COMPONENTS, articles[:3], registry, resources)
    best = float("inf")
    for k in range(repeat):
        texts = variant(articles, k)
        start = time.perf_counter()
        run(DEFAULT_COMPONENTS, texts, registry, resources)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEV30), help="JSON Lines with text and published")
    ap.add_argument("--components", default="timexes,numbers",
                    help="comma-separated component names, or 'all' (default: timexes,numbers)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    path = Path(args.corpus)
    if not path.is_file():
        print(f"no corpus at {path}")
        return 1
    articles = load_articles(path)
    registry = default_registry()
    names = DEFAULT_COMPONENTS if args.components == "all" else tuple(n.strip() for n in args.components.split(","))
    n_words = words(articles)
    print(f"{len(articles)} articles, {n_words} words, best of {args.repeat}, one core")
    print(f"{'component':<12} {'seconds':>9} {'words/s':>10} {'ms/article':>11}")
    rows = [(n, time_component(n, articles, args.repeat, registry)) for n in names]
    if args.components == "all":
        rows.append(("(pipeline)", time_pipeline(articles, args.repeat, registry)))
    for name, seconds in rows:
        print(f"{name:<12} {seconds:>9.3f} {n_words / seconds:>10,.0f} {1000 * seconds / len(articles):>11.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
