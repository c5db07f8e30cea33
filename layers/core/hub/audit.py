"""The audit trail: one record per successful mutation, readable per tenant and globally."""

from __future__ import annotations

from typing import Any

from hub import clock
from hub.ids import new_id
from hub.redaction import redact
from hub.repository import Repository
from hub.settings import get_settings
from hub.table import GSI1, GSI1_PK, GSI1_SK, tenant_pk

AUDIT_ALL_PK = "AUDIT#ALL"


def diff(before: dict[str, Any] | None, after: dict[str, Any] | None) -> dict[str, Any]:
    """Field-level changes between two views of a record, secrets masked."""
    before = before or {}
    after = after or {}
    changes: dict[str, Any] = {}
    for field_name in sorted(set(before) | set(after)):
        old, new = before.get(field_name), after.get(field_name)
        if old != new:
            changes[field_name] = {"from": old, "to": new}
    return redact(changes)


class AuditRepository(Repository):
    def write(
        self,
        *,
        tenant_id: str,
        actor: dict[str, Any],
        action: str,
        target: dict[str, Any],
        request_id: str,
        changes: list[dict[str, Any]],
        status_code: int,
        source_ip: str | None = None,
    ) -> dict[str, Any]:
        audit_id = new_id("aud")
        now = clock.now()
        record = {
            "pk": tenant_pk(tenant_id),
            "sk": f"AUDIT#{audit_id}",
            GSI1_PK: AUDIT_ALL_PK,
            GSI1_SK: audit_id,
            "entity": "audit",
            "id": audit_id,
            "tenantId": tenant_id,
            "actor": actor,
            "action": action,
            "target": redact(target),
            "changes": [
                {
                    "targetType": c.get("targetType"),
                    "targetId": c.get("targetId"),
                    "diff": diff(c.get("before"), c.get("after")),
                }
                for c in changes
            ],
            "requestId": request_id,
            "statusCode": status_code,
            "sourceIp": source_ip,
            "createdAt": clock.iso(now),
            "ttl": int(now + get_settings().audit_retention_days * 86400),
        }
        self.put(record)
        return record

    def list_for_tenant(self, tenant_id: str, max_items: int = 5000) -> list[dict[str, Any]]:
        return self.query_all(tenant_pk(tenant_id), sk_prefix="AUDIT#", forward=False, max_items=max_items)

    def list_all(self, max_items: int = 5000) -> list[dict[str, Any]]:
        return self.query_all(AUDIT_ALL_PK, index=GSI1, forward=False, max_items=max_items)


def public_view(record: dict[str, Any]) -> dict[str, Any]:
    hidden = {"pk", "sk", GSI1_PK, GSI1_SK, "entity", "ttl"}
    return {k: v for k, v in record.items() if k not in hidden}
