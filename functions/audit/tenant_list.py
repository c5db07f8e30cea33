"""GET /api/tenant/audit-logs: the caller's tenant's audit trail."""

from typing import Annotated

from hub.audit_service import AuditListParams, AuditPage, list_audit_logs
from hub.http import Query, create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.get("/api/tenant/audit-logs", summary="The tenant's audit trail", tags=["audit"])
def get_audit_logs(query: Annotated[AuditListParams, Query()]) -> AuditPage:
    return list_audit_logs(query, tenant_id=current_principal().tenant_id)


handler = lambda_entry(app)
