"""Request verification: certificate URL, chain, signature, timestamp and skill id."""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
import responses
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from werkzeug.datastructures import Headers

from skill.hosting.verify import (
    ApplicationIdVerifier,
    RequestVerifier,
    TimestampVerifier,
    VerificationError,
    canonical_cert_url,
    validate_cert_chain,
    verify_request,
)
from tests.ca import CERT_URL, VARIANTS, CertAuthority, private_key, sign

SIGNED = Path(__file__).resolve().parent / "fixtures" / "signed"
REAL_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-7.pem"
REAL_SIGNED_AT = datetime(2019, 7, 15, 22, 44, 23, tzinfo=UTC)
REAL_SKILL_ID = "amzn1.ask.skill.c966b8cb-80bc-4482-8ddf-63af59ca07fc"
SKILL_ID = "amzn1.ask.skill.00000000-0000-4000-8000-000000000001"
OTHER_SKILL_ID = "amzn1.ask.skill.99999999-9999-4999-8999-999999999999"


@pytest.fixture(scope="session")
def ca() -> CertAuthority:
    return CertAuthority()


@pytest.fixture
def served(ca: CertAuthority):
    """Serve the good test chain at CERT_URL; any other URL fails like a dead network."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        rsps.get(CERT_URL, body=ca.chain())
        yield rsps


@pytest.fixture
def verifier(ca: CertAuthority) -> RequestVerifier:
    return RequestVerifier(trust_roots=ca.roots, clock=lambda: ca.ref)


def envelope(
    at: datetime,
    request_type: str = "LaunchRequest",
    app_id: str | None = SKILL_ID,
    timestamp: Any = None,
) -> tuple[dict[str, Any], bytes]:
    """Return an Alexa request envelope and its raw JSON body (about 1 KB)."""
    application = {"applicationId": app_id} if app_id else {}
    data = {
        "version": "1.0",
        "session": {
            "new": True,
            "sessionId": "amzn1.echo-api.session.1",
            "application": application,
        },
        "context": {
            "System": {
                "application": application,
                "user": {"userId": "amzn1.ask.account.SECRET-USER"},
                "apiAccessToken": "SECRET-TOKEN." + "x" * 600,
            }
        },
        "request": {
            "type": request_type,
            "requestId": "amzn1.echo-api.request.1",
            "timestamp": at.strftime("%Y-%m-%dT%H:%M:%SZ") if timestamp is None else timestamp,
            "locale": "en-US",
        },
    }
    return data, json.dumps(data).encode()


def all_verifiers(ca: CertAuthority, skill_id: str | None = SKILL_ID) -> list[Any]:
    clock: Callable[[], datetime] = lambda: ca.ref  # noqa: E731
    return [
        RequestVerifier(trust_roots=ca.roots, clock=clock),
        TimestampVerifier(clock=clock),
        ApplicationIdVerifier(skill_id),
    ]


def refusal(call: Callable[[], object]) -> str:
    """Run ``call``, expect a refusal, and return its reason after checking it is safe to show."""
    with pytest.raises(VerificationError) as info:
        call()
    reason = str(info.value)
    assert reason and len(reason) < 100 and "\n" not in reason
    assert "SECRET" not in reason and "amzn1." not in reason
    return reason


# --- good requests ----------------------------------------------------------------------------


def test_signed_request_is_accepted(ca: CertAuthority, served: responses.RequestsMock) -> None:
    data, body = envelope(ca.ref)
    assert verify_request(ca.headers(body), body, data, all_verifiers(ca)) is None
    assert len(served.calls) == 1


@pytest.mark.parametrize(
    "make_headers",
    [
        lambda h: {k.lower(): v for k, v in h.items()},
        lambda h: {k.upper(): v for k, v in h.items()},
        lambda h: Headers(list(h.items())),
    ],
    ids=["lowercase-dict", "uppercase-dict", "werkzeug-headers"],
)
def test_header_names_are_case_insensitive(
    ca: CertAuthority, served: responses.RequestsMock, make_headers: Callable[[dict], Any]
) -> None:
    data, body = envelope(ca.ref)
    verify_request(make_headers(ca.headers(body)), body, data, all_verifiers(ca))


def test_body_given_as_str_is_checked_as_utf8(
    ca: CertAuthority, served: responses.RequestsMock, verifier: RequestVerifier
) -> None:
    body = '{"request": {"type": "LaunchRequest", "note": "Zeh \u00fcber \u00c4rger"}}'
    verifier.verify(ca.headers(body.encode()), body, json.loads(body))


def test_default_clock_accepts_a_fresh_request(
    ca: CertAuthority, served: responses.RequestsMock
) -> None:
    data, body = envelope(datetime.now(UTC))
    verifiers = [RequestVerifier(trust_roots=ca.roots), TimestampVerifier()]
    verify_request(ca.headers(body), body, data, verifiers)


def test_trust_roots_may_be_pem_bytes(ca: CertAuthority, served: responses.RequestsMock) -> None:
    data, body = envelope(ca.ref)
    pem_roots = ca.root.cert.public_bytes(serialization.Encoding.PEM)
    RequestVerifier(trust_roots=pem_roots, clock=lambda: ca.ref).verify(
        ca.headers(body), body, data
    )


def test_validate_cert_chain_returns_the_signing_certificate(ca: CertAuthority) -> None:
    leaf = validate_cert_chain(ca.chain(), at=ca.ref, trust_roots=ca.roots)
    assert leaf == ca.leaf.cert


def test_legacy_signature_header_next_to_signature_256_is_ignored(
    ca: CertAuthority, served: responses.RequestsMock, verifier: RequestVerifier
) -> None:
    data, body = envelope(ca.ref)
    headers = {**ca.headers(body), "Signature": "bm90IGEgc2lnbmF0dXJl"}
    verifier.verify(headers, body, data)


# --- certificate URL rules --------------------------------------------------------------------

VALID_URLS = [
    "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem",
    "HTTPS://s3.amazonaws.com/echo.api/echo-api-cert-test.pem",
    "https://S3.AMAZONAWS.COM/echo.api/echo-api-cert-test.pem",
    "https://s3.amazonaws.com:443/echo.api/echo-api-cert-test.pem",
    "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert-test.pem",
    "https://s3.amazonaws.com/echo.api/./echo-api-cert-test.pem",
]

INVALID_URLS = [
    ("http://s3.amazonaws.com/echo.api/echo-api-cert.pem", "https"),
    ("ftp://s3.amazonaws.com/echo.api/echo-api-cert.pem", "https"),
    ("s3.amazonaws.com/echo.api/echo-api-cert.pem", "https"),
    ("https://notamazon.com/echo.api/echo-api-cert.pem", "host"),
    ("https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert.pem", "host"),
    ("https://evil.example/s3.amazonaws.com/echo.api/echo-api-cert.pem", "host"),
    ("https://user@s3.amazonaws.com/echo.api/echo-api-cert.pem", "credentials"),
    ("https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem", "port"),
    ("https://s3.amazonaws.com:80/echo.api/echo-api-cert.pem", "port"),
    ("https://s3.amazonaws.com:https/echo.api/echo-api-cert.pem", "malformed"),
    ("https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem", "path"),
    ("https://s3.amazonaws.com/ECHO.API/echo-api-cert.pem", "path"),
    ("https://s3.amazonaws.com/invalid.path/echo-api-cert.pem", "path"),
    ("https://s3.amazonaws.com/echo.api/../other/echo-api-cert.pem", "path"),
    ("https://s3.amazonaws.com/echo.api/%2e%2e/other/echo-api-cert.pem", "path"),
    ("https://s3.amazonaws.com/echo.api", "path"),
    ("https://s3.amazonaws.com/echo.api/", "path"),
    ("https://s3.amazonaws.com/echo.api/echo api.pem", "malformed"),
    ("", "missing SignatureCertChainUrl"),
]


@pytest.mark.parametrize("url", VALID_URLS)
def test_valid_certificate_urls_are_accepted(
    ca: CertAuthority, served: responses.RequestsMock, verifier: RequestVerifier, url: str
) -> None:
    assert canonical_cert_url(url) == CERT_URL
    data, body = envelope(ca.ref)
    verifier.verify({**ca.headers(body), "SignatureCertChainUrl": url}, body, data)
    assert [call.request.url for call in served.calls] == [CERT_URL]


@pytest.mark.parametrize(("url", "reason"), INVALID_URLS)
def test_invalid_certificate_urls_are_refused_without_download(
    ca: CertAuthority, verifier: RequestVerifier, url: str, reason: str
) -> None:
    data, body = envelope(ca.ref)
    with responses.RequestsMock() as rsps:
        got = refusal(
            lambda: verifier.verify({**ca.headers(body), "SignatureCertChainUrl": url}, body, data)
        )
        assert len(rsps.calls) == 0
    assert reason in got


# --- certificate chains -----------------------------------------------------------------------

BAD_CHAINS = {
    "expired": "expired",
    "not-yet-valid": "not yet valid",
    "wrong-san": "not for echo-api.amazon.com",
    "self-signed": "not trusted",
    "unknown-ca": "not trusted",
    "missing-intermediate": "not trusted",
}
assert set(BAD_CHAINS) == set(VARIANTS) - {"good"}


@pytest.mark.parametrize(("variant", "reason"), BAD_CHAINS.items())
def test_bad_chains_are_refused(
    ca: CertAuthority, verifier: RequestVerifier, variant: str, reason: str
) -> None:
    data, body = envelope(ca.ref)
    with responses.RequestsMock() as rsps:
        rsps.get(CERT_URL, body=ca.chain(variant))
        assert reason in refusal(lambda: verifier.verify(ca.headers(body), body, data))
    with pytest.raises(VerificationError, match=reason):
        validate_cert_chain(ca.chain(variant), at=ca.ref, trust_roots=ca.roots)


@pytest.mark.parametrize(
    "chain",
    [
        b"",
        b"<html>Access Denied</html>",
        b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
    ],
    ids=["empty", "html", "broken-pem"],
)
def test_malformed_chains_are_refused(
    ca: CertAuthority, verifier: RequestVerifier, chain: bytes
) -> None:
    data, body = envelope(ca.ref)
    with responses.RequestsMock() as rsps:
        rsps.get(CERT_URL, body=chain)
        assert "malformed" in refusal(lambda: verifier.verify(ca.headers(body), body, data))


def test_chain_of_test_ca_is_not_trusted_by_public_roots(ca: CertAuthority) -> None:
    reason = refusal(lambda: validate_cert_chain(ca.chain(), at=ca.ref))
    assert "not trusted" in reason


# --- signatures and headers -------------------------------------------------------------------


def test_tampered_body_is_refused(
    ca: CertAuthority, served: responses.RequestsMock, verifier: RequestVerifier
) -> None:
    _, body = envelope(ca.ref)
    headers = ca.headers(body)
    tampered = body.replace(b"LaunchRequest", b"IntentRequest")
    reason = refusal(lambda: verifier.verify(headers, tampered, json.loads(tampered)))
    assert "signature does not match" in reason


def test_signature_from_another_key_is_refused(
    ca: CertAuthority, served: responses.RequestsMock, verifier: RequestVerifier
) -> None:
    data, body = envelope(ca.ref)
    headers = {**ca.headers(body), "Signature-256": sign(body, private_key("impostor"))}
    assert "signature does not match" in refusal(lambda: verifier.verify(headers, body, data))


@pytest.mark.parametrize(
    ("drop", "reason"),
    [
        ("SignatureCertChainUrl", "missing SignatureCertChainUrl"),
        ("Signature-256", "missing Signature-256"),
    ],
)
def test_missing_headers_are_refused(
    ca: CertAuthority, verifier: RequestVerifier, drop: str, reason: str
) -> None:
    data, body = envelope(ca.ref)
    headers = ca.headers(body)
    del headers[drop]
    with responses.RequestsMock():
        assert reason in refusal(lambda: verifier.verify(headers, body, data))


@pytest.mark.parametrize(
    "value",
    ["%%% not base64 %%%", "abc", "   ", "QUJD" * 1000],
    ids=["junk", "bad-padding", "blank", "huge"],
)
def test_malformed_signature_is_refused(
    ca: CertAuthority, verifier: RequestVerifier, value: str
) -> None:
    data, body = envelope(ca.ref)
    headers = {**ca.headers(body), "Signature-256": value}
    with responses.RequestsMock():
        assert "malformed" in refusal(lambda: verifier.verify(headers, body, data))


def test_wrong_length_signature_is_refused(
    ca: CertAuthority, served: responses.RequestsMock, verifier: RequestVerifier
) -> None:
    data, body = envelope(ca.ref)
    headers = {**ca.headers(body), "Signature-256": base64.b64encode(b"short").decode()}
    assert "signature does not match" in refusal(lambda: verifier.verify(headers, body, data))


def test_legacy_sha1_signature_alone_is_refused(
    ca: CertAuthority, verifier: RequestVerifier
) -> None:
    data, body = envelope(ca.ref)
    headers = {
        "SignatureCertChainUrl": CERT_URL,
        "Signature": sign(body, ca.leaf.key, hashes.SHA1()),
    }
    with responses.RequestsMock():
        reason = refusal(lambda: verifier.verify(headers, body, data))
    assert "missing Signature-256" in reason and "SHA-1" in reason


# --- timestamps -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "request_type", "reason"),
    [
        (0, "LaunchRequest", None),
        (-149, "IntentRequest", None),
        (149, "IntentRequest", None),
        (-151, "IntentRequest", "too old"),
        (151, "IntentRequest", "in the future"),
        (-3000, "LaunchRequest", "too old"),
        (-3000, "AlexaSkillEvent.SkillDisabled", None),
        (3000, "AlexaSkillEvent.SkillDisabled", None),
        (-3601, "AlexaSkillEvent.SkillDisabled", "too old"),
        (3601, "AlexaSkillEvent.SkillDisabled", "in the future"),
        (-3000, "AlexaSkillEvent.SkillPermissionAccepted", None),
    ],
)
def test_timestamp_tolerance(
    ca: CertAuthority, offset: int, request_type: str, reason: str | None
) -> None:
    data, body = envelope(ca.ref + timedelta(seconds=offset), request_type)
    check = TimestampVerifier(clock=lambda: ca.ref)
    if reason is None:
        check.verify({}, body, data)
    else:
        assert reason in refusal(lambda: check.verify({}, body, data))


@pytest.mark.parametrize(
    "stamp",
    [
        "2019-07-15T22:44:23Z",
        "2019-07-15T22:44:23.123Z",
        "2019-07-15T22:44:23.5+00:00",
        "2019-07-16T00:44:23+02:00",
    ],
)
def test_timestamp_formats_are_understood(stamp: str) -> None:
    data, body = envelope(REAL_SIGNED_AT, timestamp=stamp)
    TimestampVerifier(clock=lambda: REAL_SIGNED_AT).verify({}, body, data)


@pytest.mark.parametrize(
    ("stamp", "reason"),
    [
        (None, "missing"),
        ("", "missing"),
        ("yesterday", "ISO 8601"),
        ("2019-13-45T99:00:00Z", "ISO 8601"),
        (1563230663000, "missing"),
    ],
)
def test_missing_or_unparsable_timestamp_is_refused(stamp: Any, reason: str) -> None:
    data, body = envelope(REAL_SIGNED_AT)
    data["request"]["timestamp"] = stamp
    if stamp is None:
        del data["request"]["timestamp"]
    check = TimestampVerifier(clock=lambda: REAL_SIGNED_AT)
    assert reason in refusal(lambda: check.verify({}, body, data))


def test_envelope_without_request_is_refused() -> None:
    check = TimestampVerifier(clock=lambda: REAL_SIGNED_AT)
    assert "no request" in refusal(lambda: check.verify({}, b"[]", []))


def test_stale_request_with_good_signature_is_refused(
    ca: CertAuthority, served: responses.RequestsMock
) -> None:
    data, body = envelope(ca.ref - timedelta(minutes=10))
    reason = refusal(lambda: verify_request(ca.headers(body), body, data, all_verifiers(ca)))
    assert "too old" in reason


# --- application id ---------------------------------------------------------------------------


def test_request_for_another_skill_is_refused(
    ca: CertAuthority, served: responses.RequestsMock
) -> None:
    data, body = envelope(ca.ref, app_id=OTHER_SKILL_ID)
    reason = refusal(lambda: verify_request(ca.headers(body), body, data, all_verifiers(ca)))
    assert reason == "request is for another skill"


def test_application_id_falls_back_to_session() -> None:
    data, body = envelope(REAL_SIGNED_AT)
    del data["context"]
    ApplicationIdVerifier(SKILL_ID).verify({}, body, data)
    data["session"]["application"]["applicationId"] = OTHER_SKILL_ID
    assert "another skill" in refusal(
        lambda: ApplicationIdVerifier(SKILL_ID).verify({}, body, data)
    )


def test_context_application_id_wins_over_session() -> None:
    data, body = envelope(REAL_SIGNED_AT, app_id=OTHER_SKILL_ID)
    data["session"]["application"] = {"applicationId": SKILL_ID}
    assert "another skill" in refusal(
        lambda: ApplicationIdVerifier(SKILL_ID).verify({}, body, data)
    )


def test_missing_application_id_is_refused() -> None:
    data, body = envelope(REAL_SIGNED_AT, app_id=None)
    reason = refusal(lambda: ApplicationIdVerifier(SKILL_ID).verify({}, body, data))
    assert "no application id" in reason


@pytest.mark.parametrize("skill_id", [None, ""])
def test_without_configured_skill_id_any_skill_is_accepted(skill_id: str | None) -> None:
    data, body = envelope(REAL_SIGNED_AT, app_id=OTHER_SKILL_ID)
    ApplicationIdVerifier(skill_id).verify({}, body, data)


# --- chain download ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "reason"),
    [
        ({"status": 404, "body": b"NoSuchKey"}, "HTTP 404"),
        ({"status": 500}, "HTTP 500"),
        ({"status": 403, "body": b"AccessDenied"}, "HTTP 403"),
        ({"body": b"x" * 100, "headers": {"Content-Length": str(10**6)}}, "too large"),
        ({"body": b"-" * (65 * 1024), "auto_calculate_content_length": False}, "too large"),
        ({"body": requests.ConnectionError("refused")}, "download failed"),
        ({"body": requests.Timeout("slow")}, "download failed"),
    ],
    ids=["404", "500", "403", "content-length", "streamed-too-large", "connection", "timeout"],
)
def test_failed_downloads_are_refused(
    ca: CertAuthority, verifier: RequestVerifier, response: dict, reason: str
) -> None:
    data, body = envelope(ca.ref)
    with responses.RequestsMock() as rsps:
        rsps.get(CERT_URL, **response)
        assert reason in refusal(lambda: verifier.verify(ca.headers(body), body, data))


def test_redirects_are_not_followed(ca: CertAuthority, verifier: RequestVerifier) -> None:
    data, body = envelope(ca.ref)
    elsewhere = "https://attacker.example/echo-api-cert.pem"
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        rsps.get(CERT_URL, status=302, headers={"Location": elsewhere})
        rsps.get(elsewhere, body=ca.chain())
        assert "HTTP 302" in refusal(lambda: verifier.verify(ca.headers(body), body, data))
        assert [call.request.url for call in rsps.calls] == [CERT_URL]


def test_failed_download_is_retried_after_a_minute_not_before(
    ca: CertAuthority, verifier: RequestVerifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, body = envelope(ca.ref)
    clock = [1000.0]
    monkeypatch.setattr("skill.hosting.certs.time.monotonic", lambda: clock[0])
    with responses.RequestsMock() as rsps:
        rsps.get(CERT_URL, status=503)
        rsps.get(CERT_URL, body=ca.chain())
        assert "HTTP 503" in refusal(lambda: verifier.verify(ca.headers(body), body, data))
        assert "recently failed" in refusal(lambda: verifier.verify(ca.headers(body), body, data))
        assert len(rsps.calls) == 1
        clock[0] += 61
        verifier.verify(ca.headers(body), body, data)
        assert len(rsps.calls) == 2


@pytest.mark.parametrize(
    "url",
    [
        "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem?n=1",
        "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem#x",
        "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem?",
        "https://[s3.amazonaws.com/echo.api/x.pem",
    ],
)
def test_urls_that_could_flood_the_cache_or_crash_are_refused(url: str) -> None:
    with pytest.raises(VerificationError):
        canonical_cert_url(url)


# --- chain cache ------------------------------------------------------------------------------


def test_chain_is_fetched_once_for_many_requests(
    ca: CertAuthority, served: responses.RequestsMock
) -> None:
    verifiers = all_verifiers(ca)
    for number in range(50):
        data, body = envelope(ca.ref)
        data["request"]["requestId"] = f"request-{number}"
        body = json.dumps(data).encode()
        verify_request(ca.headers(body), body, data, verifiers)
    assert len(served.calls) == 1


def test_concurrent_requests_share_one_download(
    ca: CertAuthority, verifier: RequestVerifier
) -> None:
    data, body = envelope(ca.ref)
    headers = ca.headers(body)
    outcomes: list[str] = []

    def slow_chain(request: Any) -> tuple[int, dict, bytes]:
        time.sleep(0.05)
        return 200, {}, ca.chain()

    def worker() -> None:
        try:
            verifier.verify(headers, body, data)
            outcomes.append("accepted")
        except VerificationError as error:
            outcomes.append(str(error))

    with responses.RequestsMock() as rsps:
        rsps.add_callback(responses.GET, CERT_URL, callback=slow_chain)
        threads = [threading.Thread(target=worker) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
        assert outcomes == ["accepted"] * 8
        assert len(rsps.calls) == 1


def test_cached_certificate_is_rechecked_when_it_expires(ca: CertAuthority) -> None:
    moment = [ca.ref]
    verifier = RequestVerifier(trust_roots=ca.roots, clock=lambda: moment[0])
    data, body = envelope(ca.ref)
    with responses.RequestsMock() as rsps:
        rsps.get(CERT_URL, body=ca.chain())
        verifier.verify(ca.headers(body), body, data)
        moment[0] = ca.leaf.cert.not_valid_after_utc + timedelta(seconds=1)
        assert "expired" in refusal(lambda: verifier.verify(ca.headers(body), body, data))
        assert len(rsps.calls) == 2


def test_each_certificate_url_is_cached_separately(
    ca: CertAuthority, verifier: RequestVerifier
) -> None:
    data, body = envelope(ca.ref)
    other_url = CERT_URL.replace("cert-test", "cert-other")
    with responses.RequestsMock() as rsps:
        rsps.get(CERT_URL, body=ca.chain())
        rsps.get(other_url, body=ca.chain("unknown-ca"))
        verifier.verify(ca.headers(body), body, data)
        headers = ca.headers(body, url=other_url)
        assert "not trusted" in refusal(lambda: verifier.verify(headers, body, data))
        verifier.verify(ca.headers(body), body, data)
        assert len(rsps.calls) == 2


# --- Amazon's real chain and a request Alexa really signed ------------------------------------


@pytest.fixture(scope="module")
def real() -> dict[str, Any]:
    body = (SIGNED / "launch_request_2019-07-15.cert7.body.json").read_bytes()
    return {
        "chain": (SIGNED / "echo-api-cert-7.pem").read_bytes(),
        "body": body,
        "envelope": json.loads(body),
        "headers": json.loads(
            (SIGNED / "launch_request_2019-07-15.cert7.headers.json").read_text()
        ),
    }


def test_real_chain_is_valid_when_the_request_was_signed(real: dict[str, Any]) -> None:
    leaf = validate_cert_chain(real["chain"], at=REAL_SIGNED_AT)
    san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert "echo-api.amazon.com" in san.get_values_for_type(x509.DNSName)


def test_real_chain_is_refused_today(real: dict[str, Any]) -> None:
    assert "expired" in refusal(lambda: validate_cert_chain(real["chain"]))


def test_real_signature_is_valid_sha1_over_the_body(real: dict[str, Any]) -> None:
    leaf = x509.load_pem_x509_certificates(real["chain"])[0]
    signature = base64.b64decode(real["headers"]["Signature"])
    key: Any = leaf.public_key()
    key.verify(signature, real["body"], padding.PKCS1v15(), hashes.SHA1())
    with pytest.raises(InvalidSignature):
        key.verify(signature, real["body"] + b" ", padding.PKCS1v15(), hashes.SHA1())


def test_real_request_is_refused_for_lack_of_signature_256(real: dict[str, Any]) -> None:
    verifier = RequestVerifier(clock=lambda: REAL_SIGNED_AT)
    assert real["headers"]["SignatureCertChainUrl"] == REAL_URL
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        rsps.get(REAL_URL, body=real["chain"])
        reason = refusal(lambda: verifier.verify(real["headers"], real["body"], real["envelope"]))
    assert "missing Signature-256" in reason


def test_real_chain_passes_but_a_sha1_signature_is_not_a_sha256_one(real: dict[str, Any]) -> None:
    verifier = RequestVerifier(clock=lambda: REAL_SIGNED_AT)
    headers = {**real["headers"], "Signature-256": real["headers"]["Signature"]}
    with responses.RequestsMock() as rsps:
        rsps.get(REAL_URL, body=real["chain"])
        reason = refusal(lambda: verifier.verify(headers, real["body"], real["envelope"]))
        assert len(rsps.calls) == 1
    assert reason == "signature does not match the request body"


def test_real_request_passes_timestamp_and_skill_id_checks(real: dict[str, Any]) -> None:
    env, body = real["envelope"], real["body"]
    TimestampVerifier(clock=lambda: REAL_SIGNED_AT + timedelta(seconds=60)).verify({}, body, env)
    ApplicationIdVerifier(REAL_SKILL_ID).verify({}, body, env)
    reason = refusal(lambda: ApplicationIdVerifier(SKILL_ID).verify({}, body, env))
    assert reason == "request is for another skill"
