"""Speaker resolution: from a speaker phrase, a pronoun or ``-nya`` to the entity that speaks.

Names come from the entities component (``Article.entities`` and their mentions, resolved to the actor a
metonym stands for with ``entities.acting_entity``); without it a small capitalised-name finder stands in.
A pronoun (``Ia``, ``Dia``, ``katanya``) refers to the current speaker of the passage unless another person
has since become the subject of a sentence; names inside quotations or inside reported content, and names
after ``kepada``/``dengan`` and the like, never take over. An unnamed speaker (``seorang pejabat Jepang``) is the
actor it speaks for, with the description kept.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import load_lexicon
from ..model import Article, Entity
from .attribution import Cues, Frame, place_heads

try:  # the entities component's helpers, when that module is there
    from . import entities as _entities
except Exception:  # pragma: no cover - a missing or broken entities module leaves the fallback
    _entities = None

_HUMAN = ("PERSON",)
_WORD_RE = re.compile(r"[\w'’-]+")
_GROUP = ("ORG", "GPE", "LOC")
_TOKEN = r"[A-Z][\w'’-]*(?:\.\w+)*"
#: where a scraper glued a name to the word before it: "DPRHerman" (an acronym), "JakartaNurhayati" (a name)
_LEADING_GLUE = re.compile(r"(?:(?<=[A-Z]{3})|(?<=[A-Za-z]{2}[a-z]))(?=[A-Z][a-z]{2})")
_NAME_RUN = re.compile(rf"(?<![\w-]){_TOKEN}(?:[ \t]+(?:{_TOKEN}|bin|binti|van|von|de|al|el)(?![\w-]))*")


@dataclass(frozen=True, slots=True)
class Named:
    """A name in the text with the entity it stands for."""

    start: int
    end: int
    name: str  # canonical name of the entity
    type: str  # PERSON | ORG | GPE | LOC
    entity_id: str | None


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who speaks: a resolved name, the span that stands for it, and a description for an unnamed speaker."""

    name: str
    entity_id: str | None
    type: str | None
    start: int
    end: int
    description: str | None = None

    @property
    def is_human(self) -> bool:
        """A person, an unnamed official, or a "place" that speaks (a person the tagger typed LOC)."""
        return self.type in _HUMAN or self.type == "LOC" or self.description is not None

    def same_as(self, other: "Speaker | Named") -> bool:
        if self.entity_id and other.entity_id:
            return self.entity_id == other.entity_id
        return self.name.lower() == other.name.lower()


class SpeakerResolver:
    """Resolves the speakers of one article's frames, in text order (call :meth:`note` after each)."""

    def __init__(self, article: Article, text: str, cues: Cues, blocked: list[tuple[int, int]]):
        self.article = article
        self.text = text
        self.cues = cues
        self.entities = {e.id: e for e in article.entities}
        pronouns = cues.pronouns
        from_entities = [n for n in _names_from_entities(article)
                         if text[n.start:n.end].split()[-1].lower() not in pronouns]  # no "Ia", no "Wandikbo Dia"
        guessed = _fallback_names(text, article, cues)
        if from_entities:
            # names the entities component missed still help inside a speaker phrase, never as the topic
            self.named = from_entities
            self.guessed = [g for g in guessed if not any(n.start < g.end and g.start < n.end for n in from_entities)]
        else:
            self.named, self.guessed = guessed, []
        self.starts = [n.start for n in self.named]
        self.guessed_starts = [n.start for n in self.guessed]
        self.blocked = sorted(blocked)
        self.history: list[tuple[int, Speaker]] = []

    # -------------------------------------------------------------- public

    def note(self, speaker: Speaker, pos: int) -> None:
        """Record that ``speaker`` speaks at ``pos`` (the current speaker from there on)."""
        bisect.insort(self.history, (pos, speaker), key=lambda x: x[0])

    def resolve(self, frame: Frame, elided: Speaker | None = None) -> Speaker | None:
        """The speaker of ``frame``; ``elided`` stands in when the frame writes no speaker."""
        if frame.pronoun is not None:
            refers = "person" if frame.pronoun == "nya" else self.cues.pronouns.get(frame.pronoun, "person")
            span = (frame.speaker_start, frame.speaker_end) if frame.speaker_start is not None else \
                (frame.cue_start, frame.cue_end)
            found = self.current(refers, frame.cue_start)
            return _at(found, *span) if found else None
        if frame.speaker_start is None:
            return elided
        prefer = "last" if frame.kind in ("active", "act", "colon") else "first"
        return self.phrase(frame.speaker_start, frame.speaker_end or frame.speaker_start, prefer)

    def phrase(self, start: int, end: int, prefer: str = "first") -> Speaker | None:
        """The speaker a phrase names: ``kepala staf militer Jepang, Yoshihide Yoshida`` -> Yoshihide Yoshida."""
        text = self.text[start:end]
        if not text.strip():
            return None
        pronoun = text.strip().lower()
        if pronoun in self.cues.pronouns:
            found = self.current(self.cues.pronouns[pronoun], start)
            return _at(found, start, end) if found else None
        inside = _between(self.named, self.starts, start, end)
        groups = [n for n in inside if n.type in _GROUP]
        # "Malaysia's Department of Environment": the organisation after a possessive country speaks, its owner not
        groups = [g for g, nxt in zip(groups, groups[1:] + [None]) if not (
            nxt is not None and g.type in ("GPE", "LOC") and nxt.type == "ORG"
            and re.fullmatch(r"['’]s\s+", self.text[g.end:nxt.start]))]
        guessed = [n for n in _between(self.guessed, self.guessed_starts, start, end) if n.type in _HUMAN]
        # names the entities component missed count where a name stands: after the organisations
        # ("Kepala Badan Geologi Kementerian ESDM Muhammad Wafid") or before "dari" ("Raden dari WALHI")
        lead = re.match(r"\s*", text).end() + start
        guessed = [n for n in guessed if (all(n.start >= g.end for g in groups) and not self._after_object(n))
                   or n.start == lead or _before_from(self.text, n.end, end)]
        apposed = [Named(n.start, n.end, n.name, "PERSON", n.entity_id) for n in inside
                   if n.type == "LOC" and self._is_apposed_name(n, start, end)]
        persons = sorted([n for n in inside if n.type in _HUMAN] + guessed + apposed, key=lambda n: n.start)
        description = self._description(text)
        if description is not None:
            # "Tim pemenangan paslon ... dalam PSU Pilkada Kutai Barat": a name inside the description's complement
            # (after "dalam", "di", "dari" with no comma since) is what the description is about, not the speaker
            persons = [n for n in persons if not self._in_complement(start, n.start)]
        if persons:
            heads = [n for n in persons if _before_from(self.text, n.end, end)]  # "Darwis dari Green of Borneo"
            # a name set after the title by a comma ends the phrase and is its holder's ("Anggota Komisi V dari
            # Fraksi PKB, Ratna Wulandari"), whatever stands before "dari" in the title
            closing = [n for n in persons if n.type == "PERSON" and not self.text[n.end:end].strip(" \t,")
                       and self.text[start:n.start].rstrip(" \t").endswith(",")]
            heads = closing[-1:] or heads
            # a name after a lower-case word is a possessor ("kuasa hukum Nadiem, Hotman Paris" -> Hotman Paris);
            # of the others the last is the speaker's own name ("Kombes Pol. Djoko Wienartono")
            # ... unless that word ends a title ("Sumenep district head Ahmad Fauzi": the head is Ahmad Fauzi)
            named = [n for n in persons if not _after_lowercase(self.text, start, n.start)
                     or _after_title_word(self.text, start, n.start)]
            n = heads[0] if heads else named[-1] if named else persons[0] if prefer == "first" else persons[-1]
            return self._speaker(n)
        if description is None and self._anaphoric(text):
            # "kata pelatih asal Italia berusia 51 tahun itu": a description pointing back to the one who spoke
            found = self.current("person", start)
            if found is not None:
                return _at(found, start, end)
        if description is not None:
            if groups:
                actor = self._acting(groups[0])
                return Speaker(self.display(description), actor.entity_id, actor.type, start, end, description)
            earlier = self._earlier_description(description, start)
            if earlier is not None:
                return _at(earlier, start, end)
            return Speaker(self.display(description), None, None, start, end, description)
        short = self._short_name(text, start)
        if short is not None and not groups:
            return _at(short, start, end)
        if groups:
            actor = self._acting(groups[0])
            phrase = _clean_phrase(text, self.cues)
            if len(groups) == 1 and 1 < len(phrase.split()) <= 4 and re.fullmatch(r"[\w'’ -]+", phrase) \
                    and phrase.lower() != self.text[groups[0].start:groups[0].end].lower():
                # "Intelijen militer Ukraina", "The health ministry": the whole short phrase speaks for the actor
                return Speaker(self.display(phrase), actor.entity_id, actor.type, start, end)
            run = self._name_run(groups[0], start, end)
            if run is not None:
                # "Polda Bali", "Pemerintah Pyongyang": the whole name speaks, for the actor it holds
                return Speaker(self.display(self.text[run[0]:run[1]]), actor.entity_id, actor.type, run[0], run[1])
            return self._speaker(actor)
        words = text.split()
        cleaned = _clean_phrase(text, self.cues)
        if 0 < len(words) <= 6 and cleaned:
            return Speaker(self.display(cleaned), None, None, start, end)
        return None

    def current(self, refers: str, pos: int) -> Speaker | None:
        """Who a pronoun at ``pos`` refers to: the current speaker, or a person who has since become the subject."""
        last = self._last_speaker(pos, refers)
        if refers == "group":
            if last is not None and (last[1].type in _GROUP or last[1].description):
                return last[1]
            subject = self._last_subject(pos, _GROUP)
            if subject is not None and (last is None or subject.start > last[0]):
                return self._speaker(self._acting(subject))
            return last[1] if last else None
        subject = self._last_subject(pos, _HUMAN)
        if last is not None and (subject is None or last[0] >= subject.start or last[1].same_as(subject)):
            return last[1]
        if subject is not None:
            return self._speaker(subject)
        return last[1] if last else None

    # -------------------------------------------------------------- helpers

    def _name_run(self, n: Named, start: int, end: int) -> tuple[int, int] | None:
        """The capitalised words around a mention inside ``start:end``, when they make a longer name."""
        s, e = n.start, n.end
        m = re.match(r"(?:[ \t]+[A-Z][\w'’-]*)+", self.text[e:end])
        if m:
            e += m.end()
        while True:  # words before the mention, one at a time
            m = re.search(r"(?:^|(?<=[ \t]))([A-Z][\w'’-]*)[ \t]+$", self.text[start:s])
            if not m or self.cues.role(m.group(1), "clause") or m.group(1).lower() in self.cues.verbs:
                break
            s = start + m.start(1)
        if (s, e) == (n.start, n.end) or any(o.type in _HUMAN for o in _between(self.named, self.starts, s, e)):
            return None
        return s, e

    def _in_complement(self, start: int, pos: int) -> bool:
        """A preposition stands between ``start`` and ``pos`` with no comma after it."""
        for m in reversed(list(re.finditer(r"[\w'’-]+|,", self.text[start:pos]))):
            word = m.group()
            if word == ",":
                return False
            if word.islower() and (self.cues.role(word, "object") or self.cues.role(word, "speaker_end")):
                return True
        return False

    def _is_apposed_name(self, n: Named, start: int, end: int) -> bool:
        """A name the tagger typed as a place that stands after a title as its holder's name:
        ``Kepala Pelaksana BPBD Banjarnegara, Aris Munandar,`` (a place never follows a title that way)."""
        words = self.text[n.start:n.end].split()
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or words[0].lower() in place_heads():
            return False  # "Warga Desa X, Kabupaten Y,": a place set after a place, not a holder's name
        if self.text[n.end:end].strip(" \t,") or not self.text[start:n.start].rstrip(" \t").endswith(","):
            return False
        titles = _title_words()
        return any(w.lower() in titles for w in re.findall(r"[\w'’-]+", self.text[start:n.start]))

    def _after_object(self, n: Named) -> bool:
        """A name right after "di", "kepada", "dengan"... is a place or an object, not the speaker."""
        m = re.search(r"([\w'-]+)\W*$", self.text[max(0, n.start - 30):n.start])
        return bool(m) and m.group(1).islower() and self.cues.role(m.group(1), "object")

    def _speaker(self, n: Named) -> Speaker:
        return Speaker(self.display(n.name), n.entity_id, n.type, n.start, n.end)

    def display(self, name: str) -> str:
        """A name as shown, with words a scraper glued together parted again.

        ``"Kementerian Luar NegeriThailandseperti"`` -> ``"Kementerian Luar Negeri Thailand"``.
        """
        words = name.split()
        if words:
            last = words[-1]
            for form in _glue_words(self.cues):
                if last.lower().endswith(form) and len(last) > len(form) + 1 \
                        and last[-len(form)].islower() and last[-len(form) - 1].isalpha():
                    words[-1] = last[:-len(form)]
                    break
        return re.sub(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2})", " ", " ".join(words))

    def _acting(self, n: Named) -> Named:
        if _entities is None or n.entity_id not in self.entities or not hasattr(_entities, "acting_entity"):
            return n
        try:
            actor: Entity = _entities.acting_entity(self.entities[n.entity_id], self.article)
        except Exception:
            return n
        return Named(n.start, n.end, actor.name, actor.type, actor.id)

    def _description(self, text: str) -> str | None:
        low = text.lower()
        head = " ".join(low.split()[:4])
        for form in self.cues.roles.get("unnamed", ()):
            if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", head):
                return _clean_phrase(text, self.cues)
        return None

    def _anaphoric(self, text: str) -> bool:
        """A phrase of several words closed by a demonstrative ("pria berusia 58 tahun itu")."""
        words = _WORD_RE.findall(text)
        return len(words) >= 2 and self.cues.role(words[-1], "anaphor") and words[0][:1].islower()

    def _earlier_description(self, description: str, pos: int) -> Speaker | None:
        first = description.split()[0].lower() if description.split() else ""
        if self.cues.role(first, "indefinite"):
            return None  # "Seorang pejabat ...", "An official at ...": someone new, not the one before
        heads = {f for f in self.cues.roles.get("unnamed", ()) if f in description.lower()}
        for p, s in reversed(self.history):
            if p < pos and s.description and any(h in s.description.lower() for h in heads):
                return s
        return None

    def _short_name(self, text: str, pos: int) -> Speaker | None:
        """A bare surname or title-and-surname (``Kim``, ``Dubes Wood``) resolved to the full name used earlier."""
        tokens = [t for t in re.findall(r"[A-Z][\w'’-]+", text)]
        if not tokens or len(text.split()) > 3:
            return None
        if _entities is not None and hasattr(_entities, "resolve_name"):
            try:
                entity = _entities.resolve_name(self.article, text.strip(), near=pos)
            except Exception:
                entity = None
            if entity is not None:
                n = self._acting(Named(pos, pos, entity.name, entity.type, entity.id))
                return Speaker(n.name, n.entity_id, n.type, pos, pos)
        spoken = [s for _, s in reversed(self.history)]
        for candidate in spoken:
            if candidate.type in _HUMAN and tokens[-1] in candidate.name.split():
                return candidate
        for n in reversed(self.named[:bisect.bisect_left(self.starts, pos)]):
            if n.type in _HUMAN and tokens[-1] in n.name.split() and n.name != tokens[-1]:
                return self._speaker(n)
        return None

    def _last_speaker(self, pos: int, refers: str) -> tuple[int, Speaker] | None:
        i = bisect.bisect_left([p for p, _ in self.history], pos)
        if i == 0:
            return None
        if refers == "person":
            for p, s in reversed(self.history[:i]):
                if s.is_human:
                    return p, s
        return self.history[i - 1]

    def _last_subject(self, pos: int, types: tuple[str, ...]) -> Named | None:
        i = bisect.bisect_left(self.starts, pos)
        for n in reversed(self.named[:i]):
            if n.end > pos or n.type not in types or self._is_blocked(n.start):
                continue
            if self._is_subject(n):
                return n
        return None

    def _is_blocked(self, pos: int) -> bool:
        i = bisect.bisect_right(self.blocked, (pos, float("inf")))
        return any(s <= pos < e for s, e in self.blocked[max(0, i - 3):i])

    def _is_subject(self, n: Named) -> bool:
        """A name at the start of its clause (after titles and other names), not after ``kepada``, ``dengan``..."""
        before = self.text[max(0, n.start - 200):n.start]
        for m in reversed(list(re.finditer(r"[\w'’-]+|[^\w\s]", before))):
            tok = m.group()
            if tok in ",;:.!?()" or tok == "\n":
                return True
            if tok[0].isupper() or tok in ("dari", "untuk", "di", "of", "for"):
                continue
            return self.cues.role(tok, "clause") and not self.cues.role(tok, "object")
        return True


def _glue_words(cues: Cues) -> tuple[str, ...]:
    """Cue words long enough to be recognised when glued to the name before them, longest first."""
    forms = set(cues.verbs) | cues.roles.get("speaker_end", frozenset())
    return tuple(sorted((f for f in forms if " " not in f and len(f) >= 5), key=len, reverse=True))


def _after_lowercase(text: str, start: int, pos: int) -> bool:
    """The word right before ``pos`` (inside the phrase from ``start``) is a lower-case word."""
    m = re.search(r"([\w'’-]+)([^\w]*)$", text[start:pos])
    return bool(m) and m.group(1)[0].islower() and "," not in m.group(2)


def _after_title_word(text: str, start: int, pos: int) -> bool:
    """The word right before ``pos`` ends a title that names its holder next ("director", "district head"), not a
    relation that names someone else ("kuasa hukum")."""
    m = re.search(r"([\w'’-]+)[ \t]*$", text[start:pos])
    return bool(m) and m.group(1).lower() in _title_ends()


@lru_cache(maxsize=1)
def _title_ends() -> frozenset[str]:
    ends: set[str] = set()
    for lang in ("id", "en"):
        try:
            lex = load_lexicon(lang, "roles")
        except Exception:  # no roles lexicon for the language
            continue
        ends.update(r["form"].split()[-1].lower().rstrip(".") for r in lex.records()
                    if r["kind"] not in ("relation", "honorific", "descriptor", "occupation"))
    return frozenset(ends)


def _before_from(text: str, pos: int, end: int) -> bool:
    """A name followed by "dari"/"of" heads its phrase ("Raden dari WALHI")."""
    return re.match(r"\s+(?:dari|of|from)\s", text[pos:end + 1]) is not None


def _between(named: list[Named], starts: list[int], start: int, end: int) -> list[Named]:
    """The names of ``named`` (sorted, with their ``starts``) that overlap ``start:end``."""
    i = bisect.bisect_left(starts, start)
    while i > 0 and named[i - 1].end > start:
        i -= 1
    out = []
    for n in named[i:]:
        if n.start >= end:
            break
        if n.end > start:
            out.append(n)
    return out


def _at(speaker: Speaker, start: int | None, end: int | None) -> Speaker:
    """``speaker`` as referred to by the span ``start:end`` (a pronoun or a short name)."""
    if start is None or end is None:
        return speaker
    return Speaker(speaker.name, speaker.entity_id, speaker.type, start, end, speaker.description)


def _clean_phrase(text: str, cues: Cues) -> str:
    words = text.split()
    while words and (cues.role(words[-1].strip(",."), "adverb") or cues.role(words[-1].strip(",."), "clause")):
        words.pop()
    return " ".join(words).strip(" ,.")


def _names_from_entities(article: Article) -> list[Named]:
    out = []
    for e in article.entities:
        for m in e.mentions:
            if m.kind == "pronoun":
                continue
            out.append(Named(m.start, m.end, e.name, e.type, e.id))
    out.sort(key=lambda n: (n.start, -n.end))
    return out


@lru_cache(maxsize=1)
def _territory_names() -> frozenset[str]:
    from babel import Locale

    names: set[str] = set()
    for code in ("id", "en"):
        names.update(n.lower() for n in Locale(code).territories.values())
    return frozenset(names)


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """One-word place names (``datelines.tsv``) a scraper may glue a name to ("JakartaNurhayati")."""
    return frozenset(p.lower() for p in load_lexicon("id", "datelines").column("place") if " " not in p)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    try:
        return frozenset(f.lower() for f in load_lexicon("id", "roles").column("form") if " " not in f)
    except Exception:  # no roles lexicon: titles stay in the names
        return frozenset()


def _fallback_names(text: str, article: Article | None = None, cues: Cues | None = None) -> list[Named]:
    """Capitalised name runs, typed roughly (used only when no entities component ran)."""
    lower_words = set(re.findall(r"(?<![\w-])[a-z][\w-]*", text))
    if cues is not None:  # "Menurut Isa", "Kata Budi": cue words open no name
        lower_words |= set(cues.verbs) | {w for forms in cues.roles.values() for w in forms}
    countries = _territory_names()
    titles = _title_words()
    inner = set(re.findall(r"(?<=[\w,] )[A-Z][\w'’-]*", text))  # capitalised words seen inside sentences
    dates = [(t.start, t.end) for t in article.timexes] if article is not None else []
    group_ends = {m.end for e in (article.entities if article is not None else ()) if e.type in _GROUP
                  for m in e.mentions}
    out: list[Named] = []
    for m in _NAME_RUN.finditer(text):
        toks = [(m.start() + t.start(), m.start() + t.end(), t.group()) for t in re.finditer(r"\S+", m.group())]
        toks = [t for t in toks if not any(s <= t[0] < e for s, e in dates)]
        initial = bool(toks) and re.search(r"(^|[.!?:\n\"\u201c\u201d]\s*)$",
                                           text[max(0, toks[0][0] - 4):toks[0][0]]) is not None
        place = False
        while toks and (toks[0][2].lower() in lower_words or toks[0][2].lower() in titles
                        or toks[0][2].lower() in ("ia", "dia", "he", "she")):
            place = toks[0][2].lower() in place_heads()  # "Warga Desa Cikaracak": the name after "Desa" is a place
            toks = toks[1:]  # a common word or a title ("Namun", "Presiden")
            initial = False
        while toks and toks[-1][2][0].islower():
            toks = toks[:-1]
        for j in range(len(toks) - 1, -1, -1):
            glue = _LEADING_GLUE.search(toks[j][2])
            cut = toks[j][0] + glue.start() if glue else -1
            left = toks[j][2][:glue.start()] if glue else ""
            if glue and (left.isupper() or cut in group_ends or left.lower() in _place_words()):
                # "DPRHerman Situmorang", "DKI JakartaNurhayati": after an acronym or a place or body the
                # scraper glued to it, the name starts inside the glued word ("IstimewaYogyakarta" stays whole)
                toks = [(cut, toks[j][1], toks[j][2][glue.start():])] + toks[j + 1:]
                initial = False
                break
        if not toks:
            continue
        if initial and len(toks) == 1 and toks[0][2] not in inner:
            continue  # one capitalised word opening a sentence, never seen inside one, is no name
        start, end = toks[0][0], toks[-1][1]
        if text[end - 1] == ".":
            end -= 1
        name = text[start:end]
        words = name.split()
        if name.lower() in countries:
            kind = "GPE"
        elif place:
            kind = "LOC"
        elif any(w.isupper() and len(w) > 1 for w in words) and not (
                len(words) > 1 and not words[-1].isupper() and all(len(w) <= 2 for w in words if w.isupper())):
            kind = "ORG"  # an acronym, unless it is a person's initials ("AB Widyanta")
        else:
            kind = "PERSON"
        out.append(Named(start, end, name, kind, None))
    # a surname alone is the person named in full before it
    full: dict[str, Named] = {}
    linked = []
    for n in out:
        if n.type == "PERSON" and " " not in n.name and n.name in full:
            n = Named(n.start, n.end, full[n.name].name, "PERSON", None)
        elif n.type == "PERSON":
            for w in n.name.split():
                full[w] = n
        linked.append(n)
    return linked


__all__ = ["Named", "Speaker", "SpeakerResolver"]
