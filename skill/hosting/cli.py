"""The ``toe-twitch`` command: ``serve`` runs the web host with a production WSGI server,
``simulate`` talks to the skill offline, ``diagram`` draws the dialogue table."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from skill.simulator import cli as simulator_cli

INSECURE_WARNING = (
    "WARNING: --insecure-dev turns off Alexa request verification (signature and timestamp).\n"
    "Anyone who can reach this port can talk to the skill. Never use it on a public endpoint."
)


NO_SKILL_ID_WARNING = (
    "WARNING: SKILL_ID is not set, so requests that Alexa signed for any skill will be answered.\n"
    "Set SKILL_ID to your skill's id from the Alexa developer console."
)


def parser() -> argparse.ArgumentParser:
    """The command line, one subcommand per job."""
    root = argparse.ArgumentParser(
        prog="toe-twitch", description="Toe Twitch Helper, an Alexa skill."
    )
    commands = root.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the skill as a web service at POST /alexa")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=int, default=5000, help="port to listen on (5000)")
    serve.add_argument("--threads", type=int, default=8, help="worker threads (8)")
    serve.add_argument(
        "--insecure-dev",
        action="store_true",
        help="turn request verification off, for local experiments only",
    )
    simulator_cli.add_parser(commands)
    diagram = commands.add_parser("diagram", help="draw the dialogue table as a Mermaid diagram")
    diagram.add_argument("--output", help="write it to this file (docs/dialogue.md)")
    diagram.add_argument(
        "--check", action="store_true", help="exit 1 if --output differs from the table"
    )
    return root


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
            print(f"toe-twitch: {path} is out of date; run toe-twitch diagram --output {path}")
            return 1
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return 0


def serve(args: argparse.Namespace) -> int:
    """Run the app under waitress; refuse to run unverified unless asked to."""
    from skill.hosting.server import serve_app
    from skill.hosting.web import create_app, env_settings
    from skill.rules.content import ContentError

    settings = env_settings()
    verification_off = not settings.get("VERIFY_SIGNATURE", True) or not settings.get(
        "VERIFY_TIMESTAMP", True
    )
    if verification_off and not args.insecure_dev:
        print(
            "toe-twitch: refusing to start with request verification off "
            "(VERIFY_SIGNATURE or VERIFY_TIMESTAMP is false); pass --insecure-dev to insist.",
            file=sys.stderr,
        )
        return 2
    if args.insecure_dev:
        print(INSECURE_WARNING, file=sys.stderr)
    elif not settings.get("SKILL_ID"):
        print(NO_SKILL_ID_WARNING, file=sys.stderr)
    overrides = {"VERIFY_SIGNATURE": False, "VERIFY_TIMESTAMP": False} if args.insecure_dev else {}
    try:
        app = create_app(overrides)
    except (ValueError, ContentError) as failure:
        print(f"toe-twitch: {failure}", file=sys.stderr)
        return 2
    print(f"Toe Twitch Helper listening on http://{args.host}:{args.port}/alexa", flush=True)
    serve_app(app, args.host, args.port, args.threads)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``toe-twitch`` console script."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    args = parser().parse_args(argv)
    if args.command == "serve":
        return serve(args)
    if args.command == "simulate":
        return simulator_cli.run(args)
    if args.command == "diagram":
        return draw(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
