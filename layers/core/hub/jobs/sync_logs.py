"""Sync logs: how each sync run is recorded, and the list route that reads them back.

    pk TENANT#{t}   sk SYNCLOG#{integrationId}#{logId}   ttl sync_log_retention_days

Apart from the sync itself (hub/jobs/sync.py) so that the handlers reading logs (the list route,
the activity widget) do not import the provider-call core at their cold start (bench/imports.py).
"""

from typing import Any, Literal

from hub import clock
from hub.errors import IntegrationNotFound
from hub.integrations.repository import IntegrationRepository
from hub.pagination import ListParams, paginate
from hub.repository import Repository
from hub.settings import get_settings
from hub.table import tenant_pk

SyncStatus = Literal["running", "success", "partial", "failed"]
SyncTrigger = Literal["manual", "scheduled", "event"]
SYNC_STATUSES: tuple[str, ...] = ("running", "success", "partial", "failed")
_MAX_LOGS = 5000


class SyncLogListParams(ListParams):
    status: SyncStatus | None = None
    trigger: SyncTrigger | None = None


def log_prefix(integration_id: str) -> str:
    return f"SYNCLOG#{integration_id}#"


def _public(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in {"pk", "sk", "entity", "ttl"}}


class SyncLogRepository(Repository):
    def create_log(self, log: dict[str, Any]) -> None:
        retention = get_settings().sync_log_retention_days * 86400
        self.put({"pk": tenant_pk(log["tenantId"]), "sk": log_prefix(log["integrationId"]) + log["id"],
                  "entity": "sync-log", "ttl": int(clock.now()) + retention, **log})

    def finish_log(self, log: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
        item = self.update(tenant_pk(log["tenantId"]), log_prefix(log["integrationId"]) + log["id"],
                           set_fields=fields)
        return _public(item or {**log, **fields})

    def list_logs(self, tenant_id: str, integration_id: str) -> list[dict[str, Any]]:
        """Newest first (log ids are time-ordered)."""
        items = self.query_all(tenant_pk(tenant_id), sk_prefix=log_prefix(integration_id), forward=False,
                               max_items=_MAX_LOGS)
        return [_public(i) for i in items]


def list_sync_logs(tenant_id: str, integration_id: str, params: SyncLogListParams) -> dict[str, Any]:
    if IntegrationRepository().get_integration(tenant_id, integration_id) is None:
        raise IntegrationNotFound(details={"id": integration_id})
    logs = [
        log for log in SyncLogRepository().list_logs(tenant_id, integration_id)
        if (not params.status or log.get("status") == params.status)
        and (not params.trigger or log.get("trigger") == params.trigger)
    ]
    if params.sortOrder == "asc":
        logs.reverse()
    return paginate(logs, params, key="syncLogs")
