"""Load the real web host: waitress in a subprocess, signed Alexa requests from this one.

Run: python bench/bench_load.py [--seconds 60] [--clients 1,8,32] [--threads 8]
The server is ``serve_app(create_app(...))`` with verification ON: it trusts the test CA from
``tests/ca.py`` and gets that CA's chain through ``responses`` (nothing leaves 127.0.0.1). This
process signs a pool of real-shaped requests with the CA's key and sends them from threads over
keep-alive ``http.client`` connections, for ``--seconds`` at each client count. It prints
requests/s, errors, p50/p99 latency and the server's resident memory before and after.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SKILL_ID = "amzn1.ask.skill.c966b8cb-80bc-4482-8ddf-63af59ca07fc"
PEOPLE = 16  # distinct user ids, so that records and diaries are several rows
POOL = 240  # signed requests per round; re-signed each round (timestamps last 150 s)
MAX_REQUESTS = 5_000_000  # a bound on every client loop besides its deadline
START_SECONDS = 30.0


def serve(args: argparse.Namespace) -> None:
    """The server process: the production app and settings, the test CA's chain mocked."""
    import logging

    import responses

    from skill.hosting.server import serve_app
    from skill.hosting.web import create_app
    from tests.ca import CERT_URL

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    responses.start()
    responses.add(responses.GET, CERT_URL, body=Path(args.chain).read_bytes())
    app = create_app(
        {"SKILL_ID": SKILL_ID, "ALEXA_TRUST_ROOTS": args.roots, "DATABASE": args.database}
    )
    serve_app(app, "127.0.0.1", args.port, args.threads)


def free_port() -> int:
    """A loopback port nobody is listening on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def rss_mb(pid: int) -> float:
    """Resident memory of process ``pid`` in MB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def signed_pool(ca: Any, people: list[Any]) -> list[tuple[bytes, dict[str, str]]]:
    """Signed requests: launches, questions, a yes at a tip, diary entries, session ends."""
    pool = []
    turns = [
        (lambda f: f.launch(), {}, True),
        (lambda f: f.intent("TwitchCausesIntent"), {}, False),
        (lambda f: f.intent("CauseDetailIntent", {"cause": "CAFFEINE"}), {}, False),
        (lambda f: f.intent("AMAZON.YesIntent"), {"question": "tip", "subject": "DIET"}, False),
        (lambda f: f.intent("WhenToSeeDoctorIntent"), {}, False),
        (lambda f: f.intent("LogTwitchIntent", {"foot": "left"}), {}, False),
        (lambda f: f.intent("AMAZON.HelpIntent"), {"question": "menu"}, False),
        (lambda f: f.session_ended(), {"question": "menu"}, False),
    ]
    for number in range(POOL):
        person = people[number % len(people)]
        make, attributes, new = turns[number % len(turns)]
        body = json.dumps(person.envelope(make(person), attributes, new)).encode()
        pool.append((body, {**ca.headers(body), "Content-Type": "application/json"}))
    return pool


@dataclass
class Tally:
    """What the clients saw: latencies of good answers, and errors by kind."""

    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def error(self, kind: str) -> None:
        """Count one error."""
        with self.lock:
            self.errors[kind] = self.errors.get(kind, 0) + 1


def client(port: int, pool: list, start: int, deadline: float, tally: Tally) -> None:
    """Send requests over one keep-alive connection until the deadline; reconnect on errors."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    mine = []
    for sent in range(MAX_REQUESTS):
        if time.monotonic() >= deadline:
            break
        body, headers = pool[(start + sent) % len(pool)]
        began = time.perf_counter()
        try:
            connection.request("POST", "/alexa", body=body, headers=headers)
            reply = connection.getresponse()
            answer = reply.read()
        except (OSError, http.client.HTTPException) as failure:
            tally.error(type(failure).__name__)
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            continue
        took = time.perf_counter() - began
        if reply.status != 200 or not answer.startswith(b'{"version":"1.0"'):
            tally.error(f"HTTP {reply.status}")
        else:
            mine.append(took)
    connection.close()
    with tally.lock:
        tally.latencies.extend(mine)


def percentile(values: list[float], share: float) -> float:
    """The ``share`` percentile of ``values`` (nearest rank), in milliseconds."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def round_at(port: int, pid: int, pool: list, clients: int, seconds: float) -> dict:
    """One bounded round at ``clients`` concurrent clients; its figures."""
    tally, before = Tally(), rss_mb(pid)
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client, args=(port, pool, n * 7, deadline, tally), daemon=True)
        for n in range(clients)
    ]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 30)
    took = time.monotonic() - began
    done = len(tally.latencies)
    return {
        "clients": clients,
        "requests": done,
        "per_second": done / took,
        "errors": sum(tally.errors.values()),
        "error_kinds": tally.errors,
        "p50_ms": percentile(tally.latencies, 0.50),
        "p99_ms": percentile(tally.latencies, 0.99),
        "rss_start_mb": before,
        "rss_end_mb": rss_mb(pid),
    }


def wait_until_up(port: int, server: subprocess.Popen) -> None:
    """Poll /healthz until it answers 200, for at most ``START_SECONDS``."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("server did not start")


def drive(args: argparse.Namespace) -> None:
    """Start the server, warm it, run one round per client count, print the figures."""
    from tests.alexa import RequestFactory
    from tests.ca import CertAuthority, pem

    ca = CertAuthority()
    people = [RequestFactory() for _ in range(PEOPLE)]
    for person in people:
        person.template["context"]["System"]["application"]["applicationId"] = SKILL_ID
    folder = Path(tempfile.mkdtemp(prefix="toe-twitch-load-"))
    (folder / "roots.pem").write_bytes(pem(*ca.roots))
    (folder / "chain.pem").write_bytes(ca.chain())
    port = free_port()
    command = [sys.executable, __file__, "--serve", "--port", str(port)]
    command += ["--threads", str(args.threads), "--database", str(folder / "load.sqlite")]
    command += ["--roots", str(folder / "roots.pem"), "--chain", str(folder / "chain.pem")]
    log = (folder / "server.log").open("wb")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    try:
        wait_until_up(port, server)
        round_at(port, server.pid, signed_pool(ca, people), 4, min(3.0, args.seconds))  # warm
        print(f"server pid {server.pid}, {args.threads} threads; log {folder / 'server.log'}")
        print(
            f"{'clients':>7} {'requests':>9} {'req/s':>8} {'errors':>6} {'p50 ms':>7} "
            f"{'p99 ms':>7} {'RSS MB start':>12} {'end':>6}"
        )
        for clients in args.clients:
            row = round_at(port, server.pid, signed_pool(ca, people), clients, args.seconds)
            print(
                f"{clients:>7} {row['requests']:>9} {row['per_second']:>8.1f} "
                f"{row['errors']:>6} {row['p50_ms']:>7.1f} {row['p99_ms']:>7.1f} "
                f"{row['rss_start_mb']:>12.1f} {row['rss_end_mb']:>6.1f}"
                + (f"  {row['error_kinds']}" if row["errors"] else ""),
                flush=True,
            )
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    lines = (folder / "server.log").read_text(errors="replace").splitlines()
    warnings = [line for line in lines if " WARNING " in line or " ERROR " in line]
    print(f"server log: {len(lines)} lines, {len(warnings)} warnings or errors")
    for line in warnings[:5]:
        print("  " + line[:160])


def add_load_arguments(parser: argparse.ArgumentParser, seconds: float, per: str) -> None:
    """The options every load bench takes: how long, and at how many clients."""
    parser.add_argument("--seconds", type=float, default=seconds, help=f"{per} ({seconds:g})")
    parser.add_argument(
        "--clients",
        type=lambda text: [int(part) for part in text.split(",")],
        default=[1, 8, 32],
        help="comma-separated client counts (1,8,32)",
    )


def add_server_arguments(parser: argparse.ArgumentParser) -> None:
    """The hidden options a bench passes to itself when it runs as the server."""
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--roots", help=argparse.SUPPRESS)
    parser.add_argument("--chain", help=argparse.SUPPRESS)


def main() -> None:
    """Drive the load test, or (with --serve) be the server."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_load_arguments(parser, 60.0, "per client count")
    parser.add_argument("--threads", type=int, default=8, help="waitress worker threads (8)")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    add_server_arguments(parser)
    args = parser.parse_args()
    if args.serve:
        serve(args)
    else:
        os.environ.pop("VERIFY_SIGNATURE", None)
        drive(args)


if __name__ == "__main__":
    main()
