"""GET /api/tenant/integrations/{id}/health: one integration's health, latest check and history."""

from typing import Annotated

from hub.http import Query, create_app, lambda_entry
from hub.http.context import current_principal
from hub.jobs.answers import IntegrationHealthHistory
from hub.jobs.health_views import HealthHistoryParams, integration_health

app = create_app()


@app.get("/api/tenant/integrations/<id>/health", summary="Health of one integration", tags=["health"])
def get_health(id: str, query: Annotated[HealthHistoryParams, Query()]) -> IntegrationHealthHistory:
    return IntegrationHealthHistory.model_validate(integration_health(current_principal().tenant_id, id, query))


handler = lambda_entry(app)
