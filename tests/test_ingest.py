"""Ingest: reading every input format, decoding, failures for bad inputs, and metadata from our own fixtures."""
from __future__ import annotations

import gzip
import io
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from linimasa.errors import IngestError, ParseError
from linimasa.ingest import RawDocument, decode, parse_raw, parse_text, read_sources
from linimasa.model import Author, Failure

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
WIB = timezone(timedelta(hours=7))
WITA = timezone(timedelta(hours=8))


def read_all(*paths: Path | str, **kw) -> list[RawDocument | Failure]:
    return list(read_sources([str(p) for p in paths], **kw))


def parse_file(name: str):
    [raw] = read_all(FIXTURES / name)
    assert isinstance(raw, RawDocument)
    return parse_raw(raw)


# ------------------------------------------------------------------ decoding

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_decode_encodings(encoding):
    text = "Caf\u00e9 di Z\u00fcrich ramai pengunjung sejak pagi, kata pemiliknya kepada wartawan setempat."
    if encoding == "cp1252":
        text = "\u201cKami buka lagi,\u201d kata pemilik caf\u00e9 itu, Jum\u2019at pagi."
    assert decode(text.encode(encoding)) == text


def test_decode_refuses_binary():
    with pytest.raises(IngestError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


# ------------------------------------------------------------------ reading sources

def test_folder_with_bad_files_reports_each_and_keeps_the_good():
    items = read_all(FIXTURES / "mixed")
    failures = {Path(f.source).name: f.error for f in items if isinstance(f, Failure)}
    assert failures == {
        "binary.txt": "binary data, not text (an image, archive or other non-article file?)",
        "empty.txt": "empty file",
    }
    docs = {Path(d.source).name: d for d in items if isinstance(d, RawDocument)}
    assert set(docs) == {"good.txt", "latin1.txt", "truncated.html"}
    latin = parse_raw(docs["latin1.txt"])
    assert "Z\u00fcrich dan caf\u00e9 di Paris" in latin.text
    assert "\u201cHarga jualnya naik hampir dua kali lipat,\u201d" in latin.text
    truncated = parse_raw(docs["truncated.html"])
    assert truncated.title == "Longsor Tutup Jalur Puncak Selama Enam Jam"
    assert truncated.text.startswith("Longsor menutup jalur Puncak")


def test_folder_walk_is_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b.txt").write_text("Judul B\n\nJAKARTA - Isi berita kedua yang cukup panjang di sini.")
    (tmp_path / "a.txt").write_text("Judul A\n\nJAKARTA - Isi berita pertama yang cukup panjang di sini.")
    (tmp_path / ".hidden.txt").write_text("rahasia")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("bukan berita")
    assert [Path(d.source).name for d in read_all(tmp_path)] == ["a.txt", "b.txt"]


def test_missing_path_and_too_large(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("kata " * 100)
    [missing] = read_all(tmp_path / "nope.txt")
    assert missing == Failure(str(tmp_path / "nope.txt"), "read", "no such file or directory")
    [large] = read_all(big, max_bytes=100)
    assert isinstance(large, Failure) and large.error.startswith("too large (500 bytes")


def test_stdin():
    stream = io.BytesIO("Judul Singkat\n\nBANDUNG - Hujan turun sejak pagi di kota itu.".encode())
    [doc] = read_all("-", stdin=stream)
    assert doc.source == "-" and doc.format == "text"
    assert parse_raw(doc).dateline == "BANDUNG"


def test_raw_id_is_sha256_of_bytes():
    [doc] = read_all(FIXTURES / "mixed" / "good.txt")
    import hashlib
    assert doc.id == hashlib.sha256(doc.data).hexdigest()[:16]


def test_jsonl_records_field_names_and_broken_line():
    items = read_all(FIXTURES / "records.jsonl")
    assert [i.source.rsplit("#", 1)[1] for i in items] == ["L1", "L2", "L3", "L4", "L5"]
    broken = items[2]
    assert isinstance(broken, Failure) and broken.stage == "read" and broken.error.startswith("broken JSON line")
    first = parse_raw(items[0])
    assert first.title == "Harga Beras Medium Naik di Tiga Provinsi"
    assert first.url == "https://kabarpasar.example/berita/harga-beras"
    assert first.outlet == "Kabar Pasar"
    assert first.published == datetime(2025, 3, 11, 9, 30, tzinfo=WIB)
    assert first.authors == (Author("Lina Marlina"), Author("Yoga Prasetyo"))
    assert first.dateline == "JAKARTA"
    assert first.text.startswith("Harga beras medium naik")
    second = parse_raw(items[1])  # HTML in the body field, outlet as an object, a date-only published
    assert second.outlet == "Lajur" and second.published == date(2025, 3, 12)
    assert second.text == ("Operator kereta cepat menambah empat perjalanan setiap Sabtu dan Minggu mulai bulan "
                           "depan.\n\"Permintaan naik terus,\" kata juru bicara operator, Rini Astuti.")
    fourth = parse_raw(items[3])  # Indonesian field names
    assert fourth.title.startswith("Festival Layang-Layang") and fourth.dateline == "YOGYAKARTA"
    assert fourth.published == datetime(2025, 3, 15, 10, 0, tzinfo=WIB)
    with pytest.raises(ParseError, match="no article text found"):
        parse_raw(items[4])


def test_json_articles_object():
    items = read_all(FIXTURES / "articles.json")
    assert [i.source.rsplit("#", 1)[1] for i in items] == ["1", "2"]
    first, second = (parse_raw(i) for i in items)
    assert (first.outlet, first.dateline) == ("Suara Bengawan", "SOLO")
    assert second.published == date(2025, 3, 21) and second.language == "id"


def test_json_array_and_single_object(tmp_path):
    (tmp_path / "arr.json").write_text(json.dumps([{"title": "Satu", "text": "Isi berita pertama di sini."},
                                                   {"title": "Dua", "text": "Isi berita kedua di sini."}]))
    (tmp_path / "one.json").write_text(json.dumps({"title": "Tiga", "body": "Isi berita ketiga di sini."},
                                                  indent=2))
    items = read_all(tmp_path)
    assert [i.source.split("/")[-1] for i in items] == ["arr.json#1", "arr.json#2", "one.json"]
    assert parse_raw(items[2]).title == "Tiga"


def test_rss_items():
    items = read_all(FIXTURES / "feed.xml")
    assert [i.format for i in items] == ["rss-item", "rss-item"]
    first = parse_raw(items[0])
    assert first.source == first.url == "https://kabarpesisir.example/abrasi-pantai-indah"
    assert first.outlet == "Kabar Pesisir" and first.authors == (Author("Putu Ardana"),)
    assert first.published == datetime(2025, 3, 12, 7, 45, tzinfo=WIB)
    assert first.text.startswith("Abrasi menggerus sekitar 300 meter")


def test_warc_html_responses(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (FIXTURES / "page.html").read_bytes()
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, ctype, body in (("https://wartakita.example/a", "text/html; charset=utf-8", page),
                                 ("https://wartakita.example/logo.png", "image/png", b"\x89PNG\x00\x00")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    [doc] = read_all(path)
    assert doc.format == "warc-record" and doc.source == "https://wartakita.example/a"
    art = parse_raw(doc)
    assert art.url == "https://wartakita.example/a"
    assert art.title == "Longsor Tutup Jalur Puncak Selama Enam Jam"


def test_unknown_extension_is_sniffed(tmp_path):
    (tmp_path / "page.dat").write_bytes((FIXTURES / "page.html").read_bytes())
    (tmp_path / "rec.out").write_text(json.dumps({"title": "X", "text": "Isi berita di sini."}))
    assert [d.format for d in read_all(tmp_path)] == ["html", "json-record"]


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(gzip.compress((FIXTURES / "records.jsonl").read_bytes()))
    items = read_all(path)
    assert sum(isinstance(i, RawDocument) for i in items) == 4


# ------------------------------------------------------------------ HTML

def test_html_page_metadata_and_body():
    art = parse_file("page.html")
    assert art.title == "Longsor Tutup Jalur Puncak Selama Enam Jam"
    assert art.outlet == "Warta Kita" and art.dateline == "BOGOR"
    assert art.published == datetime(2025, 3, 9, 16, 20, tzinfo=WIB)
    assert art.authors == (Author("Siti Aminah"),)
    assert art.url == "https://www.wartakita.example/read/2025/03/09/longsor-puncak"
    assert "Baca juga" not in art.text and "Hujan Deras Rendam" not in art.text
    assert "Beranda" not in art.text and "Hak cipta" not in art.text
    assert art.text.endswith("jalur dibuka kembali menjelang malam.")


# ------------------------------------------------------------------ ids

def test_same_article_twice_same_id(tmp_path):
    text = (FIXTURES / "pasted_byline.txt").read_text()
    (tmp_path / "copy.txt").write_text(text.replace("\n", "\r\n"))
    a = parse_file("pasted_byline.txt")
    [raw] = read_all(tmp_path / "copy.txt")
    b = parse_raw(raw)
    assert a.id == b.id and a.raw_id != b.raw_id
    assert len(a.id) == 16 and a.raw_id == read_all(FIXTURES / "pasted_byline.txt")[0].id


def test_given_published_wins_over_text():
    text = "Judul\n\nSelasa, 4 Maret 2025 | 09:00 WIB\n\nJAKARTA - Harga emas naik lagi hari ini."
    assert parse_text(text).published == datetime(2025, 3, 4, 9, 0, tzinfo=WIB)
    assert parse_text(text, published="2025-03-05").published == date(2025, 3, 5)
    assert parse_text(text, published=date(2025, 3, 6)).published == date(2025, 3, 6)


def test_text_without_body_is_a_parse_error():
    with pytest.raises(ParseError, match="no article text found"):
        parse_text("Reporter : Tedy\nEditor : Tedy\n\nKategori : Nasional")


def test_language():
    assert parse_file("english.txt").language == "en"
    assert parse_file("pasted_byline.txt").language == "id"
    assert parse_text("Kerajaan negeri berkata bahawa semua sekolah akan dibuka semula selepas cuti, "
                      "kerana keadaan sudah pulih sepenuhnya dan ibu bapa boleh menghantar anak mereka.").language == "ms"


def test_folder_skips_readme_and_license(tmp_path):
    (tmp_path / "README.md").write_text("# Korpus contoh\n\nBerkas ini menjelaskan korpus.")
    (tmp_path / "LICENSE").write_text("MIT")
    (tmp_path / "berita.txt").write_text("Judul\n\nJAKARTA - Isi berita yang cukup panjang di sini.")
    assert [Path(d.source).name for d in read_all(tmp_path)] == ["berita.txt"]
    [readme] = read_all(tmp_path / "README.md")  # named explicitly: read
    assert isinstance(readme, RawDocument)


@pytest.mark.parametrize("module", ["decode", "sources", "fields", "published", "normalize", "boilerplate",
                                    "bylines", "names", "via", "textmeta", "parse", "langid"])
def test_docstring_examples(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"linimasa.ingest.{module}"), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_any_text_gives_an_article_or_a_parse_error():
    from hypothesis import given, settings, strategies as st

    alphabet = st.sampled_from(list("abcJKT -:|\n\t.,\"'()/0123456789") + ["BACA JUGA", "Foto:", "WIB", "Senin",
                                                                         "Reporter : ", "JAKARTA - ", "(ab/cd)"])

    @settings(max_examples=60, deadline=None)
    @given(st.lists(alphabet, max_size=40).map("".join))
    def check(text):
        try:
            art = parse_text(text)
        except ParseError:
            return
        assert art.text and art.text == art.text.strip() and len(art.id) == 16

    check()
