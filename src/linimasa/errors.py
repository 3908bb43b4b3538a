"""The exceptions linimasa raises. Only the CLI turns them into exit codes.

    LinimasaError
    ├── IngestError     an input could not be read (missing, binary, empty, undecodable)
    ├── ParseError      an input was read but is not an article we can use
    ├── LexiconError    a lexicon file is malformed (message names file:line)
    ├── PipelineError   unknown component, unmet requirement, or a component crashed
    ├── StoreError      the database cannot be opened, migrated or written
    └── ConfigError     a bad setting or option value
"""
from __future__ import annotations


class LinimasaError(Exception):
    """Base of every error linimasa raises on purpose."""


class IngestError(LinimasaError):
    """An input could not be read."""


class ParseError(LinimasaError):
    """An input was read but could not be turned into an article."""


class LexiconError(LinimasaError):
    """A lexicon file is malformed."""


class PipelineError(LinimasaError):
    """A pipeline could not be built, or one of its components failed."""


class StoreError(LinimasaError):
    """The store cannot be opened, migrated or written."""


class ConfigError(LinimasaError):
    """A setting has a bad value."""


__all__ = ["LinimasaError", "IngestError", "ParseError", "LexiconError", "PipelineError", "StoreError", "ConfigError"]
