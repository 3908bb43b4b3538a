"""Held-out sets we wrote ourselves (tests/fixtures/heldout_*): the acceptance scorer on text the rules were not
developed on before the set's first score was recorded.

Each folder holds its articles, hand-made gold in the seeds format (``gold.json``), a README with the first-run and
final scores, and ``floors.json``: the final value of every scorer row, a margin, and whether stories are built.
Every row must stay at or above its floor less the margin, so a change that helps the seeds or dev30 but hurts
fresh text fails here. The scorer is ``../shared/acceptance/score.py``; the tests skip where it is absent.
"""
from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from linimasa.cli import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "acceptance" / "score.py"
SETS = sorted(p.name for p in FIXTURES.glob("heldout_*") if (p / "floors.json").is_file())

_ROW = re.compile(r"^(?P<label>\S.*?)\s{2,}(?P<value>\d\.\d{3})(?:\s|$)")
_OVERALL = re.compile(r"^acceptance score: (?P<value>\d\.\d{3})$")


def _floors(name: str) -> dict:
    return json.loads((FIXTURES / name / "floors.json").read_text(encoding="utf-8"))


def _rows(output: str) -> dict[str, float]:
    rows = {}
    for line in output.splitlines():
        m = _OVERALL.match(line) or _ROW.match(line)
        if m:
            rows[m.groupdict().get("label") or "acceptance score"] = float(m.group("value"))
    return rows


def _score(name: str, workdir: str) -> tuple[dict[str, float], str]:
    folder = FIXTURES / name
    inputs = sorted(str(p) for p in folder.iterdir() if p.suffix in (".txt", ".jsonl", ".html"))
    export = Path(workdir) / "export.json"
    args = ["analyze", *inputs, "--db", str(Path(workdir) / "x.db"), "--json", str(export), "-q"]
    if not _floors(name)["stories"]:
        args.append("--no-stories")
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    spec = importlib.util.spec_from_file_location("acceptance_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        module.main([str(export), str(folder / "gold.json"), "--verbose"])
    return _rows(out.getvalue()), out.getvalue()


@pytest.fixture(scope="module")
def _results(tmp_path_factory):
    """Each set is analysed and scored once per test run, whatever the number of rows checked."""
    cache: dict[str, tuple[dict[str, float], str]] = {}

    def get(name: str) -> tuple[dict[str, float], str]:
        if name not in cache:
            cache[name] = _score(name, str(tmp_path_factory.mktemp(name)))
        return cache[name]

    return get


@pytest.fixture
def scored(request, _results):
    if not SCORER.is_file():
        pytest.skip("../shared/acceptance is absent")
    name = request.param
    rows, output = _results(name)
    return name, rows, output


def test_every_set_has_gold_and_a_readme():
    assert len(SETS) >= 8
    for name in SETS:
        assert (FIXTURES / name / "gold.json").is_file() and (FIXTURES / name / "README.md").is_file()


@pytest.mark.parametrize("scored", SETS, indirect=True)
def test_every_article_is_exported(scored):
    _, _, output = scored
    assert "articles missing from the export" not in output


@pytest.mark.parametrize("scored,row", [(name, row) for name in SETS for row in sorted(_floors(name)["floors"])],
                         indirect=["scored"])
def test_row_stays_at_its_measured_value(scored, row):
    name, rows, output = scored
    spec = _floors(name)
    floor = spec["floors"][row] - spec["margin"]
    assert row in rows, output
    assert rows[row] >= floor, f"{name}: {row}: {rows[row]:.3f} < {floor:.3f}\n{output}"
