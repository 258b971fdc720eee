"""Rules counted over time (ElastAlert's rule types), evaluated on the stream of tagged dispatches:

- `frequency`: at least `threshold` dispatches matching the query within `window`;
- `spike`: a country's, official's or agency's (`entity`) mentions in dispatches matching the query, over the
  last `window`, reach `factor` times its own mean per window over the `baseline` before it (and at least
  `min_count`);
- `new_entity`: an official or agency (`entity`) never seen before for a country, in a dispatch matching
  the query; the entities already seen are kept in the ledger (`SeenEntities`), so "new" survives restarts;
- `flatline`: no dispatch at all (`scope = "intake"`) or none from one feed (`scope = FEED`) for `window`: an
  ops alert about wirewatch itself, checked by `tick`.

Time is the dispatches' own arrival time (`fetched`), not the clock at evaluation, and every alert's key names
its rule, its key and its time bucket: replaying the recent stream after a restart (the distributed notifier
re-reads the tagged topic from `horizon` back) produces the same alerts with the same keys, and the ledger
records each once. Nothing is lost while the process is down, and nothing is doubled.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from wirewatch.models import Alert, Rule
from wirewatch.query import Query, parse_query
from wirewatch.query.dates import doc_date_millis
from wirewatch.sinks.alerts.policy import PolicyError, parse_duration

SPIKE_ENTITIES = ("countries", "officials", "agencies")
NEW_ENTITIES = ("officials", "agencies")
BUCKET = 60.0  # seconds: spike counts are kept per minute


class SeenEntities(Protocol):
    def seen_entities(self, kind: str) -> set[tuple[str, str]]: ...

    def add_seen_entities(self, kind: str, pairs: list[tuple[str, str]], at: datetime) -> None: ...

    def seen_since(self, kind: str) -> datetime | None: ...


@dataclass(frozen=True, slots=True)
class Counted:
    """A counted rule's settings, checked."""

    rule: Rule
    query: Query
    window: float = 0.0
    threshold: int = 0
    entity: str = ""
    factor: float = 0.0
    baseline: float = 0.0
    min_count: int = 1
    scope: str = "intake"
    learn: float = 0.0  # new_entity: how long entities are only learned, with no store history to start from

    @classmethod
    def of(cls, rule: Rule) -> Counted:
        """Raises PolicyError naming the setting that is wrong or missing."""
        p = rule.params
        query = parse_query(rule.query)
        kind = rule.type

        def duration(name: str, default: str | None = None) -> float:
            value = p.get(name, default)
            if not isinstance(value, str):
                raise PolicyError(f'{kind} rule needs {name} = a duration such as "1h"')
            return parse_duration(value)

        def number(name: str, default: float | None, minimum: float) -> float:
            value = p.get(name, default)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < minimum:
                raise PolicyError(f"{kind} rule needs {name} = a number of at least {minimum:g}")
            return float(value)

        def choice(name: str, options: tuple[str, ...]) -> str:
            value = p.get(name)
            if value not in options:
                raise PolicyError(f"{kind} rule needs {name} = one of {', '.join(options)}")
            return str(value)

        if kind == "frequency":
            return cls(rule, query, window=duration("window"), threshold=int(number("threshold", None, 2)))
        if kind == "spike":
            window, baseline = duration("window"), duration("baseline", "24h")
            if baseline < 2 * window:
                raise PolicyError("spike rule needs a baseline of at least two windows")
            return cls(
                rule,
                query,
                window=window,
                entity=choice("entity", SPIKE_ENTITIES),
                factor=number("factor", 3, 1),
                baseline=baseline,
                min_count=int(number("min_count", 5, 1)),
            )
        if kind == "new_entity":
            return cls(rule, query, entity=choice("entity", NEW_ENTITIES), learn=duration("learn", "24h"))
        if kind == "flatline":
            scope = p.get("scope", "intake")
            if not isinstance(scope, str) or not scope:
                raise PolicyError('flatline rule needs scope = "intake" or a feed\'s name')
            return cls(rule, query, window=duration("window"), scope=scope)
        raise PolicyError(f"rule type {kind!r} is not counted")

    @property
    def horizon(self) -> float:
        """How far back the stream must be replayed to rebuild this rule's state."""
        return self.window + self.baseline


def counted_rules(rules: Iterable[Rule]) -> list[Counted]:
    return [Counted.of(rule) for rule in rules if rule.type != "match"]


def _time(doc: dict[str, Any]) -> float | None:
    millis = doc_date_millis(doc.get("fetched"))
    return None if millis is None else millis / 1000


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _values(doc: dict[str, Any], entity: str) -> list[str]:
    if entity == "countries":
        return sorted({c.get("code") for c in doc.get("countries") or () if c.get("code")})
    return sorted({o.get("name") for o in doc.get(entity) or () if o.get("name")})


class AggregateRules:
    """Feed it tagged dispatch documents in arrival order (`observe`) and the clock (`tick`); it returns the
    alerts that fire. State is in memory, rebuilt by replaying `horizon` seconds of the stream."""

    def __init__(self, rules: Iterable[Rule], seen: SeenEntities | None = None) -> None:
        self.counted = counted_rules(rules)
        self.seen_store = seen
        self._times: dict[str, deque[float]] = defaultdict(deque)  # frequency: match times per rule
        self._fired_bucket: dict[tuple[str, str], int] = {}
        # spike: rule id -> entity value -> minute bucket -> mentions
        self._minutes: dict[str, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
        self._seen: dict[str, set[tuple[str, str]]] = {}
        self._last_seen: dict[str, float] = {}  # flatline: scope -> newest dispatch time
        self._first_seen: dict[str, float] = {}  # spike: when the rule first counted (no baseline before that)
        self._learning_since: dict[str, float] = {}  # new entity: when the first entity of a kind was seen
        self._latest = 0.0

    @property
    def horizon(self) -> float:
        return max((c.horizon for c in self.counted), default=0.0)

    def start(self, now: datetime) -> None:
        """Flatline windows begin now: a process that just started has not missed a silence yet."""
        for counted in self.counted:
            if counted.rule.type == "flatline":
                self._last_seen.setdefault(counted.scope, now.timestamp())

    def observe(self, doc: dict[str, Any]) -> list[Alert]:
        at = _time(doc)
        if at is None:
            return []
        self._latest = max(self._latest, at)
        self._last_seen["intake"] = max(self._last_seen.get("intake", 0.0), at)
        source = doc.get("source")
        if isinstance(source, str):
            self._last_seen[source] = max(self._last_seen.get(source, 0.0), at)
        fired: list[Alert] = []
        for counted in self.counted:
            kind = counted.rule.type
            if kind == "flatline" or counted.query.match(doc) is None:
                continue
            if kind == "frequency":
                fired.extend(self._frequency(counted, doc, at))
            elif kind == "spike":
                fired.extend(self._spike(counted, doc, at))
            elif kind == "new_entity":
                fired.extend(self._new_entity(counted, doc, at))
        return fired

    def tick(self, now: datetime) -> list[Alert]:
        """Flatline checks: a scope silent for its window fires once per silence."""
        fired = []
        for counted in self.counted:
            if counted.rule.type != "flatline":
                continue
            last = self._last_seen.get(counted.scope)
            if last is None:
                continue
            if now.timestamp() - last >= counted.window:
                what = "no dispatch at all" if counted.scope == "intake" else f"nothing from feed {counted.scope!r}"
                title = f"{what} since {_iso(last)} ({counted.rule.params.get('window')} or more)"
                fired.append(self._alert(counted, f"flatline:{counted.scope}:{_iso(last)}", title, now, {}))
        return fired

    # -- the rule types ---------------------------------------------------------------------------------------

    def _frequency(self, counted: Counted, doc: dict[str, Any], at: float) -> list[Alert]:
        rule_id = counted.rule.id
        times = self._times[rule_id]
        times.append(at)
        while times and times[0] <= at - counted.window:
            times.popleft()
        if len(times) < counted.threshold:
            return []
        bucket = int(at // counted.window)
        if self._fired_bucket.get((rule_id, "*")) == bucket:
            return []
        self._fired_bucket[(rule_id, "*")] = bucket
        title = f"{len(times)} dispatches matched in {counted.rule.params.get('window')}: {doc.get('title', '')}"
        return [self._alert(counted, f"frequency:{_iso(bucket * counted.window)}", title, at, doc)]

    def _spike(self, counted: Counted, doc: dict[str, Any], at: float) -> list[Alert]:
        rule_id = counted.rule.id
        minute = int(at // BUCKET)
        first = self._first_seen.setdefault(rule_id, at)
        warm = at - first >= counted.baseline  # until a whole baseline was seen, every mention would look new
        fired = []
        for value in _values(doc, counted.entity):
            minutes = self._minutes[rule_id][value]
            minutes[minute] = minutes.get(minute, 0) + 1
            oldest = int((at - counted.horizon) // BUCKET)
            for old in [m for m in minutes if m < oldest]:
                del minutes[old]
            window_start = at - counted.window
            current = sum(n for m, n in minutes.items() if m * BUCKET > window_start)
            before = sum(n for m, n in minutes.items() if m * BUCKET <= window_start)
            mean = before / (counted.baseline / counted.window)
            if not warm or current < counted.min_count or current < counted.factor * max(mean, 1.0):
                continue
            bucket = int(at // counted.window)
            if self._fired_bucket.get((rule_id, value)) == bucket:
                continue
            self._fired_bucket[(rule_id, value)] = bucket
            title = (
                f"{value}: {current} mentions in {counted.rule.params.get('window')}, "
                f"{current / max(mean, 1e-9):.1f}× its baseline of {mean:.1f}"
                if mean
                else f"{value}: {current} mentions in {counted.rule.params.get('window')}, none before"
            )
            fired.append(self._alert(counted, f"spike:{value}:{_iso(bucket * counted.window)}", title, at, doc, value))
        return fired

    def _new_entity(self, counted: Counted, doc: dict[str, Any], at: float) -> list[Alert]:
        kind = counted.entity
        seen = self._seen_set(kind)
        new: list[tuple[str, str]] = []
        for mention in doc.get(kind) or ():
            name, country = mention.get("name"), mention.get("country")
            if not name or not country or (name, country) in seen:
                continue
            seen.add((name, country))
            new.append((name, country))
        if new and self.seen_store is not None:
            self.seen_store.add_seen_entities(kind, new, datetime.fromtimestamp(at, UTC))
        if at - self._learning_start(kind, at) < counted.learn:
            return []  # still learning what is known: a fresh ledger would call every name new
        label = "official" if kind == "officials" else "agency"
        return [
            self._alert(counted, f"new:{kind}:{country}:{name}", f"new {label} for {country}: {name}", at, doc, country)
            for name, country in new
        ]

    def _learning_start(self, kind: str, at: float) -> float:
        if kind not in self._learning_since:
            since = self.seen_store.seen_since(kind) if self.seen_store is not None else None
            self._learning_since[kind] = since.timestamp() if since is not None else at
        return self._learning_since[kind]

    def _seen_set(self, kind: str) -> set[tuple[str, str]]:
        if kind not in self._seen:
            self._seen[kind] = self.seen_store.seen_entities(kind) if self.seen_store is not None else set()
        return self._seen[kind]

    def _alert(
        self, counted: Counted, event: str, title: str, at: float | datetime, doc: dict[str, Any], key: str = ""
    ) -> Alert:
        moment = at if isinstance(at, datetime) else datetime.fromtimestamp(at, UTC)
        rule = counted.rule
        search = self._search(counted, key, moment)
        countries = [key] if counted.entity == "countries" and key else _values(doc, "countries") if doc else []
        return Alert(
            rule_id=rule.id,
            rule_name=rule.name,
            rule_query=rule.query,
            dispatch_id=event,
            matched=[],
            at=moment,
            title=title,
            url=None,
            source=str(doc.get("source") or "") if doc else "",
            countries=countries,
            officials=[o["name"] for o in doc.get("officials") or () if o.get("name")] if doc else [],
            group_by="dispatch",
            latest={"dispatch_id": doc.get("id"), "title": doc.get("title"), "url": doc.get("url")} if doc else None,
            kind=rule.type,
            search=search,
        )

    def _search(self, counted: Counted, key: str, moment: datetime) -> str | None:
        """The query that lists the dispatches behind the alert (on the dashboard and in `rules test`)."""
        if counted.rule.type == "flatline":
            return None
        since = (moment - timedelta(seconds=counted.window or 86400)).strftime("%Y-%m-%dT%H:%M:%SZ")
        scope = f"({counted.rule.query}) AND fetched:>={since}"
        if counted.rule.type == "spike" and key:
            field = {"countries": "countries.code", "officials": "officials.name", "agencies": "agencies.name"}
            return f'{scope} AND {field[counted.entity]}:"{key}"'
        return scope


class CountedAlerts:
    """The counted rules wired to the alert ledger: what fires is recorded (once per key) for the rule's
    channels, in both modes (the embedded pipeline and the distributed notifier)."""

    def __init__(self, rules: list[Rule], record: Callable[[list[tuple[Alert, list[str]]]], list[Alert]], seen=None):
        self.evaluator = AggregateRules(rules, seen)
        self.channels = {rule.id: list(rule.channels) for rule in rules}
        self._record = record

    @property
    def active(self) -> bool:
        return bool(self.evaluator.counted)

    @property
    def horizon(self) -> float:
        return self.evaluator.horizon

    def observe(self, docs: Iterable[dict[str, Any]]) -> list[Alert]:
        """Record what these documents make fire; returns the alerts that are new."""
        fired = [alert for doc in docs for alert in self.evaluator.observe(doc)]
        return self._record([(alert, self.channels[alert.rule_id]) for alert in fired]) if fired else []

    def tick(self, now: datetime) -> list[Alert]:
        fired = self.evaluator.tick(now)
        return self._record([(alert, self.channels[alert.rule_id]) for alert in fired]) if fired else []
