"""Indirect speech: the frames that report content without quote marks, and where each content ends.

``X mengatakan (bahwa) ...``, ``X membantah ...``, ``Menurut X, ...``, ``..., kata X``, ``..., namun dibantah
oleh X``, ``Disebut X, ...``, ``X: ...`` and their English forms. A content runs to the end of its sentence
unless another frame stands beside it there (``..., namun dibantah oleh Y``); a frame inside it (``..., setelah
tiga pejabat AS menyebutkan bahwa ...``) does not cut it. Speech acts with no content (``X memuji Y``) give
``act`` frames that only name the current speaker.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Span
from .attribution import (MAX_SPEAKER_WORDS, Cues, Frame, Hit, clause_start, content_start, frame_after_quote,
                          frame_before_quote, hits, inverted_frame, phrase_after, prev_word, pronoun_of, subject_span,
                          trim_span)
from .direct_quotes import QuoteRegion, word_count

_WORD = re.compile(r"[\w'’-]+")


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
        frame = frame_after_quote(text, sentences, region, cues, stops) or frame_before_quote(text, sentences, region, cues, stops)
        if frame is not None:
            region_frames[region.open] = frame
            used.add(frame.cue_start)
    frames.extend(region_frames.values())
    for sent in sentences:
        for hit in hits(text, sent.start, sent.end, cues):
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
    cs, ce = trim_span(text, m.end(), sent.end, " \t,.;:")
    return Frame("colon", ":", m.end(1), m.end(1) + 1, "say", sent, s, e, None, cs, ce)


# ------------------------------------------------------------------ direct quotes: the cue after or before

def _indirect(text: str, sent: Span, hit: Hit, cues: Cues, stops: frozenset[int],
              regions: tuple[QuoteRegion, ...]) -> Frame | None:
    frames = cues.frames_of(hit.form)
    before = text[sent.start:hit.start].rstrip()
    if "preposition" in frames:
        return _preposition(text, sent, hit, cues)
    if "inverted" in frames and (before.endswith(",") or (cues.lang == "en" and "active" not in frames)):
        frame = inverted_frame(text, sent, hit, cues, stops)
        if frame is not None:
            return frame
    if hit.nya:
        return None
    if "participle" in frames:
        # "X denied the report, saying ...": no speaker written; it is the one of the clause before
        cs = content_start(text, hit.end, sent.end, cues)
        if word_count(text[cs:sent.end]) < 3:
            return None
        return Frame("participle", text[hit.start:hit.end], hit.start, hit.end, cues.sense_of(hit.form), sent,
                     None, None, None, cs, sent.end)
    if "complement" in frames and _has_complement(text, hit.end, sent.end, cues):
        return _active(text, sent, hit, cues, stops)
    if "active" in frames:
        return _active(text, sent, hit, cues, stops)
    if "passive" in frames:
        return _passive(text, sent, hit, cues, stops)
    if "act" in frames:
        subject = subject_span(text, sent, hit.start, cues, stops)
        if subject is None:
            return None
        s, e = subject
        return Frame("act", text[hit.start:hit.end], hit.start, hit.end, cues.sense_of(hit.form), sent,
                     s, e, pronoun_of(text[s:e], cues), hit.end, hit.end)
    return None


def _has_complement(text: str, pos: int, end: int, cues: Cues) -> bool:
    """``bahwa`` or a colon right after a cue (within three words): the cue reports content."""
    window = text[pos:min(end, pos + 40)]
    if window.lstrip().startswith(":"):
        return True
    words = [w.lower() for w in _WORD.findall(window)[:3]]
    return any(w in cues.roles.get("complementizer", ()) for w in words)


def _active(text: str, sent: Span, hit: Hit, cues: Cues, stops: frozenset[int]) -> Frame | None:
    prev = prev_word(text, sent.start, hit.start)
    if prev and cues.role(prev, "auxiliary"):
        return None  # "the hospital had been warned": a passive with no speaker
    if prev and cues.role(prev, "determiner") and text[sent.start:hit.start].rstrip()[-1:].isalnum():
        return None  # "denied the claims": a noun, not a cue
    if prev and cues.role(prev, "clause") and prev.lower() not in cues.roles.get("complementizer", ()) \
            and prev.lower() in ("yang", "which", "who"):
        return None  # a relative clause: "laporan yang menyebutkan ..."
    subject = subject_span(text, sent, hit.start, cues, stops)
    s, e = subject if subject else (None, None)
    pronoun = pronoun_of(text[s:e], cues) if subject else None
    content = content_start(text, hit.end, sent.end, cues)
    if s is not None and _reports_nothing_after(text, content, sent.end, cues, stops):
        left = clause_start(text, sent, s)
        lead = text[left:s].rstrip(" \t")
        opener = _WORD.match(lead)
        if lead.endswith(",") and word_count(lead) >= 4 and opener and left not in stops \
                and not any(cues.role(opener.group(), r) for r in ("clause", "object", "speaker_end", "coordinator")):
            # "Indonesia has opened an investigation ..., a senior official said on Tuesday." (the words before
            # are the content unless they open with an adverbial: "Setelah rapat di DPR, Budi menjelaskan ...")
            return Frame("active", text[hit.start:hit.end], hit.start, hit.end, cues.sense_of(hit.form), sent,
                         s, e, pronoun, *trim_span(text, left, left + len(lead), " \t,"))
    frame = Frame("active", text[hit.start:hit.end], hit.start, hit.end, cues.sense_of(hit.form), sent,
                  s, e, pronoun, content, sent.end)
    return frame


def _reports_nothing_after(text: str, pos: int, end: int, cues: Cues, stops: frozenset[int]) -> bool:
    """Only a date or a place follows a cue (``said on Tuesday.``, ``mengatakan di Jakarta, Senin.``)."""
    rest = text[pos:end].strip(" \t.,;:!?")
    if not rest:
        return True
    if word_count(rest) > 4:
        return False
    first = _WORD.match(rest)
    if first and cues.role(first.group(), "audience"):
        return True  # "..., he told reporters (in Jakarta)."
    words = _WORD.findall(rest)
    if cues.lang == "en" and len(words) <= 3 and all(w[0].isupper() for w in words):
        return True  # "..., he told CNA.", "..., she told The Associated Press.": the addressee, no content
    return pos in stops or (bool(first) and cues.role(first.group(), "speaker_end"))


def _passive(text: str, sent: Span, hit: Hit, cues: Cues, stops: frozenset[int]) -> Frame | None:
    pos = hit.end
    m = re.match(r"\s+(oleh|by)\b", text[pos:sent.end], re.IGNORECASE)
    if m:
        pos += m.end()
    s, e = phrase_after(text, pos, sent.end, cues, stops)
    if e <= s or not (text[s].isupper() or pronoun_of(text[s:e], cues)):
        return None  # no agent: "Disebutkan, ..." says nothing about who speaks
    before = text[sent.start:hit.start]
    joint = re.search(r",\s*(?:(\w+)\s+)?$", before)
    if joint and (joint.group(1) is None or cues.role(joint.group(1), "coordinator")) and word_count(before) >= 3:
        content_start, content_end = sent.start, hit.start  # "..., namun dibantah oleh Pyongyang"
    elif word_count(before) <= 2:
        # "Disebut Djoko, ..." reports what follows; "Hal itu dikatakan Choe" only names the speaker
        after = text[e:sent.end]
        reports = after.lstrip().startswith(",") or (word_count(before) == 0 and word_count(after) >= 4)
        content_start, content_end = (e, sent.end) if reports else (e, e)
    else:
        return None  # a passive in the middle of a clause ("bukti sudah disampaikan Komisi V") reports nothing
    return Frame("passive", text[hit.start:hit.end], hit.start, hit.end, cues.sense_of(hit.form), sent,
                 s, e, pronoun_of(text[s:e], cues), *trim_span(text, content_start, content_end, " \t,.;:"))


#: a comma, then a name of one to four capitalised words closed by another comma
_APPOSED_NAME = re.compile(r",[ \t]*(?P<name>[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,3})(?=[ \t]*,)")


def _preposition(text: str, sent: Span, hit: Hit, cues: Cues) -> Frame | None:
    if hit.nya:
        s = e = None
        pronoun = "nya"
        after = hit.end
    else:
        m = re.compile(r"[,;.!?\n]|$").search(text, hit.end, sent.end)
        after = m.start() if m else sent.end
        s, e = trim_span(text, hit.end, after, " \t")
        if e <= s or word_count(text[s:e]) > MAX_SPEAKER_WORDS:
            return None
        pronoun = pronoun_of(text[s:e], cues)
        # "Menurut Wakil Menteri Pertahanan Teskia, Ana Moraru, ...": the name set after the role is the speaker's
        named = _APPOSED_NAME.match(text, after, sent.end) if after < sent.end and text[after] == "," else None
        if named and pronoun is None and word_count(text[s:e]) >= 2 \
                and word_count(text[s:named.end("name")]) <= MAX_SPEAKER_WORDS:
            e, after = named.end("name"), named.end("name")
    rest_start = after + 1 if after < sent.end and text[after] == "," else after
    lead = text[sent.start:hit.start].rstrip(" \t")
    joint = _WORD.match(text[rest_start:sent.end].lstrip(" \t"))
    if lead.endswith(",") and word_count(lead) >= 4 and joint and cues.role(joint.group(), "coordinator"):
        content = (sent.start, hit.start)  # "The navy operates four submarines, according to the IISS, and ..."
    elif lead.endswith(",") and word_count(lead) >= 3 and after < sent.end and text[after] == "," and joint \
            and joint.group()[0].islower() and not any(cues.role(joint.group(), r) for r in ("clause", "adverb")) \
            and word_count(text[rest_start:sent.end]) >= 2:
        # "sekitar 2.300 pedagang, menurut IKAPPI, mengeluhkan ...": the cue stands between subject and predicate
        content = (sent.start, sent.end)
    elif word_count(text[rest_start:sent.end]) >= 3:
        content = (rest_start, sent.end)
    else:
        content = (sent.start, hit.start)
    cs, ce = trim_span(text, content[0], content[1], " \t,.;:")
    return Frame("preposition", text[hit.start:hit.end], hit.start, hit.end, cues.sense_of(hit.form), sent,
                 s, e, pronoun, cs, ce)


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
            s, e = trim_span(text, f.content_start, edge, " \t,.;:")
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


__all__ = ["find_frames"]
