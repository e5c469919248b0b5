"""The ``toe-twitch`` command: ``serve`` runs the web host with a production WSGI server,
``simulate`` talks to the skill offline and ``console`` in a browser, ``diagram`` draws the
dialogue table, ``deploy`` prepares the skill package for the Alexa Skills Kit.

Every failure an operator can cause ends in one line that says what to fix, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

PROG = "toe-twitch"
MAX_THREADS = 64
INSECURE_WARNING = (
    "WARNING: --insecure-dev turns off Alexa request verification (signature and timestamp).\n"
    "Anyone who can reach this port can talk to the skill. Never use it on a public endpoint."
)
NO_SKILL_ID_WARNING = (
    "WARNING: SKILL_ID is not set, so requests that Alexa signed for any skill will be answered.\n"
    "Set SKILL_ID to your skill's id from the Alexa developer console."
)
SERVE_ENVIRONMENT = """\
environment:
  SKILL_ID           your skill's id (amzn1.ask.skill....); requests for other skills get 400
  DATABASE           the SQLite file (default: instance/toe_twitch.sqlite, made on first start)
  ALEXA_TRUST_ROOTS  a PEM file of root certificates to trust instead of the system's
  VERIFY_SIGNATURE, VERIFY_TIMESTAMP
                     false turns a check off; serve then refuses to start without --insecure-dev
"""
MISSING_EXTRA = (
    "{prog} {command} needs the web extra, which is not installed: "
    "pip install 'toe-twitch-helper[web]' (missing module: {module})"
)


WEB_EXTRA_MODULES = frozenset(
    {"flask", "werkzeug", "waitress", "requests", "cryptography", "certifi", "rapidfuzz"}
)


class CommandLineError(Exception):
    """Something the operator can fix: the message is the one line that says what."""


class OneLineParser(argparse.ArgumentParser):
    """Usage mistakes end in one line naming the fix, not a usage dump."""

    def error(self, message: str) -> NoReturn:
        """Print ``prog: message`` and exit 2."""
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def bounded_int(name: str, low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"{name} must be a whole number from {low} to {high}, not {text!r}"
            )
        return value

    return parse


def parser() -> argparse.ArgumentParser:
    """The command line, one subcommand per job."""
    from skill.console.command import add_parser as add_console
    from skill.hosting.deploy import add_parser as add_deploy
    from skill.rules.locales import add_parser as add_models
    from skill.simulator.options import add_parser as add_simulate

    root = OneLineParser(prog=PROG, description="Toe Twitch Helper, an Alexa skill.")
    root.add_argument("--version", action="version", version=f"{PROG} {version()}")
    commands = root.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    serve = commands.add_parser(
        "serve",
        help="run the skill as a web service at POST /alexa",
        epilog=SERVE_ENVIRONMENT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument(
        "--port", type=bounded_int("--port", 1, 65535), default=5000, help="port (5000)"
    )
    serve.add_argument(
        "--threads",
        type=bounded_int("--threads", 1, MAX_THREADS),
        default=8,
        help=f"worker threads, 1 to {MAX_THREADS} (8)",
    )
    serve.add_argument(
        "--insecure-dev",
        action="store_true",
        help="turn request verification off, for local experiments only",
    )
    add_simulate(commands)
    add_deploy(commands)
    add_console(commands)
    add_models(commands)
    diagram = commands.add_parser("diagram", help="draw the dialogue table as a Mermaid diagram")
    diagram.add_argument("--output", help="write it to this file (docs/dialogue.md)")
    diagram.add_argument(
        "--check", action="store_true", help="exit 1 if --output differs from the table"
    )
    return root


def version() -> str:
    """The installed package's version."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as package_version

    try:
        return package_version("toe-twitch-helper")
    except PackageNotFoundError:
        return "unknown (not installed)"


def resolve_listen_address(host: str, port: int) -> None:
    """Fail early, in one line, for a host that does not resolve or a port already in use."""
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as failure:
        reason = getattr(failure, "strerror", None) or str(failure)
        raise CommandLineError(f"cannot listen on {host!r}: {reason}") from None
    family, kind, proto, _, address = addresses[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as failure:
            raise CommandLineError(f"cannot listen on {host}:{port}: {failure.strerror}") from None


def serve(args: argparse.Namespace) -> int:
    """Run the app under waitress; refuse to run unverified unless asked to."""
    import sqlite3

    from skill.hosting.server import serve_app
    from skill.hosting.web import create_app, env_settings
    from skill.persistence.sqlite import check_database_path
    from skill.rules.content import ContentError

    settings = env_settings()
    verification_off = not settings.get("VERIFY_SIGNATURE", True) or not settings.get(
        "VERIFY_TIMESTAMP", True
    )
    if verification_off and not args.insecure_dev:
        raise CommandLineError(
            "refusing to start with request verification off "
            "(VERIFY_SIGNATURE or VERIFY_TIMESTAMP is false); pass --insecure-dev to insist"
        )
    resolve_listen_address(args.host, args.port)
    problem = check_database_path(settings["DATABASE"]) if settings.get("DATABASE") else None
    if problem:
        raise CommandLineError(f"DATABASE: {problem}")
    overrides = {"VERIFY_SIGNATURE": False, "VERIFY_TIMESTAMP": False} if args.insecure_dev else {}
    try:
        app = create_app(overrides)
    except (ValueError, ContentError) as failure:
        raise CommandLineError(str(failure)) from None
    except (OSError, sqlite3.Error) as failure:
        problem = check_database_path(settings.get("DATABASE") or "")
        raise CommandLineError(f"DATABASE: {problem or failure}") from None
    database = app.config.get("DATABASE")
    problem = check_database_path(database) if database else None
    if problem:
        raise CommandLineError(f"DATABASE: {problem}")
    if args.insecure_dev:
        print(INSECURE_WARNING, file=sys.stderr)
    elif not settings.get("SKILL_ID"):
        print(NO_SKILL_ID_WARNING, file=sys.stderr)
    print(f"Database: {database or 'none (no diary)'}", flush=True)
    print(f"Toe Twitch Helper listening on http://{args.host}:{args.port}/alexa", flush=True)
    try:
        serve_app(app, args.host, args.port, args.threads)
    except OSError as failure:
        raise CommandLineError(f"cannot listen on {args.host}:{args.port}: {failure}") from None
    return 0


def draw(args: argparse.Namespace) -> int:
    """Print or write the dialogue diagram; with --check, only compare."""
    from pathlib import Path

    from skill.dialogue.diagram import document

    text = document()
    if args.output is None:
        print(text, end="")
        return 0
    path = Path(args.output)
    if args.check:
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        if current != text:
            raise CommandLineError(f"{path} is out of date; run {PROG} diagram --output {path}")
        return 0
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as failure:
        raise CommandLineError(f"cannot write {path}: {failure.strerror}") from None
    return 0


def simulate(args: argparse.Namespace) -> int:
    """Talk to the skill offline."""
    from skill.simulator.cli import run

    return run(args)


def deploy(args: argparse.Namespace) -> int:
    """Prepare the skill package for ``ask deploy``, offline."""
    from skill.hosting.deploy import run

    return run(args)


def console(args: argparse.Namespace) -> int:
    """Serve the console page: talk to the skill in a browser, offline."""
    from skill.console.command import run

    return run(args)


def models(args: argparse.Namespace) -> int:
    """Write (or check) each locale's interaction model and manifest entry from the base."""
    from skill.rules.locales import run

    return run(args)


COMMANDS = {
    "models": models,
    "serve": serve,
    "simulate": simulate,
    "diagram": draw,
    "deploy": deploy,
    "console": console,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``toe-twitch`` console script."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except CommandLineError as failure:
        print(f"{PROG} {args.command}: {failure}", file=sys.stderr)
        return 2
    except ModuleNotFoundError as missing:
        if (missing.name or "").partition(".")[0] not in WEB_EXTRA_MODULES:
            raise
        message = MISSING_EXTRA.format(prog=PROG, command=args.command, module=missing.name)
        print(message, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
