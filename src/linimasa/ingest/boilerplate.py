"""Boilerplate that pages and scrapers leave in article text, and how to remove it.

The phrases live in ``lang/id/boilerplate.tsv`` with a *kind* that says what goes with them: a read-more
``teaser`` takes the other story's headline with it (on its own line, on the lines after it, or inline where a
scraper glued paragraphs together); a ``video`` embed takes the video's title; a ``tail`` takes the rest of its
paragraph; ``inline`` phrases go alone. Line kinds (``line``, ``credit``, ``source``, ``footer``) are
classified here and acted on by :mod:`linimasa.ingest.textmeta`, which knows where in the article a line is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import load_lexicon

LINE_KINDS = ("line", "credit", "source", "footer")
_QUOTE_OPEN = "\"'\u201c\u2018"
_QUOTE_CLOSE = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019"}


@dataclass(frozen=True, slots=True)
class Rules:
    teaser: _Phrases | None
    teaser_line: re.Pattern[str] | None
    inline: _Phrases | None
    video: _Phrases | None
    tail: _Phrases | None
    footer_inline: re.Pattern[str] | None
    line_starts: tuple[tuple[re.Pattern[str], str], ...]
    credit_inline: re.Pattern[str] | None
    caption: re.Pattern[str] | None
    headline_words: frozenset[str]
    openers: frozenset[str]
    keywords: tuple[str, ...]  # a line holding none of these (case-folded) has no inline boilerplate
    footer_keywords: tuple[str, ...]


def _phrase_regex(phrase: str, *, glued_right: bool = False) -> str:
    parts = [re.escape(p) for p in phrase.split()]
    out = r"\s*".join(parts) if phrase.endswith(":") or phrase.startswith("[") else r"\s+".join(parts)
    if phrase[-1].isalnum() and not glued_right:
        out += r"(?![^\W_])"
    if phrase[0].isalnum():
        out = r"(?<![^\W\d_])" + out
    return out


def _alternation(rows: list[tuple[str, str]], *, glued_right: bool = False) -> re.Pattern[str] | None:
    if not rows:
        return None
    rows = sorted(rows, key=lambda r: -len(r[0]))
    parts = [(_phrase_regex(p, glued_right=glued_right) if case == "exact"
              else f"(?i:{_phrase_regex(p, glued_right=glued_right)})") for p, case in rows]
    return re.compile("|".join(parts))


class _Phrases:
    """A phrase alternation searched fast: a cheap case-blind scan for the phrases' first words finds the
    places worth trying, and only there is the full pattern matched."""

    def __init__(self, full: re.Pattern[str], rows: list[tuple[str, str]]):
        self.full = full
        self.pattern = full.pattern
        heads = sorted({re.split(r"\s", p.strip())[0].casefold() for p, _ in rows}, key=len, reverse=True)
        self.first = re.compile("|".join(re.escape(h) for h in heads), re.IGNORECASE)

    def search(self, line: str, pos: int = 0) -> re.Match[str] | None:
        for m in self.first.finditer(line, pos):
            found = self.full.match(line, m.start())
            if found:
                return found
        return None

    def match(self, line: str) -> re.Match[str] | None:
        return self.full.match(line)

    def sub(self, repl: str, line: str) -> str:
        out, pos = [], 0
        while True:
            m = self.search(line, pos)
            if m is None:
                out.append(line[pos:])
                return "".join(out)
            out.append(line[pos:m.start()])
            out.append(repl)
            pos = m.end() if m.end() > m.start() else m.end() + 1


def _phrases(rows: list[tuple[str, str]], *, glued_right: bool = False) -> _Phrases | None:
    full = _alternation(rows, glued_right=glued_right)
    return _Phrases(full, rows) if full is not None else None


@lru_cache(maxsize=None)
def rules() -> Rules:
    """The compiled boilerplate rules (built once per process from the lexicons)."""
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for phrase, kind, case in load_lexicon("id", "boilerplate"):
        by_kind.setdefault(kind, []).append((phrase, case))
    starts = []
    for kind in LINE_KINDS:
        for phrase, case in by_kind.get(kind, []):
            flags = 0 if case == "exact" else re.IGNORECASE
            regex = _phrase_regex(phrase, glued_right=kind == "footer" and len(phrase) >= 8)
            starts.append((re.compile(r"^[\s\W]{0,2}" + regex, flags), kind))
    starts.sort(key=lambda s: -len(s[0].pattern))
    teaser = _phrases(by_kind.get("teaser", []))
    teaser_line = re.compile(r"^[\s\W]{0,2}(?:" + teaser.pattern + r")\s*[:\-\u2013\u2014.>]*\s*$") if teaser else None
    credits = [(p.rstrip(" :").lstrip("("), c) for p, c in by_kind.get("credit", []) if p.rstrip().endswith(":")]
    credit_inline = caption = None
    if credits:
        names = _alternation(sorted(set(credits))).pattern  # type: ignore[union-attr]
        # "(Foto: AFP/Yuki)" anywhere, or "... ke atas. Video: ANTARA" closing a line
        credit_inline = re.compile(rf"\s*\((?:{names})\s*:[^()]{{0,80}}\)|(?<=[.!?\"\u201d])\s+(?:{names})\s*:\s*[^.!?\n\"]{{1,60}}$")
        caption = re.compile(rf"^[^\"\u201c]{{10,300}}[.!?]?\s*\((?:{names})\s*:[^()]{{1,80}}\)\s*$")
    keywords = tuple(sorted({re.split(r"[\s:]", p.casefold().lstrip("(["))[0] or p.casefold()
                             for kind in ("teaser", "inline", "video", "tail", "footer", "credit")
                             for p, _ in by_kind.get(kind, [])}))
    lex = load_lexicon("id", "boilerplate_headline_words")
    words = frozenset(w.casefold() for w, role in lex if role in ("inside", "loose"))
    # a capitalised "Di", "Dari" inside a title-case run opens a sentence; so do the openers
    openers = frozenset(w.casefold() for w, role in lex if role in ("opener", "inside"))
    return Rules(teaser, teaser_line, _phrases(by_kind.get("inline", [])),
                 _phrases(by_kind.get("video", [])), _phrases(by_kind.get("tail", []), glued_right=True),
                 _closing_footer(by_kind.get("footer", [])),
                 tuple(starts), credit_inline, caption, words, openers, keywords,
                 tuple(sorted({p.split()[0].casefold() for p, _ in by_kind.get("footer", [])})))


def _closing_footer(rows: list[tuple[str, str]]) -> re.Pattern[str] | None:
    """A footer phrase closing a paragraph ("... kata dia. Baca selengkapnya disini."), to its end."""
    alternation = _alternation([r for r in rows if len(r[0]) >= 8], glued_right=True)
    if alternation is None:
        return None
    return re.compile(rf"(?<=[.!?\"\u201d])\s+(?:{alternation.pattern})[^\n]{{0,80}}$")


def line_kind(line: str) -> str | None:
    """The boilerplate kind of a whole line (``line``, ``credit``, ``source``, ``footer``, ``teaser``) or None.

    >>> line_kind("Tag Terkait:")
    'footer'
    """
    r = rules()
    short = len(line.split()) <= 25
    for pattern, kind in r.line_starts:
        if (short or kind == "footer") and pattern.search(line):
            return kind
    if r.teaser is not None:
        m = r.teaser.match(line.lstrip("[(*\u2022- "))
        if m:
            return "teaser"
    return None


def is_caption(line: str) -> bool:
    """A photo caption standing as its own paragraph, its credit closing it.

    >>> is_caption("Petugas melakukan pengasapan di Gunung Samarinda. (FOTO: FAJAR/WARTABORNEO)")
    True
    """
    r = rules()
    return bool(r.caption and len(line.split()) <= 40 and r.caption.match(line))


def is_teaser_alone(line: str) -> bool:
    """A line that is only a teaser label ("Baca Juga", "BACA JUGA:"), its headlines on the lines below."""
    r = rules()
    return bool(r.teaser_line and r.teaser_line.match(line))


def is_headline(line: str) -> bool:
    """A line shaped like a headline: short, no closing full stop, most words capitalised.

    >>> is_headline("Banjir Rendam Tiga Desa di Kabupaten Sintang")
    True
    """
    words = line.split()
    if not words or len(words) > 25 or line.endswith(".") or line[0] in _QUOTE_OPEN:
        return False
    words_hl = rules().headline_words
    caps = sum(1 for w in words if _capitalised(w) or w.casefold().strip(",:") in words_hl)
    return caps >= max(1, round(0.8 * len(words)))


def _capitalised(word: str) -> bool:
    w = word.lstrip("(\"'\u201c\u2018[")
    return bool(w) and (w[0].isupper() or w[0].isdigit())


def headline_end(text: str) -> int:
    """Where a teaser's headline that starts ``text`` ends (an offset into ``text``; 0 if there is none).

    The headline is title case; it ends before a capitalised word followed by an ordinary lower-case word
    (the article's sentence resuming), before an opening quote mark, or at the end of the line.

    >>> t = "Banjir Rendam Tiga Desa di Sintang Warga mengungsi ke balai desa."
    >>> t[:headline_end(t)]
    'Banjir Rendam Tiga Desa di Sintang'
    """
    words_hl = rules().headline_words
    openers = rules().openers
    stripped = text.lstrip()
    lead = len(text) - len(stripped)
    if stripped[:1] in _QUOTE_OPEN:  # 'Video title': quoted
        close = _QUOTE_CLOSE[stripped[0]]
        end = stripped.find(close, 1)
        if end > 0:
            end += 1
            tail = re.match(r"\s*:?", stripped[end:])
            return lead + end + (tail.end() if tail else 0)
    tokens = [(m.start() + lead, m.end() + lead, m.group()) for m in re.finditer(r"\S+", stripped)]
    if not tokens:
        return 0
    line_end = text.find("\n")
    for i, (start, end, tok) in enumerate(tokens):
        if line_end != -1 and start > line_end:
            return tokens[i - 1][1] if i else 0
        if tok[0] in _QUOTE_OPEN and i > 0:
            return tokens[i - 1][1]
        bare = tok.casefold().strip(",:;")
        if i > 0 and tok[0].isupper() and bare in openers:
            return tokens[i - 1][1]  # "... Jember Saat itu": a capitalised small word opens a sentence
        if not _capitalised(tok) and tok.casefold().strip(",:;") not in words_hl:
            # a lower-case word that no headline has: the sentence began one word earlier
            if i >= 2 and _capitalised(tokens[i - 1][2]):
                return tokens[i - 2][1]
            return 0
        if i > 0 and i + 1 < len(tokens) and _capitalised(tok) and tokens[i - 1][2][-1:] not in ":":
            nxt = tokens[i + 1][2]
            if nxt[:1].islower() and nxt.casefold().strip(",:;") not in words_hl and i >= 2:
                return tokens[i - 1][1]
    return len(text.rstrip()) if line_end == -1 else line_end


def is_teaser_line(line: str) -> bool:
    """A paragraph that is a teaser label, a colon and one other story's headline, in any case ("Read also:
    Government eyes 5.2% growth in 2026 budget"): English outlets write headlines in sentence case."""
    r = rules()
    if r.teaser is None:
        return False
    text = line.lstrip("[(*\u2022- ")
    m = r.teaser.match(text)
    if not m:
        return False
    rest = re.match(r"\s*[:>\u2013\u2014-]\s*(?P<h>.+)$", text[m.end():])
    if not rest:
        return False
    headline = rest.group("h").strip()
    return 1 <= len(headline.split()) <= 20 and not headline.endswith((".", '"', "\u201d")) \
        and not re.search(r"[.!?][\"\u201d]?\s+[A-Z]", headline)


def strip_inline(line: str) -> str:
    """Remove inline boilerplate from one line: ad markers, video embeds (with their title), glued teasers.

    >>> strip_inline("Warga mengungsi. ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT Air mulai surut.")
    'Warga mengungsi. Air mulai surut.'
    """
    r = rules()
    folded = line.casefold()
    if not any(k in folded for k in r.keywords):
        return line.strip()
    if r.inline is not None:
        line = r.inline.sub(" ", line)
    if r.credit_inline is not None and ":" in line:
        line = r.credit_inline.sub("", line)
    if r.video is not None:
        line = _strip_videos(line, r.video)
    if r.teaser is not None:
        line = _strip_teasers(line, r.teaser)
    if r.tail is not None:
        m = r.tail.search(line)
        if m:
            line = line[:m.start()]
    if r.footer_inline is not None and any(k in folded for k in r.footer_keywords):
        line = r.footer_inline.sub("", line)
    return re.sub(r"[ \t]{2,}", " ", line).strip()


def _strip_videos(line: str, pattern: _Phrases) -> str:
    while True:
        m = pattern.search(line)
        if not m:
            return line
        close = line.find("]", m.end())
        end = close + 1 if close != -1 else len(line)
        start = m.start()
        # the video's title stands just before the embed: a headline-shaped run after the last sentence end
        before = line[:start].rstrip()
        cut = max((before.rfind(p) for p in (". ", "? ", "! ", "\u201d ", '" ')), default=-1)
        title = before[cut + 2:] if cut != -1 else before
        if title and is_headline(title.rstrip(":").strip("'\u2019\u2018 ")) and (cut != -1 or len(title.split()) <= 20):
            start = len(before) - len(title)
        line = line[:start].rstrip() + " " + line[end:].lstrip()
        line = line.strip()


def _strip_teasers(line: str, pattern: _Phrases) -> str:
    pos = 0
    while True:
        m = pattern.search(line, pos)
        if not m:
            return line
        if m.start() > 0 and not re.search(r"(^|[.!?\"\u201d:)\]]\s*|\s)$", line[:m.start()]):
            pos = m.end()
            continue
        after = re.match(r"\s*[:\-\u2013\u2014>]*\s*", line[m.end():])
        rest_start = m.end() + (after.end() if after else 0)
        rest = line[rest_start:]
        if m.start() > 0 and not (after and after.group().strip()) and rest[:1].islower():
            pos = m.end()  # "lihat juga ..." as ordinary words in a sentence
            continue
        end = headline_end(rest) if rest else 0
        if end == 0 and m.group().strip().isupper() is False and not (after and after.group().strip()):
            pos = m.end()
            continue
        line = (line[:m.start()].rstrip() + " " + rest[end:].lstrip()).strip()
        pos = m.start()


__all__ = ["rules", "line_kind", "is_caption", "is_teaser_alone", "is_teaser_line", "is_headline", "headline_end", "strip_inline", "LINE_KINDS"]
