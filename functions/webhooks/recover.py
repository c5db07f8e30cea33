"""POST /api/tenant/webhooks/{webhookId}/recover: resend every failed delivery since a time (a job)."""

from typing import Annotated

from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal
from hub.webhooks.models import RecoverJobView, RecoverRequest
from hub.webhooks.recovery import start_recovery

app = create_app()


@app.post("/api/tenant/webhooks/<webhookId>/recover", status_code=202,
          summary="Webhooks: resend failed deliveries since a time", tags=["webhooks"])
def post_recover(webhookId: str, body: Annotated[RecoverRequest, Body()]) -> RecoverJobView:
    return start_recovery(current_principal().tenant_id, webhookId, body)


handler = lambda_entry(app)
