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


def role_statements(resources: dict) -> list[dict]:
    role = resources["SkillFunctionRole"]["Properties"]
    return [s for policy in role["Policies"] for s in policy["PolicyDocument"]["Statement"]]


def test_function_has_its_own_role_and_nothing_else_does():
    resources = load_template()["Resources"]
    function = resources["SkillFunction"]["Properties"]
    assert function["Role"] == {"!GetAtt": "SkillFunctionRole.Arn"}
    assert "Policies" not in function  # SAM would make a role of its own
    iam = [name for name, r in resources.items() if r["Type"].startswith("AWS::IAM::")]
    assert iam == ["SkillFunctionRole"]
    role = resources["SkillFunctionRole"]["Properties"]
    assert "ManagedPolicyArns" not in role  # AWSLambdaBasicExecutionRole: every log group
    (trust,) = role["AssumeRolePolicyDocument"]["Statement"]
    assert trust["Principal"] == {"Service": "lambda.amazonaws.com"}


def test_function_may_write_logs_only_to_its_own_log_group():
    resources = load_template()["Resources"]
    function = resources["SkillFunction"]["Properties"]
    assert function["LoggingConfig"]["LogGroup"] == {"!Ref": "SkillLogGroup"}
    logs = [
        s for s in role_statements(resources) if any(a.startswith("logs:") for a in s["Action"])
    ]
    assert logs == [
        {
            "Sid": "OwnLogGroup",
            "Effect": "Allow",
            "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
            "Resource": {"!GetAtt": "SkillLogGroup.Arn"},
        }
    ]


def test_function_may_touch_only_its_own_tables_item_by_item():
    resources = load_template()["Resources"]
    statements = [s for s in role_statements(resources) if s["Sid"] != "OwnLogGroup"]
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
    assert all(s["Effect"] == "Allow" and "*" not in str(s) for s in role_statements(resources))


def test_stack_outputs_the_function_arn_that_deploy_package_reads():
    output = load_template()["Outputs"]["SkillFunctionArn"]
    assert output["Value"] == {"!GetAtt": "SkillFunction.Arn"}


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
