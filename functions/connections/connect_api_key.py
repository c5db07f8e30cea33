"""POST /api/tenant/integrations/{id}/connect/api-key: verify an API key, then store it."""

from typing import Annotated

from hub.connections.answers import Connected
from hub.connections.connect import connect_with_credentials
from hub.connections.models import ApiKeyConnectRequest
from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.post("/api/tenant/integrations/<id>/connect/api-key", summary="Connect with an API key", tags=["connections"])
def post_connect_api_key(id: str, body: Annotated[ApiKeyConnectRequest, Body()]) -> Connected:
    given = {**(body.credentials or {}), "apiKey": body.apiKey.get_secret_value()}
    connected = connect_with_credentials(current_principal(), id, "api_key", given, display_name=body.displayName)
    return Connected.model_validate(connected)


handler = lambda_entry(app)
