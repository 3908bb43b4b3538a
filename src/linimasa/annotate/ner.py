"""The statistical half of entity finding: linimasa's own Indonesian spaCy NER model.

The model (``linimasa/models/ner-id/``, trained by ``scripts/train_ner.py`` on ``../shared/data/ner/``) tags
PER, ORG and LOC spans. It is loaded once per process through ``resources.get("ner-id", load_model)``; when the
artifact is absent, :func:`load_model` returns ``None`` and entity finding falls back to gazetteers and rules.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "ner-id"
#: model label -> our entity type
MODEL_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
#: spaCy's own limit is 1,000,000 characters; longer texts are tagged in slices
_MAX_CHARS = 200_000


@dataclass(frozen=True, slots=True)
class Tagged:
    """One span the model tagged, with our entity type."""

    start: int
    end: int
    type: str


def load_model(path: Path = MODEL_DIR) -> Any | None:
    """The spaCy NER pipeline at ``path`` (``None`` when the artifact is not there).

    >>> nlp = load_model()  # doctest: +SKIP
    """
    if not (path / "meta.json").is_file():
        log.warning("NER model not found at %s; entities come from gazetteers and rules only", path)
        return None
    import spacy

    _register_tokenizer()
    return spacy.load(path, exclude=["tokenizer"],
                      config={"nlp": {"tokenizer": {"@tokenizers": _TOKENIZER}}})


_TOKENIZER = "linimasa.plain_tokenizer.v1"


def _register_tokenizer() -> None:
    """Register a tokenizer with the language's punctuation rules but without its ~16,000 special cases.

    spaCy's Indonesian tokenizer exceptions only keep reduplications ("anak-anak") whole, which our training data
    splits anyway; building them costs seconds per process, this tokenizer a few milliseconds.
    """
    from spacy.util import registry

    if _TOKENIZER in registry.tokenizers.get_all():
        return

    @registry.tokenizers(_TOKENIZER)
    def make_tokenizer():
        def create(nlp):
            from spacy.tokenizer import Tokenizer
            from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

            defaults = nlp.Defaults
            return Tokenizer(nlp.vocab, rules={},
                             prefix_search=compile_prefix_regex(defaults.prefixes).search,
                             suffix_search=compile_suffix_regex(defaults.suffixes).search,
                             infix_finditer=compile_infix_regex(defaults.infixes).finditer,
                             token_match=defaults.token_match, url_match=defaults.url_match)

        return create


def tag(nlp: Any | None, text: str) -> tuple[Tagged, ...]:
    """Spans the model finds in ``text`` (empty without a model).

    >>> tag(None, "Presiden Joko Widodo tiba di Bandung.")
    ()
    """
    if nlp is None or not text:
        return ()
    out: list[Tagged] = []
    for offset in range(0, len(text), _MAX_CHARS):
        piece = text[offset:offset + _MAX_CHARS]
        doc = nlp(piece)
        for ent in doc.ents:
            kind = MODEL_TYPES.get(ent.label_)
            if kind:
                out.append(Tagged(offset + ent.start_char, offset + ent.end_char, kind))
    return tuple(out)


__all__ = ["MODEL_DIR", "Tagged", "load_model", "tag"]
