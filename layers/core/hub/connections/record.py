"""The connection record: what the table holds about one connection (never a credential), its
statuses, and the pure rules on it (effective status, when a refresh is due, the views).

This module does no I/O; everything else in `hub.connections` builds on it (see
docs/connections.md for the layers).

Statuses: pending (nothing stored yet), active, error (refresh kept failing for days, or the
health check failed repeatedly), expired (the provider said invalid_grant: reconnect),
disconnected (revoked at the provider where possible, secret deleted).
"""

from collections.abc import Mapping
from typing import Any, Literal, TypedDict

from hub import clock

ConnectionStatus = Literal["pending", "active", "error", "expired", "disconnected"]
RefreshMode = Literal["refresh_token", "client_credentials", "jwt_bearer"]

LIVE_STATUSES: tuple[ConnectionStatus, ...] = ("active", "error")
# what one refresh attempt came to (hub/connections/refresh.py), as the refresh routes answer it
RefreshStatus = Literal["refreshed", "not_due", "lease_taken", "expired", "retry_later", "error", "not_refreshable",
                        "superseded", "too_soon"]
REFRESH_STATUSES: tuple[RefreshStatus, ...] = ("refreshed", "not_due", "lease_taken", "expired", "retry_later",
                                               "error", "not_refreshable", "superseded", "too_soon")
RENEWABLE_MODES: tuple[RefreshMode, ...] = ("refresh_token", "client_credentials", "jwt_bearer")
# which connect endpoint serves which auth mode
ENDPOINT_MODES: dict[str, tuple[str, ...]] = {
    "api_key": ("api_key",),
    "basic": ("basic",),
    "custom": ("custom", "oauth2_client_credentials"),
}
MODE_ENDPOINTS = {
    "oauth2": "connect/oauth",
    "api_key": "connect/api-key",
    "basic": "connect/basic",
    "custom": "connect/custom",
    "oauth2_client_credentials": "connect/custom",
}


class ConnectionRecord(TypedDict, total=False):
    """One connection item as the domain sees it (keys stripped). Times named `...At` are ISO
    strings except expiresAt / refreshDueAt / cooldownUntil / leaseExpiresAt / secretWriteUntil,
    which are epoch seconds because the jobs compare them."""

    tenantId: str
    integrationId: str
    userId: str | None
    connectionId: str
    providerId: str
    templateId: str | None
    authType: str
    status: ConnectionStatus
    version: int
    secretName: str
    secretStored: bool
    displayName: str | None
    publicCredentials: dict[str, str] | None
    credentialType: str | None
    connectedVia: str | None
    metadata: dict[str, Any] | None
    callbackFields: dict[str, str] | None
    tokenFields: dict[str, Any] | None
    inboundAccountIds: list[str] | None  # provider accounts its inbound webhooks name (hub/inbound/links.py)
    accountFields: dict[str, str] | None  # what the template's accountLookup found at connect (hub/inbound/lookup.py)
    inboundAccountIdsCaptured: list[str] | None  # those captured at connect, once a tenant admin corrected them
    scopes: list[str] | None
    tokenType: str | None
    hasRefreshToken: bool
    refreshMode: RefreshMode | None
    expiresAt: float | None
    refreshDueAt: float | None
    cooldownUntil: float | None
    refreshFailures: int
    refreshFailureDays: int
    lastRefreshFailureDay: str | None
    lastRefreshFailureAt: str | None
    lastRefreshError: str | None
    lastRefreshedAt: str | None
    expiredAt: str | None
    healthFailures: int
    lastHealthAt: str | None
    lastHealthStatus: str | None
    lastHealthError: str | None
    lastResponseTime: int | None
    errorSource: str | None
    lastError: str | None
    statusChangedAt: str | None
    lastTestedAt: str | None
    lastTestResult: str | None
    lastValidatedAt: str | None
    validationError: str | None
    leaseOwner: str | None
    leaseExpiresAt: int | None
    secretWriter: str | None
    secretWriteUntil: int | None
    pendingWrite: str | None
    pendingWriteAt: str | None
    createdAt: str
    connectedAt: str
    connectedBy: str | None
    lastConnectedAt: str
    credentialsUpdatedAt: str
    updatedAt: str
    disconnectedAt: str | None
    disconnectedBy: str | None
    disconnectReason: str | None
    revokedAtProvider: bool | None
    gsi2pk: str
    gsi2sk: str


def connection_key(record: Mapping[str, Any]) -> str:
    """The id of a connection in the due index and in leases (contract with the jobs)."""
    return f"{record['tenantId']}#{record['integrationId']}#{record.get('userId') or 'TENANT'}"


def is_refreshable(record: Mapping[str, Any]) -> bool:
    return record.get("refreshMode") in RENEWABLE_MODES


def is_live(record: Mapping[str, Any] | None) -> bool:
    """A connection whose credentials are stored and usable (possibly after a refresh)."""
    return bool(record and record.get("status") in LIVE_STATUSES and record.get("secretStored"))


def effective_status(record: Mapping[str, Any], now: float | None = None) -> str:
    """The record's status, except that an active connection whose token has expired and cannot
    be renewed is reported as expired (the hub does not ignore token expiry)."""
    status = str(record.get("status") or "pending")
    expires_at = record.get("expiresAt")
    moment = clock.now() if now is None else now
    expired = isinstance(expires_at, int | float) and expires_at <= moment
    if status == "active" and expired and not is_refreshable(record):
        return "expired"
    return status


def refresh_due_at(expires_at: float | None, buffer_seconds: int, now: float) -> float | None:
    """When to renew a token: `buffer` before expiry, but never in the past for a live token."""
    if expires_at is None:
        return None
    due = expires_at - buffer_seconds
    if due < now:
        due = now + max(0.0, (expires_at - now) / 2)
    return round(due, 3)


def iso_or_none(value: Any) -> str | None:
    return clock.iso(float(value)) if isinstance(value, int | float) else None


# ---- views (never a credential) -----------------------------------------------------------


def _compact(view: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in view.items() if v is not None}


def connection_view(record: Mapping[str, Any]) -> dict[str, Any]:
    status = effective_status(record)
    return _compact({
        "connected": status == "active",
        "connectionId": record.get("connectionId"),
        "integrationId": record.get("integrationId"),
        "userId": record.get("userId"),
        "providerId": record.get("providerId"),
        "status": status,
        "authType": record.get("authType"),
        "displayName": record.get("displayName"),
        "scopes": record.get("scopes"),
        "expiresAt": iso_or_none(record.get("expiresAt")),
        "hasRefreshToken": bool(record.get("hasRefreshToken")),
        "connectedAt": record.get("connectedAt"),
        "lastConnectedAt": record.get("lastConnectedAt"),
        "lastRefreshedAt": record.get("lastRefreshedAt"),
        "lastValidatedAt": record.get("lastValidatedAt"),
        "validationError": record.get("validationError"),
        "lastRefreshError": record.get("lastRefreshError"),
        "credentialsUpdatedAt": record.get("credentialsUpdatedAt"),
        "disconnectedAt": record.get("disconnectedAt"),
        "credentials": record.get("publicCredentials"),
        "account": record.get("tokenFields"),
        "metadata": record.get("metadata"),
    })


def not_connected_view(integration: Mapping[str, Any], auth_mode: str | None) -> dict[str, Any]:
    view = _compact({
        "connected": False,
        "integrationId": integration["id"],
        "status": "not_connected",
        "authType": auth_mode or integration.get("authType"),
        "connectWith": MODE_ENDPOINTS.get(auth_mode) if auth_mode else None,
    })
    if integration.get("userScoped"):
        view["userScoped"] = True
    return view


def user_connection_view(record: Mapping[str, Any] | None) -> dict[str, Any]:
    if record is None or record.get("status") == "disconnected":
        view: dict[str, Any] = {"connected": False}
        if record is not None:
            view.update({"status": "disconnected", "disconnectedAt": record.get("disconnectedAt")})
        return view
    status = effective_status(record)
    return _compact({
        "connected": status == "active",
        "connectionId": record.get("connectionId"),
        "status": status,
        "scopes": record.get("scopes"),
        "expiresAt": iso_or_none(record.get("expiresAt")),
        "lastConnectedAt": record.get("lastConnectedAt"),
        "lastValidatedAt": record.get("lastValidatedAt"),
    })


def audit_view(record: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if record is None:
        return None
    keep = ("connectionId", "status", "authType", "scopes", "expiresAt", "userId", "displayName", "secretStored")
    return {k: record.get(k) for k in keep if record.get(k) is not None}
