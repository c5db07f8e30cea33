"""PUT /api/tenant/integrations/{id}/inbound-webhooks: store the signing secret of the provider
app or account that sends this integration's webhooks (sealed in the table)."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Body

from hub.http import create_app, lambda_entry
from hub.http.context import current_principal
from hub.inbound.intakes import set_integration_secret
from hub.inbound.models import IntegrationIntakeView, IntegrationKeysUpdate

app = create_app()


@app.put("/api/tenant/integrations/<id>/inbound-webhooks", summary="Set an integration's webhook signing secret",
         tags=["integrations"])
def put_inbound(id: str, body: Annotated[IntegrationKeysUpdate, Body()]) -> IntegrationIntakeView:
    return set_integration_secret(current_principal(), id, body)


handler = lambda_entry(app)
