"""PATCH /api/tenant/integrations/{id}: partial update (not status, tenant or provider)."""

from typing import Annotated

from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal
from hub.integrations.models import IntegrationUpdate, IntegrationView
from hub.integrations.service import update_integration

app = create_app()


@app.patch("/api/tenant/integrations/<id>", summary="Update an integration instance", tags=["integrations"])
def patch_one(id: str, body: Annotated[IntegrationUpdate, Body()]) -> IntegrationView:
    return IntegrationView.model_validate(update_integration(current_principal().tenant_id, id, body))


handler = lambda_entry(app)
