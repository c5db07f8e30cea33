"""Connection health: the due markers and the `check_connection_health` job (the reads behind
the two health endpoints are in `hub.jobs.health_views`).

The markers and checks are stored by `hub.connections.health_repository`; the status transitions and
their side effects are `hub.connections.lifecycle`'s (health_failed, recovered). The reads behind
the two endpoints live in `hub.jobs.health_views`, so those handlers do not import the checks.

Transitions: `health_failure_threshold` consecutive failures move an active connection to
status "error" (errorSource "health"; for the tenant's own connection the integration goes to
"error" too) and publish `integration.error`; the first success after that moves it back to
"active" and publishes `integration.recovered`. A connection in "error" for another reason
(refresh failing for days) is still checked and recorded but only the refresh brings it back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from aws_lambda_powertools.metrics import MetricUnit

from hub import clock
from hub.connections import lifecycle
from hub.connections.health_repository import (
    HealthRepository,
    check_prefix,
    check_status,
    marker_sk,
    schedule_health_check,
    unschedule_health_check,
)
from hub.connections.repository import ConnectionRepository
from hub.connections.use import run_verification
from hub.errors import HubError
from hub.jobs.due import HEALTH, connection_key, iter_due
from hub.jobs.runtime import TimeBudget
from hub.observability import logger, metrics
from hub.settings import get_settings

# the storage names, importable from here too (the job's public face)
__all__ = [
    "HealthRepository",
    "check_connection_health",
    "check_prefix",
    "marker_sk",
    "schedule_health_check",
    "unschedule_health_check",
]

CHECKED_STATUSES = ("active", "error")


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


def _verify(record: Mapping[str, Any]) -> dict[str, Any]:
    try:
        return dict(run_verification(record))
    except HubError as error:
        return {"success": False, "error": error.code, "message": error.message, "statusCode": None,
                "responseTime": None}
    except Exception:  # noqa: BLE001 - a broken check is an unhealthy result, not a crashed job
        logger.exception("health check crashed", extra={"connectionKey": connection_key(record)})
        return {"success": False, "error": "CHECK_FAILED", "message": "The health check could not run",
                "statusCode": None, "responseTime": None}


def apply_check_result(record: Mapping[str, Any], result: dict[str, Any], checked_at: float) -> dict[str, Any]:
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
            recovered = connections.recover_health(record, {**fields, "status": "active", "statusChangedAt": at})
        if recovered is not None:
            transition = "recovered"
            lifecycle.recovered(record)
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
            moved = connections.fail_health(record, {**fields, "status": "error", "errorSource": "health",
                                                     "lastError": reason, "statusChangedAt": at})
            if moved is not None:
                transition = "error"
                lifecycle.health_failed(record, reason=reason, error=error, failures=failures)
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
