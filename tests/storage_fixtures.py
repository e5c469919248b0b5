"""Storage for the tests: a real SQLite file, or DynamoDB tables in moto."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from skill.persistence import Storage
from skill.persistence.dynamodb import dynamodb_storage
from skill.persistence.sqlite import sqlite_storage

ATTRIBUTES_TABLE, DIARY_TABLE = "toe-twitch-attributes", "toe-twitch-diary"


def create_tables(resource) -> None:
    """The two tables as template.yaml defines them."""
    resource.create_table(
        TableName=ATTRIBUTES_TABLE,
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    resource.create_table(
        TableName=DIARY_TABLE,
        KeySchema=[
            {"AttributeName": "userId", "KeyType": "HASH"},
            {"AttributeName": "entryId", "KeyType": "RANGE"},
        ],
        AttributeDefinitions=[
            {"AttributeName": "userId", "AttributeType": "S"},
            {"AttributeName": "entryId", "AttributeType": "S"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )


@contextmanager
def make_storage(kind: str, folder: Path) -> Iterator[Storage]:
    """Storage of ``kind`` ("sqlite" or "dynamodb"); DynamoDB lives in moto for the block."""
    if kind == "sqlite":
        yield sqlite_storage(folder / "toe_twitch.sqlite")
        return
    import boto3
    from moto import mock_aws

    with mock_aws():
        resource = boto3.resource("dynamodb", region_name="us-east-1")
        create_tables(resource)
        yield dynamodb_storage(ATTRIBUTES_TABLE, DIARY_TABLE, resource)


class Clock:
    """A clock the tests move by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        """The current test time."""
        return self.now


def can_change_attributes() -> bool:
    """Whether ``chattr`` works here (root needs it: chmod does not bind root)."""
    import shutil
    import subprocess
    import tempfile

    if shutil.which("chattr") is None:
        return False
    with tempfile.NamedTemporaryFile(dir=tempfile.gettempdir()) as probe:
        done = subprocess.run(["chattr", "+i", probe.name], capture_output=True, check=False)
        subprocess.run(["chattr", "-i", probe.name], capture_output=True, check=False)
    return done.returncode == 0


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make ``path`` (a file or folder) really read-only for this process for the block.

    A non-root process gets ``chmod a-w``; root ignores modes, so it gets the immutable
    attribute (``chattr +i``), which binds root too. Skips the test if neither can work.
    """
    import os
    import stat
    import subprocess

    import pytest

    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if not can_change_attributes():
        pytest.skip("running as root without chattr: cannot make a file read-only")
    subprocess.run(["chattr", "+i", str(path)], check=True)
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@contextmanager
def small_disk(folder: Path, size: str = "2m") -> Iterator[Path]:
    """A real, small file system (tmpfs) mounted on ``folder``; skips where mounting is denied."""
    import subprocess

    import pytest

    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill_up(folder: Path) -> Path:
    """Write a file into ``folder`` until its file system has no space left; return the file."""
    import errno

    filler = folder / "filler"
    chunk = b"\0" * 4096
    with open(filler, "wb", buffering=0) as file:
        while True:
            try:
                file.write(chunk)
            except OSError as failure:
                if failure.errno != errno.ENOSPC:
                    raise
                return filler
