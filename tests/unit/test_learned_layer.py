"""The tagger's learned layer: what it remembers, when a learned name is used alone, and user decisions."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from wirewatch.models import Dispatch, TaggedDispatch
from wirewatch.processors.learning import Learning
from wirewatch.processors.process import DispatchProcessor
from wirewatch.processors.tagger import Tagger
from wirewatch.processors.tagger.learned import (
    Decision,
    LearnedLayer,
    entry_key,
    learnable_name,
    records_to_layer,
)
from wirewatch.query import RuleMatcher


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load()


def dispatch(i: str, source: str, text: str, day: int = 1) -> Dispatch:
    when = datetime(2025, 9, day, 10, tzinfo=UTC)
    return Dispatch(id=i, source=source, title="", text=text, published=when, fetched=when)


# A minister no bundled knowledge base knows (invented), named with his role three ways.
WITH_ROLE = [
    "NIAMEY - Ousmane Garba Toudou, the new finance minister, said on Monday the budget would be revised.",
    "Niger's finance minister Ousmane Garba Toudou met donors in Niamey.",
    "Finance Minister Ousmane Garba Toudou said on state television that Niger would pay its debts.",
]
WITHOUT_ROLE = "Ousmane Garba Toudou told reporters in Niamey that salaries would be paid, Toudou added."


def fresh(tagger: Tagger, writer: str = "w1", **rule: int) -> tuple[DispatchProcessor, Learning]:
    tagger.use_learned([], [])  # the module's tagger starts every test knowing nothing learned
    learning = Learning(LearnedLayer(writer, **rule), tagger, refresh_seconds=0)
    return DispatchProcessor(tagger, RuleMatcher([]), learning=learning), learning


def officials(processor: DispatchProcessor, d: Dispatch) -> dict[str, tuple]:
    tags = processor.process(d).tagged.tags
    return {o.name: (o.role, o.country, o.source, o.role_source) for o in tags.officials}


def test_a_name_seen_with_its_role_in_enough_dispatches_and_feeds_is_then_found_without_a_title(tagger):
    processor, learning = fresh(tagger)
    assert "Ousmane Garba Toudou" not in officials(processor, dispatch("x", "f9", WITHOUT_ROLE))
    for n, text in enumerate(WITH_ROLE):
        found = officials(processor, dispatch(f"d{n}", "feed-a" if n != 1 else "feed-b", text))
        assert found["Ousmane Garba Toudou"][2:] == ("text", "text")
    entry = learning.layer.find("Ousmane Garba Toudou")
    assert entry is not None and learning.layer.status(entry) == "attested"
    assert (entry.role, entry.country, entry.dispatch_count(), entry.source_count()) == ("finance minister", "NE", 3, 2)
    later = processor.process(dispatch("later", "feed-c", WITHOUT_ROLE, day=9)).tagged.tags
    [official] = [o for o in later.officials if o.name == "Ousmane Garba Toudou"]
    assert (official.role, official.country, official.source, official.role_source) == (
        "finance minister",
        "NE",
        "learned",
        "learned",
    )
    assert official.known is False and official.mentions == 2  # the surname alone links to the learned entry
    assert official.role_from == "2025-09-01" and official.role_to is None


def test_what_the_dispatch_says_beats_the_learned_role(tagger):
    processor, learning = fresh(tagger, min_dispatches=1, min_sources=1)
    officials(processor, dispatch("d0", "feed-a", WITH_ROLE[0]))
    found = officials(
        processor, dispatch("d1", "feed-b", "Defence Minister Ousmane Garba Toudou toured Agadez.", day=2)
    )
    assert found["Ousmane Garba Toudou"] == ("Defence Minister", "NE", "learned", "text")
    entry = learning.layer.find("Ousmane Garba Toudou")
    assert entry is not None and entry.role == "defence minister"  # the most recent role is the current one


@pytest.mark.parametrize(
    ("sources", "attested"),
    [(["a", "a", "a"], False), (["a", "b"], False), (["a", "b", "a"], True)],
)
def test_the_attestation_rule_counts_distinct_dispatches_and_feeds(tagger, sources, attested):
    processor, learning = fresh(tagger)
    for n, source in enumerate(sources):
        processor.process(dispatch(f"d{n}", source, WITH_ROLE[n]))
    entry = learning.layer.find("Ousmane Garba Toudou")
    assert entry is not None and (learning.layer.status(entry) == "attested") is attested


def test_a_redelivered_dispatch_is_one_sighting(tagger):
    processor, learning = fresh(tagger)
    for _ in range(3):
        processor.process(dispatch("same", "a", WITH_ROLE[0]))
    processor.process(dispatch("other", "b", WITH_ROLE[1]))
    entry = learning.layer.find("Ousmane Garba Toudou")
    assert entry is not None and entry.sightings == 2 and learning.layer.status(entry) == "learned"


def test_pattern_junk_and_single_words_are_never_learned(tagger):
    processor, learning = fresh(tagger, min_dispatches=1, min_sources=1)
    junk = [
        "Besides Karki, the interim prime minister, spoke on Friday.",
        "Delegates at the Leaders' Summit agreed on a statement, Defence Information said.",
        "The Monday Briefing, the ministry's spokesman said, would resume.",
    ]
    for n, text in enumerate(junk * 2):
        processor.process(dispatch(f"j{n}", f"feed-{n}", text))
    names = {e.name for e in learning.layer.attested()}
    assert not names & {"Besides Karki", "Leaders' Summit", "Defence Information", "Monday Briefing"}
    assert not learnable_name("Karki") and not learnable_name("Unit 8200") and learnable_name("Sushila Karki")


def test_contributions_of_several_writers_merge_and_never_overwrite_each_other(tagger):
    one, two = LearnedLayer("w1"), LearnedLayer("w2")
    for layer, (n, source) in ((one, (0, "a")), (one, (1, "b")), (two, (2, "c"))):
        tags = tagger.tag("", WITH_ROLE[n], published=datetime(2025, 9, 1, tzinfo=UTC))
        layer.observe(TaggedDispatch(dispatch(f"d{n}", source, WITH_ROLE[n]), tags))
    reader = LearnedLayer("reader")
    records_to_layer(reader, one.take_pending() + two.take_pending())
    entry = reader.find("Ousmane Garba Toudou")
    assert entry is not None and set(entry.contributions) == {"w1", "w2"}
    assert reader.status(entry) == "attested" and entry.sightings == 3
    assert one.take_pending() == []  # nothing new since


def test_reject_drops_the_entry_and_it_is_never_learned_again_confirm_and_edit_attest_at_once(tagger):
    processor, learning = fresh(tagger)
    for n, text in enumerate(WITH_ROLE):
        processor.process(dispatch(f"d{n}", f"feed-{n}", text))
    key = entry_key("official", "Ousmane Garba Toudou")
    learning.layer.decide(key, Decision("rejected", "2025-09-05T00:00:00", reason="not a minister"))
    assert "Ousmane Garba Toudou" not in officials(processor, dispatch("later", "f", WITHOUT_ROLE))
    before = learning.layer.entries[key].sightings
    processor.process(dispatch("again", "feed-x", WITH_ROLE[1]))
    assert learning.layer.entries[key].sightings == before

    processor, learning = fresh(tagger)
    processor.process(dispatch("once", "feed-a", WITH_ROLE[0]))
    learning.layer.decide(key, Decision("confirmed", "2025-09-05T00:00:00", role="economy minister"))
    found = officials(processor, dispatch("later", "f", WITHOUT_ROLE))
    assert found["Ousmane Garba Toudou"] == ("economy minister", "NE", "learned", "learned")


def test_the_layer_forgets_the_least_attested_entries_beyond_its_bound(tagger):
    layer = LearnedLayer("w1", max_entries=10)
    for n in range(30):
        name = f"Minister Number{chr(65 + n % 26)}{chr(65 + n // 26)} Example"
        d = dispatch(f"d{n}", "a", "x", day=1 + n % 28)
        tags = tagger.tag("", f"Finance Minister {name.split(' ', 1)[1]} spoke.", published=d.published)
        layer.observe(TaggedDispatch(d, tags))
    assert len(layer.entries) <= 10 and layer.forgotten >= 20


def test_a_record_from_another_writer_is_applied_but_ones_own_echo_is_not(tagger):
    layer = LearnedLayer("w1")
    tags = tagger.tag("", WITH_ROLE[0], published=datetime(2025, 9, 1, tzinfo=UTC))
    layer.observe(TaggedDispatch(dispatch("d0", "a", WITH_ROLE[0]), tags))
    [(record, value)] = layer.take_pending()
    stale = {**value, "sightings": 0}
    layer.apply(record, stale)  # the topic echoing an older copy of this writer's own record
    entry = layer.find("Ousmane Garba Toudou")
    assert entry is not None and entry.sightings == 1
    with pytest.raises(ValueError):
        layer.apply("nonsense", value)


def test_syndicated_copies_of_one_sentence_count_as_one_wording(tagger):
    # One wire story carried by five feeds, with their own boilerplate: a pattern's mistake in it would
    # recur in every copy, so copies of one sentence are one sighting as far as attestation goes.
    processor, learning = fresh(tagger)
    for n in range(5):
        processor.process(dispatch(f"copy-{n}", f"feed-{n}", f"Feed {n} news. {WITH_ROLE[0]} Subscribe now."))
    entry = learning.layer.find("Ousmane Garba Toudou")
    assert entry is not None and entry.dispatch_count() == 5 and entry.wording_count() == 1
    assert learning.layer.status(entry) == "learned"
    processor.process(dispatch("own-1", "feed-7", WITH_ROLE[1]))
    processor.process(dispatch("own-2", "feed-8", WITH_ROLE[2]))
    assert learning.layer.status(entry) == "attested"
