"""Time expressions: detection, TIMEX3 values, weekday warnings, published-date inference, clause dates."""
from __future__ import annotations

import dataclasses
import importlib.util
import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.annotate.dates import (clause_date, extract_timexes, infer_published, register,
                                     weekday_mismatches)
from linimasa.annotate.registry import Registry, Resources
from linimasa.model import Article, Warning

SHARED = Path(__file__).parents[2] / "shared"

SAT = date(2024, 10, 26)  # a Saturday in ISO week 43
FRI = date(2024, 11, 29)  # a Friday in ISO week 48
WED = date(2025, 6, 18)  # a Wednesday in ISO week 25


def values(text: str, ref, lang: str = "id") -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in extract_timexes(text, ref, lang)]


@pytest.mark.parametrize("text,ref,expression,value", [
    # written dates, with and without weekday and year
    ("Kementerian menggelar rapat, Senin (28/4/2025), di Jakarta.", SAT, "Senin (28/4/2025)", "2025-04-28"),
    ("Dubes itu berbicara dalam rapat, Rabu (27/11) lalu.", FRI, "Rabu (27/11) lalu", "2024-11-27"),
    ("Polisi menangkap tersangka (18/10) di rumahnya.", SAT, "(18/10)", "2024-10-18"),
    ("Perjanjian itu diteken pada 28 April 2025 di Moskwa.", SAT, "28 April 2025", "2025-04-28"),
    ("Kedua pemimpin bertemu pada 19 Juni di Pyongyang.", FRI, "19 Juni", "2024-06-19"),
    ("Pernyataan itu dirilis Jumat, 25 Oktober, oleh kementerian.", SAT, "Jumat, 25 Oktober", "2024-10-25"),
    ("Invasi dimulai pada Februari 2022 dan belum berakhir.", SAT, "Februari 2022", "2022-02"),
    ("Hubungan kedua negara memburuk pada tahun 2022.", SAT, "tahun 2022", "2022"),
    ("Laporan itu terbit 3 Agu 2024 di laman resmi.", SAT, "3 Agu 2024", "2024-08-03"),
    ("Laporan itu terbit 3 Agt 2024 di laman resmi.", SAT, "3 Agt 2024", "2024-08-03"),
    ("Laporan itu terbit 25 Okt 2024 di laman resmi.", SAT, "25 Okt 2024", "2024-10-25"),
    ("Laporan itu terbit 1 Sept. 2024 di laman resmi.", SAT, "1 Sept. 2024", "2024-09-01"),
    ("Rapat ditutup hari Senin, tanggal 21 Oktober 2024, di Senayan.", SAT,
     "hari Senin, tanggal 21 Oktober 2024", "2024-10-21"),
    ("Gempa terjadi pada 13-14 Mei 2024 di selatan Jawa.", SAT, "13", "2024-05-13"),
    ("Gempa terjadi pada 13-14 Mei 2024 di selatan Jawa.", SAT, "14 Mei 2024", "2024-05-14"),
    # weekdays: the latest on or before the article date, unless the clause is in the future
    ("Presiden berpidato Jum'at di depan parlemen.", SAT, "Jum'at", "2024-10-25"),
    ("Menteri itu mengatakan pada Kamis bahwa stok aman.", SAT, "Kamis", "2024-10-24"),
    ("Menteri itu mengatakan pada hari Kamis bahwa stok aman.", SAT, "hari Kamis", "2024-10-24"),
    ("Wakil menteri itu berbicara Kamis lalu di New York.", SAT, "Kamis lalu", "2024-10-24"),
    ("Jenderal itu memuji pasukannya pada Sabtu lalu.", SAT, "Sabtu lalu", "2024-10-19"),
    ("Banjir merendam kampung itu Kamis pagi.", SAT, "Kamis pagi", "2024-10-24TMO"),
    ("Serangan terjadi pada Jumat pekan lalu di ibu kota.", WED, "Jumat pekan lalu", "2025-06-13"),
    ("Saksi itu akan diperiksa Senin di gedung kejaksaan.", date(2025, 6, 20), "Senin", "2025-06-23"),
    ("Sidang lanjutan digelar Senin depan.", SAT, "Senin depan", "2024-10-28"),
    ("Minggu lalu, polisi menangkap dua orang.", WED, "Minggu lalu", "2025-W24"),
    ("Polisi menangkap dua orang pada Minggu lalu.", WED, "Minggu lalu", "2025-06-15"),
    # relative days, weeks, months, years, seasons
    ("Kapal itu tenggelam kemarin di Selat Sunda.", SAT, "kemarin", "2024-10-25"),
    ("Hasil pemeriksaan diumumkan besok.", SAT, "besok", "2024-10-27"),
    ("Hasil pemeriksaan diumumkan lusa.", SAT, "lusa", "2024-10-28"),
    ("Korsel melaporkan hal serupa pekan lalu.", FRI, "pekan lalu", "2024-W47"),
    ("Delegasi itu tiba pekan depan.", SAT, "pekan depan", "2024-W44"),
    ("Harga beras naik bulan lalu.", FRI, "bulan lalu", "2024-10"),
    ("Ia menjadi perdana menteri tahun lalu.", SAT, "tahun lalu", "2023"),
    ("Anggaran tahun ini lebih besar.", SAT, "tahun ini", "2024"),
    ("Korban hilang tiga hari lalu di hutan.", SAT, "tiga hari lalu", "2024-10-23"),
    ("Pasukan dikerahkan pada awal Agustus ke perbatasan.", FRI, "awal Agustus", "2024-08"),
    ("Pasar malam digelar akhir pekan ini.", SAT, "akhir pekan ini", "2024-W43-WE"),
    ("Pakta itu diteken pada musim panas ini.", FRI, "musim panas ini", "2024-SU"),
    ("Ia dilantik akhir tahun lalu.", SAT, "akhir tahun lalu", "2023"),
    # durations and vague references
    ("Ribuan kontainer dikirim selama dua bulan sebelumnya.", FRI, "dua bulan sebelumnya", "P2M"),
    ("Warga mengungsi selama tiga hari.", SAT, "tiga hari", "P3D"),
    ("Harga naik dalam lima tahun terakhir.", SAT, "lima tahun terakhir", "P5Y"),
    ("Korsel baru-baru ini memanggil duta besar Rusia.", SAT, "baru-baru ini", "PAST_REF"),
    ("Tuduhan itu muncul beberapa tahun lalu.", SAT, "beberapa tahun lalu", "PAST_REF"),
    # clock times take the day of their sentence, with the stated zone
    ("Korban ditemukan Selasa (22/10) sekitar pukul 18.00 WITA.", SAT, "pukul 18.00 WITA",
     "2024-10-22T18:00+08:00"),
    ("Selasa 22 Oct 2024 - 19:08 WIB", SAT, "Selasa 22 Oct 2024 - 19:08 WIB", "2024-10-22T19:08+07:00"),
    ("Ledakan terjadi Senin (30/6) Pukul 08.00 WITA.", date(2025, 7, 2), "Senin (30/6)", "2025-06-30"),
    ("Ledakan terjadi Senin (30/6) Pukul 08.00 WITA.", date(2025, 7, 2), "Pukul 08.00 WITA",
     "2025-06-30T08:00+08:00"),
    # a speaker's "kemarin" is a vague past
    ("\"Kondisinya masih sama seperti kemarin,\" kata dia.", SAT, "kemarin", "PAST_REF"),
    # bare years where the context says they are years
    ("Kasus itu terjadi sejak 2019 di kementerian.", SAT, "2019", "2019"),
    ("Peristiwa itu terjadi pada 2019 lalu.", SAT, "2019 lalu", "2019"),
    ("Aktivis mengenang peristiwa tahun '98 di Jakarta.", SAT, "tahun '98", "1998"),
    # a day and month in a future clause, or with "nanti", take the coming date
    ("Sidang akan dilanjutkan tanggal 7 Juli di Singapura.", date(2025, 6, 25), "tanggal 7 Juli", "2025-07-07"),
    ("Sidang perdana berlangsung 1 Juli nanti.", date(2025, 6, 19), "1 Juli nanti", "2025-07-01"),
])
def test_indonesian_forms(text, ref, expression, value):
    assert (expression, value) in values(text, ref)


@pytest.mark.parametrize("text,expression,value", [
    ("The ministry said last Thursday that troops had moved.", "last Thursday", "2024-10-24"),
    ("The ministry said on Oct. 24 that troops had moved.", "Oct. 24", "2024-10-24"),
    ("Two months earlier, the pact was signed.", "Two months earlier", "P2M"),
    ("The report was published on October 24, 2024.", "October 24, 2024", "2024-10-24"),
    ("He arrived three days ago.", "three days ago", "2024-10-23"),
    ("The envoy will leave next week.", "next week", "2024-W44"),
    ("Yesterday the minister spoke to reporters.", "Yesterday", "2024-10-25"),
    ("The pact was signed this summer.", "this summer", "2024-SU"),
    ("Last year the company reported losses.", "Last year", "2023"),
    ("In March 2022, fighting intensified.", "March 2022", "2022-03"),
    ("The vote is scheduled for Friday.", "Friday", "2024-11-01"),
    ("The summit ended on 24 October 2024 at 7:30 p.m. local time.", "7:30 p.m.", "2024-10-24T19:30"),
])
def test_english_forms(text, expression, value):
    assert (expression, value) in values(text, SAT, "en")


@pytest.mark.parametrize("text", [
    "Keputusan itu diambil berdasarkan Pasal 4 perjanjian.",
    "Curah hujan mencapai 170 mm di Bogor.",
    "Inflasi naik 12,5 persen dibanding sebelumnya.",
    "Pelaku berusia 45 tahun ditangkap polisi.",
    "Timnas menang dengan skor 2-1 atas Vietnam.",
    "Harga tiket Rp 2.019 per lembar.",
    "Sekitar 1.500 tentara khusus dikirim ke garis depan.",
    "Sebanyak 2019 orang mendaftar sebagai relawan.",
    "Aturan itu tertuang dalam UU Nomor 7 Tahun 2017 tentang Pemilu.",
    "Mereka berangkat selepas shalat Jumat bersama warga.",
    "Siaran langsung tayang setiap Senin di televisi.",
    "Layanan dibuka Senin-Jumat bagi warga.",
    "Perbandingan suaranya 3/4 dari total anggota.",
    "Ia bekerja di sana pukul rata dua minggu sekali.",
])
def test_not_time_expressions(text):
    assert values(text, SAT) == []


def test_relative_expressions_need_a_reference():
    assert values("Rapat digelar Kamis lalu, Jumat (25/10/2024).", None) == [("Jumat (25/10/2024)", "2024-10-25")]


def test_weekday_mismatch_keeps_the_written_date():
    text = "Putin mengatakan pada Kamis (25/10/2024) bahwa kerja sama itu sah."
    assert values(text, date(2024, 11, 1)) == [("Kamis (25/10/2024)", "2024-10-25")]
    [warning] = weekday_mismatches(text, date(2024, 11, 1))
    assert warning == Warning("weekday_mismatch", "Kamis (25/10/2024)", 22, 40,
                              "25 October 2024 is a Friday, not Kamis")


def test_weekday_mismatch_without_year():
    [warning] = weekday_mismatches("Ia berbicara di Senayan, Selasa (1/6).", date(2025, 7, 2))
    assert warning.text == "Selasa (1/6)"


@pytest.mark.parametrize("text,ref", [
    ("Putin mengatakan pada Jumat (25/10/2024) bahwa kerja sama itu sah.", SAT),
    ("Dubes itu berbicara dalam rapat, Rabu (27/11) lalu.", FRI),
    ("Rapat berlangsung Senin, 30 Desember, dan Rabu, 1 Januari.", date(2025, 1, 3)),
    ("Sidang digelar Kamis. Pada 25 Oktober 2024, hakim membacakan putusan.", SAT),
])
def test_no_false_weekday_warnings(text, ref):
    assert weekday_mismatches(text, ref) == ()


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)), st.integers(0, 6))
def test_written_weekday_dates_property(day, weekday):
    names = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
    text = f"Rapat digelar {names[weekday]} ({day.day}/{day.month}/{day.year}) di Jakarta."
    assert [t.value for t in extract_timexes(text, None)] == [day.isoformat()]
    assert bool(weekday_mismatches(text, None)) == (day.weekday() != weekday)


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)), st.integers(0, 300))
def test_day_month_takes_the_year_before_the_article(ref, days_before):
    day = ref - timedelta(days=days_before)
    months = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
              "Oktober", "November", "Desember")
    text = f"Peristiwa itu terjadi pada {day.day} {months[day.month - 1]} di desa itu."
    assert [t.value for t in extract_timexes(text, ref)] == [day.isoformat()]


@pytest.mark.parametrize("text,today,expected", [
    ("JAKARTA - Polisi menahan tersangka, Rabu (18/6/2025). Ia diperiksa Senin (16/6/2025).", None,
     date(2025, 6, 18)),
    ("Selasa 22 Oct 2024 - 19:08 WIB\nPada Jumat (18/10), badan intelijen melapor.", None, date(2024, 10, 22)),
    ("Invasi dimulai Februari 2022. \"Itu sah,\" katanya, Jumat, 25 Oktober.", None, date(2024, 10, 25)),
    ("Sidang akan digelar pada 7 Juli 2025. Hal itu dikatakan hakim, Rabu (25/6/2025).", None, date(2025, 6, 25)),
    ("Surat itu terbit Rabu (11/6/2026). Polisi menahan tersangka, Kamis (19/6/2025).", None, date(2025, 6, 19)),
    ("Ledakan terjadi Senin (30/6) pagi, kata polisi.", date(2026, 11, 22), date(2025, 6, 30)),
    ("Ledakan terjadi pagi tadi, kata polisi.", None, None),
])
def test_infer_published(text, today, expected):
    assert infer_published(text, today=today) == expected


def _component():
    registry = Registry()
    register(registry)
    return registry.get("timexes")


def test_component_infers_date_and_warns():
    article = Article(id="a", text="Invasi dimulai Februari 2022. Kamis (24/10/2024) ia bicara. Kamis lalu juga.",
                      warnings=(Warning("other", "x"),))
    out = _component()(article, Resources(today=date(2026, 1, 1)))
    assert out.published == date(2024, 10, 24) and out.published_inferred
    assert [t.value for t in out.timexes] == ["2022-02", "2024-10-24", "2024-10-17"]
    assert out.warnings == (Warning("other", "x"),)
    assert article.timexes == ()  # the input is not changed


def test_component_keeps_a_given_date():
    published = datetime.fromisoformat("2024-11-01T10:00:00+07:00")
    article = Article(id="b", text="Putin mengatakan pada Kamis (25/10/2024) bahwa itu sah.", published=published)
    out = _component()(article, Resources())
    assert out.published == published and not out.published_inferred
    assert [w.kind for w in out.warnings] == ["weekday_mismatch"]


@pytest.mark.parametrize("text,figure,expected", [
    ("Menurut polisi, Senin (23/6/2025), 12 orang tewas dalam kecelakaan itu.", "12 orang", "2025-06-23"),
    ("Pada Senin (23/6/2025), dinas mencatat 300 kasus sejak Januari 2025.", "300 kasus", "2025-06-23"),
    ("Pada Februari 2022, sebanyak 1.500 tentara dikirim ke perbatasan.", "1.500 tentara", "2022-02"),
    ("Sejak 2019, sebanyak 40 desa terendam banjir.", "40 desa", None),
    ("Rapat digelar Senin (23/6/2025). Sebanyak 12 orang hadir.", "12 orang", None),
])
def test_clause_date(text, figure, expected):
    article = Article(id="c", text=text, published=date(2025, 6, 25))
    article = dataclasses.replace(article, timexes=extract_timexes(text, article.published))
    start = text.index(figure)
    assert clause_date(article, start, start + len(figure)) == expected


def test_clause_date_computes_timexes_when_missing():
    text = "Menurut polisi, Kamis lalu 12 orang tewas."
    start = text.index("12 orang")
    assert clause_date(Article(id="d", text=text, published=SAT), start, start + 8) == "2024-10-24"


def _load_scorer():
    spec = importlib.util.spec_from_file_location("acceptance_score", SHARED / "acceptance" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_dev30_gold_f1():
    dev = SHARED / "data" / "news-dev" / "dev30.jsonl"
    gold_path = SHARED / "acceptance" / "dev.gold.json"
    if not (dev.is_file() and gold_path.is_file()):
        pytest.skip("../shared dev data not available")
    score = _load_scorer()
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["articles"]
    tally = score.Tally()
    for line in dev.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        found = extract_timexes(doc["text"], datetime.fromisoformat(doc["published"]))
        art = {"timexes": [{"text": t.text, "value": t.value} for t in found]}
        score.score_timexes(art, gold[doc["url"]], tally, [], doc["url"])
    assert tally.prf()[2] >= 0.85


@pytest.mark.parametrize("text,ref,lang,expression,value", [
    ("Lonjakan terjadi pada April dan Mei, saat curah hujan tinggi.", WED, "id", "Mei", "2025-05"),
    ("The peak season falls in July and August.", WED, "en", "August", "2025-08"),
    ("Operasi pasar digelar pada Juli.", WED, "id", "Juli", "2025-07"),
    ("Pada Desember, harga cabai naik.", WED, "id", "Desember", "2024-12"),
    ("Juni tahun lalu banjir besar melanda kota itu.", WED, "id", "Juni tahun lalu", "2024-06"),
    ("Harga naik sejak Maret tahun ini.", WED, "id", "Maret tahun ini", "2025-03"),
    ("The dam broke in June last year.", WED, "en", "June last year", "2024-06"),
    ("Prices usually peak in mid-July.", WED, "en", "mid-July", "2025-07"),
    ("He said the talks would resume on Monday.", date(2025, 6, 24), "en", "Monday", "2025-06-30"),
])
def test_months_joined_coming_and_of_a_relative_year(text, ref, lang, expression, value):
    assert (expression, value) in values(text, ref, lang)


def test_a_name_after_dan_is_no_month():
    assert values("Presiden dan Juni hadir di acara itu.", WED) == []


@pytest.mark.parametrize("text,figure,expected", [
    # a tally runs up to the end of its stretch, when that end is not after the article's date
    ("Hingga Senin siang, sembilan korban masih dirawat.", "sembilan korban", "2025-06-23"),
    ("Operasi pasar digelar hingga akhir Agustus di 514 kabupaten.", "514 kabupaten", None),
    # a date after a later figure is that figure's
    ("Last year, the office deported 340 foreigners, up from 196 in 2023.", "340 foreigners", "2024"),
])
def test_clause_date_for_counts(text, figure, expected):
    from linimasa.annotate.numbers import extract_numbers

    lang = "en" if "the" in text.split() else "id"
    article = Article(id="f", text=text, published=date(2025, 6, 25), language=lang)
    article = dataclasses.replace(article, timexes=extract_timexes(text, article.published, lang),
                                  numbers=extract_numbers(text, lang))
    start = text.index(figure)
    assert clause_date(article, start, start + len(figure), for_count=True) == expected
