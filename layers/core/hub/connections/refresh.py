"""Refreshing one connection's token, safely under concurrency and single faults (docs/architecture.md,
Jobs and events; the write protocol: docs/connections.md, "The grant-write protocol"; the AWS calls
it takes: docs/cost.md).

1. A lease per connection by conditional write (`leaseOwner`, `leaseExpiresAt`): only one
   worker (job, API request, another Lambda) refreshes a connection at a time; an expired lease
   can be taken over. The lease write is the read: it holds only on a live, renewable
   connection that is due and not cooling down (unless `force`), and answers the item as it is
   now, or as it was when the condition failed (which says why: "not_due", "lease_taken", ...).
2. The provider's answer:
   - success: the new tokens replace the secret (a new version); when the provider returns no
     refresh token the old one is kept; rotation stores the new one. New expiry, new due time
     (expiry - buffer), counters reset, `integration.refreshed`;
   - `invalid_grant`: final. Status "expired", due keys removed, `integration.error`, no retry;
   - transient (5xx, 429, timeouts) or another refusal: `refreshFailures` + 1, exponential
     backoff (at least the provider's Retry-After) with `cooldownUntil`, the due time moved to
     the cooldown's end; `refreshFailureDays` counts distinct UTC days with failures and after
     `settings.refresh_max_failure_days` of them the connection turns "error" (+ event).
3. A refresh never writes over a newer grant or a disconnect: the lease is pre-empted by a
   reconnect and removed by a disconnect, and every record write after the provider call is
   conditional on it (`ConnectionRepository.update_if_leased`). With Secrets Manager the refresh
   first claims the secret write (`secretWriter` / `secretWriteUntil`, conditional on its lease
   and the connection id it read; a reconnect waits for that short claim). When a condition
   fails nothing is written (and nothing revoked: see `hub.connections.store`), and the outcome
   is "superseded".
4. The new grant is sealed once (one Encryption SDK message). With Secrets Manager it goes into
   the record with the claim, before the vault write (`hub.connections.pending`): a failed vault
   or record write, or a crash, leaves it pending, and the next refresh (or a reader) reconciles
   it first. The last record write keeps the message as the record's copy of the secret
   (`hub.vault.message_fields`), so the next refresh opens the grant from the record it leases
   and never reads the secret. With the `table` vault the record write is the vault write.
5. The last record write ends the lease and carries the activity line and, for a refresh through
   the API, the request's audit record (one transaction, `hub.request.carried_audit`); any other
   way out releases the lease.
Side effects (integration status, events) are the lifecycle's: `hub.connections.lifecycle`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from hub import clock
from hub.connections import lifecycle
from hub.connections.activity import activity_item
from hub.connections.credentials import service_account_assertion
from hub.connections.pending import current_payload, seal, unseal
from hub.connections.record import (
    ConnectionRecord,
    RefreshStatus,
    connection_key,
    is_live,
    is_refreshable,
    refresh_due_at,
)
from hub.connections.repository import CLAIM_FIELDS, PENDING_FIELDS, ConnectionRepository, secret_ref_of
from hub.connections.spec import ProviderSpec, provider_spec_for
from hub.connections.store import SECRET_WRITE_SECONDS, write_vault
from hub.connections.tokens import (
    InvalidGrant,
    TokenSet,
    TransientTokenError,
    client_credentials_token,
    jwt_bearer_token,
    refresh_tokens,
)
from hub.errors import HubError
from hub.ids import new_id
from hub.integrations.repository import IntegrationRepository
from hub.observability import logger
from hub.request import carried_audit
from hub.settings import get_settings
from hub.table import GSI2_PK, GSI2_SK, due_keys
from hub.vault import TABLE, backend_of, message_fields, vault_named
from hub.vault import seal as seal_message


@dataclass
class RefreshOutcome:
    status: RefreshStatus
    record: ConnectionRecord | None = None
    detail: str | None = None
    retry_after: int | None = None  # "too_soon": seconds until a forced refresh is allowed again


def _ending(*names: str) -> tuple[str, ...]:
    """Attributes a write removes, each once, with the lease and claim: it ends the refresh."""
    return tuple(dict.fromkeys((*names, *CLAIM_FIELDS)))


def _utc_day(moment: float) -> str:
    return datetime.fromtimestamp(moment, tz=UTC).strftime("%Y-%m-%d")


def backoff_seconds(failures: int, retry_after: int | None = None) -> int:
    """1, 2, 4, 8 ... minutes up to `refresh_backoff_max_seconds`, never less than Retry-After."""
    cap = get_settings().refresh_backoff_max_seconds
    delay = min(cap, 60 * 2 ** max(0, failures - 1))
    if retry_after is not None:
        delay = max(delay, min(retry_after, cap))
    return int(delay)


def _renewable(record: Mapping[str, Any] | None) -> bool:
    return is_live(record) and is_refreshable(record or {})


def refresh_connection(tenant_id: str, integration_id: str, user_id: str | None = None, *, force: bool = False,
                       owner: str, now: float | None = None, throttled: bool = False,
                       audited: bool = False) -> RefreshOutcome:
    """Renew the connection's token if it is due (or now, `force`). `throttled`: a caller's
    forced refresh of a token that is not due yet is allowed once per
    `settings.forced_refresh_interval_seconds` per connection (outcome "too_soon"), because every
    refresh writes a Secrets Manager version (docs/cost.md). `audited`: the refresh is the
    request's own operation (POST .../connection/refresh), so its final write carries the
    request's audit record (`hub.request.carried_audit`)."""
    moment = clock.now() if now is None else now
    settings = get_settings()
    interval = settings.forced_refresh_interval_seconds
    repository = ConnectionRepository()
    leased, current = repository.lease_for_refresh(
        tenant_id, integration_id, user_id, owner, until=int(moment + settings.refresh_lease_seconds), now=moment,
        due=not force, forced_since=moment - interval if force and throttled and interval > 0 else None)
    if leased is None:
        return _not_leased(current, owner, moment, force=force, interval=interval)
    outcome: RefreshOutcome | None = None
    try:
        # `leased` is the item as it is now: someone may have refreshed (or reconnected) meanwhile
        if leased.get("pendingWrite"):
            leased = reconcile_pending(leased, owner)
        if not _renewable(leased):
            outcome = RefreshOutcome("not_refreshable", leased, "The connection has no renewable token")
        else:
            outcome = _refresh_leased(leased, owner, moment, audited=audited)
        return outcome
    finally:
        if outcome is None or _holds(outcome.record, owner):
            _release(repository, leased, owner)


def _not_leased(current: ConnectionRecord | None, owner: str, moment: float, *, force: bool,
                interval: int) -> RefreshOutcome:
    """Why the lease write did not hold, from the record as it was."""
    if current is None or not _renewable(current):
        return RefreshOutcome("not_refreshable", current, "The connection has no renewable token")
    lease_owner, lease_until = current.get("leaseOwner"), current.get("leaseExpiresAt")
    if lease_owner and lease_owner != owner and float(lease_until or 0) >= moment:
        return RefreshOutcome("lease_taken", current, "Another worker is refreshing this connection")
    due = current.get("refreshDueAt")
    if not force:
        if due is None or float(due) > moment:
            return RefreshOutcome("not_due", current)
        return RefreshOutcome("retry_later", current, "The connection is cooling down after a failed refresh")
    forced = current.get("lastForcedRefreshAt")
    if isinstance(forced, int | float):
        retry = max(1, math.ceil(float(forced) + interval - moment))
        return RefreshOutcome("too_soon", current, "The token is still fresh and was renewed on request recently",
                              retry_after=retry)
    return RefreshOutcome("lease_taken", current, "Another worker is refreshing this connection")


def _holds(record: Mapping[str, Any] | None, owner: str) -> bool:
    return bool(record) and (record or {}).get("leaseOwner") == owner


def reconcile_pending(record: ConnectionRecord, owner: str) -> ConnectionRecord:
    """Finish a grant write that an earlier failure left pending: write it to the vault, apply its
    record fields and drop it. The caller holds the lease; on a vault failure it stays pending."""
    grant = unseal(record)
    if grant is None:
        return record
    ref = secret_ref_of(record)
    message = grant.message or seal_message(ref, grant.payload)  # a legacy pending grant is sealed here
    if not write_vault(ref, message, backend_of(record)):
        return record
    # the record's message becomes the one the vault now holds (hub.vault.message_fields)
    applied = ConnectionRepository().apply_pending(record, owner, str(record["pendingWrite"]),
                                                   {**grant.fields, **message_fields(message, backend_of(record))},
                                                   grant.remove)
    if applied is None:
        _drop_if_disconnected(record)
        return ConnectionRepository().reread(record) or record
    logger.info("pending grant written to the vault", extra={"integrationId": record["integrationId"]})
    return applied


def reconcile_now(record: ConnectionRecord) -> None:
    """A reader found a pending grant: reconcile it if the lease is free (best effort; the next
    refresh does it otherwise)."""
    owner = f"reconcile:{new_id()}"
    repository = ConnectionRepository()
    moment = clock.now()
    try:
        leased = repository.take_refresh_lease(record, owner, until=int(moment + SECRET_WRITE_SECONDS),
                                               now=int(moment))
        if leased is None:
            return
        try:
            if leased.get("pendingWrite") and is_live(leased):
                reconcile_pending(leased, owner)
        finally:
            _release(repository, leased, owner)
    except Exception:  # noqa: BLE001 - the grant stays pending; readers keep using it
        logger.exception("pending grant not reconciled", extra={"integrationId": record.get("integrationId")})


def _drop_if_disconnected(record: Mapping[str, Any]) -> None:
    """A disconnect won against our vault write: the secret we may have re-created goes too."""
    current = ConnectionRepository().reread(record)
    if current is None or current.get("status") == "disconnected" or current.get("connectionId") != \
            record.get("connectionId"):
        try:
            vault_named(backend_of(record)).delete(secret_ref_of(record))
        except Exception:  # noqa: BLE001 - logged; the disconnect already deleted it twice
            logger.exception("secret of a disconnected connection not deleted",
                             extra={"integrationId": record.get("integrationId")})


def _release(repository: ConnectionRepository, record: Mapping[str, Any], owner: str) -> None:
    try:
        repository.release(record, owner)
    except Exception:  # noqa: BLE001 - an unreleased lease expires on its own
        logger.exception("refresh lease not released", extra={"integrationId": record.get("integrationId")})


def _new_tokens(record: Mapping[str, Any], spec: ProviderSpec, payload: dict[str, Any]) -> TokenSet:
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


def _refresh_leased(record: ConnectionRecord, owner: str, moment: float, *, audited: bool) -> RefreshOutcome:
    # cached per warm container (hub/cache.py): the integration, its provider and client secret
    integration = IntegrationRepository().cached_integration(record["tenantId"], record["integrationId"])
    if integration is None:
        return RefreshOutcome("not_refreshable", record, "The integration no longer exists")
    try:
        spec = provider_spec_for(integration)
        ref = secret_ref_of(record)
        payload = current_payload(record)
        tokens = _new_tokens(record, spec, payload)
    except InvalidGrant as error:
        return _expired(record, owner, error.message)
    except TransientTokenError as error:
        return _failed(record, owner, moment, error.message, error.retry_after, transient=True)
    except HubError as error:
        return _failed(record, owner, moment, error.message, None, transient=False)

    new_payload = {**payload, **tokens.vault_payload()}
    if not tokens.refresh_token and payload.get("refreshToken"):
        new_payload["refreshToken"] = payload["refreshToken"]  # the provider kept the old one valid
    fields, remove = _refreshed_fields(record, spec, tokens, new_payload, moment)
    # from here on the provider has spent the old refresh token (when it rotates). The grant is
    # sealed once: the same message goes to the record (pending, or `table`'s own) and the vault.
    backend = backend_of(record)
    message = seal_message(ref, new_payload)
    fields = {**fields, **message_fields(message, backend)}
    activity = activity_item(record["tenantId"], record["integrationId"], "refresh", "success",
                             user_id=record.get("userId"), details={"connectionId": record.get("connectionId")})
    # a refresh requested through the API carries the request's audit record (the pipeline then writes none)
    audit = carried_audit() if audited else None
    lines = (activity,) if audit is None else (activity, audit.item)
    repository = ConnectionRepository()
    if backend == TABLE:
        # the record write is the vault write: one write, holding the lease, ends the refresh
        saved = repository.update_if_leased(record, owner, fields, _ending(*remove), lines=lines)
        if saved is None:
            return _superseded(record)
    else:
        # the new grant goes into the record with the claim, before the vault is written
        sealed = seal(message, fields, remove)
        if not repository.claim_secret_write(record, owner, until=int(clock.now() + SECRET_WRITE_SECONDS),
                                             pending=sealed):
            return _superseded(record)
        if write_vault(ref, message, backend):
            remove = (*remove, *PENDING_FIELDS)
        saved = repository.update_if_leased(record, owner, fields, _ending(*remove), writing=True, lines=lines)
        if saved is None:
            # disconnected after our claim (it removed it): the record is theirs, and so is the secret
            _drop_if_disconnected(record)
            return _superseded(record)
    if audit is not None:
        audit.written()
    lifecycle.refreshed(saved, before=record, integration=integration)
    return RefreshOutcome("refreshed", saved)


def _refreshed_fields(record: Mapping[str, Any], spec: ProviderSpec, tokens: TokenSet, new_payload: Mapping[str, Any],
                      moment: float) -> tuple[dict[str, Any], tuple[str, ...]]:
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
    }
    if tokens.scopes is not None:
        fields["scopes"] = list(tokens.scopes)
    if tokens.extra:
        fields["tokenFields"] = {**(record.get("tokenFields") or {}), **tokens.extra}
    # a connection in error (refresh or health) is active again: its error goes (lifecycle.refreshed
    # publishes integration.recovered)
    remove = ["cooldownUntil", "lastRefreshError", "lastRefreshFailureDay", "secretWriter", "secretWriteUntil",
              "errorSource", "lastError"]
    if due is not None:
        fields.update(due_keys("refresh", connection_key(record), due))
    else:
        remove += [GSI2_PK, GSI2_SK, "refreshDueAt"]
        fields.pop("refreshDueAt")
    if tokens.expires_at is None:
        remove.append("expiresAt")
        fields.pop("expiresAt")
    return fields, tuple(remove)


def _expired(record: ConnectionRecord, owner: str, message: str) -> RefreshOutcome:
    now = clock.iso()
    saved = ConnectionRepository().update_if_leased(
        record, owner, {"status": "expired", "expiredAt": now, "lastRefreshError": message, "updatedAt": now},
        _ending(GSI2_PK, GSI2_SK, "refreshDueAt", "cooldownUntil"))
    if saved is None:  # the grant we refreshed is gone (disconnect or reconnect): not ours to mark
        return _lost_lease(record)
    lifecycle.grant_expired(saved, message=message)
    return RefreshOutcome("expired", saved, message)


def _failed(record: ConnectionRecord, owner: str, moment: float, message: str, retry_after: int | None, *,
            transient: bool) -> RefreshOutcome:
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
    remove: tuple[str, ...] = ()
    gave_up = days >= get_settings().refresh_max_failure_days
    if gave_up:
        fields["status"] = "error"
        remove = (GSI2_PK, GSI2_SK, "refreshDueAt")
    else:
        fields["refreshDueAt"] = round(cooldown, 3)
        fields.update(due_keys("refresh", connection_key(record), cooldown))
    saved = ConnectionRepository().update_if_leased(record, owner, fields, _ending(*remove))
    if saved is None:
        return _lost_lease(record)
    lifecycle.refresh_failed(saved, failures=failures, transient=transient)
    if gave_up:
        lifecycle.refresh_gave_up(saved, message=message)
        return RefreshOutcome("error", saved, message)
    return RefreshOutcome("retry_later" if transient else "error", saved, message)


def _lost_lease(record: ConnectionRecord) -> RefreshOutcome:
    current = ConnectionRepository().reread(record)
    logger.warning("refresh superseded by a disconnect or reconnect; nothing written",
                   extra={"integrationId": record["integrationId"], "connectionId": record.get("connectionId")})
    return RefreshOutcome("superseded", current, "The connection was disconnected or reconnected during the refresh")


def _superseded(record: ConnectionRecord) -> RefreshOutcome:
    """The refreshed tokens belong to a grant that is no longer the connection's: they are not
    stored. Nor are they revoked: a reconnect may have been issued on the same grant, and revoking
    one of its tokens can end all of it (hub.connections.store explains)."""
    return _lost_lease(record)
