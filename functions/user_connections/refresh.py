"""POST /api/user/integrations/{id}/connection/refresh: renew my own token now (`force`) or when due."""

from typing import Annotated

from hub.connections.answers import RefreshResult
from hub.connections.models import RefreshRequest
from hub.connections.operations import refresh_now
from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.post("/api/user/integrations/<id>/connection/refresh", summary="Refresh my connection's token",
          tags=["user_connections"])
def post_user_refresh(id: str, body: Annotated[RefreshRequest | None, Body()] = None) -> RefreshResult:
    refreshed = refresh_now(current_principal(), id, force=bool(body and body.force), user_scoped=True)
    return RefreshResult.model_validate(refreshed)


handler = lambda_entry(app)
