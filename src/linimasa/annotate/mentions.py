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
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .gazetteer import Entry, Gazetteer, Hit, Token, find_forms, fuzzy_entry, role_at
from .ner import Tagged

_MAX_NAME_TOKENS = 5
_NUMERAL = re.compile(r"\d+|[IVX]+|[a-z]")  # "Level 2", "Level II", "Ayat 1 huruf a"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A mention before grouping: span, type, and the gazetteer entry it matched (if any)."""

    start: int
    end: int
    type: str  # PERSON | ORG | GPE | LOC
    entry: Entry | None = None
    kind: str = "name"  # name | alias | metonym
    source: str = "model"  # model | gazetteer | rule | acronym | fuzzy


def _capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def _has_upper(text: str) -> bool:
    return any(c.isupper() for c in text)


def _token_range(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """Indices [i, j) of the tokens inside ``start..end``."""
    lo, hi = 0, len(tokens)
    while lo < hi:  # first token starting at or after ``start``
        mid = (lo + hi) // 2
        if tokens[mid].start < start:
            lo = mid + 1
        else:
            hi = mid
    j = lo
    while j < len(tokens) and tokens[j].end <= end:
        j += 1
    return lo, j


def from_hit(hit: Hit) -> Candidate:
    return Candidate(hit.start, hit.end, hit.entry.type, hit.entry, hit.entry.kind, "gazetteer")


def clean_model_span(gaz: Gazetteer, text: str, tokens: list[Token], span: Tagged) -> Tagged | None:
    """Trim punctuation and leading titles ("Presiden Joko Widodo" -> "Joko Widodo"); drop lower-case spans."""
    i, j = _token_range(tokens, span.start, span.end)
    while i < j and not tokens[i].text[0].isalnum():
        i += 1
    while j > i and not tokens[j - 1].text[0].isalnum() and tokens[j - 1].text not in ".)":
        j -= 1
    if j > i and tokens[j - 1].text == "." and j - i > 1 and len(tokens[j - 2].text) > 1:
        j -= 1  # a sentence stop, not an initial
    while i < j:
        found = role_at(gaz, tokens, i)
        if found is None or found[0] >= j:
            break
        i = found[0]
        while i < j and tokens[i].text in ".,":
            i += 1
    while j - 1 > i and span.type != "PERSON":
        found = role_at(gaz, tokens, j - 1)
        if found is None or found[0] != j or found[1].kind not in ("rank", "honorific"):
            break
        j -= 1  # "... Jemaah Kolonel": the rank belongs to the next name
    while i < j and not _capitalised(tokens[i].text) and gaz.designators.get(tokens[i].fold) != "place":
        i += 1  # leading lower-case words are not part of a name ("kota Medan" keeps its "kota")
    i = _after_portfolio(gaz, tokens, span, i, j)
    if (j - i >= 3 and _sentence_start(text, tokens, i) and tokens[i].fold not in gaz.designators
            and tokens[i].fold not in gaz.given_names
            and gaz.designators.get(tokens[i + 1].fold) in ("place", "feature")):
        i += 1  # "Luapan Sungai Cikarang ...": the sentence's first word is not part of the place
    for k in range(i, j):
        if gaz.designators.get(tokens[k].fold) == "status":  # "Waspada", "Level II", "Pasal 158"
            if k > i:
                j = k
                break
            i = k + 1
            while i < j and (_NUMERAL.fullmatch(tokens[i].text) or gaz.designators.get(tokens[i].fold) == "status"):
                i += 1
            break
    if i >= j:
        return None
    if (span.type == "PERSON" and j + 1 < len(tokens) and tokens[j].text == "-" and tokens[j].start == tokens[j - 1].end
            and tokens[j + 1].start == tokens[j].end and tokens[j + 1].text.isalpha()
            and not tokens[j - 1].text.isupper() and tokens[j + 1].fold not in gaz.clitics):
        j += 2  # "Lee In-jae": the model stopped at the hyphen of a given name
    while j > i + 1 and tokens[j - 1].text.isalpha() and tokens[j - 1].text.islower() and not _hyphened(tokens, j - 1):
        j -= 1  # nor trailing ones ("Prancis barat"; "Tae-hoon" keeps its "hoon")
    while j > i + 1 and tokens[j - 1].fold in gaz.pronouns:
        j -= 1  # "... Wandikbo Dia menekankan": a sentence's pronoun after a name with its stop lost
    end = tokens[j - 1].end if j > i else 0
    for k in range(i, j):
        cut = glued_verb(gaz, tokens[k])
        if cut is not None:  # "Nadiem Makarimmenyatakan": the scraper glued the verb on
            j, end = k + 1, cut
            break
    if i >= j or not _has_upper(text[tokens[i].start:end]):
        return None
    if j - i == 1 and (_common_word(gaz, text, tokens, i) or tokens[i].fold in gaz.designators
                       or tokens[i].fold in gaz.calendar or tokens[i].fold in gaz.pronouns):
        return None
    if _only_title(gaz, tokens, i, j):
        return None  # "Kombes Pol", "Kompol": a rank or title with no name after it
    if span.type == "PERSON" and j - i == 1 and derived_noun(gaz, tokens[i].fold):
        return None  # "Penindakan", "Kesehatan": a portfolio after a title, not a name
    if span.type == "PERSON" and all(t.text.isupper() and len(t.text) > 2 for t in tokens[i:j] if t.text.isalpha()):
        return Tagged(tokens[i].start, end, "ORG")  # "BPBD": an acronym names an organisation, not a person
    if span.type == "PERSON":
        i = _given_name_before(gaz, text, tokens, i)
    return Tagged(tokens[i].start, end, span.type)


def _hyphened(tokens: list[Token], k: int) -> bool:
    """Token ``k`` is the second half of a hyphenated word ("hoon" of "Tae-hoon")."""
    return k >= 2 and tokens[k - 1].text == "-" and tokens[k - 1].end == tokens[k].start \
        and tokens[k - 2].end == tokens[k - 1].start


def glued_verb(gaz: Gazetteer, token: Token) -> int | None:
    """Offset where a lower-case verb glued to a capitalised word starts ("Makarimmenyatakan" -> "menyatakan")."""
    word = token.text
    if len(word) < 8 or not word[0].isupper() or not word.isalpha():
        return None
    for p in range(3, len(word) - 4):
        if word[p].islower() and word[p - 1].isalpha() and word[p:] in gaz.glued_words:
            return token.start + p
    return None


def _after_portfolio(gaz: Gazetteer, tokens: list[Token], span: Tagged, i: int, j: int) -> int:
    """Skip a title's portfolio the model took into a name ("[Kepala] Bidang Pengawasan Satria Wibowo" ->
    "Satria Wibowo"): a connector ("Bidang") and pe-...-an nouns, when two or more name words follow."""
    k = i
    while k < j and gaz.designators.get(tokens[k].fold) == "connector" and _capitalised(tokens[k].text):
        k += 1
    if k == i and span.type != "PERSON":
        return i
    while k < j and derived_noun(gaz, tokens[k].fold):
        k += 1
    rest = tokens[k:j]
    if k == i or len(rest) < (1 if span.type == "PERSON" and k > i else 2):
        return i
    if not all(t.text.isalpha() and t.text[0].isupper() and not t.text.isupper() and t.fold not in gaz.designators
               and (t.fold,) not in gaz.forms for t in rest):
        return i
    return k


def derived_noun(gaz: Gazetteer, word: str) -> bool:
    """An Indonesian pe-...-an / ke-...-an noun ("penindakan", "pengawasan", "kesehatan"), not a given name."""
    return (len(word) >= 9 and word.endswith("an") and word not in gaz.given_names
            and word.startswith(gaz.noun_prefixes))


def _only_title(gaz: Gazetteer, tokens: list[Token], i: int, j: int) -> bool:
    """Tokens i..j-1 are only role words (and stops): "Kombes Pol.", "Deputi Bidang"."""
    k = i
    while k < j:
        if tokens[k].text == "." or gaz.connects(tokens[k].fold):
            k += 1
            continue
        found = role_at(gaz, tokens, k)
        if found is None or found[0] > j:
            return False
        k = found[0]
    return True


def _given_name_before(gaz: Gazetteer, text: str, tokens: list[Token], i: int) -> int:
    """Take in one capitalised word the model left off a person's name ("Juni" of "Juni Prasetyo Nugroho")."""
    if i == 0 or _sentence_start(text, tokens, i - 1):
        return i
    prev = tokens[i - 1]
    if (text[prev.end:tokens[i].start] != " " or not prev.text.isalpha() or not prev.text[0].isupper()
            or prev.text.isupper() or prev.fold in gaz.designators or prev.fold in gaz.stop_words
            or (prev.fold,) in gaz.roles or (prev.fold,) in gaz.forms or role_at(gaz, tokens, i - 1) is not None):
        return i
    before = tokens[i - 2] if i >= 2 else None
    if before is not None and (before.text[0].isdigit() or before.text[0].isupper()):
        return i  # "5 Juni Budi": a date; "Menteri Juni Budi": not sure
    return i - 1


def _common_word(gaz: Gazetteer, text: str, tokens: list[Token], i: int) -> bool:
    """A one-word span that is a function word, or a sentence's first word also written in lower case
    elsewhere in the text ("Penyidik" at a sentence start when "penyidik" occurs too)."""
    word = tokens[i]
    if word.fold in gaz.stop_words:
        return True
    if not _sentence_start(text, tokens, i):
        return False
    lower = word.text.lower()
    return lower != word.text and re.search(rf"(?<!\w){re.escape(lower)}(?!\w)", text) is not None


def _sentence_start(text: str, tokens: list[Token], i: int) -> bool:
    if i == 0:
        return True
    prev = tokens[i - 1]
    return prev.text in ".!?\"\u201c\u201d:" or "\n" in text[prev.end:tokens[i].start]


def capitalised_runs(gaz: Gazetteer, text: str, tokens: list[Token]) -> tuple[Tagged, ...]:
    """Name spans for English text, where capitals mark names (the NER model is Indonesian).

    A run of capitalised words ("Linda Greenfield", "Bank of Korea") is cut at titles and gazetteer names;
    a piece holding an organisation word ("Agency", "Council") is an ORG, one of two to four other words a
    PERSON; one-word pieces, function words and month or weekday names are left to the gazetteer and rules.
    """
    hit_tokens = set()
    place_before: dict[int, Hit] = {}  # token index right after a place or demonym hit -> the hit
    for hit in find_forms(gaz, text, tokens):
        a, b = _token_range(tokens, hit.start, hit.end)
        hit_tokens.update(range(a, b))
        if hit.entry.type in ("GPE", "LOC"):
            place_before[b] = hit
    out: list[Tagged] = []
    piece: list[int] = []

    def is_org(words: list[Token]) -> bool:
        return any(gaz.designators.get(w.fold) == "org_head" for w in words)

    def emit(words: list[Token]) -> None:
        if is_org(words):
            start = words[0].start
            hit = place_before.get(_token_range(tokens, words[0].start, words[0].end)[0])
            if hit is not None and text[hit.end:start] == " " and (hit.entry.kind == "alias" or (
                    hit.start > 0 and text[:hit.start].rstrip().endswith(("the", "The")))):
                start = hit.start  # "the Indonesian Employers Association", "The Seoul Daily Herald"
            out.append(Tagged(start, words[-1].end, "ORG"))
        elif 2 <= len(words) <= 4:
            out.append(Tagged(words[0].start, words[-1].end, "ORG" if org_noun_before(words[0]) else "PERSON"))

    def org_noun_before(word: Token) -> bool:
        """"the shipbuilder, Hanra Marine," / "carrier Garuda Air": a company noun names the run."""
        k = _token_range(tokens, word.start, word.end)[0] - 1
        if k >= 0 and tokens[k].text == ",":
            k -= 1
        return k >= 0 and tokens[k].text.islower() and gaz.designators.get(tokens[k].fold) == "org_noun"

    def flush() -> None:
        while piece and (gaz.links(tokens[piece[-1]].fold) or tokens[piece[-1]].text == "-"):
            piece.pop()
        while piece and (tokens[piece[0]].fold in gaz.stop_words or tokens[piece[0]].fold in gaz.calendar):
            piece.pop(0)
        words = [tokens[k] for k in piece if tokens[k].text[0].isalpha()]
        if words and not any(w.fold in gaz.calendar for w in words):
            cut = next((n for n, w in enumerate(words) if 2 <= n <= 4 and w.fold in ("of", "from", "at")
                        and not is_org(words[:n]) and is_org(words[n + 1:])), None)
            if cut is not None:  # "Maya Lestari of Bank Sentosa": a person of an organisation
                emit(words[:cut])
                emit(words[cut + 1:])
            else:
                emit(words)
        piece.clear()

    k = 0
    while k < len(tokens):
        t = tokens[k]
        glued = piece and t.start == tokens[piece[-1]].end
        if k in hit_tokens or role_at(gaz, tokens, k) is not None and t.text[0].isupper():
            flush()
            found = role_at(gaz, tokens, k)
            k = found[0] if found is not None and k not in hit_tokens else k + 1
            continue
        if t.text[0].isupper() and t.text.isalpha():
            piece.append(k)
        elif piece and (gaz.links(t.fold) or (t.text == "-" and glued)) and k + 1 < len(tokens) \
                and tokens[k + 1].text[0].isupper():
            piece.append(k)
        elif piece and t.text == "-" and glued and k + 1 < len(tokens) and tokens[k + 1].start == t.end \
                and tokens[k + 1].text.isalpha() and tokens[k + 1].text.islower():
            piece.append(k)  # "Tae-hoon"
        elif piece and glued and t.text.isalpha() and tokens[piece[-1]].text == "-":
            piece.append(k)  # "Jong-un"
        else:
            flush()
        if "\n" in text[t.end:tokens[k + 1].start if k + 1 < len(tokens) else t.end]:
            flush()
        k += 1
    flush()
    return tuple(out)


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
            span = _extend_org(gaz, text, tokens, span)
        if span is None or (loud and _only_in_headlines(text, span, loud)):
            continue
        for piece in _split_hyphens(gaz, text, span, free_hits):
            out.extend(_merge_one(gaz, text, tokens, piece, free_hits))
    out.extend(from_hit(h) for h in free_hits.values())
    out = _non_overlapping(out)
    return _non_overlapping(out + _hyphen_partners(gaz, text, tokens, out))


def _extend_org(gaz: Gazetteer, text: str, tokens: list[Token], span: Tagged) -> Tagged:
    """An organisation's name the model cut before its region: "Badan Penanggulangan Bencana [Daerah]",
    "Dinas Kesehatan Kota [(DKK) Balikpapan]" -- a place word and the capitalised place name after it, and after
    a name ending in a place word, the place name after its acronym."""
    j = _token_range(tokens, span.start, span.end)[1]
    end = span.end
    last = _token_range(tokens, span.start, span.end)
    ends_in_place = last[1] > last[0] and gaz.designators.get(tokens[last[1] - 1].fold) == "place"
    if (not ends_in_place and j < len(tokens) and text[end:tokens[j].start] == " "
            and gaz.designators.get(tokens[j].fold) == "place" and tokens[j].text[0].isupper()):
        j += 1
        end = tokens[j - 1].end
        j, end = _place_words(gaz, text, tokens, j, end)
        ends_in_place = end == tokens[j - 1].end and gaz.designators.get(tokens[j - 1].fold) == "place"
    if ends_in_place and j + 3 < len(tokens) and tokens[j].text == "(" and tokens[j + 2].text == ")" \
            and tokens[j + 1].text.isupper() and text[tokens[j + 2].end:tokens[j + 3].start] == " ":
        k, new_end = _place_words(gaz, text, tokens, j + 3, end)
        if k > j + 3:
            end = new_end
    return Tagged(span.start, end, span.type) if end != span.end else span


def _place_words(gaz: Gazetteer, text: str, tokens: list[Token], j: int, end: int) -> tuple[int, int]:
    """Capitalised words from token ``j`` on (at most three, joined by single spaces): a place's name."""
    k = j
    while (k < len(tokens) and k - j < 3 and tokens[k].text.isalpha() and tokens[k].text[0].isupper()
           and (k == j or text[tokens[k - 1].end:tokens[k].start] == " ") and tokens[k].fold not in gaz.stop_words
           and role_at(gaz, tokens, k) is None and gaz.designators.get(tokens[k].fold) in (None, "place")):
        k += 1
    if k > j and (j == 0 or text[tokens[j - 1].end:tokens[j].start] in (" ", "")):
        return k, tokens[k - 1].end
    return j, end


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
            if not neighbour_known or word.start in starts or word.end in ends or not _capitalised(word.text):
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
    if not all(p.end > p.start and _capitalised(text[p.start]) for p in parts):
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
        return [c for p in pieces for c in _merge_one(gaz, text, tokens, p, hits) if _has_upper(text[p.start:p.end])]
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
        return [Candidate(p.start, p.end, "PERSON") for p in pieces if _has_upper(text[p.start:p.end])]
    for hit in inside:
        del hits[(hit.start, hit.end)]
    return [Candidate(span.start, span.end, span.type)]


def _name_after_hits(gaz: Gazetteer, text: str, tokens: list[Token], span: Tagged, inside: list[Hit]
                     ) -> Tagged | None:
    """The two or more capitalised name words after the hits at the start of a span, if that is all it holds."""
    if min(h.start for h in inside) != span.start:
        return None
    last = max(h.end for h in inside)
    i, j = _token_range(tokens, last, span.end)
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
    i, j = _token_range(tokens, span.start, span.end)
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


def trim(text: str, cand: Candidate) -> Candidate | None:
    """Strip spaces and edge punctuation (except a closing initial's stop) from a candidate."""
    start, end = cand.start, cand.end
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    if end <= start:
        return None
    return replace(cand, start=start, end=end)


def person_rules(gaz: Gazetteer, text: str, tokens: list[Token], cands: list[Candidate], strict: bool = False
                 ) -> list[Candidate]:
    """Persons the model missed: a capitalised name after a title ("Dubes Kim", "Menlu Sugiono").

    Places, organisations and capitalised words between the title and the name are read as part of the title;
    the name is the last capitalised run of the title chain ("Presiden Rusia Vladimir Putin",
    "Kepala Staf Angkatan Darat Filipina Ramon Castillo", "Menteri Luar Negeri Jepang, Takeshi Ando").
    ``strict`` (used when the NER model has run and missed the name): only a short title, rank or honorific
    directly before the name counts ("Dubes Kim", "Kolonel Budi"), since after a full office word the
    capitalised words are more often a portfolio ("Menteri Kehutanan") than a name the model missed; a one-word
    name must be a known given name or a word of a person the model found ("Menko Polhukam" is no person).
    """
    owner: dict[int, Candidate] = {}
    for c in cands:
        a, b = _token_range(tokens, c.start, c.end)
        for k in range(a, b):
            owner[k] = c
    found: list[Candidate] = []
    known_words = {w for c in cands if c.type == "PERSON" for w in text[c.start:c.end].split()}
    i, n = 0, len(tokens)
    while i < n:
        role = role_at(gaz, tokens, i) if i not in owner and _capitalised(tokens[i].text) else None
        if role is None or role[1].kind in ("descriptor", "relation") or (strict and not _short_title(role[1])):
            i = role[0] if role is not None else i + 1
            continue
        j, run, commas = role[0], None, 0
        if strict:
            while j in owner and owner[j].entry is not None:  # "Kapuspenkum Kejagung Harli Siregar"
                j = _token_range(tokens, owner[j].start, owner[j].end)[1]
            k = _name_end(tokens, j, owner, gaz)
            if (k > j and role_at(gaz, tokens, j) is None and k - j <= 3 and tokens[j].fold not in gaz.designators
                    and (k == len(tokens) or not _capitalised(tokens[k].text))
                    and (k - j > 1 or tokens[j].fold in gaz.given_names or tokens[j].text in known_words)):
                cand = _rule_person(gaz, tokens, j, k)
                found.append(cand)
                for m in range(j, k):
                    owner[m] = cand
                i = k
            else:
                i += 1
            continue
        while j < n:
            if j in owner:
                if owner[j].type == "PERSON":
                    run = None
                    break
                j = _token_range(tokens, owner[j].start, owner[j].end)[1]
                continue
            word = tokens[j].text
            if word == "." or (word == "," and not commas):
                commas += word == ","
                j += 1
                continue
            nxt = role_at(gaz, tokens, j)
            if nxt is not None and not _capitalised(word) and nxt[1].kind != "honorific":
                nxt = None  # "dr Ratna": lower-case honorifics count, lower-case words in general do not
            if nxt is not None:
                if run is not None and nxt[1].kind != "honorific":
                    break
                run = None  # "Kepala Dinas Kesehatan, dr Ratna": the honorific introduces the name
                j = nxt[0]
                continue
            if gaz.links(tokens[j].fold):
                j += 1
                continue
            k = _name_end(tokens, j, owner, gaz)
            if k == j:
                break
            run = (j, k)
            j = k
        if run is not None and run[1] - run[0] == 1 and derived_noun(gaz, tokens[run[0]].fold):
            run = None  # "Kepala Dinas Kesehatan": a portfolio
        if run is not None:
            a, b = run
            cand = _rule_person(gaz, tokens, a, b)
            found.append(cand)
            for m in range(a, b):
                owner[m] = cand
            i = b
        else:
            i += 1
    return found


def _rule_person(gaz: Gazetteer, tokens: list[Token], a: int, b: int) -> Candidate:
    """The person candidate over tokens a..b-1, cut before a verb glued to its last word and after a
    portfolio ("Bidang Pengawasan Satria Wibowo" -> "Satria Wibowo")."""
    while b - a > 1 and (gaz.designators.get(tokens[a].fold) == "connector" or derived_noun(gaz, tokens[a].fold)):
        a += 1
    end = tokens[b - 1].end
    for m in range(a, b):
        cut = glued_verb(gaz, tokens[m])
        if cut is not None:
            end = cut
            break
    return Candidate(tokens[a].start, end, "PERSON", source="rule")


def _short_title(role) -> bool:
    """A title that only ever precedes a person: an abbreviation ("Dubes"), a rank or an honorific."""
    return role.kind in ("rank", "honorific") or (role.kind == "office" and role.expansion is not None)


def name_word_uses(text: str, tokens: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """One-word uses of a full personal name's word that nothing else tagged ("kata Putin", "ujar Wood")."""
    words: set[str] = set()
    for c in cands:
        if c.type == "PERSON" and c.entry is None:
            parts = [w for w in text[c.start:c.end].replace("-", " ").split() if w[:1].isupper()]
            if len(parts) > 1:
                words.update(w for w in parts if len(w) > 2 and w.isalpha())
    if not words:
        return []
    taken = sorted((c.start, c.end) for c in cands)
    found = []
    for t in tokens:
        if t.text in words and not _overlaps(taken, t.start, t.end) and not _glued(text, t):
            found.append(Candidate(t.start, t.end, "PERSON", source="rule"))
    return found


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and e > start for s, e in spans)


def _glued(text: str, t: Token) -> bool:
    """The token is part of a hyphenated or dotted word ("Kim-lah", "Wood.com")."""
    before = text[t.start - 1] if t.start else " "
    after = text[t.end] if t.end < len(text) else " "
    return before in "-@/" or after in "-@/" or (after == "." and t.end + 1 < len(text) and text[t.end + 1].isalpha())


def _name_end(tokens: list[Token], j: int, owner: dict[int, Candidate], gaz: Gazetteer | None = None) -> int:
    """End index of a capitalised personal name starting at token ``j`` (``j`` when there is none)."""
    k = j
    while k < len(tokens) and k - j < _MAX_NAME_TOKENS and k not in owner:
        word = tokens[k].text
        if gaz is not None and tokens[k].fold in gaz.pronouns:
            break  # "Ia", "Dia": a pronoun, never part of a name
        glued = k > j and tokens[k].start == tokens[k - 1].end and tokens[k - 1].text == "-"
        if glued and word.isalpha():
            k += 1
        elif word == "-" and k > j and k + 1 < len(tokens) and tokens[k - 1].end == tokens[k].start == \
                tokens[k + 1].start - 1:
            k += 1
        elif word.isalpha() and word[0].isupper() and (not word.isupper() or len(word) == 1):
            k += 1
        else:
            break
    while k > j and tokens[k - 1].text == "-":
        k -= 1
    return k


__all__ = ["Candidate", "capitalised_runs", "clean_model_span", "derived_noun", "from_hit", "glued_verb", "merge",
           "name_word_uses", "person_rules", "trim"]
