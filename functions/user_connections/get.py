"""GET /api/user/integrations/{id}/connection: the caller's own connection status."""

from hub.connections.answers import UserConnection
from hub.connections.user import get_user_connection
from hub.http import create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.get("/api/user/integrations/<id>/connection", summary="Get my connection status", tags=["user_connections"])
def get_user_connection_status(id: str) -> UserConnection:
    return UserConnection.model_validate(get_user_connection(current_principal(), id))


handler = lambda_entry(app)
