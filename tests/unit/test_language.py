"""The language of a dispatch: detected from title and text, with the feed's declaration as a prior."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from wirewatch.models import Dispatch, TaggedDispatch
from wirewatch.processors.tagger.engine import Tagger
from wirewatch.processors.tagger.language import LanguageDetector, function_word_vote, normalise_hint

# One short wire-style sentence per language, written for this test.
SENTENCES = {
    "en": ("Army officers seize state television", "Soldiers said on Tuesday they had dissolved the government."),
    "fr": ("Des militaires prennent la télévision", "Les soldats ont annoncé mardi la dissolution du gouvernement."),
    "es": ("Militares toman la televisión estatal", "Los soldados anunciaron el martes la disolución del gobierno."),
    "pt": ("Militares tomam a televisão estatal", "Os soldados anunciaram na terça-feira a dissolução do governo."),
    "de": ("Soldaten besetzen das Staatsfernsehen", "Die Soldaten erklärten am Dienstag die Regierung für aufgelöst."),
    "it": (
        "Militari occupano la televisione di Stato",
        "I soldati hanno annunciato martedì lo scioglimento del governo.",
    ),
    "ru": ("Военные захватили государственное телевидение", "Во вторник военные объявили о роспуске правительства."),
    "ar": ("عسكريون يسيطرون على التلفزيون الرسمي", "أعلن الجنود يوم الثلاثاء حل الحكومة."),
}


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


@pytest.mark.parametrize("code", sorted(SENTENCES))
def test_each_tagged_language_is_recognised_from_a_title_and_a_sentence(detector: LanguageDetector, code: str) -> None:
    title, text = SENTENCES[code]
    guess = detector.detect(title, text)
    assert guess.code == code
    assert 0.5 < guess.confidence <= 1.0
    assert guess.tagged_as == code


@pytest.mark.parametrize("code", sorted(SENTENCES))
def test_a_wrong_feed_declaration_loses_against_clear_text(detector: LanguageDetector, code: str) -> None:
    title, text = SENTENCES[code]
    wrong = "de" if code != "de" else "fr"
    guess = detector.detect(title, text, wrong)
    assert guess.code == code
    assert guess.declared == wrong


def test_the_declaration_decides_a_text_that_is_only_names(detector: LanguageDetector) -> None:
    title, text = "Madagascar", "Randrianirina, Rajoelina"
    undecided = detector.detect(title, text)
    assert detector.detect(title, text, "fr-FR").code == "fr"
    assert detector.detect(title, text, "it").code == "it"
    assert detector.detect(title, text, "fr").confidence > undecided.confidence or undecided.code == "fr"


def test_no_letters_means_no_judgement_but_the_declaration_is_kept(detector: LanguageDetector) -> None:
    assert detector.detect("", "") == detector.detect("", "") and detector.detect("", "").code is None
    guess = detector.detect("2026 - 04 - 01", "12:30 !!!", "pt")
    assert (guess.code, guess.confidence, guess.declared) == ("pt", 0.0, "pt")


def test_a_language_without_rules_is_reported_and_tagged_with_the_english_ones(detector: LanguageDetector) -> None:
    guess = detector.detect(
        "Militairen nemen de staatstelevisie over", "De soldaten kondigden dinsdag de ontbinding aan."
    )
    assert guess.code == "nl"
    assert guess.tagged_as == "en"


@pytest.mark.parametrize(
    "title,text",
    [
        ("\u200f\u200eعاجل\u200f", "\u200bانقلاب\u200c في\u200d مدغشقر\u2066 \u2069"),  # RTL and zero-width marks
        ("Coup à Madagascar: военные", "El ejército tomó el poder. Die Armee übernahm die Macht. الجيش"),  # mixed
        ("\x00\ud800", "\ufeff" * 50),  # NUL, a lone surrogate, byte-order marks
        ("x" * 10_000, "y " * 100_000),  # long input is sampled, not read whole
    ],
)
def test_odd_input_never_raises_and_gives_the_same_answer_twice(
    detector: LanguageDetector, title: str, text: str
) -> None:
    first = detector.detect(title, text, "en")
    assert detector.detect(title, text, "en") == first
    assert first.confidence == 0.0 or first.code is not None


@pytest.mark.parametrize(
    "hint,expected",
    [("en-GB", "en"), ("fr_FR", "fr"), ("PT", "pt"), ("ast", "ast"), ("", None), (None, None), ("english", None)],
)
def test_feed_declarations_are_normalised_to_the_language_code(hint: str | None, expected: str | None) -> None:
    assert normalise_hint(hint) == expected


def test_the_document_carries_the_judged_and_the_declared_language() -> None:
    tagger = Tagger.load()
    now = datetime(2026, 12, 4, tzinfo=UTC)
    title, text = SENTENCES["fr"]
    dispatch = Dispatch("d1", "feed", title, text, now, now, language="en")
    tagged = tagger.tag_dispatch(dispatch)
    assert tagged.tags.language == "fr"
    doc = tagged.to_doc()
    assert (doc["language"], doc["language_declared"]) == ("fr", "en")
    assert doc["language_confidence"] > 0.5
    again = TaggedDispatch.from_doc(doc)
    assert again.dispatch.language == "en"
    assert again.tags.language == "fr"
    assert again == tagged


def test_clear_function_words_decide_without_the_model_and_unclear_text_goes_to_it() -> None:
    english = (
        "The minister said on Tuesday that the talks with the unions would resume after the holiday, and that "
        "the government was ready to meet them. The unions have said that their demands were not met."
    )
    assert function_word_vote(english) is not None and function_word_vote(english)[0] == "en"  # type: ignore[index]
    dutch = (
        "De minister zei dinsdag dat de gesprekken met de vakbonden na de feestdagen worden hervat en dat "
        "de regering bereid is hen te ontmoeten. De vakbonden zeggen dat hun eisen niet zijn ingewilligd."
    )
    assert function_word_vote(dutch) is None  # no language of the eight: the model judges it
    assert function_word_vote("Der Minister sagte, the talks would resume.") is None  # too few words either way


def test_a_declared_language_the_words_disagree_with_goes_to_the_model(detector: LanguageDetector) -> None:
    title, text = SENTENCES["en"]
    text = " ".join([text] * 6)
    assert detector.detect(title, text, "fr").code == "en"
