#!/usr/bin/env python3
"""Score the timexes component against the acceptance gold, with the matching rules of score.py.

    .venv/bin/python scripts/eval_timexes.py [--set seeds|dev|all] [--verbose]

Seeds are read from ``../shared/seeds/*.txt`` with their date inferred from the text (``infer_published``);
dev30 from ``../shared/data/news-dev/dev30.jsonl`` with its given ``published``. Also reports how often
``infer_published`` finds the given date of the dev articles.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path

from linimasa.annotate.dates import extract_timexes, infer_published

SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(SHARED / "acceptance"))
import score  # noqa: E402  (the acceptance scorer: same matching rules)


def _seeds():
    gold = json.loads((SHARED / "acceptance" / "seeds.gold.json").read_text(encoding="utf-8"))["articles"]
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        yield path.name, text, infer_published(text, today=date.today()), gold.get(path.name)


def _dev():
    gold = json.loads((SHARED / "acceptance" / "dev.gold.json").read_text(encoding="utf-8"))["articles"]
    for line in (SHARED / "data" / "news-dev" / "dev30.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        yield doc["url"], doc["text"], datetime.fromisoformat(doc["published"]), gold.get(doc["url"])


def evaluate(items, verbose: bool) -> tuple[float, float, float]:
    """Timex P/R/F1 over (name, text, published, gold) items; prints misses when verbose."""
    tally = score.Tally()
    for name, text, published, gold in items:
        if gold is None:
            continue
        art = {"timexes": [{"text": t.text, "value": t.value} for t in extract_timexes(text, published)]}
        log: list[str] = []
        score.score_timexes(art, gold, tally, log, name[-50:])
        if verbose:
            for line in log:
                print(line)
    return tally.prf()


def inference_accuracy() -> tuple[int, int]:
    """How many dev articles ``infer_published`` dates right (the given published day), with today's clock."""
    ok = total = 0
    for name, text, published, _ in _dev():
        total += 1
        got = infer_published(text, today=date.today())
        ok += got == published.date()
        if got != published.date():
            print(f"  inferred {got} for {published.date()}: {name[-60:]}")
    return ok, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("seeds", "dev", "all"), default="all")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"no shared data at {SHARED}")
        return 1
    if args.set in ("seeds", "all"):
        p, r, f = evaluate(_seeds(), args.verbose)
        print(f"seeds timexes  P {p:.3f} R {r:.3f} F1 {f:.3f}")
    if args.set in ("dev", "all"):
        p, r, f = evaluate(_dev(), args.verbose)
        print(f"dev30 timexes  P {p:.3f} R {r:.3f} F1 {f:.3f}")
        ok, total = inference_accuracy()
        print(f"dev30 published inferred right: {ok}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
