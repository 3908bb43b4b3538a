"""Shared test helpers. Real inputs: small articles written by us, plus ../shared where present."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# Three short articles written for the tests (fictional events, our own sentences).
ARTICLE_A = """Kementerian Bantah Bendungan Cibeureum Retak

Senin, 3 Maret 2025 10:15 WIB

Reporter : Rina Hapsari

BANDUNG - Kementerian Pekerjaan Umum membantah kabar bahwa Bendungan Cibeureum retak. "Bendungan itu aman dan terus dipantau," kata Direktur Jenderal Sumber Daya Air Budi Santoso di Bandung, Senin (3/3/2025).

Menurut Budi, sekitar 1.200 warga di hilir bendungan tidak perlu mengungsi. Warga sebelumnya melaporkan retakan sepanjang 3 meter pada Sabtu lalu.
"""

ARTICLE_B = """Warga Hilir Cibeureum Mulai Mengungsi

Rabu, 5 Maret 2025 08:00 WIB

BANDUNG - Lebih dari 2.000 warga di hilir Bendungan Cibeureum mulai mengungsi pada Selasa malam, kata Kepala BPBD Jawa Barat Dedi Kurniawan.

"Kami tidak mau mengambil risiko," ujar Dedi kepada wartawan, Rabu (5/3/2025). Ia menambahkan bahwa tiga posko pengungsian telah dibuka.
"""

ARTICLE_C = """Ministry admits crack in Cibeureum dam

JAKARTA - Indonesia's public works ministry on Thursday admitted that the Cibeureum dam has a crack, reversing its denial earlier this week.

"We found a crack of about three metres," Budi Santoso, the ministry's director general for water resources, told reporters on March 6, 2025. About 2,500 residents have left their homes, according to the regional disaster agency.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of three good articles (two .txt, one .jsonl record)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    record = {"url": "https://example.org/news/dam-crack", "title": "Ministry admits crack in Cibeureum dam",
              "published": "2025-03-06T14:00:00+07:00", "outlet": "Example Daily",
              "text": ARTICLE_C.split("\n", 2)[2]}
    (folder / "c.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    return SHARED


@pytest.fixture(scope="module")
def annotate_upto_claimants():
    """Annotate one text with the real pipeline up to and including ``claimants`` (no stances)."""
    from datetime import date

    from linimasa.annotate.pipeline import Pipeline, PipelineSpec
    from linimasa.model import Article

    pipe = Pipeline(PipelineSpec(components=("timexes", "numbers", "entities", "quotes", "counts", "claimants"),
                                 strict=True))

    def run(text: str, language: str = "id", published: date | None = date(2025, 3, 5)) -> Article:
        return pipe(Article(id="t", text=text, language=language, published=published))

    return run
