#!/usr/bin/env python3
"""Evaluate the numbers + counts annotators on the seeds and dev30 gold, without the rest of the pipeline.

Usage:
    python scripts/eval_counts.py [--seeds] [--dev] [--verbose] [--raw] [--shared PATH]

Builds ``Article`` values from ``../shared/seeds/*.txt`` and ``../shared/data/news-dev/dev30.jsonl`` (through
linimasa's text ingest when it is importable, so boilerplate goes as in a real run; ``--raw`` skips it), runs "timexes" (when ``annotate/dates.py`` is there), "numbers" and "counts", and scores the counts with the
acceptance scorer's own ``score_counts`` (value must match; unit, qualifier, claimant and as_of are attributes).
Prints P/R/F1, attribute accuracy, and with ``--verbose`` every miss and false positive. Also reports the speed
of the two annotators (words per second, one core).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from datetime import date, datetime
from pathlib import Path

from linimasa.annotate.registry import Registry, Resources
from linimasa.model import Article, plain

ROOT = Path(__file__).resolve().parents[1]


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("linimasa_acceptance_score", shared / "acceptance" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def build_components() -> list:
    """The components to run, in pipeline order (timexes only when dates.py exists)."""
    from linimasa.annotate import counts, numbers

    registry = Registry()
    names = []
    try:
        from linimasa.annotate import dates

        dates.register(registry)
        names.append("timexes")
    except Exception as exc:  # dates.py missing or broken: run without as_of
        print(f"(no timexes: {type(exc).__name__}: {exc})", file=sys.stderr)
    numbers.register(registry)
    counts.register(registry)
    names += ["numbers", "counts"]
    return [registry.get(n) for n in names]


_SEED_DATE = re.compile(r"\b(\d{1,2})[ /](\d{1,2}|[A-Z][a-z]{2})[ /](20\d\d)\b")
_MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}


def _ingest():
    """The project's own text ingest (boilerplate removal, metadata), when it is there."""
    try:
        from linimasa.ingest.parse import parse_text
    except ImportError:
        return None
    return parse_text


def seed_articles(shared: Path, raw: bool = False) -> list[Article]:
    out = []
    parse_text = None if raw else _ingest()
    for path in sorted((shared / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if parse_text is not None:
            out.append(parse_text(text, source=str(path), language="id"))
            continue
        published = None
        m = _SEED_DATE.search(text[:400])
        if m:
            month = int(m.group(2)) if m.group(2).isdigit() else _MONTHS.get(m.group(2))
            if month:
                published = date(int(m.group(3)), month, int(m.group(1)))
        out.append(Article(id=path.name, text=text, source=str(path), published=published, language="id"))
    return out


def dev_articles(shared: Path, raw: bool = False) -> list[Article]:
    out = []
    parse_text = None if raw else _ingest()
    for line in (shared / "data" / "news-dev" / "dev30.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if parse_text is not None:
            out.append(parse_text(doc["text"], source=doc["url"], url=doc["url"], title=doc.get("title"),
                                  published=doc.get("published"), language="id"))
            continue
        published = datetime.fromisoformat(doc["published"]) if doc.get("published") else None
        out.append(Article(id=doc["url"], text=doc["text"], url=doc["url"], source=doc["url"],
                           title=doc.get("title"), published=published, language="id"))
    return out


def run(articles: list[Article], components: list) -> tuple[list[Article], float]:
    resources = Resources()
    done, spent = [], 0.0
    for art in articles:
        for comp in components:
            t0 = time.perf_counter()
            art = comp(art, resources)
            if comp.name in ("numbers", "counts"):
                spent += time.perf_counter() - t0
        done.append(art)
    return done, spent


def evaluate(name: str, articles: list[Article], gold_path: Path, scorer, verbose: bool) -> float:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    export = scorer.Export({"articles": [plain(a) | {"source": a.source, "url": a.url} for a in articles]})
    tally, attrs, log = scorer.Tally(), {}, []
    for key, g in gold["articles"].items():
        art = export.articles.get(key, {})
        scorer.score_counts(export, art, g, tally, attrs, log, Path(key).name[:40])
    p, r, f = tally.prf()
    attr = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in attrs.items() if k != "claimant")
    print(f"{name}: counts P {p:.3f} R {r:.3f} F1 {f:.3f}  (tp {tally.tp} fp {tally.fp} fn {tally.fn}); {attr}")
    if verbose:
        print("\n".join(line for line in log if "claimant wrong" not in line))
    return f


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", action="store_true")
    parser.add_argument("--dev", action="store_true")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--raw", action="store_true", help="use the texts as they are, without linimasa's ingest")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    if not (args.shared / "acceptance" / "score.py").is_file():
        print(f"no acceptance data under {args.shared}")
        return 2
    scorer = load_scorer(args.shared)
    components = build_components()
    sets = [s for s in ("seeds", "dev") if getattr(args, s)] or ["seeds", "dev"]
    words = seconds = 0.0
    for which in sets:
        if which == "seeds":
            arts, gold = seed_articles(args.shared, args.raw), args.shared / "acceptance" / "seeds.gold.json"
        else:
            arts, gold = dev_articles(args.shared, args.raw), args.shared / "acceptance" / "dev.gold.json"
        done, spent = run(arts, components)
        words += sum(len(a.text.split()) for a in arts)
        seconds += spent
        evaluate(which, done, gold, scorer, args.verbose)
    if seconds:
        print(f"speed (numbers + counts): {words / seconds:,.0f} words/s on one core ({words:.0f} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
