"""POST /api/tenant/integrations/{id}/connect/oauth/exchange: exchange a code the frontend received."""

from typing import Annotated

from hub.connections.answers import ConnectionStatusView
from hub.connections.models import OAuthExchangeRequest
from hub.connections.oauth import exchange_for_integration
from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.post("/api/tenant/integrations/<id>/connect/oauth/exchange", summary="Exchange an authorization code",
          tags=["connections"])
def post_exchange(id: str, body: Annotated[OAuthExchangeRequest, Body()]) -> ConnectionStatusView:
    connection = exchange_for_integration(current_principal(), id, code=body.code.get_secret_value(),
                                          redirect_uri=body.redirectUri, state=body.state, iss=body.iss)
    return ConnectionStatusView.model_validate(connection)


handler = lambda_entry(app)
