"""What a personal name looks like in wire copy: particles ("al-", "van der"), honorifics, the name in a run
of capitalised words, and per-knowledge-base facts about the known officials' names."""

from __future__ import annotations

import re
from collections.abc import Callable

from wirewatch.processors.tagger.kb import Official
from wirewatch.processors.tagger.textfold import fold
from wirewatch.processors.tagger.vocab import (
    BODY_NOUNS,
    HONORIFICS,
    NAME_STOPWORDS,
    NAMED_AFTER_NOUNS,
    NON_PERSON_WORDS,
)

NAME_PARTICLES = frozenset(
    {
        "al",
        "el",
        "ad",
        "as",
        "ash",
        "bin",
        "ibn",
        "bint",
        "de",
        "da",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "dos",
        "das",
        "del",
        "abu",
        "ould",
        "ag",
        "arap",  # Kalenjin: "Daniel arap Moi"
        "wa",
        "y",
    }
)
PARTICLE_INITIALS = frozenset(particle[0] for particle in NAME_PARTICLES)
HONORIFIC_KEYS = frozenset(honorific.rstrip(".") for honorific in HONORIFICS)
INITIALS = re.compile(r"^(?:[A-Z]\.){2,4}$")  # "A.M.M." in "A.M.M. Nasir Uddin": initials, not a sentence's end

_PARTICLE_ALTERNATIVES = "|".join(sorted(NAME_PARTICLES, key=len, reverse=True))
# Up to two particles before a capitalised word: "de la Calle", "van der Bellen", "al-Shami", "bin Zayed".
_PARTICLE = r"(?:(?:" + _PARTICLE_ALTERNATIVES + r")[ -]){0,2}"
# A name as the appointment patterns read it: a capitalised word, then capitalised words or particles
# ("Oana Toiu", "Bashar al Assad", "Luiz Inacio Lula da Silva"); NAME_WORDS of them after the first.
NAME_FIRST = r"[A-Z][\w'’.\-]+"
NAME_NEXT = r"(?: (?:[A-Z][\w'’.\-]+|al|el|bin|ibn|de|da|dos|van|von|der))"
WRITTEN_NAME = NAME_FIRST + NAME_NEXT + "{1,3}"
NAME_RUN = re.compile(_PARTICLE + r"[A-Z][\w'’.\-]*(?: " + _PARTICLE + r"[A-Z][\w'’.\-]*){0,5}")
# What may follow a name and change who it is: a capitalised word, a particle, a place noun ("airport").
AFTER_NAME = re.compile(
    r" (?:[A-Z]|(?:"
    + _PARTICLE_ALTERNATIVES
    + r")[ -]|(?:"
    + "|".join(sorted(NAMED_AFTER_NOUNS, key=len, reverse=True))
    + r")\b)"
)


def is_particle_name(token: str) -> bool:
    """'al-Shami', 'bin-Laden': a lower-case particle joined to a capitalised name."""
    particle, _, rest = token.partition("-")
    return particle.lower() in NAME_PARTICLES and rest[:1].isupper()


def name_tokens(run: str) -> list[str]:
    """The personal name in a run of capitalised words, without leading honorifics; empty when the run names
    a body instead."""
    tokens = run.split(" ")
    while tokens and tokens[0].lower().rstrip(".") in HONORIFIC_KEYS:
        tokens.pop(0)
    kept: list[str] = []
    for token in tokens:
        bare = token.lower().strip(".'’")
        if bare in NAME_STOPWORDS or (bare.endswith("'s") and bare[:-2] in NAME_STOPWORDS):
            break
        if bare in BODY_NOUNS or bare in NON_PERSON_WORDS:
            return []  # "chairman of the House Intelligence Committee": a body, not a person
        kept.append(token)
        if token.endswith(".") and len(token.strip(".").replace(".", "")) > 2 and not INITIALS.match(token):
            break  # "Trump. He said": a full stop after a word (not an initial) ends the sentence
    return kept


class NameCache:
    """Per-knowledge-base answers about officials' names, computed once (the KB does not change while loaded)."""

    def __init__(self, hides_country: Callable[[str], bool]) -> None:
        self.hides_country = hides_country
        self._words: dict[str, frozenset[str]] = {}
        self._hiding: dict[str, tuple[str, ...]] = {}

    def words(self, official: Official) -> frozenset[str]:
        """Every folded word of an official's name and aliases."""
        words = self._words.get(official.id)
        if words is None:
            words = self._words[official.id] = frozenset(
                word for form in (official.name, *official.aliases) for word in fold(form).split()
            )
        return words

    def hiding_names(self, official: Official) -> tuple[str, ...]:
        """The forms of an official's name that contain a country word ("Najib Danish", "Danish")."""
        cached = self._hiding.get(official.id)
        if cached is None:
            # named in full here, so the last word alone ("Danish told reporters") is the person too
            forms = {official.name, *official.aliases, *official.surnames, official.name.split()[-1]}
            cached = self._hiding[official.id] = tuple(sorted(form for form in forms if self.hides_country(form)))
        return cached
