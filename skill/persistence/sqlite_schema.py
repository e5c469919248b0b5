"""The SQLite schema, WAL mode, and the migration of files made by older versions."""

from __future__ import annotations

import sqlite3
import time

SCHEMA_VERSION = 2  # 2: diary.request_id, so that a replayed request adds no second entry
TABLES = (
    "CREATE TABLE IF NOT EXISTS attributes (id TEXT PRIMARY KEY, data TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS diary ("
    " entry INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL, at TEXT NOT NULL,"
    " foot TEXT, request_id TEXT)",
    "CREATE INDEX IF NOT EXISTS diary_by_user ON diary (user_id, at)",
)
ONCE = "CREATE UNIQUE INDEX IF NOT EXISTS diary_once ON diary (user_id, request_id)"
SETUP_ATTEMPTS = 20
WAITS_ON = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def set_up(connection: sqlite3.Connection) -> None:
    """WAL mode and the current schema, retrying while other processes do the same."""
    for attempt in range(SETUP_ATTEMPTS):
        try:
            _set_up(connection)
            return
        except sqlite3.OperationalError as failure:
            # Several processes creating a new file at once: switching it to WAL
            # can report "locked" without waiting; the first one wins, the rest retry.
            code = getattr(failure, "sqlite_errorcode", 0) & 0xFF
            if code not in WAITS_ON or attempt + 1 == SETUP_ATTEMPTS:
                raise
            time.sleep(0.02 * (attempt + 1))


def _set_up(connection: sqlite3.Connection) -> None:
    if connection.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    if connection.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
        return  # nothing to write: a read-only database still opens for reading
    connection.execute("BEGIN IMMEDIATE")
    try:
        if connection.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
            for statement in TABLES:
                connection.execute(statement)
            columns = {row[1] for row in connection.execute("PRAGMA table_info(diary)")}
            if "request_id" not in columns:
                connection.execute("ALTER TABLE diary ADD COLUMN request_id TEXT")
            connection.execute(ONCE)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
