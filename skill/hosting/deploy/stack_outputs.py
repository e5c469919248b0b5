"""The function's ARN, read from the stack's outputs (SAM or CloudFormation) or given itself."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from skill.hosting.deploy.manifest import PLACEHOLDER_ARN
from skill.hosting.deploy.project import DeployError, read_json

ARN_OUTPUT = "SkillFunctionArn"
LAMBDA_ARN = re.compile(
    r"arn:aws[a-z-]*:lambda:[a-z]{2}(?:-[a-z]+)+-\d:\d{12}:function:[A-Za-z0-9_-]{1,64}(?::[A-Za-z0-9$_-]+)?"
)


def read_outputs(name: str) -> Any:
    """The saved stack outputs: the JSON file ``name``, or standard input for ``-``."""
    if name == "-":
        try:
            return json.loads(sys.stdin.read())
        except json.JSONDecodeError as failure:
            raise DeployError(f"standard input: not JSON: {failure.msg}") from None
    return read_json(Path(name), "the stack outputs")


def function_arn(outputs: Any, source: str = "the stack outputs") -> str:
    """The function ARN from ``sam list stack-outputs`` or ``describe-stacks`` JSON."""
    if isinstance(outputs, dict) and isinstance(outputs.get("Stacks"), list):
        stacks = outputs["Stacks"]
        outputs = stacks[0].get("Outputs") if stacks and isinstance(stacks[0], dict) else None
    entries = outputs if isinstance(outputs, list) else []
    values = [
        entry.get("OutputValue")
        for entry in entries
        if isinstance(entry, dict) and entry.get("OutputKey") == ARN_OUTPUT
    ]
    if not values:
        raise DeployError(
            f"no {ARN_OUTPUT} in {source}: save the outputs with `sam list stack-outputs "
            "--stack-name STACK --output json > build/stack-outputs.json` after `sam deploy`"
        )
    return checked_arn(values[0], f"{source}: {ARN_OUTPUT}")


def checked_arn(value: Any, where: str) -> str:
    """``value`` if it is a Lambda function ARN."""
    if not isinstance(value, str) or not LAMBDA_ARN.fullmatch(value):
        raise DeployError(
            f"{where} is {value!r}, not a Lambda function ARN "
            "(arn:aws:lambda:REGION:ACCOUNT:function:NAME)"
        )
    if value == PLACEHOLDER_ARN:
        raise DeployError(f"{where} is the placeholder ARN; pass the deployed function's ARN")
    return value
