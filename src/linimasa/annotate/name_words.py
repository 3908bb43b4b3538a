"""Word tests at the edges of a name: capitals, sentence starts, Indonesian derived nouns, glued-on verbs.

Shared by the rules that clean model spans (:mod:`.model_spans`), find persons (:mod:`.person_rules`) and
group mentions (:mod:`.coref`).
"""
from __future__ import annotations

import re

from .gazetteer import Gazetteer, Token, fold


def capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def has_upper(text: str) -> bool:
    return any(c.isupper() for c in text)


def sentence_start(text: str, tokens: list[Token], i: int) -> bool:
    if i == 0:
        return True
    prev = tokens[i - 1]
    return prev.text in ".!?\"\u201c\u201d:" or "\n" in text[prev.end:tokens[i].start]


def derived_noun(gaz: Gazetteer, word: str) -> bool:
    """An Indonesian pe-...-an / ke-...-an noun ("penindakan", "pengawasan", "kesehatan"), not a given name."""
    return (len(word) >= 9 and word.endswith("an") and word not in gaz.given_names
            and word.startswith(gaz.noun_prefixes))


def glued_verb(gaz: Gazetteer, token: Token) -> int | None:
    """Offset where a lower-case verb glued to a capitalised word starts ("Makarimmenyatakan" -> "menyatakan")."""
    word = token.text
    if len(word) < 8 or not word[0].isupper() or not word.isalpha():
        return None
    for p in range(3, len(word) - 4):
        if word[p].islower() and word[p - 1].isalpha() and word[p:] in gaz.glued_words:
            return token.start + p
    return None


def folded_words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", fold(text)) if w and w[0].isalnum()]


__all__ = ["capitalised", "derived_noun", "folded_words", "glued_verb", "has_upper", "sentence_start"]
