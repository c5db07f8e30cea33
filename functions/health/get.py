"""GET /api/tenant/integrations/{id}/health: one integration's health, latest check and history."""

from hub.http import create_app, lambda_entry
from hub.http.app import parse_query
from hub.http.context import current_principal
from hub.jobs.health import HealthHistoryParams, integration_health

app = create_app()


@app.get("/api/tenant/integrations/<id>/health", summary="Health of one integration", tags=["health"])
def get_health(id: str) -> dict:
    return integration_health(current_principal().tenant_id, id, parse_query(app, HealthHistoryParams))


handler = lambda_entry(app)
