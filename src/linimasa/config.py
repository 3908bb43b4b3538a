"""Settings: one declared table, each with a default and help text; a flag beats the environment beats the default.

Environment variables are ``LINIMASA_<NAME>`` (upper case), e.g. ``LINIMASA_DB=news.db``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError("must be 1 or more")
    return value


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "linimasa.db", "SQLite database file (created if missing)."),
    Setting("jobs", 1, "Processes for the per-article annotation stage.", _positive_int),
    Setting("max_bytes", 20_000_000, "Largest input file read, in bytes; larger ones are reported and skipped.",
            _positive_int),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str, flag: Any = None) -> Any:
    """The value of setting ``name``: the flag if given, else ``LINIMASA_<NAME>``, else the default."""
    try:
        decl = _BY_NAME[name]
    except KeyError:
        raise ConfigError(f"Unknown setting {name!r}. Available: {', '.join(_BY_NAME)}") from None
    if flag is not None:
        return flag
    env = os.environ.get(f"LINIMASA_{name.upper()}")
    if env is None:
        return decl.default
    try:
        return decl.parse(env)
    except ValueError as exc:
        raise ConfigError(f"LINIMASA_{name.upper()}={env!r} is not valid for {name}: {exc}") from exc


__all__ = ["SETTINGS", "Setting", "setting"]
