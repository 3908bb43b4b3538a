"""Story clustering and near-duplicate detection, on short articles written for these tests."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from linimasa.errors import StoreError
from linimasa.model import Article, Entity, Mention
from linimasa.stories.cluster import ClusterSettings, ClusterState, assign_stories, story_id
from linimasa.stories.dedup import find_duplicates, shingles
from linimasa.stories.embed import entity_keys, terms

SHARED = Path(__file__).resolve().parents[2] / "shared"

# Three small stories of our own: a dam, a flood in another province, a football match (plus one English report).
DAM = [
    ("dam-1", "2025-03-03", "Warga Laporkan Retakan di Bendungan Cibeureum",
     "Warga Desa Sukamaju melaporkan retakan sepanjang tiga meter pada tubuh Bendungan Cibeureum. "
     "Kepala Desa Sukamaju Asep Gunawan mengatakan retakan itu terlihat sejak Sabtu pagi dan warga khawatir."),
    ("dam-2", "2025-03-04", "Pengelola Bantah Bendungan Cibeureum Retak",
     "Balai Besar Wilayah Sungai membantah kabar retakan pada Bendungan Cibeureum. Kepala balai Budi Santoso "
     "mengatakan bendungan aman dan warga Desa Sukamaju tidak perlu mengungsi."),
    ("dam-3", "2025-03-06", "Retakan Bendungan Cibeureum Diakui, Warga Sukamaju Mengungsi",
     "Balai Besar Wilayah Sungai akhirnya mengakui ada retakan pada Bendungan Cibeureum. Budi Santoso "
     "mengatakan sekitar 1.200 warga Desa Sukamaju dievakuasi ke posko pengungsian."),
]
FLOOD = [
    ("flood-1", "2025-03-10", "Banjir Bandang Landa Kabupaten Sungai Rawa, 12 Orang Tewas",
     "Banjir bandang menerjang enam kecamatan di Kabupaten Sungai Rawa, Kalimantan Barat, Senin malam. "
     "BPBD mencatat sedikitnya 12 orang tewas dan ratusan rumah terendam lumpur."),
    ("flood-2", "2025-03-11", "Korban Tewas Banjir Sungai Rawa Bertambah Jadi 17 Orang",
     "Jumlah korban tewas banjir bandang di Kabupaten Sungai Rawa bertambah menjadi 17 orang. Tim SAR masih "
     "mencari warga yang hilang terseret arus di enam kecamatan, kata Kepala BPBD Kalimantan Barat."),
]
MATCH = [
    ("match-1", "2025-03-10", "Persib Kalahkan Persija 2-1 di Stadion Gelora Bandung Lautan Api",
     "Persib Bandung menang 2-1 atas Persija Jakarta dalam lanjutan Liga 1. Gol kemenangan Persib dicetak "
     "David da Silva pada menit ke-88 setelah umpan silang dari sayap kanan."),
    ("match-2", "2025-03-10", "Pelatih Persija Kecewa Timnya Kalah dari Persib",
     "Pelatih Persija Jakarta mengaku kecewa setelah timnya kalah 1-2 dari Persib Bandung. Ia menilai gol "
     "David da Silva di menit akhir lahir dari kesalahan lini belakang Persija."),
]
DAM_ENGLISH = ("dam-en", "2025-03-07", "Agency admits crack in Cibeureum dam as Sukamaju villagers evacuate",
               "The river basin agency on Thursday admitted a crack in the Cibeureum dam after denying it "
               "earlier this week. Budi Santoso said about 1,200 residents of Sukamaju village were evacuated.")


def make(row: tuple[str, str, str, str], language: str | None = None) -> Article:
    aid, day, title, text = row
    return Article(id=aid, text=text, title=title, published=date.fromisoformat(day), language=language)


def groups(mapping: dict[str, str]) -> set[frozenset[str]]:
    by_story: dict[str, set[str]] = {}
    for aid, sid in mapping.items():
        by_story.setdefault(sid, set()).add(aid)
    return {frozenset(v) for v in by_story.values()}


ALL = [make(r) for r in DAM + FLOOD + MATCH]
EXPECTED = {frozenset(r[0] for r in DAM), frozenset(r[0] for r in FLOOD), frozenset(r[0] for r in MATCH)}


def test_batch_clusters_the_three_stories():
    mapping, state = assign_stories(ALL)
    assert groups(mapping) == EXPECTED
    assert len(state.stories) == 3 and state.documents == len(ALL)


@pytest.mark.parametrize("order", ["forward", "reversed", "one-by-one"])
def test_incremental_gives_the_same_stories_and_never_moves_articles(order):
    articles = ALL[::-1] if order == "reversed" else ALL
    state, seen = None, {}
    batches = [[a] for a in articles] if order == "one-by-one" else [articles[:4], articles[4:]]
    for batch in batches:
        mapping, state = assign_stories(batch, state)
        for aid, sid in seen.items():  # earlier assignments are reported unchanged when repeated
            assert state.story_of(aid) == sid
        seen.update(mapping)
        state = ClusterState.from_dict(json.loads(json.dumps(state.to_dict())))
    assert groups(seen) == EXPECTED


def test_story_id_is_stable_and_named_for_the_earliest_article():
    mapping, _ = assign_stories(ALL[::-1])
    assert mapping["dam-2"] == story_id("dam-1")
    again, _ = assign_stories(ALL)
    assert again == mapping


def test_known_articles_keep_their_story_and_are_not_counted_twice():
    mapping, state = assign_stories(ALL[:3])
    again, same = assign_stories(ALL[:3], state)
    assert again == mapping and same.documents == state.documents


def test_later_article_joins_existing_story():
    _, state = assign_stories(ALL)
    late = make(("dam-4", "2025-03-20", "Perbaikan Bendungan Cibeureum Dimulai",
                 "Perbaikan retakan Bendungan Cibeureum dimulai. Budi Santoso mengatakan warga Desa Sukamaju "
                 "boleh kembali setelah tubuh bendungan diperkuat."))
    mapping, state = assign_stories([late], state)
    assert mapping["dam-4"] == story_id("dam-1")


def test_english_report_joins_the_indonesian_story():
    articles = [make(r, "id") for r in DAM + FLOOD + MATCH] + [make(DAM_ENGLISH, "en")]
    mapping, _ = assign_stories(articles)
    assert mapping["dam-en"] == mapping["dam-1"]


def test_entity_ids_are_a_shared_signal():
    people = (Entity(id="per:budi-santoso", name="Budi Santoso", type="PERSON",
                     mentions=(Mention(0, 4, "Budi", "per:budi-santoso"),)),)
    article = Article(id="x", text="Budi berbicara.", entities=people)
    assert entity_keys(article) == {"@per:budi-santoso": 1}


@pytest.mark.parametrize("text,expected", [
    ("Tim SAR mencari korbanLongsor di Desa Sukamaju",
     ["tim", "sar", "mencari", "korban", "longsor", "desa", "sukamaju"]),  # a scraper glued "korbanLongsor"
    ("Harga beras 5 persen di pasar", ["harga", "beras", "persen", "pasar"]),  # no digits, no stop words
])
def test_terms(text, expected):
    assert terms(text) == expected


def test_headline_lines_do_not_make_names():
    article = Article(id="x", text="Warga Laporkan Retakan Di Bendungan Besar\nKata Asep Gunawan, warga resah.")
    assert set(entity_keys(article)) == {"#kata asep", "#asep gunawan"}


def test_state_round_trip_and_bad_state():
    _, state = assign_stories(ALL, ClusterState(settings=ClusterSettings(threshold=0.2)))
    doc = json.loads(json.dumps(state.to_dict()))
    back = ClusterState.from_dict(doc)
    assert back.to_dict() == doc and back.settings.threshold == 0.2
    doc["stories"][0]["embedding"] = [0.0]
    with pytest.raises(StoreError, match=r"stories\[0\]"):
        ClusterState.from_dict(doc)
    with pytest.raises(StoreError, match="version"):
        ClusterState.from_dict({"version": 99})


def test_undated_and_empty_articles_are_clustered_without_error():
    mapping, _ = assign_stories([Article(id="e", text=""), Article(id="u", text="Banjir di Sungai Rawa.")])
    assert set(mapping) == {"e", "u"}
    assert assign_stories([]) == ({}, ClusterState())


# ------------------------------------------------------------------ duplicates

WIRE = ("JAKARTA - Pemerintah menaikkan harga eceran tertinggi beras medium mulai pekan depan. Kepala Badan "
        "Pangan Nasional mengatakan kenaikan itu untuk menjaga kesejahteraan petani dan stok beras tetap aman "
        "hingga akhir tahun, sementara operasi pasar terus digelar di sejumlah daerah.")


def test_wire_copies_point_to_the_earliest():
    utc = timezone.utc
    first = Article(id="wire-b", text=WIRE, published=datetime(2025, 5, 1, 9, tzinfo=utc))
    copy = Article(id="wire-a", text=WIRE + " (ant/red)", published=datetime(2025, 5, 1, 11, tzinfo=utc))
    later = Article(id="wire-c", text="Baca juga: ... " + WIRE, published=date(2025, 5, 2))
    other = Article(id="other", text=" ".join(reversed(WIRE.split())), published=date(2025, 4, 30))
    assert find_duplicates([copy, later, other, first]) == {"wire-a": "wire-b", "wire-c": "wire-b"}


def test_different_articles_are_not_duplicates():
    assert find_duplicates([make(r) for r in DAM]) == {}
    assert find_duplicates([Article(id="a", text=""), Article(id="b", text="")]) == {}


def test_shingles_of_a_short_text():
    assert shingles("Dua kata") == {"dua kata"}


# ------------------------------------------------------------------ the development set (skipped without ../shared)

@pytest.mark.slow
def test_seeds_form_one_story():
    seeds = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []
    if not seeds:
        pytest.skip("../shared/seeds is absent")
    start = date(2024, 10, 22)
    articles = [Article(id=p.stem, text=p.read_text(encoding="utf-8"), published=start + timedelta(days=40 * i))
                for i, p in enumerate(seeds)]
    mapping, _ = assign_stories(articles)
    assert len(set(mapping.values())) == 1


def test_embedding_reads_past_the_lead_for_cross_language_matching():
    """The sentence encoder sees several pieces of the body, not just the lead: an English report whose
    opening is generic still embeds close to the Indonesian report it retells further down."""
    from linimasa.stories.embed import embedding_texts, featurize

    opening = ("Officials gave a briefing on Monday. Several agencies attended and answered questions from "
               "reporters about a range of topics, from the budget to the schedule of upcoming events. ")
    english = Article(id="en", language="en", title="Officials brief reporters", text=opening * 2 + (
        "The river basin agency admitted a crack in the Cibeureum dam and said 1,200 villagers of Sukamaju "
        "were evacuated to a school as engineers inspected the dam wall."))
    indonesian = make(DAM[0], "id")
    assert len(embedding_texts(english, 300, 4)) > 1 and len(embedding_texts(english, 300, 1)) == 1
    lead_only = featurize([english, indonesian], 300, 1)
    wider = featurize([english, indonesian], 300, 4)
    assert float(wider[0].embedding @ wider[1].embedding) > float(lead_only[0].embedding @ lead_only[1].embedding)
    assert ClusterSettings().lead_chunks > 1
