"""Evaluate linimasa's NER on the NERGrit test split: exact span + type F1 over PER/ORG/LOC.

Two measurements:

- ``model``: the spaCy artifact alone, on the gold tokens;
- ``model-text``: the artifact alone on running text rebuilt from the tokens (its own tokenizer);
- ``component``: the whole ``entities`` component (model + gazetteers + rules + in-article consistency) on
  running text rebuilt from the tokens, with PERSON -> PER, GPE -> LOC, and character spans compared.

    .venv/bin/python scripts/eval_ner.py [--model PATH] [--split test] [--component]
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_ner import ARTIFACT, DATA, detokenize, iob_spans, read_conll  # noqa: E402

COMPONENT_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


def prf(gold: set, pred: set, tp_counter: Counter, gold_counter: Counter, pred_counter: Counter) -> None:
    """Add one sentence's gold and predicted (start, end, label) sets into the counters."""
    for item in pred & gold:
        tp_counter[item[-1]] += 1
    for item in gold:
        gold_counter[item[-1]] += 1
    for item in pred:
        pred_counter[item[-1]] += 1


def summarise(tp: Counter, gold: Counter, pred: Counter) -> dict:
    """Micro P/R/F1 overall and per label."""
    def score(t: int, g: int, p: int) -> dict:
        prec = t / p if p else 0.0
        rec = t / g if g else 0.0
        return {"p": prec, "r": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}

    out = score(sum(tp.values()), sum(gold.values()), sum(pred.values()))
    out["per_type"] = {label: score(tp[label], gold[label], pred[label]) for label in sorted(gold)}
    return out


def load_set(split: str) -> list:
    """Gold sentences: a NERGrit split ("test", "valid") or "idner-dev" (the held-out news slice)."""
    if split == "idner-dev":
        from train_ner import load_splits

        return load_splits()[1]
    return read_conll(DATA / "indonlu-nergrit" / f"{split}.txt")


def evaluate_model(model: Path = ARTIFACT, split: str = "test") -> dict:
    """The spaCy model alone on ``split`` (gold tokenisation)."""
    from spacy.tokens import Doc

    from linimasa.annotate.ner import load_model

    nlp = load_model(model)
    sentences = load_set(split)
    tp, gold_c, pred_c = Counter(), Counter(), Counter()
    docs = (Doc(nlp.vocab, words=words) for words, _ in sentences)
    for (words, tags), doc in zip(sentences, nlp.pipe(docs, batch_size=64)):
        gold = set(iob_spans(tags))
        pred = {(e.start, e.end, e.label_) for e in doc.ents}
        prf(gold, pred, tp, gold_c, pred_c)
    return summarise(tp, gold_c, pred_c)


def evaluate_model_on_text(model: Path = ARTIFACT, split: str = "test") -> dict:
    """The spaCy model alone on running text rebuilt from ``split`` (its own tokenizer), by character spans."""
    from linimasa.annotate.ner import load_model, tag

    nlp = load_model(model)
    tp, gold_c, pred_c = Counter(), Counter(), Counter()
    for words, tags in load_set(split):
        text, spans = detokenize(words)
        gold = {(spans[s][0], spans[e - 1][1], label) for s, e, label in iob_spans(tags)}
        pred = {(t.start, t.end, COMPONENT_TYPES[t.type]) for t in tag(nlp, text)}
        prf(gold, pred, tp, gold_c, pred_c)
    return summarise(tp, gold_c, pred_c)


def evaluate_component(split: str = "test", show: int = 0) -> dict:
    """The ``entities`` component on running text rebuilt from ``split``."""
    from linimasa.annotate.entities import annotate_entities
    from linimasa.annotate.registry import Resources
    from linimasa.model import Article

    resources = Resources()
    annotate_entities(Article(id="warm-up", text="Budi tiba di Jakarta."), resources)  # load outside the timing
    sentences = load_set(split)
    tp, gold_c, pred_c = Counter(), Counter(), Counter()
    words_total = 0
    elapsed = 0.0
    shown = 0
    for i, (words, tags) in enumerate(sentences):
        text, spans = detokenize(words)
        gold = {(spans[s][0], spans[e - 1][1], label) for s, e, label in iob_spans(tags)}
        article = Article(id=f"nergrit-{i}", text=text, language="id")
        t0 = time.perf_counter()
        entities = annotate_entities(article, resources)
        elapsed += time.perf_counter() - t0
        words_total += len(words)
        pred = set()
        for entity in entities:
            for m in entity.mentions:
                if m.kind != "pronoun":
                    pred.add((m.start, m.end, COMPONENT_TYPES[entity.type]))
        prf(gold, pred, tp, gold_c, pred_c)
        if show and gold != pred and shown < show:
            shown += 1
            print(text)
            print("  missed:", sorted((text[s:e], t) for s, e, t in gold - pred))
            print("  extra: ", sorted((text[s:e], t) for s, e, t in pred - gold))
    out = summarise(tp, gold_c, pred_c)
    out["words_per_second"] = words_total / elapsed if elapsed else 0.0
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ARTIFACT)
    parser.add_argument("--split", default="test", help="NERGrit test/valid, or idner-dev (held-out news)")
    parser.add_argument("--component", action="store_true", help="also score the whole entities component")
    parser.add_argument("--show", type=int, default=0, help="print this many component errors")
    args = parser.parse_args(argv)
    results = {"model": evaluate_model(args.model, args.split)}
    if args.component:
        results["model-text"] = evaluate_model_on_text(args.model, args.split)
        results["component"] = evaluate_component(args.split, args.show)
    for name, s in results.items():
        extra = f"  ({s['words_per_second']:.0f} words/s)" if "words_per_second" in s else ""
        print(f"{name:10s} P {s['p']:.3f} R {s['r']:.3f} F1 {s['f1']:.3f}{extra}")
        for label, t in s["per_type"].items():
            print(f"  {label:4s} P {t['p']:.3f} R {t['r']:.3f} F1 {t['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
