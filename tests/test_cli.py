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


def one_line_error(capsys, argv: list[str]) -> str:
    """Run the command, expect exit 2 and exactly one line on stderr, return it."""
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["serve", "--port", "70000"], "--port must be a whole number from 1 to 65535"),
        (["serve", "--port", "http"], "--port must be a whole number from 1 to 65535"),
        (["serve", "--threads", "0"], "--threads must be a whole number from 1 to 64"),
        (["serve", "--bogus"], "unrecognized arguments: --bogus"),
        (["teleport"], "invalid choice: 'teleport'"),
    ],
)
def test_usage_mistakes_are_one_line_naming_the_fix(capsys, argv, expected):
    assert expected in one_line_error(capsys, argv)


def test_version_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("toe-twitch 0.")


def test_serve_help_lists_the_environment_variables(capsys):
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = capsys.readouterr().out
    for name in ("SKILL_ID", "DATABASE", "ALEXA_TRUST_ROOTS", "VERIFY_SIGNATURE"):
        assert name in out


def serve_error(capsys, *argv: str) -> str:
    assert main(["serve", *argv]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in lines[0], lines
    return lines[0]


def test_a_port_in_use_is_one_line(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        line = serve_error(capsys, "--port", str(port))
    assert f"cannot listen on 127.0.0.1:{port}: Address already in use" in line


def test_a_host_that_does_not_resolve_is_one_line(capsys):
    line = serve_error(capsys, "--host", "no-such-host.invalid", "--port", str(free_port()))
    assert "cannot listen on 'no-such-host.invalid'" in line


def test_a_command_without_the_web_extra_says_which_extra_to_install(tmp_path):
    blocker = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.partition('.')[0] in {'flask', 'waitress', 'rapidfuzz'}:\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from skill.hosting.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    for command in (["serve"], ["simulate", "hello"]):
        run = subprocess.run(
            [sys.executable, "-c", blocker, *command], capture_output=True, text=True, timeout=60
        )
        assert run.returncode == 2
        assert "pip install 'toe-twitch-helper[web]'" in run.stderr
        assert "Traceback" not in run.stderr


def test_simulate_piped_into_head_stops_quietly():
    command = f"{sys.executable} -m skill.hosting.cli simulate " + " ".join(
        ['"why is my toe twitching"'] * 40
    )
    run = subprocess.run(
        f"{command} | head -n 1", shell=True, capture_output=True, text=True, timeout=120
    )
    assert run.stdout.startswith("You: why is my toe twitching")
    assert "Traceback" not in run.stderr and "BrokenPipe" not in run.stderr


def test_ctrl_c_in_the_interactive_simulator_stops_quietly():
    import signal

    process = subprocess.Popen(
        [sys.executable, "-m", "skill.hosting.cli", "simulate"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(3)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 130
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr


def test_simulate_names_a_content_error_in_one_line(monkeypatch, capsys):
    from skill.rules import content

    def broken():
        raise content.ContentError("content/prompts.yaml: line 3, column 8: mapping values")

    monkeypatch.setattr(content, "get_content", broken)
    monkeypatch.setattr("skill.builder.get_content", broken)
    assert main(["simulate", "hello"]) == 1
    assert capsys.readouterr().err.strip() == (
        "toe-twitch simulate: content/prompts.yaml: line 3, column 8: mapping values"
    )


def test_a_yaml_syntax_error_names_the_file_and_line(tmp_path):
    from shutil import copytree

    from skill.rules.content import ContentError, content_dir, load_content

    folder = tmp_path / "content"
    copytree(content_dir(), folder)
    (folder / "prompts.yaml").write_text("goodbye: Take care\n  welcome: [oops\n")
    with pytest.raises(ContentError, match=r"prompts.yaml: line 2, column 10: "):
        load_content(folder)


def test_a_database_that_cannot_be_written_stops_serve_naming_path_and_reason(
    monkeypatch, capsys, tmp_path
):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    monkeypatch.setenv("DATABASE", str(not_a_folder / "toe.sqlite"))
    line = serve_error(capsys, "--port", str(free_port()))
    assert (
        line
        == f"toe-twitch serve: DATABASE: cannot write {not_a_folder}/toe.sqlite: Not a directory"
    )
