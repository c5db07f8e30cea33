"""GET /api/user/integrations: the tenant's user-scoped integrations with the caller's own connections."""

from typing import Annotated

from hub.connections.answers import UserIntegrationList
from hub.connections.models import UserIntegrationListParams
from hub.connections.user import list_user_integrations
from hub.http import Query, create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.get("/api/user/integrations", summary="List my integrations and connections", tags=["user_connections"])
def get_user_integrations(query: Annotated[UserIntegrationListParams, Query()]) -> UserIntegrationList:
    return UserIntegrationList.model_validate(list_user_integrations(current_principal(), query))


handler = lambda_entry(app)
