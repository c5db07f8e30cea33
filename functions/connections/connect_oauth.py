"""POST /api/tenant/integrations/{id}/connect/oauth: start the OAuth authorization code flow."""

from typing import Annotated

from hub.connections.answers import OAuthStarted
from hub.connections.models import OAuthStartRequest
from hub.connections.oauth import start_oauth
from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.post("/api/tenant/integrations/<id>/connect/oauth", summary="Start the OAuth flow (authorization URL + state)",
          tags=["connections"])
def post_connect_oauth(id: str, body: Annotated[OAuthStartRequest, Body()]) -> OAuthStarted:
    return OAuthStarted.model_validate(start_oauth(current_principal(), id, return_url=body.returnUrl,
                                                   scopes=body.scopes, metadata=body.metadata,
                                                   redirect_uri=body.redirectUri))


handler = lambda_entry(app)
