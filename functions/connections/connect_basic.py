"""POST /api/tenant/integrations/{id}/connect/basic: verify a username and password, then store them."""

from typing import Annotated

from hub.connections.answers import Connected
from hub.connections.connect import connect_with_credentials
from hub.connections.models import BasicConnectRequest
from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.post("/api/tenant/integrations/<id>/connect/basic", summary="Connect with basic auth", tags=["connections"])
def post_connect_basic(id: str, body: Annotated[BasicConnectRequest, Body()]) -> Connected:
    given = {**(body.credentials or {}), "username": body.username, "password": body.password.get_secret_value()}
    connected = connect_with_credentials(current_principal(), id, "basic", given, display_name=body.displayName)
    return Connected.model_validate(connected)


handler = lambda_entry(app)
