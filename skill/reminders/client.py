"""A small client of the Alexa Reminders API over ``requests``: create, list, delete.

One client serves one request from Alexa: ``context.System.apiEndpoint`` and the in-session
``apiAccessToken`` (creating a reminder needs the in-session token). Calls are short (3 s by
default; a skill's turn has 8 s in all) and never follow redirects. Every failure is raised as a
:class:`~skill.reminders.errors.RemindersError` subclass; the token never appears in one.

Nothing is half-created: one reminder is one ``POST``, so a create either returns the new
``alertToken`` or raises, and a raised create made nothing, with one exception: the server may
have made it when the answer was lost (a timeout or a broken connection after sending, an
ambiguous 5xx, an unreadable success). Those errors carry ``maybe_created``; the caller can then
look for it with :meth:`RemindersClient.find_by_text` and keep or delete what it finds.

``requests`` is imported when first used, as in :mod:`skill.hosting.certs`.
"""

from __future__ import annotations

import builtins
import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from skill.reminders.errors import RemindersError, Unavailable, error_for_status
from skill.reminders.model import Reminder, ReminderSpec, parse_reminder_list, reminder_request_json

if TYPE_CHECKING:
    import requests

__all__ = ["REMINDERS_PATH", "RemindersClient"]

REMINDERS_PATH = "/v1/alerts/reminders"
TIME_ZONE_PATH = "/v2/devices/{device_id}/settings/System.timeZone"
DEFAULT_TIMEOUT = 3.0


def _json(response: requests.Response) -> Any:
    """The response body as JSON, or None when it is empty or not JSON."""
    try:
        return json.loads(response.content) if response.content else None
    except ValueError:
        return None


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


class RemindersClient:
    """The Reminders API for one request of one person; every failure is a typed error."""

    def __init__(
        self,
        api_endpoint: str,
        api_access_token: str,
        timeout: float = DEFAULT_TIMEOUT,
        session: requests.Session | None = None,
    ) -> None:
        if not api_endpoint or not api_access_token:
            raise ValueError("the Reminders API needs the request's apiEndpoint and apiAccessToken")
        self.api_endpoint = api_endpoint.rstrip("/")
        self._token = api_access_token
        self.timeout = timeout
        self._session = session

    def __repr__(self) -> str:
        return f"RemindersClient({self.api_endpoint!r}, timeout={self.timeout})"

    @classmethod
    def from_envelope(
        cls,
        envelope: Any,
        timeout: float = DEFAULT_TIMEOUT,
        session: requests.Session | None = None,
    ) -> RemindersClient:
        """A client from an ``ask_sdk_model`` RequestEnvelope's ``context.system``."""
        system = envelope.context.system
        return cls(system.api_endpoint or "", system.api_access_token or "", timeout, session)

    def create(self, reminder: ReminderSpec, locale: str = "en-US") -> str:
        """Create ``reminder`` (spoken in ``locale``); return its ``alertToken``."""
        body = reminder_request_json(reminder, locale)
        response = self._send("create", "POST", REMINDERS_PATH, body)
        if response.status_code in (200, 201):
            answer = _json(response)
            token = answer.get("alertToken") if isinstance(answer, dict) else None
            if isinstance(token, str) and token.strip():
                return token
        if 200 <= response.status_code < 300:
            raise Unavailable(
                f"create: HTTP {response.status_code} without a readable alertToken",
                status=response.status_code,
                maybe_created=True,
            )
        raise error_for_status("create", response.status_code, _json(response))

    def list(self) -> builtins.list[Reminder]:
        """Every reminder this skill has for this person (ON and COMPLETED)."""
        response = self._send("list", "GET", REMINDERS_PATH)
        if response.status_code != 200:
            raise error_for_status("list", response.status_code, _json(response))
        reminders = parse_reminder_list(_json(response))
        if reminders is None:
            raise Unavailable("list: HTTP 200 with an unreadable body", status=200)
        return reminders

    def delete(self, alert_token: str) -> None:
        """Delete one reminder; one that is already gone (404) counts as deleted."""
        if not alert_token.strip():
            raise ValueError("an alertToken is needed to delete a reminder")
        path = f"{REMINDERS_PATH}/{quote(alert_token, safe='')}"
        response = self._send("delete", "DELETE", path)
        if 200 <= response.status_code < 300 or response.status_code == 404:
            return
        raise error_for_status("delete", response.status_code, _json(response))

    def find_by_text(self, text: str) -> builtins.list[Reminder]:
        """The active reminders whose spoken text is ``text`` (case and spacing aside)."""
        return [r for r in self.list() if r.active and _same_text(r.text, text)]

    def device_time_zone(self, device_id: str) -> str | None:
        """The device's IANA time zone from the Settings API; None when it cannot be had."""
        path = TIME_ZONE_PATH.format(device_id=quote(device_id, safe=""))
        try:
            response = self._send("time zone", "GET", path)
        except RemindersError:
            return None
        zone = _json(response) if response.status_code == 200 else None
        return zone if isinstance(zone, str) and 0 < len(zone) <= 64 else None

    def _send(
        self, operation: str, method: str, path: str, body: dict | None = None
    ) -> requests.Response:
        """One HTTP call; transport failures become :class:`Unavailable`."""
        import requests

        client: Any = self._session if self._session is not None else requests
        creating = operation == "create"
        headers = {"Authorization": f"Bearer {self._token}", "Accept": "application/json"}
        try:
            response: requests.Response = client.request(
                method,
                self.api_endpoint + path,
                json=body,
                headers=headers,
                timeout=self.timeout,
                allow_redirects=False,
            )
        except requests.ConnectTimeout:
            raise Unavailable(f"{operation}: connecting timed out") from None
        except requests.Timeout:
            raise Unavailable(f"{operation}: timed out", maybe_created=creating) from None
        except requests.ConnectionError:
            raise Unavailable(f"{operation}: connection failed", maybe_created=creating) from None
        except requests.RequestException as error:
            reason = f"{operation}: request failed ({type(error).__name__})"
            raise Unavailable(reason, maybe_created=creating) from None
        return response
