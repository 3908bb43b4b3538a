"""build_story on small annotated articles built by hand (no annotators run)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from linimasa.model import Article, Count, Entity, Mention, Quote, Stance
from linimasa.stories.build import build_story
from linimasa.stories.history import unify_propositions

KP = Entity("gpe:KP", "Korea Utara", "GPE", aliases=("Korut", "North Korea", "North Korean"))
SEND = "send_troops(gpe:KP,gpe:RU)"
SEND_TEXT = "Korea Utara mengirim pasukan ke Rusia"


def stance(actor: str, actor_id: str | None, value: str, on: str | None = None, pid: str = SEND) -> Stance:
    return Stance(0, 10, actor, actor_id, SEND_TEXT, pid, value, on, "cue")


def count(value: int, qualifier: str, unit: str, what: str, claimant: str | None, claimant_id: str | None,
          as_of: str | None = None) -> Count:
    return Count(0, 5, str(value), Decimal(value), qualifier, unit, what, claimant, claimant_id, as_of)


def article(ident: str, published: date, *, title: str | None = None, stances=(), counts=(), quotes=(),
            text: str = "Teks berita tentang pasukan Korea Utara di Rusia.", entities=(KP,)) -> Article:
    return Article(id=ident, text=text, title=title, published=published, stances=tuple(stances),
                   counts=tuple(counts), quotes=tuple(quotes), entities=tuple(entities))


def seeds_like() -> list[Article]:
    """Four articles, given out of order: denial, neither, admission; figures from four claimants."""
    return [
        article("c", date(2025, 4, 28), title="Korut akhirnya akui kirim tentara ke Rusia",
                stances=[stance("Korea Utara", "gpe:KP", "affirms", "2025-04-28")]),
        article("a", date(2024, 10, 22), title="Korut bantah kirim pasukan ke Rusia",
                stances=[stance("Korea Utara", "gpe:KP", "denies"),  # no date: the publication day counts
                         stance("Korea Selatan", "gpe:KR", "affirms", "2024-10-18")],
                counts=[count(1500, "approx", "tentara", "tentara khusus dari Korut", "Korea Selatan", "gpe:KR",
                              "2024-10-18")]),
        article("b", date(2024, 11, 29), title="Korut tak menyangkal kirim pasukan ke Rusia",
                stances=[stance("Kim Song", "per:kim-song", "neither", "2024-11-27"),
                         stance("Amerika Serikat", "gpe:US", "affirms", "2024-11-27", pid="send_troops(gpe:KP,_)")],
                counts=[count(10000, "more_than", "tentara", "tentara Korut", "Amerika Serikat", "gpe:US", "2024-11-27"),
                        count(3, "exact", "korban", "korban", None, None)],
                entities=(KP, Entity("per:kim-song", "Kim Song", "PERSON", role="Dubes Korut untuk PBB",
                                     mentions=(Mention(0, 5, "Korut", "gpe:KP"),)))),
        article("d", date(2024, 10, 25), title="Ukraina: 12.000 tentara Korut di Rusia",
                counts=[count(12000, "approx", "pasukan", "pasukan Korea Utara", "Ukraina", "gpe:UA", "2024-10-24"),
                        count(8000, "exact", "troops", "North Korean troops", "Amerika Serikat", "gpe:US",
                              "2024-10-31")]),
    ]


def history_of(story, actor_id: str, pid: str = SEND):
    return next(h for h in story.stance_history if h.actor_id == actor_id and h.proposition_id == pid)


def test_stance_history_runs_in_event_order():
    story = build_story("s", seeds_like())
    h = history_of(story, "gpe:KP")
    assert [(p.stance, p.on) for p in h.series] == [
        ("denies", "2024-10-22"), ("neither", "2024-11-27"), ("affirms", "2025-04-28")]
    assert [p.article_id for p in h.series] == ["a", "b", "c"]


def test_spokesperson_counts_for_the_state_they_speak_for():
    story = build_story("s", seeds_like())
    assert not any(h.actor_id == "per:kim-song" for h in story.stance_history)
    assert history_of(story, "gpe:KP").series[1].actor == "Kim Song"


def test_partial_proposition_joins_the_complete_one():
    story = build_story("s", seeds_like())
    assert [p.stance for p in history_of(story, "gpe:US").series] == ["affirms"]
    assert unify_propositions([SEND, "send_troops(gpe:KP,_)", "attack(_,_)"]) == {"send_troops(gpe:KP,_)": SEND}


def test_count_series_groups_synonyms_across_languages():
    story = build_story("s", seeds_like())
    troops = story.count_series[0]
    assert sorted(int(p.value) for p in troops.points) == [1500, 8000, 10000, 12000]
    assert [p.on for p in troops.points] == sorted(p.on for p in troops.points)
    assert {p.claimant for p in troops.points} == {"Korea Selatan", "Ukraina", "Amerika Serikat"}
    victims = [s for s in story.count_series if s.unit == "korban"]
    assert len(victims) == 1 and len(victims[0].points) == 1


def test_stance_contradiction_names_both_sides_with_provenance():
    story = build_story("s", seeds_like())
    stance_kind = [c for c in story.contradictions if c.kind == "stance"]
    assert stance_kind and stance_kind[0].proposition_id == SEND
    assert stance_kind[0].actors[0] == "Korea Utara" and "Korea Selatan" in stance_kind[0].actors
    assert {"a"} <= set(stance_kind[0].article_ids)


def test_figure_contradiction_respects_hedges():
    story = build_story("s", seeds_like())
    figures = [c for c in story.contradictions if c.kind == "figure"]
    pairs = {frozenset(c.actors) for c in figures}
    assert frozenset({"Korea Selatan", "Ukraina"}) in pairs  # about 1,500 vs about 12,000, six days apart
    # "more than 10,000" (US) does not contradict "about 12,000" (Ukraine)
    assert not any(set(c.values) == {"more than 10,000", "about 12,000"} for c in figures)
    assert all(c.article_ids for c in figures)


def test_one_claimant_revising_its_figure_is_no_contradiction():
    arts = [article("x", date(2024, 10, 23), counts=[count(3000, "exact", "tentara", "tentara Korut", "AS", "gpe:US")]),
            article("y", date(2024, 11, 1), counts=[count(8000, "exact", "tentara", "tentara Korut", "AS", "gpe:US")])]
    assert [c for c in build_story("s", arts).contradictions if c.kind == "figure"] == []


def test_timeline_orders_by_when_things_happened():
    text = "Isi berita yang panjang."
    late = article("late", date(2024, 12, 1), text=text, quotes=[
        Quote(0, 4, "Isi", "direct", "Budi", said_on="2024-10-01")])
    early = article("early", date(2024, 11, 1), text=text, quotes=[
        Quote(0, 4, "Isi", "direct", "Sari", said_on="2024-10-30")])
    story = build_story("s", [early, late])
    quotes = [e for e in story.timeline if e.kind == "quote"]
    assert [e.article_id for e in quotes] == ["late", "early"]
    assert [e.on for e in story.timeline] == sorted(e.on for e in story.timeline)
    assert story.first_on == "2024-10-01"


def test_timeline_marks_stance_changes_only():
    story = build_story("s", seeds_like())
    north_korea = [e for e in story.timeline if e.kind == "stance" and e.actor_id == "gpe:KP"]
    assert len(north_korea) == 3 and "denies" in north_korea[0].summary and "affirms" in north_korea[-1].summary


def test_syndicated_copy_is_not_an_independent_source():
    arts = seeds_like()
    copy = article("a-copy", date(2024, 10, 22), title="Korut bantah kirim pasukan ke Rusia",
                   stances=[stance("Korea Utara", "gpe:KP", "denies")])
    story = build_story("s", [*arts, copy], {"a-copy": "a"})
    assert "a-copy" in story.article_ids and ("a-copy", "a") in story.duplicate_of
    assert "a-copy" not in {p.article_id for p in history_of(story, "gpe:KP").series}
    assert all(e.article_id != "a-copy" for e in story.timeline)


def test_copy_whose_original_is_elsewhere_still_counts():
    copy = article("a-copy", date(2024, 10, 22), stances=[stance("Korea Utara", "gpe:KP", "denies")])
    story = build_story("s", [copy], {"a-copy": "elsewhere"})
    assert [p.article_id for p in history_of(story, "gpe:KP").series] == ["a-copy"]


def test_title_comes_from_the_most_central_article():
    story = build_story("s", seeds_like())
    assert story.title in {a.title for a in seeds_like()}
    assert "Korut" in story.title


def test_title_without_titles_uses_the_main_claim():
    arts = [article("a", date(2024, 10, 22), stances=[stance("Korea Utara", "gpe:KP", "denies")])]
    assert build_story("s", arts).title == SEND_TEXT


def test_story_exports_to_the_scorer_shape():
    doc = build_story("s", seeds_like()).to_dict()
    h = doc["stance_history"][0]
    assert {"actor", "actor_id", "proposition", "series"} <= set(h)
    assert {"on", "stance", "article_id"} <= set(h["series"][0])
    assert {"what", "unit", "points"} <= set(doc["count_series"][0])
    assert {"on", "value", "qualifier", "claimant", "article_id"} <= set(doc["count_series"][0]["points"][0])
    assert {"kind", "summary"} <= set(doc["contradictions"][0])
