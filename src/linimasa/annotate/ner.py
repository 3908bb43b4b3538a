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

    return spacy.load(path)


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
