"""The deploy path, offline: ask-resources.json as the ASK CLI reads it, the project's files in
agreement, and ``toe-twitch deploy`` filling the skill package from a stack's outputs.

What the ASK CLI (v2.30) expects of ask-resources.json, from its source (lib/commands/run/helper.js,
lib/commands/deploy/index.js, lib/model/resources-config) and docs/concepts/Deploy-Command.md:
``askcliResourcesVersion`` "2020-03-31"; ``profiles.<name>.skillMetadata.src`` the skill package
folder (skill.json and interactionModels/custom/<locale>.json); ``ask run`` reads
``code.default.src`` and ``skillInfrastructure.userConfig`` ``runtime`` and ``handler``
("file.function": it loads ``<src>/<file>.py``); a ``skillInfrastructure`` without ``type`` is
never deployed by the ASK CLI (SAM deploys the function here).
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

from skill.hosting import deploy
from tests.alexa import RequestFactory

ROOT = Path(__file__).resolve().parents[1]
ARN = "arn:aws:lambda:us-east-1:123456789012:function:toe-twitch-helper-SkillFunction-Ab12Cd34"
SKILL_ID = "amzn1.ask.skill.0d7c2b8e-1f35-4bb5-9b3e-8c2a6f1e4d90"
SAM_OUTPUTS = [  # `sam list stack-outputs --output json`
    {"OutputKey": "SkillFunctionArn", "OutputValue": ARN, "Description": "The skill's endpoint"}
]
DESCRIBE_STACKS = {"Stacks": [{"StackName": "toe-twitch-helper", "Outputs": SAM_OUTPUTS}]}


def resources() -> dict:
    return json.loads((ROOT / "ask-resources.json").read_text(encoding="utf-8"))


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the files the deploy commands read."""
    for name in ("ask-resources.json", "template.yaml", "Makefile"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "interaction_model", tmp_path / "interaction_model")
    shutil.copytree(ROOT / "tests/data/schemas", tmp_path / "tests/data/schemas")
    (tmp_path / "skill").mkdir()
    shutil.copy(ROOT / "skill/lambda_function.py", tmp_path / "skill/lambda_function.py")
    return tmp_path


def run(project: Path, *argv: str) -> int:
    return deploy.main(["--project", str(project), *argv])


def one_line(capsys) -> str:
    """What a failed command said: exactly one line on standard error, nothing on standard out."""
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert captured.out == ""
    return lines[0]


def written(project: Path) -> dict:
    return json.loads((project / "build/skill-package/skill.json").read_text(encoding="utf-8"))


# -- ask-resources.json as the ASK CLI reads it ------------------------------------------------


def test_resources_file_is_ask_cli_v2s_format_with_a_profile():
    document = resources()
    assert document["askcliResourcesVersion"] == "2020-03-31"
    profile = document["profiles"]["default"]
    assert profile["skillMetadata"]["src"] == "./build/skill-package"
    assert "type" not in profile["skillInfrastructure"]  # SAM deploys the function, not ask deploy


def test_code_src_is_a_folder_that_does_not_hold_dot_ask():
    # With src ".", the ASK CLI's code build copies the project into its own .ask/ folder and
    # fails: "Cannot copy ... to a subdirectory of itself".
    src = (ROOT / resources()["profiles"]["default"]["code"]["default"]["src"]).resolve()
    assert src.is_dir()
    assert src != ROOT.resolve()
    assert ROOT.resolve() / ".ask" not in [src, *src.parents]


def test_ask_run_loads_the_handler_and_it_answers():
    """Do what `ask run` and ask-sdk-local-debug do: find the file from the handler the way
    the ASK CLI splits it, load it by path, call the function with an event and no context."""
    profile = resources()["profiles"]["default"]
    config = profile["skillInfrastructure"]["userConfig"]
    assert config["runtime"].startswith("python")
    *_, file_name, function = config["handler"].split(".")
    path = ROOT / profile["code"]["default"]["src"] / f"{file_name}.py"
    spec = importlib.util.spec_from_file_location(function, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    factory = RequestFactory()
    response = getattr(module, function)(factory.envelope(factory.launch(), None, True), None)
    json.dumps(response)  # the local debugger sends json.dumps of what the handler returns
    assert response["response"]["outputSpeech"]


def test_project_files_agree():
    assert list(deploy.agreement_problems(ROOT, "default")) == []
    assert deploy.code_handler(ROOT, "default") == ("skill.lambda_function", "handler")


def test_deploy_check_says_they_agree(capsys):
    assert run(ROOT, "check") == 0
    assert "agree (en-AU, en-CA, en-GB, en-IN, en-US)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda t: t.replace("Handler: skill.lambda_function.handler", "Handler: app.handler"),
            "name the same function",
        ),
        (lambda t: t.replace("Runtime: python3.12", "Runtime: python3.13"), "Runtime"),
        (lambda t: t.replace("- arm64", "- x86_64"), "architecture"),
        (lambda t: t.replace("SKILL_ID: !Ref SkillId", "SKILL_ID: amzn1.ask.skill.x"), "SKILL_ID"),
        (lambda t: t.replace("SkillId: !Ref SkillId", "SkillId: amzn1.ask.skill.x"), "AlexaSkill"),
    ],
)
def test_a_template_that_disagrees_fails_check_in_one_line(project, capsys, change, expected):
    template = project / "template.yaml"
    template.write_text(change(template.read_text(encoding="utf-8")), encoding="utf-8")
    assert run(project, "check") == 2
    line = one_line(capsys)
    assert line.startswith("toe-twitch deploy check: ")
    assert expected in line


# -- deploy package ------------------------------------------------------------------------------


def test_first_package_has_no_endpoint_and_no_events(project, capsys):
    assert run(project, "package", "--no-endpoint") == 0
    manifest = written(project)["manifest"]
    assert "endpoint" not in manifest["apis"]["custom"]
    assert "events" not in manifest
    assert "ask deploy --target skill-metadata" in capsys.readouterr().out


@pytest.mark.parametrize("outputs", [SAM_OUTPUTS, DESCRIBE_STACKS], ids=["sam", "cloudformation"])
def test_package_fills_both_endpoints_from_the_stack_outputs(project, tmp_path, outputs):
    saved = tmp_path / "stack-outputs.json"
    saved.write_text(json.dumps(outputs), encoding="utf-8")
    assert run(project, "package", "--stack-outputs", str(saved)) == 0
    manifest = written(project)["manifest"]
    assert manifest["apis"]["custom"]["endpoint"] == {"uri": ARN}
    assert manifest["events"]["endpoint"] == {"uri": ARN}
    assert manifest["events"]["subscriptions"] == [{"eventName": "SKILL_DISABLED"}]


def test_package_copies_the_models_and_fills_the_pages(project):
    assert (
        run(project, "package", "--function-arn", ARN, "--pages-url", "https://a.example.org/") == 0
    )
    source = project / "interaction_model/interactionModels/custom/en-US.json"
    package = project / "build/skill-package/interactionModels/custom/en-US.json"
    assert package.read_bytes() == source.read_bytes()
    urls = written(project)["manifest"]["privacyAndCompliance"]["locales"]["en-US"]
    assert urls == {
        "privacyPolicyUrl": "https://a.example.org/privacy",
        "termsOfUseUrl": "https://a.example.org/terms",
    }
    assert deploy.PLACEHOLDER_PAGES not in json.dumps(written(project))


def test_without_pages_url_the_package_has_no_placeholder_urls(project, capsys):
    assert run(project, "package", "--function-arn", ARN) == 0
    assert written(project)["manifest"]["privacyAndCompliance"]["locales"]["en-US"] == {}
    assert "certification needs both" in capsys.readouterr().err


def test_an_https_endpoint_for_a_tunnel_with_a_wildcard_certificate(project):
    url = "https://toe-twitch.tunnel.example.org/alexa"
    assert run(project, "package", "--endpoint-url", url) == 0
    manifest = written(project)["manifest"]
    expected = {"uri": url, "sslCertificateType": "Wildcard"}
    assert manifest["apis"]["custom"]["endpoint"] == expected
    assert manifest["events"]["endpoint"] == expected


def test_stack_outputs_from_standard_input(project, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(SAM_OUTPUTS)))
    assert run(project, "package", "--stack-outputs", "-") == 0
    assert written(project)["manifest"]["apis"]["custom"]["endpoint"]["uri"] == ARN


# -- bad input: one line, nothing written ----------------------------------------------------------


def package_state(project: Path) -> dict[str, bytes]:
    folder = project / "build"
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def deployed(project) -> Path:
    """A project with a package already written, to check that a failure leaves it whole."""
    assert run(project, "package", "--function-arn", ARN) == 0
    return project


def fails_without_a_write(project: Path, capsys, *argv: str) -> str:
    capsys.readouterr()
    before = package_state(project)
    assert run(project, *argv) == 2
    assert package_state(project) == before
    return one_line(capsys)


def test_stack_outputs_without_the_function_arn(deployed, tmp_path, capsys):
    saved = tmp_path / "outputs.json"
    saved.write_text(json.dumps([{"OutputKey": "Other", "OutputValue": "x"}]), encoding="utf-8")
    line = fails_without_a_write(deployed, capsys, "package", "--stack-outputs", str(saved))
    assert "no SkillFunctionArn" in line
    assert "sam list stack-outputs" in line


def test_stack_outputs_that_are_not_json(deployed, tmp_path, capsys):
    saved = tmp_path / "outputs.json"
    saved.write_text("Stack outputs:\n", encoding="utf-8")
    line = fails_without_a_write(deployed, capsys, "package", "--stack-outputs", str(saved))
    assert "not JSON, line 1" in line


def test_a_function_arn_that_is_not_one(deployed, capsys):
    line = fails_without_a_write(deployed, capsys, "package", "--function-arn", "toe-twitch")
    assert "not a Lambda function ARN" in line


def test_a_manifest_that_fails_amazons_schema(deployed, capsys):
    path = deployed / "interaction_model/skill.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["manifest"]["publishingInformation"]["locales"]["en-US"]["summary"] = "x" * 200
    path.write_text(json.dumps(manifest), encoding="utf-8")
    line = fails_without_a_write(deployed, capsys, "package", "--function-arn", ARN)
    assert "publishingInformation.locales.en-US.summary" in line
    assert "is too long" in line


def test_a_manifest_listing_a_locale_without_a_model(deployed, capsys):
    path = deployed / "interaction_model/skill.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    locales = manifest["manifest"]["publishingInformation"]["locales"]
    locales["de-DE"] = locales["en-US"]
    path.write_text(json.dumps(manifest), encoding="utf-8")
    line = fails_without_a_write(deployed, capsys, "package", "--function-arn", ARN)
    assert (
        "lists de-DE but there is no interaction_model/interactionModels/custom/de-DE.json" in line
    )


def test_a_resources_file_naming_a_missing_folder(deployed, capsys):
    path = deployed / "ask-resources.json"
    path.write_text(path.read_text(encoding="utf-8").replace("./skill", "./lambda"), "utf-8")
    line = fails_without_a_write(deployed, capsys, "package", "--function-arn", ARN)
    assert "code.default.src names './lambda', which is not a folder here" in line


def test_a_resources_file_without_skill_metadata(deployed, capsys):
    path = deployed / "ask-resources.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    del document["profiles"]["default"]["skillMetadata"]
    path.write_text(json.dumps(document), encoding="utf-8")
    line = fails_without_a_write(deployed, capsys, "package", "--function-arn", ARN)
    assert "skillMetadata.src is not set" in line


def test_a_resources_file_pointing_the_package_at_the_source(deployed, capsys):
    path = deployed / "ask-resources.json"
    text = path.read_text(encoding="utf-8").replace("./build/skill-package", "./interaction_model")
    path.write_text(text, encoding="utf-8")
    line = fails_without_a_write(deployed, capsys, "package", "--function-arn", ARN)
    assert "the source folder interaction_model" in line


def test_an_unknown_profile(deployed, capsys):
    line = fails_without_a_write(deployed, capsys, "--profile", "work", "package", "--no-endpoint")
    assert "no profile 'work'" in line


def test_an_endpoint_url_that_is_not_https(deployed, capsys):
    argv = ("package", "--endpoint-url", "http://localhost:5000/alexa")
    assert "not an https URL on port 443" in fails_without_a_write(deployed, capsys, *argv)


def test_a_pages_url_that_is_not_https(deployed, capsys):
    argv = ("package", "--function-arn", ARN, "--pages-url", "http://a.example.org")
    assert "not an https URL" in fails_without_a_write(deployed, capsys, *argv)


def test_a_failed_write_leaves_the_old_package_whole(deployed, monkeypatch):
    before = package_state(deployed)
    calls = []
    original = Path.write_bytes

    def flaky(self, data):
        calls.append(self)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return original(self, data)

    monkeypatch.setattr(Path, "write_bytes", flaky)
    with pytest.raises(deploy.DeployError, match="No space left on device"):
        deploy.build_package(deployed, arn=ARN)
    monkeypatch.undo()
    assert package_state(deployed) == before
    assert sorted(p.name for p in (deployed / "build").iterdir()) == ["skill-package"]


# -- deploy skill-id -----------------------------------------------------------------------------


def test_skill_id_from_the_ask_clis_state(project, capsys):
    states = {"askcliStatesVersion": "2020-03-31", "profiles": {"default": {"skillId": SKILL_ID}}}
    (project / ".ask").mkdir()
    (project / ".ask/ask-states.json").write_text(json.dumps(states), encoding="utf-8")
    assert run(project, "skill-id") == 0
    assert capsys.readouterr().out == SKILL_ID + "\n"


def test_skill_id_before_the_skill_exists(project, capsys):
    assert run(project, "skill-id") == 2
    assert "run `ask deploy --target skill-metadata` once" in one_line(capsys)
