"""The ``simulate`` subcommand's options: kept apart so that ``--help`` imports no resolver."""

from __future__ import annotations

import argparse
from typing import Any

DESCRIPTION = """\
Talk to the skill offline, the way the Alexa simulator or `ask dialog` would, with no Amazon
account: each utterance is resolved with the skill's own interaction model and sent as a
real-shaped request envelope; what Alexa would say (speech without SSML tags), the card, the
reprompt and whether the session ended are printed.

Sessions work as on a device. "open toe twitch helper" (or launch/start) starts a session with a
LaunchRequest; "ask toe twitch helper <question>" or "tell toe twitch helper to <request>" starts
one with that request. While the session is open, say anything; "exit" closes it with a
SessionEndedRequest. After the skill ends the session, the next utterance starts a new session:
without the invocation name it is sent as a one-shot, as if you had said
"ask toe twitch helper <utterance>".

With no utterances and no --replay, an interactive prompt runs until the session ends, end of
input, or .quit. Set DATABASE=diary.sqlite3 to keep the twitch diary between runs.
"""

EPILOG = """\
examples:
  toe-twitch simulate "open toe twitch helper" "why is my toe twitching"
  toe-twitch simulate "ask toe twitch helper for tips on shoes"
  toe-twitch simulate --replay dialog.json --save-skill-io skill-io.json
  toe-twitch serve --insecure-dev --port 5000 &
  toe-twitch simulate --url http://127.0.0.1:5000/alexa "open toe twitch helper"
"""


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """Add the ``simulate`` subcommand to the command line."""
    simulate = commands.add_parser(
        "simulate",
        help="talk to the skill offline, as the Alexa simulator does",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    simulate.add_argument(
        "utterances", nargs="*", help='what you would say, e.g. "open toe twitch helper"'
    )
    simulate.add_argument(
        "--replay",
        metavar="FILE",
        help='an ASK CLI replay file: {"skillId", "locale", "type": "text", "userInput": [...]}; '
        '".quit" ends it',
    )
    simulate.add_argument(
        "--save-skill-io",
        metavar="FILE",
        help='write {"invocations": [{"request", "response"}, ...]}, one entry per turn, to FILE',
    )
    simulate.add_argument(
        "--locale", help="the request locale (default: the replay file's, else en-US)"
    )
    simulate.add_argument(
        "--url",
        help="talk to a running skill over HTTP instead of in-process, e.g. "
        "http://127.0.0.1:5000/alexa; the requests are unsigned, so the server must run "
        "with `toe-twitch serve --insecure-dev`",
    )
    simulate.add_argument(
        "--skill-id",
        help="the application id to send (default: the replay file's skillId, else $SKILL_ID, "
        "else a placeholder)",
    )
    simulate.add_argument(
        "--explain",
        action="store_true",
        help="after each turn, show the intents considered with their scores and slot values",
    )
    simulate.add_argument(
        "--reminders",
        choices=("allow", "refuse"),
        default="allow",
        help="in-process, the Reminders API is faked: what the person answers when the skill "
        "asks for permission to set reminders (default: allow)",
    )
    return simulate
