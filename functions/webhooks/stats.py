"""GET /api/tenant/webhooks/{webhookId}/stats: delivery statistics for a dashboard."""

from hub.http import create_app, lambda_entry
from hub.http.app import parse_query
from hub.http.context import current_principal
from hub.webhooks.models import EndpointStats, StatsParams
from hub.webhooks.service import endpoint_stats

app = create_app()


@app.get("/api/tenant/webhooks/<webhookId>/stats", summary="Webhooks: delivery statistics", tags=["webhooks"])
def get_stats(webhookId: str) -> EndpointStats:
    return endpoint_stats(current_principal().tenant_id, webhookId, parse_query(app, StatsParams))


handler = lambda_entry(app)
