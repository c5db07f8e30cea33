"""GET /api/tenant/integrations/health: every integration of the tenant with its health."""

from hub.http import create_app, lambda_entry
from hub.http.app import parse_query
from hub.http.context import current_principal
from hub.jobs.health import HealthListParams, integrations_health

app = create_app()


@app.get("/api/tenant/integrations/health", summary="Health of all integrations", tags=["health"])
def get_all_health() -> dict:
    return integrations_health(current_principal().tenant_id, parse_query(app, HealthListParams))


handler = lambda_entry(app)
