#!/usr/bin/env python3
"""Throughput and peak memory of `linimasa analyze` on a corpus (run on demand, never in tests).

    python benchmarks/bench_analyze.py                       # the examples, replicated to ~200 articles
    python benchmarks/bench_analyze.py ../shared/data/news-dev/stories-dev.jsonl --jobs 2

Each run uses a fresh database in a temporary folder and runs in a child process, so peak RSS is the job's own.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def replicate_examples(folder: Path, target: int) -> int:
    """Copy the example articles with a numbered marker so each copy is a distinct article."""
    examples = [p for p in sorted((REPO / "examples").rglob("*")) if p.suffix in (".txt", ".html", ".htm")]
    n = 0
    for i in range(max(1, target // max(1, len(examples)))):
        for p in examples:
            text = p.read_text(encoding="utf-8")
            (folder / f"{i:03d}_{p.name}").write_text(text.replace("\n\n", f"\n\n(salinan {i})\n\n", 1),
                                                      encoding="utf-8")
            n += 1
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", help="file or folder (default: the examples, replicated)")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--articles", type=int, default=200, help="how many replicated example articles")
    ap.add_argument("--no-stories", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        if args.corpus:
            corpus = Path(args.corpus)
        else:
            corpus = tmpdir / "corpus"
            corpus.mkdir()
            replicate_examples(corpus, args.articles)
        cmd = [sys.executable, "-m", "linimasa.cli", "analyze", str(corpus), "--db", str(tmpdir / "b.db"),
               "--json", str(tmpdir / "b.json"), "--jobs", str(args.jobs), "-q"]
        if args.no_stories:
            cmd.append("--no-stories")
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            print(proc.stdout, proc.stderr)
            return 1
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        doc = json.loads((tmpdir / "b.json").read_text(encoding="utf-8"))
        n = len(doc["articles"])
        words = sum(len(a["body"].split()) for a in doc["articles"])
        print(f"corpus          {args.corpus or 'examples x replicated'}")
        print(f"articles        {n}  ({words} words)  stories {len(doc['stories'])}")
        print(f"jobs            {args.jobs}")
        print(f"wall time       {elapsed:.1f} s  (includes start-up and model loading)")
        print(f"throughput      {n / elapsed:.1f} articles/s, {words / elapsed:.0f} words/s")
        print(f"peak memory     {peak_kb / 1024:.0f} MB (largest child process RSS)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
