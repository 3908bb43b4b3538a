#!/usr/bin/env python3
"""Evaluate story clustering on the labelled development set, in one batch and incrementally.

Loads ``../shared/data/news-dev/stories-dev.jsonl`` straight into :class:`linimasa.model.Article` objects (no
annotation: entity keys fall back to capitalised names), runs :func:`linimasa.stories.cluster.assign_stories`

* ``batch``: all articles in one call;
* ``batches-N``: N calls over the articles sorted by publication time (each call sees the state of the last);
* ``stream``: one call per article, in publication order (the hardest case: a pure single pass);
* ``shuffled-N``: N calls over a seeded random order (stories must not depend on arrival order);

writes a minimal export per mode and scores it with ``../shared/acceptance/score_stories.py``.

    .venv/bin/python scripts/eval_clusters.py [--modes batch,batches-5,stream] [--threshold 0.15] [--verbose]
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from linimasa.model import Article
from linimasa.stories.cluster import ClusterSettings, ClusterState, assign_stories

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "news-dev" / "stories-dev.jsonl"
SCORER = SHARED / "acceptance" / "score_stories.py"


def load(path: Path) -> list[Article]:
    """The JSONL rows as unannotated articles."""
    out = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                published = datetime.fromisoformat(row["published"]) if row.get("published") else None
                out.append(Article(id=row["id"], text=row.get("text") or "", url=row.get("url"),
                                   title=row.get("title"), outlet=row.get("outlet"), published=published))
    return out


def load_seeds() -> list[Article]:
    """The five seed articles (one long-running story), dated from seeds.gold.json; [] when absent."""
    gold_path = SHARED / "acceptance" / "seeds.gold.json"
    if not gold_path.is_file():
        return []
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["articles"]
    out = []
    for name, doc in sorted(gold.items()):
        path = SHARED / "seeds" / name
        published = (doc.get("published") or {}).get("from")
        text = path.read_text(encoding="utf-8")
        title, _, body = text.partition("\n")
        out.append(Article(id=f"seed-{path.stem}", text=body.strip(), title=title.strip(),
                           published=date.fromisoformat(published) if published else None))
    return out


def check_seeds(articles: list[Article], mode: str, settings: ClusterSettings) -> str:
    """Cluster the seeds among the development articles: into how many stories do they fall?"""
    seeds = load_seeds()
    if not seeds:
        return "seeds: absent"
    assigned, _ = run(seeds + articles, mode, settings)
    stories = {assigned[a.id] for a in seeds}
    joined = sum(1 for a in articles if assigned[a.id] in stories)
    return f"seeds: {len(seeds)} articles in {len(stories)} stories (+{joined} development articles joined)"


def batches(articles: list[Article], mode: str) -> list[list[Article]]:
    """Split the articles into the calls a mode makes."""
    by_time = sorted(articles, key=lambda a: (a.published.isoformat() if a.published else "9999", a.id))
    if mode == "batch":
        return [articles]
    if mode == "stream":
        return [[a] for a in by_time]
    name, _, count = mode.partition("-")
    n = max(1, int(count or 5))
    if name == "batches":
        order = by_time
    elif name == "shuffled":
        order = list(articles)
        random.Random(42).shuffle(order)
    else:
        raise SystemExit(f"unknown mode {mode!r}; use batch, stream, batches-N or shuffled-N")
    size = -(-len(order) // n)
    return [order[i:i + size] for i in range(0, len(order), size)]


def run(articles: list[Article], mode: str, settings: ClusterSettings) -> tuple[dict[str, str], float]:
    """article id -> story id after all the calls of a mode, and the seconds it took."""
    state = ClusterState(settings=settings)
    assigned: dict[str, str] = {}
    started = time.perf_counter()
    for batch in batches(articles, mode):
        mapping, state = assign_stories(batch, state)
        state = ClusterState.from_dict(json.loads(json.dumps(state.to_dict())))  # as the store persists it
        assigned.update(mapping)
    return assigned, time.perf_counter() - started


def score(articles: list[Article], assigned: dict[str, str], verbose: bool) -> str:
    """Run score_stories.py on a minimal export; returns its output."""
    stories: dict[str, list[str]] = {}
    for article_id, sid in assigned.items():
        stories.setdefault(sid, []).append(article_id)
    export = {"articles": [{"id": a.id, "url": a.url} for a in articles],
              "stories": [{"id": sid, "article_ids": ids} for sid, ids in stories.items()]}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(export, handle)
    args = [sys.executable, str(SCORER), handle.name] + (["--verbose"] if verbose else [])
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    Path(handle.name).unlink()
    return done.stdout + done.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--modes", default="batch,batches-5,shuffled-5,stream")
    parser.add_argument("--verbose", action="store_true", help="pass --verbose to the scorer")
    parser.add_argument("--seeds", action="store_true", help="also check that the seeds form one story")
    for f in dataclasses.fields(ClusterSettings):
        parser.add_argument(f"--{f.name.replace('_', '-')}", type=type(f.default), default=f.default)
    args = parser.parse_args()
    if not args.data.is_file() or not SCORER.is_file():
        raise SystemExit(f"need {args.data} and {SCORER}")
    settings = ClusterSettings(**{f.name: getattr(args, f.name) for f in dataclasses.fields(ClusterSettings)})
    articles = load(args.data)
    for mode in args.modes.split(","):
        assigned, seconds = run(articles, mode, settings)
        out = score(articles, assigned, args.verbose)
        lines = out.strip().splitlines()
        shown = lines if args.verbose else [ln for ln in lines if ln.startswith(("B-cubed", "pairwise"))]
        print(f"== {mode}: {len(set(assigned.values()))} stories, {seconds:.1f} s")
        for line in shown:
            print("   " + line)
        if args.seeds:
            print("   " + check_seeds(articles, mode, settings))


if __name__ == "__main__":
    main()
