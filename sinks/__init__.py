"""Sinks: where tagged dispatches and alerts land. The embedded SQLite store (`sqlite_*`), the
Elasticsearch sink and index layout (`elasticsearch_sink`, `es_*`), and alert delivery: channels registered
by name (`channels`), notifiers, retries (`delivery`) and the Kafka alert notifier. Depends on the core only."""
