"""GET /api/admin/audit-logs: every tenant's audit trail (filter by tenantId)."""

from typing import Annotated

from hub.audit_service import AdminAuditListParams, AuditPage, list_audit_logs
from hub.http import Query, create_app, lambda_entry

app = create_app()


@app.get("/api/admin/audit-logs", summary="The audit trail of all tenants", tags=["audit"])
def get_audit_logs(params: Annotated[AdminAuditListParams, Query()]) -> AuditPage:
    return list_audit_logs(params, tenant_id=params.tenantId)


handler = lambda_entry(app)
