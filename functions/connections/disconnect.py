"""POST /api/tenant/integrations/{id}/disconnect: revoke at the provider, delete the secret."""

from hub.connections.answers import Disconnected
from hub.connections.disconnect import disconnect
from hub.http import create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.post("/api/tenant/integrations/<id>/disconnect", summary="Disconnect the integration", tags=["connections"])
def post_disconnect(id: str) -> Disconnected:
    return Disconnected.model_validate(disconnect(current_principal(), id))


handler = lambda_entry(app)
