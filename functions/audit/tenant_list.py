"""GET /api/tenant/audit-logs: the caller's tenant's audit trail."""

from hub.audit_service import AuditListParams, list_audit_logs
from hub.http import create_app, lambda_entry
from hub.http.app import parse_query
from hub.http.context import current_principal

app = create_app()


@app.get("/api/tenant/audit-logs", summary="The tenant's audit trail", tags=["audit"])
def get_audit_logs() -> dict:
    return list_audit_logs(parse_query(app, AuditListParams), tenant_id=current_principal().tenant_id)


handler = lambda_entry(app)
