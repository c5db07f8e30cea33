"""GET /api/admin/tenants/{tenantId}/integrations: a super admin reads any tenant's instances."""

from typing import Annotated

from hub.http import Query, create_app, lambda_entry
from hub.integrations.models import IntegrationList, IntegrationListParams
from hub.integrations.service import list_integrations

app = create_app()


@app.get("/api/admin/tenants/<tenantId>/integrations", summary="List a tenant's integration instances",
         tags=["integrations"])
def get_tenant_integrations(tenantId: str, query: Annotated[IntegrationListParams, Query()]) -> IntegrationList:
    return IntegrationList.model_validate(list_integrations(tenantId, query))


handler = lambda_entry(app)
