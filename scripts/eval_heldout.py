#!/usr/bin/env python3
"""Score every held-out set we wrote (tests/fixtures/heldout_*) with ../shared/acceptance/score.py.

    python scripts/eval_heldout.py            # one line per set: the acceptance score
    python scripts/eval_heldout.py --verbose  # the scorer's full table and misses for each set

Each set is analysed into a fresh temporary database (article files only, not gold.json or the README).
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCORER = REPO.parent / "shared" / "acceptance" / "score.py"


def main(argv: list[str]) -> int:
    if not SCORER.is_file():
        print(f"no scorer at {SCORER}")
        return 2
    verbose = "--verbose" in argv
    for folder in sorted((REPO / "tests" / "fixtures").glob("heldout_*")):
        inputs = [str(p) for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".jsonl", ".html")]
        with tempfile.TemporaryDirectory() as tmp:
            export = Path(tmp) / "x.json"
            subprocess.run([sys.executable, "-m", "linimasa.cli", "analyze", *inputs, "--db", f"{tmp}/x.db",
                            "--json", str(export), "-q"], check=True)
            args = [sys.executable, str(SCORER), str(export), str(folder / "gold.json")]
            out = subprocess.run(args + (["--verbose"] if verbose else []), capture_output=True, text=True).stdout
        if verbose:
            print(f"== {folder.name}\n{out}")
        else:
            print(f"{folder.name:<18} {out.strip().splitlines()[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
