"""Measure the Lambda artifact: its size, and a cold import in a clean Python 3.12.

Run: python bench/bench_lambda.py [--artifact DIR] [--python312 PATH] [--runs N]

Without --artifact it builds one with the Makefile (`make build-SkillFunction`, which downloads
the arm64 wheels from PyPI); `sam build` leaves the same in .aws-sam/build/SkillFunction.
The cold import runs the way Lambda does: a fresh interpreter, isolated (-I), writing no bytecode
(-B; /var/task is read-only), warnings as errors (-W error), the artifact first on sys.path and
boto3 after it, standing in for the runtime's copy (taken from this Python's site-packages and
compiled for 3.12, as the runtime ships it).
"""

from __future__ import annotations

import argparse
import glob
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNTIME_PACKAGES = ("boto3", "botocore", "s3transfer", "jmespath")
SKILL_ID = "amzn1.ask.skill.0d7c2b8e-1f35-4bb5-9b3e-8c2a6f1e4d90"
REQUESTS = ROOT / "tests/fixtures/real-requests"
EVENT = REQUESTS / "launch_request_apl_display_viewport_de-DE_2019-10-31.json"
SETUP = "import sys; sys.path[:0] = [{artifact!r}]; sys.path.append({runtime!r})\n"
IMPORT = "from skill.lambda_function import handler\n"
TURN = (
    "import json\nfrom skill.lambda_function import handler\n"
    "assert handler(json.loads({event!r}), None)['response']['outputSpeech']\n"
)


def find_python312(given: str | None) -> str | None:
    """A Python 3.12 that runs: ``given``, python3.12 on PATH, or pyenv's."""
    candidates = [given] if given else []
    pyenv = glob.glob(os.path.expanduser("~/.pyenv/versions/3.12*/bin/python3.12"))
    candidates += ["python3.12", *sorted(pyenv)]
    check = "import sys; sys.exit(sys.version_info[:2] != (3, 12))"
    for candidate in candidates:
        try:
            if subprocess.run([candidate, "-c", check], capture_output=True).returncode == 0:
                return shutil.which(candidate) or candidate
        except OSError:
            continue
    return None


def build(target: Path, python312: str | None) -> None:
    """The artifact, as `sam build` makes it."""
    command = ["make", "--no-print-directory", "build-SkillFunction", f"ARTIFACTS_DIR={target}"]
    command += [f"PYTHON={sys.executable}"] + ([f"PYTHON312={python312}"] if python312 else [])
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def sizes(artifact: Path) -> tuple[int, int, int, list[tuple[int, str]]]:
    """Bytes unzipped, files, bytes zipped (deflate, as `sam deploy` uploads), largest entries."""
    total, files, per_entry = 0, 0, {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(artifact.rglob("*")):
            if path.is_file():
                size = path.stat().st_size
                total, files = total + size, files + 1
                top = path.relative_to(artifact).parts[0]
                per_entry[top] = per_entry.get(top, 0) + size
                archive.write(path, path.relative_to(artifact).as_posix())
    largest = sorted(((size, name) for name, size in per_entry.items()), reverse=True)[:6]
    return total, files, len(buffer.getvalue()), largest


def runtime_stand_in(python312: str) -> str:
    """boto3 and what it needs, from this Python, compiled for 3.12 like the runtime's copy."""
    folder = Path(tempfile.mkdtemp(prefix="lambda-runtime-"))
    for name in RUNTIME_PACKAGES:
        module = __import__(name)
        shutil.copytree(Path(module.__file__).parent, folder / name)
    subprocess.run(
        [python312, "-W", "ignore", "-m", "compileall", "-q", "-j", "0", str(folder)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return str(folder)


def best_run(python: str, code: str, runs: int, env: dict[str, str]) -> float:
    """Best wall time of ``runs`` fresh isolated interpreters running ``code``."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([python, "-I", "-B", "-W", "error", "-c", code], check=True, env=env)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print the artifact's size and its cold import times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artifact", help="an artifact folder (default: build one)")
    parser.add_argument("--python312", help="the Python 3.12 to import with")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    python = find_python312(args.python312)
    if python is None:
        print("no Python 3.12 found: the import times below are for", sys.version.split()[0])
        python = sys.executable
    scratch = Path(tempfile.mkdtemp(prefix="lambda-artifact-"))
    artifact = Path(args.artifact) if args.artifact else scratch / "SkillFunction"
    if not args.artifact:
        build(artifact, python if python != sys.executable else None)
    total, files, zipped, largest = sizes(artifact)
    print(f"artifact {artifact}")
    print(f"  unzipped {total / 1e6:6.2f} MB in {files} files; zipped {zipped / 1e6:5.2f} MB")
    print("  largest: " + ", ".join(f"{name} {size / 1e6:.2f}" for size, name in largest))
    runtime = runtime_stand_in(python)
    setup = SETUP.format(artifact=str(artifact), runtime=runtime)
    base = {"PATH": os.environ.get("PATH", ""), "AWS_DEFAULT_REGION": "us-east-1"}
    with_tables = {**base, "SKILL_ID": SKILL_ID, "ATTRIBUTES_TABLE": "a", "DIARY_TABLE": "d"}
    event = json.loads(EVENT.read_text(encoding="utf-8"))
    event["context"]["System"]["application"]["applicationId"] = SKILL_ID
    event["session"]["application"]["applicationId"] = SKILL_ID
    event["request"]["locale"] = "en-US"
    version = subprocess.run(
        [python, "-c", "import sys; print(sys.version.split()[0])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    floor = best_run(python, setup, args.runs, base)
    bare = best_run(python, setup + IMPORT, args.runs, {**base, "SKILL_ID": SKILL_ID})
    imported = best_run(python, setup + IMPORT, args.runs, with_tables)
    turn_code = setup + TURN.format(event=json.dumps(event))
    turned = best_run(python, turn_code, args.runs, {**base, "SKILL_ID": SKILL_ID})
    print(f"cold start in a clean Python {version} (-I -B -W error), best of {args.runs}:")
    print(f"  interpreter start                              {floor * 1e3:6.0f} ms")
    print(f"  + import the handler, no storage               {(bare - floor) * 1e3:6.0f} ms")
    print(f"  + import the handler, DynamoDB storage (boto3) {(imported - floor) * 1e3:6.0f} ms")
    print(f"  + import and a first LaunchRequest, no storage {(turned - floor) * 1e3:6.0f} ms")
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.rmtree(runtime, ignore_errors=True)


if __name__ == "__main__":
    main()
