"""The skill package for ``ask deploy``: every file checked, then written whole or not at all."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from skill.hosting.deploy.agreement import check_agreement
from skill.hosting.deploy.manifest import (
    PLACEHOLDER_ARN,
    PLACEHOLDER_PAGES,
    checked_pages_url,
    fill_manifest,
    locale_problems,
)
from skill.hosting.deploy.project import (
    MODEL_DIR,
    SOURCE_DIR,
    DeployError,
    model_locales,
    read_json,
)
from skill.hosting.deploy.resources import package_dir
from skill.hosting.deploy.schema import load_schema, schema_problem


def package_files(root: Path, arn: str | None, pages_url: str | None) -> dict[str, bytes]:
    """Every file of the skill package, checked: relative path -> bytes."""
    source = root / SOURCE_DIR
    manifest_path = source / "skill.json"
    manifest = read_json(manifest_path, "the skill manifest")
    for problem in locale_problems(manifest, model_locales(root)):
        raise DeployError(problem)
    filled = fill_manifest(manifest, arn, pages_url)
    broken = schema_problem(filled, load_schema(root, "skill_manifest.schema.json"), "skill.json")
    if broken:
        raise DeployError(f"{broken} (fix {manifest_path.relative_to(root)})")
    text = json.dumps(filled, indent=2, ensure_ascii=False) + "\n"
    if PLACEHOLDER_ARN in text or PLACEHOLDER_PAGES in text:
        raise DeployError(f"{manifest_path}: a placeholder is left in a field this does not fill")
    files = {"skill.json": text.encode("utf-8")}
    model_schema = load_schema(root, "interaction_model.schema.json")
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
