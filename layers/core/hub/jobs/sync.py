"""The sync (its logs: hub/jobs/sync_logs.py).

A sync runs the provider template's `sync` request through the connection's credentials
(`hub.proxy.core.provider_request`, which refreshes first when the token is expired
or about to be) and counts the records the response holds at the template's `itemsPath`:
objects are processed, anything else in the list failed. Every run leaves a log:
    pk TENANT#{t}   sk SYNCLOG#{integrationId}#{logId}   ttl sync_log_retention_days

with id, integrationId, tenantId, userId, direction (inbound / outbound), trigger (manual /
scheduled / event), action, resourceType, status (running / success / partial / failed),
itemsProcessed, itemsFailed, startedAt, completedAt, durationMs, error, details. A finished run
publishes `integration.synced` (with its status) and stamps the integration's lastSyncAt.
"""

import time
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from hub import clock
from hub.connections.access import get_connection_record
from hub.connections.spec import provider_spec_for
from hub.errors import HubError, IntegrationNotFound, ValidationError
from hub.events import EventPublisher
from hub.ids import new_id
from hub.integrations.repository import IntegrationRepository
from hub.jobs.sync_logs import SyncLogRepository
from hub.observability import logger
from hub.providers.templates import json_path_value
from hub.proxy.core import provider_request
from hub.request import record_change


class SyncFailed(HubError):
    status_code = 502
    code = "SYNC_FAILED"
    default_message = "The sync did not complete"


class SyncNotSupported(ValidationError):
    code = "SYNC_NOT_SUPPORTED"
    default_message = "This provider has no sync request"


class IntegrationDisabled(ValidationError):
    status_code = 409
    code = "INTEGRATION_DISABLED"
    default_message = "The integration is disabled; activate it first"


class SyncRequest(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")

    userId: str | None = Field(default=None, min_length=1, max_length=128,
                               description="Sync a user's connection (user-scoped integrations)")


def template_of(spec: Any) -> Any:
    """The provider template behind an effective spec (None for a provider without one)."""
    return spec if hasattr(spec, "capabilities") else getattr(spec, "template", None)


def count_items(body: Any, items_path: str) -> tuple[int, int]:
    """(processed, failed) for the records at `items_path` of a sync response."""

    items = json_path_value(body, items_path)
    if not isinstance(items, list):
        raise SyncFailed("The provider's answer has no list of records where the template expects one",
                         details={"itemsPath": items_path})
    processed = sum(1 for item in items if isinstance(item, dict))
    return processed, len(items) - processed


def _finish(log: dict[str, Any], started: float, *, status: str, processed: int = 0, failed: int = 0,
            error: str | None = None, details: dict[str, Any] | None = None) -> dict[str, Any]:
    fields = {
        "status": status,
        "itemsProcessed": processed,
        "itemsFailed": failed,
        "completedAt": clock.iso(),
        "durationMs": int((time.monotonic() - started) * 1000),
        "error": error,
        "details": {**(log.get("details") or {}), **(details or {})},
    }
    return SyncLogRepository().finish_log(log, fields)


def run_sync(
    tenant_id: str,
    integration_id: str,
    *,
    trigger: str = "manual",
    user_id: str | None = None,
    actor: str | None = None,
    details: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Run the integration's sync once and answer its (finished) log. Preconditions (no such
    integration, disabled, no sync request, no connection) raise before any log is written; a
    sync that ran and failed is logged, published, and raised as SYNC_FAILED (or the connection's
    own error, such as TOKEN_EXPIRED) with the log id in the details."""

    integration = IntegrationRepository().get_integration(tenant_id, integration_id)
    if integration is None:
        raise IntegrationNotFound(details={"id": integration_id})
    if integration.get("enabled") is False or integration.get("status") == "disabled":
        raise IntegrationDisabled(details={"id": integration_id})
    spec = provider_spec_for(integration)
    template = template_of(spec)
    sync_spec = getattr(template, "sync", None)
    if sync_spec is None:
        raise SyncNotSupported(details={"providerId": integration.get("providerId")})
    record = get_connection_record(tenant_id, integration_id, user_id)

    started = time.monotonic()
    log: dict[str, Any] = {
        "id": new_id("sync"),
        "tenantId": tenant_id,
        "integrationId": integration_id,
        "providerId": integration.get("providerId"),
        "userId": user_id,
        "connectionId": record.get("connectionId"),
        "direction": "inbound",
        "trigger": trigger,
        "action": "fetch_items",
        "resourceType": (template.capabilities.data_entities or ["items"])[0],
        "status": "running",
        "itemsProcessed": 0,
        "itemsFailed": 0,
        "startedAt": clock.iso(),
        "actor": actor,
        "details": {"request": f"{sync_spec.method} {sync_spec.path.split('?')[0]}", **(details or {})},
    }
    repository = SyncLogRepository()
    repository.create_log(log)
    failure: HubError | None = None
    try:
        response = provider_request(record, sync_spec.method, sync_spec.path, json=sync_spec.body,
                                    integration=integration, spec=spec)
        if response.status >= 400:
            raise SyncFailed("The provider refused the sync request",
                             details={"statusCode": response.status})
        try:
            body = response.json()
        except ValueError:
            raise SyncFailed("The provider's answer is not JSON") from None
        processed, failed = count_items(body, sync_spec.items_path)
        status = "partial" if failed and processed else "failed" if failed else "success"
        finished = _finish(log, started, status=status, processed=processed, failed=failed,
                           error="some records were not objects" if failed else None,
                           details={"statusCode": response.status})
    except HubError as error:
        failure = error
        finished = _finish(log, started, status="failed", error=f"{error.code}: {error.message}",
                           details={"errorCode": error.code})
    except Exception:  # noqa: BLE001 - the log must not stay "running"; the caller gets a clean error
        logger.exception("sync crashed", extra={"integrationId": integration_id})
        failure = SyncFailed()
        finished = _finish(log, started, status="failed", error="SYNC_FAILED: The sync did not complete")

    now = clock.iso()
    IntegrationRepository().update_fields(tenant_id, integration_id, {
        "lastSyncAt": now, "lastSyncStatus": finished["status"], "lastSyncLogId": finished["id"],
        **({"lastError": finished["error"]} if finished["status"] == "failed" else {}),
    })
    try:
        EventPublisher().publish(
            "integration.synced", tenant_id, integrationId=integration_id, connectionId=record.get("connectionId"),
            providerId=integration.get("providerId"), userId=user_id, syncLogId=finished["id"],
            status=finished["status"], trigger=trigger, itemsProcessed=finished["itemsProcessed"],
            itemsFailed=finished["itemsFailed"], reason=finished.get("error"),
        )
    except Exception:  # noqa: BLE001 - the sync happened; a lost event is logged loudly
        logger.exception("event not published", extra={"eventType": "integration.synced"})
    record_change("sync-log", finished["id"], after={"status": finished["status"], "trigger": trigger,
                                                     "itemsProcessed": finished["itemsProcessed"],
                                                     "itemsFailed": finished["itemsFailed"]},
                  action="integration.sync")
    if failure is not None:
        details = failure.details if isinstance(failure.details, dict) else {"details": failure.details}
        failure.details = {**details, "syncLogId": finished["id"]}
        raise failure
    return finished
