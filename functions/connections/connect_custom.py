"""POST /api/tenant/integrations/{id}/connect/custom: provider-specific credentials (AWS role,
service account key, client credentials), verified first."""

from typing import Annotated

from hub.connections.answers import Connected
from hub.connections.connect import connect_with_credentials
from hub.connections.models import CustomConnectRequest
from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.post("/api/tenant/integrations/<id>/connect/custom", summary="Connect with custom credentials",
          tags=["connections"])
def post_connect_custom(id: str, body: Annotated[CustomConnectRequest, Body()]) -> Connected:
    return Connected.model_validate(connect_with_credentials(current_principal(), id, "custom", body.credentials,
                                                             display_name=body.displayName))


handler = lambda_entry(app)
