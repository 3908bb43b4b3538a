"""Entities: gazetteers, aliases, ``Name (ACR)`` pairs, short forms, metonyms, typos, global ids, the NER model.

Sentences here are written by us. Rule tests run without the statistical model (``ner-id`` preset to None) so
they check the gazetteers and rules alone; the model tests skip when the artifact is absent.
"""
from __future__ import annotations

import dataclasses

import pytest

from linimasa.annotate.entities import (
    acting_entity, annotate_entities, entity_at, entity_mentions, register, resolve_name,
)
from linimasa.annotate.ner import MODEL_DIR, load_model, tag
from linimasa.annotate.registry import Registry, Resources
from linimasa.lang import available, load_lexicon
from linimasa.model import ENTITY_TYPES, Article, Entity

HAS_MODEL = (MODEL_DIR / "meta.json").is_file()
needs_model = pytest.mark.skipif(not HAS_MODEL, reason="NER model artifact not built (scripts/train_ner.py)")


@pytest.fixture(scope="module")
def rules_only():
    """Resources with no statistical model: gazetteers and rules alone."""
    return Resources(**{"ner-id": None})


@pytest.fixture(scope="module")
def full():
    """Resources as the pipeline builds them (the model when the artifact exists)."""
    return Resources()


def annotate(text: str, resources: Resources, language: str = "id") -> Article:
    article = Article(id="t", text=text, language=language)
    return dataclasses.replace(article, entities=annotate_entities(article, resources))


def ids(article: Article) -> set[str]:
    return {e.id for e in article.entities}


def by_id(article: Article, ident: str):
    return next(e for e in article.entities if e.id == ident)


# ------------------------------------------------------------------ gazetteer hits and global ids

@pytest.mark.parametrize("text,language,expected", [
    ("Pasukan Korea Utara dikabarkan sudah tiba di Rusia.", "id", {"gpe:KP", "gpe:RU"}),
    ("North Korean troops? North Korea and Russia signed a pact.", "en", {"gpe:KP", "gpe:RU"}),
    ("Korut membalas tudingan Korsel dan AS di depan PBB.", "id", {"gpe:KP", "gpe:KR", "gpe:US", "org:un"}),
    ("Rapat DK PBB membahas rudal DPRK.", "id", {"org:unsc", "gpe:KP"}),
    ("KPK dan TNI menandatangani nota kesepahaman.", "id", {"org:kpk", "org:tni"}),
    ("NATO says the UN must act; the US agrees.", "en", {"org:nato", "org:un", "gpe:US"}),
    ("Banjir melanda Provinsi Jawa Barat pekan ini.", "id", {"gpe:ID-JB"}),
])
def test_gazetteer_hits(rules_only, text, language, expected):
    assert expected <= ids(annotate(text, rules_only, language))


@pytest.mark.parametrize("indonesian,english", [
    ("Korea Utara menolak berkomentar.", "North Korea declined to comment."),
    ("Korut menolak berkomentar.", "The DPRK declined to comment."),
    ("Rusia menolak berkomentar.", "Russia declined to comment."),
    ("Amerika Serikat menolak berkomentar.", "The United States declined to comment."),
    ("Tiongkok menolak berkomentar.", "China declined to comment."),
])
def test_global_ids_equal_across_languages(rules_only, indonesian, english):
    [a] = annotate(indonesian, rules_only).entities
    [b] = annotate(english, rules_only, "en").entities
    assert a.id == b.id and a.id.startswith("gpe:")


def test_person_id_ignores_hyphens(rules_only):
    a = annotate("Presiden Kim Jong-un meninjau pabrik.", rules_only)
    b = annotate("Presiden Kim Jong Un meninjau pabrik.", rules_only)
    assert ids(a) == ids(b) == {"per:kim-jong-un"}


@pytest.mark.parametrize("text", [
    "Ia belajar bahasa Inggris di Bandung.",
    "kata as dalam kalimat ini bukan negara",
])
def test_no_false_country(rules_only, text):
    assert not {i for i in ids(annotate(text, rules_only)) if i.startswith("gpe:")} - {"gpe:ID-JB"}


# ------------------------------------------------------------------ aliases and Name (ACR) pairs

def test_name_acronym_pair_defines_alias(rules_only):
    text = ("Forum Nelayan Pesisir Selatan (FNPS) menolak rencana reklamasi. "
            "Ketua FNPS mengatakan warga belum diajak bicara. FNPS akan menggugat.")
    article = annotate(text, rules_only)
    [org] = [e for e in article.entities if e.type == "ORG"]
    assert org.name == "Forum Nelayan Pesisir Selatan"
    assert "FNPS" in org.aliases
    assert sum(m.text == "FNPS" for m in org.mentions) == 3
    assert all(m.kind == "alias" for m in org.mentions if m.text == "FNPS")


def test_acronym_pair_with_known_acronym_takes_its_id(rules_only):
    text = "Komisi Pemberantasan Korupsi (KPK) memanggil dua saksi. KPK menyita dokumen."
    article = annotate(text, rules_only)
    kpk = by_id(article, "org:kpk")
    assert len(kpk.mentions) == 3


def test_country_alias_in_parentheses(rules_only):
    article = annotate("Korea Selatan (Korsel) memanggil duta besar. Korsel juga memprotes.", rules_only)
    [kr] = article.entities
    assert kr.id == "gpe:KR" and kr.name == "Korea Selatan" and kr.aliases == ("Korsel",)
    assert [m.kind for m in kr.mentions] == ["name", "alias", "alias"]


def test_agency_after_dateline_is_not_an_alias(rules_only):
    article = annotate("JAKARTA (AFP) - Pemerintah Jepang menambah bantuan.", rules_only)
    assert "AFP" not in {a for e in article.entities for a in e.aliases}


# ------------------------------------------------------------------ persons, roles, short forms

def test_short_form_joins_full_name(rules_only):
    text = ("Presiden Brasil Luiz Inacio Lula bertemu Perdana Menteri Jepang. "
            "Lula mengatakan kerja sama akan diperluas.")
    article = annotate(text, rules_only)
    lula = by_id(article, "per:luiz-inacio-lula")
    assert [m.kind for m in lula.mentions] == ["name", "short"]
    assert lula.role == "Presiden Brasil"


def test_short_form_picks_the_titled_person(rules_only):
    text = ("Pemimpin Korut Kim Jong Un meninjau latihan militer. Duta Besar Korut untuk PBB, Kim Tae Ho, "
            "membacakan pernyataan di New York. \"Kami tidak mengirim siapa pun,\" kata Dubes Kim.")
    article = annotate(text, rules_only)
    dubes = article.text.index("Dubes Kim") + len("Dubes ")
    entity = entity_at(article, dubes, dubes + 3)
    assert entity is not None and entity.id == "per:kim-tae-ho"
    assert resolve_name(article, "Dubes Kim").id == "per:kim-tae-ho"
    assert resolve_name(article, "Kim Jong-un").id == "per:kim-jong-un"


def test_short_form_picks_the_latest_person(rules_only):
    text = ("Menlu Inggris James Harlow dan Menhan Inggris Peter Wood bertemu di London. "
            "Menteri Peter Wood menyebut latihan itu penting. \"Kami siap,\" ujar Wood.")
    article = annotate(text, rules_only)
    wood = article.text.rindex("Wood")
    assert entity_at(article, wood, wood + 4).id == "per:peter-wood"


@pytest.mark.parametrize("text,name,role", [
    ("Wakil Menteri Luar Negeri Jepang, Takeshi Ando, tiba di Jakarta.", "Takeshi Ando",
     "Wakil Menteri Luar Negeri Jepang"),
    ("Kepala Staf Jenderal Angkatan Darat Filipina Ramon Castillo menolak hadir.", "Ramon Castillo",
     "Kepala Staf Jenderal Angkatan Darat Filipina"),
    ("Juru bicara Kementerian Luar Negeri, Ratna Dewi, membenarkan kabar itu.", "Ratna Dewi",
     "Juru bicara Kementerian Luar Negeri"),
    ("Foreign Minister Anna Berg said the talks would go on.", "Anna Berg", "Foreign Minister"),
])
def test_role_before_name(rules_only, text, name, role):
    article = annotate(text, rules_only, "en" if text.startswith("Foreign") else "id")
    [person] = [e for e in article.entities if e.type == "PERSON"]
    assert person.name == name and person.role == role


# ------------------------------------------------------------------ metonyms

@pytest.mark.parametrize("text,metonym,state", [
    ("Pyongyang membantah semua tuduhan itu.", "gpe:pyongyang", "gpe:KP"),
    ("Kremlin menolak berkomentar soal laporan tersebut.", "org:kremlin", "gpe:RU"),
    ("Moskow menyebut sanksi itu ilegal.", "gpe:moscow", "gpe:RU"),
    ("Washington said the report was credible.", "gpe:washington", "gpe:US"),
    ("Pemerintah Seoul memanggil duta besar.", "gpe:seoul", "gpe:KR"),
])
def test_metonym_acts_for_its_state(rules_only, text, metonym, state):
    article = annotate(text, rules_only)
    entity = by_id(article, metonym)
    assert entity.mentions[0].kind == "metonym"
    assert acting_entity(entity).id == state
    assert acting_entity(entity, article).id == state


def test_acting_entity_returns_the_articles_state(rules_only):
    article = annotate("Korea Utara dan Pyongyang disebut bersamaan.", rules_only)
    state = acting_entity(by_id(article, "gpe:pyongyang"), article)
    assert state is by_id(article, "gpe:KP")


def test_acting_entity_leaves_others_alone(rules_only):
    article = annotate("Rusia menolak.", rules_only)
    [ru] = article.entities
    assert acting_entity(ru) is ru


# ------------------------------------------------------------------ typos

@pytest.mark.parametrize("text,allowed", [
    ("Kerja sama Kout-Rusia makin erat.", {"gpe:KP", "gpe:RU"}),
    ("Hubungan Korut-Rusia dan Korsel-AS memanas.", {"gpe:KP", "gpe:RU", "gpe:KR", "gpe:US"}),
    ("Pasukan Rusia kembali menyerang Ukraina. Ukarina membalas.", {"gpe:RU", "gpe:UA"}),
    ("Sebanyak 300 tenara dikirim ke perbatasan Ukraina.", {"gpe:UA"}),
])
def test_typos_create_no_new_entities(full, text, allowed):
    assert ids(annotate(text, full)) <= allowed


def test_resolve_name_fuzzy_and_gazetteer(rules_only):
    article = annotate("Pasukan Ukraina menahan serangan.", rules_only)
    assert resolve_name(article, "Ukarina").id == "gpe:UA"
    assert resolve_name(article, "Korut").id == "gpe:KP"  # known, though not in this article
    assert resolve_name(article, "Budi Hartono") is None


# ------------------------------------------------------------------ API shape

def test_entity_mentions_sorted_and_consistent(rules_only):
    article = annotate("Korut dan Rusia, kata Menlu Sugiono di Jakarta, perlu diawasi. Korut diam.", rules_only)
    mentions = entity_mentions(article)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    known = ids(article)
    for m in mentions:
        assert article.text[m.start:m.end] == m.text and m.entity_id in known
    for e in article.entities:
        assert e.type in ENTITY_TYPES


def test_entity_at_prefers_longest(rules_only):
    article = annotate("Dewan Keamanan PBB bersidang.", rules_only)
    assert entity_at(article, 0, 30).id == "org:unsc"
    assert entity_at(article, 25, 30) is None


def test_component_registers_and_annotates(rules_only):
    registry = Registry()
    register(registry)
    component = registry.get("entities")
    assert component.requires == ("text", "language") and component.produces == ("entities",)
    article = component(Article(id="t", text="Jepang dan Korsel menggelar latihan.", language="id"), rules_only)
    assert ids(article) == {"gpe:JP", "gpe:KR"}


def test_empty_text(rules_only):
    assert annotate("", rules_only).entities == ()


# ------------------------------------------------------------------ the model and the lexicons

@needs_model
@pytest.mark.parametrize("text,name", [
    ("Kemarin sore Budi Santoso menghadiri rapat warga di balai desa.", "Budi Santoso"),
    ("Menurut Siti Rahmawati, harga cabai naik sejak awal bulan.", "Siti Rahmawati"),
])
def test_model_finds_a_person(text, name):
    nlp = load_model()
    assert nlp is not None
    found = [(text[t.start:t.end], t.type) for t in tag(nlp, text)]
    assert (name, "PERSON") in found


@needs_model
def test_model_person_becomes_entity(full):
    article = annotate("Dalam rapat itu, Agus Wibisono menjelaskan rencana pembangunan jembatan.", full)
    assert "per:agus-wibisono" in ids(article)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_lexicon_loads(lang):
    names = available(lang)
    for required in ("gazetteer_countries", "gazetteer_places", "gazetteer_orgs", "metonyms", "roles",
                     "abbreviations_entities", "gazetteer_designators"):
        assert required in names
    for name in names:
        assert len(load_lexicon(lang, name)) > 0


# ------------------------------------------------------------------ English text (capitalised runs, no model)

def test_english_names_roles_and_short_forms(full):
    text = ("Canadian Ambassador to the United Nations Helen Marsh told the Security Council that Pyongyang "
            "broke the sanctions. \"We have the images,\" Marsh said on Tuesday. The Bank of Korea declined to "
            "comment.")
    article = annotate(text, full, "en")
    marsh = by_id(article, "per:helen-marsh")
    assert [m.kind for m in marsh.mentions] == ["name", "short"]
    assert marsh.role == "Canadian Ambassador to the United Nations"
    assert {"gpe:CA", "org:un", "org:unsc", "gpe:pyongyang", "org:bank-of-korea"} <= ids(article)
    assert not {i for i in ids(article) if "tuesday" in i}


@pytest.mark.parametrize("text,expected", [
    ("South Korean intelligence said the troops had arrived.", "gpe:KR"),
    ("Russian officials denied it.", "gpe:RU"),
])
def test_english_demonyms_stand_for_states(full, text, expected):
    assert expected in ids(annotate(text, full, "en"))


# ------------------------------------------------------------------ titles, pronouns, portfolios, glued verbs

def persons(article: Article) -> dict[str, Entity]:
    return {e.name: e for e in article.entities if e.type == "PERSON"}


@pytest.mark.parametrize("text,name,role", [
    ("Kombes Pol. Hadi Santoso mengatakan pelaku sudah ditangkap.", "Hadi Santoso", "Kombes Pol"),
    ("Kepala Bidang Pengawasan Satria Wibowo mengatakan stok aman.", "Satria Wibowo", "Kepala Bidang Pengawasan"),
    ("Kepala Dinas Kesehatan, dr Ratna Kumalasari, mengatakan kasus naik.", "Ratna Kumalasari",
     "Kepala Dinas Kesehatan"),
])
def test_titles_and_portfolios_are_roles_not_persons(full, rules_only, text, name, role):
    for resources in (full, rules_only):
        found = persons(annotate(text, resources))
        assert list(found) == [name]
        assert found[name].role == role


@pytest.mark.parametrize("text", [
    "Status Gunung Merapi dinaikkan dari Waspada (Level II) menjadi Siaga (Level III).",
    "Menurut Kompol Dia, pelaku kabur.",
    "Ia mengatakan, pelaku dijerat Pasal 158 undang-undang itu.",
])
def test_no_entity_for_statuses_ranks_or_pronouns(full, text):
    assert not [e for e in annotate(text, full).entities if e.type in ("PERSON", "ORG")]


@pytest.mark.parametrize("resources", ["full", "rules_only"])
def test_verb_glued_to_a_name_is_split(request, resources):
    article = annotate("Wakil Ketua DPR Rudi Hartonomenyatakan dukungannya pada Senin.",
                       request.getfixturevalue(resources))
    assert "per:rudi-hartono" in ids(article)


def test_pronoun_after_a_name_is_not_part_of_it(full):
    article = annotate("Warga memprotes rencana itu. Siti Nurhaliza Dia menegaskan bahwa pihaknya siap.", full)
    assert not [e for e in article.entities if "dia" in e.id.split("-")]


@needs_model
def test_hyphenated_given_name_is_kept(full):
    article = annotate("Juru bicara Lee In-jae mengatakan upah naik. Menurut Lee, kenaikan wajar.", full)
    lee = by_id(article, "per:lee-in-jae")
    assert [m.text for m in lee.mentions] == ["Lee In-jae", "Lee"]


@needs_model
@pytest.mark.parametrize("text,expected", [
    ("Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Garut mencatat 300 warga mengungsi. Menurut BPBD, "
     "air surut.", "org:badan-penanggulangan-bencana-daerah-kabupaten-garut"),
    ("Dinas Kesehatan Kota (DKK) Malang mencatat 245 kasus. Kepala DKK Malang, dr Sri Utami, mengatakan kasus naik.",
     "org:dinas-kesehatan-kota-malang"),
])
def test_organisation_takes_its_region_and_acronym(full, text, expected):
    article = annotate(text, full)
    org = by_id(article, expected)
    assert org.type == "ORG" and len(org.mentions) == 2
    assert not [e for e in article.entities if e.id in ("per:bpbd", "org:bpbd", "org:dkk-malang")]


@needs_model
def test_person_typed_as_place_is_retyped_in_apposition(full):
    text = ("Kepala Pelaksana Badan Penanggulangan Bencana Daerah (BPBD) Garut, Aris Munandar, mengatakan banjir "
            "surut. Aris menambahkan warga aman.")
    aris = by_id(annotate(text, full), "per:aris-munandar")
    assert aris.type == "PERSON" and aris.mentions[0].text == "Aris Munandar"


def test_sentence_first_word_is_not_part_of_a_river(full):
    article = annotate("Banjir merendam desa. Luapan Sungai Citarum dan Sungai Cikapundung menjadi penyebab.", full)
    assert "loc:luapan-sungai-citarum" not in ids(article)


@pytest.mark.parametrize("text,expected_persons,expected_orgs", [
    ("Economist Rina Halim of Bank Mandala said the rupiah may weaken.", {"per:rina-halim"}, {"org:bank-mandala"}),
    ("The Indonesian Farmers Association warned prices would rise, the Jakarta Morning Post reported.", set(),
     {"org:indonesian-farmers-association", "org:jakarta-morning-post"}),
    ("The Bangkok Evening Herald reported that Marine officer Kim Tae-hoon was detained.", {"per:kim-tae-hoon"},
     {"org:bangkok-evening-herald"}),
    ("The shipbuilder, Hanra Marine, said it would not comment.", set(), {"org:hanra-marine"}),
])
def test_english_people_and_organisations(full, text, expected_persons, expected_orgs):
    article = annotate(text, full, "en")
    assert {e.id for e in article.entities if e.type == "PERSON"} == expected_persons
    assert expected_orgs <= {e.id for e in article.entities if e.type == "ORG"}


def test_english_lower_case_office_takes_its_place(full):
    article = annotate("Kendal district head Budi Santoso said 40 houses were damaged.", full, "en")
    assert by_id(article, "per:budi-santoso").role == "Kendal district head"


@needs_model
@pytest.mark.parametrize("text,absent", [
    ("Direktur Jenderal Mineral dan Batubara Kementerian ESDM, Rudi Hartono, meninjau tambang itu.", "Batubara"),
    ("Pemohon wajib melampirkan Surat Izin Mengemudi (SIM) yang masih berlaku.", "Surat Izin Mengemudi"),
    ("Warga harus membawa Kartu Keluarga (KK) dan Kartu Tanda Penduduk (KTP) ke kantor desa.", "Kartu"),
])
def test_title_portfolios_and_documents_are_no_entities(full, text, absent):
    assert not any(absent in e.name for e in annotate(text, full).entities)


@needs_model
def test_name_with_age_in_brackets_is_a_person(full):
    article = annotate("Seorang pengemudi ojek, Wartono (41), terluka ringan dalam kecelakaan itu.", full)
    assert any(e.name == "Wartono" and e.type == "PERSON" for e in article.entities)


# ------------------------------------------------------------------ "dan" inside organisations, occupations, English places

@needs_model
@pytest.mark.parametrize("text,org", [
    ("Juru bicara Badan Intelijen dan Sandi Siber mengatakan sistem itu sudah pulih.",
     "org:badan-intelijen-dan-sandi-siber"),
    ("Kepala Dinas Pemuda dan Olahraga Kota Madiun meresmikan gedung itu pada Senin.",
     "org:dinas-pemuda-dan-olahraga-kota-madiun"),
])
def test_org_with_dan_is_one_organisation(full, text, org):
    article = annotate(text, full)
    assert org in ids(article)
    assert not [e for e in article.entities if e.type == "PERSON"]


@needs_model
def test_org_does_not_swallow_a_person_or_another_org_after_dan(full):
    article = annotate("Rapat itu dihadiri Komisi Pemilihan Umum dan Kementerian Dalam Negeri. "
                       "Badan Pangan Nasional dan Joko Santoso menandatangani kesepakatan.", full)
    assert not [i for i in ids(article) if "-dan-" in i]


@pytest.mark.parametrize("text,person,role", [
    ("Penyanyi Ratih Kumala Sari membantah kabar itu, Selasa.", "per:ratih-kumala-sari", "Penyanyi"),
    ("Menurut aktris Wulan Permata Dewi, syuting film itu molor.", "per:wulan-permata-dewi", "aktris"),
    ("Pebulu tangkis Rendra Aditya Putra kalah di babak pertama.", "per:rendra-aditya-putra", "Pebulu tangkis"),
])
def test_occupation_before_a_full_name(full, text, person, role):
    article = annotate(text, full)
    persons_found = [e for e in article.entities if e.type == "PERSON"]
    assert [e.id for e in persons_found] == [person]
    assert persons_found[0].role == role


def test_occupation_short_form_joins_the_full_name(full):
    article = annotate("Pelatih Arman Suryadi Wibowo memuji timnya. Suryadi menyebut lawan bermain disiplin.", full)
    assert [e.id for e in article.entities if e.type == "PERSON"] == ["per:arman-suryadi-wibowo"]


def test_english_city_hall_is_no_person(full):
    article = annotate("Hundreds rallied at City Hall on Friday. City workers joined them later.", full, "en")
    assert not [e for e in article.entities if e.type == "PERSON"]
    hall = [e for e in article.entities if e.name == "City Hall"]
    assert len(hall) == 1 and [m.text for m in hall[0].mentions] == ["City Hall"]


def test_english_possessive_country_owns_the_organisation_that_speaks(annotate_upto_claimants):
    article = annotate_upto_claimants("Thailand's Ministry of Public Health said the outbreak was contained.",
                                      language="en", published=None)
    [quote] = article.quotes
    assert quote.speaker_id == "org:ministry-of-public-health"
