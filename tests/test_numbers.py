"""Numbers: parsing digits and number words, hedges, and typing every number (the "numbers" component)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.annotate.number_words import parse_number_words, to_words_id
from linimasa.annotate.numbers import extract_numbers, parse_digits
from linimasa.annotate.registry import Registry, Resources
from linimasa.model import Article


def only(text: str, lang: str = "id"):
    """The single number in ``text``."""
    found = extract_numbers(text, lang)
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------ number words

@pytest.mark.parametrize("text,value", [
    ("nol", 0), ("satu", 1), ("tiga", 3), ("sembilan", 9), ("sepuluh", 10), ("sebelas", 11), ("dua belas", 12),
    ("sembilan belas", 19), ("dua puluh", 20), ("dua puluh lima", 25), ("sembilan puluh sembilan", 99),
    ("seratus", 100), ("seratus satu", 101), ("dua ratus lima puluh", 250), ("seribu", 1000),
    ("seribu lima ratus", 1500), ("dua belas ribu", 12000), ("seratus ribu", 100000), ("sejuta", 1000000),
    ("satu juta dua ratus ribu", 1200000), ("tiga miliar", 3 * 10**9), ("dua triliun", 2 * 10**12),
    ("ratusan", 100), ("ribuan", 1000), ("puluhan", 10), ("jutaan", 1000000), ("ratusan ribu", 100000),
    ("puluhan ribu", 10000), ("beberapa ratus", 100),
])
def test_indonesian_number_words(text, value):
    assert parse_number_words(text) == value


@pytest.mark.parametrize("text,value", [
    ("three", 3), ("twenty-five", 25), ("a hundred", 100), ("one hundred and five", 105),
    ("twelve thousand", 12000), ("two million five hundred thousand", 2500000), ("thousands", 1000),
    ("tens of thousands", 10000), ("hundreds of thousands", 100000), ("a dozen", 12),
])
def test_english_number_words(text, value):
    assert parse_number_words(text, "en") == value


@pytest.mark.parametrize("text", ["dua dua", "puluh", "ratus lima", "tiga sepuluh", "sebelas belas", "tentara", ""])
def test_not_one_number(text):
    assert parse_number_words(text) is None


_UNITS = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def _below_thousand(n: int) -> list[str]:
    """Independent of the module: Indonesian words for 1..999."""
    out = []
    h, rest = divmod(n, 100)
    if h:
        out += ["seratus"] if h == 1 else [_UNITS[h], "ratus"]
    if rest == 10:
        out.append("sepuluh")
    elif rest == 11:
        out.append("sebelas")
    elif 12 <= rest <= 19:
        out += [_UNITS[rest - 10], "belas"]
    elif rest >= 20:
        out += [_UNITS[rest // 10], "puluh"] + ([_UNITS[rest % 10]] if rest % 10 else [])
    elif rest:
        out.append(_UNITS[rest])
    return out


def words_id(n: int) -> str:
    """Independent of the module: write 0 <= n < 10**12 out in Indonesian."""
    if n == 0:
        return "nol"
    out: list[str] = []
    for scale, name in ((10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")):
        q, n = divmod(n, scale)
        if q == 1 and scale == 1000:
            out.append("seribu")
        elif q:
            out += _below_thousand(q) + [name]
    return " ".join(out + _below_thousand(n))


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_every_integer_below_a_trillion_round_trips(n):
    assert parse_number_words(words_id(n)) == n
    assert to_words_id(n) == words_id(n)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=10**6))
def test_written_numbers_are_found_in_a_sentence(n):
    [number] = extract_numbers(f"Panitia mencatat {words_id(n)} peserta hadir.")
    assert number.value == n and number.kind == "count"


# ------------------------------------------------------------------ digits

@pytest.mark.parametrize("text,lang,value", [
    ("1.500", "id", Decimal("1500")), ("12.000", "id", Decimal("12000")), ("2,5", "id", Decimal("2.5")),
    ("1.500.000,75", "id", Decimal("1500000.75")), ("10,000", "en", Decimal("10000")),
    ("1.5", "en", Decimal("1.5")), ("2,345,678", "en", Decimal("2345678")), ("250", "id", Decimal("250")),
])
def test_digit_separators(text, lang, value):
    assert parse_digits(text, lang) == value


@pytest.mark.parametrize("text,value", [
    ("Stok beras mencapai 1,3 juta ton.", 1300000),
    ("Anggaran proyek itu Rp 9,9 triliun.", 9_900_000_000_000),
    ("Dana bantuan sebesar Rp5 M cair pekan ini.", 5_000_000_000),
    ("Lebih dari 77 ribu sekolah menerima bantuan.", 77000),
])
def test_scale_words(text, value):
    assert extract_numbers(text)[0].value == value


# ------------------------------------------------------------------ hedges and vague quantities

@pytest.mark.parametrize("text,qualifier", [
    ("Sekitar 300 warga mengungsi.", "approx"),
    ("Kira-kira 300 warga mengungsi.", "approx"),
    ("Hampir 300 warga mengungsi.", "approx"),
    ("Sedikitnya 300 warga mengungsi.", "at_least"),
    ("Setidaknya 300 warga mengungsi.", "at_least"),
    ("Minimal 300 warga mengungsi.", "at_least"),
    ("Lebih dari 300 warga mengungsi.", "more_than"),
    ("Kurang dari 300 warga mengungsi.", "less_than"),
    ("Maksimal 300 warga boleh mengungsi di gedung itu.", "at_most"),
    ("Paling banyak 300 warga boleh mengungsi di gedung itu.", "at_most"),
    ("Sebanyak 300 warga mengungsi.", "exact"),
    ("Ratusan warga mengungsi.", "vague"),
    ("Sekitar ratusan warga mengungsi.", "vague"),
    ("Tercatat 300 lebih warga mengungsi.", "more_than"),
])
def test_hedges(text, qualifier):
    assert only(text).qualifier == qualifier


@pytest.mark.parametrize("text,qualifier,value", [
    ("About 300 residents fled.", "approx", 300),
    ("More than 10,000 troops arrived.", "more_than", 10000),
    ("At least 12 people died.", "at_least", 12),
    ("Nearly 40 homes burned.", "approx", 40),
    ("Up to 500 workers may lose their jobs.", "at_most", 500),
    ("Thousands of residents fled.", "vague", 1000),
])
def test_english_hedges(text, qualifier, value):
    number = only(text, "en")
    assert (number.qualifier, number.value) == (qualifier, value)


def test_range_end_is_not_up_to():
    numbers = extract_numbers("Antara 10 hingga 20 orang terluka.")
    assert [n.qualifier for n in numbers] == ["exact", "exact"]


# ------------------------------------------------------------------ types

@pytest.mark.parametrize("text,value,kind,unit", [
    ("Tiga tentara terluka.", 3, "count", "tentara"),
    ("Gudang itu menyimpan 40 ekor sapi.", 40, "count", "sapi"),
    ("Kerugian ditaksir Rp 2 miliar.", 2_000_000_000, "money", "IDR"),
    ("Perusahaan itu meminjam US$ 5 juta dari bank.", 5_000_000, "money", "USD"),
    ("Harga naik 12,5 persen.", Decimal("12.5"), "percent", "persen"),
    ("Inflasi tahunan 3,1% pada bulan itu.", Decimal("3.1"), "percent", "persen"),
    ("Peluncur roket itu berkaliber 240 mm.", 240, "measure", "mm"),
    ("Antrean kendaraan mengular 5 km.", 5, "measure", "km"),
    ("Truk itu mengangkut 10 ton beras.", 10, "measure", "ton"),
    ("Gempa bermagnitudo 5,6 mengguncang pantai.", Decimal("5.6"), "measure", None),
    ("Ia divonis 20 tahun penjara.", 20, "duration", "tahun"),
    ("Pencarian berlangsung tiga hari.", 3, "duration", "hari"),
    ("Pengemudi berusia 45 tahun itu selamat.", 45, "age", "tahun"),
    ("Korban, Budi (34), dibawa ke puskesmas.", 34, "age", None),
    ("Ini kunjungan ke-2 menteri ke desa itu.", 2, "ordinal", None),
    ("Ini kunjungan kedua menteri ke desa itu.", 2, "ordinal", None),
    ("Kebun itu dibuka pada tahun 2019.", 2019, "year", None),
    ("Aturan itu diatur dalam Pasal 4 undang-undang tersebut.", 4, "reference", None),
    ("Rumahnya di Jalan Melati No. 5 terbakar.", 5, "reference", None),
    ("Ia dipanggil sebagai saksi nomor 3.", 3, "reference", None),
    ("Sidang dimulai pukul 09.00.", Decimal("9.00"), "time", None),
    ("Rapat dimulai 13.30 WIB.", Decimal("13.30"), "time", None),
    ("Rombongan tiba pada 25 Oktober.", 25, "date", None),
    ("Persib menang 2-1 atas tamunya.", 2, "score", None),
])
def test_types(text, value, kind, unit):
    number = extract_numbers(text)[0]
    assert (number.value, number.kind) == (value, kind)
    if unit is not None:
        assert number.unit == unit


def test_date_parts():
    numbers = extract_numbers("Polisi menangkapnya Senin (18/10) dan Kamis (21/10/2024).")
    assert [n.kind for n in numbers] == ["date"] * 5


@pytest.mark.parametrize("text,value,kind", [
    ("Three soldiers were wounded.", 3, "count"),
    ("The company lost $5 million last year.", 5_000_000, "money"),
    ("Prices rose 4.5 percent.", Decimal("4.5"), "percent"),
    ("The road runs 12 km along the coast.", 12, "measure"),
    ("He was jailed for 20 years.", 20, "duration"),
    ("The 45-year-old driver survived.", 45, "age"),
    ("The war began in 2022.", 2022, "year"),
    ("Under Article 4 of the treaty, both sides help each other.", 4, "reference"),
    ("The meeting opened at 9:30 am.", Decimal("9.30"), "time"),
    ("The talks ended on Oct. 24 without a deal.", 24, "date"),
    ("It was her 2nd visit.", 2, "ordinal"),
])
def test_english_types(text, value, kind):
    number = extract_numbers(text, "en")[0]
    assert (number.value, number.kind) == (value, kind)


@pytest.mark.parametrize("text", [
    "Peraturan itu tertuang dalam Pasal 4 ayat (2).",
    "Sistem artileri 170 mm dipasang di perbatasan.",
    "Pertumbuhan ekonomi 12,5 persen dinilai terlalu tinggi.",
    "Pasien, Siti (70), dirawat di rumah sakit.",
    "Kebijakan itu berlaku sejak 2020.",
    "Varian COVID-19 menyebar cepat.",
    "Jet tempur F-16 melintas rendah.",
    "Ia menjadi salah satu saksi kunci.",
    "Dua pertiga anggaran sudah terserap.",
    "Ia sudah tiga kali mangkir dari panggilan.",
    "Harga saham naik dua kali lipat.",
    "Produk bermerek Cap Tiga Kuda ditarik dari pasar.",
])
def test_no_counts_among_other_numbers(text):
    assert not [n for n in extract_numbers(text) if n.kind == "count"]


def test_offsets_point_into_the_text():
    text = "Menurut polisi, sekitar 1.500 warga dan ribuan relawan membantu."
    for number in extract_numbers(text):
        assert text[number.start:number.end] == number.text
    assert [n.text for n in extract_numbers(text)] == ["sekitar 1.500", "ribuan"]


# ------------------------------------------------------------------ the component

def test_numbers_component_types_numbers_by_article_language():
    from linimasa.annotate import numbers

    registry = Registry()
    numbers.register(registry)
    component = registry.get("numbers")
    article = Article(id="a", text="The army sent 1,500 troops.", language="en")
    [number] = component(article, Resources()).numbers
    assert (number.value, number.kind, number.unit) == (1500, "count", "troops")
    article = Article(id="b", text="Tentara mengirim 1,500 personel.", language="id")
    assert component(article, Resources()).numbers[0].value == Decimal("1.5")


@pytest.mark.parametrize("text,lang,value,kind,qualifier,unit", [
    ("Setengah juta penduduk terdampak kekeringan.", "id", 500000, "count", "exact", "penduduk"),
    ("Satu setengah juta jiwa mengungsi.", "id", 1500000, "count", "exact", "jiwa"),
    ("Half a million people fled the city.", "en", 500000, "count", "exact", "people"),
    ("Ia divonis dua setengah tahun penjara.", "id", Decimal("2.5"), "duration", "exact", "tahun"),
    ("Sebanyak 1.500-an warga mengungsi.", "id", 1500, "count", "approx", "warga"),
    ("Sebanyak 3.000 lebih tentara dikirim.", "id", 3000, "count", "more_than", "tentara"),
    ("Yang hadir mencapai 100 orang lebih.", "id", 100, "count", "more_than", "orang"),
    ("Yang hadir 100 orang lebih banyak dari tahun lalu.", "id", 100, "count", "exact", "orang"),
    ("Sebanyak 13 dari 14 korban dibawa ke RSUD.", "id", 13, "count", "exact", "korban"),
    ("Seven out of nine judges agreed.", "en", 7, "count", "exact", "judges"),
    ("Tercatat 1.245 kasus, naik dari 812 pada periode yang sama.", "id", 812, "count", "exact", "kasus"),
    ("The office deported 340 foreigners, up from 196 in 2023.", "en", 196, "count", "exact", "foreigners"),
    ("The deportees included nine Russians and two Israelis.", "en", 9, "count", "exact", "russians"),
    ("Ia menempati peringkat lima dari 11 peserta.", "id", 5, "other", "exact", None),
])
def test_halves_hedges_after_the_noun_parts_and_comparisons(text, lang, value, kind, qualifier, unit):
    [number] = [n for n in extract_numbers(text, lang) if n.value == value]
    assert (number.kind, number.qualifier, number.unit) == (kind, qualifier, unit)
