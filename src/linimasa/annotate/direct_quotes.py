"""Quote-marked passages: where each direct quotation opens and closes.

Handles straight ``"..."``, curly ``“...”``, low ``„...“``, guillemets ``«...»`` and mixed pairs (``"...”``);
curly single quotes ``‘...’`` count when they hold a real utterance (three words or more, so an apostrophe in
``Jum’at`` never opens a quote). A quote left open at the end of a paragraph goes on when the next paragraph
opens with a quote mark and closes it (news style for a quotation running over several paragraphs); otherwise it
ends there. Nothing here knows who is speaking: that is
:mod:`linimasa.annotate.attribution`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span

_OPEN_ONLY = "\u201c\u201e\u00ab"  # “ „ «
_CLOSE_ONLY = "\u201d\u00bb"  # ” »
_EITHER = '"\u201f\u2033'  # " ‟ ″
_DOUBLE = re.compile(f"[{_OPEN_ONLY}{_CLOSE_ONLY}{_EITHER}]")
_SINGLE = re.compile("\u2018([^\u2018\u2019\n]{3,600}?)\u2019(?![A-Za-z])")
_WORD = re.compile(r"\w+")
#: characters a quote's text is trimmed of at either end
_TRIM = " \t,;:-\u2013\u2014"


@dataclass(frozen=True, slots=True)
class QuoteRegion:
    """One quote-marked passage: ``open``/``close`` are the marks' offsets, ``start``/``end`` the words inside."""

    open: int
    close: int  # offset of the closing mark, or the paragraph end when the quote is left open
    start: int
    end: int
    is_closed: bool = True

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def outer_end(self) -> int:
        """Offset just after the closing mark."""
        return self.close + 1 if self.is_closed else self.close


def find_quote_regions(text: str) -> tuple[QuoteRegion, ...]:
    """Every quote-marked passage in ``text``, in order; e.g. ``'"Aman," kata Sari.'`` gives one region."""
    regions = _double_regions(text)
    taken = [(r.open, r.outer_end) for r in regions]
    for m in _SINGLE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        before = text[m.start() - 1] if m.start() else " "
        if before.isalnum():
            continue  # an apostrophe inside a word
        if len(_WORD.findall(m.group(1))) < 3:
            continue  # a scare-quoted word ('kewenangan') is no utterance
        region = _region(text, m.start(), m.end() - 1, True)
        if region:
            regions.append(region)
    return tuple(sorted(regions, key=lambda r: r.open))


_EVENTS = re.compile(f"[{_OPEN_ONLY}{_CLOSE_ONLY}{_EITHER}]|\n")
_MAX_LINES = 4  # a quote broken over more lines than this without closing ends at its first line break


def _double_regions(text: str) -> list[QuoteRegion]:
    """Pairs double quote marks. An open quote runs over a line break only when the next line does not open a
    new quote (a scraped text may break a sentence over lines); otherwise it ends at the break."""
    out: list[QuoteRegion] = []
    opened: int | None = None
    first_break: int | None = None
    lines = 0
    reopened: int | None = None  # the mark that reopens a quotation running over paragraphs
    for m in _EVENTS.finditer(text):
        i, ch = m.start(), m.group()
        if i == reopened:
            reopened = None
            continue
        if ch == "\n":
            if opened is None:
                continue
            nxt = re.match(r"\s*(.)", text[i:])
            lines += 1
            if first_break is None:
                first_break = i
            if nxt is not None and nxt.group(1) in _OPEN_ONLY + _EITHER and _goes_on(text, i, i + nxt.start(1)):
                reopened, first_break, lines = i + nxt.start(1), None, 0
                continue
            if (nxt is None or nxt.group(1) in _OPEN_ONLY + _EITHER or lines > _MAX_LINES):
                region = _region(text, opened, first_break, False)
                if region:
                    out.append(region)
                opened, first_break, lines = None, None, 0
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if opened is None:
            if ch in _CLOSE_ONLY and not (before.isspace() and not after.isspace()):
                continue  # a stray closing mark
            opened, first_break, lines = i, None, 0
            continue
        if ch in _OPEN_ONLY and before.isspace() and not after.isspace():
            # a new quote opens before the last one closed: close the last one here
            region = _region(text, opened, first_break if first_break is not None else i, first_break is None)
            if region:
                out.append(region)
            opened, first_break, lines = i, None, 0
            continue
        region = _region(text, opened, i, True)
        if region:
            out.append(region)
        opened, first_break, lines = None, None, 0
    if opened is not None:
        region = _region(text, opened, first_break if first_break is not None else len(text), False)
        if region:
            out.append(region)
    return out


def _goes_on(text: str, brk: int, mark: int) -> bool:
    """A quotation left open at the paragraph break ``brk`` goes on after the opening mark at ``mark``.

    News style runs a long quotation over paragraphs: each paragraph ends a sentence with no closing mark and the
    next opens again; the last one closes. So the paragraph before must end a sentence, and the next must close
    the quotation or hand it on the same way.
    """
    if text[:brk].rstrip()[-1:] not in (".", "!", "?"):
        return False
    line_end = text.find("\n", mark + 1)
    line = text[mark + 1:line_end if line_end >= 0 else len(text)]
    if _DOUBLE.search(line):
        return True
    if line_end < 0 or line.rstrip()[-1:] not in (".", "!", "?"):
        return False
    after = re.match(r"\s*(.)", text[line_end:])
    return after is not None and after.group(1) in _OPEN_ONLY + _EITHER


def _region(text: str, open_at: int, close_at: int, closed: bool) -> QuoteRegion | None:
    s, e = open_at + 1, close_at
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    if e <= s or not _WORD.search(text, s, e):
        return None
    return QuoteRegion(open_at, close_at, s, e, closed)


def mask_quotes(text: str, regions: tuple[QuoteRegion, ...]) -> str:
    """``text`` with each quote's words replaced by ``_`` (same length), so cues inside quotes are not read.

    A full stop ending the quote is kept, so a sentence still ends there: ``'"Aman." Dia pergi.'``.
    """
    chars = list(text)
    for r in regions:
        end = r.end - 1 if text[r.end - 1] in ".!?" else r.end
        for i in range(r.start, end):
            if not chars[i].isspace():
                chars[i] = "_"
    return "".join(chars)


def word_count(text: str) -> int:
    """Number of words (runs of letters and digits) in ``text``: ``word_count("Ya, benar.") == 2``."""
    return len(_WORD.findall(text))


__all__ = ["QuoteRegion", "find_quote_regions", "mask_quotes", "word_count"]
