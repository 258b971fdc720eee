"""Typed settings for each component. `wirewatch.config` fills them from TOML.

Each component takes exactly its own section, so it can be built and tested
without the rest of the configuration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirewatch.models import Rule


@dataclass(slots=True)
class FeedConfig:
    name: str
    url: str  # http(s) URL for kind "http"; a path (or file:// URL) for kind "file"
    kind: str = "http"  # "http" | "file"
    interval: float = 300.0  # seconds between polls when healthy
    language: str | None = None
    country: str | None = None  # ISO alpha-2 hint: the country the feed covers
    enabled: bool = True
    # Fetch the article behind each item: "auto" when the item's text is short (a teaser),
    # "always", or "never" (see [fulltext] for the limits).
    fulltext: str = "auto"
    tags: list[str] = field(default_factory=list)  # the feed's categories (an OPML folder): `feed.tags:africa`


@dataclass(slots=True)
class PollerSettings:
    user_agent: str = "wirewatch/0.1 (+https://github.com/wirewatch/wirewatch)"
    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # total time allowed for one response body
    max_body_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    per_host_concurrency: int = 2
    per_host_delay: float = 1.0  # politeness: minimum seconds between requests to one host
    total_concurrency: int = 50
    backoff_base: float = 60.0  # first retry delay after a failure
    backoff_max: float = 6 * 3600.0  # cap: a failing feed is retried at least this often
    max_items_per_feed: int = 500
    # SSRF guard: refuse feeds whose host resolves to a private, loopback, link-local or
    # multicast address (checked on every redirect hop); allow_hosts exempts named hosts.
    refuse_private_addresses: bool = False
    allow_hosts: list[str] = field(default_factory=list)


FULLTEXT_MODES = ("auto", "always", "never")


@dataclass(slots=True)
class FullTextSettings:
    """Fetching and extracting the article behind a feed item (`fulltext` per feed says when)."""

    min_chars: int = 600  # "auto": fetch when the feed's text is shorter than this
    workers: int = 8  # embedded: article fetches in flight at once (the distributed fetcher: per process)
    max_page_bytes: int = 5 * 1024 * 1024
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_redirects: int = 5
    per_host_concurrency: int = 2
    per_host_delay: float = 1.0  # politeness: minimum seconds between requests to one site
    robots_txt: bool = True  # honour robots.txt (cached per host for robots_ttl seconds)
    robots_ttl: float = 24 * 3600.0
    # An article link (or a redirect) to a loopback, private or link-local address is refused unless the
    # feed itself is on such an address, its host is in allow_hosts, or allow_private is set.
    allow_private: bool = False
    allow_hosts: list[str] = field(default_factory=list)
    cache_entries: int = 2048  # pages remembered for conditional GET (the same link in several feeds)


@dataclass(slots=True)
class StoreSettings:
    path: Path = Path("wirewatch.db")


@dataclass(slots=True)
class WebhookSettings:
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    timeout: float = 10.0
    # A JSON body of the user's shape: strings with {placeholders} filled from the alert (sinks/alerts/template.py);
    # None posts the alert as wirewatch writes it (Alert.to_dict).
    template: Any = None


@dataclass(slots=True)
class ChatSettings:
    """A Slack incoming webhook or a Microsoft Teams Workflows webhook: the URL is the secret (env:/file:)."""

    url: str
    timeout: float = 10.0


EMAIL_SECURITY = ("starttls", "tls", "none")


@dataclass(slots=True)
class EmailSettings:
    host: str
    sender: str
    to: list[str]
    port: int = 587
    security: str = "starttls"  # "tls": implicit TLS (usually port 465); "none": plain, loopback relays only
    username: str | None = None  # with password, from env:NAME or file:/path
    password: str | None = None
    ca_file: Path | None = None  # a private CA to trust instead of the system's
    timeout: float = 20.0


@dataclass(slots=True)
class DeliverySettings:
    jsonl_path: Path | None = None
    webhooks: dict[str, WebhookSettings] = field(default_factory=dict)  # channel name -> webhook
    slack: dict[str, ChatSettings] = field(default_factory=dict)  # channel name -> Slack incoming webhook
    teams: dict[str, ChatSettings] = field(default_factory=dict)  # channel name -> Teams Workflows webhook
    email: dict[str, EmailSettings] = field(default_factory=dict)  # channel name -> SMTP relay and recipients
    public_url: str | None = None  # copied from [server].public_url: where alerts link to
    retry_base: float = 5.0
    retry_max: float = 3600.0


@dataclass(slots=True)
class PipelineSettings:
    queue_size: int = 1000  # bounded queues between stages: back-pressure, bounded memory
    # Most dispatches processed (and committed) together when a backlog waits: 128 takes ~4 % less CPU per
    # dispatch than 64 (fewer commits and FTS5 segments); 256 saves ~6 % but doubled the p99 at 700/s.
    tag_batch: int = 128
    steps: list[str] = field(default_factory=list)  # processing steps after tagging, by registered name, in order


@dataclass(slots=True)
class StoriesSettings:
    """Stories (docs/stories.md): near-duplicates and same-event dispatches grouped, breaking news."""

    enabled: bool = True
    dup_threshold: float = 0.5  # MinHash Jaccard of the bodies' 4-word shingles: a copy at or above
    event_threshold: float = 0.1  # share of a dispatch's weighted features an open story must have, right after
    event_threshold_at_gap: float = 0.3  # ... and at the end of the gap
    cross_language_threshold: float = 0.25
    gap_hours: float = 96.0  # a dispatch this long after the story's last one may still join it
    horizon_days: float = 7.0  # a story quiet this long closes; dispatches older than this leave the index
    dup_window_hours: float = 48.0  # how long a dispatch can be matched as a copy (its fingerprint is kept)
    breaking_sources: int = 5  # breaking: this many distinct sources ...
    breaking_minutes: float = 60.0  # ... first carrying the story within this many minutes
    record_seconds: float = 2.0  # a growing story's stored record is rewritten at most this often


@dataclass(slots=True)
class ServerSettings:
    bind: str = "127.0.0.1"
    port: int = 8787
    token: str | None = None  # required (16+ characters) when bind is not a loopback address
    dashboard: bool = True  # serve the dashboard as part of `wirewatch run`
    public_url: str | None = None  # the dashboard as users reach it (alerts link to it), e.g. https://ww.example.org


@dataclass(slots=True)
class TaggerSettings:
    kb_dir: Path | None = None  # None: the knowledge base bundled with the package
    watch_words: list[str] = field(default_factory=lambda: ["coup"])
    # Officials imported from open data (`wirewatch kb import`), merged over the knowledge base at load.
    kb_updates: Path = Path("kb-updates.json")
    # The learned layer: officials and agencies found by their role in the text, remembered (docs/learning.md).
    learning: bool = True
    learn_min_dispatches: int = 3  # distinct dispatches naming it before a learned name is used alone ...
    learn_min_sources: int = 2  # ... from at least this many distinct sources (feeds)
    learn_max_entries: int = 100_000  # bound on remembered entries: the least attested are forgotten first


@dataclass(slots=True)
class KafkaSettings:
    """Every Kafka client (kafka-python producer, faust/aiokafka workers, admin) reads this one section."""

    bootstrap_servers: list[str] = field(default_factory=lambda: ["127.0.0.1:9092"])
    client_id: str = "wirewatch"
    security_protocol: str = "PLAINTEXT"  # PLAINTEXT | SSL | SASL_PLAINTEXT | SASL_SSL
    sasl_mechanism: str | None = None  # PLAIN | SCRAM-SHA-256 | SCRAM-SHA-512
    sasl_username: str | None = None
    sasl_password: str | None = None  # use env:NAME or file:/path, never the secret itself
    ssl_cafile: Path | None = None
    ssl_certfile: Path | None = None
    ssl_keyfile: Path | None = None
    topic_raw: str = "dispatches.raw"
    topic_fetch: str = "dispatches.fetch"  # dispatches whose article is to be fetched: producer -> fetcher -> raw
    topic_tagged: str = "dispatches.tagged"
    # stories on: the processors' tagged dispatches on their way to `wirewatch clusterer` (one partition)
    topic_clustering: str = "dispatches.clustering"
    topic_stories: str = "stories"  # compacted: each story's latest record, for the sink and a clusterer's restart
    topic_alerts: str = "alerts"
    topic_dead: str = "dispatches.dead"
    topic_rules: str = "rules"
    topic_learned: str = "learned"  # compacted: the tagger's learned layer, read in full by every worker
    topic_feeds: str = "feeds"  # compacted: feeds managed at runtime (`wirewatch feeds ... --kafka`), for producers
    topic_silences: str = "silences"  # compacted: alert silences (`wirewatch silence ... --kafka`), for the notifier
    partitions: int = 6
    replication: int = 1
    retention_ms: int = 7 * 24 * 3600 * 1000
    processor_group: str = "wirewatch-processor"  # faust app id = consumer group of the processors
    sink_group: str = "wirewatch-sink"
    fetcher_group: str = "wirewatch-fetcher"
    clusterer_group: str = "wirewatch-clusterer"
    notifier_group: str = "wirewatch-notifier"
    notifier_store: Path = Path("wirewatch-notifier.db")  # alert-once ledger and delivery retries of `wirewatch notify`
    linger_ms: int = 20
    # Producer batch size per partition, uncompressed bytes (Kafka's `batch.size`; the clients'
    # default 16 KiB holds only two or three tagged documents, so every few records were a request).
    batch_bytes: int = 256 * 1024
    compression: str = "gzip"
    producer_store: Path = Path("wirewatch-producer.db")  # the producer's dedup ledger / outbox


@dataclass(slots=True)
class ElasticsearchSettings:
    hosts: list[str] = field(default_factory=lambda: ["http://127.0.0.1:9200"])
    api_key: str | None = None  # env:NAME or file:/path
    username: str | None = None
    password: str | None = None  # env:NAME or file:/path
    ca_certs: Path | None = None
    verify_certs: bool = True
    request_timeout: float = 30.0
    index_prefix: str = "wirewatch-dispatches"
    alerts_index: str = "wirewatch-alerts"
    stories_index: str = "wirewatch-stories"
    chunk_size: int = 500
    flush_interval: float = 1.0
    enabled: bool = False  # true: `wirewatch search` and the dashboard read Elasticsearch
    kibana_url: str | None = None  # e.g. http://127.0.0.1:5601: the dashboard's pages link to the same search there


@dataclass(slots=True)
class Settings:
    feeds: list[FeedConfig] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    poller: PollerSettings = field(default_factory=PollerSettings)
    fulltext: FullTextSettings = field(default_factory=FullTextSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    delivery: DeliverySettings = field(default_factory=DeliverySettings)
    pipeline: PipelineSettings = field(default_factory=PipelineSettings)
    stories: StoriesSettings = field(default_factory=StoriesSettings)
    server: ServerSettings = field(default_factory=ServerSettings)
    tagger: TaggerSettings = field(default_factory=TaggerSettings)
    kafka: KafkaSettings = field(default_factory=KafkaSettings)
    elasticsearch: ElasticsearchSettings = field(default_factory=ElasticsearchSettings)
    source_path: Path | None = None
