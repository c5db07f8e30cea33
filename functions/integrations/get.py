"""GET /api/tenant/integrations/{id}."""

from hub.http import create_app, lambda_entry
from hub.http.context import current_principal
from hub.integrations.models import IntegrationView
from hub.integrations.records import get_integration

app = create_app()


@app.get("/api/tenant/integrations/<id>", summary="Get an integration instance", tags=["integrations"])
def get_one(id: str) -> IntegrationView:
    return IntegrationView.model_validate(get_integration(current_principal().tenant_id, id))


handler = lambda_entry(app)
