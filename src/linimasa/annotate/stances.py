"""Stances: who affirms, denies or neither confirms nor denies which claim, and when.

A stance comes from a cue (``lang/*/stance_cues.tsv``) and its voice:

- active: ``Korut membantah laporan itu`` (actor before the cue, claim after it);
- passive: ``... namun dibantah oleh Pyongyang dan Moskow`` (claim before, actors after);
- phrase: a verdict such as ``rumor yang tidak berdasar`` or ``tidak benar``, whose actor is the speaker of the
  quote it stands in, or the actor of the verb that governs it (``menyebut klaim itu sebagai hoaks``);
- assert: ``AS mengatakan Korut telah mengirim 3.000 tentara`` is a stance only when what is said holds a known
  predicate; it affirms, or denies when that predicate is negated (``tidak pernah mengirimkan pasukan``).

A negator before a cue turns it (``tidak membantahnya`` is neither, ``menolak berkomentar`` is neither), and
``tidak mengonfirmasi maupun membantah`` is one neither. The actor is a canonical entity (a capital or seat of
government acting stands for its state); pronouns are resolved to the nearest fitting actor; first-person
pronouns and verdicts inside a quote belong to the quote's speaker. The claim is a canonical
:class:`~linimasa.annotate.propositions.Proposition`; a claim referred to only by "laporan tersebut" or "-nya"
inherits the nearest earlier proposition, else the article's main one.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

from ..lang import load_lexicon
from ..model import Article, Quote, Stance
from .propositions import (LANGS, Actor, Proposition, Token, actor_index, article_actors, claim_proposition,
                           find_propositions, grammar, main_proposition, title_propositions, tokenize)
from .sentences import paragraphs, split_sentences

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_MAX_PHRASE_ACTOR = 5  # words: a subject with no entity in it ("pemilik kios") may be the actor


@dataclass(frozen=True, slots=True)
class Cue:
    """A stance cue found in the text (token indexes, inclusive)."""

    first: int
    last: int
    words: str
    stance: str | None  # after negation; None: the cue says nothing here
    voice: str  # active | passive | phrase | assert
    is_negated: bool = False
    is_anaphoric: bool = False  # "membantahnya": the claim is referred to, not stated


def find_cues(tokens: Sequence[Token], lo: int, hi: int) -> list[Cue]:
    """Stance cues in tokens ``lo..hi``, longest match first, with negation and coordination applied."""
    g = grammar()
    out: list[Cue] = []
    i = lo
    while i < hi:
        word = tokens[i].text
        match, anaphoric = None, False
        for entry in g.cues.get(word, ()):
            n = len(entry[0])
            if i + n <= hi and tuple(t.text for t in tokens[i:i + n]) == entry[0]:
                match = entry
                break
        if match is None and word.endswith("nya") and len(word) > 6:
            match = next((e for e in g.cues.get(word[:-3], ()) if len(e[0]) == 1), None)
            anaphoric = match is not None
        if match is None:
            i += 1
            continue
        words, stance, negated_stance, voice = match
        n = len(words)
        negated = g.roles.get(words[0]) != "negator" and _negated(tokens, i, lo)
        # "tidak mengonfirmasi maupun membantah": the second cue belongs to the first
        if out and out[-1].is_negated and i - out[-1].last <= 2 and g.roles.get(tokens[i - 1].text) == "coordinator":
            i += n
            continue
        value = negated_stance if negated else stance
        if value not in ("-", None) and _pending(tokens, i, lo):  # "belum mengakui": not yet, so neither
            value = "neither"
        out.append(Cue(i, i + n - 1, " ".join(t.text for t in tokens[i:i + n]), None if value == "-" else value,
                       voice, negated, anaphoric))
        i += n
    return out


@lru_cache(maxsize=None)
def _aspects() -> dict[tuple[str, ...], tuple[str, str]]:
    """``stance_aspects.tsv`` of every language: words -> (aspect, reach)."""
    out: dict[tuple[str, ...], tuple[str, str]] = {}
    for lang in LANGS:
        for form, aspect, reach in load_lexicon(lang, "stance_aspects"):
            out.setdefault(tuple(form.split()), (aspect, reach))
    return out


@dataclass(frozen=True, slots=True)
class _Figures:
    """``figure_claims.tsv`` of every language."""

    measures: dict[str, str]  # series unit -> predicate class its figures speak to
    exist: tuple[tuple[str, ...], ...]  # having/being words, longest first
    absent: frozenset[str]  # "no" right after an exist word
    quantifiers: tuple[tuple[str, ...], ...]  # "satu pun", "any": words between exist and the noun


@lru_cache(maxsize=None)
def _figures() -> _Figures:
    measures: dict[str, str] = {}
    exist: set[tuple[str, ...]] = set()
    absent: set[str] = set()
    quantifiers: set[tuple[str, ...]] = set()
    for lang in LANGS:
        for form, role, predicate in load_lexicon(lang, "figure_claims"):
            if role == "measure":
                measures.setdefault(form, predicate)
            elif role == "exist":
                exist.add(tuple(form.split()))
            elif role == "absent":
                absent.add(form)
            elif role == "quantifier":
                quantifiers.add(tuple(form.split()))
    longest = lambda xs: tuple(sorted(xs, key=len, reverse=True))  # noqa: E731
    return _Figures(measures, longest(exist), frozenset(absent), longest(quantifiers))


def _aspect_before(tokens: Sequence[Token], lo: int, hi: int, aspect: str) -> list[tuple[int, int, str]]:
    """(first, last, reach) of each ``aspect`` word of ``stance_aspects.tsv`` in tokens ``lo..hi``."""
    found = []
    for words, (kind, reach) in _aspects().items():
        if kind != aspect:
            continue
        n = len(words)
        for k in range(lo, hi - n + 1):
            if tuple(t.text for t in tokens[k:k + n]) == words:
                found.append((k, k + n - 1, reach))
    return found


def _pending(tokens: Sequence[Token], i: int, lo: int) -> bool:
    """True when "not yet" (``belum``, ``not yet``, ``yet to``) stands before the cue at ``i``, with nothing but
    auxiliaries and negators between ("belum juga mengakui")."""
    roles = grammar().roles
    for _, last, _ in _aspect_before(tokens, max(lo, i - 5), i, "pending"):
        if all(roles.get(t.text) in ("aux", "modal", "be", "negator") for t in tokens[last + 1:i]):
            return True
    return False


def is_retrospective(article: Article, stance: Stance) -> bool:
    """True when the stance's clause reports it as taken earlier ("Sebelumnya, BPBN membantah ...", "pekan lalu
    membantah", "had denied"): a ``retrospective`` word of ``stance_aspects.tsv`` between the clause start (the
    sentence start or the previous cue) and the cue, not right after a negator ("tidak pernah"); a ``subclause``
    word ("setelah perusahaan menyebut laporan itu hoaks") only with no comma between it and the cue.
    Stories use it to place an undated stance before the article's day."""
    if not stance.cue:
        return False
    tokens = tokenize(article.text, stance.start, stance.end)
    if not tokens:
        return False
    cues = find_cues(tokens, 0, len(tokens))
    wanted = stance.cue.lower().split()
    at = next((n for n, c in enumerate(cues) if c.words.split() == wanted), None)
    if at is None:
        return False
    cue = cues[at]
    lo = cues[at - 1].last + 1 if at > 0 else 0
    roles = grammar().roles
    for first, last, reach in _aspect_before(tokens, 0, cue.first, "retrospective"):
        if reach != "subclause" and first < lo:
            continue  # a subclause word opens the clause that holds the cue and any earlier cue of it
        if first > 0 and roles.get(tokens[first - 1].text) == "negator":
            continue
        between = [t.text for t in tokens[last + 1:cue.first]]
        if reach == "adjacent" and any(roles.get(w) not in ("aux", "negator") for w in between):
            continue
        if reach == "subclause" and re.search(r"[,;:]", article.text[tokens[last].end:tokens[cue.first].start]):
            continue  # "Setelah diperiksa, polisi membantah": the cue is in the main clause, not in the earlier one
        return True
    return False


def _negated(tokens: Sequence[Token], i: int, lo: int) -> bool:
    roles = grammar().roles
    j, skipped = i - 1, 0
    while j >= lo and skipped <= 3:
        role = roles.get(tokens[j].text)
        if role == "negator":
            return True
        if role not in ("aux", "modal", "be"):
            return False
        j -= 1
        skipped += 1
    return False


class _Reader:
    """Everything one article's stance search needs, computed once."""

    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.tokens = tokenize(self.text)
        self.starts = [t.start for t in self.tokens]
        self.actors = article_actors(article)
        self.at = actor_index(self.tokens, self.actors)
        self.sentences = split_sentences(self.text)
        self.ranges = [self._token_range(s.start, s.end) for s in self.sentences]
        self.props = [find_propositions(self.tokens, self.at, lo, hi) for lo, hi in self.ranges]
        title = title_propositions(article, article.entities) if article.title else []
        self.main = main_proposition([*title, *title, *(p for ps in self.props for p in ps)])
        self.title_claim = claim_proposition(article.title, 0, len(article.title)) if article.title else None
        self.paragraph_of = self._paragraphs()
        self.quotes = sorted(article.quotes, key=lambda q: q.start)
        self.entity_names = {e.id: e.name for e in article.entities}
        self.recent: list[tuple[int, tuple[Actor, ...]]] = []  # actors of earlier stances, for pronouns

    def _token_range(self, start: int, end: int) -> tuple[int, int]:
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def _paragraphs(self) -> list[int]:
        paras = paragraphs(self.text)
        ends = [p.end for p in paras]
        return [min(bisect.bisect_left(ends, s.start + 1), len(paras) - 1) if paras else 0 for s in self.sentences]

    def quote_at(self, offset: int) -> Quote | None:
        """The innermost quote holding ``offset`` (a quoted phrase inside reported speech is the quote's own)."""
        best = None
        for q in self.quotes:
            if q.start <= offset < q.end and (best is None or q.end - q.start < best.end - best.start):
                best = q
        return best

    def reported_by(self, si: int, cue_start: int, cue_end: int) -> Quote | None:
        """The indirect quote whose speaker stands before ``cue_start`` and whose content starts after ``cue_end``
        in sentence ``si``: the reported speech an active cue opens."""
        sentence = self.sentences[si]
        for q in self.quotes:
            if q.kind == "indirect" and q.speaker and q.speaker_end is not None \
                    and sentence.start <= (q.speaker_start or 0) and q.speaker_end <= cue_start \
                    and cue_end <= q.start < sentence.end:
                return q
        return None

    def speaker(self, quote: Quote) -> Actor | None:
        if not quote.speaker and not quote.speaker_id:
            return None
        start = quote.speaker_start if quote.speaker_start is not None else quote.start
        if quote.speaker_id:
            for a in self.actors:  # the mention gives the acting entity (a spokesperson's state stays a person)
                if a.start <= start < a.end:
                    return a
        # an unnamed speaker keeps its description ("seorang pejabat Jepang"), with the actor it speaks for
        name = quote.speaker if quote.description else self.entity_names.get(quote.speaker_id or "", quote.speaker or "")
        return Actor(start, quote.speaker_end or start, quote.speaker_id, name or quote.speaker or "", None)


def find_stances(article: Article) -> tuple[Stance, ...]:
    """Stances of the actors of ``article`` towards canonical propositions, in text order."""
    r = _Reader(article)
    found: list[tuple[int, Stance]] = []
    for si, sentence in enumerate(r.sentences):
        lo, hi = r.ranges[si]
        cues = find_cues(r.tokens, lo, hi)
        resolved: list[tuple[Cue, tuple[Actor, ...]]] = []
        for ci, cue in enumerate(cues):
            quote = r.quote_at(r.tokens[cue.first].start)
            actors = _actors(r, si, cue, resolved, quote)
            resolved.append((cue, actors))
            if cue.stance is None or not actors:
                continue
            if cue.voice == "assert" and any(c.voice != "assert" for c in cues[ci + 1:]):
                continue  # "X mengatakan laporan itu hoaks": the verdict decides
            found_prop = _proposition(r, si, ci, cues, quote)
            if found_prop is None:
                # "X menegaskan Kordavia tidak memiliki satu pun personel militer di Azmaran": a denied presence
                absent = _absence(r, cue.last + 1, _cue_end(r, si, ci, cues, quote)) \
                    if cue.voice == "assert" and cue.stance == "affirms" else None
                if absent is None:
                    continue
                prop, stance = absent, "denies"
            else:
                prop, stated = found_prop
                stance = cue.stance
                if stated and prop.is_negated and not prop.is_modal and stance in ("affirms", "denies"):
                    stance = "denies" if stance == "affirms" else "affirms"
            prop = _fill_agent(r, prop, actors, cue)
            r.recent.append((r.tokens[cue.first].start, actors))
            when = _date_of(r, sentence.start, sentence.end, r.tokens[cue.first].start, quote)
            for actor in actors:
                found.append((si, Stance(sentence.start, sentence.end, actor.name, actor.entity_id,
                                         prop.text(_lang(article)), prop.id, stance, when, cue.words)))
    found.extend(_quote_stances(r, {(si, s.actor_id or s.actor) for si, s in found}))
    found.extend(_figure_stances(r))
    return _settle(found)


def _lang(article: Article) -> str:
    return "en" if (article.language or "").startswith("en") else "id"


# ------------------------------------------------------------------ actors

def _actors(r: _Reader, si: int, cue: Cue, resolved, quote: Quote | None) -> tuple[Actor, ...]:
    lo, hi = r.ranges[si]
    if quote is not None:
        qlo, qhi = r._token_range(quote.start, quote.end)
        lo, hi = max(lo, qlo), min(hi, qhi)
    prev = resolved[-1] if resolved and resolved[-1][0].last >= r.ranges[si][0] else None
    if cue.voice == "passive":
        return _actors_after(r, cue.last + 1, hi)
    if cue.voice == "phrase":
        if prev is not None:  # the verb that governs the verdict: "X menyebut klaim itu hoaks"
            return prev[1]
        if quote is not None:
            speaker = r.speaker(quote)
            return (speaker,) if speaker else ()
        return tuple(a for a in _subject(r, si, lo, cue.first, None) or () if a.entity_id)
    region_lo = max(prev[0].last + 1, lo) if prev is not None else lo  # inside a quote, its subject is there too
    reported = r.reported_by(si, r.tokens[cue.first].start, r.tokens[cue.last].end) if quote is None else None
    if reported is not None and reported.description:
        # "Tim pemenangan paslon ... dalam Pilkada Kutai Barat menuding ...": the quotes component found the speaker
        # is the description, not a name inside it
        return (r.speaker(reported),)
    if prev is not None and _refers_to_previous(r, region_lo, cue.first):
        return prev[1]  # "X mengatakan mereka memiliki bukti", "X menyampaikan surat protes, menyebut ..."
    subject = _subject(r, si, region_lo, cue.first, quote, last_chunk_only=prev is not None)
    if subject is None and quote is not None:  # "belum bisa komentar," kata X: the speaker's own words
        speaker = r.speaker(quote)
        return (speaker,) if speaker else ()
    if not subject and reported is not None:
        # a subject with no name the actors know ("Warga Desa Sukamaju menuding ..."): the speaker the quotes
        # component resolved for the reported speech this cue opens
        return (r.speaker(reported),)
    return subject or ()


def _subject(r: _Reader, si: int, lo: int, hi: int, quote: Quote | None, *, last_chunk_only: bool = False
             ) -> tuple[Actor, ...] | None:
    """The actor(s) of the clause ending just before token ``hi``: the last comma-chunk that names someone;
    None when nothing but function words stands there (an unsaid subject)."""
    g = grammar()
    tokens = r.tokens
    while hi > lo and g.roles.get(tokens[hi - 1].text) in ("aux", "negator", "modal", "be", "filler", "coordinator",
                                                           "subordinator"):
        hi -= 1
    if hi <= lo:
        return None
    chunks = _chunks(r, lo, hi)
    if last_chunk_only:
        chunks = chunks[-1:]
    for n in range(len(chunks) - 1, -1, -1):
        a, b = chunks[n]
        while a < b and g.roles.get(tokens[a].text) in ("filler", "coordinator", "aux", "subordinator"):
            a += 1
        if a >= b and last_chunk_only:
            return ()
        if a >= b or _is_date(r, tokens[a].start, tokens[b - 1].end):
            continue
        mentions = [(k, r.at[k]) for k in range(a, b) if k in r.at
                    and (k == a or g.roles.get(tokens[k - 1].text) != "preposition")]
        if mentions:
            picked = _head_and_conjuncts(r, mentions, a, b)
            for c in range(n - 1, -1, -1):  # "Ukraina, AS dan sekutu Barat": earlier list items
                ca, cb = chunks[c]
                only = [r.at[k] for k in range(ca, cb) if k in r.at]
                words = [t for t in tokens[ca:cb] if g.roles.get(t.text) not in ("coordinator", "filler")]
                if len(only) == 1 and len(words) == len(tokenize(r.text, only[0].start, only[0].end)):
                    picked.insert(0, only[0])
                else:
                    break
            return _unique(picked)
        role = g.roles.get(tokens[a].text)
        if role in ("pronoun", "pronoun_group", "pronoun_self"):
            return _antecedent(r, si, role, tokens[a].start, quote)
        if n > 0 and _plain_word(tokens[a].text) and _is_name(r, *chunks[n - 1]):  # "Michèle Cals, direktur rumah sakit, mengaku"
            a, b = chunks[n - 1]
        if (b - a >= 2 or _proper_noun(r, a)) and b - a <= _MAX_PHRASE_ACTOR \
                and all(_plain_word(t.text) for t in tokens[a:b]):
            return (_phrase_actor(r, a, b),)
        return ()
    return ()


def _proper_noun(r: _Reader, k: int) -> bool:
    """A one-word subject is a name when the article also writes it capitalised inside a sentence."""
    word = r.text[r.tokens[k].start:r.tokens[k].end]
    if not word[:1].isupper():
        return False
    return any(re.search(rf"[a-z,]\s+{re.escape(word)}\b", r.text[s.start:s.end]) for s in r.sentences)


def _is_name(r: _Reader, a: int, b: int) -> bool:
    """A chunk of one to four capitalised words (a name no entity was found for)."""
    words = r.tokens[a:b]
    return 0 < len(words) <= 4 and all(r.text[t.start].isupper() for t in words)


def _phrase_actor(r: _Reader, a: int, b: int) -> Actor:
    """An actor named by a phrase, not an entity: "pemilik kios", or a name the entities missed."""
    start, end = r.tokens[a].start, r.tokens[b - 1].end
    return Actor(start, end, None, r.text[start:end], "PERSON" if _is_name(r, a, b) else None, "phrase")


def _plain_word(word: str) -> bool:
    """A word that may be part of a descriptive actor ("pemilik kios"): no function word, no number."""
    return grammar().roles.get(word) in (None, "role") and not any(ch.isdigit() for ch in word)


def _is_date(r: _Reader, start: int, end: int) -> bool:
    """True when a time expression covers most of ``start..end`` (", Senin (28/4/2025),")."""
    covered = sum(max(0, min(end, t.end) - max(start, t.start)) for t in r.article.timexes)
    return covered >= 0.6 * (end - start)


def _refers_to_previous(r: _Reader, lo: int, hi: int) -> bool:
    """True when the words between two cues leave the second one's subject unsaid or say it with a pronoun."""
    roles = grammar().roles
    last = _chunks(r, lo, hi)[-1]
    words = [t.text for t in r.tokens[last[0]:last[1]]
             if roles.get(t.text) not in ("aux", "negator", "modal", "be", "filler", "coordinator", "subordinator")]
    return not words or (len(words) == 1 and roles.get(words[0]) in ("pronoun", "pronoun_group"))


def _chunks(r: _Reader, lo: int, hi: int) -> list[tuple[int, int]]:
    """Split tokens ``lo..hi`` at commas, colons, semicolons and subordinators ("ketika", "setelah"); a comma
    right before token ``hi`` leaves an empty last chunk ("Kim Hong Kyun, memperingatkan")."""
    roles = grammar().roles
    out, start = [], lo
    for k in range(lo + 1, hi):
        between = r.text[r.tokens[k - 1].end:r.tokens[k].start]
        if any(ch in between for ch in ",;:") or roles.get(r.tokens[k].text) == "subordinator":
            out.append((start, k))
            start = k
    out.append((start, hi))
    if hi < len(r.tokens) and any(ch in r.text[r.tokens[hi - 1].end:r.tokens[hi].start] for ch in ",;:"):
        out.append((hi, hi))
    return out


def _head_and_conjuncts(r: _Reader, mentions, a: int, b: int) -> list[Actor]:
    """The head of a subject (a person if one is named, else the first name) and the names joined to it."""
    roles = grammar().roles
    persons = [(k, m) for k, m in mentions if m.type == "PERSON"]
    k0, head = (persons or mentions)[0]
    follower = next(((k, m) for k, m in mentions if k > k0), None)
    if (head.type == "ORG" and follower and follower[1].type == "GPE"
            and not r.text[head.end:follower[1].start].strip()):
        k0, head = follower  # a state's organ acts for the state: "Badan Intelijen Korsel"
    picked = [head]
    last_k = k0
    for k, m in mentions:
        if k <= k0:
            continue
        between = [t.text for t in r.tokens[last_k + 1:k] if t.start >= head.end]
        if any(roles.get(w) == "coordinator" for w in between) and len(between) <= 4:
            picked.append(m)
            last_k = k
    return picked


def _actors_after(r: _Reader, lo: int, hi: int) -> tuple[Actor, ...]:
    """Actors after a passive cue: ``dibantah oleh Pyongyang dan Moskow``."""
    roles = grammar().roles
    k = lo
    while k < hi and k not in r.at and (r.tokens[k].text in ("oleh", "by") or roles.get(r.tokens[k].text) == "aux"):
        k += 1
    if k not in r.at:
        return ()
    picked = [r.at[k]]
    j = k + 1
    while j < hi:
        if j in r.at and r.at[j].start >= picked[-1].end:
            if not any(roles.get(t.text) == "coordinator" for t in r.tokens[k + 1:j]):
                break
            picked.append(r.at[j])
            k = j
        elif r.tokens[j].start >= picked[-1].end and roles.get(r.tokens[j].text) not in ("coordinator",):
            break
        j += 1
    return _unique(picked)


def _antecedent(r: _Reader, si: int, role: str, offset: int, quote: Quote | None) -> tuple[Actor, ...]:
    """Who a pronoun stands for: a name earlier in the same sentence; else, for "ia"/"dia", the nearest person
    named or speaking; for "mereka"/"pihaknya", the actor of a recent stance or the speaker of a recent quote,
    else the nearest fitting name (three sentences back at most)."""
    if role == "pronoun_self":
        speaker = r.speaker(quote) if quote is not None else None
        return (speaker,) if speaker else ()
    here = r.sentences[si].start
    floor = r.sentences[max(0, si - 3)].start
    mentions = [(a.start, (a,)) for a in r.actors if a.kind != "pronoun" and _fits(role, (a,))]
    same = [m for m in mentions if here <= m[0] < offset]
    if same:
        return same[-1][1]
    salient = [(pos, actors) for pos, actors in r.recent if floor <= pos < offset and _fits(role, actors)]
    for q in r.quotes:
        s = r.speaker(q)
        pos = q.speaker_start if q.speaker_start is not None else q.start
        if s and floor <= pos < offset and _fits(role, (s,)):
            salient.append((pos, (s,)))
    earlier = [m for m in mentions if floor <= m[0] < offset]
    if role == "pronoun":  # "ia", "dia": the nearest person, named or speaking
        candidates = salient + earlier
        return max(candidates, key=lambda x: x[0])[1] if candidates else ()
    if salient:  # "mereka", "pihaknya": the group that spoke last, not the last place named
        return max(salient, key=lambda x: x[0])[1]
    return earlier[-1][1] if earlier else ()


def _fits(role: str, actors: tuple[Actor, ...]) -> bool:
    if role == "pronoun":
        return len(actors) == 1 and actors[0].type == "PERSON"
    return len(actors) > 1 or actors[0].type in ("ORG", "GPE", None)


def _unique(actors) -> tuple[Actor, ...]:
    seen, out = set(), []
    for a in actors:
        key = a.entity_id or a.name
        if key not in seen:
            seen.add(key)
            out.append(a)
    return tuple(out)


# ------------------------------------------------------------------ propositions

def _proposition(r: _Reader, si: int, ci: int, cues: list[Cue], quote: Quote | None
                 ) -> tuple[Proposition, bool] | None:  # None: an assertion of nothing known
    """The claim a cue is about, and whether it was stated in the cue's own clause."""
    cue = cues[ci]
    lo, hi = r.ranges[si]
    if quote is not None:
        qlo, qhi = r._token_range(quote.start, quote.end)
        lo, hi = max(lo, qlo), min(hi, qhi)
    if cue.voice in ("active", "assert"):
        end = cues[ci + 1].first if ci + 1 < len(cues) else hi
        stated = [p.completed(r.main) for p in find_propositions(r.tokens, r.at, cue.last + 1, end)]
        if cue.voice == "assert":  # only a specific, factual claim makes "X mengatakan ..." a stance
            stated = [p for p in stated if not p.is_modal and (p.agent_id or p.target_id)]
            return (stated[0], True) if stated else None
        if stated and not (stated[0].agent_id or stated[0].target_id or stated[0].is_modal) and not cue.is_anaphoric:
            stated = []  # "membantah melarang ...": a bare predicate says too little; keep the words
        if stated and stated[0].is_modal:  # "mengaku tidak bisa menyanksi ...": a claim about ability or plans
            return claim_proposition(r.text, r.tokens[cue.last + 1].start, r.tokens[end - 1].end), True
        if stated:
            return stated[0], True
        elsewhere = [p for p in r.props[si] if not p.is_modal]
        if elsewhere:  # "Terkait laporan pengiriman pasukan Korut, Rusia tidak memberikan konfirmasi"
            return elsewhere[0].completed(r.main), False
        if not cue.is_anaphoric and not _refers_back(r, cue.last + 1, end):
            return claim_proposition(r.text, r.tokens[cue.last + 1].start, r.tokens[end - 1].end), True
    else:
        start = cues[ci - 1].last + 1 if ci > 0 and cue.voice == "phrase" else lo
        stated = find_propositions(r.tokens, r.at, start, cue.first)
        if stated:
            return stated[-1].completed(r.main), False
        end = cues[ci + 1].first if ci + 1 < len(cues) else hi
        if cue.voice == "phrase" and cue.stance != "neither" and start == cue.first and end - cue.last > 3:
            # "Ya benar, terjadi ledakan di ...": a verdict that opens its clause is about what follows (a hedge
            # such as "Mari kita tunggu saja, ..." is not: its claim is the one asked about, referred back to)
            after = find_propositions(r.tokens, r.at, cue.last + 1, end)
            if after:
                return after[0].completed(r.main), True
            return claim_proposition(r.text, r.tokens[cue.last + 1].start, r.tokens[end - 1].end), True
    inherited = _inherit(r, si)
    if inherited is None:  # nothing to refer back to: the sentence itself is the claim
        sentence = r.sentences[si]
        inherited = claim_proposition(r.text, sentence.start, sentence.end)
    return inherited, False


def _refers_back(r: _Reader, lo: int, hi: int) -> bool:
    """True when the claim after a cue is only referred to: nothing, "laporan tersebut", "hal itu", "klaim AS"."""
    roles = grammar().roles
    words = [t.text for t in r.tokens[lo:hi]]
    if all(roles.get(w) is not None for w in words[:3]) and len(words) <= 3:
        return True  # nothing but function words ("maupun bantahan" aside)
    return roles.get(words[0]) in ("report", "demonstrative", "pronoun", "pronoun_group") or len(words) <= 1


def _inherit(r: _Reader, si: int) -> Proposition | None:
    """A referred-to claim: this sentence's, the nearest earlier one's (two back) that says who or what, the
    paragraph's, the article's."""
    for k in (si, si - 1, si - 2):
        if k >= 0 and r.props[k]:
            known = [p.completed(r.main) for p in r.props[k] if not p.is_modal] or [r.props[k][0]]
            if k < si and r.main is not None and not any(_specific(p) for p in known):
                continue  # "14 drone serang ...": a bare predicate of an earlier sentence is not what is referred to
            return next((p for p in known if r.main is not None and p.id == r.main.id), known[0])
    para = r.paragraph_of[si]
    local = main_proposition(p for k, ps in enumerate(r.props) if r.paragraph_of[k] == para for p in ps)
    return (local.completed(r.main) if local else None) or r.main or r.title_claim


def _specific(prop: Proposition) -> bool:
    """A proposition that says who or what (an agent or a target), or a worded claim."""
    return bool(prop.agent_id or prop.target_id or prop.predicate == "claim")


def _fill_agent(r: _Reader, prop: Proposition, actors: tuple[Actor, ...], cue: Cue) -> Proposition:
    """``Korut mengakui telah mengirim tentara``: the unstated agent of a verb right after an active cue is the
    actor itself (not after "mengatakan", whose clause has its own subject)."""
    if prop.predicate == "claim" or prop.agent_id or cue.voice != "active" or not actors[0].entity_id:
        return prop
    roles = grammar().roles
    k = cue.last + 1
    while k < len(r.tokens) and roles.get(r.tokens[k].text) in ("aux", "negator", "be"):
        k += 1
    if k >= len(r.tokens) or r.tokens[k].start != prop.start:
        return prop
    if grammar().triggers.get(r.tokens[k].text, {}).get(prop.predicate) != "trigger":
        return prop
    if actors[0].entity_id == prop.target_id:
        return prop
    return dataclasses.replace(prop, agent_id=actors[0].entity_id, agent=actors[0].name)


def _quote_stances(r: _Reader, taken: set) -> list[tuple[int, Stance]]:
    """A direct quote whose words hold a known predicate is its speaker's assertion (or denial, when negated)."""
    out = []
    for q in r.quotes:
        speaker = r.speaker(q)
        if q.kind != "direct" or speaker is None or not speaker.entity_id:
            continue  # indirect quotes are the assert cues' work
        lo, hi = r._token_range(q.start, q.end)
        props = [p for p in find_propositions(r.tokens, r.at, lo, hi)
                 if not p.is_modal and (p.agent_id or p.target_id)]
        if not props:
            continue
        si = max(0, bisect.bisect_right([s.start for s in r.sentences], q.start) - 1)
        if (si, speaker.entity_id or speaker.name) in taken:
            continue
        prop = props[0].completed(r.main)
        stance = "denies" if prop.is_negated else "affirms"
        when = _date_of(r, q.start, q.end, q.start, q)
        out.append((si, Stance(q.start, q.end, speaker.name, speaker.entity_id, prop.text(_lang(r.article)),
                               prop.id, stance, when, q.cue or "quote")))
    return out


# ------------------------------------------------------------------ figures as stances

def _cue_end(r: _Reader, si: int, ci: int, cues: list[Cue], quote: Quote | None) -> int:
    """The token after the words a cue governs: the next cue, the quote's end or the sentence's end."""
    hi = r.ranges[si][1]
    if quote is not None:
        hi = min(hi, r._token_range(quote.start, quote.end)[1])
    return cues[ci + 1].first if ci + 1 < len(cues) else hi


def _match(tokens: Sequence[Token], k: int, hi: int, forms: tuple[tuple[str, ...], ...]) -> int:
    """How many tokens from ``k`` one of ``forms`` covers (0: none)."""
    for form in forms:
        n = len(form)
        if k + n <= hi and tuple(t.text for t in tokens[k:k + n]) == form:
            return n
    return 0


def _measure_at(tokens: Sequence[Token], k: int, hi: int) -> tuple[str, int] | None:
    """(predicate, words) of the counted noun at token ``k`` whose series unit speaks to a predicate class
    (``personel militer`` -> troops -> send_troops)."""
    units, measures = grammar().units, _figures().measures
    for n in (2, 1):
        if k + n <= hi:
            unit = units.get(" ".join(t.text for t in tokens[k:k + n]))
            if unit in measures:
                return measures[unit], n
    return None


def _absence(r: _Reader, lo: int, hi: int) -> Proposition | None:
    """A denied presence in tokens ``lo..hi``: ``tidak memiliki satu pun personel militer di Azmaran``, ``tidak
    ada tentara kami di ...``, ``has no troops in ...``: the claim of the counted noun's predicate class, with the
    name before the negator as agent and a name after a preposition as target (else the article's main claim's)."""
    f, roles = _figures(), grammar().roles
    for k in range(lo, hi):
        noun = None
        if roles.get(r.tokens[k].text) == "negator":
            j = k + 1
            while j < hi and not _match(r.tokens, j, hi, f.exist) and roles.get(r.tokens[j].text) in ("aux", "be"):
                j += 1
            n = _match(r.tokens, j, hi, f.exist)
            noun = j + n if n else None
        else:
            n = _match(r.tokens, k, hi, f.exist)
            if n and k + n < hi and r.tokens[k + n].text in f.absent:  # "has no troops"
                noun = k + n + 1
        if noun is None:
            continue
        q = _match(r.tokens, noun, hi, f.quantifiers)
        while q:
            noun += q
            q = _match(r.tokens, noun, hi, f.quantifiers)
        measure = _measure_at(r.tokens, noun, hi)
        if measure is None:
            continue
        predicate, n = measure
        agent = next((r.at[a] for a in range(k - 1, lo - 1, -1) if a in r.at and r.at[a].entity_id), None)
        target = _target_after(r, noun + n, hi, agent)
        prop = Proposition(predicate, agent.entity_id if agent else None, agent.name if agent else None,
                           target.entity_id if target else None, target.name if target else None,
                           r.tokens[k].start, r.tokens[hi - 1].end)
        return prop.completed(r.main)
    return None


def _target_after(r: _Reader, lo: int, hi: int, agent: Actor | None) -> Actor | None:
    """The name right after the first preposition in tokens ``lo..hi`` (``di Azmaran``), not the agent."""
    roles = grammar().roles
    for k in range(lo, hi - 1):
        if roles.get(r.tokens[k].text) == "preposition":
            a = r.at.get(k + 1)
            if a is not None and a.entity_id and (agent is None or a.entity_id != agent.entity_id):
                return a
            return None
    return None


def _figure_stances(r: _Reader) -> list[tuple[int, Stance]]:
    """A claimant who gives a figure of the thing a predicate class is about (``Menurut Badan Intelijen Teskia,
    jumlah penasihat militer Kordavia kini lebih dari enam ratus orang``) affirms that claim: the sentence's claim
    of that class, else the article's main claim when it has the class, else the article's most frequent claim of
    the class, else the claim built from the counted thing (its owner as agent). Not in a sentence with a verdict
    cue (``membantah laporan 500 tentara``), not for a figure in a negated claim."""
    counts = [c for c in r.article.counts if c.claimant_id or _named(c.claimant)]
    if not counts:
        return []
    units, measures = grammar().units, _figures().measures
    bare: dict[str, str] = {}  # "penasihat" reads as "penasihat militer" in an article that counts those
    whats = [" ".join(t.text for t in tokenize(c.what or "")) for c in r.article.counts]
    for form, unit in units.items():
        if " " in form and any(f" {form} " in f" {w} " for w in whats):
            bare.setdefault(form.split()[0], unit)
    starts = [s.start for s in r.sentences]
    disputed = _disputed_units(r, starts)
    out, seen = [], set()
    for c in counts:
        words = [t.text for t in tokenize(c.what or c.unit or "")]
        unit = next((units.get(f"{a} {b}") for a, b in zip(words, words[1:]) if f"{a} {b}" in units), None) \
            or next((units[w] for w in words if w in units), None) or (bare.get(words[0]) if words else None)
        predicate = measures.get(unit or "")
        si = max(0, bisect.bisect_right(starts, c.start) - 1)
        if predicate is None:
            predicate = _disputed_predicate(r, unit, words, si, disputed)
        if predicate is None:
            continue
        lo, hi = r.ranges[si]
        if any(cue.stance is not None and cue.voice != "assert" for cue in find_cues(r.tokens, lo, hi)):
            continue
        prop = _figure_proposition(r, si, predicate, c)
        if prop is None:
            continue
        key = (c.claimant_id, prop.id, c.as_of)
        if key in seen:
            continue
        seen.add(key)
        out.append((si, Stance(c.start, c.end, c.claimant or "", c.claimant_id, prop.text(_lang(r.article)), prop.id,
                               "affirms", c.as_of, c.text)))
    return out


def _count_unit(count, units: Mapping[str, str]) -> tuple[str | None, list[str]]:
    """(series unit, words) of a count's counted thing."""
    words = [t.text for t in tokenize(count.what or count.unit or "")]
    unit = next((units.get(f"{a} {b}") for a, b in zip(words, words[1:]) if f"{a} {b}" in units), None) \
        or next((units[w] for w in words if w in units), None)
    return unit, words


def _disputed_units(r: _Reader, starts: list[int]) -> frozenset[str]:
    """The counted things of the article's main disputed claim: the series units (or head nouns) of the counts in
    the sentences that state that claim ("data sekitar 2 juta akun pelanggan ... bocor": akun)."""
    main = r.main
    if main is None or main.predicate == "claim" or main.is_negated or main.is_modal:
        return frozenset()
    units = grammar().units
    out = set()
    for c in r.article.counts:
        si = max(0, bisect.bisect_right(starts, c.start) - 1)
        if any(p.predicate == main.predicate and not p.is_negated and not p.is_modal for p in r.props[si]):
            unit, words = _count_unit(c, units)
            if unit or words:
                out.add(unit or words[0])
    return frozenset(out)


def _disputed_predicate(r: _Reader, unit: str | None, words: list[str], si: int,
                        disputed: frozenset[str]) -> str | None:
    """The main disputed claim's predicate for a figure of its counted thing (any thing: leaked accounts, cases,
    victims), given in a sentence that states no claim of another class."""
    if not disputed or (unit or (words[0] if words else None)) not in disputed:
        return None
    main = r.main
    if any(p.predicate not in (main.predicate, "claim") for p in r.props[si]):
        return None
    return main.predicate


def _named(phrase: str | None) -> bool:
    """A claimant with no entity that still names someone (``intelijen Teskia``), not a description."""
    return bool(phrase) and any(w[:1].isupper() for w in phrase.split()[1:])


def _figure_proposition(r: _Reader, si: int, predicate: str, count) -> Proposition | None:
    here = [p for p in r.props[si] if p.predicate == predicate and not p.is_modal]
    if here:
        prop = here[0].completed(r.main)
        return None if prop.is_negated else prop
    if r.main is not None and r.main.predicate == predicate:
        return r.main
    same = main_proposition(p for ps in r.props for p in ps if p.predicate == predicate)
    if same is not None:
        return same.completed(r.main)
    # build it from the counted thing: "penasihat militer Kordavia di Azmaran"
    lo, hi = r.ranges[si]
    sentence = r.sentences[si]
    what = (count.what or "").lower()
    at = r.text.lower().find(what, sentence.start, sentence.end) if what else -1
    if at < 0:
        return None
    a, b = r._token_range(at, at + len(what))
    agent = next((r.at[k] for k in range(a, b) if k in r.at and r.at[k].entity_id), None)
    if agent is None:
        return None
    target = _target_after(r, b, hi, agent)
    return Proposition(predicate, agent.entity_id, agent.name, target.entity_id if target else None,
                       target.name if target else None, count.start, count.end)


# ------------------------------------------------------------------ dates and clean-up

def _date_of(r: _Reader, start: int, end: int, near: int, quote: Quote | None) -> str | None:
    """When the stance was taken: the clause's date, else a date in the sentence, else the quote's."""
    try:
        from .dates import clause_date  # type: ignore[attr-defined]
    except ImportError:
        clause_date = None
    if clause_date is not None:
        try:
            value = clause_date(r.article, start, end)
            if value:
                return value
        except Exception:  # a dates helper that cannot judge this clause leaves the fallback below
            pass
    dated = [t for t in r.article.timexes if start <= t.start < end and _DATE.match(t.value or "")]
    if dated:
        return min(dated, key=lambda t: abs(t.start - near)).value[:10]
    if quote is not None and quote.said_on:
        return quote.said_on[:10]
    return None


def _settle(found: list[tuple[int, Stance]]) -> tuple[Stance, ...]:
    """Drop repeats; in one sentence an actor's explicit affirm or denial outweighs a neither on the same claim."""
    decided = {(si, s.actor_id or s.actor, s.proposition_id) for si, s in found if s.stance != "neither"}
    seen, out = set(), []
    for si, s in sorted(found, key=lambda x: (x[1].start, x[0])):
        key = (si, s.actor_id or s.actor, s.proposition_id)
        if s.stance == "neither" and key in decided:
            continue
        if (key, s.stance) in seen:
            continue
        seen.add((key, s.stance))
        out.append(s)
    return tuple(out)


def register(registry) -> None:
    """Register the ``stances`` component."""

    @registry.register("stances", requires=("text", "entities", "quotes", "timexes", "counts"), produces=("stances",))
    def _stances(article: Article, resources) -> Article:
        """Who affirms, denies or neither confirms nor denies which canonical proposition, and when."""
        return dataclasses.replace(article, stances=find_stances(article))


__all__ = ["Cue", "find_cues", "find_stances", "is_retrospective", "register"]
