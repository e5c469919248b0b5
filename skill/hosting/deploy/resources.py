"""``ask-resources.json`` and ``.ask/ask-states.json``, checked the way the ASK CLI reads them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from skill.hosting.deploy.project import (
    RESOURCES_FILE,
    SOURCE_DIR,
    STATES_FILE,
    DeployError,
    lookup,
    read_json,
)

RESOURCES_VERSION = "2020-03-31"  # the only askcliResourcesVersion ASK CLI v2 writes and reads
SKILL_ID = re.compile(r"amzn1\.ask\.skill\.[0-9a-fA-F-]+")


def resources_profile(root: Path, profile: str) -> dict[str, Any]:
    """The profile's entry in ``ask-resources.json``, checked the way the ASK CLI reads it."""
    path = root / RESOURCES_FILE
    document = read_json(path, "the ASK CLI's project file")
    version = lookup(document, "askcliResourcesVersion")
    if version != RESOURCES_VERSION:
        raise DeployError(
            f"{path}: askcliResourcesVersion is {version!r}; ASK CLI v2 reads {RESOURCES_VERSION!r}"
        )
    entry = lookup(document, "profiles", profile)
    if not isinstance(entry, dict):
        raise DeployError(f"{path}: no profile {profile!r}; add it or pass --profile")
    return entry


def package_dir(root: Path, profile: str) -> Path:
    """Where ``ask deploy`` reads the skill package: ``skillMetadata.src`` of the profile."""
    src = lookup(resources_profile(root, profile), "skillMetadata", "src")
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
    src = lookup(entry, "code", "default", "src")
    if not isinstance(src, str) or not src.strip():
        raise DeployError(f'{where}: profiles.{profile}.code.default.src is not set; set "./skill"')
    folder = root / src
    if not folder.is_dir():
        raise DeployError(
            f"{where}: code.default.src names {src!r}, which is not a folder here; "
            'set it to "./skill"'
        )
    config = lookup(entry, "skillInfrastructure", "userConfig") or {}
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


def skill_id(root: Path, profile: str) -> str:
    """The skill id ``ask deploy`` saved for ``profile``."""
    path = root / STATES_FILE
    if not path.is_file():
        raise DeployError(
            f"no {STATES_FILE} yet: run `ask deploy --target skill-metadata` once, "
            "which creates the skill and saves its id there"
        )
    found = lookup(read_json(path, "the ASK CLI's state"), "profiles", profile, "skillId")
    if not isinstance(found, str) or not SKILL_ID.fullmatch(found):
        raise DeployError(
            f"{path}: no skill id for profile {profile!r}; "
            "run `ask deploy --target skill-metadata` with that profile first"
        )
    return found
