"""Per-article annotation: pure components run in order by a :class:`Pipeline`."""
from .pipeline import DEFAULT_COMPONENTS, Pipeline, PipelineSpec, annotate_batch
from .registry import Component, Registry, Resources, default_registry

__all__ = ["Component", "Pipeline", "PipelineSpec", "Registry", "Resources", "annotate_batch",
           "default_registry", "DEFAULT_COMPONENTS"]
