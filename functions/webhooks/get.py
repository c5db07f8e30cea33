"""GET /api/tenant/webhooks/{webhookId}: one endpoint (never its secret)."""

from hub.http import create_app, lambda_entry
from hub.http.context import current_principal
from hub.webhooks.models import WebhookView
from hub.webhooks.service import get_endpoint

app = create_app()


@app.get("/api/tenant/webhooks/<webhookId>", summary="Webhooks: get an endpoint", tags=["webhooks"])
def get_webhook(webhookId: str) -> WebhookView:
    return get_endpoint(current_principal().tenant_id, webhookId)


handler = lambda_entry(app)
