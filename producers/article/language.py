"""ISO 639-1 codes from the language tags pages declare: "pt-BR" -> "pt", "en_GB" -> "en", "fra" -> "fr"."""

from __future__ import annotations

import re

LANGUAGE_TAG = re.compile(r"([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*")


def normalise_language(value: str | None) -> str | None:
    """The ISO 639-1 code of the first tag in `value`, or None if it names no language."""
    if not value:
        return None
    match = LANGUAGE_TAG.fullmatch(value.split(",")[0].strip())
    if not match:
        return None
    code = match.group(1).lower()
    return code if len(code) == 2 else _alpha2(code)


def _alpha2(code: str) -> str | None:
    import pycountry  # only for the rare three-letter tag: its tables take ~50 ms to load

    for key in ("alpha_3", "bibliographic"):
        try:
            language = pycountry.languages.get(**{key: code})
        except (KeyError, LookupError):
            language = None
        alpha_2 = getattr(language, "alpha_2", None)
        if isinstance(alpha_2, str):
            return alpha_2
    return None
