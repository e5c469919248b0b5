"""Asking for the reminders permission by voice, the consent card, and reading the answer.

The skill sends ``Connections.SendRequest`` named ``AskFor`` with an
``AskForPermissionsConsentRequest`` (version 2: a list of scopes, each at ``ACCOUNT`` level);
Alexa asks the person, then sends the skill a ``Connections.Response`` request whose
``status.code`` is an HTTP-like code and whose ``payload.status`` is ``ACCEPTED``, ``DENIED`` or
``NOT_ANSWERED``. The consent card is the fallback where voice consent is not offered.

:func:`permission_outcome` reads that answer as "granted", "denied" or "not_answered", and as
"error" anything else: another request or connection, a failed status code, another scope, an
unknown answer, or (when the caller passes the token it sent) a token that is not that one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from ask_sdk_model.interfaces.connections import SendRequestDirective
from ask_sdk_model.ui import AskForPermissionsConsentCard

__all__ = [
    "ASK_FOR",
    "REMINDERS_SCOPE",
    "Outcome",
    "ask_for_reminders_directive",
    "consent_card",
    "permission_outcome",
]

REMINDERS_SCOPE = "alexa::alerts:reminders:skill:readwrite"
ASK_FOR = "AskFor"
Outcome = Literal["granted", "denied", "not_answered", "error"]
_OUTCOMES: dict[str, Outcome] = {
    "ACCEPTED": "granted",
    "DENIED": "denied",
    "NOT_ANSWERED": "not_answered",
}


def ask_for_reminders_directive(token: str = "") -> SendRequestDirective:
    """``Connections.SendRequest`` asking for the reminders scope by voice; ``token`` comes back."""
    payload: dict[str, object] = {
        "@type": "AskForPermissionsConsentRequest",
        "@version": "2",
        "permissionScopes": [{"permissionScope": REMINDERS_SCOPE, "consentLevel": "ACCOUNT"}],
    }
    return SendRequestDirective(name=ASK_FOR, payload=payload, token=token)


def consent_card() -> AskForPermissionsConsentCard:
    """The Alexa app card that lets the person grant the reminders permission."""
    return AskForPermissionsConsentCard(permissions=[REMINDERS_SCOPE])


def _get(source: Any, attribute: str, key: str) -> Any:
    """A field of an SDK model (``attribute``) or of the raw JSON (``key``)."""
    if isinstance(source, Mapping):
        return source.get(key)
    return getattr(source, attribute, None)


def _scope_is_reminders(payload: Mapping[str, Any]) -> bool:
    """Whether the answer is about the reminders scope (true when it names none)."""
    named = [payload.get("permissionScope")]
    scopes = payload.get("permissionScopes")
    if isinstance(scopes, list):
        named += [s.get("permissionScope") for s in scopes if isinstance(s, Mapping)]
    named = [scope for scope in named if scope is not None]
    return not named or REMINDERS_SCOPE in named


def permission_outcome(request: Any, token: str | None = None) -> Outcome:
    """The outcome of an AskFor ``Connections.Response`` (SDK model or raw JSON dict)."""
    kind = _get(request, "object_type", "type")
    if kind != "Connections.Response" or _get(request, "name", "name") != ASK_FOR:
        return "error"
    if token is not None and (_get(request, "token", "token") or "") != token:
        return "error"
    status = _get(request, "status", "status")
    code = str(_get(status, "code", "code") or "")
    if not (code.isdigit() and 200 <= int(code) < 300):
        return "error"
    payload = _get(request, "payload", "payload")
    if not isinstance(payload, Mapping) or not _scope_is_reminders(payload):
        return "error"
    answer = payload.get("status")
    return _OUTCOMES.get(answer, "error") if isinstance(answer, str) else "error"
