"""Real servers on one SQLite file: concurrent workers, a kill mid-write, a restart."""

from __future__ import annotations

import http.client
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.alexa import RequestFactory, speech_text
from tests.storage_fixtures import read_only
from tests.test_cli import free_port, wait_healthy

LOGS_PER_WORKER = 25
LOGGED, NOT_SAVED = "Logged a twitch", "couldn't save that to your diary"


class Server:
    """``toe-twitch serve --insecure-dev`` in its own process, on a free loopback port."""

    def __init__(self, database: Path) -> None:
        self.port = free_port()
        environ = {k: v for k, v in os.environ.items() if k not in {"SKILL_ID", "DATABASE"}}
        command = [sys.executable, "-m", "skill.hosting.cli", "serve", "--insecure-dev"]
        self.process = subprocess.Popen(
            [*command, "--port", str(self.port)],
            env={**environ, "DATABASE": str(database)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_healthy(self.port, self.process)

    def send(self, envelope: dict) -> dict:
        """POST one request envelope; return the response envelope."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/alexa",
            data=json.dumps(envelope).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=20) as reply:
            return json.loads(reply.read())

    def stop(self, sig: int = signal.SIGTERM) -> None:
        """Stop the process (SIGKILL to simulate a crash)."""
        self.process.send_signal(sig)
        self.process.wait(timeout=10)


@pytest.fixture
def database(tmp_path) -> Path:
    return tmp_path / "toe_twitch.sqlite"


def diary_rows(database: Path, user: str) -> int:
    with sqlite3.connect(database) as connection:
        return connection.execute(
            "SELECT COUNT(*) FROM diary WHERE user_id = ?", (user,)
        ).fetchone()[0]


def log_request(person: RequestFactory) -> dict:
    return person.envelope(person.intent("LogTwitchIntent"), {}, False)


def test_four_workers_logging_for_one_person_at_once_lose_nothing(database):
    person = RequestFactory()
    servers = [Server(database) for _ in range(4)]
    failures: list[str] = []

    def worker(server: Server) -> None:
        for _ in range(LOGS_PER_WORKER):
            reply = server.send(log_request(person))
            if "Logged a twitch" not in speech_text(reply):
                failures.append(speech_text(reply))

    try:
        threads = [threading.Thread(target=worker, args=(server,)) for server in servers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert failures == []
        assert diary_rows(database, person.user_id) == 4 * LOGS_PER_WORKER
        history = servers[0].send(person.envelope(person.intent("TwitchHistoryIntent"), {}, False))
        assert f"logged {4 * LOGS_PER_WORKER} twitches" in speech_text(history)
    finally:
        for server in servers:
            server.stop()


def test_killing_the_server_mid_write_leaves_a_sound_database(database):
    person = RequestFactory()
    server = Server(database)
    acknowledged = []
    stop = threading.Event()

    def hammer() -> None:
        while not stop.is_set():
            try:
                reply = server.send(log_request(person))
            except (OSError, http.client.HTTPException):
                return
            if "Logged a twitch" in speech_text(reply):
                acknowledged.append(1)

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 20
    while len(acknowledged) < 40 and time.monotonic() < deadline:
        time.sleep(0.01)
    server.stop(signal.SIGKILL)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert diary_rows(database, person.user_id) >= len(acknowledged) >= 40


def test_diary_progress_and_first_use_survive_a_restart_and_go_on_erasure(database):
    person = RequestFactory()
    server = Server(database)
    server.send(person.envelope(person.launch(), {}, True))
    server.send(log_request(person))
    started = server.send(person.envelope(person.intent("StartStretchIntent"), {}, False))
    server.send(
        person.envelope(person.intent("AMAZON.StopIntent"), started["sessionAttributes"], False)
    )
    server.stop()

    server = Server(database)
    try:
        greeting = speech_text(server.send(person.envelope(person.launch(), {}, True)))
        assert "Welcome back" in greeting and "professional medical advice" not in greeting
        assert "logged one twitch this week" in greeting
        assert "stopped at the toe extension stretch" in greeting
        asked = server.send(person.envelope(person.intent("DeleteDataIntent"), {}, False))
        server.send(
            person.envelope(person.intent("AMAZON.YesIntent"), asked["sessionAttributes"], False)
        )
    finally:
        server.stop()

    server = Server(database)
    try:
        greeting = speech_text(server.send(person.envelope(person.launch(), {}, True)))
        assert "professional medical advice" in greeting and "logged" not in greeting
        assert diary_rows(database, person.user_id) == 0
    finally:
        server.stop()


def test_a_database_folder_moved_away_under_two_servers_loses_no_acknowledged_log(tmp_path):
    folder, moved = tmp_path / "data", tmp_path / "moved"
    servers = [Server(folder / "toe_twitch.sqlite") for _ in range(2)]
    person = RequestFactory()
    heard: list[tuple[str, bool, bool]] = []  # request id, acknowledged, sent after the move
    moved_away, stop = threading.Event(), threading.Event()

    def hammer(server: Server) -> None:
        while not stop.is_set():
            envelope = log_request(person)
            after = moved_away.is_set()
            said = speech_text(server.send(envelope))
            assert LOGGED in said or NOT_SAVED in said, said
            heard.append((envelope["request"]["requestId"], LOGGED in said, after))

    threads = [threading.Thread(target=hammer, args=(servers[n % 2],)) for n in range(4)]
    try:
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 30
        while sum(yes for _, yes, _ in heard) < 40 and time.monotonic() < deadline:
            time.sleep(0.01)
        folder.rename(moved)
        moved_away.set()
        while sum(after for _, _, after in heard) < 40 and time.monotonic() < deadline + 30:
            time.sleep(0.01)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        for server in servers:
            server.stop()
    acknowledged = {request for request, yes, _ in heard if yes}
    assert len(acknowledged) >= 40
    with sqlite3.connect(moved / "toe_twitch.sqlite") as connection:
        kept = {row[0] for row in connection.execute("SELECT request_id FROM diary")}
    assert acknowledged <= kept, "an acknowledged log is missing from the moved file"
    assert sum(after for _, _, after in heard) >= 40
    assert not any(yes for _, yes, after in heard if after), "acknowledged after the move"
    assert not folder.exists(), "no new, empty database was made in its place"


def test_a_server_refuses_while_the_database_is_read_only_and_recovers_without_restart(database):
    server = Server(database)
    person = RequestFactory()

    def burst() -> list[str]:
        """Twelve logs from four clients at once, so that every server thread answers some."""
        with ThreadPoolExecutor(4) as clients:
            replies = clients.map(lambda _: server.send(log_request(person)), range(12))
            return [speech_text(reply) for reply in replies]

    try:
        assert LOGGED in speech_text(server.send(log_request(person)))
        with read_only(database):  # threads that open their connection now open it read-only
            assert all(NOT_SAVED in said for said in burst())
        assert all(LOGGED in said for said in burst()), "a thread stayed read-only"
    finally:
        server.stop()
    assert diary_rows(database, person.user_id) == 13
