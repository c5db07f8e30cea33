"""Connection activity (connect, test, refresh, disconnect) for the activity widget and support.

Items: pk `TENANT#{t}`, sk `ACTIVITY#{integrationId}#{activityId}` (time-ordered ids, so a
reverse query is newest first), `ttl` after `settings.activity_retention_days`. Details are
redacted before they are written; callers put ids and outcomes there, never credentials.
"""

from __future__ import annotations

from typing import Any

from hub import clock
from hub.ids import new_id
from hub.observability import logger
from hub.redaction import redact
from hub.repository import Repository
from hub.settings import get_settings
from hub.table import tenant_pk

ACTIVITY_TYPES = ("connect", "test", "refresh", "disconnect", "sync", "credentials", "proxy")


def activity_prefix(integration_id: str) -> str:
    return f"ACTIVITY#{integration_id}#"


def activity_item(tenant_id: str, integration_id: str, activity_type: str, status: str, *,
                  details: dict[str, Any] | None = None, user_id: str | None = None) -> dict[str, Any]:
    """The stored activity line (written alone by `record`, or with a connection update)."""
    activity_id = new_id("act")
    now = clock.now()
    item = {
        "pk": tenant_pk(tenant_id),
        "sk": activity_prefix(integration_id) + activity_id,
        "entity": "activity",
        "id": activity_id,
        "tenantId": tenant_id,
        "integrationId": integration_id,
        "userId": user_id,
        "type": activity_type,
        "status": status,
        "timestamp": clock.iso(now),
        "details": redact(details or {}),
        "ttl": int(now + get_settings().activity_retention_days * 86400),
    }
    return {k: v for k, v in item.items() if v is not None}


class ActivityRepository(Repository):
    def record(self, tenant_id: str, integration_id: str, activity_type: str, status: str, *,
               details: dict[str, Any] | None = None, user_id: str | None = None) -> dict[str, Any]:
        item = activity_item(tenant_id, integration_id, activity_type, status, details=details, user_id=user_id)
        self.put(item)
        return public_activity(item)

    def list_for_integration(self, tenant_id: str, integration_id: str, *, limit: int = 100) -> list[dict[str, Any]]:
        items = self.query_all(tenant_pk(tenant_id), sk_prefix=activity_prefix(integration_id), forward=False,
                               max_items=limit)
        return [public_activity(i) for i in items]


def public_activity(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in {"pk", "sk", "entity", "ttl", "tenantId"}}


def record_activity(tenant_id: str, integration_id: str, activity_type: str, status: str, *,
                    details: dict[str, Any] | None = None, user_id: str | None = None) -> dict[str, Any] | None:
    """Best effort: a lost activity line must not fail the operation it describes."""
    try:
        return ActivityRepository().record(tenant_id, integration_id, activity_type, status, details=details,
                                           user_id=user_id)
    except Exception:  # noqa: BLE001

        logger.warning("activity not recorded", extra={"integrationId": integration_id, "type": activity_type})
        return None
