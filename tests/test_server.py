"""The real waitress server on 127.0.0.1: its limits, and logs that do not flood."""

from __future__ import annotations

import http.client
import json
import logging
import resource
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

import pytest

from skill.hosting import web
from skill.hosting.server import connection_limit, make_server, stop_server
from skill.hosting.web import MAX_BODY_BYTES
from skill.logs import RateLimit, log_limits, safe_log_text
from skill.voice.ssml import check_response

IDLE_SOCKETS = 200


@contextmanager
def running(app: Any, threads: int = 4) -> Iterator[Any]:
    """The app under waitress with the production settings, on a free loopback port."""
    server = make_server(app, "127.0.0.1", 0, threads)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        stop_server(server, thread)
    assert not thread.is_alive()


def post(server: Any, body: bytes, headers: dict[str, str], timeout: float = 5) -> tuple[int, Any]:
    """POST /alexa over a fresh HTTP/1.1 connection; the status and the parsed JSON answer."""
    connection = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=timeout)
    try:
        connection.request("POST", "/alexa", body=body, headers=headers)
        reply = connection.getresponse()
        return reply.status, json.loads(reply.read())
    finally:
        connection.close()


def test_the_limits_are_the_ones_chosen_for_alexa(app):
    with running(app) as server:
        adj = server.adj
    assert adj.max_request_body_size == MAX_BODY_BYTES + 1
    assert adj.connection_limit > IDLE_SOCKETS and adj.asyncore_use_poll
    assert adj.channel_timeout == 30 and adj.cleanup_interval == 5
    assert adj.ident is None and not adj.expose_tracebacks


@pytest.mark.parametrize(
    ("open_files", "limit"),
    [(20_000, 1000), (1024, 924), (256, 156), (40, 16), (resource.RLIM_INFINITY, 1000)],
)
def test_the_connection_limit_leaves_room_under_the_open_file_limit(open_files, limit):
    assert connection_limit(open_files) == limit


def test_a_body_announced_as_50_mb_is_refused_before_it_is_read(app, caplog):
    head = (
        "POST /alexa HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {50 * 1024 * 1024}\r\n\r\n"
    )
    with (
        caplog.at_level(logging.INFO, logger="skill.access"),
        running(app) as server,
        socket.create_connection(("127.0.0.1", server.effective_port), timeout=5) as client,
    ):
        started = time.monotonic()
        client.sendall(head.encode("ascii") + b'{"request": ' * 100)
        reply = client.recv(4096)
        took = time.monotonic() - started
    assert reply.startswith(b"HTTP/1.1 413 "), reply[:80]
    assert took < 1.0
    assert not [r for r in caplog.records if r.name == "skill.access"], "the app never ran"


def test_200_idle_connections_do_not_stop_an_alexa_request(app, signed, factory):
    body, headers = signed(factory.intent("TwitchCausesIntent"))
    with running(app) as server, ExitStack() as idle:
        for number in range(IDLE_SOCKETS):
            sock = idle.enter_context(
                socket.create_connection(("127.0.0.1", server.effective_port))
            )
            if number % 2:  # half say nothing; half start a request and stall
                sock.sendall(b"POST /alexa HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        status, answer = post(server, body, headers, timeout=3)
        took = time.monotonic() - started
    assert status == 200 and took < 2.0
    check_response(answer)


def _slow(monkeypatch, seconds):
    real = web.answer_event

    def slow(envelope, skill):
        time.sleep(seconds)
        return real(envelope, skill)

    monkeypatch.setattr(web, "answer_event", slow)


def test_under_load_warnings_are_rate_limited_but_every_request_is_logged(
    monkeypatch, caplog, signed, factory, chain_server
):
    app = web.create_app({"VERIFY_SIGNATURE": False, "VERIFY_TIMESTAMP": False})
    _slow(monkeypatch, 0.05)
    good = json.dumps(factory.envelope(factory.launch(), {}, True)).encode()
    bodies = [good, b"not json"] * 12

    def send(body):
        return post(server, body, {"Content-Type": "application/json"})[0]

    with caplog.at_level(logging.INFO), log_limits(burst=3), running(app, threads=1) as server:
        workers = [threading.Thread(target=send, args=(body,)) for body in bodies]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=10)
    messages = [record.getMessage() for record in caplog.records]
    queue = [m for m in messages if m.startswith("Task queue depth")]
    refused = [m for m in messages if m.startswith("refused request")]
    access = [m for m in messages if m.startswith("POST /alexa ")]
    assert 1 <= len(queue) <= 3 and 1 <= len(refused) <= 3
    assert len(access) == len(bodies)


def test_safe_log_text_escapes_controls_and_bounds_length():
    assert safe_log_text("a\nb\r\x1b[2J\u202e\\") == "a\\x0ab\\x0d\\x1b[2J\\u202e\\\\"
    assert safe_log_text("\ud800") == "\\ud800"
    assert safe_log_text("é \U0001f9b6 ok") == "é \U0001f9b6 ok"
    assert len(safe_log_text("x" * 10_000)) == 200 and safe_log_text("x" * 300).endswith("...")
    assert len(safe_log_text("\n" * 300, limit=50)) == 50
    assert safe_log_text(None) == "-" and safe_log_text(["a"] * 10**6) == "<list>"
    assert safe_log_text(10**5000) == "<int>"


def _record(message: str, level: int = logging.WARNING, *args: Any) -> logging.LogRecord:
    return logging.LogRecord("test", level, __file__, 1, message, args, None)


def test_the_rate_limit_counts_what_it_held_back():
    now = [0.0]
    limit = RateLimit(burst=2, period=60, clock=lambda: now[0])
    passed = [limit.filter(_record("refused %s", logging.WARNING, n)) for n in range(5)]
    assert passed == [True, True, False, False, False]
    assert limit.filter(_record("another message"))
    assert all(limit.filter(_record("access line", logging.INFO)) for _ in range(100))
    now[0] = 61.0
    summary = _record("refused %s", logging.WARNING, 9)
    assert limit.filter(summary)
    assert summary.getMessage() == "refused 9 (3 like this suppressed)"


def test_log_limits_come_off_again():
    root = logging.getLogger()
    before = [list(handler.filters) for handler in root.handlers]
    with log_limits() as limit:
        assert all(limit in handler.filters for handler in root.handlers)
        assert limit in logging.getLogger("waitress.queue").filters
    assert [list(handler.filters) for handler in root.handlers] == before
    assert limit not in logging.getLogger("waitress.queue").filters
