"""SQLite storage: the person's record and a row per diary entry, in one SQLite file.

How the file is opened, checked and refused when it is gone, read-only, full or corrupt is in
:mod:`skill.persistence.sqlite_database`; the cheap checks themselves in ``sqlite_health``.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_model import RequestEnvelope

from skill.persistence import (
    PERSON_MARK,
    Storage,
    as_utc,
    entries_with_feet,
    parse_times,
    user_id,
)
from skill.persistence.sqlite_database import SQLiteDatabase
from skill.persistence.sqlite_health import StorageRefused, check_database_path
from skill.persistence.sqlite_schema import MINUTE_CHARS
from skill.rules.trend import week_bounds

__all__ = ["SQLiteDatabase", "StorageRefused", "check_database_path", "sqlite_storage"]


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
            write=True,
        )

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        """Delete the person's record."""
        self.database.run(
            "DELETE FROM attributes WHERE id = ?", (user_id(request_envelope),), write=True
        )


UPTO_AT = (  # entries up to and including a moment x; parameters: user, minute, user, x, end
    "coalesce((SELECT upto FROM diary_upto WHERE user_id = ? AND minute <= ?"
    " ORDER BY minute DESC LIMIT 1), 0)"
    " - (SELECT count(*) FROM diary WHERE user_id = ? AND at > ? AND at < ?)"
)
MINUTE_END = ";"  # sorts after ':', the character that follows the minute in every stored time


class SQLiteDiary:
    """The twitch diary on SQLite: an INSERT per twitch, so concurrent appends never collide."""

    def __init__(self, database: SQLiteDatabase) -> None:
        self.database = database

    def add(self, user: str, at: datetime, foot: str | None, request_id: str | None = None) -> None:
        """Record one twitch; a request id already recorded for the person adds nothing."""
        self.database.run(
            "INSERT INTO diary (user_id, at, foot, request_id) VALUES (?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            (user, as_utc(at).isoformat(), foot, request_id),
            write=True,
        )

    def times(self, user: str, since: datetime) -> list[datetime]:
        """When the person's twitches since ``since`` happened, oldest first."""
        rows = self.database.run(
            "SELECT at FROM diary WHERE user_id = ? AND at >= ? ORDER BY at",
            (user, since.isoformat()),
        )
        return parse_times(row[0] for row in rows)

    def weekly_counts(self, user: str, now: datetime) -> tuple[int, ...]:
        """Twitches per week of the diary's rule, this week first, in one query.

        With ``upto(x)`` the entries at or before ``x``, week ``i`` is ``upto(bounds[i]) -
        upto(bounds[i + 1])``; ``upto(x)`` is ``diary_upto`` for ``x``'s minute or the last
        before it (one index seek) less the entries of ``x``'s own minute after ``x`` (an index
        range that is empty for "now", since no entry is logged in the future, and holds at
        most a minute's entries for the others). So the counts cost the same however long the
        diary is. Times compare as the UTC text they were stored as.
        """
        bounds = [as_utc(moment).isoformat() for moment in week_bounds(now)]
        parameters: list[str] = []
        for bound in bounds:
            minute = bound[:MINUTE_CHARS]
            parameters += [user, minute, user, bound, minute + MINUTE_END]
        row = self.database.run("SELECT " + ", ".join([UPTO_AT] * len(bounds)), tuple(parameters))[
            0
        ]
        return tuple(row[week] - row[week + 1] for week in range(len(bounds) - 1))

    def feet(self, user: str, since: datetime) -> list[tuple[datetime, str | None]]:
        """When the person's twitches since ``since`` happened, and in which foot."""
        rows = self.database.run(
            "SELECT at, foot FROM diary WHERE user_id = ? AND at >= ? ORDER BY at",
            (user, since.isoformat()),
        )
        return entries_with_feet(rows)

    def erase(self, user: str) -> None:
        """Delete the person's whole diary, its counts first (then the trigger that keeps them
        per deleted entry has nothing to update), in one transaction.
        """
        self.database.run_together(
            [
                ("DELETE FROM diary_upto WHERE user_id = ?", (user,)),
                ("DELETE FROM diary WHERE user_id = ?", (user,)),
            ],
            write=True,
        )


def erase_everyone(database: SQLiteDatabase, account: str) -> None:
    """Erase an account's record and diary, and every recognised person's, in one transaction."""
    prefix = f"{account}{PERSON_MARK}"
    owned = "(user_id = ? OR substr(user_id, 1, ?) = ?)"
    keys = (account, len(prefix), prefix)
    database.run_together(
        [
            ("DELETE FROM attributes WHERE id = ? OR substr(id, 1, ?) = ?", keys),
            (f"DELETE FROM diary_upto WHERE {owned}", keys),
            (f"DELETE FROM diary WHERE {owned}", keys),
        ],
        write=True,
    )


def sqlite_storage(path: str | Path) -> Storage:
    """Storage in one SQLite file (created with its schema on first use)."""
    database = SQLiteDatabase(path)
    database.warm_up()
    return Storage(
        adapter=SQLitePersistenceAdapter(database),
        diary=SQLiteDiary(database),
        health=database.health,
        erase_everyone=lambda account: erase_everyone(database, account),
    )
