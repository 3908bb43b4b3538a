"""The CLI end to end on real files: analyze, idempotence, bad inputs, export schema, smaller commands."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from linimasa.cli import cli
from linimasa.store import SqliteStore

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "src" / "linimasa" / "schema" / "export.schema.json"


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def test_analyze_stores_exports_and_is_idempotent(corpus, tmp_path):
    db, out = tmp_path / "t.db", tmp_path / "t.json"
    first = run("analyze", str(corpus), "--db", str(db), "--json", str(out))
    assert "articles read" in first.output
    with SqliteStore(db, readonly=True) as store:
        stats = store.stats()
        assert stats["articles"] == 3 and stats["annotated"] == 3
    doc = json.loads(out.read_text(encoding="utf-8"))
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(doc, json.loads(SCHEMA.read_text(encoding="utf-8")))
    by_source = {Path(a["source"]).name.split("#")[0]: a for a in doc["articles"]}
    a = by_source["a.txt"]
    assert a["title"] == "Kementerian Bantah Bendungan Cibeureum Retak"
    assert a["dateline"] == "BANDUNG"
    assert a["published"].startswith("2025-03-03T10:15") and a["published"].endswith("+07:00")
    for quote in a["quotes"]:  # every annotation points into the body
        assert a["body"][quote["start"]:quote["end"]] == quote["text"]
    for timex in a["timexes"]:
        assert a["body"][timex["start"]:timex["end"]] == timex["text"]
    assert doc["stories"], "no story built"

    second = run("analyze", str(corpus), "--db", str(db), "--json", str(out))
    with SqliteStore(db, readonly=True) as store:
        assert store.stats()["articles"] == 3
        assert store.stats()["raw_documents"] == 3
    row = [line for line in second.output.splitlines() if "│" in line][-1]
    cells = [c.strip() for c in row.split("│") if c.strip()]
    assert cells[:3] == ["3", "0", "3"], second.output  # read 3, new 0, already stored 3


def test_bad_inputs_are_reported_and_good_ones_stored(corpus, tmp_path):
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (corpus / "empty.txt").write_bytes(b"")
    latin = "Harga Kopi Naik\n\nJAKARTA - Harga kopi arabika naik menjadi Rp 95.000 per kilogram, kata pedagang di pasar Senen.\n"
    (corpus / "latin1.txt").write_bytes(latin.replace("kata", "kata ¾ señor").encode("latin-1"))
    (corpus / "broken.html").write_text("<html><head><title>Terpotong</title></head><body><p>Hanya sepo", encoding="utf-8")
    db = tmp_path / "bad.db"
    result = run("analyze", str(corpus), "--db", str(db), "--json", str(tmp_path / "bad.json"))
    assert "binary.txt" in result.output and "empty.txt" in result.output
    with SqliteStore(db, readonly=True) as store:
        sources = {Path(f.source).name for f in store.failures()}
        assert {"binary.txt", "empty.txt"} <= sources
        texts = [a.text for a in store.articles()]
    assert any("señor" in t for t in texts), "the Latin-1 file was not decoded right"
    assert sum("Cibeureum" in t for t in texts) == 3
    failures = run("failures", "--db", str(db))
    assert "binary.txt" in failures.output


def test_stdin_and_show_search_stats(corpus, tmp_path):
    db = tmp_path / "s.db"
    text = (corpus / "b.txt").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", "-", "--db", str(db), "--no-stories"], input=text.encode())
    assert result.exit_code == 0, result.output
    with SqliteStore(db, readonly=True) as store:
        [art] = list(store.articles())
    shown = run("show", art.id[:8], "--db", str(db))
    assert "Warga Hilir Cibeureum Mulai Mengungsi" in shown.output
    found = run("search", "mengungsi", "--db", str(db))
    assert art.id[:12] in found.output
    stats = run("stats", "--db", str(db), "--json")
    assert json.loads(stats.output)["articles"] == 1
    missing = run("show", "zzzz", "--db", str(db), ok=False)
    assert missing.exit_code == 1 and "No article 'zzzz'" in missing.output


def test_missing_database_is_a_clear_error(tmp_path):
    result = run("stories", "--db", str(tmp_path / "none.db"), ok=False)
    assert result.exit_code == 1 and "No database" in result.output


def test_stories_timeline_and_html(corpus, tmp_path):
    db, html = tmp_path / "h.db", tmp_path / "r.html"
    run("analyze", str(corpus), "--db", str(db), "--html", str(html))
    listing = run("stories", "--db", str(db))
    with SqliteStore(db, readonly=True) as store:
        story = store.stories()[0]
    assert story.id[:8] in listing.output or story.title[:20] in listing.output
    run("timeline", story.id, "--db", str(db))
    page = html.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "Cibeureum" in page


def test_killed_run_leaves_a_consistent_store_and_rerun_completes(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(120):
        (folder / f"{i:03d}.txt").write_text(
            f"Berita Nomor {i}\n\nSURABAYA - Sebanyak {i + 3} warga Kelurahan Ketintang {i} mengungsi, "
            f"kata Lurah Ketintang Sugeng Riyadi pada Kamis (6/3/2025). \"Kami siapkan {i + 1} tenda,\" ujarnya.\n",
            encoding="utf-8")
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "linimasa.cli", "analyze", str(folder), "--db", str(db), "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                n = sqlite3.connect(db).execute("SELECT COUNT(*) FROM annotations").fetchone()[0]
            except sqlite3.Error:
                n = 0
            if n > 0:
                break
        time.sleep(0.05)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    run("analyze", str(folder), "--db", str(db), "-q")
    with SqliteStore(db, readonly=True) as store:
        stats = store.stats()
    assert stats["articles"] == 120 and stats["annotated"] == 120


def test_a_newer_pipeline_reannotates_without_touching_raw_input(corpus, tmp_path):
    from linimasa.annotate.pipeline import PipelineSpec
    from linimasa.workflow import analyze

    db = tmp_path / "v.db"
    run("analyze", str(corpus), "--db", str(db), "-q")
    with SqliteStore(db) as store:
        raw_before = {r[0]: bytes(r[1]) for r in store.conn.execute("SELECT id, data FROM raw_documents")}
        # a different component list is a different pipeline version, as a code or lexicon change would be
        summary = analyze([str(corpus)], store, spec=PipelineSpec(components=("timexes", "numbers")))
        assert (summary.new, summary.known, summary.annotated) == (0, 3, 3)
        raw_after = {r[0]: bytes(r[1]) for r in store.conn.execute("SELECT id, data FROM raw_documents")}
        assert raw_after == raw_before
        assert store.stats()["pipeline_versions"] == 2
        assert all(not a.quotes and a.timexes for a in store.articles())  # the newest annotations are read
        again = analyze([str(corpus)], store, spec=PipelineSpec(components=("timexes", "numbers")))
        assert again.annotated == 0
