"""POST /api/tenant/integrations/{id}/deactivate."""

from hub.http import create_app, lambda_entry
from hub.http.context import current_principal
from hub.integrations.models import IntegrationDeactivated
from hub.integrations.service import deactivate_integration

app = create_app()


@app.post("/api/tenant/integrations/<id>/deactivate", summary="Deactivate an integration", tags=["integrations"])
def post_deactivate(id: str) -> IntegrationDeactivated:
    return IntegrationDeactivated.model_validate(deactivate_integration(current_principal(), id))


handler = lambda_entry(app)
