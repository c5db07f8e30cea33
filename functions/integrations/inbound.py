"""An integration's own webhook intake (tenant admin), one function for both routes:
- GET /api/tenant/integrations/{id}/inbound-webhooks: its intake URL and whether its signing
  secret is stored (never the secret);
- PUT the same: store the signing secret of the provider account that sends its webhooks."""

from typing import Annotated

from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal
from hub.inbound.intakes import integration_intake, set_integration_secret
from hub.inbound.models import IntegrationIntakeView, IntegrationKeysUpdate

app = create_app()


@app.get("/api/tenant/integrations/<id>/inbound-webhooks", summary="An integration's own webhook intake",
         tags=["integrations"])
def get_inbound(id: str) -> IntegrationIntakeView:
    return integration_intake(current_principal(), id)


@app.put("/api/tenant/integrations/<id>/inbound-webhooks", summary="Set an integration's webhook signing secret",
         tags=["integrations"])
def put_inbound(id: str, body: Annotated[IntegrationKeysUpdate, Body()]) -> IntegrationIntakeView:
    return set_integration_secret(current_principal(), id, body)


handler = lambda_entry(app)
