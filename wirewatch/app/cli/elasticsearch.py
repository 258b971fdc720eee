"""`wirewatch es setup` and `wirewatch sink`; Elasticsearch-backed search for `wirewatch search`.

Registered by wirewatch.app.cli.main through `add_commands`. `search_elasticsearch` is
what `wirewatch search` calls when `[elasticsearch].enabled` is true.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from wirewatch.app.cli.common import Exit, settings_for
from wirewatch.ports import SearchHit
from wirewatch.settings import ElasticsearchSettings, Settings


def add_commands(subparsers) -> None:  # argparse._SubParsersAction
    es = subparsers.add_parser("es", help="Elasticsearch tools")
    es_sub = es.add_subparsers(dest="es_command", metavar="ACTION")
    setup = es_sub.add_parser(
        "setup", help="install the index template, the dispatches index and alias, and the alerts index (idempotent)"
    )
    setup.set_defaults(handler=cmd_es_setup)
    es.set_defaults(handler=lambda args: (es.print_help(), 2)[1])

    sink = subparsers.add_parser(
        "sink", help="index tagged dispatches and alerts from Kafka into Elasticsearch (runs until SIGTERM)"
    )
    sink.add_argument("--loglevel", default="info", choices=["debug", "info", "warning", "error"])
    sink.set_defaults(handler=cmd_sink)


def search_elasticsearch(settings: Settings | ElasticsearchSettings, query: str, limit: int = 20) -> list[SearchHit]:
    """Search the dispatches in Elasticsearch with query_string; hits carry «highlights»."""
    from wirewatch.sinks.elasticsearch.search import search_elasticsearch as search

    return search(settings, query, limit)


def cmd_es_setup(args: argparse.Namespace) -> int:
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    from wirewatch.sinks.elasticsearch.client import ElasticsearchSetupError, build_client, install_layout
    from wirewatch.sinks.elasticsearch.layout import IndexNames

    es = settings_for(args).elasticsearch

    async def setup() -> str:
        client = build_client(es)
        try:
            return str(await install_layout(client, IndexNames.from_settings(es)))
        finally:
            await client.close()

    try:
        print(f"wirewatch es setup: {asyncio.run(setup())}")
    except (ElasticsearchSetupError, ApiError, TransportError) as exc:
        print(f"wirewatch es setup: {', '.join(es.hosts)}: {exc}", file=sys.stderr)
        return Exit.ERROR
    return Exit.OK


def cmd_sink(args: argparse.Namespace) -> int:
    from wirewatch.sinks.elasticsearch.sink import run_sink

    settings = settings_for(args)
    logging.getLogger().setLevel(args.loglevel.upper())
    counters = asyncio.run(run_sink(settings.elasticsearch, settings.kafka, stories=settings.stories.enabled))
    print(f"wirewatch sink: {counters.as_dict()}", file=sys.stderr)
    return Exit.OK
