"""The library API: linimasa.annotate(text) gives the same article object as the JSON export."""
from __future__ import annotations

import json

import linimasa
from linimasa.model import Article


def test_annotate_one_text():
    art = linimasa.annotate(
        'BANDUNG - "Bendungan itu aman," kata Direktur Jenderal Budi Santoso, Senin (3/3/2025). '
        "Menurut Budi, sekitar 1.200 warga tidak perlu mengungsi.", published="2025-03-04")
    assert art.dateline == "BANDUNG"
    [direct] = [q for q in art.quotes if q.kind == "direct"]
    assert direct.text == "Bendungan itu aman," or direct.text.rstrip(",") == "Bendungan itu aman"
    assert direct.speaker == "Budi Santoso" and direct.said_on == "2025-03-03"
    [count] = art.counts
    assert (count.value, count.qualifier, count.unit, count.claimant) == (1200, "approx", "warga", "Budi Santoso")
    assert [t.value for t in art.timexes] == ["2025-03-03"]


def test_to_dict_round_trips_through_json():
    art = linimasa.annotate('"Harga cabai naik," ujar pedagang Siti Aminah di Pasar Minggu, Kamis (6/3/2025).',
                            published="2025-03-06T09:30:00+07:00", source="pasar.txt")
    doc = json.loads(json.dumps(art.to_dict()))
    assert doc["published"] == "2025-03-06T09:30:00+07:00"
    again = Article.from_dict(doc)
    assert again == art


def test_published_is_inferred_when_missing():
    art = linimasa.annotate("Gempa mengguncang Kabupaten Cianjur pada Senin (21/11/2022) siang.")
    assert art.published_inferred is True
    assert str(art.published) == "2022-11-21"
