"""The single DynamoDB table, built from the definitions in hub.table (docs/architecture.md, One table).

The local stack builds its table from the same lists, so a key or index added there reaches
both. On-demand, point-in-time recovery, TTL, deletion protection, the hub key, retained on
stack deletion.
"""

from __future__ import annotations

from typing import Any

import aws_cdk as cdk
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_kms as kms
from constructs import Construct

from hub import table as table_definition

_TYPES = {
    "S": dynamodb.AttributeType.STRING,
    "N": dynamodb.AttributeType.NUMBER,
    "B": dynamodb.AttributeType.BINARY,
}
_PROJECTIONS = {
    "ALL": dynamodb.ProjectionType.ALL,
    "KEYS_ONLY": dynamodb.ProjectionType.KEYS_ONLY,
    "INCLUDE": dynamodb.ProjectionType.INCLUDE,
}


def _attribute(name: str, types: dict[str, str]) -> dynamodb.Attribute:
    if name not in types:
        raise ValueError(f"key attribute {name!r} is missing from hub.table.ATTRIBUTE_DEFINITIONS")
    return dynamodb.Attribute(name=name, type=_TYPES[types[name]])


def _keys(
    schema: list[dict[str, str]], types: dict[str, str]
) -> tuple[dynamodb.Attribute, dynamodb.Attribute | None]:
    """(partition key, sort key or None) of a KeySchema."""
    partition = next(k["AttributeName"] for k in schema if k["KeyType"] == "HASH")
    ranges = [k["AttributeName"] for k in schema if k["KeyType"] == "RANGE"]
    return _attribute(partition, types), _attribute(ranges[0], types) if ranges else None


class HubTable(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, key: kms.IKey) -> None:
        super().__init__(scope, construct_id)
        types = {a["AttributeName"]: a["AttributeType"] for a in table_definition.ATTRIBUTE_DEFINITIONS}
        partition_key, sort_key = _keys(table_definition.KEY_SCHEMA, types)
        self.table = dynamodb.Table(
            self,
            "Table",
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True
            ),
            time_to_live_attribute=table_definition.TTL_ATTRIBUTE,
            deletion_protection=True,
            encryption=dynamodb.TableEncryption.CUSTOMER_MANAGED,
            encryption_key=key,
            removal_policy=cdk.RemovalPolicy.RETAIN,
            partition_key=partition_key,
            sort_key=sort_key,
        )
        self.index_names: list[str] = []
        for index in table_definition.GLOBAL_SECONDARY_INDEXES:
            projection: dict[str, Any] = index.get("Projection", {"ProjectionType": "ALL"})
            index_partition, index_sort = _keys(index["KeySchema"], types)
            self.table.add_global_secondary_index(
                index_name=index["IndexName"],
                partition_key=index_partition,
                sort_key=index_sort,
                projection_type=_PROJECTIONS[projection["ProjectionType"]],
                non_key_attributes=projection.get("NonKeyAttributes"),
            )
            self.index_names.append(index["IndexName"])

    def index_arns(self) -> list[str]:
        return [f"{self.table.table_arn}/index/{name}" for name in self.index_names]
