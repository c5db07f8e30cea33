"""GET /api/tenant/integrations: the tenant's instances (status / providerName / search)."""

from typing import Annotated

from hub.http import Query, create_app, lambda_entry
from hub.http.context import current_principal
from hub.integrations.models import IntegrationList, IntegrationListParams
from hub.integrations.service import list_integrations

app = create_app()


@app.get("/api/tenant/integrations", summary="List integration instances", tags=["integrations"])
def get_integrations(query: Annotated[IntegrationListParams, Query()]) -> IntegrationList:
    return IntegrationList.model_validate(list_integrations(current_principal().tenant_id, query))


handler = lambda_entry(app)
