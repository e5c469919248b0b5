"""HTTP throughput of the web host against the ask-sdk hello world behind Flask, same settings.

Run: python bench/bench_throughput.py [--seconds 10] [--clients 1,8,32] [--runs 3]
Needs wrk (Debian: apt-get install wrk), the load generator: C, one thread, keep-alive.

Two server processes run side by side on 127.0.0.1, each under waitress with the project's
settings (``skill.hosting.server.server_settings``, 8 threads) and logging as ``toe-twitch
serve`` sets it up (INFO, so our host writes its access line per request):

- ours: ``create_app`` with SQLite and verification on (signature, timestamp, skill id);
- the hello world: bench/hello_world.py's Flask app, with the same three verifiers.

Both trust the test CA from ``tests/ca.py`` and read its chain from a file (the same patch of
``fetch_cert_chain`` in both: nothing leaves the machine). Before every wrk run this process
signs a fresh pool of requests (timestamps are good for 150 s): for ours, launches, questions,
a yes at a tip, diary entries, help and session ends from 16 people; for the hello world the
same envelopes asking what it answers (launch, HelloWorldIntent, help, session end). Runs
alternate between the servers at each client count; the figures are medians over ``--runs``,
with the spread of the per-run ratios, and the server CPU per request (from /proc).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_load import add_load_arguments, add_server_arguments, free_port  # noqa: E402

SKILL_ID = "amzn1.ask.skill.c966b8cb-80bc-4482-8ddf-63af59ca07fc"
PEOPLE = 16
START_SECONDS = 30.0
NO_ACCESS_LOG = False
LUA = """
local pool = dofile("{pool}")
local formatted = {{}}
local next_index = 0
init = function(args)
  for i, item in ipairs(pool) do
    formatted[i] = wrk.format("POST", "/alexa", item.headers, item.body)
  end
  next_index = math.random(#formatted) - 1
end
request = function()
  next_index = (next_index % #formatted) + 1
  return formatted[next_index]
end
"""


def serve(args: argparse.Namespace) -> None:
    """A server process: ours or the hello world, under waitress with the project's settings."""
    import logging

    from waitress.server import create_server

    import skill.hosting.certs as certs
    from skill.hosting.server import server_settings

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    chain = Path(args.chain).read_bytes()
    certs.fetch_cert_chain = lambda url, session=None: chain  # type: ignore[assignment]
    if args.serve == "ours":
        from skill.hosting.web import create_app
        from skill.persistence.sqlite_database import SQLiteDatabase

        SQLiteDatabase.per_thread = args.sqlite == "thread"
        if args.no_access_log:
            logging.getLogger("skill.access").setLevel(logging.WARNING)

        app = create_app(
            {"SKILL_ID": SKILL_ID, "ALEXA_TRUST_ROOTS": args.roots, "DATABASE": args.database}
        )
    else:
        from bench.hello_world import create_flask_app
        from skill.hosting.verify import ApplicationIdVerifier, RequestVerifier, TimestampVerifier

        roots = Path(args.roots).read_bytes()
        app = create_flask_app(
            [TimestampVerifier(), ApplicationIdVerifier(SKILL_ID), RequestVerifier(roots)]
        )
    server = create_server(app, host="127.0.0.1", port=args.port, **server_settings(args.threads))
    server.run()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def lua_string(text: str) -> str:
    """``text`` as a Lua long-bracket string literal."""
    level = 1
    while f"]{'=' * level}]" in text:
        level += 1
    return f"[{'=' * level}[{text}]{'=' * level}]"


class Pools:
    """Signed request pools for both servers, re-signed before each run."""

    def __init__(self, folder: Path, size: int) -> None:
        from tests.alexa import RequestFactory
        from tests.ca import CertAuthority, pem

        self.ca = CertAuthority()
        self.folder, self.size = folder, size
        self.people = [RequestFactory() for _ in range(PEOPLE)]
        for person in self.people:
            person.template["context"]["System"]["application"]["applicationId"] = SKILL_ID
        (folder / "roots.pem").write_bytes(pem(*self.ca.roots))
        (folder / "chain.pem").write_bytes(self.ca.chain())

    def turns(self, kind: str) -> list[tuple[Any, dict[str, Any], bool]]:
        """(request maker, session attributes, new session) in the order the pool cycles."""
        hello = kind == "hello"

        def intent(name: str, slots: dict[str, Any] | None = None) -> Any:
            return lambda f: f.intent("HelloWorldIntent" if hello else name, slots)

        return [
            (lambda f: f.launch(), {}, True),
            (intent("TwitchCausesIntent"), {}, False),
            (intent("CauseDetailIntent", None if hello else {"cause": "CAFFEINE"}), {}, False),
            (intent("AMAZON.YesIntent"), {} if hello else {"question": "tip"}, False),
            (intent("WhenToSeeDoctorIntent"), {}, False),
            (intent("LogTwitchIntent", None if hello else {"foot": "left"}), {}, False),
            (lambda f: f.intent("AMAZON.HelpIntent"), {"question": "menu"}, False),
            (lambda f: f.session_ended(), {"question": "menu"}, False),
        ]

    def write(self, kind: str) -> Path:
        """A fresh pool for ``kind`` as a Lua file; the wrk script that cycles through it."""
        turns = self.turns(kind)
        items = []
        for number in range(self.size):
            person = self.people[number % len(self.people)]
            make, attributes, new = turns[number % len(turns)]
            body = json.dumps(person.envelope(make(person), attributes, new))
            headers = {**self.ca.headers(body.encode()), "Content-Type": "application/json"}
            fields = ", ".join(f"[ {lua_string(k)} ] = {lua_string(v)}" for k, v in headers.items())
            items.append(f"{{body = {lua_string(body)}, headers = {{{fields}}}}}")
        pool = self.folder / f"{kind}-pool.lua"
        pool.write_text("return {\n" + ",\n".join(items) + "\n}\n")
        script = self.folder / f"{kind}.lua"
        script.write_text(LUA.format(pool=pool))
        return script


def start(
    kind: str, folder: Path, threads: int, sqlite: str
) -> tuple[subprocess.Popen[bytes], int]:
    """Start a server process of ``kind``; wait until it answers /healthz or any page."""
    port = free_port()
    command = [sys.executable, __file__, "--serve", kind, "--port", str(port), "--sqlite", sqlite]
    command += ["--no-access-log"] if NO_ACCESS_LOG else []
    command += ["--threads", str(threads), "--database", str(folder / "throughput.sqlite")]
    command += ["--roots", str(folder / "roots.pem"), "--chain", str(folder / "chain.pem")]
    log = (folder / f"{kind}.log").open("wb")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"{kind} server exited with {server.returncode}; see {log.name}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
        except urllib.error.HTTPError:
            return server, port  # it answered (404 is an answer)
        except OSError:
            time.sleep(0.1)
        else:
            return server, port
    raise SystemExit(f"{kind} server did not start")


def run_wrk(script: Path, port: int, clients: int, seconds: float) -> dict[str, float]:
    """One wrk run; requests/s, non-2xx answers and socket errors."""
    command = ["wrk", "-t1", f"-c{clients}", f"-d{round(seconds)}s", "--timeout", "10s"]
    done = subprocess.run(
        [*command, "-s", str(script), f"http://127.0.0.1:{port}/alexa"],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    )
    out = done.stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if rate is None or total is None:
        raise SystemExit(f"cannot read wrk's output:\n{out}\n{done.stderr}")
    return {
        "rate": float(rate.group(1)),
        "requests": float(total.group(1)),
        "non_2xx": float(bad.group(1)) if bad else 0.0,
        "socket_errors": float(sum(int(n) for n in errors.groups())) if errors else 0.0,
    }


def main() -> None:
    """Run both servers, alternate wrk runs at each client count, print medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_load_arguments(parser, 10.0, "per wrk run")
    parser.add_argument("--runs", type=int, default=3, help="runs per server and count (3)")
    parser.add_argument("--threads", type=int, default=8, help="waitress threads (8)")
    parser.add_argument("--pool", type=int, default=2400, help="signed requests per pool")
    parser.add_argument(
        "--sqlite",
        choices=["process", "thread"],
        default="process",
        help="our store's connections: one per process (as shipped) or one per thread",
    )
    parser.add_argument(
        "--no-access-log",
        action="store_true",
        help="our host without its access line per request (to see what the line costs)",
    )
    parser.add_argument("--serve", choices=["ours", "hello"], help=argparse.SUPPRESS)
    add_server_arguments(parser)
    args = parser.parse_args()
    if args.serve:
        serve(args)
        return
    global NO_ACCESS_LOG
    NO_ACCESS_LOG = args.no_access_log
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    folder = Path(tempfile.mkdtemp(prefix="toe-twitch-throughput-"))
    pools = Pools(folder, args.pool)
    servers = {kind: start(kind, folder, args.threads, args.sqlite) for kind in ("hello", "ours")}
    results: dict[tuple[str, int], list[dict[str, float]]] = {}
    try:
        for kind, (_, port) in servers.items():  # warm: imports, the chain, the database
            run_wrk(pools.write(kind), port, 4, 2)
        for clients in args.clients:
            for _ in range(args.runs):
                for kind, (server, port) in servers.items():
                    script = pools.write(kind)
                    before = cpu_seconds(server.pid)
                    row = run_wrk(script, port, clients, args.seconds)
                    row["cpu_ms"] = (cpu_seconds(server.pid) - before) * 1000 / row["requests"]
                    results.setdefault((kind, clients), []).append(row)
    finally:
        for server, _ in servers.values():
            server.terminate()
            server.wait(timeout=10)
    print(f"wrk, {args.seconds:.0f} s a run, {args.runs} runs per server and count, alternating;")
    print(f"waitress {args.threads} threads, verification on for both; medians (per-run spread)")
    print(
        f"{'clients':>7} {'hello req/s':>12} {'ours req/s':>11} {'ratio':>6} {'(per run)':>12} "
        f"{'hello CPU ms/req':>16} {'ours':>6} {'errors':>7}"
    )
    for clients in args.clients:
        hello, ours = results[("hello", clients)], results[("ours", clients)]
        ratios = sorted(o["rate"] / h["rate"] for h, o in zip(hello, ours, strict=True))
        hello_rate = statistics.median(row["rate"] for row in hello)
        our_rate = statistics.median(row["rate"] for row in ours)
        errors = sum(row["non_2xx"] + row["socket_errors"] for row in hello + ours)
        print(
            f"{clients:>7} {hello_rate:>12.0f} {our_rate:>11.0f} {our_rate / hello_rate:>6.2f} "
            f"{f'({ratios[0]:.2f}-{ratios[-1]:.2f})':>12} "
            f"{statistics.median(row['cpu_ms'] for row in hello):>16.2f} "
            f"{statistics.median(row['cpu_ms'] for row in ours):>6.2f} {errors:>7.0f}"
        )


if __name__ == "__main__":
    main()
