"""The dashboard over Elasticsearch (distributed mode): the same ``DashboardBackend`` as SQLite.

Dispatches are read through the alias of ``wirewatch.sinks.elasticsearch.layout``, alerts from the
alerts index, feed health from the producer's ledger when it is on this host.
The client is the official *sync* one: the web layer already calls every
backend method on a worker thread (``context.blocking``, ``StoreWatcher``).

Country and entity statistics
  Entity lists are ``object`` arrays, not ``nested`` (see es_layout), so
  Elasticsearch flattens ``countries.code`` and ``countries.mentions`` into two
  unrelated value lists: an aggregation can count the dispatches that mention
  a country exactly, but cannot sum *that country's* mentions (nor pick that
  official's role). While a window holds at most ``scan_limit`` dispatches the
  figures are computed from their ``_source`` (the entity fields only), with
  exactly the SQLite backend's semantics. Above that, aggregations answer:
  dispatch counts stay exact, and so does the ranking by them (only ties of
  equal counts may fall another way); ``mentions`` becomes the sum of all
  entity mentions of the matching dispatches (exact for a dispatch naming one
  entity of the kind, an over-count otherwise) and ``detail``/``country`` the
  greatest value seen, as SQLite's ``max()`` gives.

Live changes
  Documents become visible out of timestamp order (the processor stamps
  ``tagged_at``/``at``; the sink indexes later, in batches; a refresh makes them
  searchable). So a watcher's cursor is a watermark plus the ids already seen
  in the last ``LOOKBACK_MS`` before it, and each round re-reads that lookback
  window: a document that shows up late, but within the lookback, is still
  delivered, and none is delivered twice.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from elasticsearch import Elasticsearch, NotFoundError

from wirewatch.app.dashboard.backend import Changes, SearchPage, feed_status
from wirewatch.app.dashboard.highlight import MARK_POST, MARK_PRE
from wirewatch.models import LATEST_STORIES, Alert, StoryFilter, format_time
from wirewatch.query import parse_query
from wirewatch.settings import Settings
from wirewatch.sinks.elasticsearch.client import client_options
from wirewatch.sinks.elasticsearch.layout import IndexNames
from wirewatch.sinks.elasticsearch.search import search_body
from wirewatch.sinks.elasticsearch.stories import MAX_LIMIT as MAX_STORIES
from wirewatch.sinks.elasticsearch.stories import stories_body
from wirewatch.sinks.sqlite.stats import ENTITY_KINDS, CountryBucket, EntityCount, EntityKind

log = logging.getLogger(__name__)

FEEDS_KEPT_BY_PRODUCER = "feed health is kept by the producer"
DEFAULT_SCAN_LIMIT = 20_000  # dispatches per statistics request read from _source (fields of one kind only)
SCAN_PAGE = 1_000
LOOKBACK_MS = 60_000  # how late (in its own timestamp) a document may become visible and still be streamed
CHANGES_PAGE = 200
MAX_CHANGES_PER_ROUND = 1_000  # the rest follows on the next round
HEALTH_TIMEOUT = "5s"
STORY_ALERT_HITS = 1_000  # alert documents read for one story's page (one per rule and matching dispatch)

# Which stored fields answer each entity kind: (name, detail, country).
ENTITY_FIELDS: dict[str, tuple[str, str, str]] = {
    "countries": ("name", "code", "code"),
    "officials": ("name", "role", "country"),
    "agencies": ("name", "kind", "country"),
}


class StreamMark(NamedTuple):
    """Where one stream (dispatches or alerts) stands: the newest timestamp seen, and what was seen near it."""

    watermark_ms: int
    recent: tuple[tuple[str, int], ...]  # (document id, timestamp ms), within LOOKBACK_MS of the watermark


class EsCursor(NamedTuple):
    """The watcher's cursor; opaque to it, like SQLite's (seq, rowid)."""

    dispatches: StreamMark
    alerts: StreamMark


@dataclass(frozen=True, slots=True)
class _Stream:
    index: str
    time_field: str
    tiebreak: tuple[str, ...]  # keyword fields that order documents sharing a timestamp


class ElasticsearchBackend:
    """Reads what the distributed services indexed. ``close()`` releases the HTTP connections."""

    feed_health_note: str | None = None

    def __init__(
        self, settings: Settings, *, scan_limit: int = DEFAULT_SCAN_LIMIT, client: Elasticsearch | None = None
    ) -> None:
        self.names = IndexNames.from_settings(settings.elasticsearch)
        self.client = client or Elasticsearch(**client_options(settings.elasticsearch))
        self.scan_limit = scan_limit
        self.kibana_url = settings.elasticsearch.kibana_url  # pages link to the same search in Kibana
        self.ledger_path = Path(settings.kafka.producer_store)
        self._dispatches = _Stream(self.names.dispatches_alias, "tagged_at", ("id",))
        self._alerts = _Stream(self.names.alerts, "at", ("dispatch_id", "rule.id"))

    # -- health ----------------------------------------------------------------

    def health(self) -> str:
        """The cluster's status (green/yellow/red); raises elasticsearch errors when it cannot answer.

        cluster.health rather than GET / (info, ping): some deployments (the
        integ-test distribution, restricted API keys) refuse GET /.
        """
        return str(self.client.cluster.health(timeout=HEALTH_TIMEOUT)["status"])

    # -- documents -------------------------------------------------------------

    def search(self, query: str, limit: int) -> SearchPage:
        parse_query(query)  # QuerySyntaxError (with position) exactly as the SQLite backend raises it
        body = search_body(query, limit)
        # The dashboard's private-use markers: a feed's own « » must not read as a highlight.
        body["highlight"]["pre_tags"], body["highlight"]["post_tags"] = [MARK_PRE], [MARK_POST]
        response = self.client.search(index=self.names.dispatches_alias, **body)
        hits = [
            (
                hit.get("_source", {}),
                float(hit.get("_score") or 0.0),
                {name: list(fragments) for name, fragments in hit.get("highlight", {}).items()},
            )
            for hit in response["hits"]["hits"]
        ]
        return SearchPage(hits=hits, scan_limited=False)

    def silenced(self, alert_keys: list[str]) -> dict[str, str]:
        """Distributed: which alerts a silence held back is in the notifier's ledger, not in Elasticsearch
        (`wirewatch silence list` and the notifier's metrics show it); the alert itself is indexed."""
        return {}

    def alerts(self, since: datetime | None, limit: int) -> list[Alert]:
        """The alerts that fired or grew since `since`, the latest first, as the SQLite store lists them.

        The alerts index keeps one document per (rule, dispatch); an alert grouped by story is the documents
        sharing its `key`. The keys come from an aggregation (the latest hit first), then their documents are
        merged (group_alert_hits); `hits` is the aggregation's exact count even for an alert with more
        documents than one page reads. Documents indexed before alerts had a `key` are one alert each."""
        window = [{"range": {"at": {"gte": format_time(since)}}}] if since is not None else []
        keyed = self._search(
            self.names.alerts,
            query={"bool": {"filter": window}},
            size=0,
            aggs={
                "keys": {
                    "terms": {"field": "key", "size": max(1, limit), "order": [{"latest": "desc"}, {"_key": "desc"}]},
                    "aggs": {"latest": {"max": {"field": "at"}}},
                }
            },
        )
        counts = {
            b["key"]: int(b["doc_count"]) for b in keyed.get("aggregations", {}).get("keys", {}).get("buckets", [])
        }
        alerts: list[Alert] = []
        if counts:
            hits = self._search(
                self.names.alerts,
                query={"terms": {"key": list(counts)}},
                size=ALERT_HITS_READ,
                sort=[{"at": "asc"}, {"dispatch_id": "asc"}, {"rule.id": "asc"}],
            )
            alerts = group_alert_hits([Alert.from_dict(hit["_source"]) for hit in hits["hits"]["hits"]])
            for alert in alerts:
                alert.hits = counts.get(alert.key, alert.hits)
        unkeyed = self._search(
            self.names.alerts,
            query={"bool": {"filter": window, "must_not": [{"exists": {"field": "key"}}]}},
            size=limit,
            sort=[{"at": "desc"}, {"dispatch_id": "desc"}, {"rule.id": "desc"}],
        )
        alerts += [Alert.from_dict(hit["_source"]) for hit in unkeyed["hits"]["hits"]]
        alerts.sort(key=lambda a: max(a.at, a.updated_at or a.at), reverse=True)
        return alerts[:limit]

    def dispatch(self, dispatch_id: str) -> dict[str, Any] | None:
        # An ids query, not GET: GET through an alias fails once the alias spans two
        # generations (during a reindex into <prefix>-v2), a search does not.
        response = self._search(self.names.dispatches_alias, query={"ids": {"values": [dispatch_id]}}, size=1)
        hits = response["hits"]["hits"]
        return hits[0]["_source"] if hits else None

    def dispatches_naming(self, field: str, value: str, since: float, until: float, limit: int) -> list[dict[str, Any]]:
        window = {"range": {"published": {"gte": int(since * 1000), "lt": int(until * 1000), "format": "epoch_millis"}}}
        response = self._search(
            self.names.dispatches_alias,
            query={"bool": {"filter": [window, {"term": {field: value}}]}},
            size=limit,
            sort=[{"published": "desc"}, {"id": "desc"}],
        )
        return [hit["_source"] for hit in response["hits"]["hits"]]

    def latest(self, limit: int) -> list[dict[str, Any]]:
        response = self._search(
            self.names.dispatches_alias,
            query={"match_all": {}},
            size=limit,
            sort=[{"tagged_at": "desc"}, {"id": "desc"}],
        )
        return [hit["_source"] for hit in response["hits"]["hits"]]

    def feeds(self) -> list[dict[str, Any]]:
        states = read_ledger_feed_states(self.ledger_path)
        if states is None:
            self.feed_health_note = FEEDS_KEPT_BY_PRODUCER
            return []
        self.feed_health_note = None
        fulltext = self._fulltext_by_feed()
        rows = [{**state, **fulltext.get(name, {}), "name": name} for name, state in sorted(states.items())]
        return [
            {**{k: v for k, v in row.items() if k not in ("etag", "last_modified")}, "status": feed_status(row)}
            for row in rows
        ]

    def _fulltext_by_feed(self) -> dict[str, dict[str, int]]:
        """Articles fetched per feed and how many were extracted, from the indexed dispatches: in distributed
        mode the fetcher, not the producer whose ledger holds the feed states, knows the outcomes."""
        try:
            response = self._search(
                self.names.dispatches_alias,
                query={"bool": {"filter": [{"exists": {"field": "fulltext.status"}}]}},
                size=0,
                aggs={
                    "feeds": {
                        "terms": {"field": "source", "size": 10_000},
                        "aggs": {"status": {"terms": {"field": "fulltext.status", "size": 10}}},
                    }
                },
            )
        except Exception as exc:  # the table still shows what the ledger says
            log.warning("full-text rates not available from Elasticsearch: %s", exc)
            return {}
        rates: dict[str, dict[str, int]] = {}
        for feed in response["aggregations"]["feeds"]["buckets"]:
            counts = {b["key"]: b["doc_count"] for b in feed["status"]["buckets"]}
            tried = sum(n for status, n in counts.items() if status != "pending")
            rates[feed["key"]] = {"fulltext_tried": tried, "fulltext_extracted": counts.get("extracted", 0)}
        return rates

    def counts(self) -> dict[str, int]:
        return {"dispatches": self._count(self.names.dispatches_alias), "alerts": self._alert_count()}

    def _alert_count(self) -> int:
        """Alerts, not alert documents: the distinct keys (exact up to the cardinality threshold, 40,000), plus
        the documents indexed before alerts had a key (one alert each)."""
        keyed = self._search(
            self.names.alerts,
            size=0,
            aggs={"keys": {"cardinality": {"field": "key", "precision_threshold": 40_000}}},
        )
        distinct = int(keyed.get("aggregations", {}).get("keys", {}).get("value") or 0)
        return distinct + self._count(self.names.alerts, {"bool": {"must_not": [{"exists": {"field": "key"}}]}})

    def data_range(self) -> tuple[float, float] | None:
        response = self._search(
            self.names.dispatches_alias,
            size=0,
            aggs={"oldest": {"min": {"field": "published"}}, "newest": {"max": {"field": "published"}}},
        )
        oldest, newest = response["aggregations"]["oldest"]["value"], response["aggregations"]["newest"]["value"]
        return None if oldest is None else (oldest / 1000.0, newest / 1000.0)

    # -- stories ---------------------------------------------------------------
    # The queries of wirewatch.sinks.elasticsearch.stories (the async reader behind `wirewatch stories`), over
    # this backend's sync client.

    def stories(self, wanted: StoryFilter = LATEST_STORIES) -> list[dict[str, Any]]:
        body = stories_body(wanted)
        body.pop("track_total_hits", None)  # _search sets it
        response = self._search(self.names.stories, **body)
        return [hit["_source"] for hit in response["hits"]["hits"]]

    def story(self, story_id: str) -> dict[str, Any] | None:
        try:
            response = self.client.get(index=self.names.stories, id=story_id)
        except NotFoundError:  # no such story, or no stories index yet
            return None
        return dict(response["_source"])

    def story_dispatches(self, story_id: str, limit: int) -> list[dict[str, Any]]:
        response = self._search(
            self.names.dispatches_alias,
            query={"term": {"story.id": story_id}},
            size=max(0, min(limit, MAX_STORIES)),
            sort=[{"published": "desc"}, {"id": "asc"}],
        )
        return [hit["_source"] for hit in response["hits"]["hits"]]

    def story_alerts(self, story_id: str, since: datetime | None, limit: int) -> list[Alert]:
        filters: list[dict[str, Any]] = [{"term": {"story_id": story_id}}]
        if since is not None:
            filters.append({"range": {"at": {"gte": format_time(since)}}})
        response = self._search(
            self.names.alerts,
            query={"bool": {"filter": filters}},
            size=STORY_ALERT_HITS,
            sort=[{"at": "asc"}, {"dispatch_id": "asc"}, {"rule.id": "asc"}],
        )
        return group_alert_hits([Alert.from_dict(hit["_source"]) for hit in response["hits"]["hits"]])[:limit]

    # -- statistics ------------------------------------------------------------

    def mentions_per_country(
        self, since: float, until: float, bucket_seconds: int, top: int, country: str | None = None
    ) -> list[CountryBucket]:
        if bucket_seconds <= 0:
            raise ValueError("bucket_seconds must be positive")
        window = _window(since, until, "countries.code", country)
        if self._count(self.names.dispatches_alias, window) <= self.scan_limit:
            rows = list(self._scan(window, "countries"))
            return country_buckets(rows, bucket_seconds, top)
        return self._country_buckets_aggregated(window, bucket_seconds, top)

    def top_entities(
        self, kind: EntityKind, since: float, until: float, limit: int, country: str | None = None
    ) -> list[EntityCount]:
        if kind not in ENTITY_KINDS:
            raise ValueError(f"unknown entity kind {kind!r}")
        window = _window(since, until, f"{kind}.name", country)
        if self._count(self.names.dispatches_alias, window) <= self.scan_limit:
            return entity_counts(list(self._scan(window, kind)), kind, limit)
        return self._entity_counts_aggregated(window, kind, limit)

    def _country_buckets_aggregated(self, window: dict[str, Any], bucket_seconds: int, top: int) -> list[CountryBucket]:
        mentions = {"mentions": {"sum": {"field": "countries.mentions", "missing": 1}}}
        leaders_agg = {
            "terms": {
                "field": "countries.code",
                "size": top,
                "order": [{"_count": "desc"}, {"mentions": "desc"}, {"_key": "asc"}],
            },
            "aggs": mentions,
        }
        response = self._search(self.names.dispatches_alias, query=window, size=0, aggs={"leaders": leaders_agg})
        leaders = [b["key"] for b in response["aggregations"]["leaders"]["buckets"]]
        if not leaders:
            return []
        names = self._country_names(leaders)
        series = {
            "date_histogram": {"field": "published", "fixed_interval": f"{bucket_seconds}s", "min_doc_count": 1},
            "aggs": {
                "country": {
                    "terms": {"field": "countries.code", "include": leaders, "size": len(leaders)},
                    "aggs": mentions,
                }
            },
        }
        response = self._search(self.names.dispatches_alias, query=window, size=0, aggs={"series": series})
        out = []
        for bucket in response["aggregations"]["series"]["buckets"]:
            for country in bucket["country"]["buckets"]:
                out.append(
                    CountryBucket(
                        bucket["key"] / 1000.0,
                        country["key"],
                        names.get(country["key"], country["key"]),
                        int(country["doc_count"]),
                        int(country["mentions"]["value"]),
                    )
                )
        return sorted(out, key=lambda b: (b.bucket_start, b.code))

    def _country_names(self, codes: list[str]) -> dict[str, str]:
        """code -> name from one dispatch mentioning each code (names are flattened alongside codes)."""
        aggs = {
            "codes": {
                "terms": {"field": "countries.code", "include": codes, "size": len(codes)},
                "aggs": {"one": {"top_hits": {"size": 1, "_source": ["countries"]}}},
            }
        }
        response = self._search(self.names.dispatches_alias, size=0, aggs=aggs)
        names = {}
        for bucket in response["aggregations"]["codes"]["buckets"]:
            for hit in bucket["one"]["hits"]["hits"]:
                for country in hit["_source"].get("countries") or []:
                    if country.get("code") == bucket["key"] and country.get("name"):
                        names[bucket["key"]] = country["name"]
        return names

    def _entity_counts_aggregated(self, window: dict[str, Any], kind: EntityKind, limit: int) -> list[EntityCount]:
        name_field, detail_field, country_field = (f"{kind}.{f}" for f in ENTITY_FIELDS[kind])
        greatest = {"size": 1, "order": {"_key": "desc"}}
        aggs = {
            "entities": {
                "terms": {
                    "field": name_field,
                    "size": limit,
                    "order": [{"_count": "desc"}, {"mentions": "desc"}, {"_key": "asc"}],
                },
                "aggs": {
                    "mentions": {"sum": {"field": f"{kind}.mentions", "missing": 1}},
                    "detail": {"terms": {"field": detail_field, **greatest}},
                    "country": {"terms": {"field": country_field, **greatest}},
                },
            }
        }
        response = self._search(self.names.dispatches_alias, query=window, size=0, aggs=aggs)

        def first_key(agg: dict[str, Any]) -> str | None:
            return agg["buckets"][0]["key"] if agg["buckets"] else None

        return [
            EntityCount(
                b["key"],
                first_key(b["detail"]),
                first_key(b["country"]),
                int(b["doc_count"]),
                int(b["mentions"]["value"]),
            )
            for b in response["aggregations"]["entities"]["buckets"]
        ]

    def _scan(self, window: dict[str, Any], kind: str) -> Iterator[tuple[float, list[dict[str, Any]]]]:
        """(published seconds, entity list) of every dispatch in the window, at most scan_limit of them."""
        after: list[Any] | None = None
        seen = 0
        while seen < self.scan_limit:
            extra = {"search_after": after} if after is not None else {}
            response = self._search(
                self.names.dispatches_alias,
                query=window,
                size=min(SCAN_PAGE, self.scan_limit - seen),
                sort=[{"published": "asc"}, {"id": "asc"}],
                source=[kind],
                **extra,
            )
            hits = response["hits"]["hits"]
            for hit in hits:
                yield hit["sort"][0] / 1000.0, hit["_source"].get(kind) or []
            seen += len(hits)
            if len(hits) < SCAN_PAGE:
                return
            after = hits[-1]["sort"]

    # -- live changes ----------------------------------------------------------

    def changes(self, cursor: tuple[Any, Any] | None) -> Changes:
        if cursor is None:
            start = EsCursor(self._start_mark(self._dispatches), self._start_mark(self._alerts))
            return Changes([], [], start)
        marks = EsCursor(*cursor)
        docs, dispatch_mark = self._advance(self._dispatches, marks.dispatches)
        alerts, alert_mark = self._advance(self._alerts, marks.alerts)
        return Changes(
            dispatches=docs, alerts=[Alert.from_dict(a) for a in alerts], cursor=EsCursor(dispatch_mark, alert_mark)
        )

    def _start_mark(self, stream: _Stream) -> StreamMark:
        response = self._search(stream.index, size=0, aggs={"newest": {"max": {"field": stream.time_field}}})
        newest = response["aggregations"]["newest"]["value"]
        mark = StreamMark(int(newest) if newest is not None else int(time.time() * 1000), ())
        _, mark = self._advance(stream, mark)  # what is already there counts as seen
        return mark

    def _advance(self, stream: _Stream, mark: StreamMark) -> tuple[list[dict[str, Any]], StreamMark]:
        seen = dict(mark.recent)
        fresh: list[dict[str, Any]] = []
        watermark = mark.watermark_ms
        query = {"range": {stream.time_field: {"gte": mark.watermark_ms - LOOKBACK_MS, "format": "epoch_millis"}}}
        sort = [{stream.time_field: "asc"}] + [{field: "asc"} for field in stream.tiebreak]
        after: list[Any] | None = None
        while len(fresh) < MAX_CHANGES_PER_ROUND:
            extra = {"search_after": after} if after is not None else {}
            hits = self._search(stream.index, query=query, size=CHANGES_PAGE, sort=sort, **extra)["hits"]["hits"]
            for hit in hits:
                ts = int(hit["sort"][0])
                if hit["_id"] not in seen:
                    seen[hit["_id"]] = ts
                    fresh.append(hit["_source"])
                watermark = max(watermark, ts)
            if len(hits) < CHANGES_PAGE:
                break
            after = hits[-1]["sort"]
        recent = tuple(sorted((i, ts) for i, ts in seen.items() if ts >= watermark - LOOKBACK_MS))
        return fresh, StreamMark(watermark, recent)

    # -- plumbing ----------------------------------------------------------------

    def _search(self, index: str, **body: Any) -> dict[str, Any]:
        try:
            # the folded copies of title and text are for searching (sinks/elasticsearch/folded.py), not for pages
            return self.client.search(index=index, track_total_hits=False, source_excludes=["search"], **body).body
        except NotFoundError:
            # Not set up yet (`wirewatch es setup` has not run): an empty store, not a broken page.
            return {"hits": {"hits": []}, "aggregations": _empty_aggregations(body.get("aggs", {}))}

    def _count(self, index: str, query: dict[str, Any] | None = None) -> int:
        try:
            return int(self.client.count(index=index, query=query or {"match_all": {}})["count"])
        except NotFoundError:
            return 0

    def close(self) -> None:
        self.client.close()


ALERT_HITS_READ = 2000  # alert documents merged for one listing; counts come from the aggregation


def group_alert_hits(hits: list[Alert]) -> list[Alert]:
    """Alert documents sharing a key as one alert, the latest (by when it fired or last grew) first.

    The alerts index keeps one document per rule and matching dispatch; the hits of an alert grouped by story
    share its ``key``. They add up as the SQLite store grows a stored alert (``SQLiteStore.record_alerts``): the
    first hit is the alert, each later one adds its dispatches and sources and becomes ``latest``.
    """
    grouped: dict[str, Alert] = {}
    for hit in sorted(hits, key=lambda a: a.at):
        alert = grouped.get(hit.key)
        if alert is None:
            grouped[hit.key] = replace(
                hit, sources=list(hit.sources), countries=list(hit.countries), officials=list(hit.officials)
            )
            continue
        alert.hits += hit.hits
        for source in hit.sources or [hit.source]:
            if source and source not in (alert.sources or [alert.source]):
                alert.sources = [*(alert.sources or [alert.source]), source]
        alert.latest = (
            dict(hit.latest)
            if hit.latest
            else {
                "dispatch_id": hit.dispatch_id,
                "title": hit.title,
                "url": hit.url,
                "source": hit.source,
                "at": format_time(hit.at),
            }
        )
        alert.updated_at = hit.updated_at or hit.at
        alert.countries = list(dict.fromkeys([*alert.countries, *hit.countries]))
        alert.officials = list(dict.fromkeys([*alert.officials, *hit.officials]))
    return sorted(grouped.values(), key=lambda a: max(a.at, a.updated_at or a.at), reverse=True)


def _window(since: float, until: float, must_exist: str, country: str | None = None) -> dict[str, Any]:
    """Dispatches published in [since, until) that name at least one entity of the kind (epoch seconds), and
    mention `country` when it is given."""
    filters: list[dict[str, Any]] = [
        {"range": {"published": {"gte": int(since * 1000), "lt": int(until * 1000), "format": "epoch_millis"}}},
        {"exists": {"field": must_exist}},
    ]
    if country is not None:
        filters.append({"term": {"countries.code": country}})
    return {"bool": {"filter": filters}}


def _empty_aggregations(aggs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, spec in aggs.items():
        out[name] = {"value": None} if ("min" in spec or "max" in spec) else {"buckets": []}
    return out


def read_ledger_feed_states(path: Path) -> dict[str, dict[str, Any]] | None:
    """The feed states the producer keeps in its ledger, or None when the ledger is not on this host.

    Opened read-only (never ``SQLiteStore``, whose constructor migrates): the
    ledger is the producer's, and the dashboard must not write it.
    """
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    except sqlite3.Error as exc:
        log.warning("cannot open the producer ledger %s: %s", path, exc)
        return None
    try:
        rows = conn.execute("SELECT name, state FROM feed_state").fetchall()
    except sqlite3.Error as exc:  # not a ledger (yet): no feed_state table
        log.warning("cannot read feed states from %s: %s", path, exc)
        return None
    finally:
        conn.close()
    return {name: json.loads(state) for name, state in rows}


# -- the SQLite backend's statistics, over _source rows (see wirewatch.sinks.sqlite.stats) -----------


def country_buckets(
    rows: list[tuple[float, list[dict[str, Any]]]], bucket_seconds: int, top: int
) -> list[CountryBucket]:
    """Same result as ``sqlite_stats.mentions_per_country`` over the same dispatches."""
    per_entry = [(ts, c.get("code"), c.get("name"), _mentions(c)) for ts, countries in rows for c in countries]
    totals: dict[Any, list[int]] = defaultdict(lambda: [0, 0])
    for _, code, _, mentions in per_entry:
        totals[code][0] += 1
        totals[code][1] += mentions
    leaders = sorted(totals, key=lambda code: (-totals[code][0], -totals[code][1], _sql_order(code)))[:top]
    chosen = {code for code in leaders if code is not None}  # NULL IN (...) is never true in SQL
    grouped: dict[tuple[float, Any], list[Any]] = {}
    for ts, code, name, mentions in per_entry:
        if code not in chosen:
            continue
        bucket = float(int(ts / bucket_seconds) * bucket_seconds)  # CAST(... AS INTEGER) truncates
        entry = grouped.setdefault((bucket, code), [None, 0, 0])
        entry[0] = _sql_max(entry[0], name)
        entry[1] += 1
        entry[2] += mentions
    return [CountryBucket(bucket, code, name or code, n, m) for (bucket, code), (name, n, m) in sorted(grouped.items())]


def entity_counts(rows: list[tuple[float, list[dict[str, Any]]]], kind: str, limit: int) -> list[EntityCount]:
    """Same result as ``sqlite_stats.top_entities`` over the same dispatches."""
    name_key, detail_key, country_key = ENTITY_FIELDS[kind]
    grouped: dict[str, dict[str, Any]] = {}
    for doc_index, (_, entities) in enumerate(rows):
        for entity in entities:
            name = entity.get(name_key)
            if name is None:
                continue
            entry = grouped.setdefault(name, {"detail": None, "country": None, "docs": set(), "mentions": 0})
            entry["detail"] = _sql_max(entry["detail"], entity.get(detail_key))
            entry["country"] = _sql_max(entry["country"], entity.get(country_key))
            entry["docs"].add(doc_index)
            entry["mentions"] += _mentions(entity)
    ordered = sorted(grouped.items(), key=lambda item: (-len(item[1]["docs"]), -item[1]["mentions"], item[0]))
    return [EntityCount(name, e["detail"], e["country"], len(e["docs"]), e["mentions"]) for name, e in ordered[:limit]]


def _mentions(entity: dict[str, Any]) -> int:
    value = entity.get("mentions")
    return 1 if value is None else int(value)  # coalesce(mentions, 1)


def _sql_max(current: Any, value: Any) -> Any:
    """SQLite's max() aggregate: ignores NULL."""
    if value is None:
        return current
    return value if current is None or value > current else current


def _sql_order(value: Any) -> tuple[int, str]:
    return (0, "") if value is None else (1, str(value))  # NULL sorts first in SQLite


__all__ = [
    "FEEDS_KEPT_BY_PRODUCER",
    "ElasticsearchBackend",
    "EsCursor",
    "StreamMark",
    "group_alert_hits",
    "read_ledger_feed_states",
]
