"""Train linimasa's Indonesian NER model (spaCy, blank ``id``, CNN tok2vec) on ``../shared/data/ner/``.

Reproducible: fixed seed, fixed data split, config generated here. Writes the trained pipeline (without optimizer
state) to ``src/linimasa/models/ner-id/`` and a ``TRAINED_ON.md`` beside it with data, command, date and the
scores from ``scripts/eval_ner.py``. Takes about 10 minutes of CPU; never run it from the tests.

    .venv/bin/python scripts/train_ner.py                 # full run
    .venv/bin/python scripts/train_ner.py --max-steps 2000  # quick run (default 5000)

Label mapping: PLACE/PLC -> LOC, ORGANISATION/IND -> ORG, PERSON/PPL -> PER, EVT/FNB -> O. The cased sets
(NERGrit train+valid, idner-news-2k train minus a held-out slice) are given twice; NERP (all lower case) once.
The dev set for model selection is a fixed random slice of idner-news-2k train (NERGrit test is never seen).
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ner"
ARTIFACT = ROOT / "src" / "linimasa" / "models" / "ner-id"

LABEL_MAP = {
    "PER": "PER", "PERSON": "PER", "PPL": "PER",
    "ORG": "ORG", "ORGANISATION": "ORG", "IND": "ORG",
    "LOC": "LOC", "PLACE": "LOC", "PLC": "LOC",
}
DEV_SIZE = 200
SEED = 42


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of (tokens, IOB tags mapped to PER/ORG/LOC) from a CoNLL file (tag in the last column)."""
    sentences: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t") if "\t" in line else line.split(" ")
        if not line.strip():
            if words:
                sentences.append((words, tags))
            words, tags = [], []
            continue
        word, tag = cells[0], cells[-1]
        words.append(word)
        tags.append(_map_tag(tag))
    if words:
        sentences.append((words, tags))
    return [(w, _repair_iob(t)) for w, t in sentences]


def _map_tag(tag: str) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    mapped = LABEL_MAP.get(label)
    return f"{prefix}-{mapped}" if mapped else "O"


def _repair_iob(tags: list[str]) -> list[str]:
    """An I- tag that does not continue an entity of its type starts one."""
    out = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def detokenize(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Plausible running text for a token list, and each token's character span in it."""
    no_space_before = {",", ".", ":", ";", ")", "]", "?", "!", "%", "'s"}
    no_space_after = {"(", "["}
    text = ""
    spans = []
    for i, word in enumerate(words):
        if i and word not in no_space_before and words[i - 1] not in no_space_after:
            text += " "
        spans.append((len(text), len(text) + len(word)))
        text += word
    return text, spans


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans (start, end, label) from IOB tags."""
    spans = []
    start = None
    label = None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not tag.startswith("I-"):
            spans.append((start, i, label))
            start = None
        if tag.startswith("B-"):
            start, label = i, tag[2:]
    return spans


def load_splits(cased_copies: int = 2) -> tuple[list, list, dict[str, int]]:
    """(train sentences, dev sentences, counts) with the fixed duplication and held-out slice."""
    grit = read_conll(DATA / "indonlu-nergrit" / "train.txt") + read_conll(DATA / "indonlu-nergrit" / "valid.txt")
    idner = read_conll(DATA / "idner-news-2k" / "train.txt")
    nerp = []
    for split in ("train", "valid", "test"):
        nerp += read_conll(DATA / "indonlu-nerp" / f"{split}.txt")
    order = list(range(len(idner)))
    random.Random(SEED).shuffle(order)
    dev_ids = set(order[:DEV_SIZE])
    dev = [s for i, s in enumerate(idner) if i in dev_ids]
    idner_train = [s for i, s in enumerate(idner) if i not in dev_ids]
    train = grit * cased_copies + idner_train * cased_copies + nerp
    random.Random(SEED).shuffle(train)
    counts = {"nergrit train+valid": len(grit), "idner-news-2k train (minus dev)": len(idner_train),
              "idner-news-2k dev slice": len(dev), "nerp train+valid+test": len(nerp)}
    return train, dev, counts


def to_docbin(sentences, path: Path) -> None:
    import spacy
    from spacy.tokens import Doc, DocBin

    nlp = spacy.blank("id")
    db = DocBin(store_user_data=False)
    for words, tags in sentences:
        doc = Doc(nlp.vocab, words=words, ents=tags)
        db.add(doc)
    db.to_disk(path)


def write_config(path: Path, max_steps: int, patience: int, width: int = 96, rows: tuple[int, ...] = (),
                 depth: int = 4) -> None:
    from spacy.cli.init_config import init_config

    config = init_config(lang="id", pipeline=["ner"], optimize="efficiency", gpu=False)
    config["components"]["tok2vec"]["model"]["encode"]["width"] = width
    config["components"]["tok2vec"]["model"]["encode"]["depth"] = depth
    if rows:
        config["components"]["tok2vec"]["model"]["embed"]["rows"] = list(rows)
    config["training"]["max_steps"] = max_steps
    config["training"]["patience"] = patience
    config["training"]["eval_frequency"] = 250
    config["training"]["seed"] = SEED
    config["system"]["seed"] = SEED
    config["training"]["logger"]["progress_bar"] = False
    config.to_disk(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-steps", type=int, default=5000)
    parser.add_argument("--patience", type=int, default=2000)
    parser.add_argument("--output", type=Path, default=ARTIFACT)
    parser.add_argument("--width", type=int, default=96, help="tok2vec width")
    parser.add_argument("--depth", type=int, default=4, help="tok2vec encoder depth (CNN layers)")
    parser.add_argument("--rows", default="5000,1000,2500,2500", help="hash rows for NORM,PREFIX,SUFFIX,SHAPE")
    parser.add_argument("--cased-copies", type=int, default=2, help="how often the cased sets are given")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="keep the training files and spaCy's checkpoints here (default: a temporary folder)")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"No training data at {DATA}", file=sys.stderr)
        return 1
    train, dev, counts = load_splits(args.cased_copies)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        to_docbin(train, work / "train.spacy")
        to_docbin(dev, work / "dev.spacy")
        write_config(work / "config.cfg", args.max_steps, args.patience, args.width,
                     tuple(int(r) for r in args.rows.split(",")), args.depth)
        started = dt.datetime.now()
        subprocess.run([sys.executable, "-m", "spacy", "train", str(work / "config.cfg"), "--output",
                        str(work / "out"), "--paths.train", str(work / "train.spacy"),
                        "--paths.dev", str(work / "dev.spacy")], check=True)
        minutes = (dt.datetime.now() - started).total_seconds() / 60
        best = work / "out" / "model-best"
        if args.output.exists():
            shutil.rmtree(args.output)
        shutil.copytree(best, args.output)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from eval_ner import evaluate_model

    scores = evaluate_model(args.output)
    dev_scores = evaluate_model(args.output, "idner-dev")
    write_trained_on(args.output, counts, args, minutes, scores, dev_scores)
    print(f"wrote {args.output}; NERGrit test F1 {scores['f1']:.3f}, idner dev slice F1 {dev_scores['f1']:.3f}")
    return 0


def write_trained_on(folder: Path, counts: dict[str, int], args, minutes: float, scores: dict,
                     dev_scores: dict) -> None:
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6
    lines = [
        "# ner-id: linimasa's Indonesian NER model",
        "",
        "A spaCy 3.8 pipeline (blank `id`, CNN tok2vec + transition-based `ner`), labels PER, ORG, LOC.",
        "",
        f"- trained: {dt.date.today().isoformat()}, {minutes:.1f} min wall-clock, "
        f"`.venv/bin/python scripts/train_ner.py --max-steps {args.max_steps} --patience {args.patience} "
        f"--width {args.width} --depth {args.depth} --rows {args.rows} --cased-copies {args.cased_copies}`",
        "- data (`../shared/data/ner/`, sentences): "
        + "; ".join(f"{k} {v}" for k, v in counts.items()),
        f"- NERGrit and idner-news-2k (cased) given {args.cased_copies} times, NERP (lower case) once; "
        "labels PLACE/PLC -> LOC,",
        "  ORGANISATION/IND -> ORG, PERSON/PPL -> PER, EVT/FNB -> O. Model selection on the idner dev slice",
        f"  (seed {SEED}, {DEV_SIZE} sentences). Licences: idner-news-2k MIT, IndoNLU Apache-2.0.",
        f"- size: {size:.1f} MB",
        "",
        "## NERGrit test (never trained on), exact span + type, PER/ORG/LOC",
        "",
        "`.venv/bin/python scripts/eval_ner.py`",
        "",
        "| | P | R | F1 |",
        "|---|---|---|---|",
        f"| all | {scores['p']:.3f} | {scores['r']:.3f} | {scores['f1']:.3f} |",
    ]
    for label, s in sorted(scores["per_type"].items()):
        lines.append(f"| {label} | {s['p']:.3f} | {s['r']:.3f} | {s['f1']:.3f} |")
    lines += ["", f"idner-news-2k held-out slice (the dev set; `--split idner-dev`): P {dev_scores['p']:.3f} "
              f"R {dev_scores['r']:.3f} F1 {dev_scores['f1']:.3f}"]
    (folder / "TRAINED_ON.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
