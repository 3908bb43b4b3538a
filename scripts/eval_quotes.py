#!/usr/bin/env python3
"""Score the quotes and claimants components on the seed and dev articles, printing every miss.

Usage: python scripts/eval_quotes.py [seeds|dev|both] [--quiet] [--raw] [--skip=COMPONENT ...]

Builds an Article from each input file (seeds: ../shared/seeds/*.txt, dev: ../shared/data/news-dev/dev30.jsonl)
through linimasa's text ingest when it is there (``--raw``: the texts as they are),
runs whichever annotators are available in order (timexes, numbers, entities, quotes, counts, claimants) and
scores quotes and count claimants with the same rules as ../shared/acceptance/score.py (it is imported from
there: score_quotes, name_matches).
"""
from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import json
import sys
import time
from datetime import datetime
from pathlib import Path

from linimasa.annotate.registry import Registry, Resources
from linimasa.model import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"
ORDER = (("dates", "timexes"), ("numbers", "numbers"), ("entities", "entities"), ("quotes", "quotes"),
         ("counts", "counts"), ("claimants", "claimants"))


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "acceptance" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def components(skip: tuple[str, ...] = ()):
    registry = Registry()
    names = []
    for module_name, component in ORDER:
        if component in skip:
            continue
        try:
            module = importlib.import_module(f"linimasa.annotate.{module_name}")
            module.register(registry)
            registry.get(component)
            names.append(component)
        except Exception as exc:  # a missing or broken module: run without it
            print(f"(skipping {component}: {type(exc).__name__}: {exc})", file=sys.stderr)
    return [registry.get(n) for n in names]


RAW = False


def _parse_text():
    """linimasa's own text ingest (boilerplate removal, metadata) unless --raw, when it is there."""
    if RAW:
        return None
    try:
        from linimasa.ingest.parse import parse_text
    except ImportError:
        return None
    return parse_text


def seed_articles() -> list[Article]:
    out = []
    parse_text = _parse_text()
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if parse_text is not None:
            out.append(parse_text(text, source=str(path), language="id"))
        else:
            out.append(Article(id=path.stem, text=text, source=str(path), language="id"))
    return out


def dev_articles() -> list[Article]:
    out = []
    parse_text = _parse_text()
    for i, line in enumerate((SHARED / "data" / "news-dev" / "dev30.jsonl").read_text(encoding="utf-8").splitlines()):
        doc = json.loads(line)
        if parse_text is not None:
            art = parse_text(doc["text"], source=doc["url"], url=doc["url"], title=doc.get("title"),
                             published=doc.get("published"), language="id")
            out.append(dataclasses.replace(art, id=f"dev{i:02d}"))
            continue
        published = datetime.fromisoformat(doc["published"]) if doc.get("published") else None
        out.append(Article(id=f"dev{i:02d}", text=doc["text"], url=doc["url"], source=doc["url"],
                           published=published, language="id", title=doc.get("title")))
    return out


SKIP: tuple[str, ...] = ()


def run(articles: list[Article]) -> tuple[list[Article], float]:
    comps = components(SKIP)
    resources = Resources()
    out = []
    t0 = time.perf_counter()
    for art in articles:
        for comp in comps:
            try:
                art = comp(art, resources)
            except Exception as exc:
                print(f"{comp.name} failed on {art.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
        out.append(art)
    return out, time.perf_counter() - t0


def evaluate(name: str, articles: list[Article], gold_path: Path, quiet: bool) -> None:
    score = load_scorer()
    annotated, seconds = run(articles)
    words = sum(len(a.text.split()) for a in articles)
    doc = {"articles": [a.to_dict() for a in annotated]}
    ex = score.Export(doc)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    direct, indirect = score.Tally(), score.Tally()
    claim_ok = claim_all = asof_ok = asof_all = 0
    log: list[str] = []
    for key, g in gold["articles"].items():
        art = ex.articles.get(key)
        if art is None:
            log.append(f"  {key}: article missing")
            continue
        label = (Path(str(art.get("source") or "")).name or art.get("id") or key)[:14]
        score.score_quotes(ex, art, g.get("direct_quotes", []), "direct", direct, log, label, recall_only=False)
        score.score_quotes(ex, art, g.get("indirect_quotes", []), "indirect", indirect, log, label, recall_only=True)
        for gc in g.get("counts", []):
            if gc.get("optional"):
                continue
            preds = [c for c in art.get("counts") or [] if score.number(c.get("value")) == float(gc["value"])]
            if not preds:
                continue
            ok = any((score.name_matches(ex.names(art, p.get("claimant"), p.get("claimant_id")), gc["claimant"])
                      if gc["claimant"] is not None else not p.get("claimant")) for p in preds)
            claim_all += 1
            claim_ok += ok
            if not ok:
                log.append(f"  {label}: count {gc['value']} claimant wrong: got "
                           f"{[p.get('claimant') for p in preds]}, want {(gc['claimant'] or [None])[:2]}")
            if gc.get("as_of"):
                asof_all += 1
                asof_ok += any(str(p.get("as_of") or "").startswith(gc["as_of"]) for p in preds)
    p, r, f = direct.prf()
    _, ir, _ = indirect.prf()
    print(f"== {name}: {len(articles)} articles, {words} words, {words / max(seconds, 1e-9):,.0f} words/s")
    print(f"direct quotes F1 {f:.3f} (P {p:.2f} R {r:.2f}), speaker correct {direct.attr():.3f} "
          f"({direct.attr_ok}/{direct.attr_all})")
    print(f"indirect recall (speaker right) {ir * indirect.attr() if indirect.attr_all else 0:.3f} "
          f"(found {indirect.tp}/{indirect.tp + indirect.fn}, speaker right {indirect.attr_ok})")
    if claim_all:
        print(f"count claimants correct {claim_ok / claim_all:.3f} ({claim_ok}/{claim_all}); "
              f"as_of {asof_ok}/{asof_all}")
    if not quiet and log:
        print("\n".join(log))


def main(argv: list[str]) -> int:
    which = next((a for a in argv if not a.startswith("-")), "both")
    quiet = "--quiet" in argv
    global SKIP, RAW
    SKIP = tuple(a.split("=", 1)[1] for a in argv if a.startswith("--skip="))
    RAW = "--raw" in argv
    if not SHARED.is_dir():
        print(f"no shared data at {SHARED}")
        return 1
    if which in ("seeds", "both"):
        evaluate("seeds", seed_articles(), SHARED / "acceptance" / "seeds.gold.json", quiet)
    if which in ("dev", "both"):
        evaluate("dev30", dev_articles(), SHARED / "acceptance" / "dev.gold.json", quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
