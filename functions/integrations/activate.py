"""POST /api/tenant/integrations/{id}/activate."""

from hub.http import create_app, lambda_entry
from hub.http.context import current_principal
from hub.integrations.models import IntegrationActivated
from hub.integrations.service import activate_integration

app = create_app()


@app.post("/api/tenant/integrations/<id>/activate", summary="Activate an integration", tags=["integrations"])
def post_activate(id: str) -> IntegrationActivated:
    return IntegrationActivated.model_validate(activate_integration(current_principal(), id))


handler = lambda_entry(app)
