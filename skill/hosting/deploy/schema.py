"""Amazon's JSON Schemas for the skill package, and the first place a document breaks one."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from skill.hosting.deploy.project import DeployError, read_json

SCHEMA_DIR = "tests/data/schemas"


def load_schema(root: Path, name: str) -> Any:
    """The schema ``name`` from the project's copy of Amazon's schemas."""
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
