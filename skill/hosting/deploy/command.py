"""The ``deploy`` command line: its arguments, and running ``package``, ``skill-id``, ``check``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from skill.hosting.deploy.agreement import check_agreement
from skill.hosting.deploy.manifest import checked_endpoint_url
from skill.hosting.deploy.package import build_package
from skill.hosting.deploy.project import DeployError, model_locales
from skill.hosting.deploy.resources import skill_id
from skill.hosting.deploy.stack_outputs import checked_arn, function_arn, read_outputs


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """Add ``deploy`` and its actions to the command line."""
    deploy = commands.add_parser(
        "deploy",
        help="prepare the skill package for ask deploy (offline; see docs/deploy.md)",
        description="The offline steps between `sam deploy` and `ask deploy` "
        "(docs/deploy.md): check the project, write the skill package, print the skill id.",
    )
    deploy.add_argument("--project", default=".", help="the project folder (the current one)")
    deploy.add_argument("--profile", default="default", help="the ASK CLI profile (default)")
    actions = deploy.add_subparsers(dest="deploy_action", required=True, metavar="ACTION")
    package = actions.add_parser(
        "package",
        help="check the skill package, fill its endpoints, write it for ask deploy",
        description="Check interaction_model/ against Amazon's schemas and the project's files, "
        "fill the endpoints and page URLs, and write the package to skillMetadata.src of "
        "ask-resources.json (build/skill-package), whole or not at all.",
    )
    endpoint = package.add_mutually_exclusive_group(required=True)
    endpoint.add_argument(
        "--stack-outputs",
        metavar="FILE",
        help="JSON from `sam list stack-outputs --output json` or "
        "`aws cloudformation describe-stacks` ('-' reads standard input)",
    )
    endpoint.add_argument("--function-arn", metavar="ARN", help="the function's ARN itself")
    endpoint.add_argument(
        "--endpoint-url",
        metavar="URL",
        help="an https endpoint instead, e.g. toe-twitch serve behind a tunnel whose host has "
        "a wildcard certificate: https://NAME.TUNNEL.HOST/alexa",
    )
    endpoint.add_argument(
        "--no-endpoint",
        action="store_true",
        help="no endpoint and no events yet: the first upload, which creates the skill",
    )
    package.add_argument(
        "--pages-url",
        metavar="URL",
        help="https base URL serving /privacy and /terms (toe-twitch serve does); "
        "without it the package has no privacy or terms URL",
    )
    actions.add_parser("skill-id", help="print the skill id saved by ask deploy")
    actions.add_parser("check", help="check ask-resources.json, skill.json, template.yaml agree")
    return deploy


def _package(args: argparse.Namespace, root: Path) -> int:
    arn: str | None = None
    if args.stack_outputs:
        label = "standard input" if args.stack_outputs == "-" else args.stack_outputs
        arn = function_arn(read_outputs(args.stack_outputs), label)
    elif args.function_arn:
        arn = checked_arn(args.function_arn, "--function-arn")
    elif args.endpoint_url:
        arn = checked_endpoint_url(args.endpoint_url)
    target = build_package(root, args.profile, arn, args.pages_url)
    shown = os.path.relpath(target, Path.cwd())
    print(f"wrote {shown}: endpoint {arn or 'none yet'}", flush=True)
    if args.pages_url is None:
        print(
            "note: no --pages-url, so no privacy policy or terms URL; certification needs both",
            file=sys.stderr,
        )
    print(f"next: ask deploy --target skill-metadata --profile {args.profile}", flush=True)
    return 0


def run(args: argparse.Namespace) -> int:
    """Run one ``deploy`` action; a :class:`DeployError` is printed as one line, exit 2."""
    root = Path(args.project)
    try:
        if args.deploy_action == "package":
            return _package(args, root)
        if args.deploy_action == "skill-id":
            print(skill_id(root, args.profile))
            return 0
        check_agreement(root, args.profile)
        locales = ", ".join(model_locales(root)) or "none"
        print(f"ask-resources.json, skill.json, template.yaml and Makefile agree ({locales})")
        return 0
    except DeployError as failure:
        print(f"toe-twitch deploy {args.deploy_action}: {failure}", file=sys.stderr)
        return 2


def main(argv: list[str] | None = None) -> int:
    """``python -m skill.hosting.deploy ACTION ...``: the same as ``toe-twitch deploy ACTION``."""
    root = argparse.ArgumentParser(prog="toe-twitch")
    add_parser(root.add_subparsers(dest="command", required=True))
    return run(root.parse_args(["deploy", *(sys.argv[1:] if argv is None else argv)]))
