"""Claimants: who gives each figure, from the attribution frame of its clause (sentences we wrote ourselves)."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from linimasa.annotate.claimants import attribute_counts, frame_of
from linimasa.model import Article, Count, Quote

SHARED = Path(__file__).parents[2] / "shared"
@pytest.fixture(scope="module")
def annotate(annotate_upto_claimants):
    return annotate_upto_claimants


def count_of(article: Article, value: int) -> Count:
    [count] = [c for c in article.counts if c.value == Decimal(value)]
    return count


@pytest.mark.parametrize("text,value,claimant", [
    ("Badan SAR Nasional mengatakan bahwa 15 nelayan masih hilang di perairan Selat Sunda.", 15, "SAR Nasional"),
    ("Menurut Kepala BPBD Dedi Kurniawan, 12 orang meninggal dunia akibat banjir.", 12, "Dedi Kurniawan"),
    ("Sebanyak 40 rumah rusak berat, menurut Kepala Desa Ahmad Fauzi.", 40, "Ahmad Fauzi"),
    ('"Ada 40 rumah rusak berat," kata Kepala Desa Ahmad Fauzi.', 40, "Ahmad Fauzi"),
    ("Jepang memperkirakan bahwa lebih dari 5.000 wisatawan datang bulan ini.", 5000, "Jepang"),
    ("Banjir merendam 200 rumah di tepi sungai, kata Camat Hendra Gunawan.", 200, "Hendra Gunawan"),
    ("Kepala Desa Ahmad Fauzi mengatakan 30 warga mengungsi, dan menambahkan bahwa 4 posko sudah dibuka.", 4,
     "Ahmad Fauzi"),
    ("The health ministry said that 25 patients were moved to other hospitals.", 25, "ministry"),
])
def test_claimant_from_the_frame(annotate, text, value, claimant):
    count = count_of(annotate(text, "en" if text.startswith("The ") else "id"), value)
    assert count.claimant is not None and claimant.lower() in count.claimant.lower(), count


@pytest.mark.parametrize("text,value", [
    ("Sebanyak 300 warga mengungsi ke balai desa sejak Senin.", 300),
    ("Polisi menangkap 3 orang di pelabuhan. Menurut polisi, barang itu disimpan di gudang.", 3),
])
def test_the_outlets_own_voice_has_no_claimant(annotate, text, value):
    assert count_of(annotate(text), value).claimant is None


def test_the_next_sentence_of_reported_speech_keeps_its_claimant(annotate):
    text = "Kepala BPBD Sari Lestari menyebutkan, sebanyak 40 rumah rusak. Dari jumlah itu, 12 rumah rusak berat."
    assert "Sari Lestari" in (count_of(annotate(text), 12).claimant or "")


@pytest.mark.parametrize("text", [
    "Kepala BPBD Sari Lestari menyebutkan, sebanyak 40 rumah rusak.\nSebanyak 12 sekolah diliburkan.",  # new paragraph
    '"Ada 40 rumah rusak," kata Sari Lestari. Sebanyak 12 sekolah diliburkan.',  # after a direct quote
    "Sebanyak 12 sekolah diliburkan. Kepala BPBD Sari Lestari menyebutkan, sebanyak 40 rumah rusak.",  # before it
])
def test_no_claimant_carried_outside_reported_speech(annotate, text):
    assert count_of(annotate(text), 12).claimant is None


def test_a_pronoun_claimant_resolves_to_the_speaker(annotate):
    text = ("Pada Senin (3/3/2025), Basarnas mengatakan pencarian diperluas ke selatan. "
            "Mereka mengklaim bahwa sekitar 20 kapal ikut mencari.")
    count = count_of(annotate(text), 20)
    assert count.claimant is not None
    assert "Basarnas" in count.claimant or "basarnas" in (count.claimant_id or "")


def test_as_of_comes_from_the_frame_date(annotate):
    text = "Pada Senin (3/3/2025), Polda Bali mengatakan 7 orang ditangkap di Kuta."
    count = count_of(annotate(text), 7)
    assert count.as_of == "2025-03-03" and "Bali" in (count.claimant or "")


def test_innermost_frame_wins():
    quotes = (
        Quote(start=0, end=100, text="x" * 100, kind="indirect", speaker="Outer", said_on="2025-01-01"),
        Quote(start=20, end=50, text="y" * 30, kind="indirect", speaker="Inner", speaker_id="per:inner"),
    )
    assert frame_of(quotes, 25, 30).speaker == "Inner"
    assert frame_of(quotes, 60, 62).speaker == "Outer"
    assert frame_of(quotes, 120, 125) is None


def test_count_keeps_its_own_date():
    article = Article(
        id="t", text="x" * 60,
        quotes=(Quote(start=0, end=60, text="x" * 60, kind="indirect", speaker="Dinas", said_on="2025-02-01"),),
        counts=(Count(start=10, end=12, text="12", value=Decimal(12), qualifier="exact", unit="orang", what="orang",
                      as_of="2024-12"),
                Count(start=20, end=22, text="13", value=Decimal(13), qualifier="exact", unit="orang", what="orang")),
    )
    first, second = attribute_counts(article)
    assert (first.claimant, first.as_of) == ("Dinas", "2024-12")
    assert (second.claimant, second.as_of) == ("Dinas", "2025-02-01")


def test_seed_claimants(annotate):
    """Count claimants on the five seed articles (read from ../shared; skipped where absent)."""
    gold_path = SHARED / "acceptance" / "seeds.gold.json"
    if not gold_path.is_file():
        pytest.skip("../shared seeds are not here")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    ok = total = 0
    for name, g in gold["articles"].items():
        article = annotate((SHARED / "seeds" / name).read_text(encoding="utf-8"))
        for want in g["counts"]:
            if want.get("optional"):
                continue
            found = [c for c in article.counts if c.value == Decimal(str(want["value"]))]
            if not found:
                continue
            total += 1
            if want["claimant"] is None:
                ok += any(c.claimant is None for c in found)
            else:
                names = [a.lower() for a in want["claimant"]]
                ok += any(c.claimant and any(n in c.claimant.lower() for n in names) for c in found)
    assert total and ok / total >= 0.85


@pytest.mark.parametrize("text,value,claimant", [
    ("Badan Penanggulangan Bencana Daerah (BPBD) Kota Sukamaju mencatat sekitar 2.100 warga mengungsi.", 2100, "BPBD"),
    ("Sepanjang tahun ini, Dinas Kesehatan Kota Sukamaju mencatat 860 kasus demam berdarah.", 860, "Dinas Kesehatan"),
    ("Badan Pusat Statistik merilis data 14 provinsi mengalami deflasi bulan lalu.", 14, "Badan Pusat Statistik"),
])
def test_a_record_verb_makes_its_subject_the_claimant(annotate, text, value, claimant):
    count = count_of(annotate(text), value)
    assert count.claimant is not None and claimant.lower() in count.claimant.lower(), count


def test_a_document_that_records_names_no_claimant(annotate):
    text = "Laporan itu juga mencatat sedikitnya 75 serangan terhadap sekolah sepanjang tahun lalu."
    assert count_of(annotate(text), 75).claimant is None
