"""The single-table definition (docs/architecture.md, One table), read by the CDK stack and the local stack alike.

Keys
- pk / sk: every tenant-owned item has pk `TENANT#{tenantId}`; global items (providers,
  templates) live under `PROVIDER#...` / `GLOBAL#...`.
- gsi1pk / gsi1sk: alternate listings (e.g. all audit records, user connections).
- gsi2pk / gsi2sk: the sparse "due" index; pk `DUE#{kind}#{shard}`, sk the due time
  (zero-padded epoch seconds) + item id. Only items with something due carry these attributes,
  so jobs Query small partitions and never Scan.
- ttl: epoch seconds; DynamoDB deletes expired states, deliveries, windows, idempotency records.
"""

from __future__ import annotations

import hashlib
from typing import Any

PK = "pk"
SK = "sk"
GSI1 = "gsi1"
GSI1_PK = "gsi1pk"
GSI1_SK = "gsi1sk"
GSI2 = "gsi2"
GSI2_PK = "gsi2pk"
GSI2_SK = "gsi2sk"
TTL_ATTRIBUTE = "ttl"
DUE_SHARDS = 8

ATTRIBUTE_DEFINITIONS: list[dict[str, str]] = [
    {"AttributeName": name, "AttributeType": "S"} for name in (PK, SK, GSI1_PK, GSI1_SK, GSI2_PK, GSI2_SK)
]
KEY_SCHEMA: list[dict[str, str]] = [
    {"AttributeName": PK, "KeyType": "HASH"},
    {"AttributeName": SK, "KeyType": "RANGE"},
]
GLOBAL_SECONDARY_INDEXES: list[dict[str, Any]] = [
    {
        "IndexName": GSI1,
        "KeySchema": [
            {"AttributeName": GSI1_PK, "KeyType": "HASH"},
            {"AttributeName": GSI1_SK, "KeyType": "RANGE"},
        ],
        "Projection": {"ProjectionType": "ALL"},
    },
    {
        "IndexName": GSI2,
        "KeySchema": [
            {"AttributeName": GSI2_PK, "KeyType": "HASH"},
            {"AttributeName": GSI2_SK, "KeyType": "RANGE"},
        ],
        "Projection": {"ProjectionType": "ALL"},
    },
]


def create_table_kwargs(table_name: str) -> dict[str, Any]:
    """Arguments for `dynamodb.create_table`, used by the local stack and the tests."""
    return {
        "TableName": table_name,
        "AttributeDefinitions": ATTRIBUTE_DEFINITIONS,
        "KeySchema": KEY_SCHEMA,
        "GlobalSecondaryIndexes": GLOBAL_SECONDARY_INDEXES,
        "BillingMode": "PAY_PER_REQUEST",
    }


def create_table(dynamodb_client: Any, table_name: str) -> None:
    dynamodb_client.create_table(**create_table_kwargs(table_name))
    dynamodb_client.get_waiter("table_exists").wait(TableName=table_name)
    dynamodb_client.update_time_to_live(
        TableName=table_name,
        TimeToLiveSpecification={"Enabled": True, "AttributeName": TTL_ATTRIBUTE},
    )


# ---- key builders -------------------------------------------------------------------------


def tenant_pk(tenant_id: str) -> str:
    return f"TENANT#{tenant_id}"


def due_shard(item_id: str) -> int:
    return int(hashlib.sha256(item_id.encode()).hexdigest(), 16) % DUE_SHARDS


def due_pk(kind: str, item_id: str) -> str:
    return f"DUE#{kind}#{due_shard(item_id)}"


def due_sk(due_at: float, item_id: str) -> str:
    return f"{int(due_at):012d}#{item_id}"


def due_keys(kind: str, item_id: str, due_at: float) -> dict[str, str]:
    return {GSI2_PK: due_pk(kind, item_id), GSI2_SK: due_sk(due_at, item_id)}


def due_partitions(kind: str) -> list[str]:
    """Every shard of one kind's due index, for jobs that sweep it."""
    return [f"DUE#{kind}#{shard}" for shard in range(DUE_SHARDS)]
