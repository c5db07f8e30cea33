"""Recover jobs and their requeued deliveries in the single table.

Job   pk TENANT#{tenantId}   sk WHRECOVER#{webhookId}#{jobId}
      while queued or running it carries gsi2pk DUE#webhook-recover#{shard} / gsi2sk {dueAt}#{id}
      (the sparse due index the recover worker queries); the keys go when the job is done.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hub.repository import ConditionFailed, Repository
from hub.table import GSI2, GSI2_PK, GSI2_SK, due_keys, due_partitions, tenant_pk
from hub.webhooks.repository import DELIVERY_PREFIX, RECOVER_PREFIX, delivery_pk, due_index_keys, recover_sk

RECOVER_KIND = "webhook-recover"


def recover_due_keys(job_id: str, due_at: float) -> dict[str, str]:
    return due_keys(RECOVER_KIND, job_id, due_at)


class RecoveryRepository(Repository):
    def create_job(self, item: dict[str, Any]) -> None:
        self.put_new(item)

    def get_job(self, tenant_id: str, webhook_id: str, job_id: str) -> dict[str, Any] | None:
        return self.get(tenant_pk(tenant_id), recover_sk(webhook_id, job_id))

    def list_jobs(self, tenant_id: str, webhook_id: str) -> list[dict[str, Any]]:
        return self.query_all(tenant_pk(tenant_id), sk_prefix=f"{RECOVER_PREFIX}{webhook_id}#", max_items=100)

    def due_jobs(self, now: float, limit: int = 20) -> list[dict[str, Any]]:
        upper = f"{int(now):012d}#~"
        found: list[dict[str, Any]] = []
        for partition in due_partitions(RECOVER_KIND):
            found.extend(self.iter_query(partition, index=GSI2, sk_between=("0", upper), max_items=limit))
        found.sort(key=lambda item: item.get(GSI2_SK, ""))
        return found[:limit]

    def save_progress(self, job: dict[str, Any], fields: dict[str, Any], *, done: bool, lease_until: float) -> bool:
        """Store a page's progress, only if nobody else advanced the job meanwhile (`page`)."""
        seen = int(job.get("page", 0))
        set_fields = {**fields, "page": seen + 1}
        if not done:
            set_fields.update(recover_due_keys(job["id"], lease_until))
        try:
            self.update(job["pk"], job["sk"], set_fields=set_fields,
                        remove_fields=[GSI2_PK, GSI2_SK] if done else [],
                        condition="#page = :seen", names={"#page": "page"}, values={":seen": seen})
        except ConditionFailed:
            return False
        return True

    def delivery_page(
        self, tenant_id: str, webhook_id: str, cursor: dict[str, Any] | None, size: int
    ) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        """One page of the endpoint's deliveries, newest first."""
        return self.query(delivery_pk(tenant_id, webhook_id), sk_prefix=DELIVERY_PREFIX, forward=False,
                          limit=size, start_key=cursor)

    def requeue(self, deliveries: Sequence[dict[str, Any]], *, due_at: float, now_iso: str, job_id: str) -> int:
        """Put failed deliveries back in the due index for one more attempt each; a delivery that
        changed meanwhile is left alone. Answers how many were requeued."""
        requeued = 0
        for delivery in deliveries:
            try:
                self.update(
                    delivery["pk"], delivery["sk"],
                    set_fields={"status": "retrying", "nextAttemptAt": now_iso, "updatedAt": now_iso,
                                "recoveredBy": job_id, **due_index_keys(delivery["id"], due_at)},
                    condition="#attempts = :seen AND #status = :failed",
                    names={"#attempts": "attempts", "#status": "status"},
                    values={":seen": int(delivery.get("attempts", 0)), ":failed": "failed"},
                    return_new=False,
                )
            except ConditionFailed:
                continue
            requeued += 1
        return requeued
