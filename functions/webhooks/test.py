"""POST /api/tenant/webhooks/{webhookId}/test: send a `webhook.test` event now."""

from hub.http import create_app, lambda_entry
from hub.http.context import current_principal
from hub.webhooks.models import DeliveryView
from hub.webhooks.service import send_test

app = create_app()


@app.post("/api/tenant/webhooks/<webhookId>/test", status_code=202, summary="Webhooks: send a test event",
          tags=["webhooks"])
def post_test(webhookId: str) -> DeliveryView:
    return send_test(current_principal().tenant_id, webhookId)


handler = lambda_entry(app)
