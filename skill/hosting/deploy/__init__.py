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

The modules: ``project`` (the project's files), ``resources`` (ask-resources.json and the saved
skill id), ``agreement`` (the files agree), ``stack_outputs`` (the function's ARN), ``manifest``
(skill.json filled and checked), ``schema`` (Amazon's schemas), ``package`` (the package written
whole), ``command`` (the command line).
"""

from skill.hosting.deploy.agreement import (
    FUNCTION,
    PLATFORM_TAGS,
    agreement_problems,
    check_agreement,
    function_properties,
)
from skill.hosting.deploy.command import add_parser, main, run
from skill.hosting.deploy.manifest import (
    PAGES,
    PLACEHOLDER_ARN,
    PLACEHOLDER_PAGES,
    checked_endpoint_url,
    checked_pages_url,
    fill_manifest,
    locale_problems,
)
from skill.hosting.deploy.package import build_package, package_files, write_tree
from skill.hosting.deploy.project import (
    MAKEFILE,
    MODEL_DIR,
    RESOURCES_FILE,
    SOURCE_DIR,
    STATES_FILE,
    TEMPLATE_FILE,
    DeployError,
    model_locales,
    read_json,
    read_template,
)
from skill.hosting.deploy.resources import (
    RESOURCES_VERSION,
    SKILL_ID,
    code_handler,
    package_dir,
    resources_profile,
    skill_id,
)
from skill.hosting.deploy.schema import SCHEMA_DIR, schema_problem
from skill.hosting.deploy.stack_outputs import ARN_OUTPUT, LAMBDA_ARN, checked_arn, function_arn

__all__ = [
    "ARN_OUTPUT",
    "FUNCTION",
    "LAMBDA_ARN",
    "MAKEFILE",
    "MODEL_DIR",
    "PAGES",
    "PLACEHOLDER_ARN",
    "PLACEHOLDER_PAGES",
    "PLATFORM_TAGS",
    "RESOURCES_FILE",
    "RESOURCES_VERSION",
    "SCHEMA_DIR",
    "SKILL_ID",
    "SOURCE_DIR",
    "STATES_FILE",
    "TEMPLATE_FILE",
    "DeployError",
    "add_parser",
    "agreement_problems",
    "build_package",
    "check_agreement",
    "checked_arn",
    "checked_endpoint_url",
    "checked_pages_url",
    "code_handler",
    "fill_manifest",
    "function_arn",
    "function_properties",
    "locale_problems",
    "main",
    "model_locales",
    "package_dir",
    "package_files",
    "read_json",
    "read_template",
    "resources_profile",
    "run",
    "schema_problem",
    "skill_id",
    "write_tree",
]
