"""The SQLite file under the running skill: removed, moved, replaced, read-only, full, corrupt.

Each fault is made for real on real files (rm, rename, chmod or chattr, a tiny tmpfs, bytes
written over pages); the tests hear what the person hears and count the rows on disk.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from skill.builder import build_skill, handle_event
from skill.persistence import StorageHealth
from skill.persistence.sqlite import sqlite_storage
from tests.alexa import Conversation, RequestFactory, speech_text
from tests.storage_fixtures import fill_up, read_only, small_disk

LOGGED, NOT_SAVED = "Logged a twitch", "couldn't save that to your diary"


def log_envelope(person: RequestFactory) -> dict:
    return person.envelope(person.intent("LogTwitchIntent"), {}, False)


def stored_request_ids(database: Path) -> set[str]:
    with sqlite3.connect(database) as connection:
        return {row[0] for row in connection.execute("SELECT request_id FROM diary")}


def rows(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT COUNT(*) FROM diary").fetchone()[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Skill:
    """The skill on one SQLite file, answering in this thread or in a long-lived worker thread."""

    def __init__(self, database: Path) -> None:
        self.storage = sqlite_storage(database)
        self.skill = build_skill(self.storage)
        self.person = RequestFactory()
        self.worker = ThreadPoolExecutor(1)  # like a waitress thread: keeps its connection

    def log(self, in_worker: bool = False) -> str:
        """Say "log a twitch"; return what was heard."""
        envelope = log_envelope(self.person)
        if in_worker:
            return speech_text(self.worker.submit(handle_event, envelope, self.skill).result())
        return speech_text(handle_event(envelope, self.skill))

    def close(self) -> None:
        self.worker.shutdown()


def test_a_removed_database_folder_refuses_writes_and_is_not_recreated(tmp_path, caplog):
    folder = tmp_path / "data"
    skill = Skill(folder / "toe_twitch.sqlite")
    try:
        assert LOGGED in skill.log()
        shutil.rmtree(folder)
        with caplog.at_level(logging.ERROR):
            assert NOT_SAVED in skill.log()
            assert NOT_SAVED in skill.log(in_worker=True)  # a new connection is not a new file
        assert "database file was removed" in caplog.text
        assert not folder.exists(), "no fresh, empty database was made"
        assert skill.storage.health() == StorageHealth(False, "database file was removed")
        conversation = Conversation(lambda e: handle_event(e, skill.skill), skill.person)
        assert "can't reach your diary" in speech_text(conversation.say("TwitchHistoryIntent"))
    finally:
        skill.close()


def test_a_restart_after_the_file_was_deleted_but_its_log_remains_makes_no_new_file(tmp_path):
    database = tmp_path / "toe_twitch.sqlite"
    running = Skill(database)  # still running: its write-ahead log stays
    assert LOGGED in running.log()
    database.unlink()
    restarted = Skill(database)
    try:
        assert NOT_SAVED in restarted.log()
        assert not database.exists()
        assert restarted.storage.health() == StorageHealth(False, "database file was removed")
    finally:
        running.close()
        restarted.close()


def test_a_folder_moved_away_under_writers_loses_no_acknowledged_write(tmp_path):
    folder, moved = tmp_path / "data", tmp_path / "moved"
    skill = Skill(folder / "toe_twitch.sqlite")
    heard: list[tuple[str, bool, bool]] = []  # request id, acknowledged, sent after the move
    moved_away = threading.Event()
    stop = threading.Event()

    def writer() -> None:
        while not stop.is_set():
            envelope = log_envelope(skill.person)
            after = moved_away.is_set()
            said = speech_text(handle_event(envelope, skill.skill))
            assert LOGGED in said or NOT_SAVED in said, said
            heard.append((envelope["request"]["requestId"], LOGGED in said, after))

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for thread in threads:
        thread.start()
    while sum(acknowledged for _, acknowledged, _ in heard) < 40:
        threading.Event().wait(0.005)
    folder.rename(moved)
    moved_away.set()
    while sum(after for _, _, after in heard) < 40:
        threading.Event().wait(0.005)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    skill.close()

    acknowledged = {request for request, yes, _ in heard if yes}
    assert acknowledged <= stored_request_ids(moved / "toe_twitch.sqlite"), "a saved log was lost"
    assert not any(yes for _, yes, after in heard if after), "a log after the move was acknowledged"
    assert not folder.exists()
    assert not skill.storage.health().ok


def test_a_replaced_database_file_is_refused_and_left_as_it_is(tmp_path):
    database = tmp_path / "toe_twitch.sqlite"
    skill = Skill(database)
    try:
        assert LOGGED in skill.log()
        other = tmp_path / "restored.sqlite"
        shutil.copy(database, other)
        with sqlite3.connect(other) as connection:
            connection.execute("PRAGMA journal_mode = DELETE")
        before = digest(other)
        os.replace(other, database)
        assert NOT_SAVED in skill.log()
        assert NOT_SAVED in skill.log(in_worker=True)
        assert digest(database) == before, "the file put in its place was not written"
        assert skill.storage.health() == StorageHealth(False, "database file was replaced")
    finally:
        skill.close()


def test_a_read_only_database_refuses_then_recovers_without_a_restart(tmp_path):
    database = tmp_path / "toe_twitch.sqlite"
    skill = Skill(database)
    try:
        assert LOGGED in skill.log()
        with read_only(database):
            assert NOT_SAVED in skill.log()
            assert NOT_SAVED in skill.log(in_worker=True)  # this thread opens it read-only
            assert skill.storage.health() == StorageHealth(False, "database is read-only")
        assert skill.storage.health() == StorageHealth(True)
        assert LOGGED in skill.log(in_worker=True), "the read-only connection was not kept"
        assert LOGGED in skill.log()
        assert rows(database) == 3
    finally:
        skill.close()


def test_a_read_only_database_at_start_takes_writes_once_writable(tmp_path):
    database = tmp_path / "toe_twitch.sqlite"
    sqlite_storage(database).diary.add("someone", __import__("datetime").datetime.now(), None)
    with read_only(database):
        skill = Skill(database)
        assert NOT_SAVED in skill.log()
        assert NOT_SAVED in skill.log(in_worker=True)
    try:
        assert LOGGED in skill.log()
        assert LOGGED in skill.log(in_worker=True)
        assert rows(database) == 3
    finally:
        skill.close()


def test_a_full_database_refuses_and_recovers_when_there_is_room(tmp_path):
    """Stand-in for a full disk: SQLite's own page limit gives the same SQLITE_FULL."""
    database = tmp_path / "toe_twitch.sqlite"
    skill = Skill(database)
    assert LOGGED in skill.log()
    connection = skill.storage.diary.database.connection()  # this thread's, the one turns use
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    heard = [skill.log() for _ in range(200)]
    acknowledged = sum(LOGGED in said for said in heard)
    assert NOT_SAVED in heard[-1]
    assert rows(database) == 1 + acknowledged
    assert skill.storage.health() == StorageHealth(False, "disk is full")
    connection.execute("PRAGMA max_page_count = 1000000")
    assert LOGGED in skill.log()
    assert skill.storage.health() == StorageHealth(True)
    assert rows(database) == 2 + acknowledged
    skill.close()


def test_a_full_disk_refuses_and_recovers_when_space_is_freed(tmp_path):
    with small_disk(tmp_path / "disk") as disk:
        database = disk / "toe_twitch.sqlite"
        skill = Skill(database)
        try:
            assert LOGGED in skill.log()
            filler = fill_up(disk)
            assert skill.storage.health() == StorageHealth(False, "disk is full")
            heard = [skill.log() for _ in range(300)]
            acknowledged = sum(LOGGED in said for said in heard)
            assert NOT_SAVED in heard[-1]
            filler.unlink()
            assert skill.storage.health() == StorageHealth(True)
            assert LOGGED in skill.log()
            assert rows(database) == 2 + acknowledged
        finally:
            skill.close()


def test_a_file_that_is_not_a_database_is_never_written(tmp_path):
    database = tmp_path / "toe_twitch.sqlite"
    database.write_bytes(b"these are somebody's notes, not a database\n" * 100)
    before = digest(database)
    skill = Skill(database)
    try:
        assert NOT_SAVED in skill.log()
        assert NOT_SAVED in skill.log(in_worker=True)
        assert skill.storage.health() == StorageHealth(False, "database is corrupt")
        assert digest(database) == before
    finally:
        skill.close()


def test_a_database_with_a_damaged_page_is_never_written(tmp_path):
    database = tmp_path / "toe_twitch.sqlite"
    first = Skill(database)
    for _ in range(3):
        first.log()
    first.close()
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'diary'")
        offset = (root.fetchone()[0] - 1) * page
    with open(database, "r+b") as file:
        file.seek(offset)
        file.write(b"\xa5" * page)
    before = digest(database)
    skill = Skill(database)  # a restart on the damaged file
    try:
        conversation = Conversation(lambda e: handle_event(e, skill.skill), skill.person)
        assert "Welcome to Toe Twitch Helper" in speech_text(conversation.launch())
        assert NOT_SAVED in speech_text(conversation.say("LogTwitchIntent"))
        assert skill.storage.health() == StorageHealth(False, "database is corrupt")
        assert digest(database) == before
    finally:
        skill.close()
