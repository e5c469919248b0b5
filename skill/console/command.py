"""``toe-twitch console``: serve the console page on this machine (loopback unless asked)."""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
import webbrowser
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from skill.console.checks import ConsoleError
from skill.console.devices import LOCALES

DEFAULT_PORT = 5001
THREADS = 4
DESCRIPTION = """\
Open a web page to talk to the skill offline, as the Alexa developer console's simulator does:
type or click what you would say, hear each answer at its real length (the browser's speech),
see a screen device's APL countdown, the request and response JSON of every turn, and the
dialogue state and stored record before and after each turn.

The skill runs in this process with a temporary SQLite database (DATABASE keeps it instead), or
the console talks to a running `toe-twitch serve --insecure-dev` with --url.
"""
EPILOG = """\
examples:
  toe-twitch console                      # then open http://127.0.0.1:5001/
  DATABASE=diary.sqlite toe-twitch console --port 8000
  toe-twitch serve --insecure-dev --port 5000 &
  toe-twitch console --url http://127.0.0.1:5000/alexa
"""
REMOTE_WARNING = (
    "WARNING: the console listens on {host}, which other machines can reach. Anyone who can "
    "reach it can talk to the skill as you, read the conversation and the stored record, and "
    "change the diary; nothing is verified. Use it on trusted networks only."
)


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """Add the ``console`` subcommand to the command line."""
    console = commands.add_parser(
        "console",
        help="a local web page to talk to the skill, hear it and inspect every turn",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    console.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    console.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port ({DEFAULT_PORT})")
    console.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow --host to be an address other machines can reach (prints a warning)",
    )
    console.add_argument(
        "--url",
        help="talk to a running `toe-twitch serve --insecure-dev` at this URL, e.g. "
        "http://127.0.0.1:5000/alexa, instead of running the skill in-process",
    )
    console.add_argument("--locale", default="en-US", help="the first locale (en-US)")
    console.add_argument("--skill-id", help="the application id to send (default: $SKILL_ID)")
    console.add_argument("--open", action="store_true", help="open the page in a web browser")
    return console


def is_loopback(host: str) -> bool:
    """Whether every address ``host`` names is on this machine only (127.0.0.0/8, ::1)."""
    try:
        found = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise ConsoleError(f"cannot listen on {host!r}: no such address") from None
    addresses = {str(info[4][0]).split("%")[0] for info in found}
    return bool(addresses) and all(ipaddress.ip_address(a).is_loopback for a in addresses)


def _terminated(signum: int, frame: Any) -> None:
    """SIGTERM ends the console as Ctrl-C does, so that its temporary database is removed."""
    raise KeyboardInterrupt


def check_url(url: str) -> str:
    """The skill URL, if it is an http(s) URL with a host; ConsoleError otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConsoleError(f"--url must be an http:// or https:// URL, not {url!r}")
    return url


@dataclass
class Target:
    """Where the skill runs: how to send it a request, its store, and how the page names it."""

    send: Any
    storage: Any
    name: str
    store_name: str
    folder: str | None = None  # a temporary folder to remove at the end


def target(url: str | None) -> Target:
    """The skill in-process (DATABASE or a temporary SQLite file), or the skill at ``url``."""
    from skill.builder import build_skill, handle_event
    from skill.persistence.sqlite import check_database_path, sqlite_storage
    from skill.simulator.requests import http_sender

    database = os.environ.get("DATABASE") or None
    if database and (problem := check_database_path(database)):
        raise ConsoleError(f"DATABASE: {problem}")
    if url is not None:
        storage = sqlite_storage(database) if database else None
        store = f"{database} (read beside the skill)" if database else ""
        return Target(http_sender(check_url(url), timeout=10), storage, url, store)
    folder = None if database else tempfile.mkdtemp(prefix="toe-twitch-console-")
    path = database or os.path.join(folder or "", "console.sqlite")
    storage = sqlite_storage(path)
    skill = build_skill(storage)
    store = path if database else f"{path} (temporary, deleted on exit)"
    return Target(
        lambda envelope: handle_event(envelope, skill), storage, "in-process", store, folder
    )


def _serve(args: argparse.Namespace, chosen: Target) -> None:
    from skill.console.app import allowed_hosts, create_console_app
    from skill.console.session import ConsoleSession
    from skill.hosting.server import make_server
    from skill.simulator.requests import DEFAULT_SKILL_ID

    skill_id = args.skill_id or os.environ.get("SKILL_ID") or DEFAULT_SKILL_ID
    session = ConsoleSession(chosen.send, chosen.storage, skill_id, args.locale)
    loopback = is_loopback(args.host)
    config = {
        "ALLOWED_HOSTS": allowed_hosts(args.host, args.port) if loopback else None,
        "TARGET": chosen.name,
        "STORAGE": chosen.store_name,
    }
    try:
        server = make_server(create_console_app(session, config), args.host, args.port, THREADS)
    except OSError as failure:
        raise ConsoleError(
            f"cannot listen on {args.host}:{args.port}: {failure.strerror}"
        ) from None
    shown = f"[{args.host}]" if ":" in args.host else args.host
    address = f"http://{shown}:{args.port}/"
    print(f"Skill: {chosen.name}; stored data: {chosen.store_name or 'not visible'}", flush=True)
    print(f"Toe Twitch Helper console on {address} (Ctrl-C to stop)", flush=True)
    if args.open:
        webbrowser.open(address)
    signal.signal(signal.SIGTERM, _terminated)
    server.run()


def run(args: argparse.Namespace) -> int:
    """Run ``toe-twitch console``; a problem ends in one line on stderr and exit code 2."""
    from skill.rules.content import ContentError

    logging.getLogger().setLevel(logging.WARNING)
    chosen = None
    try:
        if args.locale not in LOCALES:
            raise ConsoleError(f"--locale must be one of {', '.join(LOCALES)}")
        if not 1 <= args.port <= 65535:
            raise ConsoleError(f"--port must be from 1 to 65535, not {args.port}")
        if not is_loopback(args.host):
            if not args.allow_remote:
                raise ConsoleError(
                    f"refusing to listen on {args.host}, which is not a loopback address: "
                    "other machines could use the console; pass --allow-remote to insist"
                )
            print(REMOTE_WARNING.format(host=args.host), file=sys.stderr)
        chosen = target(args.url)
        _serve(args, chosen)
    except (ConsoleError, ContentError) as failure:
        print(f"toe-twitch console: {failure}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(file=sys.stderr)
    finally:
        if chosen is not None and chosen.folder:
            shutil.rmtree(chosen.folder, ignore_errors=True)
    return 0
