"""Connections: the credentials of one integration (tenant-wide) or of one user of it.

A connection is a table record (status, expiry, scopes, counters the jobs need; never a
credential) plus one vault secret (`hub.vault`, one Secrets Manager secret per connection)
holding the tokens or typed-in credentials. This module stores, shows, tests, refreshes and
disconnects them; `hub.connections.oauth` runs the OAuth flows and `hub.connections.refresh` the
leased refresh.

Record statuses: active, expired (the provider said invalid_grant: reconnect), error (refresh
kept failing, or verification says the credentials stopped working), disconnected (revoked at
the provider where possible, secret deleted). Key layout: `hub.connections.repository`.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from hub import clock
from hub.connections.activity import record_activity
from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.errors import (
    Conflict,
    ConnectionFailed,
    ConnectionNotFound,
    HubError,
    IntegrationNotFound,
    InvalidCredentials,
    RateLimitExceeded,
    RefreshFailed,
    SecretNotFound,
    TokenExpired,
    ValidationError,
)
from hub.http.context import record_change
from hub.ids import new_id
from hub.observability import logger
from hub.table import GSI2_PK, GSI2_SK, due_keys

if TYPE_CHECKING:  # pragma: no cover - typing only
    import httpx

    from hub.connections.spec import ProviderSpec
    from hub.connections.tokens import TokenSet
    from hub.principal import Principal

LIVE_STATUSES = ("active", "error")
RENEWABLE_MODES = ("refresh_token", "client_credentials", "jwt_bearer")
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
_USABLE_PROVIDER_STATUSES = ("active", "beta")


def connection_key(record: Mapping[str, Any]) -> str:
    """The id of a connection in the due index and in leases (contract with the jobs)."""
    return f"{record['tenantId']}#{record['integrationId']}#{record.get('userId') or 'TENANT'}"


def _expired_error(message: str | None = None) -> TokenExpired:
    # 400, not TokenExpired's default 401: the caller's own token is fine, the provider's is not
    return TokenExpired(message, status_code=400)


# ---- lookups ------------------------------------------------------------------------------


def get_connection_record(tenant_id: str, integration_id: str, user_id: str | None = None) -> dict[str, Any]:
    record = ConnectionRepository().get_connection(tenant_id, integration_id, user_id)
    if record is None:
        raise ConnectionNotFound(details={"integrationId": integration_id})
    return record


def _live_record(tenant_id: str, integration_id: str, user_id: str | None = None) -> dict[str, Any]:
    record = get_connection_record(tenant_id, integration_id, user_id)
    if record.get("status") == "disconnected" or not record.get("secretStored"):
        raise ConnectionNotFound("The integration is not connected", details={"integrationId": integration_id})
    return record


def integration_for(principal: Principal, integration_id: str, *, user_scoped: bool) -> dict[str, Any]:
    """The caller's integration (kept briefly per warm container: hub.integrations.repository).
    User endpoints only see user-scoped integrations."""
    from hub.integrations.repository import cached_integration

    integration = cached_integration(principal.tenant_id, integration_id)
    if integration is None:
        raise IntegrationNotFound(details={"id": integration_id})
    if user_scoped and not integration.get("userScoped"):
        raise IntegrationNotFound(details={"id": integration_id})
    return integration


def connectable_spec(integration: Mapping[str, Any], *, user_scoped: bool) -> ProviderSpec:
    """The provider spec of an integration that may be connected now (enabled, provider usable,
    the right scope)."""
    from hub.connections.spec import provider_spec_for

    if user_scoped and not integration.get("userScoped"):
        raise IntegrationNotFound(details={"id": integration["id"]})
    if integration.get("userScoped") and not user_scoped:
        raise ValidationError(
            "This integration is user-scoped: each user connects it through /api/user/integrations/{id}/connect/oauth",
            code="USER_SCOPED_INTEGRATION", details={"integrationId": integration["id"]},
        )
    if integration.get("status") == "disabled" or integration.get("enabled") is False:
        raise ValidationError("This integration is disabled; activate it first", code="INTEGRATION_DISABLED",
                              details={"integrationId": integration["id"]})
    spec = provider_spec_for(integration)
    if spec.provider.get("status") not in _USABLE_PROVIDER_STATUSES:
        raise ValidationError("The provider of this integration is not available", code="PROVIDER_DISABLED",
                              details={"providerId": spec.provider_id})
    return spec


def require_mode(spec: ProviderSpec, endpoint: str) -> None:
    if spec.auth_mode not in ENDPOINT_MODES.get(endpoint, ()):
        raise ValidationError(
            f"This integration authenticates with {spec.auth_mode or 'an unknown method'}; use "
            f"{MODE_ENDPOINTS.get(spec.auth_mode, 'another connect endpoint')}",
            code="AUTH_TYPE_MISMATCH",
            details={"authType": spec.auth_mode, "endpoint": MODE_ENDPOINTS.get(spec.auth_mode)},
        )


# ---- views (never a credential) -----------------------------------------------------------


def _iso(value: Any) -> str | None:
    return clock.iso(float(value)) if isinstance(value, int | float) else None


def is_refreshable(record: Mapping[str, Any]) -> bool:
    return record.get("refreshMode") in RENEWABLE_MODES


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


def connection_view(record: Mapping[str, Any]) -> dict[str, Any]:
    status = effective_status(record)
    view: dict[str, Any] = {
        "connected": status == "active",
        "connectionId": record.get("connectionId"),
        "integrationId": record.get("integrationId"),
        "userId": record.get("userId"),
        "providerId": record.get("providerId"),
        "status": status,
        "authType": record.get("authType"),
        "displayName": record.get("displayName"),
        "scopes": record.get("scopes"),
        "expiresAt": _iso(record.get("expiresAt")),
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
    }
    return {k: v for k, v in view.items() if v is not None}


def not_connected_view(integration: Mapping[str, Any], spec: ProviderSpec | None = None) -> dict[str, Any]:
    view: dict[str, Any] = {
        "connected": False,
        "integrationId": integration["id"],
        "status": "not_connected",
        "authType": spec.auth_mode if spec else integration.get("authType"),
        "connectWith": MODE_ENDPOINTS.get(spec.auth_mode) if spec else None,
    }
    if integration.get("userScoped"):
        view["userScoped"] = True
    return {k: v for k, v in view.items() if v is not None}


def _audit_view(record: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if record is None:
        return None
    keep = ("connectionId", "status", "authType", "scopes", "expiresAt", "userId", "displayName", "secretStored")
    return {k: record.get(k) for k in keep if record.get(k) is not None}


def get_connection_status(principal: Principal, integration_id: str, *, user_scoped: bool = False) -> dict[str, Any]:
    from hub.connections.credentials import generated_values
    from hub.connections.spec import provider_spec_for

    integration = integration_for(principal, integration_id, user_scoped=user_scoped)
    user_id = principal.user_id if user_scoped else None
    record = ConnectionRepository().get_connection(principal.tenant_id, integration_id, user_id)
    spec = None
    try:
        spec = provider_spec_for(integration)
    except HubError:
        logger.warning("provider spec unavailable", extra={"integrationId": integration_id})
    view = connection_view(record) if record is not None else not_connected_view(integration, spec)
    if spec is not None and not user_scoped and any(f.generated for f in spec.credential_fields):
        # what the tenant must copy into the provider before connecting (the AWS ExternalId)
        view["setup"] = generated_values(spec, principal.tenant_id)
    return view


# ---- storing -------------------------------------------------------------------------------


def _publish(event_type: str, record: Mapping[str, Any], **fields: Any) -> None:
    try:
        from hub.events import EventPublisher

        EventPublisher().publish(
            event_type, str(record["tenantId"]), integrationId=record.get("integrationId"),
            connectionId=record.get("connectionId"), providerId=record.get("providerId"),
            userId=record.get("userId"), **fields,
        )
    except Exception:  # noqa: BLE001 - the change happened; a lost event is logged, not raised
        logger.exception("event not published", extra={"eventType": event_type})


def _health_hook(name: str, record: Mapping[str, Any]) -> None:
    import hub.jobs.health as health

    try:
        getattr(health, name)(dict(record))
    except Exception:  # noqa: BLE001 - scheduling is best effort; the health sweep catches up
        logger.exception("health check scheduling failed", extra={"hook": name})


def _update_integration(record: Mapping[str, Any], fields: dict[str, Any]) -> None:
    """Tenant-wide connections drive the integration's status; user connections do not."""
    if record.get("userId"):
        return
    from hub.integrations.repository import IntegrationRepository

    IntegrationRepository().update_fields(str(record["tenantId"]), str(record["integrationId"]),
                                          {**fields, "updatedAt": clock.iso()})


def integration_connected(record: Mapping[str, Any], integration: Mapping[str, Any] | None = None) -> None:
    enabled = integration is None or (integration.get("status") != "disabled" and integration.get("enabled", True))
    fields: dict[str, Any] = {"connectionStatus": "active", "lastConnectedAt": clock.iso(), "lastError": None}
    if enabled:
        fields["status"] = "connected"
    _update_integration(record, fields)


def refresh_due_at(expires_at: float | None, buffer_seconds: int, now: float) -> float | None:
    """When to renew a token: `buffer` before expiry, but never in the past for a live token."""
    if expires_at is None:
        return None
    due = expires_at - buffer_seconds
    if due < now:
        due = now + max(0.0, (expires_at - now) / 2)
    return round(due, 3)


def token_record_fields(spec: ProviderSpec, tokens: TokenSet, *, refresh_mode: str | None,
                        requested_scopes: list[str] | None, now: float) -> dict[str, Any]:
    renewable = refresh_mode in RENEWABLE_MODES
    return {
        "scopes": list(tokens.scopes) if tokens.scopes is not None else (requested_scopes or None),
        "tokenType": tokens.token_type or "Bearer",
        "expiresAt": tokens.expires_at,
        "refreshDueAt": refresh_due_at(tokens.expires_at, spec.refresh_buffer_seconds, now) if renewable else None,
        "hasRefreshToken": bool(tokens.refresh_token),
        "refreshMode": refresh_mode,
        "tokenFields": tokens.extra or None,
    }


def _revoke_replaced_tokens(spec: ProviderSpec, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
    """A reconnect replaces the stored grant: end the old one at the provider (best effort)."""
    from hub.connections.tokens import revoke_token

    old_refresh = old.get("refreshToken")
    if old_refresh and old_refresh != new.get("refreshToken") and spec.revocation_url():
        revoke_token(spec, str(old_refresh), "refresh_token")


SECRET_WRITE_SECONDS = 30  # the vault + record write of a connect or refresh; never a provider call
_CLAIM_ATTEMPTS = 30
_CLAIM_PAUSE_SECONDS = 0.1


class ConnectionConflict(Conflict):
    code = "CONFLICT"
    default_message = "A connection to this integration is being created or updated; try again"


def _revoke_unstored(spec: ProviderSpec, payload: Mapping[str, Any]) -> None:
    """Tokens this request obtained but could not store: end them at the provider (RFC 7009,
    best effort) so no live grant is left that nobody holds."""
    from hub.connections.tokens import revoke_token

    if spec.oauth is None or not spec.revocation_url():
        return
    refresh, access = payload.get("refreshToken"), payload.get("accessToken")
    try:
        if refresh:
            revoke_token(spec, str(refresh), "refresh_token")
        elif access:
            revoke_token(spec, str(access), "access_token")
    except HubError:
        logger.warning("unstored tokens not revoked", extra={"providerId": spec.provider_id})


def _abandon_secret(spec: ProviderSpec, ref: Any, payload: Mapping[str, Any], backend: str) -> None:
    from hub.vault import vault_named

    try:
        vault_named(backend).delete(ref)
    except HubError:
        logger.exception("abandoned secret not deleted", extra={"integrationId": ref.integration_id})
    _revoke_unstored(spec, payload)


def _claim_for_replace(repository: ConnectionRepository, existing: Mapping[str, Any], owner: str
                       ) -> dict[str, Any] | None:
    """Take the record's writer lease for replacing its grant. A refresh that is only waiting
    for the provider is pre-empted (its lease is taken; its own write then fails and it stops),
    but one that is writing the vault (`secretWriteUntil`) or another connect is not."""
    now = clock.now()
    return repository.update_connection(
        str(existing["tenantId"]), str(existing["integrationId"]), existing.get("userId"),
        {"leaseOwner": owner, "leaseExpiresAt": int(now + SECRET_WRITE_SECONDS), "secretWriter": owner,
         "secretWriteUntil": int(now + SECRET_WRITE_SECONDS)},
        condition="#cid = :cid AND #stored = :true AND (attribute_not_exists(#wu) OR #wu < :now)",
        names={"#cid": "connectionId", "#stored": "secretStored", "#wu": "secretWriteUntil"},
        values={":cid": existing["connectionId"], ":true": True, ":now": int(now)},
    )


def _release_claim(repository: ConnectionRepository, record: Mapping[str, Any], owner: str) -> None:
    try:
        repository.update_connection(str(record["tenantId"]), str(record["integrationId"]), record.get("userId"), {},
                                     remove=("leaseOwner", "leaseExpiresAt", "secretWriter", "secretWriteUntil"),
                                     condition="#owner = :owner", names={"#owner": "leaseOwner"},
                                     values={":owner": owner})
    except Exception:  # noqa: BLE001 - an unreleased claim expires on its own
        logger.exception("connect claim not released", extra={"integrationId": record.get("integrationId")})


def store_connection(integration: Mapping[str, Any], spec: ProviderSpec, *, user_id: str | None,
                     actor: str | None, payload: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """Write the secret (new secret, or a new version of the existing one) and the record, then
    tell everyone: integration status, health schedule, `integration.connected`, activity, audit.

    Concurrency: a first connect (or one after a disconnect) creates a new secret and writes the
    record only if nobody else did meanwhile (`attribute_not_exists(pk)`, or the version it read).
    The loser deletes its own secret, revokes its tokens and answers 409 CONFLICT: the winner's
    connection stands, and retrying as a replacement would silently swap the account the winner
    just connected. A reconnect (live secret) takes the record's writer lease first (waiting
    briefly for another writer), so the vault version and the record always describe one grant."""
    repository = ConnectionRepository()
    tenant_id, integration_id = str(integration["tenantId"]), str(integration["id"])
    owner = f"connect:{new_id()}"
    for _attempt in range(_CLAIM_ATTEMPTS):
        existing = repository.get_connection(tenant_id, integration_id, user_id)
        if not (existing and existing.get("secretStored") and existing.get("connectionId")):
            return _store_new(repository, integration, spec, existing, user_id=user_id, actor=actor,
                              payload=payload, fields=fields)
        claimed = _claim_for_replace(repository, existing, owner)
        if claimed is not None:
            try:
                return _store_replacement(repository, integration, spec, existing, claimed, owner, actor=actor,
                                          payload=payload, fields=fields)
            finally:
                _release_claim(repository, existing, owner)
        time.sleep(_CLAIM_PAUSE_SECONDS)
    _revoke_unstored(spec, payload)
    raise ConnectionConflict(details={"integrationId": integration_id})


def _record_for(integration: Mapping[str, Any], spec: ProviderSpec, existing: Mapping[str, Any] | None, *,
                user_id: str | None, actor: str | None, connection_id: str, ref: Any, version: int,
                fields: dict[str, Any]) -> dict[str, Any]:
    now = clock.now()
    record: dict[str, Any] = {
        "tenantId": str(integration["tenantId"]),
        "integrationId": str(integration["id"]),
        "userId": user_id,
        "connectionId": connection_id,
        "providerId": spec.provider_id,
        "templateId": spec.template_id,
        "authType": spec.auth_mode,
        "status": "active",
        "secretName": ref.secret_name(),
        "secretStored": True,
        "createdAt": (existing or {}).get("createdAt") or clock.iso(now),
        "connectedAt": clock.iso(now),
        "connectedBy": actor,
        "lastConnectedAt": clock.iso(now),
        "credentialsUpdatedAt": clock.iso(now),
        "updatedAt": clock.iso(now),
        "refreshFailures": 0,
        "refreshFailureDays": 0,
        "healthFailures": 0,
        "version": version,
        **fields,
    }
    if record.get("refreshDueAt") is not None and is_refreshable(record):
        record.update(due_keys("refresh", connection_key(record), float(record["refreshDueAt"])))
    return {k: v for k, v in record.items() if v is not None}


def _store_new(repository: ConnectionRepository, integration: Mapping[str, Any], spec: ProviderSpec,
               existing: Mapping[str, Any] | None, *, user_id: str | None, actor: str | None,
               payload: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    from hub.repository import ConditionFailed
    from hub.vault import BACKEND_FIELD, TABLE, SecretRef, credential_fields, vault_named

    tenant_id, integration_id = str(integration["tenantId"]), str(integration["id"])
    connection_id = new_id("conn")
    ref = SecretRef(tenant_id, integration_id, connection_id,
                    record_key=repository.key_of({"tenantId": tenant_id, "integrationId": integration_id,
                                                  "userId": user_id}))
    stored = credential_fields(ref, payload)  # the `table` vault: the sealed payload goes in the record
    if stored[BACKEND_FIELD] != TABLE:
        vault_named(stored[BACKEND_FIELD]).store(ref, payload)  # a fresh id: nobody else writes this secret
    version = int((existing or {}).get("version") or 0)
    record = _record_for(integration, spec, existing, user_id=user_id, actor=actor, connection_id=connection_id,
                         ref=ref, version=version, fields={**fields, **stored})
    if existing is None:
        condition, names, values = "attribute_not_exists(#pk)", {"#pk": "pk"}, None
    else:  # a disconnected record: replace exactly the one we read
        condition, names, values = "#v = :v", {"#v": "version"}, {":v": existing.get("version")}
    try:
        saved = repository.put_connection(record, condition=condition, names=names, values=values)
    except ConditionFailed:
        logger.warning("concurrent connect lost; own secret deleted", extra={"integrationId": integration_id})
        _abandon_secret(spec, ref, payload, stored[BACKEND_FIELD])
        raise ConnectionConflict(details={"integrationId": integration_id}) from None
    _announce_connected(integration, spec, existing, saved, fields)
    return saved


def _store_replacement(repository: ConnectionRepository, integration: Mapping[str, Any], spec: ProviderSpec,
                       existing: Mapping[str, Any], claimed: Mapping[str, Any], owner: str, *, actor: str | None,
                       payload: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    from hub.repository import ConditionFailed
    from hub.vault import BACKEND_FIELD, TABLE, credential_fields, read_credentials, vault_named

    integration_id = str(integration["id"])
    connection_id = str(existing["connectionId"])
    ref = secret_ref_of(dict(existing))
    old_payload: dict[str, Any] = {}
    stored = credential_fields(ref, payload, record=claimed)  # it stays where the record says it is
    try:
        old_payload = read_credentials(ref, claimed)
    except SecretNotFound:
        pass
    if stored[BACKEND_FIELD] != TABLE:
        vault = vault_named(stored[BACKEND_FIELD])
        try:
            vault.replace(ref, payload)
        except SecretNotFound:
            vault.store(ref, payload)
    record = _record_for(integration, spec, existing, user_id=existing.get("userId"), actor=actor,
                         connection_id=connection_id, ref=ref, version=int(claimed.get("version") or 0),
                         fields={**fields, **stored})
    try:
        saved = repository.put_connection(record, condition="#owner = :owner AND #writer = :owner",
                                          names={"#owner": "leaseOwner", "#writer": "secretWriter"},
                                          values={":owner": owner})
    except ConditionFailed:
        # disconnected while we wrote (the disconnect removed our claim): it wins
        logger.warning("connection disconnected during reconnect", extra={"integrationId": integration_id})
        _abandon_secret(spec, ref, payload, stored[BACKEND_FIELD])
        raise ConnectionConflict("The connection was disconnected meanwhile; connect again",
                                 details={"integrationId": integration_id}) from None
    if old_payload:
        try:
            _revoke_replaced_tokens(spec, old_payload, payload)
        except HubError:
            logger.warning("old tokens not revoked", extra={"integrationId": integration_id})
    _announce_connected(integration, spec, existing, saved, fields)
    return saved


def _announce_connected(integration: Mapping[str, Any], spec: ProviderSpec, existing: Mapping[str, Any] | None,
                        saved: dict[str, Any], fields: Mapping[str, Any]) -> None:
    integration_connected(saved, integration)
    _health_hook("schedule_health_check", saved)
    _publish("integration.connected", saved, via=fields.get("connectedVia"))
    record_change("connection", str(saved["connectionId"]), before=_audit_view(existing), after=_audit_view(saved))
    record_activity(str(saved["tenantId"]), str(saved["integrationId"]), "connect", "success",
                    user_id=saved.get("userId"),
                    details={"connectionId": saved["connectionId"], "authType": spec.auth_mode,
                             "via": fields.get("connectedVia")})


def store_tokens(integration: Mapping[str, Any], spec: ProviderSpec, tokens: TokenSet, *, user_id: str | None,
                 actor: str | None, requested_scopes: list[str] | None = None,
                 callback_fields: dict[str, str] | None = None, metadata: dict[str, Any] | None = None,
                 via: str = "oauth") -> dict[str, Any]:
    """Store the tokens of a finished authorization-code flow."""
    fields = token_record_fields(spec, tokens, refresh_mode="refresh_token" if tokens.refresh_token else None,
                                 requested_scopes=requested_scopes, now=clock.now())
    fields.update({"callbackFields": callback_fields or None, "metadata": metadata or None, "connectedVia": via,
                   "lastValidatedAt": clock.iso(), "validationError": None})
    payload = {"kind": "oauth2", **tokens.vault_payload()}
    return store_connection(integration, spec, user_id=user_id, actor=actor, payload=payload, fields=fields)


# ---- credential connections (api key, basic, custom) -------------------------------------


def _verified_credentials(spec: ProviderSpec, given: Mapping[str, Any], tenant_id: str
                          ) -> tuple[dict[str, str], TokenSet | None, Any]:
    """Validate, log in where needed and run the verification request. Nothing is stored here;
    a refusal is INVALID_CREDENTIALS, provider trouble CONNECTION_FAILED."""
    from hub.connections.credentials import acquire_token, validate_credentials
    from hub.connections.verify import INVALID_CREDENTIALS, verify

    values = validate_credentials(spec, given, tenant_id=tenant_id)
    token = acquire_token(spec, values)
    result = verify(spec, access_token=token.access_token if token else None, credentials=values, tenant_id=tenant_id)
    if not result.success and result.verified:
        details = {"statusCode": result.status_code, "reason": result.message}
        if result.error == INVALID_CREDENTIALS:
            raise InvalidCredentials(result.message or "The provider rejected the credentials", details=details)
        raise ConnectionFailed(result.message or "The provider could not be reached", details=details)
    return values, token, result


def connect_with_credentials(principal: Principal, integration_id: str, endpoint: str, given: Mapping[str, Any], *,
                             display_name: str | None = None) -> dict[str, Any]:
    from hub.connections.credentials import public_credential_values

    integration = integration_for(principal, integration_id, user_scoped=False)
    spec = connectable_spec(integration, user_scoped=False)
    require_mode(spec, endpoint)
    values, token, result = _verified_credentials(spec, given, principal.tenant_id)
    fields: dict[str, Any] = {
        "displayName": display_name,
        "publicCredentials": public_credential_values(spec, values) or None,
        "connectedVia": endpoint,
        "lastValidatedAt": result.tested_at if result.verified else None,
        "validationError": None,
        "credentialType": endpoint,
    }
    payload: dict[str, Any] = {"kind": spec.auth_mode, "credentials": values}
    if token is not None:
        mode = "client_credentials" if spec.auth_mode == "oauth2_client_credentials" else "jwt_bearer"
        fields.update(token_record_fields(spec, token, refresh_mode=mode, requested_scopes=spec.scopes(),
                                          now=clock.now()))
        payload.update(token.vault_payload())
    saved = store_connection(integration, spec, user_id=None, actor=principal.user_id, payload=payload, fields=fields)
    return {
        "connectionId": saved["connectionId"],
        "status": saved["status"],
        "connectedAt": saved["connectedAt"],
        "verified": result.verified,
        "message": result.message,
    }


def update_credentials(principal: Principal, integration_id: str, credential_type: str,
                       credentials: Mapping[str, Any]) -> dict[str, Any]:
    """PATCH .../credentials: new credentials for an existing connection (verified first; the
    secret gets a new version, the connection id stays)."""
    from hub.connections.credentials import public_credential_values

    integration = integration_for(principal, integration_id, user_scoped=False)
    record = _live_record(principal.tenant_id, integration_id)
    spec = connectable_spec(integration, user_scoped=False)
    if credential_type == "oauth":
        if spec.auth_mode != "oauth2":
            require_mode(spec, "oauth")
        return _update_oauth_tokens(principal, integration, spec, record, credentials)
    require_mode(spec, credential_type)
    values, token, result = _verified_credentials(spec, credentials, principal.tenant_id)
    payload: dict[str, Any] = {"kind": spec.auth_mode, "credentials": values}
    fields: dict[str, Any] = {"publicCredentials": public_credential_values(spec, values) or None,
                              "lastValidatedAt": result.tested_at if result.verified else None,
                              "validationError": None, "credentialType": credential_type,
                              "displayName": record.get("displayName"), "connectedVia": record.get("connectedVia")}
    if token is not None:
        mode = "client_credentials" if spec.auth_mode == "oauth2_client_credentials" else "jwt_bearer"
        fields.update(token_record_fields(spec, token, refresh_mode=mode, requested_scopes=spec.scopes(),
                                          now=clock.now()))
        payload.update(token.vault_payload())
    saved = store_connection(integration, spec, user_id=None, actor=principal.user_id, payload=payload, fields=fields)
    return {"success": True, "credentialSecretName": saved["secretName"], "updatedAt": saved["credentialsUpdatedAt"],
            "connectionId": saved["connectionId"]}


def _update_oauth_tokens(principal: Principal, integration: Mapping[str, Any], spec: ProviderSpec,
                         record: Mapping[str, Any], credentials: Mapping[str, Any]) -> dict[str, Any]:
    """Tokens obtained elsewhere (PUT .../credentials): checked with the verification request."""
    from hub.connections.tokens import TokenSet
    from hub.connections.verify import INVALID_CREDENTIALS, verify
    from hub.redaction import register_secret

    allowed = {"accessToken", "refreshToken", "tokenExpiresAt", "scopesGranted", "tokenType"}
    unknown = sorted(set(credentials) - allowed)
    if unknown:
        raise ValidationError("Unknown credential fields", details={"fields": unknown, "expected": sorted(allowed)})
    access = credentials.get("accessToken")
    refresh = credentials.get("refreshToken")
    if not isinstance(access, str) or not access or len(access) > 16384:
        raise ValidationError("credentials.accessToken is required", details={"field": "credentials.accessToken"})
    if refresh is not None and (not isinstance(refresh, str) or not refresh or len(refresh) > 16384):
        raise ValidationError("credentials.refreshToken must be a string",
                              details={"field": "credentials.refreshToken"})
    register_secret(access)
    register_secret(refresh)
    expires_at = None
    if credentials.get("tokenExpiresAt") is not None:
        try:
            expires_at = clock.parse_iso(str(credentials["tokenExpiresAt"]))
        except ValueError:
            raise ValidationError("credentials.tokenExpiresAt must be an ISO 8601 time",
                                  details={"field": "credentials.tokenExpiresAt"}) from None
    scopes = credentials.get("scopesGranted")
    if scopes is not None and (not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes)):
        raise ValidationError("credentials.scopesGranted must be a list of strings",
                              details={"field": "credentials.scopesGranted"})
    token_type = credentials.get("tokenType")
    tokens = TokenSet(access_token=access, refresh_token=refresh, expires_at=expires_at,
                      token_type=str(token_type) if isinstance(token_type, str) else None,
                      scopes=tuple(scopes) if scopes is not None else None)
    result = verify(spec, access_token=access, token_fields=record.get("tokenFields"),
                    callback_fields=record.get("callbackFields"), tenant_id=principal.tenant_id)
    if not result.success and result.verified:
        error_class = InvalidCredentials if result.error == INVALID_CREDENTIALS else ConnectionFailed
        raise error_class(result.message, details={"statusCode": result.status_code})
    fields = token_record_fields(spec, tokens, refresh_mode="refresh_token" if refresh else None,
                                 requested_scopes=record.get("scopes"), now=clock.now())
    fields.update({"lastValidatedAt": result.tested_at if result.verified else None, "validationError": None,
                   "credentialType": "oauth", "callbackFields": record.get("callbackFields"),
                   "tokenFields": record.get("tokenFields"), "connectedVia": "credentials",
                   "displayName": record.get("displayName"), "metadata": record.get("metadata")})
    saved = store_connection(integration, spec, user_id=None, actor=principal.user_id,
                             payload={"kind": "oauth2", **tokens.vault_payload()}, fields=fields)
    return {"success": True, "credentialSecretName": saved["secretName"], "updatedAt": saved["credentialsUpdatedAt"],
            "connectionId": saved["connectionId"]}


# ---- using a connection --------------------------------------------------------------------


def _read_secret(record: Mapping[str, Any]) -> dict[str, Any]:
    from hub.vault import read_credentials

    try:
        return read_credentials(secret_ref_of(dict(record)), record)
    except SecretNotFound:
        raise ConnectionNotFound("The connection's credentials are gone; reconnect the integration",
                                 details={"integrationId": record.get("integrationId")}) from None


def _wait_for_other_refresh(record: Mapping[str, Any], seconds: float = 5.0) -> dict[str, Any]:
    """Someone else holds the refresh lease: wait (briefly) for their result."""
    repository = ConnectionRepository()
    deadline = time.monotonic() + seconds
    current = dict(record)
    while time.monotonic() < deadline:
        time.sleep(0.2)
        latest = repository.get_connection(str(record["tenantId"]), str(record["integrationId"]), record.get("userId"))
        if latest is None:
            raise ConnectionNotFound(details={"integrationId": record.get("integrationId")})
        current = latest
        if not latest.get("leaseOwner") or float(latest.get("leaseExpiresAt") or 0) < clock.now():
            break
    return current


def usable_credentials(record: Mapping[str, Any], spec: ProviderSpec) -> tuple[dict[str, Any], dict[str, Any]]:
    """(record, vault payload) with a token that is good for at least the refresh buffer:
    refreshes first when it is expired or about to be."""
    from hub.connections.refresh import refresh_connection

    current = dict(record)
    if current.get("status") == "expired":
        raise _expired_error()
    if current.get("status") not in LIVE_STATUSES or not current.get("secretStored"):
        raise ConnectionNotFound("The integration is not connected",
                                 details={"integrationId": current.get("integrationId")})
    expires_at = current.get("expiresAt")
    now = clock.now()
    if isinstance(expires_at, int | float) and expires_at - spec.refresh_buffer_seconds <= now:
        if not is_refreshable(current):
            if expires_at <= now:
                raise _expired_error()
        else:
            outcome = refresh_connection(str(current["tenantId"]), str(current["integrationId"]),
                                         current.get("userId"), force=True, owner=f"request:{new_id()}")
            if outcome.status == "refreshed" and outcome.record is not None:
                current = outcome.record
            elif outcome.status == "lease_taken":
                current = _wait_for_other_refresh(current)
            elif outcome.status == "expired":
                raise _expired_error()
            latest = current.get("expiresAt")
            if isinstance(latest, int | float) and latest <= clock.now():
                raise RefreshFailed(outcome.detail or "The token could not be refreshed",
                                    details={"integrationId": current.get("integrationId")})
    return current, _read_secret(current)


def _api_auth(spec: ProviderSpec, payload: Mapping[str, Any]) -> Any:
    from hub.providers.templates import ApiAuth, build_api_auth

    template = spec.template
    assert template is not None
    access = payload.get("accessToken")
    auth = build_api_auth(template, access_token=access, credentials=payload.get("credentials"),
                          config=dict(spec.config))
    if access and template.api.auth_header not in auth.headers:
        # token-producing custom logins (service accounts, client credentials) send the token
        scheme = template.api.auth_scheme or "Bearer"
        auth = ApiAuth(headers={**auth.headers, template.api.auth_header: f"{scheme} {access}"}, query=auth.query)
    return auth


def provider_request(record: Mapping[str, Any], method: str, path: str, *, params: Mapping[str, Any] | None = None,
                     json: Any = None) -> httpx.Response:
    """One provider API call with the connection's credentials (through the URL guard),
    refreshing first when the token is expired or within the refresh buffer. Used by sync and
    search. `path` is relative to the provider's API base URL."""
    from urllib.parse import urlencode

    from hub.connections.spec import provider_spec_for
    from hub.integrations.service import get_integration
    from hub.providers.templates import api_base_url
    from hub.urlguard import safe_request

    integration = get_integration(str(record["tenantId"]), str(record["integrationId"]))
    spec = provider_spec_for(integration)
    template = spec.template
    if template is None or template.custom_auth in ("aws_iam_role", "aws_access_keys"):
        raise ValidationError("The hub has no HTTP API definition for this provider",
                              details={"providerId": spec.provider_id})
    if not path.startswith("/") or path.startswith("//") or "://" in path or "#" in path:
        raise ValidationError("The provider path must be relative to its API base URL", details={"field": "path"})
    current, payload = usable_credentials(record, spec)
    auth = _api_auth(spec, payload)
    url = api_base_url(template, dict(spec.config), current.get("tokenFields")) + path
    query = {**{k: str(v) for k, v in (params or {}).items() if v is not None}, **auth.query}
    if query:
        url += ("&" if "?" in url else "?") + urlencode(query)
    headers = {"Accept": "application/json", **auth.headers}
    return safe_request(method, url, headers=headers, json=json, purpose="provider-api")


def run_verification(record: Mapping[str, Any]) -> dict[str, Any]:
    """The template's verification request with this connection's credentials (refreshing first
    when the token is expired). Records nothing; returns {success, message, error, statusCode,
    responseTime, testedAt, details}."""
    from hub.connections.spec import provider_spec_for
    from hub.connections.verify import Verification, verify
    from hub.integrations.service import get_integration

    try:
        integration = get_integration(str(record["tenantId"]), str(record["integrationId"]))
        spec = provider_spec_for(integration)
        current, payload = usable_credentials(record, spec)
        result = verify(spec, access_token=payload.get("accessToken"), credentials=payload.get("credentials"),
                        token_fields=current.get("tokenFields"), callback_fields=current.get("callbackFields"),
                        tenant_id=str(record["tenantId"]))
    except HubError as error:
        result = Verification(success=False, error=error.code, message=error.message)
    return result.as_dict()


def test_connection(principal: Principal, integration_id: str, *, user_scoped: bool = False) -> dict[str, Any]:
    integration_for(principal, integration_id, user_scoped=user_scoped)
    user_id = principal.user_id if user_scoped else None
    record = _live_record(principal.tenant_id, integration_id, user_id)
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
    from hub.connections.refresh import refresh_connection

    integration_for(principal, integration_id, user_scoped=user_scoped)
    user_id = principal.user_id if user_scoped else None
    # the lease write returns the record: no read before it (refresh_connection says why not)
    outcome = refresh_connection(principal.tenant_id, integration_id, user_id, force=force,
                                 owner=f"api:{principal.user_id}:{new_id()}")
    record = outcome.record
    if record is None or record.get("status") == "disconnected" or not record.get("secretStored"):
        raise ConnectionNotFound("The integration is not connected", details={"integrationId": integration_id})
    if record.get("status") == "expired" and outcome.status != "expired":
        raise _expired_error("The provider rejected this connection's refresh token; reconnect the integration")
    if outcome.status == "not_refreshable" and not is_refreshable(record):
        raise RefreshFailed("This connection has nothing to refresh (no refresh token, or not token-based)",
                            status_code=400, details={"integrationId": integration_id})
    latest = record
    if outcome.status == "too_soon":
        # a still-valid token refreshed on demand again and again would spend the provider's and
        # the vault's write quota (Secrets Manager: 50 writes/s per account and region)
        raise RateLimitExceeded(outcome.retry_after or 1, message=outcome.detail)
    if outcome.status == "expired":
        detail = outcome.detail or "The provider rejected the refresh token"
        raise _expired_error(f"{detail}; reconnect the integration")
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
        "expiresAt": _iso(latest.get("expiresAt")),
        "lastRefreshedAt": latest.get("lastRefreshedAt"),
        "connectionId": latest.get("connectionId"),
    }


# ---- disconnecting -------------------------------------------------------------------------


def _revoke_at_provider(record: Mapping[str, Any]) -> bool | None:
    """RFC 7009 where the template has a revocation endpoint: True revoked, False failed, None
    not possible (no endpoint, no token)."""
    from hub.connections.spec import provider_spec_for
    from hub.connections.tokens import revoke_token
    from hub.integrations.repository import IntegrationRepository
    from hub.vault import read_credentials

    integration = IntegrationRepository().get_integration(str(record["tenantId"]), str(record["integrationId"]))
    if integration is None:
        return None
    try:
        spec = provider_spec_for(integration)
    except HubError:
        return None
    if spec.oauth is None or not spec.oauth.revocation_url:
        return None
    try:
        payload = read_credentials(secret_ref_of(dict(record)), record)
    except HubError:
        return None
    hint = spec.oauth.revocation_token_type_hint
    refresh, access = payload.get("refreshToken"), payload.get("accessToken")
    # revoking the refresh token ends the grant (and its access tokens, RFC 7009 §2.1)
    if refresh and hint != "access_token":
        return revoke_token(spec, str(refresh), "refresh_token")
    if access:
        return revoke_token(spec, str(access), "access_token")
    return None


def disconnect_connection(record: Mapping[str, Any], *, reason: str, actor: str | None) -> dict[str, Any]:
    """Revoke at the provider (where possible), delete the secret, mark the record disconnected
    (no due keys, no health marker), publish `integration.disconnected`."""
    from hub.vault import MESSAGE_FIELD, TABLE, backend_of, vault_named

    vault = vault_named(backend_of(record))
    # the `table` vault's credential is an attribute of the record: the update below removes it
    outside = bool(record.get("connectionId")) and vault.name != TABLE
    revoked = _revoke_at_provider(record) if record.get("secretStored") else None
    if outside:
        vault.delete(secret_ref_of(dict(record)))
    now = clock.iso()
    fields = {"status": "disconnected", "disconnectedAt": now, "disconnectedBy": actor, "disconnectReason": reason,
              "secretStored": False, "hasRefreshToken": False, "updatedAt": now, "revokedAtProvider": revoked}
    # removing the lease and writer claim makes an in-flight refresh or reconnect lose its final write
    remove = (GSI2_PK, GSI2_SK, "refreshDueAt", "cooldownUntil", "leaseOwner", "leaseExpiresAt", "refreshMode",
              "secretWriter", "secretWriteUntil", MESSAGE_FIELD)
    saved = ConnectionRepository().update_connection(str(record["tenantId"]), str(record["integrationId"]),
                                                     record.get("userId"), fields, remove=remove) or dict(record)
    if outside:
        # again: a reconnect that raced us may have re-created the secret before the record said
        # disconnected (its own write now fails and it gives up); nothing may outlive the record
        vault.delete(secret_ref_of(dict(record)))
    _health_hook("unschedule_health_check", saved)
    _update_integration(saved, {"connectionStatus": None, "status": "pending", "disconnectedAt": now})
    _publish("integration.disconnected", saved, reason=reason)
    record_change("connection", str(record.get("connectionId")), before=_audit_view(record), after=_audit_view(saved))
    record_activity(str(record["tenantId"]), str(record["integrationId"]), "disconnect", "success",
                    user_id=record.get("userId"),
                    details={"connectionId": record.get("connectionId"), "reason": reason,
                             "revokedAtProvider": revoked})
    return {"success": True, "disconnectedAt": now, "revokedAtProvider": revoked,
            "connectionId": record.get("connectionId")}


def disconnect(principal: Principal, integration_id: str, *, user_scoped: bool = False) -> dict[str, Any]:
    integration_for(principal, integration_id, user_scoped=user_scoped)
    user_id = principal.user_id if user_scoped else None
    record = _live_record(principal.tenant_id, integration_id, user_id)
    return disconnect_connection(record, reason="user" if user_scoped else "tenant_admin", actor=principal.user_id)


def revoke_all_for_integration(tenant_id: str, integration_id: str) -> int:
    """Integration deletion: disconnect every connection of it (tenant and users)."""
    count = 0
    for record in ConnectionRepository().list_for_integration(tenant_id, integration_id):
        if record.get("status") == "disconnected" or not record.get("secretStored"):
            continue
        try:
            disconnect_connection(record, reason="integration_deleted", actor=None)
            count += 1
        except HubError:
            logger.exception("connection not disconnected", extra={"integrationId": integration_id})
    return count


# ---- user listing --------------------------------------------------------------------------


def user_connection_view(record: Mapping[str, Any] | None) -> dict[str, Any]:
    if record is None or record.get("status") == "disconnected":
        view: dict[str, Any] = {"connected": False}
        if record is not None:
            view.update({"status": "disconnected", "disconnectedAt": record.get("disconnectedAt")})
        return view
    status = effective_status(record)
    view = {
        "connected": status == "active",
        "connectionId": record.get("connectionId"),
        "status": status,
        "scopes": record.get("scopes"),
        "expiresAt": _iso(record.get("expiresAt")),
        "lastConnectedAt": record.get("lastConnectedAt"),
        "lastValidatedAt": record.get("lastValidatedAt"),
    }
    return {k: v for k, v in view.items() if v is not None}


def get_user_connection(principal: Principal, integration_id: str) -> dict[str, Any]:
    integration_for(principal, integration_id, user_scoped=True)
    record = ConnectionRepository().get_connection(principal.tenant_id, integration_id, principal.user_id)
    return {"integrationId": integration_id, **user_connection_view(record)}


def list_user_integrations(principal: Principal, params: Any) -> dict[str, Any]:
    """The user-scoped integrations of the caller's tenant, each with the caller's own connection."""
    from hub.integrations.repository import IntegrationRepository
    from hub.pagination import paginate, sort_items

    mine = {c["integrationId"]: c for c in ConnectionRepository().list_for_user(principal.tenant_id, principal.user_id)}
    items = []
    for integration in IntegrationRepository().list_integrations(principal.tenant_id):
        if not integration.get("userScoped") or integration.get("status") == "disabled":
            continue
        connection = user_connection_view(mine.get(integration["id"]))
        if getattr(params, "connected", None) is not None and connection["connected"] != params.connected:
            continue
        items.append({
            "integrationId": integration["id"],
            "name": integration.get("name"),
            "providerId": integration.get("providerId"),
            "providerName": integration.get("providerName"),
            "providerDisplayName": integration.get("providerDisplayName"),
            "category": integration.get("category"),
            "authType": integration.get("authType"),
            "connected": connection["connected"],
            "connection": connection,
        })
    ordered = sort_items(items, params.sortBy, params.sortOrder, ("name", "providerName", "category"), "name")
    return paginate(ordered, params, key="integrations")
