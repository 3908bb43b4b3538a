#!/usr/bin/env python3
"""Refresh the "A session" block of README.md from a real run on the example corpus.

    python scripts/readme_session.py

Runs `linimasa analyze examples`, `linimasa stories` and `linimasa timeline` on the first story in a temporary
database at a fixed terminal width, and writes their output between the session markers of README.md.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
START, END = "<!-- session:start -->", "<!-- session:end -->"


def run(args: list[str], env: dict[str, str]) -> str:
    proc = subprocess.run([sys.executable, "-m", "linimasa.cli", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, check=True)
    return (proc.stdout + proc.stderr).rstrip()


def main() -> int:
    env = {**os.environ, "COLUMNS": "110", "TERM": "dumb", "NO_COLOR": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.db")
        analyzed = run(["analyze", "examples", "--db", db, "--json", f"{tmp}/demo.json"], env)
        analyzed = analyzed.replace(tmp, "out")
        listing = run(["stories", "--db", db], env)
        story_id = re.search(r"s-[0-9a-f]{12}", listing).group(0)
        timeline = run(["timeline", story_id, "--db", db], env)
    lines = timeline.splitlines()
    if len(lines) > 70:
        lines = lines[:70] + ["… (cut here for the README; the command prints the whole timeline)"]
    block = "\n".join([
        START, "", "```console",
        "$ linimasa analyze examples --db out/demo.db --json out/demo.json", analyzed, "",
        "$ linimasa stories --db out/demo.db", listing, "",
        f"$ linimasa timeline {story_id} --db out/demo.db", *lines, "```", "",
        "The same story in the HTML report (`--html out/demo.html`; a screenshot, docs/report.png):", "",
        "![HTML report of the example corpus](docs/report.png)", "", END])
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    new = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda m: block, readme, flags=re.S)
    (REPO / "README.md").write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
