"""PATCH /api/tenant/webhooks/{webhookId}: change url, events, filter, description, metadata, status."""

from typing import Annotated

from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal
from hub.webhooks.models import WebhookUpdate, WebhookView
from hub.webhooks.service import update_endpoint

app = create_app()


@app.patch("/api/tenant/webhooks/<webhookId>", summary="Webhooks: update an endpoint", tags=["webhooks"])
def patch_webhook(webhookId: str, body: Annotated[WebhookUpdate, Body()]) -> WebhookView:
    return update_endpoint(current_principal().tenant_id, webhookId, body)


handler = lambda_entry(app)
