"""Incremental story clustering: articles about one real-world event or developing situation share a story.

Each call of :func:`assign_stories` takes the new articles and the :class:`ClusterState` left by the previous
call. It runs average-linkage agglomerative clustering over the new articles *and* the existing stories, with
one constraint: two existing stories are never merged and no existing assignment changes. A new article
therefore either joins the existing story it is closest to, or founds a new story together with other new
articles of the batch (the merge step). Fed one article at a time it is a single-pass clusterer; fed
everything at once it is plain agglomerative clustering; both give nearly the same stories.

The similarity of two clusters is

    terms + embedding_weight * max(0, embedding - embedding_floor) - day_penalty * min(gap_days, day_cap)

where ``terms`` is the mean pairwise cosine of tf-idf vectors (title, body and entity keys, see
:mod:`linimasa.stories.embed`), ``embedding`` the mean pairwise cosine of multilingual sentence embeddings
(it carries across languages, where words do not) and ``gap_days`` the smallest distance in days between
their published dates (0 when either side is undated). Between clusters that share no language (an English
and an Indonesian report), words hardly overlap, so the embedding term uses ``cross_language_weight`` and
``cross_language_floor`` instead. Mean pairwise cosines are exact from per-story sums of unit vectors, which
is all the state keeps: no per-article vectors are stored.

>>> from linimasa.model import Article
>>> mapping, state = assign_stories([Article(id="a1", text="Banjir melanda Kota Bekasi.")])
>>> mapping["a1"] == state.stories[0].id
True
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np
from scipy import sparse

from ..errors import StoreError
from ..model import Article
from .embed import EMBEDDING_DIM, ArticleFeatures, background_frequencies, featurize, weigh

STATE_VERSION = 1
_EXCLUDED = -np.inf


@dataclass(frozen=True)
class ClusterSettings:
    """The knobs of the similarity and the merge rule (kept in the state so later batches use the same)."""

    threshold: float = 0.15  # merge while the best pair of clusters is at least this similar
    linkage: str = "average"  # average: mean pairwise cosine; centroid: cosine of the clusters' centroids
    embedding_weight: float = 0.2
    embedding_floor: float = 0.5  # embedding cosines below this add nothing
    cross_language_weight: float = 0.5  # between clusters with no language in common, words barely overlap:
    cross_language_floor: float = 0.35  # the multilingual embedding carries more of the decision
    day_penalty: float = 0.005  # per day between the closest published dates
    day_cap: int = 7  # days beyond this cost no more: a developing situation can run for months
    lead_chars: int = 300  # body characters embedded after the title (the encoder's cost grows fast)
    lead_chunks: int = 4  # pieces of about lead_chars embedded and averaged (the first one with the title)
    max_terms: int = 400  # terms kept in each story's profile
    background: str = "id"  # language of the background document-frequency table ("-": none)


@dataclass(frozen=True, eq=False)
class StoryProfile:
    """What the state remembers of one story: enough to compare new articles with it."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    terms: Mapping[str, float]  # sum over articles of unit tf-idf vectors (the largest max_terms kept)
    embedding: np.ndarray  # sum over articles of unit embeddings (EMBEDDING_DIM floats; never modified)
    days: Mapping[int, int]  # date ordinal -> articles published that day
    languages: tuple[str, ...] = ()  # languages of its articles, where known

    @property
    def size(self) -> int:
        return len(self.article_ids)

    @property
    def first_day(self) -> int | None:
        return min(self.days) if self.days else None

    @property
    def last_day(self) -> int | None:
        return max(self.days) if self.days else None


@dataclass(frozen=True)
class ClusterState:
    """Everything needed to add articles later without re-clustering; JSON-safe via to_dict/from_dict."""

    settings: ClusterSettings = field(default_factory=ClusterSettings)
    documents: int = 0  # articles clustered so far
    frequencies: Mapping[str, int] = field(default_factory=dict)  # term -> articles containing it
    stories: tuple[StoryProfile, ...] = ()

    def story_of(self, article_id: str) -> str | None:
        """The story id an article was assigned to, or None."""
        for story in self.stories:
            if article_id in story.article_ids:
                return story.id
        return None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict (floats rounded to 6 places) that from_dict turns back into this state."""
        return {
            "version": STATE_VERSION,
            "settings": {f.name: getattr(self.settings, f.name) for f in fields(ClusterSettings)},
            "documents": self.documents,
            "frequencies": dict(self.frequencies),
            "stories": [{
                "id": s.id, "title": s.title, "article_ids": list(s.article_ids),
                "terms": {t: round(w, 6) for t, w in s.terms.items()},
                "embedding": np.round(s.embedding, 6).tolist(),
                "days": {str(d): n for d, n in s.days.items()},
                "languages": list(s.languages),
            } for s in self.stories],
        }

    @classmethod
    def from_dict(cls, doc: Mapping[str, Any]) -> "ClusterState":
        """Rebuild a state from to_dict output; raises StoreError naming what is wrong."""
        if not isinstance(doc, Mapping):
            raise StoreError("Cannot read the cluster state: expected a JSON object")
        if doc.get("version") != STATE_VERSION:
            raise StoreError(f"Cannot read the cluster state: version {doc.get('version')!r}, expected "
                             f"{STATE_VERSION}; rebuild the stories (re-run `linimasa analyze`)")
        where = "settings"
        try:
            known = {f.name for f in fields(ClusterSettings)}
            settings = ClusterSettings(**{k: v for k, v in (doc.get("settings") or {}).items() if k in known})
            where = "frequencies"
            frequencies = {str(t): int(n) for t, n in (doc.get("frequencies") or {}).items()}
            stories = []
            for i, s in enumerate(doc.get("stories") or ()):
                where = f"stories[{i}]"
                embedding = np.array(s["embedding"], dtype=np.float64)
                if embedding.shape != (EMBEDDING_DIM,):
                    raise ValueError(f"embedding has {len(embedding)} values, expected {EMBEDDING_DIM}")
                stories.append(StoryProfile(
                    id=str(s["id"]), title=str(s["title"]), article_ids=tuple(str(a) for a in s["article_ids"]),
                    terms={str(t): float(w) for t, w in s["terms"].items()}, embedding=embedding,
                    days={int(d): int(n) for d, n in s["days"].items()},
                    languages=tuple(str(x) for x in s.get("languages") or ())))
            return cls(settings=settings, documents=int(doc.get("documents") or 0), frequencies=frequencies,
                       stories=tuple(stories))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise StoreError(f"Cannot read the cluster state at {where}: {exc!r}") from exc


def story_id(founding_article_id: str) -> str:
    """The stable id of a story: ``s-`` and a hash of the id of the article that founded it.

    >>> story_id("idnews-1")
    's-0ad2f116d985'
    """
    return "s-" + hashlib.sha1(founding_article_id.encode("utf-8")).hexdigest()[:12]


def assign_stories(articles: Sequence[Article], state: ClusterState | None = None
                   ) -> tuple[dict[str, str], ClusterState]:
    """Assign new articles to existing or new stories; returns (article id -> story id, the new state).

    Articles the state already holds keep their story (and are reported with it); existing stories never
    merge or split. New story ids are ``story_id`` of the earliest published article founding them.
    """
    state = state or ClusterState()
    known = {a: s.id for s in state.stories for a in s.article_ids}
    result = {a.id: known[a.id] for a in articles if a.id in known}
    fresh = list({a.id: a for a in articles if a.id not in known}.values())
    if not fresh:
        return result, state
    fresh.sort(key=lambda a: (a.published_date.toordinal() if a.published_date else math.inf, a.id))
    features = featurize(fresh, state.settings.lead_chars, state.settings.lead_chunks)

    frequencies = Counter(state.frequencies)
    for f in features:
        frequencies.update(f.counts.keys())
    documents = state.documents + len(features)
    idf = _idf(state.settings.background, documents, frequencies)
    vectors = [weigh(f.counts, idf) for f in features]

    candidates = _candidates(state.stories, vectors)
    clusters = _agglomerate(state.settings, features, vectors, candidates)

    by_id = {s.id: s for s in state.stories}
    updated: dict[str, StoryProfile] = {}
    for members, story in clusters:
        items = [(features[i], vectors[i]) for i in members]
        if story is None:
            sid = story_id(items[0][0].article_id)
            profile = _grow(StoryProfile(sid, _central_title(items), (), {}, np.zeros(EMBEDDING_DIM), {}),
                            items, state.settings.max_terms)
        else:
            profile = _grow(by_id[story.id], items, state.settings.max_terms)
        updated[profile.id] = profile
        for f, _ in items:
            result[f.article_id] = profile.id
    stories = tuple(updated.get(s.id, s) for s in state.stories) + tuple(
        p for sid, p in updated.items() if sid not in by_id)
    return result, ClusterState(settings=state.settings, documents=documents, frequencies=dict(frequencies),
                                stories=stories)


# ------------------------------------------------------------------ internals

def _idf(background: str, documents: int, frequencies: Mapping[str, int]):
    total, table = background_frequencies(background) if background != "-" else (0, {})
    n = total + documents + 1

    def idf(term: str) -> float:
        return math.log(n / (table.get(term, 0) + frequencies.get(term, 0) + 1))

    return idf


def _candidates(stories: Sequence[StoryProfile], vectors: Sequence[Mapping[str, float]]
                ) -> list[StoryProfile]:
    """Existing stories sharing at least one weighted term with some new article (the others cannot score)."""
    if not stories:
        return []
    wanted = set().union(*(v.keys() for v in vectors)) if vectors else set()
    return [s for s in stories if not wanted.isdisjoint(s.terms.keys())]


def _sparse_rows(vectors: Sequence[Mapping[str, float]]) -> sparse.csr_matrix:
    """One sparse row per term vector, over their joint vocabulary."""
    vocabulary: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for vector in vectors:
        for term, weight in vector.items():
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
            data.append(weight)
        indptr.append(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(vectors), max(1, len(vocabulary))))


def _sparse_dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _day_gap(a: Sequence[int], b: Sequence[int]) -> float:
    if not a or not b:
        return 0.0
    return float(min(abs(x - y) for x in a for y in b))


def _agglomerate(settings: ClusterSettings, features: Sequence[ArticleFeatures],
                 vectors: Sequence[Mapping[str, float]], stories: Sequence[StoryProfile]
                 ) -> list[tuple[list[int], StoryProfile | None]]:
    """Constrained agglomerative clustering; returns (new-article indexes, existing story or None).

    ``terms`` and ``emb`` hold dot products of the clusters' *sums* of unit vectors, so a merge just adds two
    rows, and both mean pairwise cosine (average linkage) and centroid cosine follow from them exactly.
    """
    n, k = len(features), len(stories)
    m = n + k
    size = np.array([1.0] * n + [float(s.size) for s in stories])
    rows = _sparse_rows(list(vectors) + [s.terms for s in stories])
    terms = (rows @ rows.T).toarray()
    embeddings = np.vstack([np.stack([f.embedding for f in features]).astype(np.float64)] +
                           ([np.stack([s.embedding for s in stories])] if k else []))
    emb = embeddings @ embeddings.T
    days: list[list[int]] = [[f.day] if f.day is not None else [] for f in features] + [
        sorted(s.days) for s in stories]
    gap = np.zeros((m, m))
    for i in range(n):
        for j in range(i + 1, m):
            gap[i, j] = gap[j, i] = _day_gap(days[i], days[j])
    languages: list[set[str]] = [{f.language} if f.language else set() for f in features] + [
        set(s.languages) for s in stories]
    apart = np.array([[bool(x and y and x.isdisjoint(y)) for y in languages] for x in languages])
    locked = np.array([False] * n + [True] * k)
    alive = np.ones(m, dtype=bool)
    members: list[list[int]] = [[i] for i in range(n)] + [[] for _ in range(k)]

    def cosine(dots: np.ndarray, rows: np.ndarray | slice) -> np.ndarray:
        diagonal = np.sqrt(np.maximum(np.diag(dots), 1e-12))
        if settings.linkage == "centroid":
            return dots[rows] / np.outer(diagonal[rows], diagonal).reshape(dots[rows].shape)
        return dots[rows] / np.outer(size[rows], size).reshape(dots[rows].shape)

    def combine(rows: np.ndarray | slice) -> np.ndarray:
        similar = cosine(emb, rows)
        bonus = np.where(apart[rows],
                         settings.cross_language_weight * np.maximum(0.0, similar - settings.cross_language_floor),
                         settings.embedding_weight * np.maximum(0.0, similar - settings.embedding_floor))
        return cosine(terms, rows) + bonus - settings.day_penalty * np.minimum(gap[rows], settings.day_cap)

    score = combine(slice(None))
    score[np.outer(locked, locked)] = _EXCLUDED
    np.fill_diagonal(score, _EXCLUDED)
    while True:
        best = int(np.argmax(score))
        a, b = divmod(best, m)
        if not score[a, b] >= settings.threshold:
            break
        if locked[b] and not locked[a]:
            a, b = b, a  # keep the existing story's slot
        for dots in (terms, emb):
            self_dot = dots[a, a] + dots[b, b] + 2 * dots[a, b]
            row = dots[a] + dots[b]
            dots[a, :] = row
            dots[:, a] = row
            dots[a, a] = self_dot
        row = np.minimum(gap[a], gap[b])
        gap[a, :] = row
        gap[:, a] = row
        languages[a] |= languages[b]
        row = np.array([bool(languages[a] and y and languages[a].isdisjoint(y)) for y in languages])
        apart[a, :] = row
        apart[:, a] = row
        size[a] += size[b]
        locked[a] = locked[a] or locked[b]
        alive[b] = False
        members[a].extend(members[b])
        members[b] = []
        row = combine(np.array([a]))[0]
        row[~alive] = _EXCLUDED
        if locked[a]:
            row[locked] = _EXCLUDED
        row[a] = _EXCLUDED
        score[a, :] = row
        score[:, a] = row
        score[b, :] = _EXCLUDED
        score[:, b] = _EXCLUDED
    out = []
    for slot in np.flatnonzero(alive):
        if members[slot]:
            out.append((sorted(members[slot]), stories[slot - n] if slot >= n else None))
    return out


def _central_title(items: Sequence[tuple[ArticleFeatures, Mapping[str, float]]]) -> str:
    """The title of the article closest to the cluster's term centroid (ties: the earliest)."""
    centroid: Counter[str] = Counter()
    for _, vector in items:
        centroid.update(vector)
    best = max(range(len(items)), key=lambda i: (_sparse_dot(items[i][1], centroid), -i))
    return items[best][0].title


def _grow(profile: StoryProfile, items: Sequence[tuple[ArticleFeatures, Mapping[str, float]]],
          max_terms: int) -> StoryProfile:
    terms: Counter[str] = Counter(profile.terms)
    embedding = np.array(profile.embedding, dtype=np.float64)
    days = Counter(profile.days)
    for f, vector in items:
        terms.update(vector)
        embedding += f.embedding
        if f.day is not None:
            days[f.day] += 1
    kept = dict(sorted(terms.items(), key=lambda tw: (-tw[1], tw[0]))[:max_terms])
    return StoryProfile(id=profile.id, title=profile.title,
                        article_ids=profile.article_ids + tuple(f.article_id for f, _ in items),
                        terms=kept, embedding=embedding, days=dict(days),
                        languages=tuple(sorted(set(profile.languages).union(
                            f.language for f, _ in items if f.language))))
