"""The contracts every stage shares: Dispatch, TaggedDispatch, Alert.

Plain dataclasses with explicit JSON round-trips. The JSON form of a
TaggedDispatch (``to_doc``) is the one document shape used everywhere: the
Kafka wire format, the Elasticsearch ``_source``, the SQLite row payload, and
the input of the rule matcher. Keeping one shape is what lets the in-stream
matcher agree with Elasticsearch's ``query_string``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from wirewatch.errors import InputError

AgencyKind = Literal["news_agency", "government", "military", "international"]
CoupUse = Literal["current", "figurative", "historical"]


class ModelError(InputError):
    """A message or document that does not fit the contract."""


def utcnow() -> datetime:
    return datetime.now(UTC)


def to_utc(value: datetime) -> datetime:
    """Naive datetimes are taken as UTC; aware ones are converted."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def format_time(value: datetime) -> str:
    return to_utc(value).isoformat().replace("+00:00", "Z")


def parse_time(value: str | datetime) -> datetime:
    if isinstance(value, datetime):
        return to_utc(value)
    try:
        return to_utc(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except (AttributeError, ValueError) as exc:
        raise ModelError(f"not an ISO 8601 time: {value!r}") from exc


def dispatch_id(key: str) -> str:
    """Stable dispatch id from a feed guid or a canonical URL (or any stable key)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


FullTextStatus = Literal["pending", "extracted", "failed", "refused", "paywall", "short"]
FULLTEXT_STATUSES: tuple[str, ...] = ("pending", "extracted", "failed", "refused", "paywall", "short")


@dataclass(slots=True)
class FullText:
    """What became of fetching the article behind a feed item (issue 15's full text).

    `pending`: the feed's text is a teaser and the page is still to be fetched; `extracted`: `text` is
    now the article's body and the feed's text is kept as the dispatch's `teaser`; the others keep the
    teaser as the text and say why in `reason`: `failed` (HTTP error, timeout, unreadable page),
    `refused` (robots.txt, or an address the fetcher may not visit), `paywall`, and `short` (the page
    gave less text than the teaser: a cookie wall, a video page).
    """

    status: FullTextStatus
    reason: str | None = None
    url: str | None = None  # the page read, after redirects
    language: str | None = None  # as the page declares it
    # Set by the poller, never by pushed input: the feed itself is on a loopback or private address,
    # so its article links may be too (the address guard stays on for every other feed).
    private_ok: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "reason": self.reason,
            "url": self.url,
            "language": self.language,
            "private_ok": self.private_ok,
        }

    @classmethod
    def from_dict(cls, data: Any) -> FullText | None:
        if data is None:
            return None
        if not isinstance(data, dict) or data.get("status") not in FULLTEXT_STATUSES:
            raise ModelError(f"dispatch field 'fulltext' must be an object with a status, got {data!r}")
        return cls(
            status=data["status"],
            reason=data.get("reason"),
            url=data.get("url"),
            language=data.get("language"),
            private_ok=bool(data.get("private_ok", False)),
        )


@dataclass(slots=True)
class Dispatch:
    id: str
    source: str
    title: str
    text: str
    published: datetime
    fetched: datetime
    url: str | None = None
    language: str | None = None
    # True when the feed gave no date and `published` is the fetch time.
    published_estimated: bool = False
    # Optional hints from the feed's config (country the feed covers, ...).
    hints: dict[str, str] = field(default_factory=dict)
    # Full text: once the article's body is `text`, the feed's own text is kept here.
    teaser: str | None = None
    author: str | None = None
    fulltext: FullText | None = None
    feed_tags: list[str] = field(default_factory=list)  # the categories of the feed it came from

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "text": self.text,
            "published": format_time(self.published),
            "fetched": format_time(self.fetched),
            "language": self.language,
            "published_estimated": self.published_estimated,
            "hints": dict(self.hints),
            "teaser": self.teaser,
            "author": self.author,
            "fulltext": self.fulltext.to_dict() if self.fulltext is not None else None,
            "feed": {"tags": list(self.feed_tags)},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Dispatch:
        if not isinstance(data, dict):
            raise ModelError("a dispatch must be a JSON object")
        missing = [k for k in ("id", "source", "title", "text", "published", "fetched") if k not in data]
        if missing:
            raise ModelError(f"dispatch is missing {', '.join(missing)}")
        for key in ("id", "source", "title", "text"):
            if not isinstance(data[key], str):
                raise ModelError(f"dispatch field {key!r} must be a string")
        return cls(
            id=data["id"],
            source=data["source"],
            url=data.get("url"),
            title=data["title"],
            text=data["text"],
            published=parse_time(data["published"]),
            fetched=parse_time(data["fetched"]),
            language=data.get("language"),
            published_estimated=bool(data.get("published_estimated", False)),
            hints=dict(data.get("hints") or {}),
            teaser=data.get("teaser"),
            author=data.get("author"),
            fulltext=FullText.from_dict(data.get("fulltext")),
            feed_tags=_feed_tags(data.get("feed")),
        )


def _feed_tags(feed: Any) -> list[str]:
    tags = feed.get("tags") if isinstance(feed, dict) else None
    return [tag for tag in tags if isinstance(tag, str)] if isinstance(tags, list) else []


@dataclass(slots=True)
class CountryMention:
    code: str  # ISO 3166-1 alpha-2 (plus XK for Kosovo)
    name: str
    mentions: int
    first_offset: int


@dataclass(slots=True)
class OfficialMention:
    name: str
    role: str | None
    country: str | None
    mentions: int
    known: bool  # True when the official is in the knowledge base
    # Who says this is an official: "kb" (the knowledge base), "learned" (the learned layer), "text" (only
    # this dispatch's wording). `role_source` says the same of the role; the role is valid from `role_from`
    # to `role_to` (ISO dates; None: open or unknown). A role read in the text is valid on the dispatch's day.
    source: str = "kb"
    role_source: str | None = None
    role_from: str | None = None
    role_to: str | None = None
    # A name written in another script (Cyrillic, Arabic) is reported as written in `name`, and in Latin
    # letters here, so a Latin-script search or rule finds it too.
    name_latin: str | None = None


@dataclass(slots=True)
class AgencyMention:
    name: str
    kind: AgencyKind
    country: str | None
    mentions: int
    # "kb", "learned", or "text": a body named by the text's own words ("Nepal Electricity Authority")
    source: str = "kb"
    # the body as a text in another language names it ("Fiscalía", "ministère des Armées"), when `name` is
    # its English or canonical name
    written: str | None = None


@dataclass(slots=True)
class Event:
    type: str  # "coup"
    use: CoupUse
    confidence: float
    evidence: str  # the sentence (or window) the decision was made on
    offset: int


@dataclass(slots=True)
class Tags:
    countries: list[CountryMention] = field(default_factory=list)
    officials: list[OfficialMention] = field(default_factory=list)
    agencies: list[AgencyMention] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # The language the dispatch is written in (ISO 639-1), as the tagger judged it from the text with the feed's
    # declaration as a prior, and how sure it was (0..1). None: nothing to judge (no letters).
    language: str | None = None
    language_confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        # Spelled out: dataclasses.asdict deep-copies recursively and was ~25x slower on the hot path.
        return {
            "countries": [
                {"code": c.code, "name": c.name, "mentions": c.mentions, "first_offset": c.first_offset}
                for c in self.countries
            ],
            "officials": [
                {
                    "name": o.name,
                    "role": o.role,
                    "country": o.country,
                    "mentions": o.mentions,
                    "known": o.known,
                    "source": o.source,
                    "role_source": o.role_source,
                    "role_from": o.role_from,
                    "role_to": o.role_to,
                    "name_latin": o.name_latin,
                }
                for o in self.officials
            ],
            "agencies": [
                {
                    "name": a.name,
                    "kind": a.kind,
                    "country": a.country,
                    "mentions": a.mentions,
                    "source": a.source,
                    "written": a.written,
                }
                for a in self.agencies
            ],
            "keywords": list(self.keywords),
            "events": [
                {"type": e.type, "use": e.use, "confidence": e.confidence, "evidence": e.evidence, "offset": e.offset}
                for e in self.events
            ],
            "language": self.language,
            "language_confidence": self.language_confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Tags:
        return cls(
            countries=[CountryMention(**c) for c in data.get("countries", [])],
            officials=[OfficialMention(**o) for o in data.get("officials", [])],
            agencies=[AgencyMention(**a) for a in data.get("agencies", [])],
            keywords=list(data.get("keywords", [])),
            events=[Event(**e) for e in data.get("events", [])],
            # a document's `language` without a confidence is the feed's declaration, not a judgement
            language=data.get("language") if data.get("language_confidence") is not None else None,
            language_confidence=data.get("language_confidence"),
        )


@dataclass(slots=True)
class StoryRef:
    """The story a dispatch joined, as it stood at that moment (the store keeps the story's latest state).

    `how`: "new" (the dispatch opened it), "duplicate" (a copy of one of its dispatches) or "event" (another
    report of the same event). `breaking_at` is set once the story reached the breaking bar, at or before this
    dispatch."""

    id: str
    how: str
    dispatches: int
    sources: int
    languages: list[str]
    first_seen: datetime
    breaking_at: datetime | None = None

    @property
    def breaking(self) -> bool:
        return self.breaking_at is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "how": self.how,
            "dispatches": self.dispatches,
            "sources": self.sources,
            "languages": list(self.languages),
            "first_seen": format_time(self.first_seen),
            "breaking": self.breaking_at is not None,
            "breaking_at": format_time(self.breaking_at) if self.breaking_at is not None else None,
        }

    @classmethod
    def from_dict(cls, data: Any) -> StoryRef | None:
        if data is None:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            raise ModelError(f"dispatch field 'story' must be an object with an id, got {data!r}")
        return cls(
            id=data["id"],
            how=str(data.get("how") or "new"),
            dispatches=int(data.get("dispatches") or 1),
            sources=int(data.get("sources") or 1),
            languages=[str(lang) for lang in data.get("languages") or ()],
            first_seen=parse_time(data["first_seen"]),
            breaking_at=parse_time(data["breaking_at"]) if data.get("breaking_at") else None,
        )


STORY_ORDERS = ("last_update", "sources")


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """Which stories a listing wants, whoever answers it (SQLite, Elasticsearch, the API, the CLI): updated
    since `since`, at most `limit`, only breaking ones, with at least `min_sources` sources; the latest update
    first, or (order="sources") the most sources first."""

    since: datetime | None = None
    limit: int = 50
    breaking: bool = False
    min_sources: int = 0
    order: str = "last_update"

    def __post_init__(self) -> None:
        if self.order not in STORY_ORDERS:
            raise ModelError(f"story order must be one of {', '.join(STORY_ORDERS)}, got {self.order!r}")


LATEST_STORIES = StoryFilter()  # the 50 latest updated, whatever their size


@dataclass(slots=True)
class TaggedDispatch:
    dispatch: Dispatch
    tags: Tags
    tagged_at: datetime = field(default_factory=utcnow)
    story: StoryRef | None = None  # set by the stories stage (absent when stories are off)

    @property
    def id(self) -> str:
        return self.dispatch.id

    def to_doc(self) -> dict[str, Any]:
        """The flat document: dispatch fields and tag fields side by side. `language` is the language the
        dispatch is written in (the tagger's judgement, else the feed's declaration), `language_declared`
        what the feed said."""
        doc = self.dispatch.to_dict()
        declared = doc["language"]
        doc.update(self.tags.to_dict())
        if doc["language"] is None:
            doc["language"] = declared
        doc["language_declared"] = declared
        doc["tagged_at"] = format_time(self.tagged_at)
        if self.story is not None:
            doc["story"] = self.story.to_dict()
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> TaggedDispatch:
        try:
            return cls(
                dispatch=Dispatch.from_dict(
                    {**doc, "language": doc["language_declared"]} if "language_declared" in doc else doc
                ),
                tags=Tags.from_dict(doc),
                tagged_at=parse_time(doc["tagged_at"]) if "tagged_at" in doc else utcnow(),
                story=StoryRef.from_dict(doc.get("story")),
            )
        except (TypeError, KeyError) as exc:
            raise ModelError(f"not a tagged dispatch: {exc}") from exc


GROUP_BY = ("story", "dispatch")
RULE_TYPES = ("match", "frequency", "spike", "new_entity", "flatline")
# The settings of the counted rule types (checked by sinks/alerts/aggregate.py): a rule table's other keys.
RULE_PARAMS = ("threshold", "window", "entity", "factor", "baseline", "min_count", "scope", "learn")


@dataclass(slots=True)
class Rule:
    id: str
    name: str
    query: str
    channels: list[str] = field(default_factory=lambda: ["console"])
    # "story": one alert per (rule, story), later dispatches of the story update it; "dispatch": one per dispatch
    group_by: str = "story"
    updates: bool = False  # deliver each update of a story's alert too (group_by = "story")
    # When alerts go out (sinks/alerts/policy.py): digest periods by channel ("*": every channel), a realert
    # window ("30m") and what it is per ("rule", "story", "countries", "officials", "source", "dispatch").
    digest: dict[str, str] = field(default_factory=dict)
    realert: str | None = None
    realert_key: str = "rule"
    # "match" fires on each matching dispatch; "frequency", "spike", "new_entity" and "flatline" are counted over
    # time by the alerting stage (sinks/alerts/aggregate.py), with their settings in `params`.
    type: str = "match"
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Alert:
    rule_id: str
    rule_name: str
    rule_query: str
    dispatch_id: str
    matched: list[str]
    at: datetime
    # A snapshot of the dispatch so a notifier needs nothing else.
    title: str = ""
    url: str | None = None
    source: str = ""
    countries: list[str] = field(default_factory=list)
    officials: list[str] = field(default_factory=list)
    # Stories: the story of the dispatch, and how the rule groups (Rule.group_by, Rule.updates).
    story_id: str | None = None
    group_by: str = "dispatch"
    updates: bool = False
    # Filled by the alert store as a story's later dispatches match: how many dispatches and sources the
    # alert covers, the latest one, and when it last grew. One dispatch, one source, None for a new alert.
    hits: int = 1
    sources: list[str] = field(default_factory=list)
    latest: dict[str, Any] | None = None  # {"dispatch_id", "title", "url", "source", "at"}
    updated_at: datetime | None = None
    # A counted rule's alert (Rule.type, not "match"): its `dispatch_id` names the event (the rule type, its key
    # and its time), `title` says what was counted, and `search` is the query that shows the dispatches behind it.
    kind: str = "match"
    search: str | None = None

    @property
    def key(self) -> str:
        """An alert fires once per (rule, story), or per (rule, dispatch) when the rule groups by dispatch."""
        if self.group_by == "story" and self.story_id:
            return f"{self.rule_id}:{self.story_id}"
        return self.hit_key

    @property
    def hit_key(self) -> str:
        """One dispatch matching one rule: the unit Kafka carries and Elasticsearch keeps."""
        return f"{self.rule_id}:{self.dispatch_id}"

    @property
    def is_update(self) -> bool:
        return self.hits > 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "rule": {"id": self.rule_id, "name": self.rule_name, "query": self.rule_query},
            "dispatch_id": self.dispatch_id,
            "matched": list(self.matched),
            "at": format_time(self.at),
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "countries": list(self.countries),
            "officials": list(self.officials),
            "story_id": self.story_id,
            "group_by": self.group_by,
            "updates": self.updates,
            "hits": self.hits,
            "sources": list(self.sources) or [self.source],
            "latest": dict(self.latest) if self.latest else None,
            "updated_at": format_time(self.updated_at) if self.updated_at else None,
            "kind": self.kind,
            "search": self.search,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Alert:
        try:
            rule = data["rule"]
            return cls(
                rule_id=rule["id"],
                rule_name=rule["name"],
                rule_query=rule["query"],
                dispatch_id=data["dispatch_id"],
                matched=list(data.get("matched", [])),
                at=parse_time(data["at"]),
                title=data.get("title", ""),
                url=data.get("url"),
                source=data.get("source", ""),
                countries=list(data.get("countries", [])),
                officials=list(data.get("officials", [])),
                story_id=data.get("story_id"),
                group_by=data.get("group_by") or "dispatch",
                updates=bool(data.get("updates", False)),
                hits=int(data.get("hits") or 1),
                sources=[str(s) for s in data.get("sources") or ()],
                latest=data.get("latest") if isinstance(data.get("latest"), dict) else None,
                updated_at=parse_time(data["updated_at"]) if data.get("updated_at") else None,
                kind=str(data.get("kind") or "match"),
                search=data.get("search") if isinstance(data.get("search"), str) else None,
            )
        except (TypeError, KeyError, ValueError) as exc:
            raise ModelError(f"not an alert: {exc}") from exc

    @classmethod
    def for_dispatch(cls, rule: Rule, tagged: TaggedDispatch, matched: list[str]) -> Alert:
        return cls(
            rule_id=rule.id,
            rule_name=rule.name,
            rule_query=rule.query,
            dispatch_id=tagged.id,
            matched=matched,
            at=utcnow(),
            title=tagged.dispatch.title,
            url=tagged.dispatch.url,
            source=tagged.dispatch.source,
            countries=[c.code for c in tagged.tags.countries],
            officials=[o.name for o in tagged.tags.officials],
            story_id=tagged.story.id if tagged.story is not None else None,
            group_by=rule.group_by,
            updates=rule.updates,
            sources=[tagged.dispatch.source],
        )


@dataclass(slots=True)
class Silence:
    """Alerts that match are recorded and shown, not delivered, from `starts` until `ends` (or expired).

    `rule` is a rule's id or name (None: every rule); `key` is a country code, an official, a source, a story or
    a dispatch id the alert carries (None: any alert of the rule)."""

    id: str
    rule: str | None
    key: str | None
    starts: datetime
    ends: datetime
    reason: str = ""
    created_by: str = ""

    def active(self, now: datetime) -> bool:
        return self.starts <= now < self.ends

    def matches(self, alert: Alert, now: datetime) -> bool:
        if not self.active(now):
            return False
        if self.rule is not None and self.rule not in (alert.rule_id, alert.rule_name):
            return False
        if self.key is None:
            return True
        carried = {*alert.countries, *alert.officials, alert.source, alert.story_id, alert.dispatch_id}
        return self.key in carried

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "key": self.key,
            "starts": format_time(self.starts),
            "ends": format_time(self.ends),
            "reason": self.reason,
            "created_by": self.created_by,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Silence:
        """Raises ModelError for anything but a silence as `to_dict` writes it."""
        if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data["id"]:
            raise ModelError("a silence needs a non-empty string id")
        for name in ("rule", "key"):
            if data.get(name) is not None and not isinstance(data[name], str):
                raise ModelError(f"silence {data['id']}: {name} must be a string or null")
        try:
            starts, ends = parse_time(data["starts"]), parse_time(data["ends"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"silence {data['id']}: starts and ends must be ISO times ({exc})") from None
        return cls(
            id=data["id"],
            rule=data.get("rule"),
            key=data.get("key"),
            starts=starts,
            ends=ends,
            reason=str(data.get("reason") or ""),
            created_by=str(data.get("created_by") or ""),
        )


@dataclass(slots=True, frozen=True)
class DueDelivery:
    """An alert due on one channel, with its group once a digest or a realert window holds it."""

    alert: Alert
    channel: str
    grouping: str | None  # None: not planned yet; "digest:RULE" or "realert:RULE:KEY" once held
    attempts: int
