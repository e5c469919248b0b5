"""Cold start against the ask-sdk hello world, each measured the same way in the same run.

Run: python bench/bench_cold_start.py [--rounds N] [--only lambda,dynamodb,web]

A cold start is a new interpreter that imports the host, builds the skill and answers its
first request; the time is from spawning the process to having the answer, so interpreter start
is in both. Each round runs every case once, interleaved, so that load from other processes
falls on both sides alike; the figures are medians over the rounds, with the spread.

- ``lambda``: ``skill.hosting.lambda_function.handler`` answers a LaunchRequest, against the
  sample's ``SkillBuilder().lambda_handler()`` answering the same envelope.
- ``dynamodb``: the same with DynamoDB storage configured (ours: ``ATTRIBUTES_TABLE`` and
  ``DIARY_TABLE``; the sample: ask-sdk's ``DynamoDbAdapter``). Both import boto3 and make the
  resource; the first turn is one that reads no table (ours: a mid-session causes question;
  the sample: HelloWorldIntent), and AWS_ENDPOINT_URL points at a closed loopback port so
  that nothing can leave the machine.
- ``web``: ``create_app`` (SQLite, verification on) under waitress with the project's
  settings, against the sample behind Flask with the same verifiers and the same waitress
  settings; the first request is a signed LaunchRequest over HTTP. Both processes get the
  certificate chain from a file instead of the network (the same patch in both), so neither
  pays for a download; in production the first request of either also downloads the chain.

Deployed code runs from bytecode and the content cache (``python -m skill.rules.content
--write-cache``), both made at build time: this script makes both before it measures.
"""

from __future__ import annotations

import argparse
import copy
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SKILL_ID = "amzn1.ask.skill.c966b8cb-80bc-4482-8ddf-63af59ca07fc"
CLOSED_ENDPOINT = "http://127.0.0.1:9"  # the discard port: nothing listens, refused at once

LAMBDA_OURS = """
import json, sys
event = json.loads(open(sys.argv[1]).read())
from skill.hosting.lambda_function import handler
answer = handler(event, None)
assert answer["response"].get("outputSpeech"), answer
"""
LAMBDA_HELLO = """
import json, sys
event = json.loads(open(sys.argv[1]).read())
from bench.hello_world import lambda_handler
answer = lambda_handler(sys.argv[2] if len(sys.argv) > 2 else None)(event, None)
assert answer["response"].get("outputSpeech"), answer
"""
PATCH_CHAIN = """
import sys
from pathlib import Path
import skill.hosting.certs as certs
CHAIN = Path(sys.argv[1]).read_bytes()
certs.fetch_cert_chain = lambda url, session=None: CHAIN
"""
SERVE = """
import json
from waitress.server import create_server
server = create_server(app, host="127.0.0.1", port=0, **json.loads(sys.argv[3]))
print(server.effective_port, flush=True)
server.run()
"""
WEB_OURS = (
    PATCH_CHAIN
    + """
from skill.hosting.web import create_app
app = create_app({"SKILL_ID": SKILL_ID, "ALEXA_TRUST_ROOTS": sys.argv[2], "DATABASE": sys.argv[4]})
"""
    + SERVE
)
WEB_HELLO = (
    PATCH_CHAIN
    + """
from bench.hello_world import create_flask_app
from skill.hosting.verify import ApplicationIdVerifier, RequestVerifier, TimestampVerifier
roots = Path(sys.argv[2]).read_bytes()
app = create_flask_app(
    [TimestampVerifier(), ApplicationIdVerifier(SKILL_ID), RequestVerifier(trust_roots=roots)]
)
"""
    + SERVE
)


def run_once(code: str, args: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning ``python -c code args`` to its exit (it must succeed)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, check=True)
    return time.perf_counter() - start


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class WebCase:
    """Start a server process, send it one signed request, time spawn-to-answer."""

    def __init__(self, folder: Path) -> None:
        from skill.hosting.server import server_settings
        from tests.alexa import RequestFactory
        from tests.ca import CertAuthority, pem

        self.ca = CertAuthority()
        self.person = RequestFactory()
        self.person.template["context"]["System"]["application"]["applicationId"] = SKILL_ID
        self.roots, self.chain = folder / "roots.pem", folder / "chain.pem"
        self.roots.write_bytes(pem(*self.ca.roots))
        self.chain.write_bytes(self.ca.chain())
        self.database = folder / "cold.sqlite"
        self.settings = json.dumps(server_settings(8))
        self.memory: dict[str, list[float]] = {}

    def run(self, name: str, code: str, env: dict[str, str]) -> float:
        """One cold start of the server ``code``; also notes its memory after the answer."""
        body = json.dumps(self.person.envelope(self.person.launch(), {}, True)).encode()
        headers = {**self.ca.headers(body), "Content-Type": "application/json"}
        args = [str(self.chain), str(self.roots), self.settings, str(self.database)]
        start = time.perf_counter()
        server = subprocess.Popen(
            [sys.executable, "-c", f"SKILL_ID = {SKILL_ID!r}\n" + code, *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
        )
        try:
            assert server.stdout is not None
            port = int(server.stdout.readline())
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("POST", "/alexa", body=body, headers=headers)
            reply = connection.getresponse()
            answer = reply.read()
            took = time.perf_counter() - start
            if reply.status != 200 or b"outputSpeech" not in answer:
                raise SystemExit(f"{name}: HTTP {reply.status}: {answer[:200]!r}")
            self.memory.setdefault(name, []).append(rss_mb(server.pid))
            connection.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
        return took


def lambda_event(folder: Path, name: str, intent: str | None, new: bool) -> Path:
    """Write an event for ``SKILL_ID`` (launch, or ``intent``) to a file; its path."""
    from tests.alexa import RequestFactory

    person = RequestFactory()
    person.template["context"]["System"]["application"]["applicationId"] = SKILL_ID
    person.template["session"]["application"]["applicationId"] = SKILL_ID
    request = person.intent(intent) if intent else person.launch()
    event = copy.deepcopy(person.envelope(request, {}, new))
    path = folder / f"{name}.json"
    path.write_text(json.dumps(event))
    return path


Case = tuple[Callable[[], float], Callable[[], float]]


def cases(folder: Path, only: set[str]) -> tuple[dict[str, Case], WebCase | None]:
    """Each case: (the hello world's run, ours), as callables returning seconds; the web case."""
    base = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    for key in ("DATABASE", "ATTRIBUTES_TABLE", "DIARY_TABLE", "VERIFY_SIGNATURE"):
        base.pop(key, None)
    base["SKILL_ID"] = SKILL_ID
    # Deployed code runs from bytecode (pip and the Lambda build compile it): so do both here,
    # kept out of the work tree, even where the shell sets PYTHONDONTWRITEBYTECODE.
    base.pop("PYTHONDONTWRITEBYTECODE", None)
    base["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "toe-twitch-bench-pycache")
    found: dict[str, Case] = {}
    web = None
    if "lambda" in only:
        launch = str(lambda_event(folder, "launch", None, True))
        found["Lambda"] = (
            lambda: run_once(LAMBDA_HELLO, [launch], base),
            lambda: run_once(LAMBDA_OURS, [launch], base),
        )
    if "dynamodb" in only:
        aws = {
            **base,
            "ATTRIBUTES_TABLE": "toe-twitch-attributes",
            "DIARY_TABLE": "toe-twitch-diary",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_ENDPOINT_URL": CLOSED_ENDPOINT,
        }
        hello = str(lambda_event(folder, "hello", "HelloWorldIntent", False))
        causes = str(lambda_event(folder, "causes", "TwitchCausesIntent", False))
        found["Lambda + DynamoDB"] = (
            lambda: run_once(LAMBDA_HELLO, [hello, "toe-twitch-attributes"], aws),
            lambda: run_once(LAMBDA_OURS, [causes], aws),
        )
    if "web" in only:
        web = WebCase(folder)
        web.run("warm-up", WEB_OURS, base)  # creates the database: a restart, not a first install
        found["web host (waitress)"] = (
            lambda: web.run("hello", WEB_HELLO, base),
            lambda: web.run("ours", WEB_OURS, base),
        )
    return found, web


def main() -> None:
    """Run the rounds and print medians, spreads and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--only", default="lambda,dynamodb,web")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="toe-twitch-cold-"))
    try:
        from skill.rules.content import write_cache
    except ImportError:  # a version from before the cache: it reads the YAML
        print("content cache: none (this version reads the YAML)")
    else:
        print(f"content cache: {write_cache()} (as the build writes it)")
    found, web = cases(folder, set(args.only.split(",")))
    times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in found}
    for hello, ours in found.values():  # a round not counted: writes the bytecode caches
        hello(), ours()
    for _ in range(args.rounds):
        for name, (hello, ours) in found.items():
            times[name][0].append(hello())
            times[name][1].append(ours())
    print(f"{args.rounds} rounds, interleaved; medians (min-max) in ms")
    print(f"{'case':22s} {'hello world':>22s} {'toe twitch':>22s}  ratio  (per-round ratios)")
    for name, (hello_times, our_times) in times.items():
        ratios = sorted(ours / hello for hello, ours in zip(hello_times, our_times, strict=True))
        hello_ms, our_ms = statistics.median(hello_times), statistics.median(our_times)

        def shown(values: list[float], middle: float) -> str:
            return f"{middle * 1e3:6.1f} ({min(values) * 1e3:5.1f}-{max(values) * 1e3:5.1f})"

        print(
            f"{name:22s} {shown(hello_times, hello_ms):>22s} {shown(our_times, our_ms):>22s}  "
            f"{our_ms / hello_ms:5.2f}  ({ratios[0]:.2f}-{ratios[-1]:.2f})"
        )
        if web is not None and name.startswith("web"):
            memory = {key: statistics.median(values) for key, values in web.memory.items()}
            print(
                f"{'':22s} server RSS after the first answer: hello world "
                f"{memory['hello']:.1f} MB, toe twitch {memory['ours']:.1f} MB"
            )


if __name__ == "__main__":
    main()
