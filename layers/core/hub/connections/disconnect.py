"""Disconnecting: revoke at the provider (where possible), delete the secret, mark the record
disconnected, then the `disconnected` transition. Also the integration-deletion cleanup that
`hub.cascades` runs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hub import clock
from hub.connections import lifecycle
from hub.connections.access import integration_for, live_record
from hub.connections.pending import current_payload
from hub.connections.repository import CLAIM_FIELDS, PENDING_FIELDS, ConnectionRepository, secret_ref_of
from hub.connections.spec import provider_spec_for
from hub.connections.tokens import revoke_token
from hub.errors import HubError
from hub.integrations.repository import IntegrationRepository
from hub.observability import count_swallowed, logger
from hub.principal import Principal
from hub.table import GSI2_PK, GSI2_SK
from hub.vault import MESSAGE_FIELD, TABLE, backend_of, vault_named


def _revoke_at_provider(record: Mapping[str, Any]) -> bool | None:
    """RFC 7009 where the template has a revocation endpoint: True revoked, False failed, None
    not possible (no endpoint, no token)."""
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
        payload = current_payload(record)
    except HubError:
        # the secret is deleted next either way; a revocation that could not even be tried is counted
        logger.warning("tokens not revoked: the credential could not be read",
                       extra={"integrationId": record.get("integrationId")})
        count_swallowed("RevocationSkipped")
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
    (no due keys, no claims), then the `disconnected` transition (health marker, integration,
    `integration.disconnected`, audit, activity)."""
    vault = vault_named(backend_of(record))
    # the `table` vault's credential is an attribute of the record: the update below removes it
    outside = bool(record.get("connectionId")) and vault.name != TABLE
    revoked = _revoke_at_provider(record) if record.get("secretStored") else None
    if outside:
        vault.delete(secret_ref_of(record))
    now = clock.iso()
    fields = {"status": "disconnected", "disconnectedAt": now, "disconnectedBy": actor, "disconnectReason": reason,
              "secretStored": False, "hasRefreshToken": False, "updatedAt": now, "revokedAtProvider": revoked}
    # removing the lease and writer claim makes an in-flight refresh or reconnect lose its final write
    remove = (GSI2_PK, GSI2_SK, "refreshDueAt", "cooldownUntil", "refreshMode", MESSAGE_FIELD, *CLAIM_FIELDS,
              *PENDING_FIELDS)
    saved = ConnectionRepository().update_connection(str(record["tenantId"]), str(record["integrationId"]),
                                                     record.get("userId"), fields, remove=remove) or dict(record)
    if outside:
        # again: a reconnect that raced us may have re-created the secret before the record said
        # disconnected (its own write now fails and it gives up); nothing may outlive the record
        vault.delete(secret_ref_of(record))
    lifecycle.disconnected(record, saved, reason=reason, revoked=revoked)
    return {"success": True, "disconnectedAt": now, "revokedAtProvider": revoked,
            "connectionId": record.get("connectionId")}


def disconnect(principal: Principal, integration_id: str, *, user_scoped: bool = False) -> dict[str, Any]:
    integration_for(principal, integration_id, user_scoped=user_scoped)
    user_id = principal.user_id if user_scoped else None
    record = live_record(principal.tenant_id, integration_id, user_id)
    return disconnect_connection(record, reason="user" if user_scoped else "tenant_admin", actor=principal.user_id)


def remove_connections_of(tenant_id: str, integration_id: str) -> int:
    """Integration deletion: disconnect every live connection of it (tenant and users), then
    delete every record and any secret left. Answers how many records were removed."""
    repository = ConnectionRepository()
    for record in repository.list_for_integration(tenant_id, integration_id):
        if record.get("status") == "disconnected" or not record.get("secretStored"):
            continue
        try:
            disconnect_connection(record, reason="integration_deleted", actor=None)
        except HubError:
            logger.exception("connection not disconnected", extra={"integrationId": integration_id})
    removed = 0
    for record in repository.list_for_integration(tenant_id, integration_id):
        if record.get("connectionId") and record.get("secretStored", True):
            vault_named(backend_of(record)).delete(secret_ref_of(record))
        repository.delete_connection(tenant_id, integration_id, record.get("userId"))
        removed += 1
    return removed
