"""Check that a request really comes from Alexa: certificate, signature, timestamp, skill id.

The verifiers keep the contract of ``ask-sdk-webservice-support``:
``verify(headers, serialized_request_env, deserialized_request_env)``, where the second argument
is the raw body and the third is the parsed JSON dict. Each raises :class:`VerificationError`.
Every check reads the time from its ``clock`` argument, by default :func:`skill.hosting.certs.now`.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from skill.hosting import certs
from skill.hosting.certs import (
    ChainCache,
    VerificationError,
    as_utc,
    canonical_cert_url,
    validate_cert_chain,
)

if TYPE_CHECKING:
    import requests

__all__ = [
    "ApplicationIdVerifier",
    "RequestVerifier",
    "TimestampVerifier",
    "VerificationError",
    "Verifier",
    "canonical_cert_url",
    "header_value",
    "parse_timestamp",
    "validate_cert_chain",
    "verify_request",
]

CERT_URL_HEADER = "SignatureCertChainUrl"
SIGNATURE_HEADER = "Signature-256"
LEGACY_SIGNATURE_HEADER = "Signature"
MAX_SIGNATURE_CHARS = 2048

Clock = Callable[[], datetime]
_PADDING = padding.PKCS1v15()
_SHA256 = hashes.SHA256()


class Verifier(Protocol):
    """Anything with the ``ask-sdk-webservice-support`` verifier method."""

    def verify(
        self, headers: Any, serialized_request_env: bytes | str, deserialized_request_env: Any
    ) -> None:
        """Raise :class:`VerificationError` if the request must be refused."""


def header_value(headers: Mapping[str, str] | Any, name: str) -> str | None:
    """Return a header's value, matching its name case-insensitively (dict or Werkzeug)."""
    value = headers.get(name)
    if value is None:
        wanted = name.lower()
        for key, item in headers.items():
            if isinstance(key, str) and key.lower() == wanted:
                return item
    return value


def _body_bytes(body: bytes | bytearray | memoryview | str) -> bytes:
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, bytearray | memoryview):
        return bytes(body)
    raise TypeError("the request body must be bytes or str")


def _request_of(envelope: Any) -> dict[str, Any]:
    request = envelope.get("request") if isinstance(envelope, dict) else None
    if not isinstance(request, dict):
        raise VerificationError("request envelope has no request")
    return request


def _decode_signature(value: str) -> bytes:
    value = value.strip()
    if not value or len(value) > MAX_SIGNATURE_CHARS:
        raise VerificationError("Signature-256 header is malformed")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise VerificationError("Signature-256 header is malformed") from None


class RequestVerifier:
    """Check the certificate URL, the signing chain and the ``Signature-256`` of the raw body."""

    def __init__(
        self,
        trust_roots: Any = None,
        session: requests.Session | None = None,
        clock: Clock | None = None,
    ) -> None:
        self._cache = ChainCache(trust_roots, session)
        self._clock = clock

    def verify(
        self,
        headers: Mapping[str, str] | Any,
        serialized_request_env: bytes | str,
        deserialized_request_env: Any = None,
    ) -> None:
        """Raise :class:`VerificationError` unless Alexa's certificate signed this exact body."""
        url = header_value(headers, CERT_URL_HEADER)
        if not url:
            raise VerificationError("missing SignatureCertChainUrl header")
        encoded = header_value(headers, SIGNATURE_HEADER)
        if not encoded:
            if header_value(headers, LEGACY_SIGNATURE_HEADER):
                raise VerificationError("missing Signature-256 header (SHA-1 Signature refused)")
            raise VerificationError("missing Signature-256 header")
        signature = _decode_signature(encoded)
        at = as_utc((self._clock or certs.now)())
        key = self._cache.public_key(canonical_cert_url(url), at)
        try:
            key.verify(signature, _body_bytes(serialized_request_env), _PADDING, _SHA256)
        except InvalidSignature:
            raise VerificationError("signature does not match the request body") from None

    def clear_cache(self) -> None:
        """Forget the downloaded certificate chains."""
        self._cache.clear()


def parse_timestamp(value: Any) -> datetime:
    """Parse an ISO 8601 request timestamp (``Z``, offsets, fractional seconds) to UTC."""
    if not isinstance(value, str) or not value:
        raise VerificationError("request timestamp is missing")
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return as_utc(datetime.fromisoformat(text))
    except (ValueError, OverflowError):
        raise VerificationError("request timestamp is not ISO 8601") from None


class TimestampVerifier:
    """Refuse requests whose timestamp is too far from now (skill events get an hour)."""

    def __init__(
        self, tolerance: float = 150, event_tolerance: float = 3600, clock: Clock | None = None
    ) -> None:
        if tolerance < 0 or event_tolerance < 0:
            raise ValueError("tolerances must not be negative")
        self.tolerance = tolerance
        self.event_tolerance = event_tolerance
        self._clock = clock

    def verify(
        self,
        headers: Mapping[str, str] | Any,
        serialized_request_env: bytes | str,
        deserialized_request_env: Any,
    ) -> None:
        """Raise :class:`VerificationError` if ``request.timestamp`` is stale, future or absent."""
        request = _request_of(deserialized_request_env)
        stamp = parse_timestamp(request.get("timestamp"))
        request_type = request.get("type")
        is_event = isinstance(request_type, str) and request_type.startswith("AlexaSkillEvent.")
        tolerance = self.event_tolerance if is_event else self.tolerance
        skew = (as_utc((self._clock or certs.now)()) - stamp).total_seconds()
        if skew > tolerance:
            raise VerificationError("request timestamp is too old")
        if -skew > tolerance:
            raise VerificationError("request timestamp is in the future")


class ApplicationIdVerifier:
    """Refuse requests meant for another skill; with no skill id configured, accept all."""

    def __init__(self, skill_id: str | None) -> None:
        self.skill_id = skill_id or None

    def verify(
        self,
        headers: Mapping[str, str] | Any,
        serialized_request_env: bytes | str,
        deserialized_request_env: Any,
    ) -> None:
        """Raise :class:`VerificationError` unless the request's application id is ours."""
        if self.skill_id is None:
            return
        envelope = deserialized_request_env if isinstance(deserialized_request_env, dict) else {}
        found = _dig(envelope, "context", "System", "application", "applicationId")
        if found is None:
            found = _dig(envelope, "session", "application", "applicationId")
        if found is None:
            raise VerificationError("request has no application id")
        if found != self.skill_id:
            raise VerificationError("request is for another skill")


def _dig(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def verify_request(
    headers: Mapping[str, str] | Any,
    body: bytes | str,
    envelope: dict[str, Any],
    verifiers: Iterable[Verifier],
) -> None:
    """Run each verifier in order; the first failure raises :class:`VerificationError`."""
    for verifier in verifiers:
        verifier.verify(headers, body, envelope)
