"""Evaluate the ``stances`` component (and the story analytics) on the seeds and dev30.

Builds articles from ``../shared`` (through linimasa's ingest when it is there, else plainly from the files), runs
every annotator that exists up to ``stances``, and scores stances the way ``../shared/acceptance/score.py`` does
(recall: a gold stance is found when a predicted one has its stance and a matching actor name). With ``--story``
it also builds one story of the seeds and checks its stance history, troop count series and contradictions.

    .venv/bin/python scripts/eval_stances.py [--set seeds|dev30|both] [--verbose] [--story]
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from linimasa.annotate.pipeline import DEFAULT_COMPONENTS  # noqa: E402
from linimasa.annotate.registry import Registry, Resources  # noqa: E402
from linimasa.model import Article  # noqa: E402


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "acceptance" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _registry() -> tuple[Registry, list[str]]:
    """Every built-in annotator module that imports; the missing ones are listed."""
    from linimasa.annotate.builtins import BUILTIN_MODULES

    registry, missing = Registry(), []
    for name in BUILTIN_MODULES:
        try:
            importlib.import_module(f"linimasa.annotate.{name}").register(registry)
        except Exception as exc:  # a module still being written
            missing.append(f"{name} ({type(exc).__name__})")
    return registry, missing


def _published(value) -> datetime | date | None:
    if not value:
        return None
    text = str(value)
    return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)


def load_seeds(gold: dict) -> list[Article]:
    """The seed articles: through linimasa's ingest if it exists, else title = first line."""
    try:
        from linimasa.ingest.parse import parse_raw
        from linimasa.ingest.sources import read_sources

        return [parse_raw(item) for item in read_sources([str(SHARED / "seeds")])]
    except Exception:  # ingest not there yet
        out = []
        for path in sorted((SHARED / "seeds").glob("*.txt")):
            lines = path.read_text(encoding="utf-8").split("\n", 1)
            title = lines[0].strip() if len(lines[0]) < 150 else None
            body = lines[1] if title else lines[0] + "\n" + (lines[1] if len(lines) > 1 else "")
            pub = gold["articles"].get(path.name, {}).get("published", {}).get("to")
            out.append(Article(id=path.stem, text=body.strip(), source=str(path), title=title,
                               published=_published(pub), language="id"))
        return out


def load_dev30() -> list[Article]:
    out = []
    for line in (SHARED / "data" / "news-dev" / "dev30.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        out.append(Article(id=doc["url"], url=doc["url"], source=doc["url"], text=doc["text"], title=doc.get("title"),
                           outlet=doc.get("outlet"), published=_published(doc.get("published")), language="id"))
    return out


def annotate(articles: list[Article], registry: Registry) -> tuple[list[Article], float]:
    resources = Resources()
    names = [n for n in DEFAULT_COMPONENTS if n in registry]
    out, t0, spent = [], time.perf_counter(), 0.0
    for article in articles:
        for name in names:
            s = time.perf_counter()
            try:
                article = registry.get(name)(article, resources)
            except Exception as exc:  # report and go on, as the pipeline does
                print(f"  ! {name} failed on {article.source}: {type(exc).__name__}: {exc}")
            if name == "stances":
                spent += time.perf_counter() - s
        out.append(article)
    print(f"  annotated {len(out)} articles in {time.perf_counter() - t0:.1f}s (stances {spent * 1000:.0f} ms)")
    return out, spent


def score(articles: list[Article], gold: dict, verbose: bool) -> tuple[int, int]:
    sc = _scorer()
    by_key = {}
    for a in articles:
        for key in (a.url, a.id, Path(a.source or "").name):
            if key:
                by_key[key] = a
    doc = {"articles": [a.to_dict() for a in articles]}
    ex = sc.Export(doc)
    found = total = 0
    for name, g in gold["articles"].items():
        art = by_key.get(name)
        preds = [s for s in (art.stances if art else ())]
        art_doc = art.to_dict() if art else {}
        for want in g.get("stances", []):
            total += 1
            hit = any(p.stance in want["stance"] and sc.name_matches(ex.names(art_doc, p.actor, p.actor_id), want["actor"])
                      for p in preds)
            found += hit
            if not hit:
                print(f"  MISS {Path(name).name[:60]}: {want['actor'][0]} {want['stance']} on {want.get('on')}")
        if verbose and art:
            print(f"  -- {Path(name).name[:70]}")
            for p in preds:
                print(f"     {p.stance:8} {p.actor!r:32} {p.proposition_id:44} on={p.on} cue={p.cue!r}")
    return found, total


def story_check(articles: list[Article], gold: dict) -> None:
    from linimasa.stories.build import build_story

    sc = _scorer()
    t0 = time.perf_counter()
    story = build_story("seeds", articles)
    spent = time.perf_counter() - t0
    doc = {"articles": [a.to_dict() for a in articles], "stories": [story.to_dict()]}
    log: list[str] = []
    result = sc.score_story(sc.Export(doc), gold["story"], log)
    print(f"  story built in {spent * 1000:.0f} ms: {story.title!r}")
    print(f"  rows: {result}")
    for line in log:
        print(line)
    for h in story.stance_history:
        print(f"  history {h.actor} / {h.proposition_id}: " + " -> ".join(f"{p.stance}@{p.on}" for p in h.series))
    for s in story.count_series:
        print(f"  series {s.unit} / {s.what}: " + ", ".join(f"{p.value}({p.qualifier},{p.claimant},{p.on})" for p in s.points))
    for c in story.contradictions:
        print(f"  contradiction [{c.kind}] {c.summary}")
    print(f"  timeline: {len(story.timeline)} events, {story.first_on} .. {story.last_on}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("seeds", "dev30", "both"), default="both")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--story", action="store_true")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"no {SHARED}: nothing to evaluate")
        return 1
    registry, missing = _registry()
    if missing:
        print(f"components missing: {', '.join(missing)}")
    sets = ("seeds", "dev30") if args.set == "both" else (args.set,)
    for which in sets:
        gold_path = SHARED / "acceptance" / ("seeds.gold.json" if which == "seeds" else "dev.gold.json")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        print(f"== {which}")
        articles = load_seeds(gold) if which == "seeds" else load_dev30()
        articles, _ = annotate(articles, registry)
        found, total = score(articles, gold, args.verbose)
        n = sum(len(a.stances) for a in articles)
        print(f"  stances recall {found}/{total} = {found / max(1, total):.3f} ({n} stances predicted)")
        if args.story and which == "seeds":
            story_check(articles, gold)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
