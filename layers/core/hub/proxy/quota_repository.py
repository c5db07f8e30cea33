"""The quota bucket's conditional writes on the connection item (hub/proxy/budget.py says the
algorithm); every DynamoDB condition of the budget lives here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from botocore.exceptions import ClientError

from hub.connections.record import ConnectionRecord
from hub.connections.repository import ConnectionRepository, strip
from hub.errors import ConnectionNotFound
from hub.proxy.models import QuotaLimits
from hub.repository import deserialize, key, serialize

TAT = "quotaTat"
_MAX_ROUNDS = 4
# the bucket's state as this process last saw it: which of the two writes to try first (a wrong
# guess costs one more UpdateItem, never a wrong answer)
_last_seen: dict[tuple[str, str], float] = {}


class OverBudget(Exception):
    def __init__(self, wait: float) -> None:
        super().__init__(f"over budget for {wait:.3f} s")
        self.wait = wait


class QuotaRepository(ConnectionRepository):
    """The bucket's two conditional writes (busy: push the full-time on; idle: restart it)."""

    def spend(self, record: Mapping[str, Any], limits: QuotaLimits, now: float, requests: int = 1
              ) -> ConnectionRecord:
        """Take `requests` (at most the bucket's capacity) from the bucket; the connection as it
        is now. OverBudget says how long until they are free; ConnectionNotFound when the
        connection item is gone."""
        pk, sk = self.key_of(record)
        interval = limits.interval
        cost = interval * requests
        latest = now + interval * (limits.capacity - requests)
        known = record.get(TAT, _last_seen.get((pk, sk)))
        busy_first = isinstance(known, int | float | str) and float(known) >= now
        for round_ in range(_MAX_ROUNDS):
            busy = busy_first if round_ % 2 == 0 else not busy_first
            if busy:
                expression = "SET #tat = #tat + :cost"
                condition = "attribute_exists(#pk) AND #tat BETWEEN :now AND :latest"
                values = {":cost": cost, ":now": now, ":latest": latest}
            else:
                expression = "SET #tat = :next"
                condition = "attribute_exists(#pk) AND (attribute_not_exists(#tat) OR #tat < :now)"
                values = {":next": now + cost, ":now": now}
            try:
                response = self.client.update_item(
                    TableName=self.table_name, Key=key(pk, sk), UpdateExpression=expression,
                    ConditionExpression=condition, ExpressionAttributeNames={"#tat": TAT, "#pk": "pk"},
                    ExpressionAttributeValues=serialize(values), ReturnValues="ALL_NEW",
                    ReturnValuesOnConditionCheckFailure="ALL_OLD",
                )
            except ClientError as error:
                if error.response.get("Error", {}).get("Code") != "ConditionalCheckFailedException":
                    raise
                old = error.response.get("Item")
                if not old:
                    raise ConnectionNotFound(details={"integrationId": record.get("integrationId")}) from None
                tat = float(deserialize(old).get(TAT) or 0)
                if tat > latest:
                    raise OverBudget(tat - latest) from None
                busy_first = tat >= now
                continue
            item = deserialize(response["Attributes"])
            if len(_last_seen) > 10_000:
                _last_seen.clear()
            _last_seen[(pk, sk)] = float(item[TAT])
            return strip(item)
        raise OverBudget(interval)  # lost every race: as good as over budget for one interval
