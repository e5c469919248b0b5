"""The Flask host: only verified Alexa requests reach the skill."""

from __future__ import annotations

import json
import logging
import re
import threading
import urllib.request
from datetime import UTC, datetime, timedelta

import pytest

from skill.hosting import web
from skill.hosting.server import make_server, stop_server
from skill.hosting.web import create_app, env_settings
from skill.persistence import StorageHealth
from skill.voice.ssml import check_response
from tests.alexa import RequestFactory, load_real_request, speech_text
from tests.ca import CERT_URL


def test_healthz_answers_load_balancers(client):
    assert client.get("/healthz").status_code == 200


def test_a_signed_request_gets_a_spoken_answer(client, signed, factory):
    body, headers = signed(factory.intent("TwitchCausesIntent"))
    response = client.post("/alexa", data=body, headers=headers)
    assert response.status_code == 200
    check_response(response.json)
    assert "usually harmless" in speech_text(response.json)


def test_the_chain_is_downloaded_once_for_many_requests(client, signed, factory, chain_server):
    for _ in range(5):
        body, headers = signed(factory.launch())
        assert client.post("/alexa", data=body, headers=headers).status_code == 200
    assert len(chain_server.calls) == 1


@pytest.fixture
def skill_calls(monkeypatch):
    """Record every time the skill runs."""
    calls = []
    real = web.answer_event
    monkeypatch.setattr(
        web, "answer_event", lambda body, skill: calls.append(body) or real(body, skill)
    )
    return calls


def _tamper(body, headers):
    return body.replace(b"LaunchRequest", b"IntentRequest"), headers


def _drop(name):
    return lambda body, headers: (body, {k: v for k, v in headers.items() if k != name})


def _swap_signature(body, headers):
    return body, {**headers, "Signature-256": headers["Signature-256"][::-1]}


def _legacy_only(body, headers):
    return body, {"SignatureCertChainUrl": CERT_URL, "Signature": headers["Signature-256"]}


def _bad_url(body, headers):
    return body, {**headers, "SignatureCertChainUrl": "http://s3.amazonaws.com/echo.api/x.pem"}


@pytest.mark.parametrize(
    "spoil",
    [
        _tamper,
        _drop("Signature-256"),
        _drop("SignatureCertChainUrl"),
        _swap_signature,
        _legacy_only,
        _bad_url,
    ],
    ids=["tampered", "no-signature", "no-url", "bad-signature", "sha1-only", "http-url"],
)
def test_unverified_requests_are_refused_without_running_the_skill(
    client, signed, factory, skill_calls, spoil, caplog
):
    body, headers = spoil(*signed(factory.launch()))
    with caplog.at_level(logging.WARNING):
        response = client.post("/alexa", data=body, headers=headers)
    assert response.status_code == 400
    assert set(response.json) == {"error"}
    assert skill_calls == []
    assert "refused request" in caplog.text
    assert "amzn1.ask.account" not in caplog.text and "Traceback" not in caplog.text


def _timestamp(delta: timedelta) -> str:
    return (datetime.now(UTC) + delta).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize("delta", [timedelta(seconds=-200), timedelta(seconds=200)])
def test_stale_and_future_requests_are_refused(client, signed, factory, delta):
    request = {**factory.launch(), "timestamp": _timestamp(delta)}
    body, headers = signed(request)
    assert client.post("/alexa", data=body, headers=headers).status_code == 400


def test_another_skills_request_is_refused(client, signed, factory):
    envelope_changes = {
        "context": {"System": {"application": {"applicationId": "amzn1.ask.skill.other"}}}
    }
    body, headers = signed(factory.launch(), **envelope_changes)
    assert client.post("/alexa", data=body, headers=headers).status_code == 400


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"\xff\xfe\x00",
        b"[]",
        b'{"request": 1}',
        b'{"request": {"type": 5}}',
        b"[" * 100_000,
        b'{"request": {"type": "LaunchRequest", "timestamp": "0001-01-01T00:00:00+01:00"}}',
        b'{"request": {"type": "LaunchRequest", "timestamp": "9999-12-31T23:59:59-01:00"}}',
    ],
    ids=[
        "empty",
        "not-json",
        "not-utf8",
        "array",
        "no-request",
        "bad-type",
        "deep-nesting",
        "year-1",
        "year-9999",
    ],
)
def test_garbage_is_refused_with_400(client, body, skill_calls):
    assert client.post("/alexa", data=body).status_code == 400
    assert skill_calls == []


def test_oversized_bodies_get_413(client, skill_calls):
    assert client.post("/alexa", data=b"{" + b" " * 300_000 + b"}").status_code == 413
    assert skill_calls == []


@pytest.mark.parametrize("method", ["get", "put", "delete", "options", "patch"])
def test_other_methods_get_405_naming_post(client, method):
    response = getattr(client, method)("/alexa")
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"


def test_a_malformed_certificate_url_is_a_400_not_a_crash(client, signed, factory):
    body, headers = signed(factory.launch())
    headers["SignatureCertChainUrl"] = "https://[s3.amazonaws.com/echo.api/x.pem"
    assert client.post("/alexa", data=body, headers=headers).status_code == 400


def test_unknown_paths_get_a_json_404(client):
    response = client.get("/admin")
    assert response.status_code == 404 and response.json == {"error": "Not Found"}


@pytest.mark.parametrize(
    "name",
    [
        "launch_request_geolocation_consent_2019-07-15.json",
        "intent_slot_er_success_match_de-DE_2018-12-18.json",
        "session_ended_user_initiated_echo_show_2019-12-26.json",
    ],
)
def test_with_verification_off_captured_requests_are_answered(name):
    app = create_app({"VERIFY_SIGNATURE": False, "VERIFY_TIMESTAMP": False})
    body = json.dumps(load_real_request(name))
    assert app.test_client().post("/alexa", data=body).status_code == 200


def test_a_fault_outside_the_skill_is_still_an_apology(client, signed, factory, monkeypatch):
    def broken(body, skill):
        raise MemoryError

    monkeypatch.setattr(web, "answer_event", broken)
    body, headers = signed(factory.launch())
    response = client.post("/alexa", data=body, headers=headers)
    assert response.status_code == 200
    check_response(response.json)
    assert "something went wrong" in speech_text(response.json)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"VERIFY_SIGNATURE": "false"}, {"VERIFY_SIGNATURE": False}),
        ({"VERIFY_TIMESTAMP": "0"}, {"VERIFY_TIMESTAMP": False}),
        ({"VERIFY_SIGNATURE": "yes"}, {"VERIFY_SIGNATURE": True}),
        ({"SKILL_ID": " amzn1.ask.skill.x "}, {"SKILL_ID": "amzn1.ask.skill.x"}),
        ({"TESTING": "1"}, {}),
    ],
)
def test_settings_come_from_the_environment(environ, expected):
    assert env_settings(environ) == expected


def test_a_config_dict_overrides_the_environment(monkeypatch):
    monkeypatch.setenv("SKILL_ID", "amzn1.ask.skill.from-env")
    app = create_app({"SKILL_ID": "amzn1.ask.skill.from-dict", "VERIFY_SIGNATURE": False})
    assert app.config["SKILL_ID"] == "amzn1.ask.skill.from-dict"
    assert app.config["VERIFY_TIMESTAMP"] is True


def test_testing_mode_keeps_verification_on():
    app = create_app({"TESTING": True})
    assert app.config["VERIFY_SIGNATURE"] and app.config["VERIFY_TIMESTAMP"]
    assert app.test_client().post("/alexa", data=b'{"request": {}}').status_code == 400


@pytest.fixture
def live_server(app):
    """The app under waitress, with the production settings, on a free loopback port."""
    server = make_server(app, "127.0.0.1", 0, threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    stop_server(server, thread)


def test_a_signed_request_over_real_http(live_server, signed, factory, chain_server):
    chain_server.add_passthru(live_server)
    body, headers = signed(factory.intent("WhenToSeeDoctorIntent"))
    request = urllib.request.Request(f"{live_server}/alexa", data=body, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        answer = json.loads(response.read())
    assert "healthcare provider" in speech_text(answer)


def test_healthz_reports_storage(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "storage": "ok"}


@pytest.mark.parametrize(
    ("health", "reason"),
    [
        (lambda: StorageHealth(False, "disk full\nFAKE LOG LINE"), "disk full\\x0aFAKE LOG LINE"),
        (lambda: StorageHealth(False), "storage unavailable"),
        (lambda: (_ for _ in ()).throw(OSError("no")), "health check failed: OSError"),
    ],
    ids=["unhealthy", "no-reason", "check-raises"],
)
def test_healthz_is_503_with_the_reason_when_storage_is_unavailable(app, health, reason):
    app.extensions[web.STORAGE].health = health
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json == {"status": "unavailable", "reason": reason}


def test_healthz_without_storage_says_so():
    app = create_app({"DATABASE": None, "TESTING": True})
    assert app.test_client().get("/healthz").json == {"status": "ok", "storage": "none"}


@pytest.mark.parametrize("flag", ["VERIFY_SIGNATURE", "VERIFY_TIMESTAMP"])
def test_the_environment_cannot_turn_verification_off(monkeypatch, caplog, flag, factory):
    monkeypatch.setenv(flag, "0")
    with caplog.at_level(logging.WARNING):
        app = create_app({"SKILL_ID": "amzn1.ask.skill.x"})
    assert app.config["VERIFY_SIGNATURE"] is True and app.config["VERIFY_TIMESTAMP"] is True
    assert f"{flag}=false in the environment is ignored" in caplog.text
    assert "VERIFICATION IS OFF" not in caplog.text
    body = json.dumps(factory.envelope(factory.launch(), {}, True))
    assert app.test_client().post("/alexa", data=body).status_code == 400


def test_insecure_dev_with_the_environment_off_too_warns_only_that_it_is_off(monkeypatch, caplog):
    monkeypatch.setenv("VERIFY_SIGNATURE", "false")
    with caplog.at_level(logging.WARNING):
        create_app({"VERIFY_SIGNATURE": False, "VERIFY_TIMESTAMP": False})
    assert "is ignored" not in caplog.text and "VERIFICATION IS OFF" in caplog.text


@pytest.mark.parametrize(
    ("config", "named"),
    [
        ({"VERIFY_SIGNATURE": False}, "VERIFY_SIGNATURE false"),
        ({"VERIFY_TIMESTAMP": False}, "VERIFY_TIMESTAMP false"),
        ({"VERIFY_SIGNATURE": False, "VERIFY_TIMESTAMP": False}, "and VERIFY_TIMESTAMP false"),
    ],
)
def test_verification_off_in_the_config_is_a_loud_warning(caplog, config, named):
    with caplog.at_level(logging.WARNING):
        create_app(config)
    warnings = [r for r in caplog.records if "REQUEST VERIFICATION IS OFF" in r.getMessage()]
    assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING
    assert named in warnings[0].getMessage()


def test_verification_on_is_quiet(caplog, trust_roots_file):
    with caplog.at_level(logging.WARNING):
        create_app({"SKILL_ID": "amzn1.ask.skill.x", "ALEXA_TRUST_ROOTS": str(trust_roots_file)})
    assert "VERIFICATION" not in caplog.text


def _access_lines(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "skill.access"]


def test_one_access_line_per_request_without_user_data(client, signed, factory, caplog):
    body, headers = signed(factory.intent("CauseDetailIntent", {"cause": "CAFFEINE"}))
    with caplog.at_level(logging.INFO, logger="skill.access"):
        client.post("/alexa", data=body, headers=headers)
        client.get("/healthz")
        client.post("/alexa", data=b"not json")
    first, health, garbage = _access_lines(caplog)
    assert re.fullmatch(
        r"POST /alexa 200 \d+\.\dms type=IntentRequest intent=CauseDetailIntent", first
    )
    assert re.fullmatch(r"GET /healthz 200 \d+\.\dms type=- intent=-", health)
    assert re.fullmatch(r"POST /alexa 400 \d+\.\dms type=- intent=-", garbage)
    assert factory.user_id not in caplog.text and "caffeine" not in caplog.text.lower()


def test_untrusted_text_in_the_access_line_is_escaped(client, factory, caplog):
    envelope = factory.envelope(factory.intent("Evil\nINFO forged line\x1b[2J" + "x" * 500), {}, 1)
    with caplog.at_level(logging.INFO, logger="skill.access"):
        client.post("/alexa/%0Aforged", data=json.dumps(envelope))
        client.post("/alexa", data=json.dumps(envelope))
    missing, refused = _access_lines(caplog)
    assert missing.startswith("POST /alexa/\\x0aforged 404")
    assert "intent=Evil\\x0aINFO forged line\\x1b[2J" in refused and refused.endswith("...")
    assert all("\n" not in line and len(line) < 300 for line in (missing, refused))


def test_nan_in_a_body_is_not_json():
    client = create_app({"VERIFY_SIGNATURE": False, "VERIFY_TIMESTAMP": False}).test_client()
    envelope = RequestFactory().envelope({"type": "LaunchRequest"}, {"x": float("nan")}, True)
    response = client.post("/alexa", data=json.dumps(envelope))
    assert response.status_code == 400 and response.json == {"error": "body is not UTF-8 JSON"}


@pytest.mark.parametrize("depth", [50, 400, 2_000])
def test_deep_nesting_in_a_body_is_an_answer_or_a_400_never_a_crash(depth):
    client = create_app({"VERIFY_SIGNATURE": False, "VERIFY_TIMESTAMP": False}).test_client()
    envelope = RequestFactory().envelope({"type": "LaunchRequest"}, {"deep": "HOLE"}, True)
    body = json.dumps(envelope).replace('"HOLE"', '{"k": [' * depth + "1" + "]}" * depth)
    response = client.post("/alexa", data=body)
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        check_response(response.json)


def test_an_intent_request_with_no_intent_gets_the_spoken_fallback(client, signed, factory):
    body, headers = signed({"type": "IntentRequest", "dialogState": "STARTED"})
    response = client.post("/alexa", data=body, headers=headers)
    assert response.status_code == 200
    check_response(response.json)
    assert "Sorry, I can't help with that one" in speech_text(response.json)


def test_the_verified_envelope_goes_to_the_skill_parsed_once(client, signed, factory, skill_calls):
    body, headers = signed(factory.launch())
    response = client.post("/alexa", data=body, headers=headers)
    assert [type(call) for call in skill_calls] == [dict]
    assert response.mimetype == "application/json"
    assert json.loads(response.data) == response.json


@pytest.mark.parametrize(
    ("path", "says"),
    [("/privacy", ["privacy policy", "twitch diary", "erase"]), ("/terms", ["terms of use"])],
)
def test_the_privacy_policy_and_terms_are_served_as_pages(client, path, says):
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True).lower()
    assert all(phrase in page for phrase in says)
