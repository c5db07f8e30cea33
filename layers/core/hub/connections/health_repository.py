"""Health-check storage: the due marker of each checkable connection and the check history.

Keys (all under the tenant):
- marker  `HEALTHDUE#{integrationId}#{userId|TENANT}` with gsi2 = due_keys("health", key,
  nextCheckAt): one per checkable connection, written through the connection lifecycle
  (`hub.connections.lifecycle`) when a connection becomes active and removed when it is
  disconnected (and by the job when it finds the connection gone, expired or revoked).
- check   `HEALTH#{integrationId}#{userId|TENANT}#{timeId}` (ttl `health_retention_days`):
  status healthy/unhealthy/unverified, responseTime (ms), statusCode, error, checkedAt.

The job that reads the markers and the health endpoints' reads are in `hub.jobs.health`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hub import clock
from hub.connections.record import connection_key
from hub.ids import new_id
from hub.repository import ConditionFailed, Repository
from hub.settings import get_settings
from hub.table import GSI2_PK, GSI2_SK, due_keys, tenant_pk

HEALTH = "health"
_MAX_HISTORY = 5000


def scope_of(user_id: str | None) -> str:
    return user_id or "TENANT"


def marker_sk(integration_id: str, user_id: str | None) -> str:
    return f"HEALTHDUE#{integration_id}#{scope_of(user_id)}"


def check_prefix(integration_id: str, user_id: str | None = None) -> str:
    return f"HEALTH#{integration_id}#{scope_of(user_id)}#"


def check_status(result: Mapping[str, Any]) -> str:
    """healthy / unhealthy, or unverified when the provider gives nothing to check with: such a
    connection is never reported healthy, and never counted as failing either."""
    if result.get("outcome") == "unverified":
        return "unverified"
    return "healthy" if result.get("success") else "unhealthy"


def _public(item: dict[str, Any]) -> dict[str, Any]:
    hidden = {"pk", "sk", GSI2_PK, GSI2_SK, "entity", "ttl"}
    return {k: v for k, v in item.items() if k not in hidden}


class HealthRepository(Repository):
    def put_marker(self, record: Mapping[str, Any], next_check_at: float) -> None:
        key = connection_key(record)
        self.put({
            "pk": tenant_pk(record["tenantId"]),
            "sk": marker_sk(record["integrationId"], record.get("userId")),
            "entity": "health-due",
            "tenantId": record["tenantId"],
            "integrationId": record["integrationId"],
            "userId": record.get("userId"),
            "connectionKey": key,
            "nextCheckAt": int(next_check_at),
            **due_keys(HEALTH, key, next_check_at),
        })

    def delete_marker(self, tenant_id: str, integration_id: str, user_id: str | None) -> None:
        self.delete(tenant_pk(tenant_id), marker_sk(integration_id, user_id))

    def claim_marker(self, marker: dict[str, Any], next_check_at: float) -> bool:
        """Move the marker's due time forward, only if nobody else did: the check's lease."""
        try:
            self.update(
                marker["pk"], marker["sk"],
                set_fields={"nextCheckAt": int(next_check_at),
                            **due_keys(HEALTH, marker["connectionKey"], next_check_at)},
                condition="#due = :seen", names={"#due": GSI2_SK}, values={":seen": marker[GSI2_SK]},
                return_new=False,
            )
        except ConditionFailed:
            return False
        return True

    def add_check(self, record: Mapping[str, Any], result: dict[str, Any], checked_at: float) -> dict[str, Any]:
        retention = get_settings().health_retention_days * 86400
        item = {
            "pk": tenant_pk(record["tenantId"]),
            "sk": check_prefix(record["integrationId"], record.get("userId")) + new_id(),
            "entity": "health-check",
            "id": new_id("hc"),
            "tenantId": record["tenantId"],
            "integrationId": record["integrationId"],
            "userId": record.get("userId"),
            "connectionId": record.get("connectionId"),
            "status": check_status(result),
            "responseTime": result.get("responseTime"),
            "statusCode": result.get("statusCode"),
            "error": None if check_status(result) != "unhealthy" else (result.get("error") or "CHECK_FAILED"),
            "message": result.get("message"),
            "checkedAt": clock.iso(checked_at),
            "ttl": int(checked_at) + retention,
        }
        self.put(item)
        return _public(item)

    def history(self, tenant_id: str, integration_id: str, user_id: str | None,
                max_items: int = _MAX_HISTORY) -> list[dict[str, Any]]:
        """Newest first."""
        items = self.query_all(tenant_pk(tenant_id), sk_prefix=check_prefix(integration_id, user_id),
                               forward=False, max_items=max_items)
        return [_public(i) for i in items]


# ---- scheduling (called by the connection lifecycle) -----------------------------------------


def schedule_health_check(record: Mapping[str, Any], *, at: float | None = None) -> None:
    """A connection became active: check it every `health_check_interval_seconds`."""
    due = at if at is not None else clock.now() + get_settings().health_check_interval_seconds
    HealthRepository().put_marker(record, due)


def unschedule_health_check(record: Mapping[str, Any]) -> None:
    HealthRepository().delete_marker(record["tenantId"], record["integrationId"], record.get("userId"))
