"""Data flows one way: a module imports only from earlier stages (and from model/errors/config/lang).

ingest -> annotate -> store -> stories -> render -> web; cli and workflow orchestrate everything.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "linimasa"
ORDER = ["ingest", "annotate", "store", "stories", "render", "web"]
BASE = {"model", "errors", "config", "lang", "__init__"}
ORCHESTRATORS = {"cli", "workflow", "run"}


def _stage(module: str) -> str:
    return module.split(".")[0]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel = path.relative_to(PACKAGE).with_suffix("")
    here = list(rel.parts[:-1])
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
                target = ".".join(base + ([node.module] if node.module else []))
                if not target and node.names:
                    target = node.names[0].name
            elif node.module and node.module.startswith("linimasa."):
                target = node.module[len("linimasa."):]
            else:
                continue
            if target:
                found.add(target)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("linimasa."):
                    found.add(alias.name[len("linimasa."):])
    return found


FILES = sorted(p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] in ORDER)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_flow_one_way(path):
    stage = path.relative_to(PACKAGE).parts[0]
    allowed = set(ORDER[: ORDER.index(stage) + 1]) | BASE
    for target in _imports(path):
        top = _stage(target)
        if top in ("", "__version__"):
            continue
        assert top not in ORCHESTRATORS, f"{path.name} imports the orchestrator {target}"
        assert top in allowed, f"{path.relative_to(PACKAGE)} ({stage}) imports {target}, a later stage"
