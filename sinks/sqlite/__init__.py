"""The embedded store: one SQLite file (WAL) holding the inbox, tagged dispatches with FTS5 search, alerts and
their deliveries, feed states and dead letters (`store`), its schema, search and dashboard statistics."""
