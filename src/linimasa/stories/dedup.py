"""Near-duplicate and syndicated copies: a wire story reprinted by three outlets is one source, not three.

Each article body becomes a set of overlapping word shingles (``SHINGLE_WORDS`` words), summarised by a MinHash
signature; locality-sensitive hashing (datasketch's ``MinHashLSH``) finds the pairs whose estimated Jaccard
similarity reaches the threshold without comparing every pair. Copies are grouped transitively and each points
at the earliest published member of its group (ties: the order given).

>>> from linimasa.model import Article
>>> body = "Tim SAR gabungan menemukan korban terakhir longsor di desa itu pada Kamis pagi setelah pencarian lima hari."
>>> find_duplicates([Article(id="a", text=body), Article(id="b", text=body + " (ant)")])
{'b': 'a'}
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import datetime, timezone

from datasketch import MinHash, MinHashLSH

from ..model import Article

SHINGLE_WORDS = 4
NUM_PERM = 128
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Overlapping runs of ``size`` lower-cased words (the whole text when it is shorter).

    >>> sorted(shingles("Satu dua tiga empat lima", 4))
    ['dua tiga empat lima', 'satu dua tiga empat']
    """
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def _signature(text: str) -> MinHash | None:
    found = shingles(text)
    if not found:
        return None
    signature = MinHash(num_perm=NUM_PERM, seed=1)
    signature.update_batch([s.encode("utf-8") for s in found])
    return signature


def _order_key(index: int, article: Article) -> tuple[float, int]:
    """Publication instant (UTC seconds; a bare date counts from its midnight UTC), undated last; then input order."""
    published = article.published
    if published is None:
        return (math.inf, index)
    if not isinstance(published, datetime):
        published = datetime(published.year, published.month, published.day)
    if published.tzinfo is None:
        published = published.replace(tzinfo=timezone.utc)
    return (published.timestamp(), index)


def find_duplicates(articles: Sequence[Article], threshold: float = 0.8) -> dict[str, str]:
    """Map each near-duplicate article id to the id of the earliest copy (originals are not keys)."""
    signatures = [_signature(a.text) for a in articles]
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[str, int] = {}
    for i, (article, signature) in enumerate(zip(articles, signatures)):
        if signature is None or article.id in seen:
            continue
        for key in lsh.query(signature):
            j = seen[key]
            if signatures[j].jaccard(signature) >= threshold:
                parent[root(i)] = root(j)
        lsh.insert(article.id, signature)
        seen[article.id] = i
    groups: dict[int, list[int]] = {}
    for i in seen.values():
        groups.setdefault(root(i), []).append(i)
    out: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        first = min(members, key=lambda i: _order_key(i, articles[i]))
        for i in members:
            if i != first:
                out[articles[i].id] = articles[first].id
    return out
