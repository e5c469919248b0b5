"""Time full request verification with a cached chain; run as ``python bench/bench_verify.py``.

Builds the test certificate authority from ``tests/ca.py``, serves its chain through ``responses``
(no network), warms the cache, then times N verifications (certificate URL, cached chain,
Signature-256, timestamp, skill id) of a ~2 KB body against ``json.loads`` of the same body.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import responses  # noqa: E402

from skill.hosting.verify import (  # noqa: E402
    ApplicationIdVerifier,
    RequestVerifier,
    TimestampVerifier,
    verify_request,
)
from tests.ca import CERT_URL, CertAuthority  # noqa: E402

SKILL_ID = "amzn1.ask.skill.00000000-0000-4000-8000-000000000001"
GOAL_US = 300.0


def make_body(ca: CertAuthority) -> tuple[dict, bytes]:
    """Return an IntentRequest envelope of about 2 KB and its raw body."""
    application = {"applicationId": SKILL_ID}
    data = {
        "version": "1.0",
        "session": {
            "new": False,
            "sessionId": "amzn1.echo-api.session.bench",
            "application": application,
            "attributes": {"step": 2, "stretch": "towel_calf", "history": ["launch", "causes"]},
            "user": {"userId": "amzn1.ask.account." + "A" * 200},
        },
        "context": {
            "System": {
                "application": application,
                "user": {"userId": "amzn1.ask.account." + "A" * 200},
                "device": {"deviceId": "amzn1.ask.device." + "B" * 200},
                "apiEndpoint": "https://api.amazonalexa.com",
                "apiAccessToken": "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + "C" * 900,
            }
        },
        "request": {
            "type": "IntentRequest",
            "requestId": "amzn1.echo-api.request.bench",
            "timestamp": ca.ref.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "locale": "en-US",
            "intent": {"name": "CauseDetailIntent", "slots": {"cause": {"value": "stress"}}},
        },
    }
    return data, json.dumps(data).encode()


def best_per_call(func: Callable[[], object], n: int, repeats: int) -> float:
    """Return the best mean time of ``n`` calls over ``repeats`` rounds, in microseconds."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(n):
            func()
        best = min(best, (time.perf_counter() - start) / n)
    return best * 1e6


def main() -> int:
    """Run the benchmark and print microseconds per request."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="requests per round (default 2000)")
    parser.add_argument("-r", "--repeats", type=int, default=5, help="rounds (default 5)")
    args = parser.parse_args()
    n, repeats = max(1, min(args.n, 1_000_000)), max(1, min(args.repeats, 100))

    ca = CertAuthority()
    data, body = make_body(ca)
    headers = ca.headers(body)

    def clock():
        return ca.ref

    request_verifier = RequestVerifier(trust_roots=ca.roots, clock=clock)
    verifiers = [request_verifier, TimestampVerifier(clock=clock), ApplicationIdVerifier(SKILL_ID)]

    with responses.RequestsMock() as rsps:
        rsps.get(CERT_URL, body=ca.chain())
        verify_request(headers, body, data, verifiers)  # warm the chain cache
        full = best_per_call(lambda: verify_request(headers, body, data, verifiers), n, repeats)
        signature = best_per_call(lambda: request_verifier.verify(headers, body, data), n, repeats)
        downloads = len(rsps.calls)
    baseline = best_per_call(lambda: json.loads(body), n, repeats)

    print(
        f"body: {len(body)} bytes; {n} requests x {repeats} rounds (best round); "
        f"chain downloads: {downloads}"
    )
    print(f"full verification:        {full:8.1f} us/request")
    print(f"  of which RequestVerifier: {signature:6.1f} us/request (goal < {GOAL_US:.0f} us)")
    print(f"json.loads baseline:      {baseline:8.1f} us/request")
    print(f"ratio full / json.loads:  {full / baseline:8.1f}x")
    return 0 if full < GOAL_US and downloads == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
