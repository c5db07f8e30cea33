"""POST /api/tenant/webhooks/{webhookId}/deliveries/{deliveryId}/retry: send a delivery again now."""

from hub.http import create_app, lambda_entry
from hub.http.context import current_principal
from hub.webhooks.models import DeliveryView
from hub.webhooks.service import retry_delivery

app = create_app()


@app.post("/api/tenant/webhooks/<webhookId>/deliveries/<deliveryId>/retry",
          summary="Webhooks: retry a delivery", tags=["webhooks"])
def post_retry(webhookId: str, deliveryId: str) -> DeliveryView:
    return retry_delivery(current_principal().tenant_id, webhookId, deliveryId)


handler = lambda_entry(app)
