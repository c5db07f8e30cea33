"""POST /api/tenant/integrations/{id}/sync: run the provider's sync request now and log it."""

from typing import Annotated

from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal
from hub.jobs.answers import SyncLog
from hub.jobs.sync import SyncRequest, run_sync

app = create_app()


@app.post("/api/tenant/integrations/<id>/sync", summary="Run a manual sync", tags=["sync"])
def post_sync(id: str, body: Annotated[SyncRequest | None, Body()] = None) -> SyncLog:
    principal = current_principal()
    log = run_sync(principal.tenant_id, id, trigger="manual", user_id=body.userId if body else None,
                   actor=principal.user_id)
    return SyncLog.model_validate(log)


handler = lambda_entry(app)
