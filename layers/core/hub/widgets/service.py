"""Widget data: GET /api/tenant/integrations/{id}/widgets/{status|activity|data}.

Users and tenant admins of the integration's tenant read these (another tenant's integration is
not found). Like search, a widget reads through the caller's connection: the tenant's, or the
caller's own for a user-scoped integration, and it shows that connection's activity only.

- status: the integration's state as a dashboard shows it. `status` is `disabled` when the
  integration is, else follows the connection: `connected` (active), `error` (expired or
  failing), `pending` (none yet, or disconnected); `connectionStatus` is the connection's own
  status (active / expired / error), absent without a live connection.
- activity: connection activity (connect, test, refresh, disconnect, credentials) and sync runs
  in the time range, newest first.
- data: the provider's records (hub/widgets/data.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from hub import clock
from hub.connections.activity import ActivityRepository
from hub.connections.record import effective_status
from hub.integrations.records import get_integration
from hub.jobs.sync_logs import SYNC_STATUSES, log_prefix
from hub.redaction import redact
from hub.repository import Repository
from hub.search.access import caller_connection, caller_user_id, is_enabled
from hub.table import tenant_pk
from hub.widgets.models import TIME_RANGE_SECONDS

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hub.principal import Principal
    from hub.widgets.models import ActivityParams

# how far back the activity widget reads each source (newest first)
MAX_SCANNED = 1000


def integration_of(principal: Principal, integration_id: str) -> dict[str, Any]:
    return get_integration(principal.tenant_id, integration_id)


def _sync_logs(tenant_id: str, integration_id: str) -> list[dict[str, Any]]:
    return Repository().query_all(tenant_pk(tenant_id), sk_prefix=log_prefix(integration_id), forward=False,
                                  max_items=MAX_SCANNED)


# ---- status --------------------------------------------------------------------------------


def _connection_error(record: Mapping[str, Any], connection_status: str | None) -> str | None:
    if connection_status == "expired":
        return "The connection's token has expired; reconnect the integration"
    return record.get("validationError") or record.get("lastRefreshError") or None


def widget_status(principal: Principal, integration_id: str) -> dict[str, Any]:
    integration = integration_of(principal, integration_id)
    record = caller_connection(principal, integration)
    live = record is not None and record.get("status") != "disconnected" and bool(record.get("secretStored"))
    connection_status = effective_status(record) if record is not None and live else None
    if not is_enabled(integration):
        status = "disabled"
    elif connection_status == "active":
        status = "connected"
    elif connection_status in ("expired", "error"):
        status = "error"
    else:
        status = "pending"
    user_scoped = bool(integration.get("userScoped"))
    error = _connection_error(record, connection_status) if record is not None and live else None
    if not user_scoped:
        # the integration's own last error (a failed sync) belongs to the tenant-wide connection
        error = error or integration.get("lastError")
    last_connected_at = (record or {}).get("lastConnectedAt")
    last_sync_at = integration.get("lastSyncAt")
    if user_scoped:
        # the integration's stamps are any user's; the caller sees its own
        last_sync_at = next((log.get("startedAt") for log in _sync_logs(principal.tenant_id, integration_id)
                             if log.get("userId") == principal.user_id), None)
    else:
        last_connected_at = last_connected_at or integration.get("lastConnectedAt")
    return {
        "integrationId": integration_id,
        "name": integration.get("name"),
        "providerId": integration.get("providerId"),
        "userScoped": user_scoped,
        "status": status,
        "connectionStatus": connection_status,
        "lastConnectedAt": last_connected_at,
        "lastSyncAt": last_sync_at,
        "error": error,
    }


# ---- activity ------------------------------------------------------------------------------


def _timestamp(value: Any) -> float | None:
    if not isinstance(value, str):
        return None
    try:
        return clock.parse_iso(value)
    except ValueError:
        return None


def _sync_activity(log: Mapping[str, Any]) -> dict[str, Any]:
    details = {
        "trigger": log.get("trigger"),
        "direction": log.get("direction"),
        "itemsProcessed": log.get("itemsProcessed"),
        "itemsFailed": log.get("itemsFailed"),
        "durationMs": log.get("durationMs"),
        "completedAt": log.get("completedAt"),
        "error": log.get("error"),
    }
    return {
        "id": log.get("id"),
        "type": "sync",
        "status": log.get("status") if log.get("status") in SYNC_STATUSES else "failed",
        "timestamp": log.get("startedAt"),
        "details": {k: v for k, v in details.items() if v is not None},
    }


def widget_activity(principal: Principal, integration_id: str, params: ActivityParams) -> dict[str, Any]:
    integration = integration_of(principal, integration_id)
    owner = caller_user_id(principal, integration)
    cutoff = clock.now() - TIME_RANGE_SECONDS[params.timeRange]
    entries: list[tuple[float, dict[str, Any]]] = []
    for item in ActivityRepository().list_for_integration(principal.tenant_id, integration_id, limit=MAX_SCANNED):
        moment = _timestamp(item.get("timestamp"))
        if moment is None or moment < cutoff or item.get("userId") != owner:
            continue
        entries.append((moment, {"id": item.get("id"), "type": item.get("type"), "status": item.get("status"),
                                 "timestamp": item.get("timestamp"), "details": item.get("details") or {}}))
    for log in _sync_logs(principal.tenant_id, integration_id):
        moment = _timestamp(log.get("startedAt"))
        if moment is None or moment < cutoff or log.get("userId") != owner:
            continue
        entries.append((moment, _sync_activity(log)))
    entries.sort(key=lambda entry: entry[0], reverse=True)
    activities = [redact(activity) for _, activity in entries[: params.limit]]
    return {"integrationId": integration_id, "timeRange": params.timeRange, "activities": activities,
            "total": len(entries)}
