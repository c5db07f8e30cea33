"""DELETE /api/tenant/webhooks/{webhookId}: remove an endpoint; its pending retries stop."""

from hub.http import Response, create_app, lambda_entry
from hub.http.context import current_principal
from hub.webhooks.service import delete_endpoint

app = create_app()


@app.delete("/api/tenant/webhooks/<webhookId>", status_code=204, summary="Webhooks: delete an endpoint",
            tags=["webhooks"])
def delete_webhook(webhookId: str) -> Response[None]:
    delete_endpoint(current_principal().tenant_id, webhookId)
    return Response(status_code=204)


handler = lambda_entry(app)
