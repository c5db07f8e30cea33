"""Connection health: the due markers, the `check_connection_health` job, and the reads behind
`GET /api/tenant/integrations/health` and `GET /api/tenant/integrations/{id}/health`.

Keys (all under the tenant):
- marker  `HEALTHDUE#{integrationId}#{userId|TENANT}` with gsi2 = due_keys("health", key,
  nextCheckAt): one per checkable connection, written by the connections code through
  `schedule_health_check` when a connection becomes active, removed by
  `unschedule_health_check` when it is disconnected (and by the job when it finds the
  connection gone, expired or revoked).
- check   `HEALTH#{integrationId}#{userId|TENANT}#{timeId}` (ttl `health_retention_days`):
  status healthy/unhealthy/unverified, responseTime (ms), statusCode, error, checkedAt.

Transitions: `health_failure_threshold` consecutive failures move an active connection to
status "error" (errorSource "health"; for the tenant's own connection the integration goes to
"error" too) and publish `integration.error`; the first success after that moves it back to
"active" and publishes `integration.recovered`. A connection in "error" for another reason
(refresh failing for days) is still checked and recorded but only the refresh brings it back.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal

from aws_lambda_powertools.metrics import MetricUnit
from pydantic import Field

from hub import clock
from hub.connections.repository import ConnectionRepository
from hub.errors import HubError, IntegrationNotFound
from hub.events import EventPublisher
from hub.ids import new_id
from hub.integrations.repository import IntegrationRepository
from hub.jobs.due import HEALTH, connection_key, iter_due, scope_of
from hub.jobs.runtime import TimeBudget
from hub.observability import logger, metrics
from hub.pagination import ListParams, paginate, sort_items
from hub.repository import ConditionFailed, Repository
from hub.settings import get_settings
from hub.table import GSI2_PK, GSI2_SK, due_keys, tenant_pk

CHECKED_STATUSES = ("active", "error")
HealthStatus = Literal["active", "inactive", "error", "pending", "expired"]
HEALTH_STATUSES: tuple[str, ...] = ("active", "inactive", "error", "pending", "expired")
_MAX_HISTORY = 5000


def marker_sk(integration_id: str, user_id: str | None) -> str:
    return f"HEALTHDUE#{integration_id}#{scope_of(user_id)}"


def check_prefix(integration_id: str, user_id: str | None = None) -> str:
    return f"HEALTH#{integration_id}#{scope_of(user_id)}#"


def _public(item: dict[str, Any]) -> dict[str, Any]:
    hidden = {"pk", "sk", GSI2_PK, GSI2_SK, "entity", "ttl"}
    return {k: v for k, v in item.items() if k not in hidden}


class HealthRepository(Repository):
    def put_marker(self, record: dict[str, Any], next_check_at: float) -> None:
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

    def add_check(self, record: dict[str, Any], result: dict[str, Any], checked_at: float) -> dict[str, Any]:
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


# ---- scheduling (called by the connections code) ------------------------------------------


def schedule_health_check(record: dict[str, Any], *, at: float | None = None) -> None:
    """A connection became active: check it every `health_check_interval_seconds`."""
    due = at if at is not None else clock.now() + get_settings().health_check_interval_seconds
    HealthRepository().put_marker(record, due)


def unschedule_health_check(record: dict[str, Any]) -> None:
    HealthRepository().delete_marker(record["tenantId"], record["integrationId"], record.get("userId"))


# ---- the job ----------------------------------------------------------------------------


@dataclass
class HealthReport:
    due: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    not_started: int = 0
    transitions: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"due": self.due, "notStarted": self.not_started, "outcomes": dict(sorted(self.outcomes.items())),
                "transitions": len(self.transitions)}


def check_status(result: dict[str, Any]) -> str:
    """healthy / unhealthy, or unverified when the provider gives nothing to check with: such a
    connection is never reported healthy, and never counted as failing either."""
    if result.get("outcome") == "unverified":
        return "unverified"
    return "healthy" if result.get("success") else "unhealthy"


def _verify(record: dict[str, Any]) -> dict[str, Any]:
    from hub.connections.service import run_verification

    try:
        return dict(run_verification(record))
    except HubError as error:
        return {"success": False, "error": error.code, "message": error.message, "statusCode": None,
                "responseTime": None}
    except Exception:  # noqa: BLE001 - a broken check is an unhealthy result, not a crashed job
        logger.exception("health check crashed", extra={"connectionKey": connection_key(record)})
        return {"success": False, "error": "CHECK_FAILED", "message": "The health check could not run",
                "statusCode": None, "responseTime": None}


def _publish(event_type: str, record: dict[str, Any], reason: str, **extra: Any) -> None:
    try:
        EventPublisher().publish(
            event_type, record["tenantId"], integrationId=record["integrationId"],
            connectionId=record.get("connectionId"), providerId=record.get("providerId"),
            userId=record.get("userId"), reason=reason, **extra,
        )
    except Exception:  # noqa: BLE001 - the state change stands; a lost event is logged loudly
        logger.exception("event not published", extra={"eventType": event_type})


def _set_integration_status(record: dict[str, Any], status: str, connection_status: str,
                            reason: str | None) -> None:
    """Only the tenant's own connection speaks for the integration (one user's broken
    connection does not put a user-scoped integration in error)."""
    if record.get("userId"):
        return
    repository = IntegrationRepository()
    integration = repository.get_integration(record["tenantId"], record["integrationId"])
    if integration is None:
        return
    fields: dict[str, Any] = {"connectionStatus": connection_status, "statusReason": reason, "updatedAt": clock.iso()}
    # a disabled integration stays disabled; only its connection status moves
    if integration.get("enabled") is not False and integration.get("status") != "disabled":
        fields["status"] = status
    repository.update_fields(record["tenantId"], record["integrationId"], fields)


def apply_check_result(record: dict[str, Any], result: dict[str, Any], checked_at: float) -> dict[str, Any]:
    """Store the check and move the connection's status on the threshold. Answers the stored
    check plus `transition` ("error" / "recovered" / None)."""
    check = HealthRepository().add_check(record, result, checked_at)
    connections = ConnectionRepository()
    tenant_id, integration_id, user_id = record["tenantId"], record["integrationId"], record.get("userId")
    at = clock.iso(checked_at)
    transition: str | None = None
    if check_status(result) == "unverified":
        connections.update_connection(tenant_id, integration_id, user_id,
                                      {"lastHealthAt": at, "lastHealthStatus": "unverified"},
                                      remove=("lastHealthError",))
    elif result.get("success"):
        fields: dict[str, Any] = {"healthFailures": 0, "lastHealthAt": at, "lastHealthStatus": "healthy",
                                  "lastResponseTime": result.get("responseTime")}
        recovered = None
        if record.get("status") == "error" and record.get("errorSource") == "health":
            recovered = connections.update_connection(
                tenant_id, integration_id, user_id,
                {**fields, "status": "active", "statusChangedAt": at},
                remove=("errorSource", "lastError", "lastHealthError"),
                condition="#st = :error AND #src = :health",
                names={"#st": "status", "#src": "errorSource"}, values={":error": "error", ":health": "health"},
            )
        if recovered is not None:
            transition = "recovered"
            _set_integration_status(record, "connected", "active", None)
            _publish("integration.recovered", record, "health check succeeded",
                     previousStatus="error", status="active")
        else:
            connections.update_connection(tenant_id, integration_id, user_id, fields, remove=("lastHealthError",))
    else:
        failures = int(record.get("healthFailures") or 0) + 1
        error = str(result.get("error") or "CHECK_FAILED")
        fields = {"healthFailures": failures, "lastHealthAt": at, "lastHealthStatus": "unhealthy",
                  "lastResponseTime": result.get("responseTime"), "lastHealthError": error}
        moved = None
        if failures >= get_settings().health_failure_threshold and record.get("status") == "active":
            reason = f"health check failed {failures} times in a row ({error})"
            moved = connections.update_connection(
                tenant_id, integration_id, user_id,
                {**fields, "status": "error", "errorSource": "health", "lastError": reason, "statusChangedAt": at},
                condition="#st = :active", names={"#st": "status"}, values={":active": "active"},
            )
            if moved is not None:
                transition = "error"
                _set_integration_status(record, "error", "error", reason)
                _publish("integration.error", record, reason, previousStatus="active", status="error",
                         errorCode=error, consecutiveFailures=failures)
        if moved is None:
            connections.update_connection(tenant_id, integration_id, user_id, fields)
    return {**check, "transition": transition}


def check_marker(marker: dict[str, Any], now: float, report: HealthReport) -> str:
    """One due marker: claim it, check the connection, record the result."""
    repository = HealthRepository()
    if not repository.claim_marker(marker, now + _next_check_delay()):
        return "claimed_elsewhere"
    record = ConnectionRepository().get_connection(marker["tenantId"], marker["integrationId"], marker.get("userId"))
    if record is None or record.get("status") not in CHECKED_STATUSES:
        repository.delete_marker(marker["tenantId"], marker["integrationId"], marker.get("userId"))
        return "unscheduled"
    result = _verify(record)
    stored = apply_check_result(record, result, clock.now())
    if stored["transition"]:
        report.transitions.append({"connectionKey": marker["connectionKey"], "transition": stored["transition"]})
    return check_status(result)


def _next_check_delay() -> float:
    interval = get_settings().health_check_interval_seconds
    # a little less than the interval, so the next scheduled run (interval later) finds it due
    return max(1.0, interval - min(60.0, interval / 4))


def check_connection_health(*, budget: TimeBudget, now: float | None = None) -> HealthReport:
    settings = get_settings()
    started = clock.now() if now is None else now
    markers = [m for m in iter_due(HEALTH, started) if m.get("entity") == "health-due"]
    report = HealthReport(due=len(markers))

    def run(marker: dict[str, Any]) -> str:
        if budget.exhausted():
            return "not_started"
        try:
            return check_marker(marker, started, report)
        except Exception:  # noqa: BLE001 - one connection must not stop the others
            logger.exception("health check of one connection failed",
                             extra={"connectionKey": marker.get("connectionKey")})
            return "crashed"

    width = max(1, min(settings.health_concurrency, len(markers) or 1))
    with ThreadPoolExecutor(max_workers=width, thread_name_prefix="health") as pool:
        for outcome in pool.map(run, markers):
            report.outcomes[outcome] += 1
    report.not_started = report.outcomes.pop("not_started", 0)
    metrics.add_metric(name="HealthChecksPassed", unit=MetricUnit.Count, value=report.outcomes["healthy"])
    metrics.add_metric(name="HealthChecksFailed", unit=MetricUnit.Count, value=report.outcomes["unhealthy"])
    logger.info("health run finished", extra={"healthRun": report.as_dict()})
    return report


# ---- reads for the endpoints ---------------------------------------------------------------


class HealthListParams(ListParams):
    status: HealthStatus | None = None
    sortOrder: Literal["asc", "desc"] = "asc"


class HealthHistoryParams(ListParams):
    status: Literal["healthy", "unhealthy", "unverified"] | None = None
    userId: str | None = Field(default=None, min_length=1, max_length=128,
                               description="A user's connection (user-scoped integrations); default the tenant's")


def connection_health_status(record: dict[str, Any] | None) -> HealthStatus:
    status = (record or {}).get("status")
    if status == "active":
        return "active"
    if status == "error":
        return "error"
    if status in ("expired", "revoked"):
        return "expired"
    return "pending"


def integration_health_status(integration: dict[str, Any], connections: list[dict[str, Any]]) -> HealthStatus:
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


def _last_checked(connections: list[dict[str, Any]]) -> dict[str, Any] | None:
    checked = [c for c in connections if c.get("lastHealthAt")]
    return max(checked, key=lambda c: c["lastHealthAt"]) if checked else None


def _health_view(integration: dict[str, Any], connections: list[dict[str, Any]]) -> dict[str, Any]:
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


def _connections_by_integration(tenant_id: str) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
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
