"""What a tenant admin (or a user, for their own connection) does with a stored connection:
test it, refresh it now (its status: hub/connections/status.py)."""

from __future__ import annotations

import math
from typing import Any

from hub import clock
from hub.connections.access import expired_error, integration_for, live_record
from hub.connections.activity import record_activity
from hub.connections.record import effective_status, iso_or_none
from hub.connections.refresh import refresh_connection
from hub.connections.repository import ConnectionRepository
from hub.connections.store import ConnectionConflict
from hub.connections.use import run_verification
from hub.errors import ConnectionNotFound, HubError, RateLimitExceeded, RefreshFailed
from hub.ids import new_id
from hub.principal import Principal

# outcomes whose activity line the refresh itself wrote (with the record, or through the
# lifecycle), and a refused request, which changed nothing
_RECORDED_BY_REFRESH = ("refreshed", "expired", "retry_later", "error", "too_soon")


def test_connection(principal: Principal, integration_id: str, *, user_scoped: bool = False) -> dict[str, Any]:
    integration_for(principal, integration_id, user_scoped=user_scoped)
    user_id = principal.user_id if user_scoped else None
    record = live_record(principal.tenant_id, integration_id, user_id)
    result = run_verification(record)
    outcome = result.get("outcome", "failed")
    fields: dict[str, Any] = {"lastTestedAt": result["testedAt"],
                              "lastTestResult": "success" if result["success"] else outcome}
    if result["success"]:
        fields.update({"lastValidatedAt": result["testedAt"], "validationError": None})
    elif outcome == "failed":
        fields["validationError"] = result["message"]
    ConnectionRepository().update_connection(principal.tenant_id, integration_id, user_id, fields)
    record_activity(principal.tenant_id, integration_id, "test", "success" if result["success"] else outcome,
                    user_id=user_id, details={"connectionId": record.get("connectionId"), "error": result["error"],
                                              "statusCode": result["statusCode"],
                                              "responseTime": result["responseTime"]})
    return result


def refresh_now(principal: Principal, integration_id: str, *, force: bool, user_scoped: bool = False) -> dict[str, Any]:
    """POST .../connection/refresh: renew the token now (or only when due, without `force`). A
    forced renewal of a token that is not due yet is limited per connection (429)."""
    integration_for(principal, integration_id, user_scoped=user_scoped, cached=True)
    user_id = principal.user_id if user_scoped else None
    outcome = refresh_connection(principal.tenant_id, integration_id, user_id, force=force,
                                 owner=f"api:{principal.user_id}:{new_id()}", throttled=True, audited=True)
    record = outcome.record
    if record is None or record.get("status") == "disconnected" or not record.get("secretStored"):
        raise ConnectionNotFound("The integration is not connected", details={"integrationId": integration_id})
    if outcome.status not in _RECORDED_BY_REFRESH:
        record_activity(principal.tenant_id, integration_id, "refresh",
                        "success" if outcome.status == "not_due" else "failed", user_id=user_id,
                        details={"connectionId": record.get("connectionId"), "outcome": outcome.status})
    if record.get("status") == "expired" or outcome.status == "expired":
        detail = outcome.detail if outcome.status == "expired" else None
        raise expired_error(f"{detail or 'The provider rejected the refresh token'}; reconnect the integration")
    if outcome.status == "not_refreshable":
        raise RefreshFailed("This connection has nothing to refresh (no refresh token, or not token-based)",
                            status_code=400, details={"integrationId": integration_id})
    if outcome.status == "too_soon":
        raise RateLimitExceeded(outcome.retry_after or 1, message="This connection's token is still fresh and was "
                                "renewed on request recently; try again later")
    if outcome.status == "lease_taken":
        raise HubError("A refresh of this connection is already running; try again shortly",
                       code="REFRESH_IN_PROGRESS", status_code=409)
    if outcome.status in ("retry_later", "error"):
        details: dict[str, Any] = {"integrationId": integration_id, "status": record.get("status")}
        headers: dict[str, str] = {}
        cooldown = record.get("cooldownUntil")
        if isinstance(cooldown, int | float):
            retry_after = max(1, math.ceil(cooldown - clock.now()))
            details["retryAfter"] = retry_after
            headers["Retry-After"] = str(retry_after)
        raise RefreshFailed(outcome.detail or "The token could not be refreshed", details=details, headers=headers)
    if outcome.status == "superseded":
        raise ConnectionConflict(outcome.detail, details={"integrationId": integration_id})
    return {
        "refreshed": outcome.status == "refreshed",
        "outcome": outcome.status,
        "status": effective_status(record),
        "expiresAt": iso_or_none(record.get("expiresAt")),
        "lastRefreshedAt": record.get("lastRefreshedAt"),
        "connectionId": record.get("connectionId"),
    }
