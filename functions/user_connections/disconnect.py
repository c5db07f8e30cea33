"""POST /api/user/integrations/{id}/disconnect: revoke and delete the caller's own connection."""

from hub.connections.answers import Disconnected
from hub.connections.disconnect import disconnect
from hub.http import create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.post("/api/user/integrations/<id>/disconnect", summary="Disconnect my connection", tags=["user_connections"])
def post_user_disconnect(id: str) -> Disconnected:
    return Disconnected.model_validate(disconnect(current_principal(), id, user_scoped=True))


handler = lambda_entry(app)
