"""Time a Lambda-style cold start (new interpreter, import, first turn) against hello world.

Run: python bench/bench_cold_start.py [--runs N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BASELINE = """
import bench.bench_turn as b
handler = b.hello_world_handler()
handler(b.intent_event("HelloWorldIntent"), None)
"""
OURS = """
import bench.bench_turn as b
from skill.hosting.lambda_function import handler
handler(b.intent_event("TwitchCausesIntent"), None)
"""
EMPTY = "import bench.bench_turn"


def best_run(code: str, runs: int) -> float:
    """Best wall time of ``runs`` fresh interpreters running ``code``."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print cold-start times and the ratio over the hello world skill."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    floor = best_run(EMPTY, runs)
    base = best_run(BASELINE, runs) - floor
    ours = best_run(OURS, runs) - floor
    print(f"interpreter + ask-sdk import floor  {floor * 1e3:7.1f} ms")
    print(f"hello world: build + first turn     {base * 1e3:7.1f} ms")
    print(f"toe twitch: import + first turn     {ours * 1e3:7.1f} ms  ratio {ours / base:.2f}")


if __name__ == "__main__":
    main()
