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


def test_function_may_touch_only_its_own_tables_item_by_item():
    resources = load_template()["Resources"]
    function = resources["SkillFunction"]["Properties"]
    assert "Role" not in function
    statements = [s for policy in function["Policies"] for s in policy["Statement"]]
    granted = {s["Resource"]["!GetAtt"]: set(s["Action"]) for s in statements}
    assert granted == {
        "AttributesTable.Arn": {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"},
        "DiaryTable.Arn": {
            "dynamodb:PutItem",
            "dynamodb:Query",
            "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem",
        },
    }
    assert all(s["Effect"] == "Allow" and "*" not in str(s) for s in statements)
    assert not [
        r for r in resources.values() if r["Type"] in {"AWS::IAM::Role", "AWS::IAM::Policy"}
    ]


def test_tables_bill_on_demand_and_match_the_code():
    resources = load_template()["Resources"]
    attributes, diary = resources["AttributesTable"], resources["DiaryTable"]
    for table in (attributes, diary):
        assert table["Properties"]["BillingMode"] == "PAY_PER_REQUEST"
    assert [k["AttributeName"] for k in attributes["Properties"]["KeySchema"]] == ["id"]
    assert [k["AttributeName"] for k in diary["Properties"]["KeySchema"]] == ["userId", "entryId"]
    variables = resources["SkillFunction"]["Properties"]["Environment"]["Variables"]
    assert variables["ATTRIBUTES_TABLE"] == {"!Ref": "AttributesTable"}
    assert variables["DIARY_TABLE"] == {"!Ref": "DiaryTable"}
