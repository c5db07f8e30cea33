"""GET /api/tenant/integrations/{id}/sync-logs: the integration's sync history (newest first)."""

from typing import Annotated

from hub.http import Query, create_app, lambda_entry
from hub.http.context import current_principal
from hub.jobs.answers import SyncLogList
from hub.jobs.sync_logs import SyncLogListParams, list_sync_logs

app = create_app()


@app.get("/api/tenant/integrations/<id>/sync-logs", summary="Sync logs of an integration", tags=["sync"])
def get_sync_logs(id: str, query: Annotated[SyncLogListParams, Query()]) -> SyncLogList:
    return SyncLogList.model_validate(list_sync_logs(current_principal().tenant_id, id, query))


handler = lambda_entry(app)
