"""What a tenant admin (or a user, for their own connection) does with a stored connection:
read its status, test it, refresh it now."""

from __future__ import annotations

import math
from typing import Any

from hub import clock
from hub.connections.access import expired_error, integration_for, live_record
from hub.connections.activity import record_activity
from hub.connections.credentials import generated_values
from hub.connections.record import connection_view, effective_status, is_refreshable, iso_or_none, not_connected_view
from hub.connections.refresh import refresh_connection
from hub.connections.repository import ConnectionRepository
from hub.connections.spec import ProviderSpec, provider_spec_for
from hub.connections.store import ConnectionConflict
from hub.connections.use import run_verification
from hub.errors import HubError, RefreshFailed
from hub.ids import new_id
from hub.observability import logger
from hub.principal import Principal


def get_connection_status(principal: Principal, integration_id: str, *, user_scoped: bool = False) -> dict[str, Any]:
    integration = integration_for(principal, integration_id, user_scoped=user_scoped)
    user_id = principal.user_id if user_scoped else None
    record = ConnectionRepository().get_connection(principal.tenant_id, integration_id, user_id)
    spec: ProviderSpec | None = None
    try:
        spec = provider_spec_for(integration)
    except HubError:
        logger.warning("provider spec unavailable", extra={"integrationId": integration_id})
    view = connection_view(record) if record is not None else not_connected_view(
        integration, spec.auth_mode if spec else None)
    if spec is not None and not user_scoped and any(f.generated for f in spec.credential_fields):
        # what the tenant must copy into the provider before connecting (the AWS ExternalId)
        view["setup"] = generated_values(spec, principal.tenant_id)
    return view


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
    """POST .../connection/refresh: renew the token now (or only when due, without `force`)."""
    integration_for(principal, integration_id, user_scoped=user_scoped)
    user_id = principal.user_id if user_scoped else None
    record = live_record(principal.tenant_id, integration_id, user_id)
    if record.get("status") == "expired":
        raise expired_error("The provider rejected this connection's refresh token; reconnect the integration")
    if not is_refreshable(record):
        raise RefreshFailed("This connection has nothing to refresh (no refresh token, or not token-based)",
                            status_code=400, details={"integrationId": integration_id})
    outcome = refresh_connection(principal.tenant_id, integration_id, user_id, force=force,
                                 owner=f"api:{principal.user_id}:{new_id()}")
    latest = outcome.record or record
    record_activity(principal.tenant_id, integration_id, "refresh",
                    "success" if outcome.status in ("refreshed", "not_due") else "failed", user_id=user_id,
                    details={"connectionId": record.get("connectionId"), "outcome": outcome.status})
    if outcome.status == "expired":
        detail = outcome.detail or "The provider rejected the refresh token"
        raise expired_error(f"{detail}; reconnect the integration")
    if outcome.status == "lease_taken":
        raise HubError("A refresh of this connection is already running; try again shortly",
                       code="REFRESH_IN_PROGRESS", status_code=409)
    if outcome.status in ("retry_later", "error"):
        details: dict[str, Any] = {"integrationId": integration_id, "status": latest.get("status")}
        headers: dict[str, str] = {}
        cooldown = latest.get("cooldownUntil")
        if isinstance(cooldown, int | float):
            retry_after = max(1, math.ceil(cooldown - clock.now()))
            details["retryAfter"] = retry_after
            headers["Retry-After"] = str(retry_after)
        raise RefreshFailed(outcome.detail or "The token could not be refreshed", details=details, headers=headers)
    if outcome.status == "not_refreshable":
        raise RefreshFailed(outcome.detail or "This connection cannot be refreshed", status_code=400)
    if outcome.status == "superseded":
        raise ConnectionConflict(outcome.detail, details={"integrationId": integration_id})
    return {
        "refreshed": outcome.status == "refreshed",
        "outcome": outcome.status,
        "status": effective_status(latest),
        "expiresAt": iso_or_none(latest.get("expiresAt")),
        "lastRefreshedAt": latest.get("lastRefreshedAt"),
        "connectionId": latest.get("connectionId"),
    }
