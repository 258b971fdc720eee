"""StoryIndex on tagged dispatches (the real tagger): copies, rewrites, translations, look-alikes, boilerplate,
and the horizon. The texts are written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from wirewatch.models import Dispatch
from wirewatch.processors.stories.fingerprint import body_words, minhash
from wirewatch.processors.stories.index import StoryIndex, StorySettings
from wirewatch.processors.tagger import Tagger

T0 = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)

WIRE = (
    "Soldiers surrounded the presidential palace in Bissau early on Wednesday and a group of officers "
    "announced on state television that they had taken control of Guinea-Bissau. The officers said they "
    "had suspended the electoral process and closed the borders until further notice. Gunfire was heard "
    "near the electoral commission before dawn, residents said. The West African bloc ECOWAS called an "
    "emergency meeting and demanded that constitutional order be restored without delay."
)


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load()


def doc(
    tagger: Tagger, id: str, title: str, text: str, *, hours: float = 0, source: str = "wire", lang: str = "en"
) -> dict[str, Any]:
    at = T0 + timedelta(hours=hours)
    dispatch = Dispatch(id=id, source=source, title=title, text=text, published=at, fetched=at, language=lang)
    return tagger.tag_dispatch(dispatch).to_doc()


def test_syndicated_copies_with_edits_are_one_story_as_duplicates(tagger: Tagger) -> None:
    index = StoryIndex()
    first = index.add(doc(tagger, "a", "Officers seize power in Guinea-Bissau", WIRE))
    copies = [
        (
            "b",
            "Army officers say they control Guinea-Bissau",
            "BISSAU, Nov 26 (Wire) - " + WIRE + "\nReporting by A. Mendes",
        ),
        ("c", "Guinea-Bissau: officers take over", WIRE.rsplit(". ", 1)[0] + "."),  # the last sentence cut
        ("d", "Officers seize power in Guinea-Bissau", WIRE + "\nClick here to read more."),
    ]
    for i, (id, title, text) in enumerate(copies, start=1):
        placed = index.add(doc(tagger, id, title, text, hours=i, source=f"outlet-{id}"))
        assert placed.how == "duplicate" and placed.story is first.story, (id, placed)
    assert set(first.story.sources) == {"wire", "outlet-b", "outlet-c", "outlet-d"}


def test_a_rewrite_and_a_translation_join_the_event_a_lookalike_weeks_later_does_not(tagger: Tagger) -> None:
    index = StoryIndex()
    first = index.add(doc(tagger, "a", "Officers seize power in Guinea-Bissau", WIRE))
    rewrite = index.add(
        doc(
            tagger,
            "r",
            "Guinea-Bissau military takes control, ECOWAS calls summit",
            "The army of Guinea-Bissau said it had seized power in Bissau and halted the vote count. ECOWAS leaders "
            "will meet on Thursday to discuss the coup, a spokesman for the bloc said.",
            hours=3,
            source="other",
        )
    )
    assert rewrite.how == "event" and rewrite.story is first.story
    french = index.add(
        doc(
            tagger,
            "f",
            "Coup d'État en Guinée-Bissau : des officiers prennent le pouvoir",
            "Des militaires ont pris le contrôle de Bissau mercredi. La CEDEAO a convoqué un sommet extraordinaire "
            "et exige le retour à l'ordre constitutionnel en Guinée-Bissau.",
            hours=5,
            source="afrique",
            lang="fr",
        )
    )
    assert french.story is first.story
    weeks_later = index.add(
        doc(
            tagger,
            "w",
            "New coup attempt in Guinea-Bissau foiled",
            "Soldiers tried to seize the presidential palace in Bissau overnight; the junta said the attempt failed "
            "and ECOWAS condemned it.",
            hours=24 * 21,
        )
    )
    assert weeks_later.how == "new" and weeks_later.story is not first.story


def test_an_election_and_a_coup_in_one_country_stay_apart(tagger: Tagger) -> None:
    index = StoryIndex()
    election = index.add(
        doc(
            tagger,
            "e",
            "Guinea-Bissau votes in presidential and legislative elections",
            "Voters in Guinea-Bissau queued at polling stations on Sunday to choose a president and a parliament. "
            "Turnout was high in Bissau, the electoral commission said, and results are expected within days.",
        )
    )
    coup = index.add(doc(tagger, "a", "Officers seize power in Guinea-Bissau", WIRE, hours=72))
    assert coup.story is not election.story


@pytest.mark.parametrize("blurb", ["Click here to read the full story.", "Photo: crowds gathered on Tuesday.", ""])
def test_boilerplate_texts_do_not_glue_stories(tagger: Tagger, blurb: str) -> None:
    index = StoryIndex()
    coup = index.add(doc(tagger, "a", "Officers seize power in Guinea-Bissau", WIRE))
    flood = index.add(
        doc(
            tagger,
            "f",
            "Floods cut roads in northern Pakistan",
            "Monsoon rains washed away bridges in Gilgit-Baltistan, and Pakistan's disaster agency said thousands "
            "were cut off.",
            hours=1,
        )
    )
    for i, title in enumerate(["Markets open higher in Tokyo", "Football: cup final tonight"]):
        placed = index.add(doc(tagger, f"b{i}", title, blurb, hours=2 + i))
        assert placed.story not in (coup.story, flood.story)
    assert coup.story is not flood.story and coup.story.dispatches == 1 and flood.story.dispatches == 1


def test_stories_close_after_the_horizon_and_memory_is_given_back(tagger: Tagger) -> None:
    index = StoryIndex(StorySettings(horizon=timedelta(days=2)))
    index.add(doc(tagger, "a", "Officers seize power in Guinea-Bissau", WIRE))
    assert len(index.stories) == 1
    index.add(doc(tagger, "z", "Floods cut roads in northern Pakistan", "Rains washed away bridges.", hours=24 * 3))
    assert [s.title for s in index.stories.values()] == ["Floods cut roads in northern Pakistan"]
    assert "a" not in index._members and "a" not in index._by_lsh_key.values()
    # a copy of the closed story's text now starts a new story
    again = index.add(doc(tagger, "b", "Officers seize power", "BISSAU - " + WIRE, hours=24 * 3 + 1))
    assert again.how == "new"


def test_fingerprint_ignores_frame_lines_and_short_texts_have_none() -> None:
    assert body_words("", "PARIS, Nov 3 (Wire) - The vote went ahead.\nReporting by Ana") == [
        "the",
        "vote",
        "went",
        "ahead",
    ]
    assert minhash("A title", "Click here to read more.") is None
    framed = minhash("x", "BAMAKO, Nov 3 (Wire) – " + WIRE + "\nReporting by A. Mendes; Editing by J. Doe")
    plain = minhash("y", WIRE)
    assert framed is not None and plain is not None and framed.jaccard(plain) > 0.9


def test_a_long_running_story_keeps_only_its_recent_dispatches_in_memory(tagger: Tagger) -> None:
    index = StoryIndex(StorySettings(horizon=timedelta(days=2)))
    first = index.add(doc(tagger, "d0", "Officers seize power in Guinea-Bissau", WIRE))
    for day in range(1, 6):  # a copy a day: the story never goes quiet for the horizon
        placed = index.add(doc(tagger, f"d{day}", "Guinea-Bissau officers", WIRE, hours=24 * day, source=f"o{day}"))
        assert placed.story is first.story
    assert first.story.dispatches == 6 and len(first.story.sources) == 6
    # only what arrived within the horizon is kept: memory is bounded by arrivals, not by the story's age
    assert set(index._members) == {"d3", "d4", "d5"}
    assert all(count <= 3 for count in first.story.features.values())


def test_a_story_record_round_trips_and_resume_gives_the_same_story(tagger: Tagger) -> None:
    from wirewatch.processors.stories.stage import StoryStage

    stage = StoryStage()
    docs = [
        doc(tagger, "a", "Officers seize power in Guinea-Bissau", WIRE),
        doc(tagger, "b", "Army says it holds Guinea-Bissau", "BISSAU (Wire) - " + WIRE, hours=1, source="b"),
    ]
    for d in docs:
        stage.place(d)
    (record,) = stage.take_changed()
    assert record["dispatches"] == 2 and record["sources"] == 2 and "GW" in record["countries"]
    assert stage.take_changed() == []

    resumed = StoryStage()
    assert resumed.resume([json_round_trip(record)], [json_round_trip(d) for d in docs]) == 2
    later = doc(tagger, "c", "Guinea-Bissau: officers in charge", WIRE + "\nClick here.", hours=2, source="c")
    ref = resumed.place(later)
    assert ref.id == record["id"] and ref.how == "duplicate" and ref.dispatches == 3 and ref.sources == 3
    # a redelivered dispatch keeps its story and is not counted twice
    again = resumed.place(dict(later))
    assert again.id == record["id"] and resumed.index.stories[record["id"]].dispatches == 3


def json_round_trip(value: dict[str, Any]) -> dict[str, Any]:
    import json

    result: dict[str, Any] = json.loads(json.dumps(value))
    return result


def test_two_coups_in_two_countries_the_same_day_stay_apart(tagger: Tagger) -> None:
    index = StoryIndex()
    turkey = index.add(doc(tagger, "tr", "Coup attempt in Turkey", "Soldiers attempted a coup in Ankara overnight."))
    peru = index.add(doc(tagger, "pe", "Coup attempt in Peru", "Officers attempted a coup in Lima.", hours=2))
    # they share the kind of event (and the word), not what it happened to: two stories
    assert peru.how == "new" and peru.story is not turkey.story


def test_breaking_counts_a_source_whose_first_copy_arrives_late(tagger: Tagger) -> None:
    """Five sources within the hour make a story breaking, also when one source's earliest copy is the last to
    arrive (a feed polled late): the bar is met at that copy, not before."""
    index = StoryIndex()  # five sources within 60 minutes
    arrivals = [("a", 0), ("b", 100), ("c", 10), ("d", 20), ("e", 30), ("b", 40)]  # (source, minutes)
    placed = [
        index.add(doc(tagger, f"{source}-{minutes}", "Officers seize power", WIRE, hours=minutes / 60, source=source))
        for source, minutes in arrivals
    ]
    assert {p.story.id for p in placed} == {placed[0].story.id}
    # until b's copy of minute 40: firsts 0, 10, 20, 30, 100 - no five within the hour
    assert [p.became_breaking for p in placed] == [False] * 5 + [True]
    assert placed[-1].story.breaking_at == T0 + timedelta(minutes=40)
    assert placed[-1].story.firsts == sorted(placed[-1].story.sources.values())


def test_breaking_is_decided_as_a_full_scan_of_first_times_would() -> None:
    """The incremental check (only the windows holding the changed first time) against every window."""
    import random

    from wirewatch.processors.stories.index import Story

    rng = random.Random(7)
    settings = StorySettings()
    for _ in range(300):
        index = StoryIndex(settings)
        story = Story(id="s", title="", first_seen=T0, last_update=T0)
        n, window = settings.breaking_sources, settings.breaking_window
        flagged = False  # breaking is for good once reached
        for _ in range(rng.randrange(3, 25)):
            at = T0 + timedelta(minutes=rng.randrange(0, 400))
            changed = story.first_from(f"src-{rng.randrange(10)}", at)
            firsts = sorted(story.sources.values())
            full_scan = any(firsts[i + n - 1] - firsts[i] <= window for i in range(len(firsts) - n + 1))
            assert story.firsts == firsts
            if changed and not flagged:
                flagged = index._breaking(story, at)
                assert flagged == full_scan, (firsts, at)
            assert flagged or not full_scan, firsts
