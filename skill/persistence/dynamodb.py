"""DynamoDB storage: ask-sdk's DynamoDB adapter for the record, an item per diary entry."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from ask_sdk_core.exceptions import PersistenceException

from skill.persistence import PERSON_MARK, Storage, as_utc, entries_with_feet, parse_times, user_id
from skill.rules.trend import week_bounds

REQUEST_MARK = "#request#"  # sorts before every timestamp, so diary reads never see it
AFTER_ID = "#~"  # after "<time>#<uuid>" for the same time: "~" sorts after every uuid character


class DynamoDiary:
    """The twitch diary in DynamoDB: partition ``userId``, sort ``entryId`` (time, then a uuid).

    An entry logged for a request id also puts a marker item ``#request#<id>`` in the same
    transaction, on condition that the marker is new: a replayed request adds nothing.
    """

    def __init__(self, table: Any) -> None:
        self.table = table

    def add(self, user: str, at: datetime, foot: str | None, request_id: str | None = None) -> None:
        """Record one twitch as its own item; a new key, so appends never collide."""
        stamp = as_utc(at).isoformat()
        item = {"userId": user, "entryId": f"{stamp}#{uuid.uuid4()}", "at": stamp}
        if foot:
            item["foot"] = foot
        if request_id is None:
            self._call(self.table.put_item, Item=item)
            return
        item["requestId"] = request_id
        marker = {
            "userId": user,
            "entryId": f"{REQUEST_MARK}{request_id}",
            "entry": item["entryId"],
        }
        try:  # the resource's client takes plain values, as the table does
            self.table.meta.client.transact_write_items(
                TransactItems=[
                    {
                        "Put": {
                            "TableName": self.table.name,
                            "Item": marker,
                            "ConditionExpression": "attribute_not_exists(entryId)",
                        }
                    },
                    {"Put": {"TableName": self.table.name, "Item": item}},
                ]
            )
        except Exception as failure:
            if not already_logged(failure):
                raise PersistenceException(f"dynamodb: {type(failure).__name__}") from failure

    def times(self, user: str, since: datetime) -> list[datetime]:
        """When the person's twitches since ``since`` happened, oldest first."""
        return parse_times(item.get("at") for item in self._query(user, since.isoformat()))

    def weekly_counts(self, user: str, now: datetime) -> tuple[int, ...]:
        """Twitches per week of the diary's rule, this week first: a COUNT query per week.

        Entry ids start with the entry's UTC time, so the entries after ``start`` up to and
        including ``end`` are the ids between ``start#~`` and ``end#~``. DynamoDB still reads
        the keys it counts, but sends back only the count.
        """
        bounds = [as_utc(moment).isoformat() + AFTER_ID for moment in week_bounds(now)]
        return tuple(
            self._count(user, bounds[week + 1], bounds[week]) for week in range(len(bounds) - 1)
        )

    def _count(self, user: str, low: str, high: str) -> int:
        from boto3.dynamodb.conditions import Key

        arguments: dict[str, Any] = {
            "KeyConditionExpression": Key("userId").eq(user) & Key("entryId").between(low, high),
            "Select": "COUNT",
        }
        count = 0
        while True:
            page = self._call(self.table.query, **arguments)
            count += int(page.get("Count", 0))
            if "LastEvaluatedKey" not in page:
                return count
            arguments["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def feet(self, user: str, since: datetime) -> list[tuple[datetime, str | None]]:
        """When the person's twitches since ``since`` happened, and in which foot."""
        items = self._query(user, since.isoformat())
        return entries_with_feet((item.get("at"), item.get("foot")) for item in items)

    def erase(self, user: str) -> None:
        """Delete every item of the person's diary."""
        items = self._query(user, None)
        try:
            with self.table.batch_writer() as batch:
                for item in items:
                    batch.delete_item(Key={"userId": user, "entryId": item["entryId"]})
        except Exception as failure:
            raise PersistenceException(f"dynamodb: {type(failure).__name__}") from failure

    def _query(self, user: str, from_entry: str | None) -> list[dict[str, Any]]:
        from boto3.dynamodb.conditions import ConditionBase, Key

        condition: ConditionBase = Key("userId").eq(user)
        if from_entry is not None:
            condition = condition & Key("entryId").gte(from_entry)
        items: list[dict[str, Any]] = []
        arguments: dict[str, Any] = {"KeyConditionExpression": condition}
        while True:
            page = self._call(self.table.query, **arguments)
            items.extend(page.get("Items", []))
            if "LastEvaluatedKey" not in page:
                return items
            arguments["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    @staticmethod
    def _call(method: Any, **arguments: Any) -> Any:
        try:
            return method(**arguments)
        except Exception as failure:
            raise PersistenceException(f"dynamodb: {type(failure).__name__}") from failure


def already_logged(failure: Exception) -> bool:
    """True if a transaction was cancelled only because its request marker exists."""
    response = getattr(failure, "response", None)
    if not isinstance(response, dict):
        return False
    reasons = [reason.get("Code") for reason in response.get("CancellationReasons", [])]
    return bool(reasons) and reasons[0] == "ConditionalCheckFailed" and set(reasons[1:]) <= {"None"}


def dynamodb_storage(attributes_table: str, diary_table: str, resource: Any = None) -> Storage:
    """Storage in two DynamoDB tables (see template.yaml); boto3 is imported only here."""
    import boto3
    from ask_sdk_dynamodb.adapter import DynamoDbAdapter

    resource = resource or boto3.resource("dynamodb")
    adapter = DynamoDbAdapter(
        table_name=attributes_table,
        create_table=False,
        dynamodb_resource=resource,
        partition_keygen=user_id,
    )
    records, diary = resource.Table(attributes_table), resource.Table(diary_table)
    return Storage(
        adapter=adapter,
        diary=DynamoDiary(diary),
        erase_everyone=lambda account: erase_everyone(records, diary, account),
    )


def _scan_keys(table: Any, key: str, account: str, keys: tuple[str, ...]) -> list[dict[str, Any]]:
    """Every item key of ``table`` owned by the account or one of its recognised people."""
    from boto3.dynamodb.conditions import Attr

    owned = Attr(key).eq(account) | Attr(key).begins_with(f"{account}{PERSON_MARK}")
    found: list[dict[str, Any]] = []
    arguments: dict[str, Any] = {"FilterExpression": owned, "ProjectionExpression": ", ".join(keys)}
    while True:
        page = table.scan(**arguments)
        found.extend({name: item[name] for name in keys} for item in page.get("Items", []))
        if "LastEvaluatedKey" not in page:
            return found
        arguments["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def erase_everyone(records: Any, diary: Any, account: str) -> None:
    """Erase an account's record and diary and every recognised person's (a rare event: a scan)."""
    try:
        for table, key, keys in (
            (records, "id", ("id",)),
            (diary, "userId", ("userId", "entryId")),
        ):
            with table.batch_writer() as batch:
                for item_key in _scan_keys(table, key, account, keys):
                    batch.delete_item(Key=item_key)
    except Exception as failure:
        raise PersistenceException(f"dynamodb: {type(failure).__name__}") from failure
