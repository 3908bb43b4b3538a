"""Attribution frames: who says what, in which clause.

A :class:`Frame` is one speech cue with the places around it that it governs: the speaker phrase (a name, a
description, a pronoun, or the ``-nya`` of ``katanya``) and the reported content (a quote-marked passage or a
plain clause). Frames are found on the text with quotations masked (:func:`~.direct_quotes.mask_quotes`), so a
cue inside a quotation never counts. Which cue stands where comes from the ``speech_verbs`` lexicon (frames
``active``, ``inverted``, ``passive``, ``preposition``, ``statement``) and the ``quote_cues`` lexicon (clause
words, adverbs, words ending a speaker phrase). Resolving a speaker phrase to an entity is
:mod:`linimasa.annotate.speakers`; the quotes and claimants components both read frames.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Mapping

from ..lang import load_lexicon
from ..model import Span
from .direct_quotes import QuoteRegion, word_count
from .sentences import sentence_at

_WORD = re.compile(r"[\w'’-]+")
_MAX_SPEAKER_WORDS = 14
_MAX_GAP_WORDS = 6  # words a speaker may take between a closing quote and its cue ('"...," he said')


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue lexicons of one language, compiled."""

    lang: str
    verbs: Mapping[str, tuple[frozenset[str], str]]  # form -> (frames, sense)
    pronouns: Mapping[str, str]  # form -> person | group
    roles: Mapping[str, frozenset[str]]  # role -> forms
    multi: Mapping[str, tuple[re.Pattern, ...]]  # first word -> patterns of the cues of several words
    glued: tuple[str, ...]  # active cues long enough to be found glued to a name ("Makarimmenyatakan")

    def role(self, word: str, role: str) -> bool:
        return word.lower() in self.roles.get(role, frozenset())

    def frames_of(self, form: str) -> frozenset[str]:
        return self.verbs.get(_norm_cue(form), (frozenset(), ""))[0]

    def sense_of(self, form: str) -> str:
        return self.verbs.get(_norm_cue(form), (frozenset(), "say"))[1]


def _norm_cue(form: str) -> str:
    return " ".join(form.lower().split())


@lru_cache(maxsize=None)
def cues_for(lang: str) -> Cues:
    """The compiled cues of ``lang`` ("id" or "en"); unknown languages fall back to Indonesian."""
    if lang not in ("id", "en"):
        lang = "id"
    verbs = {}
    for form, frames, sense in load_lexicon(lang, "speech_verbs"):
        verbs[_norm_cue(form)] = (frozenset(frames.split("|")), sense)
    pronouns = load_lexicon(lang, "pronouns").mapping()
    roles: dict[str, set[str]] = {}
    for form, role in load_lexicon(lang, "quote_cues"):
        roles.setdefault(role, set()).add(form.lower())
    forms = sorted(verbs, key=len, reverse=True)
    multi: dict[str, list[re.Pattern]] = {}
    for form in forms:
        if " " in form:
            pattern = re.compile(r"\s+".join(map(re.escape, form.split())) + r"(?P<nya>nya)?(?![\w-])", re.IGNORECASE)
            multi.setdefault(form.split()[0], []).append(pattern)
    glued = tuple(f for f in forms if "active" in verbs[f][0] and " " not in f and len(f) >= 7)
    return Cues(lang, verbs, pronouns, {k: frozenset(v) for k, v in roles.items()},
                {k: tuple(v) for k, v in multi.items()}, glued)


@dataclass(frozen=True, slots=True)
class Frame:
    """One attribution: a cue, the speaker phrase it points to and the content it governs."""

    kind: str  # active | inverted | passive | preposition | statement
    cue: str  # as written: "kata", "mengatakan", "menurut"
    cue_start: int
    cue_end: int
    sense: str  # say | deny | claim | estimate | ...
    sentence: Span
    speaker_start: int | None = None  # None: no speaker written ("..., seraya menambahkan bahwa ...")
    speaker_end: int | None = None
    pronoun: str | None = None  # "nya", "dia", "mereka": the speaker phrase is a pronoun
    content_start: int = 0
    content_end: int = 0
    quote: QuoteRegion | None = None  # the content is this quote-marked passage

    @property
    def has_speaker(self) -> bool:
        return self.speaker_start is not None or self.pronoun is not None

    @property
    def clause(self) -> Span:
        """The attribution clause (speaker and cue, without the content): where its date is read."""
        points = [self.cue_start, self.cue_end]
        if self.speaker_start is not None:
            points += [self.speaker_start, self.speaker_end or self.speaker_start]
        if self.quote is not None:
            return Span(min(points), max(points))
        if self.content_start >= self.cue_end:
            return Span(min(points + [self.sentence.start]), self.content_start)
        return Span(min(points), max(points + [self.sentence.end]))


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    form: str
    nya: bool


_TOKEN = re.compile(r"[\w-]+")


def _hits(text: str, start: int, end: int, cues: Cues) -> list[_Hit]:
    """The cues in ``text[start:end]``, as whole words (``katanya`` is ``kata`` + ``nya``)."""
    out: list[_Hit] = []
    skip_to = start
    for m in _TOKEN.finditer(text, start, end):
        if m.start() < skip_to:
            continue
        word = m.group()
        low = word.lower()
        patterns = cues.multi.get(low)
        if patterns:
            found = next((p.match(text, m.start(), end) for p in patterns if p.match(text, m.start(), end)), None)
            if found:
                stop = found.start("nya") if found.group("nya") else found.end()
                out.append(_Hit(m.start(), found.end(), text[m.start():stop], bool(found.group("nya"))))
                skip_to = found.end()
                continue
        if low in cues.verbs:
            out.append(_Hit(m.start(), m.end(), word, False))
        elif low.endswith("nya") and low[:-3] in cues.verbs:
            out.append(_Hit(m.start(), m.end(), word[:-3], True))
        elif word[0].isupper() and len(word) >= 9:
            for form in cues.glued:  # "Makarimmenyatakan": a name glued to its verb
                if low.endswith(form) and len(low) - len(form) >= 2 and word[len(word) - len(form)].islower():
                    out.append(_Hit(m.end() - len(form), m.end(), word[len(word) - len(form):], False))
                    break
    return out


def find_frames(text: str, sentences: tuple[Span, ...], regions: tuple[QuoteRegion, ...], cues: Cues,
                stops: frozenset[int] = frozenset()) -> tuple[Frame, ...]:
    """All attribution frames in ``text`` (the masked article text), in order of their cues.

    ``stops`` are offsets where a speaker phrase must end (the starts of time expressions).
    Example: ``"Aman," kata Sari.`` gives one ``inverted`` frame whose ``quote`` is the region of ``Aman``.
    """
    frames: list[Frame] = []
    used: set[int] = set()
    region_frames: dict[int, Frame] = {}
    for region in regions:
        frame = _after_quote(text, sentences, region, cues, stops) or _before_quote(text, sentences, region, cues, stops)
        if frame is not None:
            region_frames[region.open] = frame
            used.add(frame.cue_start)
    frames.extend(region_frames.values())
    for sent in sentences:
        for hit in _hits(text, sent.start, sent.end, cues):
            if hit.start in used:
                continue
            frame = _indirect(text, sent, hit, cues, stops, regions)
            if frame is not None:
                frames.append(frame)
                used.add(hit.start)
    for sent in sentences:
        frame = _colon(text, sent, cues)
        if frame is not None and frame.cue_start not in used:
            frames.append(frame)
    frames.sort(key=lambda f: f.cue_start)
    return tuple(_bound_contents(text, frames, cues))


_COLON = re.compile(r"([A-Z][\w'’.-]*(?:[ \t]+[\w'’.-]+){0,5}?)[ \t]*:[ \t]+(?=\S)")


def _colon(text: str, sent: Span, cues: Cues) -> Frame | None:
    """``Sari Wulandari: stok beras aman.``: a name, a colon and a plain statement (not a caption or a quote)."""
    m = _COLON.match(text, sent.start, sent.end)
    if not m:
        return None
    phrase = m.group(1)
    words = phrase.split()
    if cues.role(words[0], "label") or any(w.lower() in cues.verbs for w in words) \
            or sum(w[0].isupper() for w in words) < max(1, len(words) - 1):
        return None
    rest = text[m.end():sent.end]
    if rest[:1] in "\"\u201c\u201d_" or word_count(rest) < 4:
        return None
    s, e = m.start(1), m.end(1)
    cs, ce = _trim_span(text, m.end(), sent.end, " \t,.;:")
    return Frame("colon", ":", m.end(1), m.end(1) + 1, "say", sent, s, e, None, cs, ce)


# ------------------------------------------------------------------ direct quotes: the cue after or before

def _after_quote(text: str, sentences: tuple[Span, ...], region: QuoteRegion, cues: Cues,
                 stops: frozenset[int]) -> Frame | None:
    pos = region.outer_end
    limit = _tail_end(text, pos)
    if limit <= pos:
        return None
    sent = sentence_at(sentences, max(region.close - 1, region.start)) or Span(region.open, limit)
    for hit in _hits(text, pos, limit, cues):
        frames = cues.frames_of(hit.form)
        gap = text[pos:hit.start]
        if not frames & {"inverted", "statement", "active", "preposition", "after_quote"}:
            continue
        if gap.strip(" \t,.!?-\u2013\u2014") == "":
            # the cue right after the quote: the speaker follows it ("kata X", "katanya", "kata dia")
            return _inverted(text, sent, hit, cues, stops, region=region)
        if "inverted" in frames or cues.lang == "en" or "active" in frames:
            words = word_count(gap)
            if 0 < words <= _MAX_GAP_WORDS and not re.search(r"[.!?;\"_]", gap.strip(" ,")[:-1] or ""):
                # the speaker between the quote and its cue ('"...," he said', '"...," Wood menambahkan')
                s, e = _trim_span(text, pos, hit.start, " \t,")
                pronoun = _pronoun(text[s:e], cues)
                return Frame("inverted", text[hit.start:hit.end], hit.start, hit.end, cues.sense_of(hit.form), sent,
                             s, e, pronoun, region.start, region.end, region)
        return None
    return None


def _tail_end(text: str, pos: int) -> int:
    """End of the words after a closing quote that may hold its cue: up to the sentence end or the next quote."""
    m = re.compile(r"[.!?](?=\s|$)|\n|[\"\u201c\u201d\u201e\u00ab\u00bb]|_").search(text, pos)
    end = m.start() if m else len(text)
    return min(end, pos + 300)


def _before_quote(text: str, sentences: tuple[Span, ...], region: QuoteRegion, cues: Cues,
                  stops: frozenset[int]) -> Frame | None:
    sent = sentence_at(sentences, region.open) or Span(region.open, region.end)
    head_start = sent.start
    head = text[head_start:region.open]
    m = re.search(r"[,:]?\s*(?:(?:" + "|".join(map(re.escape, sorted(cues.roles.get("complementizer", ()))))
                  + r")\s*)?$", head, re.IGNORECASE) if cues.roles.get("complementizer") else None
    cut = head_start + (m.start() if m else len(head))
    hits = [h for h in _hits(text, head_start, cut, cues) if text[h.end:cut].strip(" \t,:") == ""]
    if not hits:
        return None
    hit = hits[-1]
    frames = cues.frames_of(hit.form)
    if frames & {"active", "complement"}:
        subject = _subject(text, sent, hit.start, cues, stops)
        s, e = subject if subject else (None, None)
        pronoun = _pronoun(text[s:e], cues) if subject else None
        return Frame("active", text[hit.start:hit.end], hit.start, hit.end, cues.sense_of(hit.form), sent,
                     s, e, pronoun, region.start, region.end, region)
    if frames & {"inverted", "preposition"}:
        frame = _inverted(text, sent, hit, cues, frozenset(), region=region)
        return frame
    return None


# ------------------------------------------------------------------ indirect speech

def _indirect(text: str, sent: Span, hit: _Hit, cues: Cues, stops: frozenset[int],
              regions: tuple[QuoteRegion, ...]) -> Frame | None:
    frames = cues.frames_of(hit.form)
    before = text[sent.start:hit.start].rstrip()
    if "preposition" in frames:
        return _preposition(text, sent, hit, cues)
    if "inverted" in frames and (before.endswith(",") or (cues.lang == "en" and "active" not in frames)):
        frame = _inverted(text, sent, hit, cues, stops)
        if frame is not None:
            return frame
    if hit.nya:
        return None
    if "complement" in frames and _has_complement(text, hit.end, sent.end, cues):
        return _active(text, sent, hit, cues, stops)
    if "active" in frames:
        return _active(text, sent, hit, cues, stops)
    if "passive" in frames:
        return _passive(text, sent, hit, cues, stops)
    if "act" in frames:
        subject = _subject(text, sent, hit.start, cues, stops)
        if subject is None:
            return None
        s, e = subject
        return Frame("act", text[hit.start:hit.end], hit.start, hit.end, cues.sense_of(hit.form), sent,
                     s, e, _pronoun(text[s:e], cues), hit.end, hit.end)
    return None


def _has_complement(text: str, pos: int, end: int, cues: Cues) -> bool:
    """``bahwa`` or a colon right after a cue (within three words): the cue reports content."""
    window = text[pos:min(end, pos + 40)]
    if window.lstrip().startswith(":"):
        return True
    words = [w.lower() for w in _WORD.findall(window)[:3]]
    return any(w in cues.roles.get("complementizer", ()) for w in words)


def _active(text: str, sent: Span, hit: _Hit, cues: Cues, stops: frozenset[int]) -> Frame | None:
    prev = _prev_word(text, sent.start, hit.start)
    if prev and cues.role(prev, "clause") and prev.lower() not in cues.roles.get("complementizer", ()) \
            and prev.lower() in ("yang", "which", "who"):
        return None  # a relative clause: "laporan yang menyebutkan ..."
    subject = _subject(text, sent, hit.start, cues, stops)
    s, e = subject if subject else (None, None)
    pronoun = _pronoun(text[s:e], cues) if subject else None
    content = _content_start(text, hit.end, sent.end, cues)
    frame = Frame("active", text[hit.start:hit.end], hit.start, hit.end, cues.sense_of(hit.form), sent,
                  s, e, pronoun, content, sent.end)
    return frame


def _passive(text: str, sent: Span, hit: _Hit, cues: Cues, stops: frozenset[int]) -> Frame | None:
    pos = hit.end
    m = re.match(r"\s+(oleh|by)\b", text[pos:sent.end], re.IGNORECASE)
    if m:
        pos += m.end()
    s, e = _phrase_after(text, pos, sent.end, cues, stops)
    if e <= s or not (text[s].isupper() or _pronoun(text[s:e], cues)):
        return None  # no agent: "Disebutkan, ..." says nothing about who speaks
    before = text[sent.start:hit.start]
    joint = re.search(r",\s*(?:(\w+)\s+)?$", before)
    if joint and (joint.group(1) is None or cues.role(joint.group(1), "coordinator")) and word_count(before) >= 3:
        content_start, content_end = sent.start, hit.start  # "..., namun dibantah oleh Pyongyang"
    elif word_count(before) <= 2:
        # "Disebut Djoko, ..." reports what follows; "Hal itu dikatakan Choe" only names the speaker
        after = text[e:sent.end]
        content_start, content_end = (e, sent.end) if after.lstrip().startswith(",") else (e, e)
    else:
        return None  # a passive in the middle of a clause ("bukti sudah disampaikan Komisi V") reports nothing
    return Frame("passive", text[hit.start:hit.end], hit.start, hit.end, cues.sense_of(hit.form), sent,
                 s, e, _pronoun(text[s:e], cues), *_trim_span(text, content_start, content_end, " \t,.;:"))


def _preposition(text: str, sent: Span, hit: _Hit, cues: Cues) -> Frame | None:
    if hit.nya:
        s = e = None
        pronoun = "nya"
        after = hit.end
    else:
        m = re.compile(r"[,;.!?\n]|$").search(text, hit.end, sent.end)
        after = m.start() if m else sent.end
        s, e = _trim_span(text, hit.end, after, " \t")
        if e <= s or word_count(text[s:e]) > _MAX_SPEAKER_WORDS:
            return None
        pronoun = _pronoun(text[s:e], cues)
    rest_start = after + 1 if after < sent.end and text[after] == "," else after
    if word_count(text[rest_start:sent.end]) >= 3:
        content = (rest_start, sent.end)
    else:
        content = (sent.start, hit.start)
    cs, ce = _trim_span(text, content[0], content[1], " \t,.;:")
    return Frame("preposition", text[hit.start:hit.end], hit.start, hit.end, cues.sense_of(hit.form), sent,
                 s, e, pronoun, cs, ce)


def _inverted(text: str, sent: Span, hit: _Hit, cues: Cues, stops: frozenset[int],
              region: QuoteRegion | None = None) -> Frame | None:
    """A cue followed by its speaker: ``kata X``, ``katanya``, ``kata dia``, ``menurut X``, ``said X``."""
    if hit.nya:
        s = e = None
        pronoun: str | None = "nya"
        speaker_end = hit.end
    else:
        s, e = _phrase_after(text, hit.end, sent.end if region is None else _tail_end(text, hit.end), cues, stops)
        if e <= s:
            s = e = None
            pronoun = None
            speaker_end = hit.end
        else:
            pronoun = _pronoun(text[s:e], cues)
            speaker_end = e
            first = text[s:e].split()[0].lower()
            if region is None and any(cues.role(first, r) for r in ("not_speaker", "clause", "adverb", "object")):
                return None  # ", klaim yang juga dibantah": a noun, not a cue
    kind = "statement" if "statement" in cues.frames_of(hit.form) else "inverted"
    if region is not None:
        return Frame(kind, text[hit.start:hit.end], hit.start, hit.end, cues.sense_of(hit.form), sent,
                     s, e, pronoun, region.start, region.end, region)
    if s is None and pronoun is None:
        return None
    before = (sent.start, hit.start)
    after = (speaker_end, sent.end)
    if word_count(text[before[0]:before[1]]) < 4 and word_count(text[after[0]:after[1]]) >= 3:
        content = after
    else:
        content = before
    cs, ce = _trim_span(text, content[0], content[1], " \t,.;:")
    if word_count(text[cs:ce]) < 3:
        return None
    return Frame(kind, text[hit.start:hit.end], hit.start, hit.end, cues.sense_of(hit.form), sent,
                 s, e, pronoun, cs, ce)


# ------------------------------------------------------------------ phrases

def _phrase_after(text: str, pos: int, limit: int, cues: Cues, stops: frozenset[int]) -> tuple[int, int]:
    """The speaker phrase that starts at ``pos`` (after an inverted cue): ``kata [Kepala Bulog Sari], Senin``."""
    i = pos
    while i < limit and text[i] in " \t":
        i += 1
    start = i
    end = i
    words = 0
    while i < limit:
        if i in stops and words:
            break
        ch = text[i]
        if ch == "(" and words:
            paren = re.match(r"\([^()\n]{1,30}\)", text[i:limit])
            if paren and word_count(paren.group()) <= 3 and not (i + 1 in stops):
                i += paren.end()  # "Senior Manager (SM) Regional 3A": an acronym in brackets
                continue
        if ch in ".!?;:()[]\n\"\u201c\u201d_":
            if ch == "." and i + 1 < limit and not text[i + 1].isspace():
                i += 1  # "Kompas.com"
                continue
            break
        if ch == ",":
            nxt = re.match(r",\s*([\w]+)", text[i:limit])
            if not nxt or not nxt.group(1)[0].isupper() or i + 1 + (nxt.start(1) - 1) in stops:
                break
            i += 1
            continue
        m = _WORD.match(text, i)
        if not m:
            i += 1
            continue
        word = m.group()
        low = word.lower()
        if words and (cues.role(low, "speaker_end") or low in cues.verbs):
            break
        glued = _glued_end(word, cues)
        if glued is not None:
            if glued > 0:
                end = i + glued  # "Kementerian Luar NegeriThailandseperti dilansir": scraped text lost a space
            break
        words += 1
        if words > _MAX_SPEAKER_WORDS:
            break
        i = m.end()
        end = i
    return start, end


def _glued_end(word: str, cues: Cues) -> int | None:
    """Where a word ending a speaker phrase starts inside a glued token ("NegeriThailandseperti" -> 14)."""
    low = word.lower()
    for form in cues.roles.get("speaker_end", ()):
        if len(form) >= 5 and low.endswith(form) and len(low) > len(form) + 2 and word[0].isupper() \
                and word[len(word) - len(form) - 1].isalpha() and word[len(word) - len(form)].islower():
            return len(word) - len(form)
        if len(form) >= 5 and low.startswith(form) and len(word) > len(form) and word[len(form)].isupper():
            return 0  # "kepadaAFP"
    return None


def _subject(text: str, sent: Span, cue_start: int, cues: Cues,
             stops: frozenset[int] = frozenset()) -> tuple[int, int] | None:
    """The speaker phrase before an active cue, or None when it is left out (``..., seraya menambahkan``)."""
    left = sent.start
    for m in re.finditer(r"[;\"\u201c\u201d_]|(?:\s|(?<=\w))[-\u2013\u2014]+\s", text[sent.start:cue_start]):
        left = sent.start + m.end()
    # comma-separated pieces: the last one that is not only adverbs or a date is the subject; a bare name
    # keeps the title piece before it ("Kepala Dinas Kesehatan Sumbawa, Junaidi, menyatakan")
    parts = [(left + p.start(), left + p.end()) for p in re.finditer(r"[^,]+", text[left:cue_start])]
    parts = [(s, e) for s, e in parts if text[s:e].strip()]
    while parts and _is_filler(text, *parts[-1], cues, stops):
        parts.pop()
    if not parts:
        return None
    start, end = parts[-1]
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
    # the clause holding the cue starts after its last clause word; a relative clause ("X yang ...") is cut off
    for idx in range(len(words) - 1, -1, -1):
        s, e, w = words[idx]
        if cues.role(w, "clause") and (w[0].islower() or idx == 0):
            if w.lower() in ("yang", "which", "who") and idx > 0:
                end = s
                continue
            start = e
            break
    # an active verb ends the subject: "X memanggil Y untuk menyampaikan ..." -> X; a verb first means the
    # subject is left out ("X menyatakan dukungan dengan menekankan ...")
    for s, e, w in words:
        if start <= s < end and w[0].islower() and _is_verb(w, cues):
            if not text[start:s].strip():
                return None
            end = s
            break
    s, e = _trim_span(text, start, end, " \t")
    tail = list(_WORD.finditer(text, s, e))
    while tail and cues.role(tail[-1].group(), "adverb"):
        tail.pop()  # "Ia juga", "Hegseth pun"
    if not tail:
        return None
    e = tail[-1].end()
    if tail[-1].group().lower() in cues.pronouns:
        return tail[-1].start(), e  # "... Tersedia Dia menjelaskan": the pronoun is the subject
    if cues.role(tail[0].group(), "not_speaker") or _is_filler(text, s, e, cues, stops):
        return None
    if len(parts) > 1 and start == parts[-1][0] and _is_bare_name(text[s:e]):
        ps, pe = parts[-2]
        piece = text[ps:pe].lower().split()
        if len(piece) <= 8 and not any(_is_verb(w, cues) or cues.role(w, "via") or w in cues.verbs for w in piece) \
                and not _is_filler(text, ps, pe, cues, stops):
            s = _trim_span(text, ps, pe, " \t")[0]
    return s, e


def _is_filler(text: str, start: int, end: int, cues: Cues, stops: frozenset[int]) -> bool:
    """Only adverbs, clause words and a date: no speaker there ("telah", "Rabu (18/6/2025)")."""
    s, _ = _trim_span(text, start, end, " \t")
    if s in stops:
        return True
    words = _WORD.findall(text[start:end])
    return all(cues.role(w, "adverb") or cues.role(w, "clause") or cues.role(w, "coordinator") or w.isdigit()
               for w in words)


def _is_verb(word: str, cues: Cues) -> bool:
    low = word.lower()
    if len(low) < 6 or cues.role(low, "not_verb") or cues.role(low, "adverb"):
        return False
    if low in cues.verbs:
        return True
    return len(low) >= 7 and any(low.startswith(p) for p in cues.roles.get("verb_prefix", ()))


def _is_bare_name(segment: str) -> bool:
    words = segment.split()
    return 0 < len(words) <= 4 and all(w[0].isupper() for w in words)


def _content_start(text: str, pos: int, end: int, cues: Cues) -> int:
    """Where reported content starts after an active cue: after ``bahwa`` when it comes soon, else at once."""
    comps = cues.roles.get("complementizer", frozenset())
    if comps:
        window_end = pos
        count = 0
        for m in _WORD.finditer(text, pos, end):
            count += 1
            window_end = m.end()
            if count >= 12:
                break
        pattern = re.compile(r"(?:(?<![\w])|(?<=[a-z]))(?:" + "|".join(map(re.escape, comps)) + r")(?![\w])",
                             re.IGNORECASE)
        m = pattern.search(text, pos, window_end)
        if m and not any(h.start < m.start() for h in _hits(text, pos, m.start(), cues)):
            return _skip_space(text, m.end(), end)
    return _skip_space(text, pos, end)


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t,:":
        pos += 1
    return pos


def _pronoun(phrase: str, cues: Cues) -> str | None:
    low = phrase.strip().lower()
    return low if low in cues.pronouns else None


def _prev_word(text: str, start: int, pos: int) -> str | None:
    m = re.search(r"([\w'-]+)\W*$", text[start:pos])
    return m.group(1) if m else None


def _trim_span(text: str, start: int, end: int, chars: str) -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


# ------------------------------------------------------------------ content boundaries

def _bound_contents(text: str, frames: list[Frame], cues: Cues) -> list[Frame]:
    """A content running after its cue ends where the next frame in the same sentence begins."""
    out = []
    for i, f in enumerate(frames):
        if f.quote is None and f.content_start >= f.cue_end:
            edge = f.content_end
            for g in frames[i + 1:]:
                if g.sentence != f.sentence or g.kind == "act":
                    continue
                left = min(x for x in (g.speaker_start, g.cue_start) if x is not None)
                if f.content_start < left < edge:
                    if _is_coordinate(text, f.content_start, left, cues):
                        edge = _back_over_joints(text, f.content_start, left, cues)
                    break
            s, e = _trim_span(text, f.content_start, edge, " \t,.;:")
            f = replace(f, content_start=s, content_end=e)
        out.append(f)
    return [f for f in out if f.quote is not None or f.content_end > f.content_start or f.has_speaker]


def _is_coordinate(text: str, start: int, pos: int, cues: Cues) -> bool:
    """A frame at ``pos`` stands beside the content before it (after a comma or "namun"), not inside it."""
    m = re.search(r"([,;]?)\s*(\w+)?\s*$", text[start:pos])
    if not m:
        return False
    word = (m.group(2) or "").lower()
    if m.group(1) and (not word or cues.role(word, "coordinator")):
        return True
    return bool(word) and cues.role(word, "coordinator") and word not in ("dan", "and")


def _back_over_joints(text: str, start: int, pos: int, cues: Cues) -> int:
    """Back from ``pos`` over spaces, commas and joining words ("namun", "dan") to the end of the content."""
    while pos > start:
        m = re.search(r"([\s,;]+|\b[\w]+\s*)$", text[start:pos])
        if not m:
            break
        piece = m.group().strip(" \t,;")
        if piece and not (cues.role(piece, "clause") or piece.lower() in ("dan", "and", "serta", "lalu")):
            break
        pos = start + m.start()
    return pos


__all__ = ["Cues", "Frame", "cues_for", "find_frames"]
