"""GET /api/tenant/integrations/{id}/connection: the connection's status (never a credential)."""

from hub.connections.answers import ConnectionStatusView
from hub.connections.status import get_connection_status
from hub.http import create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.get("/api/tenant/integrations/<id>/connection", summary="Get the connection status", tags=["connections"])
def get_connection(id: str) -> ConnectionStatusView:
    return ConnectionStatusView.model_validate(get_connection_status(current_principal(), id))


handler = lambda_entry(app)
