"""What the SQLite file on disk says: is it the file we opened, writable, with room, whole.

Every check here is a stat, an access(2), a statvfs or a 16-byte read: cheap enough to run
before each write and on every health probe. SQLite's own "has the file moved" test
(``SQLITE_FCNTL_HAS_MOVED``) is the same comparison of the path's inode with the open file's.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import tempfile
from pathlib import Path

from ask_sdk_core.exceptions import PersistenceException

Identity = tuple[int, int]  # (st_dev, st_ino) of the database file

REMOVED = "database file was removed"
REPLACED = "database file was replaced"
READ_ONLY = "database is read-only"
FOLDER_READ_ONLY = "database folder is read-only"
FULL = "disk is full"
CORRUPT = "database is corrupt"
UNOPENABLE = "database cannot be opened"
BUSY = "database is busy"
IO_ERROR = "database I/O error"
OTHER = "database error"

HEADER = b"SQLite format 3\x00"
FULL_BELOW_BYTES = 16 * 1024  # less than a few WAL frames left: no write can land
REASONS_BY_CODE = {
    sqlite3.SQLITE_READONLY: READ_ONLY,
    sqlite3.SQLITE_FULL: FULL,
    sqlite3.SQLITE_CORRUPT: CORRUPT,
    sqlite3.SQLITE_NOTADB: CORRUPT,
    sqlite3.SQLITE_CANTOPEN: UNOPENABLE,
    sqlite3.SQLITE_BUSY: BUSY,
    sqlite3.SQLITE_LOCKED: BUSY,
    sqlite3.SQLITE_IOERR: IO_ERROR,
}


class StorageRefused(PersistenceException):
    """The store refused a statement; ``reason`` says why in a few words."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"sqlite: {reason}")
        self.reason = reason


def reason_for(failure: BaseException) -> str:
    """A short reason for an SQLite or OS failure."""
    if isinstance(failure, sqlite3.Error):
        code = getattr(failure, "sqlite_errorcode", None)
        return OTHER if code is None else REASONS_BY_CODE.get(code & 0xFF, OTHER)
    return UNOPENABLE


def identity(path: str) -> Identity | None:
    """The identity of the file at ``path`` now, or None if there is none."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def place_problem(path: str, expected: Identity) -> str | None:
    """None if ``path`` still names the file that was opened, else what happened to it."""
    try:
        found = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return REMOVED
    except OSError:
        return UNOPENABLE
    return None if (found.st_dev, found.st_ino) == expected else REPLACED


def write_problem(path: str) -> str | None:
    """None if this process may write the database file, else why not."""
    return None if os.access(path, os.W_OK) else READ_ONLY


def header_problem(path: str) -> str | None:
    """None if the file is empty or starts like an SQLite database, else "corrupt"."""
    try:
        with open(path, "rb") as file:
            start = file.read(len(HEADER))
    except OSError:
        return UNOPENABLE
    return None if start in (b"", HEADER) else CORRUPT


def free_bytes(folder: str) -> int | None:
    """Bytes this process may still write on the file system holding ``folder``."""
    try:
        space = os.statvfs(folder)
    except OSError:
        return None
    blocks = space.f_bfree if os.geteuid() == 0 else space.f_bavail
    return blocks * space.f_frsize


def room_problem(folder: str) -> str | None:
    """None if the file system holding ``folder`` has room for a write, else "disk is full"."""
    free = free_bytes(folder)
    return FULL if free is not None and free < FULL_BELOW_BYTES else None


def health_problem(path: str, expected: Identity) -> str | None:
    """The first problem a stat-level look at the database finds, or None."""
    folder = os.path.dirname(path) or "."
    return (
        place_problem(path, expected)
        or header_problem(path)
        or write_problem(path)
        or (None if os.access(folder, os.W_OK | os.X_OK) else FOLDER_READ_ONLY)
        or room_problem(folder)
    )


def check_database_path(path: str | Path) -> str | None:
    """None if a database can be opened and written at ``path``, else one line saying why not."""
    target = Path(path).absolute()
    if os.path.isdir(target):
        return f"cannot use {target}: {os.strerror(errno.EISDIR)}"
    folder = target.parent
    while True:  # the app creates missing folders: the first one that exists must take files
        try:
            folder.stat()
            break
        except FileNotFoundError:
            if folder == folder.parent:
                break
            folder = folder.parent
        except OSError as failure:
            return f"cannot write {target}: {failure.strerror or failure}"
    try:
        handle, probe = tempfile.mkstemp(prefix=".toe-twitch-check-", dir=folder)
    except OSError as failure:
        return f"cannot write {target}: {failure.strerror or failure}"
    os.close(handle)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    if not os.path.exists(target):
        return None
    try:
        os.close(os.open(target, os.O_RDWR))
        with contextlib.closing(sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True)) as db:
            db.execute("PRAGMA schema_version").fetchone()
    except OSError as failure:
        return f"cannot write {target}: {failure.strerror or failure}"
    except sqlite3.Error as failure:
        return f"cannot use {target}: {failure}"
    return None
