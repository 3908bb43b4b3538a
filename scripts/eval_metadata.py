#!/usr/bin/env python3
"""Check ingest's article metadata against the acceptance gold, with the scorer's own rules.

Usage:
    python scripts/eval_metadata.py                 # seeds and dev30
    python scripts/eval_metadata.py --pipeline      # also run the annotation pipeline (dates infer `published`)

Reads ../shared/seeds/*.txt with ../shared/acceptance/seeds.gold.json and ../shared/data/news-dev/dev30.jsonl
with ../shared/acceptance/dev.gold.json, parses them through linimasa.ingest, and scores each article with
``score_metadata`` from ../shared/acceptance/score.py, printing every miss.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from linimasa.ingest import parse_raw, read_sources
from linimasa.model import Failure

SHARED = Path(__file__).resolve().parents[2] / "shared"
SETS = (
    ("seeds", SHARED / "seeds", SHARED / "acceptance" / "seeds.gold.json"),
    ("dev30", SHARED / "data" / "news-dev" / "dev30.jsonl", SHARED / "acceptance" / "dev.gold.json"),
)


def load_scorer():
    spec = importlib.util.spec_from_file_location("acceptance_score", SHARED / "acceptance" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pipeline", action="store_true", help="run the annotation pipeline after parsing")
    args = parser.parse_args(argv)
    if not (SHARED / "acceptance" / "score.py").exists():
        print(f"no acceptance data at {SHARED}")
        return 2
    score = load_scorer()
    pipe = None
    if args.pipeline:
        from linimasa.annotate.pipeline import PipelineSpec, pipeline_for
        pipe = pipeline_for(PipelineSpec())
    total_ok = total = 0
    for name, path, gold_path in SETS:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        articles = []
        for item in read_sources([str(path)]):
            if isinstance(item, Failure):
                print(f"  {name}: read failure {item.source}: {item.error}")
                continue
            art = parse_raw(item)
            if pipe is not None:
                art = pipe(art)
            articles.append(art.to_dict())
        export = score.Export({"articles": articles})
        fields: dict = {}
        log: list[str] = []
        for key, g in gold["articles"].items():
            art = export.articles.get(key)
            if art is None:
                log.append(f"  {key}: not parsed")
                continue
            score.score_metadata(art, g, fields, log, key)
        ok = sum(v[0] for v in fields.values())
        n = sum(v[1] for v in fields.values())
        total_ok += ok
        total += n
        detail = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in fields.items())
        print(f"{name}: metadata {ok}/{n}  ({detail})")
        for line in log:
            print(line)
    print(f"total: {total_ok}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
