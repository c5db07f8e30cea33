"""GET /api/tenant/integrations: the tenant's instances (status / providerName / search)."""

from hub.http import create_app, lambda_entry
from hub.http.app import parse_query
from hub.http.context import current_principal
from hub.integrations.models import IntegrationListParams
from hub.integrations.service import list_integrations

app = create_app()


@app.get("/api/tenant/integrations", summary="List integration instances", tags=["integrations"])
def get_integrations() -> dict:
    return list_integrations(current_principal().tenant_id, parse_query(app, IntegrationListParams))


handler = lambda_entry(app)
