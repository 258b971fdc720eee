"""Load and check the TOML configuration.

The file is found at `--config`, else `$WIREWATCH_CONFIG`, else `./wirewatch.toml`;
with none of them, built-in defaults apply (no feeds, no rules). Checking
collects every problem (key + reason) instead of stopping at the first, and an
unknown key is an error: a typo must never silently disable a feed or a rule.

Secrets never live in the file: a string value of the form ``env:NAME`` is read
from the environment and ``file:/path`` from a file (for webhook headers).
"""

from __future__ import annotations

import ipaddress
import os
import re
import tomllib
import types
import typing
from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from wirewatch.errors import ConfigurationError
from wirewatch.models import GROUP_BY, RULE_PARAMS, RULE_TYPES, Rule
from wirewatch.settings import (
    EMAIL_SECURITY,
    FULLTEXT_MODES,
    ChatSettings,
    DeliverySettings,
    ElasticsearchSettings,
    EmailSettings,
    FeedConfig,
    FullTextSettings,
    KafkaSettings,
    PipelineSettings,
    PollerSettings,
    ServerSettings,
    Settings,
    StoreSettings,
    StoriesSettings,
    TaggerSettings,
    WebhookSettings,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")

ENV_VAR = "WIREWATCH_CONFIG"
DEFAULT_FILE = "wirewatch.toml"
MIN_TOKEN_LENGTH = 16


@dataclass(slots=True)
class ConfigProblem:
    key: str
    reason: str

    def __str__(self) -> str:
        return f"{self.key}: {self.reason}"


class ConfigError(ConfigurationError):
    """Every problem found in one configuration, each with its key."""

    def __init__(self, problems: list[ConfigProblem], path: Path | None = None):
        self.problems = problems
        self.path = path
        where = f" in {path}" if path else ""
        super().__init__(f"{len(problems)} configuration error(s){where}:\n" + "\n".join(f"  {p}" for p in problems))


def find_config_file(explicit: str | Path | None = None) -> Path | None:
    if explicit:
        return Path(explicit)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    default = Path(DEFAULT_FILE)
    return default if default.exists() else None


def load_settings(path: str | Path | None = None) -> Settings:
    """Load, check and return settings; raise ConfigError listing every problem."""
    settings, problems = check_config(path)
    if problems:
        raise ConfigError(problems, settings.source_path)
    return settings


def check_config(path: str | Path | None = None) -> tuple[Settings, list[ConfigProblem]]:
    file = find_config_file(path)
    if file is None:
        return Settings(), []
    try:
        raw = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(source_path=file), [ConfigProblem(str(file), "file not found")]
    except tomllib.TOMLDecodeError as exc:
        return Settings(source_path=file), [ConfigProblem(str(file), f"invalid TOML: {exc}")]
    settings, problems = settings_from_dict(raw, base_dir=file.parent)
    settings.source_path = file
    return settings, problems


def settings_from_dict(raw: dict[str, Any], base_dir: Path | None = None) -> tuple[Settings, list[ConfigProblem]]:
    problems: list[ConfigProblem] = []
    sections = {
        "poller": PollerSettings,
        "fulltext": FullTextSettings,
        "store": StoreSettings,
        "pipeline": PipelineSettings,
        "stories": StoriesSettings,
        "server": ServerSettings,
        "tagger": TaggerSettings,
        "kafka": KafkaSettings,
        "elasticsearch": ElasticsearchSettings,
    }
    known = set(sections) | {"feeds", "rules", "delivery"}
    for key in raw:
        if key not in known:
            problems.append(ConfigProblem(key, f"unknown section (known: {', '.join(sorted(known))})"))

    built: dict[str, Any] = {}
    for name, cls in sections.items():
        built[name] = _build(cls, raw.get(name, {}), name, problems)
    built["delivery"] = _build_delivery(raw.get("delivery", {}), problems)
    built["feeds"] = _build_list(FeedConfig, raw.get("feeds", []), "feeds", problems)
    built["rules"] = _build_rules(raw.get("rules", []), problems)
    settings = Settings(**built)
    if settings.server.public_url is not None:
        _check_http_url(settings.server.public_url, "server.public_url", problems)
        settings.delivery.public_url = settings.server.public_url  # the notifiers take [delivery] alone

    if base_dir is not None:
        _resolve_paths(settings, base_dir)
    _apply_environment(settings, problems)
    _check_feeds(settings.feeds, problems)
    _check_rules(settings, problems)
    _check_server(settings.server, problems)
    _check_kafka(settings.kafka, problems)
    _check_elasticsearch(settings.elasticsearch, problems)
    return settings, problems


# -- generic dataclass filling ------------------------------------------------------------


def _build(
    cls: type[T], data: Any, key: str, problems: list[ConfigProblem], overrides: dict[str, Any] | None = None
) -> T | None:
    if not isinstance(data, dict):
        problems.append(ConfigProblem(key, "must be a table"))
        data = {}
    hints = typing.get_type_hints(cls)
    names = {f.name for f in fields(cls) if f.name != "source_path"}
    values: dict[str, Any] = {}
    for field_key, value in data.items():
        if field_key not in names:
            problems.append(ConfigProblem(f"{key}.{field_key}", f"unknown key (known: {', '.join(sorted(names))})"))
            continue
        if overrides and field_key in overrides:
            continue
        ok, converted, reason = _convert(value, hints[field_key])
        if ok:
            values[field_key] = converted
        else:
            problems.append(ConfigProblem(f"{key}.{field_key}", reason))
    for f in fields(cls):
        missing = f.name not in values and f.default is MISSING and f.default_factory is MISSING
        if missing and not (overrides and f.name in overrides):
            problems.append(ConfigProblem(f"{key}.{f.name}", "required"))
            return None
    values.update(overrides or {})
    return cls(**values)


def _build_list(cls: type[T], data: Any, key: str, problems: list[ConfigProblem]) -> list[T]:
    if not isinstance(data, list):
        problems.append(ConfigProblem(key, "must be an array of tables ([[" + key + "]])"))
        return []
    items = [_build(cls, item, f"{key}[{i}]", problems) for i, item in enumerate(data)]
    return [item for item in items if item is not None]


def _convert(value: Any, hint: Any) -> tuple[bool, Any, str]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return True, None, ""
        for arg in args:
            if arg is type(None):
                continue
            ok, converted, reason = _convert(value, arg)
            if ok:
                return True, converted, ""
        return False, None, reason
    if hint is bool:
        return (True, value, "") if isinstance(value, bool) else (False, None, "must be true or false")
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return (True, value, "") if value >= 0 else (False, None, "must not be negative")
        return False, None, "must be an integer"
    if hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return (True, float(value), "") if value >= 0 else (False, None, "must not be negative")
        return False, None, "must be a number"
    if hint is str:
        return (True, value, "") if isinstance(value, str) else (False, None, "must be a string")
    if hint is Path:
        return (True, Path(value), "") if isinstance(value, str) and value else (False, None, "must be a path")
    if origin is list:
        if not isinstance(value, list):
            return False, None, "must be an array"
        out = []
        for item in value:
            ok, converted, reason = _convert(item, args[0])
            if not ok:
                return False, None, f"array item {item!r}: {reason}"
            out.append(converted)
        return True, out, ""
    if origin is dict:
        if not isinstance(value, dict):
            return False, None, "must be a table"
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            return False, None, "must be a table of strings"
        return True, dict(value), ""
    return False, None, f"unsupported type {hint}"


# -- sections with their own shape ---------------------------------------------------------


def _build_delivery(data: Any, problems: list[ConfigProblem]) -> DeliverySettings:
    if not isinstance(data, dict):
        problems.append(ConfigProblem("delivery", "must be a table"))
        return DeliverySettings()
    channels: dict[str, Any] = {}
    for section, build in _CHANNEL_SECTIONS.items():
        raw = data.get(section, {})
        if not isinstance(raw, dict):
            problems.append(
                ConfigProblem(f"delivery.{section}", f"must be a table of [delivery.{section}.NAME] tables")
            )
            raw = {}
        channels[section] = {}
        for name, table in raw.items():
            built = build(table, f"delivery.{section}.{name}", problems)
            if built is not None:
                channels[section][name] = built
    rest = {k: v for k, v in data.items() if k not in _CHANNEL_SECTIONS}
    delivery = _build(DeliverySettings, rest, "delivery", problems, overrides=channels)
    return delivery or DeliverySettings(**channels)


def _build_webhook(table: Any, key: str, problems: list[ConfigProblem]) -> WebhookSettings | None:
    if not isinstance(table, dict):
        problems.append(ConfigProblem(key, "must be a table"))
        return None
    template = table.get("template")
    built = _build(WebhookSettings, {k: v for k, v in table.items() if k != "template"}, key, problems)
    if built is None:
        return None
    built.template = template  # its placeholders are checked with the channels (app/components.py)
    _check_http_url(built.url, f"{key}.url", problems)
    for header, value in list(built.headers.items()):
        try:
            built.headers[header] = resolve_secret(value)
        except ValueError as exc:
            problems.append(ConfigProblem(f"{key}.headers.{header}", str(exc)))
    return built


def _build_chat(table: Any, key: str, problems: list[ConfigProblem]) -> ChatSettings | None:
    built = _build(ChatSettings, table, key, problems)
    if built is None:
        return None
    try:
        built.url = resolve_secret(built.url)
    except ValueError as exc:
        problems.append(ConfigProblem(f"{key}.url", str(exc)))
        return built
    _check_http_url(built.url, f"{key}.url", problems)
    return built


def _build_email(table: Any, key: str, problems: list[ConfigProblem]) -> EmailSettings | None:
    built = _build(EmailSettings, table, key, problems)
    if built is None:
        return None
    if built.security not in EMAIL_SECURITY:
        problems.append(ConfigProblem(f"{key}.security", f"must be one of {', '.join(EMAIL_SECURITY)}"))
    if not built.to or not all("@" in address for address in built.to):
        problems.append(ConfigProblem(f"{key}.to", "must list at least one e-mail address"))
    if "@" not in built.sender:
        problems.append(ConfigProblem(f"{key}.sender", "must be an e-mail address"))
    for secret in ("username", "password"):
        value = getattr(built, secret)
        if value is not None:
            try:
                setattr(built, secret, resolve_secret(value))
            except ValueError as exc:
                problems.append(ConfigProblem(f"{key}.{secret}", str(exc)))
    if (built.username is None) != (built.password is None):
        problems.append(ConfigProblem(key, "username and password go together"))
    if built.security == "none" and (built.username is not None or not is_loopback(built.host)):
        # Credentials, and alerts, in clear text over a network: only to a relay on this machine.
        problems.append(
            ConfigProblem(f"{key}.security", '"none" is for a relay on a loopback address, without credentials')
        )
    return built


def _check_http_url(url: str, key: str, problems: list[ConfigProblem]) -> None:
    if urlsplit(url).scheme not in ("http", "https"):
        problems.append(ConfigProblem(key, "must be an http(s) URL"))


_CHANNEL_SECTIONS: dict[str, Callable[[Any, str, list[ConfigProblem]], Any]] = {
    "webhooks": _build_webhook,
    "slack": _build_chat,
    "teams": _build_chat,
    "email": _build_email,
}


def resolve_secret(value: str) -> str:
    """`env:NAME` → $NAME, `file:/path` → the file's first line; anything else as is."""
    if value.startswith("env:"):
        name = value[4:]
        if name not in os.environ:
            raise ValueError(f"environment variable {name} is not set")
        return os.environ[name]
    if value.startswith("file:"):
        try:
            return Path(value[5:]).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ValueError(f"cannot read secret file: {exc.strerror}") from None
    return value


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "rule"


def _build_rules(data: Any, problems: list[ConfigProblem]) -> list[Rule]:
    if not isinstance(data, list):
        problems.append(ConfigProblem("rules", "must be an array of tables ([[rules]])"))
        return []
    rules: list[Rule] = []
    allowed = {"id", "name", "query", "channels", "group_by", "updates", "digest", "realert", "realert_key", "type"}
    allowed |= set(RULE_PARAMS)
    for i, item in enumerate(data):
        key = f"rules[{i}]"
        if not isinstance(item, dict):
            problems.append(ConfigProblem(key, "must be a table"))
            continue
        for unknown in sorted(set(item) - allowed):
            problems.append(ConfigProblem(f"{key}.{unknown}", f"unknown key (known: {', '.join(sorted(allowed))})"))
        name, query = item.get("name"), item.get("query")
        if not isinstance(name, str) or not name.strip():
            problems.append(ConfigProblem(f"{key}.name", "required, a non-empty string"))
            continue
        if not isinstance(query, str) or not query.strip():
            problems.append(ConfigProblem(f"{key}.query", "required, a non-empty string"))
            continue
        channels = item.get("channels", ["console"])
        if not isinstance(channels, list) or not all(isinstance(c, str) for c in channels):
            problems.append(ConfigProblem(f"{key}.channels", "must be an array of channel names"))
            channels = ["console"]
        rule_id = item.get("id", slugify(name))
        if not isinstance(rule_id, str) or not rule_id:
            problems.append(ConfigProblem(f"{key}.id", "must be a non-empty string"))
            continue
        group_by = item.get("group_by", "story")
        if group_by not in GROUP_BY:
            problems.append(ConfigProblem(f"{key}.group_by", f"must be one of {', '.join(GROUP_BY)}"))
            group_by = "story"
        updates = item.get("updates", False)
        if not isinstance(updates, bool):
            problems.append(ConfigProblem(f"{key}.updates", "must be true or false"))
            updates = False
        digest = item.get("digest", {})
        if isinstance(digest, str):
            digest = {"*": digest}
        if not isinstance(digest, dict) or not all(isinstance(v, str) for v in digest.values()):
            problems.append(ConfigProblem(f"{key}.digest", 'must be a period ("1h") or a table of channel = period'))
            digest = {}
        realert, realert_key = item.get("realert"), item.get("realert_key", "rule")
        if realert is not None and not isinstance(realert, str):
            problems.append(ConfigProblem(f"{key}.realert", 'must be a duration such as "30m"'))
            realert = None
        if not isinstance(realert_key, str):
            problems.append(ConfigProblem(f"{key}.realert_key", "must be a string"))
            realert_key = "rule"
        rule_type = item.get("type", "match")
        if rule_type not in RULE_TYPES:
            problems.append(ConfigProblem(f"{key}.type", f"must be one of {', '.join(RULE_TYPES)}"))
            rule_type = "match"
        params = {name: item[name] for name in RULE_PARAMS if name in item}
        rules.append(
            Rule(
                id=rule_id,
                type=rule_type,
                params=params,
                name=name,
                query=query,
                channels=channels,
                group_by=group_by,
                updates=updates,
                digest=digest,
                realert=realert,
                realert_key=realert_key,
            )
        )
    return rules


# -- environment overrides ----------------------------------------------------------------

# Service addresses differ per deployment (compose, CI, a laptop) while the rest of the file
# stays the same, so they can come from the environment; comma-separated lists.
ENV_OVERRIDES = {
    "WIREWATCH_KAFKA_BOOTSTRAP_SERVERS": ("kafka", "bootstrap_servers"),
    "WIREWATCH_ELASTICSEARCH_HOSTS": ("elasticsearch", "hosts"),
}


def _apply_environment(settings: Settings, problems: list[ConfigProblem]) -> None:
    for variable, (section, name) in ENV_OVERRIDES.items():
        value = os.environ.get(variable)
        if value is None:
            continue
        items = [item.strip() for item in value.split(",") if item.strip()]
        if not items:
            problems.append(ConfigProblem(variable, "is set but empty"))
            continue
        setattr(getattr(settings, section), name, items)


# -- cross-field checks ---------------------------------------------------------------------


def _resolve_paths(settings: Settings, base_dir: Path) -> None:
    """Relative paths in a config file are relative to that file, not to the cwd."""
    if not settings.store.path.is_absolute():
        settings.store.path = base_dir / settings.store.path
    if settings.delivery.jsonl_path and not settings.delivery.jsonl_path.is_absolute():
        settings.delivery.jsonl_path = base_dir / settings.delivery.jsonl_path
    for email in settings.delivery.email.values():
        if email.ca_file and not email.ca_file.is_absolute():
            email.ca_file = base_dir / email.ca_file
    if settings.tagger.kb_dir and not settings.tagger.kb_dir.is_absolute():
        settings.tagger.kb_dir = base_dir / settings.tagger.kb_dir
    if not settings.tagger.kb_updates.is_absolute():
        settings.tagger.kb_updates = base_dir / settings.tagger.kb_updates
    for name in ("producer_store", "notifier_store"):
        if not getattr(settings.kafka, name).is_absolute():
            setattr(settings.kafka, name, base_dir / getattr(settings.kafka, name))
    for name in ("ssl_cafile", "ssl_certfile", "ssl_keyfile"):
        value = getattr(settings.kafka, name)
        if value is not None and not value.is_absolute():
            setattr(settings.kafka, name, base_dir / value)
    if settings.elasticsearch.ca_certs and not settings.elasticsearch.ca_certs.is_absolute():
        settings.elasticsearch.ca_certs = base_dir / settings.elasticsearch.ca_certs
    for feed in settings.feeds:
        if feed.kind == "file" and not feed.url.startswith("file:") and not Path(feed.url).is_absolute():
            feed.url = str(base_dir / feed.url)


def feed_definition_problems(feed: FeedConfig) -> list[tuple[str, str]]:
    """(field, reason) for each problem with a feed that does not depend on its kind."""
    problems = []
    if not feed.name or not feed.name.strip():
        problems.append(("name", "feed name is empty"))
    if not feed.interval > 0:
        problems.append(("interval", f"poll interval must be positive, got {feed.interval}"))
    if feed.country is not None and not (len(feed.country) == 2 and feed.country.isalpha()):
        problems.append(("country", f"country hint must be an ISO 3166-1 alpha-2 code, got {feed.country!r}"))
    if any(not isinstance(tag, str) or not tag.strip() or any(c.isspace() for c in tag) for tag in feed.tags):
        problems.append(("tags", f"tags are words without spaces (use - or _), got {feed.tags!r}"))
    if feed.fulltext not in FULLTEXT_MODES:
        problems.append(("fulltext", f"fulltext must be one of {', '.join(FULLTEXT_MODES)}, got {feed.fulltext!r}"))
    return problems


def _check_feeds(feeds: list[FeedConfig], problems: list[ConfigProblem]) -> None:
    # A feed's kind and location are checked against the registered feed kinds by wirewatch.app.components.
    seen: set[str] = set()
    for i, feed in enumerate(feeds):
        key = f"feeds[{i}]"
        if feed.name in seen:
            problems.append(ConfigProblem(f"{key}.name", f"duplicate feed name {feed.name!r}"))
        seen.add(feed.name)
        for field, reason in feed_definition_problems(feed):
            problems.append(ConfigProblem(f"{key}.{field}", reason))


def _check_rules(settings: Settings, problems: list[ConfigProblem]) -> None:
    from wirewatch.query import QuerySyntaxError, parse_query

    ids: set[str] = set()
    for i, rule in enumerate(settings.rules):
        key = f"rules[{i}]"
        if rule.id in ids:
            problems.append(ConfigProblem(f"{key}.id", f"duplicate rule id {rule.id!r} (set a distinct id or name)"))
        ids.add(rule.id)
        try:
            parse_query(rule.query)
        except QuerySyntaxError as exc:
            shown = rule.query if len(rule.query) <= 120 else rule.query[:119] + "…"
            problems.append(
                ConfigProblem(
                    f"{key}.query", f"rule {rule.name!r}: {exc.message} at position {exc.position}: {shown!r}"
                )
            )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_server(server: ServerSettings, problems: list[ConfigProblem]) -> None:
    if not is_loopback(server.bind) and not server.token:
        problems.append(
            ConfigProblem("server.token", f"required when binding to a non-loopback address ({server.bind})")
        )
    if server.token:
        try:
            server.token = resolve_secret(server.token)
        except ValueError as exc:
            problems.append(ConfigProblem("server.token", str(exc)))
        else:
            if len(server.token) < MIN_TOKEN_LENGTH:
                problems.append(ConfigProblem("server.token", f"must be at least {MIN_TOKEN_LENGTH} characters"))
    if not 0 < server.port < 65536:
        problems.append(ConfigProblem("server.port", "must be between 1 and 65535"))


KAFKA_PROTOCOLS = ("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL")
SASL_MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")


def _resolve_secret_field(section: object, name: str, key: str, problems: list[ConfigProblem]) -> None:
    value = getattr(section, name)
    if value:
        try:
            setattr(section, name, resolve_secret(value))
        except ValueError as exc:
            problems.append(ConfigProblem(key, str(exc)))


def _check_kafka(kafka: KafkaSettings, problems: list[ConfigProblem]) -> None:
    if kafka.security_protocol not in KAFKA_PROTOCOLS:
        problems.append(ConfigProblem("kafka.security_protocol", f"must be one of {', '.join(KAFKA_PROTOCOLS)}"))
    if kafka.security_protocol.startswith("SASL_"):
        if kafka.sasl_mechanism not in SASL_MECHANISMS:
            problems.append(ConfigProblem("kafka.sasl_mechanism", f"must be one of {', '.join(SASL_MECHANISMS)}"))
        for name in ("sasl_username", "sasl_password"):
            if not getattr(kafka, name):
                problems.append(ConfigProblem(f"kafka.{name}", f"required with {kafka.security_protocol}"))
    _resolve_secret_field(kafka, "sasl_password", "kafka.sasl_password", problems)
    if not kafka.bootstrap_servers:
        problems.append(ConfigProblem("kafka.bootstrap_servers", "at least one host:port"))
    if kafka.partitions < 1 or kafka.replication < 1:
        problems.append(ConfigProblem("kafka.partitions", "partitions and replication must be at least 1"))
    if not 1024 <= kafka.batch_bytes <= 900_000:  # below the broker's and the clients' 1 MB request limit
        problems.append(ConfigProblem("kafka.batch_bytes", "must be between 1024 and 900000"))


def _check_elasticsearch(es: ElasticsearchSettings, problems: list[ConfigProblem]) -> None:
    for host in es.hosts:
        if urlsplit(host).scheme not in ("http", "https"):
            problems.append(ConfigProblem("elasticsearch.hosts", f"{host!r} must be an http(s) URL"))
    if es.api_key and es.username:
        problems.append(ConfigProblem("elasticsearch.api_key", "give either api_key or username/password, not both"))
    _resolve_secret_field(es, "api_key", "elasticsearch.api_key", problems)
    _resolve_secret_field(es, "password", "elasticsearch.password", problems)
