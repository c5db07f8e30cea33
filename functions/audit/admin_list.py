"""GET /api/admin/audit-logs: every tenant's audit trail (filter by tenantId)."""

from hub.audit_service import AdminAuditListParams, list_audit_logs
from hub.http import create_app, lambda_entry
from hub.http.app import parse_query

app = create_app()


@app.get("/api/admin/audit-logs", summary="The audit trail of all tenants", tags=["audit"])
def get_audit_logs() -> dict:
    params = parse_query(app, AdminAuditListParams)
    return list_audit_logs(params, tenant_id=params.tenantId)


handler = lambda_entry(app)
