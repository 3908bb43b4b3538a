#!/usr/bin/env python3
"""Build ``src/linimasa/lang/id/document_frequency.tsv``: background document frequencies for story clustering.

Reads the training splits of the Indonesian NER corpora in ``../shared/data/ner`` (CoNLL style: one token a
line, first column the token, blank line between sentences), groups consecutive sentences into pseudo-documents
of about an article's length, tokenises them with :func:`linimasa.stories.embed.terms` and writes, for every term
found in at least ``--min-df`` pseudo-documents, how many contain it. The row ``<all>`` holds the number of
pseudo-documents. Only counts are shipped, never sentences.

    .venv/bin/python scripts/build_document_frequency.py [--data ../shared/data/ner]
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from linimasa.stories.embed import ALL_DOCUMENTS, terms

ROOT = Path(__file__).resolve().parents[1]
FILES = ("idner-news-2k/train.txt", "indonlu-nergrit/train.txt", "indonlu-nerp/train.txt")
OUT = ROOT / "src" / "linimasa" / "lang" / "id" / "document_frequency.tsv"


def sentences(path: Path):
    """Sentences of a CoNLL-style file, as lists of tokens."""
    tokens: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                yield tokens
            tokens = []
            continue
        tokens.append(line.split()[0])
    if tokens:
        yield tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ner")
    parser.add_argument("--sentences-per-document", type=int, default=15)
    parser.add_argument("--min-df", type=int, default=2)
    args = parser.parse_args()
    df: Counter[str] = Counter()
    documents = 0
    for name in FILES:
        batch: list[str] = []
        for i, sentence in enumerate(sentences(args.data / name), 1):
            batch.extend(sentence)
            if i % args.sentences_per_document == 0:
                df.update(set(terms(" ".join(batch))))
                documents += 1
                batch = []
        if batch:
            df.update(set(terms(" ".join(batch))))
            documents += 1
    rows = sorted(((t, n) for t, n in df.items() if n >= args.min_df), key=lambda r: (-r[1], r[0]))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("term\tdocuments\n")
        out.write(f"{ALL_DOCUMENTS}\t{documents}\n")
        for term, n in rows:
            out.write(f"{term}\t{n}\n")
    print(f"{OUT}: {len(rows)} terms over {documents} pseudo-documents")


if __name__ == "__main__":
    main()
