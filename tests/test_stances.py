"""The stances component and canonical propositions, on sentences written for these tests."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from linimasa.annotate.propositions import (actor_index, article_actors, find_propositions, grammar,
                                            main_proposition, tokenize)
from linimasa.annotate.registry import Registry, Resources
from linimasa.annotate.stances import find_cues, find_stances, register
from linimasa.model import Article, Entity, Mention, Quote

SHARED = Path(__file__).parents[2] / "shared"

#: surface form -> (entity id, canonical name, type); the tests build their own entities
NAMES = {
    "Korea Utara": ("gpe:KP", "Korea Utara", "GPE"),
    "Korut": ("gpe:KP", "Korea Utara", "GPE"),
    "North Korea": ("gpe:KP", "Korea Utara", "GPE"),
    "Rusia": ("gpe:RU", "Rusia", "GPE"),
    "Russia": ("gpe:RU", "Rusia", "GPE"),
    "Suriah": ("gpe:SY", "Suriah", "GPE"),
    "Syria": ("gpe:SY", "Suriah", "GPE"),
    "Turki": ("gpe:TR", "Turki", "GPE"),
    "Turkey": ("gpe:TR", "Turki", "GPE"),
    "Libya": ("gpe:LY", "Libya", "GPE"),
    "Amerika Serikat": ("gpe:US", "Amerika Serikat", "GPE"),
    "The United States": ("gpe:US", "Amerika Serikat", "GPE"),
    "Vietnam": ("gpe:VN", "Vietnam", "GPE"),
    "Kamboja": ("gpe:KH", "Kamboja", "GPE"),
    "Israel": ("gpe:IL", "Israel", "GPE"),
    "Iran": ("gpe:IR", "Iran", "GPE"),
    "Polandia": ("gpe:PL", "Polandia", "GPE"),
    "Belarus": ("gpe:BY", "Belarus", "GPE"),
    "China": ("gpe:CN", "China", "GPE"),
    "Hamas": ("org:hamas", "Hamas", "ORG"),
    "KPK": ("org:kpk", "KPK", "ORG"),
    "BNPB": ("org:bnpb", "BNPB", "ORG"),
    "Budi Santoso": ("per:budi-santoso", "Budi Santoso", "PERSON"),
    "Ahmad Yani": ("per:ahmad-yani", "Ahmad Yani", "PERSON"),
    "Siti Rahma": ("per:siti-rahma", "Siti Rahma", "PERSON"),
}


def make_article(text: str, *, quotes: tuple[Quote, ...] = (), title: str | None = None, language: str = "id"
                 ) -> Article:
    """An article whose entities are the NAMES found in ``text`` (longest form first, no overlaps)."""
    taken: list[tuple[int, int]] = []
    mentions: dict[str, list[Mention]] = {}
    for form in sorted(NAMES, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            ident = NAMES[form][0]
            mentions.setdefault(ident, []).append(Mention(m.start(), m.end(), m.group(), ident))
    by_id = {v[0]: v for v in NAMES.values()}
    entities = tuple(Entity(i, by_id[i][1], by_id[i][2], mentions=tuple(ms)) for i, ms in mentions.items())
    return Article(id="t", text=text, title=title, entities=entities, quotes=quotes, language=language)


def quoted(text: str, words: str, speaker: str) -> Quote:
    """A direct quote of ``words`` in ``text`` said by ``speaker`` (a NAMES form)."""
    start = text.index(words)
    at = text.rindex(speaker)
    return Quote(start, start + len(words), words, "direct", NAMES[speaker][1], NAMES[speaker][0],
                 speaker_start=at, speaker_end=at + len(speaker), cue="kata")


def stances_of(text: str, **kw):
    return find_stances(make_article(text, **kw))


@pytest.mark.parametrize("text,actor_id,stance", [
    # Indonesian cues, one per kind
    ("Rusia membantah telah mengirim pasukan ke Suriah.", "gpe:RU", "denies"),
    ("Vietnam menyangkal tuduhan bahwa tentaranya menyerang Kamboja.", "gpe:VN", "denies"),
    ("Turki mengakui telah mengirim tentara ke Libya.", "gpe:TR", "affirms"),
    ("Amerika Serikat mengonfirmasi bahwa Korea Utara mengirim pasukan ke Rusia.", "gpe:US", "affirms"),
    ("Budi Santoso membenarkan penangkapan dua anggota stafnya.", "per:budi-santoso", "affirms"),
    ("Amerika Serikat mengatakan memiliki bukti Korea Utara mengirim tentara ke Rusia.", "gpe:US", "affirms"),
    ("Amerika Serikat mengatakan Korea Utara telah mengirim 3.000 tentara ke Rusia.", "gpe:US", "affirms"),
    ("Hamas menyebut tuduhan itu hoaks.", "org:hamas", "denies"),
    ("Vietnam menegaskan tidak pernah mengirimkan pasukan ke Kamboja.", "gpe:VN", "denies"),
    ("Israel menyebut laporan serangan ke Iran sebagai rumor yang tidak berdasar.", "gpe:IL", "denies"),
    ("Korut tak menyangkal atau mengkonfirmasi bahwa negaranya mengirim pasukan ke Rusia.", "gpe:KP", "neither"),
    ("Terkait laporan pengiriman pasukan Korut, Rusia tidak memberikan konfirmasi maupun bantahan.", "gpe:RU",
     "neither"),
    ("Kepala BNPB enggan berkomentar soal laporan itu.", "org:bnpb", "neither"),
    ("KPK menolak berkomentar mengenai penyelidikan tersebut.", "org:kpk", "neither"),
    ("Klaim bahwa Rusia menyerang Polandia dibantah oleh Belarus.", "gpe:BY", "denies"),
    ("Laporan penyelidikan korupsi itu dibenarkan oleh KPK.", "org:kpk", "affirms"),
    # English cues
    ("Russia denied sending troops to Syria.", "gpe:RU", "denies"),
    ("Turkey admitted sending troops to Libya.", "gpe:TR", "affirms"),
    ("North Korea neither confirmed nor denied the report.", "gpe:KP", "neither"),
    ("China declined to comment on the report.", "gpe:CN", "neither"),
    # declining to speculate, to conclude or to rule out is neither
    ("Budi Santoso enggan berspekulasi soal penangkapan tersangka baru.", "per:budi-santoso", "neither"),
    ("KPK belum mau menyimpulkan ada atau tidaknya korupsi dalam proyek itu.", "org:kpk", "neither"),
    ("KPK tidak menutup kemungkinan ada tersangka lain dalam kasus korupsi itu.", "org:kpk", "neither"),
    ("BNPB belum bisa memastikan jumlah korban banjir.", "org:bnpb", "neither"),
    ("Ahmad Yani tidak mau berandai-andai soal hasil penyelidikan.", "per:ahmad-yani", "neither"),
    ("China declined to speculate on the report.", "gpe:CN", "neither"),
    ("The United States said North Korea sent troops to Russia.", "gpe:US", "affirms"),
])
def test_cue_gives_stance(text, actor_id, stance):
    assert (actor_id, stance) in [(s.actor_id, s.stance) for s in stances_of(text)]


@pytest.mark.parametrize("text,stance", [
    ("Israel tidak membantah laporan serangan ke Iran.", "neither"),  # a denial negated is no denial
    ("Ketika ditanya soal laporan itu, Rusia tidak membantahnya.", "neither"),
    ("Iran did not deny the attack on Israel.", "neither"),
    ("Turki tidak mengakui pengiriman tentara ke Libya.", "denies"),
    ("Budi Santoso tak menampik adanya penyelidikan korupsi.", "affirms"),
])
def test_negation(text, stance):
    assert [s.stance for s in stances_of(text)][:1] == [stance]


def test_negated_cue_joined_to_a_second_cue_is_one_neither():
    tokens = tokenize("Rusia tidak mengonfirmasi maupun membantah laporan itu.")
    cues = find_cues(tokens, 0, len(tokens))
    assert [(c.words, c.stance) for c in cues] == [("mengonfirmasi", "neither")]


def test_capability_is_not_a_denial():
    """"Mengaku tidak bisa ..." admits something; it does not deny an event."""
    [stance] = stances_of("KPK mengaku tidak bisa menangkap Budi Santoso.")
    assert stance.stance == "affirms" and stance.proposition_id.startswith("claim:")


@pytest.mark.parametrize("text", [
    "Korea Utara mengirim pasukan ke Rusia.",
    "Korut kirim tentara ke Rusia.",
    "North Korea sent troops to Russia.",
    "Sekitar 1.500 tentara dari Korut telah dikirim ke Rusia.",
    "Pengiriman pasukan Korut ke Rusia terus berlanjut.",
])
def test_one_proposition_across_wording_and_language(text):
    article = make_article(text)
    tokens = tokenize(text)
    props = find_propositions(tokens, actor_index(tokens, article_actors(article)), 0, len(tokens))
    assert props[0].id == "send_troops(gpe:KP,gpe:RU)"


def test_proposition_text_uses_the_language_template():
    article = make_article("Korut kirim tentara ke Rusia.")
    tokens = tokenize(article.text)
    [prop] = find_propositions(tokens, actor_index(tokens, article_actors(article)), 0, len(tokens))
    assert prop.text("id") == "Korea Utara mengirim pasukan ke Rusia"
    assert prop.text("en") == "Korea Utara sent troops to Rusia"


def test_referred_claim_inherits_the_earlier_proposition():
    text = "Israel dituduh menyerang Iran pada pekan lalu. Namun Israel membantah laporan tersebut."
    [stance] = stances_of(text)
    assert (stance.actor_id, stance.stance, stance.proposition_id) == ("gpe:IL", "denies", "attack(gpe:IL,gpe:IR)")


def test_coordinated_actors_each_take_the_stance():
    text = "Rusia dituduh menyerang Polandia. Sebelumnya, baik Rusia maupun Belarus membantah laporan itu."
    got = {(s.actor_id, s.stance) for s in stances_of(text)}
    assert {("gpe:RU", "denies"), ("gpe:BY", "denies")} <= got


def test_pronoun_takes_the_nearest_person():
    text = "Penyidik memeriksa Budi Santoso pada Senin. Ia membantah menerima suap dari kontraktor."
    [stance] = stances_of(text)
    assert (stance.actor, stance.stance) == ("Budi Santoso", "denies")


def test_verdict_in_a_quote_belongs_to_the_speaker():
    text = '"Kabar itu tidak benar," kata Ahmad Yani kepada wartawan.'
    [stance] = stances_of(text, quotes=(quoted(text, "Kabar itu tidak benar,", "Ahmad Yani"),))
    assert (stance.actor_id, stance.stance) == ("per:ahmad-yani", "denies")


def test_first_person_in_a_quote_is_the_speaker():
    text = '"Kami tidak pernah mengirim pasukan ke Suriah," kata Siti Rahma.'
    [stance] = stances_of(text, quotes=(quoted(text, "Kami tidak pernah mengirim pasukan ke Suriah,", "Siti Rahma"),))
    assert (stance.actor_id, stance.stance) == ("per:siti-rahma", "denies")


def test_cue_inside_a_quote_inside_reported_speech_belongs_to_the_speaker():
    text = 'Budi Santoso said in a statement that his firm "does not comment on ongoing investigations".'
    words = "does not comment on ongoing investigations"
    outer = text.index("his firm")
    quotes = (Quote(outer, len(text) - 2, text[outer:len(text) - 2], "indirect", "Budi Santoso", "per:budi-santoso",
                    speaker_start=0, speaker_end=12, cue="said"),
              quoted(text, words, "Budi Santoso"))
    got = [(s.actor_id, s.stance) for s in stances_of(text, quotes=quotes, language="en")]
    assert ("per:budi-santoso", "neither") in got


def test_subject_with_no_known_name_takes_the_quotes_speaker():
    text = "Tim pemenangan pasangan calon nomor urut 1 menuding panitia memanipulasi hasil rekapitulasi."
    start = text.index("panitia")
    quotes = (Quote(start, len(text) - 1, text[start:-1], "indirect", "Tim pemenangan pasangan calon nomor urut 1",
                    None, speaker_start=0, speaker_end=text.index(" menuding"), cue="menuding",
                    description="Tim pemenangan pasangan calon nomor urut 1"),)
    [stance] = stances_of(text, quotes=quotes)
    assert stance.stance == "affirms" and stance.actor.startswith("Tim pemenangan")


def test_descriptive_subject_is_kept_as_a_phrase():
    [stance] = stances_of("Berdasarkan pemeriksaan polisi, pemilik toko mengakui telah menjual pupuk palsu.")
    assert (stance.actor, stance.actor_id, stance.stance) == ("pemilik toko", None, "affirms")


def test_no_stance_without_a_cue():
    assert stances_of("Korea Utara mengirim pasukan ke Rusia pada Oktober.") == ()


def test_main_proposition_is_the_most_frequent():
    text = ("Korut kirim tentara ke Rusia. Pengiriman pasukan itu dikecam. "
            "Korea Utara mengirim pasukan ke Rusia lagi. Israel menyerang Iran.")
    article = make_article(text)
    tokens = tokenize(text)
    props = find_propositions(tokens, actor_index(tokens, article_actors(article)), 0, len(tokens))
    assert main_proposition(props).id == "send_troops(gpe:KP,gpe:RU)"


def test_component_registers_and_returns_a_copy():
    registry = Registry()
    register(registry)
    article = make_article("Rusia membantah telah mengirim pasukan ke Suriah.")
    out = registry.get("stances")(article, Resources())
    assert out is not article and article.stances == () and len(out.stances) == 1
    assert registry.get("stances").requires == ("text", "entities", "quotes", "timexes", "counts")


def test_lexicons_load_for_both_languages():
    g = grammar()
    assert g.cues["membantah"] and g.cues["denied"]
    assert "send_troops" in g.triggers["mengirim"] and "send_troops" in g.triggers["sent"]
    assert g.units["pasukan"] == g.units["troops"] == "troops"


def test_seed_stances_when_shared_data_is_there():
    """The real seeds (read from ../shared, never copied): North Korea both denies and affirms over them."""
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is absent")
    found = set()
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        from linimasa.annotate.propositions import fallback_entities

        article = Article(id=path.stem, text=text, entities=fallback_entities(text))
        found.update((s.actor_id, s.stance) for s in find_stances(article))
    assert {("gpe:KP", "denies"), ("gpe:KP", "affirms")} <= found


@pytest.mark.parametrize("text,language,stance", [
    ("Turki belum mengakui telah mengirim tentara ke Libya.", "id", "neither"),  # not yet: no denial
    ("Turki tidak mengakui telah mengirim tentara ke Libya.", "id", "denies"),
    ("Turkey has not yet confirmed sending troops to Libya.", "en", "neither"),
])
def test_not_yet_is_neither(text, language, stance):
    [found] = stances_of(text, language=language)
    assert found.stance == stance


@pytest.mark.parametrize("text,language,expected", [
    ("Sebelumnya, Rusia membantah telah mengirim pasukan ke Suriah.", "id", True),
    ("Rusia pekan lalu membantah laporan itu.", "id", True),
    ("Rusia sempat membantah laporan itu.", "id", True),
    ("Rusia membantah laporan itu.", "id", False),
    ("Vietnam menegaskan tidak pernah mengirimkan pasukan ke Kamboja.", "id", False),  # "tidak pernah": never
    ("Russia had denied sending troops to Syria.", "en", True),
    ("Russia previously denied sending troops to Syria.", "en", True),
    ("Russia denied sending troops to Syria.", "en", False),
    # a stance in a "setelah" clause was taken before the main clause's event; after a comma it is the main clause
    ("Pengakuan itu datang sebulan setelah Rusia menyebut laporan itu hoaks.", "id", True),
    ("Setelah diperiksa, Rusia membantah laporan itu.", "id", False),
])
def test_retrospective_report(text, language, expected):
    from linimasa.annotate.stances import is_retrospective

    article = make_article(text, language=language)
    [found] = find_stances(article)
    assert is_retrospective(article, found) is expected


def test_referred_claim_skips_a_bare_predicate_of_an_earlier_sentence():
    text = ("Korea Selatan menuding Korea Utara mengirim pasukan ke Rusia. Seoul menyebut 14 drone serang juga "
            "ditembak jatuh. Korea Utara segera menepis tudingan tersebut.")
    denial = next(s for s in stances_of(text) if s.stance == "denies")
    assert denial.proposition_id.startswith("send_troops(")


def _pipeline_stances(text: str, title: str = "") -> list:
    from datetime import date

    from linimasa.annotate.pipeline import Pipeline

    article = Pipeline()(Article(id="f", text=text, title=title or None, language="id", published=date(2025, 3, 5)))
    return list(article.stances)


@pytest.mark.parametrize("text,actor,stance", [
    ("Rusia mengirim pasukan ke Suriah. Menurut Badan Intelijen Turki, jumlah tentara Rusia di Suriah kini lebih "
     "dari 900 orang.", "Turki", "affirms"),
    ("Rusia mengirim pasukan ke Suriah. Juru bicara Kementerian Luar Negeri Rusia Anna Petrova menegaskan Rusia "
     "tidak memiliki satu pun personel militer di Suriah.", "Anna Petrova", "denies"),
])
def test_a_figure_or_a_denied_presence_is_a_stance(text, actor, stance):
    found = _pipeline_stances(text, "Rusia Kirim Pasukan ke Suriah")
    assert any(actor in s.actor and s.stance == stance and s.proposition_id.startswith("send_troops")
               for s in found), found


def test_a_figure_of_something_else_is_no_stance():
    found = _pipeline_stances("Rusia mengirim pasukan ke Suriah. Menurut BNPB, 300 rumah rusak akibat banjir di Jawa.",
                              "Rusia Kirim Pasukan ke Suriah")
    assert not any(s.actor == "BNPB" for s in found), found


def test_a_figure_of_the_disputed_thing_affirms_the_main_claim_whatever_the_thing():
    """Not only troops: a claimant's figure of what the article's main claim counts (leaked accounts) affirms that
    claim; a figure of something else in the same article (houses) does not."""
    found = _pipeline_stances("Data sekitar 500.000 akun pelanggan PT Sinar Kencana bocor di forum peretas. Menurut "
                              "KPK, jumlah akun yang terdampak mencapai 700.000 akun. Menurut BNPB, 300 rumah rusak "
                              "akibat banjir di Jawa.", "Data 500 Ribu Akun Pelanggan Sinar Kencana Bocor")
    assert any(s.actor_id == "org:kpk" and s.stance == "affirms" and s.proposition_id.startswith("leak(")
               for s in found), found
    assert not any(s.actor_id == "org:bnpb" for s in found), found


def test_a_figure_in_a_sentence_with_another_claim_is_no_stance():
    found = _pipeline_stances("Data sekitar 500.000 akun pelanggan PT Sinar Kencana bocor di forum peretas. Polisi "
                              "menangkap dua tersangka yang menjual 700.000 akun itu, kata KPK.",
                              "Data 500 Ribu Akun Pelanggan Sinar Kencana Bocor")
    assert not any(s.actor_id == "org:kpk" and s.cue and "700" in s.cue for s in found), found
