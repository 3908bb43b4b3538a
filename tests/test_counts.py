"""Counts: figures for countable things, with the counted noun, the counted thing in full and as_of."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from linimasa.annotate.counts import extract_counts
from linimasa.annotate.numbers import extract_numbers
from linimasa.annotate.registry import Registry, Resources
from linimasa.model import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"


def counts(text: str, lang: str = "id"):
    return extract_counts(text, extract_numbers(text, lang), lang)


@pytest.mark.parametrize("text,value,qualifier,unit,what", [
    ("Menurut badan intelijen, sekitar 4.000 tentara Korea Utara sudah tiba di perbatasan.",
     4000, "approx", "tentara", "tentara Korea Utara"),
    ("Kementerian menyebut 2.500 tentara khusus dari Korut telah dilatih.",
     2500, "exact", "tentara", "tentara khusus dari Korut"),
    ("Tiga jenderal ikut dalam rombongan itu.", 3, "exact", "jenderal", "jenderal"),
    ("Polisi memeriksa 18 orang saksi hingga Jumat malam.", 18, "exact", "saksi", "saksi"),
    ("Sebanyak tujuh orang ditetapkan sebagai tersangka.", 7, "exact", "orang", "orang"),
    ("Pemerintah membeli 1,2 juta unit laptop untuk sekolah.", 1200000, "exact", "laptop", "laptop"),
    ("Damkar mengerahkan 15 unit mobil pemadam ke lokasi.", 15, "exact", "mobil", "mobil pemadam"),
    ("Ribuan pengungsi bertahan di tenda darurat.", 1000, "vague", "pengungsi", "pengungsi"),
    ("Ratusan ribu warga kehilangan tempat tinggal.", 100000, "vague", "warga", "warga"),
    ("Lebih dari 120 rudal balistik diluncurkan sepanjang malam.", 120, "more_than", "rudal", "rudal balistik"),
    ("Sedikitnya 40 rumah rusak berat akibat angin kencang.", 40, "at_least", "rumah", "rumah"),
    ("Kira-kira 60 kontainer bantuan tertahan di pelabuhan.", 60, "approx", "kontainer", "kontainer bantuan"),
    ("Petugas menyita 12 ekor burung langka dari sebuah rumah.", 12, "exact", "burung", "burung langka"),
    ("Pengadilan menerima 230 aduan/kasus sepanjang tahun.", 230, "exact", "aduan", "aduan"),
    ("Wilayah terbanyak berada di Jawa Barat (35 aduan).", 35, "exact", "aduan", "aduan"),
    ("Komisi itu menerima 14 laporan baru.", 14, "exact", "laporan", "laporan baru"),
    ("Dua korbannya masih dirawat intensif.", 2, "exact", "korban", "korbannya"),
    ("Tim SAR menemukan 3 WNI di lokasi longsor.", 3, "exact", "WNI", "WNI"),
])
def test_indonesian_counts(text, value, qualifier, unit, what):
    [count] = counts(text)
    assert (count.value, count.qualifier, count.unit, count.what) == (value, qualifier, unit, what)
    assert text[count.start:count.end] == count.text
    assert count.claimant is None


@pytest.mark.parametrize("text,values", [
    ("Sekitar 9.000 prajurit, termasuk 400 perwira dan dua jenderal, berada di sana.", [9000, 400, 2]),
    ("Polisi menangkap sembilan orang; enam di antaranya warga asing.", [9, 6]),
    ("Empat tersangka sudah ditahan, dua lainnya masih buron.", [4, 2]),
    ("Ada tiga yang mengalami luka bakar.", [3]),
    ("Sebanyak 10 hingga 20 orang terjebak di dalam gedung.", [10, 20]),
    ("Dua atau tiga kapal nelayan hilang kontak.", [2, 3]),
])
def test_several_counts_in_a_sentence(text, values):
    assert [c.value for c in counts(text)] == values


def test_anaphoric_count_takes_the_noun_before():
    found = counts("Polisi menangkap sembilan tersangka; enam di antaranya warga asing.")
    assert [c.unit for c in found] == ["tersangka", "tersangka"]


@pytest.mark.parametrize("text", [
    "Kerugian ditaksir mencapai Rp 4 miliar.",
    "Harga cabai naik 15 persen dalam sepekan.",
    "Ia ditahan selama 20 hari di rutan.",
    "Rekaman itu diambil pada 2021.",
    "Pasal 4 perjanjian itu mengatur pertahanan bersama.",
    "Sistem artileri 170 mm dan peluncur roket 240 mm dipamerkan.",
    "Korban, Ani (29), merupakan warga setempat.",
    "Ini merupakan kunjungan kedua presiden ke provinsi itu.",
    "Hakim menjatuhkan vonis tiga tahun penjara.",
    "Pertandingan berakhir imbang 1-1.",
    "Rapat digelar pukul 10.00 WIB di gedung DPR.",
    "Kasus itu terungkap Selasa (14/5) malam.",
    "Ia menjadi salah satu tokoh yang diundang.",
    "Bencana itu terjadi pada 12 Januari lalu.",
    "Hotel itu dibangun 1998 dan direnovasi 2015.",
    "Kedua negara sepakat memperluas kerja sama.",
    "Ketiganya ditahan di rutan yang sama.",
    "Penjualan naik dua kali lipat.",
    "Pesawat jenis Su-35 dan jet F-16 terlihat di landasan.",
])
def test_not_counts(text):
    assert counts(text) == ()


@pytest.mark.parametrize("text,value,qualifier,unit,what", [
    ("More than 10,000 North Korean troops have been sent to the front.",
     10000, "more_than", "troops", "North Korean troops"),
    ("About 12,000 soldiers were already in the region.", 12000, "approx", "soldiers", "soldiers"),
    ("Thousands of troops crossed the border.", 1000, "vague", "troops", "troops"),
    ("At least 3,000 people were evacuated.", 3000, "at_least", "people", "people"),
    ("The agency counted 250 complaints this year.", 250, "exact", "complaints", "complaints"),
    ("Officials said five generals were among them.", 5, "exact", "generals", "generals"),
])
def test_english_counts(text, value, qualifier, unit, what):
    [count] = counts(text, "en")
    assert (count.value, count.qualifier, count.unit, count.what) == (value, qualifier, unit, what)


@pytest.mark.parametrize("text", [
    "The deal is worth $5 million.",
    "Inflation rose 3 percent in 2023.",
    "The 40-year-old suspect was arrested on Oct. 24.",
    "He served 10 years in prison.",
])
def test_english_not_counts(text):
    assert counts(text, "en") == ()


def _registry():
    from linimasa.annotate import counts as counts_module, numbers

    registry = Registry()
    numbers.register(registry)
    counts_module.register(registry)
    return registry


def test_counts_component_runs_after_numbers():
    registry = _registry()
    article = Article(id="x", text="Sebanyak 25 nelayan hilang kontak sejak kemarin.", language="id")
    resources = Resources()
    article = registry.get("counts")(registry.get("numbers")(article, resources), resources)
    [count] = article.counts
    assert (count.value, count.unit, count.what) == (25, "nelayan", "nelayan")


def test_as_of_is_the_date_governing_the_clause():
    pytest.importorskip("linimasa.annotate.dates")
    from linimasa.annotate import dates

    registry = _registry()
    dates.register(registry)
    text = ("Badan intelijen mengatakan pada Kamis (24/10/2024) bahwa sekitar 7.000 tentara sudah tiba. "
            "Mereka juga menyebut 300 perwira ikut serta.")
    article = Article(id="y", text=text, published=date(2024, 10, 27), language="id")
    resources = Resources()
    for name in ("timexes", "numbers", "counts"):
        article = registry.get(name)(article, resources)
    assert [(c.value, c.as_of) for c in article.counts] == [(7000, "2024-10-24"), (300, "2024-10-24")]


# ------------------------------------------------------------------ real articles

def _unit_ok(count, units) -> bool:
    hay = f"{count.unit or ''} {count.what or ''}".lower().split()
    for unit in units:
        words = unit.lower().split()
        if len(words) == 1 and any(h.startswith(words[0]) for h in hay):
            return True
        if len(words) > 1 and " ".join(words) in " ".join(hay):
            return True
    return False


def test_dev30_counts_f1():
    data = SHARED / "data" / "news-dev" / "dev30.jsonl"
    gold_path = SHARED / "acceptance" / "dev.gold.json"
    if not data.is_file() or not gold_path.is_file():
        pytest.skip("../shared development data is not here")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["articles"]
    tp = fp = fn = 0
    for line in data.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        found = list(counts(doc["text"]))
        wanted = gold.get(doc["url"], {}).get("counts", [])
        used: set[int] = set()
        for g in sorted(wanted, key=lambda g: g.get("optional", False)):
            hit = next((k for k, c in enumerate(found) if k not in used and float(c.value) == float(g["value"])
                        and _unit_ok(c, g["unit"])), None)
            if hit is not None:
                used.add(hit)
                tp += not g.get("optional")
            elif not g.get("optional"):
                fn += 1
        fp += len(found) - len(used)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.80, (precision, recall, f1)
