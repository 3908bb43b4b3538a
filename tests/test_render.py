"""Terminal and HTML outputs of a story, on a small story written for these tests (and a hostile article)."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from io import StringIO

import pytest
from rich.console import Console

from linimasa.model import (Article, Contradiction, CountPoint, CountSeries, StanceHistory, StancePoint, Story,
                            TimelineEvent)
from linimasa.render.charts import figure_chart, stance_chart
from linimasa.render.html import highlight, render_report, script_hash
from linimasa.render.labels import day_of, figure
from linimasa.render.terminal import print_story_list, print_timeline

HOSTILE = '<script>document.title="PWNED"</script> "><img src=x onerror="document.title=\'PWNED\'"> [bold red]boo[/]'

TEXT_1 = ('Kementerian membantah Bendungan Cibeureum retak. "Bendungan aman," kata Budi Santoso, Senin (3/3/2025). '
          'Menurut warga, sekitar 1.200 orang tinggal di hilir. ' + HOSTILE)
TEXT_2 = 'Budi Santoso mengakui ada retakan. Lebih dari 2.000 warga mengungsi, kata BPBD.'


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def story_and_articles() -> tuple[Story, dict[str, Article]]:
    a1 = Article(id="art-1", text=TEXT_1, title="Kementerian Bantah <b>Retak</b>", outlet="Warta Kita",
                 url="javascript:alert(1)", published=date(2025, 3, 3))
    a2 = Article(id="art-2", text=TEXT_2, title=HOSTILE, outlet='Harian "Nusantara"', url="https://example.org/2",
                 published=date(2025, 3, 6))
    q1, c1, s1 = _span(TEXT_1, "Bendungan aman"), _span(TEXT_1, "sekitar 1.200 orang"), _span(TEXT_1, HOSTILE)
    s2, c2 = _span(TEXT_2, "Budi Santoso mengakui ada retakan."), _span(TEXT_2, "Lebih dari 2.000 warga")
    timeline = (
        TimelineEvent("2025-03-03", "quote", "Budi Santoso: Bendungan aman", "art-1", *q1, actor="Budi Santoso"),
        TimelineEvent("2025-03-03", "count", "warga: about 1,200 orang", "art-1", *c1, actor="warga"),
        TimelineEvent("2025-03-03", "stance", "Kementerian denies: " + HOSTILE, "art-1", *s1, actor=HOSTILE),
        TimelineEvent("2025-03-06", "stance", "Budi Santoso affirms: bendungan retak", "art-2", *s2,
                      actor="Budi Santoso"),
        TimelineEvent("2025-03-06", "count", "BPBD: more than 2,000 warga", "art-2", *c2, actor="BPBD"),
    )
    history = StanceHistory("Kementerian PU", "org:pu", "Bendungan Cibeureum retak", "crack(dam)", (
        StancePoint("2025-03-03", "denies", "art-1", evidence=HOSTILE),
        StancePoint("2025-03-06", "affirms", "art-2", evidence="Budi Santoso mengakui ada retakan.")))
    series = CountSeries("warga mengungsi", "warga", (
        CountPoint("2025-03-03", Decimal(1200), "approx", "warga", None, "art-1", "sekitar 1.200 orang"),
        CountPoint("2025-03-06", Decimal(2000), "more_than", HOSTILE, None, "art-2", "Lebih dari 2.000 warga")))
    contradiction = Contradiction("stance", "Kementerian denies; affirmed by " + HOSTILE, ("art-1", "art-2"))
    story = Story(id="s-test", title="Bendungan <i>Cibeureum</i> " + HOSTILE, article_ids=("art-1", "art-2"),
                  timeline=timeline, stance_history=(history,), count_series=(series,),
                  contradictions=(contradiction,), first_on="2025-03-03", last_on="2025-03-06")
    return story, {"art-1": a1, "art-2": a2}


# ------------------------------------------------------------------ terminal

def _console() -> Console:
    return Console(file=StringIO(), width=160, color_system=None)


def test_story_list_shows_titles_verbatim():
    story, articles = story_and_articles()
    console = _console()
    print_story_list(console, [story], articles)
    out = console.file.getvalue()
    assert "s-test" in out and "[bold red]boo[/]" in out and "Warta Kita" in out


def test_timeline_prints_every_part_and_escapes_markup():
    story, articles = story_and_articles()
    console = _console()
    print_timeline(console, story, articles)
    out = console.file.getvalue()
    for expected in ("timeline", "stance history", "figures: warga mengungsi", "contradictions", "about 1,200",
                     "more than 2,000", "denies", "affirms", "Warta Kita, 2025-03-03", "[bold red]boo[/]"):
        assert expected in out, expected


def test_timeline_of_a_story_with_nothing_but_articles():
    console = _console()
    print_timeline(console, Story(id="s-0", title="", article_ids=("gone",)), {})
    assert "(untitled)" in console.file.getvalue()


@pytest.mark.parametrize("value,qualifier,text", [
    (Decimal("12000"), "approx", "about 12,000"), (Decimal("10000"), "more_than", "more than 10,000"),
    (Decimal("3000"), "at_least", "at least 3,000"), (Decimal("1000"), "vague", "thousands (vague)"),
    (Decimal("1500"), "exact", "1,500"), (Decimal("2.5"), None, "2.5"),
])
def test_figure_words(value, qualifier, text):
    assert figure(value, qualifier) == text


@pytest.mark.parametrize("value,day", [("2024-10-22", date(2024, 10, 22)), ("2024-10", date(2024, 10, 1)),
                                       ("2024", date(2024, 1, 1)), ("2024-SU", None), ("PAST_REF", None),
                                       (None, None), ("2024-13-40", None)])
def test_day_of(value, day):
    assert day_of(value) == day


# ------------------------------------------------------------------ HTML

class _Collect(HTMLParser):
    """Every start tag and attribute of a page, to check what a browser would build."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_report_escapes_hostile_text_everywhere():
    story, articles = story_and_articles()
    page = render_report([story], articles)
    parser = _Collect()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert tags.count("script") == 1  # ours
    assert "img" not in tags and "b" not in tags and "i" not in tags
    assert not any(k.startswith("on") for _, attrs in parser.tags for k in attrs)
    assert not any((attrs.get("href") or "").startswith("javascript") for _, attrs in parser.tags)
    assert "&lt;script&gt;document.title" in page
    assert f"script-src '{script_hash()}'" in page


def test_report_has_charts_timeline_and_highlighted_spans():
    story, articles = story_and_articles()
    page = render_report([story], articles, title="Laporan <uji>")
    assert "<title>Laporan &lt;uji&gt;</title>" in page
    assert page.count('class="chart stance-chart"') == 1 and page.count('class="chart figure-chart"') == 1
    assert page.count('<tr data-kind=') == 5
    assert '<mark class="hl-quote">Bendungan aman</mark>' in page
    # every event's link points at an anchor that exists, in front of its highlighted words
    ids = set(re.findall(r' id="([^"]+)"', page))
    links = re.findall(r'href="#([^"]+)"', page)
    assert links and all(link in ids for link in links)
    assert 'href="https://example.org/2"' in page and "javascript:alert" not in page


def test_stance_chart_lanes_and_links():
    story, _ = story_and_articles()
    svg = stance_chart(story.stance_history, lambda article, hint: f"#{article}")
    assert svg.count("<circle") == 2 and 'href="#art-1"' in svg and ">denies</text>" in svg
    assert stance_chart([StanceHistory("X", None, "p", "p", (StancePoint(None, "denies", "a"),))],
                        lambda a, h: "#") == ""


def test_figure_chart_uses_log_scale_for_wide_ranges():
    series = CountSeries("korban", "orang", (CountPoint("2025-01-01", Decimal(3), "exact", "A", None, "a"),
                                             CountPoint("2025-01-05", Decimal(5000), "approx", "B", None, "b")))
    svg = figure_chart(series, lambda article, hint: f"#{article}")
    assert "log scale" in svg and svg.count("<a href") == 2


@pytest.mark.parametrize("spans,expected", [
    ([], "a &lt;b&gt; c"),
    ([(2, 5, "quote", "m1"), (0, 7, "stance", "m2")],
     '<span class="anchor" id="m2"></span><mark class="hl-stance">a </mark><span class="anchor" id="m1"></span>'
     '<mark class="hl-quote">&lt;b&gt;</mark><mark class="hl-stance"> c</mark>'),
    ([(5, 99, "count", "m3"), (3, 2, "count", "bad")],  # past the end: clipped; backwards: dropped
     'a &lt;b&gt;<span class="anchor" id="m3"></span><mark class="hl-count"> c</mark>'),
])
def test_highlight_nests_overlapping_spans(spans, expected):
    assert highlight("a <b> c", spans) == expected
