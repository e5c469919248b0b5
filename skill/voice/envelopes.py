"""Reading response envelopes as Alexa does: does the session go on after this one?"""

from __future__ import annotations

from typing import Any


def asks_alexa(response: dict[str, Any]) -> bool:
    """Whether a response hands the turn to Alexa (``Connections.SendRequest``)."""
    directives = (response.get("response") or {}).get("directives") or []
    return any(
        d.get("type") == "Connections.SendRequest" for d in directives if isinstance(d, dict)
    )


def session_ended(response: dict[str, Any]) -> bool:
    """Whether a response envelope closes the session (anything but ``shouldEndSession: false``,
    except a request handed to Alexa, such as a permission request, which Alexa answers)."""
    if asks_alexa(response):
        return False
    return (response.get("response") or {}).get("shouldEndSession") is not False
