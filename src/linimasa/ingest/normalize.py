"""Text normalisation before any metadata is read: Unicode form, entities, spaces, and lines broken by links.

Scrapers that drop link markup often leave each link's text on a line of its own
(``di lingkungan\\nKemendikbud Ristek\\n.\\nJamdatun ...``). :func:`repair_broken_lines` joins such fragments
back into their sentence, but only in texts that show the pattern, so pasted articles keep their paragraphs.
"""
from __future__ import annotations

import html
import re
import unicodedata

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
_TERMINAL = tuple('.!?:;"\u201d\u2019\')]')


def normalize_text(text: str) -> str:
    """NFC, HTML entities decoded, zero-width characters dropped, runs of spaces made one, line ends unified.

    >>> normalize_text("JAKARTA -&nbsp;Banjir  melanda\\r\\nkota.")
    'JAKARTA - Banjir melanda\\nkota.'
    """
    text = unicodedata.normalize("NFC", text)
    if _ENTITY.search(text):
        text = html.unescape(text)
    text = text.translate(_ZERO_WIDTH).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def _starts_fragment(line: str) -> bool:
    """A line that cannot start a sentence: lower case, or punctuation that closes one."""
    return bool(line) and (line[0].islower() or line[0] in ".,;:)!?" or line in ("-", "\u2013", "\u2014"))


def is_link_broken(lines: list[str]) -> bool:
    """True when a text shows the link-dropping pattern (several lines that continue the previous one)."""
    nonempty = [ln for ln in lines if ln]
    fragments = sum(1 for prev, ln in zip(nonempty, nonempty[1:])
                    if (_starts_fragment(ln) and not prev.endswith(_TERMINAL)) or prev.endswith("("))
    return fragments >= 2 or any(ln in ("-", "\u2013", "\u2014", ".", ",", ")") for ln in nonempty)


_SPLIT_DATELINE = re.compile(r"\A([^\n]{2,40}?)\n+(?=[-\u2013\u2014]{1,2}\s*\S)")


def repair_broken_lines(text: str) -> str:
    """Join lines split by dropped link markup back into their sentences (only when the text shows it).

    >>> repair_broken_lines("Kepala\\nBNPB\\nmengatakan, air surut\\n.\\nIa menambahkan, warga aman.")
    'Kepala BNPB mengatakan, air surut.\\nIa menambahkan, warga aman.'
    """
    m = _SPLIT_DATELINE.match(text)
    if m and len(m.group(1).split()) <= 4 and not m.group(1).endswith(_TERMINAL):
        text = m.group(1) + " " + text[m.end():]  # "JAKARTA, KOMPAS.com\n- Badan ..."
    lines = text.split("\n")
    if not is_link_broken(lines):
        return text
    out: list[str] = []
    piece = ""  # the previous input line (the end of out[-1])
    for line in lines:
        if not line:
            out.append(line)
            piece = ""
            continue
        prev = out[-1] if out else ""
        joinable = prev and not prev.endswith(_TERMINAL[:3])
        if joinable and (_starts_fragment(line) or prev.endswith("(") or _is_mid_sentence(prev)
                         or len(piece.split()) == 1 or len(piece.split()) <= 4 and not piece[0].isupper()
                         or prev.endswith(("-", "\u2013", "\u2014"))):
            glue = "" if line[0] in ".,;:)!?" or prev.endswith("(") else " "
            out[-1] = prev + glue + line
        else:
            out.append(line)
        piece = line
    return "\n".join(out)


def _is_mid_sentence(line: str) -> bool:
    """A line that stops in mid-sentence: it ends in a lower-case word and holds more than a heading would."""
    last = line.split()[-1] if line.split() else ""
    return bool(last) and last[0].islower() and last[-1].isalpha() and len(line.split()) >= 6


__all__ = ["normalize_text", "repair_broken_lines", "is_link_broken"]
