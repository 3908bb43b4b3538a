"""Contract tests: public API, lexicons, commands documented, components documented, export schema valid."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import linimasa
from linimasa.cli import cli
from linimasa.errors import LexiconError
from linimasa.lang import LANG_DIR, available, load_lexicon

REPO = Path(__file__).resolve().parents[1]


def test_all_names_exist():
    for name in linimasa.__all__:
        assert hasattr(linimasa, name), name


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_lexicon_loads_and_is_listed_in_sources(lang):
    names = available(lang)
    assert names, f"no lexicons for {lang}"
    sources = (LANG_DIR / lang / "SOURCES.md").read_text(encoding="utf-8")
    for name in names:
        lex = load_lexicon(lang, name)
        assert len(lex) > 0, name
        assert f"{name}.tsv" in sources, f"{lang}/{name}.tsv is not described in SOURCES.md"


def test_lexicon_errors_name_file_and_line(tmp_path, monkeypatch):
    import linimasa.lang as lang_mod

    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "bad.tsv").write_text("form\tkind\nkata\tinverted\nkata\tactive\n", encoding="utf-8")
    (tmp_path / "xx" / "short.tsv").write_text("form\tkind\nkata\n", encoding="utf-8")
    monkeypatch.setattr(lang_mod, "LANG_DIR", tmp_path)
    lang_mod.load_lexicon.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"bad.tsv:3: duplicate entry 'kata'"):
            lang_mod.load_lexicon("xx", "bad")
        with pytest.raises(LexiconError, match=r"short.tsv:2: 1 fields"):
            lang_mod.load_lexicon("xx", "short")
        with pytest.raises(LexiconError, match="Available for 'xx': bad, short"):
            lang_mod.load_lexicon("xx", "missing")
    finally:
        lang_mod.load_lexicon.cache_clear()


def _commands():
    return sorted(cli.commands)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_and_docs(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    docs = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert f"linimasa {command}" in docs, f"docs/cli.md does not document `linimasa {command}`"


def test_every_component_is_documented():
    from linimasa.annotate import default_registry

    registry = default_registry()
    for name in registry.names():
        page = REPO / "docs" / "components" / f"{name}.md"
        assert page.is_file(), f"component {name!r} has no docs/components/{name}.md"


def test_unknown_component_lists_the_available_ones():
    from linimasa.annotate import Pipeline, PipelineSpec
    from linimasa.errors import PipelineError

    with pytest.raises(PipelineError, match=r'Unknown component .quote.\. Available: .*quotes'):
        Pipeline(PipelineSpec(components=("quote",)))


def test_pipeline_checks_requirements_when_built():
    from linimasa.annotate import Pipeline, PipelineSpec
    from linimasa.errors import PipelineError

    with pytest.raises(PipelineError, match="requires"):
        Pipeline(PipelineSpec(components=("counts",)))


def test_settings_are_documented():
    from linimasa.config import SETTINGS

    docs = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for s in SETTINGS:
        assert f"LINIMASA_{s.name.upper()}" in docs


def test_cli_reference_is_up_to_date():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(REPO / "scripts" / "gen_cli_docs.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
