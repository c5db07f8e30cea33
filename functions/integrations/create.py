"""POST /api/tenant/integrations: create an instance of a provider for the caller's tenant."""

from typing import Annotated

from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal
from hub.integrations.models import IntegrationCreate, IntegrationView
from hub.integrations.service import create_integration

app = create_app()


@app.post("/api/tenant/integrations", status_code=201, summary="Create an integration instance",
          tags=["integrations"])
def post_integration(body: Annotated[IntegrationCreate, Body()]) -> IntegrationView:
    return IntegrationView.model_validate(create_integration(current_principal(), body))


handler = lambda_entry(app)
