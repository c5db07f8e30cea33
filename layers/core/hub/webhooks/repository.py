"""Webhook endpoints and their deliveries in the single table.

Endpoint   pk TENANT#{tenantId}                     sk WEBHOOK#{webhookId}
Delivery   pk TENANT#{tenantId}#WEBHOOK#{webhookId}  sk WHDELIVERY#{deliveryId}   ttl = retention
           while an attempt is due it also carries gsi2pk DUE#webhook#{shard} / gsi2sk {dueAt}#{id}
           (the sparse due index); the keys are removed once the delivery is final.
Answer     pk (the delivery's)                       sk WHANSWER#{deliveryId}#{attempt}
           the receiver's answer to one attempt, truncated, with a short ttl of its own
Recovery   pk TENANT#{tenantId}                     sk WHRECOVER#{webhookId}#{jobId}  (a resend job)

Batches write through TransactWriteItems (up to 100 items, 4 MB, every condition kept): one call
for a batch's new deliveries, one per flush of outcomes. A condition that fails (an event seen
twice, a claim lost) drops that delivery from the write and the rest go through.

Deliveries get a partition per endpoint: a busy tenant's delivery writes spread over its
endpoints instead of heating the tenant's own partition, and reading a tenant's endpoints (once
per event) never wades through its delivery history.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

from hub.repository import ConditionFailed, Repository, deserialize, key, serialize
from hub.table import GSI2, GSI2_PK, GSI2_SK, due_keys, due_partitions, tenant_pk

DUE_KIND = "webhook"
ENDPOINT_PREFIX = "WEBHOOK#"
DELIVERY_PREFIX = "WHDELIVERY#"
ANSWER_PREFIX = "WHANSWER#"
RECOVER_PREFIX = "WHRECOVER#"
OPEN_STATUSES = ("pending", "retrying")
TRANSACT_MAX_ITEMS = 100
TRANSACT_MAX_BYTES = 3_500_000  # under DynamoDB's 4 MB per transaction, with room for overhead
TRANSACT_ROUNDS = 4


def due_index_keys(delivery_id: str, due_at: float) -> dict[str, str]:
    # whole seconds rounded up, so a sweep never sends an attempt before its time
    return due_keys(DUE_KIND, delivery_id, math.ceil(due_at))


def is_due(item: dict[str, Any], now: float) -> bool:
    """Whether an item read from the due index is due by `now` (as `due_deliveries` reads it)."""
    return int(str(item.get(GSI2_SK, "0")).split("#", 1)[0]) <= int(now)


def endpoint_sk(webhook_id: str) -> str:
    return f"{ENDPOINT_PREFIX}{webhook_id}"


def delivery_pk(tenant_id: str, webhook_id: str) -> str:
    return f"{tenant_pk(tenant_id)}#{ENDPOINT_PREFIX}{webhook_id}"


def delivery_sk(delivery_id: str) -> str:
    return f"{DELIVERY_PREFIX}{delivery_id}"


def answer_sk(delivery_id: str, attempt: int) -> str:
    return f"{ANSWER_PREFIX}{delivery_id}#{attempt:03d}"


def is_answer(item: dict[str, Any]) -> bool:
    return str(item.get("sk", "")).startswith(ANSWER_PREFIX)


def recover_sk(webhook_id: str, job_id: str) -> str:
    return f"{RECOVER_PREFIX}{webhook_id}#{job_id}"


class WebhookRepository(Repository):
    # ---- endpoints -----------------------------------------------------------------------
    def get_endpoint(self, tenant_id: str, webhook_id: str) -> dict[str, Any] | None:
        return self.get(tenant_pk(tenant_id), endpoint_sk(webhook_id))

    def list_endpoints(self, tenant_id: str) -> list[dict[str, Any]]:
        # a tenant's endpoints are a small set: one Query, paged in memory (exact totals)
        return self.query_all(tenant_pk(tenant_id), sk_prefix=ENDPOINT_PREFIX, max_items=1000)

    def create_endpoint(self, item: dict[str, Any]) -> None:
        self.put_new(item)

    def replace_endpoint(self, item: dict[str, Any], expected_version: int) -> dict[str, Any]:
        return self.put_versioned(item, expected_version)

    def delete_endpoint(self, tenant_id: str, webhook_id: str) -> dict[str, Any] | None:
        try:
            return self.delete(tenant_pk(tenant_id), endpoint_sk(webhook_id),
                               condition="attribute_exists(#pk)", names={"#pk": "pk"}, return_old=True)
        except ConditionFailed:
            return None

    def note_failure(self, tenant_id: str, webhook_id: str, at_iso: str, at_epoch: float) -> dict[str, Any] | None:
        """Start (or continue) the endpoint's failure streak; answers the endpoint after the write."""
        return self._update_expression(
            tenant_id,
            webhook_id,
            "SET failingSince = if_not_exists(failingSince, :iso), "
            "failingSinceEpoch = if_not_exists(failingSinceEpoch, :epoch), lastFailureAt = :iso",
            {":iso": at_iso, ":epoch": at_epoch},
        )

    def note_success(self, tenant_id: str, webhook_id: str, at_iso: str) -> None:
        self._update_expression(
            tenant_id, webhook_id, "SET lastSuccessAt = :iso REMOVE failingSince, failingSinceEpoch", {":iso": at_iso}
        )

    def reserve_send_slots(self, tenant_id: str, webhook_id: str, *, seen: Any, next_slot: float) -> bool:
        """Move the throttle's next free slot, only if nobody else moved it since `seen`."""
        condition = "attribute_not_exists(#slot)" if seen is None else "#slot = :seen"
        values: dict[str, Any] = {":next": next_slot, **({} if seen is None else {":seen": seen})}
        try:
            self._update_expression(tenant_id, webhook_id, "SET #slot = :next", values, condition=condition,
                                    extra_names={"#slot": "throttleNextSlot"})
        except ConditionFailed:
            return False
        return True

    def disable_endpoint(self, tenant_id: str, webhook_id: str, reason: str, at_iso: str) -> bool:
        """Disable an active endpoint; False if it was not active (someone else disabled it)."""
        try:
            self._update_expression(
                tenant_id,
                webhook_id,
                "SET #status = :disabled, disabledReason = :reason, disabledAt = :iso, updatedAt = :iso "
                "ADD #version :one",
                {":disabled": "disabled", ":reason": reason, ":iso": at_iso, ":one": 1, ":active": "active"},
                condition="#status = :active",
                extra_names={"#status": "status", "#version": "version"},
            )
        except ConditionFailed:
            return False
        return True

    def _update_expression(
        self,
        tenant_id: str,
        webhook_id: str,
        expression: str,
        values: dict[str, Any],
        *,
        condition: str | None = None,
        extra_names: dict[str, str] | None = None,
    ) -> dict[str, Any] | None:
        from botocore.exceptions import ClientError


        names = {"#pk": "pk", **(extra_names or {})}
        kwargs: dict[str, Any] = {
            "TableName": self.table_name,
            "Key": key(tenant_pk(tenant_id), endpoint_sk(webhook_id)),
            "UpdateExpression": expression,
            # the endpoint may have been deleted meanwhile: never resurrect it as a stub
            "ConditionExpression": "attribute_exists(#pk)" + (f" AND {condition}" if condition else ""),
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": serialize(values),
            "ReturnValues": "ALL_NEW",
        }
        try:
            response = self.client.update_item(**kwargs)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                raise ConditionFailed() from None
            raise
        attributes = response.get("Attributes")
        return deserialize(attributes) if attributes else None

    # ---- deliveries ----------------------------------------------------------------------
    def create_delivery(self, item: dict[str, Any]) -> bool:
        """Write a new delivery; False when it already exists (the same event seen twice)."""
        try:
            self.put_new(item)
        except ConditionFailed:
            return False
        return True

    def get_delivery(self, tenant_id: str, webhook_id: str, delivery_id: str) -> dict[str, Any] | None:
        return self.get(delivery_pk(tenant_id, webhook_id), delivery_sk(delivery_id))

    def list_deliveries(self, tenant_id: str, webhook_id: str, max_items: int = 5000) -> list[dict[str, Any]]:
        return self.query_all(delivery_pk(tenant_id, webhook_id), sk_prefix=DELIVERY_PREFIX,
                              forward=False, max_items=max_items)

    def list_deliveries_with_answers(
        self, tenant_id: str, webhook_id: str, max_items: int = 5000
    ) -> list[dict[str, Any]]:
        """Deliveries newest first, then the answers still kept (one Query each)."""
        answers = self.query_all(delivery_pk(tenant_id, webhook_id), sk_prefix=ANSWER_PREFIX,
                                 max_items=max_items * 4)
        return self.list_deliveries(tenant_id, webhook_id, max_items) + answers

    def get_deliveries(self, keys: Sequence[tuple[str, str, str]]) -> list[dict[str, Any]]:
        """Deliveries by (tenantId, webhookId, deliveryId), 100 keys per BatchGetItem; missing ones are left out."""
        return self._batch_get([key(delivery_pk(t, w), delivery_sk(d)) for t, w, d in dict.fromkeys(keys)])

    def get_endpoints(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
        """Endpoints by (tenantId, webhookId), 100 keys per BatchGetItem."""
        items = self._batch_get([key(tenant_pk(t), endpoint_sk(w)) for t, w in dict.fromkeys(keys)])
        return {(item["tenantId"], item["id"]): item for item in items}

    def _batch_get(self, keys: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for start in range(0, len(keys), 100):
            request = {self.table_name: {"Keys": list(keys[start:start + 100]), "ConsistentRead": True}}
            for _ in range(TRANSACT_ROUNDS * 2):
                response = self.client.batch_get_item(RequestItems=request)
                found.extend(deserialize(raw) for raw in response.get("Responses", {}).get(self.table_name, []))
                request = response.get("UnprocessedKeys") or {}
                if not request:
                    break
        return found

    # ---- batched delivery writes ---------------------------------------------------------
    def create_deliveries(self, items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """Write new deliveries; answers those written (one seen before is left out)."""
        entries = [[{"Put": {"TableName": self.table_name, "Item": serialize(item),
                             "ConditionExpression": "attribute_not_exists(#pk)",
                             "ExpressionAttributeNames": {"#pk": "pk"}}}] for item in items]
        written = self._transact_each(entries)
        return [item for item, ok in zip(items, written, strict=True) if ok]

    def claim_deliveries(
        self, deliveries: Sequence[dict[str, Any]], leases: Sequence[float], *, now_iso: str
    ) -> list[dict[str, Any]]:
        """Take the next attempt of each delivery (see `claim_attempt`), in batched writes.
        Answers the deliveries claimed, as they now are."""
        claimed: list[dict[str, Any]] = []
        entries = []
        for delivery, lease_until in zip(deliveries, leases, strict=True):
            seen = int(delivery.get("attempts", 0))
            new = {**delivery, "attempts": seen + 1, "updatedAt": now_iso, "leaseUntil": lease_until,
                   **due_index_keys(delivery["id"], lease_until)}
            claimed.append(new)
            entries.append([self._conditional_put(
                new, "#attempts = :seen AND #status IN (:open0, :open1)",
                {"#attempts": "attempts", "#status": "status"},
                {":seen": seen, ":open0": OPEN_STATUSES[0], ":open1": OPEN_STATUSES[1]},
            )])
        written = self._transact_each(entries)
        return [item for item, ok in zip(claimed, written, strict=True) if ok]

    def record_outcomes(
        self, outcomes: Sequence[tuple[dict[str, Any], dict[str, Any] | None]], *, claimed_attempts: Sequence[int]
    ) -> list[bool]:
        """Store attempts' outcomes: each (the delivery as it is now, its answer item or None),
        only while the attempt we claimed is still the latest (`attempts` unchanged)."""
        entries = []
        for (delivery, answer), mine in zip(outcomes, claimed_attempts, strict=True):
            entry = [self._conditional_put(delivery, "#attempts = :mine", {"#attempts": "attempts"},
                                           {":mine": mine})]
            if answer is not None:
                entry.append({"Put": {"TableName": self.table_name, "Item": serialize(answer)}})
            entries.append(entry)
        return self._transact_each(entries)

    def _conditional_put(self, item: dict[str, Any], condition: str, names: dict[str, str],
                         values: dict[str, Any]) -> dict[str, Any]:
        return {"Put": {"TableName": self.table_name, "Item": serialize(item), "ConditionExpression": condition,
                        "ExpressionAttributeNames": names, "ExpressionAttributeValues": serialize(values)}}

    def _transact_each(self, entries: Sequence[list[dict[str, Any]]]) -> list[bool]:
        """Write entries (each the 1-2 items of one logical write) in as few transactions as the
        limits allow. An entry whose condition fails is False and the others are written anyway;
        a transaction cancelled only for contention is tried again."""
        from botocore.exceptions import ClientError

        results = [False] * len(entries)
        pending = list(range(len(entries)))
        for _ in range(TRANSACT_ROUNDS):
            if not pending:
                break
            retry: list[int] = []
            for chunk in _chunks(pending, entries):
                items = [item for index in chunk for item in entries[index]]
                try:
                    self.client.transact_write_items(TransactItems=items)
                except ClientError as error:
                    if error.response.get("Error", {}).get("Code") != "TransactionCanceledException":
                        raise
                    reasons = error.response.get("CancellationReasons") or []
                    position = 0
                    for index in chunk:
                        codes = {str((reasons[position + k] if position + k < len(reasons) else {})
                                     .get("Code") or "None") for k in range(len(entries[index]))}
                        position += len(entries[index])
                        if "ConditionalCheckFailed" not in codes:
                            retry.append(index)  # cancelled because of a neighbour, or contention
                    continue
                for index in chunk:
                    results[index] = True
            pending = retry
        if pending:
            raise ConditionFailed()
        return results

    def claim_attempt(
        self, delivery: dict[str, Any], *, now_iso: str, lease_until: float, allow_final: bool = False
    ) -> dict[str, Any] | None:
        """Take the next attempt of a delivery: bump `attempts` if nobody else did meanwhile.

        While the attempt runs the delivery stays in the due index at the lease's end, so an
        attempt lost with its Lambda is picked up again by the sweep.
        """
        seen = int(delivery.get("attempts", 0))
        statuses = ("pending", "retrying", "failed", "delivered") if allow_final else OPEN_STATUSES
        status_values = {f":st{i}": s for i, s in enumerate(statuses)}
        condition = f"#attempts = :seen AND #status IN ({', '.join(status_values)})"
        try:
            return self.update(
                delivery["pk"],
                delivery["sk"],
                set_fields={
                    "attempts": seen + 1,
                    "updatedAt": now_iso,
                    "leaseUntil": lease_until,
                    **due_index_keys(delivery["id"], lease_until),
                },
                condition=condition,
                names={"#attempts": "attempts", "#status": "status"},
                values={":seen": seen, **status_values},
            )
        except ConditionFailed:
            return None

    def record_attempt(
        self,
        claimed: dict[str, Any],
        *,
        set_fields: dict[str, Any],
        due_at: float | None,
        require_open: bool = False,
    ) -> dict[str, Any] | None:
        """Store an attempt's outcome, only if our claim still holds; schedule or finalize.
        `require_open`: also only if the delivery is not final yet (closing from a stale read)."""
        fields = dict(set_fields)
        remove: list[str] = ["leaseUntil"]
        if due_at is None:
            remove += [GSI2_PK, GSI2_SK]
        else:
            fields.update(due_index_keys(claimed["id"], due_at))
        try:
            return self.update(
                claimed["pk"],
                claimed["sk"],
                set_fields=fields,
                remove_fields=remove,
                condition="#attempts = :mine" + (" AND #status IN (:open0, :open1)" if require_open else ""),
                names={"#attempts": "attempts", **({"#status": "status"} if require_open else {})},
                values={":mine": int(claimed["attempts"]),
                        **({":open0": OPEN_STATUSES[0], ":open1": OPEN_STATUSES[1]} if require_open else {})},
            )
        except ConditionFailed:
            return None

    def reschedule(self, delivery: dict[str, Any], *, due_at: float, now_iso: str, status: str) -> dict[str, Any]:
        """Put a delivery back in the due index (manual retry)."""
        updated = self.update(
            delivery["pk"],
            delivery["sk"],
            set_fields={"status": status, "updatedAt": now_iso, "nextAttemptAt": None,
                        **due_index_keys(delivery["id"], due_at)},
            condition="#attempts = :seen",
            names={"#attempts": "attempts"},
            values={":seen": int(delivery.get("attempts", 0))},
        )
        return updated or delivery

    def due_deliveries(self, now: float, limit: int) -> list[dict[str, Any]]:
        """Deliveries whose next attempt is due, read from the sparse due index (never a Scan)."""
        upper = f"{int(now):012d}#~"
        due: list[dict[str, Any]] = []
        for partition in due_partitions(DUE_KIND):
            for item in self.iter_query(partition, index=GSI2, sk_between=("0", upper), max_items=limit):
                due.append(item)
        due.sort(key=lambda item: item.get(GSI2_SK, ""))
        return due[:limit]


def _chunks(indexes: Sequence[int], entries: Sequence[list[dict[str, Any]]]) -> list[list[int]]:
    """Group entries into transactions within DynamoDB's item and size limits."""
    chunks: list[list[int]] = []
    current: list[int] = []
    count = size = 0
    for index in indexes:
        items = len(entries[index])
        weight = len(json.dumps(entries[index], default=str))
        if current and (count + items > TRANSACT_MAX_ITEMS or size + weight > TRANSACT_MAX_BYTES):
            chunks.append(current)
            current, count, size = [], 0, 0
        current.append(index)
        count += items
        size += weight
    if current:
        chunks.append(current)
    return chunks
