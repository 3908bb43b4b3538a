"""Metadata read from the text of pasted articles: title, date lines, bylines, dateline, outlet, via,
boilerplate. Every sentence here was written for these tests; the seed checks read ../shared when present."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from linimasa.ingest import parse_raw, parse_text, read_sources
from linimasa.ingest.boilerplate import strip_inline
from linimasa.ingest.bylines import parse_byline
from linimasa.ingest.published import parse_date_line, parse_given_published
from linimasa.ingest.textmeta import match_dateline
from linimasa.ingest.via import find_via
from linimasa.model import Author

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def tz(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


@pytest.mark.parametrize("line,value", [
    ("Selasa 4 Mar 2025 - 19:08 WIB", datetime(2025, 3, 4, 19, 8, tzinfo=tz(7))),
    ("Jum'at, 7 Mar 2025, 02:59 WIB", datetime(2025, 3, 7, 2, 59, tzinfo=tz(7))),
    ("Jum\u2019at, 7 Maret 2025 14.05 WITA", datetime(2025, 3, 7, 14, 5, tzinfo=tz(8))),
    ("Senin, 28 April 2025 | 10:15 WIT", datetime(2025, 4, 28, 10, 15, tzinfo=tz(9))),
    ("Kamis, 13/03/2025 08:00 WIB", datetime(2025, 3, 13, 8, 0, tzinfo=tz(7))),
    ("Diterbitkan: Rabu, 12 Agustus 2026", date(2026, 8, 12)),
    ("March 11, 2025 7:30 PM", datetime(2025, 3, 11, 19, 30)),
    ("2025-03-11T09:30:00+07:00", datetime(2025, 3, 11, 9, 30, tzinfo=tz(7))),
    ("Published: 11 Mar 2025 09:30 GMT+7", datetime(2025, 3, 11, 9, 30, tzinfo=tz(7))),
    ("Selasa 4 Mar 2025 -19:08 WIB", datetime(2025, 3, 4, 19, 8, tzinfo=tz(7))),
    ("19:08 WIB, Selasa 4 Maret 2025", datetime(2025, 3, 4, 19, 8, tzinfo=tz(7))),
    ("Selasa, 04-03-2025", date(2025, 3, 4)),
])
def test_date_lines(line, value):
    assert parse_date_line(line).value == value


@pytest.mark.parametrize("line", [
    "Banjir Rendam Tiga Desa di Sintang",
    "Warga mengungsi sejak Senin, 3 Maret 2025 pagi karena air terus naik.",
    "Reporter : Dimas Pratama",
    "Pasal 4 ayat 2",
])
def test_not_date_lines(line):
    assert parse_date_line(line) is None


def test_updated_date_line_is_marked():
    assert parse_date_line("Diperbarui: Rabu, 12 Mar 2025 20:30 WIB").kind == "updated"


@pytest.mark.parametrize("value,expected", [
    ("2025-06-20T16:41:00+07:00", datetime(2025, 6, 20, 16, 41, tzinfo=tz(7))),
    ("2025-06-20", date(2025, 6, 20)),
    ("Fri, 20 Jun 2025 09:41:00 GMT", datetime(2025, 6, 20, 9, 41, tzinfo=timezone.utc)),
    ("1750412460", datetime(2025, 6, 20, 9, 41, tzinfo=timezone.utc)),
    ("Jumat, 20 Juni 2025 16:41 WIB", datetime(2025, 6, 20, 16, 41, tzinfo=tz(7))),
    ("bukan tanggal", None),
])
def test_given_published(value, expected):
    assert parse_given_published(value) == expected


@pytest.mark.parametrize("line,authors", [
    ("Reporter : Dimas Pratama", (Author("Dimas Pratama", "reporter"),)),
    ("Editor :", ()),
    ("Penulis: Fajar Nugroho", (Author("Fajar Nugroho", "writer"),)),
    ("Redaktur: Maya Lestari", (Author("Maya Lestari", "editor"),)),
    ("Oleh: Budi Santoso dan Sari Wulandari", (Author("Budi Santoso"), Author("Sari Wulandari"))),
    ("Reporter: Ani Rahma | Editor: Yoga Prasetyo",
     (Author("Ani Rahma", "reporter"), Author("Yoga Prasetyo", "editor"))),
    ("Oleh karena itu, warga diminta waspada.", None),
    ("Penulis: pemerintah daerah setempat", None),
])
def test_bylines(line, authors):
    assert parse_byline(line) == authors


@pytest.mark.parametrize("lead,place,outlet", [
    ("JAKARTA - Harga cabai naik.", "JAKARTA", None),
    ("NEW YORK \u2013 Dewan Keamanan bersidang.", "NEW YORK", None),
    ("JAKARTA-Kebakaran melanda pasar.", "JAKARTA", None),
    ("MOSKOW, Kabarku.id - Pemerintah mengumumkan.", "MOSKOW", "Kabarku.id"),
    ("Jakarta, CNN Indonesia -- Hujan deras turun.", "Jakarta", "CNN Indonesia"),
    ("Liputan6.com, Surabaya -Warga antre.", "Surabaya", "Liputan6.com"),
    ("TEMPO.CO,Jakarta- Harga naik.", "Jakarta", "TEMPO.CO"),
    ("REPUBLIKA.CO.ID, LUMAJANG -- Petani panen.", "LUMAJANG", "REPUBLIKA.CO.ID"),
    ("KABARLEMBAH.COM - Warga mengeluh.", None, "KABARLEMBAH.COM"),
    ("KOMPAS.com - Pemerintah menetapkan.", None, "KOMPAS.com"),
    ("Pemerintah daerah - bukan dateline - menetapkan.", None, None),
])
def test_datelines(lead, place, outlet):
    found = match_dateline(lead)
    if place is None and outlet is None:
        assert found is None
    else:
        assert found[1:] == (place, outlet)


@pytest.mark.parametrize("text,via", [
    ('"Kami siap," katanya dilansir Reuters, Jumat.', ("Reuters",)),
    ("Dikutip dari AFP pada Jumat, pasukan sudah tiba.", ("AFP",)),
    ("Seperti dikutip dari Sputnik, menteri itu hadir.", ("Sputnik",)),
    ("Menurut kantor berita resmi pemerintah KCNA, latihan digelar.", ("KCNA",)),
    ("Kantor berita Yonhap melaporkan hal serupa.", ("Yonhap",)),
    ("kata juru bicara itu, dilansirAntara, Rabu.", ("Antara",)),
    ("seperti dikutipAnadolu Agency. Menteri itu pergi.", ("Anadolu Agency",)),
    ("Melansir laman Kabarku.id, warga mengungsi.", ("Kabarku.id",)),
    ("Reuters tidak disebut sebagai sumber di sini.", ()),
    ("Antara lain, warga meminta bantuan.", ()),
    ("Sebelumnya kepada Kabarku.id warga mengeluh.", ()),
    ("Polisi menyerahkan berkas kepada AP, tersangka kasus itu.", ()),
    ("Dilansir AP, pasukan sudah tiba.", ("AP",)),
    ("kata juru bicara itu kepada AFP.", ("AFP",)),
])
def test_via(text, via):
    assert find_via(text) == via


@pytest.mark.parametrize("line,clean", [
    ("Warga mengungsi. ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT Air mulai surut.",
     "Warga mengungsi. Air mulai surut."),
    ("kata dia. Baca juga:Banjir Rendam Tiga Desa di Sintang Warga mengungsi ke balai desa.",
     "kata dia. Warga mengungsi ke balai desa."),
    ("kata dia. Baca juga:Harga Beras Naik Jelang Lebaran di Pasar Induk Sebelumnya, pedagang mengeluh.",
     "kata dia. Sebelumnya, pedagang mengeluh."),
    ("Petugas berjaga. Tonton Jembatan Putus di Lereng Merapi [Gambas:Video 20detik] Warga menyeberang.",
     "Petugas berjaga. Warga menyeberang."),
    ("kata Rina. Simak Video 'Jalan Amblas di Jalur Selatan': [Gambas:Video 20detik]", "kata Rina."),
    ("kata Rina. [Gambas:Video CNN]", "kata Rina."),
    ("pungkasnya. Artikel ini telah tayang di Kabarku.id dengan judulBanjir Rendam Desa", "pungkasnya."),
    ("Petugas memeriksa lokasi (Foto: Dok. Polres/Andi) pada Senin.", "Petugas memeriksa lokasi pada Senin."),
    ("Warga lihat juga video itu di ponselnya.", "Warga lihat juga video itu di ponselnya."),
])
def test_inline_boilerplate(line, clean):
    assert strip_inline(line) == clean


def test_pasted_article_with_byline_teaser_and_category():
    [raw] = read_sources([str(FIXTURES / "pasted_byline.txt")])
    art = parse_raw(raw)
    assert art.title == "Warga Desa Sukamaju Keluhkan Air Sumur Berubah Warna"
    assert art.published == datetime(2025, 3, 3, 10, 15, tzinfo=tz(7))
    assert art.authors == (Author("Dimas Pratama", "reporter"), Author("Rina Kusuma", "editor"))
    assert (art.outlet, art.dateline, art.via) == ("KABARLEMBAH.COM", None, ())
    assert art.text == (
        "Puluhan warga Desa Sukamaju, Kabupaten Tirtamaya, mengeluhkan air sumur mereka yang berubah warna "
        "menjadi kecoklatan sejak pekan lalu.\n\n"
        "\"Airnya bau dan tidak bisa dipakai untuk memasak,\" kata Sulastri, salah seorang warga, Minggu (2/3/2025).\n\n"
        "Kepala Desa Sukamaju, Bambang Hartono, mengatakan pihaknya sudah melapor kepada dinas kesehatan setempat.\n\n"
        "Dinas kesehatan berjanji mengambil sampel air pada Rabu mendatang.")


def test_pasted_article_with_caption_credit_code_and_footer():
    [raw] = read_sources([str(FIXTURES / "pasted_caption.txt")])
    art = parse_raw(raw)
    assert art.title == "Nelayan Pesisir Selatan Kembali Melaut Setelah Badai Reda"
    assert art.published == datetime(2025, 3, 7, 14, 5, tzinfo=tz(8))
    assert (art.outlet, art.dateline) == (None, "MAKASSAR")
    assert art.authors == (Author("Maya Lestari", "editor"), Author("Fajar Nugroho", "writer"))
    assert set(art.via) == {"Antara", "AFP"}
    assert art.text.startswith("Ratusan nelayan di pesisir selatan kembali melaut")
    assert art.text.endswith("kepada wartawan.")
    for gone in ("Sejumlah perahu", "Foto:", "ANT/AFP", "Redaktur", "Penulis", "Tag Terkait", "Bagikan"):
        assert gone not in art.text


def test_lead_dateline_with_outlet_trailing_author_and_self_mention():
    [raw] = read_sources([str(FIXTURES / "pasted_trailing.txt")])
    art = parse_raw(raw)
    assert art.title is None
    assert (art.dateline, art.outlet) == ("PALU", "Warta Teluk.id")
    assert art.authors == (Author("Hendra Lamanda"),)
    assert art.via == ("Reuters",)
    assert art.text.startswith("Pemerintah kota menambah jumlah posko")
    assert art.text.endswith('kata Nurhayati, warga Kelurahan Talise.')


def test_self_mention_outlet():
    art = parse_text("Pasukan Tiba di Perbatasan\n\nSebelumnya kepada Kabarku.id di Jakarta, juru bicara "
                     "mengatakan pasukan belum bergerak.\n\nKini pasukan sudah tiba.")
    assert art.outlet == "Kabarku.id" and art.via == ()


def test_title_needs_a_blank_line_or_a_meta_line():
    art = parse_text("Harga Cabai Turun\nBANDUNG - Harga cabai turun di pasar induk.")
    assert art.title == "Harga Cabai Turun" and art.dateline == "BANDUNG"
    art = parse_text("Harga Cabai Turun\nHarga cabai turun di pasar induk sejak Senin.")
    assert art.title is None
    art = parse_text("Harga Cabai Turun\n\nHarga cabai turun di pasar induk sejak Senin.")
    assert art.title == "Harga Cabai Turun"
    art = parse_text("Harga cabai turun di pasar induk sejak Senin, kata pedagang.\n\nPembeli senang.")
    assert art.title is None


def test_given_title_not_repeated_in_body():
    art = parse_text("Harga Cabai Turun\n\nHarga cabai turun di pasar induk sejak Senin.", title="Harga Cabai Turun")
    assert art.text == "Harga cabai turun di pasar induk sejak Senin."


def test_link_broken_lines_are_joined():
    text = ("JAKARTA, Kabarku.id\n-\nKepala\nBadan Meteorologi\nmengatakan hujan akan turun hingga\nMinggu\n"
            ".\nWarga diminta waspada.")
    art = parse_text(text)
    assert art.dateline == "JAKARTA" and art.outlet == "Kabarku.id"
    assert art.text == ("Kepala Badan Meteorologi mengatakan hujan akan turun hingga Minggu.\n"
                        "Warga diminta waspada.")


def test_read_more_block_with_headlines_on_their_own_lines():
    text = ("JAKARTA - Harga beras naik di tiga provinsi.\nBaca Juga\nHarga Gula Pasir Turun di Pasar Tradisional\n"
            "Petani Tebu Keluhkan Biaya Pupuk\nPedagang berharap harga segera stabil.")
    assert parse_text(text).text == "Harga beras naik di tiga provinsi.\nPedagang berharap harga segera stabil."


def test_desk_initials_close_the_article():
    text = "JAKARTA - Harga beras naik.\nPedagang mengeluh.\n(abc/def) beras harga pangan\nBaca kisah lain di sini"
    assert parse_text(text).text == "Harga beras naik.\nPedagang mengeluh."


# ------------------------------------------------------------------ the seeds (real articles, read in place)

def _gold(name: str) -> dict:
    return json.loads((SHARED / "acceptance" / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_articles():
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is not here")
    return {Path(r.source).name: parse_raw(r) for r in read_sources([str(SHARED / "seeds")])}


def test_seed_metadata(seed_articles):
    gold = _gold("seeds.gold.json")["articles"]
    for name, g in gold.items():
        art = seed_articles[name]
        norm = lambda s: " ".join("".join(ch if ch.isalnum() else " " for ch in (s or "").casefold()).split())
        assert norm(art.title) == norm(g["title"]), name
        assert norm(art.dateline) == norm(g["dateline"]), name
        if g["outlet"] is None:
            assert art.outlet is None, name
        else:
            assert norm(art.outlet) in {norm(o) for o in g["outlet"]}, name
        assert {norm(a.name) for a in art.authors} == {norm(a) for a in g["authors"]}, name
        via = {norm(v) for v in art.via}
        assert {norm(v) for v in g["via"]["required"]} <= via <= {norm(v) for v in g["via"]["required"] + g["via"]["optional"]}, name
        body = norm(art.text)
        assert all(norm(x) in body for x in g["body_must_contain"]), name
        assert not any(norm(x) in body for x in g["body_must_not_contain"]), name
        pub = g["published"]
        if art.published is not None:
            day = art.published_date.isoformat()
            assert pub["from"] <= day <= pub["to"], name
            if pub.get("time"):
                assert art.published.isoformat()[11:16] == pub["time"], name
                assert art.published.isoformat().endswith(pub["utc_offset"]), name


def test_dev30_metadata():
    path = SHARED / "data" / "news-dev" / "dev30.jsonl"
    if not path.is_file():
        pytest.skip("../shared/data is not here")
    gold = _gold("dev.gold.json")["articles"]
    arts = {a.url: a for a in (parse_raw(r) for r in read_sources([str(path)]))}
    norm = lambda s: " ".join("".join(ch if ch.isalnum() else " " for ch in (s or "").casefold()).split())
    for url, g in gold.items():
        art = arts[url]
        assert norm(art.dateline) == norm(g["dateline"]), url
        body = norm(art.text)
        assert all(norm(x) in body for x in g["body_must_contain"]), url
        assert not any(norm(x) in body for x in g["body_must_not_contain"]), url
        via = {norm(v) for v in art.via}
        assert {norm(v) for v in g["via"]["required"]} <= via <= {norm(v) for v in g["via"]["required"] + g["via"]["optional"]}, url


@pytest.mark.parametrize("text,published,authors,outlet,via", [
    ("Banjir Rendam Sintang\n\nKabarku.id - 22/10/2024, 19:08 WIB\n\nAir merendam tiga desa sejak Senin.",
     datetime(2024, 10, 22, 19, 8, tzinfo=tz(7)), (), "Kabarku.id", ()),
    ("Banjir Rendam Sintang\n\nReporter: Yohana | Selasa, 22 Oct 2024 19:08 WIB\n\nAir merendam tiga desa.",
     datetime(2024, 10, 22, 19, 8, tzinfo=tz(7)), (Author("Yohana", "reporter"),), None, ()),
    ("Banjir Rendam Sintang\nTim Redaksi, CNN Indonesia | Selasa, 22/10/2024 19:08 WIB\n\nAir merendam tiga desa.",
     datetime(2024, 10, 22, 19, 8, tzinfo=tz(7)), (), "CNN Indonesia", ()),
    ("Floods Hit Borneo\n\nBy Jane Doe, Reuters\n\nFloods hit three villages on Monday, officials said.",
     None, (Author("Jane Doe"),), None, ("Reuters",)),
])
def test_header_lines_mixing_date_byline_and_outlet(text, published, authors, outlet, via):
    art = parse_text(text)
    assert art.title in ("Banjir Rendam Sintang", "Floods Hit Borneo")
    assert (art.published, art.authors, art.outlet, art.via) == (published, authors, outlet, via)


@pytest.mark.parametrize("line,authors", [
    ("Laporan Wartawan Tribunjateng.com, Agus Salim", (Author("Agus Salim", "reporter"),)),
    ("Penulis: Kontributor Mamuju, Nur Aisyah", (Author("Nur Aisyah", "writer"),)),
])
def test_bylines_drop_the_outlet_and_the_role_beside_the_name(line, authors):
    assert parse_byline(line) == authors


def test_english_daily_dateline_and_contributed_credit():
    assert match_dateline("Jakarta. A landslide buried dozens of homes.")[1:] == ("Jakarta", None)
    assert match_dateline("Kota. Sebuah longsor terjadi.") is None
    assert find_via("A similar landslide killed 39 people. Reuters contributed to this report.") == ("Reuters",)


def test_header_outlet_lines_mid_body_caption_and_end_mark():
    art = parse_text("Banjir Rendam Bekasi\n\nRina Amelia - detikNews\nKamis, 12 Jun 2025 14:05 WIB\n\n"
                     "Bekasi - Banjir merendam enam kecamatan.\n\n"
                     "Petugas mengevakuasi warga di Cikarang. (FOTO: RINA/DETIK)\n\n"
                     "Warga mengungsi ke masjid.\n\n(*)")
    assert (art.title, art.dateline, art.outlet) == ("Banjir Rendam Bekasi", "Bekasi", "detikcom")
    assert art.authors == (Author("Rina Amelia", "reporter"),)
    assert art.text == "Banjir merendam enam kecamatan.\n\nWarga mengungsi ke masjid."
    art = parse_text("Pasar Terbakar\n\nCNN Indonesia\nSabtu, 14 Jun 2025 08:20 WIB\n\n"
                     "Jakarta, CNN Indonesia -- Kebakaran melanda pasar.")
    assert (art.dateline, art.outlet, art.authors) == ("Jakarta", "CNN Indonesia", ())
