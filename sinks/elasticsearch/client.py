"""Build the official async client from [elasticsearch], and install the index layout.

`install_layout` is idempotent: the template is PUT (overwritten), indices are
created only when missing, and existing indices get the current mapping with
PUT _mapping (additive changes apply; an incompatible change is an error that
names the index, never a silent mismatch).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from elasticsearch import AsyncElasticsearch, BadRequestError

from wirewatch.errors import ServiceError
from wirewatch.settings import ElasticsearchSettings
from wirewatch.sinks.elasticsearch.layout import (
    IndexNames,
    alerts_index_body,
    dispatches_template_body,
    stories_index_body,
)

log = logging.getLogger(__name__)


class ElasticsearchSetupError(ServiceError):
    """The index layout could not be installed (the message says which part and why)."""


def client_options(settings: ElasticsearchSettings) -> dict[str, Any]:
    """Keyword arguments for AsyncElasticsearch: hosts, auth, TLS, timeouts."""
    options: dict[str, Any] = {
        "hosts": list(settings.hosts),
        "request_timeout": settings.request_timeout,
        # The transport's own retries cover one node being briefly away; the sink's
        # backoff loop covers longer outages, so keep these few.
        "max_retries": 2,
        "retry_on_timeout": True,
    }
    if settings.api_key:
        options["api_key"] = settings.api_key
    elif settings.username:
        options["basic_auth"] = (settings.username, settings.password or "")
    if settings.ca_certs:
        options["ca_certs"] = str(settings.ca_certs)
    if not settings.verify_certs:
        options["verify_certs"] = False
        options["ssl_show_warn"] = False
    return options


def build_client(settings: ElasticsearchSettings) -> AsyncElasticsearch:
    return AsyncElasticsearch(**client_options(settings))


@dataclass(slots=True)
class SetupReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        parts = []
        if self.created:
            parts.append("created " + ", ".join(self.created))
        if self.updated:
            parts.append("up to date " + ", ".join(self.updated))
        return "; ".join(parts) or "nothing to do"


async def install_layout(client: AsyncElasticsearch, names: IndexNames) -> SetupReport:
    """Dispatches template + index + alias, the alerts and stories indices. Safe to run any number of times."""
    report = SetupReport()
    template = dispatches_template_body(names.dispatches_pattern)
    try:
        await client.indices.put_index_template(name=names.template_name, **template)
    except BadRequestError as exc:
        raise ElasticsearchSetupError(f"index template {names.template_name}: {_reason(exc)}") from exc
    report.updated.append(f"template {names.template_name}")

    dispatches_body = {"aliases": {names.dispatches_alias: {"is_write_index": True}}}
    await _ensure_index(client, names.dispatches_index, dispatches_body, template["template"]["mappings"], report)
    alerts = alerts_index_body()
    await _ensure_index(client, names.alerts, alerts, alerts["mappings"], report)
    stories = stories_index_body()
    await _ensure_index(client, names.stories, stories, stories["mappings"], report)
    return report


async def drop_layout(client: AsyncElasticsearch, names: IndexNames) -> None:
    """Undo install_layout: the dispatches indices, the alerts and stories indices, the template (missing ones ignored)."""
    await client.options(ignore_status=404).indices.delete(
        index=f"{names.dispatches_pattern},{names.alerts},{names.stories}"
    )
    await client.options(ignore_status=404).indices.delete_index_template(name=names.template_name)


async def _ensure_index(
    client: AsyncElasticsearch, index: str, body: dict[str, Any], mappings: dict[str, Any], report: SetupReport
) -> None:
    try:
        await client.indices.create(index=index, **body)
        report.created.append(index)
        return
    except BadRequestError as exc:
        if _error_type(exc) != "resource_already_exists_exception":
            raise ElasticsearchSetupError(f"index {index}: {_reason(exc)}") from exc
    try:
        await client.indices.put_mapping(index=index, **mappings)
    except BadRequestError as exc:
        raise ElasticsearchSetupError(
            f"index {index} exists with a mapping that conflicts with this version's: {_reason(exc)} "
            "(reindex into a new generation and move the alias)"
        ) from exc
    report.updated.append(index)


def _error_type(exc: BadRequestError) -> str | None:
    body = exc.body if isinstance(exc.body, dict) else {}
    error = body.get("error")
    return error.get("type") if isinstance(error, dict) else None


def _reason(exc: BadRequestError) -> str:
    body = exc.body if isinstance(exc.body, dict) else {}
    error = body.get("error")
    if isinstance(error, dict):
        return f"{error.get('type')}: {error.get('reason')}"
    return str(exc)
