"""Reading the audit trail: per tenant (tenant admins) or across tenants (super admins)."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from hub.audit import AuditRepository, public_view
from hub.pagination import ListParams, paginate


class AuditListParams(ListParams):
    action: str | None = Field(default=None, max_length=100, description="Exact action, or a prefix ending in '.'")
    actorId: str | None = Field(default=None, max_length=128)
    targetId: str | None = Field(default=None, max_length=128)
    from_: str | None = Field(default=None, alias="from", max_length=40, description="ISO time, inclusive")
    to: str | None = Field(default=None, max_length=40, description="ISO time, exclusive")


class AdminAuditListParams(AuditListParams):
    tenantId: str | None = Field(default=None, max_length=64)


def _matches(record: dict[str, Any], params: AuditListParams) -> bool:
    action = record.get("action", "")
    if params.action and not (action == params.action or (params.action.endswith(".")
                                                          and action.startswith(params.action))):
        return False
    if params.actorId and (record.get("actor") or {}).get("userId") != params.actorId:
        return False
    if params.targetId:
        targets = {c.get("targetId") for c in record.get("changes") or []}
        targets |= set(((record.get("target") or {}).get("pathParameters") or {}).values())
        if params.targetId not in targets:
            return False
    created = record.get("createdAt", "")
    if params.from_ and created < params.from_:
        return False
    return not (params.to and created >= params.to)


def list_audit_logs(params: AuditListParams, *, tenant_id: str | None) -> dict[str, Any]:
    repository = AuditRepository()
    records = repository.list_for_tenant(tenant_id) if tenant_id else repository.list_all()
    matching = [r for r in records if _matches(r, params)]  # newest first (time-ordered ids)
    if params.sortOrder == "asc":
        matching.reverse()
    return paginate(matching, params, key="auditLogs", transform=public_view)
