"""GET /api/tenant/integrations/{id}/inbound-webhooks: the integration's own intake URL and
whether its signing secret is stored (never the secret)."""

from hub.http import create_app, lambda_entry
from hub.http.context import current_principal
from hub.inbound.intakes import integration_intake
from hub.inbound.models import IntegrationIntakeView

app = create_app()


@app.get("/api/tenant/integrations/<id>/inbound-webhooks", summary="An integration's own webhook intake",
         tags=["integrations"])
def get_inbound(id: str) -> IntegrationIntakeView:
    return integration_intake(current_principal(), id)


handler = lambda_entry(app)
