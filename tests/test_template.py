"""The AWS SAM template: valid, and as narrow as the skill needs."""

from __future__ import annotations

import importlib
from pathlib import Path

import yaml
from cfnlint.api import lint_file

TEMPLATE = Path(__file__).resolve().parents[1] / "template.yaml"


class _CloudFormationLoader(yaml.SafeLoader):
    """YAML loader that keeps CloudFormation's short tags (!Ref, !GetAtt) as plain data."""


_CloudFormationLoader.add_multi_constructor(
    "!", lambda loader, tag, node: {f"!{tag}": loader.construct_scalar(node)}
)


def load_template() -> dict:
    return yaml.load(TEMPLATE.read_text(encoding="utf-8"), Loader=_CloudFormationLoader)


def test_template_passes_cfn_lint():
    assert [str(match) for match in lint_file(TEMPLATE)] == []


def test_function_runs_the_skill_on_python_3_12():
    function = load_template()["Resources"]["SkillFunction"]["Properties"]
    assert function["Runtime"] == "python3.12"
    module, name = function["Handler"].rsplit(".", 1)
    assert callable(getattr(importlib.import_module(module), name))


def test_only_the_configured_skill_can_invoke_the_function():
    events = load_template()["Resources"]["SkillFunction"]["Properties"]["Events"]
    assert events == {
        "Alexa": {"Type": "AlexaSkill", "Properties": {"SkillId": {"!Ref": "SkillId"}}}
    }


def test_function_gets_no_permissions_beyond_its_logs():
    resources = load_template()["Resources"]
    function = resources["SkillFunction"]["Properties"]
    assert "Policies" not in function and "Role" not in function
    assert not [
        r for r in resources.values() if r["Type"] in {"AWS::IAM::Role", "AWS::IAM::Policy"}
    ]
