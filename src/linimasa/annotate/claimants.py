"""The ``claimants`` component: who gives each figure, and as of when.

A count takes its claimant from the attribution frame of its clause, which the quotes component has already
laid out: a figure inside a direct quote is the speaker's, a figure inside reported content (``AS
memperkirakan bahwa lebih dari 10.000 ...``, ``Menurut BNPB, 12 orang ...``) is the reporting speaker's, and a
figure in the article's own voice has no claimant. A sentence with no frame of its own right after reported
speech in the same paragraph goes on with that speech (``..., menurut Agus. Petugas mengamankan 21 awak
kapal.``). A figure with no speech frame whose clause opens with a record verb (``lang/*/record_verbs.tsv``:
``BNPB mencatat 17 orang meninggal``, ``BPBD recorded ...``) is its subject's, resolved to an entity (a document
subject such as ``Laporan itu`` gives no claimant unless it names its author: ``Laporan BNPB mencatat``). A count
with no date of its own takes the frame's date (``said_on``) as ``as_of``.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from ..errors import LexiconError
from ..lang import load_lexicon
from ..model import Article, Count, Quote, Span
from .sentences import paragraphs, sentence_at, split_sentences


def attribute_counts(article: Article) -> tuple[Count, ...]:
    """``article.counts`` with ``claimant``, ``claimant_id`` and (when missing) ``as_of`` filled from its quotes."""
    out = []
    sentences = split_sentences(article.text) if article.counts else ()
    paras = paragraphs(article.text) if article.counts else ()
    for count in article.counts:
        frame = frame_of(article.quotes, count.start, count.end)
        if frame is None:
            recorder = record_frame(article, sentences, count.start)
            if recorder is not None:
                out.append(dataclasses.replace(count, claimant=recorder[0], claimant_id=recorder[1]))
                continue
            frame = carried_frame(article.quotes, sentences, paras, count.start)
        if frame is None or not frame.speaker:
            out.append(count)
            continue
        out.append(dataclasses.replace(
            count,
            claimant=frame.speaker,
            claimant_id=frame.speaker_id,
            as_of=count.as_of or frame.said_on,
        ))
    return tuple(out)


def frame_of(quotes: tuple[Quote, ...], start: int, end: int) -> Quote | None:
    """The innermost quote whose words hold ``start:end`` (None: the outlet's own voice)."""
    best: Quote | None = None
    for q in quotes:
        if q.start <= start and end <= q.end and (best is None or q.end - q.start < best.end - best.start):
            best = q
    return best


def carried_frame(quotes: tuple[Quote, ...], sentences: tuple[Span, ...], paras: tuple[Span, ...],
                  pos: int) -> Quote | None:
    """The reported speech a sentence with no frame of its own goes on with: the indirect quote that runs to the
    end of the sentence just before it in the same paragraph (``Teguh menyebutkan, penyidik telah memeriksa 23
    saksi. Dari jumlah itu, tiga orang telah ditetapkan sebagai tersangka.``: the three are Teguh's figure)."""
    here = sentence_at(sentences, pos)
    para = sentence_at(paras, pos)
    if here is None or para is None:
        return None
    if any(q.start < here.end and here.start < q.end for q in quotes):
        return None  # the sentence has a frame (or a quote) of its own
    before = [s for s in sentences if para.start <= s.start and s.end <= here.start]
    if not before:
        return None
    last = before[-1]
    carried = [q for q in quotes if q.kind == "indirect" and last.start <= q.start < last.end and q.end >= last.end - 2]
    return carried[-1] if carried else None


_WORD = re.compile(r"\w+(?:-\w+)*")
_MAX_RECORD_REACH = 15  # words from the record verb to the figure
_PLACE_PREPOSITIONS = frozenset({"di", "ke", "dari", "pada", "in", "at", "from", "to"})
_TYPE_RANK = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 3}


@lru_cache(maxsize=None)
def record_words() -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    """Record verbs (as word tuples, longest first) and document words of ``lang/*/record_verbs.tsv``."""
    verbs: set[tuple[str, ...]] = set()
    documents: set[str] = set()
    for lang in ("id", "en"):
        try:
            rows = load_lexicon(lang, "record_verbs")
        except LexiconError:  # a language without the lexicon adds nothing
            continue
        for form, role in rows:
            if role == "verb":
                verbs.add(tuple(form.split()))
            elif role == "document":
                documents.add(form)
    return tuple(sorted(verbs, key=len, reverse=True)), frozenset(documents)


def record_frame(article: Article, sentences: tuple[Span, ...], pos: int) -> tuple[str, str | None] | None:
    """(name, entity id) of the one whose record verb opens the clause of the figure at ``pos`` (``BPBD mencatat sekitar 3.500
    warga mengungsi``: BPBD); None when there is no such verb, or its subject names no person, organisation or
    state (``Laporan itu mencatat ...``)."""
    here = sentence_at(sentences, pos)
    if here is None:
        return None
    verbs, documents = record_words()
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(article.text, here.start, pos)]
    for k in range(len(words) - 1, -1, -1):
        if len(words) - k > _MAX_RECORD_REACH:
            return None
        verb = next((v for v in verbs if tuple(w for _, _, w in words[k:k + len(v)]) == v), None)
        if verb is None:
            continue
        between = article.text[words[k][0]:pos]
        if any(ch in between for ch in ';"\u201c\u201d'):
            return None
        return _subject_entity(article, here, words, k, documents)
    return None


def _subject_entity(article: Article, sentence: Span, words: list[tuple[int, int, str]], k: int,
                    documents: frozenset[str]) -> tuple[str, str | None] | None:
    """(name, id) of the entity named in the subject of the record verb at word ``k``: the last comma-chunk before it."""
    verb_start = words[k][0]
    chunk_start = sentence.start
    for m in re.finditer(r"[,:]", article.text[sentence.start:verb_start]):
        if article.text[sentence.start + m.end():verb_start].strip():
            chunk_start = sentence.start + m.end()
    subject = [w for w in words[:k] if w[0] >= chunk_start]
    if not subject:
        return None
    is_document = subject[0][2] in documents
    found: list[tuple[int, int, Entity]] = []
    for e in article.entities:
        for m in e.mentions:
            if chunk_start <= m.start and m.end <= verb_start:
                before = [w for w in subject if w[1] <= m.start]
                if before and before[-1][2] in _PLACE_PREPOSITIONS:
                    continue  # "Laporan yang dirilis di Jakarta": a place named in passing
                if is_document and e.type not in ("PERSON", "ORG"):
                    continue
                if e.type in _TYPE_RANK:
                    found.append((_TYPE_RANK[e.type], m.start, e))
    if found:
        best = min(found, key=lambda x: (x[0], x[1]))[2]
        return best.name, best.id
    return None if is_document else _named_phrase(article, subject)


_TRIM_ROLES = ("aux", "modal", "be", "filler", "negator", "coordinator", "subordinator")


def _named_phrase(article: Article, subject: list[tuple[int, int, str]]) -> tuple[str, None] | None:
    """A subject the entities missed but that names someone (``intelijen Teskia masih``): its words, no id."""
    from .propositions import grammar  # the stance words say which words are not part of a name

    roles = grammar().roles
    while subject and roles.get(subject[-1][2]) in _TRIM_ROLES:
        subject = subject[:-1]
    if not 0 < len(subject) <= 4 or any(roles.get(w) is not None for _, _, w in subject):
        return None
    if not any(article.text[a].isupper() for a, _, _ in subject[1:]):
        return None  # a name after the first word: "intelijen Teskia", not "Petugas gabungan"
    return article.text[subject[0][0]:subject[-1][1]], None


def register(registry) -> None:
    """Registers the ``claimants`` component."""

    @registry.register("claimants", requires=("counts", "quotes", "entities"), produces=("counts",))
    def _claimants(article: Article, resources) -> Article:
        """Claimant and date of each count, from the attribution frame of its clause."""
        return dataclasses.replace(article, counts=attribute_counts(article))


__all__ = ["attribute_counts", "frame_of", "record_frame", "register"]
