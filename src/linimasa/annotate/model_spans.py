"""Cleaning the NER model's spans before they are merged with gazetteer hits (:mod:`.mentions`).

:func:`clean_model_span` trims what the model took in around a name: punctuation, titles and ranks ("Presiden
Joko Widodo" -> "Joko Widodo"), a title's portfolio, status words ("Level II"), a sentence's first word, glued-on
verbs and pronouns, and drops spans that are only a common word or a title. :func:`extend_org` takes in the
region an organisation's name was cut before ("Badan Penanggulangan Bencana [Daerah]").
"""
from __future__ import annotations

import re

from .candidates import token_range
from .gazetteer import Gazetteer, Token, role_at
from .name_words import capitalised, derived_noun, glued_verb, has_upper, sentence_start
from .ner import Tagged

_NUMERAL = re.compile(r"\d+|[IVX]+|[a-z]")  # "Level 2", "Level II", "Ayat 1 huruf a"


def clean_model_span(gaz: Gazetteer, text: str, tokens: list[Token], span: Tagged) -> Tagged | None:
    """Trim punctuation and leading titles ("Presiden Joko Widodo" -> "Joko Widodo"); drop lower-case spans."""
    i, j = token_range(tokens, span.start, span.end)
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
    while i < j and not capitalised(tokens[i].text) and gaz.designators.get(tokens[i].fold) != "place":
        i += 1  # leading lower-case words are not part of a name ("kota Medan" keeps its "kota")
    i = _after_portfolio(gaz, tokens, span, i, j)
    if (j - i >= 3 and sentence_start(text, tokens, i) and tokens[i].fold not in gaz.designators
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
    if i >= j or gaz.designators.get(tokens[i].fold) == "document":
        return None  # "Kartu Tanda Penduduk", "Surat Izin Mengemudi": a document names no one
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
    if i >= j or not has_upper(text[tokens[i].start:end]):
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


def _after_portfolio(gaz: Gazetteer, tokens: list[Token], span: Tagged, i: int, j: int) -> int:
    """Skip a title's portfolio the model took into a name ("[Kepala] Bidang Pengawasan Satria Wibowo" ->
    "Satria Wibowo"): a connector ("Bidang") and pe-...-an nouns, when two or more name words follow."""
    k = i
    while k < j and gaz.designators.get(tokens[k].fold) == "connector" and capitalised(tokens[k].text):
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
    if i == 0 or sentence_start(text, tokens, i - 1):
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
    if not sentence_start(text, tokens, i):
        return False
    lower = word.text.lower()
    return lower != word.text and re.search(rf"(?<!\w){re.escape(lower)}(?!\w)", text) is not None


def extend_org_across_dan(gaz: Gazetteer, text: str, tokens: list[Token], span: Tagged, hits=()) -> Tagged:
    """An organisation headed by an org word continues across "dan" to the capitalised words after it:
    "Badan Siber [dan Sandi Negara]", "Badan Kesatuan Bangsa [dan Politik]". Not when the words after "dan"
    start with a title, another organisation or place word, a known given name or a gazetteer name
    ("Komisi Yudisial dan Kementerian Hukum", "Badan Gizi dan Joko ...")."""
    i, j = token_range(tokens, span.start, span.end)
    if j - i < 2 or gaz.designators.get(tokens[i].fold) != "org_head" or j + 1 >= len(tokens):
        return span
    if tokens[j].text != "dan" or text[span.end:tokens[j].start] != " ":
        return span
    k = j + 1
    first = tokens[k]
    if (not capitalised(first.text) or not first.text.isalpha() or first.text.isupper()
            or role_at(gaz, tokens, k) is not None or first.fold in gaz.designators
            or first.fold in gaz.given_names or first.fold in gaz.stop_words):
        return span
    while (k < len(tokens) and tokens[k].text.isalpha() and capitalised(tokens[k].text)
           and not tokens[k].text.isupper() and role_at(gaz, tokens, k) is None
           and text[tokens[k - 1].end:tokens[k].start] == " "):
        k += 1
    if k == j + 1 or k - (j + 1) > 4 or any(h.start < tokens[k - 1].end and h.end > first.start for h in hits):
        return span
    return Tagged(span.start, tokens[k - 1].end, span.type)


def extend_org(gaz: Gazetteer, text: str, tokens: list[Token], span: Tagged) -> Tagged:
    """An organisation's name the model cut before its region: "Badan Penanggulangan Bencana [Daerah]",
    "Dinas Kesehatan Kota [(DKK) Balikpapan]" -- a place word and the capitalised place name after it, and after
    a name ending in a place word, the place name after its acronym."""
    j = token_range(tokens, span.start, span.end)[1]
    end = span.end
    last = token_range(tokens, span.start, span.end)
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


__all__ = ["clean_model_span", "extend_org"]
