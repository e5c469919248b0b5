"""The Lambda function: it answers only its own skill, and its artifact is lean and imports clean.

The real artifact comes from `sam build` (the Makefile's build-SkillFunction), which downloads
arm64 wheels. Offline, these tests assemble the same tree from this environment's installed
distributions (what `pip install --target` would lay down), then run the Makefile's own prune and
compile steps on it and import it the way Lambda does: a fresh interpreter, isolated, no bytecode
written, warnings as errors, boto3 on a separate path standing in for the runtime's. The python3.12
runtime includes boto3 and botocore (AWS Lambda "Lambda runtimes": the Python runtimes include
the AWS SDK for Python); it does not include PyYAML, requests or the ASK SDK.
"""

from __future__ import annotations

import glob
import json
import logging
import os
import re
import shutil
import subprocess
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from skill.hosting import lambda_function
from tests.alexa import RequestFactory

ROOT = Path(__file__).resolve().parents[1]
SKILL_ID = RequestFactory().skill_id
OTHER_SKILL = "amzn1.ask.skill.99999999-9999-4999-8999-999999999999"
RUNTIME_PROVIDED = ("boto3", "botocore", "s3transfer", "jmespath")
LEFT_OUT = ("skill/simulator", "rapidfuzz", "bin", *RUNTIME_PROVIDED)
MAX_BYTES = 15_000_000


def event_for(application_id: str | None) -> dict:
    factory = RequestFactory()
    event = factory.envelope(factory.launch(), None, True)
    for part in (event["context"]["System"], event["session"]):
        if application_id is None:
            del part["application"]
        else:
            part["application"]["applicationId"] = application_id
    return event


# -- the skill id check --------------------------------------------------------------------------


@pytest.fixture
def configured(monkeypatch):
    """The handler with SKILL_ID set, and a record of whether the skill ran."""
    ran = []
    monkeypatch.setattr(lambda_function, "SKILL_ID", SKILL_ID)
    real = lambda_function.handle_event
    monkeypatch.setattr(lambda_function, "handle_event", lambda e: ran.append(e) or real(e))
    return ran


def test_an_event_for_the_skill_is_answered(configured):
    response = lambda_function.handler(event_for(SKILL_ID), None)
    assert response["response"]["outputSpeech"]
    assert len(configured) == 1


@pytest.mark.parametrize("application", [OTHER_SKILL, None], ids=["other skill", "no id"])
def test_an_event_for_another_skill_is_refused_and_never_run(configured, caplog, application):
    with (
        caplog.at_level(logging.ERROR, logger=lambda_function.__name__),
        pytest.raises(lambda_function.ForeignSkillError, match=f"not for SKILL_ID {SKILL_ID}"),
    ):
        lambda_function.handler(event_for(application), None)
    assert configured == []
    (record,) = caplog.records
    expected = repr(application) if application else "no application id"
    assert record.getMessage() == (
        f"refused an event for {expected}: this function answers only {SKILL_ID}"
    )


def test_a_skill_event_carries_its_id_in_the_context_only(configured):
    event = event_for(SKILL_ID)
    del event["session"]
    event["request"] = {
        "type": "AlexaSkillEvent.SkillDisabled",
        "requestId": "amzn1.echo-api.request.skill-disabled",
        "timestamp": "2026-11-30T00:00:00Z",
        "body": {"userId": event["context"]["System"]["user"]["userId"]},
    }
    lambda_function.handler(event, None)
    assert len(configured) == 1
    assert lambda_function.application_id(event) == SKILL_ID


def test_without_skill_id_every_skill_is_answered(monkeypatch):
    monkeypatch.setattr(lambda_function, "SKILL_ID", None)
    assert lambda_function.handler(event_for(OTHER_SKILL), None)["response"]


# -- the artifact's rules, on a made-up tree -----------------------------------------------------


def make(*targets: str, **variables: str) -> subprocess.CompletedProcess:
    settings = [f"{name}={value}" for name, value in variables.items()]
    return subprocess.run(
        ["make", "--no-print-directory", *targets, *settings],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )


def test_prune_leaves_out_what_the_runtime_has_and_lambda_never_runs(tmp_path):
    kept = ["yaml/__init__.py", "ask_sdk_core/__init__.py", "dateutil/__init__.py", "six.py"]
    kept += ["urllib3/__init__.py", "requests/__init__.py", "skill/hosting/lambda_function.py"]
    dropped = ["boto3/__init__.py", "boto3-1.35.0.dist-info/RECORD", "botocore/data/x.json"]
    dropped += ["s3transfer/__init__.py", "jmespath/__init__.py", "rapidfuzz/__init__.py"]
    dropped += [
        "skill/simulator/resolver.py",
        "bin/toe-twitch",
        "yaml/__pycache__/a.cpython-311.pyc",
    ]
    dropped += ["stray.pyc"]
    for name in kept + dropped:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    make("lambda-prune", ARTIFACTS_DIR=str(tmp_path))
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert left == sorted(kept)


# -- the artifact, assembled offline ---------------------------------------------------------------


@cache
def python312() -> str | None:
    """A Python 3.12, as the Makefile finds one; None if this machine has none."""
    pyenv = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.12*/bin/python3.12")))
    for candidate in [os.environ.get("PYTHON312", ""), "python3.12", *pyenv]:
        if not candidate:
            continue
        try:
            check = [candidate, "-c", "import sys; sys.exit(sys.version_info[:2] != (3, 12))"]
            if subprocess.run(check, capture_output=True).returncode == 0:
                return candidate
        except OSError:
            continue
    return None


def lambda_closure() -> list[metadata.Distribution]:
    """The installed distributions `pip install toe-twitch-helper[lambda]` brings, but ours."""
    seen: dict[str, metadata.Distribution] = {}
    pending = [Requirement(r) for r in metadata.requires("toe-twitch-helper") or []]
    pending = [r for r in pending if r.marker is None or r.marker.evaluate({"extra": "lambda"})]
    while pending:
        requirement = pending.pop()
        name = re.sub(r"[-_.]+", "-", requirement.name).lower()
        if name in seen or name == "toe-twitch-helper":
            continue
        distribution = metadata.distribution(requirement.name)
        seen[name] = distribution
        for text in distribution.requires or []:
            nested = Requirement(text)
            if nested.marker is None or nested.marker.evaluate({"extra": ""}):
                pending.append(nested)
    return list(seen.values())


def lay_down(target: Path) -> None:
    """What pip install --target leaves: every file of every distribution, scripts in bin/."""
    for distribution in lambda_closure():
        for file in distribution.files or []:
            source = Path(str(distribution.locate_file(file)))
            relative = Path(*[part for part in file.parts if part != ".."])
            if file.parts[0] == "..":
                relative = Path("bin") / file.name
            if source.is_file():
                (target / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / relative)
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "skill", target / "skill", ignore=ignore)
    shutil.copytree(ROOT / "content", target / "skill/content", ignore=ignore)
    shutil.copytree(ROOT / "interaction_model", target / "skill/interaction_model", ignore=ignore)


@pytest.fixture(scope="module")
def artifact(tmp_path_factory) -> Path:
    """The artifact, assembled, pruned and compiled as the Makefile does."""
    target = tmp_path_factory.mktemp("lambda") / "SkillFunction"
    lay_down(target)
    make("lambda-prune", "lambda-compile", ARTIFACTS_DIR=str(target), PYTHON312=python312() or "")
    return target


@pytest.fixture(scope="module")
def runtime(tmp_path_factory, artifact) -> Path:
    """boto3 and its kin where the runtime keeps them: beside the artifact, not in it."""
    folder = tmp_path_factory.mktemp("var-runtime")
    for name in RUNTIME_PROVIDED:
        shutil.copytree(Path(__import__(name).__file__).parent, folder / name)
    return folder


def test_artifact_leaves_out_what_it_should(artifact):
    for name in LEFT_OUT:
        assert not (artifact / name).exists(), name
    assert not list(artifact.glob("*.dist-info/../boto*"))
    assert (artifact / "yaml").is_dir()  # the runtime lacks these: they stay
    assert (artifact / "dateutil").is_dir()
    assert (artifact / "skill/content").is_dir()


def test_artifact_holds_bytecode_only_for_python_3_12(artifact):
    tags = {path.name.split(".")[-2] for path in artifact.rglob("__pycache__/*.pyc")}
    legacy = list(artifact.rglob("*.pyc"))
    if python312() is None:
        assert legacy == []  # no 3.12 to compile with: no bytecode at all
        pytest.skip("no Python 3.12 on this machine: only the absence of bytecode was checked")
    assert tags == {"cpython-312"}
    magic = subprocess.run(
        [
            python312() or "",
            "-c",
            "import importlib.util as u, sys; sys.stdout.write(u.MAGIC_NUMBER.hex())",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert {path.read_bytes()[:4].hex() for path in legacy} == {magic}
    assert not list((artifact / "ask_sdk_model").rglob("*.py"))  # bytecode only, see the Makefile


def test_artifact_is_under_15_mb(artifact):
    total = sum(path.stat().st_size for path in artifact.rglob("*") if path.is_file())
    assert total < MAX_BYTES, f"{total / 1e6:.1f} MB"


def run_in_clean_python(artifact: Path, runtime: Path, code: str, **env: str):
    python = python312() or sys.executable
    setup = f"import sys; sys.path[:0] = [{str(artifact)!r}]; sys.path.append({str(runtime)!r})\n"
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_EC2_METADATA_DISABLED": "true",  # no credentials lookup over the network
        **env,
    }
    return subprocess.run(
        [python, "-I", "-B", "-W", "error", "-c", setup + code],
        capture_output=True,
        text=True,
        env=environment,
        cwd=artifact,
    )


def test_artifact_imports_clean_and_answers_only_its_skill(artifact, runtime):
    code = f"""
import json
from skill.lambda_function import handler
from skill.hosting.lambda_function import ForeignSkillError
events = json.loads({json.dumps(json.dumps([event_for(SKILL_ID), event_for(OTHER_SKILL)]))})
print(json.dumps(handler(events[0], None)["response"]["outputSpeech"]["type"]))
try:
    handler(events[1], None)
except ForeignSkillError:
    print("refused")
"""
    done = run_in_clean_python(artifact, runtime, code, SKILL_ID=SKILL_ID)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ['"SSML"', "refused"]
    refusal = f"refused an event for '{OTHER_SKILL}': this function answers only {SKILL_ID}"
    assert done.stderr.strip() == refusal  # the only line: no warning of any kind


def test_artifact_imports_clean_with_dynamodb_storage(artifact, runtime):
    code = "from skill.lambda_function import handler\nimport boto3\nprint(boto3.__file__)"
    tables = {"ATTRIBUTES_TABLE": "attributes", "DIARY_TABLE": "diary"}
    done = run_in_clean_python(artifact, runtime, code, SKILL_ID=SKILL_ID, **tables)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith(str(runtime))  # the runtime's boto3, not one of its own


def test_artifact_never_imports_the_simulator_or_the_web_host(artifact, runtime):
    code = """
import sys
from skill.lambda_function import handler
print(sorted(m for m in sys.modules if m.split(".")[0] in {"flask", "rapidfuzz", "boto3"}
             or m.startswith(("skill.simulator", "skill.hosting.web"))))
"""
    done = run_in_clean_python(artifact, runtime, code, SKILL_ID=SKILL_ID)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
