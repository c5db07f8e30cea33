"""GET /api/tenant/webhooks/{webhookId}/recover/{jobId}: a recover job's progress."""

from hub.http import create_app, lambda_entry
from hub.http.context import current_principal
from hub.webhooks.models import RecoverJobView
from hub.webhooks.recovery import get_recovery

app = create_app()


@app.get("/api/tenant/webhooks/<webhookId>/recover/<jobId>", summary="Webhooks: a recover job's progress",
         tags=["webhooks"])
def get_recover_job(webhookId: str, jobId: str) -> RecoverJobView:
    return get_recovery(current_principal().tenant_id, webhookId, jobId)


handler = lambda_entry(app)
