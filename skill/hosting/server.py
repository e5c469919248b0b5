"""Serve the web app under waitress, with limits chosen for an Alexa endpoint.

Alexa posts one request of a few KB at a time per conversation and waits at most 8 seconds for
the answer; it needs HTTPS on port 443, so a TLS-terminating proxy or load balancer always sits
in front of waitress. The limits below keep one slow, idle or oversized client from holding the
worker threads or the memory that other people's requests need.
"""

from __future__ import annotations

import resource
import threading
from typing import Any

from flask import Flask
from waitress.server import create_server
from waitress.wasyncore import close_all

from skill.hosting.web import MAX_BODY_BYTES
from skill.logs import log_limits

MAX_CONNECTIONS = 1000
RESERVED_FILES = 100  # descriptors kept for SQLite (3 a thread), logs, the listener


def connection_limit(open_files: int | None = None) -> int:
    """How many sockets waitress may hold: up to 1000, leaving room under the open-file limit."""
    if open_files is None:
        open_files = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    if open_files == resource.RLIM_INFINITY:
        return MAX_CONNECTIONS
    return max(min(MAX_CONNECTIONS, open_files - RESERVED_FILES), 16)


def server_settings(threads: int) -> dict[str, Any]:
    """The waitress settings, each chosen on purpose (see the comments)."""
    return {
        "threads": threads,
        # Idle keep-alive sockets do not take a thread, only a descriptor: allow many, so that
        # hundreds of idle or slow clients cannot stop a new Alexa request being accepted.
        "connection_limit": connection_limit(),
        # poll() instead of select(): select() cannot watch descriptors above 1024.
        "asyncore_use_poll": True,
        # A socket with no request under way and no bytes for 30 s is closed; the check runs
        # every 5 s. Alexa sends a whole request at once, so only idlers and stallers wait.
        "channel_timeout": 30,
        "cleanup_interval": 5,
        # Refuse (413) a body announced larger than the app accepts as soon as the headers are
        # read, instead of first reading it into memory or a temporary file. Waitress refuses
        # content_length >= the setting, the app content_length > MAX_BODY_BYTES.
        "max_request_body_size": MAX_BODY_BYTES + 1,
        # Alexa's headers, signature and certificate URL included, are about 2 KB.
        "max_request_header_size": 32 * 1024,
        # Bodies up to the limit stay in memory (waitress spools larger ones to disk).
        "inbuf_overflow": MAX_BODY_BYTES + 1,
        "backlog": 1024,
        "ident": None,  # no Server header naming the software
        "expose_tracebacks": False,
        "clear_untrusted_proxy_headers": True,
    }


def make_server(app: Flask, host: str, port: int, threads: int) -> Any:
    """A waitress server for ``app`` on ``host:port`` (port 0: any free one), not yet running."""
    return create_server(app, host=host, port=port, **server_settings(threads))


def stop_server(server: Any, thread: threading.Thread | None = None) -> None:
    """Stop a server running in ``thread``: close every socket, let ``run()`` end, then the workers.

    The sockets are closed in the server's own loop thread: closing them from another thread
    races with its poll() and can fail with EBADF.
    """
    server.trigger.pull_trigger(lambda: close_all(server._map))
    if thread is not None:
        thread.join(timeout=5)
    server.task_dispatcher.shutdown()


def serve_app(app: Flask, host: str, port: int, threads: int) -> None:
    """Run ``app`` under waitress until interrupted, with warnings rate-limited (no flood)."""
    server = make_server(app, host, port, threads)
    with log_limits():
        server.run()
