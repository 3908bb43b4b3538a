"""Finding entity mentions: the NER model's spans merged with gazetteer hits, role rules and ``Name (ACR)`` pairs.

The result is a sorted tuple of non-overlapping :class:`Candidate` spans, each with a type and, where a gazetteer
knows it, an :class:`~linimasa.annotate.gazetteer.Entry` giving its global id. :mod:`.coref` then groups them
into entities.

How model spans and gazetteer hits are merged (the model alone breaks "Korut-Rusia"; a gazetteer put before the
model breaks "Bank Indonesia"):

- a hit that covers a model span wins ("Amerika Serikat" over a model "Amerika");
- a model ORG or LOC that holds a hit wins, keeping the hit's id when the rest is a place word
  ("Provinsi Jawa Barat"), unless the rest is only a government word ("Pemerintah Korut" -> "Korut") or
  connectors ("Korea Utara dan Rusia" -> two hits);
- a model PERSON that holds a hit is cut around it ("Korut Kim Jong Un" -> "Kim Jong Un");
- a model span glued by a hyphen to a hit is split, and the unknown part is matched fuzzily ("Kout-Rusia").

Model spans are cleaned first (:mod:`.model_spans`). In English text the spans come from :mod:`.english_names`;
persons the model missed are added afterwards by :mod:`.person_rules`. The candidate type lives in
:mod:`.candidates`; it and the rules' entry points are re-exported here for older imports.
"""
from __future__ import annotations

import re

from .candidates import Candidate, first_token, from_hit, token_range, trim
from .english_names import capitalised_runs
from .gazetteer import Entry, Gazetteer, Hit, Token, fuzzy_entry, role_before
from .model_spans import clean_model_span, extend_org, extend_org_across_dan
from .name_words import capitalised, derived_noun, glued_verb, has_upper
from .ner import Tagged
from .person_rules import name_word_uses, person_rules


def shouting_lines(text: str) -> list[tuple[int, int]]:
    """Spans of lines written in Title Case or capitals (headlines, banners): names there are unreliable."""
    out = []
    pos = 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[^\W\d_]{3,}", line)]
        ended = line.rstrip().rstrip("\"'\u201d\u2019)").endswith((".", "!", "?"))
        if 4 <= len(words) <= 30 and not ended and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def merge(gaz: Gazetteer, text: str, tokens: list[Token], hits: list[Hit], tagged: tuple[Tagged, ...]
          ) -> list[Candidate]:
    """Model spans and gazetteer hits -> non-overlapping candidates (see the module docstring)."""
    free_hits = {(h.start, h.end): h for h in hits}
    out: list[Candidate] = []
    loud = shouting_lines(text)
    for raw in tagged:
        span = clean_model_span(gaz, text, tokens, raw)
        if span is not None and span.type == "ORG":
            span = extend_org_across_dan(gaz, text, tokens, extend_org(gaz, text, tokens, span), hits)
        if span is None or (loud and _only_in_headlines(text, span, loud)):
            continue
        if span.type == "PERSON" and _portfolio_tail(gaz, tokens, span, tagged):
            continue
        for piece in _split_hyphens(gaz, text, span, free_hits):
            out.extend(_merge_one(gaz, text, tokens, piece, free_hits))
    out.extend(from_hit(h) for h in free_hits.values())
    out = _non_overlapping(out)
    return _non_overlapping(out + _hyphen_partners(gaz, text, tokens, out))


def _portfolio_tail(gaz: Gazetteer, tokens: list[Token], span: Tagged, tagged: tuple[Tagged, ...]) -> bool:
    """The second half of a title's portfolio ("Direktur Jenderal Minyak dan [Gas Bumi]"): after "dan", capitalised
    words no name holds, and a title right before them. "Menteri Keuangan Sri Mulyani dan Budi Santoso" keeps
    Budi Santoso, since the model tagged Sri Mulyani."""
    i = first_token(tokens, span.start)
    if i < 2 or tokens[i - 1].fold not in ("dan", "serta", "&"):
        return False
    k = i - 2
    while k >= 0 and tokens[k].text[:1].isupper() and tokens[k].text.isalpha() and not tokens[k].text.isupper():
        if any(t.start <= tokens[k].start < t.end for t in tagged):
            return False
        found = role_before(gaz, tokens, k + 1)
        if found is not None and k < i - 2 and found[1].kind not in ("rank", "honorific"):
            return True
        k -= 1
    return False


def _only_in_headlines(text: str, span: Tagged, loud: list[tuple[int, int]]) -> bool:
    """The span is in a headline-like line and its words occur nowhere else in the text."""
    if not any(a <= span.start and span.end <= b for a, b in loud):
        return False
    surface = text[span.start:span.end]
    for m in re.finditer(re.escape(surface), text):
        if not any(a <= m.start() and m.end() <= b for a, b in loud):
            return False
    return True


def _hyphen_partners(gaz: Gazetteer, text: str, tokens: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """A misspelt name glued by a hyphen to a known one ("Kout-Rusia"): match it fuzzily."""
    known = {(c.start, c.end) for c in cands if c.entry is not None}
    starts = {c.start for c in cands}
    ends = {c.end for c in cands}
    found = []
    for k in range(1, len(tokens) - 1):
        dash, left, right = tokens[k], tokens[k - 1], tokens[k + 1]
        if dash.text != "-" or left.end != dash.start or right.start != dash.end:
            continue
        for word, neighbour_known in ((left, any(s == right.start for s, _ in known)),
                                      (right, any(e == left.end for _, e in known))):
            if not neighbour_known or word.start in starts or word.end in ends or not capitalised(word.text):
                continue
            entry = fuzzy_entry(gaz, word.text)
            if entry is not None and _close_enough(word.text, entry):
                found.append(Candidate(word.start, word.end, entry.type, entry, entry.kind, "fuzzy"))
    return found


def _split_hyphens(gaz: Gazetteer, text: str, span: Tagged, hits: dict) -> list[Tagged]:
    """Split "Kout-Rusia" into parts when a part is a gazetteer name (exactly or nearly)."""
    surface = text[span.start:span.end]
    if "-" not in surface:
        return [span]
    parts, pos = [], span.start
    for word in surface.split("-"):
        parts.append(Tagged(pos, pos + len(word), span.type))
        pos += len(word) + 1
    if not all(p.end > p.start and capitalised(text[p.start]) for p in parts):
        return [span]
    known = [(p.start, p.end) in hits or fuzzy_entry(gaz, text[p.start:p.end]) is not None for p in parts]
    return parts if any(known) else [span]


def _merge_one(gaz: Gazetteer, text: str, tokens: list[Token], span: Tagged, hits: dict) -> list[Candidate]:
    inside = [h for h in hits.values() if h.start >= span.start and h.end <= span.end]
    covering = [h for h in hits.values() if h.start <= span.start and h.end >= span.end]
    if covering:
        return []
    partial = [h for h in hits.values() if h.start < span.end and h.end > span.start and h not in inside]
    if partial:  # cut the model span around the hit and keep the larger outer piece
        pieces = _outside(span, partial)
        return [c for p in pieces for c in _merge_one(gaz, text, tokens, p, hits) if has_upper(text[p.start:p.end])]
    if not inside:
        glued = _glued_to_hit(text, span, hits)
        entry = fuzzy_entry(gaz, text[span.start:span.end]) if span.type != "PERSON" or glued else None
        if entry is not None and _close_enough(text[span.start:span.end], entry):
            return [Candidate(span.start, span.end, entry.type, entry, entry.kind, "fuzzy")]
        return [Candidate(span.start, span.end, span.type)]
    rest = _rest_words(text, tokens, span, inside)
    kinds = {gaz.designators.get(w) for w in rest}
    if all(gaz.connects(w) for w in rest):
        return []  # the hits themselves stand
    if len(inside) == 1 and kinds <= {"place"}:
        hit = inside[0]
        del hits[(hit.start, hit.end)]
        return [Candidate(span.start, span.end, hit.entry.type, hit.entry, hit.entry.kind, "gazetteer")]
    if len(inside) == 1 and kinds <= {"group", "government"}:
        return []  # "Pasukan Rusia", "Pemerintah Korut": the state itself stands
    tail = _name_after_hits(gaz, text, tokens, span, inside)
    if tail is not None:  # "Rusia Sergei Lavrov": the model joined a state and the name after it
        return [Candidate(tail.start, tail.end, span.type)]
    if span.type == "PERSON":
        pieces = _outside(span, inside)
        return [Candidate(p.start, p.end, "PERSON") for p in pieces if has_upper(text[p.start:p.end])]
    for hit in inside:
        del hits[(hit.start, hit.end)]
    return [Candidate(span.start, span.end, span.type)]


def _name_after_hits(gaz: Gazetteer, text: str, tokens: list[Token], span: Tagged, inside: list[Hit]
                     ) -> Tagged | None:
    """The two or more capitalised name words after the hits at the start of a span, if that is all it holds."""
    if min(h.start for h in inside) != span.start:
        return None
    last = max(h.end for h in inside)
    i, j = token_range(tokens, last, span.end)
    words = tokens[i:j]
    if len(words) < 2 or not all(w.text.isalpha() and w.text[0].isupper() and not w.text.isupper()
                                 and w.fold not in gaz.designators for w in words):
        return None
    return Tagged(words[0].start, words[-1].end, span.type)


def _glued_to_hit(text: str, span: Tagged, hits: dict) -> bool:
    """The span is joined by a hyphen to a gazetteer hit ("Kout" in "Kout-Rusia")."""
    after = span.end < len(text) and text[span.end] == "-" and any(s == span.end + 1 for s, _ in hits)
    before = span.start > 0 and text[span.start - 1] == "-" and any(e == span.start - 1 for _, e in hits)
    return after or before


def _close_enough(surface: str, entry: Entry) -> bool:
    """A fuzzy match must keep the first letter (guards "Maria" -> "Mali" less than nothing, but cheaply)."""
    return surface[:1].casefold() == entry.name[:1].casefold() or len(surface) >= 6


def _rest_words(text: str, tokens: list[Token], span: Tagged, inside: list[Hit]) -> list[str]:
    i, j = token_range(tokens, span.start, span.end)
    return [t.fold for t in tokens[i:j] if not any(h.start <= t.start and t.end <= h.end for h in inside)
            and (t.text[0].isalnum() or t.text == "-")]


def _outside(span: Tagged, holes: list[Hit]) -> list[Tagged]:
    """The parts of ``span`` outside ``holes``, trimmed of spaces and punctuation at the edges."""
    pieces, pos = [], span.start
    for h in sorted(holes, key=lambda h: h.start):
        if h.start > pos:
            pieces.append(Tagged(pos, h.start, span.type))
        pos = max(pos, h.end)
    if pos < span.end:
        pieces.append(Tagged(pos, span.end, span.type))
    return pieces


def _non_overlapping(cands: list[Candidate]) -> list[Candidate]:
    """Sorted candidates; on overlap the longer (then the gazetteer's) wins."""
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), c.source != "gazetteer", c.start))
    taken: list[Candidate] = []
    for c in ranked:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


__all__ = ["Candidate", "capitalised_runs", "clean_model_span", "derived_noun", "from_hit", "glued_verb", "merge",
           "name_word_uses", "person_rules", "trim"]
