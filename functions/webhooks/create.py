"""POST /api/tenant/webhooks: register an endpoint; the answer carries its signing secret, once."""

from typing import Annotated

from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal
from hub.webhooks.models import WebhookCreate, WebhookCreated
from hub.webhooks.service import create_endpoint

app = create_app()


@app.post("/api/tenant/webhooks", status_code=201, summary="Webhooks: register an endpoint", tags=["webhooks"])
def post_webhook(body: Annotated[WebhookCreate, Body()]) -> WebhookCreated:
    return create_endpoint(current_principal().tenant_id, body)


handler = lambda_entry(app)
