"""GET /api/tenant/webhooks/{webhookId}/stats: delivery statistics for a dashboard."""

from typing import Annotated

from hub.http import Query, create_app, lambda_entry
from hub.http.context import current_principal
from hub.webhooks.models import EndpointStats, StatsParams
from hub.webhooks.service import endpoint_stats

app = create_app()


@app.get("/api/tenant/webhooks/<webhookId>/stats", summary="Webhooks: delivery statistics", tags=["webhooks"])
def get_stats(webhookId: str, query: Annotated[StatsParams, Query()]) -> EndpointStats:
    return endpoint_stats(current_principal().tenant_id, webhookId, query)


handler = lambda_entry(app)
