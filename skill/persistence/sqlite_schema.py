"""The SQLite schema, WAL mode, and the migration of files made by older versions."""

from __future__ import annotations

import sqlite3
import time

SCHEMA_VERSION = 3  # 2: diary.request_id, so that a replayed request adds no second entry
# 3: diary_upto, so that the diary's weekly counts read a few rows however long it is
TABLES = (
    "CREATE TABLE IF NOT EXISTS attributes (id TEXT PRIMARY KEY, data TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS diary ("
    " entry INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL, at TEXT NOT NULL,"
    " foot TEXT, request_id TEXT)",
    "CREATE INDEX IF NOT EXISTS diary_by_user ON diary (user_id, at)",
)
ONCE = "CREATE UNIQUE INDEX IF NOT EXISTS diary_once ON diary (user_id, request_id)"
# diary_upto: for each person and each minute that has entries ('YYYY-MM-DDTHH:MM', the first
# 16 characters of the stored UTC text), how many entries the person has up to the end of that
# minute. Triggers keep it in the same statement as the entry. An entry appended now changes
# one row; one logged out of order also raises the minutes after it.
MINUTE_CHARS = 16
MINUTE = "substr({row}.at, 1, 16)"
UPTO = (
    "CREATE TABLE IF NOT EXISTS diary_upto (user_id TEXT NOT NULL, minute TEXT NOT NULL,"
    " upto INTEGER NOT NULL, PRIMARY KEY (user_id, minute)) WITHOUT ROWID",
    "CREATE TRIGGER IF NOT EXISTS diary_counted AFTER INSERT ON diary BEGIN {add_new} END",
    "CREATE TRIGGER IF NOT EXISTS diary_uncounted AFTER DELETE ON diary BEGIN {drop_old} END",
    "CREATE TRIGGER IF NOT EXISTS diary_recounted AFTER UPDATE OF user_id, at ON diary"
    " BEGIN {drop_old} {add_new} END",
)
ADD_NEW = (
    "INSERT INTO diary_upto (user_id, minute, upto) SELECT new.user_id, {new}, coalesce(("
    "SELECT upto FROM diary_upto WHERE user_id = new.user_id AND minute < {new}"
    " ORDER BY minute DESC LIMIT 1), 0) WHERE true ON CONFLICT DO NOTHING;"
    " UPDATE diary_upto SET upto = upto + 1 WHERE user_id = new.user_id AND minute >= {new};"
)
DROP_OLD = "UPDATE diary_upto SET upto = upto - 1 WHERE user_id = old.user_id AND minute >= {old};"
COUNT_EXISTING = (
    "INSERT INTO diary_upto (user_id, minute, upto)"
    " SELECT user_id, minute, sum(entries) OVER (PARTITION BY user_id ORDER BY minute)"
    " FROM (SELECT user_id, substr(at, 1, 16) AS minute, count(*) AS entries FROM diary"
    " GROUP BY user_id, minute)"
)


def upto_statements() -> list[str]:
    """The statements that make ``diary_upto`` and the triggers that keep it."""
    new, old = MINUTE.format(row="new"), MINUTE.format(row="old")
    add_new, drop_old = ADD_NEW.format(new=new), DROP_OLD.format(old=old)
    return [statement.format(add_new=add_new, drop_old=drop_old) for statement in UPTO]


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
            counted = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'diary_upto'"
            ).fetchone()
            for statement in upto_statements():
                connection.execute(statement)
            if counted is None:  # a file from version 2 or older: count what it holds
                connection.execute(COUNT_EXISTING)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
