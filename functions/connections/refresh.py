"""POST /api/tenant/integrations/{id}/connection/refresh: renew the token now (`force`) or when due."""

from typing import Annotated

from hub.connections.answers import RefreshResult
from hub.connections.models import RefreshRequest
from hub.connections.operations import refresh_now
from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.post("/api/tenant/integrations/<id>/connection/refresh", summary="Refresh the connection's token",
          tags=["connections"])
def post_refresh(id: str, body: Annotated[RefreshRequest | None, Body()] = None) -> RefreshResult:
    return RefreshResult.model_validate(refresh_now(current_principal(), id, force=bool(body and body.force)))


handler = lambda_entry(app)
