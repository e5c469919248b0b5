"""``toe-twitch deploy``: the offline steps between ``sam deploy`` and ``ask deploy``.

- ``deploy package`` checks the skill package in ``interaction_model/`` against Amazon's schema
  and the project's files, fills the endpoints from the stack's outputs and the privacy and terms
  URLs from ``--pages-url``, and writes it where ``ask-resources.json`` points ``skillMetadata``
  (``build/skill-package``), whole or not at all.
- ``deploy skill-id`` prints the skill id that ``ask deploy`` saved in ``.ask/ask-states.json``,
  for ``sam deploy --parameter-overrides SkillId=...``.
- ``deploy check`` checks that ``ask-resources.json``, ``skill.json``, ``template.yaml`` and the
  ``Makefile`` agree: handler, runtime, architecture, the skill id parameter, locales.

Every failure ends in one line that says what to fix. See docs/deploy.md for the whole path.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

RESOURCES_FILE = "ask-resources.json"
STATES_FILE = ".ask/ask-states.json"
RESOURCES_VERSION = "2020-03-31"  # the only askcliResourcesVersion ASK CLI v2 writes and reads
SOURCE_DIR = "interaction_model"
MODEL_DIR = "interactionModels/custom"
TEMPLATE_FILE = "template.yaml"
MAKEFILE = "Makefile"
SCHEMA_DIR = "tests/data/schemas"
FUNCTION = "SkillFunction"
ARN_OUTPUT = "SkillFunctionArn"
# What the committed skill.json holds until this command fills it in.
PLACEHOLDER_ARN = (
    "arn:aws:lambda:us-east-1:000000000000:function:filled-by-toe-twitch-deploy-package"
)
PLACEHOLDER_PAGES = "https://toe-twitch-helper.example"
PAGES = {"privacyPolicyUrl": "privacy", "termsOfUseUrl": "terms"}
LAMBDA_ARN = re.compile(
    r"arn:aws[a-z-]*:lambda:[a-z]{2}(?:-[a-z]+)+-\d:\d{12}:function:[A-Za-z0-9_-]{1,64}(?::[A-Za-z0-9$_-]+)?"
)
SKILL_ID = re.compile(r"amzn1\.ask\.skill\.[0-9a-fA-F-]+")
# Makefile's pip --platform tag for each Lambda architecture.
PLATFORM_TAGS = {"arm64": "manylinux2014_aarch64", "x86_64": "manylinux2014_x86_64"}


class DeployError(Exception):
    """Something the developer can fix: the message is the one line that says what."""


# -- reading the project's files -----------------------------------------------------------------


def read_json(path: Path, what: str) -> Any:
    """A JSON file, or one line naming the file and where it is broken."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DeployError(f"{path}: no such file ({what})") from None
    except OSError as failure:
        raise DeployError(f"{path}: cannot read it: {failure.strerror}") from None
    except UnicodeDecodeError:
        raise DeployError(f"{path}: not UTF-8 text ({what})") from None
    except json.JSONDecodeError as failure:
        raise DeployError(
            f"{path}: not JSON, line {failure.lineno} column {failure.colno}: {failure.msg}"
        ) from None


class _CloudFormationLoader(yaml.SafeLoader):
    """YAML loader that keeps CloudFormation's short tags (!Ref, !GetAtt) as plain data."""


def _tagged(loader: yaml.SafeLoader, tag: str, node: yaml.Node) -> dict[str, Any]:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return {f"!{tag}": value}


_CloudFormationLoader.add_multi_constructor("!", _tagged)


def read_template(root: Path) -> dict[str, Any]:
    """``template.yaml``, with ``!Ref X`` read as ``{"!Ref": "X"}``."""
    path = root / TEMPLATE_FILE
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_CloudFormationLoader)
    except FileNotFoundError:
        raise DeployError(f"{path}: no such file (the SAM template)") from None
    except yaml.YAMLError as failure:
        mark = getattr(failure, "problem_mark", None)
        where = f" line {mark.line + 1} column {mark.column + 1}" if mark else ""
        raise DeployError(f"{path}:{where} not YAML: {failure}".replace("\n", " ")) from None
    if not isinstance(document, dict):
        raise DeployError(f"{path}: not a template (expected a mapping)")
    return document


def _get(document: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(document, dict):
            return None
        document = document.get(key)
    return document


def resources_profile(root: Path, profile: str) -> dict[str, Any]:
    """The profile's entry in ``ask-resources.json``, checked the way the ASK CLI reads it."""
    path = root / RESOURCES_FILE
    document = read_json(path, "the ASK CLI's project file")
    version = _get(document, "askcliResourcesVersion")
    if version != RESOURCES_VERSION:
        raise DeployError(
            f"{path}: askcliResourcesVersion is {version!r}; ASK CLI v2 reads {RESOURCES_VERSION!r}"
        )
    entry = _get(document, "profiles", profile)
    if not isinstance(entry, dict):
        raise DeployError(f"{path}: no profile {profile!r}; add it or pass --profile")
    return entry


def package_dir(root: Path, profile: str) -> Path:
    """Where ``ask deploy`` reads the skill package: ``skillMetadata.src`` of the profile."""
    src = _get(resources_profile(root, profile), "skillMetadata", "src")
    if not isinstance(src, str) or not src.strip():
        raise DeployError(
            f"{root / RESOURCES_FILE}: profiles.{profile}.skillMetadata.src is not set; "
            'set it to "./build/skill-package"'
        )
    target = (root / src).resolve()
    if target == root.resolve() or target in (root / SOURCE_DIR).resolve().parents:
        raise DeployError(
            f"{root / RESOURCES_FILE}: skillMetadata.src {src!r} would overwrite the project; "
            'set it to "./build/skill-package"'
        )
    if target == (root / SOURCE_DIR).resolve():
        raise DeployError(
            f"{root / RESOURCES_FILE}: skillMetadata.src is the source folder {SOURCE_DIR}; "
            'set it to "./build/skill-package", which this command writes'
        )
    return target


def code_handler(root: Path, profile: str) -> tuple[str, str]:
    """``(module, function)`` of the handler the ASK CLI's ``ask run`` loads, checked to exist.

    ``ask run`` takes ``code.default.src`` and ``skillInfrastructure.userConfig.handler``
    ("file.function") and loads ``<src>/<file>.py``; the module is that file's dotted path.
    """
    where = root / RESOURCES_FILE
    entry = resources_profile(root, profile)
    src = _get(entry, "code", "default", "src")
    if not isinstance(src, str) or not src.strip():
        raise DeployError(f'{where}: profiles.{profile}.code.default.src is not set; set "./skill"')
    folder = root / src
    if not folder.is_dir():
        raise DeployError(
            f"{where}: code.default.src names {src!r}, which is not a folder here; "
            'set it to "./skill"'
        )
    config = _get(entry, "skillInfrastructure", "userConfig") or {}
    runtime, handler = config.get("runtime"), config.get("handler")
    if not isinstance(runtime, str) or not runtime.startswith("python"):
        raise DeployError(
            f"{where}: skillInfrastructure.userConfig.runtime is {runtime!r}; "
            'set "python3.12" (ask run needs it)'
        )
    if not isinstance(handler, str) or handler.count(".") < 1:
        raise DeployError(
            f"{where}: skillInfrastructure.userConfig.handler is {handler!r}; "
            'set "lambda_function.handler" (ask run needs it)'
        )
    *path, function = handler.split(".")
    file = folder / f"{path[-1]}.py"
    if not file.is_file():
        raise DeployError(
            f"{where}: ask run would load {file.relative_to(root)}, which does not exist; "
            "fix code.default.src or userConfig.handler"
        )
    relative = file.resolve().relative_to(root.resolve()).with_suffix("")
    return ".".join(relative.parts), function


def model_locales(root: Path) -> list[str]:
    """The locales that have an interaction model, from the files' names."""
    folder = root / SOURCE_DIR / MODEL_DIR
    return sorted(path.stem for path in folder.glob("*.json"))


def skill_id(root: Path, profile: str) -> str:
    """The skill id ``ask deploy`` saved for ``profile``."""
    path = root / STATES_FILE
    if not path.is_file():
        raise DeployError(
            f"no {STATES_FILE} yet: run `ask deploy --target skill-metadata` once, "
            "which creates the skill and saves its id there"
        )
    found = _get(read_json(path, "the ASK CLI's state"), "profiles", profile, "skillId")
    if not isinstance(found, str) or not SKILL_ID.fullmatch(found):
        raise DeployError(
            f"{path}: no skill id for profile {profile!r}; "
            "run `ask deploy --target skill-metadata` with that profile first"
        )
    return found


# -- the agreement between ask-resources.json, template.yaml, the Makefile and skill.json ----------


def function_properties(template: dict[str, Any]) -> dict[str, Any]:
    """The ``SkillFunction`` resource's properties."""
    properties = _get(template, "Resources", FUNCTION, "Properties")
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
    runtime = _get(resources_profile(root, profile), "skillInfrastructure", "userConfig", "runtime")
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
    variables = _get(function, "Environment", "Variables") or {}
    events = function.get("Events") or {}
    alexa = [event for event in events.values() if _get(event, "Type") == "AlexaSkill"]
    parameter = _get(template, "Parameters", "SkillId")
    if not isinstance(parameter, dict) or parameter.get("Type") != "String":
        yield f"{TEMPLATE_FILE}: no SkillId parameter of type String"
    else:
        pattern = str(parameter.get("AllowedPattern", ""))
        if not re.fullmatch(pattern, "amzn1.ask.skill.0d7c2b8e-1f35-4bb5-9b3e-8c2a6f1e4d90"):
            yield f"{TEMPLATE_FILE}: SkillId's AllowedPattern refuses a real skill id"
    if variables.get("SKILL_ID") != {"!Ref": "SkillId"}:
        yield f"{TEMPLATE_FILE}: the function's SKILL_ID is not !Ref SkillId"
    if [_get(event, "Properties", "SkillId") for event in alexa] != [{"!Ref": "SkillId"}]:
        yield f"{TEMPLATE_FILE}: the function needs one AlexaSkill event with SkillId: !Ref SkillId"
    if _get(template, "Outputs", ARN_OUTPUT, "Value") != {"!GetAtt": f"{FUNCTION}.Arn"}:
        yield f"{TEMPLATE_FILE}: Outputs.{ARN_OUTPUT} must be !GetAtt {FUNCTION}.Arn"
    manifest = read_json(root / SOURCE_DIR / "skill.json", "the skill manifest")
    yield from locale_problems(manifest, model_locales(root))


def locale_problems(manifest: dict[str, Any], locales: list[str]) -> Iterator[str]:
    """Locales the manifest lists without a model, or models the manifest does not list."""
    where = {
        "publishingInformation": _get(manifest, "manifest", "publishingInformation", "locales"),
        "privacyAndCompliance": _get(manifest, "manifest", "privacyAndCompliance", "locales"),
    }
    for section, listed in where.items():
        names = sorted(listed) if isinstance(listed, dict) else []
        for extra in sorted(set(names) - set(locales)):
            yield (
                f"skill.json {section} lists {extra} but there is no "
                f"{SOURCE_DIR}/{MODEL_DIR}/{extra}.json; remove it or add the model"
            )
        for missing in sorted(set(locales) - set(names)):
            yield f"skill.json {section} does not list {missing}, which has a model; add it"


def check_agreement(root: Path, profile: str) -> None:
    """Raise the first disagreement as a one-line :class:`DeployError`."""
    for problem in agreement_problems(root, profile):
        raise DeployError(problem)


# -- the stack's outputs ---------------------------------------------------------------------------


def function_arn(outputs: Any, source: str = "the stack outputs") -> str:
    """The function ARN from ``sam list stack-outputs --output json`` or
    ``aws cloudformation describe-stacks`` JSON."""
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


# -- the skill package -----------------------------------------------------------------------------


def _schema(root: Path, name: str) -> Any:
    return read_json(root / SCHEMA_DIR / name, "Amazon's JSON Schema")


def schema_problem(document: Any, schema: Any, label: str) -> str | None:
    """The first place ``document`` breaks ``schema`` (draft 4), as one line, or None."""
    try:
        validator = importlib.import_module("jsonschema").Draft4Validator(schema)
    except ModuleNotFoundError:
        raise DeployError(
            "checking the package needs jsonschema: pip install 'toe-twitch-helper[deploy]'"
        ) from None
    errors = list(validator.iter_errors(document))
    if not errors:
        return None
    error = min(errors, key=lambda e: len(e.path))
    where = ".".join(str(part) for part in error.absolute_path) or "(top level)"
    message, shown = error.message, repr(error.instance)
    if len(shown) > 40:  # "'xxxx...' is too long" for a 4000-character description
        message = message.replace(shown, f"{shown[:30]}...({len(str(error.instance))} characters)")
    message = message if len(message) <= 200 else message[:197] + "..."
    return f"{label}: {where}: {message}"


def fill_manifest(
    manifest: dict[str, Any], arn: str | None, pages_url: str | None
) -> dict[str, Any]:
    """A copy of ``manifest`` with the endpoints and page URLs filled, or left out.

    ``arn`` is the function's ARN, or an https URL (``toe-twitch serve`` behind a tunnel whose
    host has a wildcard certificate). Without it the skill gets no endpoint and no events (the
    events need one): that is how the first upload creates the skill, before the stack that needs
    its id exists.
    """
    filled = json.loads(json.dumps(manifest))
    body = filled["manifest"]
    custom = body.setdefault("apis", {}).setdefault("custom", {})
    if arn is None:
        custom.pop("endpoint", None)
        body.pop("events", None)
    else:
        endpoint = {"uri": arn}
        if arn.startswith("https://"):
            endpoint["sslCertificateType"] = "Wildcard"
        custom["endpoint"] = endpoint
        if "events" in body:
            body["events"]["endpoint"] = dict(endpoint)
    for locale in (_get(body, "privacyAndCompliance", "locales") or {}).values():
        for key, page in PAGES.items():
            if key not in locale:
                continue
            if pages_url is None:
                del locale[key]
            else:
                locale[key] = f"{pages_url.rstrip('/')}/{page}"
    return filled


def checked_endpoint_url(value: str) -> str:
    """``--endpoint-url``: where ``toe-twitch serve`` answers, over https."""
    if not re.fullmatch(r"https://[A-Za-z0-9.-]+(:443)?/[^\s?#]*", value):
        raise DeployError(
            f"--endpoint-url {value!r} is not an https URL on port 443 (https://HOST/alexa)"
        )
    return value


def checked_pages_url(value: str | None) -> str | None:
    """``--pages-url``: an https URL that is not the placeholder."""
    if value is None:
        return None
    if not re.fullmatch(r"https://[A-Za-z0-9.-]+(:\d+)?(/[^\s?#]*)?", value):
        raise DeployError(f"--pages-url {value!r} is not an https URL (https://HOST[/PATH])")
    if value.rstrip("/") == PLACEHOLDER_PAGES:
        raise DeployError("--pages-url is the placeholder; pass where privacy and terms are served")
    return value


def package_files(root: Path, arn: str | None, pages_url: str | None) -> dict[str, bytes]:
    """Every file of the skill package, checked: relative path -> bytes."""
    source = root / SOURCE_DIR
    manifest_path = source / "skill.json"
    manifest = read_json(manifest_path, "the skill manifest")
    for problem in locale_problems(manifest, model_locales(root)):
        raise DeployError(problem)
    filled = fill_manifest(manifest, arn, pages_url)
    broken = schema_problem(filled, _schema(root, "skill_manifest.schema.json"), "skill.json")
    if broken:
        raise DeployError(f"{broken} (fix {manifest_path.relative_to(root)})")
    text = json.dumps(filled, indent=2, ensure_ascii=False) + "\n"
    if PLACEHOLDER_ARN in text or PLACEHOLDER_PAGES in text:
        raise DeployError(f"{manifest_path}: a placeholder is left in a field this does not fill")
    files = {"skill.json": text.encode("utf-8")}
    model_schema = _schema(root, "interaction_model.schema.json")
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if not path.is_file() or relative == Path("skill.json"):
            continue
        if any(part.startswith(".") or part == "__pycache__" for part in relative.parts):
            continue
        data = path.read_bytes()
        if relative.parent == Path(MODEL_DIR) and path.suffix == ".json":
            label = f"{SOURCE_DIR}/{relative.as_posix()}"
            model = read_json(path, "an interaction model")
            model_problem = schema_problem(model, model_schema, label)
            if model_problem:
                raise DeployError(model_problem)
        files[relative.as_posix()] = data
    return files


def write_tree(files: dict[str, bytes], target: Path) -> None:
    """Replace ``target`` with exactly ``files``: written beside it, then swapped in."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.parent / f".{target.name}.new-{os.getpid()}"
    retired = target.parent / f".{target.name}.old-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for relative, data in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if target.exists():
            target.rename(retired)
        staging.rename(target)
    except OSError as failure:
        shutil.rmtree(staging, ignore_errors=True)
        if retired.exists() and not target.exists():
            retired.rename(target)
        raise DeployError(f"cannot write {target}: {failure.strerror or failure}") from None
    shutil.rmtree(retired, ignore_errors=True)


def build_package(
    root: Path,
    profile: str = "default",
    arn: str | None = None,
    pages_url: str | None = None,
) -> Path:
    """Check everything, then write the skill package for ``ask deploy``; return its folder."""
    target = package_dir(root, profile)
    check_agreement(root, profile)
    files = package_files(root, arn, checked_pages_url(pages_url))
    write_tree(files, target)
    return target


# -- the command line ------------------------------------------------------------------------------


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


def _read_outputs(name: str) -> Any:
    if name == "-":
        try:
            return json.loads(sys.stdin.read())
        except json.JSONDecodeError as failure:
            raise DeployError(f"standard input: not JSON: {failure.msg}") from None
    return read_json(Path(name), "the stack outputs")


def _package(args: argparse.Namespace, root: Path) -> int:
    arn: str | None = None
    if args.stack_outputs:
        label = "standard input" if args.stack_outputs == "-" else args.stack_outputs
        arn = function_arn(_read_outputs(args.stack_outputs), label)
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


if __name__ == "__main__":
    sys.exit(main())
