"""Stories in distributed mode against the real broker: two processor workers tag in parallel, `wirewatch
clusterer` places every document in a story. Copies of one wire story tagged by different workers land in one
story; the clusterer that owns the stories is killed mid-stream and the standby takes over with the same story
ids and counts. The texts are written for this test (invented outlets)."""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.integration.kafka_support import ServiceProcess
from tests.integration.test_kafka_processor import (
    create_topics,
    produce,
    read_until,
    ready,
    unique_kafka,
    write_config,
)
from wirewatch.models import Dispatch, Rule, dispatch_id, utcnow
from wirewatch.settings import KafkaSettings

pytestmark = [pytest.mark.integration, pytest.mark.timeout(360)]

EVENTS = {
    "quake": (
        "A strong earthquake struck central Chile on Thursday, shaking buildings in Santiago and cutting power "
        "to several districts. The national seismology centre said the tremor had a magnitude of 6.8 and was "
        "centred off the coast near Valparaiso. No tsunami warning was issued and there were no early reports "
        "of casualties, the interior ministry said."
    ),
    "coup": (
        "Soldiers surrounded the presidential palace in Bissau early on Wednesday and a group of officers "
        "announced on state television that they had taken control of Guinea-Bissau. The officers said they "
        "had suspended the electoral process and closed the borders until further notice. The West African "
        "bloc ECOWAS called an emergency meeting and demanded a return to constitutional order."
    ),
    "vote": (
        "Polling stations opened across Norway on Monday for a parliamentary election that surveys expect to "
        "be close. Voters in Oslo queued in light rain before dawn, and the electoral board said turnout by "
        "noon was higher than four years ago. Results are expected late in the evening once postal ballots "
        "from abroad have been counted."
    ),
    "strike": (
        "Dock workers at the port of Antwerp walked out on Tuesday over a dispute about shift patterns, "
        "leaving dozens of container ships waiting at anchor in the Scheldt. The union said the stoppage would "
        "last forty-eight hours unless the port authority reopened talks, while shipping firms warned of "
        "delays to deliveries across Belgium and the Netherlands."
    ),
    "summit": (
        "Leaders of the Pacific island states gathered in Suva on Friday for a summit dominated by rising sea "
        "levels and fishing rights. Fiji's prime minister opened the meeting by calling for binding targets on "
        "emissions, and delegates from Tuvalu and Kiribati described villages already moved inland because "
        "of repeated flooding."
    ),
    "launch": (
        "India launched a weather satellite from the Sriharikota spaceport on Saturday, the national space "
        "agency said, placing it into orbit about twenty minutes after lift-off. The satellite will track "
        "monsoon clouds and cyclones over the Bay of Bengal, and its first images are expected within a "
        "fortnight once its instruments have been calibrated."
    ),
}
COPIES = 5


def copy(event: str, n: int, run: str) -> Dispatch:
    """Outlet n's copy of the event's wire text: its own dateline, headline number and footer."""
    now = utcnow() + timedelta(seconds=n)
    return Dispatch(
        id=dispatch_id(f"{run}-{event}-{n}"),
        source=f"outlet-{n}",
        title=f"{event.title()} report ({n})",
        text=f"WIRE, {n} (Outlet {n}) - {EVENTS[event]}\nReporting by desk {n}; editing by desk {n + 10}",
        published=now,
        fetched=now,
        language="en",
    )


@dataclass
class Clusterer(ServiceProcess):
    """`wirewatch clusterer` as a process."""

    def arguments(self) -> list[str]:
        return ["clusterer", *self.extra]

    def owns(self) -> bool:
        """Its latest word on ownership: it took the clustering topic and has not given it up since."""
        lines = [line for line in self.log().splitlines() if "the stories" in line]
        return bool(lines) and "taking over the stories" in lines[-1]

    def resumed(self) -> int:
        return self.log().count("resumed ")


def wait_until(check, timeout: float, what: str, *logs: Clusterer) -> None:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.5)
    raise AssertionError(f"never: {what}\n" + "\n".join(c.log()[-3000:] for c in logs))


def latest_by_key(kafka: KafkaSettings, topic: str, expected: int) -> dict[str, Any]:
    records = read_until(kafka, topic, lambda r: len({x.key for x in r}) >= expected, timeout=120)
    latest: dict[str, Any] = {}
    for record in records:
        latest[record.key.decode()] = json.loads(record.value)
    return latest


def test_two_processors_one_clusterer_killed_mid_stream_copies_keep_one_story(
    kafka_bootstrap: str, tmp_path: Path, workers
) -> None:
    kafka = unique_kafka(kafka_bootstrap, partitions=4)
    create_topics(kafka)
    rule = Rule(id="any", name="Any report", query="report")
    config = write_config(tmp_path / "wirewatch.toml", kafka, [rule], stories=True)
    w1, w2 = workers(config, "w1"), workers(config, "w2")
    clusterers = [Clusterer(config, tmp_path, "c1").start(), Clusterer(config, tmp_path, "c2").start()]
    try:
        w1.wait_for(ready)
        w2.wait_for(ready)
        # both in the group, one owner (the partition may move once as the second joins)
        wait_until(
            lambda: sum(c.owns() for c in clusterers) == 1 and all("clusterer:" in c.log() for c in clusterers),
            90,
            "one clusterer owns the stories",
            *clusterers,
        )
        run = uuid.uuid4().hex[:8]
        first = [copy(event, n, run) for event in EVENTS for n in (1, 2)]
        produce(kafka, [(d.id.encode(), json.dumps(d.to_dict()).encode()) for d in first])
        latest_by_key(kafka, kafka.topic_tagged, len(first))

        # the owner dies mid-stream: the standby must take over with the stories as they were
        owner = next(c for c in clusterers if c.owns())
        standby = next(c for c in clusterers if c is not owner)
        resumed_before = standby.resumed()
        owner.kill9()
        rest = [copy(event, n, run) for event in EVENTS for n in range(3, COPIES + 1)]
        produce(kafka, [(d.id.encode(), json.dumps(d.to_dict()).encode()) for d in rest])
        wait_until(standby.owns, 120, "the standby took over", standby)

        everything = first + rest
        tagged = latest_by_key(kafka, kafka.topic_tagged, len(everything))
        assert set(tagged) == {d.id for d in everything}
        story_of_event: dict[str, set[str]] = defaultdict(set)
        for dispatch in everything:
            event = dispatch.title.split()[0].lower()
            story_of_event[event].add(tagged[dispatch.id]["story"]["id"])
        # every event one story, whichever worker tagged its copies and whichever clusterer placed them
        assert all(len(ids) == 1 for ids in story_of_event.values()), story_of_event
        assert len({next(iter(ids)) for ids in story_of_event.values()}) == len(EVENTS)

        stories = latest_by_key(kafka, kafka.topic_stories, len(EVENTS))
        for ids in story_of_event.values():
            record = stories[next(iter(ids))]
            # counted once each across the takeover: no copy lost, none counted twice
            assert (record["dispatches"], record["sources"]) == (COPIES, COPIES), record

        alerts = read_until(kafka, kafka.topic_alerts, lambda r: len({x.key for x in r}) >= len(everything))
        by_hit = {record.key.decode(): json.loads(record.value) for record in alerts}
        assert set(by_hit) == {f"any:{d.id}" for d in everything}
        assert {a["story_id"] for a in by_hit.values()} == {next(iter(ids)) for ids in story_of_event.values()}
        # the standby rebuilt the stories from the topics when it took over (12 documents, 6 stories)
        assert standby.resumed() > resumed_before
        assert "resumed 6 open stories (12 dispatches)" in standby.log()
    finally:
        for clusterer in clusterers:
            clusterer.stop()
