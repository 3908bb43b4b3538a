"""Worded claims of one story joined when they are about the same thing.

A claim with no known predicate gets the id ``claim:<digest>`` of its first words, so "adanya retakan di
Bendungan Cikaracak", "adanya retakan" and the headline "Warga Laporkan Retakan di Bendungan Cikaracak, BPBN:
Tidak Ada Retakan" are three propositions, and one actor's denial, neither and admission land in three
one-point histories. Within a story they are joined here:

- each claim is reduced to its content words: lower-cased, no stop words (spaCy's Indonesian and English lists),
  no stance cue or function words of ``stance_cues.tsv``/``stance_words.tsv``, no words of the name of the actor
  who takes the stance, plus the ids of the entities it names; a word stands for all the ways of stripping its
  affixes (``word_affixes.tsv``: "retakan", "keretakan" and "retak" share "retak"; "cracks" and "crack");
- two claims join when at least half of the words of the smaller one are in the other, and the words they share
  that are no names (of the story's entities) are two or more (or all of the smaller one's), one of them a key
  term of the story (a word of at least two of its articles' titles, or of its only title): "adanya retakan"
  joins "Warga Laporkan Retakan di Bendungan Cikaracak"; "penanganan awal kami terlambat" does not join "kami
  bertanggung jawab menanganinya", nor "empat pulau itu kewenangan Aceh" "secara geografis, empat pulau
  tersebut ..."; joins are transitive;
- a claim with no content word left ("maupun membantah") joins the claim its actor (else anyone) takes a
  stance on in the same article, when there is one, else the claim the article's title is about;
- the joined claim is shown with the words of its most central member, preferring the body over headlines.

Predicate propositions (``send_troops(gpe:KP,gpe:RU)``) are never joined here.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from ..annotate.clause_grammar import LANGS, grammar
from ..lang import load_lexicon
from ..model import Entity

#: share of the smaller claim's words the other must hold for the two to be one claim
JOIN_OVERLAP = 0.5
_MIN_STEM = 4
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class ClaimMention:
    """One stance on a worded claim, as the story sees it."""

    proposition_id: str
    text: str
    article_id: str
    actor_id: str  # the actor group
    actor_names: tuple[str, ...] = ()  # names to leave out of the claim's words
    is_headline: bool = False


def is_claim(proposition_id: str) -> bool:
    return proposition_id.startswith("claim:")


def content_words(text: str, leave_out: Iterable[str] = (), entities: Sequence[Entity] = ()) -> frozenset[str]:
    """The words a claim is about: ``content_words("BPBN membantah adanya retakan", ["BPBN"]) == {"retakan"}``
    (with entity keys ``@<id>`` for the entities it names)."""
    stop = _stop_words()
    drop = {w.lower() for name in leave_out for w in _WORD.findall(name)}
    words = {w for w in (m.lower() for m in _WORD.findall(text)) if w not in stop and w not in drop and len(w) > 2}
    keys = set()
    for e in entities:
        forms = {e.name, *e.aliases, *(m.text for m in e.mentions if m.kind != "pronoun")}
        if any(f and len(f) > 2 and re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text) for f in forms):
            if not any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", e.name) for n in leave_out if n):
                keys.add(f"@{e.id}")
    return frozenset(words | keys)


def variants(word: str) -> frozenset[str]:
    """Every way of stripping the word's affixes, keeping at least four letters: ``"keretakan"`` ->
    ``{"keretakan", "retakan", "retak", "reta", ...}``."""
    if word.startswith("@"):
        return frozenset((word,))
    return _variants(word)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set's words that have a variant in the other set (0 when either is empty)."""
    if not a or not b:
        return 0.0
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    pool = frozenset().union(*(variants(w) for w in big))
    return sum(1 for w in small if variants(w) & pool) / len(small)


def holds(words: frozenset[str], word: str) -> bool:
    """True when ``words`` has a word sharing a variant with ``word``."""
    mine = variants(word)
    return any(variants(w) & mine for w in words)


def unify_claims(mentions: Sequence[ClaimMention], entities: Mapping[str, Sequence[Entity]] = {},
                 titles: Mapping[str, str] = {}) -> dict[str, tuple[str, str]]:
    """Claim id -> (the id of the claim it joins, that claim's text), for every claim of ``mentions``.

    ``entities`` maps an article id to its entities (for the entity keys of the claims); ``titles`` maps the
    story's article ids to their titles, whose shared words are the story's key terms."""
    keys = key_terms(list(titles.values()))
    texts: dict[str, str] = {}
    words = claim_words(mentions, entities)
    weight: Counter = Counter()
    headline: dict[str, bool] = {}
    for m in mentions:
        if is_claim(m.proposition_id):
            texts.setdefault(m.proposition_id, m.text)
            weight[m.proposition_id] += 1
            headline[m.proposition_id] = headline.get(m.proposition_id, True) and m.is_headline
    ids = sorted(words, key=lambda p: (-weight[p], p))
    parent = {p: p for p in ids}

    def find(p: str) -> str:
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    names = name_words(entities)

    def joins(a: frozenset[str], b: frozenset[str]) -> bool:
        if overlap(a, b) < JOIN_OVERLAP:
            return False
        plain_a, plain_b = plain_words(a, names), plain_words(b, names)
        shared = [w for w in plain_a if holds(plain_b, w)]
        return any(holds(keys, w) for w in shared) and len(shared) >= min(2, len(plain_a), len(plain_b))

    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if find(a) != find(b) and joins(words[a], words[b]):
                parent[find(b)] = find(a)
    for m in mentions:  # a claim with no words of its own is what its actor (else the article, its title) is about
        pid = m.proposition_id
        if pid not in words or words[pid] or find(pid) != pid or weight[pid] == 0:
            continue
        for same_actor in (True, False):
            near = {find(o.proposition_id) for o in mentions if o.article_id == m.article_id
                    and o.proposition_id in words and words[o.proposition_id]
                    and (o.actor_id == m.actor_id or not same_actor)}
            if len(near) == 1:
                parent[pid] = near.pop()
                break
        else:
            title = content_words(titles.get(m.article_id, ""), m.actor_names, entities.get(m.article_id, ()))
            fits = [(overlap(title, words[q]), find(q)) for q in ids if words[q] and joins(title, words[q])]
            if fits:
                parent[pid] = max(fits)[1]
    groups: dict[str, list[str]] = defaultdict(list)
    for p in ids:
        groups[find(p)].append(p)
    out: dict[str, tuple[str, str]] = {}
    for members in groups.values():
        best = max(members, key=lambda p: (not headline[p], bool(words[p]),
                                           sum(_jaccard(words[p], words[q]) for q in members if q != p),
                                           weight[p], -len(texts[p]), p))
        for p in members:
            out[p] = (best, _trim(texts[best]))
    return out


def name_words(entities: Mapping[str, Sequence[Entity]]) -> frozenset[str]:
    """The lower-cased words of the names of the story's entities ("bendungan", "cikaracak", "aceh")."""
    out = set()
    for found in entities.values():
        for e in found:
            for form in {e.name, *e.aliases, *(m.text for m in e.mentions if m.kind != "pronoun")}:
                out.update(w.lower() for w in _WORD.findall(form or ""))
    return frozenset(out)


def plain_words(words: frozenset[str], names: frozenset[str]) -> frozenset[str]:
    """A claim's words that are neither entity keys nor words of names: what it says about them."""
    return frozenset(w for w in words if not w.startswith("@") and w not in names)


def key_terms(titles: Sequence[str]) -> frozenset[str]:
    """The content words of at least two of the titles (of the only one, when there is one)."""
    bags = [content_words(t) for t in titles if t and t.strip()]
    if len(bags) == 1:
        return bags[0]
    return frozenset(w for i, bag in enumerate(bags) for w in bag
                     if sum(1 for j, other in enumerate(bags) if j != i and holds(other, w)) >= 1)


def _trim(text: str) -> str:
    """A claim's words without the function words and punctuation it was cut at ("..., tetapi juga belum")."""
    stop = _stop_words()
    words = list(re.finditer(r"[\w'-]+", text))
    while len(words) > 1 and words[-1].group().lower() in stop:
        words.pop()
    return text[:words[-1].end()] if words else text


def claim_words(mentions: Sequence[ClaimMention], entities: Mapping[str, Sequence[Entity]] = {}
                ) -> dict[str, frozenset[str]]:
    """Claim id -> its content words (none of the names of the actors taking a stance on it)."""
    words: dict[str, frozenset[str]] = {}
    for m in mentions:
        if is_claim(m.proposition_id):
            found = content_words(m.text, m.actor_names, entities.get(m.article_id, ()))
            pid = m.proposition_id
            words[pid] = words[pid] & found if pid in words else found
    return words


def claim_head(member_words: Sequence[frozenset[str]], share: float = 0.8) -> frozenset[str]:
    """The words a joined claim is about: those in at least ``share`` of its (non-empty) members' words."""
    members = [w for w in member_words if w]
    if not members:
        return frozenset()
    pool: Counter = Counter()
    for ws in members:
        for w in ws:
            pool[w] += 1
    head = set()
    for w in pool:
        if w in head:
            continue
        n = sum(1 for ws in members if holds(ws, w))
        if n >= share * len(members) and not any(variants(w) & variants(h) for h in head):
            head.add(w)
    return frozenset(head)


# ------------------------------------------------------------------ language data

@lru_cache(maxsize=None)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as english
    from spacy.lang.id.stop_words import STOP_WORDS as indonesian

    cues = {w for entries in grammar().cues.values() for entry in entries for w in entry[0]}
    return frozenset(indonesian) | frozenset(english) | frozenset(grammar().roles) | frozenset(cues)


@lru_cache(maxsize=None)
def _affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    prefixes, suffixes = [], []
    for lang in LANGS:
        for affix, position in load_lexicon(lang, "word_affixes"):
            (prefixes if position == "prefix" else suffixes).append(affix)
    return tuple(dict.fromkeys(prefixes)), tuple(dict.fromkeys(suffixes))


@lru_cache(maxsize=65536)
def _variants(word: str) -> frozenset[str]:
    prefixes, suffixes = _affixes()
    forms = {word}
    for _ in range(3):  # up to three suffixes ("-kan", "-nya", "-lah") and two prefixes
        forms |= {f[:-len(s)] for f in forms for s in suffixes if f.endswith(s) and len(f) - len(s) >= _MIN_STEM}
    for _ in range(2):
        forms |= {f[len(p):] for f in forms for p in prefixes if f.startswith(p) and len(f) - len(p) >= _MIN_STEM}
    return frozenset(forms)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return overlap(a, b) * min(len(a), len(b)) / max(len(a), len(b))


__all__ = ["JOIN_OVERLAP", "ClaimMention", "claim_head", "claim_words", "content_words", "holds", "is_claim",
           "key_terms", "name_words", "overlap", "plain_words", "unify_claims", "variants"]
