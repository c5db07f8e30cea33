"""GET /api/tenant/webhooks/{webhookId}/deliveries: delivery history with attempts, paginated."""

from typing import Annotated

from hub.http import Query, create_app, lambda_entry
from hub.http.context import current_principal
from hub.webhooks.models import DeliveryList, DeliveryListParams
from hub.webhooks.service import list_deliveries

app = create_app()


@app.get("/api/tenant/webhooks/<webhookId>/deliveries", summary="Webhooks: list deliveries", tags=["webhooks"])
def get_deliveries(webhookId: str, query: Annotated[DeliveryListParams, Query()]) -> DeliveryList:
    return list_deliveries(current_principal().tenant_id, webhookId, query)


handler = lambda_entry(app)
