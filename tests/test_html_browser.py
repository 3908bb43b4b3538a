"""Open the HTML report in headless Chromium (Debian's ``chromium``) and check what a reader would see.

Skipped when no chromium binary is installed. Chromium runs with no network, no sandbox (containers) and a
throw-away profile; ``--dump-dom`` prints the DOM after scripts ran, so an injected script that ran would show
(it would rename the page), and the report's own script marks ``<html data-ready="1">`` when the CSP let it run.
"""
from __future__ import annotations

import shutil
import subprocess
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from linimasa.model import (Article, CountPoint, CountSeries, StanceHistory, StancePoint, Story, TimelineEvent)
from linimasa.render.html import render_report

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-extensions", "--mute-audio"]
INJECTED = ('<script>document.title="PWNED"</script>"><img src=x onerror="document.title=\'PWNED\'">'
            '<svg onload="document.title=\'PWNED\'"></svg>')
TEXT = ("Tim SAR menemukan korban longsor di Desa Cikadu. " + INJECTED
        + ' "Pencarian kami hentikan," kata Kepala Basarnas Andi Pratama.')


def _report(tmp_path: Path) -> Path:
    start = TEXT.index("Pencarian")
    quote = TimelineEvent("2025-01-11", "quote", "Andi Pratama: Pencarian kami hentikan", "a1", start,
                          start + len("Pencarian kami hentikan"), actor="Andi Pratama")
    injected = TimelineEvent("2025-01-10", "event", INJECTED, "a1", TEXT.index("<script>"),
                             TEXT.index("<script>") + len(INJECTED), actor=INJECTED)
    history = StanceHistory("Basarnas", "org:basarnas", "korban masih tertimbun", "p1", (
        StancePoint("2025-01-10", "denies", "a1"), StancePoint("2025-01-12", "affirms", "a2")))
    series = CountSeries("korban", "orang", (
        CountPoint("2025-01-10", Decimal(3), "exact", "Basarnas", None, "a1"),
        CountPoint("2025-01-12", Decimal(7), "more_than", INJECTED, None, "a2")))
    story = Story(id="s-longsor", title="Longsor Desa Cikadu " + INJECTED, article_ids=("a1", "a2"),
                  timeline=(injected, quote), stance_history=(history,), count_series=(series,),
                  first_on="2025-01-10", last_on="2025-01-12")
    articles = {"a1": Article(id="a1", text=TEXT, title=INJECTED, outlet="Warta Kita", published=date(2025, 1, 11),
                              url='https://example.org/a1"><script>document.title="PWNED"</script>'),
                "a2": Article(id="a2", text="Basarnas mengakui tujuh korban masih tertimbun.", title="Tujuh korban",
                              outlet="Suara Lembah", published=date(2025, 1, 12))}
    path = tmp_path / "report.html"
    path.write_text(render_report([story], articles, title="Laporan uji"), encoding="utf-8")
    return path


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          text=True, timeout=90, check=False)


class _Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title" and not self.title

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag):
        self._in_title = False


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_report_renders_in_chromium_and_no_injected_script_runs(tmp_path):
    report = _report(tmp_path)
    done = _chromium(tmp_path, "--dump-dom", report.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = _Dom()
    dom.feed(done.stdout)
    html_attrs = next(attrs for tag, attrs in dom.tags if tag == "html")
    assert html_attrs.get("data-ready") == "1"  # our script ran (the CSP hash matches)
    assert dom.title == "Laporan uji"  # nothing renamed the page
    tags = [tag for tag, _ in dom.tags]
    assert "img" not in tags and tags.count("script") == 1
    assert not any(k.startswith("on") for _, attrs in dom.tags for k in attrs)
    assert "Longsor Desa Cikadu" in done.stdout
    assert len([1 for tag, attrs in dom.tags if tag == "tr" and "data-kind" in attrs]) == 2
    charts = [attrs.get("class") for tag, attrs in dom.tags if tag == "svg"]
    assert "chart stance-chart" in charts and "chart figure-chart" in charts
    assert sum(1 for tag, _ in dom.tags if tag == "circle") >= 3
    assert '<mark class="hl-quote">Pencarian kami hentikan</mark>' in done.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_report_screenshot_is_drawn(tmp_path):
    report = _report(tmp_path)
    shot = tmp_path / "shot.png"
    done = _chromium(tmp_path, "--window-size=1000,1400", f"--screenshot={shot}", report.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
