"""Generate the country and region gazetteers from babel's CLDR territory names.

Writes ``src/linimasa/lang/id/gazetteer_countries.tsv`` (Indonesian names) and
``src/linimasa/lang/en/gazetteer_countries.tsv`` (English names): one row per surface form with the global id
(``gpe:<ISO 3166 code>`` for countries and territories, ``loc:<slug>`` for continents and world regions), the
type and the canonical name. Hand-written extra forms ("Korut", "Tiongkok"/"China", "DPRK") live in
``gazetteer_places.tsv`` and ``abbreviations_entities.tsv`` beside them.

    .venv/bin/python scripts/build_gazetteer.py
"""
from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
LANG = ROOT / "src" / "linimasa" / "lang"

#: CLDR codes that are not places a news text names as an actor or a location
SKIP = {"001", "019", "EZ", "QO", "XA", "XB", "ZZ", "UN", "EU", "UM", "GS", "HM", "TF", "IO", "CP", "DG", "EA",
        "AC", "TA", "BV"}
#: world regions kept as LOC (continents, sub-regions)
REGIONS = {"002", "003", "005", "009", "013", "030", "034", "035", "142", "143", "145", "150", "151", "154",
           "155", "419"}


def slug(text: str) -> str:
    """ASCII lower-case slug: "Asia Tenggara" -> "asia-tenggara"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def forms_of(name: str, lang: str) -> list[str]:
    """Surface forms for one CLDR name: "Myanmar (Burma)" -> Myanmar, Burma; "Kongo - Kinshasa" -> Kongo - Kinshasa."""
    out = []
    paren = re.match(r"^(.*?)\s*\((.*)\)$", name)
    if paren:
        out += [paren.group(1), paren.group(2)]
    else:
        out.append(name)
    if " DAK " in name or " SAR " in name:  # "Hong Kong DAK Tiongkok" -> "Hong Kong" first
        out.insert(0, re.split(r" DAK | SAR ", name)[0])
    if "&" in name:
        out.append(name.replace("&", "dan" if lang == "id" else "and"))
    if "\u2019" in name:
        out.append(name.replace("\u2019", "'"))
    return [f.strip() for f in out if f.strip()]


def build(lang: str) -> list[tuple[str, str, str, str]]:
    """Rows (form, id, type, name) for one babel locale."""
    english = Locale("en").territories
    rows: dict[str, tuple[str, str, str, str]] = {}
    for code, name in sorted(Locale(lang).territories.items()):
        if code in SKIP or "-alt-" in code:
            continue
        if code.isdigit():
            if code not in REGIONS:
                continue
            ident, kind = f"loc:{slug(english[code])}", "LOC"
        else:
            ident, kind = f"gpe:{code}", "GPE"
        canonical = forms_of(name, lang)[0]
        for form in forms_of(name, lang):
            rows.setdefault(form, (form, ident, kind, canonical))
    return sorted(rows.values())


def build_given_names(min_count: int = 2) -> list[tuple[str, str]]:
    """Given names: first words of multi-word PER spans in ``../shared/data/ner/`` never starting a LOC/ORG span.

    Rows (form, count), lower case. A word that is mostly tagged O elsewhere is left out.
    """
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from train_ner import DATA, iob_spans, read_conll

    person: dict[str, int] = {}
    other: set[str] = set()
    outside: dict[str, int] = {}
    for path in sorted(DATA.glob("*/*.txt")):
        for words, tags in read_conll(path):
            for start, end, label in iob_spans(tags):
                if end - start < 2:
                    continue
                first = words[start].lower()
                if label == "PER":
                    person[first] = person.get(first, 0) + 1
                else:
                    other.add(first)
            for word, tag in zip(words, tags):
                if tag == "O":
                    outside[word.lower()] = outside.get(word.lower(), 0) + 1
    rows = [(w, str(c)) for w, c in person.items() if c >= min_count and w not in other and w.isalpha()
            and len(w) > 2 and outside.get(w, 0) <= c // 4]
    return sorted(rows)


def main() -> int:
    names = build_given_names()
    if names:
        path = LANG / "id" / "gazetteer_given_names.tsv"
        lines = ["# Given names, derived by scripts/build_gazetteer.py from ../shared/data/ner (PER span first words).",
                 "form\tcount"] + ["\t".join(r) for r in names]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {path} ({len(names)} names)")
    for lang in ("id", "en"):
        rows = build(lang)
        path = LANG / lang / "gazetteer_countries.tsv"
        lines = ["form\tid\ttype\tname"] + ["\t".join(r) for r in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {path} ({len(rows)} forms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
