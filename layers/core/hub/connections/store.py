"""Storing a grant: the vault write and the record write of a connect or reconnect, under the
grant-write protocol (docs/connections.md, "The grant-write protocol").

- A first connect (or one after a disconnect) writes the record only if nobody else did
  meanwhile (`create_connection`, or `replace_if_version` of the disconnected record it read),
  then creates the secret. The loser writes nothing and answers 409 CONFLICT: the winner's
  connection stands, and retrying as a replacement would silently swap the account the winner
  just connected.
- A reconnect (a live secret) first claims the record (`claim_for_reconnect`: its lease and the
  secret-write claim, waiting briefly for another writer), so the vault version and the record
  always describe one grant; the record is then replaced only while the claim stands.
- The new grant is sealed into the record (`pendingWrite`, `hub.connections.pending`) before the
  vault is written, so a failed vault write or a crash leaves it pending, never lost.
- Tokens this code replaces or does not store are never revoked at the provider: a server may
  issue a same-browser reconnect on the grant the old tokens belong to, and revoking any token
  of a grant may end all of it (RFC 7009 §2.1), including the tokens just stored. Unused grants
  expire at the provider; a disconnect is what revokes.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from hub import clock
from hub.connections import lifecycle
from hub.connections.pending import seal
from hub.connections.record import RENEWABLE_MODES, ConnectionRecord, connection_key, is_refreshable, refresh_due_at
from hub.connections.repository import CLAIM_FIELDS, PENDING_FIELDS, ConnectionRepository, secret_ref_of
from hub.connections.spec import ProviderSpec
from hub.connections.tokens import TokenSet
from hub.errors import Conflict, HubError, SecretNotFound
from hub.ids import new_id
from hub.inbound.links import connect_account_ids
from hub.observability import logger
from hub.table import due_keys
from hub.vault import BACKEND_FIELD, TABLE, SecretRef, backend_for, message_fields, vault_named
from hub.vault import seal as seal_message

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


def _abandon_secret(ref: SecretRef, backend: str) -> None:
    """The connection was disconnected while we wrote its secret: the secret goes (a `table`
    credential went with the record the disconnect rewrote). The tokens are not revoked at the
    provider: they may share a grant with tokens that are still in use (see the module docstring)."""
    if backend == TABLE:
        return
    try:
        vault_named(backend).delete(ref)
    except HubError:
        logger.exception("abandoned secret not deleted", extra={"integrationId": ref.integration_id})


def store_connection(integration: Mapping[str, Any], spec: ProviderSpec, *, user_id: str | None,
                     actor: str | None, payload: dict[str, Any], fields: dict[str, Any]) -> ConnectionRecord:
    """Write the grant (the record, and the secret: new, or a new version of the existing one),
    then run the `connected` transition (integration status, health schedule, event, activity,
    audit). The grant is in the table before the vault is written (`pendingWrite`), so a failed
    vault write or a crash leaves it pending rather than lost."""
    repository = ConnectionRepository()
    tenant_id, integration_id = str(integration["tenantId"]), str(integration["id"])
    owner = f"connect:{new_id()}"
    for _attempt in range(_CLAIM_ATTEMPTS):
        existing = repository.get_connection(tenant_id, integration_id, user_id)
        if not (existing and existing.get("secretStored") and existing.get("connectionId")):
            return _store_new(repository, integration, spec, existing, owner, user_id=user_id, actor=actor,
                              payload=payload, fields=fields)
        message = seal_message(secret_ref_of(existing), payload)
        stored = message_fields(message, backend_for(existing))
        record = _record_for(integration, spec, existing, user_id=existing.get("userId"), actor=actor,
                             connection_id=str(existing["connectionId"]), version=0, fields={**fields, **stored})
        sealed = seal(message, record, tuple(_stale_fields(existing, record)))
        now = clock.now()
        claimed = repository.claim_for_reconnect(existing, owner, until=int(now + SECRET_WRITE_SECONDS), now=int(now),
                                                 pending=sealed)
        if claimed is not None:
            try:
                return _store_replacement(repository, spec, existing, claimed, owner, record=record, sealed=sealed,
                                          message=message)
            finally:
                _release(repository, existing, owner)
        time.sleep(_CLAIM_PAUSE_SECONDS)
    raise ConnectionConflict(details={"integrationId": integration_id})


def _release(repository: ConnectionRepository, record: Mapping[str, Any], owner: str) -> None:
    try:
        repository.release(record, owner)
    except Exception:  # noqa: BLE001 - an unreleased claim expires on its own
        logger.exception("connect claim not released", extra={"integrationId": record.get("integrationId")})


def _stale_fields(existing: Mapping[str, Any], record: Mapping[str, Any]) -> list[str]:
    """What the old record has and the new grant's record does not (a reconnect replaces it)."""
    keep = {"pk", "sk", "version", *CLAIM_FIELDS, *PENDING_FIELDS}
    return [name for name in existing if name not in record and name not in keep]


def write_vault(ref: SecretRef, message: str, backend: str) -> bool:
    """Put the sealed `message` in `backend` (a new secret or a new version). False when the vault
    failed: the caller keeps the grant pending in the record, to be written on the next read or
    refresh. The `table` vault has nothing to write here: the record update carries the message
    (`hub.vault.message_fields`)."""
    if backend == TABLE:
        return True
    vault = vault_named(backend)
    try:
        try:
            vault.replace_message(ref, message)
        except SecretNotFound:
            vault.store_message(ref, message)
    except Exception:  # noqa: BLE001 - any vault failure: the grant is already safe in the record
        logger.exception("vault write failed; the grant stays pending in the connection record",
                         extra={"integrationId": ref.integration_id, "connectionId": ref.connection_id})
        return False
    return True


def _record_for(integration: Mapping[str, Any], spec: ProviderSpec, existing: Mapping[str, Any] | None, *,
                user_id: str | None, actor: str | None, connection_id: str, version: int,
                fields: dict[str, Any]) -> dict[str, Any]:
    now = clock.now()
    tenant_id, integration_id = str(integration["tenantId"]), str(integration["id"])
    record: dict[str, Any] = {
        "tenantId": tenant_id,
        "integrationId": integration_id,
        "userId": user_id,
        "connectionId": connection_id,
        "providerId": spec.provider_id,
        "templateId": spec.template_id,
        "authType": spec.auth_mode,
        "status": "active",
        "secretName": SecretRef(tenant_id, integration_id, connection_id).secret_name(),
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
    record["inboundAccountIds"] = connect_account_ids(spec.template, record, spec.config) or None
    if record.get("refreshDueAt") is not None and is_refreshable(record):
        record.update(due_keys("refresh", connection_key(record), float(record["refreshDueAt"])))
    return {k: v for k, v in record.items() if v is not None}


def _store_new(repository: ConnectionRepository, integration: Mapping[str, Any], spec: ProviderSpec,
               existing: ConnectionRecord | None, owner: str, *, user_id: str | None, actor: str | None,
               payload: dict[str, Any], fields: dict[str, Any]) -> ConnectionRecord:
    """A first connect (or one after a disconnect): the record, holding the sealed grant and the
    write claim, is created only if nobody else did meanwhile (the loser answers 409 and leaves
    the winner's connection alone); then the secret; then the pending grant is dropped. With the
    `table` vault the record itself carries the sealed credential (`hub.vault.message_fields`)."""
    tenant_id, integration_id = str(integration["tenantId"]), str(integration["id"])
    connection_id = new_id("conn")
    ref = secret_ref_of({"tenantId": tenant_id, "integrationId": integration_id, "connectionId": connection_id,
                         "userId": user_id})
    message = seal_message(ref, payload)  # sealed once: the pending copy and the vault hold this message
    stored = message_fields(message, backend_for(None))
    record = _record_for(integration, spec, existing, user_id=user_id, actor=actor, connection_id=connection_id,
                         version=int((existing or {}).get("version") or 0), fields={**fields, **stored})
    sealed = seal(message)
    until = int(clock.now() + SECRET_WRITE_SECONDS)
    record.update({"pendingWrite": sealed, "pendingWriteAt": clock.iso(), "leaseOwner": owner,
                   "leaseExpiresAt": until, "secretWriter": owner, "secretWriteUntil": until})
    if existing is None:
        saved = repository.create_connection(record)
    else:  # a disconnected record: replace exactly the one we read
        saved = repository.replace_if_version(record, existing.get("version"))
    if saved is None:
        logger.warning("concurrent connect lost", extra={"integrationId": integration_id})
        raise ConnectionConflict(details={"integrationId": integration_id})
    ref = secret_ref_of(saved)
    if write_vault(ref, message, stored[BACKEND_FIELD]):
        try:
            finished = repository.finish_pending(saved, owner, sealed)
        except Exception:  # noqa: BLE001 - the secret is written; the next read drops the pending copy
            logger.exception("pending grant not cleared", extra={"integrationId": integration_id})
            finished = saved
        if finished is None:
            # disconnected while we wrote (the disconnect removed our claim): it wins
            _abandon_secret(ref, stored[BACKEND_FIELD])
            raise ConnectionConflict("The connection was disconnected meanwhile; connect again",
                                     details={"integrationId": integration_id})
        saved = finished
    else:
        _release(repository, saved, owner)
    lifecycle.connected(saved, before=existing, auth_mode=spec.auth_mode, via=fields.get("connectedVia"))
    return saved


def _store_replacement(repository: ConnectionRepository, spec: ProviderSpec, existing: ConnectionRecord,
                       claimed: ConnectionRecord, owner: str, *, record: dict[str, Any], sealed: str,
                       message: str) -> ConnectionRecord:
    """A reconnect: the claim already holds the sealed grant; the secret gets a new version; the
    record is replaced while the claim stands (still holding the grant if the vault failed)."""
    ref = secret_ref_of(existing)
    backend = str(record[BACKEND_FIELD])  # it stays where the record says it is
    written = write_vault(ref, message, backend)
    record = {**record, "version": int(claimed.get("version") or 0)}
    if not written:
        record.update({"pendingWrite": sealed, "pendingWriteAt": claimed.get("pendingWriteAt") or clock.iso()})
    saved = repository.replace_as_writer(record, owner)
    if saved is None:
        # disconnected while we wrote (the disconnect removed our claim): it wins
        logger.warning("connection disconnected during reconnect", extra={"integrationId": existing["integrationId"]})
        _abandon_secret(ref, backend)
        raise ConnectionConflict("The connection was disconnected meanwhile; connect again",
                                 details={"integrationId": existing["integrationId"]})
    lifecycle.connected(saved, before=existing, auth_mode=spec.auth_mode, via=record.get("connectedVia"))
    return saved
