"""``toe-twitch serve``: a production server that is safe by default."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from skill.hosting.cli import main


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(*args: str, **env: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    command = [sys.executable, "-m", "skill.hosting.cli", "serve", "--port", str(port), *args]
    environ = {k: v for k, v in os.environ.items() if k not in {"SKILL_ID", "VERIFY_SIGNATURE"}}
    process = subprocess.Popen(
        command, env={**environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    return process, port


def wait_healthy(port: int, process: subprocess.Popen) -> int:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as reply:
                return reply.status
        except OSError:
            time.sleep(0.1)
    raise AssertionError("server did not come up")


@pytest.mark.parametrize(
    ("extra", "env", "warning"),
    [
        ((), {}, "SKILL_ID is not set"),
        ((), {"SKILL_ID": "amzn1.ask.skill.test"}, None),
        (("--insecure-dev",), {}, "turns off Alexa request verification"),
    ],
    ids=["no-skill-id", "configured", "insecure-dev"],
)
def test_serve_starts_answers_health_checks_and_warns_when_it_should(extra, env, warning):
    process, port = start(*extra, **env)
    try:
        assert wait_healthy(port, process) == 200
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=10)
    if warning is None:
        assert "WARNING" not in stderr.decode()
    else:
        assert warning in stderr.decode()


@pytest.mark.parametrize("setting", ["VERIFY_SIGNATURE", "VERIFY_TIMESTAMP"])
def test_serve_refuses_to_run_unverified_without_insecure_dev(monkeypatch, capsys, setting):
    monkeypatch.setenv(setting, "false")
    assert main(["serve"]) == 2
    assert "refusing to start" in capsys.readouterr().err


def test_serve_names_an_unreadable_trust_roots_file(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("ALEXA_TRUST_ROOTS", str(tmp_path / "missing.pem"))
    assert main(["serve"]) == 2
    assert "ALEXA_TRUST_ROOTS: cannot read" in capsys.readouterr().err
