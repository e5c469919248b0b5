"""SQLite storage: WAL, one connection per process and thread, a row per diary entry."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_model import RequestEnvelope

from skill.persistence import Storage, parse_times, user_id

SCHEMA = """
CREATE TABLE IF NOT EXISTS attributes (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS diary (
    entry INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    at TEXT NOT NULL,
    foot TEXT
);
CREATE INDEX IF NOT EXISTS diary_by_user ON diary (user_id, at);
"""
logger = logging.getLogger(__name__)
BUSY_TIMEOUT_MS = 3_000  # well inside Alexa's 8-second answer window
SETUP_ATTEMPTS = 20


class SQLiteDatabase:
    """One SQLite file; each process and thread gets, and keeps, its own connection."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened (and the schema made) on first use."""
        held = getattr(self._local, "held", None)
        if held is not None and held[0] == os.getpid():
            return held[1]
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=True)
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        for attempt in range(SETUP_ATTEMPTS):
            try:
                self._set_up(connection)
                break
            except sqlite3.OperationalError:
                # Several processes creating a new file at once: switching it to WAL
                # can report "locked" without waiting; the first one wins, the rest retry.
                if attempt + 1 == SETUP_ATTEMPTS:
                    connection.close()
                    raise
                time.sleep(0.02 * (attempt + 1))
        self._local.held = (os.getpid(), connection)
        return connection

    @staticmethod
    def _set_up(connection: sqlite3.Connection) -> None:
        if connection.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.executescript(SCHEMA)

    def warm_up(self) -> None:
        """Open this thread's connection now (start-up), logging instead of failing."""
        try:
            self.connection()
        except (sqlite3.Error, OSError) as failure:
            logger.error("database %s cannot be opened: %s", self.path, type(failure).__name__)

    def run(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Run one statement; any SQLite failure becomes a PersistenceException."""
        try:
            return self.connection().execute(sql, parameters).fetchall()
        except (sqlite3.Error, OSError) as failure:
            raise PersistenceException(f"sqlite: {type(failure).__name__}") from failure


class SQLitePersistenceAdapter(AbstractPersistenceAdapter):
    """ask-sdk-core's persistence adapter on SQLite: one JSON record per person."""

    def __init__(self, database: SQLiteDatabase) -> None:
        self.database = database

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        """The person's record; {} for a new person; PersistenceException if unreadable."""
        rows = self.database.run(
            "SELECT data FROM attributes WHERE id = ?", (user_id(request_envelope),)
        )
        if not rows:
            return {}
        try:
            record = json.loads(rows[0][0])
        except ValueError:
            raise PersistenceException("stored record is not JSON") from None
        if not isinstance(record, dict):
            raise PersistenceException("stored record is not an object")
        return record

    def save_attributes(
        self, request_envelope: RequestEnvelope, attributes: dict[str, Any]
    ) -> None:
        """Write the person's whole record."""
        self.database.run(
            "INSERT INTO attributes (id, data) VALUES (?, ?) "
            "ON CONFLICT (id) DO UPDATE SET data = excluded.data",
            (user_id(request_envelope), json.dumps(attributes, separators=(",", ":"))),
        )

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        """Delete the person's record."""
        self.database.run("DELETE FROM attributes WHERE id = ?", (user_id(request_envelope),))


class SQLiteDiary:
    """The twitch diary on SQLite: an INSERT per twitch, so concurrent appends never collide."""

    def __init__(self, database: SQLiteDatabase) -> None:
        self.database = database

    def add(self, user: str, at: datetime, foot: str | None) -> None:
        """Record one twitch."""
        self.database.run(
            "INSERT INTO diary (user_id, at, foot) VALUES (?, ?, ?)", (user, at.isoformat(), foot)
        )

    def times(self, user: str, since: datetime) -> list[datetime]:
        """When the person's twitches since ``since`` happened, oldest first."""
        rows = self.database.run(
            "SELECT at FROM diary WHERE user_id = ? AND at >= ? ORDER BY at",
            (user, since.isoformat()),
        )
        return parse_times(row[0] for row in rows)

    def erase(self, user: str) -> None:
        """Delete the person's whole diary."""
        self.database.run("DELETE FROM diary WHERE user_id = ?", (user,))


def sqlite_storage(path: str | Path) -> Storage:
    """Storage in one SQLite file (created with its schema on first use)."""
    database = SQLiteDatabase(path)
    database.warm_up()
    return Storage(adapter=SQLitePersistenceAdapter(database), diary=SQLiteDiary(database))
