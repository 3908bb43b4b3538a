"""Attribution frames: who says what, in which clause.

A :class:`Frame` is one speech cue with the places around it that it governs: the speaker phrase (a name, a
description, a pronoun, or the ``-nya`` of ``katanya``) and the reported content (a quote-marked passage or a
plain clause). Frames are found on the text with quotations masked (:func:`~.direct_quotes.mask_quotes`), so a
cue inside a quotation never counts. Which cue stands where comes from the ``speech_verbs`` lexicon (frames
``active``, ``inverted``, ``passive``, ``preposition``, ``statement``) and the ``quote_cues`` lexicon (clause
words, adverbs, words ending a speaker phrase). This module holds the frame type, the cue finder, the frames of
quote-marked passages (the cue after or before the quote) and the phrase readers shared with
:mod:`.indirect_quotes` (whose ``find_frames`` lays out every frame of an article). Resolving a speaker phrase to
an entity is :mod:`.speakers`; the quotes component turns frames into quotes and the claimants component reads
those quotes' spans.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from ..lang import load_lexicon
from ..model import Span
from .direct_quotes import QuoteRegion, word_count
from .sentences import sentence_at

_WORD = re.compile(r"[\w'’-]+")
MAX_SPEAKER_WORDS = 14
_MAX_GAP_WORDS = 6  # words a speaker may take between a closing quote and its cue ('"...," he said')
_MAX_TITLED_GAP_WORDS = 10  # ... when they end in a name after its title


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

    kind: str  # active | inverted | passive | preposition | statement | participle | act | colon
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
class Hit:
    start: int
    end: int
    form: str
    nya: bool


_TOKEN = re.compile(r"[\w-]+")


def hits(text: str, start: int, end: int, cues: Cues) -> list[Hit]:
    """The cues in ``text[start:end]``, as whole words (``katanya`` is ``kata`` + ``nya``)."""
    out: list[Hit] = []
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
                out.append(Hit(m.start(), found.end(), text[m.start():stop], bool(found.group("nya"))))
                skip_to = found.end()
                continue
        if low in cues.verbs:
            out.append(Hit(m.start(), m.end(), word, False))
        elif low.endswith("nya") and low[:-3] in cues.verbs:
            out.append(Hit(m.start(), m.end(), word[:-3], True))
        elif word[0].isupper() and len(word) >= 9:
            for form in cues.glued:  # "Makarimmenyatakan": a name glued to its verb
                if low.endswith(form) and len(low) - len(form) >= 2 and word[len(word) - len(form)].islower():
                    out.append(Hit(m.end() - len(form), m.end(), word[len(word) - len(form):], False))
                    break
    return out


def frame_after_quote(text: str, sentences: tuple[Span, ...], region: QuoteRegion, cues: Cues,
                 stops: frozenset[int]) -> Frame | None:
    pos = region.outer_end
    limit = _tail_end(text, pos)
    if limit <= pos:
        return None
    sent = sentence_at(sentences, max(region.close - 1, region.start)) or Span(region.open, limit)
    for hit in hits(text, pos, limit, cues):
        frames = cues.frames_of(hit.form)
        gap = text[pos:hit.start]
        if not frames & {"inverted", "statement", "active", "preposition", "after_quote"}:
            continue
        if gap.strip(" \t,.!?-\u2013\u2014") == "":
            # the cue right after the quote: the speaker follows it ("kata X", "katanya", "kata dia")
            return inverted_frame(text, sent, hit, cues, stops, region=region)
        if "inverted" in frames or cues.lang == "en" or "active" in frames:
            words = word_count(gap)
            if (0 < words <= _MAX_GAP_WORDS or _titled_name_gap(gap)) \
                    and not re.search(r"[.!?;\"_]", gap.strip(" ,")[:-1] or ""):
                # the speaker between the quote and its cue ('"...," he said', '"...," Wood menambahkan')
                s, e = trim_span(text, pos, hit.start, " \t,")
                pronoun = pronoun_of(text[s:e], cues)
                return Frame("inverted", text[hit.start:hit.end], hit.start, hit.end, cues.sense_of(hit.form), sent,
                             s, e, pronoun, region.start, region.end, region)
        return None
    return None


def _titled_name_gap(gap: str) -> bool:
    """A longer title before a name between a quote and its cue ('"...," BI monetary management executive director
    Farid Hakim told reporters'): up to ten words with no comma, ending in a capitalised name."""
    words = gap.strip(" \t,").split()
    return 0 < len(words) <= _MAX_TITLED_GAP_WORDS and "," not in gap.strip(" \t,") \
        and all(w[:1].isupper() for w in words[-2:]) and len(words) >= 2


def _tail_end(text: str, pos: int) -> int:
    """End of the words after a closing quote that may hold its cue: up to the sentence end or the next quote."""
    limit = min(len(text), pos + 300)
    for m in _TAIL_STOP.finditer(text, pos, limit):
        if m.group() == "." and _ABBREVIATED.search(text, max(pos, m.start() - 5), m.start()) \
                and re.match(r"\.[ \t]+[A-Z]", text[m.start():limit]):
            continue  # "Kombes Pol. Djoko"
        return m.start()
    return limit


_TAIL_STOP = re.compile(r"[.!?](?=\s|$)|\n|[\"\u201c\u201d\u201e\u00ab\u00bb]|_")
_ABBREVIATED = re.compile(r"(?<![\w.])[A-Z][a-z]{0,3}$")


def frame_before_quote(text: str, sentences: tuple[Span, ...], region: QuoteRegion, cues: Cues,
                  stops: frozenset[int]) -> Frame | None:
    sent = sentence_at(sentences, region.open) or Span(region.open, region.end)
    head_start = sent.start
    head = text[head_start:region.open]
    m = re.search(r"[,:]?\s*(?:(?:" + "|".join(map(re.escape, sorted(cues.roles.get("complementizer", ()))))
                  + r")\s*)?$", head, re.IGNORECASE) if cues.roles.get("complementizer") else None
    cut = head_start + (m.start() if m else len(head))
    found = [h for h in hits(text, head_start, cut, cues) if text[h.end:cut].strip(" \t,:") == ""]
    if not found:
        return None
    hit = found[-1]
    frames = cues.frames_of(hit.form)
    if frames & {"active", "complement"}:
        subject = subject_span(text, sent, hit.start, cues, stops)
        s, e = subject if subject else (None, None)
        pronoun = pronoun_of(text[s:e], cues) if subject else None
        return Frame("active", text[hit.start:hit.end], hit.start, hit.end, cues.sense_of(hit.form), sent,
                     s, e, pronoun, region.start, region.end, region)
    if frames & {"inverted", "preposition"}:
        frame = inverted_frame(text, sent, hit, cues, frozenset(), region=region)
        return frame
    return None


def inverted_frame(text: str, sent: Span, hit: Hit, cues: Cues, stops: frozenset[int],
              region: QuoteRegion | None = None) -> Frame | None:
    """A cue followed by its speaker: ``kata X``, ``katanya``, ``kata dia``, ``menurut X``, ``said X``."""
    if hit.nya:
        s = e = None
        pronoun: str | None = "nya"
        speaker_end = hit.end
    else:
        s, e = phrase_after(text, hit.end, sent.end if region is None else _tail_end(text, hit.end), cues, stops)
        if e <= s:
            s = e = None
            pronoun = None
            speaker_end = hit.end
        else:
            pronoun = pronoun_of(text[s:e], cues)
            speaker_end = e
            first = text[s:e].split()[0].lower()
            if region is None and any(cues.role(first, r) for r in ("not_speaker", "clause", "adverb", "object",
                                                                      "speaker_end")):
                return None  # ", klaim yang juga dibantah": a noun, not a cue
            if region is None and "active" in cues.frames_of(hit.form) \
                    and not _closes_clause(text, s, e, sent.end, cues, stops):
                return None  # "X, Y, said lawmakers had not been briefed": the cue is active, a clause follows
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
    cs, ce = trim_span(text, content[0], content[1], " \t,.;:")
    if word_count(text[cs:ce]) < 3:
        return None
    return Frame(kind, text[hit.start:hit.end], hit.start, hit.end, cues.sense_of(hit.form), sent,
                 s, e, pronoun, cs, ce)


def _closes_clause(text: str, start: int, end: int, limit: int, cues: Cues, stops: frozenset[int]) -> bool:
    """The phrase ``start:end`` after a cue that may be active or inverted is a speaker that ends its clause
    (``..., said John Smith.``, ``..., said the ministry in a statement``), not the subject of a reported clause
    (``..., said the agency had received ...``)."""
    if any(cues.role(w, "auxiliary") or cues.role(w, "modal") for w in _WORD.findall(text[start:end])):
        return False
    rest = text[end:limit].lstrip(" \t")
    if re.match(r",\d", rest):
        return False  # "said her office would send 2,500 ...": the phrase stopped inside a number
    if not rest or rest[0] in ",.;:!?)" or end in stops or (end + len(text[end:limit]) - len(rest)) in stops:
        return True
    first = _WORD.match(rest)
    if not (first and cues.role(first.group(), "speaker_end")):
        return False
    # "..., said buyers in India had cut ...": an auxiliary later in the clause makes the phrase its subject
    clause = re.split(r"[,.;:!?]", rest, maxsplit=1)[0]
    return not any(cues.role(w, "auxiliary") or cues.role(w, "modal") for w in _WORD.findall(clause)[1:])


# ------------------------------------------------------------------ phrases

def phrase_after(text: str, pos: int, limit: int, cues: Cues, stops: frozenset[int]) -> tuple[int, int]:
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
            if ch == "." and re.search(r"(?<![\w.])[A-Z][a-z]{0,3}$", text[start:i]) \
                    and re.match(r"\.[ \t]+[A-Z]", text[i:limit]):
                i += 1  # "Kombes Pol. Djoko": a title cut short
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
        if words and word[0].islower() and text[start:i].rstrip()[-1:].isalnum() and _last_capitalised(text, start, i) \
                and low not in _CONNECTORS and not re.match(r"[ \t]+[A-Z]", text[m.end():limit]) \
                and not re.search(r"\w['’]s$", text[start:i].rstrip()) \
                and not _runs_to_anaphor(text, i, limit, cues):  # "Indonesia's defence ministry" goes on
            break  # "Disebut Djoko peristiwa bermula ...": the name ends where plain words begin
        glued = _glued_end(word, cues)
        if glued is not None:
            if glued > 0:
                end = i + glued  # "Kementerian Luar NegeriThailandseperti dilansir": scraped text lost a space
            break
        words += 1
        if words > MAX_SPEAKER_WORDS:
            break
        i = m.end()
        end = i
    return start, end


_CONNECTORS = frozenset({"dan", "dari", "untuk", "di", "bin", "binti", "van", "de", "of", "for", "and", "the"})


def _runs_to_anaphor(text: str, pos: int, limit: int, cues: Cues) -> bool:
    """Plain words from ``pos`` that close on a demonstrative within a few words ("Italia berusia 51 tahun itu"):
    the description goes on past the name."""
    for n, m in enumerate(re.finditer(r"[\w'’-]+|[^\w\s]", text[pos:limit])):
        tok = m.group()
        if n > 6 or not re.match(r"[\w]", tok) or (n and cues.role(tok, "speaker_end")) or tok.lower() in cues.verbs:
            return False
        if cues.role(tok, "anaphor"):
            return n > 0
    return False


def _last_capitalised(text: str, start: int, pos: int) -> bool:
    """The word before ``pos`` (after ``start``) is capitalised."""
    m = re.search(r"([\w'’-]+)[^\w]*$", text[start:pos])
    return bool(m) and m.group(1)[0].isupper()


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


def clause_start(text: str, sent: Span, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last dash, semicolon or quote before it in its sentence
    (``JAKARTA (AFP) - Indonesia's ministry ...`` -> the ``I``)."""
    left = sent.start
    for m in re.finditer(r"[;\"\u201c\u201d_]|(?:\s|(?<=\w))[-\u2013\u2014]+\s", text[sent.start:pos]):
        left = sent.start + m.end()
    return left


def subject_span(text: str, sent: Span, cue_start: int, cues: Cues,
             stops: frozenset[int] = frozenset()) -> tuple[int, int] | None:
    """The speaker phrase before an active cue, or None when it is left out (``..., seraya menambahkan``)."""
    left = clause_start(text, sent, cue_start)
    # comma-separated pieces: the last one that is not only adverbs or a date is the subject; a bare name
    # keeps the title piece before it ("Kepala Dinas Kesehatan Sumbawa, Junaidi, menyatakan")
    parts = [(left + p.start(), left + p.end()) for p in re.finditer(r"[^,]+", text[left:cue_start])]
    parts = [(s, e) for s, e in parts if text[s:e].strip()]
    while parts and _is_filler(text, *parts[-1], cues, stops):
        parts.pop()
    while len(parts) > 1 and _opens_relative(text, *parts[-1]):
        parts.pop()  # "Seorang pejabat, yang enggan disebut namanya, mengatakan": the relative clause is no subject
    if len(parts) > 1 and _is_bare_name(text[slice(*parts[-1])].strip()) \
            and text[slice(*parts[-1])].split()[0].lower() in place_heads():
        parts.pop()  # "Warga Desa Cikaracak, Kabupaten Sindangreja, melaporkan": the place only locates the subject
    if not parts:
        return None
    start, end = parts[-1]
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
    # the clause holding the cue starts after its last clause word; a relative clause ("X yang ...") is cut off
    for idx in range(len(words) - 1, -1, -1):
        s, e, w = words[idx]
        if cues.role(w, "clause") and (w[0].islower() or idx == 0):
            if w.lower() in _RELATIVE and idx > 0:
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
    s, e = trim_span(text, start, end, " \t")
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
            s = trim_span(text, ps, pe, " \t")[0]
    elif len(parts) > 1 and text[s:e][:1].islower() and _is_bare_name(text[slice(*parts[-2])].strip()) \
            and not cues.role(tail[0].group(), "clause"):
        # "Rafael Souza, penyerang berusia 29 tahun ..., mengatakan": a description set after the name
        s = trim_span(text, *parts[-2], " \t")[0]
    return s, e


_RELATIVE = ("yang", "who", "which")


def _opens_relative(text: str, start: int, end: int) -> bool:
    """The piece ``start:end`` is a relative clause (it opens with "yang", "who", "which")."""
    first = _WORD.search(text, start, end)
    return bool(first) and first.group().lower() in _RELATIVE


def _is_filler(text: str, start: int, end: int, cues: Cues, stops: frozenset[int]) -> bool:
    """Only adverbs, clause words and a date: no speaker there ("telah", "Rabu (18/6/2025)")."""
    s, _ = trim_span(text, start, end, " \t")
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


@lru_cache(maxsize=1)
def place_heads() -> frozenset[str]:
    """Words that open a place's name ("Kabupaten", "Desa", "Provinsi"): such a name is never a person's."""
    heads: set[str] = set()
    for lang in ("id", "en"):
        try:
            lex = load_lexicon(lang, "gazetteer_designators")
        except Exception:  # no designators for the language
            continue
        heads.update(r["form"].lower() for r in lex.records() if r["kind"] == "place")
    return frozenset(heads)


def _is_bare_name(segment: str) -> bool:
    words = segment.split()
    return 0 < len(words) <= 4 and all(w[0].isupper() for w in words)


def content_start(text: str, pos: int, end: int, cues: Cues) -> int:
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
        joined = m is not None and cues.role(prev_word(text, pos, m.start()) or "", "coordinator")
        if m and not joined and not any(h.start < m.start() for h in hits(text, pos, m.start(), cues)):
            # "said the water turned brown and that ...": a second "that" joins a second clause; content starts at once
            return _skip_space(text, m.end(), end)
    return _skip_space(text, pos, end)


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t,:":
        pos += 1
    return pos


def pronoun_of(phrase: str, cues: Cues) -> str | None:
    low = phrase.strip().lower()
    return low if low in cues.pronouns else None


def prev_word(text: str, start: int, pos: int) -> str | None:
    m = re.search(r"([\w'-]+)\W*$", text[start:pos])
    return m.group(1) if m else None


def trim_span(text: str, start: int, end: int, chars: str) -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


__all__ = ["Cues", "Frame", "Hit", "MAX_SPEAKER_WORDS", "clause_start", "content_start", "cues_for", "frame_after_quote",
           "frame_before_quote", "hits", "inverted_frame", "phrase_after", "prev_word", "pronoun_of", "subject_span",
           "trim_span"]
