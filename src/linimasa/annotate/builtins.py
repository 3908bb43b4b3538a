"""Registers linimasa's built-in components, through the same registry API a plugin uses."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .registry import Registry

#: module (under linimasa.annotate) -> it defines ``register(registry)``
BUILTIN_MODULES = ("dates", "numbers", "entities", "quotes", "counts", "claimants", "stances")


def register_all(registry: "Registry") -> None:
    for name in BUILTIN_MODULES:
        module = importlib.import_module(f"{__package__}.{name}")
        module.register(registry)
