"""The ``quotes`` component: direct and indirect quotations, each with its resolved speaker.

Direct quotes are the quote-marked passages (:mod:`.direct_quotes`); indirect ones are the contents of speech
frames without quote marks (``X mengatakan bahwa ...``, ``Menurut X, ...``, ``..., kata X``). Every frame's
speaker is resolved in text order (:mod:`.speakers`), so ``katanya``/``Ia`` follow the passage's current
speaker and a quote paragraph with no cue continues the last speaker's words. Each quote carries ``said_on``
(the date of its own attribution clause, not the publication date), ``via`` (``dilansir Reuters``) and ``cue``.
"""
from __future__ import annotations

import dataclasses
import re

from ..model import Article, Quote, Span
from .attribution import Cues, Frame, clause_start, cues_for, phrase_after
from .indirect_quotes import find_frames
from .direct_quotes import QuoteRegion, find_quote_regions, mask_quotes, word_count
from .sentences import split_sentences
from .speakers import Speaker, SpeakerResolver

try:  # the dates component's clause date, when that module is there
    from .dates import clause_date as _clause_date
except Exception:  # pragma: no cover - without it, the time expressions of the clause are read directly
    _clause_date = None

_DATE_VALUE = re.compile(r"^\d{4}-\d\d(-\d\d)?$")
_PART_OF_DAY = re.compile(r"(?<=\d)T(?:MO|MI|AF|EV|NI)$")
_NAME = r"[A-Z][\w.&'’-]*(?:[ \t]+(?:[A-Z][\w.&'’-]*|of|de))*"
_MIN_ORPHAN_WORDS = 4  # a quote with no cue shorter than this is a scare quote, not an utterance


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """Direct and indirect quotes of ``article`` in text order, with speakers, dates and agencies."""
    text = article.text
    if not text:
        return ()
    cues = cues_for(language_of(article))
    regions = find_quote_regions(text)
    masked = mask_quotes(text, regions)
    sentences = join_broken_lines(masked, split_sentences(masked))
    stops = frozenset(t.start for t in article.timexes)
    frames = find_frames(masked, sentences, regions, cues, stops)
    blocked = [(r.start, r.end) for r in regions]
    blocked += [(f.content_start, f.content_end) for f in frames if f.quote is None and f.content_end > f.content_start]
    resolver = SpeakerResolver(article, masked, cues, blocked)
    by_region = {f.quote.open: f for f in frames if f.quote is not None}

    events: list[tuple[int, int, object]] = [(_anchor(f), 0, f) for f in frames]
    events += [(r.open, 1, r) for r in regions if r.open not in by_region]
    events.sort(key=lambda e: (e[0], e[1]))

    quotes: list[Quote] = []
    resolved: dict[int, Speaker | None] = {}  # frame cue -> speaker
    for _, _, item in events:
        if isinstance(item, Frame):
            elided = _elided_speaker(item, frames, resolved, resolver)
            speaker = resolver.resolve(item, elided)
            if item.kind == "colon" and (speaker is None or speaker.type is None):
                continue  # "Kategori: ..." is a label, not a speaker
            resolved[item.cue_start] = speaker
            if speaker is not None:
                resolver.note(speaker, _anchor(item))
            quote = _frame_quote(article, masked, item, speaker, cues, frames, resolved)
        else:
            quote = _orphan_quote(article, masked, item, frames, resolved, resolver, sentences)
        if quote is not None:
            quotes.append(quote)
    quotes.sort(key=lambda q: q.start)
    return tuple(quotes)


def join_broken_lines(text: str, sentences: tuple[Span, ...]) -> tuple[Span, ...]:
    """Sentences with the ones a stray line break cut in two joined again (the next line goes on in lower case)."""
    out: list[Span] = []
    for sent in sentences:
        if out:
            prev = out[-1]
            gap = text[prev.end:sent.start]
            if "\n" in gap and text[prev.end - 1] not in ".!?:\"\u201d" and text[sent.start].islower():
                out[-1] = Span(prev.start, sent.end)
                continue
        out.append(sent)
    return tuple(out)


def language_of(article: Article) -> str:
    """``article.language`` when set, else a guess from common function words ("id" or "en")."""
    if article.language:
        return article.language.split("-")[0].lower()
    words = re.findall(r"[a-z]+", article.text[:3000].lower())
    english = sum(w in ("the", "and", "of", "said", "to", "is") for w in words)
    indonesian = sum(w in ("yang", "dan", "di", "itu", "dengan", "ini") for w in words)
    return "en" if english > indonesian else "id"


def _anchor(frame: Frame) -> int:
    """Where a frame's speaker becomes the current one: its speaker phrase, or its cue."""
    return frame.cue_start if frame.speaker_start is None else min(frame.cue_start, frame.speaker_start)


def _elided_speaker(frame: Frame, frames: tuple[Frame, ...], resolved: dict[int, Speaker | None],
                    resolver: SpeakerResolver) -> Speaker | None:
    """The speaker of a frame that names none: the frame before it in the sentence, else the sentence subject."""
    if frame.has_speaker:
        return None
    for other in reversed(frames):
        if other.cue_start < frame.cue_start and other.sentence == frame.sentence and resolved.get(other.cue_start):
            return resolved[other.cue_start]
    if frame.quote is not None:
        return resolver.current("any", frame.cue_start)  # '"...," demikian isi pernyataan'
    if frame.kind == "participle":  # "The ministry on Friday declined ..., saying ...": the sentence's subject
        masked = resolver.text
        left = clause_start(masked, frame.sentence, frame.cue_start)
        s, e = phrase_after(masked, left, frame.cue_start, resolver.cues, frozenset())
        return resolver.phrase(s, e, "first") if e > s else None
    if frame.kind == "active":
        start = frame.sentence.start
        subject = resolver.phrase(start, frame.cue_start, "first")
        if subject is not None and subject.entity_id is not None:
            return subject
        if subject is not None and subject.type is not None:
            return subject
    return None


def _frame_quote(article: Article, masked: str, frame: Frame, speaker: Speaker | None, cues: Cues,
                 frames: tuple[Frame, ...], resolved: dict[int, Speaker | None]) -> Quote | None:
    text = article.text
    if frame.quote is not None:
        start, end, kind = frame.quote.start, frame.quote.end, "direct"
        if word_count(text[start:end]) < 1:
            return None
    else:
        start, end, kind = frame.content_start, frame.content_end, "indirect"
        if speaker is None or word_count(text[start:end]) < 3 or "_" in masked[start:end].replace(" ", "")[:1]:
            return None  # reported speech with no one reporting it is no quote
    clause = _clause(frame)
    return Quote(
        start=start, end=end, text=text[start:end], kind=kind,
        speaker=speaker.name if speaker else None,
        speaker_id=speaker.entity_id if speaker else None,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        cue=" ".join(frame.cue.lower().split()),
        said_on=_said_on(article, clause[0], clause[1], frame),
        via=_via(masked, text, clause[0], frame.sentence.end, cues),
        description=speaker.description if speaker else None,
    )


def _orphan_quote(article: Article, masked: str, region: QuoteRegion, frames: tuple[Frame, ...],
                  resolved: dict[int, Speaker | None], resolver: SpeakerResolver,
                  sentences) -> Quote | None:
    """A quote-marked passage with no cue of its own: inside reported speech, or continuing the last speaker."""
    text = article.text
    words = text[region.start:region.end].split()
    opens_sentence = re.search(r"(^|[.!?\"\u201d]\s*)$", text[max(0, region.open - 3):region.open]) is not None
    sentence_like = opens_sentence and text[region.end - 1] in ".!?" and len(words) >= 2
    if len(words) < _MIN_ORPHAN_WORDS and not sentence_like:
        return None  # a scare quote ("rumor"), not an utterance ('"Nobody was hurt."' is one)
    if sum(w[0].isupper() for w in words) >= 0.7 * len(words):
        return None  # a title ("Sejarah Indonesia Dinamika Kebangsaan"), not an utterance
    speaker: Speaker | None = None
    host = [f for f in frames if f.quote is None and f.content_start <= region.open < f.content_end + 1]
    if host:
        speaker = resolved.get(host[-1].cue_start)
    if speaker is None:
        speaker = resolver.current("any", region.open)
    return Quote(
        start=region.start, end=region.end, text=text[region.start:region.end], kind="direct",
        speaker=speaker.name if speaker else None,
        speaker_id=speaker.entity_id if speaker else None,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        cue=None, said_on=None, via=None,
        description=speaker.description if speaker else None,
    )


def _clause(frame: Frame) -> tuple[int, int]:
    """The attribution clause of a frame: the words around its cue that are not the quoted content."""
    if frame.quote is not None:
        if frame.cue_start >= frame.quote.close:
            return frame.quote.outer_end, max(frame.sentence.end, frame.cue_end)
        return frame.sentence.start, frame.quote.open
    if frame.content_start >= frame.cue_end:
        return frame.sentence.start, frame.content_start
    if frame.content_end <= frame.cue_start:
        return frame.content_end, frame.sentence.end
    return frame.sentence.start, frame.sentence.end


def _said_on(article: Article, start: int, end: int, cue: Frame) -> str | None:
    """The date of the attribution clause ``start:end`` (never of the quoted words, never the publication date).

    The dates component's ``clause_date`` answers when its date is one written in the clause; else the full
    date nearest the cue in the clause is taken.
    """
    in_clause = {}
    for t in article.timexes:
        value = _PART_OF_DAY.sub("", t.value or "")  # "Selasa pagi": 2025-06-17TMO is that day
        if t.start >= start and t.end <= end and _DATE_VALUE.match(value):
            in_clause.setdefault(value, abs(t.start - cue.cue_start))
    if not in_clause:
        return None
    if _clause_date is not None:
        try:
            value = _clause_date(article, cue.cue_start, cue.cue_end)
        except Exception:
            value = None
        if value in in_clause:
            return value
    return min(in_clause, key=lambda v: (in_clause[v], len(v) != 10))


def _via(masked: str, text: str, start: int, end: int, cues: Cues) -> str | None:
    """The agency or outlet named after a ``dilansir``/``dikutip dari`` cue in ``start:end``."""
    forms = sorted(cues.roles.get("via", ()), key=len, reverse=True)
    if not forms:
        return None
    pattern = re.compile(r"(?i:(?:" + "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms)
                         + r")\s*(?:dari\s+|from\s+|oleh\s+)?(?:kantor\s+berita\s+|media\s+)?)(" + _NAME + ")")
    m = pattern.search(masked, start, min(end + 200, len(masked)))
    if not m or m.start() > end:
        return None
    name = text[m.start(1):m.end(1)].rstrip(".")
    capitals = [w.strip(".") for w in name.split() if w.isupper() and len(w.strip(".")) > 1]
    return capitals[-1] if capitals else name


def register(registry) -> None:
    """Registers the ``quotes`` component."""

    @registry.register("quotes", requires=("text", "entities", "timexes"), produces=("quotes",))
    def _quotes(article: Article, resources) -> Article:
        """Direct and indirect quotes with resolved speakers, dates and agencies."""
        return dataclasses.replace(article, quotes=extract_quotes(article))


__all__ = ["extract_quotes", "language_of", "register"]
