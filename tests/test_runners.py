"""Runners: in-process, local processes and Dask give the same annotations as the pipeline itself."""
from __future__ import annotations

import pytest

from linimasa.annotate.pipeline import PipelineSpec, pipeline_for
from linimasa.ingest.parse import parse_text
from linimasa.run.local import annotate_articles, flatten

TEXTS = [
    '"Air mulai surut," kata Kepala BPBD Kota Bekasi Dedi Kurniawan, Senin (3/3/2025).',
    "Menurut Dedi, sekitar 1.200 warga masih mengungsi di tiga posko.",
    "The agency said on Tuesday that more than 2,000 residents had left their homes.",
]


def _articles():
    return [parse_text(t, source=f"t{i}.txt", published="2025-03-04") for i, t in enumerate(TEXTS)]


def _key(article):
    return (article.id, article.quotes, article.counts, article.timexes)


def test_local_processes_match_in_process():
    arts = _articles()
    expected = [_key(pipeline_for(PipelineSpec())(a)) for a in arts]
    serial = [_key(a) for a, _ in flatten(annotate_articles(arts, jobs=1, batch_size=1))]
    pooled = [_key(a) for a, _ in flatten(annotate_articles(arts, jobs=2, batch_size=1))]
    assert serial == expected == pooled
    assert any(k[1] for k in expected), "no quote found at all"


def test_dask_runner_matches():
    pytest.importorskip("dask")
    from linimasa.run.dask import annotate_articles_dask

    arts = _articles()
    expected = [_key(pipeline_for(PipelineSpec())(a)) for a in arts]
    got = [_key(a) for part in annotate_articles_dask(arts, scheduler="synchronous", partition_size=2)
           for a, _ in part]
    assert got == expected


def test_a_crashing_component_becomes_a_failure_not_a_crash():
    from linimasa.annotate import Pipeline, Registry
    from linimasa.errors import PipelineError

    registry = Registry()

    @registry.register("boom", produces=("quotes",))
    def _boom(article, resources):
        raise ValueError("bad input")

    pipe = Pipeline(PipelineSpec(components=("boom",)), registry=registry)
    art, failures = pipe.run(_articles()[0])
    assert failures and failures[0].stage == "annotate:boom" and "bad input" in failures[0].error
    assert art.pipeline_version == pipe.version
    strict = Pipeline(PipelineSpec(components=("boom",), strict=True), registry=registry)
    with pytest.raises(PipelineError, match="Component 'boom' failed"):
        strict.run(_articles()[0])
