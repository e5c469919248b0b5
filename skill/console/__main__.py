"""``python -m skill.console``: the same as ``toe-twitch console``."""

from __future__ import annotations

import argparse
import sys

from skill.console.command import add_parser, run


def main(argv: list[str] | None = None) -> int:
    """Parse the console's options and run it."""
    console = add_parser(argparse.ArgumentParser().add_subparsers())
    console.prog = "python -m skill.console"
    return run(console.parse_args(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    sys.exit(main())
