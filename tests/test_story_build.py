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


# ------------------------------------------------------------------ measures of counts

BNPB = Entity("org:bnpb", "BNPB", "ORG")


def counted(text: str, words: str, value: int, unit: str, claimant: str | None = None, claimant_id: str | None = None,
            qualifier: str = "exact", what: str | None = None, nth: int = 0) -> Count:
    """A count over the ``nth`` occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Count(start, start + len(words), words, Decimal(value), qualifier, unit, what or unit, claimant,
                 claimant_id)


FLOOD_A = ("BNPB mencatat 17 orang meninggal dan 4 orang masih hilang. Relawan telah mendata lebih dari 25 warga "
           "yang meninggal. Sekitar 6.500 warga masih mengungsi.")
FLOOD_B = ("Bupati memakai data korban yang sudah diidentifikasi. Menurut Yohanes, jumlahnya kini 14 orang. "
           "Regent Yohanes Ading said 14 victims had been identified.")


def flood() -> list[Article]:
    a = article("fa", date(2025, 3, 12), text=FLOOD_A, entities=(BNPB,), counts=[
        counted(FLOOD_A, "17 orang", 17, "orang", "BNPB", "org:bnpb"),
        counted(FLOOD_A, "4 orang", 4, "orang", "BNPB", "org:bnpb"),
        counted(FLOOD_A, "lebih dari 25 warga", 25, "warga", "Dewi Anggraini", "per:dewi", "more_than"),
        counted(FLOOD_A, "Sekitar 6.500 warga", 6500, "warga", qualifier="approx")])
    b = article("fb", date(2025, 3, 13), text=FLOOD_B, entities=(), counts=[
        counted(FLOOD_B, "14 orang", 14, "orang", "Yohanes Ading", "per:yohanes-ading"),
        counted(FLOOD_B, "14 victims", 14, "victims", "Regent Yohanes Ading", "per:regent-yohanes-ading")])
    return [a, b]


def series_of(story, measure: str):
    return [s for s in story.count_series if s.measure == measure]


def test_counts_of_one_noun_split_by_what_they_measure():
    story = build_story("s", flood())
    [deaths] = series_of(story, "deaths")
    assert sorted(int(p.value) for p in deaths.points) == [14, 14, 17, 25]  # "korban"/"victims" narrowed to deaths
    assert deaths.what == "orang (deaths)" and deaths.unit == "orang"
    assert [int(p.value) for p in series_of(story, "missing")[0].points] == [4]
    assert [int(p.value) for p in series_of(story, "displaced")[0].points] == [6500]


def test_figure_contradiction_on_one_measure_between_named_claimants():
    figures = [c for c in build_story("s", flood()).contradictions if c.kind == "figure"]
    pairs = {frozenset(c.actors) for c in figures}
    assert frozenset({"BNPB", "Dewi Anggraini"}) in pairs  # 17 against more than 25
    assert frozenset({"Dewi Anggraini", "Yohanes Ading"}) in pairs
    # deaths and the missing are never compared; "Regent Yohanes Ading" is Yohanes Ading
    assert not any("4" in c.values for c in figures)
    assert not any(set(c.actors) == {"Yohanes Ading", "Regent Yohanes Ading"} for c in figures)
    assert all(c.summary.startswith("orang (deaths):") for c in figures)


def test_outlet_voice_is_no_claimant():
    text = "Sebanyak 12 orang tewas. Menurut BNPB, 30 orang tewas."
    arts = [article("o", date(2025, 3, 12), text=text, entities=(BNPB,), counts=[
        counted(text, "12 orang", 12, "orang"), counted(text, "30 orang", 30, "orang", "BNPB", "org:bnpb")])]
    story = build_story("s", arts)
    assert len(series_of(story, "deaths")[0].points) == 2
    assert [c for c in story.contradictions if c.kind == "figure"] == []


def test_measure_does_not_fit_a_noun_of_another_family():
    text = "Banjir membuat 40 rumah hilang dan 3 orang hilang."
    arts = [article("h", date(2025, 3, 12), text=text, entities=(), counts=[
        counted(text, "40 rumah", 40, "rumah"), counted(text, "3 orang", 3, "orang")])]
    story = build_story("s", arts)
    assert [int(p.value) for p in series_of(story, "missing")[0].points] == [3]
    assert any(s.measure is None and s.unit == "rumah" for s in story.count_series)


def test_troop_series_keeps_a_readable_unit_and_what():
    troops = build_story("s", seeds_like()).count_series[0]
    assert troops.measure == "troops" and troops.unit in {"tentara", "pasukan", "troops"}
    assert troops.what.endswith("(troops)")


# ------------------------------------------------------------------ worded claims, quotes, retrospective stances

BPBN = Entity("org:bpbn", "Badan Pengelola Bendungan Nasional", "ORG", aliases=("BPBN",))
HENDRA = Entity("per:hendra", "Hendra Wijaya", "PERSON", role="juru bicara BPBN")
DAM_1 = 'BPBN membantah adanya retakan di Bendungan Cikaracak. Laras mengatakan retakan itu panjangnya 40 meter.'
DAM_2 = '"Kami tidak membenarkan maupun membantah," kata juru bicara BPBN, Hendra Wijaya.'
DAM_3 = ('BPBN akhirnya mengakui ada retakan di lereng hilir. Sebelumnya, BPBN membantah adanya retakan. '
         'Hendra mengakui penanganan awal terlambat.')


def claim_stance(text: str, sentence: str, cue: str, actor: str, actor_id: str | None, value: str, claim: str,
                 on: str | None = None) -> Stance:
    start = text.index(sentence)
    return Stance(start, start + len(sentence), actor, actor_id, claim, f"claim:{abs(hash(claim)) % 10**10:010d}",
                  value, on, cue)


def dam() -> list[Article]:
    laras = DAM_1.index("retakan itu")
    a1 = article("d1", date(2025, 2, 3), title="Warga Laporkan Retakan di Bendungan Cikaracak", text=DAM_1,
                 entities=(BPBN,), stances=[
                     claim_stance(DAM_1, "BPBN membantah adanya retakan di Bendungan Cikaracak.", "membantah",
                                  "Badan Pengelola Bendungan Nasional", "org:bpbn", "denies",
                                  "adanya retakan di Bendungan Cikaracak")],
                 quotes=[Quote(laras, len(DAM_1) - 1, DAM_1[laras:-1], "indirect", "Laras Wulandari")])
    a2 = article("d2", date(2025, 2, 12), title="BPBN Tak Membenarkan Maupun Membantah Retakan Bendungan Cikaracak",
                 text=DAM_2, entities=(BPBN, HENDRA), stances=[
                     claim_stance(DAM_2, DAM_2, "membenarkan", "Hendra Wijaya", "per:hendra", "neither",
                                  "maupun membantah", "2025-02-12")],
                 quotes=[Quote(1, DAM_2.index('"', 1), DAM_2[1:DAM_2.index('"', 1)], "direct", "Hendra Wijaya",
                               "per:hendra")])
    a3 = article("d3", date(2025, 2, 28), title="BPBN Akui Retakan Bendungan Cikaracak", text=DAM_3,
                 entities=(BPBN, HENDRA), stances=[
                     claim_stance(DAM_3, "BPBN akhirnya mengakui ada retakan di lereng hilir.", "mengakui",
                                  "Badan Pengelola Bendungan Nasional", "org:bpbn", "affirms",
                                  "ada retakan di lereng hilir"),
                     claim_stance(DAM_3, "Sebelumnya, BPBN membantah adanya retakan.", "membantah",
                                  "Badan Pengelola Bendungan Nasional", "org:bpbn", "denies", "adanya retakan"),
                     claim_stance(DAM_3, "Hendra mengakui penanganan awal terlambat.", "mengakui", "Hendra Wijaya",
                                  "per:hendra", "affirms", "penanganan awal terlambat")])
    return [a1, a2, a3]


def test_worded_claims_about_one_thing_make_one_history():
    story = build_story("s", dam())
    agency = [h for h in story.stance_history if h.actor_id == "org:bpbn"]
    main = max(agency, key=lambda h: len(h.series))
    assert [(p.stance, p.on) for p in main.series] == [
        ("denies", "2025-02-03"), ("denies", "2025-02-03"), ("neither", "2025-02-12"), ("affirms", "2025-02-28")]
    assert main.series[1].article_id == "d3" and main.series[1].before == "2025-02-28"  # "Sebelumnya, ..."
    assert "retakan" in main.proposition
    # the spokesman speaks for the agency; a different claim stays apart
    assert not any(h.actor_id == "per:hendra" for h in story.stance_history)
    assert any(h.proposition == "penanganan awal terlambat" for h in agency)


def test_quote_restating_a_disputed_claim_is_a_stance_and_contradicts_the_denial():
    story = build_story("s", dam())
    laras = next(h for h in story.stance_history if h.actor == "Laras Wulandari")
    assert [p.stance for p in laras.series] == ["affirms"]
    [contra] = [c for c in story.contradictions if c.kind == "stance"]
    assert contra.actors[0] == "Badan Pengelola Bendungan Nasional" and "Laras Wulandari" in contra.actors


def test_retrospective_stance_without_an_earlier_match_sorts_before_its_article():
    text = "Sebelumnya, Korut membantah laporan itu. Korut akhirnya mengakui laporan itu."
    first, second = text.split(". ")
    arts = [article("r", date(2025, 4, 28), text=text, stances=[
        Stance(0, len(first) + 1, "Korea Utara", "gpe:KP", SEND_TEXT, SEND, "denies", None, "membantah"),
        Stance(len(first) + 2, len(text), "Korea Utara", "gpe:KP", SEND_TEXT, SEND, "affirms", None, "mengakui")])]
    story = build_story("s", arts)
    h = history_of(story, "gpe:KP")
    assert [(p.stance, p.on, p.before) for p in h.series] == [
        ("denies", None, "2025-04-28"), ("affirms", "2025-04-28", None)]
    stances = [e for e in story.timeline if e.kind == "stance"]
    assert [e.on for e in stances] == [None, "2025-04-28"] and stances[0].before == "2025-04-28"


# ------------------------------------------------------------------ timeline: one event for the same words

def test_quote_carrying_a_stance_is_one_event():
    text = '"Kami tidak pernah mengirim pasukan ke Rusia," kata Kim Song.'
    words = text[1:text.index(",")]
    kim = Entity("per:kim-song", "Kim Song", "PERSON")
    arts = [article("q", date(2024, 11, 1), text=text, entities=(KP, kim), stances=[
        Stance(1, 1 + len(words), "Kim Song", "per:kim-song", SEND_TEXT, SEND, "denies", None, "quote")],
        quotes=[Quote(1, 1 + len(words), words, "direct", "Kim Song", "per:kim-song"),
                Quote(1, 20, words[:19], "indirect", "Kim Song", "per:kim-song")])]
    timeline = build_story("s", arts).timeline
    assert [e.kind for e in timeline] == ["stance"]
    assert "Kami tidak pernah mengirim pasukan" in timeline[0].summary


def test_overlapping_quotes_of_one_speaker_keep_the_richer():
    text = "Hendra menyatakan tidak membenarkan maupun membantah laporan warga."
    long_start = text.index("tidak")
    short_start = text.index("maupun")
    arts = [article("o", date(2025, 2, 28), text=text, entities=(), quotes=[
        Quote(long_start, len(text) - 1, text[long_start:-1], "indirect", "Hendra"),
        Quote(short_start, len(text) - 1, text[short_start:-1], "indirect", "Hendra")])]
    quotes = [e for e in build_story("s", arts).timeline if e.kind == "quote"]
    assert len(quotes) == 1 and quotes[0].start == long_start


# ------------------------------------------------------------------ end to end over the example corpus

def test_examples_through_the_cli(tmp_path):
    import json
    from pathlib import Path

    from click.testing import CliRunner

    from linimasa.cli import cli

    examples = Path(__file__).resolve().parents[1] / "examples"
    out = tmp_path / "out.json"
    result = CliRunner().invoke(cli, ["analyze", str(examples), "--db", str(tmp_path / "d.db"), "--json", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    stories = json.loads(out.read_text(encoding="utf-8"))["stories"]
    flood_story = next(s for s in stories if "Banjir" in s["title"] or "Sungai Rawa" in s["title"])
    deaths = [c for c in flood_story["contradictions"] if c["kind"] == "figure" and "(deaths)" in c["summary"]]
    assert deaths, flood_story["contradictions"]
    dam_story = next(s for s in stories if "Cikaracak" in s["title"])
    agency = [h for h in dam_story["stance_history"] if "Bendungan" in h["actor"] or "BPBN" in h["actor"]]
    main = max(agency, key=lambda h: len(h["series"]))
    runs = [p["stance"] for p in main["series"]]
    runs = [s for i, s in enumerate(runs) if i == 0 or runs[i - 1] != s]
    assert runs == ["denies", "neither", "affirms"], main["series"]


# ------------------------------------------------------------------ one actor per state (a state the gazetteer lacks)

MARV = "send_troops(loc:marvonia,_)"
MARV_TEXT = "Marvonia mengirim pasukan"


def marv_stance(actor: str, actor_id: str | None, value: str, on: str | None = None, pid: str = MARV) -> Stance:
    return Stance(0, 10, actor, actor_id, MARV_TEXT, pid, value, on, "cue")


def marvonia() -> list[Article]:
    """A state unknown to the gazetteer, voiced by its ministry, its government (an adverb kept in the name), its
    capital and its president (the entity finder glued the state to his name), with ids differing per article."""
    state = Entity("loc:marvonia", "Marvonia", "LOC")
    ministry = Entity("org:kementerian-luar-negeri-marvonia", "Kementerian Luar Negeri Marvonia", "ORG")
    spokes = Entity("per:ilse-varga", "Ilse Varga", "PERSON", role="Juru bicara Kementerian Luar Negeri Marvonia")
    capital = Entity("loc:tarsk", "Tarsk", "LOC")
    president = Entity("per:marvonia-oskar-lind", "Marvonia Oskar Lind", "PERSON", role="Presiden",
                       aliases=("Lind",))
    return [
        article("m1", date(2025, 2, 20), text="Ibu kota Marvonia, Tarsk, membantah laporan itu.",
                stances=[marv_stance("Ilse Varga", "per:ilse-varga", "denies", "2025-02-19"),
                         marv_stance("Pemerintah Marvonia segera", None, "denies")],
                entities=(state, ministry, spokes, capital)),
        article("m2", date(2025, 3, 14), stances=[marv_stance("Tarsk", "loc:tarsk", "denies")],
                entities=(capital,)),
        article("m3", date(2025, 7, 15),
                stances=[marv_stance("Marvonia", None, "affirms",
                                     pid="send_troops(per:marvonia-oskar-lind,_)")],
                quotes=[Quote(20, 40, "pengiriman itu bagian dari perjanjian", "indirect", "Marvonia Oskar Lind",
                              "per:marvonia-oskar-lind", said_on="2025-07-14")],
                entities=(president,)),
    ]


def test_organs_officials_and_capital_of_a_state_act_for_it():
    story = build_story("s", marvonia())
    [history] = [h for h in story.stance_history if h.actor == "Marvonia"]
    assert [p.stance for p in history.series] == ["denies", "denies", "denies", "affirms"]
    assert len({h.proposition_id for h in story.stance_history}) == 1


def test_undated_stance_takes_the_day_of_its_actors_dated_statement():
    story = build_story("s", marvonia())
    [history] = [h for h in story.stance_history if h.actor == "Marvonia"]
    assert (history.series[-1].on, history.series[-1].stance) == ("2025-07-14", "affirms")


def test_agency_of_a_state_counts_for_it_but_an_international_body_does_not():
    agency = Entity("org:badan-intelijen-marvonia", "Badan Intelijen Marvonia", "ORG")
    un = Entity("org:un", "Perserikatan Bangsa-Bangsa", "ORG")
    envoy = Entity("per:ana-holt", "Ana Holt", "PERSON", role="Duta Besar Marvonia untuk PBB")
    arts = [article("a", date(2025, 5, 1), stances=[marv_stance("Badan Intelijen Marvonia", agency.id, "affirms"),
                                                  marv_stance("Perserikatan Bangsa-Bangsa", "org:un", "affirms"),
                                                  marv_stance("Ana Holt", "per:ana-holt", "neither")],
                    entities=(Entity("loc:marvonia", "Marvonia", "LOC"), agency, un, envoy))]
    actors = {h.actor for h in build_story("s", arts).stance_history}
    assert actors == {"Marvonia", "Perserikatan Bangsa-Bangsa"}


def test_military_advisers_and_personnel_make_one_series():
    state = Entity("loc:marvonia", "Marvonia", "LOC")
    arts = [
        article("a", date(2025, 2, 20), counts=[count(200, "approx", "penasihat", "penasihat militer", "X", None)],
                entities=(state,)),
        article("b", date(2025, 3, 14),
                counts=[count(500, "more_than", "penasihat", "penasihat militer Marvonia", "Y", None)],
                entities=(state,)),
        article("c", date(2025, 4, 9),
                counts=[count(350, "at_least", "personel", "personel militer Marvonia", "Z", None)],
                entities=(Entity("gpe:marvonia", "Marvonia", "GPE"),)),
        article("d", date(2025, 7, 15), counts=[count(250, "approx", "penasihat", "penasihat", "W", None)],
                entities=(state,)),
    ]
    series = build_story("s", arts).count_series
    assert [int(p.value) for p in series[0].points] == [200, 500, 350, 250]


def test_bare_noun_of_an_unknown_kind_stays_apart_without_its_qualified_form():
    arts = [article("a", date(2025, 2, 20), counts=[count(3, "exact", "penasihat", "penasihat hukum", "X", None),
                                                   count(40, "exact", "tentara", "tentara", "Y", None)])]
    assert len(build_story("s", arts).count_series) == 2


# ------------------------------------------------------------------ organisations as one actor

LEAK_TEXT = "Sinar Kencana membocorkan data pelanggan"


def leak(actor: str, actor_id: str | None, value: str, agent: str, on: str | None = None) -> Stance:
    return Stance(0, 10, actor, actor_id, LEAK_TEXT, f"leak({agent},_)", value, on, "cue")


def company_story() -> list[Article]:
    """A company that speaks as itself, as a short form typed as a person, as a short form glued to its director's
    name, and through a spokeswoman whose role names it; it denies, then neither, then admits."""
    org = Entity("org:pt-sinar-kencana-abadi-tbk", "PT Sinar Kencana Abadi Tbk", "ORG")
    short = Entity("per:sinar-kencana", "Sinar Kencana", "PERSON")
    glued = Entity("per:sinar-kencana-budi-hartono", "Sinar Kencana Budi Hartono", "PERSON", role="Direktur Utama")
    spokes = Entity("per:dewi-lestari", "Dewi Lestari", "PERSON", role="juru bicara Sinar Kencana")
    other = Entity("org:lembaga-sandi", "Lembaga Sandi", "ORG")
    return [
        article("k1", date(2025, 3, 2), title="Sinar Kencana bantah data bocor", entities=(org, short, spokes, other),
                stances=[leak("Dewi Lestari", spokes.id, "denies", short.id, "2025-03-01"),
                         leak("Lembaga Sandi", other.id, "affirms", short.id, "2025-03-01")]),
        article("k2", date(2025, 4, 2), title="Sinar Kencana belum pastikan kebocoran", entities=(short, other),
                stances=[leak("Sinar Kencana", short.id, "neither", short.id)]),
        article("k3", date(2025, 5, 2), title="Sinar Kencana akui data bocor", entities=(org, glued),
                stances=[leak("PT Sinar Kencana Abadi Tbk", org.id, "affirms", org.id)],
                quotes=[Quote(20, 40, "Kami mengakui insiden itu", "direct", glued.name, glued.id,
                              said_on="2025-05-01")]),
    ]


def test_a_company_and_everyone_who_speaks_for_it_are_one_actor():
    story = build_story("k", company_story())
    pid = "leak(org:pt-sinar-kencana-abadi-tbk,_)"
    history = history_of(story, "org:pt-sinar-kencana-abadi-tbk", pid)
    assert [(p.on, p.stance) for p in history.series] == [
        ("2025-03-01", "denies"), ("2025-04-02", "neither"), ("2025-05-01", "affirms")]
    # another organisation stays its own actor, on the same (unified) proposition
    assert [p.stance for p in history_of(story, "org:lembaga-sandi", pid).series] == ["affirms"]


def test_org_key_drops_legal_forms():
    from linimasa.stories.orgs import org_key

    assert org_key("PT Sinar Kencana Abadi Tbk") == org_key("Sinar Kencana Abadi") == "sinar kencana abadi"
    assert org_key("Acme Holdings, Inc.") == "acme holdings"


def test_a_person_is_not_taken_for_a_company_without_a_role_or_its_name():
    from linimasa.stories.orgs import StoryOrgs

    articles = company_story()
    stranger = Entity("per:andi-wijaya", "Andi Wijaya", "PERSON", role="warga Bekasi")
    orgs = StoryOrgs([*articles, article("k4", date(2025, 5, 3), entities=(stranger,))])
    assert orgs.acts_for(articles[0], "per:dewi-lestari", "Dewi Lestari")[0] == "org:pt-sinar-kencana-abadi-tbk"
    assert orgs.acts_for(articles[0], None, "perusahaan") is None
    k4 = article("k4", date(2025, 5, 3), entities=(stranger,))
    assert orgs.acts_for(k4, "per:andi-wijaya", "Andi Wijaya") is None
