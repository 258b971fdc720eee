"""`wirewatch topics create`: the topics of the distributed mode, created or brought in line.

Idempotent: a missing topic is created with the configured partitions,
replication and retention; an existing one gets its configs set again and its
partitions raised to the configured count. Kafka cannot lower a partition count
or change a replication factor in place; those differences are reported, never
"fixed" by deleting data.

The `rules` topic is compacted with one partition: it holds the current rule
set keyed by rule id (a tombstone deletes a rule), every worker reads all of
it, and one partition keeps the rule changes in the order they were made.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from wirewatch.errors import ServiceError
from wirewatch.kafka_options import kafka_python_options
from wirewatch.settings import KafkaSettings

RULES_PARTITIONS = 1
CLUSTERING_PARTITIONS = 1


@dataclass(frozen=True, slots=True)
class TopicSpec:
    name: str
    partitions: int
    replication: int
    configs: dict[str, str]


@dataclass(slots=True)
class TopicResult:
    name: str
    action: str  # "created" | "updated" | "unchanged"
    changes: list[str] = field(default_factory=list)  # what was set or raised on an existing topic
    problems: list[str] = field(default_factory=list)  # differences Kafka cannot fix in place


def topic_specs(kafka: KafkaSettings) -> list[TopicSpec]:
    stream_configs = {"cleanup.policy": "delete", "retention.ms": str(kafka.retention_ms)}
    specs = [
        TopicSpec(name, kafka.partitions, kafka.replication, dict(stream_configs))
        for name in (kafka.topic_fetch, kafka.topic_raw, kafka.topic_tagged, kafka.topic_alerts, kafka.topic_dead)
    ]
    # Compaction keeps the newest value per rule id forever: no time-based retention.
    specs.append(TopicSpec(kafka.topic_rules, RULES_PARTITIONS, kafka.replication, {"cleanup.policy": "compact"}))
    # The learned layer: one record per (entry, writer), compacted the same way; every worker reads it all.
    specs.append(TopicSpec(kafka.topic_learned, RULES_PARTITIONS, kafka.replication, {"cleanup.policy": "compact"}))
    # Feeds added, paused or removed at runtime: one record per feed name; every producer reads it all.
    specs.append(TopicSpec(kafka.topic_feeds, RULES_PARTITIONS, kafka.replication, {"cleanup.policy": "compact"}))
    # Alert silences: one record per silence id; the notifier reads it all.
    specs.append(TopicSpec(kafka.topic_silences, RULES_PARTITIONS, kafka.replication, {"cleanup.policy": "compact"}))
    specs.extend(story_topic_specs(kafka))
    return specs


def story_topic_specs(kafka: KafkaSettings) -> list[TopicSpec]:
    """Stories: one partition in, so one clusterer owns every story (docs/stories.md), and each story's latest
    record, compacted, which the sink indexes and a clusterer reads back when it takes over."""
    return [
        TopicSpec(
            kafka.topic_clustering,
            CLUSTERING_PARTITIONS,
            kafka.replication,
            {"cleanup.policy": "delete", "retention.ms": str(kafka.retention_ms)},
        ),
        TopicSpec(kafka.topic_stories, RULES_PARTITIONS, kafka.replication, {"cleanup.policy": "compact"}),
    ]


def ensure_story_topics(kafka: KafkaSettings) -> None:
    """Create the stories topics before anything writes to them (a broker that creates topics on first use
    would give the clustering topic its default partition count and the stories topic no compaction). Raises
    TopicAdminError when the clustering topic has more than one partition: stories need a single owner."""
    # kafka-python logs its whole configuration at DEBUG, a SASL password included: not from here
    library = logging.getLogger("kafka")
    level = library.level
    library.setLevel(max(logging.INFO, library.getEffectiveLevel()))
    try:
        results = ensure_topics(kafka, story_topic_specs(kafka))
    finally:
        library.setLevel(level)
    for result in results:
        if result.problems:
            raise TopicAdminError(
                f"topic {result.name}: {'; '.join(result.problems)}; stories need it with "
                f"{CLUSTERING_PARTITIONS} partition (delete it and run `wirewatch topics create`)"
            )


def admin_client(kafka: KafkaSettings, **overrides: Any) -> Any:  # kafka.admin.KafkaAdminClient
    from kafka.admin import KafkaAdminClient

    return KafkaAdminClient(**{**kafka_python_options(kafka), **overrides})


def ensure_topics(
    kafka: KafkaSettings, specs: list[TopicSpec] | None = None, *, admin: Any = None
) -> list[TopicResult]:
    """Create the missing topics and align existing ones; returns what happened to each."""
    specs = specs if specs is not None else topic_specs(kafka)
    own_admin = admin is None
    admin = admin or admin_client(kafka)
    try:
        existing = set(admin.list_topics())
        missing = [spec for spec in specs if spec.name not in existing]
        results: dict[str, TopicResult] = {}
        if missing:
            response = admin.create_topics(
                {
                    spec.name: {
                        "num_partitions": spec.partitions,
                        "replication_factor": spec.replication,
                        "configs": spec.configs,
                    }
                    for spec in missing
                },
                raise_errors=False,
            )
            for topic in response["topics"]:
                if topic["error_code"] == 0:
                    results[topic["name"]] = TopicResult(topic["name"], "created")
                elif topic["error_code"] == _TOPIC_ALREADY_EXISTS:
                    existing.add(topic["name"])  # created meanwhile by another process: align it below
                else:
                    raise TopicAdminError(
                        f"creating topic {topic['name']}: {topic['error_message'] or topic['error_code']}"
                    )
            created = [name for name, result in results.items() if result.action == "created"]
            if created:
                # "created" should mean usable: every partition has a leader.
                admin.wait_for_topics(created)
        for spec in specs:
            if spec.name not in results:
                results[spec.name] = _align(admin, spec)
        return [results[spec.name] for spec in specs]
    finally:
        if own_admin:
            admin.close()


class TopicAdminError(ServiceError):
    """The cluster refused a topic operation."""


_TOPIC_ALREADY_EXISTS = 36


def describe(admin: Any, name: str) -> tuple[int, int, dict[str, str]]:
    """(partitions, replication, topic configs) of one existing topic."""
    from kafka.admin import ConfigResource, ConfigResourceType

    [topic] = admin.describe_topics([name])
    partitions = topic["partitions"]
    replication = min((len(p["replica_nodes"]) for p in partitions), default=0)
    configs = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, name)], config_filter="all")
    values = {key: entry["value"] for key, entry in configs["topic"][name].items()}
    return len(partitions), replication, values


def _align(admin: Any, spec: TopicSpec) -> TopicResult:
    from kafka.admin import ConfigResource, ConfigResourceType

    result = TopicResult(spec.name, "unchanged")
    partitions, replication, configs = describe(admin, spec.name)
    wrong = {key: value for key, value in spec.configs.items() if configs.get(key) != value}
    if wrong:
        admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, spec.name, dict(wrong))])
        result.changes += [f"{key}: {configs.get(key)} -> {value}" for key, value in wrong.items()]
    if partitions < spec.partitions:
        admin.create_partitions({spec.name: spec.partitions})
        result.changes.append(f"partitions: {partitions} -> {spec.partitions}")
    elif partitions > spec.partitions:
        result.problems.append(
            f"has {partitions} partitions, configured {spec.partitions} (Kafka cannot remove partitions)"
        )
    if replication != spec.replication:
        result.problems.append(f"replication is {replication}, configured {spec.replication} (needs a reassignment)")
    if result.changes:
        result.action = "updated"
    return result
