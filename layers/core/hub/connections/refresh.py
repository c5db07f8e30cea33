"""Refreshing one connection's token, safely under concurrency (docs/architecture.md, Jobs and events).

1. A lease per connection by conditional write (`leaseOwner`, `leaseExpiresAt`): only one
   worker (job, API request, another Lambda) refreshes a connection at a time; an expired lease
   can be taken over.
2. The lease write returns the item as it is now, which is the re-read: when someone else has
   just refreshed, the due time has moved and the answer is "not_due" (unless `force`).
3. The provider's answer:
   - success: the new tokens replace the secret (a new version); when the provider returns no
     refresh token the old one is kept; rotation stores the new one. New expiry, new due time
     (expiry - buffer), counters reset, `integration.refreshed`;
   - `invalid_grant`: final. Status "expired", due keys removed, `integration.error`, no retry;
   - transient (5xx, 429, timeouts) or another refusal: `refreshFailures` + 1, exponential
     backoff (at least the provider's Retry-After) with `cooldownUntil`, the due time moved to
     the cooldown's end; `refreshFailureDays` counts distinct UTC days with failures and after
     `settings.refresh_max_failure_days` of them the connection turns "error" (+ event).
4. A refresh never writes over a newer grant or a disconnect: the lease is pre-empted by a
   reconnect and removed by a disconnect. Before the vault write the refresh claims the secret
   write (`secretWriter` / `secretWriteUntil`, conditional on its lease and the connection id it
   read; a reconnect waits for that short claim), and every record write after the provider
   call is conditional on the same. When a condition fails nothing is written, the rotated
   refresh token (if any) is revoked, and the outcome is "superseded".
5. The lease is always released.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from hub import clock
from hub.connections.activity import activity_item
from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.errors import HubError
from hub.observability import logger
from hub.settings import get_settings
from hub.table import GSI2_PK, GSI2_SK, due_keys

REFRESH_STATUSES = ("refreshed", "not_due", "lease_taken", "expired", "retry_later", "error", "not_refreshable",
                    "superseded", "too_soon")
_LEASE_FIELDS = ("leaseOwner", "leaseExpiresAt", "secretWriter", "secretWriteUntil")


@dataclass
class RefreshOutcome:
    status: str
    record: dict[str, Any] | None = None
    detail: str | None = None
    # True when the outcome's own record write ended the lease (no separate release call)
    released: bool = False
    retry_after: int | None = None


def _utc_day(moment: float) -> str:
    return datetime.fromtimestamp(moment, tz=UTC).strftime("%Y-%m-%d")


def backoff_seconds(failures: int, retry_after: int | None = None) -> int:
    """1, 2, 4, 8 ... minutes up to `refresh_backoff_max_seconds`, never less than Retry-After."""
    cap = get_settings().refresh_backoff_max_seconds
    delay = min(cap, 60 * 2 ** max(0, failures - 1))
    if retry_after is not None:
        delay = max(delay, min(retry_after, cap))
    return int(delay)


def refresh_connection(tenant_id: str, integration_id: str, user_id: str | None = None, *, force: bool = False,
                       owner: str, now: float | None = None) -> RefreshOutcome:
    from hub.connections.service import is_refreshable

    moment = clock.now() if now is None else now
    settings = get_settings()
    repository = ConnectionRepository()
    # the lease write checks what a read would (due, cooldown, lease free, forced-refresh limit)
    # and returns the record either way: no read before it, none after it
    leased, current = repository.take_refresh_lease(
        tenant_id, integration_id, user_id, owner=owner, now=moment, lease_seconds=settings.refresh_lease_seconds,
        force=force, forced_since=moment - settings.forced_refresh_interval_seconds)
    if leased is None:
        return _not_leased(current, force, moment)
    outcome = RefreshOutcome("not_refreshable", leased, "The connection has no renewable token")
    try:
        if leased.get("status") in ("active", "error") and leased.get("secretStored") and is_refreshable(leased):
            outcome = _refresh_leased(leased, owner, moment)
        return outcome
    finally:
        if not outcome.released:
            _release(repository, tenant_id, integration_id, user_id, owner)


def _not_leased(current: dict[str, Any] | None, force: bool, moment: float) -> RefreshOutcome:
    """Why the lease write did not hold, from the record it returned."""
    from hub.connections.service import is_refreshable

    if current is None or current.get("status") not in ("active", "error") or not current.get("secretStored") \
            or not is_refreshable(current):
        return RefreshOutcome("not_refreshable", current, "The connection has no renewable token")
    lease_until = current.get("leaseExpiresAt")
    if current.get("leaseOwner") and lease_until is not None and float(lease_until) >= int(moment):
        return RefreshOutcome("lease_taken", current, "Another worker is refreshing this connection")
    if force:
        forced_at = float(current.get("lastForcedRefreshAt") or moment)
        wait = max(1, math.ceil(forced_at + get_settings().forced_refresh_interval_seconds - moment))
        return RefreshOutcome("too_soon", current, "This connection's token was refreshed moments ago and is still "
                              "valid; try again later", retry_after=wait)
    due = current.get("refreshDueAt")
    if due is None or float(due) > moment:
        return RefreshOutcome("not_due", current)
    return RefreshOutcome("retry_later", current, "The connection is cooling down after a failed refresh")


def _release(repository: ConnectionRepository, tenant_id: str, integration_id: str, user_id: str | None,
             owner: str) -> None:
    try:
        repository.update_connection(tenant_id, integration_id, user_id, {},
                                     remove=("leaseOwner", "leaseExpiresAt", "secretWriter", "secretWriteUntil"),
                                     condition="#owner = :owner", names={"#owner": "leaseOwner"},
                                     values={":owner": owner})
    except Exception:  # noqa: BLE001 - an unreleased lease expires on its own
        logger.exception("refresh lease not released", extra={"integrationId": integration_id})


def _new_tokens(record: dict[str, Any], spec: Any, payload: dict[str, Any]) -> Any:
    from hub.connections.credentials import service_account_assertion
    from hub.connections.tokens import client_credentials_token, jwt_bearer_token, refresh_tokens

    mode = record.get("refreshMode")
    credentials = payload.get("credentials") or {}
    if mode == "refresh_token":
        refresh_token = payload.get("refreshToken")
        if not refresh_token:
            raise HubError("The stored credentials hold no refresh token", code="REFRESH_FAILED", status_code=400)
        return refresh_tokens(spec, str(refresh_token), spec.config)
    if mode == "client_credentials":
        return client_credentials_token(spec, credentials["clientId"], credentials["clientSecret"])
    if mode == "jwt_bearer":
        return jwt_bearer_token(spec, service_account_assertion(spec, credentials["serviceAccountKey"]))
    raise HubError("The connection has no renewable token", code="REFRESH_FAILED", status_code=400)


def _refresh_leased(record: dict[str, Any], owner: str, moment: float) -> RefreshOutcome:
    from hub.connections.service import (
        _publish,
        _update_integration,
        connection_key,
        integration_connected,
        refresh_due_at,
    )
    from hub.connections.spec import provider_spec_for
    from hub.connections.tokens import InvalidGrant, TransientTokenError
    from hub.errors import SecretNotFound
    from hub.integrations.repository import cached_integration
    from hub.vault import BACKEND_FIELD, TABLE, credential_fields, read_credentials, vault_named

    tenant_id, integration_id, user_id = record["tenantId"], record["integrationId"], record.get("userId")
    integration = cached_integration(tenant_id, integration_id)  # briefly, per warm container
    if integration is None:
        return RefreshOutcome("not_refreshable", record, "The integration no longer exists")
    try:
        spec = provider_spec_for(integration)
        ref = secret_ref_of(record)
        payload = read_credentials(ref, record)
        tokens = _new_tokens(record, spec, payload)
    except InvalidGrant as error:
        return _expired(record, owner, error.message, _update_integration, _publish)
    except TransientTokenError as error:
        return _failed(record, owner, moment, error.message, error.retry_after, transient=True)
    except HubError as error:
        return _failed(record, owner, moment, error.message, None, transient=False)

    new_payload = {**payload, **tokens.vault_payload()}
    if not tokens.refresh_token and payload.get("refreshToken"):
        new_payload["refreshToken"] = payload["refreshToken"]  # the provider kept the old one valid
    stored = credential_fields(ref, new_payload, record=record)
    inline = stored[BACKEND_FIELD] == TABLE  # the sealed tokens go with the record update below
    if not inline:
        if not _claim_secret_write(record, owner):
            return _superseded(record, spec, payload, new_payload)
        try:
            vault_named(stored[BACKEND_FIELD]).replace(ref, new_payload)
        except SecretNotFound:  # disconnected between our claim and the write
            return _superseded(record, spec, payload, new_payload)
    due = refresh_due_at(tokens.expires_at, spec.refresh_buffer_seconds, moment)
    fields: dict[str, Any] = {
        "status": "active",
        "expiresAt": tokens.expires_at,
        "refreshDueAt": due,
        "lastRefreshedAt": clock.iso(moment),
        "hasRefreshToken": bool(new_payload.get("refreshToken")),
        "tokenType": tokens.token_type or record.get("tokenType"),
        "refreshFailures": 0,
        "refreshFailureDays": 0,
        "updatedAt": clock.iso(),
        **stored,
    }
    if tokens.scopes is not None:
        fields["scopes"] = list(tokens.scopes)
    if tokens.extra:
        fields["tokenFields"] = {**(record.get("tokenFields") or {}), **tokens.extra}
    remove = ["cooldownUntil", "lastRefreshError", "lastRefreshFailureDay", *_LEASE_FIELDS]
    if due is not None:
        fields.update(due_keys("refresh", connection_key(record), due))
    else:
        remove += [GSI2_PK, GSI2_SK, "refreshDueAt"]
        fields.pop("refreshDueAt")
    if tokens.expires_at is None:
        remove.append("expiresAt")
        fields.pop("expiresAt")
    activity = activity_item(tenant_id, integration_id, "refresh", "success", user_id=user_id,
                             details={"connectionId": record.get("connectionId")})
    saved = _leased_update(record, owner, fields, tuple(remove), writing=not inline, activity=activity)
    if saved is None:
        # disconnected after our vault write (it deleted the secret after us): the record is theirs
        return _superseded(record, spec, payload, new_payload)
    if record.get("status") != "active" or integration.get("connectionStatus") != "active":
        integration_connected(saved, integration)
    _publish("integration.refreshed", saved)
    return RefreshOutcome("refreshed", saved, released=True)


def _expired(record: dict[str, Any], owner: str, message: str, update_integration: Any, publish: Any
             ) -> RefreshOutcome:
    now = clock.iso()
    activity = activity_item(record["tenantId"], record["integrationId"], "refresh", "failed",
                             user_id=record.get("userId"),
                             details={"connectionId": record.get("connectionId"), "error": "invalid_grant"})
    saved = _leased_update(record, owner, {"status": "expired", "expiredAt": now, "lastRefreshError": message,
                                           "updatedAt": now},
                           (GSI2_PK, GSI2_SK, "refreshDueAt", "cooldownUntil", *_LEASE_FIELDS), activity=activity)
    if saved is None:  # the grant we refreshed is gone (disconnect or reconnect): not ours to mark
        return _lost_lease(record)
    update_integration(saved, {"connectionStatus": "expired", "status": "error", "lastError": message})
    publish("integration.error", saved, reason="invalid_grant")
    return RefreshOutcome("expired", saved, message, released=True)


def _failed(record: dict[str, Any], owner: str, moment: float, message: str, retry_after: int | None, *,
            transient: bool) -> RefreshOutcome:
    from hub.connections.service import _publish, _update_integration, connection_key

    failures = int(record.get("refreshFailures") or 0) + 1
    day = _utc_day(moment)
    days = int(record.get("refreshFailureDays") or 0)
    if record.get("lastRefreshFailureDay") != day:
        days += 1
    cooldown = moment + backoff_seconds(failures, retry_after)
    fields: dict[str, Any] = {
        "refreshFailures": failures,
        "refreshFailureDays": days,
        "lastRefreshFailureDay": day,
        "lastRefreshFailureAt": clock.iso(moment),
        "lastRefreshError": message,
        "cooldownUntil": round(cooldown, 3),
        "updatedAt": clock.iso(),
    }
    remove: tuple[str, ...] = _LEASE_FIELDS
    gave_up = days >= get_settings().refresh_max_failure_days
    if gave_up:
        fields["status"] = "error"
        remove += (GSI2_PK, GSI2_SK, "refreshDueAt")
    else:
        fields["refreshDueAt"] = round(cooldown, 3)
        fields.update(due_keys("refresh", connection_key(record), cooldown))
    activity = activity_item(record["tenantId"], record["integrationId"], "refresh", "failed",
                             user_id=record.get("userId"),
                             details={"connectionId": record.get("connectionId"), "failures": failures,
                                      "transient": transient})
    leased = _leased_update(record, owner, fields, remove, activity=activity)
    if leased is None:
        return _lost_lease(record)
    saved = leased
    if gave_up:
        _update_integration(saved, {"connectionStatus": "error", "status": "error", "lastError": message})
        _publish("integration.error", saved, reason="refresh_failed")
        return RefreshOutcome("error", saved, message, released=True)
    return RefreshOutcome("retry_later" if transient else "error", saved, message, released=True)


def _leased_update(record: dict[str, Any], owner: str, fields: dict[str, Any], remove: tuple[str, ...], *,
                   writing: bool = False, activity: dict[str, Any]) -> dict[str, Any] | None:
    """Update the record, with its activity line in the same call, only while this refresh still
    holds its lease on the same connection (a disconnect removes the lease, a reconnect takes
    it over); None when it does not."""
    condition = "#owner = :owner AND #cid = :cid"
    names = {"#owner": "leaseOwner", "#cid": "connectionId"}
    if writing:
        condition += " AND #writer = :owner"
        names["#writer"] = "secretWriter"
    return ConnectionRepository().update_with_activity(
        record, fields, remove, activity, condition=condition, names=names,
        values={":owner": owner, ":cid": record["connectionId"]},
    )


def _claim_secret_write(record: dict[str, Any], owner: str) -> bool:
    """Mark that this refresh is about to write the vault, if its lease still stands on a live
    connection with the id it read. A reconnect does not pre-empt this short claim."""
    from hub.connections.service import SECRET_WRITE_SECONDS

    until = int(clock.now() + SECRET_WRITE_SECONDS)
    condition = "#owner = :owner AND #cid = :cid AND #stored = :true AND #status IN (:active, :error)"
    return ConnectionRepository().update_connection(
        record["tenantId"], record["integrationId"], record.get("userId"),
        {"secretWriter": owner, "secretWriteUntil": until, "leaseExpiresAt": until},
        condition=condition,
        names={"#owner": "leaseOwner", "#cid": "connectionId", "#stored": "secretStored", "#status": "status"},
        values={":owner": owner, ":cid": record["connectionId"], ":true": True, ":active": "active",
                ":error": "error"},
    ) is not None


def _lost_lease(record: dict[str, Any]) -> RefreshOutcome:
    current = ConnectionRepository().get_connection(record["tenantId"], record["integrationId"], record.get("userId"))
    logger.warning("refresh superseded by a disconnect or reconnect; nothing written",
                   extra={"integrationId": record["integrationId"], "connectionId": record.get("connectionId")})
    return RefreshOutcome("superseded", current, "The connection was disconnected or reconnected during the refresh",
                          released=True)  # the lease is someone else's now


def _superseded(record: dict[str, Any], spec: Any, old_payload: dict[str, Any], new_payload: dict[str, Any]
                ) -> RefreshOutcome:
    """The refreshed tokens belong to a grant that is no longer the connection's: do not store
    them, and end a rotated refresh token nobody will hold (best effort, RFC 7009)."""
    from hub.connections.tokens import revoke_token

    rotated = new_payload.get("refreshToken")
    if rotated and rotated != old_payload.get("refreshToken") and spec.oauth is not None and spec.revocation_url():
        try:
            revoke_token(spec, str(rotated), "refresh_token")
        except HubError:
            logger.warning("superseded refresh token not revoked", extra={"integrationId": record["integrationId"]})
    return _lost_lease(record)
