"""Sinks: where tagged dispatches and alerts land, one folder per destination.

    sqlite/          the embedded store: SQLite (WAL) with FTS5 search and the dashboard's statistics
    elasticsearch/   the distributed store: the Kafka → Elasticsearch sink, index layout, search, client
    alerts/          alert delivery: channels registered by name, notifiers, retries, the Kafka notify service

Depends on the core only.
"""
