"""Whether ``ask-resources.json``, ``template.yaml``, the Makefile and skill.json agree."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from skill.hosting.deploy.manifest import locale_problems
from skill.hosting.deploy.project import (
    MAKEFILE,
    RESOURCES_FILE,
    SOURCE_DIR,
    TEMPLATE_FILE,
    DeployError,
    lookup,
    model_locales,
    read_json,
    read_template,
)
from skill.hosting.deploy.resources import code_handler, resources_profile
from skill.hosting.deploy.stack_outputs import ARN_OUTPUT

FUNCTION = "SkillFunction"
# Makefile's pip --platform tag for each Lambda architecture.
PLATFORM_TAGS = {"arm64": "manylinux2014_aarch64", "x86_64": "manylinux2014_x86_64"}


def function_properties(template: dict[str, Any]) -> dict[str, Any]:
    """The ``SkillFunction`` resource's properties."""
    properties = lookup(template, "Resources", FUNCTION, "Properties")
    if not isinstance(properties, dict):
        raise DeployError(f"{TEMPLATE_FILE}: no Resources.{FUNCTION}.Properties")
    return properties


def agreement_problems(root: Path, profile: str) -> Iterator[str]:
    """What ``ask-resources.json``, ``template.yaml``, the Makefile and skill.json disagree on."""
    template = read_template(root)
    function = function_properties(template)
    module, name = code_handler(root, profile)
    handler = f"{module}.{name}"
    if function.get("Handler") != handler or function.get("CodeUri") not in (".", "./"):
        yield (
            f"{TEMPLATE_FILE} runs {function.get('Handler')!r} from CodeUri "
            f"{function.get('CodeUri')!r} but {RESOURCES_FILE} points ask run at {handler!r} "
            f"(from CodeUri '.'); make them name the same function"
        )
    config = lookup(resources_profile(root, profile), "skillInfrastructure", "userConfig")
    runtime = lookup(config, "runtime")
    if function.get("Runtime") != runtime:
        theirs = function.get("Runtime")
        yield f"{TEMPLATE_FILE} has Runtime {theirs!r} and {RESOURCES_FILE} {runtime!r}"
    makefile = (root / MAKEFILE).read_text(encoding="utf-8") if (root / MAKEFILE).is_file() else ""
    version = str(function.get("Runtime", "")).removeprefix("python")
    if f"--python-version {version}" not in makefile:
        yield f"{MAKEFILE} does not build for Python {version} (pip --python-version {version})"
    architectures = function.get("Architectures") or ["x86_64"]
    tag = PLATFORM_TAGS.get(str(architectures[0]))
    if len(architectures) != 1 or tag is None or f"--platform {tag}" not in makefile:
        yield f"{MAKEFILE} does not build for {TEMPLATE_FILE}'s architecture {architectures}"
    variables = lookup(function, "Environment", "Variables") or {}
    events = function.get("Events") or {}
    alexa = [event for event in events.values() if lookup(event, "Type") == "AlexaSkill"]
    parameter = lookup(template, "Parameters", "SkillId")
    if not isinstance(parameter, dict) or parameter.get("Type") != "String":
        yield f"{TEMPLATE_FILE}: no SkillId parameter of type String"
    else:
        pattern = str(parameter.get("AllowedPattern", ""))
        if not re.fullmatch(pattern, "amzn1.ask.skill.0d7c2b8e-1f35-4bb5-9b3e-8c2a6f1e4d90"):
            yield f"{TEMPLATE_FILE}: SkillId's AllowedPattern refuses a real skill id"
    if variables.get("SKILL_ID") != {"!Ref": "SkillId"}:
        yield f"{TEMPLATE_FILE}: the function's SKILL_ID is not !Ref SkillId"
    if [lookup(event, "Properties", "SkillId") for event in alexa] != [{"!Ref": "SkillId"}]:
        yield f"{TEMPLATE_FILE}: the function needs one AlexaSkill event with SkillId: !Ref SkillId"
    if lookup(template, "Outputs", ARN_OUTPUT, "Value") != {"!GetAtt": f"{FUNCTION}.Arn"}:
        yield f"{TEMPLATE_FILE}: Outputs.{ARN_OUTPUT} must be !GetAtt {FUNCTION}.Arn"
    manifest = read_json(root / SOURCE_DIR / "skill.json", "the skill manifest")
    yield from locale_problems(manifest, model_locales(root))


def check_agreement(root: Path, profile: str) -> None:
    """Raise the first disagreement as a one-line :class:`DeployError`."""
    for problem in agreement_problems(root, profile):
        raise DeployError(problem)
