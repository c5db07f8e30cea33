"""The reads behind `GET /api/tenant/integrations/health` and
`GET /api/tenant/integrations/{id}/health`: each integration's health from its connections'
records and the stored checks (written by the job in `hub.jobs.health`).

Apart from the job so that the two read-only handlers import neither the checks nor the provider
calls behind them (a smaller cold start; bench/imports.py).
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from pydantic import Field

from hub import clock
from hub.connections.health_repository import HealthRepository
from hub.connections.repository import ConnectionRepository
from hub.errors import IntegrationNotFound
from hub.integrations.repository import IntegrationRepository
from hub.pagination import ListParams, paginate, sort_items

HealthStatus = Literal["active", "inactive", "error", "pending", "expired"]
HEALTH_STATUSES: tuple[str, ...] = ("active", "inactive", "error", "pending", "expired")


class HealthListParams(ListParams):
    status: HealthStatus | None = None
    sortOrder: Literal["asc", "desc"] = "asc"


class HealthHistoryParams(ListParams):
    status: Literal["healthy", "unhealthy", "unverified"] | None = None
    userId: str | None = Field(default=None, min_length=1, max_length=128,
                               description="A user's connection (user-scoped integrations); default the tenant's")


def connection_health_status(record: Mapping[str, Any] | None) -> HealthStatus:
    status = (record or {}).get("status")
    if status == "active":
        return "active"
    if status == "error":
        return "error"
    if status in ("expired", "revoked"):
        return "expired"
    return "pending"


def integration_health_status(integration: dict[str, Any], connections: Sequence[Mapping[str, Any]]) -> HealthStatus:
    """The health statuses: inactive (disabled), expired (tokens), error, active, pending."""
    if integration.get("enabled") is False or integration.get("status") == "disabled":
        return "inactive"
    live = [c for c in connections if c.get("status") != "disconnected"]
    tenant_connection = next((c for c in live if not c.get("userId")), None)
    if tenant_connection is not None:
        status = connection_health_status(tenant_connection)
        return "error" if integration.get("status") == "error" and status == "active" else status
    statuses = {connection_health_status(c) for c in live}
    for status in ("error", "active", "expired"):
        if status in statuses:
            return status  # type: ignore[return-value]
    return "error" if integration.get("status") == "error" else "pending"


def _last_checked(connections: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    checked = [c for c in connections if c.get("lastHealthAt")]
    return max(checked, key=lambda c: c["lastHealthAt"]) if checked else None


def _health_view(integration: dict[str, Any], connections: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    status = integration_health_status(integration, connections)
    tenant_connection = next((c for c in connections if not c.get("userId")), None)
    # the tenant's own connection speaks for the integration; else the last checked user's
    source = tenant_connection or _last_checked(connections) or {}
    view: dict[str, Any] = {
        "integrationId": integration["id"],
        "name": integration.get("name"),
        "providerId": integration.get("providerId"),
        "providerName": integration.get("providerName"),
        "status": status,
        "healthy": status == "active" and source.get("lastHealthStatus") not in ("unhealthy", "unverified"),
        "lastCheckedAt": source.get("lastHealthAt"),
        "responseTime": source.get("lastResponseTime"),
        "consecutiveFailures": int(source.get("healthFailures") or 0),
        "lastError": source.get("lastHealthError") or source.get("lastError"),
        "userScoped": bool(integration.get("userScoped")),
    }
    if integration.get("userScoped"):
        counts = Counter(connection_health_status(c) for c in connections if c.get("userId")
                         and c.get("status") != "disconnected")
        view["connections"] = {"total": sum(counts.values()), **{s: counts[s] for s in ("active", "error", "expired",
                                                                                         "pending")}}
    return view


def _connections_by_integration(tenant_id: str) -> dict[str, list[Mapping[str, Any]]]:
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for record in ConnectionRepository().list_for_tenant(tenant_id):
        grouped.setdefault(record["integrationId"], []).append(record)
    return grouped


def integrations_health(tenant_id: str, params: HealthListParams) -> dict[str, Any]:
    """All of the tenant's integrations with their health (GET /api/tenant/integrations/health)."""
    grouped = _connections_by_integration(tenant_id)
    views = [_health_view(i, grouped.get(i["id"], [])) for i in IntegrationRepository().list_integrations(tenant_id)]
    summary = Counter(v["status"] for v in views)
    selected = [v for v in views if not params.status or v["status"] == params.status]
    ordered = sort_items(selected, params.sortBy, params.sortOrder,
                         ("name", "status", "lastCheckedAt", "responseTime"), "name")
    page = paginate(ordered, params, key="integrations")
    page["summary"] = {"total": len(views), "healthy": sum(1 for v in views if v["healthy"]),
                       **{s: summary[s] for s in HEALTH_STATUSES}}
    page["checkedAt"] = clock.iso()
    return page


def integration_health(tenant_id: str, integration_id: str, params: HealthHistoryParams) -> dict[str, Any]:
    """One integration: its current health, the latest check and the check history (newest first)."""
    integration = IntegrationRepository().get_integration(tenant_id, integration_id)
    if integration is None:
        raise IntegrationNotFound(details={"id": integration_id})
    connections = ConnectionRepository().list_for_integration(tenant_id, integration_id)
    view = _health_view(integration, connections)
    history = HealthRepository().history(tenant_id, integration_id, params.userId)
    latest = history[0] if history else None
    if params.status:
        history = [h for h in history if h["status"] == params.status]
    page = paginate(history, params, key="history")
    return {**view, "latest": latest, **page}
