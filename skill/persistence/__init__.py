"""Where a person's data lives between sessions, chosen by settings: SQLite or DynamoDB.

A person's record (first use, saved stretch place) goes through ask-sdk-core's persistence
adapter interface; diary entries are stored one row or item each, so that two workers
appending at once cannot overwrite each other.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException

from skill.rules.trend import Trend, trend_of_counts

logger = logging.getLogger(__name__)


class ErasureFailed(Exception):
    """A person's data could not be erased; the request should fail so that it is retried."""


class DiaryStore(Protocol):
    """Diary entries, one per twitch."""

    def add(
        self, user_id: str, at: datetime, foot: str | None, request_id: str | None = None
    ) -> None:
        """Record one twitch; a second add with the person's same request id adds nothing."""

    def times(self, user_id: str, since: datetime) -> list[datetime]:
        """When the person's twitches since ``since`` happened, oldest first."""

    def weekly_counts(self, user_id: str, now: datetime) -> tuple[int, ...]:
        """The person's twitches in each week of the diary's rule, this week first.

        The weeks of :func:`skill.rules.trend.weekly_counts`, counted by the store without
        reading the entries back, so that a long diary costs no more than a short one.
        """

    def feet(self, user_id: str, since: datetime) -> list[tuple[datetime, str | None]]:
        """When the person's twitches since ``since`` happened, and in which foot (or None)."""

    def erase(self, user_id: str) -> None:
        """Delete every entry of the person's diary."""


PERSON_MARK = "#person#"
MAX_PERSON_ID = 200


def account_id(request_envelope: Any) -> str:
    """The Amazon account's id: everyone in the household who uses this device."""
    try:
        account = request_envelope.context.system.user.user_id
    except AttributeError:
        raise PersistenceException("request carries no user id") from None
    if not isinstance(account, str) or not account:
        raise PersistenceException("request carries no user id")
    return account


def person_id(request_envelope: Any) -> str | None:
    """The id of the person Alexa recognised by voice, if it recognised one."""
    person = getattr(
        getattr(getattr(request_envelope, "context", None), "system", None), "person", None
    )
    found = getattr(person, "person_id", None)
    return found if isinstance(found, str) and 0 < len(found) <= MAX_PERSON_ID else None


def user_id(request_envelope: Any) -> str:
    """Whose data this is: the recognised person's within the account, else the account's."""
    account = account_id(request_envelope)
    person = person_id(request_envelope)
    return f"{account}{PERSON_MARK}{person}" if person else account


def parse_times(stamps: Iterable[Any]) -> list[datetime]:
    """Diary timestamps as datetimes; an unreadable one is logged and skipped, not fatal."""
    times = []
    for stamp in stamps:
        try:
            times.append(datetime.fromisoformat(stamp))
        except (TypeError, ValueError):
            logger.warning("skipped an unreadable diary entry")
    return times


def entries_with_feet(rows: Iterable[Any]) -> list[tuple[datetime, str | None]]:
    """(time, foot) pairs read back; an unreadable time is logged and skipped."""
    entries = []
    for stamp, foot in rows:
        try:
            entries.append((datetime.fromisoformat(stamp), foot if isinstance(foot, str) else None))
        except (TypeError, ValueError):
            logger.warning("skipped an unreadable diary entry")
    return entries


def utc_now() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """``moment`` in UTC (a naive one is taken to be UTC): diary times are stored as UTC text,
    whose order as text is their order in time.
    """
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@dataclass(frozen=True)
class StorageHealth:
    """Whether storage can take writes now, and if not, why (for /healthz and the logs)."""

    ok: bool
    reason: str = ""


def always_healthy() -> StorageHealth:
    """The health of a store that has no way to tell."""
    return StorageHealth(True)


@dataclass
class Storage:
    """The record adapter, the diary, the clock the diary's rule reads, and a health check."""

    adapter: AbstractPersistenceAdapter
    diary: DiaryStore
    clock: Callable[[], datetime] = field(default=utc_now)
    erase_everyone: Callable[[str], None] | None = None
    health: Callable[[], StorageHealth] = field(default=always_healthy)

    def trend(self, request_envelope: Any) -> Trend:
        """The person's diary over the weeks the diary's rule looks at."""
        counts = self.diary.weekly_counts(user_id(request_envelope), as_utc(self.clock()))
        return trend_of_counts(counts)

    def erase_user(self, request_envelope: Any) -> None:
        """Erase everything held about a person: the record and the whole diary."""
        self.adapter.delete_attributes(request_envelope)
        self.diary.erase(user_id(request_envelope))

    def erase_account(self, request_envelope: Any) -> None:
        """Erase everything held for an account: its own data and every recognised person's."""
        if self.erase_everyone is None:  # a store that keeps no one but the account
            self.erase_user(request_envelope)
        else:
            self.erase_everyone(account_id(request_envelope))


def storage_from_settings(settings: Mapping[str, Any]) -> Storage | None:
    """DynamoDB when ``ATTRIBUTES_TABLE`` is set, SQLite when ``DATABASE`` is, else None."""
    if settings.get("ATTRIBUTES_TABLE"):
        from skill.persistence.dynamodb import dynamodb_storage

        return dynamodb_storage(settings["ATTRIBUTES_TABLE"], settings["DIARY_TABLE"])
    if settings.get("DATABASE"):
        from skill.persistence.sqlite import sqlite_storage

        return sqlite_storage(settings["DATABASE"])
    return None
