"""Bylines: ``Reporter : Tedy``, ``Penulis: Ilham Sudrajat``, ``Oleh: A dan B``, a trailing ``(Web Warouw)``.

Labels and their roles are in ``lang/id/bylines.tsv``. A name is one to five capitalised words (with the usual
lower-case particles: bin, van, de...); a line whose "names" are not names is not a byline.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import load_lexicon
from ..model import Author

_PARTICLES = frozenset({"bin", "binti", "van", "von", "de", "da", "der", "al", "el", "la", "di", "d'"})
_NAME_SPLIT = re.compile(r"\s*(?:,|/|&|;|\||\bdan\b|\band\b)\s*")
_NO_COLON_LABELS = ("oleh", "by", "laporan wartawan", "ditulis oleh", "written by")


@lru_cache(maxsize=None)
def _labels() -> tuple[re.Pattern[str], dict[str, str]]:
    roles = {label.casefold(): role for label, role in load_lexicon("id", "bylines")}
    alternation = "|".join(re.escape(label).replace(r"\ ", r"\s+")
                           for label in sorted(roles, key=len, reverse=True))
    return re.compile(rf"^\s*(?P<label>{alternation})\b\s*(?P<colon>[:\uff1a])?\s*(?P<names>.*?)\s*$", re.I), roles


def is_name(text: str) -> bool:
    """A person's name as bylines print it: 1-5 capitalised words, letters only (plus . ' -).

    >>> is_name("Ilham Sudrajat"), is_name("pemerintah daerah")
    (True, False)
    """
    words = text.split()
    if not 1 <= len(words) <= 5 or len(text) > 50:
        return False
    for w in words:
        if w.casefold() in _PARTICLES:
            continue
        if not re.fullmatch(r"[A-Z\u00c0-\u024f][\w.'\u2019-]*", w) or any(ch.isdigit() for ch in w):
            return False
    return not words[0].casefold() in _PARTICLES


def parse_byline(line: str) -> tuple[Author, ...] | None:
    """The authors a byline line names (empty when the label has no name), or None when it is no byline.

    >>> parse_byline("Reporter : Tedy")
    (Author(name='Tedy', role='reporter'),)
    >>> parse_byline("Editor :")
    ()
    """
    if len(line) > 160:
        return None
    pattern, roles = _labels()
    authors: list[Author] = []
    segments = [s for s in re.split(r"\s+\|\s+|\s{2,}|\t", line) if s.strip()]
    for segment in segments:
        m = pattern.match(segment)
        if not m:
            return None
        label = " ".join(m.group("label").split()).casefold()
        if not m.group("colon") and label not in _NO_COLON_LABELS and len(segments) < 2:
            return None  # "Penulis Siti | Editor Bambang": a row of labels needs no colons
        if not m.group("colon") and not m.group("names"):
            return None
        names = re.sub(r"\s+[-\u2013\u2014]\s+[\w.]+$", "", m.group("names"))
        names = re.sub(r"\s*\([^)]*\)\s*$", "", names).strip(" .")
        names = _without_trailing_outlet(names)
        if not names:
            continue
        parts = [p for p in _NAME_SPLIT.split(names) if p]
        if not parts or not all(is_name(p) for p in parts):
            return None
        # "Laporan Wartawan Tribunjateng.com, Agus Salim", "Penulis: Kontributor Mamuju, Nur Aisyah": the
        # outlet and a role with its place stand beside the name, and are no authors
        parts = [p for p in parts if not _is_outlet(p) and p.split()[0].casefold() not in roles]
        authors.extend(Author(p.strip(), roles[label]) for p in parts)
    return tuple(authors)


def _without_trailing_outlet(names: str) -> str:
    """"DEWI ANGGRAINI Associated Press": a wire byline prints its agency after the name, with no comma."""
    from .names import tables

    t = tables()
    for form in sorted((*t.outlets, *t.agencies), key=len, reverse=True):
        if len(form) > 2 and names.endswith(" " + form) and len(names) > len(form) + 2 \
                and not names[: -len(form)].rstrip().endswith(","):  # "Jane Doe, Reuters" is split as a list
            return names[: -len(form)].rstrip()
    return names


def _is_outlet(text: str) -> bool:
    from .names import DOMAIN_RE, tables

    return bool(DOMAIN_RE.fullmatch(text)) or text in tables().outlets


def trailing_author(text: str) -> tuple[str, str | None]:
    """A paragraph's closing ``(Web Warouw)``: returns (text without it, the name) or (text, None).

    >>> trailing_author("Air sungai mulai surut sore ini. (Rina Hapsari)")
    ('Air sungai mulai surut sore ini.', 'Rina Hapsari')
    """
    m = re.search(r"\s*\(([^()]{2,50})\)\s*$", text)
    if not m or not is_name(m.group(1).strip()) or len(m.group(1).split()) < 2 and not m.group(1).istitle():
        return text, None
    before = text[:m.start()].rstrip()
    if before and before[-1] not in ".!?\"\u201d\u2019'" and before != "":
        return text, None
    return before, m.group(1).strip()


__all__ = ["parse_byline", "trailing_author", "is_name"]
