"""Language data: lexicons are UTF-8 TSV files under ``lang/<code>/``, one entry a line, with a header.

``load_lexicon("id", "speech_verbs")`` reads ``lang/id/speech_verbs.tsv``, checks it (header present, no empty
fields, right column count, no duplicate first column unless the file's header ends in ``*``), caches it and
returns a :class:`Lexicon`. Lines starting with ``#`` are comments. Errors name ``file:line``.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import LexiconError

LANG_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    sha256: str

    def column(self, name: str) -> tuple[str, ...]:
        try:
            i = self.columns.index(name)
        except ValueError:
            raise LexiconError(f"{self.lang}/{self.name}.tsv has no column {name!r}; columns: "
                               f"{', '.join(self.columns)}") from None
        return tuple(r[i] for r in self.rows)

    def mapping(self, key: str | None = None, value: str | None = None) -> dict[str, str]:
        """First column (or ``key``) -> second column (or ``value``)."""
        keys = self.column(key or self.columns[0])
        values = self.column(value or self.columns[1])
        return dict(zip(keys, values))

    def records(self) -> tuple[dict[str, str], ...]:
        return tuple(dict(zip(self.columns, r)) for r in self.rows)

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def available(lang: str) -> tuple[str, ...]:
    folder = LANG_DIR / lang
    return tuple(sorted(p.stem for p in folder.glob("*.tsv")))


@lru_cache(maxsize=None)
def load_lexicon(lang: str, name: str) -> Lexicon:
    path = LANG_DIR / lang / f"{name}.tsv"
    if not path.is_file():
        raise LexiconError(f"No lexicon {lang}/{name}.tsv. Available for {lang!r}: "
                           f"{', '.join(available(lang)) or '(none)'}")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 ({exc})") from exc
    header: tuple[str, ...] | None = None
    allow_duplicates = False
    rows: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = tuple(c.strip() for c in line.split("\t"))
        if header is None:
            if cells and cells[-1].endswith("*"):
                allow_duplicates = True
                cells = cells[:-1] + (cells[-1].rstrip("*"),)
            header = cells
            continue
        if len(cells) != len(header):
            raise LexiconError(f"{path}:{lineno}: {len(cells)} fields, the header has {len(header)} "
                               f"({', '.join(header)})")
        if any(c == "" for c in cells[:1]):
            raise LexiconError(f"{path}:{lineno}: empty first field")
        if any(c == "" for c in cells):
            raise LexiconError(f"{path}:{lineno}: empty field (write '-' for none)")
        key = cells[0]
        if not allow_duplicates and key in seen:
            raise LexiconError(f"{path}:{lineno}: duplicate entry {key!r} (first on line {seen[key]})")
        seen.setdefault(key, lineno)
        rows.append(cells)
    if header is None:
        raise LexiconError(f"{path}: empty lexicon (no header)")
    return Lexicon(lang, name, header, tuple(rows), hashlib.sha256(data).hexdigest())


def lexicon_hashes(lang: str) -> dict[str, str]:
    return {name: load_lexicon(lang, name).sha256[:12] for name in available(lang)}


__all__ = ["Lexicon", "load_lexicon", "available", "lexicon_hashes", "LANG_DIR"]
