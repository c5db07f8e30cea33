"""The audit trail: one record per successful mutation, readable per tenant and globally.

A tenant's records live in its partition (`TENANT#{t}` / `AUDIT#{time-ordered id}`). For super
admins every record is also in GSI1 under its hour (`AUDIT#{yyyy-mm-ddTHH}`, sort key
`{createdAt}#{id}`): the writes of one hour share a partition key and the next hour starts a new
one, so the global trail never piles into one partition, and a page is read hour by hour, newest
first, reading only what the page needs (hub/audit_service.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hub import clock
from hub.ids import new_id
from hub.redaction import redact
from hub.repository import Repository
from hub.settings import get_settings
from hub.table import GSI1, GSI1_PK, GSI1_SK, tenant_pk

AUDIT_PREFIX = "AUDIT#"
HOUR = 3600


def hour_bucket(iso: str) -> str:
    """The GSI1 partition of a record created at `iso` (its hour, UTC)."""
    return f"{AUDIT_PREFIX}{iso[:13]}"


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
    def write(self, **fields: Any) -> dict[str, Any]:
        return self.store(self.build(**fields))

    def store(self, record: dict[str, Any]) -> dict[str, Any]:
        """A record made by `build` (each has a new id: nothing to overwrite)."""
        self.put(record)
        return record

    def build(
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
        created = clock.iso(now)
        change_list = [
            {
                "targetType": c.get("targetType"),
                "targetId": c.get("targetId"),
                "diff": diff(c.get("before"), c.get("after")),
            }
            for c in changes
        ]
        # every id the record is about, flat, so that a targetId filter is one `contains`
        target_ids = {str(c["targetId"]) for c in change_list if c.get("targetId")}
        target_ids |= {str(v) for v in (target.get("pathParameters") or {}).values()}
        record = {
            "pk": tenant_pk(tenant_id),
            "sk": f"{AUDIT_PREFIX}{audit_id}",
            GSI1_PK: hour_bucket(created),
            GSI1_SK: f"{created}#{audit_id}",
            "entity": "audit",
            "id": audit_id,
            "tenantId": tenant_id,
            "actor": actor,
            "action": action,
            "target": redact(target),
            "changes": change_list,
            "targetIds": sorted(target_ids),
            "requestId": request_id,
            "statusCode": status_code,
            "sourceIp": source_ip,
            "createdAt": created,
            "ttl": int(now + get_settings().audit_retention_days * 86400),
        }
        return record

    def list_for_tenant(self, tenant_id: str, max_items: int = 5000) -> list[dict[str, Any]]:
        return self.query_all(tenant_pk(tenant_id), sk_prefix=AUDIT_PREFIX, forward=False, max_items=max_items)

    def page_of_tenant(self, tenant_id: str, *, limit: int, newest_first: bool, start_key: dict[str, Any] | None,
                       where: Filter) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        """One Query: at most `limit` records of the tenant read, those matching returned."""
        return self.query(tenant_pk(tenant_id), sk_prefix=AUDIT_PREFIX, limit=limit, forward=not newest_first,
                          start_key=start_key, filter_expression=where.expression,
                          expression_values=where.values, expression_names=where.names)

    def page_of_hour(self, bucket: str, *, limit: int, newest_first: bool, start_key: dict[str, Any] | None,
                     where: Filter, created_between: tuple[str, str]) -> tuple[list[dict[str, Any]],
                                                                            dict[str, Any] | None]:
        """One Query of one hour of every tenant's records (GSI1)."""
        return self.query(bucket, index=GSI1, sk_between=created_between, limit=limit, forward=not newest_first,
                          start_key=start_key, filter_expression=where.expression,
                          expression_values=where.values, expression_names=where.names)


@dataclass(frozen=True)
class Filter:
    """A DynamoDB filter expression with its placeholders (empty: no filter)."""

    expression: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)


def public_view(record: dict[str, Any]) -> dict[str, Any]:
    hidden = {"pk", "sk", GSI1_PK, GSI1_SK, "entity", "ttl", "targetIds"}
    return {k: v for k, v in record.items() if k not in hidden}
