"""The officials finders' name helpers on their own: particles, the name in a capitalised run, per-KB caches."""

from __future__ import annotations

from datetime import date

from wirewatch.processors.tagger.kb import Official, Role
from wirewatch.processors.tagger.officials_names import AFTER_NAME, NAME_RUN, NameCache, is_particle_name, name_tokens


def test_a_particle_joined_to_a_capitalised_name() -> None:
    assert is_particle_name("al-Shami")
    assert is_particle_name("bin-Laden")
    assert not is_particle_name("al-qaeda")  # the rest is not capitalised
    assert not is_particle_name("Shami")


def test_the_name_in_a_run_of_capitalised_words() -> None:
    assert name_tokens("Dr Ahmed Issa") == ["Ahmed", "Issa"]  # honorific dropped
    assert name_tokens("Ahmed Issa The") == ["Ahmed", "Issa"]  # a stop word ends the name
    assert name_tokens("Trump. He") == ["Trump."]  # a full stop after a word ends the sentence
    assert name_tokens("House Intelligence Committee") == []  # a body, not a person


def test_name_run_takes_particles_and_after_name_sees_what_may_continue_it() -> None:
    run = NAME_RUN.match("Ursula von der Leyen said")
    assert run is not None and run.group(0) == "Ursula von der Leyen"
    assert AFTER_NAME.match(" al-Shami", 0) is not None
    assert AFTER_NAME.match(" said", 0) is None


def test_name_cache_answers_once_per_official() -> None:
    calls: list[str] = []

    def hides_country(name: str) -> bool:
        calls.append(name)
        return "danish" in name.lower()

    official = Official(
        "af-danish",
        "Najib Danish",
        ("Mohammad Najib Danish",),
        ("Danish",),
        (Role("Minister", "AF", date(2020, 1, 1), None),),
    )
    cache = NameCache(hides_country)
    assert cache.words(official) == frozenset({"najib", "danish", "mohammad"})
    first = cache.hiding_names(official)
    assert first == ("Danish", "Mohammad Najib Danish", "Najib Danish")
    asked = len(calls)
    assert cache.hiding_names(official) == first and len(calls) == asked
