"""GET /api/admin/tenants/{tenantId}/integrations: a super admin reads any tenant's instances."""

from hub.http import create_app, lambda_entry
from hub.http.app import parse_query
from hub.integrations.models import IntegrationListParams
from hub.integrations.service import list_integrations

app = create_app()


@app.get("/api/admin/tenants/<tenantId>/integrations", summary="List a tenant's integration instances",
         tags=["integrations"])
def get_tenant_integrations(tenantId: str) -> dict:
    return list_integrations(tenantId, parse_query(app, IntegrationListParams))


handler = lambda_entry(app)
