"""Component registry: built-in annotators register exactly as plugins do.

A component is a pure function ``(article, resources) -> article``: it reads the article (and what earlier
components put on it), and returns a copy with its own fields filled (``dataclasses.replace``). It never
mutates its input, does I/O or reads globals; shared read-only things (lexicons, the NER model) come in through
:class:`Resources`, which each worker process builds for itself.

``requires`` and ``produces`` name ``Article`` fields; :class:`~linimasa.annotate.pipeline.Pipeline` checks that
every requirement is produced by an earlier component (or by ingest) when it is built.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Callable

from ..errors import PipelineError
from ..model import Article

#: fields that ingest fills before any component runs
INGEST_FIELDS = ("id", "text", "source", "url", "title", "outlet", "dateline", "published", "language",
                 "authors", "via")


class Resources:
    """Read-only things components share in one process (loaded lazily, once)."""

    def __init__(self, **preset: Any):
        self._cache: dict[str, Any] = dict(preset)

    def get(self, name: str, loader: Callable[[], Any]) -> Any:
        if name not in self._cache:
            self._cache[name] = loader()
        return self._cache[name]


ComponentFunc = Callable[[Article, Resources], Article]


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    func: ComponentFunc
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    doc: str = ""

    def __call__(self, article: Article, resources: Resources) -> Article:
        return self.func(article, resources)


class Registry:
    """Named components. Build one, register into it, pass it on (no global registry)."""

    def __init__(self) -> None:
        self._components: dict[str, Component] = {}

    def register(self, name: str, *, requires: tuple[str, ...] = (), produces: tuple[str, ...] = ()):
        """Decorator: ``@registry.register("quotes", requires=("entities",), produces=("quotes",))``."""
        fields = {f.name for f in dataclasses.fields(Article)}
        for f in (*requires, *produces):
            if f not in fields:
                raise PipelineError(f"Component {name!r} names unknown Article field {f!r}. "
                                    f"Available: {', '.join(sorted(fields))}")

        def wrap(func: ComponentFunc) -> ComponentFunc:
            if name in self._components:
                raise PipelineError(f"Component {name!r} is registered twice")
            self._components[name] = Component(name, func, tuple(requires), tuple(produces),
                                               (func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else "")
            return func

        return wrap

    def add(self, component: Component) -> None:
        if component.name in self._components:
            raise PipelineError(f"Component {component.name!r} is registered twice")
        self._components[component.name] = component

    def get(self, name: str) -> Component:
        try:
            return self._components[name]
        except KeyError:
            raise PipelineError(f"Unknown component {name!r}. Available: {', '.join(self.names())}.") from None

    def names(self) -> tuple[str, ...]:
        return tuple(sorted(self._components))

    def __contains__(self, name: str) -> bool:
        return name in self._components


def default_registry() -> Registry:
    """A registry holding linimasa's built-in components (each module registers its own)."""
    from . import builtins

    registry = Registry()
    builtins.register_all(registry)
    return registry


__all__ = ["Component", "Registry", "Resources", "default_registry", "INGEST_FIELDS"]
