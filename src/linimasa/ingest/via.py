"""``via``: the wire agencies and outlets an article cites as its source.

"dilansir Reuters", "Dikutip dari AFP", "seperti dikutip dari Sputnik", "kantor berita Korea Utara KCNA",
"Reuters melaporkan": a known agency or outlet name (``wire_agencies.tsv``, ``outlets.tsv``), or a web-site
name, near a cue from ``via_cues.tsv`` in the same sentence. Scrapers glue link text to the word before it
("dilansirAntara"); a name glued to its cue still counts.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import load_lexicon
from .names import DOMAIN, canonical_source, same_source, tables

_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019']?\s+(?=[\"\u201c\u2018A-Z0-9])|\n")
_WORD = re.compile(r"[\w'\u2019.-]+")


@lru_cache(maxsize=None)
def _cues() -> tuple[dict[tuple[str, ...], int], dict[tuple[str, ...], int], frozenset[tuple[str, ...]]]:
    before: dict[tuple[str, ...], int] = {}
    after: dict[tuple[str, ...], int] = {}
    weak: set[tuple[str, ...]] = set()
    for cue, position, gap, strength in load_lexicon("id", "via_cues"):
        key = tuple(cue.casefold().split())
        (before if position == "before" else after)[key] = int(gap)
        if strength == "weak":
            weak.add(key)
    return before, after, frozenset(weak)


@lru_cache(maxsize=None)
def _name_pattern() -> re.Pattern[str]:
    t = tables()
    forms = sorted(set(t.agencies) | set(t.outlets), key=len, reverse=True)
    names = "|".join(re.escape(f) for f in forms)
    # a name stands alone, or glued to the word before it by a scraper ("dilansirAFP"); an all-capitals name
    # may be glued to the next word too ("dariCNNpada")
    return re.compile(rf"(?P<name>{names}|{DOMAIN})(?:(?![A-Za-z0-9])|(?<=[A-Z])(?=[a-z]))")


def _cue_before(context: str) -> tuple[str, ...] | None:
    tokens = [t.casefold().strip(".-") for t in _WORD.findall(context)][-12:]
    before, _, _ = _cues()
    for cue, gap in before.items():
        n = len(cue)
        for g in range(gap + 1):
            end = len(tokens) - g
            if end - n < 0:
                break
            window = tokens[end - n:end]
            # a cue glued to the name: the last token ends with the cue ("dilansir" in "...dilansir")
            if window == list(cue):
                return cue
    return None


def _cue_after(context: str) -> bool:
    tokens = [t.casefold() for t in _WORD.findall(context)][:3]
    _, after, _ = _cues()
    for cue, gap in after.items():
        n = len(cue)
        for g in range(gap + 1):
            if tokens[g:g + n] == list(cue):
                return True
    return False


def find_via(text: str, *, outlet: str | None = None) -> tuple[str, ...]:
    """The agencies/outlets ``text`` cites as its source, canonical names in order of first mention.

    >>> find_via('"Kami siap," katanya dilansir Reuters. Kantor berita resmi KCNA melaporkan hal serupa.')
    ('Reuters', 'KCNA')
    """
    found: list[str] = []
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    t = tables()
    for m in _name_pattern().finditer(text):
        name = m.group("name")
        start = m.start()
        glue = re.match(r"[a-z]+(?=[A-Z])", name)
        if glue and _glued_cue(glue.group()):  # "dikutipSurya.co.id" matched as one site name
            name, start = name[glue.end():], start + glue.end()
        if start > 0 and text[start - 1].isalnum():
            glued = re.search(r"(\w+)$", text[:start])
            if not glued or not _glued_cue(glued.group(1)):
                continue
        sentence_start = max(b for b in bounds if b <= start)
        before = text[sentence_start:start]
        if start > 0 and text[start - 1].isalnum():
            before = before[:len(before) - len(re.search(r"(\w+)$", before).group(1))] + " " + _glued_cue(
                re.search(r"(\w+)$", before).group(1))
        after = text[m.end():m.end() + 40]
        cue = _cue_before(before)
        known = name in t.agencies or name in t.outlets
        if cue == ("kepada",) and not known:
            continue  # "kepada Bergelora.com": an outlet naming itself, not a source
        if len(name) <= 2 and (cue is None or cue in _cues()[2]):
            continue  # "kepada AP" may be a suspect's initials: a two-letter name needs a strong cue
        if cue is None and not _cue_after(after):
            continue
        canon = canonical_source(name)
        if outlet and same_source(canon, outlet):
            continue
        if not any(same_source(canon, f) for f in found):
            found.append(canon)
    for m in _AGENCY_NAMED.finditer(text):  # "kantor berita resmi Kordavia, KORPRESS": an agency we do not know
        name = m.group("name")
        if not any(same_source(name, f) for f in found) and not (outlet and same_source(name, outlet)):
            found.append(name)
    return tuple(found)


#: "kantor berita" and up to four words, then an all-capitals name the tables do not know
_AGENCY_NAMED = re.compile(r"\b[Kk]antor berita(?:\s+[\w-]+){0,4}?,?\s+(?P<name>[A-Z]{3,10})\b(?![.-]?[A-Za-z0-9])")


def _glued_cue(word: str) -> str:
    """The cue a glued word ends with ("dilansir" in "dilansir", "dari" in "dikutipdari"), or ''."""
    before, _, _ = _cues()
    lower = word.casefold()
    for cue in sorted((c[-1] for c in before), key=len, reverse=True):
        if lower.endswith(cue):
            return cue
    return ""


__all__ = ["find_via"]
