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
