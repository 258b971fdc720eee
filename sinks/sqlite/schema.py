"""Schema and migrations of the embedded SQLite store.

The schema version lives in ``PRAGMA user_version``. ``MIGRATIONS[i]`` brings a
database from version ``i`` to ``i + 1``; a new schema change is a new entry
appended to the list, never an edit of an old one, so every existing file can
be walked forward step by step.

Full-text search uses an FTS5 *external content* table over
``dispatches(title, text)``, kept in sync by triggers. Why external content:
the text is stored once (in ``dispatches``), updates and deletes work on the
SQLite 3.40 we ship with (contentless tables only gained delete support in
3.43), and the triggers run inside the writing transaction, so the index can
never drift from the rows. ``dispatches.seq`` is an explicit INTEGER PRIMARY
KEY because the FTS rows point at it: an implicit rowid may be renumbered by
VACUUM, a declared one may not.

The ``title`` and ``text`` columns hold ``fts_document_text(...)`` of the
dispatch (the original is in ``doc``): SQLite's unicode61 folding misses some
case pairs Lucene lowercases (``İ`` → ``i``), and the query side's prefilter is
lowercased the Lucene way, so the index must be too.
"""

from __future__ import annotations

import sqlite3

from wirewatch.errors import StoreError
from wirewatch.query.folding import fold

MIGRATIONS: list[str] = [
    # 0 -> 1: the first schema.
    """
    CREATE TABLE inbox (
        id          TEXT PRIMARY KEY,
        payload     TEXT,               -- Dispatch JSON; NULL once done (the document lives in dispatches)
        state       TEXT NOT NULL CHECK (state IN ('accepted', 'done')),
        accepted_at REAL NOT NULL
    );
    CREATE INDEX inbox_accepted ON inbox (accepted_at) WHERE state = 'accepted';

    CREATE TABLE dispatches (
        seq          INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        doc          TEXT NOT NULL,     -- TaggedDispatch.to_doc() as JSON
        title        TEXT NOT NULL,     -- title and text as fed to FTS5: lowercased the Lucene way
        text         TEXT NOT NULL,     -- (fts_document_text), so the FTS prefilter stays a superset
        source       TEXT NOT NULL,
        published_ts REAL NOT NULL,     -- epoch seconds: ISO strings with optional fractions sort wrongly
        stored_at    REAL NOT NULL
    );
    CREATE INDEX dispatches_published ON dispatches (published_ts);
    CREATE INDEX dispatches_source ON dispatches (source);

    CREATE VIRTUAL TABLE dispatches_fts USING fts5 (
        title, text,
        content = 'dispatches', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 0'
    );
    CREATE TRIGGER dispatches_fts_insert AFTER INSERT ON dispatches BEGIN
        INSERT INTO dispatches_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    CREATE TRIGGER dispatches_fts_delete AFTER DELETE ON dispatches BEGIN
        INSERT INTO dispatches_fts (dispatches_fts, rowid, title, text)
            VALUES ('delete', old.seq, old.title, old.text);
    END;
    CREATE TRIGGER dispatches_fts_update AFTER UPDATE OF title, text ON dispatches BEGIN
        INSERT INTO dispatches_fts (dispatches_fts, rowid, title, text)
            VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO dispatches_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;

    CREATE TABLE alerts (
        key         TEXT PRIMARY KEY,   -- rule_id:dispatch_id, so an alert fires once
        rule_id     TEXT NOT NULL,
        dispatch_id TEXT NOT NULL,
        alert       TEXT NOT NULL,      -- Alert.to_dict() as JSON
        at          REAL NOT NULL
    );
    CREATE INDEX alerts_at ON alerts (at);

    CREATE TABLE deliveries (
        alert_key       TEXT NOT NULL REFERENCES alerts (key),
        channel         TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        last_error      TEXT,
        next_attempt_at REAL NOT NULL,
        delivered_at    REAL,
        PRIMARY KEY (alert_key, channel)
    );
    CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state = 'pending';

    CREATE TABLE dead_letters (
        id      INTEGER PRIMARY KEY,
        kind    TEXT NOT NULL,
        payload TEXT NOT NULL,
        reason  TEXT NOT NULL,
        at      REAL NOT NULL
    );

    CREATE TABLE feed_state (
        name       TEXT PRIMARY KEY,
        state      TEXT NOT NULL,
        updated_at REAL NOT NULL
    );
    """,
    # 1 -> 2: the tagger's learned layer (processors/tagger/learned.py): one row per entry and writer,
    # `seq` increasing with every write so a reader can ask for what changed since it last looked.
    """
    CREATE TABLE learned (
        key    TEXT PRIMARY KEY,            -- "<entry key>|<writer>"
        writer TEXT NOT NULL,
        value  TEXT NOT NULL,               -- JSON: a contribution, or a user's decision
        seq    INTEGER NOT NULL
    );
    CREATE INDEX learned_seq ON learned (seq);
    """,
    # 2 -> 3: search folds accents and Arabic letter forms (wirewatch.query.folding): the FTS columns hold the
    # folded text from now on; fold what is there (the update trigger re-indexes each row).
    """
    UPDATE dispatches SET title = wirewatch_fold(title), text = wirewatch_fold(text)
        WHERE wirewatch_fold(title) != title OR wirewatch_fold(text) != text;
    """,
    # 3 -> 4: feeds managed at runtime (`wirewatch feeds add / import / pause / resume / remove`, the dashboard),
    # laid over the configuration file's: a row is a whole feed definition; the running process re-reads them.
    """
    CREATE TABLE IF NOT EXISTS managed_feeds (
        name       TEXT PRIMARY KEY,
        definition TEXT NOT NULL,           -- JSON: the FeedConfig fields
        updated_at REAL NOT NULL
    );
    """,
    # 4 -> 5: stories (docs/stories.md). A story's latest record; each dispatch's story id (its `doc` has the
    # story as it stood when the dispatch joined); an alert grouped by story is one row in `alerts`, updated as
    # the story's dispatches match, and one `alert_hits` row per dispatch, so a repeat never counts twice.
    """
    CREATE TABLE stories (
        id          TEXT PRIMARY KEY,
        title       TEXT NOT NULL,
        first_seen  REAL NOT NULL,
        last_update REAL NOT NULL,
        dispatches  INTEGER NOT NULL,
        sources     INTEGER NOT NULL,
        breaking_at REAL,
        record      TEXT NOT NULL          -- Story.to_record() as JSON
    );
    CREATE INDEX stories_last_update ON stories (last_update);
    CREATE INDEX stories_first_seen ON stories (first_seen);

    ALTER TABLE dispatches ADD COLUMN story_id TEXT;
    CREATE INDEX dispatches_story ON dispatches (story_id, published_ts) WHERE story_id IS NOT NULL;

    ALTER TABLE alerts ADD COLUMN updated_at REAL;
    CREATE TABLE alert_hits (
        alert_key   TEXT NOT NULL,
        dispatch_id TEXT NOT NULL,
        at          REAL NOT NULL,
        PRIMARY KEY (alert_key, dispatch_id)
    ) WITHOUT ROWID;
    """,
    # 5 -> 6: alerting policies (sinks/alerts/policy.py) and the dashboard's saved searches. A delivery held for a digest or a realert window
    # carries its group and waits until next_attempt_at; `outcome` says how it left the queue (sent, or
    # silenced and by which silence); `throttles` is when each (rule, key, channel) may send again.
    """
    ALTER TABLE deliveries ADD COLUMN grouping TEXT;
    ALTER TABLE deliveries ADD COLUMN outcome TEXT;
    ALTER TABLE deliveries ADD COLUMN silence_id TEXT;
    CREATE INDEX deliveries_group ON deliveries (channel, grouping, next_attempt_at)
        WHERE state = 'pending' AND grouping IS NOT NULL;
    CREATE TABLE throttles (
        rule_id TEXT NOT NULL,
        tkey    TEXT NOT NULL,
        channel TEXT NOT NULL,
        until   REAL NOT NULL,
        PRIMARY KEY (rule_id, tkey, channel)
    ) WITHOUT ROWID;
    CREATE TABLE silences (
        id         TEXT PRIMARY KEY,
        rule       TEXT,
        key        TEXT,
        starts     REAL NOT NULL,
        ends       REAL NOT NULL,
        reason     TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at REAL NOT NULL
    );
    CREATE INDEX silences_ends ON silences (ends);
    CREATE TABLE saved_searches (
        name       TEXT PRIMARY KEY,
        query      TEXT NOT NULL,
        created_at REAL NOT NULL
    );
    CREATE TABLE seen_entities (
        kind       TEXT NOT NULL,      -- officials | agencies
        name       TEXT NOT NULL,
        country    TEXT NOT NULL,
        first_seen REAL NOT NULL,
        PRIMARY KEY (kind, name, country)
    ) WITHOUT ROWID;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(StoreError):
    """The database file cannot be used by this version of wirewatch."""


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to SCHEMA_VERSION; returns the version found before.

    Each step runs in its own transaction together with its version bump, so a
    crash mid-migration leaves the file at the previous version, not half-way.
    """
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    # the migrations' own SQL function: the stored FTS text (already lowercased) folded as search folds it
    conn.create_function("wirewatch_fold", 1, fold, deterministic=True)
    if found > SCHEMA_VERSION:
        raise SchemaError(f"database schema version {found} is newer than this wirewatch supports ({SCHEMA_VERSION})")
    for version in range(found, SCHEMA_VERSION):
        script = MIGRATIONS[version]
        try:
            # executescript commits any open transaction first; the explicit
            # BEGIN/COMMIT makes the step and its version bump one unit.
            conn.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {version + 1};\nCOMMIT;")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return found
