"""Storing a grant: the vault write and the record write of a connect or reconnect, under the
grant-write protocol (docs/connections.md, "The grant-write protocol").

- A first connect (or one after a disconnect) creates a new secret and writes the record only if
  nobody else did meanwhile (`create_connection`, or `replace_if_version` of the disconnected
  record it read). The loser deletes its own secret, revokes its tokens and answers 409
  CONFLICT: the winner's connection stands, and retrying as a replacement would silently swap
  the account the winner just connected.
- A reconnect (a live secret) first claims the record (`claim_for_reconnect`: its lease and the
  secret-write claim, waiting briefly for another writer), so the vault version and the record
  always describe one grant; the record is then replaced only while the claim stands.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from hub import clock
from hub.connections import lifecycle
from hub.connections.record import RENEWABLE_MODES, ConnectionRecord, connection_key, is_refreshable, refresh_due_at
from hub.connections.repository import ConnectionRepository
from hub.connections.spec import ProviderSpec
from hub.connections.tokens import TokenSet, revoke_token
from hub.errors import Conflict, HubError, SecretNotFound
from hub.ids import new_id
from hub.observability import count_swallowed, logger
from hub.table import due_keys
from hub.vault import SecretRef, get_vault

SECRET_WRITE_SECONDS = 30  # the vault + record write of a connect or refresh; never a provider call
_CLAIM_ATTEMPTS = 30
_CLAIM_PAUSE_SECONDS = 0.1


class ConnectionConflict(Conflict):
    code = "CONFLICT"
    default_message = "A connection to this integration is being created or updated; try again"


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


def revoke_unstored(spec: ProviderSpec, payload: Mapping[str, Any]) -> None:
    """Tokens this request obtained but could not store: end them at the provider (RFC 7009,
    best effort) so no live grant is left that nobody holds."""
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
        count_swallowed("RevocationSkipped")


def _revoke_replaced_tokens(spec: ProviderSpec, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
    """A reconnect replaces the stored grant: end the old one at the provider (best effort)."""
    old_refresh = old.get("refreshToken")
    if old_refresh and old_refresh != new.get("refreshToken") and spec.revocation_url():
        try:
            revoke_token(spec, str(old_refresh), "refresh_token")
        except HubError:
            logger.warning("old tokens not revoked", extra={"providerId": spec.provider_id})
            count_swallowed("RevocationSkipped")


def _abandon_secret(spec: ProviderSpec, ref: SecretRef, payload: Mapping[str, Any]) -> None:
    try:
        get_vault().delete(ref)
    except HubError:
        logger.exception("abandoned secret not deleted", extra={"integrationId": ref.integration_id})
    revoke_unstored(spec, payload)


def store_connection(integration: Mapping[str, Any], spec: ProviderSpec, *, user_id: str | None,
                     actor: str | None, payload: dict[str, Any], fields: dict[str, Any]) -> ConnectionRecord:
    """Write the secret (new secret, or a new version of the existing one) and the record, then
    run the `connected` transition (integration status, health schedule, event, activity, audit)."""
    repository = ConnectionRepository()
    tenant_id, integration_id = str(integration["tenantId"]), str(integration["id"])
    owner = f"connect:{new_id()}"
    for _attempt in range(_CLAIM_ATTEMPTS):
        existing = repository.get_connection(tenant_id, integration_id, user_id)
        if not (existing and existing.get("secretStored") and existing.get("connectionId")):
            return _store_new(repository, integration, spec, existing, user_id=user_id, actor=actor,
                              payload=payload, fields=fields)
        now = clock.now()
        claimed = repository.claim_for_reconnect(existing, owner, until=int(now + SECRET_WRITE_SECONDS), now=int(now))
        if claimed is not None:
            try:
                return _store_replacement(repository, integration, spec, existing, claimed, owner, actor=actor,
                                          payload=payload, fields=fields)
            finally:
                _release(repository, existing, owner)
        time.sleep(_CLAIM_PAUSE_SECONDS)
    revoke_unstored(spec, payload)
    raise ConnectionConflict(details={"integrationId": integration_id})


def _release(repository: ConnectionRepository, record: Mapping[str, Any], owner: str) -> None:
    try:
        repository.release(record, owner)
    except Exception:  # noqa: BLE001 - an unreleased claim expires on its own
        logger.exception("connect claim not released", extra={"integrationId": record.get("integrationId")})


def _record_for(integration: Mapping[str, Any], spec: ProviderSpec, existing: Mapping[str, Any] | None, *,
                user_id: str | None, actor: str | None, connection_id: str, ref: SecretRef, version: int,
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
               existing: ConnectionRecord | None, *, user_id: str | None, actor: str | None,
               payload: dict[str, Any], fields: dict[str, Any]) -> ConnectionRecord:
    tenant_id, integration_id = str(integration["tenantId"]), str(integration["id"])
    connection_id = new_id("conn")
    ref = SecretRef(tenant_id, integration_id, connection_id)
    get_vault().store(ref, payload)  # a fresh id: nobody else writes this secret
    version = int((existing or {}).get("version") or 0)
    record = _record_for(integration, spec, existing, user_id=user_id, actor=actor, connection_id=connection_id,
                         ref=ref, version=version, fields=fields)
    if existing is None:
        saved = repository.create_connection(record)
    else:  # a disconnected record: replace exactly the one we read
        saved = repository.replace_if_version(record, existing.get("version"))
    if saved is None:
        logger.warning("concurrent connect lost; own secret deleted", extra={"integrationId": integration_id})
        _abandon_secret(spec, ref, payload)
        raise ConnectionConflict(details={"integrationId": integration_id})
    lifecycle.connected(saved, before=existing, auth_mode=spec.auth_mode, via=fields.get("connectedVia"))
    return saved


def _store_replacement(repository: ConnectionRepository, integration: Mapping[str, Any], spec: ProviderSpec,
                       existing: ConnectionRecord, claimed: ConnectionRecord, owner: str, *, actor: str | None,
                       payload: dict[str, Any], fields: dict[str, Any]) -> ConnectionRecord:
    tenant_id, integration_id = str(integration["tenantId"]), str(integration["id"])
    connection_id = str(existing["connectionId"])
    ref = SecretRef(tenant_id, integration_id, connection_id)
    vault = get_vault()
    old_payload: dict[str, Any] = {}
    try:
        old_payload = vault.read(ref)
        vault.replace(ref, payload)
    except SecretNotFound:
        vault.store(ref, payload)
    record = _record_for(integration, spec, existing, user_id=existing.get("userId"), actor=actor,
                         connection_id=connection_id, ref=ref, version=int(claimed.get("version") or 0),
                         fields=fields)
    saved = repository.replace_as_writer(record, owner)
    if saved is None:
        # disconnected while we wrote (the disconnect removed our claim): it wins
        logger.warning("connection disconnected during reconnect", extra={"integrationId": integration_id})
        _abandon_secret(spec, ref, payload)
        raise ConnectionConflict("The connection was disconnected meanwhile; connect again",
                                 details={"integrationId": integration_id})
    if old_payload:
        _revoke_replaced_tokens(spec, old_payload, payload)
    lifecycle.connected(saved, before=existing, auth_mode=spec.auth_mode, via=fields.get("connectedVia"))
    return saved
