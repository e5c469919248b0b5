"""The project's files as ``toe-twitch deploy`` reads them; every failure is a one-line error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

RESOURCES_FILE = "ask-resources.json"
STATES_FILE = ".ask/ask-states.json"
SOURCE_DIR = "interaction_model"
MODEL_DIR = "interactionModels/custom"
TEMPLATE_FILE = "template.yaml"
MAKEFILE = "Makefile"


class DeployError(Exception):
    """Something the developer can fix: the message is the one line that says what."""


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


def lookup(document: Any, *keys: str) -> Any:
    """``document[key][key]...``, or None where a level is missing or not a mapping."""
    for key in keys:
        if not isinstance(document, dict):
            return None
        document = document.get(key)
    return document


def model_locales(root: Path) -> list[str]:
    """The locales that have an interaction model, from the files' names."""
    folder = root / SOURCE_DIR / MODEL_DIR
    return sorted(path.stem for path in folder.glob("*.json"))
