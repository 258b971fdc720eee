"""Seed or refresh the language packs' country names from CLDR (through babel).

Each pack in processors/kb/languages/ keeps its hand-curated parts (demonyms, inflected forms, titles, bodies,
coup words); this script adds CLDR's name of every country in the pack's language to `countries.<CODE>.names`
when missing, so a pack never lacks a country's plain name. Run it when adding a language or after a babel
upgrade (babel is needed only here, not by the tagger):

    .venv/bin/pip install babel==2.18.0
    .venv/bin/python -m wirewatch.processors.tagger.build_languages fr es pt de it ru ar
"""

from __future__ import annotations

import json
import sys
from typing import Any

from wirewatch.processors.tagger.kb import BUNDLED_KB_DIR, valid_country_codes
from wirewatch.processors.tagger.languages import LANGUAGES_DIR, dump_pack

SCRIPTS = {"ru": "cyrillic", "ar": "arabic"}


def cldr_names(language: str) -> dict[str, str]:
    """ISO code -> CLDR's short name in `language`, without the forms no text writes ("Congo - Kinshasa")."""
    from babel import Locale  # type: ignore[import-not-found, unused-ignore]  # only to regenerate the packs

    names = {}
    for code, name in Locale.parse(language).territories.items():
        if code in valid_country_codes() and " - " not in name and "(" not in name:
            names[code] = name.replace("\u2019", "'")
    return names


def refresh(language: str) -> dict[str, Any]:
    path = BUNDLED_KB_DIR / LANGUAGES_DIR / f"{language}.json"
    doc: dict[str, Any] = (
        json.loads(path.read_text(encoding="utf-8"))
        if path.exists()
        else {
            "language": language,
            "script": SCRIPTS.get(language, "latin"),
            "source": f"country names from CLDR (babel 2.18.0, Unicode license); the rest curated by hand for {language} news",
        }
    )
    countries = doc.setdefault("countries", {})
    for code, name in sorted(cldr_names(language).items()):
        forms = countries.setdefault(code, {"names": [], "demonyms": [], "capitals": []})
        if name not in forms.setdefault("names", []):
            forms["names"].insert(0, name)
    doc["countries"] = dict(sorted(countries.items()))
    path.parent.mkdir(parents=True, exist_ok=True)
    dump_pack(doc, path)
    return doc


def main(argv: list[str]) -> int:
    for language in argv:
        doc = refresh(language)
        print(f"{language}: {len(doc['countries'])} countries")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
