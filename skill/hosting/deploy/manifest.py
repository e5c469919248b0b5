"""The skill manifest: its locales checked against the models, its endpoints and pages filled."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from skill.hosting.deploy.project import MODEL_DIR, SOURCE_DIR, DeployError, lookup

# What the committed skill.json holds until ``deploy package`` fills it in.
PLACEHOLDER_ARN = (
    "arn:aws:lambda:us-east-1:000000000000:function:filled-by-toe-twitch-deploy-package"
)
PLACEHOLDER_PAGES = "https://toe-twitch-helper.example"
PAGES = {"privacyPolicyUrl": "privacy", "termsOfUseUrl": "terms"}


def locale_problems(manifest: dict[str, Any], locales: list[str]) -> Iterator[str]:
    """Locales the manifest lists without a model, or models the manifest does not list."""
    where = {
        "publishingInformation": lookup(manifest, "manifest", "publishingInformation", "locales"),
        "privacyAndCompliance": lookup(manifest, "manifest", "privacyAndCompliance", "locales"),
    }
    for section, listed in where.items():
        names = sorted(listed) if isinstance(listed, dict) else []
        for extra in sorted(set(names) - set(locales)):
            yield (
                f"skill.json {section} lists {extra} but there is no "
                f"{SOURCE_DIR}/{MODEL_DIR}/{extra}.json; remove it or add the model"
            )
        for missing in sorted(set(locales) - set(names)):
            yield f"skill.json {section} does not list {missing}, which has a model; add it"


def fill_manifest(
    manifest: dict[str, Any], arn: str | None, pages_url: str | None
) -> dict[str, Any]:
    """A copy of ``manifest`` with the endpoints and page URLs filled, or left out.

    ``arn`` is the function's ARN, or an https URL (``toe-twitch serve`` behind a tunnel whose
    host has a wildcard certificate). Without it the skill gets no endpoint and no events (the
    events need one): that is how the first upload creates the skill, before the stack that needs
    its id exists.
    """
    filled = json.loads(json.dumps(manifest))
    body = filled["manifest"]
    custom = body.setdefault("apis", {}).setdefault("custom", {})
    if arn is None:
        custom.pop("endpoint", None)
        body.pop("events", None)
    else:
        endpoint = {"uri": arn}
        if arn.startswith("https://"):
            endpoint["sslCertificateType"] = "Wildcard"
        custom["endpoint"] = endpoint
        if "events" in body:
            body["events"]["endpoint"] = dict(endpoint)
    for locale in (lookup(body, "privacyAndCompliance", "locales") or {}).values():
        for key, page in PAGES.items():
            if key not in locale:
                continue
            if pages_url is None:
                del locale[key]
            else:
                locale[key] = f"{pages_url.rstrip('/')}/{page}"
    return filled


def checked_endpoint_url(value: str) -> str:
    """``--endpoint-url``: where ``toe-twitch serve`` answers, over https."""
    if not re.fullmatch(r"https://[A-Za-z0-9.-]+(:443)?/[^\s?#]*", value):
        raise DeployError(
            f"--endpoint-url {value!r} is not an https URL on port 443 (https://HOST/alexa)"
        )
    return value


def checked_pages_url(value: str | None) -> str | None:
    """``--pages-url``: an https URL that is not the placeholder."""
    if value is None:
        return None
    if not re.fullmatch(r"https://[A-Za-z0-9.-]+(:\d+)?(/[^\s?#]*)?", value):
        raise DeployError(f"--pages-url {value!r} is not an https URL (https://HOST[/PATH])")
    if value.rstrip("/") == PLACEHOLDER_PAGES:
        raise DeployError("--pages-url is the placeholder; pass where privacy and terms are served")
    return value
