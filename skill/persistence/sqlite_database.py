"""One SQLite file, opened the way storage needs it: WAL, one connection per process.

Threads share the process's connection and take turns on it (a lock around each statement,
with its file checks). Against a connection per thread (bench/bench_sqlite_threads.py, 8
threads logging twitches): the same turns a second within the noise, a quarter of the
voluntary context switches (about 3.5 a turn against 13: a writer that finds another writing
sleeps in SQLite's busy handler instead of waiting on a lock), one set of file descriptors
instead of three a thread. Other processes (several workers) still meet the busy timeout.

The database tells the truth about its file: before each statement it checks that the path
still names the file it opened (a removed or replaced file is refused, never silently
recreated), and after each write that the file was still there when the write landed. A
read-only or full database refuses writes, and recovers on its own once writable again.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ask_sdk_core.exceptions import PersistenceException

from skill.persistence import StorageHealth
from skill.persistence.sqlite_health import (
    CORRUPT,
    FULL,
    IO_ERROR,
    READ_ONLY,
    REMOVED,
    REPLACED,
    UNOPENABLE,
    Identity,
    StorageRefused,
    free_bytes,
    health_problem,
    identity,
    place_problem,
    reason_for,
    write_problem,
)
from skill.persistence.sqlite_schema import set_up

logger = logging.getLogger(__name__)
BUSY_TIMEOUT_MS = 3_000  # well inside Alexa's 8-second answer window
FULL_REMEMBERED_S = 30.0  # a write refused as "full" keeps health not ok this long...
FREED_BYTES = 256 * 1024  # ...unless the file system has gained this much room since
DROP_CONNECTION_ON = frozenset({READ_ONLY, CORRUPT, UNOPENABLE, IO_ERROR})


@dataclass(frozen=True)
class Held:
    """One thread's connection, the process that opened it, and the file it opened."""

    pid: int
    connection: sqlite3.Connection
    file: Identity | None


class SQLiteDatabase:
    """One SQLite file; each process gets, and keeps, its own connection, which its threads
    take turns on (``per_thread = True``: a connection per thread, as measured against).
    """

    per_thread = False

    def __init__(self, path: str | Path) -> None:
        self.in_memory = str(path) == ":memory:"
        self.path = str(path) if self.in_memory else os.path.abspath(path)
        self.folder = os.path.dirname(self.path)
        self._local = threading.local()  # where per-thread connections are kept
        self._shared: Held | None = None  # the process's connection, when shared
        self._using = threading.RLock()  # taken around each use of the shared connection
        self._lock = threading.Lock()
        self._installation: Identity | None = None  # the file this process first opened
        self._corrupt = False
        self._refusal: str | None = None
        self._full: tuple[float, int] | None = None  # when a write was refused as full, free

    def connection(self) -> sqlite3.Connection:
        """The process's connection (with ``per_thread``, this thread's), opened on first use."""
        return self._held().connection

    def _held(self) -> Held:
        held: Held | None = getattr(self._local, "held", None) if self.per_thread else self._shared
        if held is not None and held.pid == os.getpid():
            return held
        held = self._open()
        if self.per_thread:
            self._local.held = held
        else:
            self._shared = held
        return held

    def _open(self) -> Held:
        if self.in_memory:
            connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            set_up(connection)
            return Held(os.getpid(), connection, None)
        known = self._installation
        if known is not None:  # never create a new file for an installation that had one
            problem = place_problem(self.path, known)
            if problem:
                raise StorageRefused(problem)
        elif os.path.exists(f"{self.path}-wal") and not os.path.exists(self.path):
            raise StorageRefused(REMOVED)  # its log outlived it: an installation had a file here
        else:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        before = identity(self.path)
        mode = "rw" if known is not None else "rwc"
        connection = sqlite3.connect(
            f"{Path(self.path).as_uri()}?mode={mode}",
            uri=True,
            isolation_level=None,
            check_same_thread=False,  # shared by the process's threads, one at a time
        )
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if known is None and before is not None:
                self._check_whole(connection)  # once per process, before anything is written
            set_up(connection)
            opened = identity(self.path)
            if opened is None or before not in (None, opened):
                raise StorageRefused(REPLACED)
            self._adopt(opened, created=before is None)
        except BaseException:
            connection.close()
            raise
        return Held(os.getpid(), connection, opened)

    def _check_whole(self, connection: sqlite3.Connection) -> None:
        if connection.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
            self._corrupt = True
            raise StorageRefused(CORRUPT)

    def _adopt(self, opened: Identity, *, created: bool) -> None:
        with self._lock:
            if self._installation is None:
                self._installation = opened
                if created:
                    logger.info("no database at %s: created a new, empty one", self.path)
            elif self._installation != opened:
                raise StorageRefused(REPLACED)

    def _drop(self) -> None:
        held: Held | None = getattr(self._local, "held", None) if self.per_thread else self._shared
        self._local.held, self._shared = None, None
        if held is not None and held.pid == os.getpid():
            held.connection.close()

    def warm_up(self) -> None:
        """Open this thread's connection now (start-up), logging instead of failing."""
        with contextlib.suppress(PersistenceException):  # run has logged why
            self.run("SELECT 1")

    def run(
        self, sql: str, parameters: tuple[Any, ...] = (), *, write: bool = False
    ) -> list[tuple[Any, ...]]:
        """Run one statement, or raise StorageRefused saying why it was refused."""
        return self.run_together([(sql, parameters)], write=write)

    def run_together(
        self, statements: list[tuple[str, tuple[Any, ...]]], *, write: bool = False
    ) -> list[tuple[Any, ...]]:
        """Run statements in one transaction (all land or none); the last one's rows.

        The same checks as :meth:`run`: the file is still the one opened before, and after.
        """
        try:
            rows = self._run(statements, write)
        except StorageRefused as refusal:
            self._refused(refusal.reason)
            raise
        if write and self._refusal is not None:
            logger.warning("database %s takes writes again", self.path)
            self._refusal, self._full = None, None
        return rows

    def _run(
        self, statements: list[tuple[str, tuple[Any, ...]]], write: bool
    ) -> list[tuple[Any, ...]]:
        if self._corrupt:
            raise StorageRefused(CORRUPT)
        with contextlib.nullcontext() if self.per_thread else self._using:
            return self._attempt(statements, write)

    def _attempt(
        self, statements: list[tuple[str, tuple[Any, ...]]], write: bool
    ) -> list[tuple[Any, ...]]:
        """Check the file, run the statements, check the file again after a write."""
        for attempt in range(2):
            held = self._checked(write)
            try:
                rows = _execute(held.connection, statements)
            except sqlite3.Error as failure:
                reason = self._diagnose(failure)
                if reason in DROP_CONNECTION_ON:
                    self._drop()
                if reason == READ_ONLY and write and attempt == 0:
                    continue  # opened while read-only; the file is writable now: reopen once
                raise StorageRefused(reason) from failure
            if write and held.file is not None:
                problem = place_problem(self.path, held.file)
                if problem:  # the file went away while the write landed: it is not saved
                    raise StorageRefused(problem)
            return rows
        raise AssertionError("unreachable")

    def _checked(self, write: bool) -> Held:
        """The connection, if its file is still in place (and writable for writes)."""
        try:
            held = self._held()
        except (sqlite3.Error, OSError) as failure:
            raise StorageRefused(self._diagnose(failure)) from failure
        if held.file is not None:
            problem = place_problem(self.path, held.file) or (
                write_problem(self.path) if write else None
            )
            if problem:
                raise StorageRefused(problem)
        return held

    def _diagnose(self, failure: BaseException) -> str:
        known = self._installation
        problem = place_problem(self.path, known) if known is not None else None
        reason = problem or reason_for(failure)
        if reason == CORRUPT:
            self._corrupt = True  # never written to again by this process
        return reason

    def _refused(self, reason: str) -> None:
        if reason == FULL:
            self._full = (time.monotonic(), free_bytes(self.folder) or 0)
        if reason != self._refusal:
            self._refusal = reason
            logger.error("database %s: %s; refusing, not acknowledging", self.path, reason)

    def health(self) -> StorageHealth:
        """Whether the file opened is still in place, whole, writable and has room."""
        if self.in_memory:
            return StorageHealth(True)
        if self._corrupt:
            return StorageHealth(False, CORRUPT)
        known = self._installation
        if known is None:
            return StorageHealth(False, self._refusal or UNOPENABLE)
        problem = health_problem(self.path, known) or self._still_full()
        return StorageHealth(problem is None, problem or "")

    def _still_full(self) -> str | None:
        """ "full" for a while after a write was refused as full, unless space was freed since."""
        if self._full is None:
            return None
        refused_at, free_then = self._full
        recent = time.monotonic() - refused_at < FULL_REMEMBERED_S
        freed = (free_bytes(self.folder) or 0) > free_then + FREED_BYTES
        return FULL if recent and not freed else None


def _execute(
    connection: sqlite3.Connection, statements: list[tuple[str, tuple[Any, ...]]]
) -> list[tuple[Any, ...]]:
    """Run one statement on its own, or several inside BEGIN IMMEDIATE ... COMMIT."""
    if len(statements) == 1:
        sql, parameters = statements[0]
        return connection.execute(sql, parameters).fetchall()
    connection.execute("BEGIN IMMEDIATE")
    try:
        rows: list[tuple[Any, ...]] = []
        for sql, parameters in statements:
            rows = connection.execute(sql, parameters).fetchall()
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    return rows
