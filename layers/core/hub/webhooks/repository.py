"""Webhook endpoints and their deliveries in the single table.

Endpoint   pk TENANT#{tenantId}                     sk WEBHOOK#{webhookId}
Delivery   pk TENANT#{tenantId}#WEBHOOK#{webhookId}  sk WHDELIVERY#{deliveryId}   ttl = retention
           while an attempt is due it also carries gsi2pk DUE#webhook#{shard} / gsi2sk {dueAt}#{id}
           (the sparse due index); the keys are removed once the delivery is final.

Deliveries get a partition per endpoint: a busy tenant's delivery writes spread over its
endpoints instead of heating the tenant's own partition, and reading a tenant's endpoints (once
per event) never wades through its delivery history.
"""

from __future__ import annotations

import math
from typing import Any

from hub.repository import ConditionFailed, Repository, deserialize, key, serialize
from hub.table import GSI2, GSI2_PK, GSI2_SK, due_keys, due_partitions, tenant_pk

DUE_KIND = "webhook"
ENDPOINT_PREFIX = "WEBHOOK#"
DELIVERY_PREFIX = "WHDELIVERY#"
OPEN_STATUSES = ("pending", "retrying")


def due_index_keys(delivery_id: str, due_at: float) -> dict[str, str]:
    # whole seconds rounded up, so a sweep never sends an attempt before its time
    return due_keys(DUE_KIND, delivery_id, math.ceil(due_at))


def endpoint_sk(webhook_id: str) -> str:
    return f"{ENDPOINT_PREFIX}{webhook_id}"


def delivery_pk(tenant_id: str, webhook_id: str) -> str:
    return f"{tenant_pk(tenant_id)}#{ENDPOINT_PREFIX}{webhook_id}"


def delivery_sk(delivery_id: str) -> str:
    return f"{DELIVERY_PREFIX}{delivery_id}"


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
