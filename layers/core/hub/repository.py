"""A small repository base over the single table: typed-free dict items, low-level client.

It does the DynamoDB plumbing once: (de)serialization, conditional puts, optimistic version
checks, transactions and paginated queries. Area repositories subclass it.
"""

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any, TypedDict, Unpack

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from botocore.exceptions import ClientError

from hub import aws
from hub.errors import VersionConflict
from hub.settings import get_settings
from hub.table import PK, SK

_serializer = TypeSerializer()
_deserializer = TypeDeserializer()


class UpdateSpec(TypedDict, total=False):
    """What an update changes, and on which condition (`Repository.update`)."""

    set_fields: dict[str, Any] | None  # a None value removes the attribute
    remove_fields: Sequence[str]
    add_fields: dict[str, int] | None
    condition: str | None
    names: dict[str, str] | None
    values: dict[str, Any] | None


class ConditionFailed(Exception):
    """A conditional write did not hold (item exists / version moved / lease taken). `item` is
    the item as it was, when the write asked for it (`update(..., old_on_failure=True)`)."""

    def __init__(self, item: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.item = item


def _to_dynamo(value: Any) -> Any:
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, dict):
        return {k: _to_dynamo(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_to_dynamo(v) for v in value]
    return value


def _from_dynamo(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _from_dynamo(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_from_dynamo(v) for v in value]
    if isinstance(value, set):
        return sorted(_from_dynamo(v) for v in value)
    return value


def serialize(item: dict[str, Any]) -> dict[str, Any]:
    return {k: _serializer.serialize(_to_dynamo(v)) for k, v in item.items() if v is not None}


def deserialize(raw: dict[str, Any]) -> dict[str, Any]:
    return {k: _from_dynamo(_deserializer.deserialize(v)) for k, v in raw.items()}


def key(pk: str, sk: str) -> dict[str, Any]:
    return {PK: {"S": pk}, SK: {"S": sk}}


def _is_condition_failure(error: ClientError) -> bool:
    code = error.response.get("Error", {}).get("Code", "")
    return code in {"ConditionalCheckFailedException", "TransactionCanceledException"}


def _conflict_only(error: ClientError) -> bool:
    """A transaction cancelled by a concurrent transaction on its items, not by a condition: a
    retryable failure, not an answer (a caller must not read it as "the condition did not hold")."""
    reasons = [r.get("Code") for r in error.response.get("CancellationReasons") or [] if r.get("Code") != "None"]
    return bool(reasons) and "ConditionalCheckFailed" not in reasons


class Repository:
    def __init__(self, table_name: str | None = None) -> None:
        self.table_name = table_name or get_settings().table_name

    @property
    def client(self) -> Any:
        return aws.client("dynamodb")

    # ---- reads ---------------------------------------------------------------------------
    def get(self, pk: str, sk: str, *, consistent: bool = True) -> dict[str, Any] | None:
        response = self.client.get_item(TableName=self.table_name, Key=key(pk, sk), ConsistentRead=consistent)
        raw = response.get("Item")
        return deserialize(raw) if raw else None

    def get_many(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
        """Items by (pk, sk) in BatchGetItem calls of 100 keys (consistent reads); missing ones
        are left out. One call where `get` per key would make one each."""
        unique = list(dict.fromkeys(keys))
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for start in range(0, len(unique), 100):
            request = {self.table_name: {"Keys": [key(pk, sk) for pk, sk in unique[start:start + 100]],
                                         "ConsistentRead": True}}
            while request:
                response = self.client.batch_get_item(RequestItems=request)
                for raw in response.get("Responses", {}).get(self.table_name, []):
                    item = deserialize(raw)
                    found[(item[PK], item[SK])] = item
                request = response.get("UnprocessedKeys") or {}
        return found

    def query(
        self,
        pk: str,
        *,
        sk_prefix: str | None = None,
        sk_between: tuple[str, str] | None = None,
        index: str | None = None,
        limit: int | None = None,
        forward: bool = True,
        start_key: dict[str, Any] | None = None,
        filter_expression: str | None = None,
        expression_values: dict[str, Any] | None = None,
        expression_names: dict[str, str] | None = None,
        projection: Sequence[str] | None = None,
    ) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        """One page of a partition. `projection`: the only attributes to return (DynamoDB reads
        them all the same, but sends less, and less is deserialized on both sides)."""
        pk_name, sk_name = (PK, SK) if index is None else (f"{index}pk", f"{index}sk")
        names = {"#pk": pk_name, **(expression_names or {})}
        values: dict[str, Any] = {":pk": pk, **(expression_values or {})}
        condition = "#pk = :pk"
        if sk_prefix is not None:
            names["#sk"] = sk_name
            values[":skp"] = sk_prefix
            condition += " AND begins_with(#sk, :skp)"
        elif sk_between is not None:
            names["#sk"] = sk_name
            values[":sk1"], values[":sk2"] = sk_between
            condition += " AND #sk BETWEEN :sk1 AND :sk2"
        kwargs: dict[str, Any] = {
            "TableName": self.table_name,
            "KeyConditionExpression": condition,
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": serialize(values),
            "ScanIndexForward": forward,
        }
        if index:
            kwargs["IndexName"] = index
        if limit:
            kwargs["Limit"] = limit
        if start_key:
            kwargs["ExclusiveStartKey"] = start_key
        if filter_expression:
            kwargs["FilterExpression"] = filter_expression
        if projection:
            # by placeholder: `name` and `status` are DynamoDB reserved words
            names.update({f"#p{i}": attribute for i, attribute in enumerate(projection)})
            kwargs["ProjectionExpression"] = ", ".join(f"#p{i}" for i in range(len(projection)))
        response = self.client.query(**kwargs)
        items = [deserialize(raw) for raw in response.get("Items", [])]
        return items, response.get("LastEvaluatedKey")

    def query_all(self, pk: str, *, max_items: int = 10_000, **kwargs: Any) -> list[dict[str, Any]]:
        return list(self.iter_query(pk, max_items=max_items, **kwargs))

    def iter_query(self, pk: str, *, max_items: int = 10_000, **kwargs: Any) -> Iterator[dict[str, Any]]:
        start: dict[str, Any] | None = None
        seen = 0
        while True:
            items, start = self.query(pk, start_key=start, **kwargs)
            for item in items:
                yield item
                seen += 1
                if seen >= max_items:
                    return
            if not start:
                return

    # ---- writes --------------------------------------------------------------------------
    def put(
        self,
        item: dict[str, Any],
        *,
        condition: str | None = None,
        names: dict[str, str] | None = None,
        values: dict[str, Any] | None = None,
    ) -> None:
        kwargs: dict[str, Any] = {"TableName": self.table_name, "Item": serialize(item)}
        if condition:
            kwargs["ConditionExpression"] = condition
        if names:
            kwargs["ExpressionAttributeNames"] = names
        if values:
            kwargs["ExpressionAttributeValues"] = serialize(values)
        try:
            self.client.put_item(**kwargs)
        except ClientError as error:
            if _is_condition_failure(error):
                raise ConditionFailed() from None
            raise

    def put_new(self, item: dict[str, Any]) -> None:
        """Create only: fails with ConditionFailed when the key is taken."""
        self.put(item, condition="attribute_not_exists(#pk)", names={"#pk": PK})

    def put_versioned(self, item: dict[str, Any], expected_version: int) -> dict[str, Any]:
        """Replace an item only if it still has `expected_version`; bumps the version."""
        new_item = {**item, "version": expected_version + 1}
        try:
            self.put(new_item, condition="#v = :v", names={"#v": "version"}, values={":v": expected_version})
        except ConditionFailed:
            raise VersionConflict() from None
        return new_item

    def update(self, pk: str, sk: str, *, return_new: bool = True, old_on_failure: bool = False,
               **spec: Unpack[UpdateSpec]) -> dict[str, Any] | None:
        """Update one item; answers it as it is now (`return_new`). With `old_on_failure` a failed
        condition raises ConditionFailed carrying the item as it was (no second read)."""
        kwargs = self.update_request(pk, sk, **spec)
        kwargs["ReturnValues"] = "ALL_NEW" if return_new else "NONE"
        if old_on_failure:
            kwargs["ReturnValuesOnConditionCheckFailure"] = "ALL_OLD"
        try:
            response = self.client.update_item(**kwargs)
        except ClientError as error:
            if _is_condition_failure(error):
                old = error.response.get("Item")
                raise ConditionFailed(deserialize(old) if old else None) from None
            raise
        attributes = response.get("Attributes")
        return deserialize(attributes) if attributes else None

    def update_request(self, pk: str, sk: str, **spec: Unpack[UpdateSpec]) -> dict[str, Any]:
        """The UpdateItem parameters of an update (also the Update of a transaction)."""
        expr_names = dict(spec.get("names") or {})
        expr_values = dict(spec.get("values") or {})
        remove_fields = list(spec.get("remove_fields") or ())
        add_fields, condition = spec.get("add_fields"), spec.get("condition")
        clauses: list[str] = []
        sets = []
        for i, (field_name, value) in enumerate((spec.get("set_fields") or {}).items()):
            if value is None:
                remove_fields.append(field_name)
                continue
            expr_names[f"#s{i}"] = field_name
            expr_values[f":s{i}"] = value
            sets.append(f"#s{i} = :s{i}")
        if sets:
            clauses.append("SET " + ", ".join(sets))
        if remove_fields:
            removes = []
            for i, field_name in enumerate(remove_fields):
                expr_names[f"#r{i}"] = field_name
                removes.append(f"#r{i}")
            clauses.append("REMOVE " + ", ".join(removes))
        if add_fields:
            adds = []
            for i, (field_name, amount) in enumerate(add_fields.items()):
                expr_names[f"#a{i}"] = field_name
                expr_values[f":a{i}"] = amount
                adds.append(f"#a{i} :a{i}")
            clauses.append("ADD " + ", ".join(adds))
        kwargs: dict[str, Any] = {
            "TableName": self.table_name,
            "Key": key(pk, sk),
            "UpdateExpression": " ".join(clauses),
        }
        if expr_names:
            kwargs["ExpressionAttributeNames"] = expr_names
        if expr_values:
            kwargs["ExpressionAttributeValues"] = serialize(expr_values)
        if condition:
            kwargs["ConditionExpression"] = condition
        return kwargs

    def delete(self, pk: str, sk: str, *, condition: str | None = None, names: dict[str, str] | None = None,
               values: dict[str, Any] | None = None, return_old: bool = False) -> dict[str, Any] | None:
        kwargs: dict[str, Any] = {"TableName": self.table_name, "Key": key(pk, sk)}
        if condition:
            kwargs["ConditionExpression"] = condition
        if names:
            kwargs["ExpressionAttributeNames"] = names
        if values:
            kwargs["ExpressionAttributeValues"] = serialize(values)
        if return_old:
            kwargs["ReturnValues"] = "ALL_OLD"
        try:
            response = self.client.delete_item(**kwargs)
        except ClientError as error:
            if _is_condition_failure(error):
                raise ConditionFailed() from None
            raise
        old = response.get("Attributes")
        return deserialize(old) if old else None

    def transact(self, operations: list[dict[str, Any]]) -> None:
        """Write several items atomically. Each operation is one of
        {"put": item, "condition": ...}, {"delete": (pk, sk)}, {"check": (pk, sk), "condition": ...}.
        """
        request: list[dict[str, Any]] = []
        for op in operations:
            extra: dict[str, Any] = {}
            if op.get("condition"):
                extra["ConditionExpression"] = op["condition"]
            if op.get("names"):
                extra["ExpressionAttributeNames"] = op["names"]
            if op.get("values"):
                extra["ExpressionAttributeValues"] = serialize(op["values"])
            if "put" in op:
                request.append({"Put": {"TableName": self.table_name, "Item": serialize(op["put"]), **extra}})
            elif "delete" in op:
                pk, sk = op["delete"]
                request.append({"Delete": {"TableName": self.table_name, "Key": key(pk, sk), **extra}})
            elif "check" in op:
                pk, sk = op["check"]
                request.append({"ConditionCheck": {"TableName": self.table_name, "Key": key(pk, sk), **extra}})
            elif "update" in op:
                pk, sk = op["update"]
                request.append({"Update": {"TableName": self.table_name, "Key": key(pk, sk),
                                           "UpdateExpression": op["expression"], **extra}})
            elif "update_request" in op:  # the parameters `update_request` built
                request.append({"Update": op["update_request"]})
        try:
            self.client.transact_write_items(TransactItems=request)
        except ClientError as error:
            if _is_condition_failure(error) and not _conflict_only(error):
                raise ConditionFailed() from None
            raise
